//! Everything Sextant stored in this browser: open, rename, duplicate,
//! delete, download what was set aside, delete all.

use crate::persist::envelope::{DocKind, Document};
use crate::persist::store::Summary;
use crate::route::Page;
use crate::ui::download::download_text;
use crate::ui::storage::Storage;
use crate::ui::storage::{new_id, now};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::export::when;

/// Where a saved document opens. Takes the storage rather than reading it from
/// the reactive context, which an import's task (spawned after reading the
/// file) does not have: importing an assessment panicked there.
fn page_for(storage: Storage, kind: DocKind, id: &str) -> Option<Page> {
    if let Some(calculator) = kind.calculator() {
        return Some(Page::Calculator(calculator, Some(id.to_string())));
    }
    match kind {
        DocKind::Assessment => {
            let doc = untrack(|| storage.load(id)).ok()?;
            let run = crate::persist::assessment::from_data(&doc.data).ok()?;
            Some(Page::AssessmentRun(
                crate::domain::packs::kind_of(&run.pack)?,
                id.to_string(),
            ))
        }
        _ => None,
    }
}

#[component]
fn SavedRow(doc: Summary) -> impl IntoView {
    let storage = expect_context::<Storage>();
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let draft = RwSignal::new(doc.name.clone());
    let error = RwSignal::new(None::<String>);
    let id = StoredValue::new(doc.id.clone());
    let name = doc.name.clone();
    let open = page_for(storage, doc.kind, &doc.id);
    let input_id = format!("rename-{}", doc.id);

    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new_name = draft.get_untracked().trim().to_string();
        if new_name.is_empty() {
            error.set(Some("A name cannot be empty.".into()));
            return;
        }
        match storage.rename(&id.get_value(), &new_name) {
            Ok(()) => {
                error.set(None);
                editing.set(false);
            }
            Err(e) => error.set(Some(format!("Could not rename: {e}."))),
        }
    };
    let name_for_label = name.clone();
    let name_for_confirm = name.clone();

    view! {
        <tr>
            <td>{doc.kind.label()}</td>
            <td>
                <Show
                    when=move || editing.get()
                    fallback={
                        let name = name.clone();
                        let open = open.clone();
                        move || match open.clone() {
                            Some(page) => {
                                view! { <a href=page.href()>{name.clone()}</a> }.into_any()
                            }
                            None => view! { <span>{name.clone()}</span> }.into_any(),
                        }
                    }
                >
                    <form class="inline-form" on:submit=save_name>
                        <label for=input_id.clone() class="visually-hidden">
                            {format!("New name for {name_for_label}")}
                        </label>
                        <input
                            id=input_id.clone()
                            type="text"
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))
                            aria-invalid=move || error.get().is_some().then_some("true")
                        />
                        <button class="button" type="submit">
                            "Save name"
                        </button>
                        <button
                            class="button button--quiet"
                            type="button"
                            on:click=move |_| editing.set(false)
                        >
                            "Cancel"
                        </button>
                        {move || {
                            error
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
                </Show>
            </td>
            <td>{when(doc.updated)}</td>
            <td class="actions">
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button
                                class="button button--quiet"
                                on:click=move |_| editing.set(true)
                            >
                                "Rename"
                            </button>
                            <button
                                class="button button--quiet"
                                on:click=move |_| {
                                    let _ = storage.duplicate(&id.get_value());
                                }
                            >
                                "Duplicate"
                            </button>
                            <button
                                class="button button--danger"
                                on:click=move |_| confirming.set(true)
                            >
                                "Delete"
                            </button>
                        }
                    }
                >
                    <span class="confirm">{format!("Delete “{name_for_confirm}”?")}</span>
                    <button
                        class="button button--danger"
                        on:click=move |_| storage.delete(&id.get_value())
                    >
                        "Yes, delete"
                    </button>
                    <button class="button button--quiet" on:click=move |_| confirming.set(false)>
                        "Keep it"
                    </button>
                </Show>
            </td>
        </tr>
    }
}

/// Reads a file exported by Sextant ([`crate::persist::share::import_file`]).
type Import = fn(&str) -> Result<crate::persist::share::Shared, crate::persist::share::ImportError>;

// What reads an imported file: with `split`, a module of its own, fetched
// when a file is chosen (it comes in the page's later bundle). It holds every
// stored format's reader and checks (a ROI model, a portfolio, an automation
// ROI model), which the list of saved documents does not need.
split_point!(
    importer_1,
    fn importer() -> Import {
        crate::persist::share::import_file
    }
);

