//! Splitting the app's module at its split points, and what the build needs
//! to know about the result, as data.
//!
//! wasm-split (the `wasm_split_cli_support` library) reads the module the
//! linker wrote with `--emit-relocs`: each `split_point!` in the app is a
//! function wasm-split may move out of the first module, together with the
//! code only it reaches. It writes one module per split point
//! (`split_<name>.wasm`) and one per set of split points that share code
//! (`chunk_<n>.wasm`), and the first module, which imports each split
//! point's loader (`__wasm_split_load_<name>`) from `./__wasm_split.js`.
//! Every split module imports what it shares with the first module (memory,
//! function table, stack pointer) from `"__wasm_split"`.
//!
//! [`Manifest`] is that, read from the modules themselves and checked: the
//! build writes its own `__wasm_split.js` from it (and leaves the library's
//! out), so nothing parses or patches generated JavaScript.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use wasmparser::{Parser, Payload};

use crate::Error;

/// The module name split modules import their shared items from.
pub const SHARED_MODULE: &str = "__wasm_split";
/// The module name the first module imports the loaders from.
pub const LINK_MODULE: &str = "./__wasm_split.js";

/// A module of shared code, loaded before the split points that need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    /// wasm-split's number for it (`chunk_<number>.wasm`).
    pub number: u32,
    pub file: String,
}

/// One split point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    /// Its name, as the app's `split_point!` gives it (`roi_page_1`).
    pub name: String,
    /// The export of `__wasm_split.js` the first module calls to load it.
    pub loader: String,
    /// Its own module; none when all its code is in chunks.
    pub file: Option<String>,
    /// The chunks it needs first, by number, in wasm-split's order.
    pub chunks: Vec<u32>,
}

/// What the split wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    /// What the first module exports for the split modules to import from
    /// [`SHARED_MODULE`], sorted.
    pub shared: Vec<String>,
    /// By number.
    pub chunks: Vec<Chunk>,
    /// By name.
    pub points: Vec<Point>,
}

impl Manifest {
    /// The manifest as JSON, for `scripts/build-wasm.mjs`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "shared": self.shared,
            "chunks": self.chunks.iter().map(|c| serde_json::json!({ "number": c.number, "file": c.file })).collect::<Vec<_>>(),
            "points": self.points.iter().map(|p| serde_json::json!({
                "name": p.name,
                "loader": p.loader,
                "file": p.file,
                "chunks": p.chunks,
            })).collect::<Vec<_>>(),
        })
    }
}

/// A module's imports, as (module, name), and its export names.
struct Names {
    imports: Vec<(String, String)>,
    exports: BTreeSet<String>,
}

fn names(bytes: &[u8]) -> Result<Names, Error> {
    let mut imports = Vec::new();
    let mut exports = BTreeSet::new();
    for payload in Parser::new(0).parse_all(bytes) {
        match payload? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    imports.push((import.module.to_string(), import.name.to_string()));
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    exports.insert(export?.name.to_string());
                }
            }
            _ => {}
        }
    }
    Ok(Names { imports, exports })
}

/// Splits `input` into `out_dir`: the first module as `main_name`, the split
/// modules beside it. Returns what was written.
pub fn split(input: &[u8], out_dir: &Path, main_name: &str) -> Result<Manifest, Error> {
    std::fs::create_dir_all(out_dir)?;
    let main_path = out_dir.join(main_name);
    let mut options = wasm_split_cli_support::Options::new(input);
    options.output_dir = out_dir;
    options.main_out_path = &main_path;
    options.link_name = LINK_MODULE;
    let written =
        wasm_split_cli_support::transform(options).map_err(|e| format!("wasm-split: {e:#}"))?;
    // The build writes its own loader module from the manifest.
    let link = out_dir.join(LINK_MODULE.trim_start_matches("./"));
    if link.exists() {
        std::fs::remove_file(link)?;
    }

    let mut files = BTreeMap::new();
    for path in &written.split_modules {
        let file = path
            .file_name()
            .and_then(|f| f.to_str())
            .ok_or_else(|| {
                format!(
                    "wasm-split wrote {}, which has no file name",
                    path.display()
                )
            })?
            .to_string();
        files.insert(file, std::fs::read(path)?);
    }
    let mut chunks = Vec::new();
    for file in files.keys() {
        if let Some(number) = file
            .strip_prefix("chunk_")
            .and_then(|f| f.strip_suffix(".wasm"))
        {
            let number = number
                .parse()
                .map_err(|_| format!("wasm-split wrote {file}, not chunk_<number>.wasm"))?;
            chunks.push(Chunk {
                number,
                file: file.clone(),
            });
        } else if !file.starts_with("split_") {
            return Err(format!(
                "wasm-split wrote {file}, neither a chunk nor a split point's module"
            )
            .into());
        }
    }
    chunks.sort_by_key(|c| c.number);

    let mut points = Vec::new();
    for (name, stems) in &written.prefetch_map {
        let mut point = Point {
            name: name.clone(),
            loader: format!("__wasm_split_load_{name}"),
            file: None,
            chunks: Vec::new(),
        };
        for stem in stems {
            let file = format!("{stem}.wasm");
            if !files.contains_key(&file) {
                return Err(format!(
                    "split point {name} needs {file}, which wasm-split did not write"
                )
                .into());
            }
            match chunks.iter().find(|c| c.file == file) {
                Some(chunk) => point.chunks.push(chunk.number),
                None if file == format!("split_{name}.wasm") && point.file.is_none() => {
                    point.file = Some(file)
                }
                None => {
                    return Err(format!(
                        "split point {name} needs {file}, another split point's module"
                    )
                    .into())
                }
            }
        }
        points.push(point);
    }
    points.sort_by(|a, b| a.name.cmp(&b.name));

    // The first module imports exactly these loaders.
    let main = names(&std::fs::read(&main_path)?)?;
    let imported: BTreeSet<&str> = main
        .imports
        .iter()
        .filter(|(module, _)| module == LINK_MODULE)
        .map(|(_, name)| name.as_str())
        .collect();
    let loaders: BTreeSet<&str> = points.iter().map(|p| p.loader.as_str()).collect();
    if imported != loaders {
        return Err(format!("the first module imports the loaders {imported:?} from {LINK_MODULE}, but the split points are {loaders:?}").into());
    }

    // Every split module imports only what the first module shares.
    let mut shared = BTreeSet::new();
    for (file, bytes) in &files {
        for (module, name) in names(bytes)?.imports {
            if module != SHARED_MODULE {
                return Err(
                    format!("{file} imports {module}.{name}, not from {SHARED_MODULE}").into(),
                );
            }
            if !main.exports.contains(&name) {
                return Err(format!(
                    "{file} imports {name}, which the first module does not export"
                )
                .into());
            }
            shared.insert(name);
        }
    }
    Ok(Manifest {
        shared: shared.into_iter().collect(),
        chunks,
        points,
    })
}
