//! The automation ROI calculator: for each pipeline stage, the hours spent
//! and the share automation removes; against the licence, compute, set-up
//! and the oversight it still needs. Every valid edit is saved.

use crate::charts::cashflow::CumulativeChart;
use crate::charts::stages::StagesChart;
use crate::charts::Chart;
use crate::domain::automation::MAX_MONEY;
use crate::domain::automation::{
    stage_field_key, AutomationModel, AutomationResults, FieldError, Limitation, Section, Stage,
    FIELDS, STAGE_FIELDS,
};
use crate::domain::format::{self, CURRENCIES};
use crate::domain::input::{check_range, NumberKind};
use crate::persist::automation as stored_format;
use crate::persist::envelope::{DocKind, Document};
use crate::persist::share::Shared;
use crate::route::{Calculator, Page};
use crate::ui::autosave::{Autosave, SaveState};
use crate::ui::components::chart::ChartCanvas;
use crate::ui::components::deferred::Deferred;
use crate::ui::components::number_field::{field_input, section_inputs, FieldErrors, NumberField};
use crate::ui::components::panels::{figure, missing, open_saved, withheld, Opens};
use crate::ui::components::print_stamp::PrintStamp;
use crate::ui::components::start::{Creator, StartPage};

const TITLE: &str = "Automation ROI";
const START: &str = "Start a new model";
use crate::view::automation as shown;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// `#/automation-roi/<id>`: a saved model in its editor, or why it cannot be opened.
#[component]
pub fn AutomationDocument(
    /// The saved model to open.
    id: String,
) -> impl IntoView {
    let opens = Opens {
        kind: DocKind::AutomationRoi,
        noun: "model",
        name: "automation ROI model",
        a_name: "an automation ROI model",
    };
    match open_saved(&id, &opens, |doc| stored_format::from_data(&doc.data)) {
        Ok((doc, model)) => view! { <AutomationEditor doc=doc model=model /> }.into_any(),
        Err(why) => missing(
            TITLE,
            Page::Calculator(Calculator::AutomationRoi, None),
            START,
            why,
        ),
    }
}

/// `#/automation-roi`: the examples and the saved models, to open or start one.
#[component]
pub fn AutomationStart() -> impl IntoView {
    let creator = Creator::new(DocKind::AutomationRoi, "model", |id| {
        Page::Calculator(Calculator::AutomationRoi, Some(id))
    });
    let create = move |model: AutomationModel, name: &str| {
        creator.create(name.into(), stored_format::to_data(&model))
    };
    let actions = view! {
        <button
            class="button"
            on:click=move |_| create(
                AutomationModel::example(),
                "AutoML platform for a team of six",
            )
        >
            "Start from the example"
        </button>
        <button
            class="button button--quiet"
            on:click=move |_| create(AutomationModel::default(), "Untitled automation")
        >
            "Start a blank model"
        </button>
    }
    .into_any();
    view! {
        <StartPage
            title=crate::catalog::calculator(Calculator::AutomationRoi).title
            lede=crate::catalog::calculator(Calculator::AutomationRoi).lede
            creator=creator
            saved_heading="Your saved models"
            actions=actions
        />
    }
}

