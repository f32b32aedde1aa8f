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

/// A section's result.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionScore {
    /// Its id.
    pub id: String,
    /// Its name.
    pub title: String,
    /// Items shown.
    pub shown: usize,
    /// Items answered with a level.
    pub answered: usize,
    /// Items answered "not applicable".
    pub not_applicable: usize,
    /// 0-100 for a mean section, the sum for a sum section; `None` with no answers.
    pub score: Option<f64>,
    /// The same on 0-100, for charts and comparisons.
    pub percent: Option<f64>,
}

/// A group's result.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupScore {
    /// Its id.
    pub id: String,
    /// Its name.
    pub title: String,
    /// The combined score; `None` while a needed section has no answers.
    pub score: Option<f64>,
    /// The band it falls in.
    pub band: Option<Band>,
}

/// A critical item answered at its lowest level.
#[derive(Clone, Debug, PartialEq)]
pub struct RedFlag {
    /// The item's id.
    pub item: String,
    /// Its prompt.
    pub prompt: String,
    /// Its section's name.
    pub section: String,
}

/// Everything scored from a set of answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// Per section, in pack order (shown sections only).
    pub sections: Vec<SectionScore>,
    /// Per group.
    pub groups: Vec<GroupScore>,
    /// Critical items at their lowest level.
    pub red_flags: Vec<RedFlag>,
    /// Shown items with no answer: (section id, item id).
    pub unanswered: Vec<(String, String)>,
}

/// Scores a pack for a set of answers. Answers to hidden or unknown items,
/// and values that are not a level of their item, are ignored.
pub fn score(pack: &Pack, answers: &Answers) -> Results {
    let mut sections = Vec::new();
    let mut red_flags = Vec::new();
    let mut unanswered = Vec::new();
    for s in pack.shown_sections(answers) {
        let items = pack.shown_items(s, answers);
        if s.scoring == Scoring::Context {
            // Asked, not scored: only whether it is answered matters.
            for item in &items {
                if !pack.accepts_answer(item, answers.get(&item.id)) {
                    unanswered.push((s.id.clone(), item.id.clone()));
                }
            }
            continue;
        }
        let (mut weighted, mut weights, mut sum) = (0.0, 0.0, 0.0);
        let (mut answered, mut na) = (0, 0);
        for item in &items {
            match answers.get(&item.id) {
                Some(Answer::Level(v)) if item.level(*v).is_some() => {
                    answered += 1;
                    let (lo, hi) = item.range();
                    weighted += item.weight * (v - lo) / (hi - lo);
                    weights += item.weight;
                    sum += v;
                    if item.critical && (*v - lo).abs() < 1e-9 {
                        red_flags.push(RedFlag {
                            item: item.id.clone(),
                            prompt: item.prompt.clone(),
                            section: s.title.clone(),
                        });
                    }
                }
                Some(Answer::NotApplicable) if item.allow_na => na += 1,
                _ => unanswered.push((s.id.clone(), item.id.clone())),
            }
        }
        let (score, percent) = if answered == 0 {
            (None, None)
        } else {
            match s.scoring {
                Scoring::Mean => {
                    let p = weighted / weights * 100.0;
                    (Some(p), Some(p))
                }
                Scoring::Context => (None, None),
                Scoring::Sum => {
                    // Out of every test shown: a skipped test counts as not
                    // done (one test of seven done is a seventh of the bar,
                    // not all of it); only "not applicable" leaves it.
                    let max: f64 = items
                        .iter()
                        .filter(|i| !matches!(answers.get(&i.id), Some(Answer::NotApplicable)))
                        .map(|i| i.range().1)
                        .sum();
                    (
                        Some(sum),
                        Some(if max > 0.0 { sum / max * 100.0 } else { 0.0 }),
                    )
                }
            }
        };
        sections.push(SectionScore {
            id: s.id.clone(),
            title: s.title.clone(),
            shown: items.len(),
            answered,
            not_applicable: na,
            score,
            percent,
        });
    }
    let by_id: HashMap<&str, &SectionScore> = sections.iter().map(|s| (s.id.as_str(), s)).collect();
    let priorities = if pack
        .groups
        .iter()
        .any(|g| g.aggregation == Aggregation::Priority)
    {
        automation_priorities(pack, answers)
    } else {
        Vec::new()
    };
    let groups = pack
        .groups
        .iter()
        .map(|g| {
            let scores: Vec<Option<f64>> = g
                .sections
                .iter()
                .filter_map(|id| by_id.get(id.as_str()))
                // A mean combines comparable 0-100 scores; a minimum keeps the
                // sections' own scale (the ML Test Score's bands are on sums).
                .map(|s| match g.aggregation {
                    Aggregation::Mean | Aggregation::Priority => s.percent,
                    Aggregation::Min => s.score,
                })
                .collect();
            let score = match g.aggregation {
                Aggregation::Priority => priorities
                    .iter()
                    .filter(|p| g.sections.contains(&p.id))
                    .map(|p| p.priority)
                    .reduce(f64::max),
                Aggregation::Mean => {
                    let known: Vec<f64> = scores.iter().flatten().copied().collect();
                    (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64)
                }
                Aggregation::Min => {
                    if scores.is_empty() || scores.iter().any(Option::is_none) {
                        None
                    } else {
                        scores.iter().flatten().copied().reduce(f64::min)
                    }
                }
            };
            let band = score.and_then(|v| g.band_for(v)).cloned();
            GroupScore {
                id: g.id.clone(),
                title: g.title.clone(),
                score,
                band,
            }
        })
        .collect();
    Results {
        sections,
        groups,
        red_flags,
        unanswered,
    }
}

