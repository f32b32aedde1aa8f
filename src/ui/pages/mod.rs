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

use crate::route::Page;
use leptos::prelude::*;

/// The view for a page.
pub fn render(page: Page) -> AnyView {
    match page {
        Page::Home => home::HomePage().into_any(),
        Page::Saved => saved::SavedPage().into_any(),
        Page::AssessmentRun(kind, id) => assess::AssessmentPage(assess::AssessmentPageProps {
            kind,
            run: Some(id),
        })
        .into_any(),
        Page::Assessment(kind) => {
            assess::AssessmentPage(assess::AssessmentPageProps { kind, run: None }).into_any()
        }
        Page::Roi(id) => roi::RoiPage(roi::RoiPageProps { id }).into_any(),
        Page::Portfolio(id) => {
            portfolio::PortfolioPage(portfolio::PortfolioPageProps { id }).into_any()
        }
        Page::AutomationRoi(id) => {
            automation::AutomationPage(automation::AutomationPageProps { id }).into_any()
        }
        Page::Shared(payload) => shared::SharedPage(shared::SharedPageProps { payload }).into_any(),
        Page::NotFound(path) => {
            not_found::NotFoundPage(not_found::NotFoundPageProps { path }).into_any()
        }
    }
}
