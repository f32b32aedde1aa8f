//! Saving an editor's document as it changes, never over a change or deletion
//! made in another tab: each save is accepted only over the version last
//! seen; otherwise the editor says so and offers to keep this version as a
//! copy.

use crate::persist::envelope::Document;
use crate::route::Page;
use crate::ui::storage::{new_id, now, Storage};
use leptos::prelude::*;
use serde_json::Value;

/// The saving state of one editor.
#[derive(Clone, Copy)]
pub struct Autosave {
    doc: StoredValue<Document>,
    state: RwSignal<Option<Result<(), String>>>,
    data: Signal<Value>,
    name: Signal<String>,
    open: fn(String) -> Page,
}

impl Autosave {
    /// Saves `data` under `name` (or `untitled` while the name is blank)
    /// every time either differs from the version last saved or opened.
    /// `open` is the page of a saved copy.
    ///
    /// Comparing with that version, rather than skipping the effect's first
    /// run, saves an edit made before the first run and ignores a signal
    /// that is set to the value it already holds: a save of unchanged data
    /// would move the version on and refuse the next save of a tab that
    /// holds a real edit.
    pub fn start(
        doc: Document,
        name: Signal<String>,
        data: Signal<Value>,
        untitled: &'static str,
        open: fn(String) -> Page,
    ) -> Autosave {
        let storage = expect_context::<Storage>();
        let named = move |n: String| {
            if n.trim().is_empty() {
                untitled.to_string()
            } else {
                n
            }
        };
        let last = StoredValue::new((named(name.get_untracked()), data.get_untracked()));
        let doc = StoredValue::new(doc);
        let state = RwSignal::new(None::<Result<(), String>>);
        Effect::new(move |_| {
            let version = (named(name.get()), data.get());
            if last.with_value(|l| *l == version) {
                return;
            }
            let mut d = doc.get_value();
            d.name = version.0.clone();
            d.data = version.1.clone();
            let seen = doc.with_value(|d| d.updated);
            let result = match storage.save_if_unchanged(d, seen) {
                Ok(saved) => {
                    doc.set_value(saved);
                    last.set_value(version);
                    Ok(())
                }
                Err(e) => Err(e.to_string()),
            };
            state.set(Some(result));
        });
        Autosave {
            doc,
            state,
            data,
            name,
            open,
        }
    }

    /// Saves this version as a new document and opens it.
    pub fn save_copy(self) {
        let storage = expect_context::<Storage>();
        let mut d = self.doc.get_value();
        d.id = new_id();
        d.name = format!("{} (my version)", self.name.get_untracked());
        d.created = now();
        d.data = self.data.get_untracked();
        if let Ok(d) = storage.save(d) {
            let _ = window().location().set_hash(&(self.open)(d.id).to_string());
        }
    }
}

/// "All changes saved", or why not with a button to keep a copy.
#[component]
pub fn SaveState(autosave: Autosave) -> impl IntoView {
    view! {
        <p class="save-state" role="status">
            {move || match autosave.state.get() {
                None => "Saved in this browser.".into_any(),
                Some(Ok(())) => "All changes saved in this browser.".into_any(),
                Some(Err(e)) => {
                    view! {
                        <span class="field__error">{format!("Not saved: {e}. ")}</span>
                        <button
                            class="button button--quiet"
                            type="button"
                            on:click=move |_| autosave.save_copy()
                        >
                            "Save my version as a copy"
                        </button>
                    }
                        .into_any()
                }
            }}
        </p>
    }
}
