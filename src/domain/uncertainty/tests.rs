//! Sensitivity, scenarios and sampling, with numbers worked by hand.
use super::*;
use crate::domain::roi::examples;

fn model() -> RoiModel {
    examples()[1].model.clone()
}

fn field(id: &str) -> Driver {
    Driver::from_id(id).unwrap()
}

fn uncertain(id: &str, low: f64, likely: f64, high: f64, shape: Shape) -> Uncertain {
    Uncertain {
        driver: field(id),
        low,
        likely,
        high,
        shape,
    }
}

#[test]
fn drivers_round_trip_their_ids_and_values() {
    let m = model();
    for d in Driver::all() {
        assert_eq!(Driver::from_id(d.id()), Some(d));
        let mut c = m.clone();
        d.set(&mut c, d.get(&m));
        assert_eq!(c, m, "{}", d.id());
    }
    let mut c = m.clone();
    Driver::TeamCost.set(&mut c, 1.5);
    assert_eq!(c.team[0].monthly_cost, m.team[0].monthly_cost * 1.5);
}

#[test]
fn tornado_is_sorted_by_swing_and_knows_its_base() {
    let m = model();
    let (base, bars) = tornado(&m, 0.2, &BTreeMap::new(), Metric::Npv);
    assert_eq!(base, m.key_figures().npv);
    assert!(bars.len() > 5);
    assert!(bars.windows(2).all(|w| w[0].swing >= w[1].swing));
    // Revenue drives this churn model more than storage does.
    let pos = |id: &str| bars.iter().position(|b| b.driver.id() == id).unwrap();
    assert!(pos("revenue") < pos("storage"));
    let revenue = &bars[pos("revenue")];
    assert!(
        revenue.outputs.0.unwrap() < base.unwrap() && revenue.outputs.1.unwrap() > base.unwrap()
    );
    // Own ranges replace the percentage.
    let ranges = BTreeMap::from([("revenue".to_string(), (0.0, 30_000.0))]);
    let (_, bars) = tornado(&m, 0.2, &ranges, Metric::PaybackMonths);
    let r = bars.iter().find(|b| b.driver.id() == "revenue").unwrap();
    assert_eq!(r.inputs, (0.0, 30_000.0));
    assert_eq!(r.outputs.0, None, "no revenue, no payback");
    // Removing payback altogether is the largest swing, not none.
    assert_eq!(bars[0].driver.id(), "revenue");
    assert!(r.swing > 0.0);
    // Inputs are reported as applied: a tax rate cannot go below 0%.
    let ranges = BTreeMap::from([("tax-rate".to_string(), (-0.5, 0.3))]);
    let (_, bars) = tornado(&m, 0.2, &ranges, Metric::Npv);
    let tax = bars.iter().find(|b| b.driver.id() == "tax-rate").unwrap();
    assert_eq!(tax.inputs, (0.0, 0.3));
}

#[test]
fn scenarios_override_the_base() {
    let m = model();
    let s = Scenario {
        name: "Pessimistic".into(),
        overrides: BTreeMap::from([
            ("revenue".into(), 10_000.0),
            ("team-cost".into(), 1.3),
            ("nope".into(), 1.0),
        ]),
    };
    let p = s.apply(&m);
    assert_eq!(p.benefits.revenue_uplift_monthly, 10_000.0);
    assert_eq!(p.team[0].monthly_cost, m.team[0].monthly_cost * 1.3);
    assert!(p.key_figures().npv < m.key_figures().npv);
}

#[test]
fn the_same_seed_gives_the_same_figures() {
    let inputs = [uncertain(
        "revenue",
        10_000.0,
        30_000.0,
        40_000.0,
        Shape::Pert,
    )];
    let run = |seed| {
        let mut s = Simulation::new(&model(), &inputs, seed, 2_000).unwrap();
        s.advance(700);
        s.advance(10_000);
        s.summary()
    };
    assert_eq!(run(42), run(42));
    assert_ne!(run(42).npv.mean, run(43).npv.mean);
    // Chunking does not change the stream.
    let mut one = Simulation::new(&model(), &inputs, 42, 2_000).unwrap();
    one.advance(2_000);
    assert_eq!(one.summary(), run(42));
}

