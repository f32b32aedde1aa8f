//! What the ROI editor's results show: the key figures with their one-line
//! definitions, the totals, the stages between gates, the chart's text and
//! the year table; and what the editor adds when asked (a stage gate, a
//! role). The results panel (`ui::pages::roi::results`) renders this and
//! decides nothing.

use crate::domain::format;
use crate::domain::roi::{Gate, RoiModel, RoiResults, TaxLosses, TeamMember, MAX_GATES};

/// One figure: its name, its value or why it has none, and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// "Net present value".
    pub label: &'static str,
    /// The value as the reader writes numbers, or why there is none.
    pub value: Result<String, String>,
    /// The figure's definition, in one line.
    pub definition: &'static str,
}

fn figure(label: &'static str, value: Result<String, String>, definition: &'static str) -> Figure {
    Figure {
        label,
        value,
        definition,
    }
}

/// Why a payback or a break-even has no value.
pub const NOT_WITHIN_HORIZON: &str =
    "the cumulative cash flow does not turn positive within the horizon";

/// The key figures, in the order the panel lists them. The chance of
/// technical success is listed only when it is below certainty.
pub fn key_figures(r: &RoiResults, currency: &str) -> Vec<Figure> {
    let money = |v: f64| format::money(v, currency);
    let months = |m: Option<f64>| m.map(format::months).ok_or(NOT_WITHIN_HORIZON.to_string());
    let mut out = vec![
        figure(
            "Net present value",
            r.npv.clone().map(money),
            "If the model works: every month's net flow discounted to the start at the discount rate.",
        ),
        figure(
            "Expected NPV",
            r.expected_npv.clone().map(money),
            "Each month's flow weighted by the chance the project is still going then; equal to the NPV when success is certain.",
        ),
    ];
    if r.chance_of_success < 1.0 {
        out.push(figure(
            "Chance of technical success",
            Ok(format::percent(r.chance_of_success)),
            "Chance of passing every gate.",
        ));
    }
    out.extend([
        figure(
            "Go-live",
            Ok(format!("Month {}", r.go_live_month)),
            "Benefits and running costs start in this month, after the longest build assignment.",
        ),
        figure(
            "IRR (annual)",
            r.irr_annual.clone().map(format::percent),
            "The yearly discount rate at which the NPV is zero.",
        ),
        figure(
            "MIRR (annual)",
            r.mirr_annual.clone().map(format::percent),
            "Costs financed at the MIRR finance rate, returns reinvested at the MIRR reinvestment rate.",
        ),
        figure(
            "ROI",
            r.roi_percent.clone().map(|v| format::percent(v / 100.0)),
            "Net benefit over total cost: undiscounted, over the whole horizon, if the model works.",
        ),
        figure(
            "Payback",
            months(r.payback_months),
            "From the start of the build until the cumulative net flow stops being negative.",
        ),
        figure(
            "Payback after go-live",
            months(r.payback_after_go_live),
            "The same, counted from go-live.",
        ),
        figure(
            "Discounted payback",
            months(r.discounted_payback_months),
            "Payback on flows discounted at the discount rate, from the start.",
        ),
        figure(
            "Break-even month",
            r.break_even_month
                .map(|m| format!("Month {m}"))
                .ok_or(NOT_WITHIN_HORIZON.to_string()),
            "The first month at whose end the cumulative net flow is not negative.",
        ),
    ]);
    out
}

/// The totals under the key figures. What a negative tax means depends on
/// how losses are taxed; capacity freed is listed only when there is some.
pub fn totals(r: &RoiResults, currency: &str, tax_losses: TaxLosses) -> Vec<Figure> {
    let money = |v: f64| Ok(format::money(v, currency));
    let tax_note = if tax_losses == TaxLosses::OffsetNow {
        "Below zero: tax saved on the company's other profits."
    } else {
        "Losses carried forward against later profits first."
    };
    let mut out = vec![
        figure(
            "Benefit-cost ratio",
            r.benefit_cost_ratio.clone().map(|v| format::decimal(v, 2)),
            "Present value of benefits over present value of costs and tax.",
        ),
        figure(
            "Total cost of ownership",
            money(r.total_cost),
            "Everything spent over the horizon, tax excluded, undiscounted.",
        ),
        figure(
            "Total benefit",
            money(r.total_benefit),
            "Before tax, undiscounted.",
        ),
        figure("Total tax", money(r.total_tax), tax_note),
        figure(
            "Net benefit",
            money(r.net_benefit),
            "After tax, undiscounted.",
        ),
    ];
    if r.capacity_hours > 0.0 {
        out.push(figure(
            "Capacity freed",
            Ok(format!(
                "{} hours",
                format::decimal(r.capacity_hours.round(), 0)
            )),
            "Hours saved that count as capacity, not money: outside NPV and ROI.",
        ));
    }
    out
}

