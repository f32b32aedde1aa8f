//! The stored form of an ROI model: `{"v":1,"model":{…}}` inside a document
//! envelope. Format 1 is the serde shape of [`RoiModel`] as it first shipped;
//! `a_format_1_document_still_reads` pins it, so a change to the domain type
//! that would break stored models fails a test and needs a format 2 with a
//! migration here.

use super::envelope::ReadError;
use crate::domain::roi::RoiModel;
use serde_json::{json, Value};

/// The format this build writes.
pub const FORMAT: u64 = 1;

/// The `data` of an ROI model document.
pub fn to_data(model: &RoiModel) -> Value {
    json!({ "v": FORMAT, "model": model })
}

/// Reads the `data` of an ROI model document.
pub fn from_data(data: &Value) -> Result<RoiModel, ReadError> {
    match data.get("v").and_then(Value::as_u64) {
        Some(FORMAT) => {}
        Some(v) if v > FORMAT => {
            return Err(ReadError::TooNew(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        _ => return Err(ReadError::Corrupt("not an ROI model".into())),
    }
    let model = data
        .get("model")
        .ok_or_else(|| ReadError::Corrupt("no model".into()))?;
    serde_json::from_value(model.clone()).map_err(|e| ReadError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roi::examples;

    #[test]
    fn round_trips_every_example() {
        for ex in examples() {
            assert_eq!(from_data(&to_data(&ex.model)), Ok(ex.model));
        }
    }

    #[test]
    fn a_format_1_document_still_reads() {
        let stored = r#"{"v":1,"model":{"horizon_years":2,
            "money":{"currency":"EUR","discount_rate":0.08,"tax_rate":0.0,"cost_inflation":0.02},
            "team":[{"role":"ML engineer","headcount":1.0,"monthly_cost":9000.0,"months":3.0}],
            "one_off":{"data_acquisition":1.0,"labelling":2.0,"licences":3.0,"external_services":4.0},
            "infrastructure":{"initial_training":5.0,"retraining_cost":6.0,"retraining_every_months":3.0,
              "serving_monthly":7.0,"storage_monthly":8.0,"network_monthly":9.0,"usage_growth":0.1},
            "maintenance":{"fte_share":0.5,"fte_monthly_cost":9000.0,"percent_of_development":0.1,"yearly_refresh":100.0},
            "benefits":{"revenue_uplift_monthly":1000.0,"hours_saved_monthly":10.0,"hourly_rate":50.0,
              "risk_reduction_monthly":20.0,"ramp_months":2.0,"yearly_decay":0.05}}}"#;
        let model = from_data(&serde_json::from_str(stored).unwrap()).unwrap();
        assert_eq!(model.money.currency, "EUR");
        assert_eq!(model.team[0].monthly_cost, 9000.0);
        assert_eq!(model.benefits.yearly_decay, 0.05);
    }

    #[test]
    fn refuses_other_data() {
        assert!(matches!(
            from_data(&json!({"v": 2, "model": {}})),
            Err(ReadError::TooNew(2))
        ));
        assert!(matches!(
            from_data(&json!({"projects": []})),
            Err(ReadError::Corrupt(_))
        ));
        assert!(matches!(
            from_data(&json!({"v": 1, "model": {"horizon_years": "x"}})),
            Err(ReadError::Corrupt(_))
        ));
    }
}
