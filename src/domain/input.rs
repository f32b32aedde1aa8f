//! Reading numbers the way people type them, and writing them back.
//!
//! Accepts "1200", "1,200", "1200.50", "$1,200", "12k", "1.5M", "2bn", "15%".
//! Percent fields take "15%" or "15" and mean 0.15.

/// How a field's number is read and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// A plain number or amount.
    Plain,
    /// A percentage: typed as 15 or 15%, stored as 0.15.
    Percent,
    /// A number that names rather than counts, such as a random seed: read
    /// as a plain number, written back without thousands separators.
    Digits,
}

/// What a numeric input measures, which decides how it is read, labelled
/// and shown. One list for every calculator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// An amount of money.
    Money,
    /// Money per month.
    MoneyPerMonth,
    /// Money per hour.
    MoneyPerHour,
    /// A percentage (stored as a fraction).
    Percent,
    /// A percentage per year.
    PercentPerYear,
    /// A number of months.
    Months,
    /// Hours per month.
    HoursPerMonth,
    /// Hours per run.
    HoursPerRun,
    /// Runs per month.
    RunsPerMonth,
    /// A number of people.
    People,
    /// A number of years.
    Years,
}

impl Unit {
    /// How the field's text is read.
    pub fn kind(self) -> NumberKind {
        match self {
            Unit::Percent | Unit::PercentPerYear => NumberKind::Percent,
            _ => NumberKind::Plain,
        }
    }

    /// The unit as shown beside the field.
    pub fn label(self, currency: &str) -> String {
        match self {
            Unit::Money => currency.to_string(),
            Unit::MoneyPerMonth => format!("{currency} / month"),
            Unit::MoneyPerHour => format!("{currency} / hour"),
            Unit::Percent => "%".into(),
            Unit::PercentPerYear => "% / year".into(),
            Unit::Months => "months".into(),
            Unit::HoursPerMonth => "hours / month".into(),
            Unit::HoursPerRun => "hours / run".into(),
            Unit::RunsPerMonth => "runs / month".into(),
            Unit::People => "people".into(),
            Unit::Years => "years".into(),
        }
    }

    /// A value in this unit, written for reading: "$25,000 / month", "12.0%".
    pub fn show(self, value: f64, currency: &str) -> String {
        use super::format::{money, months, percent};
        let plain = |v: f64| format_input(v, NumberKind::Plain);
        match self {
            Unit::Money => money(value, currency),
            Unit::MoneyPerMonth => format!("{} / month", money(value, currency)),
            Unit::MoneyPerHour => format!("{} / hour", money(value, currency)),
            Unit::Percent => percent(value),
            Unit::PercentPerYear => format!("{} / year", percent(value)),
            Unit::Months => months(value),
            Unit::HoursPerMonth => format!("{} hours / month", plain(value)),
            Unit::HoursPerRun => format!("{} hours / run", plain(value)),
            Unit::RunsPerMonth => format!("{} runs / month", plain(value)),
            Unit::People => format!("{} people", plain(value)),
            Unit::Years => format!("{} years", plain(value)),
        }
    }
}

/// One numeric input of a model `M`: its label, unit, range, help, and how to
/// read and write it. A calculator's form and its validation both use one
/// table of these. `S` is the form section it belongs to, `()` for the
/// inputs repeated per row (a team member, a stage).
pub struct Field<M, S = ()> {
    /// Stable id (also the HTML id, or its suffix for repeated rows).
    pub id: &'static str,
    /// Which group of the form it belongs to.
    pub section: S,
    /// Its label.
    pub label: &'static str,
    /// Its unit.
    pub unit: Unit,
    /// Smallest allowed value (fractions for percentages).
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Whole numbers only.
    pub integer: bool,
    /// One line of help.
    pub help: &'static str,
    /// Reads the value from a model.
    pub get: fn(&M) -> f64,
    /// Writes the value into a model.
    pub set: fn(&mut M, f64),
}

// By hand: derived, they would ask `M` to be Copy too.
impl<M, S: Copy> Clone for Field<M, S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<M, S: Copy> Copy for Field<M, S> {}

impl<M, S> Field<M, S> {
    /// Whether `value` is allowed, with the inline message when not.
    pub fn check(&self, value: f64) -> Result<(), String> {
        check_range(value, self.min, self.max, self.unit.kind(), self.integer)
    }
}

