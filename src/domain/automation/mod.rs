//! The automation (AutoML) ROI calculator: what automating the stages of an
//! ML pipeline saves, month by month, against what the tool costs.
//!
//! For each of the five [`Stage`]s the user gives the hands-on hours one run
//! takes, the runs per month, the loaded hourly rate, the share of those
//! hours automation removes and the oversight hours per month people still
//! spend on it. Hours saved are net of oversight:
//! `hours × runs × share − oversight`, which is negative when oversight costs
//! more time than automation removes (the results then say so in a note).
//!
//! Cash flows: month 0 carries the one-off set-up cost (as money: for effort
//! counted in hours, enter hours × loaded rate); months 1 to the horizon carry
//! the money saved, growing linearly over the adoption ramp to the full
//! saving, minus the running costs: licence, compute, upkeep of the
//! automation itself, and the monthly cost each ticked limitation is given
//! (monitoring for drift, say). A cost given to vendor lock-in is an exit
//! cost, paid once in the last month. Every figure comes from
//! [`crate::finance`]: NPV at the monthly equivalent of the annual discount
//! rate, payback by [`finance::payback_period`]. Nothing here panics, and
//! every number is finite or an error that says why.

use super::input;
pub use super::input::Unit;
use crate::finance;
use std::collections::{BTreeMap, BTreeSet};

/// Upper bound for any amount of money: beyond it inputs are typos.
pub const MAX_MONEY: f64 = 1e12;
/// Longest horizon, in months.
pub const MAX_HORIZON_MONTHS: u32 = 120;
/// Shortest horizon, in years: half a month, counted as one month, so that
/// one month typed as 0.083333 (or as 1/12 to any precision) is accepted.
pub const MIN_HORIZON_YEARS: f64 = 1.0 / 24.0;

/// A stage of the ML pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// Ingesting, cleaning and validating data.
    DataProcessing,
    /// Building and testing features.
    FeatureEngineering,
    /// Training and comparing candidate models.
    ModelSelection,
    /// Searching hyperparameters.
    HyperparameterTuning,
    /// Packaging, releasing and rolling back models.
    Deployment,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 5] = [
        Stage::DataProcessing,
        Stage::FeatureEngineering,
        Stage::ModelSelection,
        Stage::HyperparameterTuning,
        Stage::Deployment,
    ];

    /// Its position in [`Stage::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Stable id: the same as the automation-readiness pack's section ids.
    pub fn id(self) -> &'static str {
        match self {
            Stage::DataProcessing => "data-processing",
            Stage::FeatureEngineering => "feature-engineering",
            Stage::ModelSelection => "model-selection",
            Stage::HyperparameterTuning => "hyperparameter-tuning",
            Stage::Deployment => "deployment",
        }
    }

    /// The stage with this id.
    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Stage::DataProcessing => "Data processing",
            Stage::FeatureEngineering => "Feature engineering",
            Stage::ModelSelection => "Model selection",
            Stage::HyperparameterTuning => "Hyperparameter tuning",
            Stage::Deployment => "Deployment",
        }
    }
}

/// The inputs of one stage.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageInputs {
    /// Hands-on hours one run takes today.
    pub hours_per_run: f64,
    /// Runs per month.
    pub runs_per_month: f64,
    /// Loaded cost of one of those hours.
    pub hourly_rate: f64,
    /// Share of the hours automation removes, 0 to 1.
    pub automated_share: f64,
    /// Hours per month people still spend reviewing the automated stage.
    pub oversight_hours: f64,
}

/// A known limitation of pipeline automation, to tick when it applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Limitation {
    /// Retraining on shifted data without noticing.
    DataDrift,
    /// Automatically chosen models that are hard to explain.
    Explainability,
    /// Poor results on rare but important cases.
    EdgeCases,
    /// Optimistic accuracy from searching against one validation set.
    SearchOverfitting,
    /// Work that cannot leave the tool.
    VendorLockIn,
    /// The team losing the skill to question the models.
    SkillErosion,
}

impl Limitation {
    /// Every limitation, in list order.
    pub const ALL: [Limitation; 6] = [
        Limitation::DataDrift,
        Limitation::Explainability,
        Limitation::EdgeCases,
        Limitation::SearchOverfitting,
        Limitation::VendorLockIn,
        Limitation::SkillErosion,
    ];

