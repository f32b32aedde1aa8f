//! Small pieces every calculator page shows the same way.

use crate::route::Page;
use leptos::prelude::*;

/// The page of an editor whose saved document cannot be opened: why, and a
/// way to start a new one.
pub fn missing(
    title: &'static str,
    start: Page,
    start_label: &'static str,
    message: String,
) -> AnyView {
    view! {
        <section class="panel">
            <h1>{title}</h1>
            <p role="alert">{message}</p>
            <p>
                <a class="button" href=start.href()>
                    {start_label}
                </a>
            </p>
        </section>
    }
    .into_any()
}

/// One key figure of a results panel, or why it is not available.
pub fn figure(
    label: &'static str,
    value: Result<String, String>,
    note: Option<&'static str>,
) -> impl IntoView {
    let (text, unavailable) = match value {
        Ok(v) => (v, false),
        Err(why) => (format!("Not available: {why}."), true),
    };
    view! {
        <div class="figure" class:figure--unavailable=unavailable>
            <dt>{label}</dt>
            <dd>{text}</dd>
            {note.map(|n| view! { <dd class="figure__note">{n}</dd> })}
        </div>
    }
}

/// Why results are not shown while `n` fields of the form hold values that
/// are not valid (the model still has their last valid values).
/// `subject` is "Results are" or "The ranking is"; `object`, "them" or "it".
pub fn withheld(subject: &'static str, object: &'static str, n: usize) -> AnyView {
    view! {
        <p class="results__unavailable" role="alert">
            {format!(
                "{subject} unavailable while {n} {} not valid. Fix the highlighted {} to see {object} again.",
                if n == 1 { "input is" } else { "inputs are" },
                if n == 1 { "field" } else { "fields" },
            )}
        </p>
    }
    .into_any()
}
