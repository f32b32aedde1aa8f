//! Scores, growth areas, the verdict, automation priorities and the comparison of two runs.

use super::*;

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
