//! The finance core: NPV, IRR (every root), MIRR and payback periods.
//!
//! Conventions follow numpy-financial: `flows[0]` happens at t = 0 and is not
//! discounted; `flows[t]` is divided by `(1 + rate)^t`. Rates are per period
//! (the ROI model works in months). Nothing here panics, and every `Ok` value
//! is finite.

use std::fmt;

/// Why a figure cannot be computed.
#[derive(Clone, Debug, PartialEq)]
pub enum FinanceError {
    /// No cash flows at all.
    EmptyFlows,
    /// A cash flow is NaN or infinite.
    NonFiniteFlow {
        /// Its period.
        index: usize,
    },
    /// The rate is NaN, infinite, or at or below -100%.
    InvalidRate,
    /// MIRR needs at least two periods.
    TooFewFlows,
    /// The flows never change sign, so no rate makes NPV zero.
    NoSignChange,
    /// The flows change sign but NPV never reaches zero at any rate above -100%.
    NoRoot,
    /// More than one rate makes NPV zero; all of them, sorted.
    MultipleRoots(Vec<f64>),
    /// MIRR needs both a positive and a negative flow.
    NeedsPositiveAndNegative,
    /// The result is too large to represent.
    Overflow,
}

impl fmt::Display for FinanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FinanceError::EmptyFlows => write!(f, "there are no cash flows"),
            FinanceError::NonFiniteFlow { index } => {
                write!(f, "the cash flow of period {index} is not a number")
            }
            FinanceError::InvalidRate => write!(f, "the rate must be a number above -100%"),
            FinanceError::TooFewFlows => write!(f, "at least two periods of cash flow are needed"),
            FinanceError::NoSignChange => write!(
                f,
                "the cash flows are all of one sign, so there is no rate of return to find"
            ),
            FinanceError::NoRoot => write!(f, "no discount rate makes the NPV zero"),
            FinanceError::MultipleRoots(roots) => {
                write!(
                    f,
                    "the cash flows change sign more than once and {} rates make the NPV zero (",
                    roots.len()
                )?;
                for (i, r) in roots.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{:.4}%", r * 100.0)?;
                }
                write!(
                    f,
                    "), so no single IRR describes them; use NPV or MIRR instead"
                )
            }
            FinanceError::NeedsPositiveAndNegative => {
                write!(f, "MIRR needs at least one cost and one return")
            }
            FinanceError::Overflow => write!(f, "the result is too large to represent"),
        }
    }
}

impl std::error::Error for FinanceError {}

fn check_flows(flows: &[f64]) -> Result<(), FinanceError> {
    if flows.is_empty() {
        return Err(FinanceError::EmptyFlows);
    }
    match flows.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(FinanceError::NonFiniteFlow { index }),
        None => Ok(()),
    }
}

fn check_rate(rate: f64) -> Result<(), FinanceError> {
    if rate.is_finite() && rate > -1.0 {
        Ok(())
    } else {
        Err(FinanceError::InvalidRate)
    }
}

fn finite(v: f64) -> Result<f64, FinanceError> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(FinanceError::Overflow)
    }
}

/// Net present value: `Σ flows[t] / (1 + rate)^t`, with `flows[0]` undiscounted.
pub fn npv(rate: f64, flows: &[f64]) -> Result<f64, FinanceError> {
    check_flows(flows)?;
    check_rate(rate)?;
    finite(npv_unchecked(rate, flows))
}

/// NPV by Horner's rule on the discount factor; inputs already checked.
fn npv_unchecked(rate: f64, flows: &[f64]) -> f64 {
    let d = 1.0 / (1.0 + rate);
    flows.iter().rev().fold(0.0, |acc, &f| acc * d + f)
}

/// The present values of each flow at `rate`.
pub fn discount(rate: f64, flows: &[f64]) -> Result<Vec<f64>, FinanceError> {
    check_flows(flows)?;
    check_rate(rate)?;
    let d = 1.0 / (1.0 + rate);
    let mut factor = 1.0;
    let mut out = Vec::with_capacity(flows.len());
    for &f in flows {
        out.push(f * factor);
        factor *= d;
    }
    Ok(out)
}

/// The NPV polynomial in `x = 1 / (1 + r)`, scaled by `x^-n` when `x > 1` so
/// that it never overflows. Same sign and zeros as NPV for every `x > 0`.
fn scaled_poly(flows: &[f64], x: f64) -> f64 {
    if x <= 1.0 {
        flows.iter().rev().fold(0.0, |acc, &f| acc * x + f)
    } else {
        let y = 1.0 / x;
        flows.iter().fold(0.0, |acc, &f| acc * y + f)
    }
}

