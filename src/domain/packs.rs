//! The assessment packs shipped with Sextant, compiled in from `assessments/`.

use super::assess::{self, Pack, PackError};
use super::kinds::AssessmentKind;

/// A pack shipped with Sextant: its assessment, file name and text.
#[derive(Clone, Copy, Debug)]
pub struct Shipped {
    pub kind: AssessmentKind,
    pub file: &'static str,
    pub text: &'static str,
}

impl Shipped {
    /// Parses and validates the pack.
    pub fn load(&self) -> Result<Pack, Vec<PackError>> {
        assess::load(self.file, self.text)
    }
}

/// The packs, each named once: its constant, `file_of`, `shipped` and
/// `SHIPPED` come from the one list.
macro_rules! shipped_packs {
    ($($name:ident: $kind:ident => $file:literal,)*) => {
        // One constant a pack, so that code naming one pack carries only
        // that pack's text: the release build moves each into the module of
        // its page.
        $(
            pub const $name: Shipped = Shipped {
                kind: AssessmentKind::$kind,
                file: $file,
                // Compacted by build.rs from the file of that name.
                text: include_str!(concat!(env!("OUT_DIR"), "/", $file)),
            };
        )*

        /// The file name of an assessment's pack (without its text).
        pub fn file_of(kind: AssessmentKind) -> &'static str {
            match kind {
                $(AssessmentKind::$kind => $file,)*
            }
        }

        /// The shipped pack of an assessment.
        pub fn shipped(kind: AssessmentKind) -> Shipped {
            match kind {
                $(AssessmentKind::$kind => $name,)*
            }
        }

        /// Every shipped pack.
        pub const SHIPPED: &[Shipped] = &[$($name),*];
    };
}

shipped_packs! {
    SKILLS: Skills => "assessments/ml-engineer-skills.json",
    READINESS: Readiness => "assessments/ml-project-readiness.json",
    AUTOMATION: Automation => "assessments/automation-readiness.json",
    TEAM: Team => "assessments/team-practices.json",
}

/// The pack id of each assessment, as its file declares it.
pub fn pack_id(kind: AssessmentKind) -> &'static str {
    match kind {
        AssessmentKind::Skills => "ml-engineer-skills",
        AssessmentKind::Readiness => "ml-project-readiness",
        AssessmentKind::Automation => "automation-readiness",
        AssessmentKind::Team => "team-practices",
    }
}

/// The assessment a pack id belongs to.
pub fn kind_of(pack: &str) -> Option<AssessmentKind> {
    AssessmentKind::ALL
        .into_iter()
        .find(|k| pack_id(*k) == pack)
}

/// Loads and validates the pack for an assessment.
pub fn pack_for(kind: AssessmentKind) -> Result<Pack, Vec<PackError>> {
    shipped(kind).load()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assess::{score, Answer, Answers};

    #[test]
    fn every_shipped_pack_loads() {
        assert_eq!(SHIPPED.len(), AssessmentKind::ALL.len());
        for &Shipped { kind, file, .. } in SHIPPED {
            assert_eq!(shipped(kind).file, file);
            assert_eq!(file_of(kind), file);
            let pack = pack_for(kind).unwrap_or_else(|e| panic!("{file}: {e:?}"));
            assert!(!pack.sections.is_empty(), "{file}");
            assert_eq!(pack.id, pack_id(kind), "{file}");
            assert_eq!(kind_of(&pack.id), Some(kind));
            // Answering everything at the top level scores 100 in every mean section.
            let top: Answers = pack
                .sections
                .iter()
                .flat_map(|s| &s.items)
                .map(|i| (i.id.clone(), Answer::Level(i.levels.last().unwrap().value)))
                .collect();
            let r = score(&pack, &top);
            assert!(r.red_flags.is_empty(), "{file}");
            for g in &r.groups {
                assert!(
                    g.score.is_some() && g.band.is_some(),
                    "{file}: group {}",
                    g.id
                );
            }
        }
    }

    #[test]
    fn the_skills_pack_has_40_to_60_items_of_five_levels() {
        let pack = pack_for(AssessmentKind::Skills).unwrap();
        let items: Vec<_> = pack.sections.iter().flat_map(|s| &s.items).collect();
        assert!((40..=60).contains(&items.len()), "{} items", items.len());
        assert!(items
            .iter()
            .all(|i| i.levels.len() == 5 && i.levels.iter().all(|l| l.text.starts_with("I "))));
        // Nine scored areas, and the scope of one's work asked once, unscored.
        let scored = |s: &&crate::domain::assess::Section| {
            s.scoring != crate::domain::assess::Scoring::Context
        };
        assert_eq!(pack.sections.iter().filter(scored).count(), 9);
        assert!(pack.profiles.len() >= 3);
    }

    #[test]
    fn the_readiness_pack_carries_the_ml_test_score() {
        let pack = pack_for(AssessmentKind::Readiness).unwrap();
        let mts = pack
            .groups
            .iter()
            .find(|g| g.id == "ml-test-score")
            .expect("ML Test Score group");
        assert_eq!(mts.aggregation, crate::domain::assess::Aggregation::Min);
        assert_eq!(mts.sections.len(), 4);
        for id in &mts.sections {
            let s = pack.sections.iter().find(|s| &s.id == id).unwrap();
            assert_eq!(s.items.len(), 7, "{id}");
            assert!(s
                .items
                .iter()
                .all(|i| i.levels.iter().map(|l| l.value).eq([0.0, 0.5, 1.0])));
        }
        assert!(pack
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .any(|i| i.critical));
    }
}

