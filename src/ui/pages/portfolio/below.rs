//! The parts of a portfolio's page below its ranking table: "What fits",
//! the value-effort map and each project's editor; a module of their own
//! with `split`.

use super::project::ProjectEditor;
use crate::charts::value_effort::{BubbleLabel, ValueEffortChart};
use crate::charts::Chart;
use crate::domain::input::{format_input, parse_number, NumberKind};
use crate::domain::portfolio::{EffortAxis, Portfolio, ValueAxis};
use crate::ui::components::chart::ChartCanvas;
use crate::ui::components::number_field::FieldErrors;
use crate::view::portfolio as shown;
use leptos::prelude::*;

/// The parts of a portfolio's page below its ranking table: each project's
/// editor and the value-effort map. With `split` they are a module of their
/// own, fetched as soon as the page asks for them (the page's later bundle):
/// with them, the editor's own bundle made it open with 337 KB gzip, more than
/// the 300 KB a page should take.
#[derive(Clone, Copy)]
pub(super) struct Below {
    pub(super) project: fn(String, RwSignal<Portfolio>, FieldErrors) -> AnyView,
    pub(super) map: fn(RwSignal<Portfolio>, Npvs) -> AnyView,
    pub(super) fits: fn(RwSignal<Portfolio>, bool) -> AnyView,
}

/// Each project's attached NPV, if any, in the portfolio's order.
pub(super) type Npvs = Memo<Vec<Option<f64>>>;

const BELOW: Below = Below {
    project: project_editor,
    map: value_effort_map,
    fits: what_fits,
};

/// An amount that may be left empty ("no limit"), for the capacity.
fn optional_amount(
    id: &'static str,
    label: &'static str,
    unit: Signal<String>,
    start: Option<f64>,
    set: impl Fn(Option<f64>) + Send + Sync + 'static,
) -> AnyView {
    let error = RwSignal::new(None::<String>);
    let text = RwSignal::new(
        start
            .map(|v| format_input(v, NumberKind::Plain))
            .unwrap_or_default(),
    );
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label" for=id>
                {label}
                " "
                <span class="field__unit">{move || format!("({}, empty for no limit)", unit.get())}</span>
            </label>
            <input
                id=id
                class="field__input"
                type="text"
                inputmode="decimal"
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || text.get()
                on:input=move |ev| {
                    let t = event_target_value(&ev);
                    text.set(t.clone());
                    if t.trim().is_empty() {
                        error.set(None);
                        set(None);
                        return;
                    }
                    match parse_number(&t, NumberKind::Plain)
                        .and_then(|v| {
                            crate::domain::input::check_range(
                                v,
                                0.0,
                                1e12,
                                NumberKind::Plain,
                                false,
                            )
                            .map(|_| v)
                        })
                    {
                        Ok(v) => {
                            error.set(None);
                            set(Some(v));
                        }
                        Err(e) => error.set(Some(e)),
                    }
                }
            />
            {move || error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
        </div>
    }
    .into_any()
}

/// "What fits": a budget and person-months, and the projects that fit them
/// in the ranking's order ([`select`]).
fn what_fits(portfolio: RwSignal<Portfolio>, editable: bool) -> AnyView {
    let currency = Signal::derive(move || portfolio.with(|p| p.currency.clone()));
    let start = portfolio.with_untracked(|p| p.capacity);
    let inputs = editable.then(|| {
        view! {
            <div class="form-grid">
                {optional_amount(
                    "capacity-budget",
                    "Budget",
                    currency,
                    start.budget,
                    move |v| portfolio.update(|p| p.capacity.budget = v),
                )}
                {optional_amount(
                    "capacity-person-months",
                    "People's time",
                    Signal::derive(|| "person-months".to_string()),
                    start.person_months,
                    move |v| portfolio.update(|p| p.capacity.person_months = v),
                )}
            </div>
        }
    });
    let result = move || match portfolio.with(shown::fits) {
        Err(e) => view! {
            <p class="results__unavailable" role="alert">
                {e}
            </p>
        }
        .into_any(),
        Ok(f) => {
            let chosen = f
                .taken
                .into_iter()
                .map(|name| view! { <li>{name}</li> })
                .collect_view();
            let any_left = !f.left_out.is_empty();
            let left = f
                .left_out
                .into_iter()
                .map(|line| view! { <li>{line}</li> })
                .collect_view();
            view! {
                <h4>"Taken"</h4>
                <ol aria-label="Projects that fit">{chosen}</ol>
                <p>{f.totals}</p>
                {any_left
                    .then(|| {
                        view! {
                            <h4>"Left out"</h4>
                            <ul aria-label="Projects left out">{left}</ul>
                        }
                    })}
            }
            .into_any()
        }
    };
    view! {
        <section class="fits" aria-labelledby="fits-heading">
            <h3 id="fits-heading">"What fits"</h3>
            <p class="field__help">{move || shown::fits_help(portfolio.with(|p| p.method))}</p>
            {inputs}
            {result}
        </section>
    }
    .into_any()
}

