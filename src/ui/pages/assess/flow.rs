//! A run in progress: one section per step, each question with its
//! levels, and the review before finishing.

use super::*;
use crate::view::flow as steps;

#[component]
pub(super) fn Flow(pack: Arc<Pack>, id: String, mode: RwSignal<Mode>) -> impl IntoView {
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
    let p = pack.clone();
    let progress = Memo::new(move |_| run.with(|r| steps::progress(&p, &r.answers, r.step)));
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
    // A rating added to someone else's: who is rating, and that theirs
    // stays out of sight until this one is finished.
    let adding = run.with_untracked(|r| {
        r.other.as_ref().map(|o| {
            format!(
                "You are rating as {}. The rating you are adding to ({}) stays out of sight until you finish, so that it does not steer your answers; the results then show both side by side.",
                r.rater.label(),
                o.rater.label()
            )
        })
    });
    view! {
        <section class="assess">
            {adding.map(|text| view! { <p class="callout">{text}</p> })} <div class="assess__head">
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
            </div> <div class="assess__progress">
                <p>
                    {move || progress.with(|p| p.step.clone())} " · "
                    {move || progress.with(steps::Progress::answered_text)}
                </p>
                <progress
                    max=move || progress.with(|p| p.total.max(1))
                    value=move || progress.with(|p| p.answered)
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
pub(super) fn SectionStep(
    pack: Arc<Pack>,
    section: assess::Section,
    run: RwSignal<Run>,
) -> impl IntoView {
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
pub(super) fn Question(
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
    // Evidence: optional, saved when the field is left, dated when it
    // changes (`Run::set_note`).
    let note_id = format!("{name}-evidence");
    let note = {
        let id = item.id.clone();
        Memo::new(move |_| run.with(|r| r.notes.get(&id).map(|n| n.text.clone())))
    };
    let set_note = {
        let id = item.id.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            run.update(|r| r.set_note(&id, &text, now()));
        }
    };
    view! {
        <fieldset class="question" id=format!("item-{}", item.id) aria-describedby=described_by>
            <legend class="question__prompt">{item.prompt.clone()}</legend>
            <p class="field__help" id=help_id>
                {item.help.clone()}
            </p>
            <div class="options">{options} {na}</div>
            <div class="field question__evidence">
                <label class="field__label" for=note_id.clone()>
                    "Evidence (optional): what you did, or a link"
                </label>
                <textarea
                    id=note_id
                    class="field__input"
                    rows="2"
                    maxlength=crate::persist::limits::MAX_NOTE
                    prop:value=move || note.get().unwrap_or_default()
                    on:change=set_note
                ></textarea>
            </div>
        </fieldset>
    }
}

#[component]
pub(super) fn Review(
    pack: Arc<Pack>,
    run: RwSignal<Run>,
    go: Callback<usize>,
    finish: Callback<()>,
) -> impl IntoView {
    let p = pack.clone();
    let review = Memo::new(move |_| run.with(|r| steps::review(&p, &r.answers)));
    let evidence = move || {
        let list = run.with(|r| steps::evidence(&pack, &r.answers, &r.notes));
        (!list.is_empty()).then(|| {
            view! {
                <section aria-labelledby="evidence-heading">
                    <h2 id="evidence-heading">"Evidence you noted"</h2>
                    {evidence_list(list)}
                </section>
            }
        })
    };
    view! {
        <h1 id="step-heading" tabindex="-1">
            "Review your answers"
        </h1>
        <p>{move || review.with(|r| r.summary.clone())}</p>
        {move || {
            let sections = review.with(|r| r.sections.clone());
            (!sections.is_empty())
                .then(|| {
                    let items = sections
                        .into_iter()
                        .map(|s| {
                            let step = s.step;
                            view! {
                                <li>
                                    <button
                                        class="button button--quiet"
                                        on:click=move |_| go.run(step)
                                    >
                                        {s.button()}
                                    </button>
                                    {s.detail()}
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="review">{items}</ul> }
                })
        }}
        {evidence}
        {move || {
            review
                .with(|r| r.incomplete.clone())
                .map(|reason| {
                    view! {
                        <section class="panel verdict" aria-labelledby="verdict-heading">
                            <h2 id="verdict-heading">"Verdict: Incomplete"</h2>
                            <p>{reason}</p>
                            <p>
                                "You can still finish; the results will show the verdict as incomplete until these are answered."
                            </p>
                        </section>
                    }
                })
        }}
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

/// The evidence of a run as the review and the results list it: each note
/// under its section, question and answer, with the day it was written.
pub(super) fn evidence_list(list: Vec<steps::Evidence>) -> AnyView {
    let items = list
        .into_iter()
        .map(|e| {
            let at = e.at.map(|t| format!(" (noted {})", when(t)));
            view! {
                <li>
                    <strong>{e.heading()}</strong>
                    <br />
                    <span class="evidence__text">{e.text}</span>
                    <span class="field__help">{at}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="evidence">{items}</ul> }.into_any()
}
