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

mod cashflow;
mod examples;
mod fields;
mod results;
#[cfg(test)]
mod tests;

pub use cashflow::*;
pub use examples::*;
pub use fields::*;
pub use results::*;
