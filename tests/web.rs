//! Browser tests (wasm-bindgen-test in headless Chromium): the app shell,
//! routing and the storage layer against the real localStorage.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use sextant::persist::envelope::{self, DocKind, Document};
use sextant::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, Storage};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the app at `hash` in a fresh container, with localStorage holding
/// exactly `stored`.
async fn start(hash: &str, stored: &[(&str, &str)]) -> (HtmlElement, impl Drop) {
    storage().clear().unwrap();
    for (k, v) in stored {
        storage().set_item(k, v).unwrap();
    }
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
    leptos::task::tick().await;
    // The page is built in a task after the header's.
    for _ in 0..100 {
        if container.query_selector("main > *").unwrap().is_some() {
            break;
        }
        gloo_sleep(5).await;
    }
    let guard = Unmount(Some(handle), container.clone());
    (container, guard)
}

struct Unmount<M: leptos::tachys::view::Mountable>(
    Option<leptos::mount::UnmountHandle<M>>,
    HtmlElement,
);

impl<M: leptos::tachys::view::Mountable> Drop for Unmount<M> {
    fn drop(&mut self) {
        drop(self.0.take());
        self.1.remove();
    }
}

fn text(el: &HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

fn button(root: &HtmlElement, label: &str) -> HtmlElement {
    let all = root.query_selector_all("button").unwrap();
    for i in 0..all.length() {
        let b: HtmlElement = all.item(i).unwrap().unchecked_into();
        if text(&b).trim() == label {
            return b;
        }
    }
    panic!("no button labelled {label:?} in: {}", text(root));
}

fn doc_json(id: &str, name: &str) -> String {
    envelope::write(&Document::new(
        id,
        DocKind::RoiModel,
        name,
        1_700_000_000_000.0,
        serde_json::json!({}).into(),
    ))
}

#[wasm_bindgen_test]
async fn home_lists_every_tool() {
    let (root, _app) = start("#/", &[]).await;
    let t = text(&root);
    for title in [
        "ML engineer skills",
        "ML project readiness",
        "Automation readiness",
        "Team and stakeholder practices",
        "ML project ROI",
        "Project prioritisation",
        "Automation ROI",
    ] {
        assert!(t.contains(title), "missing {title}");
    }
    assert!(root
        .query_selector("header nav[aria-label=Main]")
        .unwrap()
        .is_some());
    assert!(root.query_selector("footer").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn unknown_route_shows_not_found_with_a_way_home() {
    let (root, _app) = start("#/no/such/page", &[]).await;
    assert!(text(&root).contains("Page not found"));
    assert!(text(&root).contains("/no/such/page"));
    let home = root.query_selector("main a[href='#/']").unwrap();
    assert!(home.is_some());
}

#[wasm_bindgen_test]
async fn routes_follow_hash_changes() {
    let (root, _app) = start("#/", &[]).await;
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/saved")
        .unwrap();
    // hashchange is dispatched asynchronously.
    gloo_sleep(50).await;
    assert!(
        text(&root).contains("Saved in this browser"),
        "{}",
        text(&root)
    );
}

async fn gloo_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn saved_view_lists_renames_duplicates_and_deletes() {
    let (root, _app) = start(
        "#/saved",
        &[("sextant:doc:a1", &doc_json("a1", "Churn model"))],
    )
    .await;
    assert!(text(&root).contains("Churn model"));

    button(&root, "Duplicate").click();
    leptos::task::tick().await;
    assert!(
        text(&root).contains("Churn model (copy)"),
        "{}",
        text(&root)
    );
    let keys: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with("sextant:doc:"))
        .collect();
    assert_eq!(keys.len(), 2);

    // Rename the original.
    let rows = root.query_selector_all("tbody tr").unwrap();
    let original: HtmlElement = (0..rows.length())
        .map(|i| rows.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|r| text(r).contains("Churn model") && !text(r).contains("(copy)"))
        .unwrap();
    button(&original, "Rename").click();
    leptos::task::tick().await;
    let input: web_sys::HtmlInputElement = original
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("Churn v2");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    button(&original, "Save name").click();
    leptos::task::tick().await;
    let stored = envelope::read(&storage().get_item("sextant:doc:a1").unwrap().unwrap()).unwrap();
    assert_eq!(stored.name, "Churn v2");
    assert!(text(&root).contains("Churn v2"));

    // Delete asks first, then removes the key.
    let rows = root.query_selector_all("tbody tr").unwrap();
    let row: HtmlElement = rows.item(0).unwrap().unchecked_into();
    button(&row, "Delete").click();
    leptos::task::tick().await;
    button(&row, "Yes, delete").click();
    leptos::task::tick().await;
    assert_eq!(root.query_selector_all("tbody tr").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn unreadable_data_is_quarantined_and_a_newer_versions_data_left_in_place() {
    let future = doc_json("f1", "Future").replace("\"schema\":1", "\"schema\":42");
    let (root, _app) = start(
        "#/saved",
        &[
            ("sextant:doc:bad", "{hand-edited"),
            ("sextant:doc:f1", &future),
            ("sextant:doc:ok", &doc_json("ok", "Fine")),
        ],
    )
    .await;
    assert!(text(&root).contains("could not be read"), "{}", text(&root));
    assert!(storage().get_item("sextant:doc:bad").unwrap().is_none());
    let mut kept = Vec::new();
    for i in 0..storage().length().unwrap() {
        let k = storage().key(i).unwrap().unwrap();
        if k.starts_with("sextant:quarantine:") {
            kept.push(storage().get_item(&k).unwrap().unwrap());
        }
    }
    // Only the damaged entry is set aside; the newer version's document
    // stays where it is, and the list says so.
    assert_eq!(kept, ["{hand-edited"]);
    assert_eq!(
        storage().get_item("sextant:doc:f1").unwrap().as_deref(),
        Some(&*future)
    );
    let t = text(&root);
    assert!(t.contains("Fine") && !t.contains("Future"), "{t}");
    assert!(t.contains("Download"));
    assert!(
        t.contains("One document saved by a newer version of Sextant is kept as it is; open Sextant's newest version to use it."),
        "{t}"
    );
}

/// After opening `hash`, the one document stored before (`key`, `json`) is
/// unchanged, and no other document was written or set aside.
fn only_stored(hash: &str, key: &str, json: &str) {
    assert_eq!(
        storage().get_item(key).unwrap().as_deref(),
        Some(json),
        "{hash}"
    );
    for i in 0..storage().length().unwrap() {
        let other = storage().key(i).unwrap().unwrap();
        assert!(
            other == key
                || !other.starts_with("sextant:doc:") && !other.starts_with("sextant:quarantine:"),
            "{hash}: {other}"
        );
    }
}

#[wasm_bindgen_test]
async fn an_editor_says_why_a_saved_document_cannot_be_opened() {
    let roi = doc_json("a1", "Churn");
    let cases = [
        (
            "#/roi/gone",
            "There is no saved ROI model with this address in this browser.",
        ),
        ("#/roi/a1", "This saved model could not be read: "),
        ("#/portfolio/a1", "That saved document is not a portfolio."),
        (
            "#/automation-roi/a1",
            "That saved document is not an automation ROI model.",
        ),
        (
            "#/automation-roi/gone",
            "There is no saved automation ROI model with this address",
        ),
    ];
    for (hash, says) in cases {
        let (root, _app) = start(hash, &[("sextant:doc:a1", &roi)]).await;
        assert!(text(&root).contains(says), "{hash}: {}", text(&root));
        only_stored(hash, "sextant:doc:a1", &roi);
    }
}

/// Share links in the build without split points (the single file, `trunk
/// serve`): with the kind in the address, without it, with the wrong kind,
/// and broken; none of them touches what is stored.
#[wasm_bindgen_test]
async fn a_share_link_opens_with_or_without_its_kind_and_says_when_it_cannot() {
    use sextant::domain::roi::examples;
    use sextant::persist::share::{encode, Shared};
    let shared = Shared {
        kind: DocKind::RoiModel,
        name: "Shared churn".into(),
        data: sextant::persist::roi::to_data(&examples()[0].model),
    };
    let payload = encode(&shared);
    let kept = doc_json("k1", "Kept");
    let wrong = "names a different kind of document from the one it holds";
    let cases = [
        (format!("#/s/roi/{payload}"), "Shared churn"),
        (format!("#/s/{payload}"), "Shared churn"),
        (format!("#/s/portfolio/{payload}"), wrong),
        (format!("#/s/assess/skills/{payload}"), wrong),
        (
            format!("#/s/roi/{}", &payload[..payload.len() - 20]),
            "This share link cannot be opened: ",
        ),
        ("#/s/hello".to_string(), "not a Sextant share link"),
    ];
    for (hash, says) in cases {
        let (root, _app) = start(&hash, &[("sextant:doc:k1", &kept)]).await;
        assert!(text(&root).contains(says), "{hash}: {}", text(&root));
        if says == wrong {
            let link: HtmlElement = root
                .query_selector("a[href^='#/s/roi/']")
                .unwrap()
                .expect("a link to what it holds")
                .unchecked_into();
            assert_eq!(
                link.get_attribute("href").unwrap(),
                format!("#/s/roi/{payload}")
            );
            assert_eq!(text(&link), "Open what it holds");
        }
        only_stored(&hash, "sextant:doc:k1", &kept);
    }
}

#[wasm_bindgen_test]
async fn changes_in_another_tab_show_up() {
    let (root, _app) = start("#/saved", &[]).await;
    assert!(text(&root).contains("Nothing saved yet"));
    storage()
        .set_item("sextant:doc:t2", &doc_json("t2", "From the other tab"))
        .unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("sextant:doc:t2"));
    let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    leptos::task::tick().await;
    assert!(
        text(&root).contains("From the other tab"),
        "{}",
        text(&root)
    );
}

#[wasm_bindgen_test]
async fn a_full_storage_falls_back_to_memory_and_says_so_once() {
    use sextant::ui::pages::saved::SavedPage;
    use sextant::ui::storage::{NoticeBar, Notices, Storage as Store};
    storage().clear().unwrap();
    storage()
        .set_item("sextant:doc:keep", &doc_json("keep", "Kept"))
        .unwrap();
    let captured = std::rc::Rc::new(std::cell::Cell::new(None::<Store>));
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let slot = captured.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        slot.set(Some(Store::provide(Notices::provide())));
        view! {
            <NoticeBar />
            <SavedPage />
        }
    });
    leptos::task::tick().await;
    let store = captured.get().expect("storage provided");
    // Far beyond any localStorage quota: the browser refuses the write.
    let big = Document::new(
        "big",
        DocKind::RoiModel,
        "Huge",
        1.0,
        serde_json::json!({"blob": "x".repeat(12_000_000)}).into(),
    );
    store.save(big).expect("kept in memory");
    store
        .save(Document::new(
            "small",
            DocKind::RoiModel,
            "Small",
            1.0,
            serde_json::json!({}).into(),
        ))
        .unwrap();
    leptos::task::tick().await;
    let t = text(&root);
    assert_eq!(t.matches("cannot save in this browser").count(), 1, "{t}");
    assert!(
        t.contains("Huge") && t.contains("Kept") && t.contains("Small"),
        "{t}"
    );
    // What was stored before is untouched.
    assert!(storage().get_item("sextant:doc:keep").unwrap().is_some());
    storage().clear().unwrap();
    root.remove();
}

/// Fills localStorage until it refuses even a short write, as when the
/// site's quota is used up before Sextant starts.
fn fill_to_quota() {
    let mut n = 0;
    let mut size = 1 << 20;
    while size >= 1 {
        let chunk = "x".repeat(size);
        while storage().set_item(&format!("filler:{n}"), &chunk).is_ok() {
            n += 1;
        }
        size /= 4;
    }
    assert!(storage().set_item("sextant:probe", "1").is_err());
}

fn row_with(root: &HtmlElement, name: &str) -> HtmlElement {
    let rows = root.query_selector_all("tbody tr").unwrap();
    (0..rows.length())
        .map(|i| rows.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|r| text(r).contains(name))
        .unwrap_or_else(|| panic!("no row for {name:?} in: {}", text(root)))
}

#[wasm_bindgen_test]
async fn storage_full_when_the_app_starts_still_lists_opens_and_deletes() {
    use sextant::ui::pages::saved::SavedPage;
    use sextant::ui::storage::{NoticeBar, Notices, Storage as Store};
    storage().clear().unwrap();
    storage()
        .set_item("sextant:doc:a", &doc_json("a", "Alpha"))
        .unwrap();
    storage()
        .set_item("sextant:doc:b", &doc_json("b", "Beta"))
        .unwrap();
    storage().set_item("another-app", "theirs").unwrap();
    fill_to_quota();
    let captured = std::rc::Rc::new(std::cell::Cell::new(None::<Store>));
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let slot = captured.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        slot.set(Some(Store::provide(Notices::provide())));
        view! {
            <NoticeBar />
            <SavedPage />
        }
    });
    leptos::task::tick().await;
    let store = captured.get().expect("storage provided");
    let t = text(&root);
    assert!(t.contains("Alpha") && t.contains("Beta"), "{t}");
    assert_eq!(t.matches("cannot save in this browser").count(), 1, "{t}");
    assert_eq!(store.load("a").unwrap().name, "Alpha");

    // Deleting one document removes it from the browser's storage.
    let beta = row_with(&root, "Beta");
    button(&beta, "Delete").click();
    leptos::task::tick().await;
    button(&beta, "Yes, delete").click();
    leptos::task::tick().await;
    assert!(storage().get_item("sextant:doc:b").unwrap().is_none());
    assert!(!text(&root).contains("Beta"), "{}", text(&root));

    // So does "Delete all my data", and it says it checked.
    button(&root, "Delete all my data").click();
    leptos::task::tick().await;
    button(&root, "Yes, delete everything").click();
    leptos::task::tick().await;
    let left: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with("sextant:"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(
        storage().get_item("another-app").unwrap().as_deref(),
        Some("theirs")
    );
    let t = text(&root);
    assert!(t.contains("Nothing saved yet"), "{t}");
    assert!(
        t.contains("Everything Sextant stored in this browser was deleted."),
        "{t}"
    );
    storage().clear().unwrap();
    root.remove();
}

