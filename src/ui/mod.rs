//! The Leptos shell: layout, the fragment router and the pages.
//!
//! Architecture invariant: components hold no business rules; they read
//! domain results and persist through [`storage::Storage`].

/// A split point of the release build (the `split` feature): `$name().await`
/// fetches the WebAssembly module that wasm-split moved `$value`'s code into,
/// then hands `$value` back. A failed fetch is an `Err` the page shows, not a
/// panic that would stop the whole app; it is not remembered, so calling
/// again tries again. scripts/build-wasm.mjs knows the point by `$module`
/// without its number. Without `split` (tests, `trunk serve`, the single
/// file) `$name()` is a future that is ready at once, and
/// [`pages::Loaded`] shows the part from the start: a page writes each
/// part once, for both builds.
macro_rules! split_point {
    ($module:ident, $vis:vis fn $name:ident() -> $ty:ty { $value:expr }) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name() -> Result<$ty, leptos::wasm_split::SplitLoaderError> {
            Ok($value)
        }
        #[cfg(not(feature = "split"))]
        $vis fn $name() -> std::future::Ready<Result<$ty, leptos::wasm_split::SplitLoaderError>> {
            std::future::ready(Ok($value))
        }
    };
}

/// Resolves in a later task of the event loop (a zero timeout), so that the
/// browser can handle input and paint in between: code that resumes after a
/// split point's module has arrived calls it first, because futures waiting
/// on modules that arrive together (from a page bundle) would otherwise all
/// resume in one long task.
#[cfg(feature = "split")]
pub(crate) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Work waiting for the browser to be idle.
type Tasks = std::collections::VecDeque<Box<dyn FnOnce()>>;

thread_local! {
    /// A message channel to itself and the tasks waiting on it: posting a
    /// message yields to the browser (input, rendering) and comes back as
    /// soon as it is idle, without the 4 ms floor of nested timeouts.
    static YIELD: std::cell::RefCell<Option<(web_sys::MessageChannel, Tasks)>> =
        const { std::cell::RefCell::new(None) };
    /// While a task given to [`after_yield`] runs, where in the queue the
    /// parts it defers go: ahead of the tasks already waiting, in the order
    /// they are given (see [`after_yield_nested`]).
    static NESTED_AT: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
    /// The queue's hold while the first screenful of what was just built
    /// waits to be painted (see [`queue`]).
    static HELD: std::cell::Cell<Hold> = const { std::cell::Cell::new(Hold { id: 0, turns: None }) };
}

/// The queue's hold: while it is on, the turns of the queue that come are
/// counted and put off, to be posted again when it is released. Each hold
/// has an id, so that the release of an earlier hold (its timer, after its
/// frame came first) cannot end a later one.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Hold {
    /// The id of the latest hold.
    id: u32,
    /// While it is on, the turns put off; `None` when the queue runs.
    turns: Option<u32>,
}

impl Hold {
    /// Puts a new hold on; returns its id.
    fn start(&mut self) -> u32 {
        self.id = self.id.wrapping_add(1);
        self.turns = Some(0);
        self.id
    }

    /// Whether a turn of the queue must wait; counts it if so.
    fn put_off(&mut self) -> bool {
        match self.turns.as_mut() {
            Some(turns) => {
                *turns += 1;
                true
            }
            None => false,
        }
    }

    /// Ends hold `id` if it is still on: the turns put off, to post again.
    fn release(&mut self, id: u32) -> u32 {
        if self.id == id {
            self.turns.take().unwrap_or(0)
        } else {
            0
        }
    }
}

/// Applies `f` to the hold.
fn with_hold<R>(f: impl FnOnce(&mut Hold) -> R) -> R {
    HELD.with(|cell| {
        let mut hold = cell.get();
        let out = f(&mut hold);
        cell.set(hold);
        out
    })
}

/// Runs `task` in a task of its own, after letting the browser handle what
/// is pending (input, rendering). Tasks run in the order they were given,
/// one per turn of the event loop: the simulation's slices and
/// [`components::deferred::Deferred`]'s builds take turns with the browser.
pub(crate) fn after_yield(task: Box<dyn FnOnce()>) {
    queue(task, false);
}

/// Like [`after_yield`], for a part of a page built in a later task: given
/// while an earlier part is being built (a part within a part), it runs
/// before the parts that were already waiting, so that a page's parts are
/// built in the page's order, depth first, and each appears below those
/// already there.
pub(crate) fn after_yield_nested(task: Box<dyn FnOnce()>) {
    queue(task, true);
}

