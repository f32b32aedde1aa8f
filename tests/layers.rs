//! The direction of dependencies ARCHITECTURE.md draws, checked on the
//! source: the domain, the stored formats and the charts never name the
//! router, the page copy or the UI; only `persist` reads or writes JSON
//! inside a document (the UI carries `persist::envelope::Data`); the domain
//! has no web or drawing dependency.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every file under `src/<part>` that names one of `names`, with the name.
fn naming(part: &str, names: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(part),
        &mut files,
    );
    assert!(!files.is_empty(), "no files under src/{part}");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for name in names {
            if text.contains(name) {
                found.push(format!("{} names {name}", file.display()));
            }
        }
    }
    found
}

#[test]
fn the_lower_layers_never_name_the_router_the_catalogue_or_the_ui() {
    let upper = [
        "crate::route",
        "crate::catalog",
        "crate::ui",
        "crate::bundles",
    ];
    for part in ["domain", "persist", "charts", "view"] {
        assert_eq!(naming(part, &upper), Vec::<String>::new());
    }
}

#[test]
fn the_lower_layers_name_no_html_and_no_page() {
    // Ids there are keys of fields and documents; what the page calls its
    // elements, and which page shows what, is the UI's.
    let page_words = ["html", "HTML", "aria-", "Page::", "href"];
    for part in ["domain", "persist", "charts"] {
        assert_eq!(naming(part, &page_words), Vec::<String>::new());
    }
}

#[test]
fn the_ui_carries_documents_without_reading_their_json() {
    assert_eq!(naming("ui", &["serde_json"]), Vec::<String>::new());
}

/// What is kept on the device goes through `persist` (`persist::web` and
/// the `Storage` context), which alone knows the keys.
#[test]
fn the_ui_never_reads_or_writes_local_storage_itself() {
    assert_eq!(
        naming("ui", &["local_storage()", "NUMBER_FORMAT_KEY", "sextant:"]),
        Vec::<String>::new()
    );
}

#[test]
fn the_domain_has_no_web_or_drawing_dependency() {
    let web = [
        "leptos::",
        "web_sys",
        "wasm_bindgen",
        "gloo_",
        "gloo::",
        "plotters::",
        "plotters_canvas",
    ];
    assert_eq!(naming("domain", &web), Vec::<String>::new());
    // View models are native code too: what a page shows, without Leptos.
    assert_eq!(naming("view", &web), Vec::<String>::new());
}