/// Sections ordered from strongest to weakest by their 0-100 score (scored
/// sections only).
pub fn ranked(results: &Results) -> Vec<&SectionScore> {
    let mut scored: Vec<&SectionScore> = results
        .sections
        .iter()
        .filter(|s| s.percent.is_some())
        .collect();
    scored.sort_by(|a, b| {
        b.percent
            .unwrap_or(0.0)
            .total_cmp(&a.percent.unwrap_or(0.0))
            .then(a.id.cmp(&b.id))
    });
    scored
}

/// The gap between a target profile and the results, per section: target
/// minus score, largest first (scored sections with a target only).
pub fn gaps(results: &Results, profile: &Profile) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = results
        .sections
        .iter()
        .filter_map(|s| Some((s.id.clone(), profile.targets.get(&s.id)? - s.percent?)))
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// One area to grow in, with the next step up on each of its items.
#[derive(Clone, Debug, PartialEq)]
pub struct GrowthArea {
    /// Section id.
    pub id: String,
    /// Section name.
    pub title: String,
    /// Its 0-100 score.
    pub percent: f64,
    /// Target minus score, when a target is chosen.
    pub gap: Option<f64>,
    /// Per answered item below its top level, largest step first: the
    /// prompt, and the label and text of the level above the one chosen.
    pub next: Vec<NextLevel>,
}

/// The level above a person's answer on one item.
#[derive(Clone, Debug, PartialEq)]
pub struct NextLevel {
    /// The item's prompt.
    pub prompt: String,
    /// The label of the answer given.
    pub from: String,
    /// The label of the level above it.
    pub to: String,
    /// What that level looks like.
    pub text: String,
}

/// The areas to grow in first. With a target profile: the scored areas
/// below their target, largest gap first (an area that meets its target is
/// not a growth area, however low its score). Without one: the lowest
/// scores first. At most `max`. Each lists, per answered item not at its top
/// level, the level above the one chosen, lowest answers first.
pub fn growth(
    pack: &Pack,
    results: &Results,
    answers: &Answers,
    target: Option<&Profile>,
    max: usize,
) -> Vec<GrowthArea> {
    let mut areas: Vec<GrowthArea> = results
        .sections
        .iter()
        .filter_map(|s| {
            let percent = s.percent?;
            let gap = match target {
                Some(t) => Some(t.targets.get(&s.id)? - percent).filter(|g| *g > 0.5),
                None => None,
            };
            if target.is_some() && gap.is_none() {
                return None;
            }
            let section = pack.sections.iter().find(|x| x.id == s.id)?;
            let mut next: Vec<(f64, NextLevel)> = pack
                .shown_items(section, answers)
                .into_iter()
                .filter_map(|item| {
                    let Some(Answer::Level(v)) = answers.get(&item.id) else {
                        return None;
                    };
                    let at = item
                        .levels
                        .iter()
                        .position(|l| (l.value - v).abs() < 1e-9)?;
                    let up = item.levels.get(at + 1)?;
                    let (lo, hi) = item.range();
                    Some((
                        (v - lo) / (hi - lo),
                        NextLevel {
                            prompt: item.prompt.clone(),
                            from: item.levels[at].label.clone(),
                            to: up.label.clone(),
                            text: up.text.clone(),
                        },
                    ))
                })
                .collect();
            next.sort_by(|a, b| a.0.total_cmp(&b.0));
            Some(GrowthArea {
                id: s.id.clone(),
                title: s.title.clone(),
                percent,
                gap,
                next: next.into_iter().map(|(_, n)| n).collect(),
            })
        })
        .collect();
    areas.sort_by(|a, b| {
        match (a.gap, b.gap) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            _ => a.percent.total_cmp(&b.percent),
        }
        .then(a.id.cmp(&b.id))
    });
    areas.truncate(max);
    areas
}

/// A go / no-go reading of a pack with critical items (project readiness).
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// [`INCOMPLETE`], or a band label of the first group ("Not ready",
    /// "Ready with conditions", "Ready").
    pub label: String,
    /// Why, in a sentence or two.
    pub reason: String,
    /// The prompts of the questions that must be answered before there is a
    /// verdict (empty unless the label is [`INCOMPLETE`]).
    pub missing: Vec<String>,
}

/// The verdict while a question it needs has no answer.
pub const INCOMPLETE: &str = "Incomplete";