#[wasm_bindgen_test]
async fn delete_all_asks_then_removes_only_sextant_data() {
    let (root, _app) = start(
        "#/saved",
        &[
            ("sextant:doc:a", &doc_json("a", "A")),
            ("another-app", "theirs"),
        ],
    )
    .await;
    button(&root, "Delete all my data").click();
    leptos::task::tick().await;
    assert!(storage().get_item("sextant:doc:a").unwrap().is_some());
    button(&root, "Yes, delete everything").click();
    leptos::task::tick().await;
    assert!(storage().get_item("sextant:doc:a").unwrap().is_none());
    assert_eq!(
        storage().get_item("another-app").unwrap().as_deref(),
        Some("theirs")
    );
    assert!(text(&root).contains("Nothing saved yet"));
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn monte_carlo_draws_the_same_numbers_as_the_native_build() {
    // The same bits as `reference_run_matches_the_browser` in src/domain/uncertainty.rs.
    let summary = sextant::domain::uncertainty::reference_run().unwrap();
    let mean = summary.npv.mean.unwrap();
    assert_eq!(mean.to_bits(), 4694823505910111010, "{mean}");
    assert_eq!(summary.trials, 1_000);
}

/// The editors' autosave: an edit made before its first run is saved, a
/// signal set to the value it holds saves nothing, and a version changed in
/// another tab is never overwritten.
#[wasm_bindgen_test]
async fn autosave_saves_real_edits_only_and_never_over_another_tab() {
    use sextant::route::{Calculator, Page};
    use sextant::ui::autosave::Autosave;
    use sextant::ui::storage::{Notices, Storage as Store};
    storage().clear().unwrap();
    let key = "sextant:doc:au1";
    storage().set_item(key, &doc_json("au1", "Opened")).unwrap();
    let stored = || envelope::read(&storage().get_item(key).unwrap().unwrap()).unwrap();
    let owner = Owner::new();
    let (name, data) = owner.with(|| {
        let store = Store::provide(Notices::provide());
        let doc = store.load("au1").unwrap();
        let name = RwSignal::new(doc.name.clone());
        let data = RwSignal::new(doc.data.clone());
        Autosave::start(doc, name.into(), data.into(), "Untitled", |id| {
            Page::Calculator(Calculator::Roi, Some(id))
        });
        // Typed before the effect first runs.
        name.set("Renamed at once".into());
        (name, data)
    });
    leptos::task::tick().await;
    let first = stored();
    assert_eq!(first.name, "Renamed at once");
    assert!(first.updated > 1_700_000_000_000.0);

    // The same value again: nothing is written.
    data.set(first.data.clone());
    name.set("Renamed at once".into());
    leptos::task::tick().await;
    assert_eq!(stored().updated, first.updated);

    // A blank name is saved as the untitled name.
    name.set("  ".into());
    leptos::task::tick().await;
    assert_eq!(stored().name, "Untitled");

    // Another tab saves a newer version; this tab's next edit is refused.
    let mut theirs = stored();
    theirs.name = "From the other tab".into();
    theirs.updated += 1_000.0;
    storage().set_item(key, &envelope::write(&theirs)).unwrap();
    data.set(serde_json::json!({ "edited": true }).into());
    leptos::task::tick().await;
    assert_eq!(stored(), theirs);
    drop(owner);
    storage().clear().unwrap();
}

/// A part deferred within a deferred part is built before the parts that
/// follow it on the page, so that parts appear in the page's order, each
/// below those already there.
#[wasm_bindgen_test]
async fn deferred_parts_are_built_in_the_page_order() {
    use sextant::ui::components::deferred::{defer, Deferred};
    use std::sync::{Arc, Mutex};
    let built = Arc::new(Mutex::new(Vec::<&'static str>::new()));
    let note = {
        let built = Arc::clone(&built);
        move |what: &'static str| {
            built.lock().unwrap().push(what);
            view! { <p>{what}</p> }
        }
    };
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    // A part within a part, inside a component as in the app's pages.
    #[component]
    fn Within(note: Arc<dyn Fn(&'static str) -> AnyView + Send + Sync>) -> impl IntoView {
        let again = Arc::clone(&note);
        view! {
            {note("first")}
            {defer(move || again("within first"))}
            <Deferred>{note("also within first")}</Deferred>
        }
    }
    let note: Arc<dyn Fn(&'static str) -> AnyView + Send + Sync> =
        Arc::new(move |what| note(what).into_any());
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let (first, second) = (Arc::clone(&note), Arc::clone(&note));
        view! {
            <p>"start"</p>
            <Deferred>
                <Within note=Arc::clone(&first) />
            </Deferred>
            <Deferred>{second("second")}</Deferred>
        }
    });
    // Nothing deferred is built in the task that mounts the page.
    assert!(built.lock().unwrap().is_empty());
    for _ in 0..100 {
        if built.lock().unwrap().len() == 4 {
            break;
        }
        gloo_sleep(5).await;
    }
    assert_eq!(
        *built.lock().unwrap(),
        ["first", "within first", "also within first", "second"]
    );
    assert_eq!(
        text(&container),
        "startfirstwithin firstalso within firstsecond"
    );
    drop(handle);
    container.remove();
}

/// What a page builds in its own task is painted before the first part it
/// defers is built: the part waits for an animation frame (or 250 ms, in a
/// page that draws no frames, as a headless test page may be), so the first
/// screenful shows while the rest is being built. Before, the part was built
/// in the next task, a moment after the page.
#[wasm_bindgen_test]
async fn a_page_is_painted_before_its_first_deferred_part_is_built() {
    use sextant::ui::components::deferred::Deferred;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};
    // The queue is shared by the tests of this page: parts an earlier test
    // deferred, still waiting, would run ahead of this page's and no hold
    // would start (a page's hold starts on an empty queue). Let them drain
    // first, and any hold of theirs end (250 ms at most).
    gloo_sleep(400).await;
    // Set by an animation frame asked for before the page is mounted, so
    // it runs before any frame callback the mount asks for.
    let framed = Arc::new(AtomicBool::new(false));
    {
        let framed = Arc::clone(&framed);
        let on_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            framed.store(true, Ordering::SeqCst)
        });
        web_sys::window()
            .unwrap()
            .request_animation_frame(on_frame.unchecked_ref())
            .unwrap();
    }
    let now = js_sys::Date::now;
    let mounted = now();
    // Whether a frame had come, and how long after the mount, when the part
    // was built.
    let built_after_frame = Arc::new(Mutex::new(None::<(bool, f64)>));
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = {
        let (framed, built) = (Arc::clone(&framed), Arc::clone(&built_after_frame));
        leptos::mount::mount_to(container.clone(), move || {
            let (framed, built) = (Arc::clone(&framed), Arc::clone(&built));
            view! {
                <p>"first"</p>
                <Deferred>
                    {
                        let (framed, built) = (Arc::clone(&framed), Arc::clone(&built));
                        move || {
                            *built.lock().unwrap() = Some((
                                framed.load(Ordering::SeqCst),
                                now() - mounted,
                            ));
                            view! { <p>"later"</p> }
                        }
                    }
                </Deferred>
            }
        })
    };
    for _ in 0..100 {
        if built_after_frame.lock().unwrap().is_some() {
            break;
        }
        gloo_sleep(5).await;
    }
    let (framed, after) = built_after_frame
        .lock()
        .unwrap()
        .expect("the part was built");
    assert!(
        framed || after >= 250.0,
        "built {after} ms after the mount, before any frame"
    );
    assert_eq!(text(&container), "firstlater");
    drop(handle);
    container.remove();
}
