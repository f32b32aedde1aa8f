//! A run in progress as the assessment's steps show it: the step line, how
//! many questions are answered, and the review before finishing (which
//! sections still have questions unanswered, and whether the verdict would
//! be "Incomplete"). One step is one section shown for the answers given;
//! the step after the last is the review. The flow's components
//! (`ui::pages::assess::flow`) render these.

use crate::domain::assess::{self, Answer, Answers, Pack, INCOMPLETE};
use crate::domain::run::Note;
use std::collections::BTreeMap;

/// Where a run stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// "Step 2 of 5", or "Step 5 of 5: review" past the last section.
    pub step: String,
    /// Questions answered, of the `total` the answers so far show (a
    /// question a context answer hides is not counted).
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    /// "3 of 12 answered".
    pub fn answered_text(&self) -> String {
        format!("{} of {} answered", self.answered, self.total)
    }
}

/// Where a run on step `step` stands.
pub fn progress(pack: &Pack, answers: &Answers, step: usize) -> Progress {
    let sections = pack.shown_sections(answers).len();
    let steps = sections + 1;
    let step = if step < sections {
        format!("Step {} of {steps}", step + 1)
    } else {
        format!("Step {steps} of {steps}: review")
    };
    let total = pack.item_count(answers);
    let unanswered = assess::score(pack, answers).unanswered.len();
    Progress {
        step,
        answered: total.saturating_sub(unanswered),
        total,
    }
}

/// A section with questions left unanswered, as the review lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unanswered {
    /// The step that shows it.
    pub step: usize,
    /// Its title.
    pub title: String,
    /// The prompts of its unanswered questions, in the pack's order.
    pub prompts: Vec<String>,
}

impl Unanswered {
    /// The button that goes to it: "Go to Data".
    pub fn button(&self) -> String {
        format!("Go to {}", self.title)
    }

    /// What follows the button: " (2 unanswered: first prompt; second)".
    pub fn detail(&self) -> String {
        format!(
            " ({} unanswered: {})",
            self.prompts.len(),
            self.prompts.join("; ")
        )
    }
}

/// The review before finishing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    /// "You answered every question.", or how many are unanswered and that
    /// one can still finish.
    pub summary: String,
    /// The sections with questions unanswered, in step order.
    pub sections: Vec<Unanswered>,
    /// Why the verdict would be "Incomplete", when it would (a pack with
    /// verdicts, critical questions or areas unanswered).
    pub incomplete: Option<String>,
}

/// The review of a run with these answers.
pub fn review(pack: &Pack, answers: &Answers) -> Review {
    let results = assess::score(pack, answers);
    let sections: Vec<Unanswered> = pack
        .shown_sections(answers)
        .iter()
        .enumerate()
        .filter_map(|(step, section)| {
            let prompts: Vec<String> = results
                .unanswered
                .iter()
                .filter(|(s, _)| *s == section.id)
                .filter_map(|(_, item)| pack.item(item).map(|i| i.prompt.clone()))
                .collect();
            (!prompts.is_empty()).then(|| Unanswered {
                step,
                title: section.title.clone(),
                prompts,
            })
        })
        .collect();
    let summary = match results.unanswered.len() {
        0 => "You answered every question.".to_string(),
        1 => "1 question is unanswered. Unanswered questions are left out of your scores; you can still finish.".to_string(),
        n => format!(
            "{n} questions are unanswered. Unanswered questions are left out of your scores; you can still finish."
        ),
    };
    let incomplete = assess::verdict(pack, &results)
        .filter(|v| v.label == INCOMPLETE)
        .map(|v| v.reason);
    Review {
        summary,
        sections,
        incomplete,
    }
}

/// One answer's evidence, as the review and the results list it.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// The title of the question's section.
    pub section: String,
    /// The question.
    pub prompt: String,
    /// The label of the answer given, "Not applicable", or "Not answered".
    pub answer: String,
    /// The note.
    pub text: String,
    /// When it was written, if known (ms since the epoch).
    pub at: Option<f64>,
}

