//! The questionnaire engine: assessment packs as data, validated at load, and
//! scored from a person's answers.
//!
//! A pack (one JSON file under `assessments/`, format in
//! `assessments/SCHEMA.md`) has sections of items; each item has a response
//! scale with an observable behaviour for every level. Sections are scored as
//! a weighted mean mapped to 0-100 or as a plain sum (the ML Test Score);
//! groups of sections combine by mean or by minimum, and name a band for the
//! result. "Not applicable" and skipped items leave the denominator.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

/// How a group combines its section scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aggregation {
    /// The mean of the section scores.
    Mean,
    /// The lowest section score (the ML Test Score's rule).
    Min,
    /// The highest stage priority of its sections ([`automation_priorities`]):
    /// the band names the best candidate for automation, so it always agrees
    /// with the priority list.
    Priority,
}

/// How a section turns answers into a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scoring {
    /// Weighted mean of answers, each mapped from its lowest to its highest
    /// level onto 0-100.
    Mean,
    /// The plain sum of the answered values.
    Sum,
    /// Asked for context and never scored: in no group, on no chart and in
    /// no ranking (the readiness pack's project stage, the skills pack's
    /// scope). Its items still have to be answered.
    Context,
}

/// A named range of scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// Lowest score in the band.
    pub min: f64,
    /// Its name.
    pub label: String,
    /// What it means.
    pub text: String,
    /// For a group other than the first, in a pack with a verdict: the
    /// highest verdict (a band label of the first group) a score in this band
    /// allows. The ML Test Score's bands below 1.5 allow at most "Not ready".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict_at_most: Option<String>,
}

/// Sections whose scores combine into one result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub title: String,
    /// Ids of its sections.
    pub sections: Vec<String>,
    /// How section scores combine.
    pub aggregation: Aggregation,
    /// Bands, ascending by `min`.
    pub bands: Vec<Band>,
}

impl Group {
    /// The band a score falls in: the last whose `min` it reaches (each
    /// `min` belongs to its band). The ML Test Score's bands start at 0.5,
    /// 1.5, 2.5, 3.5 and 5.5: on its half-point scores that is the paper's
    /// (0, 1], (1, 2], (2, 3], (3, 5] and above 5.
    pub fn band_for(&self, score: f64) -> Option<&Band> {
        self.bands.iter().rev().find(|b| score >= b.min - 1e-9)
    }
}

/// Shows an item or section only for certain earlier answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    /// The earlier item.
    pub item: String,
    /// The answers (level values) that show it.
    #[serde(rename = "in")]
    pub values: Vec<f64>,
}

/// One level of an item's scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// Its value.
    pub value: f64,
    /// Its short name.
    pub label: String,
    /// The observable behaviour at this level.
    pub text: String,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable id, unique in the pack.
    pub id: String,
    /// The question or topic.
    pub prompt: String,
    /// What it covers.
    pub help: String,
    /// Weight in its section's mean.
    pub weight: f64,
    /// Whether "not applicable" is offered.
    #[serde(default)]
    pub allow_na: bool,
    /// Whether the lowest level is a red flag.
    #[serde(default)]
    pub critical: bool,
    /// Shown only for these earlier answers.
    #[serde(default)]
    pub condition: Option<Condition>,
    /// What the item measures, for packs that read items by role: the
    /// automation pack tags "current", "potential" and "oversight".
    #[serde(default)]
    pub tag: Option<String>,
    /// The scale, ascending.
    pub levels: Vec<Level>,
}

/// A group of items, one step of the guided flow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub title: String,
    /// What it covers.
    pub description: String,
    /// How it is scored.
    pub scoring: Scoring,
    /// Shown only for these earlier answers.
    #[serde(default)]
    pub condition: Option<Condition>,
    /// Growth advice for this area.
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// Its items.
    pub items: Vec<Item>,
}

/// A target profile: a 0-100 target per section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub label: String,
    /// Target score per section id.
    pub targets: BTreeMap<String, f64>,
    /// What the level means, in a few sentences.
    #[serde(default)]
    pub description: String,
    /// Which public ladder it follows, and where it departs from it.
    #[serde(default)]
    pub source: String,
}

/// A whole assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    /// Stable id.
    pub id: String,
    /// Content version; bumped when items change.
    pub version: u32,
    /// Its name.
    pub title: String,
    /// What it assesses and how to answer.
    pub intro: String,
    /// How sections combine.
    pub groups: Vec<Group>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// Optional target profiles.
    #[serde(default)]
    pub profiles: Vec<Profile>,
    /// The text of the "not applicable" option, in the pack's own voice
    /// ("This does not apply to this project."); [`Pack::na_text`].
    #[serde(default)]
    pub not_applicable: Option<String>,
}

