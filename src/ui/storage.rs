//! The storage context every tool saves through, and the notices it raises.

use crate::persist::envelope::Document;
use crate::persist::store::KeyValue;
use crate::persist::store::{DocumentStore, FallbackKv, Newer, StoreError, Summary, Version};
use crate::persist::web::LocalKv;
use leptos::prelude::*;

/// A message shown once at the top of the page until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Distinguishes notices, so the same one is raised only once.
    pub id: &'static str,
    /// What happened, in plain words.
    pub text: String,
    /// Link to where the user can act on it, if anywhere.
    pub link: Option<(String, &'static str)>,
}

/// The notices on screen.
#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Vec<Notice>>);

impl Notices {
    /// Creates the list and puts it in context.
    pub fn provide() -> Notices {
        let notices = Notices(RwSignal::new(Vec::new()));
        provide_context(notices);
        notices
    }

    /// Shows a notice unless one with the same id is showing.
    pub fn raise(self, notice: Notice) {
        self.0.update(|list| {
            if !list.iter().any(|n| n.id == notice.id) {
                list.push(notice);
            }
        });
    }

    fn dismiss(self, id: &'static str) {
        self.0.update(|list| list.retain(|n| n.id != id));
    }
}

type Store = DocumentStore<FallbackKv<LocalKv>>;

/// Access to the saved documents. Reading through [`Storage::list`] or
/// [`Storage::load`] inside a reactive scope re-runs when anything changes,
/// in this tab or another.
#[derive(Clone, Copy)]
pub struct Storage {
    store: StoredValue<Store>,
    revision: RwSignal<u64>,
    notices: Notices,
    warned: StoredValue<bool>,
}