/// The cash-flow chart's text equivalent: where the cumulative flow starts
/// and ends, and when it breaks even.
pub fn chart_description(r: &RoiResults, currency: &str) -> String {
    let money = |v: f64| format::money(v, currency);
    format!(
        "Cumulative cash flow by month, from {} at the start to {} after month {}{}.",
        money(r.cumulative.first().copied().unwrap_or(0.0)),
        money(r.cumulative.last().copied().unwrap_or(0.0)),
        r.cumulative.len().saturating_sub(1),
        match r.payback_months {
            Some(p) => format!("; it breaks even at month {}", format::decimal(p, 1)),
            None => "; it does not break even".into(),
        },
    )
}

/// One row of the year table, every amount in the reader's format.
#[derive(Clone, Debug, PartialEq)]
pub struct YearRow {
    /// "Year 1".
    pub year: String,
    /// Cost.
    pub cost: String,
    /// Benefit.
    pub benefit: String,
    /// Tax.
    pub tax: String,
    /// Net flow.
    pub net: String,
    /// Cumulative net flow at the year's end.
    pub cumulative: String,
}

/// The year table, if the model works.
pub fn years(r: &RoiResults, currency: &str) -> Vec<YearRow> {
    let money = |v: f64| format::money(v, currency);
    r.years
        .iter()
        .map(|y| YearRow {
            year: format!("Year {}", y.year),
            cost: money(y.cost),
            benefit: money(y.benefit),
            tax: money(y.tax),
            net: money(y.net),
            cumulative: money(y.cumulative),
        })
        .collect()
}

/// One stage between gates.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRow {
    /// The gate that ends it.
    pub name: String,
    /// "1-3".
    pub months: String,
    /// What it spends when the project gets to it.
    pub cost: String,
    /// Chance of getting there.
    pub reached: String,
    /// Chance of passing its gate.
    pub chance: String,
}

/// The stages table; empty when the model has no gates.
pub fn stages(r: &RoiResults, currency: &str) -> Vec<StageRow> {
    r.stages
        .iter()
        .map(|st| StageRow {
            name: st.name.clone(),
            months: format!("{}-{}", st.from_month, st.to_month),
            cost: format::money(st.cost, currency),
            reached: format::percent(st.reached),
            chance: format::percent(st.chance),
        })
        .collect()
}

/// The gate "Add a stage gate" adds: three months after the last one (the
/// first at month 3), held to the horizon, at a 70% chance, named
/// "Proof of concept", then "Pilot", then "Stage 3" and on. None when the
/// model holds [`MAX_GATES`] already or its last gate ends the horizon.
pub fn new_gate(model: &RoiModel) -> Option<Gate> {
    let gates = &model.success.gates;
    let last = model.horizon_months();
    if gates.len() >= MAX_GATES || gates.last().is_some_and(|g| g.month >= last) {
        return None;
    }
    let name = match gates.len() {
        0 => "Proof of concept".to_string(),
        1 => "Pilot".to_string(),
        n => format!("Stage {}", n + 1),
    };
    Some(Gate {
        name,
        month: gates.last().map_or(3, |g| g.month + 3).min(last),
        chance: 0.7,
    })
}

