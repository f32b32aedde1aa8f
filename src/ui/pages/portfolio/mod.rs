//! Project prioritisation: candidate ML projects scored on six criteria
//! with a rubric, ranked by weighted criteria, RICE, WSJF or ICE, mapped by
//! value and effort, and linked to their ROI models and readiness runs.

use crate::domain::portfolio::{Criterion, Method, Portfolio};
use crate::persist::envelope::{DocKind, Document};
use crate::persist::limits::MAX_PROJECTS;
use crate::persist::portfolio as format_v1;
use crate::persist::share::Shared;
use crate::route::{Calculator, Page};
use crate::ui::autosave::{Autosave, SaveState};
use crate::ui::components::deferred::Deferred;
use crate::ui::components::number_field::FieldErrors;
use crate::ui::components::panels::{missing, open_saved, Opens};
use crate::ui::components::start::{Creator, StartPage};
use crate::view::portfolio as shown;
use leptos::prelude::*;
use std::collections::BTreeMap;

mod attachments;
mod below;
mod project;
mod ranking;

use below::show_below;
pub use ranking::Ranking;

const TITLE: &str = "Project prioritisation";
const START: &str = "Start a new portfolio";

/// `#/portfolio/<id>`: a saved portfolio in its editor, or why it cannot be opened.
#[component]
pub fn PortfolioDocument(
    /// The saved portfolio to open.
    id: String,
) -> impl IntoView {
    let opens = Opens {
        kind: DocKind::Portfolio,
        noun: "portfolio",
        name: "portfolio",
        a_name: "a portfolio",
    };
    match open_saved(&id, &opens, |doc| format_v1::from_data(&doc.data)) {
        Ok((doc, p)) => view! { <PortfolioEditor doc=doc portfolio=p /> }.into_any(),
        Err(why) => missing(
            TITLE,
            Page::Calculator(Calculator::Portfolio, None),
            START,
            why,
        ),
    }
}

/// `#/portfolio`: the examples and the saved portfolios, to open or start one.
#[component]
pub fn PortfolioStart() -> impl IntoView {
    let creator = Creator::new(DocKind::Portfolio, "portfolio", |id| {
        Page::Calculator(Calculator::Portfolio, Some(id))
    });
    let create = move |p: Portfolio| creator.create(p.name.clone(), format_v1::to_data(&p));
    let actions = view! {
        <button class="button" on:click=move |_| create(Portfolio::example())>
            "Start from the example"
        </button>
        <button
            class="button button--quiet"
            on:click=move |_| {
                let mut p = Portfolio::default();
                let first = p.new_project();
                p.projects.push(first);
                create(p)
            }
        >
            "Start an empty portfolio"
        </button>
    }
    .into_any();
    view! {
        <StartPage
            title=crate::catalog::calculator(Calculator::Portfolio).title
            lede=crate::catalog::calculator(Calculator::Portfolio).lede
            creator=creator
            saved_heading="Your saved portfolios"
            actions=actions
        />
    }
}