/// Milliseconds since the Unix epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A new, URL-safe document id.
pub fn new_id() -> String {
    let t = now() as u64;
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("{}{}", radix36(t), radix36(r))
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl Storage {
    /// Opens localStorage (or memory for writes when it cannot take them),
    /// quarantines what is damaged, listens for changes from other tabs, and
    /// puts the store in context.
    pub fn provide(notices: Notices) -> Storage {
        let (store, report) = DocumentStore::open(LocalKv::open(), now());
        let storage = Storage {
            store: StoredValue::new(store),
            revision: RwSignal::new(0),
            notices,
            warned: StoredValue::new(false),
        };
        if !report.quarantined.is_empty() {
            let n = report.quarantined.len();
            let why = report.quarantined[0].1.to_string();
            notices.raise(Notice {
                id: "quarantine",
                text: if n == 1 {
                    format!("One saved item could not be read because {why}. It was set aside, not deleted; you can download it.")
                } else {
                    format!("{n} saved items could not be read (the first because {why}). They were set aside, not deleted; you can download them.")
                },
                link: Some(("#/saved".into(), "See what was set aside")),
            });
        }
        if !report.restored.is_empty() {
            let n = report.restored.len();
            notices.raise(Notice {
                id: "restored",
                text: if n == 1 {
                    "One document that an older version of Sextant had set aside is readable again and is back in Saved.".into()
                } else {
                    format!("{n} documents that an older version of Sextant had set aside are readable again and are back in Saved.")
                },
                link: Some(("#/saved".into(), "Open Saved")),
            });
        }
        storage.check_degraded();
        let listener = window_event_listener(leptos::ev::storage, move |ev| {
            let ours = ev
                .key()
                .is_none_or(|k| k.starts_with(crate::persist::store::PREFIX));
            if ours {
                storage.revision.update(|r| *r += 1);
            }
        });
        on_cleanup(move || listener.remove());
        provide_context(storage);
        storage
    }

    fn check_degraded(self) {
        let degraded = self
            .store
            .with_value(|s| (s.kv().degraded.clone(), s.kv().reads_primary()));
        if let (Some(why), reads_browser) = degraded {
            if !self.warned.get_value() {
                self.warned.set_value(true);
                self.notices.raise(Notice {
                    id: "memory",
                    text: if reads_browser {
                        format!(
                            "Sextant cannot save in this browser ({why}). What you saved before can still be opened and deleted, but changes are kept only until you close this tab: export anything you want to keep."
                        )
                    } else {
                        format!(
                            "Sextant cannot save in this browser ({why}). Everything still works, but what you enter is kept only until you close this tab: export anything you want to keep."
                        )
                    },
                    link: None,
                });
            }
        }
    }

    fn track(self) {
        self.revision.track();
    }

    fn changed(self) {
        self.revision.update(|r| *r += 1);
        self.check_degraded();
    }

    /// Every readable document, newest first.
    pub fn list(self) -> Vec<Summary> {
        self.track();
        self.store.with_value(|s| s.list())
    }

    /// Every readable document, newest first, and the documents saved by a
    /// newer version of Sextant, kept as they are (read in one pass).
    pub fn listing(self) -> (Vec<Summary>, Vec<Newer>) {
        self.track();
        self.store.with_value(|s| s.listing())
    }

    /// One document.
    pub fn load(self, id: &str) -> Result<Document, StoreError> {
        self.track();
        self.store.with_value(|s| s.load(id))
    }

    /// Saves a document, stamping its update time; returns it as saved,
    /// with its new revision token.
    pub fn save(self, mut doc: Document) -> Result<Document, StoreError> {
        let t = now();
        doc.updated = t;
        let result = self.store.try_update_value(|s| s.save(&doc, t));
        self.changed();
        doc.rev = Some(
            result.unwrap_or_else(|| Err(StoreError::Unavailable("the page is closing".into())))?,
        );
        Ok(doc)
    }

    /// Saves an edited document only if nobody changed or deleted it since
    /// the version `seen` (the one the editor last had); returns it as saved.
    pub fn save_if_unchanged(
        self,
        mut doc: Document,
        seen: &Version,
    ) -> Result<Document, StoreError> {
        let t = now();
        doc.updated = t;
        let result = self
            .store
            .try_update_value(|s| s.save_if_unchanged(&doc, seen, t));
        self.changed();
        doc.rev = Some(
            result.unwrap_or_else(|| Err(StoreError::Unavailable("the page is closing".into())))?,
        );
        Ok(doc)
    }

    /// Renames a document.
    pub fn rename(self, id: &str, name: &str) -> Result<(), StoreError> {
        let result = self.store.try_update_value(|s| s.rename(id, name, now()));
        self.changed();
        result.unwrap_or(Ok(()))
    }

    /// Copies a document; returns the copy.
    pub fn duplicate(self, id: &str) -> Result<Document, StoreError> {
        let new = new_id();
        let result = self
            .store
            .try_update_value(|s| s.duplicate(id, &new, now()));
        self.changed();
        result.unwrap_or_else(|| Err(StoreError::NotFound(id.to_string())))
    }

    /// Deletes a document.
    pub fn delete(self, id: &str) {
        self.store.update_value(|s| s.delete(id));
        self.changed();
    }

    /// What was set aside because it could not be read.
    pub fn quarantined(self) -> Vec<crate::persist::store::Quarantined> {
        self.track();
        self.store.with_value(|s| s.quarantined())
    }

    /// Discards one set-aside entry.
    pub fn discard_quarantined(self, key: &str) {
        self.store.update_value(|s| s.discard_quarantined(key));
        self.changed();
    }

    /// Deletes everything Sextant stored in this browser, then checks:
    /// returns the keys of Sextant's still there (none when it worked).
    pub fn delete_all(self) -> Vec<String> {
        let left = self
            .store
            .try_update_value(|s| s.delete_all())
            .unwrap_or_else(|| {
                // The page is closing: say what the browser still holds.
                LocalKv
                    .keys()
                    .into_iter()
                    .filter(|k| k.starts_with(crate::persist::store::PREFIX))
                    .collect()
            });
        self.changed();
        left
    }
}

/// The notices, at the top of the page.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For
                each=move || notices.0.get()
                key=|n| n.id
                children=move |n| {
                    let id = n.id;
                    view! {
                        <div class="notice">
                            <p class="notice__text">
                                {n.text}
                                {n
                                    .link
                                    .map(|(href, label)| {
                                        view! {
                                            " "
                                            <a href=href>{label}</a>
                                        }
                                    })}
                            </p>
                            <button
                                class="button button--quiet"
                                on:click=move |_| notices.dismiss(id)
                            >
                                "Dismiss"
                            </button>
                        </div>
                    }
                }
            />
        </div>
    }
}
