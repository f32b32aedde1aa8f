//! Compiles the assessment packs in as compact JSON: the files under
//! `assessments/` are indented for people to read and review; the app needs
//! none of that whitespace, which would be about a third of each pack's
//! bytes and 1 KB of each page that carries one (gzip). Only whitespace
//! between tokens is dropped; strings are copied byte for byte, so the
//! packs mean exactly what their files say (the pack tests read this copy).

use std::{env, fs, path::Path};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("assessments");
    fs::create_dir_all(&out).expect("create OUT_DIR/assessments");
    println!("cargo:rerun-if-changed=assessments");
    for entry in fs::read_dir("assessments").expect("read assessments/") {
        let path = entry.expect("list assessments/").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("read a pack");
        let name = path.file_name().expect("a file name");
        fs::write(out.join(name), compact(&text)).expect("write a pack");
    }
}

/// JSON text without the whitespace between its tokens.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
