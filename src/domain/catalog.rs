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
    /// The paragraph under the title where the tool opens: an assessment's
    /// introduction (its pack's `intro`, which a test keeps equal) or a
    /// calculator's start page. The app shows it, with the title, while the
    /// tool's own module is still on its way.
    pub lede: &'static str,
}

/// The calculators' start pages' titles and paragraphs, which the pages
/// themselves show too.
pub const ROI_TITLE: &str = "ML project ROI";
pub const PORTFOLIO_TITLE: &str = "Project prioritisation";
pub const AUTOMATION_ROI_TITLE: &str = "Automation ROI";
/// The ROI calculator's start page's paragraph.
pub const ROI_LEDE: &str = "Is this ML project worth it? Enter what it costs to build, run and maintain, and what it earns or saves; read its NPV, IRR, payback and cash flow as you type.";
/// Project prioritisation's start page's paragraph.
pub const PORTFOLIO_LEDE: &str = "Which ML projects next quarter? Score each candidate on business impact, resources, feasibility, time and risk with a shared rubric, weigh the criteria, and compare rankings by weighted criteria, RICE, WSJF and ICE.";
/// Automation ROI's start page's paragraph.
pub const AUTOMATION_ROI_LEDE: &str = "What does automating the ML pipeline save? For each stage, enter the hours a run takes and the share automation removes; weigh them against the tool's licence, compute, set-up and the oversight people still give it.";

/// Every tool, grouped, in display order.
pub fn tools() -> Vec<(Group, Tool)> {
    vec![
        (
            Group::Assessment,
            Tool {
                page: Page::Assessment(AssessmentKind::Skills),
                title: "ML engineer skills",
                summary: "Where you stand across technical, operational and people skills, and what to practise next.",
                lede: "This self-assessment covers the skills an ML engineer uses, from modelling and system design to operations, planning and working with stakeholders, and takes 10-15 minutes. For each item, pick the statement that describes what you do today and can back with evidence, not what you could do if asked. Honest answers give you a more useful picture of where to grow next.",
            },
        ),
        (
            Group::Assessment,
            Tool {
                page: Page::Assessment(AssessmentKind::Readiness),
                title: "ML project readiness",
                summary: "Is the project ready to build or launch? Business fit, data, risk and the ML Test Score.",
                lede: "This assessment is for a team lead deciding whether a machine learning project is ready to build or ready to launch. The first part checks business readiness; the second scores production readiness with Google's ML Test Score. It takes 10-15 minutes: answer for the project as it is today, not as you plan it to be.",
            },
        ),
        (
            Group::Assessment,
            Tool {
                page: Page::Assessment(AssessmentKind::Automation),
                title: "Automation readiness",
                summary: "Which pipeline stages to automate first, what it buys you and what still needs a person.",
                lede: "This helps you decide which stages of your ML pipeline to automate first, whether with AutoML tools or with ordinary pipeline automation. For each stage, rate how the work is done today, how much there is to gain from automating it, and how well you could check the automated output: automation saves time and makes results repeatable, but framing the problem, judging edge cases and signing off releases still need people. It takes 5 to 10 minutes; answer not applicable for any stage your team does not do.",
            },
        ),
        (
            Group::Assessment,
            Tool {
                page: Page::Assessment(AssessmentKind::Team),
                title: "Team and stakeholder practices",
                summary: "How well the team shares knowledge, resolves conflict and shows its value to stakeholders.",
                lede: "This covers how your ML team works together and with the people who use or fund its work: communication, knowledge sharing, roles, conflict, mentoring and feedback, and how you report to stakeholders, manage their expectations and show the value of your work. A team lead or member should answer about the team as it works today, not as it plans to work, and it takes about 10 minutes. Answer not applicable only where an item cannot apply, such as mentoring in a team with no junior members.",
            },
        ),
        (
            Group::Calculator,
            Tool {
                page: Page::Roi(None),
                title: ROI_TITLE,
                summary: "Costs, benefits, NPV, IRR and payback of an ML project, month by month.",
                lede: ROI_LEDE,
            },
        ),
        (
            Group::Calculator,
            Tool {
                page: Page::Portfolio(None),
                title: PORTFOLIO_TITLE,
                summary: "Rank candidate ML projects by impact, effort, feasibility, time and risk.",
                lede: PORTFOLIO_LEDE,
            },
        ),
        (
            Group::Calculator,
            Tool {
                page: Page::AutomationRoi(None),
                title: AUTOMATION_ROI_TITLE,
                summary: "Hours and money that automating each pipeline stage saves, against what it costs.",
                lede: AUTOMATION_ROI_LEDE,
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
    fn an_assessments_lede_is_its_packs_title_and_introduction() {
        for shipped in crate::domain::packs::SHIPPED {
            let pack = shipped.load().expect("shipped packs load");
            let tool = tool_for(&Page::Assessment(shipped.kind)).expect("in the catalogue");
            assert_eq!(tool.title, pack.title, "{}", shipped.file);
            assert_eq!(tool.lede, pack.intro, "{}", shipped.file);
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