/// The verdict of a pack that marks critical items (project readiness), in
/// this order:
///
/// 1. A critical item at its lowest level is a red flag: "Not ready",
///    naming it, whatever else is answered.
/// 2. "Incomplete" while the verdict lacks something it needs: a shown
///    context question (the project's stage), a shown critical item, or any
///    answer at all in a shown section of a group. It names each.
/// 3. Otherwise the first group's band (the business readiness), capped by
///    every other group whose band sets `verdict_at_most`: at launch an ML
///    Test Score of 0 or 1 allows at most "Not ready", 1.5 or 2 at most
///    "Ready with conditions". The reason names the weaker side. A group
///    whose sections are all hidden (the ML Test Score before building)
///    takes no part.
///
/// `None` for packs without critical items.
pub fn verdict(pack: &Pack, results: &Results) -> Option<Verdict> {
    let items = || pack.sections.iter().flat_map(|s| &s.items);
    if !items().any(|i| i.critical) {
        return None;
    }
    if !results.red_flags.is_empty() {
        let n = results.red_flags.len();
        let mut reason = format!(
            "{n} critical {} at the lowest level: {}.",
            if n == 1 { "item is" } else { "items are" },
            results
                .red_flags
                .iter()
                .map(|f| format!("{} ({})", f.prompt, f.section))
                .collect::<Vec<_>>()
                .join("; ")
        );
        // The other side of the verdict, where it is scored.
        for (g, def) in results.groups.iter().zip(&pack.groups).skip(1) {
            if let (Some(score), Some(b), true) = (
                g.score,
                &g.band,
                def.bands.iter().any(|b| b.verdict_at_most.is_some()),
            ) {
                reason.push_str(&format!(
                    " The {} scores {} ({}).",
                    g.title,
                    pack.group_score_text(&g.id, score),
                    b.label
                ));
            }
        }
        return Some(Verdict {
            label: "Not ready".into(),
            reason,
            missing: Vec::new(),
        });
    }
    let section = |id: &str| pack.sections.iter().find(|s| s.id == id);
    let missing: Vec<String> = results
        .unanswered
        .iter()
        .filter_map(|(s, i)| {
            let item = pack.item(i)?;
            (item.critical || section(s)?.scoring == Scoring::Context).then(|| item.prompt.clone())
        })
        .collect();
    let grouped: HashSet<&str> = pack
        .groups
        .iter()
        .flat_map(|g| g.sections.iter().map(String::as_str))
        .collect();
    let empty: Vec<&str> = results
        .sections
        .iter()
        .filter(|s| grouped.contains(s.id.as_str()) && s.answered == 0)
        .map(|s| s.title.as_str())
        .collect();
    let first = pack.groups.first()?;
    let scored = results.groups.first().filter(|g| g.score.is_some());
    if !missing.is_empty() || !empty.is_empty() || scored.is_none() {
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!(
                "{} unanswered: {}",
                if missing.len() == 1 {
                    "this question is"
                } else {
                    "these questions are"
                },
                missing.join("; ")
            ));
        }
        if !empty.is_empty() {
            parts.push(format!(
                "{} no answers yet: {}",
                if empty.len() == 1 {
                    "this area has"
                } else {
                    "these areas have"
                },
                empty.join("; ")
            ));
        }
        if parts.is_empty() {
            parts.push(format!("{} has no answers yet", first.title));
        }
        return Some(Verdict {
            label: INCOMPLETE.into(),
            reason: format!(
                "No verdict yet: {}. Answer them for a verdict.",
                parts.join("; ")
            ),
            missing,
        });
    }
    let group = scored?;
    let band = group.band.as_ref()?;
    let rank = |label: &str| first.bands.iter().position(|b| b.label == label);
    let mut label = band.label.clone();
    let mut reason = format!(
        "No critical item is at its lowest level. {} scores {} ({}): {}",
        group.title,
        pack.group_score_text(&group.id, group.score?),
        band.label,
        band.text
    );
    let mut notes = Vec::new();
    for (g, def) in results.groups.iter().zip(&pack.groups).skip(1) {
        let caps = def.bands.iter().any(|b| b.verdict_at_most.is_some());
        let shown = results
            .sections
            .iter()
            .any(|s| def.sections.contains(&s.id));
        if caps && !shown {
            notes.push(format!("The {} is not asked at this stage.", g.title));
        }
        let (Some(score), Some(b)) = (g.score, g.band.as_ref()) else {
            continue;
        };
        if !caps {
            continue;
        }
        let cap = b.verdict_at_most.clone();
        match cap.filter(|c| rank(c) < rank(&label)) {
            None => notes.push(format!(
                "The {} scores {} ({}).",
                g.title,
                pack.group_score_text(&g.id, score),
                b.label
            )),
            Some(cap) => {
                label = cap.to_string();
                reason = format!(
                "The {} is the weaker side: it scores {} ({}), which allows at most \"{}\". {} {} scores {} ({}).",
                g.title,
                pack.group_score_text(&g.id, score),
                b.label,
                cap,
                b.text,
                group.title,
                pack.group_score_text(&group.id, group.score?),
                band.label,
            );
            }
        }
    }
    for n in notes {
        reason.push(' ');
        reason.push_str(&n);
    }
    Some(Verdict {
        label,
        reason,
        missing: Vec::new(),
    })
}

