//! Numbers as the interface shows them: money, percentages, months, in the
//! reader's [`NumberFormat`] (see [`number_format`]).

use super::input::group_thousands;
pub use super::input::{number_format, set_number_format, NumberFormat};

/// A Rust-formatted number ("12.3") with the current format's decimal mark
/// ("12,3" in the Dot and Space formats); no grouping.
fn with_decimal_mark(s: String) -> String {
    match number_format().decimal_mark() {
        '.' => s,
        mark => s.replace('.', &mark.to_string()),
    }
}

/// The currencies the calculators offer: code, symbol.
pub const CURRENCIES: &[(&str, &str)] = &[
    ("USD", "$"),
    ("EUR", "€"),
    ("GBP", "£"),
    ("JPY", "¥"),
    ("INR", "₹"),
    ("CHF", "CHF "),
    ("CAD", "CA$"),
    ("AUD", "A$"),
];

/// The symbol for a currency code; unknown codes are shown as the code.
pub fn symbol(code: &str) -> String {
    CURRENCIES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, s)| (*s).to_string())
        .unwrap_or_else(|| format!("{code} "))
}

/// "$1,234,568" / "-$12,300": whole units, grouped ("€1.234.568" in the Dot
/// format, "€1 234 568" with no-break spaces in the Space format).
pub fn money(value: f64, currency: &str) -> String {
    if !value.is_finite() {
        return "not available".into();
    }
    let rounded = value.round();
    let sign = if rounded < 0.0 { "-" } else { "" };
    format!(
        "{sign}{}{}",
        symbol(currency),
        group_thousands(&format!("{}", rounded.abs()))
    )
}

/// "$1.2M", "-$350k": short, for chart axes ("$1,2M" in the Dot and Space
/// formats).
pub fn money_short(value: f64, currency: &str) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let a = value.abs();
    let sign = if value < 0.0 { "-" } else { "" };
    let sym = symbol(currency);
    let (v, unit) = if a >= 1e9 {
        (a / 1e9, "bn")
    } else if a >= 1e6 {
        (a / 1e6, "M")
    } else if a >= 1e3 {
        (a / 1e3, "k")
    } else {
        (a, "")
    };
    let digits = if v >= 100.0 || unit.is_empty() { 0 } else { 1 };
    format!(
        "{sign}{sym}{}{unit}",
        with_decimal_mark(format!("{v:.digits$}"))
    )
}

/// 1234.567 with 2 places → "1,234.57" ("1.234,57" in the Dot format,
/// "1 234,57" in the Space format): a plain number, such as a ratio, a
/// correlation or hours, as the reader writes numbers.
pub fn decimal(value: f64, places: usize) -> String {
    if !value.is_finite() {
        return "not available".into();
    }
    // Adding 0.0 turns -0.0 into 0.0, so that no "-0.00" is shown.
    let rounded = format!("{:.places$}", value + 0.0);
    match rounded.strip_prefix('-') {
        Some(digits) if digits.chars().all(|c| c == '0' || c == '.') => group_thousands(digits),
        _ => group_thousands(&rounded),
    }
}

/// Hours, for people's time: whole and grouped from 100 up, or when whole
/// ("1,250 h", "8 h"), with one decimal below ("12.5 h"; "12,5 h" in the Dot
/// and Space formats).
pub fn hours(value: f64) -> String {
    if !value.is_finite() {
        return "not available".into();
    }
    if value.abs() >= 100.0 || value == value.round() {
        format!("{} h", decimal(value, 0))
    } else {
        format!("{} h", decimal(value, 1))
    }
}

/// [`decimal`] with its sign always written: 0.62 → "+0.62", -0.5 → "-0.50".
pub fn signed_decimal(value: f64, places: usize) -> String {
    let text = decimal(value, places);
    if value.is_finite() && !text.starts_with('-') {
        format!("+{text}")
    } else {
        text
    }
}

/// 0.1234 → "12.3%" ("12,3%" in the Dot and Space formats).
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "not available".into();
    }
    format!("{}%", with_decimal_mark(format!("{:.1}", fraction * 100.0)))
}

/// 14.25 → "14.3 months" ("14,3 months" in the Dot and Space formats).
pub fn months(m: f64) -> String {
    if !m.is_finite() {
        return "not available".into();
    }
    if (m - m.round()).abs() < 0.05 {
        let n = m.round() as i64;
        format!("{n} month{}", if n == 1 { "" } else { "s" })
    } else {
        format!("{} months", with_decimal_mark(format!("{m:.1}")))
    }
}

