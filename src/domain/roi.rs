//! The cost-benefit model of an ML project, month by month.
//!
//! Period 0 is the start of the project and carries the one-off costs; months
//! 1..=12·horizon carry the running flows. The team builds first; the model
//! goes live the month after the longest build assignment ends, and from then
//! on it costs infrastructure and maintenance and earns benefits, ramping up
//! over the adoption period and losing benefit as the model goes stale, until
//! the next retraining or yearly refresh restores it.
//! Every figure comes from [`crate::finance`]; nothing here re-derives one.

use super::input;
pub use super::input::Unit;
use crate::finance::{self, FinanceError};
use serde::{Deserialize, Serialize};

/// Money settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// ISO 4217 code, e.g. "USD"; picks the symbol and formatting.
    pub currency: String,
    /// Annual discount rate (0.1 = 10%).
    pub discount_rate: f64,
    /// Tax on positive monthly net cash flow (0 = none).
    pub tax_rate: f64,
    /// Yearly inflation applied to running costs.
    pub cost_inflation: f64,
}

/// One role on the build team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Share of the benefit a model loses in a year as it goes stale,
    /// compounding monthly from go-live. Each retraining, and each yearly
    /// refresh that costs something, restores the full benefit: the loss
    /// starts again from zero (a sawtooth).
    pub yearly_decay: f64,
}

/// A whole ML project cost-benefit model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Benefits before tax.
    pub benefit: f64,
    /// Tax on the month's positive net flow.
    pub tax: f64,
}

impl MonthFlow {
    /// Everything spent this month, tax excluded.
    pub fn cost(&self) -> f64 {
        self.development + self.infrastructure + self.maintenance
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
    /// Annualised modified IRR (financing and reinvestment at the discount rate).
    pub mirr_annual: Figure,
    /// Months until the cumulative net flow turns non-negative, counted from
    /// the start; `None` when it never does or nothing is spent or earned.
    pub payback_months: Option<f64>,
    /// The same on discounted flows.
    pub discounted_payback_months: Option<f64>,
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
}

impl Section {
    /// Every section in form order.
    pub const ALL: [Section; 5] = [
        Section::Money,
        Section::OneOff,
        Section::Infrastructure,
        Section::Maintenance,
        Section::Benefits,
    ];