#[component]
fn PortfolioEditor(doc: Document, portfolio: Portfolio) -> impl IntoView {
    let name = RwSignal::new(doc.name.clone());
    let portfolio = RwSignal::new(portfolio);
    let errors: FieldErrors = RwSignal::new(BTreeMap::new());
    // The stored form, made once per change for both saving and sharing.
    let data = Memo::new(move |_| {
        let mut p = portfolio.get();
        p.name = name.get();
        format_v1::to_data(&p)
    });
    let autosave = Autosave::start(doc, name.into(), data.into(), "Untitled portfolio", |id| {
        Page::Calculator(Calculator::Portfolio, Some(id))
    });
    let shared = Signal::derive(move || Shared {
        kind: DocKind::Portfolio,
        name: name.get(),
        data: data.get(),
    });
    let full = move || portfolio.with(|p| p.projects.len() >= MAX_PROJECTS);
    let add = move |_| {
        if full() {
            return;
        }
        portfolio.update(|p| {
            let project = p.new_project();
            p.projects.push(project);
        })
    };
    view! {
        <div class="roi portfolio">
            <header class="roi__header">
                <h1>"Project prioritisation"</h1>
                <div class="field field--name">
                    <label class="field__label" for="portfolio-name">
                        "Portfolio name"
                    </label>
                    <input
                        id="portfolio-name"
                        class="field__input"
                        type="text"
                        maxlength=crate::persist::limits::MAX_LABEL.to_string()
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </div>
                <SaveState autosave=autosave />
            </header>
            <MethodAndWeights portfolio=portfolio errors=errors />
            <Ranking portfolio=portfolio linked=true name=name.into() errors=errors />
            <section class="panel" aria-labelledby="projects-heading">
                <h2 id="projects-heading">"Projects"</h2>
                <p class="field__help">
                    "Score every criterion so that higher is always more favourable: a 5 for resources means few are needed, a 5 for risk means little risk. The sentence under each score says what it means."
                </p>
                // Each project in a task of its own: the editor was one of
                // 330-530 ms at 4x CPU slowdown, the four projects of the
                // example 220-300 of it. (The ranking is not deferred: the
                // projects below it would move down when it arrived.)
                {show_below(
                    "The projects' editors",
                    move |below| {
                        view! {
                            <For
                                each=move || {
                                    portfolio
                                        .with(|p| {
                                            p.projects.iter().map(|x| x.id.clone()).collect::<Vec<_>>()
                                        })
                                }
                                key=|id| id.clone()
                                children=move |id| {
                                    view! {
                                        <Deferred>
                                            {(below.project)(id.clone(), portfolio, errors)}
                                        </Deferred>
                                    }
                                }
                            />
                        }
                            .into_any()
                    },
                )}
                <button type="button" class="button" on:click=add disabled=full>
                    "Add a project"
                </button>
                <Show when=full>
                    <p class="field__help" role="status">
                        {format!("A portfolio holds up to {MAX_PROJECTS} projects.")}
                    </p>
                </Show>
            </section>
            // Once the projects are in: shown before them, it would move down
            // as they arrive (a layout shift).
            <Deferred>{crate::ui::pages::share_panel(shared)}</Deferred>
        </div>
    }
}

#[component]
fn MethodAndWeights(portfolio: RwSignal<Portfolio>, errors: FieldErrors) -> impl IntoView {
    let method = Memo::new(move |_| portfolio.with(|p| p.method));
    let methods = Method::ALL
        .into_iter()
        .map(|m| {
            let id = format!("method-{}", m.id());
            view! {
                <div class="choice">
                    <input
                        type="radio"
                        name="method"
                        id=id.clone()
                        prop:checked=move || method.get() == m
                        on:change=move |_| portfolio.update(|p| p.method = m)
                    />
                    <label for=id>{m.name()}</label>
                </div>
            }
        })
        .collect_view();
    let weights = Criterion::ALL
        .into_iter()
        .map(|c| {
            let id = format!("weight-{}", c.id());
            let error = RwSignal::new(None::<String>);
            let error_id = format!("{id}-error");
            view! {
                <div class="field" class:field--invalid=move || error.with(Option::is_some)>
                    <label class="field__label" for=id.clone()>
                        {format!("Weight of {}", c.name().to_lowercase())}
                        " "
                        <span class="field__unit">"(%)"</span>
                    </label>
                    <input
                        id=id.clone()
                        class="field__input"
                        type="number"
                        min="0"
                        max="100"
                        step="1"
                        inputmode="numeric"
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        prop:value=move || portfolio.with(|p| p.weights.get(c)).to_string()
                        on:change=move |ev| {
                            let key = format!("weight-{}", c.id());
                            match shown::parse_weight(&event_target_value(&ev)) {
                                Ok(v) => {
                                    error.set(None);
                                    errors.update(|e| { e.remove(&key); });
                                    portfolio.update(|p| p.weights.set(c, v));
                                }
                                Err(message) => {
                                    error.set(Some(message.clone()));
                                    errors.update(|e| { e.insert(key, message); });
                                }
                            }
                        }
                    />
                    {move || {
                        error
                            .get()
                            .map(|e| view! { <p class="field__error" id=error_id.clone()>{e}</p> })
                    }}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="method-heading">
            <h2 id="method-heading">"How to rank"</h2>
            <fieldset class="form-section">
                <legend>"Method"</legend>
                <div class="choices">{methods}</div>
                <p class="formula">
                    <code>{move || method.get().formula()}</code>
                </p>
                <p class="field__help">{move || method.get().explanation()}</p>
            </fieldset>
            <fieldset class="form-section">
                <legend>"Criterion weights"</legend>
                <p class="field__help">
                    "Used by weighted criteria and by the value-effort map. They always add up to 100%: changing one rescales the others in proportion."
                </p>
                <div class="form-grid">{weights}</div>
                <p>{move || portfolio.with(|p| shown::weights_total(&p.weights))}</p>
            </fieldset>
        </section>
    }
}
