//! A guided self-assessment: intro, one section per step, review, results,
//! history. Every answer is saved as it is given, so a reload resumes.

use crate::charts::radar::{RadarChart, RadarSeries};
use crate::charts::Chart;
use crate::domain::assess::{self, Answer, Item, Pack, Results};
use crate::domain::input::NumberKind;
use crate::domain::packs;
use crate::domain::run::Run;
use crate::persist::assessment as run_format;
use crate::persist::envelope::{DocKind, Document};
use crate::persist::share::Shared;
use crate::route::{AssessmentKind, Page};
use crate::ui::components::chart::ChartCanvas;
use crate::ui::components::number_field::{FieldErrors, NumberField};
use crate::ui::components::print_stamp::PrintStamp;

use crate::ui::autosave::Versioned;
use crate::ui::storage::{new_id, now, Storage};
// CUSTOM: the profile id of the person's own targets.
use crate::view::assessment::{self as results_view, OWN_TARGETS as CUSTOM};
use leptos::prelude::*;
use std::sync::Arc;

use crate::ui::export::when;

/// `#/assess/<kind>`.
#[component]
pub fn AssessmentPage(
    /// The assessment's pack, as loaded (`packs::pack_for`).
    pack: Result<Pack, Vec<crate::domain::assess::PackError>>,
    /// A saved run to open.
    run: Option<String>,
) -> impl IntoView {
    match pack {
        Ok(pack) => view! { <Assessment pack=Arc::new(pack) run=run /> }.into_any(),
        Err(errors) => view! {
            <section class="panel">
                <h1>"This assessment cannot be loaded"</h1>
                <ul role="alert">
                    {errors.into_iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}
                </ul>
            </section>
        }
        .into_any(),
    }
}

/// The runs of one pack stored in this browser, newest first, each brought
/// up to the pack's version (runs that cannot be opened stay in Saved).
fn runs_of(storage: Storage, pack: &Pack) -> Vec<(Document, Run)> {
    storage
        .list()
        .into_iter()
        .filter(|s| s.kind == DocKind::Assessment)
        .filter_map(|s| {
            let doc = storage.load(&s.id).ok()?;
            let run = run_format::from_data_for(&doc.data, pack).ok()?;
            Some((doc, run))
        })
        .collect()
}

/// A stored run of `pack`, checked against it answer by answer, or why it
/// cannot be opened (a sentence).
fn open_run(storage: Storage, pack: &Pack, id: &str) -> Result<(Run, Document), String> {
    let doc = storage.load(id).map_err(|e| match e {
        crate::persist::store::StoreError::Newer(..) => "This run was saved by a newer version of Sextant. It is kept as it is; open Sextant's newest version to use it.".to_string(),
        _ => "This run is no longer stored in this browser.".to_string(),
    })?;
    let run = run_format::from_data_for(&doc.data, pack).map_err(|e| {
        format!("This run cannot be opened: {e}. It stays in Saved, where you can download or delete it.")
    })?;
    Ok((run, doc))
}

/// The page of a run that cannot be opened: why, and a way back.
fn unopenable(pack: &Pack, why: String, mode: RwSignal<Mode>) -> AnyView {
    view! {
        <section class="panel">
            <h1>{pack.title.clone()}</h1>
            <p role="alert">{why}</p>
            <button class="button" on:click=move |_| mode.set(Mode::Intro)>
                "Back to the start"
            </button>
        </section>
    }
    .into_any()
}

#[derive(Clone, Debug, PartialEq)]
enum Mode {
    Intro,
    Flow(String),
    Results(String),
    Compare(String, String),
}

#[component]
fn Assessment(pack: Arc<Pack>, run: Option<String>) -> impl IntoView {
    let storage = expect_context::<Storage>();
    // A run named in the address opens at its questions or results; without
    // one, the introduction lists the runs in progress and the finished ones.
    let initial = untrack(|| {
        let id = run?;
        let doc = storage.load(&id).ok()?;
        let r = run_format::from_data(&doc.data).ok()?;
        Some(if r.completed.is_some() {
            Mode::Results(doc.id)
        } else {
            Mode::Flow(doc.id)
        })
    });
    let mode = RwSignal::new(initial.unwrap_or(Mode::Intro));
    // The address follows the run shown (`#/assess/<kind>/<run>`), so a
    // reload reopens it; replaced, not pushed, and without a hashchange, so
    // the page is not built again. An embedded page keeps its address: a
    // run's own address shows stored data and is never embedded.
    if let Some(kind) = packs::kind_of(&pack.id) {
        Effect::new(move |_| {
            let page = match mode.get() {
                Mode::Flow(id) | Mode::Results(id) => Page::AssessmentRun(kind, id),
                Mode::Intro | Mode::Compare(..) => Page::Assessment(kind),
            };
            let location = window().location();
            let hash = location.hash().unwrap_or_default();
            let route = crate::route::Route::parse(&hash);
            if route.embed || route.page == page {
                return;
            }
            let href = crate::route::Route { page, embed: false }.href();
            if let Ok(history) = window().history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
            }
        });
    }
    let p = pack.clone();
    #[cfg(feature = "split")]
    let after = super::Loaded::when_asked(after_intro);
    // Builds a page of `After` once its module is in; `what` names it if
    // the module cannot be fetched.
    let after_page = move |what: &'static str, build: &dyn Fn(After) -> AnyView| -> AnyView {
        #[cfg(feature = "split")]
        {
            after.show(what, build)
        }
        #[cfg(not(feature = "split"))]
        {
            let _ = what;
            untrack(|| build(AFTER))
        }
    };
    view! {
        {move || match mode.get() {
            Mode::Intro => view! { <Intro pack=p.clone() mode=mode /> }.into_any(),
            Mode::Flow(id) => {
                after_page("The questions", &|pages| (pages.flow)(p.clone(), id.clone(), mode))
            }
            Mode::Results(id) => {
                after_page("Your results", &|pages| (pages.results)(p.clone(), id.clone(), mode))
            }
            Mode::Compare(a, b) => {
                after_page(
                    "The comparison",
                    &|pages| (pages.compare)(p.clone(), a.clone(), b.clone(), mode),
                )
            }
        }}
    }
}

