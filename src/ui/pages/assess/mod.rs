//! A guided self-assessment: intro, one section per step, review, results,
//! history. Every answer is saved as it is given, so a reload resumes.

use crate::charts::radar::{RadarChart, RadarSeries};
use crate::charts::Chart;
use crate::domain::assess::{self, Answer, Item, Pack, Results};
use crate::domain::input::NumberKind;
use crate::domain::packs;
use crate::domain::run::Run;
/// A run's evidence notes, by item id.
type Notes = std::collections::BTreeMap<String, crate::domain::run::Note>;
use crate::persist::assessment as run_format;
use crate::persist::envelope::{DocKind, Document};
use crate::persist::share::Shared;
use crate::route::{AssessmentKind, Calculator, Page};
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

mod advice;
mod compare;
mod flow;
mod intro;
mod results;

use advice::*;
use compare::*;
use flow::*;
use intro::*;
pub use results::SharedResults;

/// A shared run's offer to rate it too, built from the advice module (which
/// the shared results fetch anyway) so that the link opens on fewer bytes.
pub fn rate_too(shared_name: String, run: Run, kind: AssessmentKind, pack: Arc<Pack>) -> AnyView {
    with_advice("The offer to rate this too", move |advice| {
        (advice.rate_too)(shared_name.clone(), run.clone(), kind, pack.clone())
    })
}
use results::*;

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
    let after = crate::ui::pages::Loaded::when_asked(after_intro);
    // Builds a page of `After` once its module is in; `what` names it if
    // the module cannot be fetched.
    let after_page = move |what: &'static str, build: &dyn Fn(After) -> AnyView| -> AnyView {
        after.show(what, build)
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
        // The same rater again; a second rating's comparison is of the run
        // it was added to, not carried on.
        run.rater = from.rater.clone();
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
