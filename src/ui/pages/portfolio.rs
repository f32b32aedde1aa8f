//! Project prioritisation: candidate ML projects scored on six criteria
//! with a rubric, ranked by weighted criteria, RICE, WSJF or ICE, mapped by
//! value and effort, and linked to their ROI models and readiness runs.

use crate::charts::value_effort::{BubbleLabel, ValueEffortChart};
use crate::charts::Chart;
use crate::domain::assess;
use crate::domain::format;
use crate::domain::input::{format_input, parse_number};
use crate::domain::packs;
use crate::domain::portfolio::{
    rank, robustness, score, select, value_effort, BubbleBasis, Criterion, EffortAxis, Method,
    Portfolio, Project, ProjectField, Robustness, ValueAxis, RICE_CONFIDENCE, RICE_IMPACT,
    WSJF_SCALE,
};
use crate::persist::envelope::{DocKind, Document};
use crate::persist::limits::MAX_PROJECTS;
use crate::persist::portfolio as format_v1;
use crate::persist::share::Shared;
use crate::route::{AssessmentKind, Page};
use crate::ui::autosave::{Autosave, SaveState};
use crate::ui::components::chart::ChartCanvas;
use crate::ui::components::deferred::Deferred;
use crate::ui::components::number_field::{FieldErrors, NumberField};
use crate::ui::components::panels::{missing, open_saved, withheld, Opens};
use crate::ui::components::start::{Creator, StartPage};
use crate::ui::download::download_text;
use crate::ui::export::file_stem;
use crate::ui::storage::Storage;
use crate::view::ranking::{
    self, AttachedReadiness, AttachedRoi, Attachments, Cell, Sort, SortKey,
};
use leptos::prelude::*;
use std::collections::BTreeMap;

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
        Err(why) => missing(TITLE, Page::Portfolio(None), START, why),
    }
}

