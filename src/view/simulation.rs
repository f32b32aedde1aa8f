//! What the Monte Carlo results show: the figures, the table of percentiles,
//! the text equivalents of the two charts, and which input matters most,
//! with the words that describe a correlation. The panel
//! (`ui::pages::uncertainty::simulation`) renders this and decides nothing.

use crate::domain::format;
use crate::domain::input::group_thousands;
use crate::domain::uncertainty::{Summary, Uncertain, MAX_SEED, MAX_TRIALS};

/// One figure of the results: its name, its value, and a note under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// What it is.
    pub label: String,
    /// Its value, as the reader writes numbers.
    pub value: String,
    /// A line under the value, if any.
    pub note: Option<String>,
    /// A name for the figure in the page (its `data-figure` attribute).
    pub data: Option<&'static str>,
}

/// One row of the percentile table.
#[derive(Clone, Debug, PartialEq)]
pub struct PercentileRow {
    /// "P5", "P50 (median)", "Mean", …
    pub name: &'static str,
    /// NPV.
    pub npv: String,
    /// ROI.
    pub roi: String,
    /// Payback.
    pub payback: String,
}

/// One input's correlation with NPV.
#[derive(Clone, Debug, PartialEq)]
pub struct CorrelationRow {
    /// The input, as the form names it.
    pub input: &'static str,
    /// The coefficient, signed, to two places ("–" when it does not vary).
    pub value: String,
    /// "strong positive", "weak negative", "does not vary", …
    pub words: String,
}

/// One correlation between inputs as asked and as the trials drew it.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckRow {
    /// "Revenue per month with Hours saved per month".
    pub inputs: String,
    /// Asked, signed, to two places.
    pub asked: String,
    /// Drawn, signed, to two places ("–" when either input does not vary).
    pub drawn: String,
    /// Why the two differ, when they differ by more than [`OFF_BY`].
    pub note: Option<String>,
}

/// How far a drawn rank correlation may be from the one asked before the
/// table says so: with 10,000 trials, Iman and Conover's method lands
/// within a few hundredths unless an input has few distinct values.
pub const OFF_BY: f64 = 0.05;

/// Everything the results panel shows in text.
#[derive(Clone, Debug, PartialEq)]
pub struct SimulationView {
    /// The figures, in order.
    pub figures: Vec<Figure>,
    /// "10,000 trials with seed 7, computed in 64 ms."
    pub run: String,
    /// P5, P10, P50, P90, P95, then the mean and the standard deviation.
    pub percentiles: Vec<PercentileRow>,
    /// The histogram's text equivalent.
    pub histogram_text: String,
    /// The cumulative curve's text equivalent.
    pub curve_text: String,
    /// Markers on the histogram: P10, P50 and P90 of NPV, where known.
    pub markers: Vec<(String, f64)>,
    /// Each input's correlation with NPV, strongest first; an input that
    /// does not vary last.
    pub correlations: Vec<CorrelationRow>,
    /// Each correlation between inputs asked for, with the one drawn.
    pub checks: Vec<CheckRow>,
}

/// How strong a correlation is, by its size: 0.7 and over "strong", 0.4
/// "moderate", 0.1 "weak", below that "negligible" (the common rule of
/// thumb for Pearson's r; a rule for reading, not a test of significance).
pub fn correlation_words(r: f64) -> &'static str {
    match r.abs() {
        a if a >= 0.7 => "strong",
        a if a >= 0.4 => "moderate",
        a if a >= 0.1 => "weak",
        _ => "negligible",
    }
}

