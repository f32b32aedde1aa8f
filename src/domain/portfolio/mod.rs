//! A portfolio of candidate ML projects: scoring, ranking, how robust the
//! ranking is to the weights, and the value-versus-effort map.
//!
//! Each project is scored 1 to 5 on six [`Criterion`]s where a higher score
//! always argues for doing the project sooner (5 = high impact, small
//! resource need, routine technically, first value within a month, a fixed
//! date that cannot move, low risk); [`Criterion::rubric`] says what each
//! score means so two people score alike. Urgency and time to value are two
//! criteria, not one: a fixed date raises priority (as WSJF's time
//! criticality does) while a long wait for first value lowers it. Projects can also carry the
//! inputs of three common prioritisation methods, and [`rank`] orders them by
//! any [`Method`]:
//!
//! - weighted criteria: `Σ wᵢ·sᵢ / Σ wᵢ` with [`Weights`] in whole percent
//!   that always sum to 100, so the score is on the 1-5 scale;
//! - RICE (Intercom): reach × impact × confidence / effort;
//! - WSJF (SAFe): cost of delay / job size on the 1, 2, 3, 5, 8, 13, 20 scale;
//! - ICE: impact × confidence × ease, each 1-10.
//!
//! [`Portfolio::validate`] names every bad input by project and field; a
//! project with a bad input has no score for the method that needs that
//! input (the `Err` says why), while the other methods still rank it.
//! [`robustness`] finds the smallest change of one weight that swaps the top
//! two projects; [`value_effort`] places each project in a quadrant.
//!
//! Nothing here panics, and every number returned is finite.

use super::input::{check_range, NumberKind};
use std::cmp::Ordering;

/// Lowest criterion score.
pub const SCALE_MIN: u32 = 1;
/// Highest criterion score.
pub const SCALE_MAX: u32 = 5;
/// The middle of the 1-5 scale, where the value-effort map splits.
pub const SCALE_MIDPOINT: f64 = 3.0;
/// Upper bound for any amount of money: beyond it inputs are typos.
pub const MAX_MONEY: f64 = 1e12;
/// Largest RICE reach accepted (people or events per quarter).
pub const MAX_REACH: f64 = 1e12;
/// Largest RICE effort accepted, in person-months.
pub const MAX_EFFORT: f64 = 1e5;

mod criteria;
mod fields;
mod inputs;
mod method;
mod rank;
mod robustness;
mod select;
#[cfg(test)]
mod tests;
mod value_effort;

pub use criteria::*;
pub use fields::*;
pub use inputs::*;
pub use method::*;
pub use rank::*;
pub use robustness::*;
pub use select::*;
pub use value_effort::*;
