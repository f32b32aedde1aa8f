//! Charts drawn with plotters, generic over the drawing backend: the same
//! function draws on a canvas in the browser and into SVG in native tests.
//!
//! Architecture invariant: charts draw data computed before; they compute
//! nothing of the domain.

pub mod cashflow;
pub mod radar;
pub mod stages;
pub mod value_effort;

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
    }
}