#[test]
fn collapsed_ranges_equal_the_deterministic_result_exactly() {
    // Certain to work, so that nothing but the ranges is drawn.
    let mut m = model();
    m.success.chance = 1.0;
    let inputs: Vec<Uncertain> = ["revenue", "serving", "discount-rate"]
        .iter()
        .map(|id| {
            let v = field(id).get(&m);
            uncertain(id, v, v, v, Shape::Normal)
        })
        .chain([Uncertain {
            driver: Driver::TeamCost,
            low: 1.0,
            likely: 1.0,
            high: 1.0,
            shape: Shape::Pert,
        }])
        .collect();
    let mut s = Simulation::new(&m, &inputs, 7, 300).unwrap();
    s.advance(300);
    let k = m.key_figures();
    assert!(s.npv.iter().all(|v| *v == k.npv));
    assert!(s.roi.iter().all(|v| *v == k.roi_percent));
    assert!(s.payback.iter().all(|v| *v == k.payback_months));
    let sum = s.summary();
    assert_eq!(sum.npv.std_dev, Some(0.0));
    assert_eq!(sum.npv.percentiles, [k.npv; 5]);
}

#[test]
fn percentiles_are_ordered_and_probabilities_are_shares() {
    let inputs = [
        uncertain("revenue", 0.0, 30_000.0, 60_000.0, Shape::Triangular),
        uncertain("ramp", 1.0, 4.0, 24.0, Shape::Uniform),
    ];
    let mut s = Simulation::new(&model(), &inputs, 1, 5_000).unwrap();
    s.advance(5_000);
    let sum = s.summary();
    let p = sum.npv.percentiles.map(Option::unwrap);
    assert!(p.windows(2).all(|w| w[0] <= w[1]), "{p:?}");
    assert!(sum.p_npv_positive > 0.0 && sum.p_npv_positive < 1.0);
    assert!((0.0..=1.0).contains(&sum.p_payback));
    let counted: usize = sum.npv.histogram(30).iter().map(|b| b.2).sum();
    assert_eq!(counted, 5_000);
    // Revenue matters more than the ramp, and pushes NPV up.
    let corr = |d: &str| {
        sum.correlations
            .iter()
            .find(|(x, _)| x.id() == d)
            .unwrap()
            .1
            .unwrap()
    };
    assert!(corr("revenue") > 0.8 && corr("revenue") > corr("ramp").abs());
}

#[test]
fn sampled_means_match_analytic_means() {
    let n = 40_000;
    let (a, m, b): (f64, f64, f64) = (10.0, 20.0, 60.0);
    let cases = [
        (
            Shape::Pert,
            (a + 4.0 * m + b) / 6.0,
            ((a + 4.0 * m + b) / 6.0 - a) * (b - (a + 4.0 * m + b) / 6.0) / 7.0,
        ),
        (
            Shape::Triangular,
            (a + m + b) / 3.0,
            (a * a + m * m + b * b - a * m - a * b - m * b) / 18.0,
        ),
        (Shape::Uniform, (a + b) / 2.0, (b - a) * (b - a) / 12.0),
        // Symmetric around its mode, so the truncation keeps the mean.
        (Shape::Normal, 35.0, ((b - a) / 6.0).powi(2)),
    ];
    for (shape, mean, variance) in cases {
        let likely = if shape == Shape::Normal { 35.0 } else { m };
        let u = Uncertain {
            driver: field("revenue"),
            low: a,
            likely,
            high: b,
            shape,
        };
        let sampler = Sampler::new(&u);
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let got: f64 = (0..n).map(|_| sampler.sample(&mut rng)).sum::<f64>() / n as f64;
        // Five standard errors: fails by chance about once in 1.7 million runs.
        let tol = 5.0 * (variance / n as f64).sqrt();
        assert!(
            (got - mean).abs() < tol,
            "{shape:?}: {got} vs {mean} ± {tol}"
        );
    }
}

