//! The one table of the app's addresses and the split points each needs, and
//! of the pages the benchmarks measure. Everything else that lists routes is
//! written from it or checked against it:
//!
//! - `scripts/routes.json` is this table as JSON, written by the test
//!   `routes_json_is_this_table` (run it with `SEXTANT_BLESS=1` after a
//!   change); the release build (`scripts/build-wasm.mjs`), Lighthouse
//!   (`scripts/lighthouse.mjs`), the load benchmark (`scripts/bench-load.mjs`)
//!   and the end-to-end tests read it;
//! - the tests below check that every address in the table is a page of
//!   [`crate::route`], that every page but home and "not found" has an
//!   address in the table that the loader finds, and that every split point
//!   in `src/` is in the table and every name in the table is a split point.
//!
//! The loader (in `scripts/build-wasm.mjs`) finds the entry for an address
//! `#/a/b/c?embed=1` by trying `a/b/c`, `a/b`, `a/*` (when there is a `b`)
//! and `a`, in that order, the query left out; [`entry_for`] does the same.

use std::sync::LazyLock;

use crate::catalog::CALCULATORS;
use crate::domain::kinds::AssessmentKind;
use crate::route::Page;

/// One address of the table: the split points its page needs to open, and
/// those it uses once built (fetched in a second bundle when the browser is
/// idle).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    /// The address after `#/`, as the loader matches it: `roi`, `roi/*` (any
    /// second segment: a saved document's id), `s/roi` (a share link).
    pub path: String,
    /// Split points the page needs to open.
    pub opens: Vec<String>,
    /// Split points it uses once built.
    pub later: Vec<String>,
}

fn bundle(path: impl Into<String>, opens: &[&str], later: &[&str]) -> Bundle {
    let names = |list: &[&str]| list.iter().map(|n| n.to_string()).collect();
    Bundle {
        path: path.into(),
        opens: names(opens),
        later: names(later),
    }
}

/// What an assessment's page uses once built: its questions, results and
/// comparison (`after_intro`), what its results advise, the fields of one's
/// own targets, the share panel and the charts.
const ASSESSMENT_LATER: &[&str] = &[
    "after_intro",
    "advice",
    "own_targets",
    "share_panel",
    "draw_on",
];
/// What a shared run's page uses once built.
const SHARED_ASSESSMENT_LATER: &[&str] = &["advice", "own_targets", "draw_on"];

/// Every address with split points, in the order the build numbers their
/// modules. An assessment's page needs its pack's text (`<slug>_text`); a
/// calculator's addresses and split points are its entry in
/// [`CALCULATORS`].
pub static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| {
    let mut all = vec![bundle("saved", &["saved_page"], &["importer"])];
    let text = |kind: AssessmentKind| format!("{}_text", kind.slug());
    for kind in AssessmentKind::ALL {
        let path = format!("assess/{}", kind.slug());
        all.push(bundle(
            path,
            &["assessment_page", &text(kind)],
            ASSESSMENT_LATER,
        ));
    }
    // A calculator's start page; it asks for its editor's bundle when the
    // browser is idle (ui::prefetch).
    for c in &CALCULATORS {
        all.push(bundle(c.calculator.slug(), c.start, &[]));
    }
    // A saved document opens an editor.
    for c in &CALCULATORS {
        let path = format!("{}/*", c.calculator.slug());
        all.push(bundle(path, c.editor, c.editor_later));
    }
    // A share link names the kind of document it holds and gets only that
    // kind's view.
    for c in &CALCULATORS {
        let path = format!("s/{}", c.calculator.slug());
        all.push(bundle(path, c.shared, c.shared_later));
    }
    for kind in AssessmentKind::ALL {
        let path = format!("s/assess/{}", kind.slug());
        let opens = ["shared_assessment", &text(kind)];
        all.push(bundle(path, &opens, SHARED_ASSESSMENT_LATER));
    }
    // A link made before the kind was in its address: the page reads the
    // kind from the link, then asks for that kind's bundle
    // (ui::fetch_modules).
    all.push(bundle("s", &["shared_link"], &[]));
    all
});

/// A page the benchmarks open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    /// Its name in the reports and on the command line (`--pages`).
    pub name: String,
    /// Its address, or `None` for a page the script makes first: the ROI
    /// editor with an example (`roi-example`), its share link (`share-roi`).
    pub fragment: Option<String>,
    /// Whether Lighthouse measures it (the load benchmark measures all).
    pub lighthouse: bool,
}

