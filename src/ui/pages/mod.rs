//! One page a file; [`render`] picks the page for a route.

pub mod assess;
pub mod automation;
pub mod home;
pub mod not_found;
pub mod portfolio;
pub mod roi;
pub mod saved;
pub mod shared;
pub mod uncertainty;

use crate::domain::packs;
use crate::route::{Calculator, Page, SharedKind};
use leptos::prelude::*;

/// The view for a page.
///
/// With the `split` feature (the release build), every page but the home page
/// and "not found" is a split point: its code is in a WebAssembly module of
/// its own, fetched the first time the page is shown, so the first load
/// carries only the shell and the page it opens.
pub fn render(page: Page) -> AnyView {
    if page.shows_stored_data() && crate::ui::share::framed() {
        announce_built();
        return own_tab(page);
    }
    #[cfg(feature = "split")]
    {
        split::render(page)
    }
    #[cfg(not(feature = "split"))]
    {
        let view = eager(page);
        announce_built();
        view
    }
}

/// A page of what the reader stored, asked for inside a frame: it opens only
/// in a tab of its own, where no other page can overlay or measure it.
fn own_tab(page: Page) -> AnyView {
    let url = crate::ui::share::url_of(&crate::route::Route { page, embed: false });
    view! {
        <section class="panel">
            <h1>"Open Sextant in its own tab"</h1>
            <p>
                "What you saved in this browser is shown only in a tab of its own, never inside another page."
            </p>
            <p>
                <a class="button" href=url target="_blank" rel="noopener">
                    "Open in a new tab"
                </a>
            </p>
        </section>
    }
    .into_any()
}

/// Once the page being built and the parts it queued have been built (the
/// queue runs in order), tells the scripts around the app with a
/// "sextant-page-built" event: the loader then fetches what the page uses
/// later (scripts/build-wasm.mjs), and sw-register.js registers the service
/// worker, whose install would otherwise compete with building the page.
fn announce_built() {
    crate::ui::after_yield(Box::new(|| {
        if let Ok(built) = web_sys::Event::new("sextant-page-built") {
            let _ = window().dispatch_event(&built);
        }
    }));
}

