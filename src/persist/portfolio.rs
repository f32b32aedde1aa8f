//! The stored form of a portfolio: `{"v":3,"portfolio":{…}}` inside a
//! document envelope. Format 1:
//!
//! ```json
//! {"v":1,"portfolio":{"name":"Q3 candidates","currency":"EUR",
//!   "weights":{"business-impact":30,"resource-requirements":20,
//!              "technical-feasibility":20,"time-constraints":15,"risk-factors":15},
//!   "method":"weighted","value_axis":"criteria","effort_axis":"criteria",
//!   "projects":[{"id":"p1","name":"Churn","notes":"",
//!     "scores":{"business-impact":4,…},
//!     "rice":{"reach":1000.0,"impact":1.0,"confidence":0.8,"effort":2.0},
//!     "wsjf":{"business_value":8,"time_criticality":5,"risk_reduction":3,"job_size":5},
//!     "ice":{"impact":7,"confidence":6,"ease":8},
//!     "estimated_cost":null,"roi_model":null,"readiness":null}]}}
//! ```
//!
//! Criteria, methods and axes are stored by their stable ids, never by
//! position. Reading refuses, as [`ReadError::Corrupt`] with the reason,
//! anything the editor cannot produce: weights that do not add up to 100,
//! unknown ids, empty or repeated project ids, and any number off its scale.
//! Names may be empty or repeated: the editor saves those and shows the
//! inline message. `a_format_1_document_still_reads` pins the format.
//!
//! Format 2 adds, each optional (absent in format 1, which reads as none):
//! `"depends_on":["p2"]` on a project (ids of projects in the same
//! portfolio, never its own) and `"capacity":{"budget":250000.0,
//! "person_months":null}` on the portfolio.
//!
//! Format 3 splits the criterion `"time-constraints"` in two, in weights and
//! scores alike: `"time-to-value"` (how soon the first value comes, on the
//! effort side) and `"urgency"` (what waiting costs, on the value side).
//! Formats 1 and 2 read with their time-constraints weight and scores as
//! time to value, urgency weighted 0 and every project's urgency 3, the
//! middle of the scale: every weighted score, and so the ranking, is what it
//! was. `a_format_2_document_migrates_with_its_ranking_unchanged` pins it.

