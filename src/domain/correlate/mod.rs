//! Rank correlation between Monte Carlo inputs, by the Iman–Conover method.
//!
//! A simulation draws each uncertain input on its own, so the inputs come out
//! unrelated. Real inputs often move together (a bigger team usually means a
//! longer build), and leaving that out makes the spread of the answer too
//! narrow or too wide. [`iman_conover`] takes the samples *already drawn* and
//! only reorders them within each input, so that the Spearman rank
//! correlation between inputs approaches the targets asked for. Nothing is
//! redrawn or rescaled: each input keeps exactly the values, and so exactly
//! the distribution, it was drawn with. The method uses no randomness of its
//! own, so the simulation's seed still reproduces the run bit for bit.
//!
//! # Method
//!
//! Following Iman & Conover (1982), as mcerp's `correlate.py` and equinor's
//! probabilit implement it, for the `m` inputs named in some [`Pair`]:
//!
//! 1. Scores: the van der Waerden scores `Φ⁻¹(i / (n + 1))`, `i = 1..=n`,
//!    placed in each column according to the column's current ranks (ties
//!    broken by position), give an `n × m` score matrix `S`.
//! 2. `E` is the Pearson correlation matrix of `S` and `Q = chol(E)` (lower
//!    triangular); `P = chol(C)` for the target matrix `C`.
//! 3. `T = S · (Q⁻¹)ᵀ · Pᵀ`, computed row by row with a triangular solve, so
//!    that the Pearson correlation of `T` is exactly `C`.
//! 4. Each input's samples are rearranged so that their ranks equal the ranks
//!    of the matching column of `T`.
//!
//! # Where this departs from the published method
//!
//! - **Spearman → Pearson.** The targets are Spearman rank correlations, but
//!   step 3 matches Pearson correlations of (nearly) normal scores. Each
//!   target `ρₛ` is therefore converted to the normal-space correlation
//!   `ρ⁰ = 2·sin(π·ρₛ/6)` before the Cholesky factorisation; for a bivariate
//!   normal that is exactly the Pearson correlation whose Spearman
//!   correlation is `ρₛ`. The published method uses the targets directly,
//!   which falls a little short of them (by up to about 0.02). The check that
//!   the targets are consistent (positive definite) is made on the converted
//!   matrix, and the bounds reported in [`CorrelationError::Inconsistent`] are
//!   converted back to the Spearman scale.
//! - **No random shuffle.** The paper places the scores by random
//!   permutations; here, as in mcerp, they follow the samples' own order,
//!   which is already random for independent draws. Should the scores of two
//!   inputs be (nearly) collinear, for instance because the caller passed
//!   sorted samples, the later input's scores are placed by a fixed
//!   low-discrepancy permutation instead, so the result stays deterministic.
//! - **Constant inputs are left alone**: an input whose samples are all equal
//!   cannot be correlated, and reordering it would change nothing.
//!
//! The inverse normal CDF is Wichura's algorithm AS 241 (1988), accurate to
//! about 1e-16.
//!
//! Reference: R. L. Iman and W. J. Conover (1982), "A distribution-free
//! approach to inducing rank correlation among input variables",
//! *Communications in Statistics – Simulation and Computation* 11(3),
//! 311–334.

use std::f64::consts::PI;
use std::fmt;

/// The strongest rank correlation accepted, either way: targets must lie in
/// `-MAX_RHO..=MAX_RHO`.
pub const MAX_RHO: f64 = 0.99;

/// Smallest Cholesky pivot (squared diagonal entry) accepted for the
/// normal-space target matrix: anything smaller is treated as not positive
/// definite.
const TARGET_PIVOT: f64 = 1e-10;

/// Smallest Cholesky pivot accepted for the correlation matrix of the scores
/// before a column's scores are re-placed (see the module notes).
const SCORE_PIVOT: f64 = 1e-8;

/// How many times one column's scores may be re-placed before giving up.
const MAX_REPLACEMENTS: usize = 8;

