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
            let horizon = f64::from(model.horizon_years.clamp(1, 10) * 12);
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

/// Most trials a run may ask for.
pub const MAX_TRIALS: usize = 200_000;

/// A Monte Carlo run in progress.
pub struct Simulation {
    base: RoiModel,
    inputs: Vec<Uncertain>,
    samplers: Vec<Sampler>,
    rng: ChaCha8Rng,
    target: usize,
    /// With correlations, every trial's inputs drawn at the start and
    /// reordered (Iman-Conover), one vector an input.
    drawn: Option<Vec<Vec<f64>>>,
    /// The correlations asked for, as positions in `inputs`.
    pairs: Vec<Pair>,
    /// Sampled input values, one vector an input.
    pub samples: Vec<Vec<f64>>,
    /// NPV of each trial (`None` where it could not be computed).
    pub npv: Vec<Option<f64>>,
    /// ROI % of each trial.
    pub roi: Vec<Option<f64>>,
    /// Payback months of each trial (`None`: not within the horizon).
    pub payback: Vec<Option<f64>>,
    /// Whether each trial's model worked (passed every gate).
    pub worked: Vec<bool>,
}

impl Simulation {
    /// Prepares `trials` trials (capped at [`MAX_TRIALS`]) of `base` with
    /// `inputs` drawn from their ranges, seeded by `seed`.
    pub fn new(
        base: &RoiModel,
        inputs: &[Uncertain],
        seed: u64,
        trials: usize,
    ) -> Result<Simulation, String> {
        Simulation::correlated(base, inputs, &[], seed, trials)
    }

    /// As [`Simulation::new`], with inputs rank-correlated as asked. Without
    /// correlations each trial draws its inputs as it runs; with them, every
    /// trial's inputs are drawn here in the same order from the same
    /// stream, then reordered so that their ranks correlate as asked (each
    /// input keeps exactly the values drawn, so its range and shape hold).
    pub fn correlated(
        base: &RoiModel,
        inputs: &[Uncertain],
        correlations: &[Correlation],
        seed: u64,
        trials: usize,
    ) -> Result<Simulation, String> {
        for u in inputs {
            u.check()?;
        }
        let pairs = correlation_pairs(inputs, correlations)?;
        let target = trials.clamp(1, MAX_TRIALS);
        let samplers: Vec<Sampler> = inputs.iter().map(Sampler::new).collect();
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let drawn = if pairs.is_empty() {
            None
        } else {
            let mut columns = vec![Vec::with_capacity(target); inputs.len()];
            for _ in 0..target {
                for (k, (u, s)) in inputs.iter().zip(&samplers).enumerate() {
                    columns[k].push(u.driver.clamp(s.sample(&mut rng)));
                }
            }
            correlate::iman_conover(&mut columns, &pairs).map_err(|e| e.to_string())?;
            Some(columns)
        };
        Ok(Simulation {
            base: base.clone(),
            samplers,
            inputs: inputs.to_vec(),
            rng,
            drawn,
            pairs,
            target,
            samples: vec![Vec::with_capacity(target); inputs.len()],
            npv: Vec::with_capacity(target),
            roi: Vec::with_capacity(target),
            payback: Vec::with_capacity(target),
            worked: Vec::with_capacity(target),
        })
    }

    /// Runs up to `n` more trials; returns how many are done.
    pub fn advance(&mut self, n: usize) -> usize {
        let end = (self.npv.len() + n).min(self.target);
        while self.npv.len() < end {
            let mut m = self.base.clone();
            let trial = self.npv.len();
            for (k, (u, s)) in self.inputs.iter().zip(&self.samplers).enumerate() {
                // Kept as applied, so correlations describe what the model saw.
                let x = match &self.drawn {
                    Some(columns) => columns[k][trial],
                    None => u.driver.clamp(s.sample(&mut self.rng)),
                };
                self.samples[k].push(x);
                u.driver.set(&mut m, x);
            }
            // The gates of this trial's model (its build may have moved the
            // last one), each passed with its chance; spending stops at the
            // first one failed. A model certain to work draws nothing, so
            // its runs are the same as before gates existed.
            let stop = m.gates().into_iter().find_map(|g| {
                let draw: f64 = rand::Rng::random(&mut self.rng);
                (draw >= g.chance).then_some(g.month)
            });
            self.worked.push(stop.is_none());
            let f = m.key_figures_stopped(stop);
            self.npv.push(f.npv);
            self.roi.push(f.roi_percent);
            self.payback.push(f.payback_months);
        }
        self.npv.len()
    }

    /// Trials done so far.
    pub fn done(&self) -> usize {
        self.npv.len()
    }

    /// Trials asked for.
    pub fn target(&self) -> usize {
        self.target
    }

