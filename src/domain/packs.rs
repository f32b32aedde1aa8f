//! The assessment packs shipped with Sextant, compiled in from `assessments/`.

use super::assess::{self, Pack, PackError};
use crate::route::AssessmentKind;

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
                text: include_str!(concat!("../../", $file)),
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
        assert_eq!(pack.sections.len(), 9);
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
