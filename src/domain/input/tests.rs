//! Reading and writing numbers in every number format.
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

const NB: &str = "\u{a0}";

#[test]
fn number_formats_have_ids_labels_and_marks() {
    assert_eq!(number_format(), NumberFormat::Comma);
    assert_eq!(NumberFormat::default(), NumberFormat::Comma);
    for f in NumberFormat::ALL {
        assert_eq!(NumberFormat::from_id(f.id()), Some(f));
    }
    assert_eq!(NumberFormat::from_id("semicolon"), None);
    assert_eq!(NumberFormat::from_id(""), None);
    assert_eq!(NumberFormat::Comma.label(), "1,234.5");
    assert_eq!(NumberFormat::Dot.label(), "1.234,5");
    assert_eq!(NumberFormat::Space.label(), format!("1{NB}234,5"));
    assert_eq!(NumberFormat::Comma.decimal_mark(), '.');
    assert_eq!(NumberFormat::Dot.decimal_mark(), ',');
    assert_eq!(NumberFormat::Space.decimal_mark(), ',');
    // Setting is undone by the helper, even for a nested call.
    with_number_format(NumberFormat::Dot, || {
        assert_eq!(number_format(), NumberFormat::Dot);
        with_number_format(NumberFormat::Space, || {
            assert_eq!(number_format(), NumberFormat::Space)
        });
        assert_eq!(number_format(), NumberFormat::Dot);
    });
    assert_eq!(number_format(), NumberFormat::Comma);
}

#[test]
fn a_browser_language_implies_a_format() {
    use NumberFormat::*;
    for (tag, want) in [
        ("de-DE", Dot),
        ("de", Dot),
        ("fr-FR", Space),
        ("en-US", Comma),
        ("en-GB", Comma),
        ("sv", Space),
        ("pt-BR", Dot),
        ("xx", Comma),
        ("", Comma),
        ("DE-de", Dot),
        ("fr_CA", Space),
        ("it-IT", Dot),
        ("nb-NO", Space),
        ("ru", Space),
        ("ja-JP", Comma),
        ("zh-Hans-CN", Comma),
        ("de-Latn-DE", Dot),
        // Exceptions by region, see from_language.
        ("de-CH", Comma),
        ("it-CH", Comma),
        ("de-LI", Comma),
        ("es-ES", Dot),
        ("es-MX", Comma),
        ("es-419", Comma),
        ("pt-PT", Space),
        ("en-ZA", Comma),
    ] {
        assert_eq!(NumberFormat::from_language(tag), want, "{tag:?}");
    }
}

#[test]
fn comma_format_reads_as_before() {
    use NumberKind::*;
    // Set explicitly, so this holds whatever the default becomes.
    with_number_format(NumberFormat::Comma, || {
        check("1,234.5", Plain, 1234.5);
        check("12,000", Plain, 12_000.0);
        check("1.5M", Plain, 1_500_000.0);
        check("15.5%", Percent, 0.155);
        check(&format!("1{NB}234.5"), Plain, 1234.5);
        assert_eq!(
            parse_number("1,5M", Plain).unwrap_err(),
            "“1,5M” is not a number."
        );
        // A German "1.234,5" is not read as 1.2345.
        assert!(parse_number("1.234,5", Plain).is_err());
        assert!(parse_number("1.5,000", Plain).is_err());
        assert!(parse_number("12.000", Plain)
            .unwrap_err()
            .contains("type 12,000 for the first"));
    });
}

