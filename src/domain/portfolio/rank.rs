//! Scores by each method, the ranking, and sort orders.

use super::*;

/// Σ wᵢ·sᵢ over the six criteria, in percent-points (exact integers).
pub(super) fn weighted_sum(scores: &Scores, weights: &Weights) -> u64 {
    Criterion::ALL
        .iter()
        .map(|&c| u64::from(weights.get(c)) * u64::from(scores.get(c)))
        .sum()
}

pub(super) fn unavailable(method: Method, bad: &[(ProjectField, String)]) -> String {
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