/// The pages after the introduction: the questions, a run's results, and
/// two runs compared. With the `split` feature they are a split point of
/// their own, with the share panel and the radar chart, so an assessment's
/// introduction opens without them: the loader fetches them once it has
/// been built (scripts/build-wasm.mjs, `routeLaterSplits`), and a run opened
/// at its questions or results, or started before they are in, shows
/// "Loading…" until they are.
#[derive(Clone, Copy)]
struct After {
    flow: fn(Arc<Pack>, String, RwSignal<Mode>) -> AnyView,
    results: fn(Arc<Pack>, String, RwSignal<Mode>) -> AnyView,
    compare: fn(Arc<Pack>, String, String, RwSignal<Mode>) -> AnyView,
}

const AFTER: After = After {
    flow: |pack, id, mode| view! { <Flow pack=pack id=id mode=mode /> }.into_any(),
    results: |pack, id, mode| view! { <RunResults pack=pack id=id mode=mode /> }.into_any(),
    compare: |pack, a, b, mode| view! { <Compare pack=pack a=a b=b mode=mode /> }.into_any(),
};

#[cfg(feature = "split")]
split_point!(
    after_intro_1,
    fn after_intro() -> After {
        AFTER
    }
);

/// The name a run gets when none is given: the pack and the day.
fn default_name(pack: &Pack) -> String {
    format!("{}, {}", pack.title, when(now()))
}

/// Starts a run named `name` (the pack and the day if blank), from the
/// answers of `from` when taking an assessment again (its targets too), and
/// opens its first step.
fn start_run(
    storage: Storage,
    pack: &Pack,
    mode: RwSignal<Mode>,
    name: &str,
    from: Option<&Run>,
) -> Result<(), String> {
    let mut run = Run::new(&pack.id, pack.version);
    if let Some(from) = from {
        run.answers = from.answers.clone();
        run.profile = from.profile.clone();
        run.targets = from.targets.clone();
    }
    let name = name.trim();
    let doc = Document::new(
        new_id(),
        DocKind::Assessment,
        if name.is_empty() {
            default_name(pack)
        } else {
            name.chars()
                .take(crate::persist::limits::MAX_LABEL)
                .collect()
        },
        now(),
        run_format::to_data(&run),
    );
    let doc = storage
        .save(doc)
        .map_err(|e| format!("The run could not be started: {e}."))?;
    mode.set(Mode::Flow(doc.id));
    Ok(())
}

/// The introduction in paragraphs (blank lines in the pack's `intro`).
fn paragraphs(text: &str) -> impl IntoView {
    let mut parts = text.split("\n\n");
    let first = parts.next().unwrap_or_default().to_string();
    let rest = parts
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view();
    view! {
        <p class="lede">{first}</p>
        {rest}
    }
}

