//! What the scenarios part of the uncertainty panel shows: the base and each
//! scenario evaluated, the table of figures side by side, the chart's lines
//! and its text, the name of a new or copied scenario, and the read-only
//! list of what each scenario changes. The panel
//! (`ui::pages::uncertainty::scenarios`) renders this and decides nothing.

use crate::charts::scenarios::{Line, ScenarioChart};
use crate::domain::format;
use crate::domain::roi::{InvalidInput, RoiModel, RoiResults};
use crate::domain::uncertainty::{Driver, Scenario};
use std::collections::BTreeMap;

/// The base and each scenario, by name, with its results or why it has none.
pub type Evaluated = Vec<(String, Result<RoiResults, Vec<InvalidInput>>)>;

/// The model as entered ("Base") first, then each scenario applied to it.
pub fn evaluate(base: &RoiModel, scenarios: &[Scenario]) -> Evaluated {
    std::iter::once(("Base".to_string(), base.evaluate()))
        .chain(
            scenarios
                .iter()
                .map(|s| (s.name.clone(), s.apply(base).evaluate())),
        )
        .collect()
}

/// One row of the table: a figure, then its value in each column.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The figure ("Net present value").
    pub label: &'static str,
    /// Its value for the base and each scenario, in that order.
    pub cells: Vec<String>,
}