    /// Summary of the trials done so far.
    pub fn summary(&self) -> Summary {
        let npv: Vec<f64> = self.npv.iter().flatten().copied().collect();
        let roi: Vec<f64> = self.roi.iter().flatten().copied().collect();
        let n = self.done().max(1) as f64;
        // Payback: a run that never pays back sorts after every month.
        let mut payback: Vec<f64> = self
            .payback
            .iter()
            .map(|p| p.unwrap_or(f64::INFINITY))
            .collect();
        payback.sort_by(f64::total_cmp);
        let correlations = self
            .inputs
            .iter()
            .enumerate()
            .map(|(k, u)| {
                let pairs: Vec<(f64, f64)> = self.samples[k]
                    .iter()
                    .zip(&self.npv)
                    .filter_map(|(x, y)| Some((*x, (*y)?)))
                    .collect();
                (u.driver, pearson(&pairs))
            })
            .collect();
        let gated = !self.base.gates().is_empty() || self.worked.iter().any(|w| !w);
        let rank_correlations = self
            .pairs
            .iter()
            .map(|p| AchievedCorrelation {
                a: self.inputs[p.a].driver,
                b: self.inputs[p.b].driver,
                target: p.rho,
                achieved: correlate::spearman(&self.samples[p.a], &self.samples[p.b]),
            })
            .collect();
        Summary {
            trials: self.done(),
            p_works: gated.then(|| self.worked.iter().filter(|w| **w).count() as f64 / n),
            p_npv_positive: npv.iter().filter(|v| **v > 0.0).count() as f64 / n,
            p_payback: self.payback.iter().filter(|p| p.is_some()).count() as f64 / n,
            npv: Stats::of(npv),
            roi: Stats::of(roi),
            payback: PERCENTILES.map(|p| percentile_sorted(&payback, p).filter(|v| v.is_finite())),
            correlations,
            rank_correlations,
        }
    }
}

/// A correlation asked for and the one the trials show.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AchievedCorrelation {
    /// One input.
    pub a: Driver,
    /// The other.
    pub b: Driver,
    /// Asked for.
    pub target: f64,
    /// The rank correlation of the values drawn (`None` when either does
    /// not vary).
    pub achieved: Option<f64>,
}

/// Three uncertain inputs of the first example (revenue, serving compute,
/// team cost), used by the reference run and the benchmark.
pub fn reference_inputs() -> Vec<Uncertain> {
    let field = |id| Driver::from_id(id).unwrap_or(Driver::TeamCost);
    vec![
        Uncertain {
            driver: field("revenue"),
            low: 10_000.0,
            likely: 25_000.0,
            high: 40_000.0,
            shape: Shape::Pert,
        },
        Uncertain {
            driver: field("serving"),
            low: 800.0,
            likely: 1_200.0,
            high: 3_000.0,
            shape: Shape::Triangular,
        },
        Uncertain {
            driver: Driver::TeamCost,
            low: 0.9,
            likely: 1.0,
            high: 1.5,
            shape: Shape::Normal,
        },
    ]
}

/// A fixed run used to check that native and browser builds draw the same
/// numbers: the first example, [`reference_inputs`], seed 2026, 1,000 trials.
pub fn reference_run() -> Result<Summary, String> {
    let model = super::roi::examples()[0].model.clone();
    let mut s = Simulation::new(&model, &reference_inputs(), 2026, 1_000)?;
    s.advance(1_000);
    Ok(s.summary())
}

/// The percentiles reported: P5, P10, P50, P90, P95.
pub const PERCENTILES: [f64; 5] = [5.0, 10.0, 50.0, 90.0, 95.0];

/// Percentiles, mean and standard deviation of one output.
#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    /// Values sorted ascending.
    pub sorted: Vec<f64>,
    /// At [`PERCENTILES`].
    pub percentiles: [Option<f64>; 5],
    /// Mean.
    pub mean: Option<f64>,
    /// Standard deviation (sample).
    pub std_dev: Option<f64>,
}

impl Stats {
    fn of(mut values: Vec<f64>) -> Stats {
        values.sort_by(f64::total_cmp);
        let n = values.len();
        // Shifted by the first value: exact when every value is the same, and
        // steadier when values are large and close together.
        let mean = values
            .first()
            .map(|&v0| v0 + values.iter().map(|v| v - v0).sum::<f64>() / n as f64);
        let std_dev = mean.filter(|_| n > 1).map(|m| {
            (values.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (n - 1) as f64).sqrt()
        });
        Stats {
            percentiles: PERCENTILES.map(|p| percentile_sorted(&values, p)),
            sorted: values,
            mean,
            std_dev,
        }
    }

    /// `bins` equal-width bins between the smallest and largest value: (start, end, count).
    pub fn histogram(&self, bins: usize) -> Vec<(f64, f64, usize)> {
        let (Some(lo), Some(hi)) = (self.sorted.first(), self.sorted.last()) else {
            return Vec::new();
        };
        let bins = bins.max(1);
        let width = if hi > lo {
            (hi - lo) / bins as f64
        } else {
            1.0
        };
        let mut counts = vec![0usize; bins];
        for v in &self.sorted {
            let i = (((v - lo) / width) as usize).min(bins - 1);
            counts[i] += 1;
        }
        counts
            .into_iter()
            .enumerate()
            .map(|(i, c)| (lo + i as f64 * width, lo + (i + 1) as f64 * width, c))
            .collect()
    }
}

