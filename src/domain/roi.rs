//! The cost-benefit model of an ML project, month by month.
//!
//! Period 0 is the start of the project and carries the one-off costs; months
//! 1..=12·horizon carry the running flows. The team builds first; the model
//! goes live the month after the longest build assignment ends, and from then
//! on it costs infrastructure and maintenance and earns benefits, ramping up
//! over the adoption period and losing benefit as the model goes stale, until
//! the next retraining or yearly refresh restores it. Acting on its
//! predictions costs from go-live too, following the ramp.
//!
//! Tax is on each month's net flow; a month of loss either lowers the
//! company's other tax at once or carries forward ([`TaxLosses`]). The flows
//! are those of a model that works; [`RoiModel::survival`] gives the chance
//! that the project is still going in each month (the gates it has passed),
//! which weights the expected NPV.
//! Every figure comes from [`crate::finance`]; nothing here re-derives one.

use super::input;
pub use super::input::Unit;
use crate::finance::{self, FinanceError};
use std::collections::BTreeMap;

/// How tax treats a month whose net flow before tax is a loss.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TaxLosses {
    /// The loss lowers the company's tax on its other profits at once: each
    /// month's tax is the rate times its net before tax, negative (a saving)
    /// in a month of loss. Right for a project inside a profitable company.
    #[default]
    OffsetNow,
    /// Losses are carried forward and set against this project's own later
    /// profits: no tax is due until they are used up, and a loss never
    /// gives money back. Right for a venture that stands alone.
    CarryForward,
}

impl TaxLosses {
    /// Both, in menu order.
    pub const ALL: [TaxLosses; 2] = [TaxLosses::OffsetNow, TaxLosses::CarryForward];

    /// Stable id, as stored.
    pub fn id(self) -> &'static str {
        match self {
            TaxLosses::OffsetNow => "offset-now",
            TaxLosses::CarryForward => "carry-forward",
        }
    }

    /// The choice with this id.
    pub fn from_id(id: &str) -> Option<TaxLosses> {
        TaxLosses::ALL.into_iter().find(|t| t.id() == id)
    }

    /// As the menu offers it.
    pub fn label(self) -> &'static str {
        match self {
            TaxLosses::OffsetNow => "Losses reduce the company's other tax at once",
            TaxLosses::CarryForward => "Losses carry forward against this project's later profits",
        }
    }
}

/// Money settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Money {
    /// ISO 4217 code, e.g. "USD"; picks the symbol and formatting.
    pub currency: String,
    /// Annual discount rate (0.1 = 10%).
    pub discount_rate: f64,
    /// Tax on the project's net flow (0 = none); see [`TaxLosses`].
    pub tax_rate: f64,
    /// What a month of loss does to tax.
    pub tax_losses: TaxLosses,
    /// Yearly inflation applied to running costs.
    pub cost_inflation: f64,
    /// MIRR's finance rate, at which costs are financed (`None`: the
    /// discount rate).
    pub mirr_finance_rate: Option<f64>,
    /// MIRR's reinvestment rate, at which returns are reinvested (`None`:
    /// the discount rate).
    pub mirr_reinvestment_rate: Option<f64>,
}

/// One role on the build team.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamMember {
    /// The role, e.g. "ML engineer".
    pub role: String,
    /// How many people in that role (fractions for part time).
    pub headcount: f64,
    /// Fully loaded monthly cost of one person.
    pub monthly_cost: f64,
    /// Months spent on the build.
    pub months: f64,
}

/// One-off costs paid at the start.
#[derive(Clone, Debug, PartialEq)]
pub struct OneOffCosts {
    /// Buying or collecting data.
    pub data_acquisition: f64,
    /// Labelling and annotation.
    pub labelling: f64,
    /// Software licences.
    pub licences: f64,
    /// Consultants and external services.
    pub external_services: f64,
}

/// Infrastructure costs.
#[derive(Clone, Debug, PartialEq)]
pub struct Infrastructure {
    /// Compute for the first training, paid at the start.
    pub initial_training: f64,
    /// Compute for one retraining.
    pub retraining_cost: f64,
    /// Months between retrainings after go-live (0 = never).
    pub retraining_every_months: f64,
    /// Inference and serving compute per month at launch usage.
    pub serving_monthly: f64,
    /// Storage per month.
    pub storage_monthly: f64,
    /// Network per month.
    pub network_monthly: f64,
    /// Yearly growth of usage, which scales serving and network.
    pub usage_growth: f64,
}

/// Keeping the model healthy after launch.
#[derive(Clone, Debug, PartialEq)]
pub struct Maintenance {
    /// Share of one person's time on monitoring, retraining work and support (0.5 = half).
    pub fte_share: f64,
    /// Fully loaded monthly cost of that person.
    pub fte_monthly_cost: f64,
    /// Further upkeep per year as a share of the development cost.
    pub percent_of_development: f64,
    /// Cost of a yearly model refresh (new features, re-validation).
    pub yearly_refresh: f64,
}

/// What the project earns or saves once fully adopted.
#[derive(Clone, Debug, PartialEq)]
pub struct Benefits {
    /// Extra revenue per month.
    pub revenue_uplift_monthly: f64,
    /// Hours of work saved per month.
    pub hours_saved_monthly: f64,
    /// Loaded cost of one of those hours.
    pub hourly_rate: f64,
    /// Losses avoided per month (fraud, errors, churn, incidents).
    pub risk_reduction_monthly: f64,
    /// Months from go-live to full benefit (0 = immediate).
    pub ramp_months: f64,
    /// Whether the revenue uplift grows with usage.
    pub revenue_grows_with_usage: bool,
    /// Whether the hours saved grow with usage.
    pub hours_grow_with_usage: bool,
    /// Whether the losses avoided grow with usage.
    pub risk_grows_with_usage: bool,
    /// Whether the hours saved count as money. When they do not, they are
    /// capacity freed for other work: shown apart, never in NPV or ROI.
    pub hours_count_as_cash: bool,
    /// Share of the benefit a model loses in a year as it goes stale,
    /// compounding monthly from go-live. Each retraining, and each yearly
    /// refresh that costs something, restores the full benefit: the loss
    /// starts again from zero (a sawtooth).
    pub yearly_decay: f64,
}

/// What acting on the model's predictions costs once it is live: retention
/// offers, human review of flagged cases, handling false alarms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Acting {
    /// Predictions acted on per month at launch usage once fully adopted;
    /// grows with usage.
    pub actions_monthly: f64,
    /// Cost of acting on one of them.
    pub cost_per_action: f64,
    /// Further cost per month once fully adopted (a review team, a budget
    /// for offers).
    pub fixed_monthly: f64,
}

/// A decision point at which the project stops unless the model has
/// proved good enough (the end of a proof of concept or a pilot).
#[derive(Clone, Debug, PartialEq)]
pub struct Gate {
    /// What is decided, e.g. "Proof of concept".
    pub name: String,
    /// The month at whose end it is decided, counted from the start.
    pub month: u32,
    /// Chance that the project passes it, given that it got there (0 to 1).
    pub chance: f64,
}

/// The chance that the model ever works well enough to launch.
#[derive(Clone, Debug, PartialEq)]
pub struct Success {
    /// Chance that the model works, decided at the end of the build. Used
    /// only when there are no [`Success::gates`].
    pub chance: f64,
    /// Stage gates in month order; when there are any, they replace
    /// [`Success::chance`]. Spending stops after a gate the project fails.
    pub gates: Vec<Gate>,
}

impl Default for Success {
    fn default() -> Self {
        Success {
            chance: 1.0,
            gates: Vec::new(),
        }
    }
}

/// A whole ML project cost-benefit model.
#[derive(Clone, Debug, PartialEq)]
pub struct RoiModel {
    /// Years analysed, 1 to 10.
    pub horizon_years: u32,
    /// Money settings.
    pub money: Money,
    /// The build team.
    pub team: Vec<TeamMember>,
    /// One-off costs.
    pub one_off: OneOffCosts,
    /// Infrastructure.
    pub infrastructure: Infrastructure,
    /// Maintenance.
    pub maintenance: Maintenance,
    /// Benefits.
    pub benefits: Benefits,
    /// The cost of acting on predictions.
    pub acting: Acting,
    /// The chance of technical success.
    pub success: Success,
    /// What the model is for and what it rests on, in the author's words.
    pub notes: String,
    /// Where each input's figure comes from ("vendor quote", "last year's
    /// actuals"), by field id; "team" for the team.
    pub sources: BTreeMap<String, String>,
}