impl Pack {
    /// The text of the "not applicable" option.
    pub fn na_text(&self) -> &str {
        self.not_applicable
            .as_deref()
            .unwrap_or("This does not apply to me or my work.")
    }
}

/// A person's answer to one item.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Answer {
    /// The value of the chosen level.
    Level(f64),
    /// "Not applicable".
    NotApplicable,
}

/// Answers by item id.
pub type Answers = BTreeMap<String, Answer>;

/// What is wrong with a pack, naming the file and the item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    /// The file it came from.
    pub file: String,
    /// The item or section concerned, if any.
    pub at: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some(at) => write!(f, "{}: {}: {}", self.file, at, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Parses and validates a pack; `file` names it in errors.
pub fn load(file: &str, json: &str) -> Result<Pack, Vec<PackError>> {
    let pack: Pack = serde_json::from_str(json).map_err(|e| {
        vec![PackError {
            file: file.into(),
            at: None,
            message: format!("not a valid pack: {e}"),
        }]
    })?;
    let errors = validate(file, &pack);
    if errors.is_empty() {
        Ok(pack)
    } else {
        Err(errors)
    }
}

/// Every problem in a pack.
pub fn validate(file: &str, pack: &Pack) -> Vec<PackError> {
    let mut errors = Vec::new();
    let mut err = |at: Option<String>, message: String| {
        errors.push(PackError {
            file: file.into(),
            at,
            message,
        })
    };
    if pack.id.trim().is_empty() {
        err(None, "the pack has no id".into());
    }
    if pack.version == 0 {
        err(None, "version must be 1 or more".into());
    }
    let mut section_ids = HashSet::new();
    let mut seen_items: HashSet<&str> = HashSet::new();
    let check_condition = |c: &Option<Condition>, seen: &HashSet<&str>| -> Option<String> {
        let c = c.as_ref()?;
        if !seen.contains(c.item.as_str()) {
            Some(format!(
                "its condition points at {}, which is not an earlier item",
                c.item
            ))
        } else if c.values.is_empty() {
            Some("its condition lists no answers".into())
        } else {
            None
        }
    };
    for s in &pack.sections {
        let at = Some(format!("section {}", s.id));
        if !section_ids.insert(s.id.as_str()) {
            err(at.clone(), "duplicate section id".into());
        }
        if s.items.is_empty() {
            err(at.clone(), "the section has no items".into());
        }
        if let Some(m) = check_condition(&s.condition, &seen_items) {
            err(at.clone(), m);
        }
        for item in &s.items {
            let at = Some(format!("item {}", item.id));
            if item.id.trim().is_empty() {
                err(
                    Some(format!("section {}", s.id)),
                    "an item has no id".into(),
                );
            }
            if let Some(m) = check_condition(&item.condition, &seen_items) {
                err(at.clone(), m);
            }
            if !seen_items.insert(item.id.as_str()) {
                err(at.clone(), "duplicate item id".into());
            }
            if !(item.weight.is_finite() && item.weight > 0.0) {
                err(
                    at.clone(),
                    format!("weight must be above 0, not {}", item.weight),
                );
            }
            if item.levels.len() < 2 {
                err(at.clone(), "the scale needs at least two levels".into());
            }
            for (i, level) in item.levels.iter().enumerate() {
                if level.text.trim().is_empty() || level.label.trim().is_empty() {
                    err(
                        at.clone(),
                        format!("level {} has no description", level.value),
                    );
                }
                if !level.value.is_finite() {
                    err(at.clone(), "a level value is not a number".into());
                }
                if i > 0 && level.value <= item.levels[i - 1].value {
                    err(at.clone(), "level values must rise".into());
                }
            }
        }
    }
    let context: HashSet<&str> = pack
        .sections
        .iter()
        .filter(|s| s.scoring == Scoring::Context)
        .map(|s| s.id.as_str())
        .collect();
    let verdicts: Vec<&str> = pack
        .groups
        .first()
        .map(|g| g.bands.iter().map(|b| b.label.as_str()).collect())
        .unwrap_or_default();
    for g in &pack.groups {
        let at = Some(format!("group {}", g.id));
        for s in &g.sections {
            if !section_ids.contains(s.as_str()) {
                err(at.clone(), format!("names an unknown section {s}"));
            } else if context.contains(s.as_str()) {
                err(
                    at.clone(),
                    format!("names {s}, a context section, which is never scored"),
                );
            }
        }
        for b in &g.bands {
            if let Some(cap) = &b.verdict_at_most {
                if !verdicts.contains(&cap.as_str()) {
                    err(
                        at.clone(),
                        format!(
                            "band {} caps the verdict at {cap}, which is not a band of the first group",
                            b.label
                        ),
                    );
                }
            }
        }
        if g.bands.is_empty() {
            err(at.clone(), "the group has no bands".into());
        }
        if g.bands.windows(2).any(|w| w[1].min <= w[0].min) {
            err(at.clone(), "bands must rise".into());
        }
    }
    for p in &pack.profiles {
        for (s, t) in &p.targets {
            if !section_ids.contains(s.as_str()) || context.contains(s.as_str()) {
                err(
                    Some(format!("profile {}", p.id)),
                    format!("names an unknown section {s}"),
                );
            } else if !(0.0..=100.0).contains(t) {
                err(
                    Some(format!("profile {}", p.id)),
                    format!("target for {s} must be 0 to 100"),
                );
            }
        }
    }
    errors
}

fn shown(condition: &Option<Condition>, answers: &Answers) -> bool {
    match condition {
        None => true,
        Some(c) => {
            matches!(answers.get(&c.item), Some(Answer::Level(v)) if c.values.iter().any(|x| (x - v).abs() < 1e-9))
        }
    }
}

impl Item {
    fn range(&self) -> (f64, f64) {
        let lo = self.levels.first().map_or(0.0, |l| l.value);
        let hi = self.levels.last().map_or(1.0, |l| l.value);
        (lo, hi)
    }

    /// The level with this value, if there is one.
    pub fn level(&self, value: f64) -> Option<&Level> {
        self.levels.iter().find(|l| (l.value - value).abs() < 1e-9)
    }
}

impl Pack {
    /// Whether a section is shown for these answers.
    pub fn section_shown(&self, section: &Section, answers: &Answers) -> bool {
        shown(&section.condition, answers)
    }

    /// The items of a section shown for these answers.
    pub fn shown_items<'a>(&self, section: &'a Section, answers: &Answers) -> Vec<&'a Item> {
        if !self.section_shown(section, answers) {
            return Vec::new();
        }
        section
            .items
            .iter()
            .filter(|i| shown(&i.condition, answers))
            .collect()
    }

    /// The sections shown for these answers, in order.
    pub fn shown_sections(&self, answers: &Answers) -> Vec<&Section> {
        self.sections
            .iter()
            .filter(|s| self.section_shown(s, answers))
            .collect()
    }

    /// Every shown item, in order.
    pub fn item_count(&self, answers: &Answers) -> usize {
        self.sections
            .iter()
            .map(|s| self.shown_items(s, answers).len())
            .sum()
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.sections
            .iter()
            .flat_map(|s| &s.items)
            .find(|i| i.id == id)
    }

    /// Whether an item has an answer it accepts.
    fn accepts_answer(&self, item: &Item, answer: Option<&Answer>) -> bool {
        match answer {
            Some(Answer::Level(v)) => item.level(*v).is_some(),
            Some(Answer::NotApplicable) => item.allow_na,
            None => false,
        }
    }

    /// Whether an answer fits an item (a level of its scale, or N/A where allowed).
    pub fn accepts(&self, item_id: &str, answer: Answer) -> bool {
        match (self.item(item_id), answer) {
            (Some(item), Answer::Level(v)) => item.level(v).is_some(),
            (Some(item), Answer::NotApplicable) => item.allow_na,
            (None, _) => false,
        }
    }
}

