//! The ranking methods, the value-effort map's axes, and the portfolio itself.

use super::*;

/// A prioritisation method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// Weighted mean of the five criterion scores.
    Weighted,
    /// Reach × Impact × Confidence / Effort.
    Rice,
    /// Weighted shortest job first: cost of delay / job size.
    Wsjf,
    /// Impact × Confidence × Ease.
    Ice,
}

impl Method {
    /// Every method, in menu order.
    pub const ALL: [Method; 4] = [Method::Weighted, Method::Rice, Method::Wsjf, Method::Ice];

    /// Stable id, used in stored data.
    pub fn id(self) -> &'static str {
        match self {
            Method::Weighted => "weighted",
            Method::Rice => "rice",
            Method::Wsjf => "wsjf",
            Method::Ice => "ice",
        }
    }

    /// The method with this id.
    pub fn from_id(id: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.id() == id)
    }

    /// Its short name.
    pub fn name(self) -> &'static str {
        match self {
            Method::Weighted => "Weighted criteria",
            Method::Rice => "RICE",
            Method::Wsjf => "WSJF",
            Method::Ice => "ICE",
        }
    }

    /// The formula, for display.
    pub fn formula(self) -> &'static str {
        match self {
            Method::Weighted => "Σ wᵢ·sᵢ / Σ wᵢ",
            Method::Rice => "Reach × Impact × Confidence / Effort",
            Method::Wsjf => "(User-business value + Time criticality + Risk reduction & opportunity enablement) / Job size",
            Method::Ice => "Impact × Confidence × Ease",
        }
    }

    /// What the inputs and the score mean.
    pub fn explanation(self) -> &'static str {
        match self {
            Method::Weighted => "Each criterion score sᵢ (1 to 5, higher is more favourable) times its weight wᵢ in percent, divided by the sum of the weights (always 100). The score is on the same 1 to 5 scale.",
            Method::Rice => "Reach: people or events per quarter. Impact: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal. Confidence: 100%, 80% or 50%. Effort: person-months, more than 0. Higher is better.",
            Method::Wsjf => "Each input is relative, on the scale 1, 2, 3, 5, 8, 13, 20. The first three add up to the cost of delay, which is divided by the job size. Higher is better.",
            Method::Ice => "Impact, confidence and ease, each from 1 to 10, multiplied: 1 to 1,000. Higher is better.",
        }
    }

    /// The inputs it needs, in form order.
    pub fn inputs(self) -> &'static [ProjectField] {
        match self {
            Method::Weighted => &[
                ProjectField::Score(Criterion::BusinessImpact),
                ProjectField::Score(Criterion::ResourceRequirements),
                ProjectField::Score(Criterion::TechnicalFeasibility),
                ProjectField::Score(Criterion::TimeToValue),
                ProjectField::Score(Criterion::Urgency),
                ProjectField::Score(Criterion::RiskFactors),
            ],
            Method::Rice => &[
                ProjectField::RiceReach,
                ProjectField::RiceImpact,
                ProjectField::RiceConfidence,
                ProjectField::RiceEffort,
            ],
            Method::Wsjf => &[
                ProjectField::WsjfBusinessValue,
                ProjectField::WsjfTimeCriticality,
                ProjectField::WsjfRiskReduction,
                ProjectField::WsjfJobSize,
            ],
            Method::Ice => &[
                ProjectField::IceImpact,
                ProjectField::IceConfidence,
                ProjectField::IceEase,
            ],
        }
    }

    /// A score as a table shows it: weighted and WSJF with two decimals,
    /// RICE with one and thousands grouped, ICE whole.
    pub fn format_score(self, score: f64) -> String {
        if !score.is_finite() {
            return "not available".into();
        }
        match self {
            Method::Weighted | Method::Wsjf => crate::domain::format::decimal(score, 2),
            Method::Rice => crate::domain::input::group_thousands(&format!("{score:.1}")),
            Method::Ice => format!("{score:.0}"),
        }
    }
}

/// What the value axis of the value-effort map shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueAxis {
    /// Weighted mean of the value criteria (1-5), split at 3.
    Criteria,
    /// NPV of each project's attached ROI model, split at 0.
    Npv,
}