/// The verdicts, bands and profiles of the shipped packs, each worked by
/// hand from the packs' own numbers.
#[cfg(test)]
mod judgement {
    use super::*;
    use crate::domain::assess::{score, verdict, Answer, Answers, Item, Pack, Scoring, INCOMPLETE};

    fn load(kind: AssessmentKind) -> Pack {
        pack_for(kind).unwrap()
    }

    /// Every item of the sections matching `which`, answered by `pick`.
    fn answer(
        pack: &Pack,
        which: impl Fn(&str) -> bool,
        pick: impl Fn(&Item) -> Option<Answer>,
        into: &mut Answers,
    ) {
        for s in pack.sections.iter().filter(|s| which(&s.id)) {
            for i in &s.items {
                if let Some(a) = pick(i) {
                    into.insert(i.id.clone(), a);
                }
            }
        }
    }

    fn level(i: &Item, k: usize) -> Option<Answer> {
        Some(Answer::Level(i.levels[k - 1].value))
    }

    fn is_mts(id: &str) -> bool {
        id.starts_with("mlts-")
    }

    /// Readiness at a stage (1 build, 2 launch), every business item at level k.
    fn readiness(pack: &Pack, stage: f64, k: usize) -> Answers {
        let mut a = Answers::new();
        a.insert("stage".into(), Answer::Level(stage));
        answer(
            pack,
            |id| id != "stage" && !is_mts(id),
            |i| level(i, k),
            &mut a,
        );
        a
    }

    #[test]
    fn before_building_the_ml_test_score_is_not_asked_and_strong_answers_are_ready() {
        let p = load(AssessmentKind::Readiness);
        let a = readiness(&p, 1.0, 5);
        assert!(p.shown_sections(&a).iter().all(|s| !is_mts(&s.id)));
        let v = verdict(&p, &score(&p, &a)).unwrap();
        assert_eq!(v.label, "Ready", "{}", v.reason);
        assert!(v.reason.contains("not asked at this stage"), "{}", v.reason);
        // Level 3 everywhere is 50: "Ready with conditions"; level 2 is 25.
        let v = verdict(&p, &score(&p, &readiness(&p, 1.0, 3))).unwrap();
        assert_eq!(v.label, "Ready with conditions");
        let v = verdict(&p, &score(&p, &readiness(&p, 1.0, 2))).unwrap();
        assert_eq!(v.label, "Not ready");
    }

    #[test]
    fn the_stage_question_is_unscored_and_asked_first() {
        let p = load(AssessmentKind::Readiness);
        let first = &p.sections[0];
        assert_eq!(first.scoring, Scoring::Context);
        assert_eq!(first.items[0].prompt, "Where is this project now?");
        let labels: Vec<_> = first.items[0]
            .levels
            .iter()
            .map(|l| l.label.as_str())
            .collect();
        assert_eq!(
            labels,
            [
                "Deciding whether to build it",
                "About to launch, or already in production"
            ]
        );
        // Unanswered, there is no verdict; it is named.
        let mut a = readiness(&p, 1.0, 5);
        a.remove("stage");
        let v = verdict(&p, &score(&p, &a)).unwrap();
        assert_eq!(v.label, INCOMPLETE);
        assert_eq!(v.missing, ["Where is this project now?"]);
    }

