//! A line shown only on paper: what was printed, from where, and when.

use leptos::prelude::*;

/// "Printed from Sextant on <date>": hidden on screen.
#[component]
pub fn PrintStamp(
    /// What the printout is, e.g. the model's name.
    #[prop(into)]
    what: Signal<String>,
) -> impl IntoView {
    let date = js_sys::Date::new_0();
    let when = String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED));
    view! {
        <p class="print-only print-stamp">
            {move || format!("{} · printed from Sextant on {when}", what.get())}
        </p>
    }
}