/// Widest range searched for roots, as `ln x`: rates from about
/// -99.9999999999% up to about 10^12 per period.
const LN_X_MIN: f64 = -27.6; // x ≈ 1e-12, r ≈ 1e12
const LN_X_MAX: f64 = 27.6; // x ≈ 1e12, r ≈ -1 + 1e-12
/// Grid cells used to bracket roots when the flows change sign more than once.
const GRID: usize = 4000;

fn sign_changes(flows: &[f64]) -> usize {
    let mut last = 0.0_f64;
    let mut changes = 0;
    for &f in flows {
        if f != 0.0 {
            if last != 0.0 && (f > 0.0) != (last > 0.0) {
                changes += 1;
            }
            last = f;
        }
    }
    changes
}

/// Finds the root of `g` in `[a, b]` (in `ln x`), given opposite signs at the
/// ends, by bisection, which cannot fail, to the last bit.
fn bisect(flows: &[f64], mut a: f64, mut b: f64) -> f64 {
    let g = |u: f64| scaled_poly(flows, u.exp());
    let mut ga = g(a);
    for _ in 0..200 {
        let m = 0.5 * (a + b);
        if m <= a || m >= b {
            break;
        }
        let gm = g(m);
        if gm == 0.0 {
            return m;
        }
        if (gm > 0.0) == (ga > 0.0) {
            a = m;
            ga = gm;
        } else {
            b = m;
        }
    }
    0.5 * (a + b)
}

/// The rate for a root found in `ln x`, polished by a few Newton steps on NPV
/// in rate space (kept only while they reduce |NPV|).
fn rate_of(flows: &[f64], u: f64) -> f64 {
    let mut r = (-u).exp() - 1.0;
    let mut best = npv_unchecked(r, flows).abs();
    for _ in 0..4 {
        let (v, dv) = npv_and_derivative(r, flows);
        if dv == 0.0 || !dv.is_finite() {
            break;
        }
        let next = r - v / dv;
        if !(next.is_finite() && next > -1.0) {
            break;
        }
        let nv = npv_unchecked(next, flows).abs();
        if nv < best {
            best = nv;
            r = next;
        } else {
            break;
        }
    }
    r
}

fn npv_and_derivative(r: f64, flows: &[f64]) -> (f64, f64) {
    let d = 1.0 / (1.0 + r);
    let mut v = 0.0;
    let mut dv = 0.0;
    let mut factor = 1.0;
    for (t, &f) in flows.iter().enumerate() {
        v += f * factor;
        dv -= t as f64 * f * factor * d;
        factor *= d;
    }
    (v, dv)
}

/// Every rate in (-1, ∞) at which NPV is zero, sorted ascending. Roots where
/// NPV touches zero without crossing it are not reported.
pub fn irr_all(flows: &[f64]) -> Vec<f64> {
    if check_flows(flows).is_err() {
        return Vec::new();
    }
    let changes = sign_changes(flows);
    if changes == 0 {
        return Vec::new();
    }
    let mut roots_u = Vec::new();
    if changes == 1 {
        // Descartes' rule: exactly one positive root in x; bracket it at the ends.
        let (ga, gb) = (
            scaled_poly(flows, LN_X_MIN.exp()),
            scaled_poly(flows, LN_X_MAX.exp()),
        );
        if ga == 0.0 {
            roots_u.push(LN_X_MIN);
        } else if gb == 0.0 {
            roots_u.push(LN_X_MAX);
        } else if (ga > 0.0) != (gb > 0.0) {
            roots_u.push(bisect(flows, LN_X_MIN, LN_X_MAX));
        }
    } else {
        let step = (LN_X_MAX - LN_X_MIN) / GRID as f64;
        let mut prev_u = LN_X_MIN;
        let mut prev_g = scaled_poly(flows, prev_u.exp());
        if prev_g == 0.0 {
            roots_u.push(prev_u);
        }
        for i in 1..=GRID {
            let u = LN_X_MIN + step * i as f64;
            let g = scaled_poly(flows, u.exp());
            if g == 0.0 {
                roots_u.push(u);
            } else if prev_g != 0.0 && (g > 0.0) != (prev_g > 0.0) {
                roots_u.push(bisect(flows, prev_u, u));
            }
            prev_u = u;
            prev_g = g;
        }
    }
    let mut rates: Vec<f64> = roots_u
        .into_iter()
        .map(|u| rate_of(flows, u))
        .filter(|r| r.is_finite() && *r > -1.0)
        .collect();
    rates.sort_by(f64::total_cmp);
    rates.dedup_by(|a, b| (*a - *b).abs() <= 1e-12 * (1.0 + b.abs()));
    rates
}

