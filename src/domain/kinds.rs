//! The kinds of things Sextant knows, named once at the bottom of the crate:
//! the assessments it ships, its calculators, and the kinds of document a
//! share link carries.
//! The router, the stored formats and the pages all name them from here;
//! nothing here knows about addresses, storage or pages.

/// The four guided self-assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssessmentKind {
    /// ML engineer skills.
    Skills,
    /// ML project readiness, with the ML Test Score rubric.
    Readiness,
    /// Automation (AutoML) readiness.
    Automation,
    /// Team and stakeholder practices.
    Team,
}

impl AssessmentKind {
    /// Every assessment, in the order the home page lists them.
    pub const ALL: [AssessmentKind; 4] = [
        AssessmentKind::Skills,
        AssessmentKind::Readiness,
        AssessmentKind::Automation,
        AssessmentKind::Team,
    ];

    /// The path segment naming this assessment.
    pub fn slug(self) -> &'static str {
        match self {
            AssessmentKind::Skills => "skills",
            AssessmentKind::Readiness => "readiness",
            AssessmentKind::Automation => "automation",
            AssessmentKind::Team => "team",
        }
    }

    /// The assessment a path segment names.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

/// The calculators: tools that edit a document of their own kind, each with
/// a start page and an editor. What each shows and needs is its entry in the
/// catalogue of tools, above the domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Calculator {
    /// ML project ROI: an `RoiModel`.
    Roi,
    /// Project prioritisation: a `Portfolio`.
    Portfolio,
    /// Automation ROI: an `AutomationModel`.
    AutomationRoi,
}

impl Calculator {
    /// Every calculator, in the order the home page lists them.
    pub const ALL: [Calculator; 3] = [
        Calculator::Roi,
        Calculator::Portfolio,
        Calculator::AutomationRoi,
    ];

    /// The path segment naming this calculator.
    pub fn slug(self) -> &'static str {
        match self {
            Calculator::Roi => "roi",
            Calculator::Portfolio => "portfolio",
            Calculator::AutomationRoi => "automation-roi",
        }
    }

    /// The calculator a path segment names.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// What a share link holds: a calculator's document, or a run of one
/// assessment. The router names it in a link's address (`#/s/roi/v1.…`) so
/// that opening the link fetches only the view of that kind of document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SharedKind {
    /// A document of one of the calculators.
    Calculator(Calculator),
    /// A run of one of the assessments.
    Assessment(AssessmentKind),
}
