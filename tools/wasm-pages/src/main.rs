//! `wasm-pages`: the WebAssembly steps of Sextant's release build (see the
//! library's documentation). `scripts/build-wasm.mjs` runs it.

use std::path::Path;
use std::process::ExitCode;

use wasm_pages::{merge, split, strip, Error};

const USAGE: &str = "usage:
  wasm-pages split <input.wasm> <out-dir>   the first module as <out-dir>/sextant.wasm, the split
                                            modules beside it, and what they are in <out-dir>/split.json
  wasm-pages merge <out.wasm> <module.wasm>...   the split modules merged into one
  wasm-pages strip <input.wasm> <out.wasm>  the module without the linker's relocation sections";

fn run(args: &[String]) -> Result<(), Error> {
    match args {
        [command, input, out] if command == "split" => {
            let out = Path::new(out);
            let manifest = split::split(&std::fs::read(input)?, out, "sextant.wasm")?;
            let json = serde_json::to_string_pretty(&manifest.to_json())?;
            std::fs::write(out.join("split.json"), json)?;
            Ok(())
        }
        [command, out, modules @ ..] if command == "merge" && !modules.is_empty() => {
            let bytes = modules
                .iter()
                .map(std::fs::read)
                .collect::<Result<Vec<_>, _>>()?;
            let named: Vec<(&str, &[u8])> = modules
                .iter()
                .zip(&bytes)
                .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
                .collect();
            std::fs::write(out, merge::merge(&named)?)?;
            Ok(())
        }
        [command, input, out] if command == "strip" => {
            std::fs::write(out, strip::strip_relocations(&std::fs::read(input)?)?)?;
            Ok(())
        }
        _ => Err(USAGE.into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wasm-pages: {e}");
            ExitCode::FAILURE
        }
    }
}
