//! Sextant: guided self-assessments and ROI calculators for machine-learning
//! engineers and their projects, running entirely in the browser.
//!
//! See ARCHITECTURE.md for the map. In short: [`domain`] is pure logic,
//! [`persist`] alone knows stored and shared formats, [`charts`] draws with
//! plotters on any backend, [`route`] reads addresses, [`catalog`] lists the
//! tools as the pages present them, and `ui` (wasm32 only) holds thin Leptos
//! components.

pub mod bundles;
pub mod catalog;
pub mod charts;
pub mod domain;
pub mod persist;
pub mod route;
pub mod view;

/// The finance core, also reachable as `sextant::finance`.
pub use domain::finance;

#[cfg(target_arch = "wasm32")]
pub mod ui;
