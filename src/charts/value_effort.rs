//! The value-versus-effort bubble chart of a portfolio: effort across, value
//! up, the split lines, the four quadrant names written in their corners,
//! and every bubble labelled with its project's name or rank.

use super::{rgb, Style};
use crate::domain::format::money_short;
use crate::domain::portfolio::{Quadrant, ValueEffort};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One bubble.
#[derive(Clone, Debug, PartialEq)]
pub struct Bubble {
    /// Effort.
    pub x: f64,
    /// Value.
    pub y: f64,
    /// Area relative to the largest bubble, 0 to 1; `None` draws a small
    /// hollow marker (size unknown).
    pub size: Option<f64>,
    /// The text written beside it.
    pub label: String,
}

/// How bubbles are labelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BubbleLabel {
    /// The project's name.
    Name,
    /// Its rank by the portfolio's method ("–" without a score).
    Rank,
}

/// What the chart shows: computed by the domain, drawn here.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueEffortChart {
    /// The bubbles.
    pub bubbles: Vec<Bubble>,
    /// Where the effort axis splits low from high.
    pub x_split: f64,
    /// Where the value axis splits low from high.
    pub y_split: f64,
    /// Fixed effort range, or `None` to fit the bubbles and the split.
    pub x_range: Option<(f64, f64)>,
    /// Fixed value range, or `None` to fit.
    pub y_range: Option<(f64, f64)>,
    /// Effort-axis title.
    pub x_title: String,
    /// Value-axis title.
    pub y_title: String,
    /// Currency of the value axis when it is money.
    pub y_currency: Option<String>,
}

impl ValueEffortChart {
    /// The chart of a computed map.
    pub fn from_map(map: &ValueEffort, label: BubbleLabel) -> ValueEffortChart {
        ValueEffortChart {
            bubbles: map
                .points
                .iter()
                .map(|p| Bubble {
                    x: p.effort,
                    y: p.value,
                    size: p.size,
                    label: match label {
                        BubbleLabel::Name => p.name.clone(),
                        BubbleLabel::Rank => {
                            p.rank.map(|r| r.to_string()).unwrap_or_else(|| "–".into())
                        }
                    },
                })
                .collect(),
            x_split: map.effort_split,
            y_split: map.value_split,
            x_range: map.effort_range,
            y_range: map.value_range,
            x_title: map.effort_label.clone(),
            y_title: map.value_label.clone(),
            y_currency: map.value_currency.clone(),
        }
    }
}

