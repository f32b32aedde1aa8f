//! Each input of a project, its check and inline message; the portfolio's validation and example.

use super::*;

/// One input of a project, for inline messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectField {
    /// The name.
    Name,
    /// A criterion score.
    Score(Criterion),
    /// RICE reach.
    RiceReach,
    /// RICE impact.
    RiceImpact,
    /// RICE confidence.
    RiceConfidence,
    /// RICE effort.
    RiceEffort,
    /// WSJF user-business value.
    WsjfBusinessValue,
    /// WSJF time criticality.
    WsjfTimeCriticality,
    /// WSJF risk reduction and opportunity enablement.
    WsjfRiskReduction,
    /// WSJF job size.
    WsjfJobSize,
    /// ICE impact.
    IceImpact,
    /// ICE confidence.
    IceConfidence,
    /// ICE ease.
    IceEase,
    /// Estimated cost.
    EstimatedCost,
}

impl ProjectField {
    /// Every numeric input, in form order: all but the name.
    pub const NUMBERS: [ProjectField; 18] = [
        ProjectField::Score(Criterion::BusinessImpact),
        ProjectField::Score(Criterion::ResourceRequirements),
        ProjectField::Score(Criterion::TechnicalFeasibility),
        ProjectField::Score(Criterion::TimeToValue),
        ProjectField::Score(Criterion::Urgency),
        ProjectField::Score(Criterion::RiskFactors),
        ProjectField::RiceReach,
        ProjectField::RiceImpact,
        ProjectField::RiceConfidence,
        ProjectField::RiceEffort,
        ProjectField::WsjfBusinessValue,
        ProjectField::WsjfTimeCriticality,
        ProjectField::WsjfRiskReduction,
        ProjectField::WsjfJobSize,
        ProjectField::IceImpact,
        ProjectField::IceConfidence,
        ProjectField::IceEase,
        ProjectField::EstimatedCost,
    ];

    /// Whether `value` is allowed in this field, with the inline message when
    /// not. Choice fields (scores, RICE impact and confidence, WSJF, ICE)
    /// accept only the values of their scale; the name is checked by
    /// [`Portfolio::validate`] and always passes here.
    pub fn check(self, value: f64) -> Result<(), String> {
        if self == ProjectField::Name {
            return Ok(());
        }
        if !value.is_finite() {
            return Err("Enter a number.".into());
        }
        let whole_in = |lo: u32, hi: u32| {
            value.fract() == 0.0 && value >= f64::from(lo) && value <= f64::from(hi)
        };
        match self {
            ProjectField::Name => Ok(()),
            ProjectField::Score(_) if whole_in(SCALE_MIN, SCALE_MAX) => Ok(()),
            ProjectField::Score(_) => Err("Pick a score from 1 to 5.".into()),
            ProjectField::RiceReach => check_range(value, 0.0, MAX_REACH, NumberKind::Plain, false),
            ProjectField::RiceImpact if RICE_IMPACT.iter().any(|(v, _)| *v == value) => Ok(()),
            ProjectField::RiceImpact => {
                Err("Pick 3 (massive), 2 (high), 1 (medium), 0.5 (low) or 0.25 (minimal).".into())
            }
            ProjectField::RiceConfidence
                if RICE_CONFIDENCE
                    .iter()
                    .any(|(v, _)| (v - value).abs() < 1e-9) =>
            {
                Ok(())
            }
            ProjectField::RiceConfidence => Err("Pick 100%, 80% or 50%.".into()),
            ProjectField::RiceEffort if value <= 0.0 => {
                Err("Effort must be more than 0 person-months.".into())
            }
            ProjectField::RiceEffort if value > MAX_EFFORT => Err(format!(
                "Enter at most {} person-months.",
                crate::domain::input::group_thousands(&format!("{MAX_EFFORT}"))
            )),
            ProjectField::RiceEffort => Ok(()),
            ProjectField::WsjfBusinessValue
            | ProjectField::WsjfTimeCriticality
            | ProjectField::WsjfRiskReduction
            | ProjectField::WsjfJobSize => {
                if value.fract() == 0.0 && WSJF_SCALE.iter().any(|s| f64::from(*s) == value) {
                    Ok(())
                } else if self == ProjectField::WsjfJobSize && value <= 0.0 {
                    Err("Job size must be more than 0: pick 1, 2, 3, 5, 8, 13 or 20.".into())
                } else {
                    Err("Pick 1, 2, 3, 5, 8, 13 or 20.".into())
                }
            }
            ProjectField::IceImpact | ProjectField::IceConfidence | ProjectField::IceEase => {
                if whole_in(ICE_MIN, ICE_MAX) {
                    Ok(())
                } else {
                    Err("Pick a score from 1 to 10.".into())
                }
            }
            ProjectField::EstimatedCost => {
                check_range(value, 0.0, MAX_MONEY, NumberKind::Plain, false)
            }
        }
    }