#[test]
fn dot_format_groups_with_a_dot() {
    use NumberKind::*;
    with_number_format(NumberFormat::Dot, || {
        check("12.000", Plain, 12_000.0);
        check("1.234,5", Plain, 1234.5);
        check("1,5", Plain, 1.5);
        check("1.234.567,89", Plain, 1_234_567.89);
        check("€1.234.567,89", Plain, 1_234_567.89);
        check("-3,5k", Plain, -3500.0);
        check("1,5M", Plain, 1_500_000.0);
        check("2bn", Plain, 2e9);
        check("0,125", Plain, 0.125);
        check("12,5", Plain, 12.5);
        check("12,00", Plain, 12.0);
        check("1234,567", Plain, 1234.567);
        check("1.234,567", Plain, 1234.567);
        check(",5", Plain, 0.5);
        check("15,5%", Percent, 0.155);
        check("12,5", Percent, 0.125);
        check("15", Percent, 0.15);
        check("12,000", Percent, 0.12);
        // A suffix makes the scale plain: the comma is a decimal mark.
        check("1,500k", Plain, 1500.0);
        check("2026", Digits, 2026.0);
        check("12.000", Digits, 12_000.0);
        check("12,000", Digits, 12.0);
        // A comma before exactly three digits may be a thousands
        // separator to a reader used to 1,234.5: asked.
        assert_eq!(
            parse_number("12,000", Plain).unwrap_err(),
            "“12,000” could mean 12000 or 12: type 12.000 for the first, 12 for the second."
        );
        assert_eq!(
            parse_number("€1,500", Plain).unwrap_err(),
            "“€1,500” could mean 1500 or 1,5: type 1.500 for the first, 1,5 for the second."
        );
        assert!(parse_number("250,125", Plain).is_err());
        // A dot that cannot group thousands is a decimal mark in the
        // wrong format.
        assert_eq!(
            parse_number("1.5", Plain).unwrap_err(),
            "“1.5” is not a number in the 1.234,5 format: the decimal mark is a comma, as in 1,5."
        );
        assert_eq!(
            parse_number("12.5", Percent).unwrap_err(),
            "“12.5” is not a number in the 1.234,5 format: the decimal mark is a comma, as in 12,5."
        );
        assert_eq!(
            parse_number("1.5M", Plain).unwrap_err(),
            "“1.5M” is not a number in the 1.234,5 format: the decimal mark is a comma, as in 1,5M."
        );
        assert_eq!(
            parse_number("1,234.5", Plain).unwrap_err(),
            "“1,234.5” is not a number in the 1.234,5 format: the decimal mark is a comma, as in 1.234,5."
        );
        for bad in [
            "", "abc", "1.2.3", "1,2,3", "1.23,5", "12kk", "k", "--5", "NaN",
        ] {
            assert!(parse_number(bad, Plain).is_err(), "{bad:?} accepted");
        }
        assert!(parse_number("15%", Plain)
            .unwrap_err()
            .contains("not a percentage"));
        assert!(parse_number("2k", Percent).is_err());
    });
}

#[test]
fn space_format_groups_with_a_space() {
    use NumberKind::*;
    with_number_format(NumberFormat::Space, || {
        check("1 234,5", Plain, 1234.5);
        check(&format!("1{NB}234{NB}567,5"), Plain, 1_234_567.5);
        check("1\u{202f}234,5", Plain, 1234.5);
        check("1,5", Plain, 1.5);
        check("1.5", Plain, 1.5);
        check("12000", Plain, 12_000.0);
        check("12 000", Plain, 12_000.0);
        check("0,125", Plain, 0.125);
        check("0.125", Plain, 0.125);
        check("1234,567", Plain, 1234.567);
        check("1,5M", Plain, 1_500_000.0);
        check("1.5M", Plain, 1_500_000.0);
        check("-£3,5k", Plain, -3500.0);
        check("15,5%", Percent, 0.155);
        check("12,5 %", Percent, 0.125);
        check("12,000", Percent, 0.12);
        check("12.000", Percent, 0.12);
        check("2026", Digits, 2026.0);
        // Either mark before exactly three digits may group thousands to
        // a reader used to another format: asked.
        assert_eq!(
            parse_number("12.000", Plain).unwrap_err(),
            format!(
                "“12.000” could mean 12000 or 12: type 12{NB}000 for the first, 12 for the second."
            )
        );
        assert_eq!(
            parse_number("12,000", Plain).unwrap_err(),
            format!(
                "“12,000” could mean 12000 or 12: type 12{NB}000 for the first, 12 for the second."
            )
        );
        assert_eq!(
            parse_number("$1,500", Plain).unwrap_err(),
            format!(
                "“$1,500” could mean 1500 or 1,5: type 1{NB}500 for the first, 1,5 for the second."
            )
        );
        // Two marks: one of them groups, which this format does with a space.
        assert_eq!(
            parse_number("1,234.5", Plain).unwrap_err(),
            format!(
                "“1,234.5” is not a number in the 1{NB}234,5 format: group thousands with a space, as in 1{NB}234,5."
            )
        );
        assert!(parse_number("1.234,5", Plain).is_err());
        assert!(parse_number("1,234,567", Plain).is_err());
        for bad in ["", "abc", "12kk", "k", "--5", ",", "."] {
            assert!(parse_number(bad, Plain).is_err(), "{bad:?} accepted");
        }
    });
}