/// A moment written the same way for every reader, day first with the
/// month's name so no order of numbers can be misread: "27 Nov 2026, 18:42".
/// Takes the local calendar fields, month from 0 as JavaScript gives them.
pub fn date_time(year: u32, month0: u32, day: u32, hour: u32, minute: u32) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match MONTHS.get(month0 as usize) {
        Some(month) if (1..=31).contains(&day) && hour < 24 && minute < 60 => {
            format!("{day} {month} {year}, {hour:02}:{minute:02}")
        }
        _ => "an unknown date".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_number_format() {
        use crate::domain::input::with_number_format;
        assert_eq!(decimal(1234.567, 2), "1,234.57");
        assert_eq!(decimal(-0.001, 2), "0.00");
        assert_eq!(decimal(f64::NAN, 2), "not available");
        assert_eq!(signed_decimal(0.62, 2), "+0.62");
        assert_eq!(signed_decimal(-0.5, 2), "-0.50");
        assert_eq!(signed_decimal(-0.001, 2), "+0.00");
        with_number_format(NumberFormat::Dot, || {
            assert_eq!(decimal(1234.567, 2), "1.234,57");
            assert_eq!(signed_decimal(0.62, 2), "+0,62");
        });
        with_number_format(NumberFormat::Space, || {
            assert_eq!(decimal(1234.5, 1), "1\u{a0}234,5");
        });
    }

    #[test]
    fn hours_are_whole_from_100_and_keep_one_decimal_below() {
        use crate::domain::input::with_number_format;
        assert_eq!(hours(1250.4), "1,250 h");
        assert_eq!(hours(8.0), "8 h");
        assert_eq!(hours(12.5), "12.5 h");
        assert_eq!(hours(-12.5), "-12.5 h");
        assert_eq!(hours(f64::INFINITY), "not available");
        with_number_format(NumberFormat::Dot, || {
            assert_eq!(hours(1250.4), "1.250 h");
            assert_eq!(hours(12.5), "12,5 h");
        });
    }

    #[test]
    fn formats() {
        assert_eq!(money(1_234_567.6, "USD"), "$1,234,568");
        assert_eq!(money(-12_300.0, "EUR"), "-€12,300");
        assert_eq!(money(5.0, "XYZ"), "XYZ 5");
        assert_eq!(money(f64::NAN, "USD"), "not available");
        assert_eq!(money_short(1_260_000.0, "USD"), "$1.3M");
        assert_eq!(money_short(-350_000.0, "GBP"), "-£350k");
        assert_eq!(money_short(12.0, "USD"), "$12");
        assert_eq!(percent(0.1234), "12.3%");
        assert_eq!(months(14.0), "14 months");
        assert_eq!(months(1.0), "1 month");
        assert_eq!(months(14.26), "14.3 months");
    }

    #[test]
    fn formats_in_the_dot_format() {
        use crate::domain::input::with_number_format;
        with_number_format(NumberFormat::Dot, || {
            assert_eq!(money(1_234_567.6, "EUR"), "€1.234.568");
            assert_eq!(money(-12_300.0, "USD"), "-$12.300");
            assert_eq!(money(999.0, "USD"), "$999");
            assert_eq!(money(f64::NAN, "USD"), "not available");
            assert_eq!(money_short(1_260_000.0, "USD"), "$1,3M");
            assert_eq!(money_short(-350_000.0, "GBP"), "-£350k");
            assert_eq!(money_short(f64::NAN, "GBP"), "n/a");
            assert_eq!(percent(0.1234), "12,3%");
            assert_eq!(percent(f64::INFINITY), "not available");
            assert_eq!(months(14.0), "14 months");
            assert_eq!(months(14.26), "14,3 months");
        });
        assert_eq!(number_format(), NumberFormat::Comma);
    }

    #[test]
    fn formats_in_the_space_format() {
        use crate::domain::input::with_number_format;
        with_number_format(NumberFormat::Space, || {
            assert_eq!(money(1_234_567.6, "EUR"), "€1\u{a0}234\u{a0}568");
            assert_eq!(money(-12_300.0, "CHF"), "-CHF 12\u{a0}300");
            assert_eq!(money_short(1_260_000.0, "USD"), "$1,3M");
            assert_eq!(money_short(2_500_000_000.0, "EUR"), "€2,5bn");
            assert_eq!(percent(0.1234), "12,3%");
            assert_eq!(months(1.0), "1 month");
            assert_eq!(months(14.26), "14,3 months");
        });
        assert_eq!(number_format(), NumberFormat::Comma);
    }

    #[test]
    fn dates_read_the_same_everywhere() {
        assert_eq!(date_time(2026, 10, 27, 18, 4), "27 Nov 2026, 18:04");
        assert_eq!(date_time(2027, 0, 1, 0, 0), "1 Jan 2027, 00:00");
        assert_eq!(date_time(2026, 12, 1, 0, 0), "an unknown date");
        assert_eq!(date_time(2026, 1, 0, 0, 0), "an unknown date");
    }
}