/// Parses what the user typed into a field of `kind`. The error says what is
/// wrong in words fit for an inline message.
pub fn parse_number(text: &str, kind: NumberKind) -> Result<f64, String> {
    let mut s: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect();
    if s.is_empty() {
        return Err("Enter a number.".into());
    }
    let negative = s.starts_with(['-', '−']);
    if negative {
        s = s.chars().skip(1).collect();
    }
    s = s.trim_start_matches(['$', '€', '£', '¥', '₹']).to_string();
    let percent = s.ends_with('%');
    if percent {
        if kind != NumberKind::Percent {
            return Err("This field is not a percentage; enter a plain number.".into());
        }
        s.pop();
    }
    let lower = s.to_ascii_lowercase();
    let (digits, multiplier) = if let Some(d) = lower.strip_suffix("bn") {
        (d.to_string(), 1e9)
    } else if let Some(d) = lower.strip_suffix('b') {
        (d.to_string(), 1e9)
    } else if let Some(d) = lower.strip_suffix('m') {
        (d.to_string(), 1e6)
    } else if let Some(d) = lower.strip_suffix('k') {
        (d.to_string(), 1e3)
    } else {
        (lower, 1.0)
    };
    if multiplier != 1.0 && kind == NumberKind::Percent {
        return Err("Enter a percentage such as 15 or 15%.".into());
    }
    if !valid_grouping(&digits) {
        return Err(format!("“{}” is not a number.", text.trim()));
    }
    if kind == NumberKind::Plain && multiplier == 1.0 && thousands_with_a_dot(&digits) {
        let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
        let decimals = frac.trim_end_matches('0');
        let small = if decimals.is_empty() {
            int.to_string()
        } else {
            format!("{int}.{decimals}")
        };
        return Err(format!(
            "“{}” could mean {int}{frac} or {small}: type {int},{frac} for the first, {small} for the second.",
            text.trim()
        ));
    }
    let plain: String = digits.chars().filter(|c| *c != ',').collect();
    if plain.is_empty() || plain == "." || !plain.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(format!("“{}” is not a number.", text.trim()));
    }
    let value = super::decimal::parse_decimal(&plain)
        .ok_or_else(|| format!("“{}” is not a number.", text.trim()))?;
    let value = value * multiplier * if negative { -1.0 } else { 1.0 };
    let value = if kind == NumberKind::Percent {
        value / 100.0
    } else {
        value
    };
    if value.is_finite() {
        Ok(value)
    } else {
        Err("That number is too large.".into())
    }
}

/// The inline message for a value outside `min..=max`, shown the way the
/// field is typed ("Enter from 0% to 90%.", "Enter a whole number from 1 to 10.").
pub fn range_message(min: f64, max: f64, kind: NumberKind, integer: bool) -> String {
    let show = |v: f64| match kind {
        NumberKind::Percent => format!("{}%", format_input(v, NumberKind::Percent)),
        other => format_input(v, other),
    };
    let whole = if integer { "a whole number " } else { "" };
    format!("Enter {whole}from {} to {}.", show(min), show(max))
}

/// Whether `value` is a finite number in `min..=max` (and whole when
/// `integer`), with the inline message when not. Every field table uses it.
pub fn check_range(
    value: f64,
    min: f64,
    max: f64,
    kind: NumberKind,
    integer: bool,
) -> Result<(), String> {
    if !value.is_finite() {
        return Err("Enter a number.".into());
    }
    if value < min || value > max || (integer && value.fract() != 0.0) {
        return Err(range_message(min, max, kind, integer));
    }
    Ok(())
}

