//! The stored form of an ROI model: `{"v":2,"model":{…}}` inside a document
//! envelope. The `model` is written and read through its own stored shape
//! (`roi_model::StoredModel`), apart from the domain's [`RoiModel`];
//! `a_format_2_document_with_every_field_reads` and
//! `a_format_1_document_still_reads` pin both formats field by field.
//!
//! Format 1 (the first shipped) lacks what format 2 added: how tax treats
//! losses, MIRR's own rates, benefits that grow with usage, hours that count
//! as capacity, the cost of acting on predictions, the chance of technical
//! success, notes and sources. Reading one adds each with the value that
//! keeps the model as it was entered, except tax: a month of loss now
//! lowers the company's other tax at once (format 1 charged tax on
//! profitable months and ignored losses, which overstated it).
//! Each added field has a serde default giving that value, so a format 1
//! `model` reads as format 2 does.

use super::envelope::{Data, ReadError};
use super::limits;
use super::roi_model::StoredModel;
use crate::domain::roi::{self, RoiModel};
use crate::domain::uncertainty::{
    Analysis, Correlation, Driver, Metric, Scenario, Shape, Uncertain, MAX_CORRELATIONS,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The format this build writes.
pub const FORMAT: u64 = 2;

/// The `data` of an ROI model document.
pub fn to_data(model: &RoiModel) -> Data {
    json!({ "v": FORMAT, "model": StoredModel::from(model) }).into()
}

/// The `data` of an ROI model document with its uncertainty analysis.
/// Format 1 documents without `"uncertainty"` still read; an older build
/// reading this ignores the field.
pub fn to_data_with(model: &RoiModel, analysis: &Analysis) -> Data {
    json!({
        "v": FORMAT,
        "model": StoredModel::from(model),
        "uncertainty": StoredAnalysis::from(analysis),
    })
    .into()
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredRange {
    input: String,
    low: f64,
    likely: f64,
    high: f64,
    shape: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredScenario {
    name: String,
    overrides: BTreeMap<String, f64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredCorrelation {
    a: String,
    b: String,
    rho: f64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredAnalysis {
    metric: String,
    step: f64,
    own_ranges: bool,
    scenarios: Vec<StoredScenario>,
    ranges: Vec<StoredRange>,
    /// Absent when there are none, as in every document written before
    /// correlations existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    correlations: Vec<StoredCorrelation>,
    seed: u64,
    trials: usize,
}

impl From<&Analysis> for StoredAnalysis {
    fn from(a: &Analysis) -> Self {
        StoredAnalysis {
            metric: a.metric.id().into(),
            step: a.fraction,
            own_ranges: a.use_ranges,
            scenarios: a
                .scenarios
                .iter()
                .map(|s| StoredScenario {
                    name: s.name.clone(),
                    overrides: s.overrides.clone(),
                })
                .collect(),
            ranges: a
                .inputs
                .iter()
                .map(|u| StoredRange {
                    input: u.driver.id().into(),
                    low: u.low,
                    likely: u.likely,
                    high: u.high,
                    shape: u.shape.id().into(),
                })
                .collect(),
            correlations: a
                .correlations
                .iter()
                .map(|c| StoredCorrelation {
                    a: c.a.id().into(),
                    b: c.b.id().into(),
                    rho: c.rho,
                })
                .collect(),
            seed: a.seed,
            trials: a.trials,
        }
    }
}

impl StoredAnalysis {
    /// The limits of [`super::limits`], before any work: scenarios, and at
    /// most one range a driver.
    fn within_limits(&self) -> Result<(), ReadError> {
        limits::count("scenarios", self.scenarios.len(), limits::MAX_SCENARIOS)?;
        limits::count("uncertain inputs", self.ranges.len(), Driver::all().len())?;
        limits::count("correlations", self.correlations.len(), MAX_CORRELATIONS)?;
        for s in &self.scenarios {
            limits::text("a scenario's name", &s.name, limits::MAX_LABEL)?;
        }
        Ok(())
    }

    /// The analysis, checked as the editor checks it: each range within its
    /// driver's limits (low, most likely and high alike), no driver given
    /// two ranges, and each scenario's values within their drivers' limits.
    fn into_analysis(self) -> Result<Analysis, String> {
        let inputs = self
            .ranges
            .into_iter()
            .map(|r| {
                Ok(Uncertain {
                    driver: Driver::from_id(&r.input)
                        .ok_or_else(|| format!("unknown uncertain input {:?}", r.input))?,
                    low: r.low,
                    likely: r.likely,
                    high: r.high,
                    shape: Shape::from_id(&r.shape)
                        .ok_or_else(|| format!("unknown distribution {:?}", r.shape))?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        for (i, u) in inputs.iter().enumerate() {
            if inputs[..i].iter().any(|v| v.driver == u.driver) {
                return Err(format!("{} has two ranges", u.driver.label()));
            }
            for v in [u.low, u.likely, u.high] {
                u.driver
                    .check(v)
                    .map_err(|e| format!("{}'s range: {e}", u.driver.label()))?;
            }
        }
        for s in &self.scenarios {
            for (id, v) in &s.overrides {
                if let Some(d) = Driver::from_id(id) {
                    d.check(*v)
                        .map_err(|e| format!("scenario {:?}, {}: {e}", s.name, d.label()))?;
                }
            }
        }
        let driver = |id: &str| {
            Driver::from_id(id).ok_or_else(|| format!("unknown correlated input {id:?}"))
        };
        let correlations = self
            .correlations
            .iter()
            .map(|c| {
                Ok(Correlation {
                    a: driver(&c.a)?,
                    b: driver(&c.b)?,
                    rho: c.rho,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let analysis = Analysis {
            metric: Metric::from_id(&self.metric)
                .ok_or_else(|| format!("unknown sensitivity figure {:?}", self.metric))?,
            fraction: self.step,
            use_ranges: self.own_ranges,
            scenarios: self
                .scenarios
                .into_iter()
                .map(|s| Scenario {
                    name: s.name,
                    overrides: s.overrides,
                })
                .collect(),
            inputs,
            correlations,
            seed: self.seed,
            trials: self.trials,
        };
        analysis.check()?;
        Ok(analysis)
    }
}

/// The uncertainty analysis saved with a model, or `None` when the document
/// has none yet (the editor then suggests one). Damaged settings are an
/// error, like any damaged data, so nothing is silently replaced.
pub fn analysis_from_data(data: &Data) -> Result<Option<Analysis>, ReadError> {
    match data.value().get("uncertainty") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let stored = serde_json::from_value::<StoredAnalysis>(v.clone())
                .map_err(|e| ReadError::Corrupt(format!("uncertainty settings: {e}")))?;
            stored.within_limits()?;
            stored
                .into_analysis()
                .map(Some)
                .map_err(|e| ReadError::Corrupt(format!("uncertainty settings: {e}")))
        }
    }
}

/// Reads the `data` of an ROI model document.
pub fn from_data(data: &Data) -> Result<RoiModel, ReadError> {
    let value = data.value();
    // Format 1 lacks only fields that have defaults (see the module).
    match value.get("v").and_then(Value::as_u64) {
        Some(1 | FORMAT) => {}
        Some(v) if v > FORMAT => {
            return Err(ReadError::TooNew(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        _ => return Err(ReadError::Corrupt("not an ROI model".into())),
    }
    let model = value
        .get("model")
        .ok_or_else(|| ReadError::Corrupt("no model".into()))?
        .clone();
    let model: RoiModel = serde_json::from_value::<StoredModel>(model)
        .map_err(|e| ReadError::Corrupt(e.to_string()))?
        .into();
    within_limits(&model)?;
    analysis_from_data(data)?;
    Ok(model)
}

/// `data` read and written again by this build, analysis included: only
/// what Sextant reads is kept.
pub fn rewritten(data: &Data) -> Result<Data, ReadError> {
    let model = from_data(data)?;
    Ok(match analysis_from_data(data)? {
        Some(analysis) => to_data_with(&model, &analysis),
        None => to_data(&model),
    })
}

/// The limits of [`super::limits`] for a model: its team, its gates and
/// its texts. Sources name an input of the form ("team" for the team).
fn within_limits(model: &RoiModel) -> Result<(), ReadError> {
    limits::count("team members", model.team.len(), limits::MAX_TEAM)?;
    limits::count("stage gates", model.success.gates.len(), roi::MAX_GATES)?;
    limits::count("sources", model.sources.len(), roi::FIELDS.len() + 1)?;
    limits::currency(&model.money.currency)?;
    limits::text("the notes", &model.notes, limits::MAX_NOTE)?;
    for m in &model.team {
        limits::text("a role's name", &m.role, limits::MAX_LABEL)?;
    }
    for g in &model.success.gates {
        limits::text("a gate's name", &g.name, limits::MAX_LABEL)?;
    }
    for (id, source) in &model.sources {
        if id != "team" && !roi::FIELDS.iter().any(|f| f.id == id) {
            return Err(ReadError::Corrupt(format!(
                "a source for an unknown input {id:?}"
            )));
        }
        limits::text("a source", source, limits::MAX_LABEL)?;
    }
    Ok(())
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
        // Every field format 1 had, each with its own value.
        let stored = r#"{"v":1,"model":{"horizon_years":2,
            "money":{"currency":"EUR","discount_rate":0.08,"tax_rate":0.25,"cost_inflation":0.02},
            "team":[{"role":"ML engineer","headcount":1.5,"monthly_cost":9000.0,"months":3.0}],
            "one_off":{"data_acquisition":1.0,"labelling":2.0,"licences":3.0,"external_services":4.0},
            "infrastructure":{"initial_training":5.0,"retraining_cost":6.0,"retraining_every_months":3.0,
              "serving_monthly":7.0,"storage_monthly":8.0,"network_monthly":9.0,"usage_growth":0.1},
            "maintenance":{"fte_share":0.5,"fte_monthly_cost":9100.0,"percent_of_development":0.1,"yearly_refresh":100.0},
            "benefits":{"revenue_uplift_monthly":1000.0,"hours_saved_monthly":10.0,"hourly_rate":50.0,
              "risk_reduction_monthly":20.0,"ramp_months":2.0,"yearly_decay":0.05}}}"#;
        let model = from_data(&serde_json::from_str(stored).unwrap()).unwrap();
        let expected = RoiModel {
            horizon_years: 2,
            money: roi::Money {
                currency: "EUR".into(),
                discount_rate: 0.08,
                tax_rate: 0.25,
                tax_losses: roi::TaxLosses::OffsetNow,
                cost_inflation: 0.02,
                mirr_finance_rate: None,
                mirr_reinvestment_rate: None,
            },
            team: vec![roi::TeamMember {
                role: "ML engineer".into(),
                headcount: 1.5,
                monthly_cost: 9000.0,
                months: 3.0,
            }],
            one_off: roi::OneOffCosts {
                data_acquisition: 1.0,
                labelling: 2.0,
                licences: 3.0,
                external_services: 4.0,
            },
            infrastructure: roi::Infrastructure {
                initial_training: 5.0,
                retraining_cost: 6.0,
                retraining_every_months: 3.0,
                serving_monthly: 7.0,
                storage_monthly: 8.0,
                network_monthly: 9.0,
                usage_growth: 0.1,
            },
            maintenance: roi::Maintenance {
                fte_share: 0.5,
                fte_monthly_cost: 9100.0,
                percent_of_development: 0.1,
                yearly_refresh: 100.0,
            },
            benefits: roi::Benefits {
                revenue_uplift_monthly: 1000.0,
                hours_saved_monthly: 10.0,
                hourly_rate: 50.0,
                risk_reduction_monthly: 20.0,
                ramp_months: 2.0,
                yearly_decay: 0.05,
                revenue_grows_with_usage: false,
                hours_grow_with_usage: false,
                risk_grows_with_usage: false,
                hours_count_as_cash: true,
            },
            acting: roi::Acting::default(),
            success: roi::Success::default(),
            notes: String::new(),
            sources: BTreeMap::new(),
        };
        assert_eq!(model, expected);
        // Written again, it is format 2 and reads back the same.
        let again = rewritten(&serde_json::from_str(stored).unwrap()).unwrap();
        assert_eq!(again["v"], json!(2));
        assert_eq!(from_data(&again), Ok(expected));
    }

    #[test]
    fn a_format_2_document_with_every_field_reads() {
        let stored = r#"{"v":2,"model":{"horizon_years":3,
            "money":{"currency":"GBP","discount_rate":0.09,"tax_rate":0.19,"tax_losses":"carry-forward",
              "cost_inflation":0.03,"mirr_finance_rate":0.06,"mirr_reinvestment_rate":null},
            "team":[{"role":"Data scientist","headcount":2.0,"monthly_cost":11000.0,"months":5.0}],
            "one_off":{"data_acquisition":11.0,"labelling":12.0,"licences":13.0,"external_services":14.0},
            "infrastructure":{"initial_training":15.0,"retraining_cost":16.0,"retraining_every_months":1.0,
              "serving_monthly":17.0,"storage_monthly":18.0,"network_monthly":19.0,"usage_growth":0.2},
            "maintenance":{"fte_share":0.25,"fte_monthly_cost":9500.0,"percent_of_development":0.15,"yearly_refresh":200.0},
            "benefits":{"revenue_uplift_monthly":2000.0,"hours_saved_monthly":30.0,"hourly_rate":70.0,
              "risk_reduction_monthly":40.0,"ramp_months":3.0,"yearly_decay":0.1,
              "revenue_grows_with_usage":true,"hours_grow_with_usage":false,"risk_grows_with_usage":true,
              "hours_count_as_cash":false},
            "acting":{"actions_monthly":120.0,"cost_per_action":4.5,"fixed_monthly":300.0},
            "success":{"chance":0.7,"gates":[{"name":"Proof of concept","month":2,"chance":0.6},
              {"name":"Pilot","month":4,"chance":0.9}]},
            "notes":"Go/no-go for the Q3 review.",
            "sources":{"revenue":"Last year's actuals","team":"HR rates"}}}"#;
        let model = from_data(&serde_json::from_str(stored).unwrap()).unwrap();
        // Written again, it is the same JSON, field for field.
        let as_stored: Value = serde_json::from_str(stored).unwrap();
        assert_eq!(to_data(&model).value()["model"], as_stored["model"]);
        assert_eq!(model.money.tax_losses, roi::TaxLosses::CarryForward);
        assert_eq!(model.money.mirr_finance_rate, Some(0.06));
        assert_eq!(model.money.mirr_reinvestment_rate, None);
        assert_eq!(model.team[0].monthly_cost, 11000.0);
        assert_eq!(model.infrastructure.network_monthly, 19.0);
        assert_eq!(model.maintenance.yearly_refresh, 200.0);
        assert!(model.benefits.revenue_grows_with_usage && model.benefits.risk_grows_with_usage);
        assert!(!model.benefits.hours_grow_with_usage && !model.benefits.hours_count_as_cash);
        assert_eq!(model.acting.cost_per_action, 4.5);
        assert_eq!(model.success.chance, 0.7);
        assert_eq!(model.success.gates[1].name, "Pilot");
        assert_eq!(model.success.gates[1].month, 4);
        assert_eq!(model.notes, "Go/no-go for the Q3 review.");
        assert_eq!(model.sources["team"], "HR rates");
        // Written by this build, it is the same document.
        let written = to_data(&model);
        assert_eq!(
            written,
            serde_json::from_str::<Value>(stored).unwrap().into()
        );
    }

    #[test]
    fn gates_sources_and_notes_are_held_to_their_limits() {
        let mut model = examples()[0].model.clone();
        model.sources.insert("moon-phase".into(), "guess".into());
        assert!(from_data(&to_data(&model))
            .unwrap_err()
            .to_string()
            .contains("moon-phase"));
        let mut model = examples()[0].model.clone();
        model.notes = "n".repeat(limits::MAX_NOTE + 1);
        assert!(matches!(
            from_data(&to_data(&model)),
            Err(ReadError::Refused(_))
        ));
        let mut model = examples()[0].model.clone();
        let gate = roi::Gate {
            name: "G".into(),
            month: 1,
            chance: 0.5,
        };
        model.success.gates = vec![gate; roi::MAX_GATES + 1];
        assert!(matches!(
            from_data(&to_data(&model)),
            Err(ReadError::Refused(_))
        ));
    }

    #[test]
    fn refuses_other_data() {
        assert!(matches!(
            from_data(&Data::from(json!({"v": 3, "model": {}}))),
            Err(ReadError::TooNew(3))
        ));
        assert!(matches!(
            from_data(&Data::from(json!({"projects": []}))),
            Err(ReadError::Corrupt(_))
        ));
        assert!(matches!(
            from_data(&Data::from(
                json!({"v": 1, "model": {"horizon_years": "x"}})
            )),
            Err(ReadError::Corrupt(_))
        ));
    }

    #[test]
    fn the_analysis_round_trips_and_old_documents_have_none() {
        for ex in examples() {
            let a = Analysis::suggested(&ex.model);
            let data = to_data_with(&ex.model, &a);
            assert_eq!(from_data(&data), Ok(ex.model.clone()));
            assert_eq!(analysis_from_data(&data), Ok(Some(a)));
            assert_eq!(analysis_from_data(&to_data(&ex.model)), Ok(None));
        }
    }

    #[test]
    fn correlations_are_kept_and_checked() {
        use crate::domain::uncertainty::Correlation;
        let model = examples()[0].model.clone();
        let mut a = Analysis::suggested(&model);
        assert!(to_data_with(&model, &a)["uncertainty"]
            .get("correlations")
            .is_none());
        a.correlations = vec![Correlation {
            a: a.inputs[0].driver,
            b: Driver::TeamCost,
            rho: 0.5,
        }];
        let data = to_data_with(&model, &a);
        assert_eq!(
            data["uncertainty"]["correlations"][0]["b"],
            json!("team-cost")
        );
        assert_eq!(analysis_from_data(&data), Ok(Some(a.clone())));
        let mut bad = data.clone();
        bad["uncertainty"]["correlations"][0]["rho"] = json!(3.0);
        assert!(from_data(&bad).unwrap_err().to_string().contains("-0.99"));
        // A set that cannot hold is kept as the editor kept it (the run
        // says why it cannot start), never refused.
        let mut odd = a.clone();
        odd.correlations.push(Correlation {
            a: Driver::TeamCost,
            b: Driver::TeamCost,
            rho: 0.5,
        });
        odd.correlations.push(Correlation {
            a: Driver::BuildMonths,
            b: Driver::TeamCost,
            rho: -0.9,
        });
        assert_eq!(
            analysis_from_data(&to_data_with(&model, &odd)),
            Ok(Some(odd))
        );
        let mut bad = data;
        bad["uncertainty"]["correlations"][0]["a"] = json!("moon-phase");
        assert!(from_data(&bad)
            .unwrap_err()
            .to_string()
            .contains("moon-phase"));
    }

    #[test]
    fn damaged_analysis_is_an_error_that_says_where() {
        let model = examples()[0].model.clone();
        let mut data = to_data_with(&model, &Analysis::suggested(&model));
        data["uncertainty"]["ranges"][0]["input"] = json!("moon-phase");
        let e = from_data(&data).unwrap_err();
        assert!(e.to_string().contains("moon-phase"), "{e}");
        let mut data = to_data_with(&model, &Analysis::suggested(&model));
        data["uncertainty"]["trials"] = json!(10_000_000);
        assert!(from_data(&data).is_err());
        let mut data = to_data_with(&model, &Analysis::suggested(&model));
        data["uncertainty"]["ranges"][0]["low"] = json!(1e12);
        assert!(from_data(&data).is_err());
    }

    #[test]
    fn a_model_past_the_limits_is_refused_with_what_it_holds() {
        let model = examples()[0].model.clone();
        let mut big = model.clone();
        big.team = vec![model.team[0].clone(); 4000];
        assert_eq!(
            from_data(&to_data(&big)).unwrap_err().to_string(),
            "it holds 4,000 team members; Sextant accepts up to 100"
        );
        big.team.truncate(limits::MAX_TEAM);
        assert!(from_data(&to_data(&big)).is_ok());

        let mut long = model.clone();
        long.money.currency = "X".repeat(200_000);
        assert!(matches!(
            from_data(&to_data(&long)),
            Err(ReadError::Refused(_))
        ));
        let mut long = model.clone();
        long.team[0].role = "r".repeat(limits::MAX_LABEL + 1);
        assert!(matches!(
            from_data(&to_data(&long)),
            Err(ReadError::Refused(_))
        ));
    }

    #[test]
    fn ranges_are_one_a_driver_within_its_limits_and_scenarios_are_few() {
        let model = examples()[0].model.clone();
        let a = Analysis::suggested(&model);
        assert!(!a.inputs.is_empty());

        // Thousands of ranges (the link that grew memory to 4 GB): refused
        // before any is read.
        let mut data = to_data_with(&model, &a);
        let range = data["uncertainty"]["ranges"][0].clone();
        data["uncertainty"]["ranges"] = json!(vec![range.clone(); 3900]);
        let e = from_data(&data).unwrap_err();
        assert_eq!(
            e,
            ReadError::Refused(format!(
                "it holds 3,900 uncertain inputs; Sextant accepts up to {}",
                Driver::all().len()
            ))
        );

        // Two ranges for one driver.
        let mut data = to_data_with(&model, &a);
        data["uncertainty"]["ranges"] = json!([range.clone(), range]);
        let e = from_data(&data).unwrap_err().to_string();
        assert!(e.contains("has two ranges"), "{e}");

        // A range outside its driver's own limits (a team multiple of 50).
        let mut b = a.clone();
        b.inputs = vec![Uncertain {
            driver: Driver::TeamCost,
            low: 1.0,
            likely: 2.0,
            high: 50.0,
            shape: Shape::Uniform,
        }];
        let e = from_data(&to_data_with(&model, &b))
            .unwrap_err()
            .to_string();
        assert!(e.contains("between 0 and 10"), "{e}");

        // 21 scenarios; a scenario value outside its driver's limits.
        let mut b = a.clone();
        b.scenarios = (0..21)
            .map(|i| Scenario {
                name: format!("S{i}"),
                overrides: BTreeMap::new(),
            })
            .collect();
        assert_eq!(
            from_data(&to_data_with(&model, &b))
                .unwrap_err()
                .to_string(),
            "it holds 21 scenarios; Sextant accepts up to 20"
        );
        b.scenarios.truncate(limits::MAX_SCENARIOS);
        assert!(from_data(&to_data_with(&model, &b)).is_ok());
        b.scenarios[0]
            .overrides
            .insert("build-months".into(), 1_000.0);
        assert!(from_data(&to_data_with(&model, &b)).is_err());
    }
}