#[test]
fn the_chance_that_npv_is_positive_includes_the_model_failing() {
    // The first example, certain to work, pays back in every trial of
    // the reference ranges; with a 50% chance that the model works, about half the
    // trials stop after the build and lose its cost.
    let mut model = super::super::roi::examples()[0].model.clone();
    model.success.chance = 1.0;
    let mut s = Simulation::new(&model, &reference_inputs(), 7, 4_000).unwrap();
    s.advance(4_000);
    let sure = s.summary();
    assert_eq!(sure.p_works, None);
    assert_eq!(sure.p_npv_positive, 1.0);
    model.success.chance = 0.5;
    let mut s = Simulation::new(&model, &reference_inputs(), 7, 4_000).unwrap();
    s.advance(4_000);
    let half = s.summary();
    // Binomial standard error at n = 4,000: sqrt(0.25 / 4000) ≈ 0.008.
    let works = half.p_works.unwrap();
    assert!((works - 0.5).abs() < 0.03, "{works}");
    assert_eq!(half.p_npv_positive, works);
    // A failed trial spends the build and earns nothing: its NPV is the
    // build's cost, below zero, and it never pays back.
    for (npv, worked) in s.npv.iter().zip(&s.worked) {
        assert_eq!(npv.unwrap() > 0.0, *worked);
    }
    assert!((half.p_payback - works).abs() < 1e-12);
}

#[test]
fn correlated_inputs_keep_their_ranges_and_correlate_as_asked() {
    // Certain to work, so that both runs draw nothing but the inputs.
    let mut model = super::super::roi::examples()[0].model.clone();
    model.success.chance = 1.0;
    let inputs = reference_inputs();
    let (revenue, team) = (inputs[0].driver, Driver::TeamCost);
    let asked = [Correlation {
        a: revenue,
        b: team,
        rho: 0.6,
    }];
    let mut s = Simulation::correlated(&model, &inputs, &asked, 11, 10_000).unwrap();
    s.advance(4_000);
    s.advance(6_000);
    let sum = s.summary();
    // Spearman's standard error near 0.6 at n = 10,000 is about 0.007.
    let got = sum.rank_correlations[0].achieved.unwrap();
    assert!((got - 0.6).abs() < 0.03, "{got}");
    assert_eq!(sum.rank_correlations[0].target, 0.6);
    // Each input's draws are the uncorrelated run's, reordered.
    let mut plain = Simulation::new(&model, &inputs, 11, 10_000).unwrap();
    plain.advance(10_000);
    for k in 0..inputs.len() {
        let mut a = s.samples[k].clone();
        let mut b = plain.samples[k].clone();
        a.sort_by(f64::total_cmp);
        b.sort_by(f64::total_cmp);
        assert_eq!(a, b, "input {k}");
    }
    // Revenue rising with team cost narrows the NPV's spread below the
    // independent run's: they pull NPV in opposite directions.
    assert!(sum.npv.std_dev.unwrap() < plain.summary().npv.std_dev.unwrap());
}

#[test]
fn converting_scales_the_money_ranges_and_scenarios_only() {
    let model = super::super::roi::examples()[0].model.clone();
    let a = Analysis::suggested(&model);
    let mut b = a.clone();
    b.convert_amounts(0.5);
    for (x, y) in a.inputs.iter().zip(&b.inputs) {
        // Revenue and losses avoided are money; hours saved and the
        // team's multiples are not.
        let factor = if ["revenue", "risk-reduction"].contains(&x.driver.id()) {
            0.5
        } else {
            1.0
        };
        assert_eq!(
            (y.low, y.likely, y.high),
            (x.low * factor, x.likely * factor, x.high * factor),
            "{}",
            x.driver.id()
        );
    }
    let (pa, pb) = (&a.scenarios[0].overrides, &b.scenarios[0].overrides);
    assert_eq!(pb["revenue"], pa["revenue"] * 0.5);
    assert_eq!(pb["ramp"], pa["ramp"]);
    assert_eq!(pb["team-cost"], pa["team-cost"]);
}

