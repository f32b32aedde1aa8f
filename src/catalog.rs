//! The tools Sextant offers, as the home page and navigation present them:
//! their pages, titles and opening paragraphs. Page copy lives here, beside
//! the router, not in the domain.

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
    /// introduction (the first paragraph of its pack's `intro`, which a
    /// test keeps equal) or a
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
pub const PORTFOLIO_LEDE: &str = "Which ML projects next quarter? Score each candidate on business impact, resources, feasibility, time to value, urgency and risk with a shared rubric, weigh the criteria, and compare rankings by weighted criteria, RICE, WSJF and ICE.";
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
                lede: "This self-assessment covers the skills an ML engineer uses: technical foundations, problem solving, development standards, operations, infrastructure, project management and leading work, collaboration, working with stakeholders, and learning. It opens with one question on the scope of your work, which gives context and is not scored. There are 58 questions, and they take 20 to 30 minutes.",
            },
        ),
        (
            Group::Assessment,
            Tool {
                page: Page::Assessment(AssessmentKind::Readiness),
                title: "ML project readiness",
                summary: "Is the project ready to build or launch? Business fit, data, risk and the ML Test Score.",
                lede: "This assessment helps a team lead decide whether a machine learning project is ready. The first question sets what \"ready\" means: ready to build, if you are deciding whether to start, or ready to launch, if a model is about to serve users or already does. Both stages answer the business part: 29 questions on impact, resources, feasibility, time and risk. At launch you also answer Google's ML Test Score (Breck et al., IEEE Big Data 2017), 28 tests of data, model, infrastructure and monitoring, and the verdict then needs both sides to be ready.",
            },
        ),
        (
            Group::Assessment,
            Tool {
                page: Page::Assessment(AssessmentKind::Automation),
                title: "Automation readiness",
                summary: "Which pipeline stages to automate first, what it buys you and what still needs a person.",
                lede: "This helps your team decide which stages of its ML pipeline to automate first, with ordinary pipeline automation or with AutoML tools.",
            },
        ),
        (
            Group::Assessment,
            Tool {
                page: Page::Assessment(AssessmentKind::Team),
                title: "Team and stakeholder practices",
                summary: "How well the team shares knowledge, resolves conflict and shows its value to stakeholders.",
                lede: "This covers how your ML team works together and with the people who use or fund its work: communication, knowledge sharing, roles, conflict, mentoring, feedback and team development, and how you report to stakeholders, manage their expectations and show the value of your work.",
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
                summary: "Rank candidate ML projects by impact, urgency, effort, feasibility and risk.",
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
            // The catalogue shows the introduction's first paragraph.
            assert_eq!(
                Some(tool.lede),
                pack.intro.split("\n\n").next(),
                "{}",
                shipped.file
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
