//! Persistence: the only code that knows stored formats.
//!
//! Architecture invariant: stored data is a versioned envelope ([`envelope`]),
//! separate from domain types, read through a migration chain; unreadable data
//! is quarantined, never overwritten ([`store`]). Only [`web`] touches the
//! browser's localStorage; everything else runs and is tested natively.

pub mod assessment;
pub mod automation;
pub mod csv;
pub mod envelope;
pub mod limits;
pub mod portfolio;
pub mod roi;
mod roi_model;
pub mod share;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod web;