    /// Stable id, used in stored data and in field keys.
    pub fn id(self) -> &'static str {
        match self {
            Limitation::DataDrift => "data-drift",
            Limitation::Explainability => "explainability",
            Limitation::EdgeCases => "edge-cases",
            Limitation::SearchOverfitting => "search-overfitting",
            Limitation::VendorLockIn => "vendor-lock-in",
            Limitation::SkillErosion => "skill-erosion",
        }
    }

    /// The limitation with this id.
    pub fn from_id(id: &str) -> Option<Limitation> {
        Limitation::ALL.into_iter().find(|l| l.id() == id)
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Limitation::DataDrift => "Data drift",
            Limitation::Explainability => "Explainability",
            Limitation::EdgeCases => "Edge cases",
            Limitation::SearchOverfitting => "Overfitting the validation data",
            Limitation::VendorLockIn => "Vendor lock-in",
            Limitation::SkillErosion => "Loss of modelling skill",
        }
    }

    /// What goes wrong, in one sentence.
    pub fn explanation(self) -> &'static str {
        match self {
            Limitation::DataDrift => "An automated pipeline keeps retraining and releasing on data whose meaning or distribution has shifted, so accuracy can decay without anyone noticing.",
            Limitation::Explainability => "A model chosen automatically, often an ensemble or a deep network, can be hard to explain to users, auditors or regulators.",
            Limitation::EdgeCases => "Automation optimises an average metric and can do badly on rare but important cases and on small subgroups.",
            Limitation::SearchOverfitting => "Trying thousands of models and settings against the same validation data finds one that looks best partly by luck, so the reported accuracy is optimistic.",
            Limitation::VendorLockIn => "Pipelines, features and models built inside one platform may not move to another tool, and its price can rise once you depend on it.",
            Limitation::SkillErosion => "When the tool makes every modelling choice, the team can lose the skill to debug, question or improve the models it ships.",
        }
    }

    /// What its cost line pays for, as the field names it.
    pub fn cost_label(self) -> &'static str {
        match self {
            Limitation::DataDrift => "Drift monitoring",
            Limitation::Explainability => "Explanations and model cards",
            Limitation::EdgeCases => "Edge-case testing",
            Limitation::SearchOverfitting => "Held-out evaluation",
            Limitation::VendorLockIn => "Exit cost",
            Limitation::SkillErosion => "Baselines and reviews by hand",
        }
    }

    /// Whether its cost is paid once, in the last month (leaving the
    /// vendor), rather than every month.
    pub fn cost_is_one_off(self) -> bool {
        self == Limitation::VendorLockIn
    }

    /// How to limit the damage, in one sentence.
    pub fn mitigation(self) -> &'static str {
        match self {
            Limitation::DataDrift => "Monitor input and prediction distributions, alert on drift and schema changes, and have a person approve retraining when an alert fires.",
            Limitation::Explainability => "Restrict the search to explainable model families where explanations are required, and publish feature attributions and a model card with every release.",
            Limitation::EdgeCases => "Keep a curated test set of known edge cases and per-subgroup metrics that every candidate must pass before release.",
            Limitation::SearchOverfitting => "Hold out a final test set the search never sees, use cross-validation, and compare every winner with a simple baseline.",
            Limitation::VendorLockIn => "Export models in open formats such as ONNX, keep data and feature code in your own repositories, and keep a costed exit plan.",
            Limitation::SkillErosion => "Review the chosen pipelines in pairs, record why each was accepted, and keep building simple baselines by hand.",
        }
    }
}

/// An automation ROI estimate.
#[derive(Clone, Debug, PartialEq)]
pub struct AutomationModel {
    /// ISO 4217 code, e.g. "USD".
    pub currency: String,
    /// Stage inputs, indexed by [`Stage::index`].
    pub stages: [StageInputs; 5],
    /// Tool licence per month.
    pub licence_monthly: f64,
    /// Extra compute per month for the automated runs.
    pub compute_monthly: f64,
    /// One-off set-up cost in money (integration, migration, training).
    pub setup_cost: f64,
    /// Years analysed, from one month (1/12) to 10.
    pub horizon_years: f64,
    /// Annual discount rate (0.1 = 10%).
    pub discount_rate: f64,
    /// The limitations the user ticked.
    pub limitations: BTreeSet<Limitation>,
    /// Months from the first automated run to the full saving (0 = at once).
    pub ramp_months: f64,
    /// Keeping the automation working, per month: people's time on its
    /// pipelines, upgrades and failures, as money.
    pub upkeep_monthly: f64,
    /// The cost each limitation adds when ticked: per month, or once for
    /// [`Limitation::cost_is_one_off`]. Kept when unticked, not counted.
    pub limitation_costs: BTreeMap<Limitation, f64>,
}

