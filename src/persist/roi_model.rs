//! The stored shape of an ROI model (`"model"` in format 1 and 2 of
//! [`super::roi`]), apart from `domain::roi::RoiModel` so that the domain can
//! change without changing what is stored. Field names, defaults and the
//! tax-losses ids are exactly those format 2 has always had; format 1 lacks
//! only fields with defaults. `super::roi`'s tests pin both formats over a
//! document with every field.

use crate::domain::roi::{
    Acting, Benefits, Gate, Infrastructure, Maintenance, Money, OneOffCosts, RoiModel, Success,
    TaxLosses, TeamMember,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum StoredTaxLosses {
    #[default]
    OffsetNow,
    CarryForward,
}

#[derive(Serialize, Deserialize)]
struct StoredMoney {
    currency: String,
    discount_rate: f64,
    tax_rate: f64,
    #[serde(default)]
    tax_losses: StoredTaxLosses,
    cost_inflation: f64,
    #[serde(default)]
    mirr_finance_rate: Option<f64>,
    #[serde(default)]
    mirr_reinvestment_rate: Option<f64>,
}

#[derive(Serialize, Deserialize)]
struct StoredTeamMember {
    role: String,
    headcount: f64,
    monthly_cost: f64,
    months: f64,
}

#[derive(Serialize, Deserialize)]
struct StoredOneOff {
    data_acquisition: f64,
    labelling: f64,
    licences: f64,
    external_services: f64,
}

#[derive(Serialize, Deserialize)]
struct StoredInfrastructure {
    initial_training: f64,
    retraining_cost: f64,
    retraining_every_months: f64,
    serving_monthly: f64,
    storage_monthly: f64,
    network_monthly: f64,
    usage_growth: f64,
}

#[derive(Serialize, Deserialize)]
struct StoredMaintenance {
    fte_share: f64,
    fte_monthly_cost: f64,
    percent_of_development: f64,
    yearly_refresh: f64,
}

/// Hours saved count as money unless the model says otherwise (as every
/// model did before the choice existed).
fn counted_as_cash() -> bool {
    true
}

#[derive(Serialize, Deserialize)]
struct StoredBenefits {
    revenue_uplift_monthly: f64,
    hours_saved_monthly: f64,
    hourly_rate: f64,
    risk_reduction_monthly: f64,
    ramp_months: f64,
    #[serde(default)]
    revenue_grows_with_usage: bool,
    #[serde(default)]
    hours_grow_with_usage: bool,
    #[serde(default)]
    risk_grows_with_usage: bool,
    #[serde(default = "counted_as_cash")]
    hours_count_as_cash: bool,
    yearly_decay: f64,
}

#[derive(Default, Serialize, Deserialize)]
struct StoredActing {
    actions_monthly: f64,
    cost_per_action: f64,
    fixed_monthly: f64,
}

#[derive(Serialize, Deserialize)]
struct StoredGate {
    name: String,
    month: u32,
    chance: f64,
}

#[derive(Serialize, Deserialize)]
struct StoredSuccess {
    chance: f64,
    gates: Vec<StoredGate>,
}

/// A model that says nothing of its chance of success is certain to work,
/// as every model was before the choice existed.
impl Default for StoredSuccess {
    fn default() -> Self {
        StoredSuccess {
            chance: 1.0,
            gates: Vec::new(),
        }
    }
}

/// The `"model"` of an ROI document.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredModel {
    horizon_years: u32,
    money: StoredMoney,
    team: Vec<StoredTeamMember>,
    one_off: StoredOneOff,
    infrastructure: StoredInfrastructure,
    maintenance: StoredMaintenance,
    benefits: StoredBenefits,
    #[serde(default)]
    acting: StoredActing,
    #[serde(default)]
    success: StoredSuccess,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    sources: BTreeMap<String, String>,
}

