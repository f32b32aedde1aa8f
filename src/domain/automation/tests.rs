//! The automation ROI calculator, with numbers worked by hand.
use super::*;

/// One stage: 10 hours × 4 runs = 40 hours a month; half automated
/// removes 20, 5 hours of oversight leave 15 saved (180 a year), worth
/// 15 × 100 = 1,500 a month. Licence 500 → net 1,000 a month.
/// Set-up 6,000: flows -6,000 then 12 × 1,000.
fn simple() -> AutomationModel {
    let mut m = AutomationModel {
        licence_monthly: 500.0,
        setup_cost: 6_000.0,
        horizon_years: 1.0,
        discount_rate: 0.0,
        ..AutomationModel::default()
    };
    *m.stage_mut(Stage::DataProcessing) = StageInputs {
        hours_per_run: 10.0,
        runs_per_month: 4.0,
        hourly_rate: 100.0,
        automated_share: 0.5,
        oversight_hours: 5.0,
    };
    m
}

#[test]
fn hand_checked_example() {
    let r = simple().evaluate().unwrap();
    let dp = r.stages[0];
    assert_eq!(
        (
            dp.hours_before,
            dp.hours_removed,
            dp.hours_after,
            dp.net_hours_saved
        ),
        (40.0, 20.0, 25.0, 15.0)
    );
    assert_eq!(r.hours_saved_monthly, 15.0);
    assert_eq!(r.hours_saved_yearly, 180.0);
    assert_eq!(r.hours_saved_share, Ok(0.375)); // 15 / 40
    assert_eq!(r.money_saved_monthly, 1_500.0);
    assert_eq!(r.money_saved_yearly, 18_000.0);
    assert_eq!(r.net_monthly, 1_000.0);
    assert_eq!(r.flows.len(), 13);
    assert_eq!((r.flows[0], r.flows[12]), (-6_000.0, 1_000.0));
    // Cumulative -6,000 + 1,000 a month: zero at the end of month 6.
    assert_eq!(r.payback_months, Some(6.0));
    assert_eq!(r.break_even_month, Some(6));
    // Net 12 × 1,000 − 6,000 = 6,000 on costs of 6,000 + 12 × 500 = 12,000: 50%.
    assert_eq!(r.net_benefit, 6_000.0);
    assert_eq!(r.total_cost, 12_000.0);
    assert_eq!(r.roi_percent, Ok(50.0));
    // At 0% the NPV is the plain sum.
    assert_eq!(r.npv, Ok(6_000.0));
    assert!(r.notes.is_empty());
}

#[test]
fn npv_uses_the_monthly_equivalent_rate() {
    let mut m = simple();
    m.discount_rate = 0.12;
    let r = m.evaluate().unwrap();
    let monthly = finance::monthly_rate(0.12);
    assert!(((1.0 + monthly).powi(12) - 1.12).abs() < 1e-12);
    assert_eq!(r.npv, Ok(finance::npv(monthly, &r.flows).unwrap()));
    assert!(r.discounted_payback_months.unwrap() > 6.0);
}

#[test]
fn oversight_beyond_savings_is_a_note_not_an_error() {
    let mut m = simple();
    m.stage_mut(Stage::DataProcessing).oversight_hours = 30.0;
    let r = m.evaluate().unwrap();
    // 20 removed − 30 oversight = −10 hours; −1,000 − 500 licence a month.
    assert_eq!(r.hours_saved_monthly, -10.0);
    assert_eq!(r.net_monthly, -1_500.0);
    assert_eq!(r.payback_months, None);
    assert_eq!(r.notes.len(), 2, "{:?}", r.notes);
    assert!(r.notes[0].starts_with("Data processing: oversight"));
}