impl ValueAxis {
    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            ValueAxis::Criteria => "criteria",
            ValueAxis::Npv => "npv",
        }
    }

    /// The axis with this id.
    pub fn from_id(id: &str) -> Option<ValueAxis> {
        [ValueAxis::Criteria, ValueAxis::Npv]
            .into_iter()
            .find(|a| a.id() == id)
    }

    /// How it reads in a menu.
    pub fn name(self) -> &'static str {
        match self {
            ValueAxis::Criteria => "Value from the criteria scores",
            ValueAxis::Npv => "NPV of the attached ROI model",
        }
    }
}

/// What the effort axis of the value-effort map shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EffortAxis {
    /// 6 − weighted mean of resource requirements and time to value (1-5), split at 3.
    Criteria,
    /// RICE effort in person-months, split at the median of the projects shown.
    PersonMonths,
}

impl EffortAxis {
    /// Stable id.
    pub fn id(self) -> &'static str {
        match self {
            EffortAxis::Criteria => "criteria",
            EffortAxis::PersonMonths => "person-months",
        }
    }

    /// The axis with this id.
    pub fn from_id(id: &str) -> Option<EffortAxis> {
        [EffortAxis::Criteria, EffortAxis::PersonMonths]
            .into_iter()
            .find(|a| a.id() == id)
    }

    /// How it reads in a menu.
    pub fn name(self) -> &'static str {
        match self {
            EffortAxis::Criteria => "Effort from the resource and time scores",
            EffortAxis::PersonMonths => "RICE effort in person-months",
        }
    }
}

/// A portfolio of candidate projects and how to rank them.
#[derive(Clone, Debug, PartialEq)]
pub struct Portfolio {
    /// Its name.
    pub name: String,
    /// ISO 4217 code for costs and NPV.
    pub currency: String,
    /// Criterion weights for the weighted method and the value-effort map.
    pub weights: Weights,
    /// The method the ranking uses by default.
    pub method: Method,
    /// What the value axis of the map shows.
    pub value_axis: ValueAxis,
    /// What the effort axis of the map shows.
    pub effort_axis: EffortAxis,
    /// The candidates, in the user's order (which breaks ties).
    pub projects: Vec<Project>,
    /// What it can take on next.
    pub capacity: Capacity,
}

impl Default for Portfolio {
    /// An empty portfolio with the default weights, ranked by weighted criteria.
    fn default() -> Self {
        Portfolio {
            name: "Project portfolio".into(),
            currency: "USD".into(),
            weights: Weights::default(),
            method: Method::Weighted,
            value_axis: ValueAxis::Criteria,
            effort_axis: EffortAxis::Criteria,
            projects: Vec::new(),
            capacity: Capacity::default(),
        }
    }
}

impl Portfolio {
    /// Moves the project at `index` one place up (`up`) or down the list;
    /// nothing at either end. The ranking does not depend on the list's
    /// order, only ties and the map's list do.
    pub fn move_project(&mut self, index: usize, up: bool) {
        let to = if up {
            index.checked_sub(1)
        } else {
            Some(index + 1)
        };
        if let Some(to) = to.filter(|&to| index < self.projects.len() && to < self.projects.len()) {
            self.projects.swap(index, to);
        }
    }

    /// Puts a copy of the project at `index` right after it: a new id, the
    /// name followed by " (copy)" (" (copy 2)", … when that is taken), the
    /// same scores, links and needs. Returns where the copy is.
    pub fn duplicate_project(&mut self, index: usize) -> Option<usize> {
        let original = self.projects.get(index)?;
        let taken = |name: &str| {
            self.projects
                .iter()
                .any(|p| super::fields::name_key(&p.name) == super::fields::name_key(name))
        };
        let name = std::iter::once(format!("{} (copy)", original.name))
            .chain((2..).map(|n| format!("{} (copy {n})", original.name)))
            .find(|n| !taken(n))?;
        let copy = Project {
            id: self.new_project().id,
            name,
            ..original.clone()
        };
        self.projects.insert(index + 1, copy);
        Some(index + 1)
    }

    /// Removes the project at `index`, and every other project's need of it.
    pub fn remove_project(&mut self, index: usize) {
        if index < self.projects.len() {
            let gone = self.projects.remove(index).id;
            for p in &mut self.projects {
                p.depends_on.retain(|d| *d != gone);
            }
        }
    }
}
