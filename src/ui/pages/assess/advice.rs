//! What the results advise: the target to compare with, the stages to
//! automate first, strengths and growth areas, the evidence noted, two
//! ratings side by side, a shared run's offer to rate it too, and a
//! readiness run's way on to an ROI model; a module of its own with `split`.

use super::*;

/// What a run's results advise, built from a module of its own with
/// `split`, fetched once the results are built (like the charts), so a
/// share link opens on fewer bytes: the stages to automate first, the
/// choice of a target profile, and the strengths and growth areas.
#[derive(Clone, Copy)]
pub(super) struct Advice {
    pub(super) priorities: fn(Arc<Pack>, assess::Answers) -> AnyView,
    pub(super) targets: fn(TargetChoice) -> AnyView,
    pub(super) growth:
        fn(Arc<Pack>, Results, assess::Answers, Memo<Option<assess::Profile>>) -> AnyView,
    pub(super) evidence: fn(Arc<Pack>, assess::Answers, Notes) -> AnyView,
    pub(super) roi: fn() -> AnyView,
    pub(super) comparison: fn(Arc<Pack>, Run, Run) -> AnyView,
    pub(super) rate_too: fn(String, Run, AssessmentKind, Arc<Pack>) -> AnyView,
}

pub(super) const ADVICE: Advice = Advice {
    priorities: build_priorities,
    targets: build_target_choice,
    growth: build_strengths_and_growth,
    evidence: build_evidence,
    roi: build_roi_button,
    comparison: build_comparison,
    rate_too: build_rate_too,
};

split_point!(
    advice_1,
    pub(super) fn advice() -> Advice {
        ADVICE
    }
);

/// Builds a part of [`Advice`] once its module is in (nothing until then;
/// `what` names it if the module cannot be fetched).
pub(super) fn with_advice(
    what: &'static str,
    build: impl Fn(Advice) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    advice_part(what, Arc::new(build))
}

/// [`with_advice`], not generic: one copy of the fetch and its states for
/// every part (the results view asks for up to seven).
fn advice_part(what: &'static str, build: Arc<dyn Fn(Advice) -> AnyView + Send + Sync>) -> AnyView {
    let loaded = crate::ui::pages::Loaded::fetch(advice);
    (move || loaded.show_or(what, || ().into_any(), |a| build(a))).into_any()
}

/// What the choice of a target needs from the results view.
#[derive(Clone)]
pub(super) struct TargetChoice {
    pub(super) pack: Arc<Pack>,
    pub(super) results: Results,
    pub(super) profile: RwSignal<Option<String>>,
    pub(super) custom: RwSignal<std::collections::BTreeMap<String, f64>>,
    pub(super) target: Memo<Option<assess::Profile>>,
    pub(super) on_profile: Callback<Option<String>>,
    pub(super) on_targets: Callback<std::collections::BTreeMap<String, f64>>,
}

