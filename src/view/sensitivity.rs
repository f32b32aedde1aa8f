//! What "Which assumption matters most" shows: the tornado chart's data, its
//! text equivalent, the read-out of one bar, and the table beside it. The
//! panel (`ui::pages::uncertainty::sensitivity`) renders this and decides nothing.

use crate::charts::tornado::{self, Bar, TornadoChart};
use crate::domain::format;
use crate::domain::uncertainty::{Metric, TornadoBar};

/// Bars drawn at most; the table lists them all.
pub const MAX_BARS: usize = 12;

/// A value of `metric` as the reader writes it; a payback that never comes
/// says so.
pub fn metric_text(metric: Metric, v: Option<f64>, currency: &str) -> String {
    match (metric, v) {
        (Metric::Npv, Some(v)) => format::money(v, currency),
        (Metric::RoiPercent, Some(v)) => format::percent(v / 100.0),
        (Metric::PaybackMonths, Some(v)) => format::months(v),
        (Metric::PaybackMonths, None) => "no payback within the horizon".into(),
        (_, None) => "not available".into(),
    }
}

/// The chart: the longest [`MAX_BARS`] bars around the base. A payback that
/// never comes is drawn at the horizon (`horizon_months`); no chart when
/// the base itself is not available.
pub fn chart(
    metric: Metric,
    base: Option<f64>,
    bars: &[TornadoBar],
    horizon_months: f64,
    currency: &str,
) -> Option<TornadoChart> {
    let at = |v: Option<f64>| match metric {
        Metric::PaybackMonths => v.unwrap_or(horizon_months),
        _ => v.unwrap_or(0.0),
    };
    let base = base.or((metric == Metric::PaybackMonths).then_some(horizon_months))?;
    Some(TornadoChart {
        base,
        bars: bars
            .iter()
            .take(MAX_BARS)
            .map(|b| Bar {
                label: b.driver.label().to_string(),
                low: at(b.outputs.0),
                high: at(b.outputs.1),
            })
            .collect(),
        unit: match metric {
            Metric::Npv => tornado::Unit::Money(currency.to_string()),
            Metric::RoiPercent => tornado::Unit::Percent,
            Metric::PaybackMonths => tornado::Unit::Months,
        },
    })
}

/// The read-out of one bar under the pointer.
pub fn bar_text(bar: &TornadoBar, metric: Metric, currency: &str) -> String {
    format!(
        "{}\nAt {}: {}\nAt {}: {}",
        bar.driver.label(),
        bar.driver.show(bar.inputs.0, currency),
        metric_text(metric, bar.outputs.0, currency),
        bar.driver.show(bar.inputs.1, currency),
        metric_text(metric, bar.outputs.1, currency),
    )
}

/// The chart's text equivalent: the base and the input that matters most.
pub fn description(
    metric: Metric,
    base: Option<f64>,
    bars: &[TornadoBar],
    currency: &str,
) -> String {
    match bars.first() {
        None => format!(
            "No input moves {}: every driver is at zero or changes nothing.",
            metric.label()
        ),
        Some(top) => format!(
            "Tornado chart of {} around the base of {}. The input that matters most is {}: from {} to {}.",
            metric.label(),
            metric_text(metric, base, currency),
            top.driver.label(),
            metric_text(metric, top.outputs.0, currency),
            metric_text(metric, top.outputs.1, currency),
        ),
    }
}

/// One row of the table: the input, each end with the metric there, and
/// the swing.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    /// The input, as the form names it.
    pub input: &'static str,
    /// The input moved down.
    pub low_input: String,
    /// The metric there.
    pub low_output: String,
    /// The input moved up.
    pub high_input: String,
    /// The metric there.
    pub high_output: String,
    /// How far the metric moves between the two ends; ROI in points.
    pub swing: String,
}

