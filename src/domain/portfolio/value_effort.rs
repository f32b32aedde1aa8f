//! The value-effort map.

use super::*;

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

pub(super) fn weighted_mean_of(scores: &Scores, weights: &Weights, role: Role) -> f64 {
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

pub(super) fn median(values: &mut [f64]) -> f64 {
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
