//! The ML project ROI calculator: start from an example or a blank model,
//! edit it, and read NPV, IRR, payback and the rest as you type. Every valid
//! edit is saved in this browser.

use crate::charts::cashflow::CumulativeChart;
use crate::charts::Chart;
use crate::domain::format::{self, CURRENCIES};
use crate::domain::roi::{
    self, Gate, RoiModel, RoiResults, Section, TaxLosses, TeamMember, FIELDS, GATE_FIELDS,
    MAX_GATES, MEMBER_FIELDS, TOGGLES,
};
use crate::domain::uncertainty::Analysis;
use crate::persist::envelope::{DocKind, Document};
use crate::persist::roi as roi_format;
use crate::persist::share::Shared;
use crate::route::Page;
use crate::ui::autosave::{Autosave, SaveState};
use crate::ui::components::chart::ChartCanvas;
use crate::ui::components::deferred::{defer, Deferred};
use crate::ui::components::number_field::{field_input, section_inputs, FieldErrors, NumberField};
use crate::ui::components::panels::{figure, missing, open_saved, withheld, Opens};
use crate::ui::components::print_stamp::PrintStamp;
use crate::ui::components::start::{Creator, StartPage};

const TITLE: &str = "ML project ROI";
const START: &str = "Start a new model";
use crate::persist::limits::MAX_TEAM;
use crate::ui::download::download_text;
use crate::ui::export::file_stem;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// `#/roi/<id>`: a saved model in its editor, or why it cannot be opened.
#[component]
pub fn RoiDocument(
    /// The saved model to open.
    id: String,
) -> impl IntoView {
    let opens = Opens {
        kind: DocKind::RoiModel,
        noun: "model",
        name: "ROI model",
        a_name: "an ROI model",
    };
    let opened = open_saved(&id, &opens, |doc| {
        roi_format::from_data(&doc.data).map(|model| {
            // from_data has checked the analysis; none yet: suggest one.
            let analysis = roi_format::analysis_from_data(&doc.data)
                .ok()
                .flatten()
                .unwrap_or_else(|| Analysis::suggested(&model));
            (model, analysis)
        })
    });
    match opened {
        Ok((doc, (model, analysis))) => {
            view! { <RoiEditor doc=doc model=model analysis=analysis /> }.into_any()
        }
        Err(why) => missing(TITLE, Page::Roi(None), START, why),
    }
}

/// `#/roi`: the examples and the saved models, to open or start one.
#[component]
pub fn RoiStart() -> impl IntoView {
    let creator = Creator::new(DocKind::RoiModel, "model", |id| Page::Roi(Some(id)));
    let examples = roi::examples()
        .into_iter()
        .map(|ex| {
            let model = ex.model.clone();
            let name = ex.name.to_string();
            view! {
                <li class="card">
                    <div class="card__link">
                        <h3 class="card__title">{ex.name}</h3>
                        <p class="card__summary">{ex.description}</p>
                        <button
                            class="button"
                            on:click=move |_| {
                                creator.create(name.clone(), roi_format::to_data(&model))
                            }
                            aria-label=format!("Start from this example: {}", ex.name)
                        >
                            "Start from this example"
                        </button>
                    </div>
                </li>
            }
        })
        .collect_view();
    let actions = view! {
        <button
            class="button"
            on:click=move |_| {
                creator
                    .create("Untitled ML project".into(), roi_format::to_data(&RoiModel::default()))
            }
        >
            "Start a blank model"
        </button>
    }
    .into_any();
    view! {
        <StartPage
            title=crate::catalog::ROI_TITLE
            lede=crate::catalog::ROI_LEDE
            creator=creator
            saved_heading="Your saved models"
            actions=actions
        >
            <section aria-labelledby="examples-heading">
                <h2 id="examples-heading">"Examples to start from"</h2>
                <ul class="cards">{examples}</ul>
            </section>
        </StartPage>
    }
}

