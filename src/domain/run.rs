//! One person's run through an assessment pack: their answers, where they
//! are, and the targets they chose. Its stored form is
//! `persist::assessment`.

use super::assess::Answers;

/// One person's run through a pack.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The pack's id.
    pub pack: String,
    /// The pack version the answers were given to.
    pub pack_version: u32,
    /// Answers by item id.
    pub answers: Answers,
    /// Answers to an earlier version of the pack that this version does
    /// not offer, by item id: kept, shown, never scored.
    pub earlier: Answers,
    /// The step the person was on (section index, or past the end for review).
    pub step: usize,
    /// When it was finished (ms since the epoch), if it was.
    pub completed: Option<f64>,
    /// The chosen target profile, if any ("custom" for the person's own).
    pub profile: Option<String>,
    /// The person's own targets, 0-100 by section id.
    pub targets: std::collections::BTreeMap<String, f64>,
}

impl Run {
    /// A fresh run of a pack.
    pub fn new(pack: &str, pack_version: u32) -> Run {
        Run {
            pack: pack.into(),
            pack_version,
            answers: Answers::new(),
            earlier: Answers::new(),
            step: 0,
            completed: None,
            profile: None,
            targets: Default::default(),
        }
    }
}
