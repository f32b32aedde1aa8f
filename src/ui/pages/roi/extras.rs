//! Stage gates, notes, sources and the conversion of amounts: the parts of
//! the editor not needed to read the first figures, a module of their own
//! with `split`.

use crate::domain::roi::{RoiModel, Section, FIELDS, GATE_FIELDS};
use crate::domain::uncertainty::Analysis;
use crate::ui::components::number_field::{field_input, FieldErrors, NumberField};
use crate::view::roi as shown;
use leptos::prelude::*;

/// What the extras need from the editor: the model and its analysis, the
/// form's errors, the currency's symbol, and the form's version (raised to
/// build the form and the uncertainty panel again after a conversion).
#[derive(Clone, Copy)]
pub(super) struct EditorParts {
    pub(super) model: RwSignal<RoiModel>,
    pub(super) analysis: RwSignal<Analysis>,
    pub(super) errors: FieldErrors,
    pub(super) currency: Signal<String>,
    pub(super) form_version: RwSignal<u32>,
}

/// The parts of the editor that are not needed to read the first figures:
/// stage gates, notes, sources and the conversion of amounts. With `split`,
/// a module of their own fetched once the page is built.
#[derive(Clone, Copy)]
pub(super) struct Extras {
    pub(super) all: fn(EditorParts) -> AnyView,
}

const EXTRAS: Extras = Extras { all: extras_view };

/// Stage gates, notes and a source for each input, in a panel of their own.
fn extras_view(parts: EditorParts) -> AnyView {
    let EditorParts {
        model,
        analysis,
        errors,
        currency,
        form_version,
    } = parts;
    untrack(|| {
        let sources = Section::ALL
            .into_iter()
            .map(|s| sources_view(model, s))
            .collect_view();
        view! {
            <section class="panel roi__extras" aria-labelledby="extras-heading">
                <h2 id="extras-heading">"Stage gates, notes and sources"</h2>
                <form on:submit=|ev| ev.prevent_default()>
                    <fieldset class="form-section">
                        <legend>"Stage gates"</legend>
                        <GatesEditor model=model errors=errors currency=currency />
                    </fieldset>
                    {notes_view(model)}
                    <fieldset class="form-section">
                        <legend>"Where the figures come from"</legend>
                        {sources}
                    </fieldset>
                    {conversion_view(model, analysis, errors, form_version)}
                </form>
            </section>
        }
        .into_any()
    })
}

split_point!(
    roi_extras_1,
    fn extras() -> Extras {
        EXTRAS
    }
);

/// Builds a part of [`Extras`] once its module is in.
pub(super) fn roi_extras(build: impl Fn(Extras) -> AnyView + Send + Sync + 'static) -> AnyView {
    let loaded = crate::ui::pages::Loaded::fetch(extras);
    (move || loaded.show_or("This part of the form", || ().into_any(), &build)).into_any()
}

/// "Convert every amount": choosing a currency changes its symbol only;
/// this multiplies every amount by a rate the reader enters.
fn conversion_view(
    model: RwSignal<RoiModel>,
    analysis: RwSignal<Analysis>,
    errors: FieldErrors,
    form_version: RwSignal<u32>,
) -> AnyView {
    let rate = RwSignal::new(None::<f64>);
    let done = RwSignal::new(None::<String>);
    let convert = move |_| {
        if let Some(r) = rate.get_untracked() {
            rate.set(None);
            model.update(|m| m.convert_amounts(r));
            analysis.update(|a| a.convert_amounts(r));
            // The form is built again from the converted model; what its
            // fields held that was not valid is gone with them.
            errors.update(|e| e.retain(|k, _| !k.starts_with("roi-") && !k.starts_with("team-")));
            form_version.update(|v| *v += 1);
            done.set(Some(format!(
                "Every amount was multiplied by {}.",
                crate::domain::input::format_input(r, crate::domain::input::NumberKind::Plain)
            )));
        }
    };
    view! {
        <fieldset class="form-section">
            <legend>"Convert every amount"</legend>
            <p class="field__help">
                "Choosing a currency changes its symbol only. To convert the model's amounts (costs, salaries, benefits, the cost of acting), enter how many units of the currency now chosen one unit of the old one buys; rates, months and hours do not change."
            </p>
            <div class="form-grid">
                <NumberField
                    id="roi-conversion-rate".to_string()
                    label="Multiply every amount by".to_string()
                    unit="new units per old unit".to_string()
                    help="For 1 USD = 0.92 EUR, choose EUR and enter 0.92."
                    kind=crate::domain::input::NumberKind::Plain
                    value=1.0
                    check=Callback::new(|v: f64| {
                        if v > 0.0 && v <= 1e6 {
                            Ok(())
                        } else {
                            Err("Enter a rate above 0, up to 1,000,000.".to_string())
                        }
                    })
                    on_valid=Callback::new(move |v: f64| rate.set(Some(v)))
                    errors=errors
                />
                <div class="field field--button">
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=convert
                        disabled=move || rate.get().is_none_or(|r| r == 1.0)
                    >
                        "Convert every amount"
                    </button>
                </div>
            </div>
            <p role="status">{move || done.get()}</p>
        </fieldset>
    }
    .into_any()
}

