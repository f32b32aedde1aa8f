//! A portfolio of candidate ML projects: scoring, ranking, how robust the
//! ranking is to the weights, and the value-versus-effort map.
//!
//! Each project is scored 1 to 5 on six [`Criterion`]s where a higher score
//! always argues for doing the project sooner (5 = high impact, small
//! resource need, routine technically, first value within a month, a fixed
//! date that cannot move, low risk); [`Criterion::rubric`] says what each
//! score means so two people score alike. Urgency and time to value are two
//! criteria, not one: a fixed date raises priority (as WSJF's time
//! criticality does) while a long wait for first value lowers it. Projects can also carry the
//! inputs of three common prioritisation methods, and [`rank`] orders them by
//! any [`Method`]:
//!
//! - weighted criteria: `Σ wᵢ·sᵢ / Σ wᵢ` with [`Weights`] in whole percent
//!   that always sum to 100, so the score is on the 1-5 scale;
//! - RICE (Intercom): reach × impact × confidence / effort;
//! - WSJF (SAFe): cost of delay / job size on the 1, 2, 3, 5, 8, 13, 20 scale;
//! - ICE: impact × confidence × ease, each 1-10.
//!
//! [`Portfolio::validate`] names every bad input by project and field; a
//! project with a bad input has no score for the method that needs that
//! input (the `Err` says why), while the other methods still rank it.
//! [`robustness`] finds the smallest change of one weight that swaps the top
//! two projects; [`value_effort`] places each project in a quadrant.
//!
//! Nothing here panics, and every number returned is finite.

use super::input::{check_range, NumberKind};
use std::cmp::Ordering;

/// Lowest criterion score.
pub const SCALE_MIN: u32 = 1;
/// Highest criterion score.
pub const SCALE_MAX: u32 = 5;
/// The middle of the 1-5 scale, where the value-effort map splits.
pub const SCALE_MIDPOINT: f64 = 3.0;
/// Upper bound for any amount of money: beyond it inputs are typos.
pub const MAX_MONEY: f64 = 1e12;
/// Largest RICE reach accepted (people or events per quarter).
pub const MAX_REACH: f64 = 1e12;
/// Largest RICE effort accepted, in person-months.
pub const MAX_EFFORT: f64 = 1e5;

/// How many criteria a project is scored on.
pub const CRITERIA: usize = 6;

/// One of the six criteria every project is scored on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Criterion {
    /// What the project is worth to the business if it succeeds.
    BusinessImpact,
    /// People, data, compute and tooling it needs (5 = little).
    ResourceRequirements,
    /// How likely the ML problem is to be solved well enough.
    TechnicalFeasibility,
    /// How soon the project gives its first value (5 = within a month).
    TimeToValue,
    /// What waiting costs: a fixed date, value that decays (5 = a date that
    /// cannot move). As in WSJF's time criticality, urgency raises priority.
    Urgency,
    /// Harm, compliance and operational risk (5 = low risk).
    RiskFactors,
}

/// Which side of the value-effort map a criterion feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Value: impact, what waiting costs (urgency), and the odds of getting
    /// it (feasibility, risk).
    Value,
    /// Effort: people and time (the map uses 6 − score, so more is more effort).
    Effort,
}

/// What each score means, criterion by criterion; `RUBRIC[c][s - 1]`.
static RUBRIC: [[&str; 5]; CRITERIA] = [
    [
        "No metric the business tracks would move; the gain is convenience for a few people.",
        "Helps one team's workflow or a secondary metric; few people outside that team would notice.",
        "Moves a tracked KPI of one product or department by a measurable amount, such as a few percent of its cost or revenue.",
        "Moves a KPI that leadership reviews, across several teams or a major product line, and the gain can be put in money.",
        "Central to the company's strategy: a large, quantified gain in revenue, cost or risk that leadership has asked for.",
    ],
    [
        "Needs a new team or several specialists for a year or more, new data collection or labelling, and new infrastructure such as a GPU cluster.",
        "Needs four or more people for six months or more, a large labelling effort, or new data pipelines and platform tooling.",
        "Needs a small team of three to five people for a few months; some data must be cleaned, joined or labelled and some tooling added.",
        "Needs two or three people for a few weeks; the data exists and needs only light preparation on the platform we already run.",
        "Small: one or two people for a few weeks, with the data, compute and tooling already in place.",
    ],
    [
        "A research problem: no known method reaches the accuracy needed, or the labels or signal it needs do not exist.",
        "Unproven: only papers or vendor claims suggest it can work, there is little labelled data, and the accuracy needed is uncertain.",
        "Plausible: similar problems are solved elsewhere and enough data exists, but no prototype on our data has shown the accuracy needed.",
        "Demonstrated: a prototype or baseline on our own data comes close to the accuracy needed, with enough labelled data to improve it.",
        "Routine: a standard method already meets the accuracy target on our data, and the team has shipped similar models before.",
    ],
    [
        "First value is more than a year away: data must be collected or a platform built before anything reaches users.",
        "First value in six to twelve months, after a long build with no usable intermediate result.",
        "First value in three to six months; a first version can go live before the whole scope is done.",
        "First value in one to three months, with time left for a second iteration.",
        "First value within a month, delivered in small increments.",
    ],
    [
        "Waiting costs nothing: no date to meet, and the value is the same if the project starts next year.",
        "Waiting costs a little: the value erodes slowly (a manual workaround carries on, a competitor may move first), with no date fixed.",
        "A soft date: a planned launch or a budget cycle, where a slip of a quarter loses a noticeable share of the value.",
        "A firm date within the year (a contract, a product launch, a seasonal peak) after which most of the value is lost.",
        "A fixed date that cannot move, such as a regulation or a legal or contractual obligation, where missing it costs more than the project's own value.",
    ],
    [
        "Errors could harm people or break the law (credit, hiring, health), the data includes sensitive personal data, and failures would be hard to detect.",
        "Mistakes cost money or customer trust directly, the data is regulated or known to be biased, and there is no fallback yet.",
        "Mistakes are costly but caught by human review or a fallback; some personal data or drift-prone inputs need monitoring.",
        "Mistakes are cheap to correct, the data is internal with no sensitive attributes, and a rules-based fallback exists.",
        "Low risk: mistakes are harmless or reversed automatically, no personal or regulated data is involved, and the model only advises a person.",
    ],
];

impl Criterion {
    /// Every criterion, in form order.
    pub const ALL: [Criterion; CRITERIA] = [
        Criterion::BusinessImpact,
        Criterion::ResourceRequirements,
        Criterion::TechnicalFeasibility,
        Criterion::TimeToValue,
        Criterion::Urgency,
        Criterion::RiskFactors,
    ];

    /// Its position in [`Criterion::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Stable id, used in stored data and HTML ids.
    pub fn id(self) -> &'static str {
        match self {
            Criterion::BusinessImpact => "business-impact",
            Criterion::ResourceRequirements => "resource-requirements",
            Criterion::TechnicalFeasibility => "technical-feasibility",
            Criterion::TimeToValue => "time-to-value",
            Criterion::Urgency => "urgency",
            Criterion::RiskFactors => "risk-factors",
        }
    }

    /// The criterion with this id.
    pub fn from_id(id: &str) -> Option<Criterion> {
        Criterion::ALL.into_iter().find(|c| c.id() == id)
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Criterion::BusinessImpact => "Business impact",
            Criterion::ResourceRequirements => "Resource requirements",
            Criterion::TechnicalFeasibility => "Technical feasibility",
            Criterion::TimeToValue => "Time to value",
            Criterion::Urgency => "Urgency",
            Criterion::RiskFactors => "Risk factors",
        }
    }

    /// One line of help: what is scored and which end is favourable.
    pub fn help(self) -> &'static str {
        match self {
            Criterion::BusinessImpact => {
                "What the project is worth if it succeeds. 5 = large, quantified impact."
            }
            Criterion::ResourceRequirements => {
                "People, data, compute and tooling it needs. 5 = small need, everything in place."
            }
            Criterion::TechnicalFeasibility => {
                "How likely the ML problem is to be solved well enough. 5 = routine."
            }
            Criterion::TimeToValue => {
                "How soon the first value reaches users. 5 = within a month. Counts as effort."
            }
            Criterion::Urgency => {
                "What waiting costs: a fixed date, or value lost with each month. 5 = a date that cannot move. Raises priority, as WSJF's time criticality does."
            }
            Criterion::RiskFactors => "Harm, compliance and operational risk. 5 = low risk.",
        }
    }

    /// What each score means: `rubric()[score - 1]` for scores 1 to 5.
    pub fn rubric(self) -> &'static [&'static str; 5] {
        &RUBRIC[self.index()]
    }

    /// What `score` means, or `None` outside 1 to 5.
    pub fn describe(self, score: u32) -> Option<&'static str> {
        (SCALE_MIN..=SCALE_MAX)
            .contains(&score)
            .then(|| RUBRIC[self.index()][(score - 1) as usize])
    }

    /// Which axis of the value-effort map it feeds.
    pub fn role(self) -> Role {
        match self {
            Criterion::ResourceRequirements | Criterion::TimeToValue => Role::Effort,
            _ => Role::Value,
        }
    }
}

/// A project's six criterion scores, each 1 (unfavourable) to 5 (favourable).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scores {
    /// Business impact.
    pub business_impact: u32,
    /// Resource requirements (5 = small).
    pub resource_requirements: u32,
    /// Technical feasibility.
    pub technical_feasibility: u32,
    /// Time to value (5 = first value within a month).
    pub time_to_value: u32,
    /// Urgency (5 = a fixed date that cannot move).
    pub urgency: u32,
    /// Risk factors (5 = low risk).
    pub risk_factors: u32,
}

impl Scores {
    /// The same score on every criterion.
    pub fn uniform(score: u32) -> Scores {
        Scores {
            business_impact: score,
            resource_requirements: score,
            technical_feasibility: score,
            time_to_value: score,
            urgency: score,
            risk_factors: score,
        }
    }

    /// The score on one criterion.
    pub fn get(&self, c: Criterion) -> u32 {
        match c {
            Criterion::BusinessImpact => self.business_impact,
            Criterion::ResourceRequirements => self.resource_requirements,
            Criterion::TechnicalFeasibility => self.technical_feasibility,
            Criterion::TimeToValue => self.time_to_value,
            Criterion::Urgency => self.urgency,
            Criterion::RiskFactors => self.risk_factors,
        }
    }