/// One requested rank correlation between two inputs, by column index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    /// Column index of the first input.
    pub a: usize,
    /// Column index of the second input.
    pub b: usize,
    /// Target Spearman rank correlation, in `-0.99..=0.99`.
    pub rho: f64,
}

/// Why a set of correlations cannot be used, in words a non-statistician can
/// act on.
///
/// The messages name inputs by column index; an interface that knows the
/// inputs' names can build its own message from the fields.
#[derive(Clone, Debug, PartialEq)]
pub enum CorrelationError {
    /// A target is not a number between -0.99 and 0.99.
    OutOfRange {
        /// Column index of the first input.
        a: usize,
        /// Column index of the second input.
        b: usize,
        /// The target given.
        rho: f64,
    },
    /// A pair names the same input twice.
    SameInput {
        /// The input named twice.
        input: usize,
    },
    /// A pair names a column that does not exist.
    UnknownInput {
        /// The column named.
        input: usize,
        /// How many columns there are.
        inputs: usize,
    },
    /// The same two inputs are given a target more than once (in either
    /// order).
    DuplicatePair {
        /// Column index of the first input.
        a: usize,
        /// Column index of the second input.
        b: usize,
    },
    /// The columns do not all hold the same number of samples.
    UnequalLengths {
        /// The first column whose length differs from column 0's.
        column: usize,
        /// Its length.
        len: usize,
        /// Column 0's length.
        expected: usize,
    },
    /// Too few samples: correlating needs at least 3, and more samples than
    /// inputs (columns).
    TooFewSamples {
        /// Samples per column.
        samples: usize,
        /// Number of columns.
        inputs: usize,
    },
    /// The targets contradict each other, and three inputs show it: given
    /// the two correlations in `given`, which share a third input, `pair`
    /// can only lie strictly between `low` and `high`.
    Inconsistent {
        /// The correlation that cannot hold (`rho` is 0 when it was not
        /// given, since an unset pair counts as uncorrelated).
        pair: Pair,
        /// Whether `pair` was given, rather than left at 0.
        stated: bool,
        /// The two correlations, as given, that constrain `pair`: the first
        /// links `pair.a` to the third input, the second links `pair.b` to it.
        given: [Pair; 2],
        /// Lower bound for `pair` (Spearman scale, exclusive).
        low: f64,
        /// Upper bound for `pair` (Spearman scale, exclusive).
        high: f64,
    },
    /// The targets contradict each other as a whole, though no three inputs
    /// show it on their own.
    NotConsistent,
    /// The samples have too few distinct values to be rearranged to match
    /// the targets.
    Degenerate,
}

