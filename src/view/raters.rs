//! Two ratings of one person or project side by side: a run and the rating
//! it was added to (`Run::other`), as the results show them.
//!
//! The gap on a question is counted in levels of its scale, first rating
//! minus second: "+2" means the first rater chose two levels above the
//! second (the sign 360-degree reports use for self minus manager). A gap
//! exists only where both chose a level; "Not applicable" or no answer on
//! either side is shown, not counted. Questions two levels or more apart
//! are the ones to discuss and come first, the widest first; the rest follow
//! in the pack's order. The mean gap over every question both rated tells a
//! general leniency (people rate themselves higher than their managers do,
//! on average) from a disagreement on one question.

use crate::domain::assess::{self, Answer, Item, Pack, Results};
use crate::domain::run::Run;

/// A gap of this many levels or more is one to discuss.
pub const DISCUSS: i32 = 2;

/// One rater's answer to a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// The level's label, "Not applicable" or "Not answered".
    pub answer: String,
    /// The level's text (what it means), when a level was chosen.
    pub text: String,
    /// The rater's evidence note, if any.
    pub note: Option<String>,
}

/// A question as two raters answered it.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub section: String,
    pub prompt: String,
    pub first: Side,
    pub second: Side,
    /// First minus second, in levels; `None` unless both chose a level.
    pub gap: Option<i32>,
}

impl Difference {
    /// Whether the two are [`DISCUSS`] levels apart or more.
    pub fn discuss(&self) -> bool {
        self.gap.is_some_and(|g| g.abs() >= DISCUSS)
    }

    /// "+2", "-1", "0", or "–" when there is no gap.
    pub fn gap_text(&self) -> String {
        match self.gap {
            Some(g) if g > 0 => format!("+{g}"),
            Some(g) => g.to_string(),
            None => "–".to_string(),
        }
    }
}

/// Two ratings compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The raters' labels: "Self", "Manager (Bo)".
    pub first: String,
    pub second: String,
    /// Every question either answered or noted, those to discuss first.
    pub items: Vec<Difference>,
    /// Each area's score by the first and the second rater, as written
    /// ("72", "–" when unscored).
    pub areas: Vec<(String, String, String)>,
}

impl Comparison {
    /// The questions both rated at a level.
    fn gaps(&self) -> impl Iterator<Item = i32> + '_ {
        self.items.iter().filter_map(|d| d.gap)
    }

    /// The questions the two did not rate at the same level (apart, or not
    /// both at a level), in order, then those they did: the table lists the
    /// first, a folded list the second.
    pub fn differ_then_agree(&self) -> (Vec<&Difference>, Vec<&Difference>) {
        self.items.iter().partition(|d| d.gap != Some(0))
    }

    /// How many questions are [`DISCUSS`] levels apart or more.
    pub fn to_discuss(&self) -> usize {
        self.items.iter().filter(|d| d.discuss()).count()
    }

    /// What the comparison finds, in two sentences: how many questions
    /// both rated and how far apart, then the mean gap.
    pub fn summary(&self) -> String {
        let both = self.gaps().count();
        if both == 0 {
            return format!(
                "{} and {} rated no question both at a level, so there is nothing to compare yet.",
                self.first, self.second
            );
        }
        let apart = self.to_discuss();
        let one = self.gaps().filter(|g| g.abs() == 1).count();
        let same = self.gaps().filter(|g| *g == 0).count();
        let mean = self.gaps().map(f64::from).sum::<f64>() / both as f64;
        let questions = |n: usize| {
            if n == 1 {
                "1 question".to_string()
            } else {
                format!("{n} questions")
            }
        };
        let offset = if mean.abs() < 0.05 {
            format!(
                "On average, {} and {} rate at the same level.",
                self.first, self.second
            )
        } else {
            format!(
                "On average, {} rates {:.1} levels {} {}.",
                self.first,
                mean.abs(),
                if mean > 0.0 { "above" } else { "below" },
                self.second
            )
        };
        format!(
            "Both rated {}: two levels or more apart on {} (listed first), one level apart on {}, the same on {}. {offset}",
            questions(both),
            apart,
            one,
            same
        )
    }
}

/// `run`'s score in each area of `results` (another run's), in the same
/// order: a second outline on the same radar.
pub fn scores_by_area(pack: &Pack, results: &Results, run: &Run) -> Vec<Option<f64>> {
    let theirs = assess::score(pack, &run.answers);
    results
        .sections
        .iter()
        .map(|s| {
            theirs
                .sections
                .iter()
                .find(|t| t.id == s.id)
                .and_then(|t| t.percent)
        })
        .collect()
}

