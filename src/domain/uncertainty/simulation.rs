//! The seeded Monte Carlo simulation, its statistics, and the analysis a model is saved with.

use super::*;

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
    let model = crate::domain::roi::examples()[0].model.clone();
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
    pub(super) fn of(mut values: Vec<f64>) -> Stats {
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
pub(super) fn percentile_sorted(sorted: &[f64], p: f64) -> Option<f64> {
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

pub(super) fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
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
                crate::domain::input::Unit::Money
                    | crate::domain::input::Unit::MoneyPerMonth
                    | crate::domain::input::Unit::MoneyPerHour
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