use super::envelope::{Data, ReadError};
use super::limits;
use crate::domain::portfolio::{
    Capacity, Criterion, EffortAxis, Ice, Method, Portfolio, Project, Rice, Scores, ValueAxis,
    Weights, Wsjf, CRITERIA,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The format this build writes.
pub const FORMAT: u64 = 3;

#[derive(Serialize, Deserialize)]
struct RiceV1 {
    reach: f64,
    impact: f64,
    confidence: f64,
    effort: f64,
}

#[derive(Serialize, Deserialize)]
struct WsjfV1 {
    business_value: u32,
    time_criticality: u32,
    risk_reduction: u32,
    job_size: u32,
}

#[derive(Serialize, Deserialize)]
struct IceV1 {
    impact: u32,
    confidence: u32,
    ease: u32,
}

#[derive(Serialize, Deserialize)]
struct ProjectV1 {
    id: String,
    name: String,
    #[serde(default)]
    notes: String,
    scores: BTreeMap<String, u32>,
    rice: RiceV1,
    wsjf: WsjfV1,
    ice: IceV1,
    #[serde(default)]
    estimated_cost: Option<f64>,
    #[serde(default)]
    roi_model: Option<String>,
    #[serde(default)]
    readiness: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    depends_on: Vec<String>,
}

#[derive(Serialize, Deserialize, Default)]
struct CapacityV2 {
    budget: Option<f64>,
    person_months: Option<f64>,
}

#[derive(Serialize, Deserialize)]
struct PortfolioV1 {
    name: String,
    currency: String,
    weights: BTreeMap<String, u32>,
    method: String,
    value_axis: String,
    effort_axis: String,
    projects: Vec<ProjectV1>,
    #[serde(default)]
    capacity: CapacityV2,
}

fn by_criterion(values: impl Fn(Criterion) -> u32) -> BTreeMap<String, u32> {
    Criterion::ALL
        .iter()
        .map(|&c| (c.id().to_string(), values(c)))
        .collect()
}

/// The `data` of a portfolio document.
pub fn to_data(portfolio: &Portfolio) -> Data {
    let dto = PortfolioV1 {
        name: portfolio.name.clone(),
        currency: portfolio.currency.clone(),
        weights: by_criterion(|c| portfolio.weights.get(c)),
        method: portfolio.method.id().into(),
        value_axis: portfolio.value_axis.id().into(),
        effort_axis: portfolio.effort_axis.id().into(),
        projects: portfolio
            .projects
            .iter()
            .map(|p| ProjectV1 {
                id: p.id.clone(),
                name: p.name.clone(),
                notes: p.notes.clone(),
                scores: by_criterion(|c| p.scores.get(c)),
                rice: RiceV1 {
                    reach: p.rice.reach,
                    impact: p.rice.impact,
                    confidence: p.rice.confidence,
                    effort: p.rice.effort,
                },
                wsjf: WsjfV1 {
                    business_value: p.wsjf.business_value,
                    time_criticality: p.wsjf.time_criticality,
                    risk_reduction: p.wsjf.risk_reduction,
                    job_size: p.wsjf.job_size,
                },
                ice: IceV1 {
                    impact: p.ice.impact,
                    confidence: p.ice.confidence,
                    ease: p.ice.ease,
                },
                estimated_cost: p.estimated_cost,
                roi_model: p.roi_model.clone(),
                readiness: p.readiness.clone(),
                depends_on: p.depends_on.clone(),
            })
            .collect(),
        capacity: CapacityV2 {
            budget: portfolio.capacity.budget,
            person_months: portfolio.capacity.person_months,
        },
    };
    json!({ "v": FORMAT, "portfolio": dto }).into()
}

fn corrupt(why: impl Into<String>) -> ReadError {
    ReadError::Corrupt(why.into())
}

/// The id a criterion is stored under in `format`, or `None` when that
/// format has no such criterion (urgency before format 3).
fn stored_id(c: Criterion, format: u64) -> Option<&'static str> {
    match c {
        Criterion::TimeToValue if format < 3 => Some("time-constraints"),
        Criterion::Urgency if format < 3 => None,
        c => Some(c.id()),
    }
}

/// One value per criterion keyed by the ids of `format`, every criterion of
/// that format present and no others; a criterion the format does not have
/// gets `absent`.
fn criteria_map(
    map: &BTreeMap<String, u32>,
    what: &str,
    format: u64,
    absent: u32,
) -> Result<[u32; CRITERIA], ReadError> {
    let mut out = [absent; CRITERIA];
    for c in Criterion::ALL {
        if let Some(id) = stored_id(c, format) {
            out[c.index()] = *map
                .get(id)
                .ok_or_else(|| corrupt(format!("no {what} for {id}")))?;
        }
    }
    let known = |k: &str| {
        Criterion::ALL
            .into_iter()
            .any(|c| stored_id(c, format) == Some(k))
    };
    if let Some(k) = map.keys().find(|k| !known(k)) {
        return Err(corrupt(format!("unknown criterion “{k}” in {what}")));
    }
    Ok(out)
}

/// The limits of [`super::limits`]: the number of projects, the currency,
/// and every text.
fn within_limits(dto: &PortfolioV1) -> Result<(), ReadError> {
    limits::count("projects", dto.projects.len(), limits::MAX_PROJECTS)?;
    limits::currency(&dto.currency)?;
    limits::text("the portfolio's name", &dto.name, limits::MAX_LABEL)?;
    for p in &dto.projects {
        limits::text("a project's id", &p.id, limits::MAX_ID)?;
        limits::text("a project's name", &p.name, limits::MAX_LABEL)?;
        limits::text("a project's notes", &p.notes, limits::MAX_NOTE)?;
        for id in [&p.roi_model, &p.readiness].into_iter().flatten() {
            limits::text("an attached document's id", id, limits::MAX_ID)?;
        }
        limits::count("dependencies", p.depends_on.len(), limits::MAX_PROJECTS)?;
    }
    Ok(())
}