impl fmt::Display for CorrelationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorrelationError::OutOfRange { a, b, rho } if rho.is_finite() => write!(
                f,
                "the correlation between inputs {a} and {b} is {rho}; it must be \
                 between -0.99 and 0.99"
            ),
            CorrelationError::OutOfRange { a, b, .. } => write!(
                f,
                "the correlation between inputs {a} and {b} is not a number; it must \
                 be between -0.99 and 0.99"
            ),
            CorrelationError::SameInput { input } => write!(
                f,
                "a correlation pairs input {input} with itself; pick two different inputs"
            ),
            CorrelationError::UnknownInput { input, inputs: 0 } => {
                write!(
                    f,
                    "a correlation names input {input}, but there are no inputs"
                )
            }
            CorrelationError::UnknownInput { input, inputs } => write!(
                f,
                "a correlation names input {input}, but the inputs are numbered 0 to {}",
                inputs - 1
            ),
            CorrelationError::DuplicatePair { a, b } => write!(
                f,
                "inputs {a} and {b} are given a correlation more than once; keep one"
            ),
            CorrelationError::UnequalLengths {
                column,
                len,
                expected,
            } => write!(
                f,
                "input {column} has {len} samples but input 0 has {expected}; every \
                 input needs the same number of samples"
            ),
            CorrelationError::TooFewSamples { samples, inputs } => write!(
                f,
                "{samples} samples are too few for {inputs} inputs: correlating needs at \
                 least 3 samples and more samples than inputs"
            ),
            CorrelationError::Inconsistent {
                pair,
                stated,
                given,
                low,
                high,
            } => {
                let (low, high) = bounds_text(*low, *high);
                write!(
                    f,
                    "these correlations are not consistent: given inputs {} and {} at \
                     {} and inputs {} and {} at {}, inputs {} and {} must be \
                     between {low} and {high}",
                    given[0].a,
                    given[0].b,
                    super::format::decimal(given[0].rho, 2),
                    given[1].a,
                    given[1].b,
                    super::format::decimal(given[1].rho, 2),
                    pair.a,
                    pair.b,
                )?;
                if *stated {
                    write!(f, ", not {}", super::format::decimal(pair.rho, 2))
                } else {
                    write!(
                        f,
                        "; they have no correlation set, which counts as 0. Set one in \
                         that range, or weaken the other two"
                    )
                }
            }
            CorrelationError::NotConsistent => write!(
                f,
                "these correlations are not consistent: taken together they contradict \
                 each other, though no three inputs show it alone; weaken the strongest \
                 ones (move them toward 0)"
            ),
            CorrelationError::Degenerate => write!(
                f,
                "the samples have too few distinct values to be rearranged to match \
                 these correlations; draw more samples"
            ),
        }
    }
}

impl std::error::Error for CorrelationError {}

/// Bounds rounded inward to two decimals, so that any value shown as inside
/// the interval is accepted; three decimals when that leaves nothing.
fn bounds_text(low: f64, high: f64) -> (String, String) {
    // Adding 0.0 turns -0.0 into 0.0, so that no "-0.00" is shown.
    let lo = (low * 100.0).ceil() / 100.0 + 0.0;
    let hi = (high * 100.0).floor() / 100.0 + 0.0;
    if lo <= hi {
        (super::format::decimal(lo, 2), super::format::decimal(hi, 2))
    } else {
        (
            super::format::decimal(low, 3),
            super::format::decimal(high, 3),
        )
    }
}

/// The target matrix (k×k, ones on the diagonal) built from pairs, checked.
///
/// Entry `[a][b]` (and `[b][a]`) is the Spearman target of the pair naming
/// `a` and `b`, as given; pairs not given are 0. The pairs are checked in
/// order for unknown columns, an input paired with itself, targets outside
/// `-0.99..=0.99` and pairs given twice; then the whole set is checked for
/// consistency (positive definiteness) after converting each target to its
/// normal-space correlation `2·sin(π·ρ/6)`, as [`iman_conover`] uses it.
pub fn target_matrix(k: usize, pairs: &[Pair]) -> Result<Vec<Vec<f64>>, CorrelationError> {
    let mut target = identity(k);
    // Which pair set each entry, to name duplicates and explain conflicts.
    let mut origin: Vec<Vec<Option<usize>>> = vec![vec![None; k]; k];
    for (index, pair) in pairs.iter().enumerate() {
        let Pair { a, b, rho } = *pair;
        if let Some(input) = [a, b].into_iter().find(|&input| input >= k) {
            return Err(CorrelationError::UnknownInput { input, inputs: k });
        }
        if a == b {
            return Err(CorrelationError::SameInput { input: a });
        }
        if !(rho.is_finite() && rho.abs() <= MAX_RHO) {
            return Err(CorrelationError::OutOfRange { a, b, rho });
        }
        if origin[a][b].is_some() {
            return Err(CorrelationError::DuplicatePair { a, b });
        }
        origin[a][b] = Some(index);
        origin[b][a] = Some(index);
        target[a][b] = rho;
        target[b][a] = rho;
    }
    // Columns in no pair form an identity block, which cannot make the matrix
    // indefinite: only the named columns need checking.
    let named = named_columns(k, pairs);
    if cholesky(&normal_submatrix(&target, &named), TARGET_PIVOT).is_err() {
        return Err(explain(&target, &origin, pairs, &named));
    }
    Ok(target)
}

