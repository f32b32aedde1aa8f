//! The stored form of an automation ROI estimate: `{"v":2,"model":{…}}`
//! inside a document envelope. Format 2:
//!
//! ```json
//! {"v":2,"model":{"currency":"USD",
//!   "stages":{"data-processing":{"hours_per_run":6.0,"runs_per_month":8.0,
//!       "hourly_rate":75.0,"automated_share":0.6,"oversight_hours":4.0}, …},
//!   "licence_monthly":2500.0,"compute_monthly":900.0,"setup_cost":30000.0,
//!   "horizon_years":3.0,"discount_rate":0.1,
//!   "limitations":["data-drift","explainability"],
//!   "ramp_months":4.0,"upkeep_monthly":1500.0,
//!   "limitation_costs":{"data-drift":400.0,"vendor-lock-in":15000.0}}}
//! ```
//!
//! Format 1 had `"horizon_months"` (a whole number) instead of
//! `"horizon_years"`, and no ramp, upkeep or limitation costs; it reads as
//! the same horizon in years (24 months is 2 years, 18 is 1.5) with none of
//! them, so its figures are unchanged.
//!
//! Stages and limitations are stored by their stable ids, never by position.
//! The editor saves only valid models, so reading refuses, as
//! [`ReadError::Corrupt`] naming the field, any input outside its range, a
//! missing or unknown stage, and an unknown limitation.
//! `a_format_1_document_still_reads` pins the format.

use super::envelope::{Data, ReadError};
use super::limits;
use crate::domain::automation::{AutomationModel, Limitation, Stage, StageInputs};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The format this build writes.
pub const FORMAT: u64 = 2;

#[derive(Serialize, Deserialize)]
struct StageV1 {
    hours_per_run: f64,
    runs_per_month: f64,
    hourly_rate: f64,
    automated_share: f64,
    oversight_hours: f64,
}

#[derive(Serialize, Deserialize)]
struct ModelV1 {
    currency: String,
    stages: BTreeMap<String, StageV1>,
    licence_monthly: f64,
    compute_monthly: f64,
    setup_cost: f64,
    /// Format 1 only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    horizon_months: Option<u32>,
    /// Format 2 on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    horizon_years: Option<f64>,
    discount_rate: f64,
    #[serde(default)]
    limitations: Vec<String>,
    #[serde(default)]
    ramp_months: f64,
    #[serde(default)]
    upkeep_monthly: f64,
    #[serde(default)]
    limitation_costs: BTreeMap<String, f64>,
}

/// The `data` of an automation ROI document.
pub fn to_data(model: &AutomationModel) -> Data {
    let dto = ModelV1 {
        currency: model.currency.clone(),
        stages: Stage::ALL
            .iter()
            .map(|&s| {
                let i = model.stage(s);
                (
                    s.id().to_string(),
                    StageV1 {
                        hours_per_run: i.hours_per_run,
                        runs_per_month: i.runs_per_month,
                        hourly_rate: i.hourly_rate,
                        automated_share: i.automated_share,
                        oversight_hours: i.oversight_hours,
                    },
                )
            })
            .collect(),
        licence_monthly: model.licence_monthly,
        compute_monthly: model.compute_monthly,
        setup_cost: model.setup_cost,
        horizon_months: None,
        horizon_years: Some(model.horizon_years),
        discount_rate: model.discount_rate,
        limitations: model
            .limitations
            .iter()
            .map(|l| l.id().to_string())
            .collect(),
        ramp_months: model.ramp_months,
        upkeep_monthly: model.upkeep_monthly,
        limitation_costs: model
            .limitation_costs
            .iter()
            .map(|(l, v)| (l.id().to_string(), *v))
            .collect(),
    };
    json!({ "v": FORMAT, "model": dto }).into()
}

fn corrupt(why: impl Into<String>) -> ReadError {
    ReadError::Corrupt(why.into())
}

/// `data` read and written again by this build: only what Sextant reads is
/// kept.
pub fn rewritten(data: &Data) -> Result<Data, ReadError> {
    from_data(data).map(|m| to_data(&m))
}

