//! A typed decimal ("1234.5", ".5", "5.") to the nearest `f64`, ties to even:
//! the same value as `str::parse::<f64>`.
//!
//! Why not `str::parse`: the standard library's parser carries a 10,416-byte
//! table of powers of five (and its code), which every page with a number
//! field would download (about 12 KB gzip, in WebAssembly). Typed numbers
//! have no exponent, and nearly all of them have at most 15 significant
//! digits, which one exact division turns into the nearest `f64`. The rest
//! (more digits, or very large or very small values) take a slower exact
//! path: the decimal as a fraction of two big integers, divided bit by bit.

/// Powers of ten that are exact in an `f64` (10^22 is the last).
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Significant digits kept. Deciding between two neighbouring `f64`s never
/// needs more than 767 (the longest halfway point between two of them); the
/// digits after these only say whether the rest is zero.
const MAX_DIGITS: usize = 800;

/// The `f64` nearest to `text`: ASCII digits with at most one '.', and at
/// least one digit. `None` when `text` is not that; infinity when it is
/// beyond the largest `f64`.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, f),
        None => (text, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    // The significant digits, without leading or trailing zeros, and the
    // power of ten of the last one.
    let digits = whole.bytes().chain(fraction.bytes()).map(|b| b - b'0');
    let mut significant: Vec<u8> = digits.skip_while(|&d| d == 0).collect();
    let mut exponent = -(fraction.len() as i64);
    while significant.last() == Some(&0) {
        significant.pop();
        exponent += 1;
    }
    if significant.is_empty() {
        return Some(0.0);
    }
    let count = significant.len() as i64;
    // At least 10^(count - 1 + exponent): beyond f64::MAX (1.8e308).
    if count - 1 + exponent > 308 {
        return Some(f64::INFINITY);
    }
    // Below 10^(count + exponent): less than half the smallest f64 (4.9e-324).
    if count + exponent < -324 {
        return Some(0.0);
    }
    if let Some(value) = exact_quotient(&significant, exponent) {
        return Some(value);
    }
    let mut sticky = false;
    if significant.len() > MAX_DIGITS {
        sticky = true; // trailing zeros were removed: the rest is not zero
        exponent += (significant.len() - MAX_DIGITS) as i64;
        significant.truncate(MAX_DIGITS);
    }
    Some(nearest(&significant, exponent, sticky))
}

/// The fast path: at most 2^53 times or divided by an exact power of ten is
/// one correctly rounded operation.
fn exact_quotient(digits: &[u8], exponent: i64) -> Option<f64> {
    if digits.len() > 16 || exponent.unsigned_abs() > 22 {
        return None;
    }
    let mantissa = digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d));
    if mantissa > 1 << 53 {
        return None;
    }
    let power = EXACT_POWERS[exponent.unsigned_abs() as usize];
    Some(if exponent < 0 {
        mantissa as f64 / power
    } else {
        mantissa as f64 * power
    })
}

