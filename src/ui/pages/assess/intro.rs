//! An assessment's introduction: what it asks, how long it takes, the
//! runs in progress and the history, with a comparison of two runs.

use super::*;

#[component]
pub(super) fn Intro(pack: Arc<Pack>, mode: RwSignal<Mode>) -> impl IntoView {
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