impl AutomationModel {
    /// The inputs of one stage.
    pub fn stage(&self, s: Stage) -> &StageInputs {
        &self.stages[s.index()]
    }

    /// The inputs of one stage, to change.
    pub fn stage_mut(&mut self, s: Stage) -> &mut StageInputs {
        &mut self.stages[s.index()]
    }

    /// The monthly discount rate equivalent to the annual one.
    pub fn monthly_rate(&self) -> f64 {
        finance::monthly_rate(self.discount_rate)
    }

    /// Months analysed: the horizon in whole months, 1 to 120.
    pub fn horizon_months(&self) -> u32 {
        ((self.horizon_years * 12.0).round().max(1.0) as u32).min(MAX_HORIZON_MONTHS)
    }

    /// Ticks or unticks a limitation.
    pub fn set_limitation(&mut self, l: Limitation, ticked: bool) {
        if ticked {
            self.limitations.insert(l);
        } else {
            self.limitations.remove(&l);
        }
    }
}

impl Default for AutomationModel {
    /// A blank model: no hours, no costs, 36 months at 10%.
    fn default() -> Self {
        AutomationModel {
            currency: "USD".into(),
            stages: [StageInputs::default(); 5],
            licence_monthly: 0.0,
            compute_monthly: 0.0,
            setup_cost: 0.0,
            horizon_years: 3.0,
            discount_rate: 0.10,
            limitations: BTreeSet::new(),
            ramp_months: 0.0,
            upkeep_monthly: 0.0,
            limitation_costs: BTreeMap::new(),
        }
    }
}

/// The groups of the global fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Licence, compute, set-up.
    Costs,
    /// Horizon and discount rate.
    Money,
}

impl Section {
    /// Every section in form order.
    pub const ALL: [Section; 2] = [Section::Costs, Section::Money];

    /// Its heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Costs => "Costs of automating",
            Section::Money => "Horizon and money",
        }
    }
}

/// One global numeric input (see [`input::Field`]). The form and
/// [`AutomationModel::validate`] both use [`FIELDS`].
pub type Field = input::Field<AutomationModel, Section>;

/// One numeric input of every stage; a stage's field is known by
/// [`stage_field_key`].
pub type StageField = input::Field<StageInputs>;

/// The key of one stage's field, unique in the model, e.g.
/// `"deployment-hours-per-run"`.
pub fn stage_field_key(stage: Stage, field: &StageField) -> String {
    format!("{}-{}", stage.id(), field.id)
}

macro_rules! field {
    ($id:literal, $section:ident, $label:literal, $unit:ident, $min:expr, $max:expr, $help:literal, |$m:ident| $path:expr) => {
        Field {
            id: $id,
            section: Section::$section,
            label: $label,
            unit: Unit::$unit,
            min: $min,
            max: $max,
            integer: false,
            help: $help,
            get: |$m: &AutomationModel| $path,
            set: |$m: &mut AutomationModel, v: f64| $path = v,
        }
    };
}

/// Every global numeric input, in form order.
pub const FIELDS: &[Field] = &[
    field!("licence", Costs, "Tool licence", MoneyPerMonth, 0.0, MAX_MONEY,
        "Subscription for the AutoML or pipeline tool, per month.", |m| m.licence_monthly),
    field!("compute", Costs, "Compute", MoneyPerMonth, 0.0, MAX_MONEY,
        "Extra cloud compute the automated runs use per month; searches run more trials than people do.", |m| m.compute_monthly),
    field!("setup-cost", Costs, "Set-up cost (one-off)", Money, 0.0, MAX_MONEY,
        "Integration, migration and training before the first automated run, as money; for effort counted in hours, enter hours × loaded rate.", |m| m.setup_cost),
    field!("upkeep", Costs, "Upkeep of the automation", MoneyPerMonth, 0.0, MAX_MONEY,
        "People's time keeping the automated pipelines working: upgrades, broken runs, new data sources, as money per month.", |m| m.upkeep_monthly),
    field!("ramp", Costs, "Adoption ramp", Months, 0.0, 120.0,
        "Months from the first automated run until the team saves the full hours; savings grow linearly until then.", |m| m.ramp_months),
    field!("horizon", Money, "Horizon", Years, MIN_HORIZON_YEARS, 10.0,
        "How many years the estimate covers, from the set-up, as in the ML project ROI calculator: 1.5 is 18 months, 0.25 three.", |m| m.horizon_years),
    field!("discount-rate", Money, "Discount rate", PercentPerYear, -0.5, 1.0,
        "Your organisation's cost of capital or hurdle rate; converted to a monthly rate for the NPV.", |m| m.discount_rate),
];

