//! How sure is an ROI model: which assumption matters most (tornado),
//! named scenarios side by side, and a seeded Monte Carlo simulation that
//! runs in slices between frames, with progress and cancel.

use crate::charts::distribution::{self, DistributionChart};
use crate::charts::scenarios::{Line, ScenarioChart};
use crate::charts::tornado;
use crate::charts::Chart;
use crate::domain::format;
use crate::domain::input::{group_thousands, NumberKind};
use crate::domain::roi::{RoiModel, RoiResults};
use crate::domain::uncertainty::{
    correlation_pairs, cumulative_curve, scenario_name_error, tornado as sensitivity, Analysis,
    Correlation, Driver, Metric, Scenario, Shape, Summary, Uncertain, MAX_CORRELATIONS, MAX_SEED,
    MAX_TRIALS,
};
use crate::persist::limits::MAX_SCENARIOS;
use crate::ui::components::chart::ChartCanvas;
use crate::ui::components::deferred::{defer, Deferred};
use crate::ui::components::number_field::{FieldErrors, NumberField};
use crate::view::sensitivity as tornado_view;
use leptos::prelude::*;
use std::collections::BTreeMap;

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

#[component]
fn Sensitivity(
    model: Signal<RoiModel>,
    analysis: RwSignal<Analysis>,
    currency: Signal<String>,
    errors: FieldErrors,
) -> impl IntoView {
    let result = Memo::new(move |_| {
        let (metric, fraction, ranges) =
            analysis.with(|a| (a.metric, a.fraction, a.tornado_ranges()));
        let horizon = model.with(|m| f64::from(m.horizon_months()));
        let (base, bars) = model.with(|m| sensitivity(m, fraction, &ranges, metric));
        (metric, base, bars, horizon)
    });
    let chart_data = Memo::new(move |_| {
        let (metric, base, bars, horizon) = result.get();
        tornado_view::chart(metric, base, &bars, horizon, &currency.get())
    });
    let hover = Callback::new(move |(x, y, w, h): (f64, f64, f64, f64)| {
        let chart = chart_data.get_untracked()?;
        let i = tornado::bar_at(&chart, w, h, x, y)?;
        let (metric, _, bars, _) = result.get_untracked();
        bars.get(i)
            .map(|b| tornado_view::bar_text(b, metric, &currency.get_untracked()))
    });
    let description = Signal::derive(move || {
        let (metric, base, bars, _) = result.get();
        tornado_view::description(metric, base, &bars, &currency.get())
    });
    let rows = move || {
        let (metric, _, bars, _) = result.get();
        tornado_view::rows(metric, &bars, &currency.get())
            .into_iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.input}</th>
                        <td class="num">{r.low_input}</td>
                        <td class="num">{r.low_output}</td>
                        <td class="num">{r.high_input}</td>
                        <td class="num">{r.high_output}</td>
                        <td class="num">{r.swing}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let metric_options = Metric::ALL
        .into_iter()
        .map(|m| {
            view! {
                <option value=m.id() selected=move || analysis.with(|a| a.metric == m)>
                    {m.label()}
                </option>
            }
        })
        .collect_view();
    view! {
        <section class="uncertainty__part" aria-labelledby="sensitivity-heading">
            <h3 id="sensitivity-heading">"Which assumption matters most"</h3>
            <p>
                "Each input is moved down and up on its own while the others stay as entered; the longest bars are the assumptions to check first."
            </p>
            <div class="form-grid">
                <div class="field">
                    <label class="field__label" for="tornado-metric">
                        "Figure"
                    </label>
                    <select
                        id="tornado-metric"
                        class="field__input"
                        on:change=move |ev| {
                            if let Some(m) = Metric::from_id(&event_target_value(&ev)) {
                                analysis.update(|a| a.metric = m);
                            }
                        }
                    >
                        {metric_options}
                    </select>
                </div>
                <NumberField
                    id="tornado-step".to_string()
                    label="Move each input by ±".to_string()
                    unit="%".to_string()
                    help="Used for every input without a range of its own."
                    kind=NumberKind::Percent
                    value=analysis.with_untracked(|a| a.fraction)
                    check=Callback::new(|v: f64| {
                        if (0.01..=1.0).contains(&v) {
                            Ok(())
                        } else {
                            Err("Enter a step between 1% and 100%.".into())
                        }
                    })
                    on_valid=Callback::new(move |v| analysis.update(|a| a.fraction = v))
                    errors=errors
                />
                <div class="field field--check">
                    <input
                        id="tornado-own-ranges"
                        type="checkbox"
                        prop:checked=move || analysis.with(|a| a.use_ranges)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            analysis.update(|a| a.use_ranges = on);
                        }
                    />
                    <label for="tornado-own-ranges">
                        "Use the simulation's low and high where an input has a range"
                    </label>
                </div>
            </div>
            // The chart and the table, each in a task of its own.
            <Deferred>
                <figure class="chart-figure">
                    <ChartCanvas
                        data=Signal::derive(move || chart_data.get().map(Chart::Tornado))
                        description=description
                        file_name="sextant-tornado.png"
                        hover=hover
                    />
                    <figcaption>
                        {description} " The 12 largest are drawn; the table lists every input."
                    </figcaption>
                </figure>
            </Deferred>
            <Deferred>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Sensitivity table">
                    <table class="table">
                        <caption>
                            {move || {
                                format!(
                                    "{} when one input moves",
                                    analysis.with(|a| a.metric.label()),
                                )
                            }}
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">"Input"</th>
                                <th scope="col" class="num">
                                    "Low input"
                                </th>
                                <th scope="col" class="num">
                                    "Figure at low"
                                </th>
                                <th scope="col" class="num">
                                    "High input"
                                </th>
                                <th scope="col" class="num">
                                    "Figure at high"
                                </th>
                                <th scope="col" class="num">
                                    "Swing"
                                </th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Deferred>
        </section>
    }
}