/// The internal rate of return: the one rate above -100% at which NPV is zero.
/// Flows with several such rates give [`FinanceError::MultipleRoots`] with all
/// of them.
pub fn irr(flows: &[f64]) -> Result<f64, FinanceError> {
    check_flows(flows)?;
    if sign_changes(flows) == 0 {
        return Err(FinanceError::NoSignChange);
    }
    let roots = irr_all(flows);
    match roots.as_slice() {
        [] => Err(FinanceError::NoRoot),
        [r] => Ok(*r),
        _ => Err(FinanceError::MultipleRoots(roots)),
    }
}

/// Modified IRR (Excel's and numpy-financial's definition): negative flows are
/// discounted at `finance_rate`, positive flows compounded at `reinvest_rate`.
pub fn mirr(flows: &[f64], finance_rate: f64, reinvest_rate: f64) -> Result<f64, FinanceError> {
    check_flows(flows)?;
    check_rate(finance_rate)?;
    check_rate(reinvest_rate)?;
    let n = flows.len();
    if n < 2 {
        return Err(FinanceError::TooFewFlows);
    }
    let positives: Vec<f64> = flows
        .iter()
        .map(|&f| if f > 0.0 { f } else { 0.0 })
        .collect();
    let negatives: Vec<f64> = flows
        .iter()
        .map(|&f| if f < 0.0 { f } else { 0.0 })
        .collect();
    if positives.iter().all(|&f| f == 0.0) || negatives.iter().all(|&f| f == 0.0) {
        return Err(FinanceError::NeedsPositiveAndNegative);
    }
    let numer = npv_unchecked(reinvest_rate, &positives).abs();
    let denom = npv_unchecked(finance_rate, &negatives).abs();
    finite((numer / denom).powf(1.0 / (n - 1) as f64) * (1.0 + reinvest_rate) - 1.0)
}

/// The monthly rate equivalent to an annual one: `(1 + annual)^(1/12) - 1`.
/// An annual rate at or below -100% gives NaN or -1, which every function
/// here refuses as [`FinanceError::InvalidRate`]; callers validate first.
pub fn monthly_rate(annual: f64) -> f64 {
    (1.0 + annual).powf(1.0 / 12.0) - 1.0
}

/// Periods until the cumulative cash flow first becomes non-negative,
/// interpolated linearly within the period where it turns; 0.0 when
/// `flows[0] >= 0`; `None` when it never does (or a flow is not finite).
pub fn payback_period(flows: &[f64]) -> Option<f64> {
    check_flows(flows).ok()?;
    let mut cumulative = flows[0];
    if cumulative >= 0.0 {
        return Some(0.0);
    }
    for (t, &f) in flows.iter().enumerate().skip(1) {
        let next = cumulative + f;
        if next >= 0.0 {
            // f > 0 here, since cumulative < 0 <= next.
            return Some((t - 1) as f64 + (-cumulative / f).min(1.0));
        }
        cumulative = next;
    }
    None
}