fn measured(name: impl Into<String>, fragment: Option<String>, lighthouse: bool) -> Measured {
    Measured {
        name: name.into(),
        fragment,
        lighthouse,
    }
}

/// Every tool page (the home page's list), the ROI editor with an example,
/// Saved, and the ROI example's share link as a colleague opens it.
pub static MEASURED: LazyLock<Vec<Measured>> = LazyLock::new(|| {
    let mut all = vec![
        measured("home", Some("#/".into()), true),
        measured("roi-example", None, true),
    ];
    for kind in AssessmentKind::ALL {
        let page = Page::Assessment(kind);
        all.push(measured(
            format!("assess-{}", kind.slug()),
            Some(page.href()),
            true,
        ));
    }
    all.push(measured("saved", Some(Page::Saved.href()), true));
    for c in &CALCULATORS {
        let page = Page::Calculator(c.calculator, None);
        all.push(measured(c.calculator.slug(), Some(page.href()), true));
    }
    all.push(measured("share-roi", None, false));
    all
});

/// The entry the loader takes for an address (`#/roi/abc?embed=1`), found
/// as the loader finds it (see the module's documentation).
pub fn entry_for(hash: &str) -> Option<&'static Bundle> {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    // The query (`?embed=1`) is not part of the path.
    let path = path.split('?').next().unwrap_or("");
    let mut parts = path.split('/');
    let (first, second, third) = (parts.next(), parts.next(), parts.next());
    let find = |p: &str| BUNDLES.iter().find(|b| b.path == p);
    let first = first.unwrap_or("");
    let mut tries = Vec::new();
    if let (Some(second), Some(third)) = (second, third) {
        tries.push(format!("{first}/{second}/{third}"));
    }
    if let Some(second) = second {
        tries.push(format!("{first}/{second}"));
        if !second.is_empty() {
            tries.push(format!("{first}/*"));
        }
    }
    tries.push(first.to_string());
    tries.iter().find_map(|p| find(p))
}