    #[test]
    fn at_launch_every_test_not_done_is_not_ready_naming_the_ml_test_score() {
        let p = load(AssessmentKind::Readiness);
        let mut a = readiness(&p, 2.0, 5);
        answer(&p, is_mts, |i| level(i, 1), &mut a);
        let v = verdict(&p, &score(&p, &a)).unwrap();
        assert_eq!(v.label, "Not ready");
        assert!(
            v.reason.contains("ML Test Score scores 0.0"),
            "{}",
            v.reason
        );
    }

    #[test]
    fn at_launch_every_test_done_by_hand_with_strong_business_is_ready() {
        let p = load(AssessmentKind::Readiness);
        let mut a = readiness(&p, 2.0, 5);
        answer(&p, is_mts, |i| level(i, 2), &mut a);
        let r = score(&p, &a);
        let mts = r.groups.iter().find(|g| g.id == "ml-test-score").unwrap();
        assert_eq!(mts.score, Some(3.5));
        assert_eq!(mts.band.as_ref().unwrap().label, "Strong");
        assert_eq!(verdict(&p, &r).unwrap().label, "Ready");
    }

    /// Launch, strong business answers, every test automated except the
    /// data section, which sums to `t` (half-point steps).
    fn launch_with_score(p: &Pack, t: f64) -> Answers {
        let mut a = readiness(p, 2.0, 5);
        answer(p, is_mts, |i| level(i, 3), &mut a);
        let data = p.sections.iter().find(|s| s.id == "mlts-data").unwrap();
        assert!(data.items.iter().all(|i| !i.critical));
        let (whole, half) = (t.floor() as usize, t.fract() > 0.0);
        for (n, i) in data.items.iter().enumerate() {
            let v = if n < whole {
                1.0
            } else if n == whole && half {
                0.5
            } else {
                0.0
            };
            a.insert(i.id.clone(), Answer::Level(v));
        }
        a
    }

    #[test]
    fn the_ml_test_score_bands_and_caps_follow_the_paper_on_every_half_point() {
        let p = load(AssessmentKind::Readiness);
        let expected = [
            (0.0, "Research project", "Not ready"),
            (0.5, "Basic tests", "Not ready"),
            (1.0, "Basic tests", "Not ready"),
            (1.5, "First pass", "Ready with conditions"),
            (2.0, "First pass", "Ready with conditions"),
            (2.5, "Reasonably tested", "Ready"),
            (3.0, "Reasonably tested", "Ready"),
            (3.5, "Strong", "Ready"),
            (4.0, "Strong", "Ready"),
            (5.0, "Strong", "Ready"),
            (5.5, "Exceptional", "Ready"),
            (6.5, "Exceptional", "Ready"),
            (7.0, "Exceptional", "Ready"),
        ];
        for (t, band, label) in expected {
            let r = score(&p, &launch_with_score(&p, t));
            let mts = r.groups.iter().find(|g| g.id == "ml-test-score").unwrap();
            assert_eq!(mts.score, Some(t));
            assert_eq!(mts.band.as_ref().unwrap().label, band, "score {t}");
            let v = verdict(&p, &r).unwrap();
            assert_eq!(v.label, label, "score {t}: {}", v.reason);
            if label != "Ready" {
                assert!(
                    v.reason.starts_with("The ML Test Score is the weaker side"),
                    "{}",
                    v.reason
                );
            }
        }
    }

    #[test]
    fn a_skipped_critical_item_gives_incomplete_naming_it() {
        let p = load(AssessmentKind::Readiness);
        let mut a = readiness(&p, 2.0, 5);
        answer(&p, is_mts, |i| level(i, 3), &mut a);
        a.remove("biz-owner");
        a.remove("infra-7");
        let v = verdict(&p, &score(&p, &a)).unwrap();
        assert_eq!(v.label, INCOMPLETE);
        let owner = p.item("biz-owner").unwrap().prompt.clone();
        let rollback = p.item("infra-7").unwrap().prompt.clone();
        assert_eq!(v.missing, [owner.clone(), rollback.clone()]);
        assert!(v.reason.contains(&owner) && v.reason.contains(&rollback));
    }

