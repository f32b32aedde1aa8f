//! The model's inputs as field tables, shared by validation and the form.

use super::*;

/// Upper bound for any amount of money: beyond it inputs are typos.
pub const MAX_MONEY: f64 = 1e12;

/// The groups of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Horizon, currency, rates.
    Money,
    /// One-off costs.
    OneOff,
    /// Infrastructure.
    Infrastructure,
    /// Maintenance.
    Maintenance,
    /// Benefits.
    Benefits,
    /// The cost of acting on predictions.
    Acting,
    /// The chance of technical success.
    Success,
}

impl Section {
    /// Every section in form order.
    pub const ALL: [Section; 7] = [
        Section::Money,
        Section::OneOff,
        Section::Infrastructure,
        Section::Maintenance,
        Section::Benefits,
        Section::Acting,
        Section::Success,
    ];

    /// Its heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Money => "Horizon and money",
            Section::OneOff => "One-off development costs",
            Section::Infrastructure => "Infrastructure",
            Section::Maintenance => "Maintenance",
            Section::Benefits => "Benefits",
            Section::Acting => "Acting on predictions",
            Section::Success => "Chance of technical success",
        }
    }
}

/// One numeric input of the model (see [`input::Field`]). The form and
/// [`RoiModel::validate`] both use [`FIELDS`].
pub type Field = input::Field<RoiModel, Section>;

/// One numeric input of a team member.
pub type MemberField = input::Field<TeamMember>;

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
            get: |$m: &RoiModel| $path,
            set: |$m: &mut RoiModel, v: f64| $path = v,
        }
    };
}