/// The table as JSON, for the scripts: `{"bundles": [{"path", "opens",
/// "later"}], "measured": [{"name", "fragment", "lighthouse"}]}`, in table
/// order.
pub fn to_json() -> String {
    let list = |names: &[String]| {
        names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let bundles = BUNDLES
        .iter()
        .map(|b| {
            format!(
                "    {{ \"path\": \"{}\", \"opens\": [{}], \"later\": [{}] }}",
                b.path,
                list(&b.opens),
                list(&b.later)
            )
        })
        .collect::<Vec<_>>()
        .join(",\n");
    let measured = MEASURED
        .iter()
        .map(|m| {
            format!(
                "    {{ \"name\": \"{}\", \"fragment\": {}, \"lighthouse\": {} }}",
                m.name,
                m.fragment
                    .as_ref()
                    .map_or("null".to_string(), |f| format!("\"{f}\"")),
                m.lighthouse
            )
        })
        .collect::<Vec<_>>()
        .join(",\n");
    format!("{{\n  \"bundles\": [\n{bundles}\n  ],\n  \"measured\": [\n{measured}\n  ]\n}}\n")
}

// The tests read the source tree and scripts/routes.json: native only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::kinds::SharedKind;
    use crate::route::{Calculator, Route};
    use std::path::Path;

    #[test]
    fn routes_json_is_this_table() {
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/routes.json");
        let json = to_json();
        // Valid JSON, with the table's entries.
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["bundles"].as_array().unwrap().len(), BUNDLES.len());
        assert_eq!(parsed["measured"][1]["name"], "roi-example");
        assert_eq!(parsed["measured"][1]["fragment"], serde_json::Value::Null);
        if std::env::var_os("SEXTANT_BLESS").is_some() {
            std::fs::write(&file, &json).unwrap();
        }
        let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            on_disk == json,
            "scripts/routes.json differs from src/bundles.rs: run `SEXTANT_BLESS=1 cargo test --lib bundles` and commit it"
        );
    }

    /// An address of each page, every variant named so that a new page
    /// cannot be left out.
    fn every_page() -> Vec<Page> {
        let id = || "abc123".to_string();
        let mut pages = vec![
            Page::Home,
            Page::Saved,
            Page::Shared(None, "v1.x".into()),
            Page::NotFound("nowhere".into()),
        ];
        for c in Calculator::ALL {
            pages.push(Page::Calculator(c, None));
            pages.push(Page::Calculator(c, Some(id())));
            let kind = Some(SharedKind::Calculator(c));
            pages.push(Page::Shared(kind, "v1.x".into()));
        }
        for kind in AssessmentKind::ALL {
            pages.push(Page::Assessment(kind));
            pages.push(Page::AssessmentRun(kind, id()));
            pages.push(Page::Shared(
                Some(SharedKind::Assessment(kind)),
                "v1.x".into(),
            ));
        }
        for page in &pages {
            // Adding a variant to `Page` fails to compile here: add its
            // address above and, if it has split points, to `BUNDLES`.
            match page {
                Page::Home
                | Page::Assessment(_)
                | Page::AssessmentRun(..)
                | Page::Calculator(..)
                | Page::Saved
                | Page::Shared(..)
                | Page::NotFound(_) => {}
            }
        }
        pages
    }

    #[test]
    fn every_page_but_home_and_not_found_has_its_bundle() {
        for page in every_page() {
            let href = page.href();
            let entry = entry_for(&href);
            match page {
                Page::Home | Page::NotFound(_) => assert_eq!(entry, None, "{href}"),
                _ => assert!(entry.is_some(), "{href} has no entry in BUNDLES"),
            }
        }
        // The loader's order: the run of an assessment is its assessment's.
        assert_eq!(
            entry_for("#/assess/team/run-1?embed=1").map(|b| b.path.as_str()),
            Some("assess/team")
        );
        assert_eq!(
            entry_for("#/roi/abc").map(|b| b.path.as_str()),
            Some("roi/*")
        );
        assert_eq!(entry_for("#/roi").map(|b| b.path.as_str()), Some("roi"));
        // An embedded start page is the start page, not an editor.
        assert_eq!(
            entry_for("#/roi?embed=1").map(|b| b.path.as_str()),
            Some("roi")
        );
        assert_eq!(
            entry_for("#/s/assess/team/v1.x").map(|b| b.path.as_str()),
            Some("s/assess/team")
        );
        assert_eq!(entry_for("#/s/v1.x").map(|b| b.path.as_str()), Some("s"));
        assert_eq!(entry_for("#/__proto__"), None);
    }

    #[test]
    fn every_address_in_the_table_is_a_page() {
        for b in BUNDLES.iter() {
            let address = format!("#/{}", b.path.replace('*', "abc123"));
            let address = if b.path == "s" || b.path.starts_with("s/") {
                format!("{address}/v1.x")
            } else {
                address
            };
            let page = Route::parse(&address).page;
            assert!(
                !matches!(page, Page::NotFound(_) | Page::Home),
                "{} is not a page",
                b.path
            );
            assert_eq!(entry_for(&address), Some(b), "{address}");
        }
        let paths: Vec<_> = BUNDLES.iter().map(|b| b.path.as_str()).collect();
        let mut unique = paths.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), paths.len(), "a path twice in BUNDLES");
    }

    /// The split points defined in `src/`: the first argument of each
    /// `split_point!`, less its `_1`.
    fn split_points_in_source() -> Vec<String> {
        fn walk(dir: &Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (i, _) in text.match_indices("split_point!(") {
                        let rest = text[i + "split_point!(".len()..].trim_start();
                        let ident: String = rest
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                            .collect();
                        // The macro's own definition names `$module`.
                        if let Some(name) = ident.strip_suffix("_1") {
                            out.push(name.to_string());
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn the_table_names_exactly_the_split_points_in_the_source() {
        let defined = split_points_in_source();
        assert!(defined.len() >= 20, "{defined:?}");
        let mut named: Vec<String> = BUNDLES
            .iter()
            .flat_map(|b| b.opens.iter().chain(&b.later))
            .cloned()
            .collect();
        named.sort();
        named.dedup();
        assert_eq!(named, defined);
    }

    #[test]
    fn measured_pages_are_pages_with_names_once() {
        let mut names: Vec<_> = MEASURED.iter().map(|m| m.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), MEASURED.len());
        for m in MEASURED.iter() {
            if let Some(f) = &m.fragment {
                assert!(!matches!(Route::parse(f).page, Page::NotFound(_)), "{f}");
            }
        }
        // Every tool the home page lists is measured.
        for (_, tool) in crate::catalog::tools() {
            let href = tool.page.href();
            assert!(
                MEASURED
                    .iter()
                    .any(|m| m.fragment.as_deref() == Some(href.as_str())),
                "{href} is not measured"
            );
        }
    }
}
