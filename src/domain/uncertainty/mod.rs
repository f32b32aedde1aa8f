//! How much an ROI model's answer rests on its guesses: sensitivity (a
//! tornado of one driver at a time), named scenarios, and a seeded Monte
//! Carlo simulation.
//!
//! Sampling uses rand_distr on a ChaCha8 generator seeded from the model, so
//! the same seed gives the same figures natively and in the browser. A
//! simulation runs in chunks ([`Simulation::advance`]) so that the interface
//! can show progress between frames and cancel.

use super::correlate::{self, CorrelationError, Pair};

/// "-0.99 and 0.99" in the reader's number format: the range of a
/// correlation ([`correlate::MAX_RHO`]).
pub fn correlation_bounds() -> String {
    format!(
        "{} and {}",
        super::format::decimal(-correlate::MAX_RHO, 2),
        super::format::decimal(correlate::MAX_RHO, 2)
    )
}
use super::input::NumberKind;
use super::roi::{RoiModel, FIELDS};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal, Pert, Triangular, Uniform};
use std::collections::BTreeMap;

/// A model input that can be varied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Driver {
    /// One of [`FIELDS`], by index.
    Field(usize),
    /// Every team member's monthly cost, as a multiple of what was entered.
    TeamCost,
    /// Every team member's months on the build, as a multiple.
    BuildMonths,
}

impl Driver {
    /// Every driver: the model's numeric fields, then the two team multiples.
    pub fn all() -> Vec<Driver> {
        let mut out: Vec<Driver> = (0..FIELDS.len()).map(Driver::Field).collect();
        out.push(Driver::TeamCost);
        out.push(Driver::BuildMonths);
        out
    }

    /// Stable id, as stored in saved settings.
    pub fn id(self) -> &'static str {
        match self {
            Driver::Field(i) => FIELDS[i].id,
            Driver::TeamCost => "team-cost",
            Driver::BuildMonths => "build-months",
        }
    }

    /// The driver with this id.
    pub fn from_id(id: &str) -> Option<Driver> {
        Driver::all().into_iter().find(|d| d.id() == id)
    }

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            Driver::Field(i) => FIELDS[i].label,
            Driver::TeamCost => "Team cost (multiple of entered)",
            Driver::BuildMonths => "Build duration (multiple of entered)",
        }
    }

    /// Its value in a model (team drivers are 1.0: the model as entered).
    pub fn get(self, model: &RoiModel) -> f64 {
        match self {
            Driver::Field(i) => (FIELDS[i].get)(model),
            Driver::TeamCost | Driver::BuildMonths => 1.0,
        }
    }

    /// The value [`Driver::set`] really applies: fields are held to their
    /// allowed range (whole numbers where they must be), multiples to ≥ 0.
    pub fn clamp(self, value: f64) -> f64 {
        match self {
            Driver::Field(i) => {
                let f = &FIELDS[i];
                let v = value.clamp(f.min, f.max);
                if f.integer {
                    v.round()
                } else {
                    v
                }
            }
            Driver::TeamCost | Driver::BuildMonths => value.max(0.0),
        }
    }

    /// Whether `value` is allowed for this driver, with the message to show
    /// at the field when it is not.
    pub fn check(self, value: f64) -> Result<(), String> {
        match self {
            Driver::Field(i) => FIELDS[i].check(value),
            Driver::TeamCost | Driver::BuildMonths => {
                if !value.is_finite() {
                    Err("Enter a number.".into())
                } else if !(0.0..=10.0).contains(&value) {
                    Err("Enter a multiple between 0 and 10 (1 is the model as entered).".into())
                } else {
                    Ok(())
                }
            }
        }
    }

    /// How its value is typed: percentages as "15%", the rest as plain numbers.
    pub fn kind(self) -> NumberKind {
        match self {
            Driver::Field(i) => FIELDS[i].unit.kind(),
            Driver::TeamCost | Driver::BuildMonths => NumberKind::Plain,
        }
    }

    /// Its unit as shown beside a field.
    pub fn unit_label(self, currency: &str) -> String {
        match self {
            Driver::Field(i) => FIELDS[i].unit.label(currency),
            Driver::TeamCost | Driver::BuildMonths => "× as entered".into(),
        }
    }

    /// A value of it, written for reading: "$25,000 / month", "12.0%", "×1.20".
    pub fn show(self, value: f64, currency: &str) -> String {
        match self {
            Driver::Field(i) => FIELDS[i].unit.show(value, currency),
            Driver::TeamCost | Driver::BuildMonths => {
                format!("×{}", super::format::decimal(value, 2))
            }
        }
    }

    /// Sets it on a model taken as entered (team drivers scale every member).
    pub fn set(self, model: &mut RoiModel, value: f64) {
        let v = self.clamp(value);
        match self {
            Driver::Field(i) => (FIELDS[i].set)(model, v),
            Driver::TeamCost => model.team.iter_mut().for_each(|m| m.monthly_cost *= v),
            Driver::BuildMonths => model
                .team
                .iter_mut()
                .for_each(|m| m.months = (m.months * v).min(120.0)),
        }
    }
}

