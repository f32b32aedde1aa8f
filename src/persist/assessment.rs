//! The stored form of an assessment run: `{"v":2,"pack":…,"pack_version":…,
//! "answers":{"<item id>": <level value> | "na"},"earlier":{…},"step":…,
//! "completed":…,"profile":…,"targets":{…}}` inside a document envelope.
//! Answers are keyed by the pack's stable item ids, never by position.
//!
//! Format 2 added `earlier`: answers given to an earlier version of the pack
//! that its current version no longer offers (an item that no longer allows
//! "not applicable"), kept and shown rather than dropped. Format 1 has none.
//!
//! Format 3 added `notes`: the evidence noted for an answer, by item id,
//! `{"<item id>": {"text": "…", "at": <ms since the epoch> | null}}`, each at
//! most [`limits::MAX_NOTE`] characters. Formats 1 and 2 have none.
//! It also added who rated, `"rater": {"role": "self" | "manager" | "peer",
//! "name": "…"}` (a run without one is the person's own, "self"), and
//! `other`: the rating these answers were added to, a whole run in this same
//! form (`v`, `pack`, `answers`, …) of the same pack, with no `other` of its
//! own.
//!
//! A run answered to an earlier version of its pack is brought up to the
//! current one when it is opened ([`from_data_for`], [`migrate`]).

use super::envelope::{Data, ReadError};
use super::limits;
use crate::domain::assess::{Answer, Answers, Pack};
use crate::domain::run::{Note, Rater, Role, Run};
use serde_json::{json, Map, Value};

/// The format this build writes.
pub const FORMAT: u64 = 3;

/// The `data` of a run document.
pub fn to_data(run: &Run) -> Data {
    let map = |answers: &Answers| -> Map<String, Value> {
        answers
            .iter()
            .map(|(k, a)| {
                let v = match a {
                    Answer::Level(v) => json!(v),
                    Answer::NotApplicable => json!("na"),
                };
                (k.clone(), v)
            })
            .collect()
    };
    let notes: Map<String, Value> = run
        .notes
        .iter()
        .map(|(k, n)| (k.clone(), json!({"text": n.text, "at": n.at})))
        .collect();
    json!({
        "v": FORMAT,
        "pack": run.pack,
        "pack_version": run.pack_version,
        "answers": map(&run.answers),
        "earlier": map(&run.earlier),
        "step": run.step,
        "completed": run.completed,
        "profile": run.profile,
        "targets": run.targets,
        "notes": notes,
        "rater": {"role": run.rater.role.key(), "name": run.rater.name},
        "other": run.other.as_deref().map(|o| to_data(o).value().clone()),
    })
    .into()
}

/// `data` read and written again by this build: only what Sextant reads is
/// kept.
pub fn rewritten(data: &Data) -> Result<Data, ReadError> {
    from_data(data).map(|r| to_data(&r))
}

/// Reads the `data` of a run document.
pub fn from_data(data: &Data) -> Result<Run, ReadError> {
    read(data.value(), false)
}

