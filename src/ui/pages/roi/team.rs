//! The development team: a row per role, keyed so that removing one keeps
//! the others' text.

use crate::domain::roi::{RoiModel, TeamMember, MEMBER_FIELDS};
use crate::persist::limits::MAX_TEAM;
use crate::ui::components::deferred::defer;
use crate::ui::components::number_field::{field_input, FieldErrors};
use leptos::prelude::*;

#[component]
pub(super) fn TeamEditor(
    model: RwSignal<RoiModel>,
    errors: FieldErrors,
    currency: Signal<String>,
) -> impl IntoView {
    // Rows keyed by a local serial so that removing one keeps the others' text.
    let next = StoredValue::new(model.with_untracked(|m| m.team.len()));
    let rows = RwSignal::new((0..model.with_untracked(|m| m.team.len())).collect::<Vec<usize>>());
    let index_of = move |key: usize| rows.with_untracked(|r| r.iter().position(|k| *k == key));

    let full = move || model.with(|m| m.team.len() >= MAX_TEAM);
    let add = move |_| {
        if full() {
            return;
        }
        let key = next.get_value();
        next.set_value(key + 1);
        model.update(|m| m.team.push(crate::view::roi::new_member()));
        rows.update(|r| r.push(key));
    };

    view! {
        <fieldset class="form-section">
            <legend>"Development team"</legend>
            <p class="field__help">
                "Each role on the build: how many people, their fully loaded monthly cost, and how many months from the start they work on it. The model goes live when the longest assignment ends."
            </p>
            <For
                each=move || rows.get()
                key=|k| *k
                children=move |key| {
                    defer(move || {
                        let i = index_of(key).unwrap_or(0);
                        let member = model
                            .with_untracked(|m| m.team.get(i).cloned())
                            .unwrap_or(TeamMember {
                                role: String::new(),
                                headcount: 0.0,
                                monthly_cost: 0.0,
                                months: 0.0,
                            });
                        let role = RwSignal::new(member.role.clone());
                        let role_id = format!("team-{key}-role");
                        let fields = MEMBER_FIELDS
                            .iter()
                            .map(|f| {
                                let f = *f;
                                field_input(
                                    f,
                                    format!("team-{key}-{}", f.id),
                                    Signal::derive(move || format!("{} ({})", f.label, role.get())),
                                    currency,
                                    (f.get)(&member),
                                    move |v| {
                                        if let Some(i) = index_of(key) {
                                            model
                                                .update(|m| {
                                                    if let Some(p) = m.team.get_mut(i) {
                                                        (f.set)(p, v)
                                                    }
                                                });
                                        }
                                    },
                                    errors,
                                )
                            })
                            .collect_view();
                        // Each row in a task of its own.
                        view! {
                            <div class="team-row">
                                <div class="field">
                                    <label class="field__label" for=role_id.clone()>
                                        "Role"
                                    </label>
                                    <input
                                        id=role_id.clone()
                                        class="field__input"
                                        type="text"
                                        maxlength=crate::persist::limits::MAX_LABEL.to_string()
                                        prop:value=move || role.get()
                                        on:input=move |ev| {
                                            let v = event_target_value(&ev);
                                            role.set(v.clone());
                                            if let Some(i) = index_of(key) {
                                                model
                                                    .update(|m| {
                                                        if let Some(p) = m.team.get_mut(i) {
                                                            p.role = v;
                                                        }
                                                    });
                                            }
                                        }
                                    />
                                </div>
                                {fields}
                                <button
                                    type="button"
                                    class="button button--quiet"
                                    aria-label=move || format!("Remove the role {}", role.get())
                                    on:click=move |_| {
                                        if let Some(i) = index_of(key) {
                                            model
                                                .update(|m| {
                                                    m.team.remove(i);
                                                });
                                            rows.update(|r| {
                                                r.remove(i);
                                            });
                                        }
                                    }
                                >
                                    "Remove"
                                </button>
                            </div>
                        }
                            .into_any()
                    })
                }
            />
            <button type="button" class="button button--quiet" on:click=add disabled=full>
                "Add a role"
            </button>
            <Show when=full>
                <p class="field__help" role="status">
                    {format!("A model holds up to {MAX_TEAM} roles.")}
                </p>
            </Show>
        </fieldset>
    }
}