/// One input outside its allowed range.
#[derive(Clone, Debug, PartialEq)]
pub struct InvalidInput {
    /// Which input, as named in the form.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

/// Costs and benefits of one month (or of the start, month 0).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MonthFlow {
    /// Development: team and one-off costs.
    pub development: f64,
    /// Infrastructure.
    pub infrastructure: f64,
    /// Maintenance.
    pub maintenance: f64,
    /// Acting on the model's predictions.
    pub acting: f64,
    /// Benefits before tax.
    pub benefit: f64,
    /// Tax on the month's net flow; negative when a loss lowers the
    /// company's other tax.
    pub tax: f64,
    /// Hours freed that do not count as money (capacity, not cash).
    pub hours_freed: f64,
}

impl MonthFlow {
    /// Everything spent this month, tax excluded.
    pub fn cost(&self) -> f64 {
        self.development + self.infrastructure + self.maintenance + self.acting
    }
    /// Net cash flow after tax.
    pub fn net(&self) -> f64 {
        self.benefit - self.cost() - self.tax
    }
}

/// One row of the year-by-year table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearRow {
    /// 1-based year; year 1 includes the start (month 0).
    pub year: u32,
    /// Total cost.
    pub cost: f64,
    /// Total benefit before tax.
    pub benefit: f64,
    /// Tax.
    pub tax: f64,
    /// Net after tax.
    pub net: f64,
    /// Cumulative net at the end of the year.
    pub cumulative: f64,
}

/// One stage of the project, ending at a gate.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRow {
    /// The gate's name.
    pub name: String,
    /// First month of the stage (0 for the first: the start).
    pub from_month: u32,
    /// The month at whose end its gate is decided.
    pub to_month: u32,
    /// What the stage spends, tax excluded, undiscounted.
    pub cost: f64,
    /// Chance of passing its gate once there.
    pub chance: f64,
    /// Chance of getting to the stage at all.
    pub reached: f64,
}

/// A figure, or why it is not available.
pub type Figure = Result<f64, String>;

/// Everything the calculator shows.
#[derive(Clone, Debug, PartialEq)]
pub struct RoiResults {
    /// Month 0 (start) to the last month of the horizon.
    pub months: Vec<MonthFlow>,
    /// Net flow per period, the input to every finance figure.
    pub flows: Vec<f64>,
    /// Cumulative net flow per period.
    pub cumulative: Vec<f64>,
    /// Month the model goes live.
    pub go_live_month: u32,
    /// Total cost of ownership over the horizon (tax excluded).
    pub total_cost: f64,
    /// Total benefit before tax.
    pub total_benefit: f64,
    /// Total tax.
    pub total_tax: f64,
    /// Benefit minus cost minus tax.
    pub net_benefit: f64,
    /// Net benefit over total cost, in percent.
    pub roi_percent: Figure,
    /// Net present value at the discount rate.
    pub npv: Figure,
    /// Annualised internal rate of return.
    pub irr_annual: Figure,
    /// Every annualised root when there are several (for the explanation).
    pub irr_roots_annual: Vec<f64>,
    /// Annualised modified IRR at the model's finance and reinvestment rates.
    pub mirr_annual: Figure,
    /// Chance that the model works and the project reaches its last gate.
    pub chance_of_success: f64,
    /// Expected NPV: each month's flow weighted by the chance that the
    /// project is still going then (risk-adjusted NPV); equal to
    /// [`RoiResults::npv`] when success is certain.
    pub expected_npv: Figure,
    /// The stages between gates, in order; empty when success is certain.
    pub stages: Vec<StageRow>,
    /// The chance that the project is still going in each period (1 for
    /// every period when success is certain).
    pub survival: Vec<f64>,
    /// Hours freed over the horizon that count as capacity, not money.
    pub capacity_hours: f64,
    /// Months until the cumulative net flow turns non-negative, counted from
    /// the start; `None` when it never does or nothing is spent or earned.
    pub payback_months: Option<f64>,
    /// The same on discounted flows.
    pub discounted_payback_months: Option<f64>,
    /// Months from go-live until the cumulative net flow, counted from the
    /// start, turns non-negative; `None` as for payback.
    pub payback_after_go_live: Option<f64>,
    /// The first whole month at whose end the cumulative flow is non-negative.
    pub break_even_month: Option<u32>,
    /// Present value of benefits over present value of costs and tax.
    pub benefit_cost_ratio: Figure,
    /// Year-by-year totals.
    pub years: Vec<YearRow>,
}

/// Allowed range of an input, for validation and for the form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
}

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

impl RoiModel {
    /// The monthly discount rate equivalent to the annual one.
    pub fn monthly_rate(&self) -> f64 {
        finance::monthly_rate(self.money.discount_rate)
    }

    /// Months the build takes: the longest assignment.
    pub fn build_months(&self) -> u32 {
        self.team
            .iter()
            .filter(|m| m.headcount > 0.0)
            .map(|m| m.months.ceil().max(0.0) as u32)
            .max()
            .unwrap_or(0)
    }

    /// Total development cost: team plus one-off costs plus initial training.
    pub fn development_cost(&self) -> f64 {
        let team: f64 = self
            .team
            .iter()
            .map(|m| m.headcount * m.monthly_cost * m.months)
            .sum();
        team + self.upfront_cost()
    }

    /// What is paid at the start (month 0): one-off costs and the first training.
    pub fn upfront_cost(&self) -> f64 {
        let o = &self.one_off;
        o.data_acquisition
            + o.labelling
            + o.licences
            + o.external_services
            + self.infrastructure.initial_training
    }

    /// Every amount of money multiplied by `rate`, the units of the new
    /// currency that one unit of the old buys: the fields whose unit is
    /// money, the team's monthly costs and the cost per action. Rates,
    /// months, hours and counts stay as they are. Choosing a currency alone
    /// changes only the symbol.
    pub fn convert_amounts(&mut self, rate: f64) {
        for f in FIELDS {
            if matches!(
                f.unit,
                Unit::Money | Unit::MoneyPerMonth | Unit::MoneyPerHour
            ) {
                let v = (f.get)(self);
                (f.set)(self, v * rate);
            }
        }
        for m in &mut self.team {
            m.monthly_cost *= rate;
        }
    }

    /// Every input outside its range; empty when the model can be evaluated.
    pub fn validate(&self) -> Vec<InvalidInput> {
        let mut out = Vec::new();
        for f in FIELDS {
            if let Err(message) = f.check((f.get)(self)) {
                out.push(InvalidInput {
                    field: f.label.to_string(),
                    message,
                });
            }
        }
        for (i, m) in self.team.iter().enumerate() {
            for f in MEMBER_FIELDS {
                if let Err(message) = f.check((f.get)(m)) {
                    out.push(InvalidInput {
                        field: format!("Team member {}: {}", i + 1, f.label.to_lowercase()),
                        message,
                    });
                }
            }
        }
        let last = self.horizon_years.clamp(1, 10) * 12;
        let mut after = None;
        for (i, g) in self.success.gates.iter().enumerate() {
            let field = |what: &str| format!("Gate {}: {what}", i + 1);
            if g.month > last {
                out.push(InvalidInput {
                    field: field("month"),
                    message: format!("Enter a month from 0 to {last}, within the horizon."),
                });
            } else if after.is_some_and(|a| g.month <= a) {
                out.push(InvalidInput {
                    field: field("month"),
                    message: "Enter a month after the previous gate's.".into(),
                });
            }
            after = Some(g.month);
            if let Err(message) =
                input::check_range(g.chance, 0.0, 1.0, input::NumberKind::Percent, false)
            {
                out.push(InvalidInput {
                    field: field("chance of passing"),
                    message,
                });
            }
        }
        if self.success.gates.len() > MAX_GATES {
            out.push(InvalidInput {
                field: "Stage gates".into(),
                message: format!("A model holds up to {MAX_GATES} gates."),
            });
        }
        out
    }

    /// The gates in force: the stage gates, or else one gate at the end of
    /// the build ("The model works") when its chance is below 100%.
    pub fn gates(&self) -> Vec<Gate> {
        if !self.success.gates.is_empty() {
            return self.success.gates.clone();
        }
        if self.success.chance < 1.0 {
            vec![Gate {
                name: "The model works".into(),
                month: self.build_months(),
                chance: self.success.chance,
            }]
        } else {
            Vec::new()
        }
    }