#[component]
fn RoiEditor(doc: Document, model: RoiModel, analysis: Analysis) -> impl IntoView {
    let name = RwSignal::new(doc.name.clone());
    let model = RwSignal::new(model);
    let analysis = RwSignal::new(analysis);
    let errors: FieldErrors = RwSignal::new(BTreeMap::new());
    // The stored form, made once per change for both saving and sharing.
    let data =
        Memo::new(move |_| model.with(|m| analysis.with(|a| roi_format::to_data_with(m, a))));
    // The model only ever holds valid values, so every change is saved.
    let autosave = Autosave::start(doc, name.into(), data.into(), "Untitled ML project", |id| {
        Page::Roi(Some(id))
    });

    let form_version = RwSignal::new(0u32);
    let shared = Signal::derive(move || Shared {
        kind: DocKind::RoiModel,
        name: name.get(),
        data: data.get(),
    });
    let currency = Signal::derive(move || {
        model.with(|m| format::symbol(&m.money.currency).trim().to_string())
    });

    let section_view = move |section: Section| {
        let fields = section_inputs(FIELDS, section, "roi", model, currency, errors);
        let extra = (section == Section::Money).then(|| view! { <CurrencySelect model=model /> });
        let tax = (section == Section::Money).then(|| view! { <TaxLossesSelect model=model /> });
        let toggles = TOGGLES
            .iter()
            .filter(|t| t.section == section)
            .map(|t| {
                let t = *t;
                let id = format!("roi-{}", t.id);
                view! {
                    <div class="field field--check">
                        <input
                            id=id.clone()
                            type="checkbox"
                            prop:checked=model.with_untracked(|m| (t.get)(m))
                            on:change=move |ev| {
                                model.update(|m| (t.set)(m, event_target_checked(&ev)))
                            }
                        />
                        <label for=id>{t.label}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="form-section">
                <legend>{section.title()}</legend>
                <div class="form-grid">{extra} {fields} {tax} {toggles}</div>
            </fieldset>
        }
    };

    view! {
        <div class="roi">
            <PrintStamp what=Signal::derive(move || name.get()) />
            <header class="roi__header">
                <h1>"ML project ROI"</h1>
                <div class="field field--name">
                    <label class="field__label" for="roi-name">
                        "Model name"
                    </label>
                    <input
                        id="roi-name"
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
                    aria-label="Model inputs"
                >
                    // Built again when every amount is converted to another
                    // currency, so that each field shows its new value.
                    {move || {
                        form_version.track();
                        untrack(|| {
                            view! {
                                {section_view(Section::Money)}
                                // The rest of the form and the results, each part in a
                                // task of its own (see Deferred).
                                <Deferred>
                                    <TeamEditor model=model errors=errors currency=currency />
                                </Deferred>
                                {Section::ALL
                                    .into_iter()
                                    .filter(|s| *s != Section::Money)
                                    .map(|s| view! { <Deferred>{section_view(s)}</Deferred> })
                                    .collect_view()}
                            }
                        })
                    }}
                </form>
                // The results come in a module of their own (see Figures).
                <Deferred>
                    {roi_figures(
                        "The results",
                        results_pending,
                        move |f: Figures| (f.results)(model, errors),
                    )}
                </Deferred>
            </div>
            // Below the form, once the form is whole: shown before it, they
            // would move down as its sections arrive (a layout shift).
            // Stage gates, notes and sources come in a module of their own,
            // below the form and the results for the same reason.
            <Deferred>
                {roi_extras(move |e: Extras| {
                    (e
                        .all)(EditorParts {
                        model,
                        analysis,
                        errors,
                        currency,
                        form_version,
                    })
                })}
            </Deferred>
            <Deferred>
                // Built again after a conversion, so that its ranges and
                // scenarios show their converted values.
                {move || {
                    form_version.track();
                    untrack(|| {
                        crate::ui::pages::uncertainty_panel(
                            model.into(),
                            analysis,
                            Signal::derive(move || {
                                errors.with(BTreeMap::is_empty)
                                    && model.with(|m| m.validate().is_empty())
                            }),
                            true,
                        )
                    })
                }}
            </Deferred>
            <Deferred>{crate::ui::pages::share_panel(shared)}</Deferred>
            <Deferred>
                {roi_figures("Export", || ().into_any(), move |f: Figures| (f.export)(name, model))}
            </Deferred>
        </div>
    }
}

/// What the editor shows of its results: the figures, the chart and the
/// year table, and the export of the monthly cash flows. With `split`, a
/// module of their own (the model's evaluation with them), fetched with the
/// editor's second bundle once the form has been built: the editor opens on
/// fewer bytes, and its results follow (on a phone they are below the form).
#[derive(Clone, Copy)]
struct Figures {
    results: fn(RwSignal<RoiModel>, FieldErrors) -> AnyView,
    export: fn(RwSignal<String>, RwSignal<RoiModel>) -> AnyView,
}

const FIGURES: Figures = Figures {
    results: results_view,
    export: export_view,
};

fn results_view(model: RwSignal<RoiModel>, errors: FieldErrors) -> AnyView {
    untrack(|| {
        let results = Memo::new(move |_| model.with(|m| m.evaluate()));
        view! { <ResultsPanel results=results errors=errors model=model /> }.into_any()
    })
}

fn export_view(name: RwSignal<String>, model: RwSignal<RoiModel>) -> AnyView {
    untrack(|| view! { <ExportPanel name=name model=model /> }.into_any())
}

#[cfg(feature = "split")]
split_point!(
    roi_results_1,
    fn figures() -> Figures {
        FIGURES
    }
);

/// Builds a part of [`Figures`] once its module is in, `pending` until then.
fn roi_figures(
    what: &'static str,
    pending: fn() -> AnyView,
    build: impl Fn(Figures) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    #[cfg(feature = "split")]
    {
        let loaded = super::Loaded::fetch(figures);
        (move || loaded.show_or(what, pending, &build)).into_any()
    }
    #[cfg(not(feature = "split"))]
    {
        let _ = (what, pending);
        untrack(|| build(FIGURES))
    }
}

/// The results panel's place while its module is being fetched.
fn results_pending() -> AnyView {
    view! {
        <section class="roi__results panel" aria-labelledby="results-heading">
            <h2 id="results-heading">"Results"</h2>
            <p class="page-loading" role="status">
                "Loading the results…"
            </p>
        </section>
    }
    .into_any()
}

#[component]
fn ExportPanel(name: RwSignal<String>, model: RwSignal<RoiModel>) -> impl IntoView {
    let valid = Memo::new(move |_| model.with(|m| m.validate().is_empty()));
    let csv = move |_| {
        if let Ok(r) = model.with_untracked(RoiModel::evaluate) {
            let text = crate::persist::csv::cash_flows(&r);
            let file = format!("{}-cash-flows.csv", file_stem(&name.get_untracked()));
            let _ = download_text(&file, "text/csv", &text);
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="panel no-print" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <div class="actions">
                <button
                    class="button button--quiet"
                    type="button"
                    on:click=csv
                    disabled=move || !valid.get()
                >
                    "Download monthly cash flows (CSV)"
                </button>
                <button class="button button--quiet" type="button" on:click=print>
                    "Print or save as PDF"
                </button>
            </div>
        </section>
    }
}

#[component]
fn CurrencySelect(model: RwSignal<RoiModel>) -> impl IntoView {
    let current = model.with_untracked(|m| m.money.currency.clone());
    let options = CURRENCIES
        .iter()
        .map(|(code, symbol)| {
            let selected = *code == current;
            view! {
                <option value=*code selected=selected>
                    {format!("{code} ({})", symbol.trim())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label class="field__label" for="roi-currency">
                "Currency"
            </label>
            <select
                id="roi-currency"
                class="field__input"
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    model.update(|m| m.money.currency = code);
                }
            >
                {options}
            </select>
            <p class="field__help">
                "Changes the symbol only; to convert the amounts at a rate, see “Convert every amount” below the results."
            </p>
        </div>
    }
}

#[component]
fn TaxLossesSelect(model: RwSignal<RoiModel>) -> impl IntoView {
    let current = model.with_untracked(|m| m.money.tax_losses);
    let options = TaxLosses::ALL
        .into_iter()
        .map(|t| {
            view! {
                <option value=t.id() selected=t == current>
                    {t.label()}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label class="field__label" for="roi-tax-losses">
                "A month of loss"
            </label>
            <select
                id="roi-tax-losses"
                class="field__input"
                on:change=move |ev| {
                    if let Some(t) = TaxLosses::from_id(&event_target_value(&ev)) {
                        model.update(|m| m.money.tax_losses = t);
                    }
                }
            >
                {options}
            </select>
            <p class="field__help">
                "Either way, over a horizon whose total net is positive, total tax is the rate times that net; they differ in when it is paid."
            </p>
        </div>
    }
}

/// What the extras need from the editor: the model and its analysis, the
/// form's errors, the currency's symbol, and the form's version (raised to
/// build the form and the uncertainty panel again after a conversion).
#[derive(Clone, Copy)]
struct EditorParts {
    model: RwSignal<RoiModel>,
    analysis: RwSignal<Analysis>,
    errors: FieldErrors,
    currency: Signal<String>,
    form_version: RwSignal<u32>,
}

/// The parts of the editor that are not needed to read the first figures:
/// stage gates, notes, sources and the conversion of amounts. With `split`,
/// a module of their own fetched once the page is built.
#[derive(Clone, Copy)]
struct Extras {
    all: fn(EditorParts) -> AnyView,
}

const EXTRAS: Extras = Extras { all: extras_view };

/// Stage gates, notes and a source for each input, in a panel of their own.
fn extras_view(parts: EditorParts) -> AnyView {
    let EditorParts {
        model,
        analysis,
        errors,
        currency,
        form_version,
    } = parts;
    untrack(|| {
        let sources = Section::ALL
            .into_iter()
            .map(|s| sources_view(model, s))
            .collect_view();
        view! {
            <section class="panel roi__extras" aria-labelledby="extras-heading">
                <h2 id="extras-heading">"Stage gates, notes and sources"</h2>
                <form on:submit=|ev| ev.prevent_default()>
                    <fieldset class="form-section">
                        <legend>"Stage gates"</legend>
                        <GatesEditor model=model errors=errors currency=currency />
                    </fieldset>
                    {notes_view(model)}
                    <fieldset class="form-section">
                        <legend>"Where the figures come from"</legend>
                        {sources}
                    </fieldset>
                    {conversion_view(model, analysis, errors, form_version)}
                </form>
            </section>
        }
        .into_any()
    })
}

#[cfg(feature = "split")]
split_point!(
    roi_extras_1,
    fn extras() -> Extras {
        EXTRAS
    }
);

/// Builds a part of [`Extras`] once its module is in.
fn roi_extras(build: impl Fn(Extras) -> AnyView + Send + Sync + 'static) -> AnyView {
    #[cfg(feature = "split")]
    {
        let loaded = super::Loaded::fetch(extras);
        (move || loaded.show_or("This part of the form", || ().into_any(), &build)).into_any()
    }
    #[cfg(not(feature = "split"))]
    {
        untrack(|| build(EXTRAS))
    }
}

/// "Convert every amount": choosing a currency changes its symbol only;
/// this multiplies every amount by a rate the reader enters.
fn conversion_view(
    model: RwSignal<RoiModel>,
    analysis: RwSignal<Analysis>,
    errors: FieldErrors,
    form_version: RwSignal<u32>,
) -> AnyView {
    let rate = RwSignal::new(None::<f64>);
    let done = RwSignal::new(None::<String>);
    let convert = move |_| {
        if let Some(r) = rate.get_untracked() {
            rate.set(None);
            model.update(|m| m.convert_amounts(r));
            analysis.update(|a| a.convert_amounts(r));
            // The form is built again from the converted model; what its
            // fields held that was not valid is gone with them.
            errors.update(|e| e.retain(|k, _| !k.starts_with("roi-") && !k.starts_with("team-")));
            form_version.update(|v| *v += 1);
            done.set(Some(format!(
                "Every amount was multiplied by {}.",
                crate::domain::input::format_input(r, crate::domain::input::NumberKind::Plain)
            )));
        }
    };
    view! {
        <fieldset class="form-section">
            <legend>"Convert every amount"</legend>
            <p class="field__help">
                "Choosing a currency changes its symbol only. To convert the model's amounts (costs, salaries, benefits, the cost of acting), enter how many units of the currency now chosen one unit of the old one buys; rates, months and hours do not change."
            </p>
            <div class="form-grid">
                <NumberField
                    id="roi-conversion-rate".to_string()
                    label="Multiply every amount by".to_string()
                    unit="new units per old unit".to_string()
                    help="For 1 USD = 0.92 EUR, choose EUR and enter 0.92."
                    kind=crate::domain::input::NumberKind::Plain
                    value=1.0
                    check=Callback::new(|v: f64| {
                        if v > 0.0 && v <= 1e6 {
                            Ok(())
                        } else {
                            Err("Enter a rate above 0, up to 1,000,000.".to_string())
                        }
                    })
                    on_valid=Callback::new(move |v: f64| rate.set(Some(v)))
                    errors=errors
                />
                <div class="field field--button">
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=convert
                        disabled=move || rate.get().is_none_or(|r| r == 1.0)
                    >
                        "Convert every amount"
                    </button>
                </div>
            </div>
            <p role="status">{move || done.get()}</p>
        </fieldset>
    }
    .into_any()
}

/// The notes of the model: the decision asked and what it rests on.
fn notes_view(model: RwSignal<RoiModel>) -> AnyView {
    view! {
        <div class="field field--notes">
            <label class="field__label" for="roi-notes">
                "Notes"
            </label>
            <textarea
                id="roi-notes"
                class="field__input"
                rows="3"
                maxlength=crate::persist::limits::MAX_NOTE.to_string()
                prop:value=model.with_untracked(|m| m.notes.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    model.update(|m| m.notes = v);
                }
            ></textarea>
            <p class="field__help">
                "The decision this model is for and what it rests on. Kept with the model, its share links and its exports."
            </p>
        </div>
    }
    .into_any()
}

/// "Where these figures come from": a source note for each input of a
/// section (and the team's, with the team), closed until opened.
fn sources_view(model: RwSignal<RoiModel>, section: Section) -> AnyView {
    let ids: Vec<(&'static str, &'static str)> = FIELDS
        .iter()
        .filter(|f| f.section == section)
        .map(|f| (f.id, f.label))
        .collect();
    let counted = ids.clone();
    let given = move || {
        model.with(|m| {
            counted
                .iter()
                .filter(|(id, _)| m.sources.contains_key(*id))
                .count()
        })
    };
    let rows = ids
        .iter()
        .map(|(id, label)| {
            let (id, label) = (*id, *label);
            let html_id = format!("roi-source-{id}");
            view! {
                <div class="field">
                    <label class="field__label" for=html_id.clone()>
                        {format!("Source of {}", label.to_lowercase())}
                    </label>
                    <input
                        id=html_id
                        class="field__input"
                        type="text"
                        maxlength=crate::persist::limits::MAX_LABEL.to_string()
                        placeholder="vendor quote, last year's actuals…"
                        prop:value=model
                            .with_untracked(|m| m.sources.get(id).cloned().unwrap_or_default())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            model
                                .update(|m| {
                                    if v.trim().is_empty() {
                                        m.sources.remove(id);
                                    } else {
                                        m.sources.insert(id.to_string(), v);
                                    }
                                });
                        }
                    />
                </div>
            }
        })
        .collect_view();
    let title = section.title();
    view! {
        <details class="sources">
            <summary>
                {move || match given() {
                    0 => title.to_string(),
                    n => format!("{title} ({n} given)"),
                }}
            </summary>
            <div class="form-grid">{rows}</div>
        </details>
    }
    .into_any()
}

/// The stage gates: each decided at the end of a month, passed with a
/// chance; they replace the single chance of technical success.
#[component]
fn GatesEditor(
    model: RwSignal<RoiModel>,
    errors: FieldErrors,
    currency: Signal<String>,
) -> impl IntoView {
    // Rebuilt as a whole when a gate is added or removed; a version keeps
    // the rows' element ids apart from the ones they replace.
    let version = RwSignal::new(0usize);
    // No more gates, or the last one is already at the end of the horizon.
    let full = move || {
        model.with(|m| {
            let last = m.horizon_months();
            m.success.gates.len() >= MAX_GATES
                || m.success.gates.last().is_some_and(|g| g.month >= last)
        })
    };
    let add = move |_| {
        model.update(|m| {
            let n = m.success.gates.len();
            if n >= MAX_GATES {
                return;
            }
            let last = m.horizon_months();
            if m.success.gates.last().is_some_and(|g| g.month >= last) {
                return;
            }
            let month = m.success.gates.last().map_or(3, |g| g.month + 3).min(last);
            let name = match n {
                0 => "Proof of concept".to_string(),
                1 => "Pilot".to_string(),
                _ => format!("Stage {}", n + 1),
            };
            m.success.gates.push(Gate {
                name,
                month,
                chance: 0.7,
            });
        });
        version.update(|v| *v += 1);
    };
    let rows = move || {
        let v = version.get();
        let gates = model.with_untracked(|m| m.success.gates.clone());
        gates
            .into_iter()
            .enumerate()
            .map(|(i, gate)| {
                let name_id = format!("gate-{v}-{i}-name");
                let fields = GATE_FIELDS
                    .iter()
                    .map(|f| {
                        let f = *f;
                        field_input(
                            f,
                            format!("gate-{v}-{i}-{}", f.id),
                            format!("{} (gate {})", f.label, i + 1),
                            currency,
                            (f.get)(&gate),
                            move |x| {
                                model.update(|m| {
                                    if let Some(g) = m.success.gates.get_mut(i) {
                                        (f.set)(g, x)
                                    }
                                })
                            },
                            errors,
                        )
                    })
                    .collect_view();
                view! {
                    <div class="team-row">
                        <div class="field">
                            <label class="field__label" for=name_id.clone()>
                                {format!("Gate {}: name", i + 1)}
                            </label>
                            <input
                                id=name_id
                                class="field__input"
                                type="text"
                                maxlength=crate::persist::limits::MAX_LABEL.to_string()
                                prop:value=gate.name.clone()
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    model
                                        .update(|m| {
                                            if let Some(g) = m.success.gates.get_mut(i) {
                                                g.name = v;
                                            }
                                        });
                                }
                            />
                        </div>
                        {fields}
                        <button
                            type="button"
                            class="button button--quiet"
                            aria-label=format!("Remove gate {}", i + 1)
                            on:click=move |_| {
                                model
                                    .update(|m| {
                                        if i < m.success.gates.len() {
                                            m.success.gates.remove(i);
                                        }
                                    });
                                errors.update(|e| e.retain(|k, _| !k.starts_with("gate-")));
                                version.update(|v| *v += 1);
                            }
                        >
                            "Remove"
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <div class="gates">
            <p class="field__help">
                "Instead of one chance of technical success, stage gates: at the end of each gate's month the project goes on with the chance given, or stops there, spending nothing more. When there are any, they replace the single chance in the form."
            </p>
            {rows}
            <button type="button" class="button button--quiet" on:click=add disabled=full>
                "Add a stage gate"
            </button>
        </div>
    }
}

#[component]
fn TeamEditor(
    model: RwSignal<RoiModel>,
    errors: FieldErrors,
    currency: Signal<String>,
) -> impl IntoView {
    // Rows keyed by a local serial so that removing one keeps the others' text.
    let next = StoredValue::new(model.with_untracked(|m| m.team.len()));
    let rows = RwSignal::new((0..model.with_untracked(|m| m.team.len())).collect::<Vec<usize>>());
    let index_of = move |key: usize| rows.with_untracked(|r| r.iter().position(|k| *k == key));

    let full = move || model.with(|m| m.team.len() >= MAX_TEAM);
    let add = move |_| {
        if full() {
            return;
        }
        let key = next.get_value();
        next.set_value(key + 1);
        model.update(|m| {
            m.team.push(TeamMember {
                role: "New role".into(),
                headcount: 1.0,
                monthly_cost: 10_000.0,
                months: 3.0,
            })
        });
        rows.update(|r| r.push(key));
    };

    view! {
        <fieldset class="form-section">
            <legend>"Development team"</legend>
            <p class="field__help">
                "Each role on the build: how many people, their fully loaded monthly cost, and how many months from the start they work on it. The model goes live when the longest assignment ends."
            </p>
            <For
                each=move || rows.get()
                key=|k| *k
                children=move |key| {
                    defer(move || {
                        let i = index_of(key).unwrap_or(0);
                        let member = model
                            .with_untracked(|m| m.team.get(i).cloned())
                            .unwrap_or(TeamMember {
                                role: String::new(),
                                headcount: 0.0,
                                monthly_cost: 0.0,
                                months: 0.0,
                            });
                        let role = RwSignal::new(member.role.clone());
                        let role_id = format!("team-{key}-role");
                        let fields = MEMBER_FIELDS
                            .iter()
                            .map(|f| {
                                let f = *f;
                                field_input(
                                    f,
                                    format!("team-{key}-{}", f.id),
                                    Signal::derive(move || format!("{} ({})", f.label, role.get())),
                                    currency,
                                    (f.get)(&member),
                                    move |v| {
                                        if let Some(i) = index_of(key) {
                                            model
                                                .update(|m| {
                                                    if let Some(p) = m.team.get_mut(i) {
                                                        (f.set)(p, v)
                                                    }
                                                });
                                        }
                                    },
                                    errors,
                                )
                            })
                            .collect_view();
                        // Each row in a task of its own.
                        view! {
                            <div class="team-row">
                                <div class="field">
                                    <label class="field__label" for=role_id.clone()>
                                        "Role"
                                    </label>
                                    <input
                                        id=role_id.clone()
                                        class="field__input"
                                        type="text"
                                        maxlength=crate::persist::limits::MAX_LABEL.to_string()
                                        prop:value=move || role.get()
                                        on:input=move |ev| {
                                            let v = event_target_value(&ev);
                                            role.set(v.clone());
                                            if let Some(i) = index_of(key) {
                                                model
                                                    .update(|m| {
                                                        if let Some(p) = m.team.get_mut(i) {
                                                            p.role = v;
                                                        }
                                                    });
                                            }
                                        }
                                    />
                                </div>
                                {fields}
                                <button
                                    type="button"
                                    class="button button--quiet"
                                    aria-label=move || format!("Remove the role {}", role.get())
                                    on:click=move |_| {
                                        if let Some(i) = index_of(key) {
                                            model
                                                .update(|m| {
                                                    m.team.remove(i);
                                                });
                                            rows.update(|r| {
                                                r.remove(i);
                                            });
                                        }
                                    }
                                >
                                    "Remove"
                                </button>
                            </div>
                        }
                            .into_any()
                    })
                }
            />
            <button type="button" class="button button--quiet" on:click=add disabled=full>
                "Add a role"
            </button>
            <Show when=full>
                <p class="field__help" role="status">
                    {format!("A model holds up to {MAX_TEAM} roles.")}
                </p>
            </Show>
        </fieldset>
    }
}

/// The stages between gates: what each spends and the chances.
fn stages_table(r: &RoiResults, currency: &str) -> AnyView {
    let rows = r
        .stages
        .iter()
        .map(|st| {
            view! {
                <tr>
                    <th scope="row">{st.name.clone()}</th>
                    <td class="num">{format!("{}-{}", st.from_month, st.to_month)}</td>
                    <td class="num">{format::money(st.cost, currency)}</td>
                    <td class="num">{format::percent(st.reached)}</td>
                    <td class="num">{format::percent(st.chance)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Stages">
            <table class="table">
                <caption>
                    "Stages. A stage's cost is spent whenever the project gets to it."
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Gate"</th>
                        <th scope="col" class="num">
                            "Months"
                        </th>
                        <th scope="col" class="num">
                            "Cost"
                        </th>
                        <th scope="col" class="num">
                            "Chance of getting there"
                        </th>
                        <th scope="col" class="num">
                            "Chance of passing"
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The results of a model: key figures, the chart and the year table.
#[component]
pub fn ResultsPanel(
    results: Memo<Result<RoiResults, Vec<roi::InvalidInput>>>,
    errors: FieldErrors,
    model: RwSignal<RoiModel>,
) -> impl IntoView {
    let currency = move || model.with(|m| m.money.currency.clone());
    // The results while every input is valid and the model evaluates.
    let valid = move || {
        if errors.with(BTreeMap::is_empty) {
            results.get().ok()
        } else {
            None
        }
    };
    let figures = move || {
        let n = errors.with(BTreeMap::len);
        if n > 0 {
            return withheld("Results are", "them", n);
        }
        match results.get() {
            Err(invalid) => view! {
                <div class="results__unavailable" role="alert">
                    <p>"Results are unavailable because some values are out of range:"</p>
                    <ul>
                        {invalid
                            .into_iter()
                            .map(|i| view! { <li>{format!("{}: {}", i.field, i.message)}</li> })
                            .collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
            Ok(r) => {
                let c = currency();
                let money = |v: f64| format::money(v, &c);
                let months = |m: Option<f64>, why: &str| {
                    m.map(format::months).ok_or_else(|| why.to_string())
                };
                let horizon_note =
                    "the cumulative cash flow does not turn positive within the horizon";
                let success = r.chance_of_success;
                view! {
                    <dl class="figures">
                        {figure(
                            "Net present value",
                            r.npv.clone().map(money),
                            Some(
                                "If the model works: every month's net flow discounted to the start at the discount rate.",
                            ),
                        )}
                        {figure(
                            "Expected NPV",
                            r.expected_npv.clone().map(money),
                            Some(
                                "Each month's flow weighted by the chance the project is still going then; equal to the NPV when success is certain.",
                            ),
                        )}
                        {(success < 1.0)
                            .then(|| {
                                figure(
                                    "Chance of technical success",
                                    Ok(format::percent(success)),
                                    Some("Chance of passing every gate."),
                                )
                            })}
                        {figure(
                            "Go-live",
                            Ok(format!("Month {}", r.go_live_month)),
                            Some(
                                "Benefits and running costs start in this month, after the longest build assignment.",
                            ),
                        )}
                        {figure(
                            "IRR (annual)",
                            r.irr_annual.clone().map(format::percent),
                            Some("The yearly discount rate at which the NPV is zero."),
                        )}
                        {figure(
                            "MIRR (annual)",
                            r.mirr_annual.clone().map(format::percent),
                            Some(
                                "Costs financed at the MIRR finance rate, returns reinvested at the MIRR reinvestment rate.",
                            ),
                        )}
                        {figure(
                            "ROI",
                            r.roi_percent.clone().map(|v| format::percent(v / 100.0)),
                            Some(
                                "Net benefit over total cost: undiscounted, over the whole horizon, if the model works.",
                            ),
                        )}
                        {figure(
                            "Payback",
                            months(r.payback_months, horizon_note),
                            Some(
                                "From the start of the build until the cumulative net flow stops being negative.",
                            ),
                        )}
                        {figure(
                            "Payback after go-live",
                            months(r.payback_after_go_live, horizon_note),
                            Some("The same, counted from go-live."),
                        )}
                        {figure(
                            "Discounted payback",
                            months(r.discounted_payback_months, horizon_note),
                            Some(
                                "Payback on flows discounted at the discount rate, from the start.",
                            ),
                        )}
                        {figure(
                            "Break-even month",
                            r
                                .break_even_month
                                .map(|m| format!("Month {m}"))
                                .ok_or_else(|| horizon_note.to_string()),
                            Some(
                                "The first month at whose end the cumulative net flow is not negative.",
                            ),
                        )}
                    </dl>
                }
                .into_any()
            }
        }
    };
    // The totals and the stages, in a task of their own when the page is
    // built (see Deferred); nothing while the key figures say why there
    // are no results.
    let totals = move || {
        valid().map(|r| {
            let c = currency();
            let money = |v: f64| format::money(v, &c);
            let capacity = r.capacity_hours;
            let tax_note =
                if model.with_untracked(|m| m.money.tax_losses) == TaxLosses::OffsetNow {
                    "Below zero: tax saved on the company's other profits."
                } else {
                    "Losses carried forward against later profits first."
                };
            let stages = (!r.stages.is_empty()).then(|| stages_table(&r, &c));
            view! {
                <dl class="figures">
                    {figure(
                        "Benefit-cost ratio",
                        r.benefit_cost_ratio.clone().map(|v| format::decimal(v, 2)),
                        Some("Present value of benefits over present value of costs and tax."),
                    )}
                    {figure(
                        "Total cost of ownership",
                        Ok(money(r.total_cost)),
                        Some("Everything spent over the horizon, tax excluded, undiscounted."),
                    )}
                    {figure(
                        "Total benefit",
                        Ok(money(r.total_benefit)),
                        Some("Before tax, undiscounted."),
                    )} {figure("Total tax", Ok(money(r.total_tax)), Some(tax_note))}
                    {figure(
                        "Net benefit",
                        Ok(money(r.net_benefit)),
                        Some("After tax, undiscounted."),
                    )}
                    {(capacity > 0.0)
                        .then(|| {
                            figure(
                                "Capacity freed",
                                Ok(
                                    format!(
                                        "{} hours",
                                        crate::domain::input::group_thousands(
                                            &format!("{}", capacity.round()),
                                        ),
                                    ),
                                ),
                                Some(
                                    "Hours saved that count as capacity, not money: outside NPV and ROI.",
                                ),
                            )
                        })}
                </dl>
                {stages}
            }
        })
    };
    let chart = move || {
        valid().map(|r| {
            let c = currency();
            let money = |v: f64| format::money(v, &c);
            let description = format!(
                "Cumulative cash flow by month, from {} at the start to {} after month {}{}.",
                money(r.cumulative.first().copied().unwrap_or(0.0)),
                money(r.cumulative.last().copied().unwrap_or(0.0)),
                r.cumulative.len().saturating_sub(1),
                match r.payback_months {
                    Some(p) => format!("; it breaks even at month {p:.1}"),
                    None => "; it does not break even".into(),
                },
            );
            let chart = CumulativeChart {
                cumulative: r.cumulative,
                break_even: r.payback_months,
                currency: c,
            };
            view! {
                <figure class="chart-figure">
                    <ChartCanvas
                        data=Some(Chart::Cashflow(chart))
                        description=description.clone()
                        file_name="sextant-cash-flow.png"
                    />
                    <figcaption>{description}</figcaption>
                </figure>
            }
        })
    };
    let table = move || {
        valid().map(|r| {
            let c = currency();
            let money = |v: f64| format::money(v, &c);
            let years = r
                .years
                .iter()
                .map(|y| {
                    view! {
                        <tr>
                            <th scope="row">{format!("Year {}", y.year)}</th>
                            <td class="num">{money(y.cost)}</td>
                            <td class="num">{money(y.benefit)}</td>
                            <td class="num">{money(y.tax)}</td>
                            <td class="num">{money(y.net)}</td>
                            <td class="num">{money(y.cumulative)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Year by year table">
                    <table class="table">
                        <caption>
                            "Year by year, if the model works. Benefit is after the adoption ramp and staleness, which each retraining or yearly refresh restores; cost includes acting on predictions."
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">"Year"</th>
                                <th scope="col" class="num">
                                    "Cost"
                                </th>
                                <th scope="col" class="num">
                                    "Benefit"
                                </th>
                                <th scope="col" class="num">
                                    "Tax"
                                </th>
                                <th scope="col" class="num">
                                    "Net"
                                </th>
                                <th scope="col" class="num">
                                    "Cumulative"
                                </th>
                            </tr>
                        </thead>
                        <tbody>{years}</tbody>
                    </table>
                </div>
            }
        })
    };
    // Focusable: on wide screens the panel scrolls on its own.
    view! {
        <section class="roi__results panel" aria-labelledby="results-heading" tabindex="0">
            <h2 id="results-heading">"Results"</h2>
            {figures}
            <Deferred>{totals}</Deferred>
            // The chart and the table, each in a task of its own when the
            // page is built; both follow every change after that.
            <Deferred>{chart}</Deferred>
            <Deferred>{table}</Deferred>
        </section>
    }
}