#[test]
fn correlations_that_cannot_hold_are_refused_with_the_inputs_named() {
    let model = super::super::roi::examples()[0].model.clone();
    let inputs = reference_inputs();
    let [r, s, t] = [inputs[0].driver, inputs[1].driver, inputs[2].driver];
    let c = |a, b, rho| Correlation { a, b, rho };
    let bad = [c(r, s, 0.9), c(r, t, 0.8), c(s, t, -0.5)];
    let e = Simulation::correlated(&model, &inputs, &bad, 1, 100)
        .err()
        .unwrap();
    assert!(
        e.contains("cannot all hold") && e.contains("“Revenue uplift”") && e.contains("between"),
        "{e}"
    );
    let e = Simulation::correlated(&model, &inputs, &[c(r, Driver::BuildMonths, 0.5)], 1, 100)
        .err()
        .unwrap();
    assert!(e.contains("has no range"), "{e}");
    let e = Simulation::correlated(&model, &inputs, &[c(r, s, 1.5)], 1, 100)
        .err()
        .unwrap();
    assert!(e.contains("between -0.99 and 0.99"), "{e}");
}

#[test]
fn reference_run_matches_the_browser() {
    // tests/web.rs checks the same bits in headless Chromium.
    let mean = reference_run().unwrap().npv.mean.unwrap();
    assert_eq!(mean.to_bits(), 4694823505910111010, "{mean}");
}

#[test]
fn bad_ranges_are_refused_and_trials_capped() {
    assert!(Simulation::new(
        &model(),
        &[uncertain("revenue", 5.0, 1.0, 9.0, Shape::Pert)],
        1,
        10
    )
    .is_err());
    assert!(Simulation::new(
        &model(),
        &[uncertain("revenue", f64::NAN, 1.0, 9.0, Shape::Pert)],
        1,
        10
    )
    .is_err());
    let s = Simulation::new(&model(), &[], 1, 10_000_000).unwrap();
    assert_eq!(s.target(), MAX_TRIALS);
}

#[test]
fn suggested_analysis_is_valid_and_skips_zero_drivers() {
    for ex in crate::domain::roi::examples() {
        let a = Analysis::suggested(&ex.model);
        assert_eq!(a.check(), Ok(()), "{}", ex.name);
        assert!(a.inputs.len() >= 2);
        assert_eq!(a.scenarios.len(), 2);
        for u in &a.inputs {
            assert!(u.low <= u.likely && u.likely <= u.high);
        }
    }
    let blank = RoiModel::default();
    let a = Analysis::suggested(&blank);
    assert!(a.inputs.iter().all(|u| u.likely != 0.0));
    assert_eq!(a.check(), Ok(()));
}

#[test]
fn analysis_check_names_what_is_wrong() {
    let mut a = Analysis::suggested(&model());
    a.trials = MAX_TRIALS + 1;
    assert!(a.check().unwrap_err().contains("trials"));
    let mut a = Analysis::suggested(&model());
    a.scenarios[0].overrides.insert("no-such-input".into(), 1.0);
    assert!(a.check().unwrap_err().contains("no-such-input"));
    let mut a = Analysis::suggested(&model());
    a.inputs[0].low = a.inputs[0].high + 1.0;
    assert!(a.check().is_err());
    let mut a = Analysis::suggested(&model());
    a.fraction = f64::NAN;
    assert!(a.check().is_err());
}

#[test]
fn tornado_uses_own_ranges_only_when_asked() {
    let mut a = Analysis::suggested(&model());
    assert!(a.tornado_ranges().is_empty());
    a.use_ranges = true;
    let r = a.tornado_ranges();
    assert_eq!(r.len(), a.inputs.len());
    assert_eq!(r["team-cost"], (0.9, 1.3));
}

#[test]
fn cumulative_curve_is_monotone_and_ends_at_one() {
    let stats = Stats::of((0..1000).map(|i| i as f64).collect());
    let c = cumulative_curve(&stats, 100);
    assert!(c.len() <= 101 && c.len() >= 100, "{}", c.len());
    assert!(c.windows(2).all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1));
    assert_eq!(c.last(), Some(&(999.0, 1.0)));
    assert_eq!(c[0], (0.0, 0.001));
    assert!(cumulative_curve(&Stats::of(vec![]), 10).is_empty());
    assert_eq!(
        cumulative_curve(&Stats::of(vec![5.0]), 10),
        vec![(5.0, 1.0)]
    );
}