/// The numeric inputs of each stage, in form order.
pub const STAGE_FIELDS: &[StageField] = &[
    StageField {
        id: "hours-per-run",
        section: (),
        label: "Hours per run",
        unit: Unit::HoursPerRun,
        min: 0.0,
        max: 10_000.0,
        integer: false,
        help: "Hands-on hours one run of this stage takes today, summed over everyone involved.",
        get: |s| s.hours_per_run,
        set: |s, v| s.hours_per_run = v,
    },
    StageField {
        id: "runs-per-month",
        section: (),
        label: "Runs per month",
        unit: Unit::RunsPerMonth,
        min: 0.0,
        max: 10_000.0,
        integer: false,
        help: "How often the stage runs per month across your projects; 0.5 for every other month.",
        get: |s| s.runs_per_month,
        set: |s, v| s.runs_per_month = v,
    },
    StageField {
        id: "hourly-rate",
        section: (),
        label: "Loaded hourly rate",
        unit: Unit::MoneyPerHour,
        min: 0.0,
        max: 1e5,
        integer: false,
        help: "Cost of one hour of the people doing it, including overheads.",
        get: |s| s.hourly_rate,
        set: |s, v| s.hourly_rate = v,
    },
    StageField {
        id: "automated-share",
        section: (),
        label: "Share of the time automated",
        unit: Unit::Percent,
        min: 0.0,
        max: 1.0,
        integer: false,
        help: "How much of those hours automation removes; few stages reach 100%.",
        get: |s| s.automated_share,
        set: |s, v| s.automated_share = v,
    },
    StageField {
        id: "oversight",
        section: (),
        label: "Oversight still needed",
        unit: Unit::HoursPerMonth,
        min: 0.0,
        max: 1e6,
        integer: false,
        help: "Hours per month people still spend reviewing, approving and fixing the automated stage.",
        get: |s| s.oversight_hours,
        set: |s, v| s.oversight_hours = v,
    },
];

/// One input outside its allowed range.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// Which field: its key (`Field::id`, or [`stage_field_key`]).
    pub id: String,
    /// The field as named in the form ("Deployment: hours per run").
    pub label: String,
    /// What is wrong, as an inline message.
    pub message: String,
}

/// Hours and money of one stage per month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StageResult {
    /// Which stage.
    pub stage: Stage,
    /// Hours per month today: hours per run × runs per month.
    pub hours_before: f64,
    /// Hours automation removes: hours before × share automated.
    pub hours_removed: f64,
    /// Oversight hours per month.
    pub oversight_hours: f64,
    /// Hours per month after automating: before − removed + oversight.
    pub hours_after: f64,
    /// Removed − oversight; negative when oversight takes longer.
    pub net_hours_saved: f64,
    /// Net hours saved × hourly rate.
    pub money_saved: f64,
}

/// A figure, or why it is not available.
pub use super::roi::Figure;

/// Everything the calculator shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AutomationResults {
    /// Each stage, in pipeline order (for the before/after chart).
    pub stages: Vec<StageResult>,
    /// Hours per month on these stages today.
    pub hours_before_monthly: f64,
    /// Hours per month after automating, oversight included.
    pub hours_after_monthly: f64,
    /// Hours saved per month, net of oversight.
    pub hours_saved_monthly: f64,
    /// Hours saved per year (× 12).
    pub hours_saved_yearly: f64,
    /// Net hours saved as a share of the hours today.
    pub hours_saved_share: Figure,
    /// Value of the hours saved per month at full adoption, before any cost.
    pub money_saved_monthly: f64,
    /// Value of the hours saved per year (× 12).
    pub money_saved_yearly: f64,
    /// Licence, compute, upkeep and the ticked limitations' monthly costs,
    /// per month.
    pub running_cost_monthly: f64,
    /// The ticked limitations' monthly costs, per month (part of the
    /// running cost).
    pub limitation_cost_monthly: f64,
    /// The ticked limitations' one-off costs, paid in the last month.
    pub exit_cost: f64,
    /// Money saved at full adoption minus running costs, per month.
    pub net_monthly: f64,
    /// Net cash flow per month; month 0 is minus the set-up cost.
    pub flows: Vec<f64>,
    /// Cumulative net cash flow per month.
    pub cumulative: Vec<f64>,
    /// Set-up plus running costs over the horizon.
    pub total_cost: f64,
    /// Money saved over the horizon.
    pub total_savings: f64,
    /// Savings minus costs over the horizon.
    pub net_benefit: f64,
    /// Net benefit over total cost, in percent.
    pub roi_percent: Figure,
    /// Net present value at the discount rate.
    pub npv: Figure,
    /// Months until the cumulative flow turns non-negative, interpolated;
    /// 0 when nothing is spent up front and every month saves; `None` when it
    /// never does within the horizon, or nothing is spent or saved.
    pub payback_months: Option<f64>,
    /// The same on discounted flows.
    pub discounted_payback_months: Option<f64>,
    /// The first whole month at whose end the cumulative flow is non-negative.
    pub break_even_month: Option<u32>,
    /// The ticked limitations, in list order.
    pub limitations: Vec<Limitation>,
    /// Plain-English warnings about the inputs (oversight beyond savings,
    /// savings below running costs).
    pub notes: Vec<String>,
}