/// How strongly a pipeline stage calls for automation.
#[derive(Clone, Debug, PartialEq)]
pub struct StagePriority {
    /// Section id.
    pub id: String,
    /// Section name.
    pub title: String,
    /// 0-100: gain × (how automated it is not yet) × (half plus half the
    /// oversight) × (half plus half the stability).
    pub priority: f64,
    /// 0-1 answers behind it, `None` where unanswered or not applicable.
    pub current: Option<f64>,
    /// See `current`.
    pub potential: Option<f64>,
    /// See `current`.
    pub oversight: Option<f64>,
    /// See `current`: how stable the stage's inputs and steps are.
    pub stability: Option<f64>,
}

/// Ranks the sections of a pack whose items are tagged "current",
/// "potential" (the gain: time or effort automation would save), "stability"
/// and "oversight": automate first where there is much to gain, little is
/// automated yet, the work is stable and people can check the result. Each
/// answer is mapped from its lowest to its highest level onto 0-1, and
///
/// priority = 100 × gain × (1 − current) × (0.5 + 0.5 × oversight) × (0.5 + 0.5 × stability)
///
/// so a manual stage with a large gain, stable inputs and strong checks
/// scores 100, and the same stage with no checks and changing inputs 25. A
/// section needs an answer on potential to be ranked; a missing current
/// state counts as manual, missing oversight and stability as none (the
/// cautious reading).
pub fn automation_priorities(pack: &Pack, answers: &Answers) -> Vec<StagePriority> {
    let norm = |item: &Item| match answers.get(&item.id) {
        Some(Answer::Level(v)) if item.level(*v).is_some() => {
            let (lo, hi) = item.range();
            Some((v - lo) / (hi - lo))
        }
        _ => None,
    };
    let mut out: Vec<StagePriority> = pack
        .shown_sections(answers)
        .into_iter()
        .filter_map(|s| {
            let tagged = |tag: &str| {
                s.items
                    .iter()
                    .filter(|i| i.tag.as_deref() == Some(tag))
                    .filter_map(norm)
                    .reduce(f64::max)
            };
            let has_tags = s.items.iter().any(|i| i.tag.is_some());
            if !has_tags {
                return None;
            }
            let (current, potential, oversight, stability) = (
                tagged("current"),
                tagged("potential"),
                tagged("oversight"),
                tagged("stability"),
            );
            let p = potential?;
            let priority = 100.0
                * p
                * (1.0 - current.unwrap_or(0.0))
                * (0.5 + 0.5 * oversight.unwrap_or(0.0))
                * if s
                    .items
                    .iter()
                    .any(|i| i.tag.as_deref() == Some("stability"))
                {
                    0.5 + 0.5 * stability.unwrap_or(0.0)
                } else {
                    1.0
                };
            Some(StagePriority {
                id: s.id.clone(),
                title: s.title.clone(),
                priority,
                current,
                potential,
                oversight,
                stability,
            })
        })
        .collect();
    out.sort_by(|a, b| b.priority.total_cmp(&a.priority).then(a.id.cmp(&b.id)));
    out
}

/// One area in a comparison of two runs.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaChange {
    /// Section id.
    pub id: String,
    /// Section name.
    pub title: String,
    /// 0-100 in the earlier run.
    pub before: Option<f64>,
    /// 0-100 in the later run.
    pub after: Option<f64>,
    /// `after - before`, when both are scored.
    pub change: Option<f64>,
}

