//! An assessment's results as the results page shows them: the target
//! chosen, the table of areas with the gap to the target, the figures of the
//! groups, the context answers, the text equivalent of the radar, the
//! strengths, the headings of the growth areas and of the stages to
//! automate first. The results components (`ui::pages::assess`) render
//! these and decide nothing.

use crate::domain::assess::{
    ranked, Answer, Answers, GrowthArea, Pack, Profile, Results, Scoring, StagePriority,
};
use std::collections::BTreeMap;

/// The id under which a run keeps "My own targets" as its chosen profile.
pub const OWN_TARGETS: &str = "custom";

/// The profile a run compares with: one of the pack's, by id, or the
/// person's own targets ([`OWN_TARGETS`]); none for an id the pack does not
/// have (a profile since removed).
pub fn chosen_profile(
    pack: &Pack,
    id: Option<&str>,
    own: &BTreeMap<String, f64>,
) -> Option<Profile> {
    match id? {
        OWN_TARGETS => Some(Profile {
            id: OWN_TARGETS.into(),
            label: "My own targets".into(),
            targets: own.clone(),
            description: String::new(),
            source: String::new(),
        }),
        id => pack.profiles.iter().find(|p| p.id == id).cloned(),
    }
}

/// Whether `id` names a profile a run of `pack` can choose.
pub fn is_choosable(pack: &Pack, id: &str) -> bool {
    id == OWN_TARGETS || pack.profiles.iter().any(|p| p.id == id)
}

/// What is left to reach a target, in the table's "Gap" column: "12 to go"
/// (rounded to a whole point), "met" within half a point, and "—" when the
/// area has no target or no score.
pub fn gap_text(target: Option<f64>, percent: Option<f64>) -> String {
    match target.zip(percent).map(|(t, p)| t - p) {
        None => "—".into(),
        Some(gap) if gap > 0.5 => format!("{gap:.0} to go"),
        Some(_) => "met".into(),
    }
}

/// One row of the table of areas.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRow {
    pub title: String,
    /// The score as the pack writes it ("62", "3.5" for a sum), or "no
    /// answers".
    pub score: String,
    /// The bar's length, 0-100.
    pub bar: f64,
    /// "4 of 6": items answered (with a level or "not applicable") of those
    /// shown.
    pub answered: String,
    /// With a target: the target ("70", or "—") and the gap ([`gap_text`]).
    pub target: Option<(String, String)>,
}

/// The table of areas, in the pack's order.
pub fn area_rows(pack: &Pack, results: &Results, target: Option<&Profile>) -> Vec<AreaRow> {
    results
        .sections
        .iter()
        .map(|s| AreaRow {
            title: s.title.clone(),
            score: s
                .score
                .map_or("no answers".into(), |v| pack.section_score_text(&s.id, v)),
            bar: s.percent.unwrap_or(0.0).clamp(0.0, 100.0),
            answered: format!("{} of {}", s.answered + s.not_applicable, s.shown),
            target: target.map(|t| {
                let goal = t.targets.get(&s.id).copied();
                (
                    goal.map_or("—".into(), |g| format!("{g:.0}")),
                    gap_text(goal, s.percent),
                )
            }),
        })
        .collect()
}

/// The radar's text equivalent: every area's 0-100 score.
pub fn radar_description(results: &Results) -> String {
    let parts: Vec<String> = results
        .sections
        .iter()
        .map(|s| {
            let score = s.percent.map_or("not scored".into(), |p| format!("{p:.0}"));
            format!("{} {score}", s.title)
        })
        .collect();
    format!(
        "Radar chart of scores by area, 0 to 100: {}.",
        parts.join("; ")
    )
}

/// A group's figure: its name, its score as the pack writes it (or why it
/// has none), and its band's name and meaning.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupFigure {
    pub title: String,
    pub score: String,
    pub band: Option<(String, String)>,
}

