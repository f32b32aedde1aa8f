//! What fits a budget or a number of person-months.

use super::*;

/// What the portfolio can take on next; `None` is no limit.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Capacity {
    /// Money available, in the portfolio's currency, against each
    /// project's estimated cost.
    pub budget: Option<f64>,
    /// People's time available, in person-months, against each project's
    /// RICE effort.
    pub person_months: Option<f64>,
}

/// The projects that fit a [`Capacity`], and why the others do not.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    /// Positions in [`Portfolio::projects`] of the projects taken, in the
    /// order taken.
    pub chosen: Vec<usize>,
    /// The projects left out, each with the reason, in ranking order.
    pub left_out: Vec<(usize, String)>,
    /// Estimated cost of the projects taken (those with one).
    pub cost: f64,
    /// RICE effort of the projects taken, in person-months.
    pub person_months: f64,
}

/// What fits: the projects in the order `method` ranks them, each taken if
/// it fits what is left of the capacity together with the projects it
/// depends on that are not taken yet (they are taken with it, whatever
/// their own rank); otherwise left out with the reason, and a lower-ranked
/// project that fits is still taken. This is the order WSJF prescribes
/// (do the highest score first until the capacity is used); it does not
/// search for the set with the largest total score, which for a ratio such
/// as WSJF or RICE has no meaning. A project without a score for `method`
/// is left out unless another needs it; with a budget, a project without an
/// estimated cost is left out, since it cannot be weighed against it.
/// Projects that depend on each other in a circle are an error.
pub fn select(portfolio: &Portfolio, method: Method) -> Result<Selection, String> {
    let projects = &portfolio.projects;
    let index_of = |id: &str| projects.iter().position(|p| p.id == id);
    // Every project's dependencies, transitively, checked for circles.
    let mut needs: Vec<Vec<usize>> = Vec::with_capacity(projects.len());
    for start in 0..projects.len() {
        let mut seen: Vec<usize> = Vec::new();
        let mut stack: Vec<usize> = projects[start]
            .depends_on
            .iter()
            .filter_map(|d| index_of(d))
            .collect();
        while let Some(i) = stack.pop() {
            if i == start {
                return Err(format!(
                    "“{}” depends on itself through the projects it needs: remove one of those dependencies",
                    projects[start].name
                ));
            }
            if !seen.contains(&i) {
                seen.push(i);
                stack.extend(projects[i].depends_on.iter().filter_map(|d| index_of(d)));
            }
        }
        needs.push(seen);
    }
    let cap = portfolio.capacity;
    let mut out = Selection {
        chosen: Vec::new(),
        left_out: Vec::new(),
        cost: 0.0,
        person_months: 0.0,
    };
    for r in rank(portfolio, method) {
        let i = r.index;
        if out.chosen.contains(&i) {
            continue;
        }
        if let Err(why) = &r.score {
            out.left_out.push((i, format!("no score: {why}")));
            continue;
        }
        // What it needs and is not yet taken, each after everything it
        // needs in turn, then the project itself.
        let mut pending: Vec<usize> = needs[i]
            .iter()
            .copied()
            .filter(|j| !out.chosen.contains(j))
            .collect();
        let mut bundle: Vec<usize> = Vec::with_capacity(pending.len() + 1);
        while !pending.is_empty() {
            let ready = pending
                .iter()
                .position(|j| {
                    needs[*j]
                        .iter()
                        .all(|k| out.chosen.contains(k) || bundle.contains(k))
                })
                .unwrap_or(0);
            bundle.push(pending.remove(ready));
        }
        bundle.push(i);
        let no_cost: Vec<&str> = bundle
            .iter()
            .filter(|j| projects[**j].estimated_cost.is_none())
            .map(|j| projects[*j].name.as_str())
            .collect();
        if cap.budget.is_some() && !no_cost.is_empty() {
            out.left_out.push((
                i,
                format!(
                    "no estimated cost for {}, so it cannot be weighed against the budget",
                    no_cost.join(", ")
                ),
            ));
            continue;
        }
        let cost: f64 = bundle
            .iter()
            .filter_map(|j| projects[*j].estimated_cost)
            .sum();
        let effort: f64 = bundle.iter().map(|j| projects[*j].rice.effort).sum();
        let with = if bundle.len() > 1 {
            " with the projects it needs"
        } else {
            ""
        };
        if let Some(budget) = cap.budget.filter(|b| out.cost + cost > *b) {
            out.left_out.push((
                i,
                format!(
                    "costs {}{with}, and {} of the budget is left",
                    group(cost),
                    group(budget - out.cost)
                ),
            ));
            continue;
        }
        if let Some(months) = cap
            .person_months
            .filter(|m| out.person_months + effort > *m)
        {
            out.left_out.push((
                i,
                format!(
                    "needs {} person-months{with}, and {} are left",
                    short(effort),
                    short(months - out.person_months)
                ),
            ));
            continue;
        }
        out.cost += cost;
        out.person_months += effort;
        // Dependencies first, in list order, then the project.
        out.chosen.extend(bundle);
    }
    Ok(out)
}

pub(super) fn group(v: f64) -> String {
    crate::domain::input::group_thousands(&format!("{}", v.round()))
}

pub(super) fn short(v: f64) -> String {
    crate::domain::input::format_input(
        (v * 10.0).round() / 10.0,
        crate::domain::input::NumberKind::Plain,
    )
}
