//! The app's routes, parsed from the URL fragment (`#/roi?embed=1`).
//!
//! Sextant routes on the fragment rather than the path so that every view has a
//! URL that works on a plain static file host, from any sub-path, after a
//! reload and in a new tab: the server only ever sees `index.html`. This module
//! is pure; the UI feeds it `location.hash` and renders the result.

use std::fmt;

pub use crate::domain::kinds::{AssessmentKind, Calculator, SharedKind};

impl SharedKind {
    /// The path segments naming this kind, after `/s/`: the same as the
    /// path of the tool that made the document (`roi`, `assess/skills`).
    fn path(self) -> String {
        match self {
            SharedKind::Calculator(calculator) => calculator.slug().into(),
            SharedKind::Assessment(kind) => format!("assess/{}", kind.slug()),
        }
    }
}

/// A view of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// The list of tools.
    Home,
    /// A guided self-assessment.
    Assessment(AssessmentKind),
    /// One saved run of an assessment: its flow if unfinished, else its results.
    AssessmentRun(AssessmentKind, String),
    /// A calculator: its start page, or its editor on a saved document.
    Calculator(Calculator, Option<String>),
    /// Everything stored in this browser.
    Saved,
    /// A document carried in the link itself, shown read-only: the kind the
    /// address names (`#/s/roi/v1.…`), if it names one (links made before
    /// the kind was in the address are `#/s/v1.…`), and the payload.
    Shared(Option<SharedKind>, String),
    /// Anything else: the path that was asked for.
    NotFound(String),
}

impl Page {
    /// Whether the page may be shown in embed mode: a share link or a tool's
    /// start page, which show what the address holds and nothing the reader
    /// stored. Saved and stored documents never are: a framing page could
    /// learn from their height what the reader keeps, and put their
    /// destructive buttons under the reader's pointer.
    pub fn embeddable(&self) -> bool {
        matches!(
            self,
            Page::Shared(..) | Page::Assessment(_) | Page::Calculator(_, None)
        )
    }

    /// Whether the page shows or changes what is stored in this browser:
    /// such a page is not shown in a frame at all (see [`Page::embeddable`]).
    pub fn shows_stored_data(&self) -> bool {
        matches!(
            self,
            Page::Saved | Page::AssessmentRun(..) | Page::Calculator(_, Some(_))
        )
    }
}

/// A parsed fragment: the page and the options that apply to every page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    /// Which view to show.
    pub page: Page,
    /// `?embed=1`: drop the header, footer and navigation. Only on pages
    /// that are [`Page::embeddable`]; elsewhere the option is ignored.
    pub embed: bool,
}

impl Route {
    /// Parses a `location.hash` value, with or without its leading `#`.
    /// Never fails: anything unknown is [`Page::NotFound`].
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = match hash.split_once('?') {
            Some((p, q)) => (p, q),
            None => (hash, ""),
        };
        let embed = query
            .split('&')
            .any(|pair| matches!(pair, "embed" | "embed=1" | "embed=true"));
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let page = match segments.as_slice() {
            [] => Page::Home,
            ["assess", slug] => match AssessmentKind::from_slug(slug) {
                Some(kind) => Page::Assessment(kind),
                None => Page::NotFound(path.to_string()),
            },
            ["assess", slug, id] if is_doc_id(id) => match AssessmentKind::from_slug(slug) {
                Some(kind) => Page::AssessmentRun(kind, (*id).to_string()),
                None => Page::NotFound(path.to_string()),
            },
            ["saved"] => Page::Saved,
            ["s", payload] => Page::Shared(None, (*payload).to_string()),
            ["s", slug, payload] => match Calculator::from_slug(slug) {
                Some(calculator) => Page::Shared(
                    Some(SharedKind::Calculator(calculator)),
                    (*payload).to_string(),
                ),
                None => Page::NotFound(path.to_string()),
            },
            ["s", "assess", slug, payload] => match AssessmentKind::from_slug(slug) {
                Some(kind) => {
                    Page::Shared(Some(SharedKind::Assessment(kind)), (*payload).to_string())
                }
                None => Page::NotFound(path.to_string()),
            },
            [slug] => match Calculator::from_slug(slug) {
                Some(calculator) => Page::Calculator(calculator, None),
                None => Page::NotFound(path.to_string()),
            },
            [slug, id] if is_doc_id(id) => match Calculator::from_slug(slug) {
                Some(calculator) => Page::Calculator(calculator, Some((*id).to_string())),
                None => Page::NotFound(path.to_string()),
            },
            _ => Page::NotFound(path.to_string()),
        };
        let embed = embed && page.embeddable();
        Route { page, embed }
    }

    /// The fragment for this route, starting with `#/`.
    pub fn href(&self) -> String {
        let mut s = format!("#{}", self.page);
        if self.embed && self.page.embeddable() {
            s.push_str("?embed=1");
        }
        s
    }
}