    /// How the field's text is read (RICE confidence is a percentage).
    pub fn kind(self) -> NumberKind {
        match self {
            ProjectField::RiceConfidence => NumberKind::Percent,
            _ => NumberKind::Plain,
        }
    }

    /// The unit as shown beside the field.
    pub fn unit(self, currency: &str) -> String {
        match self {
            ProjectField::Name => String::new(),
            ProjectField::Score(_) => "1 to 5".into(),
            ProjectField::RiceReach => "people or events / quarter".into(),
            ProjectField::RiceImpact => "0.25 to 3".into(),
            ProjectField::RiceConfidence => "%".into(),
            ProjectField::RiceEffort => "person-months".into(),
            ProjectField::WsjfBusinessValue
            | ProjectField::WsjfTimeCriticality
            | ProjectField::WsjfRiskReduction
            | ProjectField::WsjfJobSize => "1, 2, 3, 5, 8, 13, 20".into(),
            ProjectField::IceImpact | ProjectField::IceConfidence | ProjectField::IceEase => {
                "1 to 10".into()
            }
            ProjectField::EstimatedCost => currency.to_string(),
        }
    }

    /// One line of help.
    pub fn help(self) -> &'static str {
        match self {
            ProjectField::Name => "A short name, different from the other projects'.",
            ProjectField::Score(c) => c.help(),
            ProjectField::RiceReach => "How many people or events the project affects per quarter.",
            ProjectField::RiceImpact => {
                "Effect on each one reached: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal."
            }
            ProjectField::RiceConfidence => {
                "How sure you are of reach and impact: 100% high, 80% medium, 50% low."
            }
            ProjectField::RiceEffort => "Total work in person-months, everyone included.",
            ProjectField::WsjfBusinessValue => {
                "Value to users and the business, relative to the other projects."
            }
            ProjectField::WsjfTimeCriticality => "How fast the value decays if the project waits.",
            ProjectField::WsjfRiskReduction => {
                "Risk it removes or opportunities it opens for later work."
            }
            ProjectField::WsjfJobSize => "Size of the work relative to the other projects.",
            ProjectField::IceImpact => "How much it moves the goal, 1 to 10.",
            ProjectField::IceConfidence => "How sure you are it will work, 1 to 10.",
            ProjectField::IceEase => "How easy it is to build, 1 to 10 (10 = easiest).",
            ProjectField::EstimatedCost => {
                "Rough total cost; sets the bubble size on the value-effort map."
            }
        }
    }

    /// Stable id of the input; a project's field is known by
    /// `"{project.id}-{field.id()}"` ([`ProjectError::field_key`]).
    pub fn id(self) -> &'static str {
        match self {
            ProjectField::Name => "name",
            ProjectField::Score(Criterion::BusinessImpact) => "score-business-impact",
            ProjectField::Score(Criterion::ResourceRequirements) => "score-resource-requirements",
            ProjectField::Score(Criterion::TechnicalFeasibility) => "score-technical-feasibility",
            ProjectField::Score(Criterion::TimeToValue) => "score-time-to-value",
            ProjectField::Score(Criterion::Urgency) => "score-urgency",
            ProjectField::Score(Criterion::RiskFactors) => "score-risk-factors",
            ProjectField::RiceReach => "rice-reach",
            ProjectField::RiceImpact => "rice-impact",
            ProjectField::RiceConfidence => "rice-confidence",
            ProjectField::RiceEffort => "rice-effort",
            ProjectField::WsjfBusinessValue => "wsjf-business-value",
            ProjectField::WsjfTimeCriticality => "wsjf-time-criticality",
            ProjectField::WsjfRiskReduction => "wsjf-risk-reduction",
            ProjectField::WsjfJobSize => "wsjf-job-size",
            ProjectField::IceImpact => "ice-impact",
            ProjectField::IceConfidence => "ice-confidence",
            ProjectField::IceEase => "ice-ease",
            ProjectField::EstimatedCost => "estimated-cost",
        }
    }

    /// Its label, self-contained (names the method).
    pub fn label(self) -> &'static str {
        match self {
            ProjectField::Name => "Name",
            ProjectField::Score(c) => c.name(),
            ProjectField::RiceReach => "RICE reach",
            ProjectField::RiceImpact => "RICE impact",
            ProjectField::RiceConfidence => "RICE confidence",
            ProjectField::RiceEffort => "RICE effort",
            ProjectField::WsjfBusinessValue => "WSJF user-business value",
            ProjectField::WsjfTimeCriticality => "WSJF time criticality",
            ProjectField::WsjfRiskReduction => "WSJF risk reduction & opportunity enablement",
            ProjectField::WsjfJobSize => "WSJF job size",
            ProjectField::IceImpact => "ICE impact",
            ProjectField::IceConfidence => "ICE confidence",
            ProjectField::IceEase => "ICE ease",
            ProjectField::EstimatedCost => "Estimated cost",
        }
    }

    /// The method whose score needs this field, if any.
    pub fn method(self) -> Option<Method> {
        match self {
            ProjectField::Name | ProjectField::EstimatedCost => None,
            ProjectField::Score(_) => Some(Method::Weighted),
            ProjectField::RiceReach
            | ProjectField::RiceImpact
            | ProjectField::RiceConfidence
            | ProjectField::RiceEffort => Some(Method::Rice),
            ProjectField::WsjfBusinessValue
            | ProjectField::WsjfTimeCriticality
            | ProjectField::WsjfRiskReduction
            | ProjectField::WsjfJobSize => Some(Method::Wsjf),
            ProjectField::IceImpact | ProjectField::IceConfidence | ProjectField::IceEase => {
                Some(Method::Ice)
            }
        }
    }
}

