//! The tornado chart of a sensitivity analysis: one horizontal bar a driver,
//! from the figure at its low input to the figure at its high input, around
//! the base value, largest swing at the top.

use super::{rgb, Style};
use plotters::coord::Shift;
use plotters::prelude::*;

/// One bar: the driver's name and the figure at its low and high input.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The driver's label.
    pub label: String,
    /// The figure with the driver at its low input.
    pub low: f64,
    /// The figure with the driver at its high input.
    pub high: f64,
}

/// What the chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoChart {
    /// The figure for the model as entered.
    pub base: f64,
    /// Bars, largest swing first.
    pub bars: Vec<Bar>,
    /// Formats a value of the figure for the axis ("$1.2M", "35%").
    pub unit: Unit,
}

/// How the figure's values are written.
#[derive(Clone, Debug, PartialEq)]
pub enum Unit {
    /// Money in this currency.
    Money(String),
    /// Percent.
    Percent,
    /// Months.
    Months,
}

impl Unit {
    fn short(&self, v: f64) -> String {
        match self {
            Unit::Money(c) => crate::domain::format::money_short(v, c),
            Unit::Percent => format!("{v:.0}%"),
            Unit::Months => format!("{v:.0} mo"),
        }
    }
}

/// Layout shared by [`draw`] and [`bar_at`], in CSS pixels.
const MARGIN: f64 = 10.0;
const TOP: f64 = 26.0;
const AXIS: f64 = 30.0;

fn label_width(width: f64) -> f64 {
    (width * 0.36).clamp(90.0, 260.0)
}

fn max_chars(width: f64) -> usize {
    (label_width(width) / 7.0) as usize
}

