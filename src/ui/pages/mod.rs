//! One page a file; [`render`] picks the page for a route.

pub mod assess;
pub mod automation;
pub mod home;
pub mod not_found;
pub mod portfolio;
pub mod risk;
pub mod roi;
pub mod saved;
pub mod shared;

use crate::domain::packs;
use crate::route::Page;
use leptos::prelude::*;

/// The view for a page.
///
/// With the `split` feature (the release build), every page but the home page
/// and "not found" is a split point: its code is in a WebAssembly module of
/// its own, fetched the first time the page is shown, so the first load
/// carries only the shell and the page it opens.
pub fn render(page: Page) -> AnyView {
    #[cfg(feature = "split")]
    {
        split::render(page)
    }
    #[cfg(not(feature = "split"))]
    {
        eager(page)
    }
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
        Page::Roi(_) => roi_view,
        Page::Portfolio(_) => portfolio_view,
        Page::AutomationRoi(_) => automation_view,
        Page::Shared(_) => shared_view,
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

fn roi_view(page: Page, _: &'static str) -> AnyView {
    match page {
        Page::Roi(id) => roi::RoiPage(roi::RoiPageProps { id }).into_any(),
        other => shell_page(other),
    }
}

fn portfolio_view(page: Page, _: &'static str) -> AnyView {
    match page {
        Page::Portfolio(id) => {
            portfolio::PortfolioPage(portfolio::PortfolioPageProps { id }).into_any()
        }
        other => shell_page(other),
    }
}

fn automation_view(page: Page, _: &'static str) -> AnyView {
    match page {
        Page::AutomationRoi(id) => {
            automation::AutomationPage(automation::AutomationPageProps { id }).into_any()
        }
        other => shell_page(other),
    }
}

fn shared_view(page: Page, _: &'static str) -> AnyView {
    match page {
        Page::Shared(payload) => shared::SharedPage(shared::SharedPageProps { payload }).into_any(),
        other => shell_page(other),
    }
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
            risk::UncertaintyPanel(risk::UncertaintyPanelProps {
                model,
                analysis,
                valid,
                editable,
            })
            .into_any()
        })
    }
    #[cfg(feature = "split")]
    {
        type BuildPanel = fn(
            Signal<crate::domain::roi::RoiModel>,
            RwSignal<crate::domain::uncertainty::Analysis>,
            Signal<bool>,
            bool,
        ) -> AnyView;
        #[leptos::lazy]
        fn builder() -> BuildPanel {
            build
        }
        let ready = RwSignal::new(None::<BuildPanel>);
        leptos::task::spawn_local(async move {
            let build = builder().await;
            ready.try_set(Some(build));
        });
        (move || match ready.get() {
            Some(build) => build(model, analysis, valid, editable),
            None => loading(),
        })
        .into_any()
    }
    #[cfg(not(feature = "split"))]
    {
        build(model, analysis, valid, editable)
    }
}

/// What shows while a part's module is being fetched.
#[cfg(feature = "split")]
fn loading() -> AnyView {
    view! {
        <p class="page-loading" role="status">
            "Loading…"
        </p>
    }
    .into_any()
}

/// Split points, one a page. `#[lazy]` turns each function into an async one
/// that first loads the module wasm-split moved its code into. Each hands
/// back the function that builds its page, and the page is built by
/// [`render`]'s reactive closure, as an ordinary child of the route: built
/// inside the split point's future (under `Suspense`), a page's effects
/// outlived it when the user navigated away and read disposed signals.
#[cfg(feature = "split")]
mod split {
    use super::*;
    use crate::route::AssessmentKind;

    #[leptos::lazy]
    fn saved_page() -> Build {
        saved_view
    }

    #[leptos::lazy]
    fn assessment_page() -> Build {
        assessment_view
    }

    #[leptos::lazy]
    fn roi_page() -> Build {
        roi_view
    }

    #[leptos::lazy]
    fn portfolio_page() -> Build {
        portfolio_view
    }

    #[leptos::lazy]
    fn automation_page() -> Build {
        automation_view
    }

    #[leptos::lazy]
    fn shared_page() -> Build {
        shared_view
    }

    // Each pack's text is a split point of its own that holds nothing but
    // the text: a page carries the one pack it shows, not all four.
    #[leptos::lazy]
    fn skills_text() -> &'static str {
        packs::SKILLS.text
    }

    #[leptos::lazy]
    fn readiness_text() -> &'static str {
        packs::READINESS.text
    }

    #[leptos::lazy]
    fn automation_text() -> &'static str {
        packs::AUTOMATION.text
    }

    #[leptos::lazy]
    fn team_text() -> &'static str {
        packs::TEAM.text
    }

    async fn pack_text(kind: AssessmentKind) -> &'static str {
        match kind {
            AssessmentKind::Skills => skills_text().await,
            AssessmentKind::Readiness => readiness_text().await,
            AssessmentKind::Automation => automation_text().await,
            AssessmentKind::Team => team_text().await,
        }
    }

    /// Fetches what `page` needs; None for the pages in the first module.
    async fn load(page: &Page) -> Option<(Build, &'static str)> {
        Some(match page {
            Page::Saved => (saved_page().await, ""),
            Page::Assessment(kind) | Page::AssessmentRun(kind, _) => {
                (assessment_page().await, pack_text(*kind).await)
            }
            Page::Roi(_) => (roi_page().await, ""),
            Page::Portfolio(_) => (portfolio_page().await, ""),
            Page::AutomationRoi(_) => (automation_page().await, ""),
            Page::Shared(_) => (shared_page().await, ""),
            Page::Home | Page::NotFound(_) => return None,
        })
    }

    pub fn render(page: Page) -> AnyView {
        if matches!(page, Page::Home | Page::NotFound(_)) {
            return shell_page(page);
        }
        let ready = RwSignal::new(None::<(Build, &'static str)>);
        let wanted = page.clone();
        leptos::task::spawn_local(async move {
            if let Some(loaded) = load(&wanted).await {
                ready.try_set(Some(loaded));
            }
        });
        (move || match ready.get() {
            Some((build, text)) => untrack(|| build(page.clone(), text)),
            None => loading(),
        })
        .into_any()
    }
}
