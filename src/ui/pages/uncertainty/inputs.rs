//! The simulation's uncertain inputs: a range per input, and the rank
//! correlations between them; read-only lists on a shared link.

use super::AddDriver;
use crate::domain::format;
use crate::domain::input::NumberKind;
use crate::domain::roi::RoiModel;
use crate::domain::uncertainty::{
    correlation_bounds, correlation_pairs, next_correlation, Analysis, Driver, Shape, Uncertain,
    MAX_CORRELATIONS,
};
use crate::ui::components::deferred::defer;
use crate::ui::components::number_field::{FieldErrors, NumberField};
use leptos::prelude::*;

#[component]
pub(super) fn RangeSummary(
    analysis: RwSignal<Analysis>,
    currency: Signal<String>,
) -> impl IntoView {
    let rows = move || {
        let c = currency.get();
        analysis
            .with(|a| crate::view::simulation::ranges(&a.inputs, &c))
            .into_iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.input}</th>
                        <td class="num">{r.low}</td>
                        <td class="num">{r.likely}</td>
                        <td class="num">{r.high}</td>
                        <td>{r.shape}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Uncertain inputs">
            <table class="table">
                <caption>"Uncertain inputs"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Input"</th>
                        <th scope="col" class="num">
                            "Low"
                        </th>
                        <th scope="col" class="num">
                            "Most likely"
                        </th>
                        <th scope="col" class="num">
                            "High"
                        </th>
                        <th scope="col">"Distribution"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub(super) fn RangeEditor(
    model: Signal<RoiModel>,
    analysis: RwSignal<Analysis>,
    currency: Signal<String>,
    errors: FieldErrors,
) -> impl IntoView {
    let drivers = RwSignal::new(
        analysis.with_untracked(|a| a.inputs.iter().map(|u| u.driver).collect::<Vec<_>>()),
    );
    let update = move |d: Driver, f: &dyn Fn(&mut Uncertain)| {
        analysis.update(|a| {
            if let Some(u) = a.inputs.iter_mut().find(|u| u.driver == d) {
                f(u)
            }
        })
    };
    let add = Callback::new(move |d: Driver| {
        let v = model.with_untracked(|m| d.get(m));
        analysis.update(|a| a.inputs.push(Uncertain::around(d, v)));
        drivers.update(|v| v.push(d));
    });
    view! {
        <For
            each=move || drivers.get()
            key=|d| d.id()
            children=move |d| {
                defer(move || {
                    let start = analysis
                        .with_untracked(|a| a.inputs.iter().find(|u| u.driver == d).cloned());
                    let Some(start) = start else { return ().into_any() };
                    let order_error = Memo::new(move |_| {
                        analysis
                            .with(|a| {
                                a.inputs
                                    .iter()
                                    .find(|u| u.driver == d)
                                    .and_then(|u| u.check().err())
                            })
                    });
                    let field = move |
                        which: &'static str,
                        label: &'static str,
                        value: f64,
                        set: fn(&mut Uncertain, f64)|
                    {
                        // Each range in a task of its own.
                        view! {
                            <NumberField
                                id=format!("range-{}-{which}", d.id())
                                label=format!("{label}: {}", d.label())
                                unit=Signal::derive(move || d.unit_label(&currency.get()))
                                help=""
                                kind=d.kind()
                                value=value
                                check=Callback::new(move |v| d.check(v))
                                on_valid=Callback::new(move |v| update(d, &|u| set(u, v)))
                                errors=errors
                            />
                        }
                    };
                    let shapes = Shape::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.id() selected=s == start.shape>
                                    {s.label()}
                                </option>
                            }
                        })
                        .collect_view();
                    let shape_id = format!("range-{}-shape", d.id());
                    let error_id = format!("range-{}-order", d.id());
                    view! {
                        <fieldset class="form-section range-row">
                            <legend>{d.label()}</legend>
                            <div class="form-grid">
                                {field("low", "Low", start.low, |u, v| u.low = v)}
                                {field("likely", "Most likely", start.likely, |u, v| u.likely = v)}
                                {field("high", "High", start.high, |u, v| u.high = v)}
                                <div class="field">
                                    <label class="field__label" for=shape_id.clone()>
                                        {format!("Distribution: {}", d.label())}
                                    </label>
                                    <select
                                        id=shape_id.clone()
                                        class="field__input"
                                        on:change=move |ev| {
                                            if let Some(s) = Shape::from_id(&event_target_value(&ev)) {
                                                update(d, &|u| u.shape = s);
                                            }
                                        }
                                    >
                                        {shapes}
                                    </select>
                                </div>
                            </div>
                            {move || {
                                order_error
                                    .get()
                                    .map(|_| {
                                        view! {
                                            <p class="field__error" role="alert" id=error_id.clone()>
                                                "Low must not be above most likely, nor most likely above high."
                                            </p>
                                        }
                                    })
                            }}
                            <button
                                type="button"
                                class="button button--quiet button--small"
                                aria-label=format!("Remove the range of {}", d.label())
                                on:click=move |_| {
                                    analysis.update(|a| a.inputs.retain(|u| u.driver != d));
                                    drivers.update(|v| v.retain(|x| *x != d));
                                }
                            >
                                "Remove"
                            </button>
                        </fieldset>
                    }
                        .into_any()
                })
            }
        />
        <AddDriver
            id="range-add".to_string()
            label="Input to make uncertain"
            button="Add a range"
            used=Signal::derive(move || drivers.get())
            on_add=add
        />
    }
}

