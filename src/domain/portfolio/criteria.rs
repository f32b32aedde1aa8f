//! The six criteria, what each score means, a project's scores and the weights.

use super::*;

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
pub(super) static RUBRIC: [[&str; 5]; CRITERIA] = [
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

    /// Stable id, used in stored data and in field keys.
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