/// Everything a Monte Carlo run reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Trials run.
    pub trials: usize,
    /// Share of trials in which the model worked (passed every gate);
    /// `None` when success is certain.
    pub p_works: Option<f64>,
    /// Share of trials with NPV > 0, failures included.
    pub p_npv_positive: f64,
    /// Share of trials that pay back within the horizon.
    pub p_payback: f64,
    /// NPV.
    pub npv: Stats,
    /// ROI %.
    pub roi: Stats,
    /// Payback months at [`PERCENTILES`] (`None`: beyond the horizon).
    pub payback: [Option<f64>; 5],
    /// Correlation of each uncertain input with NPV (`None` when either does not vary).
    pub correlations: Vec<(Driver, Option<f64>)>,
    /// Each correlation between inputs asked for, with the one achieved.
    pub rank_correlations: Vec<AchievedCorrelation>,
}

/// Linear interpolation between closest ranks (numpy's default).
fn percentile_sorted(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = p / 100.0 * (sorted.len() - 1) as f64;
    let (i, frac) = (rank.floor() as usize, rank.fract());
    let a = sorted[i];
    let b = sorted[(i + 1).min(sorted.len() - 1)];
    Some(if frac == 0.0 || a == b {
        a
    } else {
        a + (b - a) * frac
    })
}

fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    let n = pairs.len() as f64;
    if pairs.len() < 2 {
        return None;
    }
    let (mx, my) = pairs
        .iter()
        .fold((0.0, 0.0), |(a, b), (x, y)| (a + x / n, b + y / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    (sxx > 0.0 && syy > 0.0)
        .then(|| sxy / (sxx.sqrt() * syy.sqrt()))
        .filter(|r| r.is_finite())
}

impl Metric {
    /// Every metric, in menu order.
    pub const ALL: [Metric; 3] = [Metric::Npv, Metric::RoiPercent, Metric::PaybackMonths];

    /// Stable id, as stored.
    pub fn id(self) -> &'static str {
        match self {
            Metric::Npv => "npv",
            Metric::RoiPercent => "roi",
            Metric::PaybackMonths => "payback",
        }
    }

    /// The metric with this id.
    pub fn from_id(id: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.id() == id)
    }

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Npv => "Net present value",
            Metric::RoiPercent => "ROI (%)",
            Metric::PaybackMonths => "Payback (months)",
        }
    }
}

impl Shape {
    /// Every shape, in menu order.
    pub const ALL: [Shape; 4] = [
        Shape::Pert,
        Shape::Triangular,
        Shape::Uniform,
        Shape::Normal,
    ];

    /// Stable id, as stored.
    pub fn id(self) -> &'static str {
        match self {
            Shape::Pert => "pert",
            Shape::Triangular => "triangular",
            Shape::Uniform => "uniform",
            Shape::Normal => "normal",
        }
    }

    /// The shape with this id.
    pub fn from_id(id: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Its name.
    pub fn label(self) -> &'static str {
        match self {
            Shape::Pert => "PERT",
            Shape::Triangular => "Triangular",
            Shape::Uniform => "Uniform",
            Shape::Normal => "Normal (truncated)",
        }
    }
}

/// Trials a new analysis runs.
pub const DEFAULT_TRIALS: usize = 10_000;

/// Largest seed the interface offers: every seed up to it is an exact
/// number in JavaScript and short enough to type.
pub const MAX_SEED: u64 = 999_999_999;

/// Everything about the uncertainty of one model that is saved with it: the
/// sensitivity settings, the scenarios and the Monte Carlo set-up, seed
/// included, so that a reload or a shared link shows the same figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// What the tornado reports.
    pub metric: Metric,
    /// How far the tornado moves each driver, as a fraction (0.2 = ±20%).
    pub fraction: f64,
    /// Use each uncertain input's own low and high in the tornado, rather
    /// than ±`fraction`.
    pub use_ranges: bool,
    /// Named scenarios.
    pub scenarios: Vec<Scenario>,
    /// Uncertain inputs of the simulation.
    pub inputs: Vec<Uncertain>,
    /// Rank correlations between uncertain inputs.
    pub correlations: Vec<Correlation>,
    /// The simulation's seed.
    pub seed: u64,
    /// How many trials it runs.
    pub trials: usize,
}

