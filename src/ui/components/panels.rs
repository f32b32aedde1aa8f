//! Small pieces every calculator page shows the same way.

use crate::persist::envelope::{DocKind, Document};
use crate::persist::store::StoreError;
use crate::route::Page;
use crate::ui::storage::Storage;
use leptos::prelude::*;
use std::fmt::Display;

/// The kind of saved document an editor opens, and its words for it.
pub struct Opens {
    pub kind: DocKind,
    /// As in "This saved model could not be read".
    pub noun: &'static str,
    /// As in "There is no saved ROI model with this address".
    pub name: &'static str,
    /// As in "That saved document is not an ROI model".
    pub a_name: &'static str,
}

/// Loads saved document `id` and reads its data with `read`, or says why it
/// cannot be opened: not in this browser, another kind, or unreadable.
pub fn open_saved<T, E: Display>(
    id: &str,
    opens: &Opens,
    read: impl FnOnce(&Document) -> Result<T, E>,
) -> Result<(Document, T), String> {
    let storage = expect_context::<Storage>();
    match untrack(|| storage.load(id)) {
        Ok(doc) if doc.kind == opens.kind => match read(&doc) {
            Ok(data) => Ok((doc, data)),
            Err(e) => Err(format!("This saved {} could not be read: {e}.", opens.noun)),
        },
        Ok(_) => Err(format!("That saved document is not {}.", opens.a_name)),
        Err(StoreError::Newer(..)) => Err(format!(
            "This saved {} was saved by a newer version of Sextant. It is kept as it is; open Sextant's newest version to use it.",
            opens.noun
        )),
        Err(_) => Err(format!(
            "There is no saved {} with this address in this browser. It may have been deleted, or saved in another browser.",
            opens.name
        )),
    }
}

/// The page of an editor whose saved document cannot be opened: why, and a
/// way to start a new one.
pub fn missing(
    title: &'static str,
    start: Page,
    start_label: &'static str,
    message: String,
) -> AnyView {
    view! {
        <section class="panel">
            <h1>{title}</h1>
            <p role="alert">{message}</p>
            <p>
                <a class="button" href=start.href()>
                    {start_label}
                </a>
            </p>
        </section>
    }
    .into_any()
}

/// One key figure of a results panel, or why it is not available.
pub fn figure(
    label: &'static str,
    value: Result<String, String>,
    note: Option<&'static str>,
) -> impl IntoView {
    let (text, unavailable) = match value {
        Ok(v) => (v, false),
        Err(why) => (format!("Not available: {why}."), true),
    };
    view! {
        <div class="figure" class:figure--unavailable=unavailable>
            <dt>{label}</dt>
            <dd>{text}</dd>
            {note.map(|n| view! { <dd class="figure__note">{n}</dd> })}
        </div>
    }
}

/// Why results are not shown while `n` fields of the form hold values that
/// are not valid (the model still has their last valid values).
/// `subject` is "Results are" or "The ranking is"; `object`, "them" or "it".
pub fn withheld(subject: &'static str, object: &'static str, n: usize) -> AnyView {
    view! {
        <p class="results__unavailable" role="alert">
            {format!(
                "{subject} unavailable while {n} {} not valid. Fix the highlighted {} to see {object} again.",
                if n == 1 { "input is" } else { "inputs are" },
                if n == 1 { "field" } else { "fields" },
            )}
        </p>
    }
    .into_any()
}
