//! Reading numbers the way people type them, and writing them back.
//!
//! Accepts "1200", "1,200", "1200.50", "$1,200", "12k", "1.5M", "2bn", "15%".
//! Percent fields take "15%" or "15" and mean 0.15. Which marks group
//! thousands and which one is the decimal mark follows the reader's
//! [`NumberFormat`] ("1,234.5", "1.234,5" or "1 234,5"), see [`parse_number`].

use std::cell::Cell;

/// How numbers are written: which mark groups thousands and which is the
/// decimal mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum NumberFormat {
    /// 1,234.5 (English and many others). The default.
    #[default]
    Comma,
    /// 1.234,5 (German, Italian, Spanish, Dutch, Portuguese, Danish,
    /// Turkish, Indonesian...).
    Dot,
    /// 1 234,5 (French, Swedish, Norwegian, Finnish, Polish, Czech,
    /// Russian...); the space is a no-break space (U+00A0) when shown.
    Space,
}

/// The no-break space that groups thousands in [`NumberFormat::Space`].
const NBSP: char = '\u{a0}';

impl NumberFormat {
    /// Every format, in the order a choice lists them.
    pub const ALL: [NumberFormat; 3] =
        [NumberFormat::Comma, NumberFormat::Dot, NumberFormat::Space];

    /// The stable id kept in settings: "comma", "dot", "space".
    pub fn id(self) -> &'static str {
        match self {
            NumberFormat::Comma => "comma",
            NumberFormat::Dot => "dot",
            NumberFormat::Space => "space",
        }
    }

    /// The format with this [`id`](NumberFormat::id); `None` for anything else.
    pub fn from_id(id: &str) -> Option<NumberFormat> {
        NumberFormat::ALL.into_iter().find(|f| f.id() == id)
    }

    /// A sample number in this format, as a choice shows it: "1,234.5",
    /// "1.234,5", "1 234,5" (the last with a no-break space).
    pub fn label(self) -> &'static str {
        match self {
            NumberFormat::Comma => "1,234.5",
            NumberFormat::Dot => "1.234,5",
            NumberFormat::Space => "1\u{a0}234,5",
        }
    }

    /// The format a browser language tag implies ("de-DE" → Dot, "fr" →
    /// Space, "en-GB" → Comma). Case does not matter, and "_" may stand for
    /// "-". Mostly the language alone decides; the region does where a
    /// country writes numbers differently from the language's home:
    ///
    /// - Swiss and Liechtenstein German and Swiss Italian ("de-CH", "de-LI",
    ///   "it-CH") group with an apostrophe (1'234.5); the decimal mark is a
    ///   dot, so they get Comma, the nearest of the three.
    /// - Spanish in Mexico, the United States and Latin America as a whole
    ///   ("es-MX", "es-US", "es-419") writes 1,234.5: Comma. Other Spanish
    ///   is Dot.
    /// - Portuguese in Portugal ("pt-PT") groups with a space: Space. Other
    ///   Portuguese ("pt", "pt-BR") is Dot.
    ///
    /// Anything unknown or empty is Comma. Kept simple: English is Comma
    /// everywhere, although South Africa ("en-ZA") writes 1 234,5.
    pub fn from_language(tag: &str) -> NumberFormat {
        let tag = tag.trim().to_ascii_lowercase();
        let mut subtags = tag.split(['-', '_']);
        let language = subtags.next().unwrap_or("");
        // The region is the first later subtag of two letters or three
        // digits ("de-Latn-DE", "es-419"); scripts have four letters.
        let region = subtags
            .find(|s| {
                (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
                    || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
            })
            .unwrap_or("");
        // Tables rather than a match of string patterns: the same answer in
        // a fraction of the code every page carries.
        const COMMA_HERE: &[(&str, &str)] = &[
            ("de", "ch"),
            ("it", "ch"),
            ("de", "li"),
            ("es", "mx"),
            ("es", "us"),
            ("es", "419"),
        ];
        const DOT: &[&str] = &[
            "de", "it", "es", "nl", "pt", "da", "tr", "id", "el", "ro", "hr", "sl", "sr", "bs",
            "mk", "vi", "is", "ca", "gl",
        ];
        const SPACE: &[&str] = &[
            "fr", "sv", "nb", "nn", "no", "fi", "pl", "cs", "sk", "ru", "uk", "be", "bg", "hu",
            "lt", "lv", "et",
        ];
        if COMMA_HERE.contains(&(language, region)) {
            NumberFormat::Comma
        } else if (language, region) == ("pt", "pt") || SPACE.contains(&language) {
            NumberFormat::Space
        } else if DOT.contains(&language) {
            NumberFormat::Dot
        } else {
            NumberFormat::Comma
        }
    }

    /// The decimal mark: '.' for Comma, ',' for Dot and Space.
    pub fn decimal_mark(self) -> char {
        match self {
            NumberFormat::Comma => '.',
            NumberFormat::Dot | NumberFormat::Space => ',',
        }
    }

    /// The mark shown between groups of thousands: ',' for Comma, '.' for
    /// Dot, a no-break space (U+00A0) for Space.
    pub fn group_mark(self) -> char {
        match self {
            NumberFormat::Comma => ',',
            NumberFormat::Dot => '.',
            NumberFormat::Space => NBSP,
        }
    }
}