/// The file reader, or why it is not here.
async fn file_reader() -> Result<Import, String> {
    importer().await.map_err(|_| {
        "the part of Sextant that reads files did not arrive (the network may be down, or a newer version has replaced this one); choose the file again to try again".to_string()
    })
}

/// Imports a file exported by Sextant as a new document; never replaces one.
#[component]
fn ImportFile() -> impl IntoView {
    let storage = expect_context::<Storage>();
    let outcome = RwSignal::new(None::<Result<(String, Option<Page>), String>>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > crate::persist::share::MAX_DECODED as f64 {
            outcome.set(Some(Err(
                crate::persist::share::ImportError::TooLarge.to_string()
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let result = match text {
                None => Err("the file could not be read".to_string()),
                Some(text) => file_reader().await.and_then(|import| {
                    import(&text).map_err(|e| e.to_string()).and_then(|s| {
                        let doc = Document::new(new_id(), s.kind, s.name, now(), s.data);
                        storage
                            .save(doc)
                            .map(|d| (d.name.clone(), page_for(storage, d.kind, &d.id)))
                            .map_err(|e| e.to_string())
                    })
                }),
            };
            outcome.set(Some(result));
        });
    };
    view! {
        <section class="panel" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import a file"</h2>
            <p>
                "Open a file downloaded from Sextant (a model or an assessment). It is added as a new document; nothing you have is replaced."
            </p>
            <label class="field__label" for="import-file">
                "File to import"
            </label>
            <input
                id="import-file"
                type="file"
                accept=".json,application/json"
                on:change=on_change
            />
            <p role="status">
                {move || match outcome.get() {
                    None => ().into_any(),
                    Some(Ok((name, page))) => {
                        view! {
                            {format!("Imported “{name}”. ")}
                            {page.map(|p| view! { <a href=p.href()>"Open it"</a> })}
                        }
                            .into_any()
                    }
                    Some(Err(e)) => {
                        view! { <span class="field__error">{format!("Not imported: {e}.")}</span> }
                            .into_any()
                    }
                }}
            </p>
        </section>
    }
}

/// The line under the list about documents a newer version of Sextant
/// saved, which this version leaves as they are.
fn newer_line(n: usize) -> Option<String> {
    match n {
        0 => None,
        1 => Some("One document saved by a newer version of Sextant is kept as it is; open Sextant's newest version to use it.".into()),
        n => Some(format!("{n} documents saved by a newer version of Sextant are kept as they are; open Sextant's newest version to use them.")),
    }
}

/// What "Delete all my data" says once done: checked by reading the
/// browser's storage again.
fn deleted_all_line(left: &[String]) -> String {
    match left.len() {
        0 => "Everything Sextant stored in this browser was deleted.".into(),
        1 => "One item Sextant stored could not be deleted from this browser. Close other Sextant tabs and try again, or clear this site's data in the browser's settings.".into(),
        n => format!("{n} items Sextant stored could not be deleted from this browser. Close other Sextant tabs and try again, or clear this site's data in the browser's settings."),
    }
}

/// How numbers are read and written on this device: the browser
/// language's format until one is chosen here.
#[component]
fn NumberFormatSetting() -> impl IntoView {
    use crate::domain::input::{number_format, NumberFormat};
    let current = number_format();
    let options = NumberFormat::ALL
        .into_iter()
        .map(|f| {
            view! {
                <option value=f.id() selected=f == current>
                    {f.label()}
                </option>
            }
        })
        .collect_view();
    // Every figure on every page is written in the format, so the page is
    // built again in the new one; what was typed is already saved.
    // When the choice cannot be kept (storage full or turned off), the
    // page says so and stays as it is, rather than reloading in the old
    // format as if the choice had been taken.
    let not_kept = RwSignal::new(None::<String>);
    let change = move |ev| {
        let Some(format) = NumberFormat::from_id(&event_target_value(&ev)) else {
            return;
        };
        match crate::persist::web::keep_number_format(format) {
            Ok(()) => {
                let _ = window().location().reload();
            }
            Err(e) => not_kept.set(Some(format!(
                "The choice was not kept: {e}. Numbers stay as they are."
            ))),
        }
    };
    view! {
        <section class="panel" aria-labelledby="numbers-heading">
            <h2 id="numbers-heading">"Numbers on this device"</h2>
            <div class="field">
                <label class="field__label" for="number-format">
                    "Numbers are written"
                </label>
                <select id="number-format" class="field__input" on:change=change>
                    {options}
                </select>
                <p class="field__help">
                    "How every page reads what you type and shows its figures. Until you choose, it follows your browser's language. An amount that could be read a thousand times too large or too small, such as 12.000 in the 1,234.5 format, is always asked about."
                </p>
                {move || {
                    not_kept
                        .get()
                        .map(|why| {
                            view! {
                                <p class="field__error" role="alert">
                                    {why}
                                </p>
                            }
                        })
                }}
            </div>
        </section>
    }
}

/// The list of saved documents.
#[component]
pub fn SavedPage() -> impl IntoView {
    let storage = expect_context::<Storage>();
    let listing = Memo::new(move |_| storage.listing());
    let docs = Memo::new(move |_| listing.with(|(docs, _)| docs.clone()));
    let newer = Memo::new(move |_| listing.with(|(_, newer)| newer_line(newer.len())));
    let quarantined = Memo::new(move |_| storage.quarantined());
    let confirm_all = RwSignal::new(false);
    let deleted_all = RwSignal::new(None::<String>);

    view! {
        <section class="panel">
            <h1>"Saved in this browser"</h1>
            <p>"Everything here is stored on this device only. Nothing is sent anywhere."</p>
            <Show
                when=move || !docs.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <p class="empty">
                            "Nothing saved yet. Assessments and models you work on are saved here as you go."
                        </p>
                    }
                }
            >
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">
                            "Saved documents, most recent first"
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">"Kind"</th>
                                <th scope="col">"Name"</th>
                                <th scope="col">"Last updated"</th>
                                <th scope="col">"Actions"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || docs.get()
                                key=|d| (d.id.clone(), d.name.clone(), d.updated.to_bits())
                                children=|d| view! { <SavedRow doc=d /> }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
            {move || newer.get().map(|line| view! { <p class="newer">{line}</p> })}
        </section>
        <Show when=move || !quarantined.with(Vec::is_empty)>
            <section class="panel" aria-labelledby="quarantine-heading">
                <h2 id="quarantine-heading">"Set aside: data that could not be read"</h2>
                <p>
                    "These were stored by Sextant but are damaged or come from a newer version. They are kept as they were; download them before discarding."
                </p>
                <ul class="quarantine">
                    <For
                        each=move || quarantined.get()
                        key=|q| q.key.clone()
                        children=move |q| {
                            let raw = q.raw.clone();
                            let key = q.key.clone();
                            let confirm = RwSignal::new(false);
                            let file = format!(
                                "sextant-{}.txt",
                                q
                                    .original_key
                                    .replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "-"),
                            );
                            view! {
                                <li>
                                    <code>{q.original_key.clone()}</code>
                                    " "
                                    <button
                                        class="button"
                                        on:click=move |_| {
                                            let _ = download_text(&file, "text/plain", &raw);
                                        }
                                    >
                                        "Download"
                                    </button>
                                    " "
                                    <Show
                                        when=move || confirm.get()
                                        fallback=move || {
                                            view! {
                                                <button
                                                    class="button button--danger"
                                                    on:click=move |_| confirm.set(true)
                                                >
                                                    "Discard"
                                                </button>
                                            }
                                        }
                                    >
                                        {
                                            let key = key.clone();
                                            view! {
                                                <button
                                                    class="button button--danger"
                                                    on:click=move |_| storage.discard_quarantined(&key)
                                                >
                                                    "Yes, discard it for good"
                                                </button>
                                                " "
                                                <button
                                                    class="button button--quiet"
                                                    on:click=move |_| confirm.set(false)
                                                >
                                                    "Keep it"
                                                </button>
                                            }
                                        }
                                    </Show>
                                </li>
                            }
                        }
                    />
                </ul>
            </section>
        </Show>
        <NumberFormatSetting />
        <ImportFile />
        <section class="panel panel--danger" aria-labelledby="delete-all-heading">
            <h2 id="delete-all-heading">"Delete all my data"</h2>
            <p>
                "Removes every assessment, model and portfolio Sextant stored in this browser. This cannot be undone."
            </p>
            <Show
                when=move || confirm_all.get()
                fallback=move || {
                    view! {
                        <button
                            class="button button--danger"
                            on:click=move |_| {
                                deleted_all.set(None);
                                confirm_all.set(true);
                            }
                        >
                            "Delete all my data"
                        </button>
                    }
                }
            >
                <p role="alert">"Delete everything Sextant stored in this browser?"</p>
                <button
                    class="button button--danger"
                    on:click=move |_| {
                        let left = storage.delete_all();
                        deleted_all.set(Some(deleted_all_line(&left)));
                        confirm_all.set(false);
                    }
                >
                    "Yes, delete everything"
                </button>
                " "
                <button class="button button--quiet" on:click=move |_| confirm_all.set(false)>
                    "Cancel"
                </button>
            </Show>
            <p role="status">{move || deleted_all.get()}</p>
        </section>
    }
}