/// The figures of the pack's groups, in its order.
pub fn group_figures(pack: &Pack, results: &Results) -> Vec<GroupFigure> {
    results
        .groups
        .iter()
        .map(|g| GroupFigure {
            title: g.title.clone(),
            score: g.score.map_or(
                "Not scored: some sections have no answers".to_string(),
                |s| pack.group_score_text(&g.id, s),
            ),
            band: g.band.as_ref().map(|b| (b.label.clone(), b.text.clone())),
        })
        .collect()
}

/// The context questions answered (the project's stage, the scope of one's
/// work): asked, not scored, shown with the results they frame, as (prompt,
/// the answer's label).
pub fn context_answers(pack: &Pack, answers: &Answers) -> Vec<(String, String)> {
    pack.sections
        .iter()
        .filter(|s| s.scoring == Scoring::Context)
        .flat_map(|s| &s.items)
        .filter_map(|i| match answers.get(&i.id) {
            Some(Answer::Level(v)) => i.level(*v).map(|l| (i.prompt.clone(), l.label.clone())),
            _ => None,
        })
        .collect()
}

/// The three highest-scoring areas, "Title (82)".
pub fn strengths(results: &Results) -> Vec<String> {
    ranked(results)
        .iter()
        .take(3)
        .map(|s| format!("{} ({:.0})", s.title, s.percent.unwrap_or(0.0)))
        .collect()
}

/// How many growth areas to list among `scored` scored areas: three with a
/// target (only those below it are listed); without one, the lowest scores,
/// at most three and never an area already listed as one of the three
/// strengths, but at least one while anything is scored.
pub fn growth_count(scored: usize, with_target: bool) -> usize {
    if with_target {
        return 3;
    }
    3.min(scored.saturating_sub(3)).max(scored.min(1))
}

/// A growth area's heading: "Title (45)", and with a target "Title (45, 25
/// below the target)".
pub fn growth_heading(area: &GrowthArea) -> String {
    match area.gap {
        Some(g) => format!(
            "{} ({:.0}, {:.0} below the target)",
            area.title, area.percent, g
        ),
        None => format!("{} ({:.0})", area.title, area.percent),
    }
}