    /// The chance that the project is still going in each period, month 0
    /// to the horizon: the product of the chances of the gates decided
    /// before it.
    pub fn survival(&self) -> Vec<f64> {
        let months = self.horizon_years.clamp(1, 10) * 12;
        let gates = self.gates();
        (0..=months)
            .map(|t| {
                gates
                    .iter()
                    .filter(|g| g.month < t)
                    .map(|g| g.chance)
                    .product()
            })
            .collect()
    }

    /// The costs and benefits of each period, month 0 to the horizon, if
    /// the model works (every gate passed).
    pub fn monthly_flows(&self) -> Vec<MonthFlow> {
        let months = self.horizon_years.clamp(1, 10) * 12;
        let build = self.build_months();
        let go_live = build + 1;
        let dev_cost = self.development_cost();
        let inf = &self.infrastructure;
        let mt = &self.maintenance;
        let b = &self.benefits;
        let act = &self.acting;
        // Tax on a period's net flow, month 0 included; `losses` are those
        // not yet set against profits (carry-forward only).
        let rate = self.money.tax_rate;
        let mode = self.money.tax_losses;
        let tax = |flow: &MonthFlow, losses: &mut f64| {
            let before_tax = flow.benefit - flow.cost();
            match mode {
                _ if rate == 0.0 || before_tax == 0.0 => 0.0,
                TaxLosses::OffsetNow => before_tax * rate,
                TaxLosses::CarryForward if before_tax < 0.0 => {
                    *losses -= before_tax;
                    0.0
                }
                TaxLosses::CarryForward => {
                    let used = losses.min(before_tax);
                    *losses -= used;
                    (before_tax - used) * rate
                }
            }
        };
        let mut losses = 0.0;
        let mut out = Vec::with_capacity(months as usize + 1);
        let mut start = MonthFlow {
            development: self.upfront_cost(),
            ..MonthFlow::default()
        };
        start.tax = tax(&start, &mut losses);
        out.push(start);
        // Yearly rates compound monthly; stepping the factors month by month
        // instead of calling powf each month keeps a Monte Carlo trial cheap.
        let inflation_step = (1.0 + self.money.cost_inflation).powf(1.0 / 12.0);
        let usage_step = (1.0 + inf.usage_growth).powf(1.0 / 12.0);
        let decay_step = (1.0 - b.yearly_decay).powf(1.0 / 12.0);
        let (mut inflation, mut usage, mut decay) = (1.0, 1.0, 1.0);
        // Whether the model is retrained at the end of live month `live`.
        let retrain = inf.retraining_every_months.round() as u32;
        let retrained = |live: u32| retrain > 0 && (live + 1) % retrain == 0;
        let with_usage = |grows: bool, usage: f64| if grows { usage } else { 1.0 };
        for m in 1..=months {
            let team: f64 = self
                .team
                .iter()
                .map(|p| p.headcount * p.monthly_cost * (p.months - (m - 1) as f64).clamp(0.0, 1.0))
                .sum();
            let mut flow = MonthFlow {
                development: team * inflation,
                ..MonthFlow::default()
            };
            if m >= go_live {
                let live = m - go_live; // whole months since go-live
                let retraining = if retrained(live) {
                    inf.retraining_cost
                } else {
                    0.0
                };
                flow.infrastructure = ((inf.serving_monthly + inf.network_monthly) * usage
                    + inf.storage_monthly
                    + retraining)
                    * inflation;
                let refresh = if (live + 1) % 12 == 0 {
                    mt.yearly_refresh
                } else {
                    0.0
                };
                flow.maintenance = (mt.fte_share * mt.fte_monthly_cost
                    + mt.percent_of_development * dev_cost / 12.0
                    + refresh)
                    * inflation;
                let ramp = if b.ramp_months >= 1.0 {
                    ((live + 1) as f64 / b.ramp_months).min(1.0)
                } else {
                    1.0
                };
                let hours = b.hours_saved_monthly
                    * with_usage(b.hours_grow_with_usage, usage)
                    * ramp
                    * decay;
                let hours_money = if b.hours_count_as_cash {
                    hours * b.hourly_rate
                } else {
                    flow.hours_freed = hours;
                    0.0
                };
                flow.benefit = (b.revenue_uplift_monthly
                    * with_usage(b.revenue_grows_with_usage, usage)
                    + b.risk_reduction_monthly * with_usage(b.risk_grows_with_usage, usage))
                    * ramp
                    * decay
                    + hours_money;
                flow.acting = (act.actions_monthly * act.cost_per_action * usage
                    + act.fixed_monthly)
                    * ramp
                    * inflation;
                usage *= usage_step;
                // Staleness that retraining cures: a retraining or a yearly
                // refresh at the end of this month gives next month a model
                // as fresh as at go-live; otherwise it loses another month.
                let refreshed = mt.yearly_refresh > 0.0 && (live + 1) % 12 == 0;
                decay = if retrained(live) || refreshed {
                    1.0
                } else {
                    decay * decay_step
                };
            }
            flow.tax = tax(&flow, &mut losses);
            out.push(flow);
            inflation *= inflation_step;
        }
        out
    }

