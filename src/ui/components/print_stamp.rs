//! A line shown only on paper: what was printed, from where, and when.

use leptos::prelude::*;

/// "Printed from Sextant on <date>": hidden on screen.
#[component]
pub fn PrintStamp(
    /// What the printout is, e.g. the model's name.
    #[prop(into)]
    what: Signal<String>,
) -> impl IntoView {
    let when = crate::ui::export::when(js_sys::Date::now());
    view! {
        <p class="print-only print-stamp">
            {move || format!("{} · printed from Sextant on {when}", what.get())}
        </p>
    }
}