fn queue(task: Box<dyn FnOnce()>, nested: bool) {
    use wasm_bindgen::JsCast;
    let unsent = YIELD.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let Ok(channel) = web_sys::MessageChannel::new() else {
                return Some(task);
            };
            let on_message = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
                if with_hold(Hold::put_off) {
                    return;
                }
                let next = YIELD.with(|cell| {
                    cell.borrow_mut()
                        .as_mut()
                        .and_then(|(_, tasks)| tasks.pop_front())
                });
                if let Some(task) = next {
                    NESTED_AT.with(|at| at.set(Some(0)));
                    task();
                    // A part is built by the effects its task wakes, which
                    // run after it, queued on the same executor: the cursor
                    // is put away after them, still within this task.
                    wasm_bindgen_futures::spawn_local(async {
                        NESTED_AT.with(|at| at.set(None));
                    });
                }
            });
            channel
                .port1()
                .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // Lives as long as the page: one closure serves every run.
            on_message.forget();
            *cell = Some((channel, Tasks::new()));
        }
        let Some((channel, tasks)) = cell.as_mut() else {
            return Some(task);
        };
        if channel
            .port2()
            .post_message(&wasm_bindgen::JsValue::NULL)
            .is_err()
        {
            return Some(task);
        }
        // The first part deferred by a task that is not itself a part (the
        // task that builds a page) waits until the browser has painted what
        // that task built: otherwise the browser, given task after task,
        // painted the ROI editor's first screenful only once its whole form
        // had been built (on a phone, 4x slower, several hundred ms later).
        let from_page = NESTED_AT.with(|at| at.get()).is_none();
        if from_page && tasks.is_empty() && with_hold(|h| h.turns.is_none()) {
            let id = with_hold(Hold::start);
            hold_until_painted(id, channel.port2());
        }
        match NESTED_AT.with(|at| at.get()).filter(|_| nested) {
            Some(at) => {
                tasks.insert(at.min(tasks.len()), task);
                NESTED_AT.with(|cell| cell.set(Some(at + 1)));
            }
            None => tasks.push_back(task),
        }
        None
    });
    // No message channel: a timeout does the same, a little slower.
    if let Some(task) = unsent {
        leptos::prelude::set_timeout(task, std::time::Duration::ZERO);
    }
}

/// Lets the queue run again at the next animation frame, once the browser
/// has painted (messages posted from an animation frame's callback come after
/// that frame's rendering), or after 250 ms in a tab that draws no frames.
/// The turns put off meanwhile are posted again. Whichever of the two comes
/// second does nothing, even if a later hold is on by then.
fn hold_until_painted(id: u32, port: web_sys::MessagePort) {
    use wasm_bindgen::JsCast;
    let release = std::rc::Rc::new(move || {
        for _ in 0..with_hold(|h| h.release(id)) {
            let _ = port.post_message(&wasm_bindgen::JsValue::NULL);
        }
    });
    let on_frame = {
        let release = std::rc::Rc::clone(&release);
        wasm_bindgen::closure::Closure::once_into_js(move || release())
    };
    let on_timeout = wasm_bindgen::closure::Closure::once_into_js(move || release());
    let window = window();
    if window
        .request_animation_frame(on_frame.unchecked_ref())
        .is_err()
    {
        with_hold(|h| h.release(id));
        return;
    }
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.unchecked_ref(), 250);
}

/// Asks the loader to fetch the modules of `page`, the page the reader is
/// likely to open next, as one bundle once this page has been built and
/// the browser is idle (see scripts/build-wasm.mjs), so that opening it
/// takes no round trips. Does nothing in a build without page bundles.
pub(crate) fn prefetch(page: &Page) {
    ask_loader(page, false);
}

/// Asks the loader to fetch the modules of `page` as one bundle now: the
/// page is about to ask for them, and would otherwise fetch each on its own.
#[cfg(feature = "split")]
pub(crate) fn fetch_modules(page: &Page) {
    ask_loader(page, true);
}

fn ask_loader(page: &Page, now: bool) {
    use wasm_bindgen::JsCast;
    let Ok(ask) = js_sys::Reflect::get(&window(), &"__sextantPrefetch".into()) else {
        return;
    };
    if let Some(ask) = ask.dyn_ref::<js_sys::Function>() {
        let _ = ask.call2(
            &wasm_bindgen::JsValue::NULL,
            &page.to_string().into(),
            &now.into(),
        );
    }
}

pub mod autosave;
pub mod components;
pub mod download;
pub mod export;
pub mod pages;
pub mod share;
pub mod storage;

use crate::catalog;
use crate::route::{Page, Route};
use leptos::prelude::*;
use storage::{Notices, Storage};