    /// Its heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Money => "Horizon and money",
            Section::OneOff => "One-off development costs",
            Section::Infrastructure => "Infrastructure",
            Section::Maintenance => "Maintenance",
            Section::Benefits => "Benefits",
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
        "Tax on months with a positive net flow. Leave at 0 for pre-tax figures.", |m| m.money.tax_rate),
    field!("cost-inflation", Money, "Cost inflation", PercentPerYear, -0.2, 1.0,
        "Yearly rise of running costs (salaries, cloud prices).", |m| m.money.cost_inflation),
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
        "Extra revenue or margin per month once fully adopted.", |m| m.benefits.revenue_uplift_monthly),
    field!("hours-saved", Benefits, "Hours saved", HoursPerMonth, 0.0, 1e8,
        "Hours of work the model saves per month once fully adopted.", |m| m.benefits.hours_saved_monthly),
    field!("hourly-rate", Benefits, "Loaded hourly rate", MoneyPerHour, 0.0, 1e5,
        "Cost of one of those hours, including overheads.", |m| m.benefits.hourly_rate),
    field!("risk-reduction", Benefits, "Risk and error reduction", MoneyPerMonth, 0.0, MAX_MONEY,
        "Losses avoided per month: fraud, errors, incidents, churn.", |m| m.benefits.risk_reduction_monthly),
    field!("ramp", Benefits, "Adoption ramp", Months, 0.0, 120.0,
        "Months from launch to full benefit; benefits grow linearly until then.", |m| m.benefits.ramp_months),
    field!("decay", Benefits, "Benefit decay", PercentPerYear, 0.0, 1.0,
        "Share of the benefit lost in a year without retraining, as the model goes stale. Each retraining or yearly refresh restores the full benefit, and the loss starts again: with monthly retraining it costs nothing.", |m| m.benefits.yearly_decay),
];

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
        out
    }

    /// The costs and benefits of each period, month 0 to the horizon.
    pub fn monthly_flows(&self) -> Vec<MonthFlow> {
        let months = self.horizon_years.clamp(1, 10) * 12;
        let build = self.build_months();
        let go_live = build + 1;
        let dev_cost = self.development_cost();
        let inf = &self.infrastructure;
        let mt = &self.maintenance;
        let b = &self.benefits;
        let full_benefit = b.revenue_uplift_monthly
            + b.hours_saved_monthly * b.hourly_rate
            + b.risk_reduction_monthly;
        let mut out = Vec::with_capacity(months as usize + 1);
        out.push(MonthFlow {
            development: self.upfront_cost(),
            ..MonthFlow::default()
        });
        // Yearly rates compound monthly; stepping the factors month by month
        // instead of calling powf each month keeps a Monte Carlo trial cheap.
        let inflation_step = (1.0 + self.money.cost_inflation).powf(1.0 / 12.0);
        let usage_step = (1.0 + inf.usage_growth).powf(1.0 / 12.0);
        let decay_step = (1.0 - b.yearly_decay).powf(1.0 / 12.0);
        let (mut inflation, mut usage, mut decay) = (1.0, 1.0, 1.0);
        // Whether the model is retrained at the end of live month `live`.
        let retrain = inf.retraining_every_months.round() as u32;
        let retrained = |live: u32| retrain > 0 && (live + 1) % retrain == 0;
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
                flow.benefit = full_benefit * ramp * decay;
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
            let before_tax = flow.benefit - flow.cost();
            flow.tax = if before_tax > 0.0 {
                before_tax * self.money.tax_rate
            } else {
                0.0
            };
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
                irr_roots_annual.iter().map(|r| format!("{:.1}%", r * 100.0)).collect::<Vec<_>>().join(", ")
            )),
            Err(e) => Err(why(e)),
        };
        let mirr_annual = finance::mirr(&flows, rate, rate)
            .map_err(why)
            .and_then(|r| finite_or(annual(r), "the rate is too large to show"));
        // Payback counts from the first month anything is spent or earned, so
        // that quiet months before it do not count as "already paid back".
        let start = flows.iter().position(|f| *f != 0.0);
        let payback_months = payback_from_start(&flows);
        let discounted_payback_months = finance::discount(rate, &flows)
            .ok()
            .and_then(|d| payback_from_start(&d));
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
            go_live_month: self.build_months() + 1,
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
    /// The key figures of a model whose inputs are already valid.
    pub fn key_figures(&self) -> KeyFigures {
        let months = self.monthly_flows();
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
                cost_inflation: 0.0,
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
            },
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

