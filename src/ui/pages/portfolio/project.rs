//! One project's editor: name, scores with their rubric, each method's
//! inputs, links to documents, what it needs, and its place in the list.

use crate::domain::input::{format_input, parse_number, NumberKind};
use crate::domain::packs;
use crate::domain::portfolio::{Criterion, Portfolio, Project, ProjectField};
use crate::persist::envelope::DocKind;
use crate::route::AssessmentKind;
use crate::ui::components::number_field::{FieldErrors, NumberField};
use crate::ui::storage::Storage;
use crate::view::portfolio as shown;
use leptos::prelude::*;

#[component]
pub(super) fn ProjectEditor(
    id: String,
    portfolio: RwSignal<Portfolio>,
    errors: FieldErrors,
) -> impl IntoView {
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

    let choice = move |field: ProjectField| {
        let options = shown::choices(field);
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
                        if let Ok(v) = parse_number(&event_target_value(&ev), NumberKind::Plain) {
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
        .map(|c| choice(ProjectField::Score(c)))
        .collect_view();
    let rice = view! {
        {number(ProjectField::RiceReach)}
        {choice(ProjectField::RiceImpact)}
        {choice(ProjectField::RiceConfidence)}
        {number(ProjectField::RiceEffort)}
    };
    let wsjf = view! {
        {choice(ProjectField::WsjfBusinessValue)}
        {choice(ProjectField::WsjfTimeCriticality)}
        {choice(ProjectField::WsjfRiskReduction)}
        {choice(ProjectField::WsjfJobSize)}
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
            .map(|v| format_input(v, NumberKind::Plain))
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
                    match parse_number(&t, NumberKind::Plain)
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

    let move_by = move |up: bool| {
        if let Some(i) = index() {
            portfolio.update(|p| p.move_project(i, up));
        }
    };
    let duplicate = move |_| {
        if let Some(i) = index() {
            portfolio.update(|p| {
                p.duplicate_project(i);
            });
        }
    };
    // The projects this one needs: every other project, ticked or not.
    // Built again only when the other projects or their names change, not
    // when a box is ticked, so that keyboard focus stays on the box.
    let others = Memo::new(move |_| portfolio.with(|p| shown::others(p, &pid.get_value())));
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
                <button type="button" class="button button--quiet button--small" on:click=move |_| move_by(true)>
                    {move || format!("Move {} up", name.get())}
                </button>
                <button type="button" class="button button--quiet button--small" on:click=move |_| move_by(false)>
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
