//! What an evaluation gives: the monthly and yearly flows, the stage rows and the figures.

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
