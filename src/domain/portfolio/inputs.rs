//! A project and the inputs of RICE, WSJF and ICE.

use super::*;

/// RICE inputs (Intercom's scales).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rice {
    /// People or events reached per quarter.
    pub reach: f64,
    /// One of [`RICE_IMPACT`]: 3, 2, 1, 0.5 or 0.25.
    pub impact: f64,
    /// One of [`RICE_CONFIDENCE`], as a fraction: 1.0, 0.8 or 0.5.
    pub confidence: f64,
    /// Person-months of work; more than 0.
    pub effort: f64,
}

/// RICE impact choices, largest first.
pub const RICE_IMPACT: [(f64, &str); 5] = [
    (3.0, "Massive"),
    (2.0, "High"),
    (1.0, "Medium"),
    (0.5, "Low"),
    (0.25, "Minimal"),
];

/// RICE confidence choices (fractions), highest first.
pub const RICE_CONFIDENCE: [(f64, &str); 3] = [
    (1.0, "High (100%)"),
    (0.8, "Medium (80%)"),
    (0.5, "Low (50%)"),
];

/// WSJF inputs, each on [`WSJF_SCALE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wsjf {
    /// User-business value.
    pub business_value: u32,
    /// Time criticality.
    pub time_criticality: u32,
    /// Risk reduction and opportunity enablement.
    pub risk_reduction: u32,
    /// Job size.
    pub job_size: u32,
}

/// The relative scale every WSJF input uses.
pub const WSJF_SCALE: [u32; 7] = [1, 2, 3, 5, 8, 13, 20];

/// ICE inputs, each 1 to 10.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ice {
    /// Impact.
    pub impact: u32,
    /// Confidence.
    pub confidence: u32,
    /// Ease.
    pub ease: u32,
}

/// Lowest ICE score.
pub const ICE_MIN: u32 = 1;
/// Highest ICE score.
pub const ICE_MAX: u32 = 10;

/// One candidate project.
#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    /// Stable id, unique in its portfolio (see [`Portfolio::new_project`]).
    pub id: String,
    /// Its name; must be non-empty and unique (trimmed, ignoring case).
    pub name: String,
    /// Free text.
    pub notes: String,
    /// The five criterion scores.
    pub scores: Scores,
    /// RICE inputs.
    pub rice: Rice,
    /// WSJF inputs.
    pub wsjf: Wsjf,
    /// ICE inputs.
    pub ice: Ice,
    /// Estimated cost in the portfolio's currency, if known.
    pub estimated_cost: Option<f64>,
    /// Id of a saved ROI model document.
    pub roi_model: Option<String>,
    /// Id of a saved readiness assessment run.
    pub readiness: Option<String>,
    /// Ids of the projects this one needs done with it or before it.
    pub depends_on: Vec<String>,
}

impl Project {
    /// A project with middling inputs: every score 3, RICE reach 100, medium
    /// impact, 80% confidence, 1 person-month; WSJF 3s; ICE 5s.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Project {
        Project {
            id: id.into(),
            name: name.into(),
            notes: String::new(),
            scores: Scores::uniform(3),
            rice: Rice {
                reach: 100.0,
                impact: 1.0,
                confidence: 0.8,
                effort: 1.0,
            },
            wsjf: Wsjf {
                business_value: 3,
                time_criticality: 3,
                risk_reduction: 3,
                job_size: 3,
            },
            ice: Ice {
                impact: 5,
                confidence: 5,
                ease: 5,
            },
            estimated_cost: None,
            roi_model: None,
            readiness: None,
            depends_on: Vec::new(),
        }
    }

    /// Every input of this project outside its scale, in form order, except
    /// the name (whose checks need the whole portfolio: see
    /// [`Portfolio::validate`]).
    pub fn field_errors(&self) -> Vec<(ProjectField, String)> {
        ProjectField::NUMBERS
            .iter()
            .filter_map(|&f| {
                let v = self.get(f)?;
                f.check(v).err().map(|m| (f, m))
            })
            .collect()
    }

    /// The value of a numeric input as a number; `None` for the name and for
    /// an estimated cost that is not given. RICE confidence is a fraction.
    pub fn get(&self, field: ProjectField) -> Option<f64> {
        let v = match field {
            ProjectField::Name => return None,
            ProjectField::Score(c) => f64::from(self.scores.get(c)),
            ProjectField::RiceReach => self.rice.reach,
            ProjectField::RiceImpact => self.rice.impact,
            ProjectField::RiceConfidence => self.rice.confidence,
            ProjectField::RiceEffort => self.rice.effort,
            ProjectField::WsjfBusinessValue => f64::from(self.wsjf.business_value),
            ProjectField::WsjfTimeCriticality => f64::from(self.wsjf.time_criticality),
            ProjectField::WsjfRiskReduction => f64::from(self.wsjf.risk_reduction),
            ProjectField::WsjfJobSize => f64::from(self.wsjf.job_size),
            ProjectField::IceImpact => f64::from(self.ice.impact),
            ProjectField::IceConfidence => f64::from(self.ice.confidence),
            ProjectField::IceEase => f64::from(self.ice.ease),
            ProjectField::EstimatedCost => return self.estimated_cost,
        };
        Some(v)
    }

    /// Writes a numeric input (check it first with [`ProjectField::check`]).
    /// Whole-number inputs take the value rounded and clamped to 0..=u32::MAX;
    /// an estimated cost becomes `Some(value)`; the name is left alone.
    pub fn set(&mut self, field: ProjectField, value: f64) {
        let whole = if value.is_finite() {
            value.round().clamp(0.0, f64::from(u32::MAX)) as u32
        } else {
            0
        };
        match field {
            ProjectField::Name => {}
            ProjectField::Score(c) => self.scores.set(c, whole),
            ProjectField::RiceReach => self.rice.reach = value,
            ProjectField::RiceImpact => self.rice.impact = value,
            ProjectField::RiceConfidence => self.rice.confidence = value,
            ProjectField::RiceEffort => self.rice.effort = value,
            ProjectField::WsjfBusinessValue => self.wsjf.business_value = whole,
            ProjectField::WsjfTimeCriticality => self.wsjf.time_criticality = whole,
            ProjectField::WsjfRiskReduction => self.wsjf.risk_reduction = whole,
            ProjectField::WsjfJobSize => self.wsjf.job_size = whole,
            ProjectField::IceImpact => self.ice.impact = whole,
            ProjectField::IceConfidence => self.ice.confidence = whole,
            ProjectField::IceEase => self.ice.ease = whole,
            ProjectField::EstimatedCost => self.estimated_cost = Some(value),
        }
    }
}