split_point!(
    below_1,
    fn below_the_table() -> Below {
        BELOW
    }
);

/// Shows `build`'s part of [`Below`]: with `split`, "Loading…" until its
/// module is in, or that `what` could not be loaded, with "Try again".
pub(super) fn show_below(
    what: &'static str,
    build: impl Fn(Below) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let loaded = crate::ui::pages::Loaded::fetch(below_the_table);
    move || loaded.show(what, &build)
}

fn project_editor(id: String, portfolio: RwSignal<Portfolio>, errors: FieldErrors) -> AnyView {
    untrack(|| view! { <ProjectEditor id=id portfolio=portfolio errors=errors /> }.into_any())
}

/// The value-effort map of [`Ranking`]: its axes, the chart with its
/// description, and the projects it cannot place.
fn value_effort_map(portfolio: RwSignal<Portfolio>, npvs: Npvs) -> AnyView {
    let map = Memo::new(move |_| portfolio.with(|p| npvs.with(|n| shown::map(p, n))));
    let chart = Signal::derive(move || {
        Some(Chart::ValueEffort(ValueEffortChart::from_map(
            &map.get(),
            BubbleLabel::Name,
        )))
    });
    let description = Signal::derive(move || map.with(shown::map_description));
    let unplotted = move || {
        map.with(shown::unplotted)
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect_view()
    };
    let axis_select = move || {
        let value = portfolio.with(|p| p.value_axis);
        let effort = portfolio.with(|p| p.effort_axis);
        view! {
            <div class="form-grid">
                <div class="field">
                    <label class="field__label" for="map-value">
                        "Value axis"
                    </label>
                    <select
                        id="map-value"
                        class="field__input"
                        on:change=move |ev| {
                            if let Some(v) = ValueAxis::from_id(&event_target_value(&ev)) {
                                portfolio.update(|p| p.value_axis = v);
                            }
                        }
                    >
                        {[ValueAxis::Criteria, ValueAxis::Npv]
                            .into_iter()
                            .map(|v| {
                                view! {
                                    <option value=v.id() selected=v == value>
                                        {v.name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field__label" for="map-effort">
                        "Effort axis"
                    </label>
                    <select
                        id="map-effort"
                        class="field__input"
                        on:change=move |ev| {
                            if let Some(v) = EffortAxis::from_id(&event_target_value(&ev)) {
                                portfolio.update(|p| p.effort_axis = v);
                            }
                        }
                    >
                        {[EffortAxis::Criteria, EffortAxis::PersonMonths]
                            .into_iter()
                            .map(|v| {
                                view! {
                                    <option value=v.id() selected=v == effort>
                                        {v.name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
        }
    };
    view! {
        {axis_select}
        <figure class="chart-figure">
            <ChartCanvas data=chart description=description file_name="sextant-value-effort.png" />
            <figcaption>
                {description} " " {move || map.with(|m| format!("Bubble size: {}.", m.size_label))}
            </figcaption>
        </figure>
        <ul>{unplotted}</ul>
    }
    .into_any()
}