/// Builds a page; the text is the assessment pack's, empty for the others.
/// One builder a page, each naming only its own page's code, so that with
/// `split` each can sit behind a split point of its own.
type Build = fn(Page, &'static str) -> AnyView;

/// The view for a page, with every page's code in the one module.
#[cfg_attr(feature = "split", allow(dead_code))]
fn eager(page: Page) -> AnyView {
    let build: Build = match &page {
        Page::Saved => saved_view,
        Page::Assessment(kind) | Page::AssessmentRun(kind, _) => {
            let text = packs::shipped(*kind).text;
            return assessment_view(page, text);
        }
        Page::Calculator(_, None) => start_view,
        Page::Calculator(Calculator::Roi, Some(_)) => roi_view,
        Page::Calculator(Calculator::Portfolio, Some(_)) => portfolio_view,
        Page::Calculator(Calculator::AutomationRoi, Some(_)) => automation_view,
        Page::Shared(named, payload) => match named.or_else(|| shared::kind_of_link(payload)) {
            Some(SharedKind::Calculator(Calculator::Roi)) => shared::roi_view,
            Some(SharedKind::Calculator(Calculator::Portfolio)) => shared::portfolio_view,
            Some(SharedKind::Calculator(Calculator::AutomationRoi)) => shared::automation_view,
            Some(SharedKind::Assessment(kind)) => {
                return shared::assessment_view(page, packs::shipped(kind).text)
            }
            None => shared::unreadable_view,
        },
        Page::Home | Page::NotFound(_) => return shell_page(page),
    };
    build(page, "")
}

fn saved_view(_: Page, _: &'static str) -> AnyView {
    saved::SavedPage().into_any()
}

fn assessment_view(page: Page, text: &'static str) -> AnyView {
    let (kind, run) = match page {
        Page::Assessment(kind) => (kind, None),
        Page::AssessmentRun(kind, id) => (kind, Some(id)),
        other => return shell_page(other),
    };
    let pack = crate::domain::assess::load(packs::file_of(kind), text);
    assess::AssessmentPage(assess::AssessmentPageProps { pack, run }).into_any()
}

// A calculator's start page and its editor are built apart, so that with
// `split` the start page does not carry the editor. The three start pages
// are one split point: they are small and share most of their code.
fn start_view(page: Page, _: &'static str) -> AnyView {
    match page {
        Page::Calculator(Calculator::Roi, None) => roi::RoiStart().into_any(),
        Page::Calculator(Calculator::Portfolio, None) => portfolio::PortfolioStart().into_any(),
        Page::Calculator(Calculator::AutomationRoi, None) => {
            automation::AutomationStart().into_any()
        }
        other => shell_page(other),
    }
}

fn roi_view(page: Page, _: &'static str) -> AnyView {
    match page {
        Page::Calculator(Calculator::Roi, Some(id)) => {
            roi::RoiDocument(roi::RoiDocumentProps { id }).into_any()
        }
        other => shell_page(other),
    }
}

fn portfolio_view(page: Page, _: &'static str) -> AnyView {
    match page {
        Page::Calculator(Calculator::Portfolio, Some(id)) => {
            portfolio::PortfolioDocument(portfolio::PortfolioDocumentProps { id }).into_any()
        }
        other => shell_page(other),
    }
}

fn automation_view(page: Page, _: &'static str) -> AnyView {
    match page {
        Page::Calculator(Calculator::AutomationRoi, Some(id)) => {
            automation::AutomationDocument(automation::AutomationDocumentProps { id }).into_any()
        }
        other => shell_page(other),
    }
}

#[cfg_attr(not(feature = "split"), allow(dead_code))]
fn shell_view(page: Page, _: &'static str) -> AnyView {
    shell_page(page)
}

/// The pages that are always in the first module: the home page, which most
/// visits open, and "not found". With `split`, nothing else may be reachable
/// from here, or wasm-split keeps it in the first module too.
fn shell_page(page: Page) -> AnyView {
    match page {
        Page::NotFound(path) => {
            not_found::NotFoundPage(not_found::NotFoundPageProps { path }).into_any()
        }
        _ => home::HomePage().into_any(),
    }
}

/// The ROI editor's "How sure is this?" panel (sensitivity, scenarios and
/// the simulation), below the results: with `split`, in a module of its own
/// that is fetched after the editor has opened.
///
/// The split point hands back the function that builds the panel, and the
/// panel is built here, as an ordinary child of the page. Built inside the
/// split point's future instead, its effects outlived the page when the user
/// left it and read the page's disposed signals.
pub fn uncertainty_panel(
    model: Signal<crate::domain::roi::RoiModel>,
    analysis: RwSignal<crate::domain::uncertainty::Analysis>,
    valid: Signal<bool>,
    editable: bool,
) -> AnyView {
    fn build(
        model: Signal<crate::domain::roi::RoiModel>,
        analysis: RwSignal<crate::domain::uncertainty::Analysis>,
        valid: Signal<bool>,
        editable: bool,
    ) -> AnyView {
        untrack(|| {
            uncertainty::UncertaintyPanel(uncertainty::UncertaintyPanelProps {
                model,
                analysis,
                valid,
                editable,
            })
            .into_any()
        })
    }
    type BuildPanel = fn(
        Signal<crate::domain::roi::RoiModel>,
        RwSignal<crate::domain::uncertainty::Analysis>,
        Signal<bool>,
        bool,
    ) -> AnyView;
    split_point!(
        uncertainty_panel_1,
        fn panel() -> BuildPanel {
            build
        }
    );
    let loaded = Loaded::fetch(panel);
    (move || {
        loaded.show("The “How sure is this?” panel", |build| {
            build(model, analysis, valid, editable)
        })
    })
    .into_any()
}

/// "Share" and "Embed" ([`crate::ui::share::SharePanel`]), below an editor
/// and a run's results: with `split`, in a module of its own (with the
/// link's compression), fetched once the page has been built, like the
/// uncertainty panel.
pub fn share_panel(shared: Signal<crate::persist::share::Shared>) -> AnyView {
    fn build(shared: Signal<crate::persist::share::Shared>) -> AnyView {
        untrack(|| {
            crate::ui::share::SharePanel(crate::ui::share::SharePanelProps { shared }).into_any()
        })
    }
    type BuildPanel = fn(Signal<crate::persist::share::Shared>) -> AnyView;
    split_point!(
        share_panel_1,
        fn panel() -> BuildPanel {
            build
        }
    );
    let loaded = Loaded::fetch(panel);
    (move || loaded.show("Sharing", |build| build(shared))).into_any()
}

/// What shows while a part's module is being fetched.
fn loading() -> AnyView {
    view! {
        <p class="page-loading" role="status">
            "Loading…"
        </p>
    }
    .into_any()
}

/// What shows while a page's module is being fetched: for a tool's first
/// page (an assessment's introduction, a calculator's start page), its
/// title and opening paragraph from the catalogue, as the page will show
/// them, so that the reader can start reading at once; the page then takes
/// their place without moving them. Otherwise "Loading…".
#[cfg(feature = "split")]
fn page_loading(page: &Page) -> AnyView {
    // The catalogue's pages are exactly the tools' first pages.
    match crate::catalog::tool_for(page) {
        Some(tool) => view! {
            <section class="hero">
                <h1>{tool.title}</h1>
                <p class="lede">{tool.lede}</p>
                {loading()}
            </section>
        }
        .into_any(),
        None => loading(),
    }
}

/// Where the fetch of a split point's module stands.
#[derive(Clone)]
enum Fetch<T> {
    /// While the module is on its way (only with `split`).
    #[cfg_attr(not(feature = "split"), allow(dead_code))]
    Pending,
    Ready(T),
    Failed,
}

/// The output of `future` if it is ready without waiting: a split point's
/// value in a build without `split`.
#[cfg(not(feature = "split"))]
fn ready_now<F: std::future::Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(value) => Some(value),
        std::task::Poll::Pending => None,
    }
}

