//! The ML project ROI calculator: start from an example or a blank model,
//! edit it, and read NPV, IRR, payback and the rest as you type. Every valid
//! edit is saved in this browser.

use crate::domain::format::{self, CURRENCIES};
use crate::domain::roi::{self, RoiModel, Section, TaxLosses, FIELDS, TOGGLES};
use crate::domain::uncertainty::Analysis;
use crate::persist::envelope::{DocKind, Document};
use crate::persist::roi as roi_format;
use crate::persist::share::Shared;
use crate::route::{Calculator, Page};
use crate::ui::autosave::{Autosave, SaveState};
use crate::ui::components::deferred::Deferred;
use crate::ui::components::number_field::{section_inputs, FieldErrors};
use crate::ui::components::panels::{missing, open_saved, Opens};
use crate::ui::components::print_stamp::PrintStamp;
use crate::ui::components::start::{Creator, StartPage};
use leptos::prelude::*;
use std::collections::BTreeMap;

const TITLE: &str = "ML project ROI";
const START: &str = "Start a new model";

mod extras;
mod results;
mod team;

use extras::{roi_extras, EditorParts, Extras};
pub use results::ResultsPanel;
use results::{results_pending, roi_figures, Figures};
use team::TeamEditor;

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
        Err(why) => missing(TITLE, Page::Calculator(Calculator::Roi, None), START, why),
    }
}

/// `#/roi`: the examples and the saved models, to open or start one.
#[component]
pub fn RoiStart() -> impl IntoView {
    let creator = Creator::new(DocKind::RoiModel, "model", |id| {
        Page::Calculator(Calculator::Roi, Some(id))
    });
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
            title=crate::catalog::calculator(Calculator::Roi).title
            lede=crate::catalog::calculator(Calculator::Roi).lede
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
        Page::Calculator(Calculator::Roi, Some(id))
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