impl From<&RoiModel> for StoredModel {
    fn from(m: &RoiModel) -> Self {
        StoredModel {
            horizon_years: m.horizon_years,
            money: StoredMoney {
                currency: m.money.currency.clone(),
                discount_rate: m.money.discount_rate,
                tax_rate: m.money.tax_rate,
                tax_losses: match m.money.tax_losses {
                    TaxLosses::OffsetNow => StoredTaxLosses::OffsetNow,
                    TaxLosses::CarryForward => StoredTaxLosses::CarryForward,
                },
                cost_inflation: m.money.cost_inflation,
                mirr_finance_rate: m.money.mirr_finance_rate,
                mirr_reinvestment_rate: m.money.mirr_reinvestment_rate,
            },
            team: m
                .team
                .iter()
                .map(|t| StoredTeamMember {
                    role: t.role.clone(),
                    headcount: t.headcount,
                    monthly_cost: t.monthly_cost,
                    months: t.months,
                })
                .collect(),
            one_off: StoredOneOff {
                data_acquisition: m.one_off.data_acquisition,
                labelling: m.one_off.labelling,
                licences: m.one_off.licences,
                external_services: m.one_off.external_services,
            },
            infrastructure: StoredInfrastructure {
                initial_training: m.infrastructure.initial_training,
                retraining_cost: m.infrastructure.retraining_cost,
                retraining_every_months: m.infrastructure.retraining_every_months,
                serving_monthly: m.infrastructure.serving_monthly,
                storage_monthly: m.infrastructure.storage_monthly,
                network_monthly: m.infrastructure.network_monthly,
                usage_growth: m.infrastructure.usage_growth,
            },
            maintenance: StoredMaintenance {
                fte_share: m.maintenance.fte_share,
                fte_monthly_cost: m.maintenance.fte_monthly_cost,
                percent_of_development: m.maintenance.percent_of_development,
                yearly_refresh: m.maintenance.yearly_refresh,
            },
            benefits: StoredBenefits {
                revenue_uplift_monthly: m.benefits.revenue_uplift_monthly,
                hours_saved_monthly: m.benefits.hours_saved_monthly,
                hourly_rate: m.benefits.hourly_rate,
                risk_reduction_monthly: m.benefits.risk_reduction_monthly,
                ramp_months: m.benefits.ramp_months,
                revenue_grows_with_usage: m.benefits.revenue_grows_with_usage,
                hours_grow_with_usage: m.benefits.hours_grow_with_usage,
                risk_grows_with_usage: m.benefits.risk_grows_with_usage,
                hours_count_as_cash: m.benefits.hours_count_as_cash,
                yearly_decay: m.benefits.yearly_decay,
            },
            acting: StoredActing {
                actions_monthly: m.acting.actions_monthly,
                cost_per_action: m.acting.cost_per_action,
                fixed_monthly: m.acting.fixed_monthly,
            },
            success: StoredSuccess {
                chance: m.success.chance,
                gates: m
                    .success
                    .gates
                    .iter()
                    .map(|g| StoredGate {
                        name: g.name.clone(),
                        month: g.month,
                        chance: g.chance,
                    })
                    .collect(),
            },
            notes: m.notes.clone(),
            sources: m.sources.clone(),
        }
    }
}

impl From<StoredModel> for RoiModel {
    fn from(s: StoredModel) -> Self {
        RoiModel {
            horizon_years: s.horizon_years,
            money: Money {
                currency: s.money.currency,
                discount_rate: s.money.discount_rate,
                tax_rate: s.money.tax_rate,
                tax_losses: match s.money.tax_losses {
                    StoredTaxLosses::OffsetNow => TaxLosses::OffsetNow,
                    StoredTaxLosses::CarryForward => TaxLosses::CarryForward,
                },
                cost_inflation: s.money.cost_inflation,
                mirr_finance_rate: s.money.mirr_finance_rate,
                mirr_reinvestment_rate: s.money.mirr_reinvestment_rate,
            },
            team: s
                .team
                .into_iter()
                .map(|t| TeamMember {
                    role: t.role,
                    headcount: t.headcount,
                    monthly_cost: t.monthly_cost,
                    months: t.months,
                })
                .collect(),
            one_off: OneOffCosts {
                data_acquisition: s.one_off.data_acquisition,
                labelling: s.one_off.labelling,
                licences: s.one_off.licences,
                external_services: s.one_off.external_services,
            },
            infrastructure: Infrastructure {
                initial_training: s.infrastructure.initial_training,
                retraining_cost: s.infrastructure.retraining_cost,
                retraining_every_months: s.infrastructure.retraining_every_months,
                serving_monthly: s.infrastructure.serving_monthly,
                storage_monthly: s.infrastructure.storage_monthly,
                network_monthly: s.infrastructure.network_monthly,
                usage_growth: s.infrastructure.usage_growth,
            },
            maintenance: Maintenance {
                fte_share: s.maintenance.fte_share,
                fte_monthly_cost: s.maintenance.fte_monthly_cost,
                percent_of_development: s.maintenance.percent_of_development,
                yearly_refresh: s.maintenance.yearly_refresh,
            },
            benefits: Benefits {
                revenue_uplift_monthly: s.benefits.revenue_uplift_monthly,
                hours_saved_monthly: s.benefits.hours_saved_monthly,
                hourly_rate: s.benefits.hourly_rate,
                risk_reduction_monthly: s.benefits.risk_reduction_monthly,
                ramp_months: s.benefits.ramp_months,
                revenue_grows_with_usage: s.benefits.revenue_grows_with_usage,
                hours_grow_with_usage: s.benefits.hours_grow_with_usage,
                risk_grows_with_usage: s.benefits.risk_grows_with_usage,
                hours_count_as_cash: s.benefits.hours_count_as_cash,
                yearly_decay: s.benefits.yearly_decay,
            },
            acting: Acting {
                actions_monthly: s.acting.actions_monthly,
                cost_per_action: s.acting.cost_per_action,
                fixed_monthly: s.acting.fixed_monthly,
            },
            success: Success {
                chance: s.success.chance,
                gates: s
                    .success
                    .gates
                    .into_iter()
                    .map(|g| Gate {
                        name: g.name,
                        month: g.month,
                        chance: g.chance,
                    })
                    .collect(),
            },
            notes: s.notes,
            sources: s.sources,
        }
    }
}