/// The role "Add a role" adds: one person at 10,000 a month for three
/// months, named "New role", for the reader to change.
pub fn new_member() -> TeamMember {
    TeamMember {
        role: "New role".into(),
        headcount: 1.0,
        monthly_cost: 10_000.0,
        months: 3.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::input::{set_number_format, NumberFormat};

    fn results(m: &RoiModel) -> RoiResults {
        m.evaluate().expect("a valid model")
    }

    #[test]
    fn gates_are_added_three_months_apart_within_the_horizon() {
        let mut m = RoiModel {
            horizon_years: 1,
            ..RoiModel::default()
        };
        m.success.gates.clear();
        let mut added = Vec::new();
        while let Some(g) = new_gate(&m) {
            added.push((g.name.clone(), g.month, g.chance));
            m.success.gates.push(g);
        }
        // 3, 6, 9, 12: the fourth ends the 12-month horizon, so no fifth.
        assert_eq!(
            added,
            [
                ("Proof of concept".to_string(), 3, 0.7),
                ("Pilot".to_string(), 6, 0.7),
                ("Stage 3".to_string(), 9, 0.7),
                ("Stage 4".to_string(), 12, 0.7),
            ]
        );
        // A longer horizon stops at six gates.
        m.horizon_years = 5;
        while let Some(g) = new_gate(&m) {
            m.success.gates.push(g);
        }
        assert_eq!(m.success.gates.len(), MAX_GATES);
        assert_eq!(m.success.gates[5].month, 18);
        // A last gate beyond a shortened horizon is held to it: none added.
        m.horizon_years = 1;
        assert_eq!(new_gate(&m), None);
    }

    #[test]
    fn a_new_role_is_one_person_for_three_months() {
        let r = new_member();
        assert_eq!(
            (r.role.as_str(), r.headcount, r.monthly_cost, r.months),
            ("New role", 1.0, 10_000.0, 3.0)
        );
    }

    #[test]
    fn key_figures_list_the_chance_of_success_only_below_certainty() {
        let mut m = RoiModel::default();
        m.success.gates.clear();
        m.success.chance = 1.0;
        let r = results(&m);
        let labels: Vec<&str> = key_figures(&r, "EUR").iter().map(|f| f.label).collect();
        assert_eq!(
            labels,
            [
                "Net present value",
                "Expected NPV",
                "Go-live",
                "IRR (annual)",
                "MIRR (annual)",
                "ROI",
                "Payback",
                "Payback after go-live",
                "Discounted payback",
                "Break-even month"
            ]
        );
        let npv = &key_figures(&r, "EUR")[0];
        assert_eq!(npv.value, r.npv.clone().map(|v| format::money(v, "EUR")));
        m.success.chance = 0.6;
        let r = results(&m);
        let f = key_figures(&r, "EUR");
        assert_eq!(f[2].label, "Chance of technical success");
        assert_eq!(f[2].value, Ok("60.0%".to_string()));
    }

    #[test]
    fn a_payback_beyond_the_horizon_says_why() {
        // A team of 100 at 1,000,000 a month for a year: 1.2 billion spent,
        // far more than the example earns, so the flow never turns positive.
        let m = RoiModel {
            team: vec![TeamMember {
                role: "Everyone".into(),
                headcount: 100.0,
                monthly_cost: 1_000_000.0,
                months: 12.0,
            }],
            ..RoiModel::default()
        };
        let r = results(&m);
        let f = key_figures(&r, "EUR");
        let why = Err(NOT_WITHIN_HORIZON.to_string());
        for label in [
            "Payback",
            "Payback after go-live",
            "Discounted payback",
            "Break-even month",
        ] {
            let shown = f.iter().find(|x| x.label == label).unwrap();
            assert_eq!(shown.value, why, "{label}");
        }
        assert!(chart_description(&r, "EUR").ends_with("; it does not break even."));
    }

    #[test]
    fn totals_word_the_tax_by_how_losses_are_taxed() {
        let m = RoiModel::default();
        let r = results(&m);
        let note = |t| {
            totals(&r, "EUR", t)
                .into_iter()
                .find(|f| f.label == "Total tax")
                .unwrap()
                .definition
        };
        assert_eq!(
            note(TaxLosses::OffsetNow),
            "Below zero: tax saved on the company's other profits."
        );
        assert_eq!(
            note(TaxLosses::CarryForward),
            "Losses carried forward against later profits first."
        );
    }

    #[test]
    fn the_chart_text_and_the_years_follow_the_reader_s_number_format() {
        let mut r = results(&RoiModel::default());
        r.cumulative = vec![-1000.0, -250.0, 500.0];
        r.payback_months = Some(1.26);
        r.capacity_hours = 1234.4;
        set_number_format(NumberFormat::Dot);
        let text = chart_description(&r, "EUR");
        let capacity = totals(&r, "EUR", TaxLosses::CarryForward)
            .into_iter()
            .find(|f| f.label == "Capacity freed")
            .unwrap()
            .value;
        let years = years(&r, "EUR");
        set_number_format(NumberFormat::Comma);
        assert_eq!(
            text,
            format!(
                "Cumulative cash flow by month, from {} at the start to {} after month 2; it breaks even at month 1,3.",
                "-€1.000", "€500"
            )
        );
        assert_eq!(capacity, Ok("1.234 hours".to_string()));
        assert_eq!(years[0].year, "Year 1");
        assert_eq!(years.len(), r.years.len());
    }

    #[test]
    fn stages_are_written_with_their_months_cost_and_chances() {
        let mut m = RoiModel::default();
        m.success.gates = vec![Gate {
            name: "Pilot".into(),
            month: 4,
            chance: 0.5,
        }];
        let r = results(&m);
        let rows = stages(&r, "EUR");
        assert!(!rows.is_empty());
        assert_eq!(rows[0].name, r.stages[0].name);
        assert_eq!(
            rows[0].months,
            format!("{}-{}", r.stages[0].from_month, r.stages[0].to_month)
        );
        assert_eq!(rows[0].chance, "50.0%");
        assert_eq!(rows[0].reached, "100.0%");
        m.success.gates.clear();
        assert_eq!(stages(&results(&m), "EUR"), []);
    }
}