/// Which figure a sensitivity analysis reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// Net present value.
    Npv,
    /// ROI in percent.
    RoiPercent,
    /// Payback in months.
    PaybackMonths,
}

fn metric_of(model: &RoiModel, metric: Metric) -> Option<f64> {
    let k = model.key_figures();
    match metric {
        Metric::Npv => k.npv,
        Metric::RoiPercent => k.roi_percent,
        Metric::PaybackMonths => k.payback_months,
    }
}

/// One bar of a tornado chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    /// The driver moved.
    pub driver: Driver,
    /// Its low and high input values.
    pub inputs: (f64, f64),
    /// The metric at the low and the high input (`None` where unavailable, e.g. no payback).
    pub outputs: (Option<f64>, Option<f64>),
    /// |high - low| of the metric; unavailable ends count as 0 swing.
    pub swing: f64,
}

/// The metric for every driver moved down and up by `fraction` (0.2 = ±20%),
/// or by each driver's own low/high in `ranges`, sorted by swing, largest
/// first. Inputs are reported as applied (held to their allowed range).
/// Drivers at zero (which a percentage cannot move) and drivers that change
/// nothing are left out. For payback, an end that does not pay back within
/// the horizon counts as the horizon's length, so a driver that removes
/// payback altogether ranks high rather than last. Returns the base value too.
pub fn tornado(
    model: &RoiModel,
    fraction: f64,
    ranges: &BTreeMap<String, (f64, f64)>,
    metric: Metric,
) -> (Option<f64>, Vec<TornadoBar>) {
    let base = metric_of(model, metric);
    let mut bars: Vec<TornadoBar> = Driver::all()
        .into_iter()
        .filter_map(|d| {
            let v = d.get(model);
            let (lo, hi) = match ranges.get(d.id()) {
                Some(r) => *r,
                None if v != 0.0 => (v * (1.0 - fraction), v * (1.0 + fraction)),
                None => return None,
            };
            let (lo, hi) = (d.clamp(lo), d.clamp(hi));
            let at = |x: f64| {
                let mut m = model.clone();
                d.set(&mut m, x);
                metric_of(&m, metric)
            };
            let (a, b) = (at(lo), at(hi));
            let horizon = f64::from(model.horizon_months());
            let comparable = |x: Option<f64>| match metric {
                Metric::PaybackMonths => Some(x.unwrap_or(horizon)),
                _ => x,
            };
            let swing = match (comparable(a), comparable(b)) {
                (Some(a), Some(b)) => (b - a).abs(),
                _ => 0.0,
            };
            let moved = a != base || b != base;
            moved.then_some(TornadoBar {
                driver: d,
                inputs: (lo, hi),
                outputs: (a, b),
                swing,
            })
        })
        .collect();
    bars.sort_by(|x, y| {
        y.swing
            .total_cmp(&x.swing)
            .then(x.driver.id().cmp(y.driver.id()))
    });
    (base, bars)
}