/// The table "Scenarios side by side": one column per scenario, the base
/// first; one row per figure. A scenario whose inputs are not valid says so
/// in every cell, with the first reason.
pub fn table(evaluated: &Evaluated, currency: &str) -> Vec<Row> {
    type Figure = (&'static str, fn(&RoiResults, &str) -> String);
    let figures: [Figure; 7] = [
        ("Net present value", |r, c| {
            r.npv
                .clone()
                .map(|v| format::money(v, c))
                .unwrap_or_else(|e| e)
        }),
        ("IRR (annual)", |r, _| {
            r.irr_annual
                .clone()
                .map(format::percent)
                .unwrap_or_else(|e| e)
        }),
        ("ROI", |r, _| {
            r.roi_percent
                .clone()
                .map(|v| format::percent(v / 100.0))
                .unwrap_or_else(|e| e)
        }),
        ("Payback", |r, _| {
            r.payback_months
                .map(format::months)
                .unwrap_or_else(|| "not within the horizon".into())
        }),
        ("Total cost", |r, c| format::money(r.total_cost, c)),
        ("Total benefit", |r, c| format::money(r.total_benefit, c)),
        ("Net benefit", |r, c| format::money(r.net_benefit, c)),
    ];
    figures
        .into_iter()
        .map(|(label, f)| Row {
            label,
            cells: evaluated
                .iter()
                .map(|(_, r)| match r {
                    Ok(r) => f(r, currency),
                    Err(e) => format!(
                        "Not available: {}",
                        e.first().map(|i| i.message.as_str()).unwrap_or_default()
                    ),
                })
                .collect(),
        })
        .collect()
}

/// The chart: the cumulative cash flow of every column that has results.
pub fn chart(evaluated: &Evaluated, currency: &str) -> ScenarioChart {
    ScenarioChart {
        lines: evaluated
            .iter()
            .filter_map(|(name, r)| {
                r.as_ref().ok().map(|r| Line {
                    name: name.clone(),
                    cumulative: r.cumulative.clone(),
                })
            })
            .collect(),
        currency: currency.to_string(),
    }
}

/// The chart's text equivalent: where each line ends.
pub fn description(evaluated: &Evaluated, currency: &str) -> String {
    let parts: Vec<String> = evaluated
        .iter()
        .filter_map(|(name, r)| {
            let r = r.as_ref().ok()?;
            Some(format!(
                "{name} ends at {}",
                format::money(r.cumulative.last().copied().unwrap_or(0.0), currency)
            ))
        })
        .collect();
    format!(
        "Scenarios compared by their cumulative cash flow: {}.",
        parts.join("; ")
    )
}

/// A scenario to add: a copy of scenario `copy_of` with " (copy)" after its
/// name, or an empty one named after its place ("Scenario 3").
pub fn new_scenario(scenarios: &[Scenario], copy_of: Option<usize>) -> Scenario {
    match copy_of.and_then(|i| scenarios.get(i)) {
        Some(s) => Scenario {
            name: format!("{} (copy)", s.name),
            overrides: s.overrides.clone(),
        },
        None => Scenario {
            name: format!("Scenario {}", scenarios.len() + 1),
            overrides: BTreeMap::new(),
        },
    }
}

/// What a scenario changes, for a shared link's read-only view: each input
/// it sets, with its value ("Hours saved per month: 80 h"), or
/// "no changes". Unknown input ids are left out, as [`Scenario::apply`]
/// ignores them.
pub fn changes(scenario: &Scenario, currency: &str) -> String {
    let changes: Vec<String> = scenario
        .overrides
        .iter()
        .filter_map(|(id, v)| {
            let d = Driver::from_id(id)?;
            Some(format!("{}: {}", d.label(), d.show(*v, currency)))
        })
        .collect();
    if changes.is_empty() {
        "no changes".into()
    } else {
        changes.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::uncertainty::Driver;

    /// The editor's starting model.
    fn model() -> RoiModel {
        RoiModel::default()
    }

    #[test]
    fn the_base_comes_first_and_a_scenario_changes_only_what_it_sets() {
        let base = model();
        let team = Scenario {
            name: "Team costs 50% more".into(),
            overrides: BTreeMap::from([(Driver::TeamCost.id().to_string(), 1.5)]),
        };
        let e = evaluate(&base, std::slice::from_ref(&team));
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].0, "Base");
        assert_eq!(e[1].0, "Team costs 50% more");
        let (b, t) = (e[0].1.as_ref().unwrap(), e[1].1.as_ref().unwrap());
        assert_eq!(t.total_benefit, b.total_benefit);
        assert!(t.total_cost >= b.total_cost);

        let rows = table(&e, "EUR");
        let labels: Vec<&str> = rows.iter().map(|r| r.label).collect();
        assert_eq!(
            labels,
            [
                "Net present value",
                "IRR (annual)",
                "ROI",
                "Payback",
                "Total cost",
                "Total benefit",
                "Net benefit"
            ]
        );
        assert!(rows.iter().all(|r| r.cells.len() == 2));
        assert_eq!(rows[4].cells[0], format::money(b.total_cost, "EUR"));
        assert_eq!(rows[4].cells[1], format::money(t.total_cost, "EUR"));
    }

    #[test]
    fn a_scenario_with_invalid_inputs_says_why_in_every_cell() {
        let mut base = model();
        base.horizon_years = 0;
        let e = evaluate(&base, &[]);
        let why = e[0].1.as_ref().unwrap_err()[0].message.clone();
        for row in table(&e, "EUR") {
            assert_eq!(row.cells, [format!("Not available: {why}")]);
        }
        // No line is drawn for it, and the text lists no line.
        assert!(chart(&e, "EUR").lines.is_empty());
        assert_eq!(
            description(&e, "EUR"),
            "Scenarios compared by their cumulative cash flow: ."
        );
    }

    #[test]
    fn the_chart_text_gives_where_each_line_ends() {
        let base = model();
        let e = evaluate(&base, &[]);
        let end = e[0].1.as_ref().unwrap().cumulative.last().copied().unwrap();
        assert_eq!(
            description(&e, "EUR"),
            format!(
                "Scenarios compared by their cumulative cash flow: Base ends at {}.",
                format::money(end, "EUR")
            )
        );
        let c = chart(&e, "EUR");
        assert_eq!(c.lines.len(), 1);
        assert_eq!(c.lines[0].name, "Base");
        assert_eq!(c.currency, "EUR");
    }

    #[test]
    fn a_new_scenario_is_named_after_its_place_and_a_copy_after_its_original() {
        let one = Scenario {
            name: "Pessimistic".into(),
            overrides: BTreeMap::from([("revenue".to_string(), 10.0)]),
        };
        let fresh = new_scenario(std::slice::from_ref(&one), None);
        assert_eq!(fresh.name, "Scenario 2");
        assert!(fresh.overrides.is_empty());
        let copy = new_scenario(std::slice::from_ref(&one), Some(0));
        assert_eq!(copy.name, "Pessimistic (copy)");
        assert_eq!(copy.overrides, one.overrides);
        // A copy of a scenario that is gone is a new one.
        assert_eq!(new_scenario(&[one], Some(4)).name, "Scenario 2");
    }

    #[test]
    fn a_read_only_scenario_lists_its_changes_by_the_form_s_names() {
        let s = Scenario {
            name: "Slow".into(),
            overrides: BTreeMap::from([
                (Driver::BuildMonths.id().to_string(), 1.5),
                ("no-such-input".to_string(), 3.0),
            ]),
        };
        assert_eq!(
            changes(&s, "EUR"),
            format!(
                "{}: {}",
                Driver::BuildMonths.label(),
                Driver::BuildMonths.show(1.5, "EUR")
            )
        );
        let none = Scenario {
            name: "Same".into(),
            overrides: BTreeMap::new(),
        };
        assert_eq!(changes(&none, "EUR"), "no changes");
    }
}