#[test]
fn payback_without_set_up_cost() {
    let mut m = simple();
    m.setup_cost = 0.0;
    assert_eq!(m.evaluate().unwrap().payback_months, Some(0.0));
    m.licence_monthly = 2_000.0;
    // Saves 1,500, costs 2,000: never pays back, though month 0 is zero.
    assert_eq!(m.evaluate().unwrap().payback_months, None);
}

#[test]
fn a_blank_model_gives_zeros_and_reasons() {
    let r = AutomationModel::default().evaluate().unwrap();
    assert_eq!(r.hours_saved_monthly, 0.0);
    assert_eq!(r.npv, Ok(0.0));
    assert_eq!(r.payback_months, None);
    assert!(r.roi_percent.unwrap_err().contains("no costs"));
    assert!(r.hours_saved_share.unwrap_err().contains("no hours"));
    assert!(r.notes.is_empty());
    assert_eq!(r.stages.len(), 5);
}

#[test]
fn invalid_inputs_are_named_by_id() {
    let mut m = simple();
    m.horizon_years = 0.0;
    m.stage_mut(Stage::Deployment).automated_share = 1.5;
    m.stage_mut(Stage::ModelSelection).hours_per_run = f64::NAN;
    let errs = m.evaluate().unwrap_err();
    let ids: Vec<_> = errs.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "horizon",
            "model-selection-hours-per-run",
            "deployment-automated-share"
        ]
    );
    assert_eq!(errs[0].message, "Enter from 0.041667 to 10.");
    // A month typed to six decimals is a horizon of one month.
    m.horizon_years = 0.083333;
    assert_eq!(m.horizon_months(), 1);
    assert!(m.validate().iter().all(|e| e.id != "horizon"));
    assert_eq!(errs[1].message, "Enter a number.");
    assert_eq!(errs[2].label, "Deployment: share of the time automated");
    assert_eq!(errs[2].message, "Enter from 0% to 100%.");
}

#[test]
fn fields_read_and_write_their_own_value() {
    let mut m = AutomationModel::default();
    let value = |f: &Field| {
        if f.integer {
            f.max
        } else {
            f.min + (f.max - f.min) * 0.37
        }
    };
    for f in FIELDS {
        (f.set)(&mut m, value(f));
    }
    for f in FIELDS {
        assert_eq!((f.get)(&m), value(f), "{}", f.id);
    }
    let mut s = StageInputs::default();
    for (i, f) in STAGE_FIELDS.iter().enumerate() {
        (f.set)(&mut s, i as f64 + 0.5);
    }
    for (i, f) in STAGE_FIELDS.iter().enumerate() {
        assert_eq!((f.get)(&s), i as f64 + 0.5, "{}", f.id);
    }
    // A negative or huge horizon is refused, and never wraps around.
    let horizon = FIELDS.iter().find(|f| f.id == "horizon").unwrap();
    (horizon.set)(&mut m, -5.0);
    assert_eq!(m.horizon_months(), 1);
    assert_eq!(m.validate()[0].id, "horizon");
    (horizon.set)(&mut m, 1e12);
    assert_eq!(m.horizon_months(), MAX_HORIZON_MONTHS);
}

