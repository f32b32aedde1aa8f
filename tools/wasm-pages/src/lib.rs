//! The WebAssembly steps of Sextant's release build, as code with tests rather
//! than text patches: `scripts/build-wasm.mjs` runs the `wasm-pages` command
//! for each of them and does the rest (cargo, wasm-bindgen, wasm-opt, names
//! with content hashes, the JavaScript it writes).
//!
//! - [`split`]: wasm-split's library moves the code only a split point
//!   reaches into modules of their own; [`split::Manifest`] says, as data,
//!   which modules each split point needs and what the first module shares
//!   with them, from which the build writes the JavaScript that loads them.
//! - [`merge`]: a page's modules merged into one module (a page opened
//!   directly instantiates one module instead of dozens).
//! - [`strip`]: the module without the linker's relocation sections, for the
//!   build that is not split.

pub mod merge;
pub mod split;
pub mod strip;

/// What every step returns on failure: a sentence for the build's log.
pub type Error = Box<dyn std::error::Error + Send + Sync>;