    /// Sets the score on one criterion (validation checks the scale).
    pub fn set(&mut self, c: Criterion, score: u32) {
        match c {
            Criterion::BusinessImpact => self.business_impact = score,
            Criterion::ResourceRequirements => self.resource_requirements = score,
            Criterion::TechnicalFeasibility => self.technical_feasibility = score,
            Criterion::TimeToValue => self.time_to_value = score,
            Criterion::Urgency => self.urgency = score,
            Criterion::RiskFactors => self.risk_factors = score,
        }
    }
}

/// Criterion weights in whole percent; they always sum to exactly 100.
///
/// The only ways to make one are [`Weights::new`] (checked), the defaults,
/// and [`Weights::with`], which keeps the sum at 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weights([u32; CRITERIA]);

impl Default for Weights {
    /// Business impact 25, resource requirements 20, technical feasibility
    /// 20, time to value 10, urgency 10, risk factors 15.
    fn default() -> Self {
        Weights([25, 20, 20, 10, 10, 15])
    }
}

impl Weights {
    /// Weights in [`Criterion::ALL`] order, if they sum to 100.
    pub fn new(values: [u32; CRITERIA]) -> Result<Weights, String> {
        let sum: u64 = values.iter().map(|v| u64::from(*v)).sum();
        if sum == 100 {
            Ok(Weights(values))
        } else {
            Err(format!(
                "The weights add up to {sum}%; they must add up to 100%."
            ))
        }
    }

    /// As equal as whole percents allow: 17% on the first four criteria,
    /// 16% on the last two.
    pub fn equal() -> Weights {
        Weights([17, 17, 17, 17, 16, 16])
    }

    /// The weight of one criterion, in percent.
    pub fn get(&self, c: Criterion) -> u32 {
        self.0[c.index()]
    }

    /// All six, in [`Criterion::ALL`] order.
    pub fn values(&self) -> [u32; CRITERIA] {
        self.0
    }

    /// These weights with `c` set to `percent` (capped at 100) and the other
    /// five rescaled in proportion to their current values so the sum stays
    /// exactly 100. Rounding is by largest remainder: each other weight gets
    /// the whole part of its exact share, and the points left over go one
    /// each to the largest fractional parts (ties to the earlier criterion).
    /// When the other five are all 0, the rest is spread evenly.
    pub fn with(&self, c: Criterion, percent: u32) -> Weights {
        let k = c.index();
        let value = percent.min(100);
        let rest = u64::from(100 - value);
        let others: Vec<usize> = (0..CRITERIA).filter(|&i| i != k).collect();
        let old_sum: u64 = others.iter().map(|&i| u64::from(self.0[i])).sum();
        // Exact shares as fractions over `denominator`.
        let (numerators, denominator): (Vec<u64>, u64) = if old_sum == 0 {
            (others.iter().map(|_| rest).collect(), others.len() as u64)
        } else {
            (
                others
                    .iter()
                    .map(|&i| u64::from(self.0[i]) * rest)
                    .collect(),
                old_sum,
            )
        };
        let mut out = [0u32; CRITERIA];
        out[k] = value;
        let mut given = 0u64;
        for (j, &i) in others.iter().enumerate() {
            let whole = numerators[j] / denominator;
            out[i] = whole as u32;
            given += whole;
        }
        let mut order: Vec<usize> = (0..others.len()).collect();
        // Stable sort: equal remainders keep criterion order.
        order.sort_by(|&a, &b| (numerators[b] % denominator).cmp(&(numerators[a] % denominator)));
        for &j in order.iter().take((rest - given) as usize) {
            out[others[j]] += 1;
        }
        Weights(out)
    }

    /// Sets `c` to `percent` as [`Weights::with`] does.
    pub fn set(&mut self, c: Criterion, percent: u32) {
        *self = self.with(c, percent);
    }
}

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

    /// Stable id, used in stored data and HTML ids.
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
            Method::Weighted | Method::Wsjf => super::format::decimal(score, 2),
            Method::Rice => super::input::group_thousands(&format!("{score:.1}")),
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

/// What the portfolio can take on next; `None` is no limit.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Capacity {
    /// Money available, in the portfolio's currency, against each
    /// project's estimated cost.
    pub budget: Option<f64>,
    /// People's time available, in person-months, against each project's
    /// RICE effort.
    pub person_months: Option<f64>,
}

/// The projects that fit a [`Capacity`], and why the others do not.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    /// Positions in [`Portfolio::projects`] of the projects taken, in the
    /// order taken.
    pub chosen: Vec<usize>,
    /// The projects left out, each with the reason, in ranking order.
    pub left_out: Vec<(usize, String)>,
    /// Estimated cost of the projects taken (those with one).
    pub cost: f64,
    /// RICE effort of the projects taken, in person-months.
    pub person_months: f64,
}

/// What fits: the projects in the order `method` ranks them, each taken if
/// it fits what is left of the capacity together with the projects it
/// depends on that are not taken yet (they are taken with it, whatever
/// their own rank); otherwise left out with the reason, and a lower-ranked
/// project that fits is still taken. This is the order WSJF prescribes
/// (do the highest score first until the capacity is used); it does not
/// search for the set with the largest total score, which for a ratio such
/// as WSJF or RICE has no meaning. A project without a score for `method`
/// is left out unless another needs it; with a budget, a project without an
/// estimated cost is left out, since it cannot be weighed against it.
/// Projects that depend on each other in a circle are an error.
pub fn select(portfolio: &Portfolio, method: Method) -> Result<Selection, String> {
    let projects = &portfolio.projects;
    let index_of = |id: &str| projects.iter().position(|p| p.id == id);
    // Every project's dependencies, transitively, checked for circles.
    let mut needs: Vec<Vec<usize>> = Vec::with_capacity(projects.len());
    for start in 0..projects.len() {
        let mut seen: Vec<usize> = Vec::new();
        let mut stack: Vec<usize> = projects[start]
            .depends_on
            .iter()
            .filter_map(|d| index_of(d))
            .collect();
        while let Some(i) = stack.pop() {
            if i == start {
                return Err(format!(
                    "“{}” depends on itself through the projects it needs: remove one of those dependencies",
                    projects[start].name
                ));
            }
            if !seen.contains(&i) {
                seen.push(i);
                stack.extend(projects[i].depends_on.iter().filter_map(|d| index_of(d)));
            }
        }
        needs.push(seen);
    }
    let cap = portfolio.capacity;
    let mut out = Selection {
        chosen: Vec::new(),
        left_out: Vec::new(),
        cost: 0.0,
        person_months: 0.0,
    };
    for r in rank(portfolio, method) {
        let i = r.index;
        if out.chosen.contains(&i) {
            continue;
        }
        if let Err(why) = &r.score {
            out.left_out.push((i, format!("no score: {why}")));
            continue;
        }
        // What it needs and is not yet taken, each after everything it
        // needs in turn, then the project itself.
        let mut pending: Vec<usize> = needs[i]
            .iter()
            .copied()
            .filter(|j| !out.chosen.contains(j))
            .collect();
        let mut bundle: Vec<usize> = Vec::with_capacity(pending.len() + 1);
        while !pending.is_empty() {
            let ready = pending
                .iter()
                .position(|j| {
                    needs[*j]
                        .iter()
                        .all(|k| out.chosen.contains(k) || bundle.contains(k))
                })
                .unwrap_or(0);
            bundle.push(pending.remove(ready));
        }
        bundle.push(i);
        let no_cost: Vec<&str> = bundle
            .iter()
            .filter(|j| projects[**j].estimated_cost.is_none())
            .map(|j| projects[*j].name.as_str())
            .collect();
        if cap.budget.is_some() && !no_cost.is_empty() {
            out.left_out.push((
                i,
                format!(
                    "no estimated cost for {}, so it cannot be weighed against the budget",
                    no_cost.join(", ")
                ),
            ));
            continue;
        }
        let cost: f64 = bundle
            .iter()
            .filter_map(|j| projects[*j].estimated_cost)
            .sum();
        let effort: f64 = bundle.iter().map(|j| projects[*j].rice.effort).sum();
        let with = if bundle.len() > 1 {
            " with the projects it needs"
        } else {
            ""
        };
        if let Some(budget) = cap.budget.filter(|b| out.cost + cost > *b) {
            out.left_out.push((
                i,
                format!(
                    "costs {}{with}, and {} of the budget is left",
                    group(cost),
                    group(budget - out.cost)
                ),
            ));
            continue;
        }
        if let Some(months) = cap
            .person_months
            .filter(|m| out.person_months + effort > *m)
        {
            out.left_out.push((
                i,
                format!(
                    "needs {} person-months{with}, and {} are left",
                    short(effort),
                    short(months - out.person_months)
                ),
            ));
            continue;
        }
        out.cost += cost;
        out.person_months += effort;
        // Dependencies first, in list order, then the project.
        out.chosen.extend(bundle);
    }
    Ok(out)
}

fn group(v: f64) -> String {
    super::input::group_thousands(&format!("{}", v.round()))
}

fn short(v: f64) -> String {
    super::input::format_input((v * 10.0).round() / 10.0, super::input::NumberKind::Plain)
}

/// One input of a project, for inline messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectField {
    /// The name.
    Name,
    /// A criterion score.
    Score(Criterion),
    /// RICE reach.
    RiceReach,
    /// RICE impact.
    RiceImpact,
    /// RICE confidence.
    RiceConfidence,
    /// RICE effort.
    RiceEffort,
    /// WSJF user-business value.
    WsjfBusinessValue,
    /// WSJF time criticality.
    WsjfTimeCriticality,
    /// WSJF risk reduction and opportunity enablement.
    WsjfRiskReduction,
    /// WSJF job size.
    WsjfJobSize,
    /// ICE impact.
    IceImpact,
    /// ICE confidence.
    IceConfidence,
    /// ICE ease.
    IceEase,
    /// Estimated cost.
    EstimatedCost,
}

impl ProjectField {
    /// Every numeric input, in form order: all but the name.
    pub const NUMBERS: [ProjectField; 18] = [
        ProjectField::Score(Criterion::BusinessImpact),
        ProjectField::Score(Criterion::ResourceRequirements),
        ProjectField::Score(Criterion::TechnicalFeasibility),
        ProjectField::Score(Criterion::TimeToValue),
        ProjectField::Score(Criterion::Urgency),
        ProjectField::Score(Criterion::RiskFactors),
        ProjectField::RiceReach,
        ProjectField::RiceImpact,
        ProjectField::RiceConfidence,
        ProjectField::RiceEffort,
        ProjectField::WsjfBusinessValue,
        ProjectField::WsjfTimeCriticality,
        ProjectField::WsjfRiskReduction,
        ProjectField::WsjfJobSize,
        ProjectField::IceImpact,
        ProjectField::IceConfidence,
        ProjectField::IceEase,
        ProjectField::EstimatedCost,
    ];