/// The table's rows, in the order of the bars (largest swing first).
pub fn rows(metric: Metric, bars: &[TornadoBar], currency: &str) -> Vec<TornadoRow> {
    bars.iter()
        .map(|b| TornadoRow {
            input: b.driver.label(),
            low_input: b.driver.show(b.inputs.0, currency),
            low_output: metric_text(metric, b.outputs.0, currency),
            high_input: b.driver.show(b.inputs.1, currency),
            high_output: metric_text(metric, b.outputs.1, currency),
            swing: match metric {
                Metric::Npv => format::money(b.swing, currency),
                Metric::RoiPercent => format!("{} points", format::decimal(b.swing, 1)),
                Metric::PaybackMonths => format::months(b.swing),
            },
        })
        .collect()
}

/// The sensitivity step's rule: from 1% to 100% (a fraction of 0.01 to 1).
pub fn check_step(v: f64) -> Result<(), String> {
    if (0.01..=1.0).contains(&v) {
        Ok(())
    } else {
        Err("Enter a step between 1% and 100%.".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::input::{set_number_format, NumberFormat};
    use crate::domain::uncertainty::{tornado as sensitivity, Driver};
    use std::collections::BTreeMap;

    fn bar(driver: Driver, outputs: (Option<f64>, Option<f64>), swing: f64) -> TornadoBar {
        TornadoBar {
            driver,
            inputs: (800.0, 1200.0),
            outputs,
            swing,
        }
    }

    #[test]
    fn the_example_in_words_and_rows() {
        set_number_format(NumberFormat::Comma);
        let model = crate::domain::roi::examples()[0].model.clone();
        let (base, bars) = sensitivity(&model, 0.2, &BTreeMap::new(), Metric::Npv);
        assert!(!bars.is_empty());
        let text = description(Metric::Npv, base, &bars, "USD");
        assert!(text.starts_with("Tornado chart of "), "{text}");
        assert!(text.contains(&format!(
            "The input that matters most is {}",
            bars[0].driver.label()
        )));
        let table = rows(Metric::Npv, &bars, "USD");
        assert_eq!(table.len(), bars.len());
        assert_eq!(table[0].swing, format::money(bars[0].swing, "USD"));
        let drawn = chart(Metric::Npv, base, &bars, 36.0, "USD").unwrap();
        assert_eq!(drawn.bars.len(), bars.len().min(MAX_BARS));
        assert_eq!(drawn.base, base.unwrap());
    }

    #[test]
    fn a_payback_that_never_comes_is_drawn_at_the_horizon_and_said() {
        let d = Driver::all()[0];
        let bars = [bar(d, (None, Some(14.0)), 22.0)];
        // No base payback: the chart's base is the horizon, 36 months.
        let drawn = chart(Metric::PaybackMonths, None, &bars, 36.0, "EUR").unwrap();
        assert_eq!(drawn.base, 36.0);
        assert_eq!((drawn.bars[0].low, drawn.bars[0].high), (36.0, 14.0));
        // No base NPV: no chart at all.
        assert!(chart(Metric::Npv, None, &bars, 36.0, "EUR").is_none());
        let row = &rows(Metric::PaybackMonths, &bars, "EUR")[0];
        assert_eq!(row.low_output, "no payback within the horizon");
        assert!(bar_text(&bars[0], Metric::PaybackMonths, "EUR")
            .contains("no payback within the horizon"));
        assert_eq!(
            description(Metric::PaybackMonths, None, &[], "EUR"),
            format!(
                "No input moves {}: every driver is at zero or changes nothing.",
                Metric::PaybackMonths.label()
            )
        );
    }

    #[test]
    fn roi_swings_are_points_in_the_readers_format() {
        let d = Driver::all()[1];
        let bars = [bar(d, (Some(10.0), Some(1244.4)), 1234.4)];
        set_number_format(NumberFormat::Dot);
        let row = rows(Metric::RoiPercent, &bars, "EUR").remove(0);
        set_number_format(NumberFormat::Comma);
        assert_eq!(row.swing, "1.234,4 points");
        assert_eq!(row.low_output, "10,0%");
    }

    #[test]
    fn the_step_is_from_one_to_a_hundred_percent() {
        assert_eq!(check_step(0.01), Ok(()));
        assert_eq!(check_step(1.0), Ok(()));
        for bad in [0.009, 1.01, f64::NAN] {
            assert_eq!(
                check_step(bad),
                Err("Enter a step between 1% and 100%.".into())
            );
        }
    }
}