/// "Compare with a target profile", and the fields of one's own targets.
pub(super) fn build_target_choice(choice: TargetChoice) -> AnyView {
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
    let fields = crate::ui::pages::Loaded::when_asked(own_target_fields);
    let editor_fields = move || {
        if !custom_chosen.get() {
            return None;
        }
        let own = own.clone();
        Some(fields.show("The target fields", move |build| build(own)))
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
pub(super) fn build_priorities(pack: Arc<Pack>, answers: assess::Answers) -> AnyView {
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

pub(super) fn build_strengths_and_growth(
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

/// "Evidence": the notes of a run under its results, when it has any.
pub(super) fn build_evidence(pack: Arc<Pack>, answers: assess::Answers, notes: Notes) -> AnyView {
    let list = crate::view::flow::evidence(&pack, &answers, &notes);
    if list.is_empty() {
        return ().into_any();
    }
    view! {
        <section class="panel" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">"Evidence"</h2>
            {evidence_list(list)}
        </section>
    }
    .into_any()
}

/// "Open a new ROI model for this project", under a readiness verdict.
pub(super) fn build_roi_button() -> AnyView {
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
                .set_hash(&Page::Calculator(Calculator::Roi, Some(doc.id)).to_string());
        }
    };
    view! {
        <p>
            <button class="button" on:click=open_roi>
                "Open a new ROI model for this project"
            </button>
        </p>
    }
    .into_any()
}

/// "Two ratings side by side": `first`, the rating `second` was added to,
/// and `second`, by area and question by question, those to discuss first
/// (`view::raters`).
pub(super) fn build_comparison(pack: Arc<Pack>, first: Run, second: Run) -> AnyView {
    let c = crate::view::raters::compare(&pack, &first, &second);
    let areas = c
        .areas
        .iter()
        .map(|(area, a, b)| {
            view! {
                <tr>
                    <th scope="row">{area.clone()}</th>
                    <td class="num">{a.clone()}</td>
                    <td class="num">{b.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let side = |s: &crate::view::raters::Side| {
        let note = s.note.clone().map(|n| {
            view! {
                <p class="evidence__text">
                    <strong>"Evidence: "</strong>
                    {n}
                </p>
            }
        });
        view! {
            <td>
                <strong>{s.answer.clone()}</strong>
                <p class="field__help">{s.text.clone()}</p>
                {note}
            </td>
        }
    };
    let (differ, agree) = c.differ_then_agree();
    let same = (!agree.is_empty()).then(|| {
        let list = agree
            .iter()
            .map(|d| view! { <li>{format!("{}: {}", d.prompt, d.first.answer)}</li> })
            .collect_view();
        let n = agree.len();
        view! {
            <details class="raters__same">
                <summary>
                    {if n == 1 {
                        "1 question rated at the same level".to_string()
                    } else {
                        format!("{n} questions rated at the same level")
                    }}
                </summary>
                <ul>{list}</ul>
            </details>
        }
    });
    let rows = differ
        .iter()
        .map(|d| {
            let badge = d
                .discuss()
                .then(|| view! { <span class="badge">"Discuss"</span> });
            view! {
                <tr>
                    <th scope="row">
                        {d.prompt.clone()} " " {badge}
                        <p class="field__help">{d.section.clone()}</p>
                    </th>
                    {side(&d.first)}
                    {side(&d.second)}
                    <td class="num">{d.gap_text()}</td>
                </tr>
            }
        })
        .collect_view();
    let (a, b) = (c.first.clone(), c.second.clone());
    view! {
        <section class="panel" aria-labelledby="raters-heading">
            <h2 id="raters-heading">"Two ratings side by side"</h2>
            <p>{c.summary()}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Both ratings by area">
                <table class="table">
                    <caption class="visually-hidden">
                        "Score by area, 0 to 100, by each rater"
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Area"</th>
                            <th scope="col" class="num">
                                {a.clone()}
                            </th>
                            <th scope="col" class="num">
                                {b.clone()}
                            </th>
                        </tr>
                    </thead>
                    <tbody>{areas}</tbody>
                </table>
            </div>
            <h3>"Question by question"</h3>
            <p class="field__help">
                {format!(
                    "The questions rated differently. Gap: {a}'s level minus {b}'s, in levels of the question's scale. Questions two levels or more apart are marked \"Discuss\" and listed first.",
                )}
            </p>
            <div
                class="table-wrap"
                tabindex="0"
                role="region"
                aria-label="Both ratings, question by question"
            >
                <table class="table raters">
                    <thead>
                        <tr>
                            <th scope="col">"Question"</th>
                            <th scope="col">{a}</th>
                            <th scope="col">{b}</th>
                            <th scope="col" class="num">
                                "Gap"
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {same}
        </section>
    }
    .into_any()
}

/// "Rate this person too": the reader answers the same assessment for the
/// person or project a shared run rated, as a new run of their own that
/// carries the shared one (`Run::other`); its results show both side by
/// side and share as one link.
pub(super) fn build_rate_too(
    shared_name: String,
    run: Run,
    kind: AssessmentKind,
    pack: Arc<Pack>,
) -> AnyView {
    use crate::domain::run::{Rater, Role};
    let what = match kind {
        AssessmentKind::Skills => "person",
        AssessmentKind::Readiness => "project",
        AssessmentKind::Automation => "process",
        AssessmentKind::Team => "team",
    };
    if let Some(other) = &run.other {
        return view! {
            <p class="field__help">
                {format!(
                    "This result holds two ratings, by {} and by {}; Sextant compares two at a time.",
                    other.rater.label(),
                    run.rater.label(),
                )}
            </p>
        }
        .into_any();
    }
    let storage = expect_context::<Storage>();
    // A rating of one's own work is most often answered by a manager.
    let role = RwSignal::new(if run.rater.role == Role::Subject {
        Role::Manager
    } else {
        Role::Subject
    });
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let theirs = StoredValue::new(run);
    let start = move |_| {
        let mut mine = Run::new(&pack.id, pack.version);
        let theirs = theirs.get_value();
        mine.rater = Rater {
            role: role.get_untracked(),
            name: name.get_untracked().trim().to_string(),
        };
        mine.profile = theirs.profile.clone();
        mine.targets = theirs.targets.clone();
        mine.other = Some(Box::new(theirs));
        let title: String = format!("{} rating: {}", mine.rater.label(), shared_name)
            .chars()
            .take(crate::persist::limits::MAX_LABEL)
            .collect();
        let doc = Document::new(
            new_id(),
            DocKind::Assessment,
            title,
            now(),
            crate::persist::assessment::to_data(&mine),
        );
        match storage.save(doc) {
            Ok(doc) => {
                let page = Page::AssessmentRun(kind, doc.id);
                let _ = window().location().set_hash(&page.to_string());
            }
            Err(e) => error.set(Some(format!("Your rating could not be started: {e}."))),
        }
    };
    let options = Role::ALL
        .into_iter()
        .map(|r| {
            view! {
                <option value=r.key() selected=move || role.get() == r>
                    {r.label()}
                </option>
            }
        })
        .collect_view();
    view! {
        <section class="panel no-print" aria-labelledby="rate-heading">
            <h2 id="rate-heading">{format!("Rate this {what} too")}</h2>
            <p>
                {format!(
                    "Answer the same questions for the {what} rated here. Your run is saved in your browser with this one inside it; its results show both ratings side by side, the questions you see two levels or more apart first, and share as one link. To rate without being swayed, start before you read the results below.",
                )}
            </p>
            <div class="field field--inline">
                <label class="field__label" for="rate-role">
                    "You rate as"
                </label>
                <select
                    id="rate-role"
                    class="field__input"
                    on:change=move |ev| {
                        if let Some(r) = Role::from_key(&event_target_value(&ev)) {
                            role.set(r);
                        }
                    }
                >
                    {options}
                </select>
            </div>
            <div class="field field--inline">
                <label class="field__label" for="rate-name">
                    "Your name (optional)"
                </label>
                <input
                    id="rate-name"
                    class="field__input"
                    type="text"
                    maxlength=crate::persist::limits::MAX_LABEL
                    on:change=move |ev| name.set(event_target_value(&ev))
                />
            </div>
            <p class="field__error" role="alert">
                {move || error.get()}
            </p>
            <button class="button" type="button" on:click=start>
                {format!("Rate this {what} too")}
            </button>
        </section>
    }
    .into_any()
}
