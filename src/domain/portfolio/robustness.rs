//! How far the weights can move before the top two swap.

use super::*;

/// Which way a weight moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The weight goes up.
    Raise,
    /// The weight goes down.
    Lower,
}

/// The smallest single-weight change that swaps the top two projects.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightChange {
    /// Index of the project ranked first now.
    pub leader: usize,
    /// Index of the project ranked second now.
    pub runner_up: usize,
    /// The weight that moves.
    pub criterion: Criterion,
    /// Up or down.
    pub direction: Direction,
    /// By how many percentage points.
    pub points: u32,
    /// Its weight now.
    pub from: u32,
    /// Its weight after the change.
    pub to: u32,
    /// All six weights after the change (the others rescaled).
    pub weights: Weights,
}

/// How robust the weighted ranking's top two are to the weights.
#[derive(Clone, Debug, PartialEq)]
pub enum Robustness {
    /// Fewer than two projects have a weighted score.
    NotEnoughProjects {
        /// How many do.
        rankable: usize,
    },
    /// No change of a single weight, to any value from 0 to 100, puts the
    /// runner-up ahead of the leader.
    Stable {
        /// Index of the project ranked first.
        leader: usize,
        /// Index of the project ranked second.
        runner_up: usize,
    },
    /// This change puts the runner-up ahead; no smaller one does.
    Swaps(WeightChange),
}

impl Robustness {
    /// One plain sentence for the page.
    pub fn describe(&self, portfolio: &Portfolio) -> String {
        let name = |i: usize| {
            portfolio
                .projects
                .get(i)
                .map(|p| p.name.trim().to_string())
                .unwrap_or_default()
        };
        match self {
            Robustness::NotEnoughProjects { .. } => {
                "At least two projects need a weighted score to compare the top two.".into()
            }
            Robustness::Stable { leader, runner_up } => format!(
                "“{}” stays ahead of “{}” whatever single weight you change.",
                name(*leader),
                name(*runner_up)
            ),
            Robustness::Swaps(c) => format!(
                "{} the weight of {} by {} point{} (from {}% to {}%) puts “{}” ahead of “{}”; no smaller change of one weight does.",
                match c.direction {
                    Direction::Raise => "Raising",
                    Direction::Lower => "Lowering",
                },
                c.criterion.name().to_lowercase(),
                c.points,
                if c.points == 1 { "" } else { "s" },
                c.from,
                c.to,
                name(c.runner_up),
                name(c.leader)
            ),
        }
    }
}

/// How far the weights can move before the top two of the weighted ranking
/// swap. Each weight in turn is set to every whole percentage from 0 to 100,
/// the others rescaled exactly as [`Weights::with`] does (the same change the
/// weight sliders make), and the runner-up counts as ahead when it scores
/// higher, or the same while listed earlier — the rule [`rank`] uses. The
/// search covers every weight vector one change can reach, so it is exact.
/// Ties between equally small changes go to the earlier criterion, raising
/// before lowering. Only the top two are compared: a third project may pass
/// both.
pub fn robustness(portfolio: &Portfolio) -> Robustness {
    let ranked = rank(portfolio, Method::Weighted);
    let rankable = ranked.iter().filter(|r| r.rank.is_some()).count();
    if rankable < 2 {
        return Robustness::NotEnoughProjects { rankable };
    }
    let (leader, runner_up) = (ranked[0].index, ranked[1].index);
    let a = &portfolio.projects[leader].scores;
    let b = &portfolio.projects[runner_up].scores;
    let swapped = |w: &Weights| {
        let (sa, sb) = (weighted_sum(a, w), weighted_sum(b, w));
        sb > sa || (sb == sa && runner_up < leader)
    };
    let current = portfolio.weights;
    for points in 1..=100u32 {
        for c in Criterion::ALL {
            let from = current.get(c);
            let candidates = [
                (
                    Direction::Raise,
                    from.checked_add(points).filter(|t| *t <= 100),
                ),
                (Direction::Lower, from.checked_sub(points)),
            ];
            for (direction, to) in candidates {
                let Some(to) = to else { continue };
                let weights = current.with(c, to);
                if swapped(&weights) {
                    return Robustness::Swaps(WeightChange {
                        leader,
                        runner_up,
                        criterion: c,
                        direction,
                        points,
                        from,
                        to,
                        weights,
                    });
                }
            }
        }
    }
    Robustness::Stable { leader, runner_up }
}
