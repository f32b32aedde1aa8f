//! Cumulative cash flows of several scenarios on one chart. Each line has
//! its own colour and dash pattern and is named in the legend, so the lines
//! are told apart without colour.

use super::cashflow::{money_by_month, MoneyByMonth};
use super::{rgb, Style};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// One line: a scenario's name and its cumulative net flow by month.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The scenario's name.
    pub name: String,
    /// Cumulative net flow at the end of each month, month 0 first.
    pub cumulative: Vec<f64>,
}

/// What the chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioChart {
    /// The lines, the base first.
    pub lines: Vec<Line>,
    /// Currency code for the axis labels.
    pub currency: String,
}

/// Dash length and gap, in CSS pixels, of the `i`-th line (0: solid).
fn dash(i: usize) -> Option<(f64, f64)> {
    match i % 4 {
        0 => None,
        1 => Some((9.0, 5.0)),
        2 => Some((2.5, 4.0)),
        _ => Some((14.0, 4.0)),
    }
}

/// Draws the chart on any plotters backend.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ScenarioChart,
    style: &Style,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let s = style.scale.max(0.5);
    let px = |v: f64| (v * s).round() as i32;
    let series: Vec<&[f64]> = chart
        .lines
        .iter()
        .map(|l| l.cumulative.as_slice())
        .collect();
    let MoneyByMonth { mut ctx, font, .. } =
        money_by_month(area, &series, &chart.currency, style, style.grid)?;
    let width = px(2.5).max(1) as u32;
    for (i, line) in chart.lines.iter().enumerate() {
        let colour = rgb(style.series_colour(i));
        let shape = colour.stroke_width(width);
        let points: Vec<(f64, f64)> = line
            .cumulative
            .iter()
            .enumerate()
            .map(|(m, v)| (m as f64, *v))
            .collect();
        let pattern = dash(i);
        let anno = match pattern {
            None => ctx.draw_series(LineSeries::new(points, shape)),
            Some((d, g)) => ctx.draw_series(DashedLineSeries::new(points, px(d), px(g), shape)),
        }
        .map_err(err)?;
        anno.label(line.name.clone()).legend(move |(x, y)| {
            let seg = vec![(x, y), (x + px(28.0), y)];
            match pattern {
                None => PathElement::new(seg, shape).into_dyn(),
                Some((d, g)) => DashedPathElement::new(seg, px(d), px(g), shape).into_dyn(),
            }
        });
    }
    ctx.configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font(font.clone())
        .legend_area_size(px(34.0))
        .border_style(rgb(style.grid))
        .background_style(WHITE.mix(0.0))
        .draw()
        .map_err(err)?;
    area.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_every_line_with_its_name_in_the_legend() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (720, 360)).into_drawing_area();
            let chart = ScenarioChart {
                lines: ["Base", "Pessimistic", "Optimistic", "Late launch", "Fifth"]
                    .iter()
                    .enumerate()
                    .map(|(k, name)| Line {
                        name: name.to_string(),
                        cumulative: (0..25)
                            .map(|m| (m as f64 - 8.0) * 1000.0 * (k + 1) as f64)
                            .collect(),
                    })
                    .collect(),
                currency: "EUR".into(),
            };
            draw(&area, &chart, &Style::light(1.0)).unwrap();
        }
        for name in ["Base", "Pessimistic", "Optimistic", "Late launch", "Fifth"] {
            assert!(svg.contains(name), "{name} missing from the legend");
        }
        assert!(svg.contains("<polyline"));
    }

    #[test]
    fn no_lines_or_one_point_draws_without_error() {
        for lines in [
            vec![],
            vec![Line {
                name: "Base".into(),
                cumulative: vec![0.0],
            }],
        ] {
            let mut svg = String::new();
            let area = SVGBackend::with_string(&mut svg, (300, 200)).into_drawing_area();
            let chart = ScenarioChart {
                lines,
                currency: "USD".into(),
            };
            draw(&area, &chart, &Style::dark(2.0)).unwrap();
        }
    }
}