    /// Every group's bands: a score at a band's `min` is in that band, a
    /// step below it in the one before (a half point on the ML Test Score's
    /// sums, a hundredth on 0-100).
    #[test]
    fn every_band_boundary_of_every_pack() {
        for &Shipped { kind, file, .. } in SHIPPED {
            let p = load(kind);
            for g in &p.groups {
                let step = if g.aggregation == crate::domain::assess::Aggregation::Min {
                    0.5
                } else {
                    0.01
                };
                assert_eq!(g.bands[0].min, 0.0, "{file}: {}", g.id);
                for (n, b) in g.bands.iter().enumerate() {
                    assert_eq!(g.band_for(b.min), Some(b), "{file}: {} at {}", g.id, b.min);
                    if n > 0 {
                        assert_eq!(
                            g.band_for(b.min - step),
                            Some(&g.bands[n - 1]),
                            "{file}: {} below {}",
                            g.id,
                            b.min
                        );
                    }
                }
            }
        }
    }

    /// In the skills and team packs, answering level k everywhere lands in
    /// the band named like level k.
    #[test]
    fn level_k_everywhere_is_the_band_named_like_level_k() {
        for kind in [AssessmentKind::Skills, AssessmentKind::Team] {
            let p = load(kind);
            for k in 1..=5 {
                let mut a = Answers::new();
                answer(&p, |_| true, |i| level(i, k), &mut a);
                let r = score(&p, &a);
                let band = r.groups[0].band.as_ref().unwrap();
                let name = &p
                    .sections
                    .iter()
                    .find(|s| s.scoring != Scoring::Context)
                    .unwrap()
                    .items[0]
                    .levels[k - 1]
                    .label;
                assert_eq!(&band.label, name, "{}: level {k}", p.id);
            }
        }
    }

