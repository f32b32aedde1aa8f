//! The tools Sextant offers, as the home page and navigation present them:
//! their pages, titles and opening paragraphs. Page copy lives here, beside
//! the router, not in the domain.
//!
//! [`CALCULATORS`] is the one table of the calculators: a calculator's
//! entry there (its page copy and the split points its pages need) and a
//! `Calculator` variant make its addresses (`crate::route`), its place on the
//! home page and in page titles, its bundles (`crate::bundles`), the pages
//! the benchmarks measure, and the kind of document Saved opens in it.

use crate::route::{AssessmentKind, Calculator, Page};

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

/// A calculator: its page copy and the split points its pages need
/// (`split_point!` names less their `_1`; see `crate::bundles`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalculatorEntry {
    pub calculator: Calculator,
    /// Its name.
    pub title: &'static str,
    /// One line saying what it answers, on the home page.
    pub summary: &'static str,
    /// Its start page's paragraph, under the title.
    pub lede: &'static str,
    /// What its start page needs to open (`#/<slug>`).
    pub start: &'static [&'static str],
    /// What its editor needs to open (`#/<slug>/<id>`), then what it uses
    /// once built.
    pub editor: &'static [&'static str],
    pub editor_later: &'static [&'static str],
    /// What the view of its share link needs to open (`#/s/<slug>/…`), then
    /// what it uses once built.
    pub shared: &'static [&'static str],
    pub shared_later: &'static [&'static str],
}

/// Every calculator, in the order the home page lists them.
pub const CALCULATORS: [CalculatorEntry; 3] = [
    CalculatorEntry {
        calculator: Calculator::Roi,
        title: "ML project ROI",
        summary: "Costs, benefits, NPV, IRR and payback of an ML project, month by month.",
        lede: "Is this ML project worth it? Enter what it costs to build, run and maintain, and what it earns or saves; read its NPV, IRR, payback and cash flow as you type.",
        start: &["calculator_start"],
        editor: &["roi_page"],
        editor_later: &[
            "roi_results",
            "roi_extras",
            "uncertainty_panel",
            "share_panel",
            "draw_on",
        ],
        shared: &["shared_roi"],
        shared_later: &["uncertainty_panel", "draw_on"],
    },
    CalculatorEntry {
        calculator: Calculator::Portfolio,
        title: "Project prioritisation",
        summary: "Rank candidate ML projects by impact, urgency, effort, feasibility and risk.",
        lede: "Which ML projects next quarter? Score each candidate on business impact, resources, feasibility, time to value, urgency and risk with a shared rubric, weigh the criteria, and compare rankings by weighted criteria, RICE, WSJF and ICE.",
        start: &["calculator_start"],
        editor: &["portfolio_page"],
        editor_later: &["below", "share_panel", "attachments", "draw_on"],
        shared: &["shared_portfolio"],
        shared_later: &["below", "draw_on"],
    },
    CalculatorEntry {
        calculator: Calculator::AutomationRoi,
        title: "Automation ROI",
        summary: "Hours and money that automating each pipeline stage saves, against what it costs.",
        lede: "What does automating the ML pipeline save? For each stage, enter the hours a run takes and the share automation removes; weigh them against the tool's licence, compute, set-up and the oversight people still give it.",
        start: &["calculator_start"],
        editor: &["automation_page"],
        editor_later: &["share_panel", "draw_on"],
        shared: &["shared_automation"],
        shared_later: &["draw_on"],
    },
];

/// A calculator's entry.
pub fn calculator(calculator: Calculator) -> &'static CalculatorEntry {
    CALCULATORS
        .iter()
        .find(|e| e.calculator == calculator)
        .expect("every calculator has an entry (tested)")
}

/// Every tool, grouped, in display order.
pub fn tools() -> Vec<(Group, Tool)> {
    let calculators = CALCULATORS.iter().map(|entry| {
        (
            Group::Calculator,
            Tool {
                page: Page::Calculator(entry.calculator, None),
                title: entry.title,
                summary: entry.summary,
                lede: entry.lede,
            },
        )
    });
    let assessments = vec![
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
    ];
    assessments.into_iter().chain(calculators).collect()
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
    fn every_calculator_has_one_entry() {
        for c in Calculator::ALL {
            assert_eq!(
                CALCULATORS.iter().filter(|e| e.calculator == c).count(),
                1,
                "{c:?}"
            );
            assert_eq!(calculator(c).calculator, c);
        }
        assert_eq!(CALCULATORS.len(), Calculator::ALL.len());
    }

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