/// The axis range: the fixed one, or the data and the split, padded by a
/// tenth either side so bubbles at the edge stay whole.
fn range(fixed: Option<(f64, f64)>, values: impl Iterator<Item = f64>, split: f64) -> (f64, f64) {
    let (mut lo, mut hi) = match fixed {
        Some(r) => r,
        None => values
            .filter(|v| v.is_finite())
            .fold((split, split), |(lo, hi), v| (lo.min(v), hi.max(v))),
    };
    if !(lo.is_finite() && hi.is_finite()) {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < 1e-9 {
        let pad = if lo.abs() > 1.0 { lo.abs() * 0.5 } else { 1.0 };
        lo -= pad;
        hi += pad;
    }
    let pad = (hi - lo) * 0.1;
    (lo - pad, hi + pad)
}

fn number(v: f64, span: f64) -> String {
    if span <= 20.0 {
        format!("{v:.1}")
    } else {
        crate::domain::input::group_thousands(&format!("{}", v.round()))
    }
}

/// Draws the chart on any plotters backend.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ValueEffortChart,
    style: &Style,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let s = style.scale.max(0.5);
    let px = |v: f64| (v * s).round() as i32;
    let fg = rgb(style.foreground);
    let (x0, x1) = range(
        chart.x_range,
        chart.bubbles.iter().map(|b| b.x),
        chart.x_split,
    );
    let (y0, y1) = range(
        chart.y_range,
        chart.bubbles.iter().map(|b| b.y),
        chart.y_split,
    );
    let font = ("sans-serif", px(12.0)).into_font().color(&fg);
    let mut ctx = ChartBuilder::on(area)
        .margin(px(10.0))
        .x_label_area_size(px(44.0))
        .y_label_area_size(px(if chart.y_currency.is_some() {
            70.0
        } else {
            52.0
        }))
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(err)?;
    let (x_span, y_span) = (x1 - x0, y1 - y0);
    let currency = chart.y_currency.clone();
    ctx.configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(rgb(style.grid))
        .axis_style(fg)
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .x_desc(chart.x_title.as_str())
        .y_desc(chart.y_title.as_str())
        .x_labels(8)
        .y_labels(8)
        .x_label_formatter(&|v| number(*v, x_span))
        .y_label_formatter(&|v| match &currency {
            Some(c) => money_short(*v, c),
            None => number(*v, y_span),
        })
        .draw()
        .map_err(err)?;

    // Split lines.
    let split_style = fg.stroke_width(px(1.5).max(1) as u32);
    ctx.draw_series([
        PathElement::new(vec![(chart.x_split, y0), (chart.x_split, y1)], split_style),
        PathElement::new(vec![(x0, chart.y_split), (x1, chart.y_split)], split_style),
    ])
    .map_err(err)?;

    // Quadrant names in the corners: low effort on the left, high value at the top.
    let name_font = ("sans-serif", px(13.0))
        .into_font()
        .style(FontStyle::Bold)
        .color(&fg.mix(0.75));
    let (dx, dy) = (x_span * 0.015, y_span * 0.02);
    for q in Quadrant::ALL {
        let (x, h) = if q.high_effort() {
            (x1 - dx, HPos::Right)
        } else {
            (x0 + dx, HPos::Left)
        };
        let (y, v) = if q.high_value() {
            (y1 - dy, VPos::Top)
        } else {
            (y0 + dy, VPos::Bottom)
        };
        ctx.draw_series(std::iter::once(Text::new(
            q.name(),
            (x, y),
            name_font.clone().pos(Pos::new(h, v)),
        )))
        .map_err(err)?;
    }

    if chart.bubbles.is_empty() {
        ctx.draw_series(std::iter::once(Text::new(
            "No projects to show",
            ((x0 + x1) / 2.0, (y0 + y1) / 2.0),
            font.clone().pos(Pos::new(HPos::Center, VPos::Center)),
        )))
        .map_err(err)?;
    }

    // Largest bubbles first, so small ones stay visible on top.
    let mut order: Vec<&Bubble> = chart.bubbles.iter().collect();
    order.sort_by(|a, b| b.size.unwrap_or(0.0).total_cmp(&a.size.unwrap_or(0.0)));
    let colour = rgb(style.series);
    for b in order {
        if !(b.x.is_finite() && b.y.is_finite()) {
            continue;
        }
        // Area proportional to size: radius by its square root.
        let (radius, fill) = match b.size {
            Some(size) => (
                px(6.0 + 20.0 * size.clamp(0.0, 1.0).sqrt()),
                colour.mix(0.35).filled(),
            ),
            None => (px(6.0), TRANSPARENT.filled()),
        };
        let outline = colour.stroke_width(px(1.5).max(1) as u32);
        let element = EmptyElement::at((b.x, b.y))
            + Circle::new((0, 0), radius, fill)
            + Circle::new((0, 0), radius, outline)
            + Text::new(
                b.label.clone(),
                (radius + px(4.0), 0),
                font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
            );
        ctx.draw_series(std::iter::once(element)).map_err(err)?;
    }
    area.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::portfolio::{value_effort, BubbleBasis, Portfolio, ValueAxis};

    fn render(chart: &ValueEffortChart) -> String {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (640, 420)).into_drawing_area();
            draw(&area, chart, &Style::light(1.0)).unwrap();
        }
        svg
    }

    #[test]
    fn draws_quadrants_and_labelled_bubbles() {
        let p = Portfolio::example();
        let map = value_effort(&p, &[], BubbleBasis::EstimatedCost);
        let svg = render(&ValueEffortChart::from_map(&map, BubbleLabel::Name));
        for text in [
            "Quick wins",
            "Big bets",
            "Fill-ins",
            "Time sinks",
            "Support ticket routing",
            "Demand forecasting",
            "Effort (1-5",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        assert!(svg.matches("<circle").count() >= 10, "bubbles missing");
        let by_rank = render(&ValueEffortChart::from_map(&map, BubbleLabel::Rank));
        // plotters writes each label on its own line inside <text>.
        for r in 1..=5 {
            assert!(
                by_rank.contains(&format!("\n{r}\n</text>")),
                "rank {r} missing"
            );
        }
        assert!(!by_rank.contains("Demand forecasting"));
    }

    #[test]
    fn draws_empty_and_single_project_maps() {
        let empty = value_effort(&Portfolio::default(), &[], BubbleBasis::EstimatedCost);
        let svg = render(&ValueEffortChart::from_map(&empty, BubbleLabel::Name));
        assert!(svg.contains("No projects to show"));
        assert!(svg.contains("Quick wins"));

        let mut one = Portfolio::default();
        one.projects.push(one.new_project());
        one.value_axis = ValueAxis::Npv;
        let map = value_effort(&one, &[Some(125_000.0)], BubbleBasis::NpvMagnitude);
        let svg = render(&ValueEffortChart::from_map(&map, BubbleLabel::Name));
        assert!(svg.contains("Project 1"));
        assert!(svg.contains("$"), "money axis labels");
    }

    #[test]
    fn degenerate_data_does_not_fail() {
        let chart = ValueEffortChart {
            bubbles: vec![
                Bubble {
                    x: 2.0,
                    y: 0.0,
                    size: None,
                    label: "A".into(),
                },
                Bubble {
                    x: f64::NAN,
                    y: 1.0,
                    size: Some(2.0),
                    label: "B".into(),
                },
            ],
            x_split: 2.0,
            y_split: 0.0,
            x_range: None,
            y_range: None,
            x_title: "x".into(),
            y_title: "y".into(),
            y_currency: Some("EUR".into()),
        };
        let mut svg = String::new();
        let area = SVGBackend::with_string(&mut svg, (200, 150)).into_drawing_area();
        draw(&area, &chart, &Style::dark(2.0)).unwrap();
    }
}