/// [`payback_period`] on the flows discounted at `rate`.
pub fn discounted_payback_period(rate: f64, flows: &[f64]) -> Result<Option<f64>, FinanceError> {
    Ok(payback_period(&discount(rate, flows)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + b.abs())
    }

    #[test]
    fn npv_does_not_discount_the_first_flow() {
        assert_eq!(npv(0.1, &[-100.0]).unwrap(), -100.0);
        assert!(close(npv(0.1, &[-100.0, 110.0]).unwrap(), 0.0, 1e-12));
        assert!(close(npv(0.0, &[1.0, 2.0, 3.0]).unwrap(), 6.0, 1e-15));
    }

    /// Microsoft's NPV example 1: NPV(10%, -10000, 3000, 4200, 6800) = 1188.44,
    /// where Excel discounts the first value; ours takes it at t = 0, so the
    /// Excel figure is ours with a leading zero flow.
    #[test]
    fn microsoft_npv_examples() {
        let v = npv(0.10, &[0.0, -10_000.0, 3_000.0, 4_200.0, 6_800.0]).unwrap();
        assert!((v - 1_188.44).abs() < 0.005, "{v}");
        // Example 2: initial investment at the start, then five returns, rate 8%.
        let returns = [8_000.0, 9_200.0, 10_000.0, 12_000.0, 14_500.0];
        let mut flows = vec![0.0];
        flows.extend(returns);
        let v = npv(0.08, &flows).unwrap() - 40_000.0;
        assert!((v - 1_922.06).abs() < 0.005, "{v}");
    }

    /// Microsoft's IRR examples: -70000 then 12000, 15000, 18000, 21000, 26000.
    #[test]
    fn microsoft_irr_examples() {
        let all = [-70_000.0, 12_000.0, 15_000.0, 18_000.0, 21_000.0, 26_000.0];
        assert!((irr(&all[..5]).unwrap() - -0.021_244_848_273_410_89).abs() < 1e-9);
        assert!((irr(&all).unwrap() - 0.086_630_948_036_531_5).abs() < 1e-9);
        assert!((irr(&all[..3]).unwrap() - -0.443_506_941_334_740_6).abs() < 1e-9);
    }

    /// Microsoft's MIRR example: 120000 loan at 10%, returns reinvested at 12%.
    #[test]
    fn microsoft_mirr_examples() {
        let flows = [-120_000.0, 39_000.0, 30_000.0, 21_000.0, 37_000.0, 46_000.0];
        assert!((mirr(&flows, 0.10, 0.12).unwrap() - 0.126_094_130_365_905_1).abs() < 1e-9);
        assert!((mirr(&flows[..4], 0.10, 0.12).unwrap() - -0.048_044_655_249_980_92).abs() < 1e-9);
        assert!((mirr(&flows, 0.10, 0.14).unwrap() - 0.134_759_110_828_315).abs() < 1e-9);
    }

    #[test]
    fn irr_reports_every_root_when_there_are_several() {
        // (1 + r) roots at 10% and 20%: -100, 230, -132 = -100(x-1/1.1)(x-1/1.2)/x^2 form.
        let flows = [-100.0, 230.0, -132.0];
        let roots = irr_all(&flows);
        assert_eq!(roots.len(), 2, "{roots:?}");
        assert!(
            close(roots[0], 0.1, 1e-10) && close(roots[1], 0.2, 1e-10),
            "{roots:?}"
        );
        match irr(&flows) {
            Err(FinanceError::MultipleRoots(r)) => assert_eq!(r, roots),
            other => panic!("expected MultipleRoots, got {other:?}"),
        }
        let text = FinanceError::MultipleRoots(roots).to_string();
        assert!(
            text.contains("10.0000%") && text.contains("20.0000%"),
            "{text}"
        );
    }

    #[test]
    fn irr_errors_say_why() {
        assert_eq!(irr(&[]), Err(FinanceError::EmptyFlows));
        assert_eq!(irr(&[1.0, 2.0]), Err(FinanceError::NoSignChange));
        assert_eq!(irr(&[-1.0, -2.0, 0.0]), Err(FinanceError::NoSignChange));
        assert_eq!(
            irr(&[-1.0, f64::NAN]),
            Err(FinanceError::NonFiniteFlow { index: 1 })
        );
        // Changes sign twice but the NPV stays below zero: -1 + 1x - 1x^2 < 0.
        assert_eq!(irr(&[-1.0, 1.0, -1.0]), Err(FinanceError::NoRoot));
    }

    #[test]
    fn rates_at_or_below_minus_one_are_refused() {
        for rate in [-1.0, -2.0, f64::NAN, f64::INFINITY] {
            assert_eq!(npv(rate, &[1.0]), Err(FinanceError::InvalidRate));
            assert_eq!(
                discounted_payback_period(rate, &[-1.0, 2.0]),
                Err(FinanceError::InvalidRate)
            );
            assert_eq!(
                mirr(&[-1.0, 2.0], rate, 0.1),
                Err(FinanceError::InvalidRate)
            );
        }
        assert_eq!(npv(0.1, &[]), Err(FinanceError::EmptyFlows));
        assert_eq!(
            npv(0.1, &[f64::INFINITY]),
            Err(FinanceError::NonFiniteFlow { index: 0 })
        );
        assert_eq!(
            npv(
                -0.999_999_999,
                &[
                    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                    0.0, 0.0, 0.0, 1e300
                ]
            ),
            Err(FinanceError::Overflow)
        );
    }

    #[test]
    fn mirr_needs_both_signs_and_two_periods() {
        assert_eq!(mirr(&[-1.0], 0.1, 0.1), Err(FinanceError::TooFewFlows));
        assert_eq!(
            mirr(&[1.0, 2.0], 0.1, 0.1),
            Err(FinanceError::NeedsPositiveAndNegative)
        );
    }

    #[test]
    fn payback_interpolates_within_the_turning_period() {
        assert_eq!(payback_period(&[5.0, -1.0]), Some(0.0));
        assert_eq!(payback_period(&[0.0, -1.0]), Some(0.0));
        assert_eq!(payback_period(&[-100.0, 50.0, 50.0]), Some(2.0));
        assert_eq!(payback_period(&[-100.0, 40.0, 40.0, 40.0]), Some(2.5));
        assert_eq!(payback_period(&[-100.0, 40.0]), None);
        assert_eq!(payback_period(&[]), None);
        assert_eq!(payback_period(&[-1.0, f64::NAN]), None);
        let d = discounted_payback_period(0.1, &[-100.0, 110.0])
            .unwrap()
            .unwrap();
        assert!(close(d, 1.0, 1e-12), "{d}");
        assert_eq!(
            discounted_payback_period(0.5, &[-100.0, 110.0]).unwrap(),
            None
        );
    }
}
