//! A finished run's results, the person's own targets, and a shared
//! result's read-only view.

use super::*;

#[component]
pub(super) fn RunResults(pack: Arc<Pack>, id: String, mode: RwSignal<Mode>) -> impl IntoView {
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
    let csv = crate::persist::csv::answers(&pack, &run.answers, &run.notes);
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
            run=run.clone()
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
pub(super) fn earlier_answers(pack: &Pack, run: &Run) -> Option<impl IntoView> {
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
            run=run
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
pub(super) struct OwnTargets {
    pub(super) areas: Vec<(String, String)>,
    pub(super) custom: RwSignal<std::collections::BTreeMap<String, f64>>,
    pub(super) reset: RwSignal<u32>,
    pub(super) errors: FieldErrors,
    pub(super) on_targets: Callback<std::collections::BTreeMap<String, f64>>,
}

/// The fields of one's own targets, one for each area.
pub(super) fn target_fields(own: OwnTargets) -> AnyView {
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

split_point!(
    own_targets_1,
    pub(super) fn own_target_fields() -> fn(OwnTargets) -> AnyView {
        target_fields
    }
);

#[component]
pub(super) fn ResultsView(
    pack: Arc<Pack>,
    results: Results,
    /// The run: its answers, target, evidence, and the rating it was added
    /// to, if any.
    run: Run,
    on_profile: Callback<Option<String>>,
    on_targets: Callback<std::collections::BTreeMap<String, f64>>,
) -> impl IntoView {
    // The rating added to, and this one: compared under the results.
    let pair = run.other.as_deref().map(|o| (o.clone(), run.clone()));
    let Run {
        answers,
        profile,
        targets,
        notes,
        rater,
        other,
        ..
    } = run;
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
    // With a second rating, the radar has an outline for each, the one
    // added to first (as in the comparison's columns).
    let other_series = other.as_ref().map(|o| RadarSeries {
        label: o.rater.label(),
        values: crate::view::raters::scores_by_area(&pack, &results, o),
    });
    let own_label = if other.is_some() {
        rater.label()
    } else {
        "Your scores".to_string()
    };
    // With two outlines, the text names both raters' scores.
    let description = Signal::stored(match &other_series {
        Some(o) => {
            crate::view::raters::radar_description(&results, &o.label, &o.values, &own_label)
        }
        None => results_view::radar_description(&results),
    });
    let radar = {
        let results = results.clone();
        Signal::derive(move || {
            let mut series: Vec<RadarSeries> = other_series.iter().cloned().collect();
            series.push(RadarSeries {
                label: own_label.clone(),
                values: results.sections.iter().map(|s| s.percent).collect(),
            });
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
    // Readiness only: the next step after the verdict, from the advice
    // module (it writes a new ROI model, which no other part of these pages
    // needs).
    let roi_button = (pack.id == packs::pack_id(AssessmentKind::Readiness))
        .then(|| with_advice("The ROI model's button", |advice| (advice.roi)()));
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
    let comparison = pair.map(|(first, second)| {
        let pack = pack.clone();
        with_advice("The two ratings side by side", move |advice| {
            (advice.comparison)(pack.clone(), first.clone(), second.clone())
        })
    });
    view! {
        {verdict}
        <dl class="figures">{context} {groups}</dl>
        {comparison}
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
        {(!notes.is_empty())
            .then(|| {
                with_advice(
                    "The evidence noted",
                    move |advice| (advice.evidence)(pack.clone(), answers.clone(), notes.clone()),
                )
            })}
    }
}