thread_local! {
    /// The reader's format. The app runs on one thread; native tests each
    /// run on a thread of their own, so each starts at the default.
    static NUMBER_FORMAT: Cell<NumberFormat> = const { Cell::new(NumberFormat::Comma) };
}

/// The format used on this thread by [`parse_number`], [`format_input`],
/// [`group_thousands`] and the functions of [`super::format`]. Comma until
/// [`set_number_format`] says otherwise.
pub fn number_format() -> NumberFormat {
    NUMBER_FORMAT.with(Cell::get)
}

/// Sets the format used on this thread from now on (see [`number_format`]).
pub fn set_number_format(f: NumberFormat) {
    NUMBER_FORMAT.with(|c| c.set(f));
}

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
    /// Stable id, unique in its table.
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

/// Parses what the user typed into a field of `kind`, in the current
/// [`number_format`]. The error says what is wrong in words fit for an
/// inline message.
///
/// In every format: spaces of any kind (including U+00A0 and U+202F) and
/// "_" are ignored; a leading "-" or "−", then "$", "€", "£", "¥" or "₹",
/// may come first; a Percent field takes a trailing "%" (any other field
/// refuses it) and reads "15" or "15%" as 0.15; a Plain or Digits field
/// takes a suffix "k" (thousand), "m" (million), "b" or "bn" (billion), in
/// either case; a Percent field refuses suffixes.
///
/// - **Comma** (1,234.5): "," groups thousands (a first group of one to
///   three digits, then groups of exactly three), "." is the decimal mark.
///   In a Plain field without a suffix, one dot between one to three digits
///   (not "0") and exactly three ("12.000", "€1.500") may be thousands
///   grouped with a dot: it is refused with a question ("“12.000” could
///   mean 12000 or 12: type 12,000 for the first, 12 for the second.").
///   "1,5" and "1,5M" are not numbers.
/// - **Dot** (1.234,5): "." groups thousands (same groups), "," is the
///   decimal mark: "12.000" is 12000, "1.234,5" is 1234.5, "1,5M" is
///   1,500,000, "15,5%" is 0.155. In a Plain field without a suffix,
///   "12,000" (one comma between one to three digits, not "0", and exactly
///   three, no dot) is refused with a question ("“12,000” could mean 12000
///   or 12: type 12.000 for the first, 12 for the second."). A dot that
///   cannot be grouping ("1.5", "12.5" in a Percent field) is refused
///   because the decimal mark is a comma ("“1.5” is not a number in the
///   1.234,5 format: the decimal mark is a comma, as in 1,5."); so is a dot
///   after the comma ("1,234.5").
/// - **Space** (1 234,5): spaces group thousands, "," is the decimal mark,
///   and "." is taken as a decimal mark too ("1.5" is 1.5): at most one of
///   the two marks, else the number is refused with a pointer to the
///   format. In a Plain field without a suffix, one mark of either kind
///   between one to three digits (not "0") and exactly three ("12.000",
///   "12,000") is refused with a question ("… could mean 12000 or 12: type
///   12 000 for the first, 12 for the second."), since a reader used to
///   1,234.5 or 1.234,5 may have typed it to mean thousands.
///
/// A Digits field (a seed) reads like a Plain one in the current format
/// but never asks; plain digits read the same in every format.
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
    let text = text.trim();
    let not_a_number = || format!("“{text}” is not a number.");
    // Only a bare Plain amount may be thousands in disguise: a suffix or a
    // percentage makes the scale plain.
    let may_ask = kind == NumberKind::Plain && multiplier == 1.0;
    let format = number_format();
    let plain = match format {
        NumberFormat::Comma => {
            if !valid_grouping(&digits, ',', '.') {
                return Err(not_a_number());
            }
            if may_ask && looks_grouped(&digits, '.') {
                return Err(ask(text, &digits, '.', format));
            }
            digits.replace(',', "")
        }
        NumberFormat::Dot => {
            let (int, frac) = digits.split_once(',').unwrap_or((&digits, ""));
            if frac.contains('.') {
                return Err(wrong_decimal_mark(text, "1.234,5"));
            }
            if !valid_grouping(int, '.', ',') {
                return Err(
                    if digits.matches('.').count() == 1 && !digits.contains(',') {
                        wrong_decimal_mark(text, &text.replace('.', ","))
                    } else {
                        not_a_number()
                    },
                );
            }
            if may_ask && looks_grouped(&digits, ',') {
                return Err(ask(text, &digits, ',', format));
            }
            digits.replace('.', "").replace(',', ".")
        }
        NumberFormat::Space => {
            if digits.matches([',', '.']).count() > 1 {
                return Err(format!(
                    "“{text}” is not a number in the {} format: group thousands with a space, as in {}.",
                    format.label(),
                    format.label()
                ));
            }
            for mark in [',', '.'] {
                if may_ask && looks_grouped(&digits, mark) {
                    return Err(ask(text, &digits, mark, format));
                }
            }
            digits.replace(',', ".")
        }
    };
    if plain.is_empty() || plain == "." || !plain.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(not_a_number());
    }
    let value = super::decimal::parse_decimal(&plain).ok_or_else(not_a_number)?;
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