    // proptest is a native-only dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Answering level k on any non-empty set of the skills pack's
        /// items, the others skipped or not applicable, lands in band k.
        #[test]
        fn skills_level_k_on_any_items_is_band_k(
            k in 1usize..=5,
            keep in proptest::collection::vec(0u8..3, 64),
        ) {
            let p = load(AssessmentKind::Skills);
            let mut a = Answers::new();
            let items: Vec<&Item> = p
                .sections
                .iter()
                .filter(|s| s.scoring != Scoring::Context)
                .flat_map(|s| &s.items)
                .collect();
            for (n, i) in items.iter().enumerate() {
                match keep[n % keep.len()] {
                    0 => {}
                    1 if i.allow_na => {
                        a.insert(i.id.clone(), Answer::NotApplicable);
                    }
                    _ => {
                        a.insert(i.id.clone(), level(i, k).unwrap());
                    }
                }
            }
            let first = items[0];
            a.insert(first.id.clone(), level(first, k).unwrap());
            let r = score(&p, &a);
            let band = r.groups[0].band.as_ref().unwrap();
            proptest::prop_assert_eq!(&band.label, &first.levels[k - 1].label);
        }
    }

    #[test]
    fn the_automation_band_names_the_best_candidate() {
        let p = load(AssessmentKind::Automation);
        let stages: Vec<&str> = p.groups[0].sections.iter().map(String::as_str).collect();
        let with = |current: usize, gain: usize, oversight: usize, stability: usize| {
            let mut a = Answers::new();
            answer(
                &p,
                |id| stages.contains(&id),
                |i| match i.tag.as_deref() {
                    Some("current") => level(i, current),
                    Some("potential") => level(i, gain),
                    Some("oversight") => level(i, oversight),
                    Some("stability") => level(i, stability),
                    _ => None,
                },
                &mut a,
            );
            let r = score(&p, &a);
            let g = &r.groups[0];
            (g.score.unwrap(), g.band.as_ref().unwrap().label.clone())
        };
        // Fully automated everywhere: nothing left to gain.
        assert_eq!(with(5, 5, 5, 5), (0.0, "Automate later".into()));
        // Manual, large gain, strong checks, stable: 100.
        assert_eq!(with(1, 5, 5, 5), (100.0, "Ready to automate".into()));
        // The same without checks: 100 × 0.5 = 50.
        assert_eq!(with(1, 5, 1, 5), (50.0, "Ready to automate".into()));
        // Without checks and unstable: 100 × 0.5 × 0.5 = 25.
        assert_eq!(with(1, 5, 1, 1), (25.0, "Automate selectively".into()));
        // Gain 0.75, no checks, unstable: 18.75.
        assert_eq!(with(1, 4, 1, 1), (18.75, "Automate later".into()));
        // The band and the first of the priority list agree.
        let mut a = Answers::new();
        answer(&p, |id| stages.contains(&id), |i| level(i, 5), &mut a);
        let best = &p.groups[0].sections[1];
        for (id, v) in [("current", 1.0), ("oversight", 5.0)] {
            let item = p
                .sections
                .iter()
                .find(|s| &s.id == best)
                .unwrap()
                .items
                .iter()
                .find(|i| i.tag.as_deref() == Some(id))
                .unwrap();
            a.insert(item.id.clone(), Answer::Level(v));
        }
        let first = crate::domain::assess::automation_priorities(&p, &a);
        assert_eq!(&first[0].id, best);
        let r = score(&p, &a);
        assert_eq!(r.groups[0].score, Some(first[0].priority));
        assert_eq!(
            r.groups[0].band.as_ref().unwrap().label,
            "Ready to automate"
        );
    }

    #[test]
    fn the_na_option_speaks_for_its_pack() {
        let texts: Vec<_> = AssessmentKind::ALL
            .into_iter()
            .map(|k| load(k).na_text().to_string())
            .collect();
        assert!(
            texts.iter().all(|t| !t.contains("me or my work")),
            "{texts:?}"
        );
        assert_eq!(
            load(AssessmentKind::Readiness).na_text(),
            "This does not apply to this project."
        );
        assert_eq!(
            load(AssessmentKind::Team).na_text(),
            "This does not apply to our team."
        );
        assert_eq!(
            load(AssessmentKind::Automation).na_text(),
            "We do not do this stage."
        );
    }

    #[test]
    fn no_team_option_reads_as_a_frequency() {
        let p = load(AssessmentKind::Team);
        for i in p.sections.iter().flat_map(|s| &s.items) {
            let labels: Vec<_> = i.levels.iter().map(|l| l.label.as_str()).collect();
            assert_eq!(
                labels,
                ["Absent", "Ad hoc", "Defined", "Routine", "Embedded"],
                "{}",
                i.id
            );
            assert!(
                i.levels
                    .iter()
                    .all(|l| !l.text.contains("often") && !l.text.contains("sometimes")),
                "{}",
                i.id
            );
        }
    }

    #[test]
    fn skills_profiles_run_from_entry_to_principal_with_a_shape_and_a_story() {
        let p = load(AssessmentKind::Skills);
        let ids: Vec<_> = p.profiles.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["entry", "mid-level", "senior", "staff", "principal"]);
        let scored = p
            .sections
            .iter()
            .filter(|s| s.scoring != Scoring::Context)
            .count();
        assert_eq!(scored, 9);
        let mut previous = 0.0;
        for x in &p.profiles {
            assert_eq!(x.targets.len(), scored, "{}", x.id);
            let values: Vec<f64> = x.targets.values().copied().collect();
            let (lo, hi) = values
                .iter()
                .fold((100.0f64, 0.0f64), |(l, h), v| (l.min(*v), h.max(*v)));
            assert!(hi - lo >= 10.0, "{} is flat", x.id);
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            assert!(mean > previous, "{} is not above the level before", x.id);
            previous = mean;
            assert!(x.description.len() > 80 && !x.source.is_empty(), "{}", x.id);
        }
    }
}

#[cfg(test)]
mod compacted {
    use super::*;

    /// The text compiled in (compacted by build.rs) reads as the same pack
    /// as the file people edit.
    #[test]
    fn each_pack_compiled_in_is_its_file() {
        for s in SHIPPED {
            let file = std::fs::read_to_string(s.file).unwrap();
            let a: serde_json::Value = serde_json::from_str(&file).unwrap();
            let b: serde_json::Value = serde_json::from_str(s.text).unwrap();
            assert_eq!(a, b, "{}", s.file);
            assert!(s.text.len() < file.len() * 3 / 4, "{}", s.file);
        }
    }
}