/// `#/portfolio`: the examples and the saved portfolios, to open or start one.
#[component]
pub fn PortfolioStart() -> impl IntoView {
    let creator = Creator::new(DocKind::Portfolio, "portfolio", |id| {
        Page::Portfolio(Some(id))
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
            title=crate::catalog::PORTFOLIO_TITLE
            lede=crate::catalog::PORTFOLIO_LEDE
            creator=creator
            saved_heading="Your saved portfolios"
            actions=actions
        />
    }
}

fn attached_roi(id: &str) -> Result<AttachedRoi, String> {
    let storage = expect_context::<Storage>();
    let doc = untrack(|| storage.load(id))
        .map_err(|_| "the attached ROI model is not in this browser".to_string())?;
    let model = crate::persist::roi::from_data(&doc.data).map_err(|e| e.to_string())?;
    let k = model.key_figures();
    Ok(AttachedRoi {
        npv: k.npv,
        roi_percent: k.roi_percent,
        payback_months: k.payback_months,
        currency: model.money.currency.clone(),
        name: doc.name,
    })
}

fn readiness_level(id: &str) -> Result<AttachedReadiness, String> {
    let storage = expect_context::<Storage>();
    let doc = untrack(|| storage.load(id))
        .map_err(|_| "the attached assessment is not in this browser".to_string())?;
    let pack = packs::READINESS
        .load()
        .map_err(|_| "the readiness assessment could not be loaded".to_string())?;
    let run =
        crate::persist::assessment::from_data_for(&doc.data, &pack).map_err(|e| e.to_string())?;
    let results = assess::score(&pack, &run.answers);
    let verdict = assess::verdict(&pack, &results).map(|v| v.label);
    Ok(AttachedReadiness {
        label: ranking::readiness_label(run.completed.is_some(), verdict),
        name: doc.name,
    })
}

/// What reads a project's attachments from this browser's storage: an ROI
/// model's key figures and a readiness run's verdict. Only a portfolio with
/// attachments uses them, with the ROI model's stored format and finance and
/// the readiness pack; with `split` they are a module of their own, fetched
/// when a portfolio with attachments is shown.
#[derive(Clone, Copy)]
struct Readers {
    roi: fn(&str) -> Result<AttachedRoi, String>,
    readiness: fn(&str) -> Result<AttachedReadiness, String>,
}

const READERS: Readers = Readers {
    roi: attached_roi,
    readiness: readiness_level,
};

#[cfg(feature = "split")]
split_point!(
    attachments_1,
    fn attachment_readers() -> Readers {
        READERS
    }
);

/// The parts of a portfolio's page below its ranking table: each project's
/// editor and the value-effort map. With `split` they are a module of their
/// own, fetched as soon as the page asks for them (the page's later bundle):
/// with them, the editor's own bundle made it open with 337 KB gzip, more than
/// the 300 KB a page should take.
#[derive(Clone, Copy)]
struct Below {
    project: fn(String, RwSignal<Portfolio>, FieldErrors) -> AnyView,
    map: fn(RwSignal<Portfolio>, Npvs) -> AnyView,
    fits: fn(RwSignal<Portfolio>, bool) -> AnyView,
}

/// Each project's attached NPV, if any, in the portfolio's order.
type Npvs = Memo<Vec<Option<f64>>>;

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
            .map(|v| format_input(v, crate::domain::input::NumberKind::Plain))
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
                    match parse_number(&t, crate::domain::input::NumberKind::Plain)
                        .and_then(|v| {
                            crate::domain::input::check_range(
                                v,
                                0.0,
                                1e12,
                                crate::domain::input::NumberKind::Plain,
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
    let result = move || {
        portfolio.with(|p| {
            let names = |i: &usize| p.projects[*i].name.clone();
            match select(p, p.method) {
                Err(e) => view! {
                    <p class="results__unavailable" role="alert">
                        {e}
                    </p>
                }
                .into_any(),
                Ok(s) => {
                    let chosen = s
                        .chosen
                        .iter()
                        .map(|i| view! { <li>{names(i)}</li> })
                        .collect_view();
                    let left = s
                        .left_out
                        .iter()
                        .map(|(i, why)| view! { <li>{format!("{}: {why}", names(i))}</li> })
                        .collect_view();
                    let totals = format!(
                        "Together they cost {} (of the costs given) and take {} person-months.",
                        format::money(s.cost, &p.currency),
                        format_input(
                            (s.person_months * 10.0).round() / 10.0,
                            crate::domain::input::NumberKind::Plain
                        ),
                    );
                    let any_left = !s.left_out.is_empty();
                    view! {
                        <h4>"Taken"</h4>
                        <ol aria-label="Projects that fit">{chosen}</ol>
                        <p>{totals}</p>
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
            }
        })
    };
    view! {
        <section class="fits" aria-labelledby="fits-heading">
            <h3 id="fits-heading">"What fits"</h3>
            <p class="field__help">
                {move || {
                    format!(
                        "Projects in the order the {} ranking gives, each taken if it fits what is left, together with the projects it needs; a lower one that fits is still taken. This is the order WSJF prescribes; it does not search for the largest total score.",
                        portfolio.with(|p| p.method.name()),
                    )
                }}
            </p>
            {inputs}
            {result}
        </section>
    }
    .into_any()
}

#[cfg(feature = "split")]
split_point!(
    below_1,
    fn below_the_table() -> Below {
        BELOW
    }
);

/// Shows `build`'s part of [`Below`]: with `split`, "Loading…" until its
/// module is in, or that `what` could not be loaded, with "Try again".
fn show_below(
    what: &'static str,
    build: impl Fn(Below) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    #[cfg(feature = "split")]
    {
        let loaded = super::Loaded::fetch(below_the_table);
        move || loaded.show(what, &build)
    }
    #[cfg(not(feature = "split"))]
    {
        let _ = what;
        move || untrack(|| build(BELOW))
    }
}

fn project_editor(id: String, portfolio: RwSignal<Portfolio>, errors: FieldErrors) -> AnyView {
    untrack(|| view! { <ProjectEditor id=id portfolio=portfolio errors=errors /> }.into_any())
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
        Page::Portfolio(Some(id))
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
                            let text = event_target_value(&ev);
                            let key = format!("weight-{}", c.id());
                            match text.trim().parse::<u32>() {
                                Ok(v) if v <= 100 => {
                                    error.set(None);
                                    errors.update(|e| { e.remove(&key); });
                                    portfolio.update(|p| p.weights.set(c, v));
                                }
                                _ => {
                                    let message = "Enter a whole percentage from 0 to 100.";
                                    error.set(Some(message.into()));
                                    errors.update(|e| { e.insert(key, message.into()); });
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
                <p>
                    {move || {
                        let w = portfolio.with(|p| p.weights.values());
                        format!(
                            "Total: {}% ({})",
                            w.iter().sum::<u32>(),
                            Criterion::ALL
                                .iter()
                                .map(|c| format!("{} {}%", c.name(), w[c.index()]))
                                .collect::<Vec<_>>()
                                .join(", "),
                        )
                    }}
                </p>
            </fieldset>
        </section>
    }
}

/// The ranking table, robustness, and value-effort map. `linked`: attached
/// documents are looked up in this browser (false on a shared link).
#[component]
pub fn Ranking(
    portfolio: RwSignal<Portfolio>,
    linked: bool,
    name: Signal<String>,
    /// The editor's field errors: while a field holds a value that is not
    /// valid, the portfolio still has the field's last valid value, so the
    /// ranking is withheld rather than shown for numbers nobody sees.
    #[prop(optional)]
    errors: Option<FieldErrors>,
) -> impl IntoView {
    let invalid = move || errors.map(|e| e.with(BTreeMap::len)).unwrap_or(0);
    let hide_body = move || invalid() > 0;
    let unavailable = move || {
        let n = invalid();
        (n > 0).then(|| withheld("The ranking is", "it", n))
    };
    let sort = RwSignal::new(Sort::default());
    #[cfg(feature = "split")]
    let loaded = super::Loaded::when_asked(attachment_readers);
    // The readers, asked for only when a project has an attachment to read.
    let readers = move || -> Result<Readers, String> {
        #[cfg(feature = "split")]
        {
            loaded.start();
            match loaded.get() {
                super::Fetch::Ready(r) => Ok(r),
                super::Fetch::Pending => Err("still loading".into()),
                super::Fetch::Failed => Err("part of Sextant did not arrive (see above)".into()),
            }
        }
        #[cfg(not(feature = "split"))]
        {
            Ok(READERS)
        }
    };
    // Above the table, when the readers could not be fetched: what it means,
    // with "Try again".
    let readers_failed = move || -> Option<AnyView> {
        #[cfg(feature = "split")]
        {
            loaded.failure("The attached ROI models and readiness runs")
        }
        #[cfg(not(feature = "split"))]
        {
            None
        }
    };
    let attached = Memo::new(move |_| {
        portfolio.with(|p| {
            let attachments = p
                .projects
                .iter()
                .any(|x| x.roi_model.is_some() || x.readiness.is_some());
            let read = if linked && attachments {
                readers()
            } else {
                Err("attached in the sender's browser".into())
            };
            p.projects
                .iter()
                .map(|x| Attachments {
                    roi: x
                        .roi_model
                        .as_deref()
                        .map(|id| read.clone().and_then(|r| (r.roi)(id))),
                    readiness: x
                        .readiness
                        .as_deref()
                        .map(|id| read.clone().and_then(|r| (r.readiness)(id))),
                })
                .collect::<Vec<_>>()
        })
    });
    let npvs =
        Memo::new(move |_| attached.with(|a| a.iter().map(Attachments::npv).collect::<Vec<_>>()));
    let ranking = Memo::new(move |_| portfolio.with(|p| rank(p, p.method)));
    let rows = move || {
        let rows = portfolio
            .with(|p| ranking.with(|r| attached.with(|a| ranking::rows(p, r, a, sort.get()))));
        let ids = portfolio.with(|p| {
            p.projects
                .iter()
                .map(|x| (x.roi_model.clone(), x.readiness.clone()))
                .collect::<Vec<_>>()
        });
        rows.into_iter()
            .map(|row| {
                let (roi_id, readiness_id) = ids.get(row.index).cloned().unwrap_or_default();
                let cells = row
                    .scores
                    .into_iter()
                    .map(|(text, current)| {
                        view! { <td class="num" class:num--current=current>{text}</td> }
                    })
                    .collect_view();
                let roi_cells = match row.roi {
                    Cell::None => view! {
                        <td class="num">"–"</td>
                        <td class="num">"–"</td>
                        <td class="num">"–"</td>
                    }
                    .into_any(),
                    Cell::Unavailable(why) => view! { <td colspan="3">{why}</td> }.into_any(),
                    Cell::Shown(c) => view! {
                        <td class="num">
                            <a
                                href=Page::Roi(Some(roi_id.unwrap_or_default())).href()
                                title=c.title
                            >
                                {c.npv}
                            </a>
                        </td>
                        <td class="num">{c.roi}</td>
                        <td class="num">{c.payback}</td>
                    }
                    .into_any(),
                };
                let ready_cell = match row.readiness {
                    Cell::None => view! { <td>"–"</td> }.into_any(),
                    Cell::Unavailable(why) => view! { <td>{why}</td> }.into_any(),
                    Cell::Shown((label, doc_name)) => {
                        let href = Page::AssessmentRun(
                            AssessmentKind::Readiness,
                            readiness_id.unwrap_or_default(),
                        )
                        .href();
                        view! {
                            <td>
                                <a href=href title=doc_name>
                                    {label}
                                </a>
                            </td>
                        }
                        .into_any()
                    }
                };
                view! {
                    <tr>
                        <td class="num">{row.position}</td>
                        <th scope="row">{row.name}</th>
                        {cells}
                        <td>{row.quadrant}</td>
                        {roi_cells}
                        {ready_cell}
                    </tr>
                }
            })
            .collect_view()
    };
    let header = move |label: &'static str, key: SortKey| {
        view! {
            <th scope="col" aria-sort=move || sort.get().aria(key)>
                <button
                    type="button"
                    class="sort"
                    on:click=move |_| sort.update(|s| *s = s.select(key))
                >
                    {label}
                </button>
            </th>
        }
    };
    let robust = Memo::new(move |_| {
        portfolio.with(|p| {
            let r = robustness(p);
            let text = r.describe(p);
            (r, text)
        })
    });
    let csv = move |_| {
        let p = portfolio.get_untracked();
        let rows = ranking.get_untracked();
        let rows: Vec<crate::persist::csv::RankedProject> = rows
            .iter()
            .map(|r| crate::persist::csv::RankedProject {
                rank: r.rank,
                name: &r.name,
                scores: [Method::Weighted, Method::Rice, Method::Wsjf, Method::Ice].map(|m| {
                    p.projects
                        .get(r.index)
                        .and_then(|x| score(x, m, &p.weights).ok())
                }),
            })
            .collect();
        let out = crate::persist::csv::ranking(&rows);
        let _ = download_text(
            &format!("{}-ranking.csv", file_stem(&name.get_untracked())),
            "text/csv",
            &out,
        );
    };
    view! {
        <section class="panel" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">"Ranking"</h2>
            <p>
                {move || {
                    let m = portfolio.with(|p| p.method);
                    format!(
                        "Ranked by {} ({}). Select a column heading to sort by it.",
                        m.name(),
                        m.formula(),
                    )
                }}
            </p>
            {unavailable}
            {readers_failed}
            <div class="ranking__body" hidden=hide_body>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Ranking table">
                    <table class="table">
                        <caption>"Projects ranked"</caption>
                        <thead>
                            <tr>
                                {header("Rank", SortKey::Rank)} {header("Project", SortKey::Name)}
                                {header("Weighted", SortKey::Method(Method::Weighted))}
                                {header("RICE", SortKey::Method(Method::Rice))}
                                {header("WSJF", SortKey::Method(Method::Wsjf))}
                                {header("ICE", SortKey::Method(Method::Ice))}
                                <th scope="col">"Quadrant"</th> {header("NPV", SortKey::Npv)}
                                <th scope="col" class="num">
                                    "ROI"
                                </th> <th scope="col" class="num">
                                    "Payback"
                                </th> <th scope="col">"Readiness"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <div class="robustness" role="status">
                    {move || {
                        let (r, text) = robust.get();
                        let badge = matches!(r, Robustness::Stable { .. })
                            .then(|| {
                                view! {
                                    <span class="badge badge--ok">"Stable"</span>
                                    " "
                                }
                            });
                        view! {
                            <p>
                                {badge}
                                <strong>"How robust is the top of the weighted ranking? "</strong>
                                {text}
                            </p>
                        }
                    }}
                </div>
                <button type="button" class="button button--quiet" on:click=csv>
                    "Download ranking (CSV)"
                </button>
                {show_below("What fits", move |below| (below.fits)(portfolio, errors.is_some()))}
                <h3>"Value against effort"</h3>
                {show_below("The value-effort map", move |below| (below.map)(portfolio, npvs))}
            </div>
        </section>
    }
}

/// The value-effort map of [`Ranking`]: its axes, the chart with its
/// description, and the projects it cannot place.
fn value_effort_map(portfolio: RwSignal<Portfolio>, npvs: Npvs) -> AnyView {
    let map = Memo::new(move |_| {
        portfolio.with(|p| {
            let basis = match p.value_axis {
                ValueAxis::Npv => BubbleBasis::NpvMagnitude,
                ValueAxis::Criteria => BubbleBasis::EstimatedCost,
            };
            value_effort(p, &npvs.get(), basis)
        })
    });
    let chart = Signal::derive(move || {
        Some(Chart::ValueEffort(ValueEffortChart::from_map(
            &map.get(),
            BubbleLabel::Name,
        )))
    });
    let description = Signal::derive(move || {
        let m = map.get();
        let mut parts: Vec<String> = m
            .points
            .iter()
            .map(|pt| format!("{}: {}", pt.name, pt.quadrant.name()))
            .collect();
        if parts.is_empty() {
            parts.push("no projects on the map".into());
        }
        format!(
            "Value ({}) against effort ({}). {}.",
            m.value_label,
            m.effort_label,
            parts.join("; ")
        )
    });
    let unplotted = move || {
        map.get()
            .unplotted
            .into_iter()
            .map(|u| view! { <li>{format!("{} is not on the map: {}", u.name, u.reason)}</li> })
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

#[component]
fn ProjectEditor(id: String, portfolio: RwSignal<Portfolio>, errors: FieldErrors) -> impl IntoView {
    let pid = StoredValue::new(id.clone());
    let index = move || {
        portfolio.with_untracked(|p| p.projects.iter().position(|x| x.id == pid.get_value()))
    };
    let start = portfolio
        .with_untracked(|p| p.projects.iter().find(|x| x.id == id).cloned())
        .unwrap_or_else(|| Project::new(id.clone(), ""));
    let update = move |f: &dyn Fn(&mut Project)| {
        portfolio.update(|p| {
            if let Some(x) = p.projects.iter_mut().find(|x| x.id == pid.get_value()) {
                f(x)
            }
        })
    };
    let name = RwSignal::new(start.name.clone());
    let name_error = Memo::new(move |_| {
        let i = portfolio.with(|p| p.projects.iter().position(|x| x.id == pid.get_value()))?;
        portfolio.with(|p| {
            p.errors_of(i)
                .into_iter()
                .find(|e| e.field == ProjectField::Name)
                .map(|e| e.message)
        })
    });
    let html = move |f: &str| format!("{}-{f}", pid.get_value());
    let name_id = html("name");
    let name_error_id = html("name-error");
    let confirming = RwSignal::new(false);
    let label = move |what: &str| format!("{what} ({})", name.get());

    let choice = move |field: ProjectField, options: Vec<(f64, String)>| {
        let fid = html(field.id());
        let current = portfolio
            .with_untracked(|p| {
                p.projects
                    .iter()
                    .find(|x| x.id == pid.get_value())
                    .and_then(|x| x.get(field))
            })
            .unwrap_or(0.0);
        let opts = options
            .into_iter()
            .map(|(v, text)| {
                view! {
                    <option value=v.to_string() selected=v == current>
                        {text}
                    </option>
                }
            })
            .collect_view();
        let rubric = move || match field {
            ProjectField::Score(c) => portfolio.with(|p| {
                p.projects
                    .iter()
                    .find(|x| x.id == pid.get_value())
                    .and_then(|x| c.describe(x.scores.get(c)))
                    .unwrap_or("")
                    .to_string()
            }),
            _ => field.help().to_string(),
        };
        let help_id = format!("{fid}-help");
        view! {
            <div class="field">
                <label class="field__label" for=fid.clone()>
                    {move || label(field.label())}
                </label>
                <select
                    id=fid.clone()
                    class="field__input"
                    aria-describedby=help_id.clone()
                    on:change=move |ev| {
                        if let Ok(v) = parse_number(
                            &event_target_value(&ev),
                            crate::domain::input::NumberKind::Plain,
                        ) {
                            if field.check(v).is_ok() {
                                update(&|x| x.set(field, v));
                            }
                        }
                    }
                >
                    {opts}
                </select>
                <p class="field__help" id=help_id>
                    {rubric}
                </p>
            </div>
        }
    };
    let number = move |field: ProjectField| {
        let value = portfolio
            .with_untracked(|p| {
                p.projects
                    .iter()
                    .find(|x| x.id == pid.get_value())
                    .and_then(|x| x.get(field))
            })
            .unwrap_or(0.0);
        view! {
            <NumberField
                id=html(field.id())
                label=Signal::derive(move || label(field.label()))
                unit=Signal::derive(move || portfolio.with(|p| field.unit(&p.currency)))
                help=field.help()
                kind=field.kind()
                value=value
                check=Callback::new(move |v| field.check(v))
                on_valid=Callback::new(move |v| update(&|x| x.set(field, v)))
                errors=errors
            />
        }
    };
    let scores = Criterion::ALL
        .into_iter()
        .map(|c| {
            choice(
                ProjectField::Score(c),
                (1..=5u32)
                    .map(|n| {
                        (
                            f64::from(n),
                            format!("{n}: {}", c.describe(n).unwrap_or("")),
                        )
                    })
                    .collect(),
            )
        })
        .collect_view();
    let rice = view! {
        {number(ProjectField::RiceReach)}
        {choice(
            ProjectField::RiceImpact,
            RICE_IMPACT.iter().map(|(v, t)| (*v, format!("{t} ({v})"))).collect(),
        )}
        {choice(
            ProjectField::RiceConfidence,
            RICE_CONFIDENCE.iter().map(|(v, t)| (*v, t.to_string())).collect(),
        )}
        {number(ProjectField::RiceEffort)}
    };
    let wsjf_scale: Vec<(f64, String)> = WSJF_SCALE
        .iter()
        .map(|v| (f64::from(*v), v.to_string()))
        .collect();
    let wsjf = view! {
        {choice(ProjectField::WsjfBusinessValue, wsjf_scale.clone())}
        {choice(ProjectField::WsjfTimeCriticality, wsjf_scale.clone())}
        {choice(ProjectField::WsjfRiskReduction, wsjf_scale.clone())}
        {choice(ProjectField::WsjfJobSize, wsjf_scale)}
    };
    let ice = view! {
        {number(ProjectField::IceImpact)}
        {number(ProjectField::IceConfidence)}
        {number(ProjectField::IceEase)}
    };

    // Estimated cost: optional, so an empty field means "not known".
    let cost_id = html("estimated-cost");
    let cost_error = RwSignal::new(None::<String>);
    let cost_text = RwSignal::new(
        start
            .estimated_cost
            .map(|v| format_input(v, crate::domain::input::NumberKind::Plain))
            .unwrap_or_default(),
    );
    let cost = view! {
        <div class="field" class:field--invalid=move || cost_error.with(Option::is_some)>
            <label class="field__label" for=cost_id.clone()>
                {move || label("Estimated cost")}
                " "
                <span class="field__unit">{move || format!("({}, optional)", portfolio.with(|p| p.currency.clone()))}</span>
            </label>
            <input
                id=cost_id.clone()
                class="field__input"
                type="text"
                inputmode="decimal"
                aria-invalid=move || cost_error.with(Option::is_some).to_string()
                prop:value=move || cost_text.get()
                on:input=move |ev| {
                    let t = event_target_value(&ev);
                    cost_text.set(t.clone());
                    if t.trim().is_empty() {
                        cost_error.set(None);
                        update(&|x| x.estimated_cost = None);
                        return;
                    }
                    match parse_number(&t, crate::domain::input::NumberKind::Plain)
                        .and_then(|v| ProjectField::EstimatedCost.check(v).map(|_| v))
                    {
                        Ok(v) => {
                            cost_error.set(None);
                            update(&|x| x.estimated_cost = Some(v));
                        }
                        Err(e) => cost_error.set(Some(e)),
                    }
                }
            />
            {move || cost_error.get().map(|e| view! { <p class="field__error" role="alert">{e}</p> })}
        </div>
    };

    // Links to an ROI model and a readiness run saved in this browser.
    let storage = expect_context::<Storage>();
    let roi_docs = Memo::new(move |_| {
        storage
            .list()
            .into_iter()
            .filter(|d| d.kind == DocKind::RoiModel)
            .collect::<Vec<_>>()
    });
    let readiness_docs = Memo::new(move |_| {
        storage
            .list()
            .into_iter()
            .filter(|d| d.kind == DocKind::Assessment)
            .filter(|d| {
                untrack(|| storage.load(&d.id))
                    .ok()
                    .and_then(|doc| crate::persist::assessment::from_data(&doc.data).ok())
                    .is_some_and(|r| packs::kind_of(&r.pack) == Some(AssessmentKind::Readiness))
            })
            .collect::<Vec<_>>()
    });
    let current_roi = start.roi_model.clone().unwrap_or_default();
    let current_ready = start.readiness.clone().unwrap_or_default();
    let roi_select_id = html("roi-model");
    let ready_select_id = html("readiness");
    let links = view! {
        <div class="field">
            <label class="field__label" for=roi_select_id.clone()>
                {move || label("ROI model")}
            </label>
            <select
                id=roi_select_id.clone()
                class="field__input"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    update(&|x| x.roi_model = (!v.is_empty()).then(|| v.clone()));
                }
            >
                <option value="" selected=current_roi.is_empty()>
                    "None"
                </option>
                {move || {
                    let current = current_roi.clone();
                    roi_docs
                        .get()
                        .into_iter()
                        .map(|d| {
                            view! {
                                <option value=d.id.clone() selected=d.id == current>
                                    {d.name.clone()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <p class="field__help">
                "Its NPV, ROI and payback then show in the ranking and can be the value axis of the map."
            </p>
        </div>
        <div class="field">
            <label class="field__label" for=ready_select_id.clone()>
                {move || label("Readiness assessment")}
            </label>
            <select
                id=ready_select_id.clone()
                class="field__input"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    update(&|x| x.readiness = (!v.is_empty()).then(|| v.clone()));
                }
            >
                <option value="" selected=current_ready.is_empty()>
                    "None"
                </option>
                {move || {
                    let current = current_ready.clone();
                    readiness_docs
                        .get()
                        .into_iter()
                        .map(|d| {
                            view! {
                                <option value=d.id.clone() selected=d.id == current>
                                    {d.name.clone()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    };

    let move_by = move |delta: isize| {
        if let Some(i) = index() {
            portfolio.update(|p| {
                let j = i as isize + delta;
                if j >= 0 && (j as usize) < p.projects.len() {
                    p.projects.swap(i, j as usize);
                }
            });
        }
    };
    let duplicate = move |_| {
        if let Some(i) = index() {
            portfolio.update(|p| {
                let mut copy = p.projects[i].clone();
                let fresh = p.new_project();
                copy.id = fresh.id;
                copy.name = format!("{} (copy)", copy.name);
                p.projects.insert(i + 1, copy);
            });
        }
    };
    // The projects this one needs: every other project, ticked or not.
    // Built again only when the other projects or their names change, not
    // when a box is ticked, so that keyboard focus stays on the box.
    let others = Memo::new(move |_| {
        portfolio.with(|p| {
            p.projects
                .iter()
                .enumerate()
                .filter(|(_, x)| x.id != pid.get_value())
                .map(|(i, x)| {
                    let name = if x.name.trim().is_empty() {
                        format!("Untitled project {}", i + 1)
                    } else {
                        x.name.clone()
                    };
                    (x.id.clone(), name)
                })
                .collect::<Vec<(String, String)>>()
        })
    });
    let needs = move || {
        let others = others.get();
        (!others.is_empty()).then(|| {
            let boxes = others
                .into_iter()
                .map(|(other, name)| {
                    let box_id = html(&format!("needs-{other}"));
                    let o = other.clone();
                    let ticked = move || {
                        portfolio.with(|p| {
                            p.projects
                                .iter()
                                .find(|x| x.id == pid.get_value())
                                .is_some_and(|x| x.depends_on.contains(&o))
                        })
                    };
                    view! {
                        <div class="field field--check">
                            <input
                                id=box_id.clone()
                                type="checkbox"
                                prop:checked=ticked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let other = other.clone();
                                    update(
                                        &move |x| {
                                            x.depends_on.retain(|d| *d != other);
                                            if on {
                                                x.depends_on.push(other.clone());
                                            }
                                        },
                                    );
                                }
                            />
                            <label for=box_id>{name}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="project__needs">
                    <legend>{move || label("Needs these projects first")}</legend>
                    {boxes}
                </fieldset>
            }
        })
    };
    let delete = move |_| {
        if let Some(i) = index() {
            portfolio.update(|p| p.remove_project(i));
        }
    };
    let described = {
        let e = name_error_id.clone();
        move || name_error.with(Option::is_some).then(|| e.clone())
    };
    view! {
        <fieldset class="form-section project">
            <legend>{move || format!("Project: {}", name.get())}</legend>
            <div class="form-grid">
                <div class="field" class:field--invalid=move || name_error.with(Option::is_some)>
                    <label class="field__label" for=name_id.clone()>
                        "Project name"
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
                            update(&|x| x.name = v.clone());
                        }
                    />
                    {move || {
                        name_error
                            .get()
                            .map(|e| view! { <p class="field__error" id=name_error_id.clone()>{e}</p> })
                    }}
                </div>
                {cost}
            </div>
            {needs}
            <h3 class="project__group">"Criteria (1 to 5, higher is more favourable)"</h3>
            <div class="form-grid">{scores}</div>
            <details class="project__methods">
                <summary>{move || format!("RICE, WSJF and ICE inputs of {}", name.get())}</summary>
                <h4>"RICE"</h4>
                <div class="form-grid">{rice}</div>
                <h4>"WSJF"</h4>
                <div class="form-grid">{wsjf}</div>
                <h4>"ICE"</h4>
                <div class="form-grid">{ice}</div>
            </details>
            <h3 class="project__group">"Linked documents"</h3>
            <div class="form-grid">{links}</div>
            <div class="actions">
                <button type="button" class="button button--quiet button--small" on:click=move |_| move_by(-1)>
                    {move || format!("Move {} up", name.get())}
                </button>
                <button type="button" class="button button--quiet button--small" on:click=move |_| move_by(1)>
                    {move || format!("Move {} down", name.get())}
                </button>
                <button type="button" class="button button--quiet button--small" on:click=duplicate>
                    {move || format!("Duplicate {}", name.get())}
                </button>
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                class="button button--quiet button--small"
                                on:click=move |_| confirming.set(true)
                            >
                                {move || format!("Delete {}", name.get())}
                            </button>
                        }
                    }
                >
                    <span role="alert">{move || format!("Delete {} for good? ", name.get())}</span>
                    <button type="button" class="button button--danger button--small" on:click=delete>
                        "Yes, delete it"
                    </button>
                    <button
                        type="button"
                        class="button button--quiet button--small"
                        on:click=move |_| confirming.set(false)
                    >
                        "Keep it"
                    </button>
                </Show>
            </div>
        </fieldset>
    }
}