/// The exact path: `digits` × 10^`exponent` (plus a little more when
/// `sticky`) as numerator / denominator, divided to 54 or 55 bits, then
/// rounded to the 53 bits of an `f64` (fewer below 2^-1022).
fn nearest(digits: &[u8], exponent: i64, sticky: bool) -> f64 {
    let mut num = Big::from_digits(digits);
    let mut den = Big::one();
    if exponent >= 0 {
        num.mul_pow10(exponent as u32);
    } else {
        den.mul_pow10((-exponent) as u32);
    }
    // num / den × 2^shift lies in [2^53, 2^55).
    let shift = 54 - (num.bits() as i64 - den.bits() as i64);
    if shift >= 0 {
        num.shl(shift as u32);
    } else {
        den.shl((-shift) as u32);
    }
    let mut quotient = 0u64;
    let mut divisor = den.clone();
    divisor.shl(54);
    for _ in 0..55 {
        quotient <<= 1;
        if num >= divisor {
            num.sub(&divisor);
            quotient |= 1;
        }
        divisor.shr1();
    }
    let sticky = sticky || !num.is_zero();
    // quotient × 2^-shift; keep 53 bits, or fewer for a subnormal, whose
    // last bit is worth 2^-1074.
    let bits = 64 - i64::from(quotient.leading_zeros());
    let mut dropped = bits - 53;
    let mut lsb = dropped - shift;
    if lsb < -1074 {
        dropped += -1074 - lsb;
        lsb = -1074;
    }
    let (mut mantissa, rest, half) = if dropped >= 64 {
        (
            0,
            u128::from(quotient),
            1u128 << 63 << (dropped - 64).min(63),
        )
    } else {
        let d = dropped as u32;
        (
            quotient >> d,
            u128::from(quotient & ((1u64 << d) - 1)),
            1u128 << (d - 1),
        )
    };
    if rest > half || (rest == half && (sticky || mantissa & 1 == 1)) {
        mantissa += 1;
        if mantissa == 1 << 53 {
            mantissa = 1 << 52;
            lsb += 1;
        }
    }
    if mantissa < 1 << 52 {
        // A subnormal: lsb is -1074, and its bits are the mantissa's.
        return f64::from_bits(mantissa);
    }
    let biased = lsb + 52 + 1023;
    if biased >= 2047 {
        return f64::INFINITY;
    }
    f64::from_bits(((biased as u64) << 52) | (mantissa & ((1 << 52) - 1)))
}

