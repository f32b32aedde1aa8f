//! The portfolio's ranking table: its sort order, its rows in the words and
//! figures the table shows, and what a project's attachments (an ROI model,
//! a readiness run) add to its row.

use crate::domain::format;
use crate::domain::portfolio::{
    compare_missing_last, score, value_effort, BubbleBasis, Method, Portfolio, Ranked,
    SortDirection,
};
use crate::domain::roi::KeyFigures;

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// The ranking of the chosen method (1 first).
    Rank,
    /// The project's name, A to Z, ignoring case.
    Name,
    /// A method's score.
    Method(Method),
    /// The attached ROI model's NPV.
    Npv,
}

/// The table's order: a column and a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub direction: SortDirection,
}

impl Default for Sort {
    /// By rank, first place first.
    fn default() -> Self {
        Sort {
            key: SortKey::Rank,
            direction: SortDirection::Ascending,
        }
    }
}

impl Sort {
    /// The order after the reader selects `key`'s heading: the same column
    /// again turns the direction round; another column starts with what is
    /// read first, first place or A for rank and name, the largest score or
    /// NPV for the others.
    pub fn select(self, key: SortKey) -> Sort {
        if self.key == key {
            let direction = match self.direction {
                SortDirection::Ascending => SortDirection::Descending,
                SortDirection::Descending => SortDirection::Ascending,
            };
            return Sort { key, direction };
        }
        let direction = match key {
            SortKey::Rank | SortKey::Name => SortDirection::Ascending,
            SortKey::Method(_) | SortKey::Npv => SortDirection::Descending,
        };
        Sort { key, direction }
    }

    /// The `aria-sort` value of `key`'s column heading.
    pub fn aria(self, key: SortKey) -> &'static str {
        match (self.key == key, self.direction) {
            (false, _) => "none",
            (true, SortDirection::Ascending) => "ascending",
            (true, SortDirection::Descending) => "descending",
        }
    }
}

/// What an attached ROI model says: its key figures, read from this
/// browser's storage.
#[derive(Clone, Debug, PartialEq)]
pub struct AttachedRoi {
    /// NPV, ROI and payback, as the model's own page computes them.
    pub figures: KeyFigures,
    /// The model's currency.
    pub currency: String,
    /// The saved model's name.
    pub name: String,
}

/// What an attached readiness run says: its verdict's label and the run's
/// saved name.
#[derive(Clone, Debug, PartialEq)]
pub struct AttachedReadiness {
    pub label: String,
    pub name: String,
}

/// The label of a readiness run attached to a project: "In progress" until
/// the run is finished, then its verdict, or "Not scored" when the pack
/// gives none for its answers.
pub fn readiness_label(completed: bool, verdict: Option<String>) -> String {
    match (completed, verdict) {
        (false, _) => "In progress".into(),
        (true, Some(label)) => label,
        (true, None) => "Not scored".into(),
    }
}

/// A project's attachments as read: each absent, or read, or the reason it
/// could not be.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attachments {
    pub roi: Option<Result<AttachedRoi, String>>,
    pub readiness: Option<Result<AttachedReadiness, String>>,
}

impl Attachments {
    /// The attached model's NPV, when there is one and it could be read.
    pub fn npv(&self) -> Option<f64> {
        self.roi.as_ref()?.as_ref().ok()?.figures.npv
    }
}

/// A cell of an attachment: nothing attached ("–"), why it cannot be shown,
/// or what it shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell<T> {
    None,
    Unavailable(String),
    Shown(T),
}

/// The ROI model's three cells, as text, and the link's title.
#[derive(Clone, Debug, PartialEq)]
pub struct RoiCells {
    pub npv: String,
    pub roi: String,
    pub payback: String,
    pub title: String,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The project's position in [`Portfolio::projects`].
    pub index: usize,
    /// "2", "2 (tied)", or "–" without a score.
    pub position: String,
    /// The name, or "(unnamed)".
    pub name: String,
    /// The score of each method of [`Method::ALL`], in its order, in the
    /// method's format, or why there is none; `true` for the method that
    /// ranks.
    pub scores: Vec<(String, bool)>,
    /// The project's quadrant on the value-effort map, or "–".
    pub quadrant: String,
    pub roi: Cell<RoiCells>,
    /// The readiness label and the run's name (the link's title).
    pub readiness: Cell<(String, String)>,
}

