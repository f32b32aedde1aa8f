//! Pure domain logic: the kinds of things Sextant knows, finance, models and
//! scoring.
//!
//! Architecture invariant: nothing here imports leptos, web-sys, gloo or
//! plotters; nothing panics on user input; every number returned is finite or
//! an explicit error.

pub mod assess;
pub mod automation;
pub mod correlate;
pub mod decimal;
pub mod finance;
pub mod format;
pub mod input;
pub mod kinds;
pub mod packs;
pub mod portfolio;
pub mod roi;
pub mod run;
pub mod uncertainty;