/// Reads the `data` of an automation ROI document.
pub fn from_data(data: &Data) -> Result<AutomationModel, ReadError> {
    let data = data.value();
    // Another kind of document is not taken for a newer one of this kind.
    if data.get("model").is_none() {
        return Err(corrupt("not an automation ROI estimate"));
    }
    let version = match data.get("v").and_then(Value::as_u64) {
        Some(v @ (1 | FORMAT)) => v,
        Some(v) if v > FORMAT => {
            return Err(ReadError::TooNew(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        _ => return Err(corrupt("not an automation ROI estimate")),
    };
    let raw = data.get("model").ok_or_else(|| corrupt("no model"))?;
    let dto: ModelV1 = serde_json::from_value(raw.clone()).map_err(|e| corrupt(e.to_string()))?;
    // Format 1 holds whole months, format 2 years; each only its own, and
    // format 1 nothing that format 2 added.
    let horizon_years = match (version, dto.horizon_months, dto.horizon_years) {
        (1, Some(months), None) => f64::from(months) / 12.0,
        (FORMAT, None, Some(years)) => years,
        (1, ..) => return Err(corrupt("a format 1 estimate needs horizon_months")),
        _ => return Err(corrupt("a format 2 estimate needs horizon_years")),
    };
    if version == 1
        && (dto.ramp_months != 0.0 || dto.upkeep_monthly != 0.0 || !dto.limitation_costs.is_empty())
    {
        return Err(corrupt("a format 1 estimate holds fields of format 2"));
    }
    limits::count(
        "limitation costs",
        dto.limitation_costs.len(),
        Limitation::ALL.len(),
    )?;
    limits::currency(&dto.currency)?;
    limits::count(
        "limitations",
        dto.limitations.len(),
        crate::domain::automation::Limitation::ALL.len(),
    )?;
    if let Some(k) = dto.stages.keys().find(|k| Stage::from_id(k).is_none()) {
        return Err(corrupt(format!("unknown stage “{k}”")));
    }
    let mut model = AutomationModel {
        currency: dto.currency,
        licence_monthly: dto.licence_monthly,
        compute_monthly: dto.compute_monthly,
        setup_cost: dto.setup_cost,
        horizon_years,
        discount_rate: dto.discount_rate,
        ramp_months: dto.ramp_months,
        upkeep_monthly: dto.upkeep_monthly,
        ..AutomationModel::default()
    };
    for (id, cost) in &dto.limitation_costs {
        let l = Limitation::from_id(id)
            .ok_or_else(|| corrupt(format!("a cost for an unknown limitation “{id}”")))?;
        if !(cost.is_finite() && (0.0..=crate::domain::automation::MAX_MONEY).contains(cost)) {
            return Err(corrupt(format!("the cost of “{id}” is out of range")));
        }
        model.limitation_costs.insert(l, *cost);
    }
    for s in Stage::ALL {
        let st = dto
            .stages
            .get(s.id())
            .ok_or_else(|| corrupt(format!("no inputs for the stage “{}”", s.id())))?;
        *model.stage_mut(s) = StageInputs {
            hours_per_run: st.hours_per_run,
            runs_per_month: st.runs_per_month,
            hourly_rate: st.hourly_rate,
            automated_share: st.automated_share,
            oversight_hours: st.oversight_hours,
        };
    }
    for id in &dto.limitations {
        let l =
            Limitation::from_id(id).ok_or_else(|| corrupt(format!("unknown limitation “{id}”")))?;
        model.limitations.insert(l);
    }
    if let Some(e) = model.validate().into_iter().next() {
        return Err(corrupt(format!(
            "{} is out of range ({})",
            e.label, e.message
        )));
    }
    Ok(model)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_the_example_and_the_default() {
        let ex = AutomationModel::example();
        assert_eq!(from_data(&to_data(&ex)), Ok(ex));
        let blank = AutomationModel::default();
        assert_eq!(from_data(&to_data(&blank)), Ok(blank));
    }

    #[test]
    fn a_format_1_document_still_reads() {
        let stage = r#"{"hours_per_run":2.0,"runs_per_month":3.0,"hourly_rate":50.0,"automated_share":0.5,"oversight_hours":1.0}"#;
        let stored = format!(
            r#"{{"v":1,"model":{{"currency":"GBP","stages":{{"data-processing":{stage},
            "feature-engineering":{stage},"model-selection":{stage},
            "hyperparameter-tuning":{{"hours_per_run":9.0,"runs_per_month":1.0,"hourly_rate":80.0,"automated_share":0.9,"oversight_hours":0.5}},
            "deployment":{stage}}},
            "licence_monthly":100.0,"compute_monthly":20.0,"setup_cost":5000.0,
            "horizon_months":24,"discount_rate":0.08,"limitations":["edge-cases","vendor-lock-in"]}}}}"#
        );
        let m = from_data(&serde_json::from_str(&stored).unwrap()).unwrap();
        assert_eq!(m.currency, "GBP");
        assert_eq!(m.stage(Stage::HyperparameterTuning).automated_share, 0.9);
        assert_eq!(m.stage(Stage::Deployment).hours_per_run, 2.0);
        assert_eq!(m.horizon_years, 2.0);
        assert_eq!((m.ramp_months, m.upkeep_monthly), (0.0, 0.0));
        assert!(m.limitation_costs.is_empty());
        // Its figures are those of format 1: 24 months at full saving.
        assert_eq!(m.evaluate().unwrap().flows.len(), 25);
        // 18 months is a year and a half, not rounded.
        let eighteen = stored.replace("\"horizon_months\":24", "\"horizon_months\":18");
        let m = from_data(&serde_json::from_str(&eighteen).unwrap()).unwrap();
        assert_eq!(m.horizon_years, 1.5);
        assert_eq!(m.evaluate().unwrap().flows.len(), 19);
        // Written again, it is format 2.
        let again = rewritten(&serde_json::from_str(&stored).unwrap()).unwrap();
        assert_eq!(again["v"], json!(2));
        assert_eq!(again["model"]["horizon_years"], json!(2.0));
        assert!(again["model"].get("horizon_months").is_none());
        assert_eq!(
            m.limitations.iter().copied().collect::<Vec<_>>(),
            [Limitation::EdgeCases, Limitation::VendorLockIn]
        );
    }

    fn broken(change: impl Fn(&mut Value)) -> String {
        let mut v = to_data(&AutomationModel::example());
        change(v.value_mut());
        match from_data(&v) {
            Err(ReadError::Corrupt(why)) => why,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn refuses_damaged_and_out_of_range_data_with_a_reason() {
        assert_eq!(
            from_data(&Data::from(json!({"v": 3, "model": {}}))),
            Err(ReadError::TooNew(3))
        );
        assert!(matches!(
            from_data(&Data::from(json!({"portfolio": {}}))),
            Err(ReadError::Corrupt(_))
        ));
        assert!(broken(|v| v["model"]["horizon_years"] = json!(50.0)).contains("Horizon"));
        assert!(broken(|v| v["model"]["horizon_months"] = json!(36)).contains("horizon_years"));
        assert!(
            broken(|v| v["model"]["limitation_costs"]["bad-luck"] = json!(1.0))
                .contains("bad-luck")
        );
        assert!(broken(|v| v["model"]["upkeep_monthly"] = json!(-1.0)).contains("Upkeep"));
        assert!(
            broken(|v| v["model"]["stages"]["deployment"]["automated_share"] = json!(2.0))
                .contains("Deployment: share of the time automated")
        );
        assert!(broken(|v| {
            v["model"]["stages"]
                .as_object_mut()
                .unwrap()
                .remove("model-selection");
        })
        .contains("model-selection"));
        assert!(broken(
            |v| v["model"]["stages"]["labelling"] = v["model"]["stages"]["deployment"].clone()
        )
        .contains("labelling"));
        assert!(broken(|v| v["model"]["limitations"] = json!(["bad-luck"])).contains("bad-luck"));
        broken(|v| v["model"]["setup_cost"] = json!("lots"));
        broken(|v| v["model"]["horizon_years"] = json!(-1));
    }

    #[test]
    fn an_unknown_currency_or_a_long_list_is_refused_as_past_the_limits() {
        let model = AutomationModel::default();
        let mut data = to_data(&model);
        data["model"]["currency"] = json!("X".repeat(200_000));
        assert!(matches!(from_data(&data), Err(ReadError::Refused(_))));
        let mut data = to_data(&model);
        data["model"]["limitations"] = json!(vec!["data-drift"; 5_000]);
        assert_eq!(
            from_data(&data).unwrap_err().to_string(),
            "it holds 5,000 limitations; Sextant accepts up to 6"
        );
    }
}