    /// Whether `value` is allowed in this field, with the inline message when
    /// not. Choice fields (scores, RICE impact and confidence, WSJF, ICE)
    /// accept only the values of their scale; the name is checked by
    /// [`Portfolio::validate`] and always passes here.
    pub fn check(self, value: f64) -> Result<(), String> {
        if self == ProjectField::Name {
            return Ok(());
        }
        if !value.is_finite() {
            return Err("Enter a number.".into());
        }
        let whole_in = |lo: u32, hi: u32| {
            value.fract() == 0.0 && value >= f64::from(lo) && value <= f64::from(hi)
        };
        match self {
            ProjectField::Name => Ok(()),
            ProjectField::Score(_) if whole_in(SCALE_MIN, SCALE_MAX) => Ok(()),
            ProjectField::Score(_) => Err("Pick a score from 1 to 5.".into()),
            ProjectField::RiceReach => check_range(value, 0.0, MAX_REACH, NumberKind::Plain, false),
            ProjectField::RiceImpact if RICE_IMPACT.iter().any(|(v, _)| *v == value) => Ok(()),
            ProjectField::RiceImpact => {
                Err("Pick 3 (massive), 2 (high), 1 (medium), 0.5 (low) or 0.25 (minimal).".into())
            }
            ProjectField::RiceConfidence
                if RICE_CONFIDENCE
                    .iter()
                    .any(|(v, _)| (v - value).abs() < 1e-9) =>
            {
                Ok(())
            }
            ProjectField::RiceConfidence => Err("Pick 100%, 80% or 50%.".into()),
            ProjectField::RiceEffort if value <= 0.0 => {
                Err("Effort must be more than 0 person-months.".into())
            }
            ProjectField::RiceEffort if value > MAX_EFFORT => Err(format!(
                "Enter at most {} person-months.",
                super::input::group_thousands(&format!("{MAX_EFFORT}"))
            )),
            ProjectField::RiceEffort => Ok(()),
            ProjectField::WsjfBusinessValue
            | ProjectField::WsjfTimeCriticality
            | ProjectField::WsjfRiskReduction
            | ProjectField::WsjfJobSize => {
                if value.fract() == 0.0 && WSJF_SCALE.iter().any(|s| f64::from(*s) == value) {
                    Ok(())
                } else if self == ProjectField::WsjfJobSize && value <= 0.0 {
                    Err("Job size must be more than 0: pick 1, 2, 3, 5, 8, 13 or 20.".into())
                } else {
                    Err("Pick 1, 2, 3, 5, 8, 13 or 20.".into())
                }
            }
            ProjectField::IceImpact | ProjectField::IceConfidence | ProjectField::IceEase => {
                if whole_in(ICE_MIN, ICE_MAX) {
                    Ok(())
                } else {
                    Err("Pick a score from 1 to 10.".into())
                }
            }
            ProjectField::EstimatedCost => {
                check_range(value, 0.0, MAX_MONEY, NumberKind::Plain, false)
            }
        }
    }

    /// How the field's text is read (RICE confidence is a percentage).
    pub fn kind(self) -> NumberKind {
        match self {
            ProjectField::RiceConfidence => NumberKind::Percent,
            _ => NumberKind::Plain,
        }
    }

    /// The unit as shown beside the field.
    pub fn unit(self, currency: &str) -> String {
        match self {
            ProjectField::Name => String::new(),
            ProjectField::Score(_) => "1 to 5".into(),
            ProjectField::RiceReach => "people or events / quarter".into(),
            ProjectField::RiceImpact => "0.25 to 3".into(),
            ProjectField::RiceConfidence => "%".into(),
            ProjectField::RiceEffort => "person-months".into(),
            ProjectField::WsjfBusinessValue
            | ProjectField::WsjfTimeCriticality
            | ProjectField::WsjfRiskReduction
            | ProjectField::WsjfJobSize => "1, 2, 3, 5, 8, 13, 20".into(),
            ProjectField::IceImpact | ProjectField::IceConfidence | ProjectField::IceEase => {
                "1 to 10".into()
            }
            ProjectField::EstimatedCost => currency.to_string(),
        }
    }

    /// One line of help.
    pub fn help(self) -> &'static str {
        match self {
            ProjectField::Name => "A short name, different from the other projects'.",
            ProjectField::Score(c) => c.help(),
            ProjectField::RiceReach => "How many people or events the project affects per quarter.",
            ProjectField::RiceImpact => {
                "Effect on each one reached: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal."
            }
            ProjectField::RiceConfidence => {
                "How sure you are of reach and impact: 100% high, 80% medium, 50% low."
            }
            ProjectField::RiceEffort => "Total work in person-months, everyone included.",
            ProjectField::WsjfBusinessValue => {
                "Value to users and the business, relative to the other projects."
            }
            ProjectField::WsjfTimeCriticality => "How fast the value decays if the project waits.",
            ProjectField::WsjfRiskReduction => {
                "Risk it removes or opportunities it opens for later work."
            }
            ProjectField::WsjfJobSize => "Size of the work relative to the other projects.",
            ProjectField::IceImpact => "How much it moves the goal, 1 to 10.",
            ProjectField::IceConfidence => "How sure you are it will work, 1 to 10.",
            ProjectField::IceEase => "How easy it is to build, 1 to 10 (10 = easiest).",
            ProjectField::EstimatedCost => {
                "Rough total cost; sets the bubble size on the value-effort map."
            }
        }
    }

    /// Stable id suffix; the HTML id of a project's field is
    /// `"{project.id}-{field.id()}"`.
    pub fn id(self) -> &'static str {
        match self {
            ProjectField::Name => "name",
            ProjectField::Score(Criterion::BusinessImpact) => "score-business-impact",
            ProjectField::Score(Criterion::ResourceRequirements) => "score-resource-requirements",
            ProjectField::Score(Criterion::TechnicalFeasibility) => "score-technical-feasibility",
            ProjectField::Score(Criterion::TimeToValue) => "score-time-to-value",
            ProjectField::Score(Criterion::Urgency) => "score-urgency",
            ProjectField::Score(Criterion::RiskFactors) => "score-risk-factors",
            ProjectField::RiceReach => "rice-reach",
            ProjectField::RiceImpact => "rice-impact",
            ProjectField::RiceConfidence => "rice-confidence",
            ProjectField::RiceEffort => "rice-effort",
            ProjectField::WsjfBusinessValue => "wsjf-business-value",
            ProjectField::WsjfTimeCriticality => "wsjf-time-criticality",
            ProjectField::WsjfRiskReduction => "wsjf-risk-reduction",
            ProjectField::WsjfJobSize => "wsjf-job-size",
            ProjectField::IceImpact => "ice-impact",
            ProjectField::IceConfidence => "ice-confidence",
            ProjectField::IceEase => "ice-ease",
            ProjectField::EstimatedCost => "estimated-cost",
        }
    }

    /// Its label, self-contained (names the method).
    pub fn label(self) -> &'static str {
        match self {
            ProjectField::Name => "Name",
            ProjectField::Score(c) => c.name(),
            ProjectField::RiceReach => "RICE reach",
            ProjectField::RiceImpact => "RICE impact",
            ProjectField::RiceConfidence => "RICE confidence",
            ProjectField::RiceEffort => "RICE effort",
            ProjectField::WsjfBusinessValue => "WSJF user-business value",
            ProjectField::WsjfTimeCriticality => "WSJF time criticality",
            ProjectField::WsjfRiskReduction => "WSJF risk reduction & opportunity enablement",
            ProjectField::WsjfJobSize => "WSJF job size",
            ProjectField::IceImpact => "ICE impact",
            ProjectField::IceConfidence => "ICE confidence",
            ProjectField::IceEase => "ICE ease",
            ProjectField::EstimatedCost => "Estimated cost",
        }
    }

    /// The method whose score needs this field, if any.
    pub fn method(self) -> Option<Method> {
        match self {
            ProjectField::Name | ProjectField::EstimatedCost => None,
            ProjectField::Score(_) => Some(Method::Weighted),
            ProjectField::RiceReach
            | ProjectField::RiceImpact
            | ProjectField::RiceConfidence
            | ProjectField::RiceEffort => Some(Method::Rice),
            ProjectField::WsjfBusinessValue
            | ProjectField::WsjfTimeCriticality
            | ProjectField::WsjfRiskReduction
            | ProjectField::WsjfJobSize => Some(Method::Wsjf),
            ProjectField::IceImpact | ProjectField::IceConfidence | ProjectField::IceEase => {
                Some(Method::Ice)
            }
        }
    }
}

/// One bad input of one project.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectError {
    /// The project's position in [`Portfolio::projects`].
    pub project: usize,
    /// The project's id.
    pub project_id: String,
    /// Which input.
    pub field: ProjectField,
    /// What is wrong, as an inline message.
    pub message: String,
}

impl ProjectError {
    /// The HTML id of the field the message belongs to.
    pub fn html_id(&self) -> String {
        format!("{}-{}", self.project_id, self.field.id())
    }
}

fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Portfolio {
    /// Every bad input, project by project in list order: an empty name, a
    /// name already used by an earlier project (trimmed, ignoring case; the
    /// later one gets the error), and every input outside its scale.
    pub fn validate(&self) -> Vec<ProjectError> {
        let mut out = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for (i, p) in self.projects.iter().enumerate() {
            let error = |field, message: String| ProjectError {
                project: i,
                project_id: p.id.clone(),
                field,
                message,
            };
            let key = name_key(&p.name);
            if key.is_empty() {
                out.push(error(ProjectField::Name, "Give the project a name.".into()));
            } else if seen.contains(&key) {
                out.push(error(
                    ProjectField::Name,
                    format!(
                        "Another project is already called “{}”; give this one a different name.",
                        p.name.trim()
                    ),
                ));
            }
            seen.push(key);
            for (field, message) in p.field_errors() {
                out.push(error(field, message));
            }
        }
        out
    }

    /// The bad inputs of the project at `index`.
    pub fn errors_of(&self, index: usize) -> Vec<ProjectError> {
        self.validate()
            .into_iter()
            .filter(|e| e.project == index)
            .collect()
    }

    /// A new project with an id and a name no project here has yet
    /// ("p1", "Project 1", …); the caller pushes it.
    pub fn new_project(&self) -> Project {
        let ids: Vec<&str> = self.projects.iter().map(|p| p.id.as_str()).collect();
        let names: Vec<String> = self.projects.iter().map(|p| name_key(&p.name)).collect();
        let mut n = self.projects.len() + 1;
        loop {
            let id = format!("p{n}");
            let name = format!("Project {n}");
            if !ids.contains(&id.as_str()) && !names.contains(&name_key(&name)) {
                return Project::new(id, name);
            }
            n += 1;
        }
    }

    /// Five example candidates for a mid-sized company, one in each quadrant
    /// of the value-effort map and an extra quick win.
    pub fn example() -> Portfolio {
        #[allow(clippy::too_many_arguments)]
        fn project(
            id: &str,
            name: &str,
            notes: &str,
            s: [u32; CRITERIA],
            rice: (f64, f64, f64, f64),
            wsjf: [u32; 4],
            ice: [u32; 3],
            cost: f64,
        ) -> Project {
            Project {
                id: id.into(),
                name: name.into(),
                notes: notes.into(),
                scores: Scores {
                    business_impact: s[0],
                    resource_requirements: s[1],
                    technical_feasibility: s[2],
                    time_to_value: s[3],
                    urgency: s[4],
                    risk_factors: s[5],
                },
                rice: Rice {
                    reach: rice.0,
                    impact: rice.1,
                    confidence: rice.2,
                    effort: rice.3,
                },
                wsjf: Wsjf {
                    business_value: wsjf[0],
                    time_criticality: wsjf[1],
                    risk_reduction: wsjf[2],
                    job_size: wsjf[3],
                },
                ice: Ice {
                    impact: ice[0],
                    confidence: ice[1],
                    ease: ice[2],
                },
                estimated_cost: Some(cost),
                roi_model: None,
                readiness: None,
                depends_on: Vec::new(),
            }
        }
        Portfolio {
            name: "Example: five ML candidates".into(),
            projects: vec![
                project(
                    "support-routing",
                    "Support ticket routing",
                    "Classify incoming tickets and route them to the right queue; years of labelled tickets exist.",
                    [3, 4, 5, 5, 2, 4],
                    (6_000.0, 1.0, 1.0, 2.0),
                    [5, 3, 2, 3],
                    [6, 9, 8],
                    40_000.0,
                ),
                project(
                    "demand-forecasting",
                    "Demand forecasting",
                    "Replace spreadsheet forecasts for 2,000 products; needs a data pipeline from the stores.",
                    [5, 2, 4, 2, 4, 3],
                    (300.0, 3.0, 0.8, 18.0),
                    [20, 8, 8, 13],
                    [9, 7, 4],
                    320_000.0,
                ),
                project(
                    "churn-prediction",
                    "Churn prediction",
                    "Flag subscribers likely to cancel so the retention team can call them.",
                    [4, 3, 4, 4, 4, 4],
                    (12_000.0, 1.0, 0.8, 6.0),
                    [13, 8, 5, 5],
                    [7, 7, 6],
                    120_000.0,
                ),
                project(
                    "document-search",
                    "Internal document search",
                    "Semantic search over the wiki and policies for staff questions.",
                    [2, 4, 3, 4, 1, 3],
                    (400.0, 0.5, 0.8, 3.0),
                    [3, 2, 2, 3],
                    [4, 6, 7],
                    60_000.0,
                ),
                project(
                    "sales-assistant",
                    "Generative sales-email assistant",
                    "Draft outreach emails from CRM notes; legal review of generated text still open.",
                    [2, 2, 2, 3, 1, 2],
                    (80.0, 0.5, 0.5, 10.0),
                    [3, 2, 1, 13],
                    [4, 3, 3],
                    200_000.0,
                ),
            ],
            ..Portfolio::default()
        }
    }
}

/// Σ wᵢ·sᵢ over the six criteria, in percent-points (exact integers).
fn weighted_sum(scores: &Scores, weights: &Weights) -> u64 {
    Criterion::ALL
        .iter()
        .map(|&c| u64::from(weights.get(c)) * u64::from(scores.get(c)))
        .sum()
}

fn unavailable(method: Method, bad: &[(ProjectField, String)]) -> String {
    match bad {
        [(field, message)] => format!(
            "No {} score until {} is fixed: {}",
            method.name(),
            field.label(),
            message
        ),
        _ => format!(
            "No {} score until these are fixed: {}.",
            method.name(),
            bad.iter()
                .map(|(f, _)| f.label())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A project's score by `method`, or why it has none (an input the method
/// needs is bad). Names do not matter for scores.
pub fn score(project: &Project, method: Method, weights: &Weights) -> Result<f64, String> {
    let bad: Vec<(ProjectField, String)> = project
        .field_errors()
        .into_iter()
        .filter(|(f, _)| f.method() == Some(method))
        .collect();
    if !bad.is_empty() {
        return Err(unavailable(method, &bad));
    }
    let value = match method {
        // Weights sum to 100, so Σ wᵢ = 100.
        Method::Weighted => weighted_sum(&project.scores, weights) as f64 / 100.0,
        Method::Rice => {
            let r = &project.rice;
            r.reach * r.impact * r.confidence / r.effort
        }
        Method::Wsjf => {
            let w = &project.wsjf;
            f64::from(w.business_value + w.time_criticality + w.risk_reduction)
                / f64::from(w.job_size)
        }
        Method::Ice => {
            let i = &project.ice;
            f64::from(i.impact * i.confidence * i.ease)
        }
    };
    if value.is_finite() {
        Ok(value)
    } else {
        Err(format!(
            "The {} score is too large to show; check the inputs.",
            method.name()
        ))
    }
}

/// One row of a ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// The project's position in [`Portfolio::projects`].
    pub index: usize,
    /// The project's id.
    pub id: String,
    /// The project's name.
    pub name: String,
    /// Its score, or why it has none.
    pub score: Result<f64, String>,
    /// 1-based position among the scored projects; `None` without a score.
    pub rank: Option<u32>,
    /// Whether another project has exactly the same score (the list order
    /// then decides which ranks first).
    pub tied: bool,
}

/// The projects ordered by `method`: highest score first, equal scores in
/// list order, then every project without a score, in list order.
pub fn rank(portfolio: &Portfolio, method: Method) -> Vec<Ranked> {
    let scored: Vec<Result<f64, String>> = portfolio
        .projects
        .iter()
        .map(|p| score(p, method, &portfolio.weights))
        .collect();
    let mut order: Vec<usize> = (0..scored.len()).collect();
    // Stable: ties keep list order.
    order.sort_by(|&a, &b| compare_results(&scored[a], &scored[b], SortDirection::Descending));
    let mut out = Vec::with_capacity(order.len());
    let mut position = 0u32;
    for (k, &i) in order.iter().enumerate() {
        let p = &portfolio.projects[i];
        let s = scored[i].clone();
        let same = |j: Option<&usize>| match (j, &s) {
            (Some(&j), Ok(v)) => scored[j].as_ref().is_ok_and(|w| w == v),
            _ => false,
        };
        let tied = same(k.checked_sub(1).and_then(|k| order.get(k))) || same(order.get(k + 1));
        let rank = if s.is_ok() {
            position += 1;
            Some(position)
        } else {
            None
        };
        out.push(Ranked {
            index: i,
            id: p.id.clone(),
            name: p.name.clone(),
            score: s,
            rank,
            tied,
        });
    }
    out
}

/// Which way a sortable column is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortDirection {
    /// Smallest first.
    Ascending,
    /// Largest first.
    Descending,
}

/// Compares two optional figures for a sortable table: present values in
/// `direction`, missing ones always last (in either direction), and two
/// missing ones equal, so a stable sort keeps their order.
pub fn compare_missing_last(a: Option<f64>, b: Option<f64>, direction: SortDirection) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => match direction {
            SortDirection::Ascending => x.total_cmp(&y),
            SortDirection::Descending => y.total_cmp(&x),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// [`compare_missing_last`] for scores: an `Err` counts as missing.
pub fn compare_results<E>(
    a: &Result<f64, E>,
    b: &Result<f64, E>,
    direction: SortDirection,
) -> Ordering {
    compare_missing_last(
        a.as_ref().ok().copied(),
        b.as_ref().ok().copied(),
        direction,
    )
}

/// Which way a weight moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The weight goes up.
    Raise,
    /// The weight goes down.
    Lower,
}

/// The smallest single-weight change that swaps the top two projects.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightChange {
    /// Index of the project ranked first now.
    pub leader: usize,
    /// Index of the project ranked second now.
    pub runner_up: usize,
    /// The weight that moves.
    pub criterion: Criterion,
    /// Up or down.
    pub direction: Direction,
    /// By how many percentage points.
    pub points: u32,
    /// Its weight now.
    pub from: u32,
    /// Its weight after the change.
    pub to: u32,
    /// All six weights after the change (the others rescaled).
    pub weights: Weights,
}

/// How robust the weighted ranking's top two are to the weights.
#[derive(Clone, Debug, PartialEq)]
pub enum Robustness {
    /// Fewer than two projects have a weighted score.
    NotEnoughProjects {
        /// How many do.
        rankable: usize,
    },
    /// No change of a single weight, to any value from 0 to 100, puts the
    /// runner-up ahead of the leader.
    Stable {
        /// Index of the project ranked first.
        leader: usize,
        /// Index of the project ranked second.
        runner_up: usize,
    },
    /// This change puts the runner-up ahead; no smaller one does.
    Swaps(WeightChange),
}

impl Robustness {
    /// One plain sentence for the page.
    pub fn describe(&self, portfolio: &Portfolio) -> String {
        let name = |i: usize| {
            portfolio
                .projects
                .get(i)
                .map(|p| p.name.trim().to_string())
                .unwrap_or_default()
        };
        match self {
            Robustness::NotEnoughProjects { .. } => {
                "At least two projects need a weighted score to compare the top two.".into()
            }
            Robustness::Stable { leader, runner_up } => format!(
                "“{}” stays ahead of “{}” whatever single weight you change.",
                name(*leader),
                name(*runner_up)
            ),
            Robustness::Swaps(c) => format!(
                "{} the weight of {} by {} point{} (from {}% to {}%) puts “{}” ahead of “{}”; no smaller change of one weight does.",
                match c.direction {
                    Direction::Raise => "Raising",
                    Direction::Lower => "Lowering",
                },
                c.criterion.name().to_lowercase(),
                c.points,
                if c.points == 1 { "" } else { "s" },
                c.from,
                c.to,
                name(c.runner_up),
                name(c.leader)
            ),
        }
    }
}