/// A stage to automate first: its heading ("Title (priority 42 of 100)")
/// and the line of its four factors, each a percent or "not answered".
pub fn priority_lines(p: &StagePriority) -> (String, String) {
    let show =
        |v: Option<f64>| v.map_or("not answered".to_string(), |v| format!("{:.0}%", v * 100.0));
    (
        format!("{} (priority {:.0} of 100)", p.title, p.priority),
        format!(
            "Gain {}, already automated {}, stability {}, oversight {}.",
            show(p.potential),
            show(p.current),
            show(p.stability),
            show(p.oversight),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assess::{score, SectionScore};
    use crate::domain::packs;

    fn section(id: &str, percent: Option<f64>, answered: usize, shown: usize) -> SectionScore {
        SectionScore {
            id: id.into(),
            title: id.to_uppercase(),
            shown,
            answered,
            not_applicable: 0,
            score: percent,
            percent,
        }
    }

    fn results(sections: Vec<SectionScore>) -> Results {
        Results {
            sections,
            groups: Vec::new(),
            red_flags: Vec::new(),
            unanswered: Vec::new(),
        }
    }

    #[test]
    fn the_gap_is_what_is_left_to_the_target_and_met_within_half_a_point() {
        assert_eq!(gap_text(Some(70.0), Some(45.0)), "25 to go");
        assert_eq!(gap_text(Some(70.0), Some(69.6)), "met");
        assert_eq!(gap_text(Some(70.0), Some(69.4)), "1 to go");
        assert_eq!(gap_text(Some(50.0), Some(80.0)), "met");
        assert_eq!(gap_text(None, Some(80.0)), "—");
        assert_eq!(gap_text(Some(50.0), None), "—");
    }

    #[test]
    fn rows_show_scores_answers_and_the_gap_to_the_chosen_target() {
        let pack = packs::SKILLS.load().unwrap();
        let r = results(vec![
            section("technical", Some(62.0), 6, 8),
            section("operations", None, 0, 6),
        ]);
        let plain = area_rows(&pack, &r, None);
        assert_eq!(
            plain[0],
            AreaRow {
                title: "TECHNICAL".into(),
                score: "62".into(),
                bar: 62.0,
                answered: "6 of 8".into(),
                target: None,
            }
        );
        assert_eq!(plain[1].score, "no answers");
        assert_eq!(plain[1].bar, 0.0);
        // Own targets: 75 for technical, none for operations.
        let own = BTreeMap::from([("technical".to_string(), 75.0)]);
        let mine = chosen_profile(&pack, Some(OWN_TARGETS), &own).unwrap();
        assert_eq!(mine.label, "My own targets");
        let rows = area_rows(&pack, &r, Some(&mine));
        assert_eq!(rows[0].target, Some(("75".into(), "13 to go".into())));
        assert_eq!(rows[1].target, Some(("—".into(), "—".into())));
    }

    #[test]
    fn a_profile_is_the_packs_or_ones_own_and_a_removed_one_is_none() {
        let pack = packs::SKILLS.load().unwrap();
        let none = BTreeMap::new();
        let senior = chosen_profile(&pack, Some("senior"), &none).unwrap();
        assert_eq!(senior.id, "senior");
        assert!(!senior.targets.is_empty());
        assert_eq!(chosen_profile(&pack, Some("wizard"), &none), None);
        assert_eq!(chosen_profile(&pack, None, &none), None);
        assert!(is_choosable(&pack, "senior"));
        assert!(is_choosable(&pack, OWN_TARGETS));
        assert!(!is_choosable(&pack, "wizard"));
    }

    #[test]
    fn the_radar_is_described_area_by_area() {
        let r = results(vec![
            section("a", Some(62.4), 1, 1),
            section("b", None, 0, 1),
        ]);
        assert_eq!(
            radar_description(&r),
            "Radar chart of scores by area, 0 to 100: A 62; B not scored."
        );
    }

    #[test]
    fn strengths_are_the_top_three_and_growth_never_repeats_one() {
        let r = results(vec![
            section("a", Some(40.0), 1, 1),
            section("b", Some(90.0), 1, 1),
            section("c", Some(70.0), 1, 1),
            section("d", Some(80.0), 1, 1),
        ]);
        assert_eq!(strengths(&r), ["B (90)", "D (80)", "C (70)"]);
        // Four areas: three are strengths, so one growth area (A).
        assert_eq!(growth_count(4, false), 1);
        assert_eq!(growth_count(9, false), 3);
        assert_eq!(growth_count(2, false), 1);
        assert_eq!(growth_count(0, false), 0);
        assert_eq!(growth_count(2, true), 3);
    }

    #[test]
    fn context_answers_and_group_figures_come_from_the_pack() {
        let pack = packs::SKILLS.load().unwrap();
        let answers = Answers::from([
            ("scope".to_string(), Answer::Level(2.0)),
            ("nowhere".to_string(), Answer::Level(2.0)),
        ]);
        let context = context_answers(&pack, &answers);
        assert_eq!(context.len(), 1);
        assert_eq!(context[0].1, "My team");
        // Nothing answered: the overall group says why it has no score.
        let groups = group_figures(&pack, &score(&pack, &Answers::new()));
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].score, "Not scored: some sections have no answers");
        assert_eq!(groups[0].band, None);
    }

    #[test]
    fn headings_of_growth_areas_and_stages() {
        let area = GrowthArea {
            id: "a".into(),
            title: "Operations".into(),
            percent: 45.0,
            gap: Some(25.0),
            next: Vec::new(),
        };
        assert_eq!(
            growth_heading(&area),
            "Operations (45, 25 below the target)"
        );
        let area = GrowthArea { gap: None, ..area };
        assert_eq!(growth_heading(&area), "Operations (45)");
        let stage = StagePriority {
            id: "s".into(),
            title: "Data labelling".into(),
            priority: 42.4,
            current: Some(0.25),
            potential: Some(0.75),
            oversight: None,
            stability: Some(0.5),
        };
        assert_eq!(
            priority_lines(&stage),
            (
                "Data labelling (priority 42 of 100)".to_string(),
                "Gain 75%, already automated 25%, stability 50%, oversight not answered."
                    .to_string()
            )
        );
    }
}
