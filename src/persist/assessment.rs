//! The stored form of an assessment run: `{"v":1,"pack":…,"pack_version":…,
//! "answers":{"<item id>": <level value> | "na"},"step":…,"completed":…,
//! "profile":…}` inside a document envelope. Answers are keyed by the pack's
//! stable item ids, never by position.

use super::envelope::ReadError;
use super::limits;
use crate::domain::assess::{Answer, Answers, Pack};
use serde_json::{json, Map, Value};

/// The format this build writes.
pub const FORMAT: u64 = 1;

/// One person's run through a pack.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The pack's id.
    pub pack: String,
    /// The pack version the answers were given to.
    pub pack_version: u32,
    /// Answers by item id.
    pub answers: Answers,
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
            step: 0,
            completed: None,
            profile: None,
            targets: Default::default(),
        }
    }
}

/// The `data` of a run document.
pub fn to_data(run: &Run) -> Value {
    let answers: Map<String, Value> = run
        .answers
        .iter()
        .map(|(k, a)| {
            let v = match a {
                Answer::Level(v) => json!(v),
                Answer::NotApplicable => json!("na"),
            };
            (k.clone(), v)
        })
        .collect();
    json!({
        "v": FORMAT,
        "pack": run.pack,
        "pack_version": run.pack_version,
        "answers": answers,
        "step": run.step,
        "completed": run.completed,
        "profile": run.profile,
        "targets": run.targets,
    })
}

/// `data` read and written again by this build: only what Sextant reads is
/// kept.
pub fn rewritten(data: &Value) -> Result<Value, ReadError> {
    from_data(data).map(|r| to_data(&r))
}