#[test]
fn drivers_check_and_show_their_values() {
    let revenue = field("revenue");
    assert_eq!(revenue.check(1000.0), Ok(()));
    assert!(revenue.check(-1.0).is_err());
    assert!(revenue.check(f64::NAN).is_err());
    assert_eq!(revenue.show(25_000.0, "USD"), "$25,000 / month");
    assert_eq!(field("discount-rate").show(0.1, "USD"), "10.0% / year");
    assert_eq!(field("discount-rate").kind(), NumberKind::Percent);
    assert_eq!(Driver::TeamCost.show(1.2, "USD"), "×1.20");
    assert!(Driver::TeamCost.check(11.0).is_err());
    assert_eq!(Driver::BuildMonths.check(1.5), Ok(()));
}
#[test]
fn scenario_names_must_be_unique_and_present() {
    let s = |n: &str| Scenario {
        name: n.into(),
        overrides: BTreeMap::new(),
    };
    let list = vec![
        s("Pessimistic"),
        s(" pessimistic "),
        s(""),
        s("Base"),
        s("Other"),
    ];
    assert_eq!(scenario_name_error(&list, 0), None);
    assert!(scenario_name_error(&list, 1).is_some());
    assert!(scenario_name_error(&list, 2).is_some());
    assert!(scenario_name_error(&list, 3).is_some());
    assert_eq!(scenario_name_error(&list, 4), None);
}

#[test]
fn a_new_range_starts_twenty_percent_either_side_within_what_the_input_allows() {
    // 50,000 a month of revenue: 40,000 to 60,000.
    let revenue = field("revenue");
    let u = Uncertain::around(revenue, 50_000.0);
    assert_eq!((u.low, u.likely, u.high), (40_000.0, 50_000.0, 60_000.0));
    assert_eq!(u.shape, Shape::Pert);
    assert_eq!(u.check(), Ok(()));
    // The team's multiple: ×0.80 to ×1.20.
    let team = Uncertain::around(Driver::TeamCost, 1.0);
    assert_eq!((team.low, team.high), (0.8, 1.2));
    // A value at the top of what the field allows is held there: a share
    // of 100% does not become 120%.
    let share = Driver::all()
        .into_iter()
        .find(|d| matches!(d, Driver::Field(i) if crate::domain::roi::FIELDS[*i].max == 1.0))
        .expect("a field that stops at 100%");
    let top = Uncertain::around(share, 1.0);
    assert_eq!((top.low, top.likely, top.high), (0.8, 1.0, 1.0));
}

#[test]
fn the_next_correlation_is_the_first_pair_not_yet_taken_either_way_round() {
    let a = uncertain("revenue", 1.0, 2.0, 3.0, Shape::Pert);
    let b = uncertain("hours-saved", 1.0, 2.0, 3.0, Shape::Pert);
    let c = Uncertain::around(Driver::TeamCost, 1.0);
    let inputs = [a.clone(), b.clone(), c.clone()];
    let first = next_correlation(&inputs, &[]).unwrap();
    assert_eq!((first.a, first.b, first.rho), (a.driver, b.driver, 0.5));
    // (b, a) takes the pair (a, b): the next is (a, c).
    let taken = [Correlation {
        a: b.driver,
        b: a.driver,
        rho: -0.3,
    }];
    let next = next_correlation(&inputs, &taken).unwrap();
    assert_eq!((next.a, next.b), (a.driver, c.driver));
    // All three pairs taken: nothing to add.
    let all = [
        Correlation {
            a: a.driver,
            b: b.driver,
            rho: 0.1,
        },
        Correlation {
            a: a.driver,
            b: c.driver,
            rho: 0.1,
        },
        Correlation {
            a: c.driver,
            b: b.driver,
            rho: 0.1,
        },
    ];
    assert_eq!(next_correlation(&inputs, &all), None);
    // One input alone has no pair.
    assert_eq!(next_correlation(&inputs[..1], &[]), None);
    // A full analysis takes no more.
    let full = vec![
        Correlation {
            a: a.driver,
            b: b.driver,
            rho: 0.1
        };
        MAX_CORRELATIONS
    ];
    assert_eq!(next_correlation(&inputs, &full), None);
}