fn shorten(label: &str, n: usize) -> String {
    if label.chars().count() <= n {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(n.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Which bar is under a point of a chart `width` × `height` CSS pixels, for
/// the hover read-out.
pub fn bar_at(chart: &TornadoChart, width: f64, height: f64, x: f64, y: f64) -> Option<usize> {
    let n = chart.bars.len();
    let top = MARGIN + TOP;
    let bottom = height - MARGIN - AXIS;
    if n == 0 || x < MARGIN || y < top || y >= bottom || bottom <= top || width <= 0.0 {
        return None;
    }
    let i = ((y - top) / (bottom - top) * n as f64) as usize;
    (i < n).then_some(i)
}

/// Draws the chart on any plotters backend.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &TornadoChart,
    style: &Style,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let s = style.scale.max(0.5);
    let px = |v: f64| (v * s).round() as i32;
    let (w, _) = area.dim_in_pixel();
    let css_width = f64::from(w) / s;
    let n = chart.bars.len().max(1);
    let (lo, hi) = chart
        .bars
        .iter()
        .fold((chart.base, chart.base), |(lo, hi), b| {
            (lo.min(b.low).min(b.high), hi.max(b.low).max(b.high))
        });
    let pad = ((hi - lo) * 0.06)
        .max(hi.abs().max(lo.abs()) * 0.01)
        .max(1e-9);
    let font = ("sans-serif", px(13.0))
        .into_font()
        .color(&rgb(style.foreground));
    let (left, right) = area.split_horizontally(px(MARGIN + label_width(css_width)));
    let mut ctx = ChartBuilder::on(&right)
        .margin(px(MARGIN))
        .margin_top(px(MARGIN + TOP))
        .x_label_area_size(px(AXIS))
        .build_cartesian_2d((lo - pad)..(hi + pad), n as f64..0f64)
        .map_err(err)?;
    let unit = chart.unit.clone();
    ctx.configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .light_line_style(TRANSPARENT)
        .bold_line_style(rgb(style.grid))
        .axis_style(rgb(style.foreground))
        .label_style(font.clone())
        .x_labels(6)
        .x_label_formatter(&|v| unit.short(*v))
        .draw()
        .map_err(err)?;
    let low_colour = rgb(style.series);
    let high_colour = rgb(style.marker);
    for (i, b) in chart.bars.iter().enumerate() {
        let (y0, y1) = (i as f64 + 0.18, i as f64 + 0.82);
        // The low input's side is filled, the high input's side hatched by an
        // outline, so the two are told apart without colour.
        ctx.draw_series(std::iter::once(Rectangle::new(
            [(chart.base, y0), (b.low, y1)],
            low_colour.filled(),
        )))
        .map_err(err)?;
        ctx.draw_series(std::iter::once(Rectangle::new(
            [(chart.base, y0), (b.high, y1)],
            high_colour.mix(0.25).filled(),
        )))
        .map_err(err)?;
        ctx.draw_series(std::iter::once(Rectangle::new(
            [(chart.base, y0), (b.high, y1)],
            high_colour.stroke_width(px(2.0).max(1) as u32),
        )))
        .map_err(err)?;
        let (_, py) = ctx.backend_coord(&(chart.base, i as f64 + 0.5));
        left.draw(&Text::new(
            shorten(&b.label, max_chars(css_width)),
            (px(MARGIN), py - px(7.0)),
            font.clone(),
        ))
        .map_err(err)?;
    }
    ctx.draw_series(std::iter::once(PathElement::new(
        vec![(chart.base, 0.0), (chart.base, n as f64)],
        rgb(style.foreground).stroke_width(px(2.0).max(1) as u32),
    )))
    .map_err(err)?;
    let (bx, _) = ctx.backend_coord(&(chart.base, 0.0));
    let (rx, _) = right.get_base_pixel();
    right
        .draw(&Text::new(
            format!("Base {}", chart.unit.short(chart.base)),
            (bx - rx - px(30.0), px(MARGIN + 4.0)),
            font.clone(),
        ))
        .map_err(err)?;
    left.draw(&Text::new(
        "Filled: low input · Outlined: high input",
        (px(MARGIN), px(MARGIN + 4.0)),
        font.clone(),
    ))
    .map_err(err)?;
    area.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(n: usize) -> TornadoChart {
        TornadoChart {
            base: 100_000.0,
            bars: (0..n)
                .map(|i| Bar {
                    label: format!("Driver number {i} with a rather long name indeed"),
                    low: 100_000.0 - 10_000.0 * (n - i) as f64,
                    high: 100_000.0 + 8_000.0 * (n - i) as f64,
                })
                .collect(),
            unit: Unit::Money("USD".into()),
        }
    }

    #[test]
    fn draws_bars_labels_and_base_into_svg() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (720, 360)).into_drawing_area();
            draw(&area, &chart(4), &Style::light(1.0)).unwrap();
        }
        assert!(svg.contains("Driver number 0"), "labels missing");
        assert!(svg.contains('…'), "long labels are shortened");
        assert!(svg.contains("Base $100k"), "{svg}");
        assert!(svg.matches("<rect").count() >= 8);
    }

    #[test]
    fn empty_and_flat_charts_draw_without_error() {
        for c in [
            chart(0),
            TornadoChart {
                base: 0.0,
                bars: vec![Bar {
                    label: "x".into(),
                    low: 0.0,
                    high: 0.0,
                }],
                unit: Unit::Percent,
            },
        ] {
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (300, 200)).into_drawing_area();
            draw(&area, &c, &Style::dark(2.0)).unwrap();
        }
    }

    #[test]
    fn bar_at_finds_the_row_under_the_pointer() {
        let c = chart(4);
        let (w, h) = (720.0, 360.0);
        let top = MARGIN + TOP;
        let row = (h - MARGIN - AXIS - top) / 4.0;
        assert_eq!(bar_at(&c, w, h, 400.0, top + 0.5 * row), Some(0));
        assert_eq!(bar_at(&c, w, h, 400.0, top + 3.5 * row), Some(3));
        assert_eq!(bar_at(&c, w, h, 400.0, 5.0), None);
        assert_eq!(bar_at(&c, w, h, 400.0, h - 5.0), None);
        assert_eq!(bar_at(&chart(0), w, h, 400.0, 100.0), None);
    }
}