impl AutomationModel {
    /// Every input outside its range, global fields first, then each stage's
    /// in pipeline order; empty when the model can be evaluated.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        for f in FIELDS {
            if let Err(message) = f.check((f.get)(self)) {
                out.push(FieldError {
                    id: f.id.into(),
                    label: f.label.into(),
                    message,
                });
            }
        }
        for s in Stage::ALL {
            for f in STAGE_FIELDS {
                if let Err(message) = f.check((f.get)(self.stage(s))) {
                    out.push(FieldError {
                        id: stage_field_key(s, f),
                        label: format!("{}: {}", s.name(), f.label.to_lowercase()),
                        message,
                    });
                }
            }
        }
        out
    }

    /// Hours and money per stage per month; inputs must be valid.
    pub fn stage_results(&self) -> Vec<StageResult> {
        Stage::ALL
            .iter()
            .map(|&stage| {
                let s = self.stage(stage);
                let hours_before = s.hours_per_run * s.runs_per_month;
                let hours_removed = hours_before * s.automated_share;
                let net_hours_saved = hours_removed - s.oversight_hours;
                StageResult {
                    stage,
                    hours_before,
                    hours_removed,
                    oversight_hours: s.oversight_hours,
                    hours_after: hours_before - hours_removed + s.oversight_hours,
                    net_hours_saved,
                    money_saved: net_hours_saved * s.hourly_rate,
                }
            })
            .collect()
    }

    /// Evaluates the model, or lists the inputs that stop it.
    pub fn evaluate(&self) -> Result<AutomationResults, Vec<FieldError>> {
        let invalid = self.validate();
        if !invalid.is_empty() {
            return Err(invalid);
        }
        let stages = self.stage_results();
        let hours_before_monthly: f64 = stages.iter().map(|s| s.hours_before).sum();
        let hours_after_monthly: f64 = stages.iter().map(|s| s.hours_after).sum();
        let hours_saved_monthly: f64 = stages.iter().map(|s| s.net_hours_saved).sum();
        let money_saved_monthly: f64 = stages.iter().map(|s| s.money_saved).sum();
        let ticked_cost = |one_off: bool| -> f64 {
            self.limitations
                .iter()
                .filter(|l| l.cost_is_one_off() == one_off)
                .filter_map(|l| self.limitation_costs.get(l))
                .sum()
        };
        let limitation_cost_monthly = ticked_cost(false);
        let exit_cost = ticked_cost(true);
        let running_cost_monthly = self.licence_monthly
            + self.compute_monthly
            + self.upkeep_monthly
            + limitation_cost_monthly;
        let net_monthly = money_saved_monthly - running_cost_monthly;
        let horizon = self.horizon_months();
        let ramp = |m: u32| {
            if self.ramp_months >= 1.0 {
                (f64::from(m) / self.ramp_months).min(1.0)
            } else {
                1.0
            }
        };

        let mut flows = Vec::with_capacity(horizon as usize + 1);
        flows.push(-self.setup_cost);
        let mut total_savings = 0.0;
        for m in 1..=horizon {
            let saved = money_saved_monthly * ramp(m);
            total_savings += saved;
            let exit = if m == horizon { exit_cost } else { 0.0 };
            flows.push(saved - running_cost_monthly - exit);
        }
        let mut cumulative = Vec::with_capacity(flows.len());
        let mut sum = 0.0;
        for f in &flows {
            sum += f;
            cumulative.push(sum);
        }
        let months = f64::from(horizon);
        let total_cost = self.setup_cost + running_cost_monthly * months + exit_cost;
        let net_benefit = total_savings - total_cost;

        let rate = self.monthly_rate();
        let nothing_happens = flows.iter().all(|f| *f == 0.0);
        // With no set-up cost, finance::payback_period counts month 0 (zero)
        // as already paid back; that is only true if the first month saves.
        // Otherwise payback counts from the first month that spends.
        let loses_first = self.setup_cost == 0.0 && flows.get(1).is_some_and(|f| *f < 0.0);
        let payback = |flows: &[f64]| {
            if nothing_happens {
                None
            } else if loses_first {
                super::roi::payback_from_start(flows)
            } else {
                finance::payback_period(flows)
            }
        };
        let payback_months = payback(&flows);
        let discounted_payback_months = finance::discount(rate, &flows)
            .ok()
            .and_then(|d| payback(&d));
        let break_even_month = payback_months.map(|p| p.ceil() as u32);

        let roi_percent = if total_cost > 0.0 {
            Ok(net_benefit / total_cost * 100.0)
        } else {
            Err("there are no costs to return on".to_string())
        };
        let npv = finance::npv(rate, &flows).map_err(|e| e.to_string());
        let hours_saved_share = if hours_before_monthly > 0.0 {
            Ok(hours_saved_monthly / hours_before_monthly)
        } else {
            Err("no hours are spent on these stages today".to_string())
        };

        let mut notes = Vec::new();
        for s in &stages {
            if s.net_hours_saved < 0.0 {
                notes.push(format!(
                    "{}: oversight ({} hours a month) takes longer than the {} hours automation removes, so this stage costs more time than before.",
                    s.stage.name(),
                    super::format::decimal(s.oversight_hours, 1),
                    super::format::decimal(s.hours_removed, 1)
                ));
            }
        }
        if net_monthly <= 0.0 && (money_saved_monthly != 0.0 || running_cost_monthly != 0.0) {
            notes.push(
                "The money saved each month does not cover the running costs (licence, compute, upkeep and the limitations' costs), so the automation never pays back.".into(),
            );
        }

        let finite = |v: f64| -> Figure {
            if v.is_finite() {
                Ok(v)
            } else {
                Err("the figures are too large".into())
            }
        };
        Ok(AutomationResults {
            stages,
            hours_before_monthly,
            hours_after_monthly,
            hours_saved_monthly,
            hours_saved_yearly: hours_saved_monthly * 12.0,
            hours_saved_share: hours_saved_share.and_then(finite),
            money_saved_monthly,
            money_saved_yearly: money_saved_monthly * 12.0,
            running_cost_monthly,
            limitation_cost_monthly,
            exit_cost,
            net_monthly,
            flows,
            cumulative,
            total_cost,
            total_savings,
            net_benefit,
            roi_percent: roi_percent.and_then(finite),
            npv,
            payback_months,
            discounted_payback_months,
            break_even_month,
            limitations: self.limitations.iter().copied().collect(),
            notes,
        })
    }

    /// A team of six data scientists running about eight model projects a
    /// month adopts an AutoML platform; drift, explainability and validation
    /// overfitting are ticked as the limitations that apply.
    pub fn example() -> AutomationModel {
        let stage = |h, r, rate, share, oversight| StageInputs {
            hours_per_run: h,
            runs_per_month: r,
            hourly_rate: rate,
            automated_share: share,
            oversight_hours: oversight,
        };
        AutomationModel {
            stages: [
                stage(6.0, 8.0, 100.0, 0.6, 4.0),
                stage(10.0, 4.0, 110.0, 0.4, 4.0),
                stage(12.0, 2.0, 115.0, 0.7, 3.0),
                stage(8.0, 4.0, 115.0, 0.85, 2.0),
                stage(5.0, 4.0, 120.0, 0.5, 3.0),
            ],
            licence_monthly: 2_500.0,
            compute_monthly: 900.0,
            setup_cost: 30_000.0,
            horizon_years: 3.0,
            ramp_months: 4.0,
            upkeep_monthly: 1_500.0,
            limitation_costs: [(Limitation::DataDrift, 400.0)].into_iter().collect(),
            limitations: [
                Limitation::DataDrift,
                Limitation::Explainability,
                Limitation::SearchOverfitting,
            ]
            .into_iter()
            .collect(),
            ..AutomationModel::default()
        }
    }
}

#[cfg(test)]
mod tests;
