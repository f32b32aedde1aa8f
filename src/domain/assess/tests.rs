//! The questionnaire engine: validation, scoring and verdicts, with numbers worked by hand.
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