    /// Evaluates the model, or lists the inputs that stop it.
    pub fn evaluate(&self) -> Result<RoiResults, Vec<InvalidInput>> {
        let invalid = self.validate();
        if !invalid.is_empty() {
            return Err(invalid);
        }
        let months = self.monthly_flows();
        let flows: Vec<f64> = months.iter().map(MonthFlow::net).collect();
        let mut cumulative = Vec::with_capacity(flows.len());
        let mut sum = 0.0;
        for f in &flows {
            sum += f;
            cumulative.push(sum);
        }
        let total_cost: f64 = months.iter().map(MonthFlow::cost).sum();
        let total_benefit: f64 = months.iter().map(|m| m.benefit).sum();
        let total_tax: f64 = months.iter().map(|m| m.tax).sum();
        let net_benefit = total_benefit - total_cost - total_tax;
        let rate = self.monthly_rate();
        let why = |e: FinanceError| e.to_string();
        let annual = |r: f64| (1.0 + r).powi(12) - 1.0;
        let finite_or = |v: f64, msg: &str| {
            if v.is_finite() {
                Ok(v)
            } else {
                Err(msg.to_string())
            }
        };

        let roi_percent = if total_cost > 0.0 {
            finite_or(
                net_benefit / total_cost * 100.0,
                "the figures are too large",
            )
        } else {
            Err("there are no costs to return on".into())
        };
        let npv = finance::npv(rate, &flows).map_err(why);
        // One root search serves both the IRR and the multiple-root explanation.
        let irr = finance::irr(&flows);
        let roots = match &irr {
            Ok(r) => vec![*r],
            Err(FinanceError::MultipleRoots(all)) => all.clone(),
            Err(_) => Vec::new(),
        };
        let irr_roots_annual: Vec<f64> = roots
            .iter()
            .map(|r| annual(*r))
            .filter(|r| r.is_finite())
            .collect();
        let irr_annual = match irr {
            Ok(r) => finite_or(annual(r), "the rate is too large to show"),
            Err(FinanceError::MultipleRoots(_)) => Err(format!(
                "the cash flows change sign more than once, so {} rates make the NPV zero ({} a year); no single IRR describes this project, so judge it by NPV and MIRR",
                irr_roots_annual.len(),
                irr_roots_annual.iter().map(|r| super::format::percent(*r)).collect::<Vec<_>>().join(", ")
            )),
            Err(e) => Err(why(e)),
        };
        let mirr_annual = finance::mirr(
            &flows,
            self.mirr_rate(self.money.mirr_finance_rate),
            self.mirr_rate(self.money.mirr_reinvestment_rate),
        )
        .map_err(why)
        .and_then(|r| finite_or(annual(r), "the rate is too large to show"));
        let survival = self.survival();
        let weighted: Vec<f64> = flows.iter().zip(&survival).map(|(f, s)| f * s).collect();
        let expected_npv = finance::npv(rate, &weighted).map_err(why);
        let survival_kept = survival.clone();
        let gates = self.gates();
        let mut reached = 1.0;
        let mut from_month = 0;
        let stages = gates
            .iter()
            .map(|g| {
                let to = (g.month as usize).min(months.len() - 1);
                let cost = months[(from_month as usize).min(to)..=to]
                    .iter()
                    .map(MonthFlow::cost)
                    .sum();
                let row = StageRow {
                    name: g.name.clone(),
                    from_month,
                    to_month: g.month,
                    cost,
                    chance: g.chance,
                    reached,
                };
                reached *= g.chance;
                from_month = g.month.saturating_add(1);
                row
            })
            .collect();
        let chance_of_success = gates.iter().map(|g| g.chance).product();
        let capacity_hours = months.iter().map(|m| m.hours_freed).sum();
        // Payback counts from the first month anything is spent or earned, so
        // that quiet months before it do not count as "already paid back".
        let start = flows.iter().position(|f| *f != 0.0);
        let payback_months = payback_from_start(&flows);
        let discounted_payback_months = finance::discount(rate, &flows)
            .ok()
            .and_then(|d| payback_from_start(&d));
        let go_live_month = self.build_months() + 1;
        let payback_after_go_live = payback_months
            .map(|p| p - f64::from(go_live_month - 1))
            .filter(|p| *p >= 0.0);
        let break_even_month = start.and_then(|k| {
            cumulative[k..]
                .iter()
                .position(|c| *c >= 0.0)
                .map(|i| (i + k) as u32)
        });

        let benefit_cost_ratio = {
            let benefits: Vec<f64> = months.iter().map(|m| m.benefit).collect();
            let costs: Vec<f64> = months.iter().map(|m| m.cost() + m.tax).collect();
            match (finance::npv(rate, &benefits), finance::npv(rate, &costs)) {
                (Ok(b), Ok(c)) if c > 0.0 => finite_or(b / c, "the figures are too large"),
                (Ok(_), Ok(_)) => Err("there are no costs to compare with".into()),
                (Err(e), _) | (_, Err(e)) => Err(why(e)),
            }
        };

        let mut years = Vec::new();
        let mut running = 0.0;
        for y in 1..=self.horizon_years {
            let start = if y == 1 {
                0
            } else {
                ((y - 1) * 12 + 1) as usize
            };
            let end = (y * 12) as usize;
            let slice = &months[start..=end];
            let cost: f64 = slice.iter().map(MonthFlow::cost).sum();
            let benefit: f64 = slice.iter().map(|m| m.benefit).sum();
            let tax: f64 = slice.iter().map(|m| m.tax).sum();
            let net = benefit - cost - tax;
            running += net;
            years.push(YearRow {
                year: y,
                cost,
                benefit,
                tax,
                net,
                cumulative: running,
            });
        }

        Ok(RoiResults {
            go_live_month,
            chance_of_success,
            expected_npv,
            stages,
            survival: survival_kept,
            capacity_hours,
            payback_after_go_live,
            months,
            flows,
            cumulative,
            total_cost,
            total_benefit,
            total_tax,
            net_benefit,
            roi_percent,
            npv,
            irr_annual,
            irr_roots_annual,
            mirr_annual,
            payback_months,
            discounted_payback_months,
            break_even_month,
            benefit_cost_ratio,
            years,
        })
    }
}

impl RoiModel {
    /// A MIRR rate as a monthly rate: the one set, or else the discount rate.
    fn mirr_rate(&self, set: Option<f64>) -> f64 {
        finance::monthly_rate(set.unwrap_or(self.money.discount_rate))
    }
}

/// Payback counted from the first period in which anything is spent or
/// earned, so that quiet months before it do not count as "already paid back".
pub fn payback_from_start(flows: &[f64]) -> Option<f64> {
    let k = flows.iter().position(|f| *f != 0.0)?;
    finance::payback_period(&flows[k..]).map(|p| k as f64 + p)
}

/// NPV, ROI and payback only: what a Monte Carlo trial or a sensitivity
/// point needs, without the IRR search.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeyFigures {
    /// Net present value; `None` when it cannot be computed.
    pub npv: Option<f64>,
    /// ROI in percent; `None` without costs.
    pub roi_percent: Option<f64>,
    /// Payback in months; `None` when it does not pay back within the horizon.
    pub payback_months: Option<f64>,
}

impl RoiModel {
    /// The key figures of a model whose inputs are already valid, if it
    /// works.
    pub fn key_figures(&self) -> KeyFigures {
        self.key_figures_stopped(None)
    }

    /// The key figures of a project stopped at the end of month `stop` (a
    /// gate failed): nothing is spent or earned after it.
    pub fn key_figures_stopped(&self, stop: Option<u32>) -> KeyFigures {
        let mut months = self.monthly_flows();
        if let Some(stop) = stop {
            months.truncate((stop as usize).saturating_add(1));
        }
        let flows: Vec<f64> = months.iter().map(MonthFlow::net).collect();
        // Summed as `evaluate` sums them, so both give the same ROI to the bit.
        let total_cost: f64 = months.iter().map(MonthFlow::cost).sum();
        let total_benefit: f64 = months.iter().map(|m| m.benefit).sum();
        let total_tax: f64 = months.iter().map(|m| m.tax).sum();
        let net = total_benefit - total_cost - total_tax;
        KeyFigures {
            npv: finance::npv(self.monthly_rate(), &flows).ok(),
            roi_percent: (total_cost > 0.0)
                .then(|| net / total_cost * 100.0)
                .filter(|v| v.is_finite()),
            payback_months: payback_from_start(&flows),
        }
    }
}

impl Default for RoiModel {
    /// A blank model: three years, no costs, no benefits.
    fn default() -> Self {
        RoiModel {
            horizon_years: 3,
            money: Money {
                currency: "USD".into(),
                discount_rate: 0.10,
                tax_rate: 0.0,
                tax_losses: TaxLosses::OffsetNow,
                cost_inflation: 0.0,
                mirr_finance_rate: None,
                mirr_reinvestment_rate: None,
            },
            team: vec![TeamMember {
                role: "ML engineer".into(),
                headcount: 0.0,
                monthly_cost: 0.0,
                months: 0.0,
            }],
            one_off: OneOffCosts {
                data_acquisition: 0.0,
                labelling: 0.0,
                licences: 0.0,
                external_services: 0.0,
            },
            infrastructure: Infrastructure {
                initial_training: 0.0,
                retraining_cost: 0.0,
                retraining_every_months: 0.0,
                serving_monthly: 0.0,
                storage_monthly: 0.0,
                network_monthly: 0.0,
                usage_growth: 0.0,
            },
            maintenance: Maintenance {
                fte_share: 0.0,
                fte_monthly_cost: 0.0,
                percent_of_development: 0.0,
                yearly_refresh: 0.0,
            },
            benefits: Benefits {
                revenue_uplift_monthly: 0.0,
                hours_saved_monthly: 0.0,
                hourly_rate: 0.0,
                risk_reduction_monthly: 0.0,
                ramp_months: 0.0,
                yearly_decay: 0.0,
                revenue_grows_with_usage: false,
                hours_grow_with_usage: false,
                risk_grows_with_usage: false,
                hours_count_as_cash: true,
            },
            acting: Acting::default(),
            success: Success::default(),
            notes: String::new(),
            sources: BTreeMap::new(),
        }
    }
}

/// A starting point offered by the calculator.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// Stable id.
    pub id: &'static str,
    /// Name shown to the user.
    pub name: &'static str,
    /// What the assumptions describe.
    pub description: &'static str,
    /// The model.
    pub model: RoiModel,
}

fn member(role: &str, headcount: f64, monthly_cost: f64, months: f64) -> TeamMember {
    TeamMember {
        role: role.into(),
        headcount,
        monthly_cost,
        months,
    }
}

/// What the examples' fully loaded monthly costs rest on, in their notes.
macro_rules! cost_source {
    () => {
        "Fully loaded monthly costs are base salary plus about 30-40% for employer taxes, benefits, equipment and office, from public US salary surveys for 2025-2026 (a senior ML engineer's base of $170-200k a year). Replace them with your own finance team's rates."
    };
}

