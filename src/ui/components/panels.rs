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