/// A split point's value, fetched in the background, with "Try again" after
/// a failed fetch. Without `split`, the value from the start.
struct Loaded<T: Send + Sync + 'static> {
    state: RwSignal<Fetch<T>>,
    retry: Callback<()>,
    started: StoredValue<bool>,
}

impl<T: Send + Sync + 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Loaded<T> {}

impl<T: Clone + Send + Sync + 'static> Loaded<T> {
    /// Starts fetching with `fetch`, which is called again by "Try again".
    fn fetch<F, Fut>(fetch: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut:
            std::future::Future<Output = Result<T, leptos::wasm_split::SplitLoaderError>> + 'static,
    {
        let loaded = Self::when_asked(fetch);
        loaded.start();
        loaded
    }

    /// Fetches with `fetch` only once [`Loaded::start`] is called: for a part
    /// the page may never show. Create it where the page is built, not in the
    /// reactive closure that shows the part, which would dispose of it each
    /// time it runs.
    fn when_asked<F, Fut>(fetch: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut:
            std::future::Future<Output = Result<T, leptos::wasm_split::SplitLoaderError>> + 'static,
    {
        // Without `split` the value is in this module: the future is ready
        // at once, and the part is there from the start.
        #[cfg(not(feature = "split"))]
        {
            let state = RwSignal::new(match ready_now(fetch()) {
                Some(Ok(value)) => Fetch::Ready(value),
                _ => Fetch::Failed,
            });
            Loaded {
                state,
                retry: Callback::new(|()| {}),
                started: StoredValue::new(true),
            }
        }
        #[cfg(feature = "split")]
        Self::fetched_with(fetch)
    }

    /// [`Loaded::when_asked`] with `split`: the value comes in the module
    /// the loader fetches.
    #[cfg(feature = "split")]
    fn fetched_with<F, Fut>(fetch: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut:
            std::future::Future<Output = Result<T, leptos::wasm_split::SplitLoaderError>> + 'static,
    {
        let state = RwSignal::new(Fetch::Pending);
        let retry = Callback::new(move |()| {
            // Only after a failure: setting it while pending would wake the
            // closure that called `start`, for nothing.
            if !state.with_untracked(|s| matches!(s, Fetch::Pending)) {
                state.set(Fetch::Pending);
            }
            let fetching = fetch();
            leptos::task::spawn_local(async move {
                // The future does nothing until polled. Polling it runs the
                // loader, which sets up each of the part's modules (tens for
                // a page): in a task of its own, not in the one that builds
                // the page around it (the app's first, on a first visit).
                crate::ui::next_task().await;
                let fetched = fetching.await;
                // Modules taken from a page bundle are all ready at once, and
                // the futures waiting on them resume in the same task: the
                // page, its uncertainty panel and the rest would be built in
                // one long task. Each is built in a task of its own instead.
                crate::ui::next_task().await;
                // try_set: the page may have been left meanwhile.
                let _ = state.try_set(match fetched {
                    Ok(value) => Fetch::Ready(value),
                    Err(_) => Fetch::Failed,
                });
            });
        });
        Loaded {
            state,
            retry,
            started: StoredValue::new(false),
        }
    }

    /// Starts the fetch, the first time only.
    fn start(&self) {
        if !self.started.get_value() {
            self.started.set_value(true);
            self.retry.run(());
        }
    }

    fn get(&self) -> Fetch<T> {
        self.state.get()
    }

    /// The part, for the reactive closure that shows it: starts the fetch
    /// if it has not started, then builds the part with `build` once it is
    /// in (untracked, so that the closure runs again only when the fetch's
    /// state changes), "Loading…" until then, or says that `what` could not
    /// be loaded, with "Try again".
    fn show(&self, what: &'static str, build: impl FnOnce(T) -> AnyView) -> AnyView {
        self.show_or(what, loading, build)
    }

    /// [`Loaded::show`], with `pending` in place of "Loading…".
    fn show_or(
        &self,
        what: &'static str,
        pending: impl FnOnce() -> AnyView,
        build: impl FnOnce(T) -> AnyView,
    ) -> AnyView {
        self.start();
        match self.get() {
            Fetch::Ready(value) => untrack(|| build(value)),
            Fetch::Pending => pending(),
            Fetch::Failed => self.failed(what),
        }
    }

    /// For a part shown in pieces (each piece tells its own state): once the
    /// fetch has failed, what [`Loaded::show`] would show in its place, to
    /// put above them; otherwise nothing.
    fn failure(&self, what: &'static str) -> Option<AnyView> {
        matches!(self.get(), Fetch::Failed).then(|| self.failed(what))
    }

    /// Says that `what` could not be fetched, with a button to try again.
    fn failed(&self, what: &'static str) -> AnyView {
        let retry = self.retry;
        view! {
            <div class="panel load-failed" role="alert">
                <p>
                    <strong>{format!("{what} could not be loaded.")}</strong>
                    " Part of Sextant did not arrive: the network may be down, or a newer version has replaced this one. Nothing you saved is affected."
                </p>
                <p>
                    <button class="button" type="button" on:click=move |_| retry.run(())>
                        "Try again"
                    </button>
                    " If it keeps failing, reload the page."
                </p>
            </div>
        }
        .into_any()
    }
}

/// Split points, one a page. Each hands back the function that builds its
/// page, and the page is built by [`render`]'s reactive closure, as an
/// ordinary child of the route: built inside the split point's future (under
/// `Suspense`), a page's effects outlived it when the user navigated away and
/// read disposed signals.
#[cfg(feature = "split")]
mod split {
    use super::*;
    use crate::route::AssessmentKind;
    use leptos::wasm_split::SplitLoaderError;

    split_point!(
        saved_page_1,
        fn saved_page() -> Build {
            saved_view
        }
    );
    split_point!(
        assessment_page_1,
        fn assessment_page() -> Build {
            assessment_view
        }
    );
    split_point!(
        calculator_start_1,
        fn calculator_start() -> Build {
            start_view
        }
    );
    split_point!(
        roi_page_1,
        fn roi_page() -> Build {
            roi_view
        }
    );
    split_point!(
        portfolio_page_1,
        fn portfolio_page() -> Build {
            portfolio_view
        }
    );
    split_point!(
        automation_page_1,
        fn automation_page() -> Build {
            automation_view
        }
    );

    // A share link's view, one a kind of document: a link carries only the
    // view of what it holds. (Put in the split point of the tool that made
    // the document instead, the views made that tool's page 14-24 KB larger
    // and an assessment link 417-429 KB against 350-363 KB, gzip.)
    split_point!(
        shared_roi_1,
        fn shared_roi() -> Build {
            shared::roi_view
        }
    );
    split_point!(
        shared_portfolio_1,
        fn shared_portfolio() -> Build {
            shared::portfolio_view
        }
    );
    split_point!(
        shared_automation_1,
        fn shared_automation() -> Build {
            shared::automation_view
        }
    );
    split_point!(
        shared_assessment_1,
        fn shared_assessment() -> Build {
            shared::assessment_view
        }
    );
    // For a share link whose address does not name its kind: what finds
    // the kind out, and the view that says why a link cannot be opened.
    type KindOfLink = fn(&str) -> Option<SharedKind>;
    split_point!(
        shared_link_1,
        fn shared_link() -> (KindOfLink, Build) {
            (shared::kind_of_link, shared::unreadable_view)
        }
    );

    // Each pack's text is a split point of its own that holds nothing but
    // the text: a page carries the one pack it shows, not all four.
    split_point!(
        skills_text_1,
        fn skills_text() -> &'static str {
            packs::SKILLS.text
        }
    );
    split_point!(
        readiness_text_1,
        fn readiness_text() -> &'static str {
            packs::READINESS.text
        }
    );
    split_point!(
        automation_text_1,
        fn automation_text() -> &'static str {
            packs::AUTOMATION.text
        }
    );
    split_point!(
        team_text_1,
        fn team_text() -> &'static str {
            packs::TEAM.text
        }
    );

    async fn pack_text(kind: AssessmentKind) -> Result<&'static str, SplitLoaderError> {
        match kind {
            AssessmentKind::Skills => skills_text().await,
            AssessmentKind::Readiness => readiness_text().await,
            AssessmentKind::Automation => automation_text().await,
            AssessmentKind::Team => team_text().await,
        }
    }

    /// Fetches what `page` needs: the function that builds it and, for an
    /// assessment, its pack's text.
    async fn load(page: Page) -> Result<(Build, &'static str), SplitLoaderError> {
        Ok(match page {
            Page::Saved => (saved_page().await?, ""),
            Page::Assessment(kind) | Page::AssessmentRun(kind, _) => {
                (assessment_page().await?, pack_text(kind).await?)
            }
            Page::Calculator(_, None) => (calculator_start().await?, ""),
            Page::Calculator(Calculator::Roi, Some(_)) => (roi_page().await?, ""),
            Page::Calculator(Calculator::Portfolio, Some(_)) => (portfolio_page().await?, ""),
            Page::Calculator(Calculator::AutomationRoi, Some(_)) => (automation_page().await?, ""),
            Page::Shared(named, payload) => {
                let kind = match named {
                    Some(kind) => kind,
                    None => {
                        let (kind_of_link, unreadable) = shared_link().await?;
                        let Some(kind) = kind_of_link(&payload) else {
                            return Ok((unreadable, ""));
                        };
                        // The address did not name the kind, so the loader
                        // could not fetch the view's modules with the page:
                        // they come as that kind's bundle now.
                        crate::ui::fetch_modules(&Page::Shared(Some(kind), payload));
                        kind
                    }
                };
                match kind {
                    SharedKind::Calculator(Calculator::Roi) => (shared_roi().await?, ""),
                    SharedKind::Calculator(Calculator::Portfolio) => {
                        (shared_portfolio().await?, "")
                    }
                    SharedKind::Calculator(Calculator::AutomationRoi) => {
                        (shared_automation().await?, "")
                    }
                    SharedKind::Assessment(kind) => {
                        (shared_assessment().await?, pack_text(kind).await?)
                    }
                }
            }
            // In the first module: never fetched (see `render`).
            Page::Home | Page::NotFound(_) => (shell_view, ""),
        })
    }

    pub fn render(page: Page) -> AnyView {
        if page.shows_stored_data() && crate::ui::share::framed() {
            announce_built();
            return own_tab(page);
        }
        if matches!(page, Page::Home | Page::NotFound(_)) {
            let view = shell_page(page);
            super::announce_built();
            return view;
        }
        let wanted = page.clone();
        let loaded = Loaded::fetch(move || load(wanted.clone()));
        (move || {
            loaded.show_or(
                "This page",
                || page_loading(&page),
                |(build, text)| {
                    let view = build(page.clone(), text);
                    super::announce_built();
                    view
                },
            )
        })
        .into_any()
    }
}
