//! What the automation ROI calculator's results show: the figures with their
//! definitions, the stages' hours, the two charts' texts and the limitations
//! ticked. The results panel (`ui::pages::automation`) renders this and
//! decides nothing.

use crate::domain::automation::AutomationResults;
use crate::domain::format::{self, hours};
use crate::view::roi::Figure;

/// Why a payback has no value.
pub const NOT_WITHIN_HORIZON: &str = "the savings do not cover the costs within the horizon";

/// The figures, in the order the panel lists them; a figure without a
/// definition has an empty one.
pub fn figures(r: &AutomationResults, currency: &str) -> Vec<Figure> {
    let money = |v: f64| format::money(v, currency);
    let figure = |label, value, definition| Figure {
        label,
        value,
        definition,
    };
    vec![
        figure(
            "Hours saved per month",
            Ok(hours(r.hours_saved_monthly)),
            "",
        ),
        figure("Hours saved per year", Ok(hours(r.hours_saved_yearly)), ""),
        figure(
            "Gross saving per month",
            Ok(money(r.money_saved_monthly)),
            "Hours saved × their rate at full adoption, before any cost.",
        ),
        figure(
            "Net saving per month",
            Ok(money(r.net_monthly)),
            "After licence, compute, upkeep and the ticked limitations' costs, at full adoption.",
        ),
        figure(
            "Money saved per year",
            Ok(money(r.money_saved_yearly)),
            "Gross, at full adoption.",
        ),
        figure(
            "Payback",
            r.payback_months
                .map(format::months)
                .ok_or(NOT_WITHIN_HORIZON.to_string()),
            "",
        ),
        figure("Net benefit over the horizon", Ok(money(r.net_benefit)), ""),
        figure(
            "ROI",
            r.roi_percent.clone().map(|v| format::percent(v / 100.0)),
            "",
        ),
        figure("Net present value", r.npv.clone().map(money), ""),
    ]
}

/// One stage's hours per month and what they save.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRow {
    /// The stage.
    pub stage: &'static str,
    /// Hours before automation.
    pub before: String,
    /// Hours after, oversight included.
    pub after: String,
    /// Hours saved, net of oversight.
    pub saved: String,
    /// Money saved per month.
    pub money: String,
}

/// The table of hours by stage, in pipeline order.
pub fn stages(r: &AutomationResults, currency: &str) -> Vec<StageRow> {
    r.stages
        .iter()
        .map(|s| StageRow {
            stage: s.stage.name(),
            before: hours(s.hours_before),
            after: hours(s.hours_after),
            saved: hours(s.net_hours_saved),
            money: format::money(s.money_saved, currency),
        })
        .collect()
}

/// The stages chart's text equivalent.
pub fn stages_text(r: &AutomationResults) -> String {
    format!(
        "Hours per month by stage before and after automation: {} before, {} after, of which oversight is part.",
        hours(r.hours_before_monthly),
        hours(r.hours_after_monthly),
    )
}

/// The cash-flow chart's text equivalent.
pub fn cash_text(r: &AutomationResults, currency: &str) -> String {
    let money = |v: f64| format::money(v, currency);
    format!(
        "Cumulative net cash flow by month, from {} to {}{}.",
        money(r.cumulative.first().copied().unwrap_or(0.0)),
        money(r.cumulative.last().copied().unwrap_or(0.0)),
        match r.payback_months {
            Some(p) => format!("; it pays back at month {}", format::decimal(p, 1)),
            None => "; it does not pay back".into(),
        },
    )
}

/// Each limitation ticked: its name, what it risks and what to do about it.
pub fn limitations(r: &AutomationResults) -> Vec<(&'static str, &'static str, &'static str)> {
    r.limitations
        .iter()
        .map(|l| (l.name(), l.explanation(), l.mitigation()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::automation::{AutomationModel, Limitation};
    use crate::domain::input::{set_number_format, NumberFormat};

    fn results() -> AutomationResults {
        AutomationModel::example()
            .evaluate()
            .expect("the example is valid")
    }

    #[test]
    fn figures_are_listed_in_order_with_hours_and_money_as_the_reader_writes_them() {
        let r = results();
        let f = figures(&r, "EUR");
        let labels: Vec<&str> = f.iter().map(|x| x.label).collect();
        assert_eq!(
            labels,
            [
                "Hours saved per month",
                "Hours saved per year",
                "Gross saving per month",
                "Net saving per month",
                "Money saved per year",
                "Payback",
                "Net benefit over the horizon",
                "ROI",
                "Net present value"
            ]
        );
        assert_eq!(f[0].value, Ok(hours(r.hours_saved_monthly)));
        assert_eq!(f[3].value, Ok(format::money(r.net_monthly, "EUR")));
        assert_eq!(
            f[2].definition,
            "Hours saved × their rate at full adoption, before any cost."
        );
    }

    #[test]
    fn a_payback_beyond_the_horizon_says_why_and_the_chart_says_so() {
        let mut r = results();
        r.payback_months = None;
        let payback = figures(&r, "EUR")
            .into_iter()
            .find(|f| f.label == "Payback")
            .unwrap();
        assert_eq!(payback.value, Err(NOT_WITHIN_HORIZON.to_string()));
        assert!(cash_text(&r, "EUR").ends_with("; it does not pay back."));
    }

    #[test]
    fn the_chart_texts_follow_the_reader_s_number_format() {
        let mut r = results();
        r.cumulative = vec![-12_000.0, 3_000.0];
        r.payback_months = Some(7.84);
        r.hours_before_monthly = 1_250.0;
        r.hours_after_monthly = 82.8;
        set_number_format(NumberFormat::Dot);
        let cash = cash_text(&r, "EUR");
        let stages = stages_text(&r);
        set_number_format(NumberFormat::Comma);
        assert_eq!(
            cash,
            "Cumulative net cash flow by month, from -€12.000 to €3.000; it pays back at month 7,8."
        );
        assert_eq!(
            stages,
            "Hours per month by stage before and after automation: 1.250 h before, 82,8 h after, of which oversight is part."
        );
    }

    #[test]
    fn stages_and_limitations_are_listed_in_order() {
        let r = results();
        let rows = stages(&r, "USD");
        assert_eq!(rows.len(), r.stages.len());
        assert_eq!(rows[0].stage, r.stages[0].stage.name());
        assert_eq!(rows[0].saved, hours(r.stages[0].net_hours_saved));
        let mut r = r;
        r.limitations = vec![Limitation::DataDrift];
        assert_eq!(
            limitations(&r),
            [(
                Limitation::DataDrift.name(),
                Limitation::DataDrift.explanation(),
                Limitation::DataDrift.mitigation()
            )]
        );
    }
}
