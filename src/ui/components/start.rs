//! The start page every calculator shares: a title and a sentence on what
//! the tool answers, buttons that create a document and open it, and the
//! documents of that kind saved in this browser.

use crate::persist::envelope::{Data, DocKind, Document};
use crate::route::Page;
use crate::ui::storage::{new_id, now, Storage};
use leptos::prelude::*;

/// Creates documents of one kind and opens each in its editor; a document
/// that cannot be saved is said on the start page, and nothing is opened.
#[derive(Clone, Copy)]
pub struct Creator {
    storage: Storage,
    kind: DocKind,
    /// "model", "portfolio": for the message when saving fails.
    what: &'static str,
    /// The editor of a saved document.
    open: fn(String) -> Page,
    error: RwSignal<Option<String>>,
}

impl Creator {
    pub fn new(kind: DocKind, what: &'static str, open: fn(String) -> Page) -> Self {
        Creator {
            storage: expect_context::<Storage>(),
            kind,
            what,
            open,
            error: RwSignal::new(None),
        }
    }

    /// Saves a new document named `name` holding `data`, then opens it.
    pub fn create(self, name: String, data: Data) {
        let doc = Document::new(new_id(), self.kind, name, now(), data);
        match self.storage.save(doc) {
            Ok(doc) => {
                let _ = window()
                    .location()
                    .set_hash(&(self.open)(doc.id).to_string());
            }
            Err(e) => self
                .error
                .set(Some(format!("Could not create the {}: {e}.", self.what))),
        }
    }
}

/// A calculator's start page. `actions` are the buttons that create a
/// document (with `creator`); `children`, if any, come after the list of
/// saved documents.
#[component]
pub fn StartPage(
    title: &'static str,
    lede: &'static str,
    creator: Creator,
    /// Heading of the list of saved documents, e.g. "Your saved models".
    saved_heading: &'static str,
    actions: AnyView,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let Creator {
        storage,
        kind,
        open,
        error,
        ..
    } = creator;
    // The editor is where the reader goes next.
    crate::ui::prefetch(&open(String::from("new")));
    let saved = Memo::new(move |_| {
        storage
            .list()
            .into_iter()
            .filter(|d| d.kind == kind)
            .collect::<Vec<_>>()
    });
    view! {
        <section class="hero">
            <h1>{title}</h1>
            <p class="lede">{lede}</p>
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p role="alert" class="field__error">
                                {e}
                            </p>
                        }
                    })
            }}
            <div class="actions">{actions}</div>
        </section>
        <Show when=move || !saved.with(Vec::is_empty)>
            <section aria-labelledby="saved-documents-heading" class="panel">
                <h2 id="saved-documents-heading">{saved_heading}</h2>
                <ul>
                    <For
                        each=move || saved.get()
                        key=|d| (d.id.clone(), d.name.clone())
                        children=move |d| {
                            view! {
                                <li>
                                    <a href=open(d.id.clone()).href()>{d.name.clone()}</a>
                                </li>
                            }
                        }
                    />
                </ul>
            </section>
        </Show>
        {children.map(|c| c())}
    }
}
