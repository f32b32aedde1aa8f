//! Reading a project's attachments from this browser: an ROI model's key
//! figures and a readiness run's verdict; a module of its own with `split`.

use crate::domain::assess;
use crate::domain::packs;
use crate::ui::storage::Storage;
use crate::view::ranking::{self, AttachedReadiness, AttachedRoi};
use leptos::prelude::*;

fn attached_roi(id: &str) -> Result<AttachedRoi, String> {
    let storage = expect_context::<Storage>();
    let doc = untrack(|| storage.load(id))
        .map_err(|_| "the attached ROI model is not in this browser".to_string())?;
    let model = crate::persist::roi::from_data(&doc.data).map_err(|e| e.to_string())?;
    Ok(AttachedRoi {
        figures: model.key_figures(),
        currency: model.money.currency.clone(),
        name: doc.name,
    })
}

fn readiness_level(id: &str) -> Result<AttachedReadiness, String> {
    let storage = expect_context::<Storage>();
    let doc = untrack(|| storage.load(id))
        .map_err(|_| "the attached assessment is not in this browser".to_string())?;
    let pack = packs::READINESS
        .load()
        .map_err(|_| "the readiness assessment could not be loaded".to_string())?;
    let run =
        crate::persist::assessment::from_data_for(&doc.data, &pack).map_err(|e| e.to_string())?;
    let results = assess::score(&pack, &run.answers);
    let verdict = assess::verdict(&pack, &results).map(|v| v.label);
    Ok(AttachedReadiness {
        label: ranking::readiness_label(run.completed.is_some(), verdict),
        name: doc.name,
    })
}

/// What reads a project's attachments from this browser's storage: an ROI
/// model's key figures and a readiness run's verdict. Only a portfolio with
/// attachments uses them, with the ROI model's stored format and finance and
/// the readiness pack; with `split` they are a module of their own, fetched
/// when a portfolio with attachments is shown.
#[derive(Clone, Copy)]
pub(super) struct Readers {
    pub(super) roi: fn(&str) -> Result<AttachedRoi, String>,
    pub(super) readiness: fn(&str) -> Result<AttachedReadiness, String>,
}

pub(super) const READERS: Readers = Readers {
    roi: attached_roi,
    readiness: readiness_level,
};

split_point!(
    attachments_1,
    pub(super) fn attachment_readers() -> Readers {
        READERS
    }
);