fn sources(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The example projects, with plausible, labelled assumptions: two that pay
/// back well, two that pay back once the chance of failure is counted, one
/// marginal and one that does not pay back, so that a reader learns to
/// doubt a project before trusting one.
pub fn examples() -> Vec<Example> {
    let base = RoiModel::default();
    let chance = |c: f64| Success {
        chance: c,
        gates: Vec::new(),
    };
    vec![
        Example {
            id: "demand-forecasting",
            name: "Demand forecasting for a retailer",
            description: "Replaces spreadsheet forecasts for 2,000 products; fewer stock-outs and less overstock. Benefit is avoided waste and lost sales.",
            model: RoiModel {
                horizon_years: 5,
                team: vec![
                    member("ML engineer", 2.0, 19_000.0, 6.0),
                    member("Data engineer", 1.0, 17_500.0, 4.0),
                    member("Product manager", 0.5, 17_000.0, 6.0),
                ],
                one_off: OneOffCosts { data_acquisition: 15_000.0, labelling: 0.0, licences: 10_000.0, external_services: 20_000.0 },
                infrastructure: Infrastructure {
                    initial_training: 8_000.0,
                    retraining_cost: 1_500.0,
                    retraining_every_months: 1.0,
                    serving_monthly: 1_200.0,
                    storage_monthly: 400.0,
                    network_monthly: 150.0,
                    usage_growth: 0.10,
                },
                maintenance: Maintenance { fte_share: 0.5, fte_monthly_cost: 19_000.0, percent_of_development: 0.10, yearly_refresh: 20_000.0 },
                benefits: Benefits {
                    revenue_uplift_monthly: 25_000.0,
                    hours_saved_monthly: 160.0,
                    hourly_rate: 60.0,
                    risk_reduction_monthly: 30_000.0,
                    ramp_months: 6.0,
                    yearly_decay: 0.05,
                    ..base.benefits.clone()
                },
                money: Money { cost_inflation: 0.03, tax_rate: 0.21, ..base.money.clone() },
                success: chance(0.8),
                notes: concat!("Go/no-go for replacing the spreadsheet forecast. Forecasting is well understood and two years of sales history exist, hence an 80% chance that the model beats the spreadsheet. ", cost_source!()).into(),
                sources: sources(&[
                    ("revenue", "Lost sales from stock-outs last year, halved"),
                    ("risk-reduction", "Written-off stock last year, a third of it"),
                    ("team", "Finance's fully loaded rates"),
                ]),
                ..base.clone()
            },
        },
        Example {
            id: "churn-prediction",
            name: "Churn prediction for a subscription service",
            description: "Flags customers likely to cancel so the retention team can offer them a discount; benefit is retained margin, less the offers.",
            model: RoiModel {
                horizon_years: 3,
                team: vec![member("ML engineer", 1.0, 19_000.0, 4.0), member("Data scientist", 1.0, 18_000.0, 4.0)],
                one_off: OneOffCosts { data_acquisition: 0.0, labelling: 5_000.0, licences: 0.0, external_services: 0.0 },
                infrastructure: Infrastructure {
                    initial_training: 2_000.0,
                    retraining_cost: 800.0,
                    retraining_every_months: 3.0,
                    serving_monthly: 500.0,
                    storage_monthly: 150.0,
                    network_monthly: 50.0,
                    usage_growth: 0.15,
                },
                maintenance: Maintenance { fte_share: 0.25, fte_monthly_cost: 19_000.0, percent_of_development: 0.10, yearly_refresh: 10_000.0 },
                benefits: Benefits {
                    revenue_uplift_monthly: 45_000.0,
                    ramp_months: 4.0,
                    yearly_decay: 0.10,
                    revenue_grows_with_usage: true,
                    ..base.benefits.clone()
                },
                acting: Acting { actions_monthly: 600.0, cost_per_action: 25.0, fixed_monthly: 0.0 },
                money: base.money.clone(),
                success: chance(0.75),
                notes: concat!("Retained margin is the uplift over what the retention team saves today without the model, measured in a holdout. Each flagged customer gets a $25 offer, whether or not they would have left. ", cost_source!()).into(),
                sources: sources(&[
                    ("revenue", "Holdout test of the retention campaign, Q2"),
                    ("cost-per-action", "Average discount granted in the last campaign"),
                ]),
            },
        },
        Example {
            id: "document-processing",
            name: "Invoice and document processing automation",
            description: "Extracts fields from 20,000 documents a month; clerks review the uncertain ones. Benefit is clerical hours saved and fewer costly errors.",
            model: RoiModel {
                horizon_years: 4,
                team: vec![member("ML engineer", 2.0, 18_500.0, 5.0), member("Software engineer", 1.0, 17_000.0, 3.0)],
                one_off: OneOffCosts { data_acquisition: 0.0, labelling: 40_000.0, licences: 24_000.0, external_services: 15_000.0 },
                infrastructure: Infrastructure {
                    initial_training: 6_000.0,
                    retraining_cost: 2_500.0,
                    retraining_every_months: 6.0,
                    serving_monthly: 2_500.0,
                    storage_monthly: 300.0,
                    network_monthly: 100.0,
                    usage_growth: 0.05,
                },
                maintenance: Maintenance { fte_share: 0.5, fte_monthly_cost: 18_500.0, percent_of_development: 0.15, yearly_refresh: 15_000.0 },
                benefits: Benefits {
                    hours_saved_monthly: 1_400.0,
                    hourly_rate: 38.0,
                    risk_reduction_monthly: 8_000.0,
                    ramp_months: 3.0,
                    hours_grow_with_usage: true,
                    ..base.benefits.clone()
                },
                acting: Acting { actions_monthly: 2_000.0, cost_per_action: 1.5, fixed_monthly: 0.0 },
                money: Money { tax_rate: 0.21, cost_inflation: 0.03, tax_losses: TaxLosses::CarryForward, ..base.money.clone() },
                success: chance(0.85),
                notes: concat!("The hours count as money because two open clerk positions will not be filled. One document in ten is reviewed by hand, about 1.5 minutes' work each. Run as its own business unit, so losses carry forward. ", cost_source!()).into(),
                sources: sources(&[
                    ("hours-saved", "Time study of 200 invoices, March"),
                    ("licences", "Vendor quote for the OCR engine"),
                ]),
            },
        },
        Example {
            id: "recommendations",
            name: "Product recommendations for an online shop",
            description: "Personalised recommendations on product and basket pages; benefit is extra margin from higher basket value, growing with traffic.",
            model: RoiModel {
                horizon_years: 3,
                team: vec![
                    member("ML engineer", 2.0, 19_500.0, 6.0),
                    member("Data engineer", 1.0, 17_500.0, 4.0),
                    member("Front-end engineer", 1.0, 16_000.0, 2.0),
                ],
                one_off: OneOffCosts { data_acquisition: 0.0, labelling: 0.0, licences: 12_000.0, external_services: 0.0 },
                infrastructure: Infrastructure {
                    initial_training: 10_000.0,
                    retraining_cost: 600.0,
                    retraining_every_months: 1.0,
                    serving_monthly: 6_000.0,
                    storage_monthly: 800.0,
                    network_monthly: 700.0,
                    usage_growth: 0.25,
                },
                maintenance: Maintenance { fte_share: 1.0, fte_monthly_cost: 19_500.0, percent_of_development: 0.10, yearly_refresh: 25_000.0 },
                benefits: Benefits {
                    revenue_uplift_monthly: 60_000.0,
                    ramp_months: 6.0,
                    yearly_decay: 0.08,
                    revenue_grows_with_usage: true,
                    ..base.benefits.clone()
                },
                money: Money { discount_rate: 0.12, ..base.money.clone() },
                success: chance(0.9),
                notes: concat!("Uplift is margin, not revenue: 2% more basket value at a 30% margin. ", cost_source!()).into(),
                sources: sources(&[("revenue", "A/B test of a vendor widget, 4 weeks")]),
                ..base.clone()
            },
        },
        Example {
            id: "lead-scoring",
            name: "Lead scoring for a B2B sales team (marginal)",
            description: "Ranks inbound leads so that eight sales reps call the likeliest first. Benefit is their time and a few more deals; it is close to break-even, and failure tips it below.",
            model: RoiModel {
                horizon_years: 3,
                team: vec![member("Data scientist", 1.0, 18_000.0, 5.0), member("Software engineer", 0.5, 17_000.0, 3.0)],
                one_off: OneOffCosts { data_acquisition: 0.0, labelling: 0.0, licences: 6_000.0, external_services: 0.0 },
                infrastructure: Infrastructure {
                    initial_training: 1_000.0,
                    retraining_cost: 300.0,
                    retraining_every_months: 3.0,
                    serving_monthly: 300.0,
                    storage_monthly: 100.0,
                    network_monthly: 0.0,
                    usage_growth: 0.0,
                },
                maintenance: Maintenance { fte_share: 0.2, fte_monthly_cost: 18_000.0, percent_of_development: 0.10, yearly_refresh: 8_000.0 },
                benefits: Benefits {
                    revenue_uplift_monthly: 13_000.0,
                    hours_saved_monthly: 80.0,
                    hourly_rate: 70.0,
                    ramp_months: 6.0,
                    yearly_decay: 0.15,
                    hours_count_as_cash: false,
                    ..base.benefits.clone()
                },
                money: base.money.clone(),
                success: chance(0.7),
                notes: concat!("The reps' saved hours are capacity, not money: nobody's job goes and the calls they free are not yet worth anything. The CRM's history is patchy, hence 70%. ", cost_source!()).into(),
                sources: sources(&[("revenue", "Sales lead's estimate: one more deal a month at $13,000 margin")]),
                ..base.clone()
            },
        },
        Example {
            id: "predictive-maintenance",
            name: "Predictive maintenance for a small fleet (does not pay back)",
            description: "Predicts failures of 40 delivery vans from telematics. The fleet is too small for the losses avoided to cover a team, and the sensors are new.",
            model: RoiModel {
                horizon_years: 3,
                team: vec![member("ML engineer", 1.0, 19_000.0, 6.0), member("Data engineer", 1.0, 17_500.0, 4.0)],
                one_off: OneOffCosts { data_acquisition: 20_000.0, labelling: 8_000.0, licences: 0.0, external_services: 10_000.0 },
                infrastructure: Infrastructure {
                    initial_training: 3_000.0,
                    retraining_cost: 1_000.0,
                    retraining_every_months: 3.0,
                    serving_monthly: 400.0,
                    storage_monthly: 300.0,
                    network_monthly: 200.0,
                    usage_growth: 0.0,
                },
                maintenance: Maintenance { fte_share: 0.25, fte_monthly_cost: 19_000.0, percent_of_development: 0.15, yearly_refresh: 10_000.0 },
                benefits: Benefits {
                    risk_reduction_monthly: 12_000.0,
                    ramp_months: 6.0,
                    yearly_decay: 0.10,
                    ..base.benefits.clone()
                },
                acting: Acting { actions_monthly: 10.0, cost_per_action: 250.0, fixed_monthly: 0.0 },
                money: Money { cost_inflation: 0.03, ..base.money.clone() },
                success: Success {
                    chance: 1.0,
                    gates: vec![
                        Gate { name: "Proof of concept".into(), month: 3, chance: 0.5 },
                        Gate { name: "Pilot on 10 vans".into(), month: 6, chance: 0.8 },
                    ],
                },
                notes: concat!("Breakdowns cost about $3,000 each and happen eight times a month; the model is hoped to prevent half. Each alert sends a van to the workshop early ($250). Sensors were fitted this year, so the proof of concept may find too little signal. ", cost_source!()).into(),
                sources: sources(&[("risk-reduction", "Fleet manager's breakdown log, 12 months")]),
            },
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn simple() -> RoiModel {
        RoiModel {
            horizon_years: 1,
            team: vec![member("ML engineer", 1.0, 10_000.0, 2.0)],
            benefits: Benefits {
                revenue_uplift_monthly: 5_000.0,
                ..RoiModel::default().benefits
            },
            money: Money {
                discount_rate: 0.0,
                ..RoiModel::default().money
            },
            ..RoiModel::default()
        }
    }

    #[test]
    fn builds_then_earns() {
        let r = simple().evaluate().unwrap();
        assert_eq!(r.flows.len(), 13);
        assert_eq!(r.go_live_month, 3);
        assert_eq!(r.flows[0], 0.0);
        assert_eq!(&r.flows[1..4], &[-10_000.0, -10_000.0, 5_000.0]);
        assert_eq!(r.total_cost, 20_000.0);
        assert_eq!(r.total_benefit, 50_000.0);
        assert_eq!(r.net_benefit, 30_000.0);
        assert_eq!(r.roi_percent, Ok(150.0));
        // Cumulative: -20000 after month 2, +5000 a month: zero at the end of month 6.
        assert_eq!(r.payback_months, Some(6.0));
        assert_eq!(r.break_even_month, Some(6));
        assert_eq!(r.npv, Ok(30_000.0));
        assert_eq!(r.years.len(), 1);
        assert_eq!(r.years[0].cumulative, 30_000.0);
    }

    #[test]
    fn staleness_restarts_at_each_retraining_and_refresh() {
        // Go-live in month 3, 5,000 a month, 19% lost a year without
        // retraining: 0.81^(1/12) a month, 0.81^(1/2) = 0.9 after six.
        let mut m = simple();
        m.horizon_years = 2;
        m.benefits.yearly_decay = 0.19;
        let step = 0.81f64.powf(1.0 / 12.0);
        // Neither retraining nor refresh: it decays from go-live on.
        let r = m.evaluate().unwrap();
        assert_eq!(r.months[3].benefit, 5_000.0);
        assert!((r.months[9].benefit - 4_500.0).abs() < 1e-9);
        assert!((r.months[15].benefit - 5_000.0 * 0.81).abs() < 1e-9);
        // Retrained every six months: a sawtooth, back to 5,000 in months 9,
        // 15 and 21, lowest (5,000 × step^5) just before.
        m.infrastructure.retraining_every_months = 6.0;
        let r = m.evaluate().unwrap();
        for month in [3, 9, 15, 21] {
            assert_eq!(r.months[month].benefit, 5_000.0, "month {month}");
        }
        assert!((r.months[8].benefit - 5_000.0 * step.powi(5)).abs() < 1e-9);
        // Each six-month cycle earns 5,000 × (1 + step + … + step^5),
        // about 95.7% of 30,000.
        let cycle: f64 = (3..9).map(|k| r.months[k].benefit).sum();
        assert!((cycle - 5_000.0 * (1.0 - step.powi(6)) / (1.0 - step)).abs() < 1e-6);
        assert!(
            (cycle / 30_000.0 - 0.9575).abs() < 1e-3,
            "{}",
            cycle / 30_000.0
        );
        // Retrained every month, staleness costs nothing.
        m.infrastructure.retraining_every_months = 1.0;
        let r = m.evaluate().unwrap();
        assert!(r.months[3..].iter().all(|f| f.benefit == 5_000.0));
        // A yearly refresh that costs something restores it too; one that
        // costs nothing is no refresh.
        m.infrastructure.retraining_every_months = 0.0;
        m.maintenance.yearly_refresh = 1_000.0;
        let r = m.evaluate().unwrap();
        assert!((r.months[14].benefit - 5_000.0 * step.powi(11)).abs() < 1e-9);
        assert_eq!(r.months[15].benefit, 5_000.0);
    }

    #[test]
    fn partial_months_and_ramp() {
        let mut m = simple();
        m.team[0].months = 1.5;
        m.benefits.ramp_months = 4.0;
        let r = m.evaluate().unwrap();
        assert_eq!(r.months[2].development, 5_000.0);
        assert_eq!(r.go_live_month, 3);
        assert_eq!(r.months[3].benefit, 1_250.0);
        assert_eq!(r.months[6].benefit, 5_000.0);
    }

    #[test]
    fn discount_rate_is_converted_to_monthly() {
        let mut m = simple();
        m.money.discount_rate = 0.12;
        let monthly = m.monthly_rate();
        assert!(((1.0 + monthly).powi(12) - 1.12).abs() < 1e-12);
        let r = m.evaluate().unwrap();
        let expected = finance::npv(monthly, &r.flows).unwrap();
        assert_eq!(r.npv, Ok(expected));
        // IRR reported annualised.
        let monthly_irr = finance::irr(&r.flows).unwrap();
        assert!(
            (r.irr_annual.clone().unwrap() - ((1.0 + monthly_irr).powi(12) - 1.0)).abs() < 1e-12
        );
    }

    #[test]
    fn tax_nets_losses_in_both_modes() {
        // Months 1-2 lose 10,000 each, months 3-12 make 5,000 each: 30,000
        // net before tax, so 20% of it, 6,000, is the tax either way.
        let mut m = simple();
        m.money.tax_rate = 0.2;
        let r = m.evaluate().unwrap();
        assert_eq!(m.money.tax_losses, TaxLosses::OffsetNow);
        // At once: each loss month saves 2,000 of the company's tax.
        assert_eq!(r.months[1].tax, -2_000.0);
        assert_eq!(r.months[3].tax, 1_000.0);
        assert_eq!(r.total_tax, 6_000.0);
        assert_eq!(r.net_benefit, 24_000.0);
        // Carried forward: the 20,000 of losses cover months 3-6, so tax is
        // due from month 7 only.
        m.money.tax_losses = TaxLosses::CarryForward;
        let r = m.evaluate().unwrap();
        assert_eq!(r.months[1].tax, 0.0);
        assert_eq!(r.months[6].tax, 0.0);
        assert_eq!(r.months[7].tax, 1_000.0);
        assert_eq!(r.total_tax, 6_000.0);
        // The two differ in timing, not in total: at a positive discount
        // rate, tax saved at once is worth more.
        m.money.discount_rate = 0.1;
        let later = m.evaluate().unwrap().npv.unwrap();
        m.money.tax_losses = TaxLosses::OffsetNow;
        let now = m.evaluate().unwrap().npv.unwrap();
        assert!(now > later, "{now} {later}");
        // What is paid at the start counts too: 5,000 of labelling in month
        // 0 makes the net 25,000 and the tax 5,000 either way; at once it
        // saves 1,000 in month 0, carried forward it delays tax to month 8.
        m.money.discount_rate = 0.0;
        m.one_off.labelling = 5_000.0;
        let r = m.evaluate().unwrap();
        assert_eq!((r.months[0].tax, r.total_tax), (-1_000.0, 5_000.0));
        m.money.tax_losses = TaxLosses::CarryForward;
        let r = m.evaluate().unwrap();
        assert_eq!(
            (r.months[0].tax, r.months[7].tax, r.months[8].tax),
            (0.0, 0.0, 1_000.0)
        );
        assert_eq!(r.total_tax, 5_000.0);
        m.one_off.labelling = 0.0;
        m.money.tax_losses = TaxLosses::OffsetNow;
        // A project that never makes a profit pays no tax when its losses
        // carry forward, and saves the rate times its loss when they do not.
        m.money.discount_rate = 0.0;
        m.benefits.revenue_uplift_monthly = 1_000.0;
        let r = m.evaluate().unwrap();
        assert_eq!(r.total_tax, 0.2 * (10_000.0 - 20_000.0));
        m.money.tax_losses = TaxLosses::CarryForward;
        assert_eq!(m.evaluate().unwrap().total_tax, 0.0);
    }

    #[test]
    fn expected_npv_weighs_each_month_by_the_chance_the_project_is_still_going() {
        // Discount rate 0: NPV 30,000 if the model works.
        let mut m = simple();
        let r = m.evaluate().unwrap();
        assert_eq!(r.expected_npv, r.npv);
        assert_eq!(r.chance_of_success, 1.0);
        assert!(r.stages.is_empty());
        // 50%, judged at the end of the 2-month build: the build's 20,000
        // is spent for sure, the 50,000 earned after it half the time.
        m.success.chance = 0.5;
        let r = m.evaluate().unwrap();
        assert_eq!(r.npv, Ok(30_000.0));
        assert_eq!(r.expected_npv, Ok(-20_000.0 + 0.5 * 50_000.0));
        assert_eq!(r.chance_of_success, 0.5);
        assert_eq!(r.stages.len(), 1);
        assert_eq!((r.stages[0].to_month, r.stages[0].cost), (2, 20_000.0));
        // Two gates: a proof of concept at the end of month 1 (50%), a
        // pilot at the end of month 2 (80%). Month 2's 10,000 is spent half
        // the time, the earnings 40% of the time.
        m.success.gates = vec![
            Gate {
                name: "Proof of concept".into(),
                month: 1,
                chance: 0.5,
            },
            Gate {
                name: "Pilot".into(),
                month: 2,
                chance: 0.8,
            },
        ];
        let r = m.evaluate().unwrap();
        assert_eq!(
            r.expected_npv,
            Ok(-10_000.0 - 0.5 * 10_000.0 + 0.4 * 50_000.0)
        );
        assert!((r.chance_of_success - 0.4).abs() < 1e-12);
        let rows: Vec<_> = r
            .stages
            .iter()
            .map(|s| (s.from_month, s.to_month, s.cost, s.reached))
            .collect();
        assert_eq!(rows, [(0, 1, 10_000.0, 1.0), (2, 2, 10_000.0, 0.5)]);
        // A failed gate stops spending: the key figures of a project
        // stopped after month 1 count month 1's 10,000 only.
        assert_eq!(m.key_figures_stopped(Some(1)).npv, Some(-10_000.0));
        // Gates out of order or past the horizon are named.
        m.success.gates[1].month = 1;
        m.success.gates[0].month = 13;
        let fields: Vec<_> = m.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["Gate 1: month", "Gate 2: month"]);
    }

    #[test]
    fn benefits_and_the_cost_of_acting_follow_usage_as_chosen() {
        // Usage grows 44% a year, so a year after go-live it is 1.44 times
        // launch usage.
        let mut m = simple();
        m.horizon_years = 2;
        m.infrastructure.usage_growth = 0.44;
        m.acting = Acting {
            actions_monthly: 100.0,
            cost_per_action: 10.0,
            fixed_monthly: 500.0,
        };
        let r = m.evaluate().unwrap();
        assert_eq!(r.months[15].benefit, 5_000.0);
        // Actions grow with usage; the fixed cost does not.
        assert_eq!(r.months[3].acting, 1_500.0);
        assert!((r.months[15].acting - (1_000.0 * 1.44 + 500.0)).abs() < 1e-9);
        assert_eq!(r.months[2].acting, 0.0);
        m.benefits.revenue_grows_with_usage = true;
        let r = m.evaluate().unwrap();
        assert_eq!(r.months[3].benefit, 5_000.0);
        assert!((r.months[15].benefit - 5_000.0 * 1.44).abs() < 1e-9);
        // Hours saved (100 at 10 an hour) and losses avoided (2,000) each
        // follow their own choice.
        m.benefits.revenue_uplift_monthly = 0.0;
        m.benefits.hours_saved_monthly = 100.0;
        m.benefits.hourly_rate = 10.0;
        m.benefits.risk_reduction_monthly = 2_000.0;
        let month_15 = |m: &RoiModel| m.evaluate().unwrap().months[15].benefit;
        assert_eq!(month_15(&m), 3_000.0);
        m.benefits.hours_grow_with_usage = true;
        assert!((month_15(&m) - (1_000.0 * 1.44 + 2_000.0)).abs() < 1e-9);
        m.benefits.risk_grows_with_usage = true;
        assert!((month_15(&m) - 3_000.0 * 1.44).abs() < 1e-9);
        m.benefits.revenue_uplift_monthly = 5_000.0;
        // The cost of acting counts in cost, net and the year table.
        assert!(
            (r.years[1].cost - r.months[13..=24].iter().map(MonthFlow::cost).sum::<f64>()).abs()
                < 1e-9
        );
    }

    #[test]
    fn hours_count_as_money_or_as_capacity() {
        let mut m = simple();
        m.benefits.revenue_uplift_monthly = 0.0;
        m.benefits.hours_saved_monthly = 100.0;
        m.benefits.hourly_rate = 50.0;
        let r = m.evaluate().unwrap();
        assert_eq!(r.total_benefit, 10.0 * 5_000.0);
        assert_eq!(r.capacity_hours, 0.0);
        // As capacity: 100 hours in each of the 10 live months, none of it in
        // the money.
        m.benefits.hours_count_as_cash = false;
        let r = m.evaluate().unwrap();
        assert_eq!(r.total_benefit, 0.0);
        assert_eq!(r.capacity_hours, 1_000.0);
        assert_eq!(r.npv, Ok(-20_000.0));
    }

    #[test]
    fn payback_counts_from_the_start_and_from_go_live() {
        // Cumulative flow is zero at the end of month 6; the model went live
        // at the start of month 3, so 4 months after launch.
        let r = simple().evaluate().unwrap();
        assert_eq!(r.payback_months, Some(6.0));
        assert_eq!(r.payback_after_go_live, Some(4.0));
    }

    #[test]
    fn mirr_uses_its_own_rates_and_follows_the_discount_rate_otherwise() {
        let mut m = simple();
        m.money.discount_rate = 0.1;
        let r = m.evaluate().unwrap();
        let monthly = |y: f64| finance::monthly_rate(y);
        let annual = |x: f64| (1.0 + x).powi(12) - 1.0;
        let at =
            |f: f64, re: f64| annual(finance::mirr(&r.flows, monthly(f), monthly(re)).unwrap());
        assert_eq!(r.mirr_annual, Ok(at(0.1, 0.1)));
        let finance_field = FIELDS.iter().find(|f| f.id == "mirr-finance").unwrap();
        (finance_field.set)(&mut m, 0.06);
        assert_eq!(m.money.mirr_finance_rate, Some(0.06));
        m.money.mirr_reinvestment_rate = Some(0.03);
        assert_eq!(m.evaluate().unwrap().mirr_annual, Ok(at(0.06, 0.03)));
        // Set back to the discount rate, it follows the discount rate again.
        (finance_field.set)(&mut m, 0.1);
        assert_eq!(m.money.mirr_finance_rate, None);
    }

    #[test]
    fn running_costs_start_at_go_live_and_recur() {
        let mut m = simple();
        m.infrastructure.serving_monthly = 100.0;
        m.infrastructure.retraining_cost = 50.0;
        m.infrastructure.retraining_every_months = 3.0;
        m.maintenance.yearly_refresh = 1_000.0;
        m.horizon_years = 2;
        let r = m.evaluate().unwrap();
        assert_eq!(r.months[2].infrastructure, 0.0);
        assert_eq!(r.months[3].infrastructure, 100.0);
        assert_eq!(r.months[5].infrastructure, 150.0);
        assert_eq!(r.months[14].maintenance, 1_000.0);
        assert_eq!(r.years.len(), 2);
        let total: f64 = r.years.iter().map(|y| y.net).sum();
        assert!((total - r.net_benefit).abs() < 1e-6);
    }

    #[test]
    fn invalid_inputs_are_named() {
        let mut m = simple();
        m.money.tax_rate = 2.0;
        m.team[0].months = f64::NAN;
        let errs = m.evaluate().unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["Tax rate", "Team member 1: months on the build"]);
        assert_eq!(errs[0].message, "Enter from 0% to 90%.");
        m.money.tax_rate = 0.0;
        m.team[0].months = 1.0;
        m.horizon_years = 11;
        assert_eq!(
            m.validate()[0].message,
            "Enter a whole number from 1 to 10."
        );
    }

    #[test]
    fn a_blank_model_says_why_figures_are_missing() {
        let r = RoiModel::default().evaluate().unwrap();
        assert!(r.roi_percent.is_err());
        assert!(r.irr_annual.unwrap_err().contains("one sign"));
        assert_eq!(r.npv, Ok(0.0));
        assert!(r.benefit_cost_ratio.is_err());
        assert_eq!(r.payback_months, None);
    }

    #[test]
    fn fields_read_and_write_their_own_value() {
        let mut m = RoiModel::default();
        let value = |f: &Field| {
            if f.integer {
                f.max
            } else {
                f.min + (f.max - f.min) * 0.37
            }
        };
        for f in FIELDS {
            (f.set)(&mut m, value(f));
        }
        // Each field kept its own value: no two fields share a place in the model.
        for f in FIELDS {
            assert_eq!((f.get)(&m), value(f), "{}", f.id);
        }
        let ids: std::collections::HashSet<_> = FIELDS.iter().map(|f| f.id).collect();
        assert_eq!(ids.len(), FIELDS.len());
    }

    #[test]
    fn converting_multiplies_money_and_nothing_else() {
        let ex = examples().remove(1);
        let mut m = ex.model.clone();
        m.convert_amounts(0.5);
        assert_eq!(
            m.benefits.revenue_uplift_monthly,
            ex.model.benefits.revenue_uplift_monthly / 2.0
        );
        assert_eq!(m.team[0].monthly_cost, ex.model.team[0].monthly_cost / 2.0);
        assert_eq!(m.acting.cost_per_action, 12.5);
        assert_eq!(
            m.maintenance.fte_monthly_cost,
            ex.model.maintenance.fte_monthly_cost / 2.0
        );
        // Rates, counts and months do not change.
        assert_eq!(m.money, ex.model.money);
        assert_eq!(m.acting.actions_monthly, ex.model.acting.actions_monthly);
        assert_eq!(
            m.infrastructure.retraining_every_months,
            ex.model.infrastructure.retraining_every_months
        );
        assert_eq!(m.success, ex.model.success);
        // Every money figure halves with it: the NPV to the cent.
        let (a, b) = (ex.model.evaluate().unwrap(), m.evaluate().unwrap());
        assert!((b.npv.unwrap() - a.npv.unwrap() / 2.0).abs() < 1e-6);
    }

    #[test]
    fn toggles_read_and_write_their_own_value() {
        for t in TOGGLES {
            let mut m = RoiModel::default();
            let before: Vec<bool> = TOGGLES.iter().map(|u| (u.get)(&m)).collect();
            let flipped = !(t.get)(&m);
            (t.set)(&mut m, flipped);
            let after: Vec<bool> = TOGGLES.iter().map(|u| (u.get)(&m)).collect();
            let changed: Vec<&str> = TOGGLES
                .iter()
                .zip(before.iter().zip(&after))
                .filter(|(_, (b, a))| b != a)
                .map(|(u, _)| u.id)
                .collect();
            assert_eq!(changed, [t.id]);
        }
    }

    #[test]
    fn multiple_irr_roots_are_explained_in_annual_terms() {
        let mut m = simple();
        m.horizon_years = 2;
        m.team[0].months = 1.0;
        m.benefits.revenue_uplift_monthly = 30_000.0;
        // A huge refresh in month 13 outweighs the returns at low rates, so NPV
        // is negative at 0%, positive at high rates and negative again beyond.
        m.maintenance.yearly_refresh = 2_000_000.0;
        let r = m.evaluate().unwrap();
        assert!(r.irr_roots_annual.len() > 1, "{:?}", r.irr_roots_annual);
        let msg = r.irr_annual.unwrap_err();
        assert!(
            msg.contains("more than once") && msg.contains("a year"),
            "{msg}"
        );
    }

    #[test]
    fn key_figures_agree_with_the_full_evaluation() {
        for ex in examples() {
            let r = ex.model.evaluate().unwrap();
            let k = ex.model.key_figures();
            assert_eq!(k.npv, r.npv.clone().ok());
            assert_eq!(k.roi_percent, r.roi_percent.clone().ok());
            assert_eq!(k.payback_months, r.payback_months);
        }
    }

    #[test]
    fn examples_teach_scepticism() {
        let mut paying = 0;
        for ex in examples() {
            let r = ex
                .model
                .evaluate()
                .unwrap_or_else(|e| panic!("{}: {e:?}", ex.id));
            let (npv, expected) = (r.npv.clone().unwrap(), r.expected_npv.clone().unwrap());
            // Upkeep within the help's rule of thumb, a chance of failure, a
            // source for the costs in the notes.
            let upkeep = ex.model.maintenance.percent_of_development;
            assert!((0.10..=0.20).contains(&upkeep), "{} upkeep {upkeep}", ex.id);
            assert!(r.chance_of_success < 1.0, "{}", ex.id);
            assert!(ex.model.notes.contains("salary surveys"), "{}", ex.id);
            assert!(
                ex.model.team.iter().all(|m| m.monthly_cost >= 16_000.0),
                "{}",
                ex.id
            );
            match ex.id {
                "lead-scoring" => {
                    // Marginal: positive if it works, negative once failure counts.
                    assert!(npv > 0.0 && expected < 0.0, "{} {npv} {expected}", ex.id);
                    assert!(r.capacity_hours > 0.0);
                }
                "predictive-maintenance" => {
                    assert!(npv < 0.0 && r.payback_months.is_none(), "{} {npv}", ex.id);
                    assert_eq!(r.stages.len(), 2);
                }
                _ => {
                    assert!(
                        expected > 0.0 && r.payback_months.is_some(),
                        "{} {expected}",
                        ex.id
                    );
                    paying += 1;
                }
            }
        }
        assert_eq!(paying, 4);
    }
}
