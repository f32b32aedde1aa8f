//! One page a file; [`render`] picks the page for a route.

pub mod assess;
pub mod home;
pub mod not_found;
pub mod risk;
pub mod roi;
pub mod saved;
pub mod shared;
pub mod unavailable;

use crate::domain::catalog;
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
        Page::Shared(payload) => shared::SharedPage(shared::SharedPageProps { payload }).into_any(),
        Page::NotFound(path) => {
            not_found::NotFoundPage(not_found::NotFoundPageProps { path }).into_any()
        }
        other => match catalog::tool_for(&other) {
            Some(tool) => {
                unavailable::UnavailablePage(unavailable::UnavailablePageProps { tool }).into_any()
            }
            None => not_found::NotFoundPage(not_found::NotFoundPageProps {
                path: other.to_string(),
            })
            .into_any(),
        },
    }
}
