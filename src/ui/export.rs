//! File names and dates for exports and lists.

/// A safe file-name stem from a document name: letters, digits and dashes.
pub fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out
        .trim_end_matches('-')
        .chars()
        .take(60)
        .collect::<String>();
    if out.is_empty() {
        "sextant".into()
    } else {
        out
    }
}

/// A time (ms since the epoch) in the reader's time zone: "27 Nov 2026,
/// 18:42". Read from the date's local fields rather than formatted with
/// `Intl`: the first `Intl` formatter a page builds loads locale data for
/// 30-70 ms of main thread (measured in headless Chromium), which every page
/// showing a date paid while opening.
pub fn when(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    if date.get_time().is_nan() {
        return "an unknown date".into();
    }
    crate::domain::format::date_time(
        date.get_full_year(),
        date.get_month(),
        date.get_date(),
        date.get_hours(),
        date.get_minutes(),
    )
}