/// The view of a finished run of `seed` that took `ms` milliseconds, in
/// `currency`, over a horizon of `horizon_years`.
pub fn results(
    summary: &Summary,
    currency: &str,
    horizon_years: u32,
    seed: u64,
    ms: f64,
) -> SimulationView {
    let money = |v: Option<f64>| {
        v.map(|v| format::money(v, currency))
            .unwrap_or_else(|| "not available".into())
    };
    let pct = |v: Option<f64>| {
        v.map(|v| format::percent(v / 100.0))
            .unwrap_or_else(|| "not available".into())
    };
    let months = |v: Option<f64>| {
        v.map(format::months)
            .unwrap_or_else(|| "beyond the horizon".into())
    };
    let npv = &summary.npv.percentiles;
    let mut figures = vec![Figure {
        label: "Chance that NPV is positive".into(),
        value: format::percent(summary.p_npv_positive),
        note: Some(if summary.p_works.is_some() {
            "Trials in which the model fails count as they end: the build spent, nothing earned."
                .into()
        } else {
            "Assumes the model works: set a chance of technical success below 100% to count failure."
                .into()
        }),
        data: Some("p-npv-positive"),
    }];
    if let Some(p) = summary.p_works {
        figures.push(Figure {
            label: "Trials in which the model works".into(),
            value: format::percent(p),
            note: None,
            data: None,
        });
    }
    figures.extend([
        Figure {
            label: format!("Chance of payback within {horizon_years} years"),
            value: format::percent(summary.p_payback),
            note: None,
            data: None,
        },
        Figure {
            label: "Median NPV (P50)".into(),
            value: money(npv[2]),
            note: None,
            data: None,
        },
        Figure {
            label: "Mean NPV".into(),
            value: money(summary.npv.mean),
            note: Some(format!("Standard deviation {}", money(summary.npv.std_dev))),
            data: None,
        },
    ]);
    let names = ["P5", "P10", "P50 (median)", "P90", "P95"];
    let mut percentiles: Vec<PercentileRow> = (0..5)
        .map(|k| PercentileRow {
            name: names[k],
            npv: money(npv[k]),
            roi: pct(summary.roi.percentiles[k]),
            payback: months(summary.payback[k]),
        })
        .collect();
    percentiles.push(PercentileRow {
        name: "Mean",
        npv: money(summary.npv.mean),
        roi: pct(summary.roi.mean),
        payback: "–".into(),
    });
    percentiles.push(PercentileRow {
        name: "Standard deviation",
        npv: money(summary.npv.std_dev),
        roi: summary
            .roi
            .std_dev
            .map(|v| format!("{} points", format::decimal(v, 1)))
            .unwrap_or_else(|| "not available".into()),
        payback: "–".into(),
    });
    let trials = group_thousands(&summary.trials.to_string());
    let spread = format!(
        "NPV ranges from {} (P10) to {} (P90), with a median of {}.",
        money(npv[1]),
        money(npv[3]),
        money(npv[2]),
    );
    let mut ordered = summary.correlations.clone();
    ordered.sort_by(|a, b| {
        b.1.map(f64::abs)
            .unwrap_or(-1.0)
            .total_cmp(&a.1.map(f64::abs).unwrap_or(-1.0))
    });
    let correlations = ordered
        .into_iter()
        .map(|(d, r)| match r {
            Some(r) => CorrelationRow {
                input: d.label(),
                value: format::signed_decimal(r, 2),
                words: format!(
                    "{} {}",
                    correlation_words(r),
                    if r >= 0.0 { "positive" } else { "negative" }
                ),
            },
            None => CorrelationRow {
                input: d.label(),
                value: "–".into(),
                words: "does not vary".into(),
            },
        })
        .collect();
    SimulationView {
        figures,
        run: format!(
            "{trials} trials with seed {seed}, computed in {ms:.0} ms.",
        ),
        percentiles,
        histogram_text: format!("Histogram of NPV over {trials} trials. {spread}"),
        curve_text: format!(
            "Cumulative probability of NPV over {trials} trials: {} of trials have an NPV of zero or less.",
            format::percent(1.0 - summary.p_npv_positive)
        ),
        markers: [(1, "P10"), (2, "P50"), (3, "P90")]
            .into_iter()
            .filter_map(|(k, name)| Some((name.to_string(), npv[k]?)))
            .collect(),
        correlations,
        checks: summary
            .rank_correlations
            .iter()
            .map(|c| CheckRow {
                inputs: format!("{} with {}", c.a.label(), c.b.label()),
                asked: format::signed_decimal(c.target, 2),
                drawn: c
                    .achieved
                    .map(|r| format::signed_decimal(r, 2))
                    .unwrap_or_else(|| "–".into()),
                note: c
                    .achieved
                    .is_some_and(|r| (r - c.target).abs() > OFF_BY)
                    .then(|| {
                        format!(
                            "More than {} off: inputs with few distinct values or few trials",
                            format::decimal(OFF_BY, 2),
                        )
                    }),
            })
            .collect(),
    }
}

/// The trials field's rule: a whole number from 100 to [`MAX_TRIALS`].
pub fn check_trials(v: f64) -> Result<(), String> {
    if (100.0..=MAX_TRIALS as f64).contains(&v) && v.fract() == 0.0 {
        Ok(())
    } else {
        Err(format!(
            "Enter a whole number from 100 to {}.",
            group_thousands(&MAX_TRIALS.to_string()),
        ))
    }
}

/// The seed field's rule: a whole number from 0 to [`MAX_SEED`].
pub fn check_seed(v: f64) -> Result<(), String> {
    if (0.0..=MAX_SEED as f64).contains(&v) && v.fract() == 0.0 {
        Ok(())
    } else {
        Err(format!(
            "Enter a whole number from 0 to {}.",
            group_thousands(&MAX_SEED.to_string()),
        ))
    }
}