/// Rank correlations between uncertain inputs: pick two, say how closely
/// they move together. Read-only on a shared link.
#[component]
pub(super) fn CorrelationEditor(
    analysis: RwSignal<Analysis>,
    errors: FieldErrors,
    editable: bool,
) -> impl IntoView {
    // Rebuilt as a whole when a correlation is added or removed, or when
    // the inputs that can be picked change.
    let version = RwSignal::new(0usize);
    let inputs = Memo::new(move |_| {
        analysis.with(|a| a.inputs.iter().map(|u| u.driver).collect::<Vec<_>>())
    });
    let problem =
        Memo::new(move |_| analysis.with(|a| correlation_pairs(&a.inputs, &a.correlations).err()));
    let add = move |_| {
        analysis.update(|a| {
            if let Some(c) = next_correlation(&a.inputs, &a.correlations) {
                a.correlations.push(c);
            }
        });
        version.update(|v| *v += 1);
    };
    let rows = move || {
        let v = version.get();
        let choices = inputs.get();
        let list = analysis.with_untracked(|a| a.correlations.clone());
        if !editable {
            return list
                .iter()
                .map(|c| {
                    view! {
                        <li>
                            {format!(
                                "{} with {}: {}",
                                c.a.label(),
                                c.b.label(),
                                format::signed_decimal(c.rho, 2),
                            )}
                        </li>
                    }
                })
                .collect_view()
                .into_any();
        }
        list.into_iter()
            .enumerate()
            .map(|(i, c)| {
                let choices = choices.clone();
                let pick = move |which: &'static str, current: Driver| {
                    let id = format!("corr-{v}-{i}-{which}");
                    let options = choices
                        .iter()
                        .map(|d| view! {
                            <option value=d.id() selected=*d == current>
                                {d.label()}
                            </option>
                        })
                        .collect_view();
                    let label = if which == "a" { format!("Correlation {}: first input", i + 1) } else { format!("Correlation {}: second input", i + 1) };
                    view! {
                        <div class="field">
                            <label class="field__label" for=id.clone()>
                                {label}
                            </label>
                            <select
                                id=id
                                class="field__input"
                                on:change=move |ev| {
                                    if let Some(d) = Driver::from_id(&event_target_value(&ev)) {
                                        analysis
                                            .update(|a| {
                                                if let Some(c) = a.correlations.get_mut(i) {
                                                    if which == "a" { c.a = d } else { c.b = d }
                                                }
                                            });
                                    }
                                }
                            >
                                {options}
                            </select>
                        </div>
                    }
                };
                view! {
                    <div class="team-row">
                        {pick("a", c.a)} {pick("b", c.b)}
                        <NumberField
                            id=format!("mc-corr-{v}-{i}")
                            label=format!("Correlation {}", i + 1)
                            unit=correlation_bounds().replace(" and ", " to ")
                            help="Above 0: a high draw of one mostly goes with a high draw of the other; below 0: with a low one; 0: no link."
                            kind=NumberKind::Plain
                            value=c.rho
                            check=Callback::new(|x: f64| {
                                use crate::domain::correlate::MAX_RHO;
                                if (-MAX_RHO..=MAX_RHO).contains(&x) {
                                    Ok(())
                                } else {
                                    Err(
                                        format!(
                                            "Enter from {}.",
                                            correlation_bounds().replace(" and ", " to "),
                                        ),
                                    )
                                }
                            })
                            on_valid=Callback::new(move |x: f64| {
                                analysis
                                    .update(|a| {
                                        if let Some(c) = a.correlations.get_mut(i) {
                                            c.rho = x;
                                        }
                                    })
                            })
                            errors=errors
                        />
                        <button
                            type="button"
                            class="button button--quiet"
                            aria-label=format!("Remove correlation {}", i + 1)
                            on:click=move |_| {
                                analysis
                                    .update(|a| {
                                        if i < a.correlations.len() {
                                            a.correlations.remove(i);
                                        }
                                    });
                                errors.update(|e| e.retain(|k, _| !k.starts_with("mc-corr-")));
                                version.update(|v| *v += 1);
                            }
                        >
                            "Remove"
                        </button>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    let shown = move || editable || analysis.with(|a| !a.correlations.is_empty());
    view! {
        <Show when=shown>
            <div class="correlations" role="group" aria-labelledby="correlations-heading">
                <h4 id="correlations-heading">"Inputs that move together"</h4>
                <p class="field__help">
                    "Benefits and adoption, or build time and team cost, seldom vary independently. A rank correlation reorders the draws so that they move together, without changing any input's range or shape (Iman and Conover's method)."
                </p>
                {move || {
                    if editable { rows().into_any() } else { view! { <ul>{rows}</ul> }.into_any() }
                }}
                {move || {
                    problem
                        .get()
                        .map(|e| {
                            view! {
                                <p class="field__error" role="alert">
                                    {format!("The simulation cannot run: {e}.")}
                                </p>
                            }
                        })
                }}
                <Show when=move || editable>
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=add
                        disabled=move || {
                            inputs.with(|d| d.len() < 2)
                                || analysis.with(|a| a.correlations.len() >= MAX_CORRELATIONS)
                        }
                    >
                        "Add a correlation"
                    </button>
                </Show>
            </div>
        </Show>
    }
}