/// The table's rows, in `sort`'s order: `ranked` is the ranking by the
/// portfolio's method, `attachments` what each project's attachments say
/// (by position in the portfolio). Rows with no value in the sorted column
/// come last in either direction.
pub fn rows(
    portfolio: &Portfolio,
    ranked: &[Ranked],
    attachments: &[Attachments],
    sort: Sort,
) -> Vec<Row> {
    let npvs: Vec<Option<f64>> = (0..portfolio.projects.len())
        .map(|i| attachments.get(i).and_then(Attachments::npv))
        .collect();
    let map = value_effort(portfolio, &npvs, BubbleBasis::EstimatedCost);
    let value_of = |r: &Ranked, m: Method| {
        portfolio
            .projects
            .get(r.index)
            .and_then(|x| score(x, m, &portfolio.weights).ok())
    };
    let mut order = ranked.to_vec();
    let dir = sort.direction;
    match sort.key {
        SortKey::Rank => {
            if dir == SortDirection::Descending {
                order.reverse();
            }
        }
        SortKey::Name => order.sort_by(|a, b| {
            let o = a.name.to_lowercase().cmp(&b.name.to_lowercase());
            match dir {
                SortDirection::Ascending => o,
                SortDirection::Descending => o.reverse(),
            }
        }),
        SortKey::Method(m) => {
            order.sort_by(|a, b| compare_missing_last(value_of(a, m), value_of(b, m), dir))
        }
        SortKey::Npv => order.sort_by(|a, b| {
            let npv = |r: &Ranked| npvs.get(r.index).copied().flatten();
            compare_missing_last(npv(a), npv(b), dir)
        }),
    }
    order
        .into_iter()
        .map(|r| {
            let project = portfolio.projects.get(r.index);
            let scores = Method::ALL
                .into_iter()
                .map(|m| {
                    let text = match project.map(|x| score(x, m, &portfolio.weights)) {
                        Some(Ok(v)) => m.format_score(v),
                        Some(Err(why)) => format!("Not available: {why}"),
                        None => "–".into(),
                    };
                    (text, m == portfolio.method)
                })
                .collect();
            let quadrant = map
                .points
                .iter()
                .find(|m| m.index == r.index)
                .map_or_else(|| "–".into(), |m| m.quadrant.name().to_string());
            let attached = attachments.get(r.index).cloned().unwrap_or_default();
            let roi = match attached.roi {
                None => Cell::None,
                Some(Err(why)) => Cell::Unavailable(format!("Not available: {why}")),
                Some(Ok(a)) => Cell::Shown(RoiCells {
                    npv: a
                        .figures
                        .npv
                        .map_or_else(|| "not available".into(), |v| format::money(v, &a.currency)),
                    roi: a
                        .figures
                        .roi_percent
                        .map_or_else(|| "not available".into(), |v| format::percent(v / 100.0)),
                    payback: a
                        .figures
                        .payback_months
                        .map_or_else(|| "beyond the horizon".into(), format::months),
                    title: a.name,
                }),
            };
            let readiness = match attached.readiness {
                None => Cell::None,
                Some(Err(why)) => Cell::Unavailable(format!("Not available: {why}")),
                Some(Ok(a)) => Cell::Shown((a.label, a.name)),
            };
            let position = match (r.rank, r.tied) {
                (Some(n), true) => format!("{n} (tied)"),
                (Some(n), false) => n.to_string(),
                (None, _) => "–".into(),
            };
            let name = if r.name.trim().is_empty() {
                "(unnamed)".to_string()
            } else {
                r.name.clone()
            };
            Row {
                index: r.index,
                position,
                name,
                scores,
                quadrant,
                roi,
                readiness,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