/// Reorders each column of `columns` (k columns, each of n samples; all the
/// same length) in place so that the Spearman rank correlation between
/// columns approaches the targets, leaving each column's values (its
/// marginal distribution) unchanged. Columns not named in any pair keep their
/// order. With no pairs it does nothing. Deterministic: no randomness.
///
/// Checks, in order: that the columns have equal lengths, the pairs (see
/// [`target_matrix`]), and that there are at least 3 samples and more
/// samples than columns. On an error the columns are left untouched. A
/// column whose samples are all equal is left as it is, since it cannot be
/// correlated.
pub fn iman_conover(columns: &mut [Vec<f64>], pairs: &[Pair]) -> Result<(), CorrelationError> {
    if pairs.is_empty() {
        return Ok(());
    }
    let k = columns.len();
    let n = columns.first().map_or(0, Vec::len);
    if let Some((column, c)) = columns.iter().enumerate().find(|(_, c)| c.len() != n) {
        return Err(CorrelationError::UnequalLengths {
            column,
            len: c.len(),
            expected: n,
        });
    }
    let target = target_matrix(k, pairs)?;
    if n < 3 || n <= k {
        return Err(CorrelationError::TooFewSamples {
            samples: n,
            inputs: k,
        });
    }
    let cols: Vec<usize> = named_columns(k, pairs)
        .into_iter()
        .filter(|&j| varies(&columns[j]))
        .collect();
    if cols.len() < 2 {
        return Ok(());
    }
    // A principal submatrix of a positive definite matrix is positive
    // definite, so this only fails if target_matrix is wrong.
    let p = cholesky(&normal_submatrix(&target, &cols), TARGET_PIVOT)
        .map_err(|_| CorrelationError::NotConsistent)?;

    let scores = van_der_waerden(n);
    let mut s: Vec<Vec<f64>> = cols
        .iter()
        .map(|&j| place(&scores, &rank_order(&columns[j])))
        .collect();
    let q = score_cholesky(&mut s, &scores)?;

    // T = S · (Q⁻¹)ᵀ · Pᵀ, one row at a time: t = P · (Q⁻¹ · s).
    let m = cols.len();
    let mut t = vec![vec![0.0; n]; m];
    let mut row = vec![0.0; m];
    let mut y = vec![0.0; m];
    for i in 0..n {
        for (r, sc) in row.iter_mut().zip(&s) {
            *r = sc[i];
        }
        forward_solve(&q, &row, &mut y);
        for (a, tc) in t.iter_mut().enumerate() {
            tc[i] = dot(&p[a][..=a], &y[..=a]);
        }
    }
    if t.iter().flatten().any(|v| !v.is_finite()) {
        return Err(CorrelationError::Degenerate);
    }

    for (tc, &j) in t.iter().zip(&cols) {
        let mut sorted = columns[j].clone();
        sorted.sort_by(f64::total_cmp);
        let column = &mut columns[j];
        for (&i, &value) in rank_order(tc).iter().zip(&sorted) {
            column[i] = value;
        }
    }
    Ok(())
}

/// Spearman rank correlation of two equal-length samples (average ranks for
/// ties); None when either does not vary or fewer than 2 values.
///
/// Also None when the lengths differ. NaNs rank above every number, each
/// apart from the others.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    pearson(&average_ranks(x), &average_ranks(y))
}

/// Pearson correlation; None when either side does not vary.
fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (&a, &b) in x.iter().zip(y) {
        let (da, db) = (a - mx, b - my);
        sxy += da * db;
        sxx += da * da;
        syy += db * db;
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return None;
    }
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then(|| r.clamp(-1.0, 1.0))
}