/// A named set of overrides on the base model.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Its name ("Pessimistic").
    pub name: String,
    /// Driver id → value.
    pub overrides: BTreeMap<String, f64>,
}

impl Scenario {
    /// The base model with this scenario's overrides applied; unknown driver
    /// ids are ignored.
    pub fn apply(&self, base: &RoiModel) -> RoiModel {
        let mut m = base.clone();
        for (id, v) in &self.overrides {
            if let Some(d) = Driver::from_id(id) {
                d.set(&mut m, *v);
            }
        }
        m
    }
}

/// A sampling distribution over a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Beta-PERT: most weight near the most likely value.
    Pert,
    /// Triangular.
    Triangular,
    /// Every value in the range equally likely.
    Uniform,
    /// Normal around the most likely value with σ = range / 6, truncated to the range.
    Normal,
}

/// An uncertain input.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertain {
    /// The driver.
    pub driver: Driver,
    /// Lowest plausible value.
    pub low: f64,
    /// Most likely value.
    pub likely: f64,
    /// Highest plausible value.
    pub high: f64,
    /// How values are drawn.
    pub shape: Shape,
}

impl Uncertain {
    /// The range a newly added input starts with: 20% either side of its
    /// value in the model, held to what the input allows, drawn with PERT.
    /// A starting point for the reader to change, not an estimate; 20% is
    /// the sensitivity's default step, so both parts start alike.
    pub fn around(driver: Driver, value: f64) -> Uncertain {
        Uncertain {
            driver,
            low: driver.clamp(value * (1.0 - NEW_RANGE)),
            likely: value,
            high: driver.clamp(value * (1.0 + NEW_RANGE)),
            shape: Shape::Pert,
        }
    }

    /// Checks the range: low ≤ likely ≤ high, all finite.
    pub fn check(&self) -> Result<(), String> {
        if ![self.low, self.likely, self.high]
            .iter()
            .all(|v| v.is_finite())
        {
            return Err(format!(
                "{}: the range must be numbers",
                self.driver.label()
            ));
        }
        if !(self.low <= self.likely && self.likely <= self.high) {
            return Err(format!("{}: low ≤ most likely ≤ high", self.driver.label()));
        }
        Ok(())
    }
}

enum Sampler {
    Point(f64),
    Pert(Pert<f64>),
    Triangular(Triangular<f64>),
    Uniform(Uniform<f64>),
    Normal(Normal<f64>, f64, f64),
}

impl Sampler {
    fn new(u: &Uncertain) -> Sampler {
        let (a, m, b) = (u.low, u.likely, u.high);
        if b - a <= 0.0 {
            return Sampler::Point(m);
        }
        let built = match u.shape {
            Shape::Pert => Pert::new(a, b).with_mode(m).ok().map(Sampler::Pert),
            Shape::Triangular => Triangular::new(a, b, m).ok().map(Sampler::Triangular),
            Shape::Uniform => Uniform::new_inclusive(a, b).ok().map(Sampler::Uniform),
            Shape::Normal => Normal::new(m, (b - a) / 6.0)
                .ok()
                .map(|n| Sampler::Normal(n, a, b)),
        };
        built.unwrap_or(Sampler::Point(m))
    }

    fn sample(&self, rng: &mut ChaCha8Rng) -> f64 {
        match self {
            Sampler::Point(v) => *v,
            Sampler::Pert(d) => d.sample(rng),
            Sampler::Triangular(d) => d.sample(rng),
            Sampler::Uniform(d) => d.sample(rng),
            Sampler::Normal(d, a, b) => {
                // Truncation by rejection; the range holds 99.7% of the mass,
                // so this loops about once. Bounded, then clamped, to be safe.
                for _ in 0..64 {
                    let x = d.sample(rng);
                    if (*a..=*b).contains(&x) {
                        return x;
                    }
                }
                d.mean().clamp(*a, *b)
            }
        }
    }
}

