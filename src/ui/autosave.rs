//! Saving an editor's document as it changes, never over a change or deletion
//! made in another tab: each save is accepted only over the version last
//! seen; otherwise the editor says so and offers to keep this version as a
//! copy.

use crate::persist::envelope::Data;
use crate::persist::envelope::Document;
use crate::persist::store::{StoreError, Version};
use crate::route::Page;
use crate::ui::storage::{new_id, now, Storage};
use leptos::prelude::*;

/// A saved document and the version of its content last saved or opened.
/// [`Versioned::save`] writes a version only when it differs from that one
/// (a signal set to the value it holds saves nothing, so the document's
/// version does not move on for nothing) and only over the stored version
/// last seen, never over a change or deletion made in another tab.
pub struct Versioned<T: Send + Sync + 'static> {
    doc: StoredValue<Document>,
    last: StoredValue<T>,
}

impl<T: Send + Sync + 'static> Clone for Versioned<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Versioned<T> {}

impl<T: PartialEq + Clone + Send + Sync + 'static> Versioned<T> {
    /// `doc` as opened, holding `current`.
    pub fn new(doc: Document, current: T) -> Self {
        Versioned {
            doc: StoredValue::new(doc),
            last: StoredValue::new(current),
        }
    }

    /// Saves `value`, which `write` puts into the document, unless it is the
    /// version last saved or opened: then `None`.
    pub fn save(
        self,
        value: T,
        write: impl FnOnce(&mut Document, &T),
    ) -> Option<Result<(), StoreError>> {
        if self.last.with_value(|l| *l == value) {
            return None;
        }
        let mut d = self.doc.get_value();
        write(&mut d, &value);
        let seen = self.doc.with_value(Version::of);
        let storage = expect_context::<Storage>();
        Some(storage.save_if_unchanged(d, &seen).map(|saved| {
            self.doc.set_value(saved);
            self.last.set_value(value);
        }))
    }

    /// The document as last saved or opened.
    pub fn doc(self) -> Document {
        self.doc.get_value()
    }
}

/// The saving state of one editor.
#[derive(Clone, Copy)]
pub struct Autosave {
    saved: Versioned<(String, Data)>,
    state: RwSignal<Option<Result<(), String>>>,
    data: Signal<Data>,
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
        data: Signal<Data>,
        untitled: &'static str,
        open: fn(String) -> Page,
    ) -> Autosave {
        let named = move |n: String| {
            if n.trim().is_empty() {
                untitled.to_string()
            } else {
                n
            }
        };
        let saved = Versioned::new(doc, (named(name.get_untracked()), data.get_untracked()));
        let state = RwSignal::new(None::<Result<(), String>>);
        Effect::new(move |_| {
            let version = (named(name.get()), data.get());
            let result = saved.save(version, |d, (name, data)| {
                d.name = name.clone();
                d.data = data.clone();
            });
            if let Some(result) = result {
                state.set(Some(result.map_err(|e| e.to_string())));
            }
        });
        Autosave {
            saved,
            state,
            data,
            name,
            open,
        }
    }

    /// Saves this version as a new document and opens it.
    pub fn save_copy(self) {
        let storage = expect_context::<Storage>();
        let mut d = self.saved.doc();
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