/// Commas are allowed only as thousands separators: "1,200" but not "1,2".
/// Whether an amount reads as thousands grouped with a dot, as many
/// European locales write them ("12.000", "1.500"): no comma, one dot, one
/// to three digits before it and exactly three after. Read as a decimal it
/// would be a thousand times smaller than meant, so it is never taken
/// silently either way.
fn thousands_with_a_dot(s: &str) -> bool {
    match s.split_once('.') {
        Some((int, frac)) => {
            !s.contains(',')
                && (1..=3).contains(&int.len())
                && int != "0"
                && frac.len() == 3
                && s.chars().filter(|c| *c == '.').count() == 1
                && int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

fn valid_grouping(s: &str) -> bool {
    if !s.contains(',') {
        return true;
    }
    let int = s.split('.').next().unwrap_or("");
    let groups: Vec<&str> = int.split(',').collect();
    !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
}

/// Writes a value back into a field: no grouping surprises, at most a few decimals.
pub fn format_input(value: f64, kind: NumberKind) -> String {
    let v = if kind == NumberKind::Percent {
        value * 100.0
    } else {
        value
    };
    let rounded = (v * 1e6).round() / 1e6;
    let mut s = format!("{rounded}");
    if s == "-0" {
        s = "0".into();
    }
    match kind {
        // "62.125" would be asked about when read back (a dot may group
        // thousands); "62.1250" is not.
        NumberKind::Plain if thousands_with_a_dot(s.trim_start_matches('-')) => s + "0",
        NumberKind::Plain => group_thousands(&s),
        NumberKind::Percent | NumberKind::Digits => s,
    }
}

/// "1234567.5" → "1,234,567.5".
pub fn group_thousands(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, kind: NumberKind, expected: f64) {
        let got = parse_number(text, kind).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert!(
            (got - expected).abs() <= 1e-9 * expected.abs().max(1.0),
            "{text:?}: {got} != {expected}"
        );
    }

    #[test]
    fn units_say_how_they_are_read_and_shown() {
        assert_eq!(Unit::PercentPerYear.kind(), NumberKind::Percent);
        assert_eq!(Unit::RunsPerMonth.kind(), NumberKind::Plain);
        assert_eq!(Unit::MoneyPerHour.label("€"), "€ / hour");
        assert_eq!(Unit::HoursPerRun.show(1.5, "EUR"), "1.5 hours / run");
        assert_eq!(Unit::RunsPerMonth.show(1200.0, "EUR"), "1,200 runs / month");
        assert_eq!(Unit::Years.show(3.0, "EUR"), "3 years");
    }

    #[test]
    fn a_field_checks_its_range_and_wholeness() {
        struct M(f64);
        let field: Field<M> = Field {
            id: "runs",
            section: (),
            label: "Runs",
            unit: Unit::RunsPerMonth,
            min: 1.0,
            max: 100.0,
            integer: true,
            help: "",
            get: |m| m.0,
            set: |m, v| m.0 = v,
        };
        assert_eq!(field.check(12.0), Ok(()));
        assert!(field.check(0.0).is_err());
        assert!(field.check(2.5).unwrap_err().contains("whole number"));
        let mut m = M(1.0);
        (field.set)(&mut m, 7.0);
        assert_eq!((field.get)(&m), 7.0);
    }

    #[test]
    fn reads_what_people_type() {
        use NumberKind::*;
        check("1200", Plain, 1200.0);
        check("1,200", Plain, 1200.0);
        check("1200.50", Plain, 1200.5);
        check(" 12k ", Plain, 12_000.0);
        check("1.5M", Plain, 1_500_000.0);
        check("2bn", Plain, 2e9);
        check("$1,234,567.89", Plain, 1_234_567.89);
        check("-3.5k", Plain, -3500.0);
        check("15%", Percent, 0.15);
        check("15", Percent, 0.15);
        check("7.25 %", Percent, 0.0725);
        check(".5", Plain, 0.5);
    }

    #[test]
    fn refuses_the_rest_with_a_reason() {
        use NumberKind::*;
        for bad in [
            "", "abc", "1,2", "12kk", "1.2.3", "1e999", "NaN", "inf", "--5", "k",
        ] {
            assert!(parse_number(bad, Plain).is_err(), "{bad:?} accepted");
        }
        assert!(parse_number("15%", Plain)
            .unwrap_err()
            .contains("not a percentage"));
        assert!(parse_number("2k", Percent).is_err());
        assert_eq!(parse_number("", Plain).unwrap_err(), "Enter a number.");
        // A dot before exactly three digits may be a thousands separator:
        // asked, never read silently as a thousand times less.
        assert_eq!(
            parse_number("12.000", Plain).unwrap_err(),
            "“12.000” could mean 12000 or 12: type 12,000 for the first, 12 for the second."
        );
        assert_eq!(
            parse_number("€1.500", Plain).unwrap_err(),
            "“€1.500” could mean 1500 or 1.5: type 1,500 for the first, 1.5 for the second."
        );
        assert!(parse_number("250.125", Plain).is_err());
        // Unambiguous forms read as before.
        assert_eq!(parse_number("12,000", Plain), Ok(12_000.0));
        assert_eq!(parse_number("12000", Plain), Ok(12_000.0));
        assert_eq!(parse_number("12.5", Plain), Ok(12.5));
        assert_eq!(parse_number("12.00", Plain), Ok(12.0));
        assert_eq!(parse_number("0.125", Plain), Ok(0.125));
        assert_eq!(parse_number("1,234.567", Plain), Ok(1_234.567));
        assert_eq!(parse_number("1234.567", Plain), Ok(1_234.567));
        assert_eq!(parse_number("12.000", Percent), Ok(0.12));
        // What a field shows reads back as itself.
        for v in [62.125, -1.5, 12.0, 1_234.567, 999.999, 0.001] {
            assert_eq!(parse_number(&format_input(v, Plain), Plain), Ok(v), "{v}");
        }
        assert_eq!(format_input(62.125, Plain), "62.1250");
    }

    #[test]
    fn writes_values_back_readably() {
        assert_eq!(format_input(1_234_567.5, NumberKind::Plain), "1,234,567.5");
        assert_eq!(format_input(0.15, NumberKind::Percent), "15");
        assert_eq!(format_input(0.0725, NumberKind::Percent), "7.25");
        assert_eq!(format_input(-0.0, NumberKind::Plain), "0");
        assert_eq!(format_input(2026.0, NumberKind::Digits), "2026");
        assert_eq!(parse_number("2026", NumberKind::Digits), Ok(2026.0));
        for v in [0.0, 1.0, 999.0, 1000.0, 12_345.678, 1e9] {
            let text = format_input(v, NumberKind::Plain);
            check(&text, NumberKind::Plain, v);
        }
    }
}