#[component]
fn AutomationEditor(doc: Document, model: AutomationModel) -> impl IntoView {
    let name = RwSignal::new(doc.name.clone());
    let model = RwSignal::new(model);
    let errors: FieldErrors = RwSignal::new(BTreeMap::new());
    // The stored form, made once per change for both saving and sharing.
    let data = Memo::new(move |_| model.with(stored_format::to_data));
    let autosave = Autosave::start(doc, name.into(), data.into(), "Untitled automation", |id| {
        Page::Calculator(Calculator::AutomationRoi, Some(id))
    });
    let results = Memo::new(move |_| model.with(AutomationModel::evaluate));
    let shared = Signal::derive(move || Shared {
        kind: DocKind::AutomationRoi,
        name: name.get(),
        data: data.get(),
    });
    let currency =
        Signal::derive(move || model.with(|m| format::symbol(&m.currency).trim().to_string()));

    let globals = Section::ALL
        .into_iter()
        .map(|section| {
            let fields = section_inputs(FIELDS, section, "auto", model, currency, errors);
            let extra = (section == Section::Money).then(|| {
                let current = model.with_untracked(|m| m.currency.clone());
                let options = CURRENCIES
                    .iter()
                    .map(|(code, symbol)| {
                        view! {
                            <option value=*code selected=*code == current>
                                {format!("{code} ({})", symbol.trim())}
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="field">
                        <label class="field__label" for="auto-currency">
                            "Currency"
                        </label>
                        <select
                            id="auto-currency"
                            class="field__input"
                            on:change=move |ev| {
                                let code = event_target_value(&ev);
                                model.update(|m| m.currency = code);
                            }
                        >
                            {options}
                        </select>
                    </div>
                }
            });
            view! {
                <fieldset class="form-section">
                    <legend>{section.title()}</legend>
                    <div class="form-grid">{extra} {fields}</div>
                </fieldset>
            }
        })
        .collect_view();

    let stages = move || {
        Stage::ALL
            .into_iter()
            .map(|stage| {
                let fields = STAGE_FIELDS
                    .iter()
                    .map(|f| {
                        let f = *f;
                        field_input(
                            f,
                            stage_field_key(stage, &f),
                            format!("{} ({})", f.label, stage.name()),
                            currency,
                            model.with_untracked(|m| (f.get)(m.stage(stage))),
                            move |v| model.update(|m| (f.set)(m.stage_mut(stage), v)),
                            errors,
                        )
                    })
                    .collect_view();
                view! {
                    <fieldset class="form-section">
                        <legend>{stage.name()}</legend>
                        <div class="form-grid">{fields}</div>
                    </fieldset>
                }
            })
            .collect_view()
    };

    let limitations = move || {
        Limitation::ALL
            .into_iter()
            .map(|l| {
                let id = format!("limit-{}", l.id());
                view! {
                    <div class="field field--check">
                        <input
                            id=id.clone()
                            type="checkbox"
                            prop:checked=move || model.with(|m| m.limitations.contains(&l))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                model.update(|m| m.set_limitation(l, on));
                            }
                        />
                        <label for=id>
                            <strong>{l.name()}</strong>
                            ": "
                            {l.explanation()}
                        </label>
                    </div>
                    <Show when=move || model.with(|m| m.limitations.contains(&l))>
                        <NumberField
                            id=format!("limit-cost-{}", l.id())
                            label=l.cost_label().to_string()
                            unit=if l.cost_is_one_off() {
                                format!("{} once, in the last month", currency.get_untracked())
                            } else {
                                format!("{} / month", currency.get_untracked())
                            }
                            help=if l.cost_is_one_off() {
                                "What leaving the tool would cost: migration, rewriting pipelines. 0 leaves it out."
                            } else {
                                "What keeping this risk in check costs each month. 0 leaves it out."
                            }
                            kind=NumberKind::Plain
                            value=model
                                .with_untracked(|m| {
                                    m.limitation_costs.get(&l).copied().unwrap_or(0.0)
                                })
                            check=Callback::new(|v: f64| check_range(
                                v,
                                0.0,
                                MAX_MONEY,
                                NumberKind::Plain,
                                false,
                            ))
                            on_valid=Callback::new(move |v: f64| {
                                model
                                    .update(|m| {
                                        if v == 0.0 {
                                            m.limitation_costs.remove(&l);
                                        } else {
                                            m.limitation_costs.insert(l, v);
                                        }
                                    })
                            })
                            errors=errors
                        />
                    </Show>
                }
            })
            .collect_view()
    };

    view! {
        <div class="roi">
            <PrintStamp what=Signal::derive(move || name.get()) />
            <header class="roi__header">
                <h1>"Automation ROI"</h1>
                <div class="field field--name">
                    <label class="field__label" for="auto-name">
                        "Model name"
                    </label>
                    <input
                        id="auto-name"
                        class="field__input"
                        type="text"
                        maxlength=crate::persist::limits::MAX_LABEL.to_string()
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </div>
                <SaveState autosave=autosave />
            </header>
            <div class="roi__layout">
                <form
                    class="roi__form"
                    on:submit=|ev| ev.prevent_default()
                    aria-label="Automation inputs"
                >
                    {globals}
                    <h2>"Pipeline stages"</h2>
                    <p class="field__help">
                        "For each stage: the hours one run takes by hand, how often it runs, the loaded cost of an hour, the share of that time the tool removes, and the hours a month people still spend checking its work."
                    </p>
                    // The stages and the results, each in a task of its own:
                    // the editor was one of 150-300 ms at 4x CPU slowdown.
                    <Deferred>
                        {stages()} <fieldset class="form-section">
                            <legend>"Limitations to keep in view"</legend>
                            <p class="field__help">
                                "Automation does not remove every risk. Tick the ones that apply; they are carried into the summary with what to do about them."
                            </p>
                            {limitations()}
                        </fieldset>
                    </Deferred>
                </form>
                <Deferred>
                    <AutomationResultsPanel
                        results=results
                        errors=errors
                        currency=Signal::derive(move || model.with(|m| m.currency.clone()))
                    />
                </Deferred>
            </div>
            // Below the form, once the form is whole: shown before it, it
            // would move down as the stages arrive (a layout shift).
            <Deferred>{crate::ui::pages::share_panel(shared)}</Deferred>
        </div>
    }
}

/// The results of an automation model: figures, the stage chart and table,
/// the cash flow and the limitations ticked.
#[component]
pub fn AutomationResultsPanel(
    results: Memo<Result<AutomationResults, Vec<FieldError>>>,
    errors: FieldErrors,
    currency: Signal<String>,
) -> impl IntoView {
    let body = move || {
        let n = errors.with(BTreeMap::len);
        if n > 0 {
            return withheld("Results are", "them", n);
        }
        let c = currency.get();
        match results.get() {
            Err(invalid) => view! {
                <div class="results__unavailable" role="alert">
                    <p>"Results are unavailable because some values are out of range:"</p>
                    <ul>
                        {invalid
                            .into_iter()
                            .map(|e| view! { <li>{format!("{}: {}", e.label, e.message)}</li> })
                            .collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
            Ok(r) => {
                let stage_rows = shown::stages(&r, &c)
                    .into_iter()
                    .map(|s| {
                        view! {
                            <tr>
                                <th scope="row">{s.stage}</th>
                                <td class="num">{s.before}</td>
                                <td class="num">{s.after}</td>
                                <td class="num">{s.saved}</td>
                                <td class="num">{s.money}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let stage_text = shown::stages_text(&r);
                let cash_text = shown::cash_text(&r, &c);
                let limitations = shown::limitations(&r);
                let has_limitations = !limitations.is_empty();
                let limitations = limitations
                    .into_iter()
                    .map(|(name, explanation, mitigation)| {
                        view! {
                            <li>
                                <strong>{name}</strong>
                                ": "
                                {explanation}
                                " "
                                <em>{mitigation}</em>
                            </li>
                        }
                    })
                    .collect_view();
                let notes = r
                    .notes
                    .iter()
                    .map(|n| view! { <li>{n.clone()}</li> })
                    .collect_view();
                let has_notes = !r.notes.is_empty();
                let figures = shown::figures(&r, &c)
                    .into_iter()
                    .map(|f| {
                        figure(
                            f.label,
                            f.value,
                            (!f.definition.is_empty()).then_some(f.definition),
                        )
                    })
                    .collect_view();
                view! {
                    <dl class="figures">{figures}</dl>
                    {has_notes
                        .then(|| {
                            view! {
                                <ul class="notes" role="note">
                                    {notes}
                                </ul>
                            }
                        })}
                    <figure class="chart-figure">
                        <ChartCanvas
                            data=Some(Chart::Stages(StagesChart::from_results(&r)))
                            description=stage_text.clone()
                            file_name="sextant-automation-stages.png"
                        />
                        <figcaption>{stage_text}</figcaption>
                    </figure>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Hours by stage">
                        <table class="table">
                            <caption>"Hours per month by stage"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Stage"</th>
                                    <th scope="col" class="num">
                                        "Before"
                                    </th>
                                    <th scope="col" class="num">
                                        "After"
                                    </th>
                                    <th scope="col" class="num">
                                        "Net saved"
                                    </th>
                                    <th scope="col" class="num">
                                        "Saved per month"
                                    </th>
                                </tr>
                            </thead>
                            <tbody>{stage_rows}</tbody>
                        </table>
                    </div>
                    <figure class="chart-figure">
                        <ChartCanvas
                            data=Some(
                                Chart::Cashflow(CumulativeChart {
                                    cumulative: r.cumulative.clone(),
                                    break_even: r.payback_months,
                                    currency: c.clone(),
                                }),
                            )
                            description=cash_text.clone()
                            file_name="sextant-automation-cash-flow.png"
                        />
                        <figcaption>{cash_text}</figcaption>
                    </figure>
                    <h3>"Limitations you ticked"</h3>
                    {if has_limitations {
                        view! { <ul>{limitations}</ul> }.into_any()
                    } else {
                        view! { <p>"None ticked."</p> }.into_any()
                    }}
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="roi__results panel" aria-labelledby="auto-results-heading" tabindex="0">
            <h2 id="auto-results-heading">"Results"</h2>
            {body}
        </section>
    }
}