/// The text equivalent of a radar with two outlines: each area's score by
/// the first rater (`theirs`, in `results`' order) and by the second
/// (`results`, this run's).
pub fn radar_description(
    results: &Results,
    first: &str,
    theirs: &[Option<f64>],
    second: &str,
) -> String {
    let written = |p: Option<f64>| p.map_or("not scored".to_string(), |p| format!("{p:.0}"));
    let parts: Vec<String> = results
        .sections
        .iter()
        .zip(theirs)
        .map(|(s, t)| format!("{} {} and {}", s.title, written(*t), written(s.percent)))
        .collect();
    format!(
        "Radar chart of scores by area, 0 to 100, by {first} and by {second}: {}.",
        parts.join("; ")
    )
}

fn side(item: &Item, run: &Run) -> (Side, Option<usize>) {
    let given = run.answers.get(&item.id);
    let index = match given {
        Some(Answer::Level(v)) => item.levels.iter().position(|l| (l.value - v).abs() < 1e-9),
        _ => None,
    };
    let answer = super::flow::answer_label(item, given);
    let text = index.map_or_else(String::new, |i| item.levels[i].text.clone());
    let note = run.notes.get(&item.id).map(|n| n.text.clone());
    (Side { answer, text, note }, index)
}

/// `first` and `second`, two ratings of `pack`, side by side.
pub fn compare(pack: &Pack, first: &Run, second: &Run) -> Comparison {
    let rated = |r: &Run, id: &str| r.answers.contains_key(id) || r.notes.contains_key(id);
    let mut items: Vec<Difference> = pack
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(move |i| (s, i)))
        .filter(|(_, i)| rated(first, &i.id) || rated(second, &i.id))
        .map(|(s, i)| {
            let (a, x) = side(i, first);
            let (b, y) = side(i, second);
            let gap = x.zip(y).map(|(x, y)| x as i32 - y as i32);
            Difference {
                section: s.title.clone(),
                prompt: i.prompt.clone(),
                first: a,
                second: b,
                gap,
            }
        })
        .collect();
    // Stable: pack order within the same width of gap.
    items.sort_by_key(|d| {
        if d.discuss() {
            -d.gap.unwrap_or(0).abs()
        } else {
            0
        }
    });
    let (a, b) = (
        assess::score(pack, &first.answers),
        assess::score(pack, &second.answers),
    );
    let written = |p: Option<f64>| p.map_or("–".to_string(), |p| format!("{p:.0}"));
    let areas = a
        .sections
        .iter()
        .map(|s| {
            let other = b
                .sections
                .iter()
                .find(|t| t.id == s.id)
                .and_then(|t| t.percent);
            (s.title.clone(), written(s.percent), written(other))
        })
        .collect();
    Comparison {
        first: first.rater.label(),
        second: second.rater.label(),
        items,
        areas,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assess::load;
    use crate::domain::run::{Rater, Role};

    /// Two areas; every question on a 1-5 scale but the last, yes or no.
    const PACK: &str = r#"{
      "id": "t", "version": 1, "title": "T", "intro": "",
      "groups": [
        {"id": "all", "title": "All", "sections": ["a", "b"], "aggregation": "mean",
         "bands": [{"min": 0, "label": "Low", "text": ""}]}
      ],
      "sections": [
        {"id": "a", "title": "Code", "description": "", "scoring": "mean", "items": [
          {"id": "a1", "prompt": "Tests?", "help": "", "weight": 1, "allow_na": true,
           "levels": [{"value": 1, "label": "L1", "text": "None"}, {"value": 2, "label": "L2", "text": "Some"},
                      {"value": 3, "label": "L3", "text": "Most"}, {"value": 4, "label": "L4", "text": "All"},
                      {"value": 5, "label": "L5", "text": "Taught"}]},
          {"id": "a2", "prompt": "Reviews?", "help": "", "weight": 1,
           "levels": [{"value": 1, "label": "L1", "text": "None"}, {"value": 2, "label": "L2", "text": "Some"},
                      {"value": 3, "label": "L3", "text": "Most"}, {"value": 4, "label": "L4", "text": "All"},
                      {"value": 5, "label": "L5", "text": "Taught"}]}
        ]},
        {"id": "b", "title": "Ops", "description": "", "scoring": "mean", "items": [
          {"id": "b1", "prompt": "On call?", "help": "", "weight": 1,
           "levels": [{"value": 1, "label": "L1", "text": "None"}, {"value": 2, "label": "L2", "text": "Some"},
                      {"value": 3, "label": "L3", "text": "Most"}, {"value": 4, "label": "L4", "text": "All"},
                      {"value": 5, "label": "L5", "text": "Taught"}]},
          {"id": "b2", "prompt": "Runbooks?", "help": "", "weight": 1,
           "levels": [{"value": 0, "label": "No", "text": "None"}, {"value": 1, "label": "Yes", "text": "Kept"}]}
        ]}
      ]
    }"#;

    fn run(role: Role, answers: &[(&str, Answer)]) -> Run {
        let mut r = Run::new("t", 1);
        r.rater = Rater {
            role,
            name: String::new(),
        };
        r.answers = answers
            .iter()
            .map(|(k, a)| ((*k).to_string(), *a))
            .collect();
        r
    }

    use Answer::{Level as L, NotApplicable as Na};

    #[test]
    fn questions_two_levels_apart_come_first_widest_first() {
        let pack = load("t.json", PACK).unwrap();
        // Self: a1 5, a2 4, b1 2, b2 yes. Manager: a1 2 (+3), a2 2 (+2),
        // b1 3 (-1), b2 yes (0).
        let mut own = run(
            Role::Subject,
            &[
                ("a1", L(5.0)),
                ("a2", L(4.0)),
                ("b1", L(2.0)),
                ("b2", L(1.0)),
            ],
        );
        own.set_note("a2", "I review every PR", 1.0);
        let mut manager = run(
            Role::Manager,
            &[
                ("a1", L(2.0)),
                ("a2", L(2.0)),
                ("b1", L(3.0)),
                ("b2", L(1.0)),
            ],
        );
        manager.rater.name = "Bo".into();
        manager.set_note("a2", "Reviews are rubber stamps", 2.0);
        let c = compare(&pack, &own, &manager);
        let order: Vec<(&str, String, bool)> = c
            .items
            .iter()
            .map(|d| (d.prompt.as_str(), d.gap_text(), d.discuss()))
            .collect();
        assert_eq!(
            order,
            [
                ("Tests?", "+3".to_string(), true),
                ("Reviews?", "+2".to_string(), true),
                ("On call?", "-1".to_string(), false),
                ("Runbooks?", "0".to_string(), false),
            ]
        );
        assert_eq!(c.to_discuss(), 2);
        let (differ, agree) = c.differ_then_agree();
        let prompts = |l: &[&Difference]| l.iter().map(|d| d.prompt.clone()).collect::<Vec<_>>();
        assert_eq!(prompts(&differ), ["Tests?", "Reviews?", "On call?"]);
        assert_eq!(prompts(&agree), ["Runbooks?"]);
        let reviews = &c.items[1];
        assert_eq!(
            (reviews.first.answer.as_str(), reviews.first.text.as_str()),
            ("L4", "All")
        );
        assert_eq!(
            reviews.second.note.as_deref(),
            Some("Reviews are rubber stamps")
        );
        assert_eq!(reviews.first.note.as_deref(), Some("I review every PR"));
        // Gaps +3, +2, -1, 0: a mean of 1.0 level.
        assert_eq!(
            c.summary(),
            "Both rated 4 questions: two levels or more apart on 2 (listed first), one level apart on 1, the same on 1. On average, Self rates 1.0 levels above Manager (Bo)."
        );
        // Code: self (100 + 75) / 2 = 87.5, written 88; manager (25 + 25) / 2
        // = 25. Ops: self (25 + 100) / 2 = 62.5 → 62 (half to even); manager
        // (50 + 100) / 2 = 75.
        assert_eq!(
            c.areas,
            [
                ("Code".to_string(), "88".to_string(), "25".to_string()),
                ("Ops".to_string(), "62".to_string(), "75".to_string()),
            ]
        );
        let own_results = assess::score(&pack, &own.answers);
        assert_eq!(
            scores_by_area(&pack, &own_results, &manager),
            [Some(25.0), Some(75.0)]
        );
        // The radar as text, this run (Self) second.
        let managers = assess::score(&pack, &manager.answers);
        assert_eq!(
            radar_description(&own_results, "Manager (Bo)", &scores_by_area(&pack, &own_results, &manager), "Self"),
            "Radar chart of scores by area, 0 to 100, by Manager (Bo) and by Self: Code 25 and 88; Ops 75 and 62."
        );
        assert_eq!(managers.sections[0].percent, Some(25.0));
    }

    #[test]
    fn not_applicable_or_unanswered_is_shown_but_has_no_gap() {
        let pack = load("t.json", PACK).unwrap();
        let own = run(Role::Subject, &[("a1", Na), ("b1", L(1.0))]);
        let mut peer = run(Role::Peer, &[("a1", L(3.0))]);
        peer.set_note("b2", "never saw one", 1.0);
        let c = compare(&pack, &own, &peer);
        let rows: Vec<(&str, &str, &str, String)> = c
            .items
            .iter()
            .map(|d| {
                (
                    d.prompt.as_str(),
                    d.first.answer.as_str(),
                    d.second.answer.as_str(),
                    d.gap_text(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Tests?", "Not applicable", "L3", "–".to_string()),
                ("On call?", "L1", "Not answered", "–".to_string()),
                ("Runbooks?", "Not answered", "Not answered", "–".to_string()),
            ]
        );
        assert_eq!(
            c.summary(),
            "Self and Peer rated no question both at a level, so there is nothing to compare yet."
        );
        // One question, the same level: singular, and no offset.
        let c = compare(
            &pack,
            &run(Role::Subject, &[("a1", L(2.0))]),
            &run(Role::Manager, &[("a1", L(2.0))]),
        );
        assert_eq!(
            c.summary(),
            "Both rated 1 question: two levels or more apart on 0 (listed first), one level apart on 0, the same on 1. On average, Self and Manager rate at the same level."
        );
    }
}
