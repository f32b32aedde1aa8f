//! The Monte Carlo simulation: its set-up, the run in slices between
//! frames with progress and cancel, and the seed.

use super::inputs::{CorrelationEditor, RangeEditor, RangeSummary};
use super::results::SimulationResults;
use crate::domain::input::NumberKind;
use crate::domain::roi::RoiModel;
use crate::domain::uncertainty::{Analysis, Summary, MAX_SEED};
use crate::ui::components::number_field::{FieldErrors, NumberField};
use crate::view::simulation as shown;
use leptos::prelude::*;

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
pub(super) fn MonteCarlo(
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
                    check=Callback::new(shown::check_trials)
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
        view! { <p>{move || analysis.with(|a| shown::setup(a.trials, a.seed))}</p> }.into_any()
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
                    {move || analysis.with(|a| shown::run_button(a.trials))}
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
                        shown::progress(done, target)
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
                {shown::cancelled(done, target)}
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
                check=Callback::new(shown::check_seed)
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
