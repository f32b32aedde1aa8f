//! The view for an address that names no page.

use leptos::prelude::*;

/// Says what was not found and offers the way home.
#[component]
pub fn NotFoundPage(
    /// The path that was asked for; shown as text.
    path: String,
) -> impl IntoView {
    view! {
        <section class="panel">
            <h1>"Page not found"</h1>
            <p>
                "There is no page at "
                <code>{if path.is_empty() { "/".to_string() } else { path }}</code>
                ". The link may be mistyped or from a newer version of Sextant."
            </p>
            <p>
                <a class="button" href="#/">
                    "Go to the home page"
                </a>
            </p>
        </section>
    }
}