/// The set-up of a run, as a shared link shows it: "10,000 trials with
/// seed 2026."
pub fn setup(trials: usize, seed: u64) -> String {
    format!(
        "{} trials with seed {seed}.",
        group_thousands(&trials.to_string())
    )
}

/// The button that starts a run a shared link did not start by itself.
pub fn run_button(trials: usize) -> String {
    format!(
        "Run the simulation ({} trials)",
        group_thousands(&trials.to_string())
    )
}

/// Progress while a run goes on: "2,500 of 10,000 trials".
pub fn progress(done: usize, target: usize) -> String {
    format!(
        "{} of {} trials",
        group_thousands(&done.to_string()),
        group_thousands(&target.to_string()),
    )
}

/// What a cancelled run says: "Cancelled after 2,500 of 10,000 trials. "
/// (a "Run again" button follows).
pub fn cancelled(done: usize, target: usize) -> String {
    format!("Cancelled after {}. ", progress(done, target))
}

/// One uncertain input as a shared link lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeRow {
    /// The input, as the form names it.
    pub input: &'static str,
    /// Low, most likely and high, in the input's unit.
    pub low: String,
    /// Most likely.
    pub likely: String,
    /// High.
    pub high: String,
    /// "PERT", "Triangular", …
    pub shape: &'static str,
}

