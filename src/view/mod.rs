//! View models: pure functions that turn what the domain computes into what
//! a page shows (figures, rows, sort orders, wording), tested natively. The
//! Leptos components render them and hold no rule of their own.

pub mod assessment;
pub mod automation;
pub mod comparison;
pub mod flow;
pub mod portfolio;
pub mod ranking;
pub mod raters;
pub mod roi;
pub mod scenarios;
pub mod sensitivity;
pub mod simulation;
