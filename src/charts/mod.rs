//! Charts drawn with plotters, generic over the drawing backend: the same
//! function draws on a canvas in the browser and into SVG in native tests.
//!
//! Architecture invariant: charts draw data computed before; they compute
//! nothing of the domain.

pub mod cashflow;
pub mod distribution;
pub mod radar;
pub mod scenarios;
pub mod stages;
pub mod tornado;
pub mod value_effort;

use plotters::style::RGBColor;

/// A plotters colour from a style triple.
pub(crate) fn rgb(c: (u8, u8, u8)) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Colours and scale for one rendering, chosen by the caller (light or dark
/// theme, device pixel ratio).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Text and axes.
    pub foreground: (u8, u8, u8),
    /// Grid lines.
    pub grid: (u8, u8, u8),
    /// The main series.
    pub series: (u8, u8, u8),
    /// Markers and highlights.
    pub marker: (u8, u8, u8),
    /// Device pixels per CSS pixel: fonts and strokes scale by it.
    pub scale: f64,
    /// Further series, told apart by line pattern and label as well.
    pub palette: [(u8, u8, u8); 4],
}

impl Style {
    /// Colours for a light page.
    pub fn light(scale: f64) -> Style {
        Style {
            foreground: (27, 31, 36),
            grid: (208, 214, 222),
            series: (11, 87, 208),
            marker: (179, 38, 30),
            scale,
            palette: [(25, 118, 60), (123, 57, 170), (176, 96, 0), (0, 122, 135)],
        }
    }

    /// Colours for a dark page.
    pub fn dark(scale: f64) -> Style {
        Style {
            foreground: (231, 234, 238),
            grid: (58, 67, 78),
            series: (138, 180, 248),
            marker: (242, 184, 181),
            scale,
            palette: [
                (129, 201, 149),
                (197, 160, 240),
                (240, 180, 100),
                (110, 210, 220),
            ],
        }
    }
}

/// Any chart Sextant draws, for components that host one canvas.
#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    /// Cumulative cash flow of an ROI model.
    Cashflow(cashflow::CumulativeChart),
    /// Scores by area.
    Radar(radar::RadarChart),
    /// A portfolio's value-versus-effort bubbles.
    ValueEffort(value_effort::ValueEffortChart),
    /// Hours per month by pipeline stage, before and after automation.
    Stages(stages::StagesChart),
    /// Sensitivity of one figure to each driver.
    Tornado(tornado::TornadoChart),
    /// Cumulative cash flows of several scenarios.
    Scenarios(scenarios::ScenarioChart),
    /// Spread of a simulated figure: histogram or cumulative curve.
    Distribution(distribution::DistributionChart),
}

impl Style {
    /// The colour of the `i`-th of several series.
    pub fn series_colour(&self, i: usize) -> (u8, u8, u8) {
        match i {
            0 => self.series,
            1 => self.marker,
            _ => self.palette[(i - 2) % self.palette.len()],
        }
    }
}

/// Draws any chart on any plotters backend.
pub fn draw<DB: plotters::prelude::DrawingBackend>(
    area: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
    chart: &Chart,
    style: &Style,
) -> Result<(), String> {
    match chart {
        Chart::Cashflow(c) => cashflow::draw(area, c, style),
        Chart::Radar(r) => radar::draw(area, r, style),
        Chart::ValueEffort(v) => value_effort::draw(area, v, style),
        Chart::Stages(s) => stages::draw(area, s, style),
        Chart::Tornado(t) => tornado::draw(area, t, style),
        Chart::Scenarios(c) => scenarios::draw(area, c, style),
        Chart::Distribution(d) => distribution::draw(area, d, style),
    }
}