/// Every numeric input of the model except the team, in form order.
pub const FIELDS: &[Field] = &[
    Field {
        id: "horizon",
        section: Section::Money,
        label: "Horizon",
        unit: Unit::Years,
        min: 1.0,
        max: 10.0,
        integer: true,
        help: "How many years the analysis covers, from the start of the build.",
        get: |m: &RoiModel| m.horizon_years as f64,
        set: |m: &mut RoiModel, v: f64| m.horizon_years = v as u32,
    },
    field!("discount-rate", Money, "Discount rate", PercentPerYear, -0.5, 1.0,
        "Your organisation's cost of capital or hurdle rate; converted to a monthly rate.", |m| m.money.discount_rate),
    field!("tax-rate", Money, "Tax rate", Percent, 0.0, 0.9,
        "Tax on the project's net flow; what a month of loss does is chosen below. Leave at 0 for pre-tax figures.", |m| m.money.tax_rate),
    field!("cost-inflation", Money, "Cost inflation", PercentPerYear, -0.2, 1.0,
        "Yearly rise of running costs (salaries, cloud prices).", |m| m.money.cost_inflation),
    Field {
        id: "mirr-finance",
        section: Section::Money,
        label: "MIRR finance rate",
        unit: Unit::PercentPerYear,
        min: -0.5,
        max: 1.0,
        integer: false,
        help: "The rate at which the project's costs are financed, for MIRR only. It follows the discount rate while it equals it.",
        get: |m: &RoiModel| m.money.mirr_finance_rate.unwrap_or(m.money.discount_rate),
        set: |m: &mut RoiModel, v: f64| {
            m.money.mirr_finance_rate = (v != m.money.discount_rate).then_some(v)
        },
    },
    Field {
        id: "mirr-reinvestment",
        section: Section::Money,
        label: "MIRR reinvestment rate",
        unit: Unit::PercentPerYear,
        min: -0.5,
        max: 1.0,
        integer: false,
        help: "The rate the project's returns earn when reinvested, for MIRR only. It follows the discount rate while it equals it.",
        get: |m: &RoiModel| m.money.mirr_reinvestment_rate.unwrap_or(m.money.discount_rate),
        set: |m: &mut RoiModel, v: f64| {
            m.money.mirr_reinvestment_rate = (v != m.money.discount_rate).then_some(v)
        },
    },
    field!("data-acquisition", OneOff, "Data acquisition", Money, 0.0, MAX_MONEY,
        "Buying, collecting or licensing the data the model needs.", |m| m.one_off.data_acquisition),
    field!("labelling", OneOff, "Labelling", Money, 0.0, MAX_MONEY,
        "Annotation by staff or a labelling service.", |m| m.one_off.labelling),
    field!("licences", OneOff, "Licences", Money, 0.0, MAX_MONEY,
        "Software and platform licences bought for the project.", |m| m.one_off.licences),
    field!("external-services", OneOff, "External services", Money, 0.0, MAX_MONEY,
        "Consultants, contractors and vendors.", |m| m.one_off.external_services),
    field!("initial-training", Infrastructure, "Initial training compute", Money, 0.0, MAX_MONEY,
        "Compute for experiments and the first training run.", |m| m.infrastructure.initial_training),
    field!("retraining-cost", Infrastructure, "Retraining compute", Money, 0.0, MAX_MONEY,
        "Compute for one retraining run.", |m| m.infrastructure.retraining_cost),
    field!("retraining-every", Infrastructure, "Retrain every", Months, 0.0, 120.0,
        "Months between retrainings after launch; 0 for never.", |m| m.infrastructure.retraining_every_months),
    field!("serving", Infrastructure, "Serving compute", MoneyPerMonth, 0.0, MAX_MONEY,
        "Inference and serving at launch usage; grows with usage.", |m| m.infrastructure.serving_monthly),
    field!("storage", Infrastructure, "Storage", MoneyPerMonth, 0.0, MAX_MONEY,
        "Data, features and model artefacts.", |m| m.infrastructure.storage_monthly),
    field!("network", Infrastructure, "Network", MoneyPerMonth, 0.0, MAX_MONEY,
        "Data transfer; grows with usage.", |m| m.infrastructure.network_monthly),
    field!("usage-growth", Infrastructure, "Usage growth", PercentPerYear, -0.9, 10.0,
        "How fast requests grow each year after launch.", |m| m.infrastructure.usage_growth),
    field!("maintenance-fte", Maintenance, "Maintenance staff", People, 0.0, 100.0,
        "People (or fractions) on monitoring, retraining work and support after launch.", |m| m.maintenance.fte_share),
    field!("maintenance-cost", Maintenance, "Maintenance staff cost", MoneyPerMonth, 0.0, 1e7,
        "Fully loaded monthly cost of one such person.", |m| m.maintenance.fte_monthly_cost),
    field!("upkeep", Maintenance, "Upkeep", PercentPerYear, 0.0, 2.0,
        "Further yearly upkeep as a share of the development cost (a common rule of thumb is 10-20%).", |m| m.maintenance.percent_of_development),
    field!("refresh", Maintenance, "Yearly model refresh", Money, 0.0, MAX_MONEY,
        "A yearly overhaul: new features, re-validation, fairness review.", |m| m.maintenance.yearly_refresh),
    field!("revenue", Benefits, "Revenue uplift", MoneyPerMonth, 0.0, MAX_MONEY,
        "Extra revenue or margin per month once fully adopted, at launch usage.", |m| m.benefits.revenue_uplift_monthly),
    field!("hours-saved", Benefits, "Hours saved", HoursPerMonth, 0.0, 1e8,
        "Hours of work the model saves per month once fully adopted. They are money only if the time is no longer paid for or goes to work that earns; otherwise count them as capacity below.", |m| m.benefits.hours_saved_monthly),
    field!("hourly-rate", Benefits, "Loaded hourly rate", MoneyPerHour, 0.0, 1e5,
        "Cost of one of those hours, including overheads.", |m| m.benefits.hourly_rate),
    field!("risk-reduction", Benefits, "Risk and error reduction", MoneyPerMonth, 0.0, MAX_MONEY,
        "Losses avoided per month: fraud, errors, incidents, churn. What it costs to act on the predictions goes under Acting on predictions.", |m| m.benefits.risk_reduction_monthly),
    field!("ramp", Benefits, "Adoption ramp", Months, 0.0, 120.0,
        "Months from launch to full benefit; benefits grow linearly until then.", |m| m.benefits.ramp_months),
    field!("decay", Benefits, "Benefit decay", PercentPerYear, 0.0, 1.0,
        "Share of the benefit lost in a year without retraining, as the model goes stale. Each retraining or yearly refresh restores the full benefit, and the loss starts again: with monthly retraining it costs nothing.", |m| m.benefits.yearly_decay),
    field!("actions", Acting, "Predictions acted on", RunsPerMonth, 0.0, 1e9,
        "How many predictions a month lead to an action (an offer, a review, a call) once fully adopted, at launch usage; grows with usage.", |m| m.acting.actions_monthly),
    field!("cost-per-action", Acting, "Cost per action", Money, 0.0, 1e7,
        "What one action costs: the offer's discount, the reviewer's time, the cost of a false alarm.", |m| m.acting.cost_per_action),
    field!("acting-fixed", Acting, "Fixed cost of acting", MoneyPerMonth, 0.0, MAX_MONEY,
        "Further cost per month of acting on predictions once fully adopted, such as a review team.", |m| m.acting.fixed_monthly),
    field!("success-chance", Success, "Chance of technical success", Percent, 0.0, 1.0,
        "Chance that the model reaches the accuracy it needs, judged at the end of the build. If it does not, the project stops there: the build is spent and nothing is earned. Stage gates, added below the results, replace this.", |m| m.success.chance),
];