impl Analysis {
    /// A starting point for `model`: ±20% sensitivity, a pessimistic and an
    /// optimistic scenario, and ranges on the benefits and the team that
    /// most ML projects are least sure of.
    pub fn suggested(model: &RoiModel) -> Analysis {
        let get = |id: &str| Driver::from_id(id).map(|d| (d, d.get(model)));
        let scaled = |pairs: &[(&str, f64)]| -> BTreeMap<String, f64> {
            pairs
                .iter()
                .filter_map(|(id, k)| {
                    let (d, v) = get(id)?;
                    (v != 0.0).then(|| (id.to_string(), d.clamp(v * k)))
                })
                .collect()
        };
        let pessimistic = Scenario {
            name: "Pessimistic".into(),
            overrides: scaled(&[
                ("revenue", 0.6),
                ("hours-saved", 0.6),
                ("risk-reduction", 0.6),
                ("ramp", 1.5),
                ("team-cost", 1.2),
                ("build-months", 1.4),
            ]),
        };
        let optimistic = Scenario {
            name: "Optimistic".into(),
            overrides: scaled(&[
                ("revenue", 1.25),
                ("hours-saved", 1.25),
                ("risk-reduction", 1.25),
                ("ramp", 0.75),
                ("build-months", 0.9),
            ]),
        };
        let mut inputs: Vec<Uncertain> = ["revenue", "hours-saved", "risk-reduction"]
            .into_iter()
            .filter_map(|id| {
                let (d, v) = get(id)?;
                (v > 0.0).then(|| Uncertain {
                    driver: d,
                    low: d.clamp(v * 0.5),
                    likely: v,
                    high: d.clamp(v * 1.3),
                    shape: Shape::Pert,
                })
            })
            .collect();
        inputs.push(Uncertain {
            driver: Driver::TeamCost,
            low: 0.9,
            likely: 1.0,
            high: 1.3,
            shape: Shape::Triangular,
        });
        inputs.push(Uncertain {
            driver: Driver::BuildMonths,
            low: 0.9,
            likely: 1.0,
            high: 1.6,
            shape: Shape::Pert,
        });
        Analysis {
            metric: Metric::Npv,
            fraction: 0.2,
            use_ranges: false,
            scenarios: vec![pessimistic, optimistic],
            inputs,
            correlations: Vec::new(),
            seed: 2026,
            trials: DEFAULT_TRIALS,
        }
    }

    /// Ranges and scenario values of money inputs multiplied by `rate`, as
    /// [`RoiModel::convert_amounts`] does to the model; multiples of the
    /// team and every other input stay as they are.
    pub fn convert_amounts(&mut self, rate: f64) {
        let money = |d: Driver| match d {
            Driver::Field(i) => matches!(
                FIELDS[i].unit,
                super::input::Unit::Money
                    | super::input::Unit::MoneyPerMonth
                    | super::input::Unit::MoneyPerHour
            ),
            Driver::TeamCost | Driver::BuildMonths => false,
        };
        for u in self.inputs.iter_mut().filter(|u| money(u.driver)) {
            u.low *= rate;
            u.likely *= rate;
            u.high *= rate;
        }
        for s in &mut self.scenarios {
            for (id, v) in s.overrides.iter_mut() {
                if Driver::from_id(id).is_some_and(money) {
                    *v *= rate;
                }
            }
        }
    }

    /// The tornado's own ranges: each uncertain input's low and high, when
    /// [`Analysis::use_ranges`] is set.
    pub fn tornado_ranges(&self) -> BTreeMap<String, (f64, f64)> {
        if !self.use_ranges {
            return BTreeMap::new();
        }
        self.inputs
            .iter()
            .map(|u| (u.driver.id().to_string(), (u.low, u.high)))
            .collect()
    }