/// The example projects, with plausible, labelled assumptions.
pub fn examples() -> Vec<Example> {
    let base = RoiModel::default();
    vec![
        Example {
            id: "demand-forecasting",
            name: "Demand forecasting for a retailer",
            description: "Replaces spreadsheet forecasts for 2,000 products; fewer stock-outs and less overstock. Benefit is avoided waste and lost sales.",
            model: RoiModel {
                horizon_years: 5,
                team: vec![
                    member("ML engineer", 2.0, 13_000.0, 6.0),
                    member("Data engineer", 1.0, 12_000.0, 4.0),
                    member("Product manager", 0.5, 12_500.0, 6.0),
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
                maintenance: Maintenance { fte_share: 0.5, fte_monthly_cost: 13_000.0, percent_of_development: 0.05, yearly_refresh: 20_000.0 },
                benefits: Benefits {
                    revenue_uplift_monthly: 25_000.0,
                    hours_saved_monthly: 160.0,
                    hourly_rate: 60.0,
                    risk_reduction_monthly: 30_000.0,
                    ramp_months: 6.0,
                    yearly_decay: 0.05,
                },
                money: Money { cost_inflation: 0.03, ..base.money.clone() },
            },
        },
        Example {
            id: "churn-prediction",
            name: "Churn prediction for a subscription service",
            description: "Flags customers likely to cancel so the retention team can act; benefit is retained subscription revenue.",
            model: RoiModel {
                horizon_years: 3,
                team: vec![member("ML engineer", 1.0, 13_000.0, 4.0), member("Data scientist", 1.0, 12_500.0, 4.0)],
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
                maintenance: Maintenance { fte_share: 0.25, fte_monthly_cost: 13_000.0, percent_of_development: 0.0, yearly_refresh: 10_000.0 },
                benefits: Benefits {
                    revenue_uplift_monthly: 30_000.0,
                    hours_saved_monthly: 0.0,
                    hourly_rate: 0.0,
                    risk_reduction_monthly: 0.0,
                    ramp_months: 4.0,
                    yearly_decay: 0.10,
                },
                money: base.money.clone(),
            },
        },
        Example {
            id: "document-processing",
            name: "Invoice and document processing automation",
            description: "Extracts fields from 20,000 documents a month; benefit is clerical hours saved and fewer costly errors.",
            model: RoiModel {
                horizon_years: 4,
                team: vec![member("ML engineer", 2.0, 12_500.0, 5.0), member("Software engineer", 1.0, 11_500.0, 3.0)],
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
                maintenance: Maintenance { fte_share: 0.5, fte_monthly_cost: 12_500.0, percent_of_development: 0.05, yearly_refresh: 15_000.0 },
                benefits: Benefits {
                    revenue_uplift_monthly: 0.0,
                    hours_saved_monthly: 1_400.0,
                    hourly_rate: 38.0,
                    risk_reduction_monthly: 8_000.0,
                    ramp_months: 3.0,
                    yearly_decay: 0.0,
                },
                money: Money { tax_rate: 0.21, cost_inflation: 0.03, ..base.money.clone() },
            },
        },
        Example {
            id: "recommendations",
            name: "Product recommendations for an online shop",
            description: "Personalised recommendations on product and basket pages; benefit is extra margin from higher basket value.",
            model: RoiModel {
                horizon_years: 3,
                team: vec![
                    member("ML engineer", 2.0, 14_000.0, 6.0),
                    member("Data engineer", 1.0, 12_500.0, 4.0),
                    member("Front-end engineer", 1.0, 11_000.0, 2.0),
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
                maintenance: Maintenance { fte_share: 1.0, fte_monthly_cost: 14_000.0, percent_of_development: 0.0, yearly_refresh: 25_000.0 },
                benefits: Benefits {
                    revenue_uplift_monthly: 60_000.0,
                    hours_saved_monthly: 0.0,
                    hourly_rate: 0.0,
                    risk_reduction_monthly: 0.0,
                    ramp_months: 6.0,
                    yearly_decay: 0.08,
                },
                money: Money { discount_rate: 0.12, ..base.money.clone() },
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
    fn tax_applies_to_positive_months_only() {
        let mut m = simple();
        m.money.tax_rate = 0.2;
        let r = m.evaluate().unwrap();
        assert_eq!(r.months[1].tax, 0.0);
        assert_eq!(r.months[3].tax, 1_000.0);
        assert_eq!(r.total_tax, 10_000.0);
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
    fn every_example_is_valid_and_pays_back() {
        for ex in examples() {
            let r = ex
                .model
                .evaluate()
                .unwrap_or_else(|e| panic!("{}: {e:?}", ex.id));
            assert!(r.npv.clone().unwrap() > 0.0, "{} npv {:?}", ex.id, r.npv);
            assert!(r.payback_months.is_some(), "{}", ex.id);
            assert!(r.irr_annual.is_ok(), "{}: {:?}", ex.id, r.irr_annual);
        }
    }
}