/// A yes-or-no input of the model.
#[derive(Clone, Copy)]
pub struct Toggle {
    /// Stable id, used for the element and in share links' sources.
    pub id: &'static str,
    /// The section it belongs to.
    pub section: Section,
    /// The label of its checkbox.
    pub label: &'static str,
    /// Reads it.
    pub get: fn(&RoiModel) -> bool,
    /// Writes it.
    pub set: fn(&mut RoiModel, bool),
}

/// Every yes-or-no input, in form order.
pub const TOGGLES: &[Toggle] = &[
    Toggle {
        id: "revenue-grows",
        section: Section::Benefits,
        label: "Revenue uplift grows with usage",
        get: |m| m.benefits.revenue_grows_with_usage,
        set: |m, v| m.benefits.revenue_grows_with_usage = v,
    },
    Toggle {
        id: "hours-grow",
        section: Section::Benefits,
        label: "Hours saved grow with usage",
        get: |m| m.benefits.hours_grow_with_usage,
        set: |m, v| m.benefits.hours_grow_with_usage = v,
    },
    Toggle {
        id: "risk-grows",
        section: Section::Benefits,
        label: "Losses avoided grow with usage",
        get: |m| m.benefits.risk_grows_with_usage,
        set: |m, v| m.benefits.risk_grows_with_usage = v,
    },
    Toggle {
        id: "hours-cash",
        section: Section::Benefits,
        label: "Hours saved count as money (otherwise as capacity, outside NPV)",
        get: |m| m.benefits.hours_count_as_cash,
        set: |m, v| m.benefits.hours_count_as_cash = v,
    },
];

/// One numeric input of a stage gate.
pub type GateField = input::Field<Gate>;

/// The numeric inputs of each stage gate.
pub const GATE_FIELDS: &[GateField] = &[
    GateField {
        id: "month",
        section: (),
        label: "Decided at the end of month",
        unit: Unit::Months,
        min: 0.0,
        max: 120.0,
        integer: true,
        help: "Counted from the start of the build; 0 is the start itself.",
        get: |g| f64::from(g.month),
        set: |g, v| g.month = v as u32,
    },
    GateField {
        id: "chance",
        section: (),
        label: "Chance of passing",
        unit: Unit::Percent,
        min: 0.0,
        max: 1.0,
        integer: false,
        help: "Given that the project got this far.",
        get: |g| g.chance,
        set: |g, v| g.chance = v,
    },
];

/// Most stage gates a model holds.
pub const MAX_GATES: usize = 6;

/// The numeric inputs of each team member.
pub const MEMBER_FIELDS: &[MemberField] = &[
    MemberField {
        id: "headcount",
        section: (),
        label: "Headcount",
        unit: Unit::People,
        min: 0.0,
        max: 1000.0,
        integer: false,
        help: "People in this role; 0.5 for half time.",
        get: |m| m.headcount,
        set: |m, v| m.headcount = v,
    },
    MemberField {
        id: "monthly-cost",
        section: (),
        label: "Monthly cost",
        unit: Unit::MoneyPerMonth,
        min: 0.0,
        max: 1e7,
        integer: false,
        help: "Fully loaded cost of one person per month.",
        get: |m| m.monthly_cost,
        set: |m, v| m.monthly_cost = v,
    },
    MemberField {
        id: "months",
        section: (),
        label: "Months on the build",
        unit: Unit::Months,
        min: 0.0,
        max: 120.0,
        integer: false,
        help: "Months this role works on the build, from the start.",
        get: |m| m.months,
        set: |m, v| m.months = v,
    },
];