/// Compares two runs of a pack area by area, in pack order.
pub fn compare(pack: &Pack, before: &Answers, after: &Answers) -> Vec<AreaChange> {
    let a = score(pack, before);
    let b = score(pack, after);
    let find = |r: &Results, id: &str| {
        r.sections
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.percent)
    };
    pack.sections
        .iter()
        .filter(|s| s.scoring != Scoring::Context)
        .map(|s| {
            let (x, y) = (find(&a, &s.id), find(&b, &s.id));
            AreaChange {
                id: s.id.clone(),
                title: s.title.clone(),
                before: x,
                after: y,
                change: x.zip(y).map(|(x, y)| y - x),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn red_flags_decide_the_verdict_before_scores() {
        let p = pack();
        let v = verdict(
            &p,
            &score(
                &p,
                &answers(&[("a1", L(1.0)), ("a2", L(5.0)), ("b1", L(5.0))]),
            ),
        )
        .unwrap();
        assert_eq!(v.label, "Not ready");
        // Every group answered, the critical item at the top: the first
        // group's band.
        let v = verdict(
            &p,
            &score(
                &p,
                &answers(&[
                    ("a1", L(5.0)),
                    ("a2", L(5.0)),
                    ("a3", L(5.0)),
                    ("b1", L(5.0)),
                    ("c1", L(1.0)),
                    ("d1", L(1.0)),
                ]),
            ),
        )
        .unwrap();
        assert_eq!(v.label, "High");
    }

    #[test]
    fn a_verdict_waits_for_critical_items_and_every_area() {
        let p = pack();
        let v = verdict(&p, &score(&p, &Answers::new())).unwrap();
        assert_eq!(v.label, INCOMPLETE);
        // The critical a1 skipped: no verdict, and it is named.
        let mut a = answers(&[("a2", L(5.0)), ("c1", L(1.0)), ("d1", L(1.0))]);
        let v = verdict(&p, &score(&p, &a)).unwrap();
        assert_eq!(v.label, INCOMPLETE);
        assert_eq!(v.missing, ["A one"]);
        assert!(v.reason.contains("A one"), "{}", v.reason);
        // Answered, but section d of the second group has no answer yet.
        a.insert("a1".into(), L(5.0));
        a.remove("d1");
        let v = verdict(&p, &score(&p, &a)).unwrap();
        assert_eq!(v.label, INCOMPLETE);
        assert!(v.reason.contains("D"), "{}", v.reason);
        a.insert("d1".into(), L(0.0));
        // Section b, shown by a2 = 5, has no answer yet either.
        assert!(verdict(&p, &score(&p, &a)).unwrap().reason.contains(": B."));
        a.insert("b1".into(), L(5.0));
        assert_eq!(verdict(&p, &score(&p, &a)).unwrap().label, "High");
    }

    #[test]
    fn a_capping_group_limits_the_verdict_and_says_so() {
        let mut p = pack();
        p.groups[1].bands[0].verdict_at_most = Some("Low".into());
        let mut a = answers(&[
            ("a1", L(5.0)),
            ("a2", L(5.0)),
            ("a3", L(5.0)),
            ("b1", L(5.0)),
            ("c1", L(1.0)),
            ("d1", L(0.5)),
        ]);
        // Min group 0.5: band "Research", capped at "Low".
        let v = verdict(&p, &score(&p, &a)).unwrap();
        assert_eq!(v.label, "Low");
        assert!(
            v.reason.starts_with("The Min is the weaker side"),
            "{}",
            v.reason
        );
        a.insert("d1".into(), L(1.0));
        let v = verdict(&p, &score(&p, &a)).unwrap();
        assert_eq!(v.label, "High");
        assert!(
            v.reason.contains("The Min scores 1.0 (Basic)."),
            "{}",
            v.reason
        );
        // A cap must name a band of the first group.
        p.groups[1].bands[0].verdict_at_most = Some("Go".into());
        assert_eq!(
            validate("t.json", &p)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["t.json: group mts: band Research caps the verdict at Go, which is not a band of the first group"]
        );
    }

    #[test]
    fn context_sections_are_asked_but_never_scored() {
        let mut p = pack();
        let mut ctx = p.sections[3].clone();
        ctx.id = "ctx".into();
        ctx.scoring = Scoring::Context;
        ctx.items[0].id = "where".into();
        p.sections.insert(0, ctx);
        assert!(validate("t.json", &p).is_empty());
        let r = score(&p, &answers(&[("a1", L(5.0))]));
        assert!(r.sections.iter().all(|s| s.id != "ctx"));
        assert!(r.unanswered.contains(&("ctx".into(), "where".into())));
        let r = score(&p, &answers(&[("where", L(0.5))]));
        assert!(r.sections.iter().all(|s| s.id != "ctx"));
        assert!(!r.unanswered.iter().any(|(s, _)| s == "ctx"));
        assert!(compare(&p, &Answers::new(), &Answers::new())
            .iter()
            .all(|c| c.id != "ctx"));
        // A group may not score it.
        p.groups[0].sections.push("ctx".into());
        assert_eq!(
            validate("t.json", &p)[0].to_string(),
            "t.json: group all: names ctx, a context section, which is never scored"
        );
    }

    #[test]
    fn automation_priorities_favour_gain_headroom_and_oversight() {
        let level = |v: f64, l: &str| Level {
            value: v,
            label: l.into(),
            text: format!("We {l}"),
        };
        let item = |id: &str, tag: &str| Item {
            id: id.into(),
            prompt: id.into(),
            help: String::new(),
            weight: 1.0,
            allow_na: true,
            critical: false,
            condition: None,
            tag: Some(tag.into()),
            levels: (1..=5).map(|v| level(v as f64, "x")).collect(),
        };
        let section = |id: &str| Section {
            id: id.into(),
            title: id.to_uppercase(),
            description: String::new(),
            scoring: Scoring::Mean,
            condition: None,
            next_steps: vec![],
            items: vec![
                item(&format!("{id}-current"), "current"),
                item(&format!("{id}-potential"), "potential"),
                item(&format!("{id}-oversight"), "oversight"),
            ],
        };
        let p = Pack {
            id: "auto".into(),
            version: 1,
            title: String::new(),
            intro: String::new(),
            groups: vec![],
            sections: vec![section("data"), section("tuning"), section("deploy")],
            profiles: vec![],
            not_applicable: None,
        };
        let a = answers(&[
            // data: already automated, high potential.
            ("data-current", L(5.0)),
            ("data-potential", L(5.0)),
            ("data-oversight", L(5.0)),
            // tuning: manual, high potential, good oversight.
            ("tuning-current", L(1.0)),
            ("tuning-potential", L(5.0)),
            ("tuning-oversight", L(5.0)),
            // deploy: manual, high potential, no oversight.
            ("deploy-current", L(1.0)),
            ("deploy-potential", L(5.0)),
            ("deploy-oversight", L(1.0)),
        ]);
        let ranked = automation_priorities(&p, &a);
        let order: Vec<_> = ranked.iter().map(|s| (s.id.as_str(), s.priority)).collect();
        assert_eq!(order, [("tuning", 100.0), ("deploy", 50.0), ("data", 0.0)]);
        // With a stability item, an unstable stage counts half; unanswered,
        // stability counts as none (the cautious reading).
        let mut p = p;
        for s in &mut p.sections {
            let mut stab = s.items[1].clone();
            stab.id = format!("{}-stability", s.id);
            stab.tag = Some("stability".into());
            s.items.push(stab);
        }
        let mut b = a.clone();
        b.insert("tuning-stability".into(), L(1.0));
        b.insert("deploy-stability".into(), L(5.0));
        let ranked_b = automation_priorities(&p, &b);
        let order: Vec<_> = ranked_b
            .iter()
            .map(|s| (s.id.as_str(), s.priority))
            .collect();
        // tuning: 100 × 1 × 1 × 1 × 0.5; deploy: 100 × 1 × 1 × 0.5 × 1.
        assert_eq!(order, [("deploy", 50.0), ("tuning", 50.0), ("data", 0.0)]);
        b.insert("tuning-stability".into(), L(3.0));
        // 100 × 1 × 1 × 1 × (0.5 + 0.5 × 0.5) = 75.
        assert_eq!(automation_priorities(&p, &b)[0].priority, 75.0);
        // Without an answer on potential a stage is not ranked.
        assert!(automation_priorities(&p, &answers(&[("data-current", L(1.0))])).is_empty());
    }

    #[test]
    fn compares_two_runs_area_by_area() {
        let p = pack();
        let before = answers(&[("a1", L(1.0)), ("c1", L(1.0))]);
        let after = answers(&[("a1", L(5.0)), ("c1", L(0.5)), ("d1", L(1.0))]);
        let changes = compare(&p, &before, &after);
        let a = changes.iter().find(|c| c.id == "a").unwrap();
        assert_eq!(
            (a.before, a.after, a.change),
            (Some(0.0), Some(100.0), Some(100.0))
        );
        let c = changes.iter().find(|c| c.id == "c").unwrap();
        // Out of both tests shown (c2 unanswered counts as not done): 50%
        // before, 25% after.
        assert_eq!((c.before, c.after), (Some(50.0), Some(25.0)));
        assert_eq!(c.change, Some(-25.0));
        let d = changes.iter().find(|c| c.id == "d").unwrap();
        assert_eq!((d.before, d.change), (None, None));
    }

    const PACK: &str = r#"{
      "id": "t", "version": 1, "title": "T", "intro": "",
      "groups": [
        {"id": "all", "title": "All", "sections": ["a", "b"], "aggregation": "mean",
         "bands": [{"min": 0, "label": "Low", "text": ""}, {"min": 50, "label": "High", "text": ""}]},
        {"id": "mts", "title": "Min", "sections": ["c", "d"], "aggregation": "min",
         "bands": [{"min": 0, "label": "Research", "text": ""}, {"min": 1, "label": "Basic", "text": ""}]}
      ],
      "sections": [
        {"id": "a", "title": "A", "description": "", "scoring": "mean", "items": [
          {"id": "a1", "prompt": "A one", "help": "", "weight": 1, "critical": true,
           "levels": [{"value": 1, "label": "1", "text": "I one"}, {"value": 5, "label": "5", "text": "I five"}]},
          {"id": "a2", "prompt": "", "help": "", "weight": 3, "allow_na": true,
           "levels": [{"value": 1, "label": "1", "text": "I one"}, {"value": 3, "label": "3", "text": "I three"}, {"value": 5, "label": "5", "text": "I five"}]},
          {"id": "a3", "prompt": "", "help": "", "weight": 1, "condition": {"item": "a1", "in": [5]},
           "levels": [{"value": 1, "label": "1", "text": "I one"}, {"value": 5, "label": "5", "text": "I five"}]}
        ]},
        {"id": "b", "title": "B", "description": "", "scoring": "mean", "condition": {"item": "a2", "in": [5]}, "items": [
          {"id": "b1", "prompt": "", "help": "", "weight": 1,
           "levels": [{"value": 1, "label": "1", "text": "I one"}, {"value": 5, "label": "5", "text": "I five"}]}
        ]},
        {"id": "c", "title": "C", "description": "", "scoring": "sum", "items": [
          {"id": "c1", "prompt": "", "help": "", "weight": 1, "levels": [{"value": 0, "label": "No", "text": "We don't"}, {"value": 0.5, "label": "Manual", "text": "We do by hand"}, {"value": 1, "label": "Auto", "text": "We automated"}]},
          {"id": "c2", "prompt": "", "help": "", "weight": 1, "levels": [{"value": 0, "label": "No", "text": "We don't"}, {"value": 0.5, "label": "Manual", "text": "We do by hand"}, {"value": 1, "label": "Auto", "text": "We automated"}]}
        ]},
        {"id": "d", "title": "D", "description": "", "scoring": "sum", "items": [
          {"id": "d1", "prompt": "", "help": "", "weight": 1, "levels": [{"value": 0, "label": "No", "text": "We don't"}, {"value": 0.5, "label": "Manual", "text": "We do by hand"}, {"value": 1, "label": "Auto", "text": "We automated"}]}
        ]}
      ],
      "profiles": [{"id": "p", "label": "P", "targets": {"a": 80, "c": 100}}]
    }"#;

    fn pack() -> Pack {
        load("test.json", PACK).unwrap()
    }

    fn answers(list: &[(&str, Answer)]) -> Answers {
        list.iter().map(|(k, v)| ((*k).to_string(), *v)).collect()
    }

    use Answer::{Level as L, NotApplicable as NA};

    #[test]
    fn weighted_mean_maps_each_scale_onto_0_100() {
        let r = score(&pack(), &answers(&[("a1", L(5.0)), ("a2", L(3.0))]));
        // a1 → 1.0 with weight 1, a2 → 0.5 with weight 3; a3 shown (a1 = 5) but unanswered.
        let a = &r.sections[0];
        assert_eq!(a.score, Some((1.0 + 1.5) / 4.0 * 100.0));
        assert_eq!((a.shown, a.answered), (3, 2));
        assert_eq!(r.unanswered.iter().filter(|(s, _)| s == "a").count(), 1);
    }

    #[test]
    fn not_applicable_and_skips_leave_the_denominator() {
        let r = score(&pack(), &answers(&[("a1", L(5.0)), ("a2", NA)]));
        assert_eq!(r.sections[0].score, Some(100.0));
        assert_eq!(r.sections[0].not_applicable, 1);
        // N/A is refused where it is not allowed: counted as unanswered.
        let r = score(&pack(), &answers(&[("a1", NA)]));
        assert_eq!(r.sections[0].score, None);
        assert!(r.unanswered.contains(&("a".into(), "a1".into())));
    }

    #[test]
    fn conditions_show_items_and_sections_only_for_their_answers() {
        let p = pack();
        let none = Answers::new();
        assert_eq!(p.item_count(&none), 2 + 2 + 1);
        let a = answers(&[("a1", L(5.0)), ("a2", L(5.0))]);
        assert_eq!(p.item_count(&a), 3 + 1 + 2 + 1);
        // An answer to a hidden item does not count.
        let r = score(
            &p,
            &answers(&[("a1", L(1.0)), ("a3", L(5.0)), ("b1", L(5.0))]),
        );
        assert_eq!(r.sections[0].score, Some(0.0));
        assert!(r.sections.iter().all(|s| s.id != "b"));
    }

    #[test]
    fn sum_sections_and_min_groups_follow_the_ml_test_score() {
        let r = score(
            &pack(),
            &answers(&[("c1", L(1.0)), ("c2", L(0.5)), ("d1", L(1.0))]),
        );
        let c = r.sections.iter().find(|s| s.id == "c").unwrap();
        assert_eq!(c.score, Some(1.5));
        assert_eq!(c.percent, Some(75.0));
        // A skipped test counts as not done: one of the two tests shown,
        // done manually (0.5 of 2), is 25%, not a full half.
        let r1 = score(&pack(), &answers(&[("c1", L(0.5))]));
        assert_eq!(
            r1.sections.iter().find(|s| s.id == "c").unwrap().percent,
            Some(25.0)
        );
        let g = r.groups.iter().find(|g| g.id == "mts").unwrap();
        assert_eq!(g.score, Some(1.0));
        assert_eq!(g.band.as_ref().unwrap().label, "Basic");
        // A min group has no score until every section has answers.
        let r = score(&pack(), &answers(&[("c1", L(1.0))]));
        assert_eq!(r.groups[1].score, None);
    }

    #[test]
    fn mean_groups_and_bands() {
        let r = score(
            &pack(),
            &answers(&[
                ("a1", L(5.0)),
                ("a2", L(5.0)),
                ("a3", L(5.0)),
                ("b1", L(1.0)),
            ]),
        );
        let g = &r.groups[0];
        assert_eq!(g.score, Some(50.0));
        assert_eq!(g.band.as_ref().unwrap().label, "High");
    }

    #[test]
    fn critical_items_at_their_lowest_level_are_red_flags() {
        let r = score(&pack(), &answers(&[("a1", L(1.0))]));
        assert_eq!(r.red_flags.len(), 1);
        assert_eq!(r.red_flags[0].item, "a1");
        assert!(score(&pack(), &answers(&[("a1", L(5.0))]))
            .red_flags
            .is_empty());
    }

    #[test]
    fn ranking_and_gaps() {
        let r = score(
            &pack(),
            &answers(&[
                ("a1", L(5.0)),
                ("a2", L(1.0)),
                ("c1", L(1.0)),
                ("c2", L(1.0)),
                ("d1", L(0.0)),
            ]),
        );
        let order: Vec<_> = ranked(&r).iter().map(|s| s.id.as_str()).collect();
        assert_eq!(order, ["c", "a", "d"]);
        let gaps = gaps(&r, &pack().profiles[0]);
        assert_eq!(
            gaps,
            vec![("a".to_string(), 80.0 - 25.0), ("c".to_string(), 0.0)]
        );
    }

    #[test]
    fn growth_areas_follow_the_gap_to_the_target_with_the_next_level_up() {
        let p = pack();
        let a = answers(&[
            ("a1", L(5.0)),
            ("a2", L(1.0)),
            ("c1", L(1.0)),
            ("c2", L(0.0)),
            ("d1", L(0.0)),
        ]);
        let r = score(&p, &a);
        // Scores: a 25, c 50, d 0. Without a target, lowest first.
        let ids = |g: &[GrowthArea]| g.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&growth(&p, &r, &a, None, 3)), ["d", "a", "c"]);
        // Target a 80, c 100: gaps a 55, c 50; d has no target and drops out.
        let g = growth(&p, &r, &a, Some(&p.profiles[0]), 3);
        assert_eq!(ids(&g), ["a", "c"]);
        assert_eq!(g[0].gap, Some(55.0));
        // a1 is at the top; a2 at 1 goes next to 3.
        assert_eq!(
            g[0].next,
            [NextLevel {
                prompt: String::new(),
                from: "1".into(),
                to: "3".into(),
                text: "I three".into(),
            }]
        );
        // c2 (not done) comes before c1 (automated, the top).
        assert_eq!(g[1].next.len(), 1);
        assert_eq!(g[1].next[0].to, "Manual");
        // A target met is no growth area.
        let mut met = p.profiles[0].clone();
        met.targets.insert("a".into(), 20.0);
        assert_eq!(ids(&growth(&p, &r, &a, Some(&met), 3)), ["c"]);
    }

    #[test]
    fn accepts_only_levels_of_the_item() {
        let p = pack();
        assert!(p.accepts("a2", L(3.0)));
        assert!(!p.accepts("a1", L(3.0)));
        assert!(p.accepts("a2", NA));
        assert!(!p.accepts("a1", NA));
        assert!(!p.accepts("zz", L(1.0)));
    }

    fn broken(edit: impl Fn(&mut serde_json::Value)) -> Vec<String> {
        let mut v: serde_json::Value = serde_json::from_str(PACK).unwrap();
        edit(&mut v);
        match load("broken.json", &v.to_string()) {
            Ok(_) => vec![],
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn broken_packs_are_refused_naming_file_and_item() {
        let e = broken(|v| v["sections"][0]["items"][1]["id"] = "a1".into());
        assert_eq!(
            e,
            [
                "broken.json: item a1: duplicate item id",
                "broken.json: section b: its condition points at a2, which is not an earlier item"
            ]
        );
        let e = broken(|v| v["sections"][0]["items"][0]["levels"][1]["text"] = " ".into());
        assert_eq!(e, ["broken.json: item a1: level 5 has no description"]);
        let e = broken(|v| v["sections"][0]["items"][0]["weight"] = 0.into());
        assert_eq!(e, ["broken.json: item a1: weight must be above 0, not 0"]);
        let e = broken(|v| v["sections"][0]["items"][2]["condition"]["item"] = "nope".into());
        assert_eq!(
            e,
            ["broken.json: item a3: its condition points at nope, which is not an earlier item"]
        );
        let e = broken(|v| v["groups"][0]["sections"][0] = "zz".into());
        assert_eq!(e, ["broken.json: group all: names an unknown section zz"]);
        let e = broken(|v| v["sections"][0]["items"][0]["levels"][1]["value"] = 0.into());
        assert_eq!(e, ["broken.json: item a1: level values must rise"]);
        let e = broken(|v| v["profiles"][0]["targets"]["a"] = 120.into());
        assert_eq!(e, ["broken.json: profile p: target for a must be 0 to 100"]);
        let e = load("x.json", "{").unwrap_err();
        assert!(e[0].to_string().starts_with("x.json: not a valid pack"));
    }

    #[test]
    fn sums_are_written_with_one_decimal_and_means_in_whole_points() {
        assert_eq!(score_text(Scoring::Sum, 0.5), "0.5");
        assert_eq!(score_text(Scoring::Sum, 2.5), "2.5");
        assert_eq!(score_text(Scoring::Sum, 3.0), "3.0");
        assert_eq!(score_text(Scoring::Mean, 62.4), "62");
        let p = pack();
        // Section c sums; the "mts" group is the minimum of sums.
        assert_eq!(p.section_score_text("c", 0.5), "0.5");
        assert_eq!(p.group_score_text("mts", 2.5), "2.5");
        let mean_group = p.groups.iter().find(|g| g.id != "mts").unwrap();
        assert_eq!(p.group_score_text(&mean_group.id, 71.6), "72");
    }
}
