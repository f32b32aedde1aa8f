//! The cumulative cash-flow chart of an ROI model, with break-even marked.

use super::{rgb, Style};
use crate::domain::format::money_short;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the chart shows: computed by the domain, drawn here.
#[derive(Clone, Debug, PartialEq)]
pub struct CumulativeChart {
    /// Cumulative net flow at the end of each month, month 0 first.
    pub cumulative: Vec<f64>,
    /// Fractional month where the line crosses zero, if it does.
    pub break_even: Option<f64>,
    /// Currency code for the axis labels.
    pub currency: String,
}

/// The axes of a chart of money by month (months across, money up, a line
/// at zero), scaled to hold every one of `series`: the frame the cash-flow
/// and the scenarios charts share.
pub(super) struct MoneyByMonth<'a, DB: DrawingBackend> {
    pub ctx: ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    /// The last month on the axis.
    pub months: f64,
    /// The lowest and highest value drawn, before padding.
    pub lo: f64,
    pub hi: f64,
    /// Axis text, for labels drawn on the chart.
    pub font: TextStyle<'static>,
}

pub(super) fn money_by_month<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    series: &[&[f64]],
    currency: &str,
    style: &Style,
    zero_line: (u8, u8, u8),
) -> Result<MoneyByMonth<'a, DB>, String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let s = style.scale.max(0.5);
    let px = |v: f64| (v * s).round() as i32;
    let n = series.iter().map(|l| l.len()).max().unwrap_or(0).max(2) - 1;
    let (mut lo, mut hi) = series
        .iter()
        .flat_map(|l| l.iter())
        .fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    if hi - lo < 1.0 {
        hi += 1.0;
        lo -= 1.0;
    }
    let pad = (hi - lo) * 0.08;
    let font = ("sans-serif", px(13.0))
        .into_font()
        .color(&rgb(style.foreground));
    let mut ctx = ChartBuilder::on(area)
        .margin(px(10.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(64.0))
        .build_cartesian_2d(0f64..n as f64, (lo - pad)..(hi + pad))
        .map_err(err)?;
    ctx.configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(rgb(style.grid))
        .axis_style(rgb(style.foreground))
        .label_style(font.clone())
        .x_desc("Month")
        .x_labels(10)
        .y_labels(8)
        .x_label_formatter(&|v| format!("{}", v.round() as i64))
        .y_label_formatter(&|v| money_short(*v, currency))
        .draw()
        .map_err(err)?;
    ctx.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 0.0), (n as f64, 0.0)],
        rgb(zero_line).stroke_width(px(1.0).max(1) as u32),
    )))
    .map_err(err)?;
    Ok(MoneyByMonth {
        ctx,
        months: n as f64,
        lo,
        hi,
        font,
    })
}

/// Draws the chart on any plotters backend.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &CumulativeChart,
    style: &Style,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let s = style.scale.max(0.5);
    let px = |v: f64| (v * s).round() as i32;
    let MoneyByMonth {
        mut ctx,
        months,
        lo,
        hi,
        font,
    } = money_by_month(
        area,
        &[&chart.cumulative],
        &chart.currency,
        style,
        style.foreground,
    )?;
    ctx.draw_series(LineSeries::new(
        chart
            .cumulative
            .iter()
            .enumerate()
            .map(|(i, v)| (i as f64, *v)),
        rgb(style.series).stroke_width(px(2.5).max(1) as u32),
    ))
    .map_err(err)?;
    if let Some(m) = chart.break_even {
        ctx.draw_series(std::iter::once(Circle::new(
            (m, 0.0),
            px(6.0),
            rgb(style.marker).filled(),
        )))
        .map_err(err)?;
        let label_x = if m > months * 0.7 {
            m - months * 0.25
        } else {
            m
        };
        ctx.draw_series(std::iter::once(Text::new(
            format!("Break-even, month {:.1}", m),
            (label_x, (hi - lo) * 0.06),
            font.clone().color(&rgb(style.marker)),
        )))
        .map_err(err)?;
    }
    area.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_line_and_break_even_into_svg() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 320)).into_drawing_area();
            let chart = CumulativeChart {
                cumulative: vec![-100.0, -50.0, 0.0, 50.0, 100.0],
                break_even: Some(2.0),
                currency: "USD".into(),
            };
            draw(&area, &chart, &Style::light(1.0)).unwrap();
        }
        assert!(svg.contains("<polyline"), "no line drawn");
        assert!(svg.contains("<circle"), "no break-even marker");
        assert!(svg.contains("Break-even, month 2.0"));
        assert!(svg.contains("-$100"), "axis labels missing");
    }

    #[test]
    fn draws_flat_and_tiny_series_without_error() {
        for data in [vec![], vec![0.0], vec![0.0, 0.0, 0.0]] {
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (300, 200)).into_drawing_area();
            let chart = CumulativeChart {
                cumulative: data,
                break_even: None,
                currency: "EUR".into(),
            };
            draw(&area, &chart, &Style::dark(2.0)).unwrap();
        }
    }
}