/// Ranks 1..=n, ties sharing their average rank.
fn average_ranks(x: &[f64]) -> Vec<f64> {
    let order = rank_order(x);
    let mut ranks = vec![0.0; x.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && x[order[end]] == x[order[start]] {
            end += 1;
        }
        // Positions start..end hold ranks start+1..=end; their mean:
        let rank = (start + end + 1) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    ranks
}

/// Indices of `x` from smallest to largest value (`total_cmp`), ties in
/// index order: `order[r]` is the position of the value of rank `r`.
fn rank_order(x: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&i, &j| x[i].total_cmp(&x[j]));
    order
}

/// `sorted[r]` placed at `order[r]`.
fn place(sorted: &[f64], order: &[usize]) -> Vec<f64> {
    let mut out = vec![0.0; sorted.len()];
    for (&i, &v) in order.iter().zip(sorted) {
        out[i] = v;
    }
    out
}

/// Whether a column holds at least two different values.
fn varies(column: &[f64]) -> bool {
    column
        .first()
        .is_some_and(|first| column.iter().any(|v| v != first))
}

/// The columns named in some pair, ascending, each once. Assumes the pairs
/// name only columns below `k`.
fn named_columns(k: usize, pairs: &[Pair]) -> Vec<usize> {
    let mut named = vec![false; k];
    for pair in pairs {
        named[pair.a] = true;
        named[pair.b] = true;
    }
    (0..k).filter(|&j| named[j]).collect()
}

/// The van der Waerden scores Φ⁻¹(i/(n+1)), i = 1..=n, ascending and exactly
/// symmetric about 0.
fn van_der_waerden(n: usize) -> Vec<f64> {
    let mut scores = vec![0.0; n];
    let denominator = (n + 1) as f64;
    for i in 0..n / 2 {
        let z = inverse_normal((i + 1) as f64 / denominator);
        scores[i] = z;
        scores[n - 1 - i] = -z;
    }
    scores
}

/// The Spearman target converted to the Pearson correlation of a bivariate
/// normal with that rank correlation.
fn to_normal(rho_s: f64) -> f64 {
    2.0 * (PI * rho_s / 6.0).sin()
}

/// The inverse of [`to_normal`].
fn to_spearman(rho: f64) -> f64 {
    6.0 / PI * (rho / 2.0).asin()
}

