//! What the comparison of two runs of a pack shows: a radar with both
//! outlines, its text, and a table of each area's score in both runs with
//! the change. The page (`ui::pages::assess::compare`) renders this and
//! decides nothing.

use crate::charts::radar::{RadarChart, RadarSeries};
use crate::domain::assess::AreaChange;

/// One area of the table: its scores (0 to 100, whole) and the change.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    /// The area's title.
    pub area: String,
    /// Its score in the earlier run, or "—" when it had none.
    pub before: String,
    /// Its score in the latest run, or "—".
    pub after: String,
    /// "+12", "-5", "no change", or "—" when either run has no score.
    pub change: String,
}

/// The table: one row per scored area, in pack order. Scores are written
/// whole, as on the results page; the change is the difference of the two
/// whole scores shown, so that the row reads consistently: 40.4 and 40.6
/// are shown as 40 and 41, a change of +1.
pub fn rows(changes: &[AreaChange]) -> Vec<ChangeRow> {
    let whole = |v: f64| format!("{v:.0}");
    changes
        .iter()
        .map(|c| {
            let (before, after) = (c.before.map(whole), c.after.map(whole));
            let change = match (&before, &after) {
                (Some(x), Some(y)) => match (x.parse::<i64>(), y.parse::<i64>()) {
                    (Ok(x), Ok(y)) if x == y => "no change".into(),
                    (Ok(x), Ok(y)) => format!("{:+}", y - x),
                    _ => "—".into(),
                },
                _ => "—".into(),
            };
            ChangeRow {
                area: c.title.clone(),
                before: before.unwrap_or_else(|| "—".into()),
                after: after.unwrap_or_else(|| "—".into()),
                change,
            }
        })
        .collect()
}

/// The radar: one axis per area, the latest run's outline first.
pub fn radar(changes: &[AreaChange], before: &str, after: &str) -> RadarChart {
    RadarChart {
        axes: changes.iter().map(|c| c.title.clone()).collect(),
        series: vec![
            RadarSeries {
                label: format!("Latest: {after}"),
                values: changes.iter().map(|c| c.after).collect(),
            },
            RadarSeries {
                label: format!("Earlier: {before}"),
                values: changes.iter().map(|c| c.before).collect(),
            },
        ],
    }
}

/// The radar's text equivalent, which points to the table.
pub fn description(before: &str, after: &str) -> String {
    format!(
        "Radar chart comparing scores by area between {before} and {after}; the table below lists every change."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(title: &str, before: Option<f64>, after: Option<f64>) -> AreaChange {
        AreaChange {
            id: title.to_lowercase(),
            title: title.into(),
            before,
            after,
            change: before.zip(after).map(|(x, y)| y - x),
        }
    }

    #[test]
    fn the_change_is_that_of_the_whole_scores_shown() {
        let rows = rows(&[
            change("Data", Some(25.0), Some(62.6)),
            change("Models", Some(40.4), Some(40.6)),
            change("Serving", Some(50.2), Some(49.9)),
            change("Monitoring", Some(75.0), Some(50.0)),
            change("Ethics", None, Some(12.6)),
        ]);
        let cells: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|r| (r.before.as_str(), r.after.as_str(), r.change.as_str()))
            .collect();
        assert_eq!(
            cells,
            [
                ("25", "63", "+38"),
                ("40", "41", "+1"),
                ("50", "50", "no change"),
                ("75", "50", "-25"),
                ("—", "13", "—"),
            ]
        );
        assert_eq!(rows[0].area, "Data");
    }

    #[test]
    fn the_radar_draws_the_latest_run_first() {
        let changes = [change("Data", Some(25.0), Some(50.0))];
        let r = radar(&changes, "1 March", "1 June");
        assert_eq!(r.axes, ["Data"]);
        assert_eq!(r.series[0].label, "Latest: 1 June");
        assert_eq!(r.series[0].values, [Some(50.0)]);
        assert_eq!(r.series[1].label, "Earlier: 1 March");
        assert_eq!(r.series[1].values, [Some(25.0)]);
        assert_eq!(
            description("1 March", "1 June"),
            "Radar chart comparing scores by area between 1 March and 1 June; the table below lists every change."
        );
    }
}
