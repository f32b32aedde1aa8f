//! What a portfolio's page shows besides its ranking table (`view::ranking`):
//! the method's lede, the weights' total, "What fits", the value-effort map's
//! text, the choices of each project's scored inputs and the projects one
//! can need. The page (`ui::pages::portfolio`) renders this and decides
//! nothing.

use crate::domain::format;
use crate::domain::input::{format_input, NumberKind};
use crate::domain::portfolio::{
    select, value_effort, BubbleBasis, Criterion, Method, Portfolio, ProjectField, ValueAxis,
    ValueEffort, Weights, RICE_CONFIDENCE, RICE_IMPACT, WSJF_SCALE,
};

/// The line above the ranking table: "Ranked by RICE (reach × impact ×
/// confidence ÷ effort). Select a column heading to sort by it."
pub fn ranking_lede(method: Method) -> String {
    format!(
        "Ranked by {} ({}). Select a column heading to sort by it.",
        method.name(),
        method.formula(),
    )
}

/// A weight as typed: a whole percentage from 0 to 100.
pub fn parse_weight(text: &str) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(v) if v <= 100 => Ok(v),
        _ => Err("Enter a whole percentage from 0 to 100.".into()),
    }
}

/// The weights' total and each weight: "Total: 100% (Business impact 25%,
/// …)".
pub fn weights_total(weights: &Weights) -> String {
    let w = weights.values();
    format!(
        "Total: {}% ({})",
        w.iter().sum::<u32>(),
        Criterion::ALL
            .iter()
            .map(|c| format!("{} {}%", c.name(), w[c.index()]))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// How "What fits" chooses, naming the method whose order it follows.
pub fn fits_help(method: Method) -> String {
    format!(
        "Projects in the order the {} ranking gives, each taken if it fits what is left, together with the projects it needs; a lower one that fits is still taken. This is the order WSJF prescribes; it does not search for the largest total score.",
        method.name(),
    )
}

/// "What fits" in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Fits {
    /// The projects taken, in the order taken.
    pub taken: Vec<String>,
    /// "Name: why", for each project left out, in ranking order.
    pub left_out: Vec<String>,
    /// What the projects taken cost and take together.
    pub totals: String,
}

/// What fits the portfolio's capacity in its method's order
/// ([`select`]), or why nothing can be chosen.
pub fn fits(p: &Portfolio) -> Result<Fits, String> {
    let s = select(p, p.method)?;
    let name = |i: usize| p.projects[i].name.clone();
    Ok(Fits {
        taken: s.chosen.iter().map(|&i| name(i)).collect(),
        left_out: s
            .left_out
            .iter()
            .map(|(i, why)| format!("{}: {why}", name(*i)))
            .collect(),
        totals: format!(
            "Together they cost {} (of the costs given) and take {} person-months.",
            format::money(s.cost, &p.currency),
            format_input((s.person_months * 10.0).round() / 10.0, NumberKind::Plain),
        ),
    })
}

/// The value-effort map as the page draws it: bubbles sized by the size
/// of the NPV when NPV is the value axis, by estimated cost otherwise.
pub fn map(p: &Portfolio, npvs: &[Option<f64>]) -> ValueEffort {
    let basis = match p.value_axis {
        ValueAxis::Npv => BubbleBasis::NpvMagnitude,
        ValueAxis::Criteria => BubbleBasis::EstimatedCost,
    };
    value_effort(p, npvs, basis)
}

/// The map's text equivalent: its axes and each project's quadrant.
pub fn map_description(map: &ValueEffort) -> String {
    let mut parts: Vec<String> = map
        .points
        .iter()
        .map(|pt| format!("{}: {}", pt.name, pt.quadrant.name()))
        .collect();
    if parts.is_empty() {
        parts.push("no projects on the map".into());
    }
    format!(
        "Value ({}) against effort ({}). {}.",
        map.value_label,
        map.effort_label,
        parts.join("; ")
    )
}

/// Each project the map cannot place, with the reason.
pub fn unplotted(map: &ValueEffort) -> Vec<String> {
    map.unplotted
        .iter()
        .map(|u| format!("{} is not on the map: {}", u.name, u.reason))
        .collect()
}

/// The choices of a project input picked from a list: a criterion's five
/// rubric lines ("4: …"), RICE's impact ("High (2)") and confidence, and
/// WSJF's Fibonacci scale. Empty for an input typed as a number.
pub fn choices(field: ProjectField) -> Vec<(f64, String)> {
    match field {
        ProjectField::Score(c) => (1..=5u32)
            .map(|n| {
                (
                    f64::from(n),
                    format!("{n}: {}", c.describe(n).unwrap_or("")),
                )
            })
            .collect(),
        ProjectField::RiceImpact => RICE_IMPACT
            .iter()
            .map(|(v, t)| (*v, format!("{t} ({v})")))
            .collect(),
        ProjectField::RiceConfidence => RICE_CONFIDENCE
            .iter()
            .map(|(v, t)| (*v, t.to_string()))
            .collect(),
        ProjectField::WsjfBusinessValue
        | ProjectField::WsjfTimeCriticality
        | ProjectField::WsjfRiskReduction
        | ProjectField::WsjfJobSize => WSJF_SCALE
            .iter()
            .map(|v| (f64::from(*v), v.to_string()))
            .collect(),
        _ => Vec::new(),
    }
}

/// The projects the project `id` can need: every other one, by id, with
/// its name ("Untitled project 3" while it has none), in list order.
pub fn others(p: &Portfolio, id: &str) -> Vec<(String, String)> {
    p.projects
        .iter()
        .enumerate()
        .filter(|(_, x)| x.id != id)
        .map(|(i, x)| {
            let name = if x.name.trim().is_empty() {
                format!("Untitled project {}", i + 1)
            } else {
                x.name.clone()
            };
            (x.id.clone(), name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::portfolio::Capacity;

    #[test]
    fn a_weight_is_a_whole_percentage() {
        assert_eq!(parse_weight(" 25 "), Ok(25));
        assert_eq!(parse_weight("0"), Ok(0));
        assert_eq!(parse_weight("100"), Ok(100));
        for bad in ["101", "-1", "12.5", "", "ten"] {
            assert_eq!(
                parse_weight(bad),
                Err("Enter a whole percentage from 0 to 100.".into()),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_weights_total_lists_every_criterion() {
        let text = weights_total(&Weights::default());
        assert!(
            text.starts_with("Total: 100% (Business impact 25%, "),
            "{text}"
        );
        assert_eq!(text.matches('%').count(), 1 + Criterion::ALL.len());
    }

    #[test]
    fn what_fits_names_the_projects_taken_and_why_the_others_are_not() {
        let mut p = Portfolio::example();
        // Room for none: every project is left out, each with its reason.
        p.capacity = Capacity {
            budget: None,
            person_months: Some(0.0),
        };
        let f = fits(&p).unwrap();
        assert!(f.taken.is_empty());
        assert_eq!(f.left_out.len(), p.projects.len());
        // Each line is the project's name, then the reason the domain gives
        // (no room: it needs person-months, and none are left).
        for line in &f.left_out {
            let (name, why) = line.split_once(": ").expect(line);
            assert!(p.projects.iter().any(|pr| pr.name == name), "{line}");
            assert!(
                why.starts_with("needs ") && why.ends_with(", and 0 are left"),
                "{line}"
            );
        }
        assert!(f.totals.starts_with("Together they cost "));
        assert!(
            f.totals.ends_with(" and take 0 person-months."),
            "{}",
            f.totals
        );
        // No limit: all are taken, in ranking order.
        p.capacity = Capacity::default();
        let f = fits(&p).unwrap();
        assert_eq!(f.taken.len(), p.projects.len());
        assert!(f.left_out.is_empty());
        // Needs in a circle: why nothing is chosen.
        let (a, b) = (p.projects[0].id.clone(), p.projects[1].id.clone());
        p.projects[0].depends_on = vec![b];
        p.projects[1].depends_on = vec![a];
        assert!(fits(&p).is_err());
    }

    #[test]
    fn what_fits_takes_in_ranking_order_until_the_capacity_is_spent() {
        use crate::domain::portfolio::{Project, Scores};
        // Alpha scores 5 on every criterion and ranks first; it takes 2
        // person-months and costs 1,000. Beta scores 1 and takes 3. With 4
        // person-months, Alpha is taken (2 of 4), and Beta, needing 3 with 2
        // left, is not.
        let mut alpha = Project::new("a", "Alpha");
        alpha.scores = Scores::uniform(5);
        alpha.rice.effort = 2.0;
        alpha.estimated_cost = Some(1000.0);
        let mut beta = Project::new("b", "Beta");
        beta.scores = Scores::uniform(1);
        beta.rice.effort = 3.0;
        let p = Portfolio {
            projects: vec![beta, alpha],
            capacity: Capacity {
                budget: None,
                person_months: Some(4.0),
            },
            ..Portfolio::default()
        };
        let f = fits(&p).unwrap();
        assert_eq!(f.taken, ["Alpha"]);
        assert_eq!(f.left_out, ["Beta: needs 3 person-months, and 2 are left"]);
        assert!(f.totals.contains("1,000"), "{}", f.totals);
        assert!(
            f.totals.ends_with(" and take 2 person-months."),
            "{}",
            f.totals
        );
    }

    #[test]
    fn the_map_sizes_bubbles_by_npv_only_when_npv_is_the_value() {
        let mut p = Portfolio::example();
        let npvs = vec![Some(1000.0); p.projects.len()];
        p.value_axis = ValueAxis::Criteria;
        let by_cost = map(&p, &npvs);
        p.value_axis = ValueAxis::Npv;
        let by_npv = map(&p, &npvs);
        assert_ne!(by_cost.size_label, by_npv.size_label);
        assert_eq!(
            by_npv.size_label,
            value_effort(&p, &npvs, BubbleBasis::NpvMagnitude).size_label
        );
    }

    #[test]
    fn the_map_text_names_each_project_s_quadrant() {
        let p = Portfolio::example();
        let m = map(&p, &vec![None; p.projects.len()]);
        let text = map_description(&m);
        assert!(text.starts_with(&format!(
            "Value ({}) against effort ({}). ",
            m.value_label, m.effort_label
        )));
        for pt in &m.points {
            assert!(text.contains(&format!("{}: {}", pt.name, pt.quadrant.name())));
        }
        // NPV as the value axis with no NPV: nobody is on the map, and the
        // text and the list say so.
        let mut q = p.clone();
        q.value_axis = ValueAxis::Npv;
        let m = map(&q, &vec![None; q.projects.len()]);
        assert!(map_description(&m).ends_with(". no projects on the map."));
        assert_eq!(unplotted(&m).len(), q.projects.len());
        assert!(
            unplotted(&m)[0].starts_with(&format!("{} is not on the map: ", q.projects[0].name))
        );
    }

    #[test]
    fn inputs_picked_from_a_list_offer_their_scale() {
        let impact = choices(ProjectField::Score(Criterion::ALL[0]));
        assert_eq!(impact.len(), 5);
        assert_eq!(impact[0].0, 1.0);
        assert!(impact[4].1.starts_with("5: "));
        assert_eq!(
            choices(ProjectField::WsjfJobSize)
                .iter()
                .map(|c| c.0)
                .collect::<Vec<_>>(),
            [1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 20.0]
        );
        assert_eq!(choices(ProjectField::RiceImpact).len(), RICE_IMPACT.len());
        assert_eq!(choices(ProjectField::RiceReach), []);
    }

    #[test]
    fn a_project_can_need_every_other_one() {
        let mut p = Portfolio::example();
        p.projects[2].name = "  ".into();
        let id = p.projects[0].id.clone();
        let others = others(&p, &id);
        assert_eq!(others.len(), p.projects.len() - 1);
        assert!(others.iter().all(|(o, _)| *o != id));
        assert_eq!(others[1].1, "Untitled project 3");
    }
}