/// The notes of the model: the decision asked and what it rests on.
fn notes_view(model: RwSignal<RoiModel>) -> AnyView {
    view! {
        <div class="field field--notes">
            <label class="field__label" for="roi-notes">
                "Notes"
            </label>
            <textarea
                id="roi-notes"
                class="field__input"
                rows="3"
                maxlength=crate::persist::limits::MAX_NOTE.to_string()
                prop:value=model.with_untracked(|m| m.notes.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    model.update(|m| m.notes = v);
                }
            ></textarea>
            <p class="field__help">
                "The decision this model is for and what it rests on. Kept with the model, its share links and its exports."
            </p>
        </div>
    }
    .into_any()
}

/// "Where these figures come from": a source note for each input of a
/// section (and the team's, with the team), closed until opened.
fn sources_view(model: RwSignal<RoiModel>, section: Section) -> AnyView {
    let ids: Vec<(&'static str, &'static str)> = FIELDS
        .iter()
        .filter(|f| f.section == section)
        .map(|f| (f.id, f.label))
        .collect();
    let counted = ids.clone();
    let given = move || {
        model.with(|m| {
            counted
                .iter()
                .filter(|(id, _)| m.sources.contains_key(*id))
                .count()
        })
    };
    let rows = ids
        .iter()
        .map(|(id, label)| {
            let (id, label) = (*id, *label);
            let html_id = format!("roi-source-{id}");
            view! {
                <div class="field">
                    <label class="field__label" for=html_id.clone()>
                        {format!("Source of {}", label.to_lowercase())}
                    </label>
                    <input
                        id=html_id
                        class="field__input"
                        type="text"
                        maxlength=crate::persist::limits::MAX_LABEL.to_string()
                        placeholder="vendor quote, last year's actuals…"
                        prop:value=model
                            .with_untracked(|m| m.sources.get(id).cloned().unwrap_or_default())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            model
                                .update(|m| {
                                    if v.trim().is_empty() {
                                        m.sources.remove(id);
                                    } else {
                                        m.sources.insert(id.to_string(), v);
                                    }
                                });
                        }
                    />
                </div>
            }
        })
        .collect_view();
    let title = section.title();
    view! {
        <details class="sources">
            <summary>
                {move || match given() {
                    0 => title.to_string(),
                    n => format!("{title} ({n} given)"),
                }}
            </summary>
            <div class="form-grid">{rows}</div>
        </details>
    }
    .into_any()
}

/// The stage gates: each decided at the end of a month, passed with a
/// chance; they replace the single chance of technical success.
#[component]
fn GatesEditor(
    model: RwSignal<RoiModel>,
    errors: FieldErrors,
    currency: Signal<String>,
) -> impl IntoView {
    // Rebuilt as a whole when a gate is added or removed; a version keeps
    // the rows' element ids apart from the ones they replace.
    let version = RwSignal::new(0usize);
    // No more gates, or the last one is already at the end of the horizon.
    let full = move || model.with(|m| shown::new_gate(m).is_none());
    let add = move |_| {
        model.update(|m| {
            if let Some(g) = shown::new_gate(m) {
                m.success.gates.push(g);
            }
        });
        version.update(|v| *v += 1);
    };
    let rows = move || {
        let v = version.get();
        let gates = model.with_untracked(|m| m.success.gates.clone());
        gates
            .into_iter()
            .enumerate()
            .map(|(i, gate)| {
                let name_id = format!("gate-{v}-{i}-name");
                let fields = GATE_FIELDS
                    .iter()
                    .map(|f| {
                        let f = *f;
                        field_input(
                            f,
                            format!("gate-{v}-{i}-{}", f.id),
                            format!("{} (gate {})", f.label, i + 1),
                            currency,
                            (f.get)(&gate),
                            move |x| {
                                model.update(|m| {
                                    if let Some(g) = m.success.gates.get_mut(i) {
                                        (f.set)(g, x)
                                    }
                                })
                            },
                            errors,
                        )
                    })
                    .collect_view();
                view! {
                    <div class="team-row">
                        <div class="field">
                            <label class="field__label" for=name_id.clone()>
                                {format!("Gate {}: name", i + 1)}
                            </label>
                            <input
                                id=name_id
                                class="field__input"
                                type="text"
                                maxlength=crate::persist::limits::MAX_LABEL.to_string()
                                prop:value=gate.name.clone()
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    model
                                        .update(|m| {
                                            if let Some(g) = m.success.gates.get_mut(i) {
                                                g.name = v;
                                            }
                                        });
                                }
                            />
                        </div>
                        {fields}
                        <button
                            type="button"
                            class="button button--quiet"
                            aria-label=format!("Remove gate {}", i + 1)
                            on:click=move |_| {
                                model
                                    .update(|m| {
                                        if i < m.success.gates.len() {
                                            m.success.gates.remove(i);
                                        }
                                    });
                                errors.update(|e| e.retain(|k, _| !k.starts_with("gate-")));
                                version.update(|v| *v += 1);
                            }
                        >
                            "Remove"
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <div class="gates">
            <p class="field__help">
                "Instead of one chance of technical success, stage gates: at the end of each gate's month the project goes on with the chance given, or stops there, spending nothing more. When there are any, they replace the single chance in the form."
            </p>
            {rows}
            <button type="button" class="button button--quiet" on:click=add disabled=full>
                "Add a stage gate"
            </button>
        </div>
    }
}