/// The uncertain inputs, in the order they were added.
pub fn ranges(inputs: &[Uncertain], currency: &str) -> Vec<RangeRow> {
    inputs
        .iter()
        .map(|u| RangeRow {
            input: u.driver.label(),
            low: u.driver.show(u.low, currency),
            likely: u.driver.show(u.likely, currency),
            high: u.driver.show(u.high, currency),
            shape: u.shape.label(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::input::{set_number_format, NumberFormat};
    use crate::domain::uncertainty::Driver;

    #[test]
    fn correlation_words_follow_the_rule_of_thumb() {
        for (r, words) in [
            (0.7, "strong"),
            (-0.95, "strong"),
            (0.69, "moderate"),
            (-0.4, "moderate"),
            (0.1, "weak"),
            (0.099, "negligible"),
            (0.0, "negligible"),
        ] {
            assert_eq!(correlation_words(r), words, "{r}");
        }
    }

    #[test]
    fn the_results_of_a_run_in_words() {
        set_number_format(NumberFormat::Comma);
        let inputs = crate::domain::uncertainty::reference_inputs();
        let summary = crate::domain::uncertainty::reference_run().unwrap();
        let view = results(&summary, "USD", 3, 2026, 63.6);
        assert_eq!(
            view.run,
            format!(
                "{} trials with seed 2026, computed in 64 ms.",
                group_thousands(&summary.trials.to_string())
            )
        );
        assert_eq!(view.figures[0].label, "Chance that NPV is positive");
        assert_eq!(view.figures[0].data, Some("p-npv-positive"));
        assert_eq!(
            view.figures[0].value,
            format::percent(summary.p_npv_positive)
        );
        // Certain success: no figure for the trials in which the model works.
        assert_eq!(summary.p_works.is_some(), view.figures.len() == 5);
        let payback = view
            .figures
            .iter()
            .find(|f| f.label.starts_with("Chance of payback"))
            .unwrap();
        assert_eq!(payback.label, "Chance of payback within 3 years");
        // Seven rows: five percentiles, the mean and the standard deviation.
        let names: Vec<_> = view.percentiles.iter().map(|r| r.name).collect();
        assert_eq!(
            names,
            [
                "P5",
                "P10",
                "P50 (median)",
                "P90",
                "P95",
                "Mean",
                "Standard deviation"
            ]
        );
        assert_eq!(
            view.percentiles[2].npv,
            view.figures
                .iter()
                .find(|f| f.label == "Median NPV (P50)")
                .unwrap()
                .value
        );
        // Strongest first, one row per uncertain input.
        assert_eq!(view.correlations.len(), inputs.len());
        let sizes: Vec<f64> = summary
            .correlations
            .iter()
            .filter_map(|(_, r)| r.map(f64::abs))
            .collect();
        let strongest = sizes.iter().cloned().fold(0.0, f64::max);
        let first = summary
            .correlations
            .iter()
            .find(|(_, r)| r.map(f64::abs) == Some(strongest))
            .unwrap();
        assert_eq!(view.correlations[0].input, first.0.label());
        assert_eq!(
            view.markers
                .iter()
                .map(|m| m.0.as_str())
                .collect::<Vec<_>>(),
            ["P10", "P50", "P90"]
        );
        // 1,000 trials, grouped as the reader writes numbers.
        assert_eq!(summary.trials, 1_000);
        assert!(view
            .histogram_text
            .starts_with("Histogram of NPV over 1,000 trials. NPV ranges from "));
        assert!(view
            .curve_text
            .starts_with("Cumulative probability of NPV over 1,000 trials: "));
    }

    #[test]
    fn correlations_and_points_are_written_as_the_reader_writes_numbers() {
        let mut summary = crate::domain::uncertainty::reference_run().unwrap();
        summary.correlations = vec![
            (Driver::all()[0], Some(-0.456)),
            (Driver::all()[1], Some(0.05)),
            (Driver::all()[2], None),
        ];
        summary.roi.std_dev = Some(1234.56);
        set_number_format(NumberFormat::Dot);
        let view = results(&summary, "EUR", 2, 1, 10.0);
        set_number_format(NumberFormat::Comma);
        let rows: Vec<_> = view
            .correlations
            .iter()
            .map(|r| (r.value.as_str(), r.words.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("-0,46", "moderate negative"),
                ("+0,05", "negligible positive"),
                ("–", "does not vary")
            ]
        );
        assert_eq!(view.percentiles[6].roi, "1.234,6 points");
    }

    #[test]
    fn a_correlation_drawn_more_than_five_hundredths_off_is_noted() {
        use crate::domain::uncertainty::AchievedCorrelation;
        let mut summary = crate::domain::uncertainty::reference_run().unwrap();
        let (a, b) = (Driver::all()[0], Driver::all()[1]);
        summary.rank_correlations = vec![
            // 0.04 off: within the tolerance.
            AchievedCorrelation {
                a,
                b,
                target: 0.5,
                achieved: Some(0.46),
            },
            // 0.06 off: noted.
            AchievedCorrelation {
                a: b,
                b: a,
                target: -0.3,
                achieved: Some(-0.24),
            },
            // Not drawn (an input that does not vary): a dash, no note.
            AchievedCorrelation {
                a,
                b,
                target: 0.7,
                achieved: None,
            },
        ];
        let checks = results(&summary, "EUR", 2, 1, 10.0).checks;
        let cells: Vec<_> = checks
            .iter()
            .map(|c| (c.asked.as_str(), c.drawn.as_str(), c.note.is_some()))
            .collect();
        assert_eq!(
            cells,
            [
                ("+0.50", "+0.46", false),
                ("-0.30", "-0.24", true),
                ("+0.70", "–", false)
            ]
        );
        assert_eq!(
            checks[0].inputs,
            format!("{} with {}", a.label(), b.label())
        );
        assert_eq!(
            checks[1].note.as_deref(),
            Some("More than 0.05 off: inputs with few distinct values or few trials")
        );
    }

    #[test]
    fn the_run_s_fields_take_whole_numbers_within_their_bounds() {
        assert_eq!(check_trials(100.0), Ok(()));
        assert_eq!(check_trials(200_000.0), Ok(()));
        for bad in [99.0, 200_001.0, 1000.5, f64::NAN] {
            assert_eq!(
                check_trials(bad),
                Err("Enter a whole number from 100 to 200,000.".into()),
                "{bad}"
            );
        }
        assert_eq!(check_seed(0.0), Ok(()));
        assert_eq!(check_seed(999_999_999.0), Ok(()));
        for bad in [-1.0, 1e9, 0.5] {
            assert_eq!(
                check_seed(bad),
                Err("Enter a whole number from 0 to 999,999,999.".into()),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_run_s_progress_and_set_up_in_words() {
        assert_eq!(setup(10_000, 2026), "10,000 trials with seed 2026.");
        assert_eq!(run_button(50_000), "Run the simulation (50,000 trials)");
        assert_eq!(progress(2_500, 10_000), "2,500 of 10,000 trials");
        assert_eq!(
            cancelled(2_500, 10_000),
            "Cancelled after 2,500 of 10,000 trials. "
        );
    }

    #[test]
    fn a_shared_link_lists_each_range_in_its_input_s_unit() {
        use crate::domain::uncertainty::{Shape, Uncertain};
        let team = Uncertain {
            driver: Driver::TeamCost,
            low: 0.9,
            likely: 1.0,
            high: 1.3,
            shape: Shape::Triangular,
        };
        let rows = ranges(&[team], "EUR");
        assert_eq!(
            rows,
            [RangeRow {
                input: Driver::TeamCost.label(),
                low: "×0.90".into(),
                likely: "×1.00".into(),
                high: "×1.30".into(),
                shape: Shape::Triangular.label(),
            }]
        );
    }
}