/// A rank (Spearman) correlation between two uncertain inputs: how far a
/// high draw of one goes with a high draw of the other (positive) or a low
/// one (negative), from -0.99 to 0.99. Benefits and adoption, or build time
/// and build cost, seldom move independently.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Correlation {
    /// One input.
    pub a: Driver,
    /// The other.
    pub b: Driver,
    /// The rank correlation asked for.
    pub rho: f64,
}

/// Most correlations an analysis holds.
pub const MAX_CORRELATIONS: usize = 20;

/// How far either side of its value a new range starts, as a fraction.
pub const NEW_RANGE: f64 = 0.2;

/// The rank correlation a new pair starts with: a clear link, weaker than
/// most real ones the reader would state, to be changed.
pub const NEW_RHO: f64 = 0.5;

/// The correlation to add next: the first pair of inputs with a range, in
/// the order they were added, that is not yet correlated either way round,
/// at [`NEW_RHO`]. None when every pair is taken or the analysis holds
/// [`MAX_CORRELATIONS`] already.
pub fn next_correlation(inputs: &[Uncertain], correlations: &[Correlation]) -> Option<Correlation> {
    if correlations.len() >= MAX_CORRELATIONS {
        return None;
    }
    let used = |x: Driver, y: Driver| {
        correlations
            .iter()
            .any(|c| (c.a, c.b) == (x, y) || (c.a, c.b) == (y, x))
    };
    inputs
        .iter()
        .enumerate()
        .flat_map(|(i, x)| inputs[i + 1..].iter().map(move |y| (x.driver, y.driver)))
        .find(|(x, y)| !used(*x, *y))
        .map(|(a, b)| Correlation { a, b, rho: NEW_RHO })
}

/// The correlations as pairs of positions in `inputs`, checked together:
/// each names two different inputs that have a range, at most once, within
/// -0.99 to 0.99, and all of them can hold at once. The error names the
/// inputs as the form does.
pub fn correlation_pairs(
    inputs: &[Uncertain],
    correlations: &[Correlation],
) -> Result<Vec<Pair>, String> {
    if correlations.len() > MAX_CORRELATIONS {
        return Err(format!(
            "an analysis holds up to {MAX_CORRELATIONS} correlations"
        ));
    }
    let position = |d: Driver| {
        inputs.iter().position(|u| u.driver == d).ok_or_else(|| {
            format!(
                "“{}” is correlated but has no range: give it one, or remove the correlation",
                d.label()
            )
        })
    };
    let pairs = correlations
        .iter()
        .map(|c| {
            Ok(Pair {
                a: position(c.a)?,
                b: position(c.b)?,
                rho: c.rho,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let name = |i: usize| format!("“{}”", inputs[i].driver.label());
    correlate::target_matrix(inputs.len(), &pairs).map_err(|e| match e {
        CorrelationError::OutOfRange { a, b, .. } => {
            format!("the correlation of {} and {} must be between {}", name(a), name(b), correlation_bounds())
        }
        CorrelationError::SameInput { input } => {
            format!("{} is correlated with itself: pick two different inputs", name(input))
        }
        CorrelationError::DuplicatePair { a, b } => {
            format!("{} and {} are correlated twice: keep one", name(a), name(b))
        }
        CorrelationError::Inconsistent { pair, stated, given, low, high } => {
            let then = if stated {
                format!(", not {}", super::format::decimal(pair.rho, 2))
            } else {
                "; they have none, which counts as 0: set one, or weaken the other two".into()
            };
            format!(
                "these correlations cannot all hold: with {} and {} at {}, and {} and {} at {}, {} and {} must be between {} and {}{then}",
                name(given[0].a), name(given[0].b), super::format::decimal(given[0].rho, 2),
                name(given[1].a), name(given[1].b), super::format::decimal(given[1].rho, 2),
                name(pair.a), name(pair.b), super::format::decimal((low * 100.0).ceil() / 100.0, 2), super::format::decimal((high * 100.0).floor() / 100.0, 2),
            )
        }
        other => other.to_string(),
    })?;
    Ok(pairs)
}

mod simulation;
#[cfg(test)]
mod tests;

pub use simulation::*;