#[test]
fn savings_ramp_up_and_the_automation_costs_its_upkeep_and_its_risks() {
    // simple(): 1,500 a month saved at full adoption, licence 500,
    // set-up 6,000, 12 months.
    let mut m = simple();
    m.ramp_months = 3.0;
    let r = m.evaluate().unwrap();
    // A third, two thirds, then all of 1,500.
    assert_eq!(&r.flows[1..4], &[0.0, 500.0, 1_000.0]);
    assert_eq!(r.total_savings, 500.0 + 1_000.0 + 10.0 * 1_500.0);
    assert_eq!(r.net_monthly, 1_000.0);
    // Upkeep and drift monitoring are monthly; a costed exit from the
    // vendor is paid once, in the last month; an unticked limitation's
    // cost is kept but not counted.
    m.ramp_months = 0.0;
    m.upkeep_monthly = 200.0;
    m.limitation_costs = [
        (Limitation::DataDrift, 100.0),
        (Limitation::VendorLockIn, 2_000.0),
        (Limitation::EdgeCases, 999.0),
    ]
    .into_iter()
    .collect();
    m.set_limitation(Limitation::DataDrift, true);
    m.set_limitation(Limitation::VendorLockIn, true);
    let r = m.evaluate().unwrap();
    assert_eq!(r.running_cost_monthly, 800.0);
    assert_eq!(r.limitation_cost_monthly, 100.0);
    assert_eq!(r.exit_cost, 2_000.0);
    assert_eq!(r.net_monthly, 700.0);
    assert_eq!(r.flows[1], 700.0);
    assert_eq!(r.flows[12], 700.0 - 2_000.0);
    assert_eq!(r.total_cost, 6_000.0 + 12.0 * 800.0 + 2_000.0);
    assert_eq!(r.net_benefit, 18_000.0 - r.total_cost);
}

#[test]
fn the_horizon_is_in_years_as_in_the_roi_calculator() {
    let mut m = simple();
    m.horizon_years = 1.5;
    let r = m.evaluate().unwrap();
    assert_eq!(r.flows.len(), 19);
    assert_eq!(r.total_savings, 18.0 * 1_500.0);
}

#[test]
fn limitations_are_listed_in_order_with_a_mitigation() {
    let mut m = simple();
    m.set_limitation(Limitation::SkillErosion, true);
    m.set_limitation(Limitation::DataDrift, true);
    m.set_limitation(Limitation::EdgeCases, true);
    m.set_limitation(Limitation::EdgeCases, false);
    let r = m.evaluate().unwrap();
    assert_eq!(
        r.limitations,
        [Limitation::DataDrift, Limitation::SkillErosion]
    );
    for l in Limitation::ALL {
        assert_eq!(Limitation::from_id(l.id()), Some(l));
        assert!(l.explanation().ends_with('.') && l.mitigation().ends_with('.'));
    }
}

#[test]
fn example_is_valid_and_pays_back() {
    let r = AutomationModel::example().evaluate().unwrap();
    // Net hours: 24.8 + 12 + 13.8 + 25.2 + 7 = 82.8 a month; worth
    // 2,480 + 1,320 + 1,587 + 2,898 + 840 = 9,125 at fully loaded rates;
    // minus 5,300 running costs (licence 2,500, compute 900, upkeep
    // 1,500, drift monitoring 400) = 3,825 a month at full adoption.
    // The 4-month ramp saves a quarter, half, three quarters first:
    // months 1-3 net -3,018.75, -737.5 and +1,543.75, so after month 3
    // the cumulative flow is -32,212.5, paid back 32,212.5 / 3,825
    // months later.
    assert!((r.hours_saved_monthly - 82.8).abs() < 1e-9);
    assert!((r.money_saved_monthly - 9_125.0).abs() < 1e-9);
    assert!((r.net_monthly - 3_825.0).abs() < 1e-9);
    assert!((r.flows[1] + 3_018.75).abs() < 1e-9);
    let p = r.payback_months.unwrap();
    assert!((p - (3.0 + 32_212.5 / 3_825.0)).abs() < 1e-9, "{p}");
    assert!(r.npv.unwrap() > 0.0);
    assert_eq!(r.limitations.len(), 3);
}

#[test]
fn stage_ids_match_the_automation_pack() {
    for s in Stage::ALL {
        assert_eq!(Stage::from_id(s.id()), Some(s));
    }
    let pack =
        crate::domain::packs::pack_for(crate::domain::kinds::AssessmentKind::Automation).unwrap();
    // The calculator's five stages are the pack's first five, in order;
    // the pack adds continuous training, monitoring and AutoML fit,
    // which the calculator does not cost.
    let ids: Vec<&str> = pack.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids[..Stage::ALL.len()], Stage::ALL.map(Stage::id));
}
