//! Cross-checks the finance core against numpy-financial on 320 committed
//! vectors (tests/data/finance_vectors.json, made by
//! scripts/gen_finance_vectors.py), and checks its properties with proptest.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde::Deserialize;
use sextant::finance::{self, FinanceError};

#[derive(Deserialize)]
struct Case {
    kind: String,
    flows: Vec<f64>,
    rate: f64,
    npv: f64,
    roots: Vec<f64>,
    npf_irr: Option<f64>,
    finance_rate: f64,
    reinvest_rate: f64,
    mirr: Option<f64>,
}

#[derive(Deserialize)]
struct Vectors {
    cases: Vec<Case>,
}

fn vectors() -> Vec<Case> {
    let text = include_str!("data/finance_vectors.json");
    serde_json::from_str::<Vectors>(text)
        .expect("valid vectors")
        .cases
}

fn scale(flows: &[f64]) -> f64 {
    flows.iter().map(|f| f.abs()).fold(0.0, f64::max)
}

#[test]
fn npv_matches_numpy_financial() {
    for (i, c) in vectors().iter().enumerate() {
        let got = finance::npv(c.rate, &c.flows).unwrap();
        // Relative to the largest flow: NPV itself may cancel to near zero.
        let tol = 1e-12 * scale(&c.flows) * c.flows.len() as f64;
        assert!(
            (got - c.npv).abs() <= tol.max(1e-12 * c.npv.abs()),
            "case {i} ({}): {got} vs {}",
            c.kind,
            c.npv
        );
    }
}

#[test]
fn irr_finds_every_root_numpy_finds() {
    let mut unique = 0;
    let mut multiple = 0;
    for (i, c) in vectors().iter().enumerate() {
        let all = finance::irr_all(&c.flows);
        assert_eq!(
            all.len(),
            c.roots.len(),
            "case {i} ({}): {all:?} vs {:?}",
            c.kind,
            c.roots
        );
        for (a, b) in all.iter().zip(&c.roots) {
            assert!(
                (a - b).abs() <= 1e-9 * (1.0 + b.abs()),
                "case {i}: root {a} vs {b}"
            );
        }
        match (finance::irr(&c.flows), c.roots.len()) {
            (Ok(r), 1) => {
                unique += 1;
                let npf = c.npf_irr.expect("numpy-financial found it too");
                assert!(
                    (r - npf).abs() <= 1e-9 * (1.0 + npf.abs()),
                    "case {i}: irr {r} vs numpy-financial {npf}"
                );
            }
            (Err(FinanceError::MultipleRoots(r)), n) if n > 1 => {
                multiple += 1;
                assert_eq!(r, all);
            }
            (Err(FinanceError::NoRoot | FinanceError::NoSignChange), 0) => {}
            (other, n) => panic!("case {i}: {other:?} with {n} reference roots"),
        }
    }
    assert!(
        unique > 200 && multiple > 10,
        "coverage: {unique} unique, {multiple} multiple"
    );
}

#[test]
fn mirr_matches_numpy_financial() {
    for (i, c) in vectors().iter().enumerate() {
        let got = finance::mirr(&c.flows, c.finance_rate, c.reinvest_rate);
        match (got, c.mirr) {
            (Ok(g), Some(e)) => assert!(
                (g - e).abs() <= 1e-10 * (1.0 + e.abs()),
                "case {i}: {g} vs {e}"
            ),
            (Err(_), None) => {}
            (g, e) => panic!("case {i}: {g:?} vs {e:?}"),
        }
    }
}

/// An investment followed by returns: one sign change.
fn investment() -> impl Strategy<Value = Vec<f64>> {
    (1.0f64..1e7, prop::collection::vec(0.0f64..1e6, 1..130)).prop_filter_map(
        "some return",
        |(i, rest)| {
            if rest.iter().sum::<f64>() > 0.0 {
                let mut flows = vec![-i];
                flows.extend(rest);
                Some(flows)
            } else {
                None
            }
        },
    )
}

proptest! {
    #[test]
    fn npv_at_the_irr_is_zero(flows in investment()) {
        if let Ok(r) = finance::irr(&flows) {
            let v = finance::npv(r, &flows).unwrap();
            prop_assert!(v.abs() <= 1e-7 * scale(&flows) * flows.len() as f64, "npv({r}) = {v}");
        }
    }

    #[test]
    fn npv_falls_as_the_rate_rises(flows in investment(), a in -0.5f64..2.0, b in -0.5f64..2.0) {
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        prop_assume!(hi - lo > 1e-6);
        prop_assert!(finance::npv(lo, &flows).unwrap() >= finance::npv(hi, &flows).unwrap());
    }

    #[test]
    fn payback_lies_where_the_cumulative_flow_turns(flows in prop::collection::vec(-1e6f64..1e6, 1..100)) {
        let mut cumulative = Vec::new();
        let mut sum = 0.0;
        for f in &flows {
            sum += f;
            cumulative.push(sum);
        }
        match finance::payback_period(&flows) {
            None => prop_assert!(cumulative.iter().all(|c| *c < 0.0)),
            Some(p) => {
                let first = cumulative.iter().position(|c| *c >= 0.0).unwrap();
                prop_assert!(p <= first as f64 && p >= first.saturating_sub(1) as f64, "payback {p}, turns at {first}");
            }
        }
    }

    #[test]
    fn never_panics_nor_returns_non_finite(flows in prop::collection::vec(prop::num::f64::ANY, 0..40), rate in prop::num::f64::ANY) {
        if let Ok(v) = finance::npv(rate, &flows) { prop_assert!(v.is_finite()); }
        if let Ok(v) = finance::irr(&flows) { prop_assert!(v.is_finite() && v > -1.0); }
        if let Ok(v) = finance::mirr(&flows, rate, rate) { prop_assert!(v.is_finite()); }
        if let Some(v) = finance::payback_period(&flows) { prop_assert!(v.is_finite()); }
        if let Ok(Some(v)) = finance::discounted_payback_period(rate, &flows) { prop_assert!(v.is_finite()); }
        for r in finance::irr_all(&flows) { prop_assert!(r.is_finite() && r > -1.0); }
    }
}