/// `data` read and written again by this build: only what Sextant reads is
/// kept.
pub fn rewritten(data: &Data) -> Result<Data, ReadError> {
    from_data(data).map(|p| to_data(&p))
}

/// Reads the `data` of a portfolio document.
pub fn from_data(data: &Data) -> Result<Portfolio, ReadError> {
    let data = data.value();
    // Format 1 is format 2 without dependencies or capacity; format 2 is
    // format 3 with one time criterion (see above).
    // Another kind of document is not taken for a newer one of this kind.
    if data.get("portfolio").is_none() {
        return Err(corrupt("not a portfolio"));
    }
    let format = match data.get("v").and_then(Value::as_u64) {
        Some(v @ 1..=FORMAT) => v,
        Some(v) if v > FORMAT => {
            return Err(ReadError::TooNew(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        _ => return Err(corrupt("not a portfolio")),
    };
    let raw = data
        .get("portfolio")
        .ok_or_else(|| corrupt("no portfolio"))?;
    let dto: PortfolioV1 =
        serde_json::from_value(raw.clone()).map_err(|e| corrupt(e.to_string()))?;
    within_limits(&dto)?;
    // Urgency, absent before format 3, weighs nothing and scores 3.
    let weights =
        Weights::new(criteria_map(&dto.weights, "weights", format, 0)?).map_err(corrupt)?;
    let method = Method::from_id(&dto.method)
        .ok_or_else(|| corrupt(format!("unknown method “{}”", dto.method)))?;
    let value_axis = ValueAxis::from_id(&dto.value_axis)
        .ok_or_else(|| corrupt(format!("unknown value axis “{}”", dto.value_axis)))?;
    let effort_axis = EffortAxis::from_id(&dto.effort_axis)
        .ok_or_else(|| corrupt(format!("unknown effort axis “{}”", dto.effort_axis)))?;
    let mut projects: Vec<Project> = Vec::with_capacity(dto.projects.len());
    let mut ids = std::collections::BTreeSet::new();
    for p in dto.projects {
        if p.id.is_empty() {
            return Err(corrupt("a project has no id"));
        }
        if !ids.insert(p.id.clone()) {
            return Err(corrupt(format!("two projects have the id “{}”", p.id)));
        }
        let s = criteria_map(&p.scores, "scores", format, 3)?;
        let project = Project {
            id: p.id,
            name: p.name,
            notes: p.notes,
            scores: Scores {
                business_impact: s[0],
                resource_requirements: s[1],
                technical_feasibility: s[2],
                time_to_value: s[3],
                urgency: s[4],
                risk_factors: s[5],
            },
            rice: Rice {
                reach: p.rice.reach,
                impact: p.rice.impact,
                confidence: p.rice.confidence,
                effort: p.rice.effort,
            },
            wsjf: Wsjf {
                business_value: p.wsjf.business_value,
                time_criticality: p.wsjf.time_criticality,
                risk_reduction: p.wsjf.risk_reduction,
                job_size: p.wsjf.job_size,
            },
            ice: Ice {
                impact: p.ice.impact,
                confidence: p.ice.confidence,
                ease: p.ice.ease,
            },
            estimated_cost: p.estimated_cost,
            roi_model: p.roi_model,
            readiness: p.readiness,
            depends_on: p.depends_on,
        };
        if let Some((field, message)) = project.field_errors().into_iter().next() {
            return Err(corrupt(format!(
                "project “{}”: {} is out of range ({message})",
                project.id,
                field.label()
            )));
        }
        projects.push(project);
    }
    for p in &projects {
        for d in &p.depends_on {
            if d == &p.id || !projects.iter().any(|q| &q.id == d) {
                return Err(corrupt(format!(
                    "project “{}” depends on “{d}”, which is not another project of this portfolio",
                    p.id
                )));
            }
        }
    }
    let capacity = Capacity {
        budget: dto.capacity.budget,
        person_months: dto.capacity.person_months,
    };
    for (what, v) in [
        ("budget", capacity.budget),
        ("person-months", capacity.person_months),
    ] {
        if v.is_some_and(|v| !(v.is_finite() && (0.0..=1e12).contains(&v))) {
            return Err(corrupt(format!("the capacity's {what} is out of range")));
        }
    }
    Ok(Portfolio {
        name: dto.name,
        currency: dto.currency,
        weights,
        method,
        value_axis,
        effort_axis,
        projects,
        capacity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::portfolio::rank;

    #[test]
    fn round_trips_the_example_and_the_default() {
        let mut ex = Portfolio::example();
        ex.method = Method::Wsjf;
        ex.value_axis = ValueAxis::Npv;
        ex.effort_axis = EffortAxis::PersonMonths;
        ex.projects[0].roi_model = Some("doc-1".into());
        ex.projects[1].readiness = Some("run-7".into());
        ex.projects[2].estimated_cost = None;
        ex.projects[3].depends_on = vec![ex.projects[0].id.clone()];
        ex.capacity = Capacity {
            budget: Some(250_000.0),
            person_months: None,
        };
        ex.projects[3].name = "  ".into(); // a name error is kept, not refused
        assert_eq!(from_data(&to_data(&ex)), Ok(ex));
        let blank = Portfolio::default();
        assert_eq!(from_data(&to_data(&blank)), Ok(blank));
    }

    #[test]
    fn a_format_1_document_still_reads() {
        let stored = r#"{"v":1,"portfolio":{"name":"Q3","currency":"EUR",
            "weights":{"business-impact":40,"resource-requirements":10,"technical-feasibility":20,
                       "time-constraints":10,"risk-factors":20},
            "method":"rice","value_axis":"npv","effort_axis":"person-months",
            "projects":[{"id":"p1","name":"Churn","notes":"n",
              "scores":{"business-impact":4,"resource-requirements":3,"technical-feasibility":5,
                        "time-constraints":2,"risk-factors":1},
              "rice":{"reach":1000.0,"impact":0.5,"confidence":0.8,"effort":2.5},
              "wsjf":{"business_value":8,"time_criticality":5,"risk_reduction":3,"job_size":13},
              "ice":{"impact":7,"confidence":6,"ease":8},
              "estimated_cost":50000.0,"roi_model":"m1","readiness":null}]}}"#;
        let p = from_data(&serde_json::from_str(stored).unwrap()).unwrap();
        // Time constraints read as time to value; urgency weighs 0.
        assert_eq!(p.weights.values(), [40, 10, 20, 10, 0, 20]);
        assert_eq!(p.method, Method::Rice);
        assert_eq!(p.value_axis, ValueAxis::Npv);
        assert_eq!(p.effort_axis, EffortAxis::PersonMonths);
        let q = &p.projects[0];
        assert_eq!(q.scores.risk_factors, 1);
        assert_eq!((q.scores.time_to_value, q.scores.urgency), (2, 3));
        assert_eq!(q.rice.effort, 2.5);
        assert_eq!(q.wsjf.job_size, 13);
        assert_eq!(q.estimated_cost, Some(50_000.0));
        assert_eq!(q.roi_model.as_deref(), Some("m1"));
        assert!(q.depends_on.is_empty());
        assert_eq!(p.capacity, Capacity::default());
    }

    #[test]
    fn a_format_2_document_migrates_with_its_ranking_unchanged() {
        // Weights 30/20/20/15/15 (the old defaults). Weighted scores by hand:
        // A (5,1,1,1,1): (150+20+20+15+15)/100 = 2.20;
        // B (1,5,5,5,5): (30+100+100+75+75)/100 = 3.80;
        // C (3,3,3,2,3): (90+60+60+30+45)/100 = 2.85.
        let project = |id: &str, s: [u32; 5]| {
            json!({"id": id, "name": id, "notes": "",
                "scores": {"business-impact": s[0], "resource-requirements": s[1],
                    "technical-feasibility": s[2], "time-constraints": s[3], "risk-factors": s[4]},
                "rice": {"reach": 100.0, "impact": 1.0, "confidence": 0.8, "effort": 2.0},
                "wsjf": {"business_value": 3, "time_criticality": 3, "risk_reduction": 3, "job_size": 3},
                "ice": {"impact": 5, "confidence": 5, "ease": 5},
                "estimated_cost": null, "roi_model": null, "readiness": null})
        };
        let stored = json!({"v": 2, "portfolio": {"name": "Old", "currency": "EUR",
            "weights": {"business-impact": 30, "resource-requirements": 20,
                "technical-feasibility": 20, "time-constraints": 15, "risk-factors": 15},
            "method": "weighted", "value_axis": "criteria", "effort_axis": "criteria",
            "projects": [project("A", [5, 1, 1, 1, 1]), project("B", [1, 5, 5, 5, 5]),
                project("C", [3, 3, 3, 2, 3])],
            "capacity": {"budget": null, "person_months": null}}});
        let p = from_data(&Data::from(stored.clone())).unwrap();
        assert_eq!(p.weights.values(), [30, 20, 20, 15, 0, 15]);
        let ranked = rank(&p, Method::Weighted);
        let got: Vec<(usize, f64)> = ranked
            .iter()
            .map(|r| (r.index, *r.score.as_ref().unwrap()))
            .collect();
        assert_eq!(got, [(1, 3.8), (2, 2.85), (0, 2.2)]);
        // Written again, it is format 3 with both new criteria, and reads back
        // the same.
        let again = to_data(&p);
        assert_eq!(again["v"], json!(3));
        assert_eq!(again["portfolio"]["weights"]["urgency"], json!(0));
        assert_eq!(
            again["portfolio"]["projects"][2]["scores"]["time-to-value"],
            json!(2)
        );
        assert_eq!(
            again["portfolio"]["projects"][2]["scores"]["urgency"],
            json!(3)
        );
        assert!(again["portfolio"]["weights"]
            .get("time-constraints")
            .is_none());
        assert_eq!(from_data(&again), Ok(p));
        // Each format knows only its own ids.
        let mut mixed = stored.clone();
        mixed["portfolio"]["projects"][0]["scores"]["urgency"] = json!(4);
        assert!(why(from_data(&Data::from(mixed.clone())).unwrap_err()).contains("“urgency”"));
        let mut mixed = again.clone();
        mixed["portfolio"]["weights"]["time-constraints"] = json!(0);
        assert!(why(from_data(&mixed).unwrap_err()).contains("“time-constraints”"));
        let mut missing = again;
        missing["portfolio"]["projects"][0]["scores"]
            .as_object_mut()
            .unwrap()
            .remove("urgency");
        assert!(why(from_data(&missing).unwrap_err()).contains("no scores for urgency"));
    }

    #[test]
    fn dependencies_and_capacity_are_kept_and_checked() {
        let mut p = Portfolio::example();
        p.projects[1].depends_on = vec![p.projects[0].id.clone()];
        p.capacity.person_months = Some(6.5);
        let data = to_data(&p);
        assert_eq!(data["v"], json!(3));
        assert_eq!(from_data(&data), Ok(p.clone()));
        let mut bad = data.clone();
        bad["portfolio"]["projects"][1]["depends_on"] = json!(["nowhere"]);
        assert!(why(from_data(&bad).unwrap_err()).contains("nowhere"));
        let mut bad = data.clone();
        let own = bad["portfolio"]["projects"][1]["id"].clone();
        bad["portfolio"]["projects"][1]["depends_on"] = json!([own]);
        assert!(why(from_data(&bad).unwrap_err()).contains("not another project"));
        let mut bad = data;
        bad["portfolio"]["capacity"]["budget"] = json!(-5.0);
        assert!(why(from_data(&bad).unwrap_err()).contains("budget"));
    }

    fn broken(change: impl Fn(&mut Value)) -> ReadError {
        let mut v = to_data(&Portfolio::example());
        change(v.value_mut());
        from_data(&v).unwrap_err()
    }

    fn why(e: ReadError) -> String {
        match e {
            ReadError::Corrupt(why) => why,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn refuses_damaged_and_out_of_range_data_with_a_reason() {
        assert_eq!(
            from_data(&Data::from(json!({"v": 4, "portfolio": {}}))),
            Err(ReadError::TooNew(4))
        );
        assert!(matches!(
            from_data(&Data::from(json!({"model": {}}))),
            Err(ReadError::Corrupt(_))
        ));
        assert!(why(broken(
            |v| v["portfolio"]["weights"]["risk-factors"] = json!(16)
        ))
        .contains("add up to 101%"));
        assert!(why(broken(|v| {
            v["portfolio"]["weights"]
                .as_object_mut()
                .unwrap()
                .remove("risk-factors");
        }))
        .contains("no weights for risk-factors"));
        assert!(why(broken(|v| v["portfolio"]["method"] = json!("moscow"))).contains("moscow"));
        assert!(why(broken(
            |v| v["portfolio"]["projects"][1]["id"] = json!("support-routing")
        ))
        .contains("two projects"));
        assert!(why(broken(
            |v| v["portfolio"]["projects"][0]["scores"]["business-impact"] = json!(6)
        ))
        .contains("Business impact"));
        assert!(why(broken(
            |v| v["portfolio"]["projects"][0]["scores"]["vibes"] = json!(3)
        ))
        .contains("vibes"));
        assert!(why(broken(
            |v| v["portfolio"]["projects"][0]["rice"]["effort"] = json!(0.0)
        ))
        .contains("RICE effort"));
        assert!(why(broken(
            |v| v["portfolio"]["projects"][0]["wsjf"]["job_size"] = json!(4)
        ))
        .contains("WSJF job size"));
        assert!(why(broken(
            |v| v["portfolio"]["projects"][0]["estimated_cost"] = json!(-1.0)
        ))
        .contains("Estimated cost"));
        // Wrong types and negative whole numbers fail in serde.
        broken(|v| v["portfolio"]["projects"][0]["ice"]["ease"] = json!(-3));
        broken(|v| v["portfolio"]["projects"][0]["rice"]["reach"] = json!("many"));
        broken(|v| v["portfolio"]["projects"] = json!({}));
    }

    #[test]
    fn a_portfolio_past_the_limits_is_refused_with_what_it_holds() {
        let ex = Portfolio::example();
        let mut big = ex.clone();
        big.projects = (0..600)
            .map(|i| Project {
                id: format!("p{i}"),
                ..ex.projects[0].clone()
            })
            .collect();
        assert_eq!(
            from_data(&to_data(&big)).unwrap_err().to_string(),
            "it holds 600 projects; Sextant accepts up to 500"
        );
        big.projects.truncate(limits::MAX_PROJECTS);
        assert_eq!(from_data(&to_data(&big)).map(|p| p.projects.len()), Ok(500));

        for change in [
            (|p: &mut Portfolio| p.currency = "X".repeat(200_000)) as fn(&mut Portfolio),
            |p| p.name = "n".repeat(201),
            |p| p.projects[0].name = "n".repeat(201),
            |p| p.projects[0].notes = "n".repeat(2_001),
            |p| p.projects[0].id = "i".repeat(65),
            |p| p.projects[0].roi_model = Some("i".repeat(65)),
        ] {
            let mut p = ex.clone();
            change(&mut p);
            assert!(
                matches!(from_data(&to_data(&p)), Err(ReadError::Refused(_))),
                "{p:?}"
            );
        }
    }
}