/// How far the weights can move before the top two of the weighted ranking
/// swap. Each weight in turn is set to every whole percentage from 0 to 100,
/// the others rescaled exactly as [`Weights::with`] does (the same change the
/// weight sliders make), and the runner-up counts as ahead when it scores
/// higher, or the same while listed earlier — the rule [`rank`] uses. The
/// search covers every weight vector one change can reach, so it is exact.
/// Ties between equally small changes go to the earlier criterion, raising
/// before lowering. Only the top two are compared: a third project may pass
/// both.
pub fn robustness(portfolio: &Portfolio) -> Robustness {
    let ranked = rank(portfolio, Method::Weighted);
    let rankable = ranked.iter().filter(|r| r.rank.is_some()).count();
    if rankable < 2 {
        return Robustness::NotEnoughProjects { rankable };
    }
    let (leader, runner_up) = (ranked[0].index, ranked[1].index);
    let a = &portfolio.projects[leader].scores;
    let b = &portfolio.projects[runner_up].scores;
    let swapped = |w: &Weights| {
        let (sa, sb) = (weighted_sum(a, w), weighted_sum(b, w));
        sb > sa || (sb == sa && runner_up < leader)
    };
    let current = portfolio.weights;
    for points in 1..=100u32 {
        for c in Criterion::ALL {
            let from = current.get(c);
            let candidates = [
                (
                    Direction::Raise,
                    from.checked_add(points).filter(|t| *t <= 100),
                ),
                (Direction::Lower, from.checked_sub(points)),
            ];
            for (direction, to) in candidates {
                let Some(to) = to else { continue };
                let weights = current.with(c, to);
                if swapped(&weights) {
                    return Robustness::Swaps(WeightChange {
                        leader,
                        runner_up,
                        criterion: c,
                        direction,
                        points,
                        from,
                        to,
                        weights,
                    });
                }
            }
        }
    }
    Robustness::Stable { leader, runner_up }
}

/// A quadrant of the value-effort map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// High value, low effort.
    QuickWin,
    /// High value, high effort.
    BigBet,
    /// Low value, low effort.
    FillIn,
    /// Low value, high effort.
    TimeSink,
}

impl Quadrant {
    /// Every quadrant.
    pub const ALL: [Quadrant; 4] = [
        Quadrant::QuickWin,
        Quadrant::BigBet,
        Quadrant::FillIn,
        Quadrant::TimeSink,
    ];

    /// The quadrant of a point: "high" means at or above the split, on both axes.
    pub fn of(high_value: bool, high_effort: bool) -> Quadrant {
        match (high_value, high_effort) {
            (true, false) => Quadrant::QuickWin,
            (true, true) => Quadrant::BigBet,
            (false, false) => Quadrant::FillIn,
            (false, true) => Quadrant::TimeSink,
        }
    }

    /// Its name, as the chart writes it.
    pub fn name(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "Quick wins",
            Quadrant::BigBet => "Big bets",
            Quadrant::FillIn => "Fill-ins",
            Quadrant::TimeSink => "Time sinks",
        }
    }

    /// What to do with projects in it.
    pub fn advice(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "Do these first: high value for little effort.",
            Quadrant::BigBet => "Worth it, but plan and fund them properly and de-risk early.",
            Quadrant::FillIn => "Do them when people have spare time.",
            Quadrant::TimeSink => {
                "Avoid, or rethink the scope until the value rises or the effort falls."
            }
        }
    }

    /// Whether the quadrant is the high-value half.
    pub fn high_value(self) -> bool {
        matches!(self, Quadrant::QuickWin | Quadrant::BigBet)
    }

    /// Whether the quadrant is the high-effort half.
    pub fn high_effort(self) -> bool {
        matches!(self, Quadrant::BigBet | Quadrant::TimeSink)
    }
}

/// What sets a bubble's size on the value-effort map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BubbleBasis {
    /// The project's estimated cost.
    EstimatedCost,
    /// The magnitude of the NPV the caller gives.
    NpvMagnitude,
}

/// One project on the value-effort map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPoint {
    /// The project's position in [`Portfolio::projects`].
    pub index: usize,
    /// The project's id.
    pub id: String,
    /// The project's name.
    pub name: String,
    /// Its rank by the portfolio's method, if it has a score.
    pub rank: Option<u32>,
    /// Value (y): 1-5, or NPV in money.
    pub value: f64,
    /// Effort (x): 1-5 (5 = most effort), or person-months.
    pub effort: f64,
    /// Its quadrant.
    pub quadrant: Quadrant,
    /// What sets the bubble size (cost, or |NPV|), in money, if known.
    pub magnitude: Option<f64>,
    /// Bubble area relative to the largest on the map, 0 to 1; `None` when
    /// the magnitude is unknown (drawn as a small hollow marker).
    pub size: Option<f64>,
}

/// A project left off the map, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Unplotted {
    /// The project's position in [`Portfolio::projects`].
    pub index: usize,
    /// The project's name.
    pub name: String,
    /// Why it is not on the map.
    pub reason: String,
}

/// The value-effort map, ready to draw or tabulate.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueEffort {
    /// The projects on the map, in list order.
    pub points: Vec<MapPoint>,
    /// The projects not on it.
    pub unplotted: Vec<Unplotted>,
    /// Values at or above this are high: 3 on the criteria scale, 0 for NPV.
    pub value_split: f64,
    /// Efforts at or above this are high: 3 on the criteria scale, the
    /// median of the plotted projects for person-months.
    pub effort_split: f64,
    /// Fixed value-axis range (the 1-5 scale), or `None` to fit the data.
    pub value_range: Option<(f64, f64)>,
    /// Fixed effort-axis range, or `None` to fit the data.
    pub effort_range: Option<(f64, f64)>,
    /// Value-axis title.
    pub value_label: String,
    /// Effort-axis title.
    pub effort_label: String,
    /// The currency when the value axis is money (NPV).
    pub value_currency: Option<String>,
    /// What the bubble size means.
    pub size_label: String,
}

fn weighted_mean_of(scores: &Scores, weights: &Weights, role: Role) -> f64 {
    let members: Vec<Criterion> = Criterion::ALL
        .into_iter()
        .filter(|c| c.role() == role)
        .collect();
    let total: u64 = members.iter().map(|&c| u64::from(weights.get(c))).sum();
    let (num, den) = if total == 0 {
        // All of this side weighted 0: fall back to equal weights.
        (
            members
                .iter()
                .map(|&c| u64::from(scores.get(c)))
                .sum::<u64>(),
            members.len() as u64,
        )
    } else {
        (
            members
                .iter()
                .map(|&c| u64::from(weights.get(c)) * u64::from(scores.get(c)))
                .sum(),
            total,
        )
    };
    num as f64 / den as f64
}

/// Value from the criteria: the weighted mean of business impact, urgency,
/// technical feasibility and risk factors (impact, what waiting costs, and
/// the odds of getting it), with the portfolio's weights, 1-5. Equal weights
/// when all four weigh 0.
pub fn criteria_value(scores: &Scores, weights: &Weights) -> f64 {
    weighted_mean_of(scores, weights, Role::Value)
}

/// Effort from the criteria: 6 minus the weighted mean of resource
/// requirements and time to value, so 1 = least effort and 5 = most.
/// Equal weights when both weigh 0.
pub fn criteria_effort(scores: &Scores, weights: &Weights) -> f64 {
    6.0 - weighted_mean_of(scores, weights, Role::Effort)
}

fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// Places each project on the value-effort map.
///
/// Value is [`criteria_value`] (split at 3) or, with [`ValueAxis::Npv`], the
/// NPV the caller gives for the project at the same index in `npv` (split at
/// 0: a project that does not earn back its cost at the discount rate is low
/// value). Effort is [`criteria_effort`] (split at 3) or, with
/// [`EffortAxis::PersonMonths`], RICE effort (split at the median of the
/// projects shown, since person-months have no fixed scale). "High" means
/// at or above the split on both axes. A project whose inputs for an axis
/// are bad, or which has no NPV, is listed in `unplotted` with the reason.
/// Bubble area is proportional to `basis` (estimated cost or |NPV|).
pub fn value_effort(portfolio: &Portfolio, npv: &[Option<f64>], basis: BubbleBasis) -> ValueEffort {
    let ranks = rank(portfolio, portfolio.method);
    let rank_of = |i: usize| ranks.iter().find(|r| r.index == i).and_then(|r| r.rank);
    let mut placed: Vec<(usize, f64, f64, Option<f64>)> = Vec::new();
    let mut unplotted = Vec::new();
    for (i, p) in portfolio.projects.iter().enumerate() {
        let errors = p.field_errors();
        let bad = |pred: &dyn Fn(ProjectField) -> bool| {
            errors
                .iter()
                .filter(|(f, _)| pred(*f))
                .map(|(f, _)| f.label())
                .collect::<Vec<_>>()
        };
        let project_npv = npv.get(i).copied().flatten();
        let value: Result<f64, String> = match portfolio.value_axis {
            ValueAxis::Criteria => {
                let b = bad(&|f| matches!(f, ProjectField::Score(c) if c.role() == Role::Value));
                if b.is_empty() {
                    Ok(criteria_value(&p.scores, &portfolio.weights))
                } else {
                    Err(format!("fix {} to place it", b.join(", ")))
                }
            }
            ValueAxis::Npv => match project_npv {
                Some(v) if v.is_finite() => Ok(v),
                Some(_) => Err("its NPV is not a number".into()),
                None => Err("it has no NPV: attach an ROI model that can be evaluated".into()),
            },
        };
        let effort: Result<f64, String> = match portfolio.effort_axis {
            EffortAxis::Criteria => {
                let b = bad(&|f| matches!(f, ProjectField::Score(c) if c.role() == Role::Effort));
                if b.is_empty() {
                    Ok(criteria_effort(&p.scores, &portfolio.weights))
                } else {
                    Err(format!("fix {} to place it", b.join(", ")))
                }
            }
            EffortAxis::PersonMonths => {
                if bad(&|f| f == ProjectField::RiceEffort).is_empty() {
                    Ok(p.rice.effort)
                } else {
                    Err("fix RICE effort to place it".into())
                }
            }
        };
        match (value, effort) {
            (Ok(v), Ok(e)) => {
                let magnitude = match basis {
                    BubbleBasis::EstimatedCost => p
                        .estimated_cost
                        .filter(|c| c.is_finite() && (0.0..=MAX_MONEY).contains(c)),
                    BubbleBasis::NpvMagnitude => {
                        project_npv.filter(|v| v.is_finite()).map(f64::abs)
                    }
                };
                placed.push((i, v, e, magnitude));
            }
            (Err(why), _) | (_, Err(why)) => unplotted.push(Unplotted {
                index: i,
                name: p.name.clone(),
                reason: format!("Not on the map: {why}."),
            }),
        }
    }
    let value_split = match portfolio.value_axis {
        ValueAxis::Criteria => SCALE_MIDPOINT,
        ValueAxis::Npv => 0.0,
    };
    let effort_split = match portfolio.effort_axis {
        EffortAxis::Criteria => SCALE_MIDPOINT,
        EffortAxis::PersonMonths => median(&mut placed.iter().map(|x| x.2).collect::<Vec<_>>()),
    };
    let largest = placed.iter().filter_map(|x| x.3).fold(0.0f64, f64::max);
    let points = placed
        .into_iter()
        .map(|(i, value, effort, magnitude)| {
            let p = &portfolio.projects[i];
            MapPoint {
                index: i,
                id: p.id.clone(),
                name: p.name.clone(),
                rank: rank_of(i),
                value,
                effort,
                quadrant: Quadrant::of(value >= value_split, effort >= effort_split),
                magnitude,
                size: magnitude.map(|m| if largest > 0.0 { m / largest } else { 0.0 }),
            }
        })
        .collect();
    let scale = Some((SCALE_MIN as f64, SCALE_MAX as f64));
    ValueEffort {
        points,
        unplotted,
        value_split,
        effort_split,
        value_range: match portfolio.value_axis {
            ValueAxis::Criteria => scale,
            ValueAxis::Npv => None,
        },
        effort_range: match portfolio.effort_axis {
            EffortAxis::Criteria => scale,
            EffortAxis::PersonMonths => None,
        },
        value_label: match portfolio.value_axis {
            ValueAxis::Criteria => "Value (1-5, from impact, urgency, feasibility and risk)".into(),
            ValueAxis::Npv => format!("Value (NPV, {})", portfolio.currency),
        },
        effort_label: match portfolio.effort_axis {
            EffortAxis::Criteria => "Effort (1-5, from resources and time to value)".into(),
            EffortAxis::PersonMonths => "Effort (person-months)".into(),
        },
        value_currency: match portfolio.value_axis {
            ValueAxis::Criteria => None,
            ValueAxis::Npv => Some(portfolio.currency.clone()),
        },
        size_label: match basis {
            BubbleBasis::EstimatedCost => "Bubble area: estimated cost".into(),
            BubbleBasis::NpvMagnitude => "Bubble area: size of the NPV".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(s: [u32; CRITERIA]) -> Scores {
        let mut out = Scores::uniform(1);
        for (c, v) in Criterion::ALL.into_iter().zip(s) {
            out.set(c, v);
        }
        out
    }

    fn with_projects(projects: Vec<Project>) -> Portfolio {
        Portfolio {
            projects,
            ..Portfolio::default()
        }
    }

    fn named(id: &str, name: &str, s: [u32; CRITERIA]) -> Project {
        Project {
            scores: scores(s),
            ..Project::new(id, name)
        }
    }

    #[test]
    fn what_fits_is_taken_in_ranking_order_with_what_it_needs() {
        // Weighted scores rank A (all 5s), B (4s), C (3s).
        let project = |id: &str, s: u32, cost: f64, effort: f64| Project {
            estimated_cost: Some(cost),
            rice: Rice {
                effort,
                ..Project::new(id, id).rice
            },
            ..named(id, id, [s; CRITERIA])
        };
        let mut p = with_projects(vec![
            project("A", 5, 50_000.0, 4.0),
            project("B", 4, 40_000.0, 2.0),
            project("C", 3, 20_000.0, 1.0),
        ]);
        // No limit: everything, in ranking order.
        let all = select(&p, Method::Weighted).unwrap();
        assert_eq!(all.chosen, [0, 1, 2]);
        assert_eq!((all.cost, all.person_months), (110_000.0, 7.0));
        // A budget of 70,000: A (50,000), then B does not fit in the 20,000
        // left, and C (20,000) does.
        p.capacity.budget = Some(70_000.0);
        let s = select(&p, Method::Weighted).unwrap();
        assert_eq!(s.chosen, [0, 2]);
        assert_eq!(s.cost, 70_000.0);
        assert_eq!(
            s.left_out,
            [(
                1,
                "costs 40,000, and 20,000 of the budget is left".to_string()
            )]
        );
        // C needs B: together 60,000, which no longer fits either.
        p.projects[2].depends_on = vec!["B".into()];
        let s = select(&p, Method::Weighted).unwrap();
        assert_eq!(s.chosen, [0]);
        assert_eq!(
            s.left_out[1],
            (
                2,
                "costs 60,000 with the projects it needs, and 20,000 of the budget is left"
                    .to_string()
            )
        );
        // With 100,000, B comes in at its own rank and C after it.
        p.capacity.budget = Some(100_000.0);
        assert_eq!(select(&p, Method::Weighted).unwrap().chosen, [0, 1]);
        p.capacity.budget = Some(110_000.0);
        assert_eq!(select(&p, Method::Weighted).unwrap().chosen, [0, 1, 2]);
        // A dependency ranked lower comes in with the project that needs it.
        p.projects[0].depends_on = vec!["C".into()];
        p.projects[2].depends_on.clear();
        assert_eq!(select(&p, Method::Weighted).unwrap().chosen, [2, 0, 1]);
        // Person-months: 5 available; A (4) and C (1) together, then B (2)
        // does not fit.
        p.capacity = Capacity {
            budget: None,
            person_months: Some(5.0),
        };
        let s = select(&p, Method::Weighted).unwrap();
        assert_eq!(s.chosen, [2, 0]);
        assert_eq!(
            s.left_out,
            [(1, "needs 2 person-months, and 0 are left".to_string())]
        );
        // A project without a cost cannot be weighed against a budget.
        p.capacity = Capacity {
            budget: Some(1e9),
            person_months: None,
        };
        p.projects[1].estimated_cost = None;
        let s = select(&p, Method::Weighted).unwrap();
        assert!(
            s.left_out[0].1.starts_with("no estimated cost for B"),
            "{:?}",
            s.left_out
        );
        // A chain is taken in the order of its needs: A needs B, B needs C,
        // so C, then B, then A.
        let mut chain = p.clone();
        chain.capacity = Capacity::default();
        chain.projects[1].estimated_cost = Some(40_000.0);
        chain.projects[0].depends_on = vec!["B".into()];
        chain.projects[1].depends_on = vec!["C".into()];
        assert_eq!(select(&chain, Method::Weighted).unwrap().chosen, [2, 1, 0]);
        // Projects that need each other are an error.
        p.projects[2].depends_on = vec!["A".into()];
        assert!(select(&p, Method::Weighted)
            .unwrap_err()
            .contains("depends on itself"));
        // Removing a project removes every need of it.
        p.remove_project(2);
        assert!(p.projects.iter().all(|x| x.depends_on.is_empty()));
    }

    #[test]
    fn rubric_has_a_sentence_for_every_score() {
        for c in Criterion::ALL {
            for s in 1..=5 {
                let text = c.describe(s).unwrap();
                assert!(text.len() > 40 && text.ends_with('.'), "{c:?} {s}: {text}");
            }
            assert_eq!(c.describe(0), None);
            assert_eq!(c.describe(6), None);
            assert_eq!(Criterion::from_id(c.id()), Some(c));
        }
        assert!(Criterion::ResourceRequirements
            .describe(5)
            .unwrap()
            .starts_with("Small: one or two people"));
    }

    #[test]
    fn weighted_score_by_hand() {
        // Weights 25/20/20/10/10/15, scores 4/2/5/3/4/1:
        // (25·4 + 20·2 + 20·5 + 10·3 + 10·4 + 15·1) / 100
        //   = (100+40+100+30+40+15)/100 = 3.25.
        let p = named("a", "A", [4, 2, 5, 3, 4, 1]);
        assert_eq!(score(&p, Method::Weighted, &Weights::default()), Ok(3.25));
        // Near-equal weights 17/17/17/17/16/16:
        // (68+34+85+51+64+16)/100 = 3.18.
        assert_eq!(score(&p, Method::Weighted, &Weights::equal()), Ok(3.18));
        assert_eq!(Weights::equal().values().iter().sum::<u32>(), 100);
    }

    #[test]
    fn a_fixed_date_raises_priority_and_a_long_wait_lowers_it() {
        // Three projects alike but for time. "Dated" must meet a regulation
        // (urgency 5; WSJF time criticality 20), "Slow" gives its first value
        // after a year (time to value 1), "Open" has neither.
        let wsjf = |time_criticality| Wsjf {
            business_value: 5,
            time_criticality,
            risk_reduction: 3,
            job_size: 5,
        };
        let open = Project {
            wsjf: wsjf(1),
            ..named("o", "Open", [3; CRITERIA])
        };
        let mut dated = Project {
            wsjf: wsjf(20),
            ..named("d", "Dated", [3; CRITERIA])
        };
        dated.scores.urgency = 5;
        let mut slow = Project {
            wsjf: wsjf(1),
            ..named("s", "Slow", [3; CRITERIA])
        };
        slow.scores.time_to_value = 1;
        let p = with_projects(vec![slow, open, dated]);
        // Weighted, default weights: Open 3.00; Dated 3 + 10·(5 − 3)/100 =
        // 3.20; Slow 3 − 10·(3 − 1)/100 = 2.80.
        let weighted: Vec<_> = rank(&p, Method::Weighted)
            .into_iter()
            .map(|r| (r.name, r.score.unwrap()))
            .collect();
        assert_eq!(
            weighted,
            [
                ("Dated".to_string(), 3.2),
                ("Open".to_string(), 3.0),
                ("Slow".to_string(), 2.8)
            ]
        );
        // WSJF agrees that the date comes first: (5 + 20 + 3)/5 = 5.6 against
        // (5 + 1 + 3)/5 = 1.8.
        assert_eq!(rank(&p, Method::Wsjf)[0].name, "Dated");
        // On the map, urgency is value and time to value is effort:
        // Dated's value (25·3 + 20·3 + 10·5 + 15·3)/70 = 230/70; Slow's effort
        // 6 − (20·3 + 10·1)/30 = 6 − 70/30.
        let w = Weights::default();
        let (slow, open, dated) = (&p.projects[0], &p.projects[1], &p.projects[2]);
        assert!((criteria_value(&dated.scores, &w) - 230.0 / 70.0).abs() < 1e-12);
        assert_eq!(criteria_effort(&dated.scores, &w), 3.0);
        assert!((criteria_effort(&slow.scores, &w) - (6.0 - 70.0 / 30.0)).abs() < 1e-12);
        assert_eq!(criteria_value(&slow.scores, &w), 3.0);
        assert_eq!(criteria_value(&open.scores, &w), 3.0);
        // The rubrics say which way each points.
        assert!(Criterion::Urgency
            .describe(5)
            .unwrap()
            .contains("fixed date"));
        assert!(Criterion::TimeToValue
            .describe(5)
            .unwrap()
            .contains("within a month"));
        assert_eq!(Criterion::Urgency.role(), Role::Value);
        assert_eq!(Criterion::TimeToValue.role(), Role::Effort);
    }

    #[test]
    fn rice_by_hand() {
        // 2,000 reached × impact 2 × 80% / 4 person-months = 3,200 / 4 = 800.
        let mut p = Project::new("a", "A");
        p.rice = Rice {
            reach: 2_000.0,
            impact: 2.0,
            confidence: 0.8,
            effort: 4.0,
        };
        assert_eq!(score(&p, Method::Rice, &Weights::default()), Ok(800.0));
        // 500 × 0.25 × 50% / 0.5 = 62.5 / 0.5 = 125.
        p.rice = Rice {
            reach: 500.0,
            impact: 0.25,
            confidence: 0.5,
            effort: 0.5,
        };
        assert_eq!(score(&p, Method::Rice, &Weights::default()), Ok(125.0));
        assert_eq!(Method::Rice.format_score(12_345.67), "12,345.7");
    }

    #[test]
    fn wsjf_by_hand() {
        // Cost of delay 8 + 13 + 3 = 24, job size 5: 24 / 5 = 4.8.
        let mut p = Project::new("a", "A");
        p.wsjf = Wsjf {
            business_value: 8,
            time_criticality: 13,
            risk_reduction: 3,
            job_size: 5,
        };
        assert_eq!(score(&p, Method::Wsjf, &Weights::default()), Ok(4.8));
    }

    #[test]
    fn ice_by_hand() {
        // 7 × 6 × 9 = 378.
        let mut p = Project::new("a", "A");
        p.ice = Ice {
            impact: 7,
            confidence: 6,
            ease: 9,
        };
        assert_eq!(score(&p, Method::Ice, &Weights::default()), Ok(378.0));
        assert_eq!(Method::Ice.format_score(378.0), "378");
    }

    #[test]
    fn setting_a_weight_rescales_the_others_to_100() {
        // 25/20/20/10/10/15, impact to 50: the other 75 become 50, each
        // × 2/3: 13.33, 13.33, 6.67, 6.67, 10 → floors 13, 13, 6, 6, 10 (48);
        // the two points left go to the largest remainders, .67 and .67
        // (the 10s).
        let w = Weights::default().with(Criterion::BusinessImpact, 50);
        assert_eq!(w.values(), [50, 13, 13, 7, 7, 10]);
        // Others all 0: 99 spread evenly (19.8 each), the 4 points left to
        // the earlier criteria.
        let all_in = Weights::new([100, 0, 0, 0, 0, 0]).unwrap();
        assert_eq!(
            all_in.with(Criterion::BusinessImpact, 1).values(),
            [1, 20, 20, 20, 20, 19]
        );
        assert_eq!(
            Weights::default()
                .with(Criterion::RiskFactors, 100)
                .values(),
            [0, 0, 0, 0, 0, 100]
        );
        assert_eq!(
            Weights::default()
                .with(Criterion::RiskFactors, 250)
                .values(),
            [0, 0, 0, 0, 0, 100]
        );
        assert!(Weights::new([50, 50, 1, 0, 0, 0]).is_err());
        // Every start and every target keeps the sum at exactly 100.
        let starts = [
            Weights::default(),
            Weights::equal(),
            all_in,
            Weights::new([1, 2, 3, 4, 5, 85]).unwrap(),
            Weights::new([33, 33, 34, 0, 0, 0]).unwrap(),
        ];
        for start in starts {
            for c in Criterion::ALL {
                for v in 0..=100 {
                    let w = start.with(c, v);
                    assert_eq!(w.values().iter().sum::<u32>(), 100, "{start:?} {c:?} {v}");
                    assert_eq!(w.get(c), v);
                }
            }
        }
    }

    #[test]
    fn validation_names_project_and_field() {
        let mut p = with_projects(vec![
            named("a", "Churn model", [3; CRITERIA]),
            named("b", "  churn MODEL ", [3; CRITERIA]),
            named("c", "   ", [3; CRITERIA]),
        ]);
        p.projects[0].rice.effort = 0.0;
        p.projects[0].scores.risk_factors = 6;
        p.projects[1].wsjf.job_size = 0;
        p.projects[1].rice.reach = f64::NAN;
        p.projects[2].ice.ease = 11;
        p.projects[2].estimated_cost = Some(-5.0);
        p.projects[2].rice.confidence = 0.7;
        let errs = p.validate();
        let got: Vec<(usize, &str)> = errs.iter().map(|e| (e.project, e.field.id())).collect();
        assert_eq!(
            got,
            [
                (0, "score-risk-factors"),
                (0, "rice-effort"),
                (1, "name"),
                (1, "rice-reach"),
                (1, "wsjf-job-size"),
                (2, "name"),
                (2, "rice-confidence"),
                (2, "ice-ease"),
                (2, "estimated-cost"),
            ]
        );
        assert!(errs[2].message.contains("already called “churn MODEL”"));
        assert_eq!(errs[3].message, "Enter a number.");
        assert!(errs[4].message.contains("more than 0"));
        assert_eq!(errs[5].message, "Give the project a name.");
        assert_eq!(errs[1].html_id(), "a-rice-effort");
        assert_eq!(p.errors_of(2).len(), 4);
        assert!(Portfolio::example().validate().is_empty());
    }

    #[test]
    fn a_bad_input_removes_only_the_score_that_needs_it() {
        let mut p = with_projects(vec![
            named("a", "A", [5; CRITERIA]),
            named("b", "B", [4; CRITERIA]),
            named("c", "C", [3; CRITERIA]),
        ]);
        p.projects[0].rice.effort = -1.0;
        let rice = rank(&p, Method::Rice);
        let last = rice.last().unwrap();
        assert_eq!((last.index, last.rank), (0, None));
        assert_eq!(
            last.score,
            Err("No RICE score until RICE effort is fixed: Effort must be more than 0 person-months.".into())
        );
        // The weighted ranking still has it first.
        let w = rank(&p, Method::Weighted);
        assert_eq!(
            w.iter().map(|r| (r.index, r.rank)).collect::<Vec<_>>(),
            [(0, Some(1)), (1, Some(2)), (2, Some(3))]
        );
        // Two bad inputs are listed together.
        p.projects[0].rice.reach = -1.0;
        let msg = score(&p.projects[0], Method::Rice, &p.weights).unwrap_err();
        assert!(msg.contains("RICE reach, RICE effort"), "{msg}");
    }

    #[test]
    fn ties_keep_list_order_and_missing_scores_go_last() {
        let p = with_projects(vec![
            named("a", "A", [3; CRITERIA]),
            named("b", "B", [4; CRITERIA]),
            named("c", "C", [3; CRITERIA]),
            named("d", "D", [9; CRITERIA]),
        ]);
        let r = rank(&p, Method::Weighted);
        let got: Vec<_> = r.iter().map(|r| (r.id.as_str(), r.rank, r.tied)).collect();
        assert_eq!(
            got,
            [
                ("b", Some(1), false),
                ("a", Some(2), true),
                ("c", Some(3), true),
                ("d", None, false),
            ]
        );
    }

    #[test]
    fn comparator_puts_missing_last_both_ways() {
        use SortDirection::*;
        let mut v = vec![None, Some(2.0), Some(1.0), None, Some(3.0)];
        v.sort_by(|a, b| compare_missing_last(*a, *b, Ascending));
        assert_eq!(v, [Some(1.0), Some(2.0), Some(3.0), None, None]);
        v.sort_by(|a, b| compare_missing_last(*a, *b, Descending));
        assert_eq!(v, [Some(3.0), Some(2.0), Some(1.0), None, None]);
        let a: Result<f64, String> = Err("x".into());
        assert_eq!(compare_results(&a, &Ok(1.0), Descending), Ordering::Greater);
        assert_eq!(compare_results(&a, &Ok(1.0), Ascending), Ordering::Greater);
    }

    /// Weights 50/30/20/0/0; A scores 5/2/3/3/3, B 3/4/3/3/3, C all 1s.
    /// A = (250 + 60 + 60)/100 = 3.7, B = (150 + 120 + 60)/100 = 3.3: A leads.
    /// A − B = (2·w_impact − 2·w_resources)/100, so B passes A once the
    /// resource weight exceeds the impact weight.
    ///
    /// Raising resources to t rescales impact to (100 − t)·50/70 (real
    /// numbers): B ahead when t > (100 − t)·5/7, i.e. t > 41.67, so t = 42,
    /// 12 points. With whole weights: t = 42 leaves 58 for the others,
    /// impact 58·50/70 = 41.43 and feasibility 58·20/70 = 16.57 → 41 and 17
    /// (largest remainder); B − A = 2·42 − 2·41 = 2 > 0. At t = 41: 42.14 and
    /// 16.86 → 42 and 17, A still ahead.
    ///
    /// Lowering impact to t gives resources (100 − t)·30/50: B ahead when
    /// t < 0.6·(100 − t), i.e. t < 37.5, so t = 37, 13 points: larger.
    /// Changing feasibility or the zero weights scales impact and resources
    /// together and never puts B ahead. So: raise resources by 12 to 42.
    #[test]
    fn robustness_finds_the_smallest_swapping_change() {
        let p = Portfolio {
            weights: Weights::new([50, 30, 20, 0, 0, 0]).unwrap(),
            ..with_projects(vec![
                named("c", "C", [1; CRITERIA]),
                named("b", "B", [3, 4, 3, 3, 3, 3]),
                named("a", "A", [5, 2, 3, 3, 3, 3]),
            ])
        };
        let r = robustness(&p);
        let Robustness::Swaps(c) = &r else {
            panic!("{r:?}")
        };
        assert_eq!((c.leader, c.runner_up), (2, 1));
        assert_eq!(c.criterion, Criterion::ResourceRequirements);
        assert_eq!(c.direction, Direction::Raise);
        assert_eq!((c.points, c.from, c.to), (12, 30, 42));
        assert_eq!(c.weights.values(), [41, 42, 17, 0, 0, 0]);
        assert_eq!(
            r.describe(&p),
            "Raising the weight of resource requirements by 12 points (from 30% to 42%) puts “B” ahead of “A”; no smaller change of one weight does."
        );
        // The change really swaps them, and one point less does not.
        let swapped = Portfolio {
            weights: c.weights,
            ..p.clone()
        };
        assert_eq!(rank(&swapped, Method::Weighted)[0].index, 1);
        let almost = Portfolio {
            weights: p.weights.with(Criterion::ResourceRequirements, 41),
            ..p.clone()
        };
        assert_eq!(rank(&almost, Method::Weighted)[0].index, 2);
    }

    #[test]
    fn robustness_when_the_leader_is_better_on_every_criterion() {
        // A ≥ B everywhere and strictly better on one: with A listed first a
        // tie keeps A ahead, so no weights put B ahead.
        let p = with_projects(vec![
            named("a", "A", [4, 3, 3, 3, 3, 3]),
            named("b", "B", [3, 3, 3, 3, 3, 3]),
        ]);
        assert_eq!(
            robustness(&p),
            Robustness::Stable {
                leader: 0,
                runner_up: 1
            }
        );
        // Listed the other way round, a tie puts B first: weight 0 on impact
        // ties them, reached by lowering impact 25 points.
        let p = with_projects(vec![
            named("b", "B", [3, 3, 3, 3, 3, 3]),
            named("a", "A", [4, 3, 3, 3, 3, 3]),
        ]);
        let Robustness::Swaps(c) = robustness(&p) else {
            panic!()
        };
        assert_eq!(
            (c.criterion, c.direction, c.points),
            (Criterion::BusinessImpact, Direction::Lower, 25)
        );
    }

    #[test]
    fn robustness_needs_two_rankable_projects() {
        assert_eq!(
            robustness(&Portfolio::default()),
            Robustness::NotEnoughProjects { rankable: 0 }
        );
        let mut p = with_projects(vec![
            named("a", "A", [3; CRITERIA]),
            named("b", "B", [3; CRITERIA]),
        ]);
        p.projects[1].scores.business_impact = 0;
        assert_eq!(
            robustness(&p),
            Robustness::NotEnoughProjects { rankable: 1 }
        );
    }

    #[test]
    fn example_covers_every_quadrant() {
        // Default weights: value = (25·impact + 20·feasibility + 10·urgency
        // + 15·risk)/70, effort = 6 − (20·resources + 10·time to value)/30.
        // Support routing: value (75+100+20+60)/70 = 3.64, effort 6 − (80+50)/30 = 1.67.
        // Demand forecasting: (125+80+40+45)/70 = 4.14, 6 − (40+20)/30 = 4.
        // Churn: (100+80+40+60)/70 = 4, 6 − (60+40)/30 = 2.67.
        // Document search: (50+60+10+45)/70 = 2.36, 6 − (80+40)/30 = 2.
        // Sales assistant: (50+40+10+30)/70 = 1.86, 6 − (40+30)/30 = 3.67.
        let p = Portfolio::example();
        let map = value_effort(&p, &[], BubbleBasis::EstimatedCost);
        let got: Vec<_> = map.points.iter().map(|m| m.quadrant).collect();
        use Quadrant::*;
        assert_eq!(got, [QuickWin, BigBet, QuickWin, FillIn, TimeSink]);
        assert!((map.points[0].value - 255.0 / 70.0).abs() < 1e-12);
        assert!((map.points[1].effort - 4.0).abs() < 1e-12);
        // Bubble area relative to the largest cost (320k).
        assert_eq!(map.points[1].size, Some(1.0));
        assert_eq!(map.points[0].size, Some(40_000.0 / 320_000.0));
        assert_eq!(map.points[0].rank, Some(1));
        assert!(map.unplotted.is_empty());
        assert_eq!((map.value_split, map.effort_split), (3.0, 3.0));
    }

    #[test]
    fn midpoint_counts_as_high_on_both_axes() {
        let p = with_projects(vec![named("a", "A", [3; CRITERIA])]);
        let map = value_effort(&p, &[], BubbleBasis::EstimatedCost);
        assert_eq!(map.points[0].quadrant, Quadrant::BigBet);
        assert_eq!(map.points[0].size, None);
    }

    #[test]
    fn npv_axis_splits_at_zero_and_lists_projects_without_npv() {
        let mut p = with_projects(vec![
            named("a", "A", [3; CRITERIA]),
            named("b", "B", [3; CRITERIA]),
            named("c", "C", [3; CRITERIA]),
        ]);
        p.value_axis = ValueAxis::Npv;
        p.effort_axis = EffortAxis::PersonMonths;
        p.projects[0].rice.effort = 2.0;
        p.projects[1].rice.effort = 10.0;
        let map = value_effort(
            &p,
            &[Some(-50_000.0), Some(200_000.0)],
            BubbleBasis::NpvMagnitude,
        );
        // Efforts 2 and 10: median 6. A: NPV < 0, effort 2 < 6 → fill-in.
        // B: NPV > 0, effort 10 ≥ 6 → big bet.
        assert_eq!(map.effort_split, 6.0);
        assert_eq!(map.value_split, 0.0);
        assert_eq!(
            map.points.iter().map(|m| m.quadrant).collect::<Vec<_>>(),
            [Quadrant::FillIn, Quadrant::BigBet]
        );
        assert_eq!(map.points[0].size, Some(0.25));
        assert_eq!(map.unplotted.len(), 1);
        assert!(map.unplotted[0].reason.contains("no NPV"));
        assert_eq!(map.value_currency.as_deref(), Some("USD"));
    }

    #[test]
    fn bad_scores_keep_a_project_off_the_map_with_a_reason() {
        let mut p = with_projects(vec![named("a", "A", [3; CRITERIA])]);
        p.projects[0].scores.time_to_value = 0;
        let map = value_effort(&p, &[], BubbleBasis::EstimatedCost);
        assert!(map.points.is_empty());
        assert!(map.unplotted[0].reason.contains("Time to value"));
    }

    #[test]
    fn new_projects_get_fresh_ids_and_names() {
        let mut p = Portfolio::default();
        for _ in 0..3 {
            let next = p.new_project();
            p.projects.push(next);
        }
        p.projects[0].name = "Project 4".into();
        let next = p.new_project();
        assert_eq!((next.id.as_str(), next.name.as_str()), ("p5", "Project 5"));
        p.projects.push(next);
        assert!(p.validate().is_empty());
    }

    #[test]
    fn numeric_fields_read_write_and_check_their_own_value() {
        let mut p = Project::new("a", "A");
        let valid = |f: ProjectField| match f {
            ProjectField::Score(c) => 1.0 + (c.index() % 5) as f64,
            ProjectField::RiceReach => 1_234.5,
            ProjectField::RiceImpact => 0.25,
            ProjectField::RiceConfidence => 0.5,
            ProjectField::RiceEffort => 7.5,
            ProjectField::WsjfBusinessValue => 20.0,
            ProjectField::WsjfTimeCriticality => 13.0,
            ProjectField::WsjfRiskReduction => 8.0,
            ProjectField::WsjfJobSize => 5.0,
            ProjectField::IceImpact => 10.0,
            ProjectField::IceConfidence => 9.0,
            ProjectField::IceEase => 1.0,
            ProjectField::EstimatedCost => 99_000.0,
            ProjectField::Name => 0.0,
        };
        for f in ProjectField::NUMBERS {
            assert_eq!(f.check(valid(f)), Ok(()), "{f:?}");
            p.set(f, valid(f));
        }
        for f in ProjectField::NUMBERS {
            assert_eq!(p.get(f), Some(valid(f)), "{f:?}");
        }
        assert!(p.field_errors().is_empty());
        for (f, bad) in [
            (ProjectField::Score(Criterion::RiskFactors), 2.5),
            (ProjectField::RiceImpact, 4.0),
            (ProjectField::WsjfTimeCriticality, 4.0),
            (ProjectField::IceEase, 0.0),
            (ProjectField::RiceEffort, 0.0),
            (ProjectField::EstimatedCost, f64::INFINITY),
        ] {
            assert!(f.check(bad).is_err(), "{f:?} {bad}");
        }
        let ids: std::collections::HashSet<_> =
            ProjectField::NUMBERS.iter().map(|f| f.id()).collect();
        assert_eq!(ids.len(), 18);
        // Each criterion reads and writes its own score.
        for c in Criterion::ALL {
            let mut s = Scores::uniform(1);
            s.set(c, 5);
            for d in Criterion::ALL {
                assert_eq!(s.get(d), if d == c { 5 } else { 1 }, "{c:?} {d:?}");
            }
        }
    }

    #[test]
    fn huge_inputs_never_give_non_finite_scores() {
        let mut p = Project::new("a", "A");
        p.rice = Rice {
            reach: MAX_REACH,
            impact: 3.0,
            confidence: 1.0,
            effort: f64::MIN_POSITIVE,
        };
        let s = score(&p, Method::Rice, &Weights::default());
        assert!(s.unwrap_err().contains("too large"));
        p.rice.effort = f64::INFINITY;
        assert!(score(&p, Method::Rice, &Weights::default()).is_err());
        p.scores = Scores::uniform(u32::MAX);
        assert!(score(&p, Method::Weighted, &Weights::default()).is_err());
        p.ice = Ice {
            impact: u32::MAX,
            confidence: u32::MAX,
            ease: u32::MAX,
        };
        assert!(score(&p, Method::Ice, &Weights::default()).is_err());
    }
}