/// Reads a run; `inner` for the rating another run was added to, which may
/// not hold one of its own.
fn read(data: &Value, inner: bool) -> Result<Run, ReadError> {
    let corrupt = |why: &str| ReadError::Corrupt(why.to_string());
    match data.get("v").and_then(Value::as_u64) {
        Some(1..=FORMAT) => {}
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
    let given = data
        .get("answers")
        .and_then(Value::as_object)
        .ok_or_else(|| corrupt("no answers"))?;
    // Format 1 has no earlier answers.
    let before = match data.get("earlier") {
        None | Some(Value::Null) => &Map::new(),
        Some(v) => v
            .as_object()
            .ok_or_else(|| corrupt("its earlier answers are not a list of answers"))?,
    };
    limits::count("answers", given.len() + before.len(), limits::MAX_ANSWERS)?;
    let answers = read_answers(given)?;
    let earlier = read_answers(before)?;
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
    // Formats 1 and 2 have no notes.
    let mut notes = std::collections::BTreeMap::new();
    if let Some(v) = data.get("notes").filter(|v| !v.is_null()) {
        let map = v
            .as_object()
            .ok_or_else(|| corrupt("its evidence notes are not a list of notes"))?;
        limits::count("evidence notes", map.len(), limits::MAX_ANSWERS)?;
        for (k, v) in map {
            limits::text("a question's id", k, limits::MAX_ID)?;
            let text = v
                .get("text")
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .ok_or_else(|| corrupt("an evidence note has no text"))?;
            limits::text("an evidence note", text, limits::MAX_NOTE)?;
            let at = v
                .get("at")
                .and_then(Value::as_f64)
                .filter(|t| t.is_finite());
            let text = text.to_string();
            notes.insert(k.clone(), Note { text, at });
        }
    }
    let rater = match data.get("rater").filter(|v| !v.is_null()) {
        None => Rater::default(),
        Some(r) => {
            let role = r
                .get("role")
                .and_then(Value::as_str)
                .and_then(Role::from_key)
                .ok_or_else(|| corrupt("its rater is neither self, manager nor peer"))?;
            let name = r.get("name").and_then(Value::as_str).unwrap_or_default();
            limits::text("its rater's name", name, limits::MAX_LABEL)?;
            Rater {
                role,
                name: name.trim().to_string(),
            }
        }
    };
    let other = match data.get("other").filter(|v| !v.is_null()) {
        None => None,
        Some(_) if inner => {
            return Err(ReadError::Refused(
                "its second rating holds a rating of its own; Sextant compares two ratings".into(),
            ))
        }
        Some(v) => {
            let o = read(v, true)?;
            if o.pack != pack {
                return Err(ReadError::Refused(format!(
                    "its second rating answers another assessment ({})",
                    o.pack
                )));
            }
            Some(Box::new(o))
        }
    };
    Ok(Run {
        rater,
        other,
        notes,
        pack,
        pack_version,
        answers,
        earlier,
        step,
        completed,
        profile,
        targets,
    })
}

fn read_answers(given: &Map<String, Value>) -> Result<Answers, ReadError> {
    let corrupt = |why: &str| ReadError::Corrupt(why.to_string());
    let mut answers = Answers::new();
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
    Ok(answers)
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
pub fn from_data_for(data: &Data, pack: &Pack) -> Result<Run, ReadError> {
    let run = from_data(data)?;
    if run.pack != pack.id {
        return Err(ReadError::Refused(format!(
            "it answers another assessment ({})",
            run.pack
        )));
    }
    let mut run = checked(run, pack)?;
    if let Some(other) = run.other.take() {
        run.other = Some(Box::new(checked(*other, pack)?));
    }
    Ok(run)
}

/// A run brought up to `pack`'s version, refused if it holds answers the
/// pack does not offer.
fn checked(run: Run, pack: &Pack) -> Result<Run, ReadError> {
    let run = migrate(run, pack)?;
    let mut wrong = unaccepted(&run, pack, 5);
    wrong.extend(
        run.earlier
            .keys()
            .filter(|id| pack.item(id).is_none())
            .map(String::as_str)
            .take(5),
    );
    if !wrong.is_empty() {
        return Err(ReadError::Refused(format!(
            "it holds answers this version of the assessment does not have ({})",
            wrong.join(", ")
        )));
    }
    Ok(run)
}

/// Brings a run answered to an earlier version of its pack up to `pack`'s
/// version. Item ids never change between versions, so every answer keeps
/// its item; what a version changes is handled here, one step at a time:
///
/// - ML project readiness 1 → 2: the first question, "Where is this project
///   now?", is new. A run that answered any ML Test Score test was judging a
///   launch, so it is "About to launch, or already in production" (2); a run
///   without one judged the business case alone, the verdict of "Deciding
///   whether to build it" (1). Both can be changed by answering again.
/// - Every pack, every step: an answer to an item that still exists but no
///   longer accepts it (ML engineer skills 2 no longer offers "not
///   applicable" on security) moves to `earlier`, where it is kept and
///   shown, not scored. An item id the pack never had is left for
///   [`unaccepted`] to refuse.
///
/// A run of a newer version than `pack` is refused: this build cannot know
/// what its answers mean.
pub fn migrate(mut run: Run, pack: &Pack) -> Result<Run, ReadError> {
    if run.pack_version > pack.version {
        return Err(ReadError::Refused(format!(
            "it answers version {} of this assessment, newer than this version of Sextant knows (version {})",
            run.pack_version, pack.version
        )));
    }
    if run.pack_version == pack.version {
        return Ok(run);
    }
    let readiness = crate::domain::packs::pack_id(crate::domain::kinds::AssessmentKind::Readiness);
    if run.pack == readiness && run.pack_version < 2 && !run.answers.contains_key("stage") {
        let tested = pack
            .sections
            .iter()
            .filter(|s| s.condition.as_ref().is_some_and(|c| c.item == "stage"))
            .flat_map(|s| &s.items)
            .any(|i| run.answers.contains_key(&i.id));
        let stage = if tested { 2.0 } else { 1.0 };
        run.answers.insert("stage".into(), Answer::Level(stage));
    }
    let moved: Vec<String> = run
        .answers
        .iter()
        .filter(|(id, a)| pack.item(id).is_some() && !pack.accepts(id, **a))
        .map(|(id, _)| id.clone())
        .collect();
    for id in moved {
        if let Some(a) = run.answers.remove(&id) {
            run.earlier.insert(id, a);
        }
    }
    // Sections may have been added or moved: an unfinished run resumes at
    // the first section with a question left, not at a position that now
    // means another section.
    if run.completed.is_none() {
        let left = crate::domain::assess::score(pack, &run.answers).unanswered;
        let shown = pack.shown_sections(&run.answers);
        run.step = left
            .first()
            .and_then(|(section, _)| shown.iter().position(|s| &s.id == section))
            .unwrap_or(shown.len());
    }
    run.pack_version = pack.version;
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
        run.earlier
            .insert("ops-security".into(), Answer::NotApplicable);
        run.step = 2;
        run.completed = Some(1.7e12);
        run.profile = Some("senior".into());
        run.targets.insert("technical".into(), 70.0);
        run.set_note("tech-1", "the ranking service", 1.7e12);
        assert_eq!(from_data(&to_data(&run)), Ok(run));
    }

    #[test]
    fn refuses_what_is_not_a_run() {
        assert!(matches!(
            from_data(&Data::from(json!({"v": 9}))),
            Err(ReadError::TooNew(9))
        ));
        assert!(from_data(&Data::from(
            json!({"v": 1, "pack": "x", "answers": {"a": true}})
        ))
        .is_err());
        assert!(from_data(&Data::from(json!({"v": 1, "answers": {}}))).is_err());
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

    /// A run as format 1 wrote it: no `earlier`, `v` 1.
    fn format_1(pack: &str, version: u32, answers: Value, completed: Option<f64>) -> Value {
        json!({"v": 1, "pack": pack, "pack_version": version, "answers": answers,
               "step": 3, "completed": completed, "profile": null})
    }

    #[test]
    fn format_1_runs_read_with_no_earlier_answers() {
        let run = from_data(&Data::from(format_1(
            "team-practices",
            1,
            json!({"a": 2}),
            None,
        )))
        .unwrap();
        assert_eq!(run.answers.len(), 1);
        assert!(run.earlier.is_empty());
        assert!(run.notes.is_empty());
        assert_eq!(to_data(&run)["v"], json!(3));
    }

    #[test]
    fn notes_round_trip_and_format_2_runs_read_with_none() {
        let mut run = Run::new("ml-engineer-skills", 2);
        run.answers.insert("tech-1".into(), Answer::Level(3.0));
        run.set_note("tech-1", "PR 412, the feature store client", 1.7e12);
        // A note on a question this pack no longer has is kept.
        run.set_note("gone", "https://example.com/design-doc", 1.6e12);
        let data = to_data(&run);
        assert_eq!(
            data["notes"]["tech-1"],
            json!({"text": "PR 412, the feature store client", "at": 1.7e12})
        );
        assert_eq!(from_data(&data), Ok(run.clone()));

        let two = json!({"v": 2, "pack": "team-practices", "pack_version": 1,
                         "answers": {"a": 2}, "earlier": {}, "step": 0});
        assert!(from_data(&Data::from(two)).unwrap().notes.is_empty());

        // Written by hand: no date, spaces around the text.
        let undated = json!({"v": 3, "pack": "p", "answers": {},
                             "notes": {"a": {"text": "  see the runbook "}}});
        let read = from_data(&Data::from(undated)).unwrap();
        let note = &read.notes["a"];
        assert_eq!((note.text.as_str(), note.at), ("see the runbook", None));
    }

    #[test]
    fn a_second_rating_round_trips_inside_the_run_it_was_added_to() {
        let pack = crate::domain::packs::SKILLS.load().unwrap();
        let item = &pack.sections[1].items[0];
        let mut own = Run::new(&pack.id, pack.version);
        own.answers
            .insert(item.id.clone(), Answer::Level(item.levels[3].value));
        own.set_note(&item.id, "led the migration", 1.0);
        own.completed = Some(2.0);
        let mut manager = Run::new(&pack.id, pack.version);
        manager.rater = Rater {
            role: Role::Manager,
            name: "Bo".into(),
        };
        manager
            .answers
            .insert(item.id.clone(), Answer::Level(item.levels[1].value));
        manager.other = Some(Box::new(own.clone()));
        let data = to_data(&manager);
        assert_eq!(data["rater"], json!({"role": "manager", "name": "Bo"}));
        assert_eq!(data["other"]["rater"]["role"], json!("self"));
        assert_eq!(from_data_for(&data, &pack), Ok(manager.clone()));

        // A run stored before raters: the person's own.
        let mut old = to_data(&own);
        old.value_mut().as_object_mut().unwrap().remove("rater");
        assert_eq!(from_data(&old).unwrap().rater, Rater::default());

        // Refused: an unknown role, a rating inside the second rating, a
        // second rating of another pack, or one with answers the pack does
        // not offer.
        let mut bad = data.clone();
        bad.value_mut()["rater"]["role"] = json!("boss");
        assert!(matches!(from_data(&bad), Err(ReadError::Corrupt(_))));
        let mut nested = manager.clone();
        nested.other.as_mut().unwrap().other = Some(Box::new(own.clone()));
        assert!(from_data(&to_data(&nested))
            .unwrap_err()
            .to_string()
            .contains("holds a rating of its own"));
        let mut elsewhere = manager.clone();
        elsewhere.other.as_mut().unwrap().pack = "team-practices".into();
        assert!(from_data(&to_data(&elsewhere))
            .unwrap_err()
            .to_string()
            .contains("another assessment (team-practices)"));
        let mut wrong = manager.clone();
        wrong
            .other
            .as_mut()
            .unwrap()
            .answers
            .insert("no-such-item".into(), Answer::Level(1.0));
        assert!(from_data(&to_data(&wrong)).is_ok());
        assert!(from_data_for(&to_data(&wrong), &pack)
            .unwrap_err()
            .to_string()
            .contains("no-such-item"));
    }

    #[test]
    fn a_note_past_the_limits_or_without_text_is_refused_with_the_reason() {
        let with_notes = |notes: Value| {
            from_data(&Data::from(
                json!({"v": 3, "pack": "p", "answers": {}, "notes": notes}),
            ))
        };
        let long = "x".repeat(2_001);
        assert_eq!(
            with_notes(json!({"a": {"text": long}}))
                .unwrap_err()
                .to_string(),
            "an evidence note is 2,001 characters long; Sextant accepts up to 2,000"
        );
        assert!(with_notes(json!({"a": {"text": "x".repeat(2_000)}})).is_ok());
        for bad in [json!({"a": {"text": "  "}}), json!({"a": 3}), json!([1])] {
            assert!(
                matches!(with_notes(bad.clone()), Err(ReadError::Corrupt(_))),
                "{bad}"
            );
        }
        let many: Map<String, Value> = (0..501)
            .map(|i| (format!("q{i}"), json!({"text": "x"})))
            .collect();
        assert_eq!(
            with_notes(Value::Object(many)).unwrap_err().to_string(),
            "it holds 501 evidence notes; Sextant accepts up to 500"
        );
    }

    #[test]
    fn readiness_1_runs_get_their_stage_from_what_they_answered() {
        let pack = crate::domain::packs::READINESS.load().unwrap();
        assert_eq!(pack.version, 2);
        // An ML Test Score test answered: a launch.
        let done = Some(1.7e12);
        let run = from_data_for(
            &Data::from(format_1(
                "ml-project-readiness",
                1,
                json!({"biz-objective": 4, "data-1": 0.5}),
                done,
            )),
            &pack,
        )
        .unwrap();
        assert_eq!(run.answers.get("stage"), Some(&Answer::Level(2.0)));
        assert_eq!(run.answers.get("data-1"), Some(&Answer::Level(0.5)));
        assert_eq!(run.answers.get("biz-objective"), Some(&Answer::Level(4.0)));
        assert_eq!((run.pack_version, run.step), (2, 3));
        // None answered: the business case alone, a decision to build.
        let run = from_data_for(
            &Data::from(format_1(
                "ml-project-readiness",
                1,
                json!({"biz-objective": 4}),
                None,
            )),
            &pack,
        )
        .unwrap();
        assert_eq!(run.answers.get("stage"), Some(&Answer::Level(1.0)));
        // Unfinished: it resumes at the first section with a question left
        // (business, where biz-value is unanswered), behind the new stage
        // question.
        assert_eq!(run.step, 1);
        // Every answer a person gave is still there.
        assert_eq!(run.answers.len() + run.earlier.len(), 2);
    }

    #[test]
    fn answers_a_new_version_no_longer_accepts_are_kept_apart_not_dropped() {
        let pack = crate::domain::packs::SKILLS.load().unwrap();
        let refused_na = pack
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .find(|i| !i.allow_na)
            .unwrap();
        let run = from_data_for(
            &Data::from(format_1(
                "ml-engineer-skills",
                1,
                json!({ refused_na.id.clone(): "na", "tech-programming": 3 }),
                Some(1.0),
            )),
            &pack,
        )
        .unwrap();
        assert_eq!(
            run.earlier.get(&refused_na.id),
            Some(&Answer::NotApplicable)
        );
        assert!(!run.answers.contains_key(&refused_na.id));
        assert_eq!(
            run.answers.get("tech-programming"),
            Some(&Answer::Level(3.0))
        );
        // Stored again, it reads back the same, at the current version.
        assert_eq!(from_data_for(&to_data(&run), &pack), Ok(run.clone()));
        // At the current version, the same answer is refused: only a
        // version change moves answers.
        let mut now = Run::new(&pack.id, pack.version);
        now.answers
            .insert(refused_na.id.clone(), Answer::NotApplicable);
        assert!(from_data_for(&to_data(&now), &pack).is_err());
        // A newer version than this build knows is refused, not guessed at.
        let newer = Run::new(&pack.id, pack.version + 1);
        let e = from_data_for(&to_data(&newer), &pack)
            .unwrap_err()
            .to_string();
        assert!(e.contains("newer"), "{e}");
        // Earlier answers must name items of the pack.
        let mut odd = Run::new(&pack.id, pack.version);
        odd.earlier
            .insert("no-such-item".into(), Answer::Level(1.0));
        assert!(from_data_for(&to_data(&odd), &pack).is_err());
    }
}