#[test]
fn writes_values_back_in_each_format() {
    use NumberKind::*;
    with_number_format(NumberFormat::Comma, || {
        assert_eq!(group_thousands("1234567.5"), "1,234,567.5");
        assert_eq!(format_input(62.125, Plain), "62.1250");
        assert_eq!(format_input(0.125, Percent), "12.5");
        assert_eq!(
            range_message(0.0, 0.905, Percent, false),
            "Enter from 0% to 90.5%."
        );
    });
    with_number_format(NumberFormat::Dot, || {
        assert_eq!(group_thousands("1234567.5"), "1.234.567,5");
        assert_eq!(group_thousands("-1234567"), "-1.234.567");
        assert_eq!(format_input(1_234_567.5, Plain), "1.234.567,5");
        assert_eq!(format_input(62.125, Plain), "62,1250");
        assert_eq!(format_input(-62.125, Plain), "-62,1250");
        assert_eq!(format_input(1000.0, Plain), "1.000");
        assert_eq!(format_input(0.125, Plain), "0,125");
        assert_eq!(format_input(0.125, Percent), "12,5");
        assert_eq!(format_input(0.15, Percent), "15");
        assert_eq!(format_input(2026.0, Digits), "2026");
        assert_eq!(
            range_message(0.0, 0.905, Percent, false),
            "Enter from 0% to 90,5%."
        );
        assert_eq!(
            range_message(1.0, 10_000.0, Plain, true),
            "Enter a whole number from 1 to 10.000."
        );
        assert_eq!(Unit::HoursPerRun.show(1.5, "EUR"), "1,5 hours / run");
    });
    with_number_format(NumberFormat::Space, || {
        assert_eq!(group_thousands("1234567.5"), format!("1{NB}234{NB}567,5"));
        assert_eq!(
            format_input(1_234_567.5, Plain),
            format!("1{NB}234{NB}567,5")
        );
        assert_eq!(format_input(62.125, Plain), "62,1250");
        assert_eq!(format_input(1000.0, Plain), format!("1{NB}000"));
        assert_eq!(format_input(0.0725, Percent), "7,25");
        assert_eq!(
            Unit::RunsPerMonth.show(1200.0, "EUR"),
            format!("1{NB}200 runs / month")
        );
    });
}

/// Whether `format_input(v)` reads back as `v`, in `kind` and every format.
fn reads_back(v: f64, kind: NumberKind) -> Result<(), String> {
    for format in NumberFormat::ALL {
        with_number_format(format, || {
            let text = format_input(v, kind);
            let got = parse_number(&text, kind)
                .map_err(|e| format!("{format:?} {kind:?} {v}: {text:?}: {e}"))?;
            if (got - v).abs() <= 1e-9 * v.abs().max(1e-300) {
                Ok(())
            } else {
                Err(format!("{format:?} {kind:?} {v}: {text:?} read as {got}"))
            }
        })?;
    }
    Ok(())
}

#[test]
fn every_format_reads_back_what_it_writes() {
    use NumberKind::*;
    let mut values = vec![
        0.0, 1.0, -1.0, 0.5, 12.0, 62.125, -62.125, 999.999, 1000.0, 1_234.567, 12_345.678, 0.001,
        0.125, 100.125, 1e9, 1e15, -250.5,
    ];
    // A few hundred more, of every size and up to six decimals.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..400i32 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let n = (x % 1_000_000_000_000) as f64;
        let scale = 10f64.powi(i % 7);
        values.push(if i % 2 == 0 { n / scale } else { -n / scale });
        values.push(((x >> 20) % 1_000_000) as f64 / scale);
    }
    for v in values {
        reads_back(v, Plain).unwrap();
        // A percent field shows at most six decimals of the percentage.
        reads_back(v / 100.0, Percent).unwrap();
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod round_trip {
    use super::{reads_back, NumberKind};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn format_input_reads_back_in_every_format(
            n in -1_000_000_000_000_000i64..1_000_000_000_000_000,
            decimals in 0i32..=6,
        ) {
            let v = n as f64 / 10f64.powi(decimals);
            prop_assert_eq!(reads_back(v, NumberKind::Plain), Ok(()));
            prop_assert_eq!(reads_back(v / 100.0, NumberKind::Percent), Ok(()));
        }
    }
}