impl Evidence {
    /// "Code · Version control? (5)": the section, the question and the
    /// answer's label.
    pub fn heading(&self) -> String {
        format!("{} · {} ({})", self.section, self.prompt, self.answer)
    }
}

/// An answer as the review, the results and a comparison name it: its
/// level's label, "Not applicable", or "Not answered".
pub fn answer_label(item: &assess::Item, answer: Option<&Answer>) -> String {
    match answer {
        Some(Answer::Level(v)) => item
            .level(*v)
            .map_or_else(|| v.to_string(), |l| l.label.clone()),
        Some(Answer::NotApplicable) => "Not applicable".to_string(),
        None => "Not answered".to_string(),
    }
}

/// The notes of a run in the pack's order, each with its question and the
/// answer it supports. Notes on questions the pack does not have are left
/// out (they are kept with the run).
pub fn evidence(pack: &Pack, answers: &Answers, notes: &BTreeMap<String, Note>) -> Vec<Evidence> {
    if notes.is_empty() {
        return Vec::new();
    }
    pack.sections
        .iter()
        .flat_map(|s| s.items.iter().map(move |i| (s, i)))
        .filter_map(|(s, i)| {
            let note = notes.get(&i.id)?;
            Some(Evidence {
                section: s.title.clone(),
                prompt: i.prompt.clone(),
                answer: answer_label(i, answers.get(&i.id)),
                text: note.text.clone(),
                at: note.at,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assess::{load, Answer::Level as L};

    /// Sections A (two questions, the first critical), B (shown only when
    /// the first question is answered 5) and C (one question).
    const PACK: &str = r#"{
      "id": "t", "version": 1, "title": "T", "intro": "",
      "groups": [
        {"id": "all", "title": "All", "sections": ["a", "b", "c"], "aggregation": "mean",
         "bands": [{"min": 0, "label": "Low", "text": ""}, {"min": 50, "label": "High", "text": ""}]}
      ],
      "sections": [
        {"id": "a", "title": "Code", "description": "", "scoring": "mean", "items": [
          {"id": "a1", "prompt": "Version control?", "help": "", "weight": 1, "critical": true,
           "levels": [{"value": 1, "label": "1", "text": "No"}, {"value": 5, "label": "5", "text": "Yes"}]},
          {"id": "a2", "prompt": "Code review?", "help": "", "weight": 1,
           "levels": [{"value": 1, "label": "1", "text": "No"}, {"value": 5, "label": "5", "text": "Yes"}]}
        ]},
        {"id": "b", "title": "Mentoring", "description": "", "scoring": "mean", "condition": {"item": "a1", "in": [5]}, "items": [
          {"id": "b1", "prompt": "Mentor others?", "help": "", "weight": 1,
           "levels": [{"value": 1, "label": "1", "text": "No"}, {"value": 5, "label": "5", "text": "Yes"}]}
        ]},
        {"id": "c", "title": "Tests", "description": "", "scoring": "mean", "items": [
          {"id": "c1", "prompt": "Write tests?", "help": "", "weight": 1,
           "levels": [{"value": 1, "label": "1", "text": "No"}, {"value": 5, "label": "5", "text": "Yes"}]}
        ]}
      ]
    }"#;

    fn answers(list: &[(&str, f64)]) -> Answers {
        list.iter()
            .map(|(k, v)| ((*k).to_string(), L(*v)))
            .collect()
    }

    #[test]
    fn the_steps_are_the_sections_shown_then_the_review() {
        let pack = load("t.json", PACK).unwrap();
        // Nothing answered: A and C shown (B waits for a1 = 5), so two steps
        // and the review; three questions, none answered.
        let p = progress(&pack, &Answers::new(), 0);
        assert_eq!(p.step, "Step 1 of 3");
        assert_eq!(p.answered_text(), "0 of 3 answered");
        // a1 = 5 shows B: three sections, four questions, one answered.
        let a = answers(&[("a1", 5.0)]);
        assert_eq!(progress(&pack, &a, 1).step, "Step 2 of 4");
        assert_eq!(progress(&pack, &a, 3).step, "Step 4 of 4: review");
        // A step past the end (B hidden again) is the review.
        assert_eq!(
            progress(&pack, &Answers::new(), 3).step,
            "Step 3 of 3: review"
        );
        assert_eq!(progress(&pack, &a, 3).answered_text(), "1 of 4 answered");
    }

    #[test]
    fn evidence_is_listed_in_the_pack_s_order_with_the_answer_it_supports() {
        let pack = load("t.json", PACK).unwrap();
        let mut run = crate::domain::run::Run::new("t", 1);
        run.answers = answers(&[("a1", 5.0), ("c1", 1.0)]);
        run.set_note("c1", "no tests yet", 2.0);
        run.set_note("a2", "reviews on every PR", 3.0);
        run.set_note("a1", "git since 2019", 1.0);
        run.set_note("gone", "a question the pack dropped", 4.0);
        let e = evidence(&pack, &run.answers, &run.notes);
        let lines: Vec<(String, &str)> = e.iter().map(|e| (e.heading(), e.text.as_str())).collect();
        assert_eq!(
            lines,
            [
                ("Code · Version control? (5)".to_string(), "git since 2019"),
                (
                    "Code · Code review? (Not answered)".to_string(),
                    "reviews on every PR"
                ),
                ("Tests · Write tests? (1)".to_string(), "no tests yet"),
            ]
        );
        assert_eq!(e[0].at, Some(1.0));
        assert!(evidence(&pack, &run.answers, &BTreeMap::new()).is_empty());
    }

    #[test]
    fn the_review_lists_each_section_s_unanswered_questions_at_its_step() {
        let pack = load("t.json", PACK).unwrap();
        // a1 = 5 and b1 answered: a2 (step 1, Code) and c1 (step 3, Tests)
        // are left.
        let r = review(&pack, &answers(&[("a1", 5.0), ("b1", 1.0)]));
        assert_eq!(
            r.summary,
            "2 questions are unanswered. Unanswered questions are left out of your scores; you can still finish."
        );
        let steps: Vec<(usize, &str)> = r
            .sections
            .iter()
            .map(|s| (s.step, s.title.as_str()))
            .collect();
        assert_eq!(steps, [(0, "Code"), (2, "Tests")]);
        assert_eq!(r.sections[0].button(), "Go to Code");
        assert_eq!(r.sections[0].detail(), " (1 unanswered: Code review?)");
        // Tests has no answer at all: no verdict yet, and it is named.
        let why = r.incomplete.expect("incomplete");
        assert!(why.contains("Tests"), "{why}");

        // Only a2 left: the sentence is singular, and with every area
        // answered and a1, the critical question, too, there is a verdict.
        let r = review(&pack, &answers(&[("a1", 5.0), ("b1", 1.0), ("c1", 5.0)]));
        assert!(
            r.summary.starts_with("1 question is unanswered."),
            "{}",
            r.summary
        );
        assert_eq!(r.incomplete, None);

        // Nothing answered: both shown sections listed, and the verdict
        // would be incomplete, naming the critical question.
        let r = review(&pack, &Answers::new());
        assert_eq!(
            r.sections[0].detail(),
            " (2 unanswered: Version control?; Code review?)"
        );
        let why = r.incomplete.expect("incomplete");
        assert!(why.contains("Version control?"), "{why}");

        let all = answers(&[("a1", 5.0), ("a2", 5.0), ("b1", 5.0), ("c1", 5.0)]);
        let r = review(&pack, &all);
        assert_eq!(r.summary, "You answered every question.");
        assert!(r.sections.is_empty());
        assert_eq!(r.incomplete, None);
    }
}