#[component]
fn Intro(pack: Arc<Pack>, mode: RwSignal<Mode>) -> impl IntoView {
    let storage = expect_context::<Storage>();
    let lp = pack.clone();
    let runs = Memo::new(move |_| runs_of(storage, &lp));
    let history = Memo::new(move |_| {
        runs.get()
            .into_iter()
            .filter(|(_, r)| r.completed.is_some())
            .collect::<Vec<_>>()
    });
    let in_progress = Memo::new(move |_| {
        runs.get()
            .into_iter()
            .filter(|(_, r)| r.completed.is_none())
            .collect::<Vec<_>>()
    });
    let count: usize = pack.sections.iter().map(|s| s.items.len()).sum();
    let p = pack.clone();
    let hp = pack.clone();
    let picked = RwSignal::new(Vec::<String>::new());
    let name = RwSignal::new(String::new());
    let start_error = RwSignal::new(None::<String>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(e) = start_run(storage, &p, mode, &name.get_untracked(), None) {
            start_error.set(Some(e));
        }
    };
    let name_help = format!(
        "What the run is about: the project, team or person, and when. Left blank, it is called \"{}\".",
        default_name(&pack),
    );
    view! {
        <section class="hero">
            <h1>{pack.title.clone()}</h1>
            {paragraphs(&pack.intro)}
            <p>
                {format!(
                    "{} sections, up to {} questions. Your answers are saved in this browser as you go.",
                    pack.sections.len(),
                    count,
                )}
            </p>
            <form class="start-run" on:submit=start>
                <div class="field">
                    <label class="field__label" for="run-name">
                        "Name of this run"
                    </label>
                    <input
                        id="run-name"
                        class="field__input"
                        type="text"
                        maxlength=crate::persist::limits::MAX_LABEL
                        aria-describedby="run-name-help"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                    <p class="field__help" id="run-name-help">
                        {name_help}
                    </p>
                </div>
                <button class="button" type="submit">
                    "Start the assessment"
                </button>
                {move || {
                    start_error
                        .get()
                        .map(|e| {
                            view! {
                                <p class="field__error" role="alert">
                                    {e}
                                </p>
                            }
                        })
                }}
            </form>
        </section>
        <Show when=move || !in_progress.with(Vec::is_empty)>
            <section class="panel" aria-labelledby="progress-heading">
                <h2 id="progress-heading">"Runs in progress"</h2>
                <ul>
                    {move || {
                        in_progress
                            .get()
                            .into_iter()
                            .map(|(doc, _)| {
                                let id = doc.id.clone();
                                view! {
                                    <li>
                                        <button
                                            class="button button--quiet"
                                            on:click=move |_| mode.set(Mode::Flow(id.clone()))
                                        >
                                            {format!("Continue \u{201c}{}\u{201d}", doc.name)}
                                        </button>
                                        {format!(" started {}", when(doc.created))}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
        <Show when=move || !history.with(Vec::is_empty)>
            <section class="panel" aria-labelledby="history-heading">
                <h2 id="history-heading">"Your completed runs"</h2>
                <ul>
                    {
                        let hp = hp.clone();
                        move || {
                            history
                                .get()
                                .into_iter()
                                .map(|(doc, run)| {
                                    let results = assess::score(&hp, &run.answers);
                                    let summary = results
                                        .groups
                                        .iter()
                                        .map(|g| {
                                            format!(
                                                "{}: {}",
                                                g.title,
                                                g
                                                    .score
                                                    .map_or(
                                                        "not scored".into(),
                                                        |s| hp.group_score_text(&g.id, s),
                                                    ),
                                            )
                                        })
                                        .collect::<Vec<_>>()
                                        .join(", ");
                                    let id = doc.id.clone();
                                    let pick_id = doc.id.clone();
                                    let check_id = format!("compare-{}", doc.id);
                                    let label = format!(
                                        "Compare \u{201c}{}\u{201d}, completed {}",
                                        doc.name,
                                        when(run.completed.unwrap_or(doc.updated)),
                                    );
                                    view! {
                                        <li>
                                            <input
                                                type="checkbox"
                                                id=check_id.clone()
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    let id = pick_id.clone();
                                                    picked
                                                        .update(|p| {
                                                            p.retain(|x| *x != id);
                                                            if on {
                                                                p.push(id);
                                                            }
                                                        });
                                                }
                                            />
                                            <label for=check_id class="visually-hidden">
                                                {label}
                                            </label>
                                            " "
                                            <button
                                                class="button button--quiet"
                                                on:click=move |_| mode.set(Mode::Results(id.clone()))
                                            >
                                                {format!(
                                                    "{}, completed {}",
                                                    doc.name,
                                                    when(run.completed.unwrap_or(doc.updated)),
                                                )}
                                            </button>
                                            " "
                                            {summary}
                                        </li>
                                    }
                                })
                                .collect_view()
                        }
                    }
                </ul>
                <button
                    class="button"
                    disabled=move || picked.with(|p| p.len() != 2)
                    on:click=move |_| {
                        let p = picked.get_untracked();
                        if let [a, b] = p.as_slice() {
                            mode.set(Mode::Compare(a.clone(), b.clone()));
                        }
                    }
                >
                    "Compare the two selected runs"
                </button>
                <p class="field__help">
                    "Tick two runs to see how your scores changed between them."
                </p>
            </section>
        </Show>
    }
}

#[component]
fn Compare(pack: Arc<Pack>, a: String, b: String, mode: RwSignal<Mode>) -> impl IntoView {
    let storage = expect_context::<Storage>();
    let load = |id: &str| {
        untrack(|| storage.load(id)).ok().and_then(|d| {
            run_format::from_data_for(&d.data, &pack)
                .ok()
                .map(|r| (d, r))
        })
    };
    let (Some(x), Some(y)) = (load(&a), load(&b)) else {
        return view! {
            <section class="panel">
                <p role="alert">"One of these runs is no longer stored in this browser."</p>
                <button class="button" on:click=move |_| mode.set(Mode::Intro)>
                    "Back"
                </button>
            </section>
        }
        .into_any();
    };
    let time = |d: &Document, r: &Run| r.completed.unwrap_or(d.updated);
    let (before, after) = if time(&x.0, &x.1) <= time(&y.0, &y.1) {
        (x, y)
    } else {
        (y, x)
    };
    let (before_label, after_label) = (
        when(time(&before.0, &before.1)),
        when(time(&after.0, &after.1)),
    );
    let changes = assess::compare(&pack, &before.1.answers, &after.1.answers);
    let radar = Some(Chart::Radar(RadarChart {
        axes: changes.iter().map(|c| c.title.clone()).collect(),
        series: vec![
            RadarSeries {
                label: format!("Latest: {after_label}"),
                values: changes.iter().map(|c| c.after).collect(),
            },
            RadarSeries {
                label: format!("Earlier: {before_label}"),
                values: changes.iter().map(|c| c.before).collect(),
            },
        ],
    }));
    let description = format!(
        "Radar chart comparing scores by area between {before_label} and {after_label}; the table below lists every change."
    );
    let show = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v:.0}"));
    let rows = changes
        .iter()
        .map(|c| {
            let change = c.change.map_or("—".to_string(), |d| {
                if d.abs() < 0.5 {
                    "no change".into()
                } else {
                    format!("{d:+.0}")
                }
            });
            view! {
                <tr>
                    <th scope="row">{c.title.clone()}</th>
                    <td class="num">{show(c.before)}</td>
                    <td class="num">{show(c.after)}</td>
                    <td class="num">{change}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="hero">
            <p class="assess__pack">{pack.title.clone()}</p>
            <h1>"How your scores changed"</h1>
            <button class="button button--quiet" on:click=move |_| mode.set(Mode::Intro)>
                "All runs"
            </button>
        </section>
        <section class="panel" aria-labelledby="change-heading">
            <h2 id="change-heading">{format!("From {before_label} to {after_label}")}</h2>
            <figure class="chart-figure">
                <ChartCanvas data=radar description=description file_name="sextant-scores.png" />
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Change per area">
                <table class="table">
                    <caption class="visually-hidden">
                        "Score by area in both runs, 0 to 100, and the change"
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Area"</th>
                            <th scope="col" class="num">
                                "Earlier"
                            </th>
                            <th scope="col" class="num">
                                "Latest"
                            </th>
                            <th scope="col" class="num">
                                "Change"
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn Flow(pack: Arc<Pack>, id: String, mode: RwSignal<Mode>) -> impl IntoView {
    let storage = expect_context::<Storage>();
    let loaded = untrack(|| open_run(storage, &pack, &id));
    let (run, doc) = match loaded {
        Ok(loaded) => loaded,
        Err(why) => return unopenable(&pack, why, mode),
    };
    let run = RwSignal::new(run);
    let name = RwSignal::new(doc.name.clone());
    // Only a run or name that differs from the one last saved or opened is
    // saved, however often the signals are set.
    let saved = Versioned::new(doc, (name.get_untracked(), run.get_untracked()));
    let save_error = RwSignal::new(None::<String>);
    let write = |d: &mut Document, (n, r): &(String, Run)| {
        if !n.trim().is_empty() {
            d.name = n.clone();
        }
        d.data = run_format::to_data(r);
    };
    Effect::new(move |_| {
        // Never overwrite a change or deletion made in another tab.
        let result = saved.save((name.get(), run.get()), write);
        if let Some(Err(e)) = result {
            save_error.set(Some(format!("Your last answer could not be saved: {e}.")));
        }
    });

    let p = pack.clone();
    let sections = Memo::new(move |_| {
        run.with(|r| {
            p.shown_sections(&r.answers)
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let step = Memo::new(move |_| run.with(|r| r.step));
    let total_steps = move || sections.with(Vec::len);
    let p = pack.clone();
    let answered = Memo::new(move |_| {
        run.with(|r| {
            let total = p.item_count(&r.answers);
            let unanswered = assess::score(&p, &r.answers).unanswered.len();
            (total - unanswered, total)
        })
    });
    let go = move |to: usize| {
        run.update(|r| r.step = to);
        if let Some(el) = document().get_element_by_id("step-heading") {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    let finish = move || {
        // Saved here, not left to the save effect: switching the view next
        // disposes this component and its effect.
        run.update(|r| r.completed = Some(now()));
        let finished = (name.get_untracked(), run.get_untracked());
        if let Some(Err(e)) = saved.save(finished, write) {
            save_error.set(Some(format!("The finished run could not be saved: {e}.")));
            return;
        }
        mode.set(Mode::Results(saved.doc().id));
    };
    let p = pack.clone();
    let title = pack.title.clone();
    view! {
        <section class="assess">
            <div class="assess__head">
                <p class="assess__pack">{title}</p>
                <div class="field field--inline">
                    <label class="field__label" for="run-name">
                        "Name of this run"
                    </label>
                    <input
                        id="run-name"
                        class="field__input"
                        type="text"
                        maxlength=crate::persist::limits::MAX_LABEL
                        prop:value=move || name.get()
                        on:change=move |ev| name.set(event_target_value(&ev))
                    />
                </div>
                <button class="button button--quiet" on:click=move |_| mode.set(Mode::Intro)>
                    "Introduction and all runs"
                </button>
            </div>
            <div class="assess__progress">
                <p>
                    {move || {
                        let s = step.get().min(total_steps());
                        if s < total_steps() {
                            format!("Step {} of {}", s + 1, total_steps() + 1)
                        } else {
                            format!("Step {} of {}: review", total_steps() + 1, total_steps() + 1)
                        }
                    }} " · "
                    {move || {
                        let (a, t) = answered.get();
                        format!("{a} of {t} answered")
                    }}
                </p>
                <progress
                    max=move || answered.get().1.max(1)
                    value=move || answered.get().0
                    aria-label="Questions answered"
                ></progress>
            </div>
            {move || {
                save_error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field__error" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
            {move || {
                let s = step.get();
                let ids = sections.get();
                match ids.get(s) {
                    Some(section_id) => {
                        let section = p.sections.iter().find(|x| &x.id == section_id).cloned();
                        match section {
                            Some(section) => {
                                view! {
                                    <SectionStep pack=p.clone() section=section run=run />
                                    <div class="actions assess__nav">
                                        <button
                                            class="button button--quiet"
                                            disabled=s == 0
                                            on:click=move |_| go(s.saturating_sub(1))
                                        >
                                            "Back"
                                        </button>
                                        <button
                                            class="button button--quiet"
                                            on:click=move |_| go(s + 1)
                                        >
                                            "Skip this section"
                                        </button>
                                        <button class="button" on:click=move |_| go(s + 1)>
                                            "Next"
                                        </button>
                                    </div>
                                }
                                    .into_any()
                            }
                            None => ().into_any(),
                        }
                    }
                    None => {
                        view! {
                            <Review
                                pack=p.clone()
                                run=run
                                go=Callback::new(go)
                                finish=Callback::new(move |_| finish())
                            />
                        }
                            .into_any()
                    }
                }
            }}
        </section>
    }
    .into_any()
}

#[component]
fn SectionStep(pack: Arc<Pack>, section: assess::Section, run: RwSignal<Run>) -> impl IntoView {
    let p = pack.clone();
    let s = section.clone();
    let shown = Memo::new(move |_| {
        run.with(|r| {
            p.shown_items(&s, &r.answers)
                .iter()
                .map(|i| i.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let items = section.items.clone();
    let na_text = pack.na_text().to_string();
    view! {
        <h1 id="step-heading" tabindex="-1">
            {section.title.clone()}
        </h1>
        <p class="lede">{section.description.clone()}</p>
        <For
            each=move || shown.get()
            key=|id| id.clone()
            children=move |id| {
                let item = items.iter().find(|i| i.id == id).cloned();
                item.map(|item| view! { <Question item=item run=run na_text=na_text.clone() /> })
            }
        />
    }
}

#[component]
fn Question(
    item: Item,
    run: RwSignal<Run>,
    /// The pack's text for "not applicable".
    na_text: String,
) -> impl IntoView {
    let name = format!("q-{}", item.id);
    let help_id = format!("{name}-help");
    let described_by = help_id.clone();
    let id = item.id.clone();
    let current = Memo::new(move |_| run.with(|r| r.answers.get(&id).copied()));
    let set = {
        let id = item.id.clone();
        move |a: Answer| {
            run.update(|r| {
                r.answers.insert(id.clone(), a);
            })
        }
    };
    let options = item
        .levels
        .iter()
        .map(|level| {
            let value = level.value;
            let input_id = format!("{name}-{}", value.to_string().replace('.', "_"));
            let set = set.clone();
            view! {
                <div class="option">
                    <input
                        type="radio"
                        id=input_id.clone()
                        name=name.clone()
                        prop:checked=move || current.get() == Some(Answer::Level(value))
                        on:change=move |_| set(Answer::Level(value))
                    />
                    <label for=input_id>
                        <span class="option__label">{level.label.clone()}</span>
                        <span class="option__text">{level.text.clone()}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    let na = item.allow_na.then(|| {
        let input_id = format!("{name}-na");
        let set = set.clone();
        view! {
            <div class="option option--na">
                <input
                    type="radio"
                    id=input_id.clone()
                    name=name.clone()
                    prop:checked=move || current.get() == Some(Answer::NotApplicable)
                    on:change=move |_| set(Answer::NotApplicable)
                />
                <label for=input_id>
                    <span class="option__label">"Not applicable"</span>
                    <span class="option__text">{na_text}</span>
                </label>
            </div>
        }
    });
    view! {
        <fieldset class="question" id=format!("item-{}", item.id) aria-describedby=described_by>
            <legend class="question__prompt">{item.prompt.clone()}</legend>
            <p class="field__help" id=help_id>
                {item.help.clone()}
            </p>
            <div class="options">{options} {na}</div>
        </fieldset>
    }
}

#[component]
fn Review(
    pack: Arc<Pack>,
    run: RwSignal<Run>,
    go: Callback<usize>,
    finish: Callback<()>,
) -> impl IntoView {
    let p = pack.clone();
    let results = Memo::new(move |_| run.with(|r| assess::score(&p, &r.answers)));
    let p = pack.clone();
    view! {
        <h1 id="step-heading" tabindex="-1">
            "Review your answers"
        </h1>
        {move || {
            let r = results.get();
            let sections: Vec<String> = run
                .with(|x| p.shown_sections(&x.answers).iter().map(|s| s.id.clone()).collect());
            if r.unanswered.is_empty() {
                view! { <p>"You answered every question."</p> }.into_any()
            } else {
                let by_section = sections
                    .iter()
                    .enumerate()
                    .filter_map(|(i, sid)| {
                        let missing: Vec<String> = r
                            .unanswered
                            .iter()
                            .filter(|(s, _)| s == sid)
                            .filter_map(|(_, item)| p.item(item).map(|it| it.prompt.clone()))
                            .collect();
                        if missing.is_empty() {
                            return None;
                        }
                        let title = p
                            .sections
                            .iter()
                            .find(|s| &s.id == sid)
                            .map(|s| s.title.clone())
                            .unwrap_or_default();
                        Some(
                            view! {
                                <li>
                                    <button
                                        class="button button--quiet"
                                        on:click=move |_| go.run(i)
                                    >
                                        {format!("Go to {title}")}
                                    </button>
                                    {format!(
                                        " ({} unanswered: {})",
                                        missing.len(),
                                        missing.join("; "),
                                    )}
                                </li>
                            },
                        )
                    })
                    .collect_view();
                view! {
                    <p>
                        {format!(
                            "{} questions are unanswered. Unanswered questions are left out of your scores; you can still finish.",
                            r.unanswered.len(),
                        )}
                    </p>
                    <ul class="review">{by_section}</ul>
                }
                    .into_any()
            }
        }}
        {
            let p = pack.clone();
            move || {
                let v = assess::verdict(&p, &results.get())?;
                (v.label == assess::INCOMPLETE)
                    .then(|| {
                        view! {
                            <section class="panel verdict" aria-labelledby="verdict-heading">
                                <h2 id="verdict-heading">"Verdict: Incomplete"</h2>
                                <p>{v.reason}</p>
                                <p>
                                    "You can still finish; the results will show the verdict as incomplete until these are answered."
                                </p>
                            </section>
                        }
                    })
            }
        }
        <div class="actions assess__nav">
            <button
                class="button button--quiet"
                on:click=move |_| go.run(run.with_untracked(|r| r.step).saturating_sub(1))
            >
                "Back"
            </button>
            <button class="button" on:click=move |_| finish.run(())>
                "Finish and see results"
            </button>
        </div>
    }
}

#[component]
fn RunResults(pack: Arc<Pack>, id: String, mode: RwSignal<Mode>) -> impl IntoView {
    let storage = expect_context::<Storage>();
    let loaded = untrack(|| open_run(storage, &pack, &id));
    let (run, doc) = match loaded {
        Ok(loaded) => loaded,
        Err(why) => return unopenable(&pack, why, mode),
    };
    let results = assess::score(&pack, &run.answers);
    let p = pack.clone();
    let shared_run = run.clone();
    let shared_name = doc.name.clone();
    let again = run.clone();
    let again_name = format!("{} (again)", doc.name);
    let again_error = RwSignal::new(None::<String>);
    let name = RwSignal::new(doc.name.clone());
    let rename_error = RwSignal::new(None::<String>);
    let rename_id = id.clone();
    let rename = move |ev: leptos::ev::Event| {
        let n = event_target_value(&ev);
        if n.trim().is_empty() {
            return;
        }
        match storage.rename(&rename_id, n.trim()) {
            Ok(()) => {
                name.set(n.trim().to_string());
                rename_error.set(None);
            }
            Err(e) => rename_error.set(Some(format!("The name could not be saved: {e}."))),
        }
    };
    let earlier = earlier_answers(&pack, &run);
    let shared = Signal::derive(move || Shared {
        kind: DocKind::Assessment,
        name: shared_name.clone(),
        data: run_format::to_data(&shared_run),
    });
    let csv = crate::persist::csv::answers(&pack, &run.answers);
    let csv_name = format!("{}-answers.csv", crate::ui::export::file_stem(&pack.title));
    let download_csv = move |_| {
        let _ = crate::ui::download::download_text(&csv_name, "text/csv", &csv);
    };
    // Target choices are kept with the run, read fresh and saved back.
    let update_pack = pack.clone();
    let update_run = move |id: &str, change: &dyn Fn(&mut Run)| {
        if let Ok(mut doc) = storage.load(id) {
            if let Ok(mut r) = run_format::from_data_for(&doc.data, &update_pack) {
                change(&mut r);
                doc.data = run_format::to_data(&r);
                let _ = storage.save(doc);
            }
        }
    };
    let targets_run_id = id.clone();
    let update_targets = update_run.clone();
    let on_targets = Callback::new(move |targets: std::collections::BTreeMap<String, f64>| {
        update_targets(&targets_run_id, &|r| r.targets = targets.clone());
    });
    let run_id = id.clone();
    let on_profile = Callback::new(move |profile: Option<String>| {
        update_run(&run_id, &|r| r.profile = profile.clone());
    });
    view! {
        <section class="hero">
            <p class="assess__pack">
                {
                    let title = pack.title.clone();
                    move || {
                        format!(
                            "{} · {} · completed {}",
                            name.get(),
                            title,
                            run.completed.map(when).unwrap_or_default(),
                        )
                    }
                }
            </p>
            <PrintStamp what=pack.title.clone() />
            <h1>"Your results"</h1>
            <div class="field field--inline no-print">
                <label class="field__label" for="run-name">
                    "Name of this run"
                </label>
                <input
                    id="run-name"
                    class="field__input"
                    type="text"
                    maxlength=crate::persist::limits::MAX_LABEL
                    prop:value=move || name.get()
                    on:change=rename
                />
            </div>
            {move || {
                rename_error
                    .get()
                    .or(again_error.get())
                    .map(|e| {
                        view! {
                            <p class="field__error" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
            <div class="actions">
                <button
                    class="button"
                    on:click=move |_| {
                        if let Err(e) = start_run(storage, &p, mode, &again_name, Some(&again)) {
                            again_error.set(Some(e));
                        }
                    }
                >
                    "Take it again"
                </button>
                <button class="button button--quiet" on:click=move |_| mode.set(Mode::Intro)>
                    "Introduction and all runs"
                </button>
            </div>
            <p class="field__help no-print">
                "Taking it again starts a new run from these answers: change only what has changed since."
            </p>
        </section>
        {earlier}
        <ResultsView
            pack=pack.clone()
            results=results
            answers=run.answers.clone()
            profile=run.profile.clone()
            targets=run.targets.clone()
            on_profile=on_profile
            on_targets=on_targets
        />
        <section class="panel no-print" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <div class="actions">
                <button class="button button--quiet" type="button" on:click=download_csv>
                    "Download answers (CSV)"
                </button>
                <button
                    class="button button--quiet"
                    type="button"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    "Print or save as PDF"
                </button>
            </div>
        </section>
        {crate::ui::pages::share_panel(shared)}
    }
    .into_any()
}

/// The answers of a run given to an earlier version of the assessment that
/// this version no longer offers: listed so nothing answered goes unseen.
fn earlier_answers(pack: &Pack, run: &Run) -> Option<impl IntoView> {
    if run.earlier.is_empty() {
        return None;
    }
    let items = run
        .earlier
        .iter()
        .map(|(id, a)| {
            let item = pack.item(id);
            let prompt = item.map_or(id.clone(), |i| i.prompt.clone());
            let answer = match a {
                Answer::NotApplicable => "Not applicable".to_string(),
                Answer::Level(v) => item
                    .and_then(|i| i.level(*v))
                    .map_or(format!("{v}"), |l| l.label.clone()),
            };
            view! { <li>{format!("{prompt}: {answer}")}</li> }
        })
        .collect_view();
    Some(view! {
        <section class="panel" aria-labelledby="earlier-heading">
            <h2 id="earlier-heading">"Answers to an earlier version"</h2>
            <p>
                "These answers were given to an earlier version of this assessment, which offered them; this version does not, so they are kept here and left out of the scores. Take the assessment again to answer these questions anew."
            </p>
            <ul>{items}</ul>
        </section>
    })
}

/// A completed run opened from a share link: results only, read-only.
#[component]
pub fn SharedResults(
    /// The pack the run answers.
    pack: Arc<Pack>,
    /// The run.
    run: Run,
) -> impl IntoView {
    let results = assess::score(&pack, &run.answers);
    view! {
        <ResultsView
            pack=pack.clone()
            results=results
            answers=run.answers.clone()
            profile=run.profile.clone()
            targets=run.targets.clone()
            on_profile=Callback::new(|_| {})
            on_targets=Callback::new(|_| {})
        />
    }
}

/// What the fields of one's own targets need: each area's id and title, the
/// targets, a counter that rebuilds the fields when the targets are started
/// again from a profile, the fields' errors, and what to call with valid
/// targets.
#[derive(Clone)]
struct OwnTargets {
    areas: Vec<(String, String)>,
    custom: RwSignal<std::collections::BTreeMap<String, f64>>,
    reset: RwSignal<u32>,
    errors: FieldErrors,
    on_targets: Callback<std::collections::BTreeMap<String, f64>>,
}

/// The fields of one's own targets, one for each area.
fn target_fields(own: OwnTargets) -> AnyView {
    let OwnTargets {
        areas,
        custom,
        reset,
        errors: target_errors,
        on_targets,
    } = own;
    (move || {
        reset.track();
        areas
            .iter()
            .map(|(section_id, title)| {
                let id = section_id.clone();
                let value = custom
                    .with_untracked(|c| c.get(section_id).copied())
                    .unwrap_or(60.0);
                view! {
                    <NumberField
                        id=format!("target-{section_id}")
                        label=format!("Target for {title}")
                        unit="0 to 100".to_string()
                        help=""
                        kind=NumberKind::Plain
                        value=value
                        check=Callback::new(|v: f64| {
                            if (0.0..=100.0).contains(&v) {
                                Ok(())
                            } else {
                                Err("Enter from 0 to 100.".to_string())
                            }
                        })
                        on_valid=Callback::new(move |v| {
                            custom
                                .update(|c| {
                                    c.insert(id.clone(), v);
                                });
                            on_targets.run(custom.get_untracked());
                        })
                        errors=target_errors
                    />
                }
            })
            .collect_view()
    })
    .into_any()
}

#[cfg(feature = "split")]
split_point!(
    own_targets_1,
    fn own_target_fields() -> fn(OwnTargets) -> AnyView {
        target_fields
    }
);

#[component]
fn ResultsView(
    pack: Arc<Pack>,
    results: Results,
    answers: assess::Answers,
    profile: Option<String>,
    on_profile: Callback<Option<String>>,
    /// The person's own targets.
    targets: std::collections::BTreeMap<String, f64>,
    on_targets: Callback<std::collections::BTreeMap<String, f64>>,
) -> impl IntoView {
    let profile = RwSignal::new(profile.filter(|id| results_view::is_choosable(&pack, id)));
    let custom = RwSignal::new(targets);
    let target = {
        let pack = pack.clone();
        Memo::new(move |_| {
            profile.with(|id| {
                custom.with(|own| results_view::chosen_profile(&pack, id.as_deref(), own))
            })
        })
    };
    let radar = {
        let results = results.clone();
        Signal::derive(move || {
            let mut series = vec![RadarSeries {
                label: "Your scores".into(),
                values: results.sections.iter().map(|s| s.percent).collect(),
            }];
            if let Some(t) = target.get() {
                series.push(RadarSeries {
                    label: format!("Target: {}", t.label),
                    values: results
                        .sections
                        .iter()
                        .map(|s| t.targets.get(&s.id).copied())
                        .collect(),
                });
            }
            Some(Chart::Radar(RadarChart {
                axes: results.sections.iter().map(|s| s.title.clone()).collect(),
                series,
            }))
        })
    };
    let description = Signal::stored(results_view::radar_description(&results));
    let choice = TargetChoice {
        pack: pack.clone(),
        results: results.clone(),
        profile,
        custom,
        target,
        on_profile,
        on_targets,
    };
    let profile_select = (!pack.profiles.is_empty()).then(|| {
        with_advice("The choice of a target", move |advice| {
            (advice.targets)(choice.clone())
        })
    });
    let groups = results_view::group_figures(&pack, &results)
        .into_iter()
        .map(|g| {
            view! {
                <div class="figure">
                    <dt>{g.title}</dt>
                    <dd>{g.score}</dd>
                    {g
                        .band
                        .map(|(label, text)| {
                            view! {
                                <dd class="figure__note">
                                    <strong>{label}</strong>
                                    ": "
                                    {text}
                                </dd>
                            }
                        })}
                </div>
            }
        })
        .collect_view();
    let automate_first = pack
        .groups
        .iter()
        .any(|g| g.aggregation == assess::Aggregation::Priority)
        .then(|| {
            let (pack, answers) = (pack.clone(), answers.clone());
            with_advice("The stages to automate first", move |advice| {
                (advice.priorities)(pack.clone(), answers.clone())
            })
        });
    let verdict = assess::verdict(&pack, &results).map(|v| {
        let not_ready = v.label == "Not ready";
        let missing = (!v.missing.is_empty()).then(|| {
            let list = v
                .missing
                .iter()
                .map(|m| view! { <li>{m.clone()}</li> })
                .collect_view();
            view! {
                <p>"Answer these for a verdict:"</p>
                <ul>{list}</ul>
            }
        });
        view! {
            <section class="panel verdict" class:panel--danger=not_ready aria-labelledby="verdict-heading">
                <h2 id="verdict-heading">{format!("Verdict: {}", v.label)}</h2>
                <p>{v.reason}</p>
                {missing}
            </section>
        }
    });
    // Context questions (the project's stage, the scope of one's work):
    // asked, not scored, and shown with the results they frame.
    let context = results_view::context_answers(&pack, &answers)
        .into_iter()
        .map(|(prompt, label)| {
            view! {
                <div class="figure">
                    <dt>{prompt}</dt>
                    <dd>{label}</dd>
                </div>
            }
        })
        .collect_view();
    let roi_button = (pack.id == packs::pack_id(AssessmentKind::Readiness)).then(|| {
        let storage = expect_context::<Storage>();
        let open_roi = move |_| {
            let model = crate::domain::roi::RoiModel::default();
            let name = format!("ROI of the project assessed on {}", when(now()));
            let doc = Document::new(
                new_id(),
                DocKind::RoiModel,
                name,
                now(),
                crate::persist::roi::to_data(&model),
            );
            if let Ok(doc) = storage.save(doc) {
                let _ = window()
                    .location()
                    .set_hash(&crate::route::Page::Roi(Some(doc.id)).to_string());
            }
        };
        view! {
            <p>
                <button class="button" on:click=open_roi>
                    "Open a new ROI model for this project"
                </button>
            </p>
        }
    });
    let flags = (!results.red_flags.is_empty()).then(|| {
        let list = results
            .red_flags
            .iter()
            .map(|f| view! { <li>{format!("{} ({})", f.prompt, f.section)}</li> })
            .collect_view();
        view! {
            <section class="panel panel--danger" aria-labelledby="flags-heading">
                <h2 id="flags-heading">"Red flags"</h2>
                <p>
                    "These critical items are at their lowest level; each on its own is a reason not to proceed yet:"
                </p>
                <ul>{list}</ul>
            </section>
        }
    });
    let rows = {
        let (pack, results) = (pack.clone(), results.clone());
        move || {
            target
                .with(|t| results_view::area_rows(&pack, &results, t.as_ref()))
                .into_iter()
                .map(|row| {
                    let target_cells = row.target.map(|(goal, gap)| {
                        view! {
                            <td class="num">{goal}</td>
                            <td class="num">{gap}</td>
                        }
                    });
                    view! {
                        <tr>
                            <th scope="row">{row.title}</th>
                            <td class="num">{row.score}</td>
                            <td>
                                <span class="bar" style=format!("width:{:.0}%", row.bar)></span>
                            </td>
                            <td class="num">{row.answered}</td>
                            {target_cells}
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    view! {
        {verdict}
        <dl class="figures">{context} {groups}</dl>
        {automate_first}
        {flags}
        {roi_button}
        <section class="panel" aria-labelledby="areas-heading">
            <h2 id="areas-heading">"By area"</h2>
            {profile_select}
            <figure class="chart-figure">
                <ChartCanvas data=radar description=description file_name="sextant-scores.png" />
                <figcaption>"The same scores are in the table below."</figcaption>
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Scores by area">
                <table class="table">
                    <caption class="visually-hidden">
                        "Score by area, 0 to 100 (sums for ML Test Score sections)"
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Area"</th>
                            <th scope="col" class="num">
                                "Score"
                            </th>
                            <th scope="col">
                                <span class="visually-hidden">"Bar"</span>
                            </th>
                            <th scope="col" class="num">
                                "Answered"
                            </th>
                            {move || {
                                target
                                    .get()
                                    .map(|t| {
                                        view! {
                                            <th scope="col" class="num">
                                                {format!("Target ({})", t.label)}
                                            </th>
                                            <th scope="col" class="num">
                                                "Gap"
                                            </th>
                                        }
                                    })
                            }}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
        {
            let (pack, results, answers) = (pack.clone(), results.clone(), answers.clone());
            with_advice(
                "Strengths and growth areas",
                move |advice| (advice
                    .growth)(pack.clone(), results.clone(), answers.clone(), target),
            )
        }
    }
}

/// What a run's results advise, built from a module of its own with
/// `split`, fetched once the results are built (like the charts), so a
/// share link opens on fewer bytes: the stages to automate first, the
/// choice of a target profile, and the strengths and growth areas.
#[derive(Clone, Copy)]
struct Advice {
    priorities: fn(Arc<Pack>, assess::Answers) -> AnyView,
    targets: fn(TargetChoice) -> AnyView,
    growth: fn(Arc<Pack>, Results, assess::Answers, Memo<Option<assess::Profile>>) -> AnyView,
}

const ADVICE: Advice = Advice {
    priorities: build_priorities,
    targets: build_target_choice,
    growth: build_strengths_and_growth,
};

#[cfg(feature = "split")]
split_point!(
    advice_1,
    fn advice() -> Advice {
        ADVICE
    }
);

/// Builds a part of [`Advice`] once its module is in (nothing until then;
/// `what` names it if the module cannot be fetched).
fn with_advice(
    what: &'static str,
    build: impl Fn(Advice) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    #[cfg(feature = "split")]
    {
        let loaded = super::Loaded::fetch(advice);
        (move || loaded.show_or(what, || ().into_any(), &build)).into_any()
    }
    #[cfg(not(feature = "split"))]
    {
        let _ = what;
        untrack(|| build(ADVICE))
    }
}

/// What the choice of a target needs from the results view.
#[derive(Clone)]
struct TargetChoice {
    pack: Arc<Pack>,
    results: Results,
    profile: RwSignal<Option<String>>,
    custom: RwSignal<std::collections::BTreeMap<String, f64>>,
    target: Memo<Option<assess::Profile>>,
    on_profile: Callback<Option<String>>,
    on_targets: Callback<std::collections::BTreeMap<String, f64>>,
}

/// "Compare with a target profile", and the fields of one's own targets.
fn build_target_choice(choice: TargetChoice) -> AnyView {
    let TargetChoice {
        pack,
        results,
        profile,
        custom,
        target,
        on_profile,
        on_targets,
    } = choice;
    let section_ids: Vec<String> = results.sections.iter().map(|s| s.id.clone()).collect();
    let target_errors: FieldErrors = RwSignal::new(Default::default());
    // Rebuilt when one's own targets are (re)started from a profile, so the
    // fields always show the values in use.
    let reset = RwSignal::new(0u32);
    let areas: Vec<(String, String)> = results
        .sections
        .iter()
        .map(|s| (s.id.clone(), s.title.clone()))
        .collect();
    let own = OwnTargets {
        areas,
        custom,
        reset,
        errors: target_errors,
        on_targets,
    };
    // The fields exist only once "My own targets" is chosen: with `split`
    // they are a module of their own (with the number fields), which a
    // share link or a run's results never fetch unless the reader asks.
    let custom_chosen = Memo::new(move |_| profile.get().as_deref() == Some(CUSTOM));
    #[cfg(feature = "split")]
    let fields = super::Loaded::when_asked(own_target_fields);
    let editor_fields = move || {
        if !custom_chosen.get() {
            return None;
        }
        let own = own.clone();
        #[cfg(feature = "split")]
        {
            Some(fields.show("The target fields", move |build| build(own)))
        }
        #[cfg(not(feature = "split"))]
        {
            Some(untrack(|| target_fields(own)))
        }
    };
    untrack(move || {
        let options = pack
            .profiles
            .iter()
            .map(|p| {
                let selected = profile.get_untracked().as_deref() == Some(p.id.as_str());
                view! {
                    <option value=p.id.clone() selected=selected>
                        {p.label.clone()}
                    </option>
                }
            })
            .collect_view();
        view! {
            <div class="field field--inline">
                <label class="field__label" for="target-profile">
                    "Compare with a target profile"
                </label>
                <select
                    id="target-profile"
                    class="field__input"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let v = (!v.is_empty()).then_some(v);
                        if v.as_deref() == Some(CUSTOM) && custom.with_untracked(|c| c.is_empty()) {
                            let start = target
                                .get_untracked()
                                .map(|t| t.targets)
                                .unwrap_or_else(|| {
                                    section_ids.iter().map(|id| (id.clone(), 60.0)).collect()
                                });
                            custom.set(start.clone());
                            on_targets.run(start);
                            reset.update(|n| *n += 1);
                        }
                        profile.set(v.clone());
                        on_profile.run(v);
                    }
                >
                    <option value="" selected=profile.get_untracked().is_none()>
                        "No target"
                    </option>
                    {options}
                    <option
                        value=CUSTOM
                        selected=profile.get_untracked().as_deref() == Some(CUSTOM)
                    >
                        "My own targets"
                    </option>
                </select>
            </div>
            <fieldset class="form-section" hidden=move || profile.get().as_deref() != Some(CUSTOM)>
                <legend>"My own targets (0 to 100)"</legend>
                <div class="form-grid">{editor_fields}</div>
            </fieldset>
        }
    })
    .into_any()
}

/// "Stages to automate first": the priority list of the automation pack.
fn build_priorities(pack: Arc<Pack>, answers: assess::Answers) -> AnyView {
    let priorities = assess::automation_priorities(&pack, &answers);
    if priorities.is_empty() {
        return ().into_any();
    }
    untrack(move || {
        let items = priorities
            .iter()
            .map(|p| {
                let (heading, factors) = results_view::priority_lines(p);
                let watch = pack
                    .sections
                    .iter()
                    .find(|s| s.id == p.id)
                    .map(|s| {
                        s.next_steps
                            .iter()
                            .filter(|n| !n.starts_with("Automate:"))
                            .map(|n| view! { <li>{n.clone()}</li> })
                            .collect_view()
                    });
                view! {
                    <li>
                        <strong>{heading}</strong>
                        <p class="field__help">{factors}</p>
                        <ul>{watch}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="automate-heading">
                <h2 id="automate-heading">"Stages to automate first"</h2>
                <p>
                    "Ranked by what there is to gain, how little is automated yet, how stable the work is, and how well people can check the automated result: priority = 100 × gain × (1 − already automated) × (0.5 + 0.5 × oversight) × (0.5 + 0.5 × stability). The band above names the stage at the top. Under each: the limitations to watch and where to keep a person."
                </p>
                <ol>{items}</ol>
            </section>
        }
    })
    .into_any()
}

fn build_strengths_and_growth(
    pack: Arc<Pack>,
    results: Results,
    answers: assess::Answers,
    target: Memo<Option<assess::Profile>>,
) -> AnyView {
    let strengths = results_view::strengths(&results)
        .into_iter()
        .map(|s| view! { <li>{s}</li> })
        .collect_view();
    let scored = assess::ranked(&results).len();
    // With a target: the largest gaps to it; without one, the lowest scores
    // (never repeating a strength while there are fewer than six areas).
    let growth = {
        let pack = pack.clone();
        let results = results.clone();
        move || {
            let t = target.get();
            let areas = assess::growth(
                &pack,
                &results,
                &answers,
                t.as_ref(),
                results_view::growth_count(scored, t.is_some()),
            );
            if areas.is_empty() {
                return view! { <p>"Every area meets its target."</p> }.into_any();
            }
            let items = areas
                .into_iter()
                .map(|a| {
                    let steps = pack
                        .sections
                        .iter()
                        .find(|x| x.id == a.id)
                        .map(|x| x.next_steps.clone())
                        .unwrap_or_default()
                        .into_iter()
                        .map(|n| view! { <li>{n}</li> })
                        .collect_view();
                    let next = a
                        .next
                        .iter()
                        .take(3)
                        .map(|n| {
                            view! {
                                <li>
                                    <strong>
                                        {format!("{}: {} to {}.", n.prompt, n.from, n.to)}
                                    </strong>
                                    " "
                                    {n.text.clone()}
                                </li>
                            }
                        })
                        .collect_view();
                    let heading = results_view::growth_heading(&a);
                    view! {
                        <li>
                            <strong>{heading}</strong>
                            <p class="field__help">"The next level up on your lowest answers:"</p>
                            <ul>{next}</ul>
                            <p class="field__help">"What to practise, read or build:"</p>
                            <ul>{steps}</ul>
                        </li>
                    }
                })
                .collect_view();
            view! { <ol>{items}</ol> }.into_any()
        }
    };
    let profile_note = move || {
        target.get().filter(|t| !t.description.is_empty()).map(|t| {
            view! {
                <div class="profile-note">
                    <p>
                        <strong>{t.label.clone()}</strong>
                        ": "
                        {t.description.clone()}
                    </p>
                    <p class="field__help">{t.source.clone()}</p>
                </div>
            }
        })
    };
    untrack(move || {
        view! {
            <div class="two-columns">
                <section class="panel" aria-labelledby="strengths-heading">
                    <h2 id="strengths-heading">"Top strengths"</h2>
                    <ol>{strengths}</ol>
                </section>
                <section class="panel" aria-labelledby="growth-heading">
                    <h2 id="growth-heading">
                        {move || {
                            if target.get().is_some() {
                                "Largest gaps to your target, and what to do next"
                            } else {
                                "Largest growth areas, and what to do next"
                            }
                        }}
                    </h2>
                    {profile_note}
                    {growth}
                </section>
            </div>
        }
        .into_any()
    })
}