/// A non-negative integer, in 32-bit limbs, least significant first, with no
/// zero limb at the top.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn one() -> Self {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Self {
        let mut n = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |v, &d| v * 10 + u32::from(d));
            n.mul_add(10u32.pow(chunk.len() as u32), value);
        }
        n
    }

    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(factor) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut power: u32) {
        while power > 0 {
            let step = power.min(9);
            self.mul_add(10u32.pow(step), 0);
            power -= step;
        }
    }

    fn bits(&self) -> u32 {
        self.0
            .last()
            .map_or(0, |top| 32 * self.0.len() as u32 - top.leading_zeros())
    }

    fn shl(&mut self, by: u32) {
        let (limbs, bits) = ((by / 32) as usize, by % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn shr1(&mut self) {
        let mut carry = 0;
        for limb in self.0.iter_mut().rev() {
            let v = (*limb >> 1) | carry;
            carry = *limb << 31;
            *limb = v;
        }
        self.trim();
    }

    /// `self - other`, for `other <= self`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(v < 0);
            *limb = v.rem_euclid(1 << 32) as u32;
        }
        self.trim();
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

// Native only: proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The same bits as the standard library's parser.
    fn same(text: &str) {
        let expected: f64 = text.parse().unwrap();
        let got = parse_decimal(text).unwrap_or_else(|| panic!("{text:?} not read"));
        assert_eq!(
            got.to_bits(),
            expected.to_bits(),
            "{text:?}: {got:e} != {expected:e}"
        );
    }

    #[test]
    fn reads_what_people_type() {
        for text in [
            "0",
            "0.0",
            "000",
            ".5",
            "5.",
            "1",
            "12",
            "1200",
            "1200.50",
            "0.1",
            "0.2",
            "0.3",
            "3.14159",
            "99.99",
            "1000000",
            "250000.75",
            "0.07",
            "15",
            "0.000001",
        ] {
            same(text);
        }
    }

    #[test]
    fn rejects_what_is_not_a_decimal() {
        for text in [
            "", ".", "1.2.3", "-1", "+1", "1e5", "1,000", " 1", "inf", "NaN", "١",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
    }

    #[test]
    fn rounds_like_the_standard_library_where_rounding_is_hard() {
        for text in [
            // 2^53 + 1: halfway, ties to even (down); 2^53 + 3: up.
            "9007199254740993",
            "9007199254740995",
            "9007199254740993.0000000000000000000000000001",
            // More than 16 digits, and beyond 10^22.
            "12345678901234567890",
            "0.12345678901234567890123",
            "123456789012345678901234567890",
            "1000000000000000000000000",
            "0.1000000000000000055511151231257827",
            "0.1000000000000000055511151231257828",
            // The largest f64 and just past it.
            "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
        ] {
            same(text);
        }
    }

    #[test]
    fn tiny_values_round_to_subnormals_and_to_zero() {
        let zeros = |n: usize| "0".repeat(n);
        for text in [
            // 2.2250738585072011e-308, near the smallest normal.
            format!("0.{}22250738585072011", zeros(307)),
            format!("0.{}22250738585072014", zeros(307)),
            // 4.9406564584124654e-324, the smallest subnormal, and half of it.
            format!("0.{}49406564584124654", zeros(323)),
            format!("0.{}24703282292062327", zeros(323)),
            format!("0.{}24703282292062328", zeros(323)),
            format!("0.{}1", zeros(400)),
        ] {
            same(&text);
        }
    }

    #[test]
    fn very_long_inputs_keep_their_last_digits_as_a_remainder() {
        // A halfway value between two f64s (2^53 + 1), then a 1 far away.
        let text = format!("9007199254740993.{}1", "0".repeat(2000));
        same(&text);
        let text = format!("{}1", "9".repeat(5000));
        assert_eq!(parse_decimal(&text), Some(f64::INFINITY));
        same(&format!("1{}", "0".repeat(300)));
    }

    /// The exact decimal halfway between two f64s, from their exact
    /// decimals (Rust prints an f64's exact value when asked for enough
    /// digits): their sum, halved, digit by digit.
    fn halfway(a: f64, b: f64) -> String {
        let digits = |v: f64| format!("{v:.1100}").replace('.', "");
        let (a, b) = (digits(a), digits(b));
        let width = a.len().max(b.len()) + 1;
        let pad = |s: String| format!("{s:0>width$}").into_bytes();
        let (a, b) = (pad(a), pad(b));
        let mut sum = vec![0u8; width];
        let mut carry = 0;
        for i in (0..width).rev() {
            let d = (a[i] - b'0') + (b[i] - b'0') + carry;
            sum[i] = d % 10;
            carry = d / 10;
        }
        // Halved, with one more digit for the odd case.
        let mut half = Vec::with_capacity(width + 1);
        let mut rest = 0;
        for d in sum.into_iter().chain([0]) {
            let v = rest * 10 + d;
            half.push(b'0' + v / 2);
            rest = v % 2;
        }
        let mut text = String::from_utf8(half).unwrap();
        text.insert(text.len() - 1101, '.');
        text
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn agrees_with_the_standard_library(
            whole in "[0-9]{0,30}",
            fraction in proptest::option::of("[0-9]{0,30}"),
        ) {
            let text = match fraction {
                Some(f) => format!("{whole}.{f}"),
                None => whole,
            };
            if text.bytes().any(|b| b.is_ascii_digit()) {
                same(&text);
            } else {
                proptest::prop_assert_eq!(parse_decimal(&text), None);
            }
        }

        #[test]
        fn agrees_on_numbers_printed_from_f64(bits in 0u64..0x7ff0_0000_0000_0000) {
            let value = f64::from_bits(bits);
            // Rust prints an f64 in full, without an exponent.
            same(&format!("{value}"));
            same(&format!("{value:.30}"));
        }

        #[test]
        fn ties_go_to_even_and_anything_past_them_goes_up(bits in 0u64..0x7fef_ffff_ffff_ffff) {
            let (low, high) = (f64::from_bits(bits), f64::from_bits(bits + 1));
            let middle = halfway(low, high);
            same(&middle);
            same(&format!("{middle}1"));
            // Just below the middle: its first 17 significant digits, the
            // rest zeros.
            let mut significant = 0;
            let below: String = middle
                .chars()
                .map(|c| {
                    if c.is_ascii_digit() && (significant > 0 || c != '0') {
                        significant += 1;
                        if significant > 17 {
                            return '0';
                        }
                    }
                    c
                })
                .collect();
            same(&below);
        }
    }
}