    /// Checks everything a saved or shared analysis holds: each range, each
    /// scenario's drivers, and the limits of the settings.
    pub fn check(&self) -> Result<(), String> {
        if !(self.fraction.is_finite() && self.fraction > 0.0 && self.fraction <= 1.0) {
            return Err("the sensitivity step must be between 1% and 100%".into());
        }
        if !(1..=MAX_TRIALS).contains(&self.trials) {
            return Err(format!("trials must be between 1 and {MAX_TRIALS}"));
        }
        if self.seed > MAX_SEED {
            return Err(format!("the seed must be between 0 and {MAX_SEED}"));
        }
        for u in &self.inputs {
            u.check()?;
        }
        // Each correlation as the editor stores it; whether they can all
        // hold is for the run to say, since the editor keeps a set that
        // cannot while it is being changed.
        if self.correlations.len() > MAX_CORRELATIONS {
            return Err(format!(
                "an analysis holds up to {MAX_CORRELATIONS} correlations"
            ));
        }
        if let Some(c) = self
            .correlations
            .iter()
            .find(|c| !(-correlate::MAX_RHO..=correlate::MAX_RHO).contains(&c.rho))
        {
            return Err(format!(
                "the correlation of “{}” and “{}” must be between {}",
                c.a.label(),
                c.b.label(),
                correlation_bounds()
            ));
        }
        for s in &self.scenarios {
            for (id, v) in &s.overrides {
                if Driver::from_id(id).is_none() {
                    return Err(format!(
                        "scenario {:?} changes an unknown input {id:?}",
                        s.name
                    ));
                }
                if !v.is_finite() {
                    return Err(format!(
                        "scenario {:?} has a value that is not a number",
                        s.name
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Why the `i`-th scenario's name cannot stand, if it cannot: empty,
/// "Base" (the model as entered), or the same as an earlier one (trimmed,
/// ignoring case).
pub fn scenario_name_error(scenarios: &[Scenario], i: usize) -> Option<String> {
    let name = scenarios.get(i)?.name.trim().to_lowercase();
    if name.is_empty() {
        return Some("Give the scenario a name.".into());
    }
    if name == "base" {
        return Some("\"Base\" is the model as entered; choose another name.".into());
    }
    scenarios[..i]
        .iter()
        .any(|s| s.name.trim().to_lowercase() == name)
        .then(|| "Another scenario already has this name.".into())
}

/// Where the trials of a finished run lie: a cumulative curve of NPV,
/// thinned to at most `points` points (first and last always kept), as
/// (NPV, share of trials at or below it).
pub fn cumulative_curve(stats: &Stats, points: usize) -> Vec<(f64, f64)> {
    let n = stats.sorted.len();
    if n == 0 {
        return Vec::new();
    }
    let points = points.clamp(2, n.max(2));
    let step = ((n - 1) as f64 / (points - 1) as f64).max(1.0);
    let mut out = Vec::with_capacity(points);
    let mut k = 0.0f64;
    while (k.round() as usize) < n {
        let i = k.round() as usize;
        out.push((stats.sorted[i], (i + 1) as f64 / n as f64));
        k += step;
    }
    if out.last().map(|p| p.1) != Some(1.0) {
        out.push((stats.sorted[n - 1], 1.0));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roi::examples;

    fn model() -> RoiModel {
        examples()[1].model.clone()
    }

    fn field(id: &str) -> Driver {
        Driver::from_id(id).unwrap()
    }

    fn uncertain(id: &str, low: f64, likely: f64, high: f64, shape: Shape) -> Uncertain {
        Uncertain {
            driver: field(id),
            low,
            likely,
            high,
            shape,
        }
    }

    #[test]
    fn drivers_round_trip_their_ids_and_values() {
        let m = model();
        for d in Driver::all() {
            assert_eq!(Driver::from_id(d.id()), Some(d));
            let mut c = m.clone();
            d.set(&mut c, d.get(&m));
            assert_eq!(c, m, "{}", d.id());
        }
        let mut c = m.clone();
        Driver::TeamCost.set(&mut c, 1.5);
        assert_eq!(c.team[0].monthly_cost, m.team[0].monthly_cost * 1.5);
    }

    #[test]
    fn tornado_is_sorted_by_swing_and_knows_its_base() {
        let m = model();
        let (base, bars) = tornado(&m, 0.2, &BTreeMap::new(), Metric::Npv);
        assert_eq!(base, m.key_figures().npv);
        assert!(bars.len() > 5);
        assert!(bars.windows(2).all(|w| w[0].swing >= w[1].swing));
        // Revenue drives this churn model more than storage does.
        let pos = |id: &str| bars.iter().position(|b| b.driver.id() == id).unwrap();
        assert!(pos("revenue") < pos("storage"));
        let revenue = &bars[pos("revenue")];
        assert!(
            revenue.outputs.0.unwrap() < base.unwrap()
                && revenue.outputs.1.unwrap() > base.unwrap()
        );
        // Own ranges replace the percentage.
        let ranges = BTreeMap::from([("revenue".to_string(), (0.0, 30_000.0))]);
        let (_, bars) = tornado(&m, 0.2, &ranges, Metric::PaybackMonths);
        let r = bars.iter().find(|b| b.driver.id() == "revenue").unwrap();
        assert_eq!(r.inputs, (0.0, 30_000.0));
        assert_eq!(r.outputs.0, None, "no revenue, no payback");
        // Removing payback altogether is the largest swing, not none.
        assert_eq!(bars[0].driver.id(), "revenue");
        assert!(r.swing > 0.0);
        // Inputs are reported as applied: a tax rate cannot go below 0%.
        let ranges = BTreeMap::from([("tax-rate".to_string(), (-0.5, 0.3))]);
        let (_, bars) = tornado(&m, 0.2, &ranges, Metric::Npv);
        let tax = bars.iter().find(|b| b.driver.id() == "tax-rate").unwrap();
        assert_eq!(tax.inputs, (0.0, 0.3));
    }

    #[test]
    fn scenarios_override_the_base() {
        let m = model();
        let s = Scenario {
            name: "Pessimistic".into(),
            overrides: BTreeMap::from([
                ("revenue".into(), 10_000.0),
                ("team-cost".into(), 1.3),
                ("nope".into(), 1.0),
            ]),
        };
        let p = s.apply(&m);
        assert_eq!(p.benefits.revenue_uplift_monthly, 10_000.0);
        assert_eq!(p.team[0].monthly_cost, m.team[0].monthly_cost * 1.3);
        assert!(p.key_figures().npv < m.key_figures().npv);
    }

    #[test]
    fn the_same_seed_gives_the_same_figures() {
        let inputs = [uncertain(
            "revenue",
            10_000.0,
            30_000.0,
            40_000.0,
            Shape::Pert,
        )];
        let run = |seed| {
            let mut s = Simulation::new(&model(), &inputs, seed, 2_000).unwrap();
            s.advance(700);
            s.advance(10_000);
            s.summary()
        };
        assert_eq!(run(42), run(42));
        assert_ne!(run(42).npv.mean, run(43).npv.mean);
        // Chunking does not change the stream.
        let mut one = Simulation::new(&model(), &inputs, 42, 2_000).unwrap();
        one.advance(2_000);
        assert_eq!(one.summary(), run(42));
    }

    #[test]
    fn collapsed_ranges_equal_the_deterministic_result_exactly() {
        // Certain to work, so that nothing but the ranges is drawn.
        let mut m = model();
        m.success.chance = 1.0;
        let inputs: Vec<Uncertain> = ["revenue", "serving", "discount-rate"]
            .iter()
            .map(|id| {
                let v = field(id).get(&m);
                uncertain(id, v, v, v, Shape::Normal)
            })
            .chain([Uncertain {
                driver: Driver::TeamCost,
                low: 1.0,
                likely: 1.0,
                high: 1.0,
                shape: Shape::Pert,
            }])
            .collect();
        let mut s = Simulation::new(&m, &inputs, 7, 300).unwrap();
        s.advance(300);
        let k = m.key_figures();
        assert!(s.npv.iter().all(|v| *v == k.npv));
        assert!(s.roi.iter().all(|v| *v == k.roi_percent));
        assert!(s.payback.iter().all(|v| *v == k.payback_months));
        let sum = s.summary();
        assert_eq!(sum.npv.std_dev, Some(0.0));
        assert_eq!(sum.npv.percentiles, [k.npv; 5]);
    }

    #[test]
    fn percentiles_are_ordered_and_probabilities_are_shares() {
        let inputs = [
            uncertain("revenue", 0.0, 30_000.0, 60_000.0, Shape::Triangular),
            uncertain("ramp", 1.0, 4.0, 24.0, Shape::Uniform),
        ];
        let mut s = Simulation::new(&model(), &inputs, 1, 5_000).unwrap();
        s.advance(5_000);
        let sum = s.summary();
        let p = sum.npv.percentiles.map(Option::unwrap);
        assert!(p.windows(2).all(|w| w[0] <= w[1]), "{p:?}");
        assert!(sum.p_npv_positive > 0.0 && sum.p_npv_positive < 1.0);
        assert!((0.0..=1.0).contains(&sum.p_payback));
        let counted: usize = sum.npv.histogram(30).iter().map(|b| b.2).sum();
        assert_eq!(counted, 5_000);
        // Revenue matters more than the ramp, and pushes NPV up.
        let corr = |d: &str| {
            sum.correlations
                .iter()
                .find(|(x, _)| x.id() == d)
                .unwrap()
                .1
                .unwrap()
        };
        assert!(corr("revenue") > 0.8 && corr("revenue") > corr("ramp").abs());
    }

    #[test]
    fn sampled_means_match_analytic_means() {
        let n = 40_000;
        let (a, m, b): (f64, f64, f64) = (10.0, 20.0, 60.0);
        let cases = [
            (
                Shape::Pert,
                (a + 4.0 * m + b) / 6.0,
                ((a + 4.0 * m + b) / 6.0 - a) * (b - (a + 4.0 * m + b) / 6.0) / 7.0,
            ),
            (
                Shape::Triangular,
                (a + m + b) / 3.0,
                (a * a + m * m + b * b - a * m - a * b - m * b) / 18.0,
            ),
            (Shape::Uniform, (a + b) / 2.0, (b - a) * (b - a) / 12.0),
            // Symmetric around its mode, so the truncation keeps the mean.
            (Shape::Normal, 35.0, ((b - a) / 6.0).powi(2)),
        ];
        for (shape, mean, variance) in cases {
            let likely = if shape == Shape::Normal { 35.0 } else { m };
            let u = Uncertain {
                driver: field("revenue"),
                low: a,
                likely,
                high: b,
                shape,
            };
            let sampler = Sampler::new(&u);
            let mut rng = ChaCha8Rng::seed_from_u64(3);
            let got: f64 = (0..n).map(|_| sampler.sample(&mut rng)).sum::<f64>() / n as f64;
            // Five standard errors: fails by chance about once in 1.7 million runs.
            let tol = 5.0 * (variance / n as f64).sqrt();
            assert!(
                (got - mean).abs() < tol,
                "{shape:?}: {got} vs {mean} ± {tol}"
            );
        }
    }

    #[test]
    fn the_chance_that_npv_is_positive_includes_the_model_failing() {
        // The first example, certain to work, pays back in every trial of
        // the reference ranges; with a 50% chance that the model works, about half the
        // trials stop after the build and lose its cost.
        let mut model = super::super::roi::examples()[0].model.clone();
        model.success.chance = 1.0;
        let mut s = Simulation::new(&model, &reference_inputs(), 7, 4_000).unwrap();
        s.advance(4_000);
        let sure = s.summary();
        assert_eq!(sure.p_works, None);
        assert_eq!(sure.p_npv_positive, 1.0);
        model.success.chance = 0.5;
        let mut s = Simulation::new(&model, &reference_inputs(), 7, 4_000).unwrap();
        s.advance(4_000);
        let half = s.summary();
        // Binomial standard error at n = 4,000: sqrt(0.25 / 4000) ≈ 0.008.
        let works = half.p_works.unwrap();
        assert!((works - 0.5).abs() < 0.03, "{works}");
        assert_eq!(half.p_npv_positive, works);
        // A failed trial spends the build and earns nothing: its NPV is the
        // build's cost, below zero, and it never pays back.
        for (npv, worked) in s.npv.iter().zip(&s.worked) {
            assert_eq!(npv.unwrap() > 0.0, *worked);
        }
        assert!((half.p_payback - works).abs() < 1e-12);
    }

    #[test]
    fn correlated_inputs_keep_their_ranges_and_correlate_as_asked() {
        // Certain to work, so that both runs draw nothing but the inputs.
        let mut model = super::super::roi::examples()[0].model.clone();
        model.success.chance = 1.0;
        let inputs = reference_inputs();
        let (revenue, team) = (inputs[0].driver, Driver::TeamCost);
        let asked = [Correlation {
            a: revenue,
            b: team,
            rho: 0.6,
        }];
        let mut s = Simulation::correlated(&model, &inputs, &asked, 11, 10_000).unwrap();
        s.advance(4_000);
        s.advance(6_000);
        let sum = s.summary();
        // Spearman's standard error near 0.6 at n = 10,000 is about 0.007.
        let got = sum.rank_correlations[0].achieved.unwrap();
        assert!((got - 0.6).abs() < 0.03, "{got}");
        assert_eq!(sum.rank_correlations[0].target, 0.6);
        // Each input's draws are the uncorrelated run's, reordered.
        let mut plain = Simulation::new(&model, &inputs, 11, 10_000).unwrap();
        plain.advance(10_000);
        for k in 0..inputs.len() {
            let mut a = s.samples[k].clone();
            let mut b = plain.samples[k].clone();
            a.sort_by(f64::total_cmp);
            b.sort_by(f64::total_cmp);
            assert_eq!(a, b, "input {k}");
        }
        // Revenue rising with team cost narrows the NPV's spread below the
        // independent run's: they pull NPV in opposite directions.
        assert!(sum.npv.std_dev.unwrap() < plain.summary().npv.std_dev.unwrap());
    }

    #[test]
    fn converting_scales_the_money_ranges_and_scenarios_only() {
        let model = super::super::roi::examples()[0].model.clone();
        let a = Analysis::suggested(&model);
        let mut b = a.clone();
        b.convert_amounts(0.5);
        for (x, y) in a.inputs.iter().zip(&b.inputs) {
            // Revenue and losses avoided are money; hours saved and the
            // team's multiples are not.
            let factor = if ["revenue", "risk-reduction"].contains(&x.driver.id()) {
                0.5
            } else {
                1.0
            };
            assert_eq!(
                (y.low, y.likely, y.high),
                (x.low * factor, x.likely * factor, x.high * factor),
                "{}",
                x.driver.id()
            );
        }
        let (pa, pb) = (&a.scenarios[0].overrides, &b.scenarios[0].overrides);
        assert_eq!(pb["revenue"], pa["revenue"] * 0.5);
        assert_eq!(pb["ramp"], pa["ramp"]);
        assert_eq!(pb["team-cost"], pa["team-cost"]);
    }

    #[test]
    fn correlations_that_cannot_hold_are_refused_with_the_inputs_named() {
        let model = super::super::roi::examples()[0].model.clone();
        let inputs = reference_inputs();
        let [r, s, t] = [inputs[0].driver, inputs[1].driver, inputs[2].driver];
        let c = |a, b, rho| Correlation { a, b, rho };
        let bad = [c(r, s, 0.9), c(r, t, 0.8), c(s, t, -0.5)];
        let e = Simulation::correlated(&model, &inputs, &bad, 1, 100)
            .err()
            .unwrap();
        assert!(
            e.contains("cannot all hold")
                && e.contains("“Revenue uplift”")
                && e.contains("between"),
            "{e}"
        );
        let e = Simulation::correlated(&model, &inputs, &[c(r, Driver::BuildMonths, 0.5)], 1, 100)
            .err()
            .unwrap();
        assert!(e.contains("has no range"), "{e}");
        let e = Simulation::correlated(&model, &inputs, &[c(r, s, 1.5)], 1, 100)
            .err()
            .unwrap();
        assert!(e.contains("between -0.99 and 0.99"), "{e}");
    }

    #[test]
    fn reference_run_matches_the_browser() {
        // tests/web.rs checks the same bits in headless Chromium.
        let mean = reference_run().unwrap().npv.mean.unwrap();
        assert_eq!(mean.to_bits(), 4694823505910111010, "{mean}");
    }

    #[test]
    fn bad_ranges_are_refused_and_trials_capped() {
        assert!(Simulation::new(
            &model(),
            &[uncertain("revenue", 5.0, 1.0, 9.0, Shape::Pert)],
            1,
            10
        )
        .is_err());
        assert!(Simulation::new(
            &model(),
            &[uncertain("revenue", f64::NAN, 1.0, 9.0, Shape::Pert)],
            1,
            10
        )
        .is_err());
        let s = Simulation::new(&model(), &[], 1, 10_000_000).unwrap();
        assert_eq!(s.target(), MAX_TRIALS);
    }

    #[test]
    fn suggested_analysis_is_valid_and_skips_zero_drivers() {
        for ex in crate::domain::roi::examples() {
            let a = Analysis::suggested(&ex.model);
            assert_eq!(a.check(), Ok(()), "{}", ex.name);
            assert!(a.inputs.len() >= 2);
            assert_eq!(a.scenarios.len(), 2);
            for u in &a.inputs {
                assert!(u.low <= u.likely && u.likely <= u.high);
            }
        }
        let blank = RoiModel::default();
        let a = Analysis::suggested(&blank);
        assert!(a.inputs.iter().all(|u| u.likely != 0.0));
        assert_eq!(a.check(), Ok(()));
    }

    #[test]
    fn analysis_check_names_what_is_wrong() {
        let mut a = Analysis::suggested(&model());
        a.trials = MAX_TRIALS + 1;
        assert!(a.check().unwrap_err().contains("trials"));
        let mut a = Analysis::suggested(&model());
        a.scenarios[0].overrides.insert("no-such-input".into(), 1.0);
        assert!(a.check().unwrap_err().contains("no-such-input"));
        let mut a = Analysis::suggested(&model());
        a.inputs[0].low = a.inputs[0].high + 1.0;
        assert!(a.check().is_err());
        let mut a = Analysis::suggested(&model());
        a.fraction = f64::NAN;
        assert!(a.check().is_err());
    }

    #[test]
    fn tornado_uses_own_ranges_only_when_asked() {
        let mut a = Analysis::suggested(&model());
        assert!(a.tornado_ranges().is_empty());
        a.use_ranges = true;
        let r = a.tornado_ranges();
        assert_eq!(r.len(), a.inputs.len());
        assert_eq!(r["team-cost"], (0.9, 1.3));
    }

    #[test]
    fn cumulative_curve_is_monotone_and_ends_at_one() {
        let stats = Stats::of((0..1000).map(|i| i as f64).collect());
        let c = cumulative_curve(&stats, 100);
        assert!(c.len() <= 101 && c.len() >= 100, "{}", c.len());
        assert!(c.windows(2).all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1));
        assert_eq!(c.last(), Some(&(999.0, 1.0)));
        assert_eq!(c[0], (0.0, 0.001));
        assert!(cumulative_curve(&Stats::of(vec![]), 10).is_empty());
        assert_eq!(
            cumulative_curve(&Stats::of(vec![5.0]), 10),
            vec![(5.0, 1.0)]
        );
    }

    #[test]
    fn drivers_check_and_show_their_values() {
        let revenue = field("revenue");
        assert_eq!(revenue.check(1000.0), Ok(()));
        assert!(revenue.check(-1.0).is_err());
        assert!(revenue.check(f64::NAN).is_err());
        assert_eq!(revenue.show(25_000.0, "USD"), "$25,000 / month");
        assert_eq!(field("discount-rate").show(0.1, "USD"), "10.0% / year");
        assert_eq!(field("discount-rate").kind(), NumberKind::Percent);
        assert_eq!(Driver::TeamCost.show(1.2, "USD"), "×1.20");
        assert!(Driver::TeamCost.check(11.0).is_err());
        assert_eq!(Driver::BuildMonths.check(1.5), Ok(()));
    }
    #[test]
    fn scenario_names_must_be_unique_and_present() {
        let s = |n: &str| Scenario {
            name: n.into(),
            overrides: BTreeMap::new(),
        };
        let list = vec![
            s("Pessimistic"),
            s(" pessimistic "),
            s(""),
            s("Base"),
            s("Other"),
        ];
        assert_eq!(scenario_name_error(&list, 0), None);
        assert!(scenario_name_error(&list, 1).is_some());
        assert!(scenario_name_error(&list, 2).is_some());
        assert!(scenario_name_error(&list, 3).is_some());
        assert_eq!(scenario_name_error(&list, 4), None);
    }
}