/// A score as the results show it: a mean (0-100) in whole points, a sum
/// (the ML Test Score's half points) with one decimal, so that 0.5 reads
/// "0.5" and 2.5 "2.5", never rounded to an even neighbour.
pub fn score_text(scoring: Scoring, value: f64) -> String {
    match scoring {
        Scoring::Mean | Scoring::Context => format!("{value:.0}"),
        Scoring::Sum => format!("{value:.1}"),
    }
}

impl Pack {
    /// How a section's score is written ([`score_text`]).
    pub fn section_score_text(&self, section_id: &str, value: f64) -> String {
        let scoring = self
            .sections
            .iter()
            .find(|s| s.id == section_id)
            .map_or(Scoring::Mean, |s| s.scoring);
        score_text(scoring, value)
    }

    /// How a group's score is written: a minimum keeps its sections' scale
    /// (sums, for the ML Test Score), a mean is on 0-100.
    pub fn group_score_text(&self, group_id: &str, value: f64) -> String {
        let summed = self
            .groups
            .iter()
            .find(|g| g.id == group_id)
            .is_some_and(|g| {
                g.aggregation == Aggregation::Min
                    && g.sections.iter().any(|id| {
                        self.sections
                            .iter()
                            .any(|s| &s.id == id && s.scoring == Scoring::Sum)
                    })
            });
        score_text(if summed { Scoring::Sum } else { Scoring::Mean }, value)
    }
}

mod scoring;
#[cfg(test)]
mod tests;

pub use scoring::*;