/// Mounts the app on `<body>` and removes the loading message.
pub fn mount() {
    leptos::mount::mount_to_body(App);
    share::report_height_when_framed();
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(boot) = document.get_element_by_id("boot") {
            boot.remove();
        }
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("data-sextant-ready", "");
        }
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The whole app: header, the current page, footer.
#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(Route::parse(&current_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()));
    });
    on_cleanup(move || listener.remove());

    use_number_format();
    let notices = Notices::provide();
    Storage::provide(notices);
    provide_context(components::chart::ColourScheme::watch());

    // Each view has its own title, for tabs, history and screen readers.
    Effect::new(move |_| {
        let page = route.with(|r| r.page.clone());
        let tool_page = match &page {
            Page::AssessmentRun(kind, _) => Page::Assessment(*kind),
            Page::Calculator(calculator, _) => Page::Calculator(*calculator, None),
            other => other.clone(),
        };
        let title = match catalog::tool_for(&tool_page) {
            Some(tool) => format!("{} · Sextant", tool.title),
            None => match page {
                Page::Home => {
                    "Sextant: ML engineering self-assessments and ROI calculators".to_string()
                }
                Page::Saved => "Saved in this browser · Sextant".to_string(),
                Page::Shared(..) => "Shared with you · Sextant".to_string(),
                _ => "Page not found · Sextant".to_string(),
            },
        };
        document().set_title(&title);
    });

    let embed = move || route.with(|r| r.embed);
    view! {
        <div class="app" class:app--embed=embed>
            <Show when=move || !embed()>
                <SkipLink />
                <Header route=route />
            </Show>
            <storage::NoticeBar />
            <main id="main" class="main" tabindex="-1">
                // The page in a task after the header's: on a first visit
                // the app's first task also compiles the code it runs, and
                // with the page in it, it blocked the browser for 60-100 ms
                // on a phone (Lighthouse's mobile preset).
                <components::deferred::Deferred>
                    {move || {
                        let page = route.with(|r| r.page.clone());
                        pages::render(page)
                    }}
                </components::deferred::Deferred>
            </main>
            <Show when=move || !embed()>
                <Footer />
            </Show>
        </div>
    }
}

/// Moves focus to the main content. A button, not `<a href="#main">`: the
/// fragment is the router's.
#[component]
fn SkipLink() -> impl IntoView {
    let skip = move |_| {
        if let Some(main) = document().get_element_by_id("main") {
            if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                let _ = main.focus();
            }
        }
    };
    view! {
        <button class="skip-link" on:click=skip>
            "Skip to content"
        </button>
    }
}

#[component]
fn Header(route: RwSignal<Route>) -> impl IntoView {
    let current = move |page: Page| {
        move || {
            if route.with(|r| r.page == page) {
                Some("page")
            } else {
                None
            }
        }
    };
    view! {
        <header class="header">
            <a class="header__brand" href="#/">
                <span class="header__logo" aria-hidden="true">
                    "◈"
                </span>
                "Sextant"
            </a>
            <nav class="header__nav" aria-label="Main">
                <a href=Page::Home.href() aria-current=current(Page::Home)>
                    "Tools"
                </a>
                <a href=Page::Saved.href() aria-current=current(Page::Saved)>
                    "Saved"
                </a>
            </nav>
        </header>
    }
}

/// Reads and shows numbers in the reader's format: the one chosen on this
/// device, else the one the browser's language implies.
fn use_number_format() {
    let language = window().navigator().language().unwrap_or_default();
    crate::domain::input::set_number_format(crate::persist::web::number_format(&language));
}

#[component]
fn Footer() -> impl IntoView {
    let format = crate::domain::input::number_format().label();
    view! {
        <footer class="footer">
            <p>
                "Sextant runs entirely in your browser: what you type is stored on this device only and never sent anywhere."
            </p>
            <p>
                {format!("Numbers are written {format}; ")}
                <a href=Page::Saved.href()>"change it on the Saved page"</a> "."
            </p>
        </footer>
    }
}

#[cfg(test)]
mod tests {
    use super::Hold;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn an_earlier_hold_s_release_does_not_end_a_later_one() {
        let mut hold = Hold { id: 0, turns: None };
        assert!(!hold.put_off(), "no hold: the queue runs");
        let first = hold.start();
        assert!(hold.put_off() && hold.put_off());
        // Its frame comes: the two turns put off are posted again.
        assert_eq!(hold.release(first), 2);
        assert!(!hold.put_off());
        // A later page holds the queue before the first hold's timer fires.
        let second = hold.start();
        assert!(hold.put_off());
        // That timer finds a hold that is not its own and leaves it on.
        assert_eq!(hold.release(first), 0);
        assert!(hold.put_off());
        assert_eq!(hold.release(second), 2);
        // The second's own timer, after its frame: nothing to do.
        assert_eq!(hold.release(second), 0);
    }
}
