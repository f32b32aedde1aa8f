//! The default model and the examples, with the source of their figures.

use super::*;

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

pub(super) fn member(role: &str, headcount: f64, monthly_cost: f64, months: f64) -> TeamMember {
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

pub(super) fn sources(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
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
