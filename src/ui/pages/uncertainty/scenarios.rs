//! Named scenarios side by side: the editor of each, the table of figures
//! and the chart of cumulative cash flows.

use super::AddDriver;
use crate::charts::Chart;
use crate::domain::roi::RoiModel;
use crate::domain::uncertainty::{scenario_name_error, Analysis, Driver, Scenario};
use crate::persist::limits::MAX_SCENARIOS;
use crate::ui::components::chart::ChartCanvas;
use crate::ui::components::deferred::Deferred;
use crate::ui::components::number_field::{FieldErrors, NumberField};
use crate::view::scenarios as shown;
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub(super) fn Scenarios(
    model: Signal<RoiModel>,
    analysis: RwSignal<Analysis>,
    currency: Signal<String>,
    errors: FieldErrors,
    editable: bool,
) -> impl IntoView {
    // Scenarios keyed by a local serial, so removing one keeps the others' text.
    let next = StoredValue::new(analysis.with_untracked(|a| a.scenarios.len()));
    let keys = RwSignal::new((0..next.get_value()).collect::<Vec<usize>>());
    let index_of = move |key: usize| keys.with_untracked(|k| k.iter().position(|x| *x == key));
    let full = move || analysis.with(|a| a.scenarios.len() >= MAX_SCENARIOS);
    let add_scenario = move |copy_of: Option<usize>| {
        if full() {
            return;
        }
        let key = next.get_value();
        next.set_value(key + 1);
        analysis.update(|a| {
            let s = shown::new_scenario(&a.scenarios, copy_of);
            a.scenarios.push(s);
        });
        keys.update(|k| k.push(key));
    };

    let evaluated =
        Memo::new(move |_| model.with(|m| analysis.with(|a| shown::evaluate(m, &a.scenarios))));
    let table = move || {
        let c = currency.get();
        let (head, body) = evaluated.with(|e| {
            let head = e
                .iter()
                .map(|(name, _)| {
                    view! {
                        <th scope="col" class="num">
                            {name.clone()}
                        </th>
                    }
                })
                .collect_view();
            (head, shown::table(e, &c))
        });
        let body = body
            .into_iter()
            .map(|row| {
                let cells = row
                    .cells
                    .into_iter()
                    .map(|text| view! { <td class="num">{text}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{row.label}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table">
                <caption>"Scenarios side by side"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Figure"</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
    };
    let chart = Signal::derive(move || {
        let c = currency.get();
        Some(Chart::Scenarios(evaluated.with(|e| shown::chart(e, &c))))
    });
    let description = Signal::derive(move || {
        let c = currency.get();
        evaluated.with(|e| shown::description(e, &c))
    });

    let editor = editable.then(|| {
        view! {
            <For
                each=move || keys.get()
                key=|k| *k
                children=move |key| {
                    view! {
                        <Deferred>
                            <ScenarioEditor
                                key=key
                                model=model
                                index_of=index_of
                                analysis=analysis
                                currency=currency
                                errors=errors
                                on_remove=Callback::new(move |_| {
                                    if let Some(i) = index_of(key) {
                                        analysis
                                            .update(|a| {
                                                a.scenarios.remove(i);
                                            });
                                        keys.update(|k| {
                                            k.remove(i);
                                        });
                                    }
                                })
                                on_copy=Callback::new(move |_| add_scenario(index_of(key)))
                            />
                        </Deferred>
                    }
                }
            />
            <button
                type="button"
                class="button button--quiet"
                on:click=move |_| add_scenario(None)
                disabled=full
            >
                "Add a scenario"
            </button>
            <Show when=full>
                <p class="field__help" role="status">
                    {format!("An analysis holds up to {MAX_SCENARIOS} scenarios.")}
                </p>
            </Show>
        }
    });
    let summary = (!editable).then_some({
        move || {
            let c = currency.get();
            analysis.with(|a| {
                a.scenarios
                    .iter()
                    .map(|s| {
                        view! {
                            <li>
                                <strong>{s.name.clone()}</strong>
                                ": "
                                {shown::changes(s, &c)}
                            </li>
                        }
                    })
                    .collect_view()
            })
        }
    });
    view! {
        <section class="uncertainty__part" aria-labelledby="scenarios-heading">
            <h3 id="scenarios-heading">"Scenarios"</h3>
            <p>
                "Each scenario changes some inputs of the model as entered (the base). Add as many as you need."
            </p>
            {editor}
            {summary.map(|s| view! { <ul>{s}</ul> })}
            <Deferred>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Scenarios table">
                    {table}
                </div>
            </Deferred>
            <Deferred>
                <figure class="chart-figure">
                    <ChartCanvas
                        data=chart
                        description=description
                        file_name="sextant-scenarios.png"
                    />
                    <figcaption>{description}</figcaption>
                </figure>
            </Deferred>
        </section>
    }
}

#[component]
fn ScenarioEditor(
    key: usize,
    model: Signal<RoiModel>,
    index_of: impl Fn(usize) -> Option<usize> + Copy + Send + Sync + 'static,
    analysis: RwSignal<Analysis>,
    currency: Signal<String>,
    errors: FieldErrors,
    on_remove: Callback<()>,
    on_copy: Callback<()>,
) -> impl IntoView {
    let start =
        index_of(key).and_then(|i| analysis.with_untracked(|a| a.scenarios.get(i).cloned()));
    let start = start.unwrap_or(Scenario {
        name: String::new(),
        overrides: BTreeMap::new(),
    });
    let name = RwSignal::new(start.name.clone());
    let name_id = format!("scenario-{key}-name");
    let name_error_id = format!("scenario-{key}-name-error");
    let name_error = Memo::new(move |_| {
        let i = index_of(key)?;
        analysis.with(|a| scenario_name_error(&a.scenarios, i))
    });
    let drivers = RwSignal::new(
        start
            .overrides
            .keys()
            .filter_map(|id| Driver::from_id(id))
            .collect::<Vec<Driver>>(),
    );
    let update = move |f: &dyn Fn(&mut Scenario)| {
        if let Some(i) = index_of(key) {
            analysis.update(|a| {
                if let Some(s) = a.scenarios.get_mut(i) {
                    f(s)
                }
            });
        }
    };
    let described = {
        let e = name_error_id.clone();
        move || name_error.with(Option::is_some).then(|| e.clone())
    };
    view! {
        <fieldset class="form-section scenario">
            <legend>{move || format!("Scenario: {}", name.get())}</legend>
            <div class="field" class:field--invalid=move || name_error.with(Option::is_some)>
                <label class="field__label" for=name_id.clone()>
                    "Scenario name"
                </label>
                <input
                    id=name_id.clone()
                    class="field__input"
                    type="text"
                    maxlength=crate::persist::limits::MAX_LABEL.to_string()
                    aria-invalid=move || name_error.with(Option::is_some).to_string()
                    aria-describedby=described
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        name.set(v.clone());
                        update(&|s| s.name = v.clone());
                    }
                />
                {move || {
                    name_error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="field__error" id=name_error_id.clone()>
                                    {e}
                                </p>
                            }
                        })
                }}
            </div>
            <For
                each=move || drivers.get()
                key=|d| d.id()
                children=move |d| {
                    let value = index_of(key)
                        .and_then(|i| {
                            analysis
                                .with_untracked(|a| {
                                    a.scenarios.get(i).and_then(|s| s.overrides.get(d.id()).copied())
                                })
                        })
                        .unwrap_or(0.0);
                    view! {
                        <div class="override-row">
                            <NumberField
                                id=format!("scenario-{key}-{}", d.id())
                                label=Signal::derive(move || format!("{} ({})", d.label(), name.get()))
                                unit=Signal::derive(move || d.unit_label(&currency.get()))
                                help=""
                                kind=d.kind()
                                value=value
                                check=Callback::new(move |v| d.check(v))
                                on_valid=Callback::new(move |v| {
                                    update(&|s| {
                                        s.overrides.insert(d.id().to_string(), v);
                                    })
                                })
                                errors=errors
                            />
                            <button
                                type="button"
                                class="button button--quiet button--small"
                                aria-label=move || format!("Remove {} from {}", d.label(), name.get())
                                on:click=move |_| {
                                    update(&|s| {
                                        s.overrides.remove(d.id());
                                    });
                                    drivers.update(|v| v.retain(|x| *x != d));
                                }
                            >
                                "Remove"
                            </button>
                        </div>
                    }
                }
            />
            <AddDriver
                id=format!("scenario-{key}-add")
                label="Input to change"
                button="Change this input"
                used=Signal::derive(move || drivers.get())
                on_add=Callback::new(move |d: Driver| {
                    let current = model.with_untracked(|m| d.get(m));
                    update(&|s| {
                        s.overrides.insert(d.id().to_string(), current);
                    });
                    drivers.update(|v| v.push(d));
                })
            />
            <div class="actions">
                <button type="button" class="button button--quiet" on:click=move |_| on_copy.run(())>
                    {move || format!("Duplicate {}", name.get())}
                </button>
                <button
                    type="button"
                    class="button button--quiet"
                    on:click=move |_| on_remove.run(())
                >
                    {move || format!("Remove {}", name.get())}
                </button>
            </div>
        </fieldset>
    }
}