/// The question for an amount that [`looks_grouped`] with `mark`: "“12.000”
/// could mean 12000 or 12: type 12,000 for the first, 12 for the second.",
/// both answers written in `format`.
fn ask(text: &str, digits: &str, mark: char, format: NumberFormat) -> String {
    let (int, frac) = digits.split_once(mark).unwrap_or((digits, ""));
    let decimals = frac.trim_end_matches('0');
    let small = if decimals.is_empty() {
        int.to_string()
    } else {
        format!("{int}{}{decimals}", format.decimal_mark())
    };
    let big = format!("{int}{}{frac}", format.group_mark());
    format!("“{text}” could mean {int}{frac} or {small}: type {big} for the first, {small} for the second.")
}

/// The refusal of a dot used as a decimal mark in the Dot format, with
/// `example` written right.
fn wrong_decimal_mark(text: &str, example: &str) -> String {
    format!(
        "“{text}” is not a number in the {} format: the decimal mark is a comma, as in {example}.",
        NumberFormat::Dot.label()
    )
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

/// Whether an amount reads as thousands grouped with `mark` ("12.000",
/// "1.500" with a dot; "12,000" with a comma): one `mark` and nothing else
/// but digits, one to three digits before it (not "0") and exactly three
/// after. Read with `mark` as the decimal mark it would be a thousand times
/// smaller than if read as grouping, so where `mark` could be taken either
/// way it is never taken silently.
fn looks_grouped(s: &str, mark: char) -> bool {
    match s.split_once(mark) {
        Some((int, frac)) => {
            (1..=3).contains(&int.len())
                && int != "0"
                && frac.len() == 3
                && int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// `group` is allowed only as a thousands separator, before the decimal
/// mark `decimal`: "1,200" but not "1,2" (with `group` a comma).
fn valid_grouping(s: &str, group: char, decimal: char) -> bool {
    if !s.contains(group) {
        return true;
    }
    // A grouping mark after the decimal mark ("1.234,5" read in the 1,234.5
    // format) is another format's number, never a fraction.
    if s.split_once(decimal)
        .is_some_and(|(_, frac)| frac.contains(group))
    {
        return false;
    }
    let int = s.split(decimal).next().unwrap_or("");
    let groups: Vec<&str> = int.split(group).collect();
    !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
}

/// Writes a value back into a field in the current [`number_format`], so
/// that reading it back in the same format gives the same value (to six
/// decimals) without a question: at most six decimals, Plain values grouped
/// by thousands, Percent and Digits values not grouped.
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
        // "62.125" (or "62,125" in the Dot and Space formats) would be
        // asked about when read back, since the mark may group thousands;
        // "62.1250" is not.
        NumberKind::Plain if looks_grouped(s.trim_start_matches('-'), '.') => {
            group_thousands(&s) + "0"
        }
        NumberKind::Plain => group_thousands(&s),
        NumberKind::Percent | NumberKind::Digits => {
            s.replace('.', &number_format().decimal_mark().to_string())
        }
    }
}

/// A Rust-formatted number in the current [`number_format`]: "1234567.5" →
/// "1,234,567.5", "1.234.567,5" or "1 234 567,5" (with no-break spaces).
pub fn group_thousands(s: &str) -> String {
    let format = number_format();
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
            out.push(format.group_mark());
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}{}{f}", format.decimal_mark()),
        None => format!("{sign}{out}"),
    }
}

/// Runs `body` with the number format set to `format`, then puts back the
/// one before (also when `body` panics).
#[cfg(test)]
pub(crate) fn with_number_format<T>(format: NumberFormat, body: impl FnOnce() -> T) -> T {
    struct Restore(NumberFormat);
    impl Drop for Restore {
        fn drop(&mut self) {
            set_number_format(self.0);
        }
    }
    let _restore = Restore(number_format());
    set_number_format(format);
    body()
}

#[cfg(test)]
mod tests;
