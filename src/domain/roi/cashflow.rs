//! The model month by month, its validation, and its figures.

use super::*;

impl RoiModel {
    /// The last month of the horizon: 12 a year, the years held to 1-10
    /// (out of range they are an input error, see [`Self::validate`], and
    /// nothing is computed past 120 months). Month 0 is the start.
    pub fn horizon_months(&self) -> u32 {
        self.horizon_years.clamp(1, 10) * 12
    }

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
        let last = self.horizon_months();
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
        let months = self.horizon_months();
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
        let months = self.horizon_months();
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
                irr_roots_annual.iter().map(|r| crate::domain::format::percent(*r)).collect::<Vec<_>>().join(", ")
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
