//! How sure is an ROI model: which assumption matters most (tornado),
//! named scenarios side by side, and a seeded Monte Carlo simulation that
//! runs in slices between frames, with progress and cancel.

use crate::domain::roi::RoiModel;
use crate::domain::uncertainty::{Analysis, Driver};
use crate::ui::components::deferred::Deferred;
use crate::ui::components::number_field::FieldErrors;
use leptos::prelude::*;
use std::collections::BTreeMap;

mod inputs;
mod results;
mod scenarios;
mod sensitivity;
mod simulation;

use scenarios::Scenarios;
use sensitivity::Sensitivity;
use simulation::MonteCarlo;

/// The uncertainty of a model. `editable` is false on a shared link's
/// read-only view, which shows the saved set-up as text.
#[component]
pub fn UncertaintyPanel(
    model: Signal<RoiModel>,
    analysis: RwSignal<Analysis>,
    /// False while the model's own inputs have errors.
    valid: Signal<bool>,
    editable: bool,
) -> impl IntoView {
    let errors: FieldErrors = RwSignal::new(BTreeMap::new());
    let currency = Signal::derive(move || model.with(|m| m.money.currency.clone()));
    view! {
        <section class="panel uncertainty" aria-labelledby="uncertainty-heading">
            <h2 id="uncertainty-heading">"How sure is this?"</h2>
            <p class="lede">
                "A single NPV hides how much it rests on guesses. See which assumption matters most, compare scenarios, and simulate the range of outcomes."
            </p>
            <Show
                when=move || valid.get()
                fallback=|| {
                    view! {
                        <p role="alert" class="results__unavailable">
                            "Unavailable until the model's inputs above are valid."
                        </p>
                    }
                }
            >
                <Sensitivity model=model analysis=analysis currency=currency errors=errors />
                // Each in a task of its own: the panel was one of 200-300 ms
                // at 4x CPU slowdown.
                <Deferred>
                    <Scenarios
                        model=model
                        analysis=analysis
                        currency=currency
                        errors=errors
                        editable=editable
                    />
                </Deferred>
                <Deferred>
                    <MonteCarlo
                        model=model
                        analysis=analysis
                        currency=currency
                        errors=errors
                        editable=editable
                    />
                </Deferred>
            </Show>
        </section>
    }
}

/// A drop-down of drivers not yet used, and an Add button.
#[component]
pub(super) fn AddDriver(
    id: String,
    label: &'static str,
    button: &'static str,
    used: Signal<Vec<Driver>>,
    on_add: Callback<Driver>,
) -> impl IntoView {
    let choice = RwSignal::new(String::new());
    let options = move || {
        let used = used.get();
        Driver::all()
            .into_iter()
            .filter(|d| !used.contains(d))
            .map(|d| view! { <option value=d.id()>{d.label()}</option> })
            .collect_view()
    };
    let add = move |_| {
        let used = used.get_untracked();
        let picked = Driver::from_id(&choice.get_untracked())
            .filter(|d| !used.contains(d))
            .or_else(|| Driver::all().into_iter().find(|d| !used.contains(d)));
        if let Some(d) = picked {
            on_add.run(d);
        }
    };
    view! {
        <div class="add-driver">
            <div class="field">
                <label class="field__label" for=id.clone()>
                    {label}
                </label>
                <select
                    id=id
                    class="field__input"
                    on:change=move |ev| choice.set(event_target_value(&ev))
                >
                    {options}
                </select>
            </div>
            <button type="button" class="button button--quiet" on:click=add>
                {button}
            </button>
        </div>
    }
}