fn identity(k: usize) -> Vec<Vec<f64>> {
    (0..k)
        .map(|i| (0..k).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
        .collect()
}

/// The normal-space correlation matrix of the Spearman `target` restricted
/// to `cols`.
fn normal_submatrix(target: &[Vec<f64>], cols: &[usize]) -> Vec<Vec<f64>> {
    cols.iter()
        .map(|&i| {
            cols.iter()
                .map(|&j| if i == j { 1.0 } else { to_normal(target[i][j]) })
                .collect()
        })
        .collect()
}

/// Why a target matrix that failed the positive-definiteness check fails:
/// the three inputs whose own targets conflict, blaming the pair given last
/// (an unset pair counts as later than all), or a general message.
fn explain(
    target: &[Vec<f64>],
    origin: &[Vec<Option<usize>>],
    pairs: &[Pair],
    cols: &[usize],
) -> CorrelationError {
    let key = |x: usize, y: usize| origin[x][y].unwrap_or(pairs.len());
    let pair_of = |x: usize, y: usize| match origin[x][y] {
        Some(index) => pairs[index],
        None => Pair {
            a: x.min(y),
            b: x.max(y),
            rho: 0.0,
        },
    };
    // (key of the blamed pair, blamed pair's two inputs, third input)
    let mut worst: Option<(usize, usize, usize, usize)> = None;
    for (i, &x) in cols.iter().enumerate() {
        for (j, &y) in cols.iter().enumerate().skip(i + 1) {
            for &z in &cols[j + 1..] {
                if cholesky(&normal_submatrix(target, &[x, y, z]), TARGET_PIVOT).is_ok() {
                    continue;
                }
                let blamed = [(x, y, z), (x, z, y), (y, z, x)]
                    .into_iter()
                    .map(|(p, q, r)| (key(p, q), p, q, r))
                    .max_by_key(|&(k, ..)| k);
                if let Some(candidate) = blamed {
                    if worst.is_none_or(|w| candidate.0 > w.0) {
                        worst = Some(candidate);
                    }
                }
            }
        }
    }
    let Some((_, p, q, r)) = worst else {
        return CorrelationError::NotConsistent;
    };
    let pair = pair_of(p, q);
    let given = [pair_of(pair.a, r), pair_of(pair.b, r)];
    let m = to_normal(given[0].rho);
    let n = to_normal(given[1].rho);
    let half = ((1.0 - m * m) * (1.0 - n * n)).max(0.0).sqrt();
    CorrelationError::Inconsistent {
        pair,
        stated: origin[p][q].is_some(),
        given,
        low: to_spearman(m * n - half).max(-MAX_RHO),
        high: to_spearman(m * n + half).min(MAX_RHO),
    }
}

/// Lower Cholesky factor of a symmetric matrix, or the index of the first
/// pivot that is not above `min_pivot` (not positive definite, or too nearly
/// singular).
fn cholesky(a: &[Vec<f64>], min_pivot: f64) -> Result<Vec<Vec<f64>>, usize> {
    let k = a.len();
    let mut l: Vec<Vec<f64>> = vec![vec![0.0; k]; k];
    for j in 0..k {
        let (done, rest) = l.split_at_mut(j);
        let lj = &mut rest[0];
        for (c, lc) in done.iter().enumerate() {
            lj[c] = (a[j][c] - dot(&lj[..c], &lc[..c])) / lc[c];
        }
        let pivot = a[j][j] - dot(&lj[..j], &lj[..j]);
        if pivot.is_nan() || pivot <= min_pivot {
            return Err(j);
        }
        lj[j] = pivot.sqrt();
    }
    Ok(l)
}

/// Solves `l · y = b` for lower-triangular `l`.
fn forward_solve(l: &[Vec<f64>], b: &[f64], y: &mut [f64]) {
    for (i, li) in l.iter().enumerate() {
        y[i] = (b[i] - dot(&li[..i], &y[..i])) / li[i];
    }
}

fn dot(x: &[f64], y: &[f64]) -> f64 {
    x.iter().zip(y).map(|(a, b)| a * b).sum()
}

/// Pearson correlation matrix of the columns of `s` (NaN where a column
/// does not vary, which the Cholesky factorisation then refuses).
fn correlation_matrix(s: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let centred: Vec<Vec<f64>> = s
        .iter()
        .map(|c| {
            let mean = c.iter().sum::<f64>() / c.len() as f64;
            c.iter().map(|v| v - mean).collect()
        })
        .collect();
    let norms: Vec<f64> = centred.iter().map(|c| dot(c, c).sqrt()).collect();
    (0..s.len())
        .map(|i| {
            (0..s.len())
                .map(|j| {
                    if i == j {
                        1.0
                    } else {
                        dot(&centred[i], &centred[j]) / (norms[i] * norms[j])
                    }
                })
                .collect()
        })
        .collect()
}

/// Cholesky factor of the scores' correlation matrix. When a column's
/// scores are (nearly) a combination of the earlier columns' scores, they are
/// re-placed by a fixed permutation and the factorisation is tried again.
fn score_cholesky(s: &mut [Vec<f64>], scores: &[f64]) -> Result<Vec<Vec<f64>>, CorrelationError> {
    let mut replaced = vec![0; s.len()];
    loop {
        match cholesky(&correlation_matrix(s), SCORE_PIVOT) {
            Ok(q) => return Ok(q),
            Err(j) => {
                replaced[j] += 1;
                if replaced[j] > MAX_REPLACEMENTS {
                    return Err(CorrelationError::Degenerate);
                }
                s[j] = stride_scores(scores, replaced[j] + j);
            }
        }
    }
}

/// `scores` placed by the permutation `i ↦ (i·stride + attempt) mod n`, with
/// the stride near `n·frac(attempt·φ)` and coprime to n: a low-discrepancy
/// order with little correlation to the identity or to other strides.
fn stride_scores(scores: &[f64], attempt: usize) -> Vec<f64> {
    let n = scores.len();
    if n < 2 {
        return scores.to_vec();
    }
    let golden = (5f64.sqrt() - 1.0) / 2.0;
    let fraction = (attempt as f64 * golden).fract();
    let mut stride = ((n as f64 * fraction).round() as usize).clamp(1, n - 1);
    while gcd(stride, n) != 1 {
        stride = stride % (n - 1) + 1;
    }
    let (stride, offset, modulus) = (stride as u128, attempt as u128, n as u128);
    (0..n as u128)
        .map(|i| scores[((i * stride + offset) % modulus) as usize])
        .collect()
}

fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The standard normal quantile Φ⁻¹(p): Wichura's algorithm AS 241
/// (PPND16), relative accuracy about 1e-16. ±∞ at 0 and 1, NaN outside.
// The coefficients are quoted as published.
#[allow(clippy::excessive_precision)]
fn inverse_normal(p: f64) -> f64 {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        let num = horner(
            r,
            &[
                3.3871328727963666080e0,
                1.3314166789178437745e2,
                1.9715909503065514427e3,
                1.3731693765509461125e4,
                4.5921953931549871457e4,
                6.7265770927008700853e4,
                3.3430575583588128105e4,
                2.5090809287301226727e3,
            ],
        );
        let den = horner(
            r,
            &[
                1.0,
                4.2313330701600911252e1,
                6.8718700749205790830e2,
                5.3941960214247511077e3,
                2.1213794301586595867e4,
                3.9307895800092710610e4,
                2.8729085735721942674e4,
                5.2264952788528545610e3,
            ],
        );
        return q * num / den;
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let r = (-tail.ln()).sqrt();
    let z = if r <= 5.0 {
        let r = r - 1.6;
        horner(
            r,
            &[
                1.42343711074968357734e0,
                4.63033784615654529590e0,
                5.76949722146069140550e0,
                3.64784832476320460504e0,
                1.27045825245236838258e0,
                2.41780725177450611770e-1,
                2.27238449892691845833e-2,
                7.74545014278341407640e-4,
            ],
        ) / horner(
            r,
            &[
                1.0,
                2.05319162663775882187e0,
                1.67638483018380384940e0,
                6.89767334985100004550e-1,
                1.48103976427480074590e-1,
                1.51986665636164571966e-2,
                5.47593808499534494600e-4,
                1.05075007164441684324e-9,
            ],
        )
    } else {
        let r = r - 5.0;
        horner(
            r,
            &[
                6.65790464350110377720e0,
                5.46378491116411436990e0,
                1.78482653991729133580e0,
                2.96560571828504891230e-1,
                2.65321895265761230930e-2,
                1.24266094738807843860e-3,
                2.71155556874348757815e-5,
                2.01033439929228813265e-7,
            ],
        ) / horner(
            r,
            &[
                1.0,
                5.99832206555887937690e-1,
                1.36929880922735805310e-1,
                1.48753612908506148525e-2,
                7.86869131145613259100e-4,
                1.84631831751005468180e-5,
                1.42151175831644588870e-7,
                2.04426310338993978564e-15,
            ],
        )
    };
    if q < 0.0 {
        -z
    } else {
        z
    }
}

/// The polynomial with coefficients `c` (constant term first) at `x`.
fn horner(x: f64, c: &[f64]) -> f64 {
    c.iter().rev().fold(0.0, |acc, &ci| acc * x + ci)
}

#[cfg(test)]
mod tests;
