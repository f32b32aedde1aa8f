//! The spread of a simulated figure (NPV): a histogram with the P10, P50 and
//! P90 lines, or the cumulative probability curve with the zero line.

use super::{rgb, Style};
use crate::domain::format::money_short;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Which view of the spread.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// Bins as (start, end, trials).
    Histogram(Vec<(f64, f64, usize)>),
    /// (value, share of trials at or below it), ascending.
    Cumulative(Vec<(f64, f64)>),
}

/// What the chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct DistributionChart {
    /// The bins or the curve.
    pub shape: Shape,
    /// Vertical lines with their names ("P10", "P50", "P90").
    pub markers: Vec<(String, f64)>,
    /// What the x axis is ("NPV").
    pub x_label: String,
    /// Currency code for the axis labels.
    pub currency: String,
}

/// Draws the chart on any plotters backend.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &DistributionChart,
    style: &Style,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let s = style.scale.max(0.5);
    let px = |v: f64| (v * s).round() as i32;
    let xs: Vec<f64> = match &chart.shape {
        Shape::Histogram(bins) => bins.iter().flat_map(|b| [b.0, b.1]).collect(),
        Shape::Cumulative(points) => points.iter().map(|p| p.0).collect(),
    };
    let (mut lo, mut hi) = xs
        .iter()
        .chain(chart.markers.iter().map(|m| &m.1))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    if !lo.is_finite() || !hi.is_finite() {
        (lo, hi) = (-1.0, 1.0);
    }
    if hi - lo < 1e-9 {
        let d = (hi.abs() * 0.05).max(1.0);
        (lo, hi) = (lo - d, hi + d);
    }
    let pad = (hi - lo) * 0.03;
    let (top, y_desc) = match &chart.shape {
        Shape::Histogram(bins) => (
            bins.iter().map(|b| b.2).max().unwrap_or(1).max(1) as f64 * 1.15,
            "Trials",
        ),
        Shape::Cumulative(_) => (1.0, "Share of trials at or below"),
    };
    let font = ("sans-serif", px(13.0))
        .into_font()
        .color(&rgb(style.foreground));
    let mut ctx = ChartBuilder::on(area)
        .margin(px(10.0))
        .margin_top(px(24.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(64.0))
        .build_cartesian_2d((lo - pad)..(hi + pad), 0f64..top)
        .map_err(err)?;
    let currency = chart.currency.clone();
    let cumulative = matches!(chart.shape, Shape::Cumulative(_));
    ctx.configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(rgb(style.grid))
        .axis_style(rgb(style.foreground))
        .label_style(font.clone())
        .x_desc(chart.x_label.clone())
        .y_desc(y_desc)
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|v| money_short(*v, &currency))
        .y_label_formatter(&|v| {
            if cumulative {
                format!("{:.0}%", v * 100.0)
            } else {
                format!("{}", v.round() as i64)
            }
        })
        .draw()
        .map_err(err)?;
    match &chart.shape {
        Shape::Histogram(bins) => {
            ctx.draw_series(bins.iter().map(|(a, b, c)| {
                Rectangle::new(
                    [(*a, 0.0), (*b, *c as f64)],
                    rgb(style.series).mix(0.75).filled(),
                )
            }))
            .map_err(err)?;
        }
        Shape::Cumulative(points) => {
            ctx.draw_series(LineSeries::new(
                points.iter().copied(),
                rgb(style.series).stroke_width(px(2.5).max(1) as u32),
            ))
            .map_err(err)?;
        }
    }
    let marker = rgb(style.marker).stroke_width(px(2.0).max(1) as u32);
    for (name, x) in &chart.markers {
        ctx.draw_series(DashedLineSeries::new(
            [(*x, 0.0), (*x, top)],
            px(6.0),
            px(4.0),
            marker,
        ))
        .map_err(err)?;
        let (bx, _) = ctx.backend_coord(&(*x, top));
        area.draw(&Text::new(
            name.clone(),
            (bx - px(10.0), px(6.0)),
            font.clone(),
        ))
        .map_err(err)?;
    }
    area.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markers() -> Vec<(String, f64)> {
        vec![
            ("P10".into(), -5.0),
            ("P50".into(), 10.0),
            ("P90".into(), 30.0),
        ]
    }

    #[test]
    fn histogram_draws_bars_and_named_lines() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 320)).into_drawing_area();
            let chart = DistributionChart {
                shape: Shape::Histogram(vec![(-10.0, 0.0, 5), (0.0, 10.0, 20), (10.0, 40.0, 7)]),
                markers: markers(),
                x_label: "NPV".into(),
                currency: "USD".into(),
            };
            draw(&area, &chart, &Style::light(1.0)).unwrap();
        }
        for s in ["P10", "P50", "P90", "NPV", "Trials"] {
            assert!(svg.contains(s), "{s} missing");
        }
        assert!(svg.matches("<rect").count() >= 3);
    }

    #[test]
    fn cumulative_curve_and_degenerate_data_draw() {
        for shape in [
            Shape::Cumulative(vec![(-10.0, 0.1), (0.0, 0.5), (20.0, 1.0)]),
            Shape::Cumulative(vec![]),
            Shape::Histogram(vec![]),
            Shape::Histogram(vec![(5.0, 5.0, 100)]),
        ] {
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (300, 200)).into_drawing_area();
            let chart = DistributionChart {
                shape,
                markers: vec![],
                x_label: "NPV".into(),
                currency: "EUR".into(),
            };
            draw(&area, &chart, &Style::dark(2.0)).unwrap();
        }
    }
}