/// Reads the `data` of a run document.
pub fn from_data(data: &Value) -> Result<Run, ReadError> {
    let corrupt = |why: &str| ReadError::Corrupt(why.to_string());
    match data.get("v").and_then(Value::as_u64) {
        Some(FORMAT) => {}
        Some(v) if v > FORMAT => {
            return Err(ReadError::TooNew(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        _ => return Err(corrupt("not an assessment")),
    }
    let pack = data
        .get("pack")
        .and_then(Value::as_str)
        .ok_or_else(|| corrupt("no pack"))?
        .to_string();
    limits::text("its assessment's id", &pack, limits::MAX_ID)?;
    let pack_version = data
        .get("pack_version")
        .and_then(Value::as_u64)
        .unwrap_or(1) as u32;
    let mut answers = Answers::new();
    let given = data
        .get("answers")
        .and_then(Value::as_object)
        .ok_or_else(|| corrupt("no answers"))?;
    limits::count("answers", given.len(), limits::MAX_ANSWERS)?;
    for (k, v) in given {
        limits::text("a question's id", k, limits::MAX_ID)?;
        let a = match v {
            Value::String(s) if s == "na" => Answer::NotApplicable,
            Value::Number(n) => Answer::Level(
                n.as_f64()
                    .filter(|f| f.is_finite())
                    .ok_or_else(|| corrupt("an answer is not a number"))?,
            ),
            _ => return Err(corrupt("an answer is neither a level nor \"na\"")),
        };
        answers.insert(k.clone(), a);
    }
    let step = data
        .get("step")
        .and_then(Value::as_u64)
        .unwrap_or(0)
        .min(10_000) as usize;
    let completed = data
        .get("completed")
        .and_then(Value::as_f64)
        .filter(|t| t.is_finite());
    let profile = data
        .get("profile")
        .and_then(Value::as_str)
        .map(str::to_string);
    if let Some(p) = &profile {
        limits::text("its profile's id", p, limits::MAX_ID)?;
    }
    // Optional: runs saved before targets were editable have none.
    let mut targets = std::collections::BTreeMap::new();
    if let Some(map) = data.get("targets").and_then(Value::as_object) {
        limits::count("targets", map.len(), limits::MAX_TARGETS)?;
        for (k, v) in map {
            limits::text("a target's section id", k, limits::MAX_ID)?;
            let t = v
                .as_f64()
                .filter(|t| (0.0..=100.0).contains(t))
                .ok_or_else(|| corrupt("a target is not 0 to 100"))?;
            targets.insert(k.clone(), t);
        }
    }
    Ok(Run {
        pack,
        pack_version,
        answers,
        step,
        completed,
        profile,
        targets,
    })
}

/// The answers of `run` that `pack` does not offer, by item id: items it
/// does not have, levels off an item's scale, "Not applicable" where an item
/// does not allow it. At most `max`, in id order.
pub fn unaccepted<'a>(run: &'a Run, pack: &Pack, max: usize) -> Vec<&'a str> {
    run.answers
        .iter()
        .filter(|(id, a)| !pack.accepts(id, **a))
        .map(|(id, _)| id.as_str())
        .take(max)
        .collect()
}

/// Reads a run of `pack`, checked answer by answer against it: the check a
/// share link's run gets, made on every run that is opened, stored or
/// imported, so that no score is drawn from answers the pack never offered.
pub fn from_data_for(data: &Value, pack: &Pack) -> Result<Run, ReadError> {
    let run = from_data(data)?;
    if run.pack != pack.id {
        return Err(ReadError::Refused(format!(
            "it answers another assessment ({})",
            run.pack
        )));
    }
    let wrong = unaccepted(&run, pack, 5);
    if !wrong.is_empty() {
        return Err(ReadError::Refused(format!(
            "it holds answers this version of the assessment does not have ({})",
            wrong.join(", ")
        )));
    }
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut run = Run::new("ml-engineer-skills", 1);
        run.answers.insert("tech-1".into(), Answer::Level(3.0));
        run.answers.insert("tech-2".into(), Answer::NotApplicable);
        run.answers.insert("mts-1".into(), Answer::Level(0.5));
        run.step = 2;
        run.completed = Some(1.7e12);
        run.profile = Some("senior".into());
        run.targets.insert("technical".into(), 70.0);
        assert_eq!(from_data(&to_data(&run)), Ok(run));
    }

    #[test]
    fn refuses_what_is_not_a_run() {
        assert!(matches!(
            from_data(&json!({"v": 9})),
            Err(ReadError::TooNew(9))
        ));
        assert!(from_data(&json!({"v": 1, "pack": "x", "answers": {"a": true}})).is_err());
        assert!(from_data(&json!({"v": 1, "answers": {}})).is_err());
    }

    #[test]
    fn a_run_past_the_limits_is_refused_with_what_it_holds() {
        let mut run = Run::new("ml-engineer-skills", 1);
        for i in 0..600 {
            run.answers.insert(format!("q{i}"), Answer::Level(1.0));
        }
        assert_eq!(
            from_data(&to_data(&run)).unwrap_err().to_string(),
            "it holds 600 answers; Sextant accepts up to 500"
        );
        let mut run = Run::new("ml-engineer-skills", 1);
        run.answers.insert("q".repeat(65), Answer::Level(1.0));
        assert!(matches!(
            from_data(&to_data(&run)),
            Err(ReadError::Refused(_))
        ));
        let mut run = Run::new("p".repeat(65).as_str(), 1);
        run.profile = Some("senior".into());
        assert!(matches!(
            from_data(&to_data(&run)),
            Err(ReadError::Refused(_))
        ));
        let mut run = Run::new("ml-engineer-skills", 1);
        run.profile = Some("p".repeat(10_000));
        assert!(matches!(
            from_data(&to_data(&run)),
            Err(ReadError::Refused(_))
        ));
    }

    #[test]
    fn a_run_is_checked_against_its_pack_when_opened() {
        let pack = crate::domain::packs::SKILLS.load().unwrap();
        let item = &pack.sections[0].items[0];
        let mut run = Run::new(&pack.id, pack.version);
        run.answers
            .insert(item.id.clone(), Answer::Level(item.levels[0].value));
        assert_eq!(from_data_for(&to_data(&run), &pack), Ok(run.clone()));

        let mut bad = run.clone();
        bad.answers.insert(item.id.clone(), Answer::Level(1e308));
        bad.answers
            .insert("no-such-item".into(), Answer::Level(1.0));
        // from_data alone takes it; checked against the pack it is refused.
        assert!(from_data(&to_data(&bad)).is_ok());
        let e = from_data_for(&to_data(&bad), &pack)
            .unwrap_err()
            .to_string();
        assert!(e.contains(&item.id) && e.contains("no-such-item"), "{e}");

        let other = Run::new("team-practices", 1);
        assert!(from_data_for(&to_data(&other), &pack).is_err());
    }
}