/// One bad input of one project.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectError {
    /// The project's position in [`Portfolio::projects`].
    pub project: usize,
    /// The project's id.
    pub project_id: String,
    /// Which input.
    pub field: ProjectField,
    /// What is wrong, as an inline message.
    pub message: String,
}

impl ProjectError {
    /// The key of the field the message belongs to: the project's id and
    /// the input's, unique in the portfolio.
    pub fn field_key(&self) -> String {
        format!("{}-{}", self.project_id, self.field.id())
    }
}

pub(super) fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl Portfolio {
    /// Every bad input, project by project in list order: an empty name, a
    /// name already used by an earlier project (trimmed, ignoring case; the
    /// later one gets the error), and every input outside its scale.
    pub fn validate(&self) -> Vec<ProjectError> {
        let mut out = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for (i, p) in self.projects.iter().enumerate() {
            let error = |field, message: String| ProjectError {
                project: i,
                project_id: p.id.clone(),
                field,
                message,
            };
            let key = name_key(&p.name);
            if key.is_empty() {
                out.push(error(ProjectField::Name, "Give the project a name.".into()));
            } else if seen.contains(&key) {
                out.push(error(
                    ProjectField::Name,
                    format!(
                        "Another project is already called “{}”; give this one a different name.",
                        p.name.trim()
                    ),
                ));
            }
            seen.push(key);
            for (field, message) in p.field_errors() {
                out.push(error(field, message));
            }
        }
        out
    }

    /// The bad inputs of the project at `index`.
    pub fn errors_of(&self, index: usize) -> Vec<ProjectError> {
        self.validate()
            .into_iter()
            .filter(|e| e.project == index)
            .collect()
    }

    /// A new project with an id and a name no project here has yet
    /// ("p1", "Project 1", …); the caller pushes it.
    pub fn new_project(&self) -> Project {
        let ids: Vec<&str> = self.projects.iter().map(|p| p.id.as_str()).collect();
        let names: Vec<String> = self.projects.iter().map(|p| name_key(&p.name)).collect();
        let mut n = self.projects.len() + 1;
        loop {
            let id = format!("p{n}");
            let name = format!("Project {n}");
            if !ids.contains(&id.as_str()) && !names.contains(&name_key(&name)) {
                return Project::new(id, name);
            }
            n += 1;
        }
    }

    /// Five example candidates for a mid-sized company, one in each quadrant
    /// of the value-effort map and an extra quick win.
    pub fn example() -> Portfolio {
        #[allow(clippy::too_many_arguments)]
        fn project(
            id: &str,
            name: &str,
            notes: &str,
            s: [u32; CRITERIA],
            rice: (f64, f64, f64, f64),
            wsjf: [u32; 4],
            ice: [u32; 3],
            cost: f64,
        ) -> Project {
            Project {
                id: id.into(),
                name: name.into(),
                notes: notes.into(),
                scores: Scores {
                    business_impact: s[0],
                    resource_requirements: s[1],
                    technical_feasibility: s[2],
                    time_to_value: s[3],
                    urgency: s[4],
                    risk_factors: s[5],
                },
                rice: Rice {
                    reach: rice.0,
                    impact: rice.1,
                    confidence: rice.2,
                    effort: rice.3,
                },
                wsjf: Wsjf {
                    business_value: wsjf[0],
                    time_criticality: wsjf[1],
                    risk_reduction: wsjf[2],
                    job_size: wsjf[3],
                },
                ice: Ice {
                    impact: ice[0],
                    confidence: ice[1],
                    ease: ice[2],
                },
                estimated_cost: Some(cost),
                roi_model: None,
                readiness: None,
                depends_on: Vec::new(),
            }
        }
        Portfolio {
            name: "Example: five ML candidates".into(),
            projects: vec![
                project(
                    "support-routing",
                    "Support ticket routing",
                    "Classify incoming tickets and route them to the right queue; years of labelled tickets exist.",
                    [3, 4, 5, 5, 2, 4],
                    (6_000.0, 1.0, 1.0, 2.0),
                    [5, 3, 2, 3],
                    [6, 9, 8],
                    40_000.0,
                ),
                project(
                    "demand-forecasting",
                    "Demand forecasting",
                    "Replace spreadsheet forecasts for 2,000 products; needs a data pipeline from the stores.",
                    [5, 2, 4, 2, 4, 3],
                    (300.0, 3.0, 0.8, 18.0),
                    [20, 8, 8, 13],
                    [9, 7, 4],
                    320_000.0,
                ),
                project(
                    "churn-prediction",
                    "Churn prediction",
                    "Flag subscribers likely to cancel so the retention team can call them.",
                    [4, 3, 4, 4, 4, 4],
                    (12_000.0, 1.0, 0.8, 6.0),
                    [13, 8, 5, 5],
                    [7, 7, 6],
                    120_000.0,
                ),
                project(
                    "document-search",
                    "Internal document search",
                    "Semantic search over the wiki and policies for staff questions.",
                    [2, 4, 3, 4, 1, 3],
                    (400.0, 0.5, 0.8, 3.0),
                    [3, 2, 2, 3],
                    [4, 6, 7],
                    60_000.0,
                ),
                project(
                    "sales-assistant",
                    "Generative sales-email assistant",
                    "Draft outreach emails from CRM notes; legal review of generated text still open.",
                    [2, 2, 2, 3, 1, 2],
                    (80.0, 0.5, 0.5, 10.0),
                    [3, 2, 1, 13],
                    [4, 3, 3],
                    200_000.0,
                ),
            ],
            ..Portfolio::default()
        }
    }
}