/// Document ids are short and URL-safe; anything else is not one.
fn is_doc_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl fmt::Display for Page {
    /// The path part of the fragment, e.g. `/assess/skills`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Page::Home => write!(f, "/"),
            Page::Assessment(kind) => write!(f, "/assess/{}", kind.slug()),
            Page::AssessmentRun(kind, id) => write!(f, "/assess/{}/{id}", kind.slug()),
            Page::Calculator(calculator, None) => write!(f, "/{}", calculator.slug()),
            Page::Calculator(calculator, Some(id)) => write!(f, "/{}/{id}", calculator.slug()),
            Page::Saved => write!(f, "/saved"),
            Page::Shared(None, payload) => write!(f, "/s/{payload}"),
            Page::Shared(Some(kind), payload) => write!(f, "/s/{}/{payload}", kind.path()),
            Page::NotFound(path) => write!(f, "{path}"),
        }
    }
}

impl Page {
    /// The fragment that opens this page, for `<a href>`.
    pub fn href(&self) -> String {
        format!("#{self}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_link_names_the_kind_it_holds_in_its_address() {
        use crate::persist::envelope::DocKind;
        use crate::persist::share::{encode, link_kind, Shared};
        let roi = Shared {
            kind: DocKind::RoiModel,
            name: "M".into(),
            data: crate::persist::roi::to_data(&crate::domain::roi::RoiModel::default()),
        };
        let payload = encode(&roi);
        let page = Page::Shared(link_kind(&roi), payload.clone());
        assert_eq!(page.href(), format!("#/s/roi/{payload}"));
        assert_eq!(Route::parse(&page.href()).page, page);
        for kind in AssessmentKind::ALL {
            let run = crate::domain::run::Run::new(crate::domain::packs::pack_id(kind), 1);
            let shared = Shared {
                kind: DocKind::Assessment,
                name: "Run".into(),
                data: crate::persist::assessment::to_data(&run),
            };
            let page = Page::Shared(link_kind(&shared), encode(&shared));
            assert!(page
                .href()
                .starts_with(&format!("#/s/assess/{}/v1.", kind.slug())));
            assert_eq!(Route::parse(&page.href()).page, page);
        }
        // A link whose kind is not known names none: `#/s/v1.…`.
        assert_eq!(Page::Shared(None, "v1.x".into()).href(), "#/s/v1.x");
    }

    fn check(hash: &str, page: Page, embed: bool) {
        assert_eq!(
            Route::parse(hash),
            Route { page, embed },
            "parsing {hash:?}"
        );
    }

    #[test]
    fn parses_every_page() {
        check("", Page::Home, false);
        check("#", Page::Home, false);
        check("#/", Page::Home, false);
        check(
            "#/assess/skills",
            Page::Assessment(AssessmentKind::Skills),
            false,
        );
        check(
            "#/assess/team/",
            Page::Assessment(AssessmentKind::Team),
            false,
        );
        check("#/roi", Page::Calculator(Calculator::Roi, None), false);
        check(
            "#/roi/abc-123",
            Page::Calculator(Calculator::Roi, Some("abc-123".into())),
            false,
        );
        check(
            "#/portfolio",
            Page::Calculator(Calculator::Portfolio, None),
            false,
        );
        check(
            "#/portfolio/p-1",
            Page::Calculator(Calculator::Portfolio, Some("p-1".into())),
            false,
        );
        check(
            "#/automation-roi",
            Page::Calculator(Calculator::AutomationRoi, None),
            false,
        );
        check(
            "#/automation-roi/a1",
            Page::Calculator(Calculator::AutomationRoi, Some("a1".into())),
            false,
        );
        // Never for what the reader stored.
        check("#/saved?embed=1", Page::Saved, false);
        check(
            "#/roi/m1?embed=1",
            Page::Calculator(Calculator::Roi, Some("m1".into())),
            false,
        );
        check(
            "#/assess/skills/r1?embed=1",
            Page::AssessmentRun(AssessmentKind::Skills, "r1".into()),
            false,
        );
        check(
            "#/roi?embed=1",
            Page::Calculator(Calculator::Roi, None),
            true,
        );
        check(
            "#/assess/team?embed=1",
            Page::Assessment(AssessmentKind::Team),
            true,
        );
        check(
            "#/s/v1.abc-_x?embed=1",
            Page::Shared(None, "v1.abc-_x".into()),
            true,
        );
        check(
            "#/s/roi/v1.abc",
            Page::Shared(
                Some(SharedKind::Calculator(Calculator::Roi)),
                "v1.abc".into(),
            ),
            false,
        );
        check(
            "#/s/automation-roi/v1.abc?embed=1",
            Page::Shared(
                Some(SharedKind::Calculator(Calculator::AutomationRoi)),
                "v1.abc".into(),
            ),
            true,
        );
        check(
            "#/s/assess/team/v1.abc",
            Page::Shared(
                Some(SharedKind::Assessment(AssessmentKind::Team)),
                "v1.abc".into(),
            ),
            false,
        );
    }

    #[test]
    fn unknown_paths_are_not_found() {
        check("#/nope", Page::NotFound("/nope".into()), false);
        check(
            "#/assess/astrology",
            Page::NotFound("/assess/astrology".into()),
            false,
        );
        check(
            "#/roi/<script>",
            Page::NotFound("/roi/<script>".into()),
            false,
        );
        check("#/roi/a/b", Page::NotFound("/roi/a/b".into()), false);
        check(
            "#/s/assess/astrology/v1.abc",
            Page::NotFound("/s/assess/astrology/v1.abc".into()),
            false,
        );
        check(
            "#/s/saved/v1.abc",
            Page::NotFound("/s/saved/v1.abc".into()),
            false,
        );
    }

    #[test]
    fn href_round_trips() {
        let pages = [
            Page::Home,
            Page::Assessment(AssessmentKind::Readiness),
            Page::AssessmentRun(AssessmentKind::Skills, "r1".into()),
            Page::Calculator(Calculator::Roi, None),
            Page::Calculator(Calculator::Roi, Some("x1".into())),
            Page::Calculator(Calculator::Portfolio, None),
            Page::Calculator(Calculator::Portfolio, Some("p1".into())),
            Page::Calculator(Calculator::AutomationRoi, None),
            Page::Calculator(Calculator::AutomationRoi, Some("a1".into())),
            Page::Saved,
            Page::Shared(None, "v1.eJyrVg".into()),
            Page::Shared(
                Some(SharedKind::Calculator(Calculator::Roi)),
                "v1.eJyrVg".into(),
            ),
            Page::Shared(
                Some(SharedKind::Calculator(Calculator::Portfolio)),
                "v1.eJyrVg".into(),
            ),
            Page::Shared(
                Some(SharedKind::Calculator(Calculator::AutomationRoi)),
                "v1.eJyrVg".into(),
            ),
        ]
        .into_iter()
        .chain(
            AssessmentKind::ALL
                .map(|k| Page::Shared(Some(SharedKind::Assessment(k)), "v1.eJyrVg".into())),
        );
        for page in pages {
            for embed in [false, true] {
                let route = Route {
                    page: page.clone(),
                    embed: embed && page.embeddable(),
                };
                assert_eq!(Route::parse(&route.href()), route);
            }
        }
    }
}
