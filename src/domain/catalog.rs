//! The tools Sextant offers, as the home page and navigation present them.

use crate::route::{AssessmentKind, Page};

/// Whether a tool assesses or calculates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Guided self-assessments.
    Assessment,
    /// Calculators.
    Calculator,
}

/// One tool on the home page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tool {
    /// Where it lives.
    pub page: Page,
    /// Its name.
    pub title: &'static str,
    /// One line saying what it answers.
    pub summary: &'static str,
}

/// Every tool, grouped, in display order.
pub fn tools() -> Vec<(Group, Tool)> {
    vec![
        (
            Group::Assessment,
            Tool {
                page: Page::Assessment(AssessmentKind::Skills),
                title: "ML engineer skills",
                summary: "Where you stand across technical, operational and people skills, and what to practise next.",
            },
        ),
        (
            Group::Assessment,
            Tool {
                page: Page::Assessment(AssessmentKind::Readiness),
                title: "ML project readiness",
                summary: "Is the project ready to build or launch? Business fit, data, risk and the ML Test Score.",
            },
        ),
        (
            Group::Assessment,
            Tool {
                page: Page::Assessment(AssessmentKind::Automation),
                title: "Automation readiness",
                summary: "Which pipeline stages to automate first, what it buys you and what still needs a person.",
            },
        ),
        (
            Group::Assessment,
            Tool {
                page: Page::Assessment(AssessmentKind::Team),
                title: "Team and stakeholder practices",
                summary: "How well the team shares knowledge, resolves conflict and shows its value to stakeholders.",
            },
        ),
        (
            Group::Calculator,
            Tool {
                page: Page::Roi(None),
                title: "ML project ROI",
                summary: "Costs, benefits, NPV, IRR and payback of an ML project, month by month.",
            },
        ),
        (
            Group::Calculator,
            Tool {
                page: Page::Portfolio(None),
                title: "Project prioritisation",
                summary: "Rank candidate ML projects by impact, effort, feasibility, time and risk.",
            },
        ),
        (
            Group::Calculator,
            Tool {
                page: Page::AutomationRoi(None),
                title: "Automation ROI",
                summary: "Hours and money that automating each pipeline stage saves, against what it costs.",
            },
        ),
    ]
}

/// The catalogue entry for a page, if it is a tool.
pub fn tool_for(page: &Page) -> Option<Tool> {
    tools()
        .into_iter()
        .map(|(_, t)| t)
        .find(|t| &t.page == page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_four_assessments_and_three_calculators() {
        let all = tools();
        let count = |g| all.iter().filter(|(group, _)| *group == g).count();
        assert_eq!(count(Group::Assessment), 4);
        assert_eq!(count(Group::Calculator), 3);
        for kind in AssessmentKind::ALL {
            assert!(
                tool_for(&Page::Assessment(kind)).is_some(),
                "{kind:?} missing"
            );
        }
    }

    #[test]
    fn titles_and_pages_are_unique() {
        let all = tools();
        for (i, (_, a)) in all.iter().enumerate() {
            for (_, b) in &all[i + 1..] {
                assert_ne!(a.title, b.title);
                assert_ne!(a.page, b.page);
            }
        }
    }
}