/// A drop-down of drivers not yet used, and an Add button.
#[component]
fn AddDriver(
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

#[component]
fn Scenarios(
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
            let s = match copy_of.and_then(|i| a.scenarios.get(i)) {
                Some(s) => Scenario {
                    name: format!("{} (copy)", s.name),
                    overrides: s.overrides.clone(),
                },
                None => Scenario {
                    name: format!("Scenario {}", a.scenarios.len() + 1),
                    overrides: BTreeMap::new(),
                },
            };
            a.scenarios.push(s);
        });
        keys.update(|k| k.push(key));
    };

    let evaluated = Memo::new(move |_| {
        let base = model.get();
        let mut out = vec![("Base".to_string(), base.evaluate())];
        analysis.with(|a| {
            for s in &a.scenarios {
                out.push((s.name.clone(), s.apply(&base).evaluate()));
            }
        });
        out
    });
    let table = move || {
        let c = currency.get();
        let all = evaluated.get();
        let head = all
            .iter()
            .map(|(name, _)| {
                view! {
                    <th scope="col" class="num">
                        {name.clone()}
                    </th>
                }
            })
            .collect_view();
        type Row = (&'static str, fn(&RoiResults, &str) -> String);
        let rows: [Row; 7] = [
            ("Net present value", |r, c| {
                r.npv
                    .clone()
                    .map(|v| format::money(v, c))
                    .unwrap_or_else(|e| e)
            }),
            ("IRR (annual)", |r, _| {
                r.irr_annual
                    .clone()
                    .map(format::percent)
                    .unwrap_or_else(|e| e)
            }),
            ("ROI", |r, _| {
                r.roi_percent
                    .clone()
                    .map(|v| format::percent(v / 100.0))
                    .unwrap_or_else(|e| e)
            }),
            ("Payback", |r, _| {
                r.payback_months
                    .map(format::months)
                    .unwrap_or_else(|| "not within the horizon".into())
            }),
            ("Total cost", |r, c| format::money(r.total_cost, c)),
            ("Total benefit", |r, c| format::money(r.total_benefit, c)),
            ("Net benefit", |r, c| format::money(r.net_benefit, c)),
        ];
        let body = rows
            .into_iter()
            .map(|(label, f)| {
                let cells = all
                    .iter()
                    .map(|(_, r)| {
                        let text = match r {
                            Ok(r) => f(r, &c),
                            Err(e) => format!(
                                "Not available: {}",
                                e.first().map(|i| i.message.clone()).unwrap_or_default()
                            ),
                        };
                        view! { <td class="num">{text}</td> }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{label}</th>
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
        let lines = evaluated
            .get()
            .into_iter()
            .filter_map(|(name, r)| {
                r.ok().map(|r| Line {
                    name,
                    cumulative: r.cumulative,
                })
            })
            .collect();
        Some(Chart::Scenarios(ScenarioChart {
            lines,
            currency: currency.get(),
        }))
    });
    let description = Signal::derive(move || {
        let c = currency.get();
        let parts: Vec<String> = evaluated
            .get()
            .into_iter()
            .filter_map(|(name, r)| {
                let r = r.ok()?;
                Some(format!(
                    "{name} ends at {}",
                    format::money(r.cumulative.last().copied().unwrap_or(0.0), &c)
                ))
            })
            .collect();
        format!(
            "Scenarios compared by their cumulative cash flow: {}.",
            parts.join("; ")
        )
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
            analysis
                .get()
                .scenarios
                .into_iter()
                .map(|s| {
                    let changes: Vec<String> = s
                        .overrides
                        .iter()
                        .filter_map(|(id, v)| {
                            let d = Driver::from_id(id)?;
                            Some(format!("{}: {}", d.label(), d.show(*v, &c)))
                        })
                        .collect();
                    view! {
                        <li>
                            <strong>{s.name}</strong>
                            ": "
                            {if changes.is_empty() {
                                "no changes".to_string()
                            } else {
                                changes.join("; ")
                            }}
                        </li>
                    }
                })
                .collect_view()
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

/// Where a simulation run is.
#[derive(Clone, Debug, PartialEq)]
enum RunState {
    /// Not started (inputs invalid).
    Idle(String),
    /// Running: trials done and asked for.
    Running(usize, usize),
    /// Cancelled after this many trials.
    Cancelled(usize, usize),
    /// Finished, with the wall time in milliseconds.
    Done(Box<Summary>, f64),
}

struct Runner {
    run: u64,
    sim: Option<crate::domain::uncertainty::Simulation>,
    started: f64,
    /// When the progress shown was last updated.
    shown: f64,
}

/// The most trials a shared analysis runs without being asked: the default
/// run, which takes about a second on a laptop.
const LINK_TRIALS: usize = crate::domain::uncertainty::DEFAULT_TRIALS;

/// How long one slice of the simulation works before yielding, in ms: short
/// enough that a slice, with its yield, stays well under the 50 ms of a long
/// task on a phone four times slower than a laptop.
const SLICE_MS: f64 = 4.0;

/// How often the progress shown is updated while a run goes on, in ms.
/// Updating it after every slice would cost more than the slice itself.
const PROGRESS_MS: f64 = 100.0;

/// Advances the simulation of run `run` by one slice of [`SLICE_MS`], then
/// yields to the browser and goes on, until done or superseded.
fn step(runner: StoredValue<Runner, LocalStorage>, run: u64, state: RwSignal<RunState>) {
    let start = js_sys::Date::now();
    let outcome = runner.try_update_value(|r| {
        if r.run != run {
            return None;
        }
        let sim = r.sim.as_mut()?;
        loop {
            // Few trials between looks at the clock: with a team of 100, a
            // trial takes a good part of a millisecond.
            sim.advance(10);
            if sim.done() >= sim.target() || js_sys::Date::now() - start > SLICE_MS {
                break;
            }
        }
        let now = js_sys::Date::now();
        let show = now - r.shown >= PROGRESS_MS;
        if show {
            r.shown = now;
        }
        Some((sim.done(), sim.target(), r.started, show))
    });
    let Some(Some((done, target, started, show))) = outcome else {
        return;
    };
    if done >= target {
        let summary = runner.with_value(|r| r.sim.as_ref().map(|s| s.summary()));
        if let Some(summary) = summary {
            state.set(RunState::Done(
                Box::new(summary),
                js_sys::Date::now() - started,
            ));
        }
        runner.update_value(|r| r.sim = None);
    } else {
        if show {
            state.set(RunState::Running(done, target));
        }
        crate::ui::after_yield(Box::new(move || step(runner, run, state)));
    }
}

#[component]
fn MonteCarlo(
    model: Signal<RoiModel>,
    analysis: RwSignal<Analysis>,
    currency: Signal<String>,
    errors: FieldErrors,
    editable: bool,
) -> impl IntoView {
    let setup = Memo::new(move |_| {
        analysis.with(|a| (a.inputs.clone(), a.correlations.clone(), a.seed, a.trials))
    });
    let runner = StoredValue::new_local(Runner {
        run: 0,
        sim: None,
        started: 0.0,
        shown: 0.0,
    });
    let state = RwSignal::new(RunState::Idle(String::new()));
    let range_errors = Memo::new(move |_| {
        errors.with(|e| {
            e.iter()
                .filter(|(k, _)| k.starts_with("range-") || k.starts_with("mc-"))
                .count()
        })
    });
    let start_run = move || {
        let (inputs, correlations, seed, trials) = setup.get_untracked();
        let run = runner.with_value(|r| r.run) + 1;
        if range_errors.get_untracked() > 0 {
            runner.update_value(|r| {
                r.run = run;
                r.sim = None;
            });
            state.set(RunState::Idle(
                "Fix the highlighted ranges to run the simulation.".into(),
            ));
            return;
        }
        match model.with_untracked(|m| {
            crate::domain::uncertainty::Simulation::correlated(
                m,
                &inputs,
                &correlations,
                seed,
                trials,
            )
        }) {
            Ok(sim) => {
                let target = sim.target();
                runner.update_value(|r| {
                    r.run = run;
                    r.sim = Some(sim);
                    r.started = js_sys::Date::now();
                    r.shown = r.started;
                });
                state.set(RunState::Running(0, target));
                crate::ui::after_yield(Box::new(move || step(runner, run, state)));
            }
            Err(e) => {
                runner.update_value(|r| {
                    r.run = run;
                    r.sim = None;
                });
                state.set(RunState::Idle(format!("The simulation cannot run: {e}.")));
            }
        }
    };
    // A read-only analysis (a share link) runs by itself only up to
    // LINK_TRIALS trials; a longer one waits for the reader to ask, so that
    // opening a link never starts minutes of work.
    let asked = RwSignal::new(editable || analysis.with_untracked(|a| a.trials <= LINK_TRIALS));
    // Run again whenever the model or the set-up changes.
    Effect::new(move |_| {
        model.track();
        setup.track();
        range_errors.track();
        if asked.get() {
            start_run();
        }
    });
    on_cleanup(move || {
        let _ = runner.try_update_value(|r| {
            r.run += 1;
            r.sim = None;
        });
    });
    let cancel = move |_| {
        if let RunState::Running(shown, target) = state.get_untracked() {
            // The trials done, not the last count shown (up to PROGRESS_MS old).
            let done = runner
                .try_update_value(|r| {
                    r.run += 1;
                    r.sim.take().map(|s| s.done())
                })
                .flatten()
                .unwrap_or(shown);
            state.set(RunState::Cancelled(done, target));
        }
    };

    let new_seed = move |_| {
        let seed = (js_sys::Math::random() * MAX_SEED as f64).floor() as u64;
        analysis.update(|a| a.seed = seed.min(MAX_SEED));
    };
    let horizon_years = Signal::derive(move || model.with(|m| m.horizon_years));

    let ranges = if editable {
        view! { <RangeEditor model=model analysis=analysis currency=currency errors=errors /> }
            .into_any()
    } else {
        view! { <RangeSummary analysis=analysis currency=currency /> }.into_any()
    };
    let settings = if editable {
        view! {
            <div class="form-grid">
                <NumberField
                    id="mc-trials".to_string()
                    label="Trials".to_string()
                    unit="runs of the model".to_string()
                    help="10,000 gives steady figures; up to 200,000."
                    kind=NumberKind::Plain
                    value=analysis.with_untracked(|a| a.trials as f64)
                    check=Callback::new(|v: f64| {
                        if (100.0..=MAX_TRIALS as f64).contains(&v) && v.fract() == 0.0 {
                            Ok(())
                        } else {
                            Err(
                                format!(
                                    "Enter a whole number from 100 to {}.",
                                    group_thousands(&MAX_TRIALS.to_string()),
                                ),
                            )
                        }
                    })
                    on_valid=Callback::new(move |v: f64| analysis.update(|a| a.trials = v as usize))
                    errors=errors
                />
                <SeedField analysis=analysis errors=errors />
                <div class="field field--button">
                    <button type="button" class="button button--quiet" on:click=new_seed>
                        "New seed"
                    </button>
                </div>
            </div>
        }
        .into_any()
    } else {
        view! {
            <p>
                {move || {
                    analysis
                        .with(|a| {
                            format!(
                                "{} trials with seed {}.",
                                group_thousands(&a.trials.to_string()),
                                a.seed,
                            )
                        })
                }}
            </p>
        }
        .into_any()
    };

    // The view of a run changes only when its state changes kind: while it
    // runs, only the progress figures move. Built again at every progress
    // update, the Cancel button would be replaced ten times a second, and a
    // click whose press and release fell on two different buttons would be
    // lost.
    let progress = Memo::new(move |_| match state.get() {
        RunState::Running(done, target) => (done, target),
        _ => (0, 0),
    });
    let phase = Memo::new(move |_| {
        state.with(|s| match s {
            RunState::Running(..) => RunState::Running(0, 0),
            other => other.clone(),
        })
    });
    let status = move || match phase.get() {
        RunState::Idle(_) if !asked.get() => view! {
            <p class="actions">
                <button type="button" class="button" on:click=move |_| asked.set(true)>
                    {move || {
                        analysis
                            .with(|a| {
                                format!(
                                    "Run the simulation ({} trials)",
                                    group_thousands(&a.trials.to_string()),
                                )
                            })
                    }}
                </button>
            </p>
        }
        .into_any(),
        RunState::Idle(why) if why.is_empty() => ().into_any(),
        RunState::Idle(why) => view! {
            <p role="alert" class="results__unavailable">
                {why}
            </p>
        }
        .into_any(),
        RunState::Running(..) => view! {
            <div class="run-progress">
                <label for="mc-progress">"Simulating"</label>
                <progress
                    id="mc-progress"
                    max=move || progress.get().1
                    value=move || progress.get().0
                ></progress>
                <span>
                    {move || {
                        let (done, target) = progress.get();
                        format!(
                            "{} of {} trials",
                            group_thousands(&done.to_string()),
                            group_thousands(&target.to_string()),
                        )
                    }}
                </span>
                <button type="button" class="button button--quiet button--small" on:click=cancel>
                    "Cancel"
                </button>
            </div>
        }
        .into_any(),
        RunState::Cancelled(done, target) => view! {
            <p role="status">
                {format!(
                    "Cancelled after {} of {} trials. ",
                    group_thousands(&done.to_string()),
                    group_thousands(&target.to_string()),
                )}
                <button
                    type="button"
                    class="button button--quiet button--small"
                    on:click=move |_| start_run()
                >
                    "Run again"
                </button>
            </p>
        }
        .into_any(),
        RunState::Done(summary, ms) => view! {
            <SimulationResults
                summary=*summary
                ms=ms
                currency=currency
                horizon_years=horizon_years
                seed=analysis.with_untracked(|a| a.seed)
            />
        }
        .into_any(),
    };

    view! {
        <section class="uncertainty__part" aria-labelledby="simulation-heading">
            <h3 id="simulation-heading">"Monte Carlo simulation"</h3>
            <p>
                "Give the inputs you are unsure of a range. Each trial draws every one of them from its range and computes the model; together the trials show how likely each outcome is. The same seed always gives the same figures, here and for anyone you share the model with."
            </p>
            {ranges}
            <CorrelationEditor analysis=analysis errors=errors editable=editable />
            {settings}
            <div aria-live="polite">{status}</div>
        </section>
    }
}

/// Rank correlations between uncertain inputs: pick two, say how closely
/// they move together. Read-only on a shared link.
#[component]
fn CorrelationEditor(
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
            let used = |x: Driver, y: Driver| {
                a.correlations
                    .iter()
                    .any(|c| (c.a, c.b) == (x, y) || (c.a, c.b) == (y, x))
            };
            let drivers: Vec<Driver> = a.inputs.iter().map(|u| u.driver).collect();
            let pair = drivers
                .iter()
                .enumerate()
                .flat_map(|(i, x)| drivers[i + 1..].iter().map(move |y| (*x, *y)))
                .find(|(x, y)| !used(*x, *y));
            if let (Some((x, y)), true) = (pair, a.correlations.len() < MAX_CORRELATIONS) {
                a.correlations.push(Correlation {
                    a: x,
                    b: y,
                    rho: 0.5,
                });
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
                            unit=crate::domain::uncertainty::correlation_bounds()
                                .replace(" and ", " to ")
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
                                            crate::domain::uncertainty::correlation_bounds()
                                                .replace(" and ", " to "),
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

#[component]
fn SeedField(analysis: RwSignal<Analysis>, errors: FieldErrors) -> impl IntoView {
    // Rebuilt when "New seed" changes the seed, so the field shows it.
    let seed = Memo::new(move |_| analysis.with(|a| a.seed));
    move || {
        let value = seed.get() as f64;
        view! {
            <NumberField
                id="mc-seed".to_string()
                label="Seed".to_string()
                unit="any whole number".to_string()
                help="Change it to draw a different set of trials."
                kind=NumberKind::Digits
                value=value
                check=Callback::new(|v: f64| {
                    if (0.0..=MAX_SEED as f64).contains(&v) && v.fract() == 0.0 {
                        Ok(())
                    } else {
                        Err("Enter a whole number from 0 to 999,999,999.".into())
                    }
                })
                on_valid=Callback::new(move |v: f64| {
                    let v = v as u64;
                    if seed.get_untracked() != v {
                        analysis.update(|a| a.seed = v);
                    }
                })
                errors=errors
            />
        }
    }
}

#[component]
fn RangeSummary(analysis: RwSignal<Analysis>, currency: Signal<String>) -> impl IntoView {
    let rows = move || {
        let c = currency.get();
        analysis
            .get()
            .inputs
            .into_iter()
            .map(|u| {
                view! {
                    <tr>
                        <th scope="row">{u.driver.label()}</th>
                        <td class="num">{u.driver.show(u.low, &c)}</td>
                        <td class="num">{u.driver.show(u.likely, &c)}</td>
                        <td class="num">{u.driver.show(u.high, &c)}</td>
                        <td>{u.shape.label()}</td>
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
fn RangeEditor(
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
        analysis.update(|a| {
            a.inputs.push(Uncertain {
                driver: d,
                low: d.clamp(v * 0.8),
                likely: v,
                high: d.clamp(v * 1.2),
                shape: Shape::Pert,
            })
        });
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

#[component]
fn SimulationResults(
    summary: Summary,
    ms: f64,
    currency: Signal<String>,
    horizon_years: Signal<u32>,
    seed: u64,
) -> impl IntoView {
    let c = currency.get_untracked();
    let shown =
        crate::view::simulation::results(&summary, &c, horizon_years.get_untracked(), seed, ms);
    let figures = shown
        .figures
        .into_iter()
        .map(|f| {
            view! {
                <div class="figure">
                    <dt>{f.label}</dt>
                    <dd data-figure=f.data>{f.value}</dd>
                    {f.note.map(|note| view! { <dd class="figure__note">{note}</dd> })}
                </div>
            }
        })
        .collect_view();
    let rows = shown
        .percentiles
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.name}</th>
                    <td class="num">{r.npv}</td>
                    <td class="num">{r.roi}</td>
                    <td class="num">{r.payback}</td>
                </tr>
            }
        })
        .collect_view();
    let histogram = DistributionChart {
        shape: distribution::Shape::Histogram(summary.npv.histogram(30)),
        markers: shown.markers,
        x_label: "Net present value".into(),
        currency: c.clone(),
    };
    let curve = DistributionChart {
        shape: distribution::Shape::Cumulative(cumulative_curve(&summary.npv, 200)),
        markers: vec![("NPV = 0".into(), 0.0)],
        x_label: "Net present value".into(),
        currency: c.clone(),
    };
    let (histogram_text, curve_text) = (shown.histogram_text, shown.curve_text);
    let correlation_rows = shown
        .correlations
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.input}</th>
                    <td class="num">{r.value}</td>
                    <td>{r.words}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <dl class="figures">{figures}</dl>
        <p class="run-time" role="status">
            {shown.run}
        </p>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Simulation percentiles">
            <table class="table">
                <caption>"Outcomes by percentile"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Percentile"</th>
                        <th scope="col" class="num">
                            "NPV"
                        </th>
                        <th scope="col" class="num">
                            "ROI"
                        </th>
                        <th scope="col" class="num">
                            "Payback"
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <figure class="chart-figure">
            <ChartCanvas
                data=Some(Chart::Distribution(histogram))
                description=histogram_text.clone()
                file_name="sextant-npv-histogram.png"
            />
            <figcaption>{histogram_text}</figcaption>
        </figure>
        <figure class="chart-figure">
            <ChartCanvas
                data=Some(Chart::Distribution(curve))
                description=curve_text.clone()
                file_name="sextant-npv-cumulative.png"
            />
            <figcaption>{curve_text}</figcaption>
        </figure>
        <div
            class="table-wrap"
            tabindex="0"
            role="region"
            aria-label="Which uncertainty matters most"
        >
            <table class="table">
                <caption>
                    "Which uncertainty matters most: correlation of each input with NPV"
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Input"</th>
                        <th scope="col" class="num">
                            "Correlation"
                        </th>
                        <th scope="col">"Strength"</th>
                    </tr>
                </thead>
                <tbody>{correlation_rows}</tbody>
            </table>
        </div>
        {(!summary.rank_correlations.is_empty())
            .then(|| {
                let rows = summary
                    .rank_correlations
                    .iter()
                    .map(|c| {
                        let achieved = c
                            .achieved
                            .map(|r| format::signed_decimal(r, 2))
                            .unwrap_or_else(|| "–".into());
                        let off = c.achieved.is_some_and(|r| (r - c.target).abs() > 0.05);
                        view! {
                            <tr>
                                <th scope="row">
                                    {format!("{} with {}", c.a.label(), c.b.label())}
                                </th>
                                <td class="num">{format::signed_decimal(c.target, 2)}</td>
                                <td class="num">{achieved}</td>
                                <td>
                                    {off
                                        .then(|| {
                                            format!(
                                                "More than {} off: inputs with few distinct values or few trials",
                                                format::decimal(0.05, 2),
                                            )
                                        })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div
                        class="table-wrap"
                        tabindex="0"
                        role="region"
                        aria-label="Inputs that move together"
                    >
                        <table class="table">
                            <caption>
                                "Inputs that move together: rank correlation asked and drawn"
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Inputs"</th>
                                    <th scope="col" class="num">
                                        "Asked"
                                    </th>
                                    <th scope="col" class="num">
                                        "Drawn"
                                    </th>
                                    <th scope="col">"Note"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })}
    }
}
