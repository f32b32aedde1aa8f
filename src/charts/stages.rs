//! Hours per month by pipeline stage, before and after automation: for each
//! stage a solid "before" bar beside an "after" bar stacked from the manual
//! work left (hatched) and the oversight still needed (outlined). Fill
//! pattern, a legend and the hours written above each bar carry the meaning,
//! so colour is never the only signal.

use super::{rgb, Style};
use crate::domain::automation::AutomationResults;
use crate::domain::format::hours;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One stage's bars.
#[derive(Clone, Debug, PartialEq)]
pub struct StageBar {
    /// The stage's name.
    pub label: String,
    /// Hours per month today.
    pub before: f64,
    /// Manual hours per month left after automating.
    pub remaining: f64,
    /// Oversight hours per month after automating.
    pub oversight: f64,
}

/// What the chart shows: computed by the domain, drawn here.
#[derive(Clone, Debug, PartialEq)]
pub struct StagesChart {
    /// The stages, in pipeline order.
    pub stages: Vec<StageBar>,
}

impl StagesChart {
    /// The chart of evaluated results.
    pub fn from_results(r: &AutomationResults) -> StagesChart {
        StagesChart {
            stages: r
                .stages
                .iter()
                .map(|s| StageBar {
                    label: s.stage.name().into(),
                    before: s.hours_before,
                    remaining: s.hours_before - s.hours_removed,
                    oversight: s.oversight_hours,
                })
                .collect(),
        }
    }
}

/// Diagonal lines filling a pixel rectangle, drawn on `area` (whose
/// coordinates are relative to its own corner).
fn hatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    corner_a: (i32, i32),
    corner_b: (i32, i32),
    step: i32,
    style: ShapeStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let base = area.get_base_pixel();
    let (x0, x1) = (
        corner_a.0.min(corner_b.0) - base.0,
        corner_a.0.max(corner_b.0) - base.0,
    );
    let (y0, y1) = (
        corner_a.1.min(corner_b.1) - base.1,
        corner_a.1.max(corner_b.1) - base.1,
    );
    let step = step.max(2);
    // Lines x + y = c, rising to the right on screen.
    let mut c = x0 + y0 + step;
    while c < x1 + y1 {
        let lo = x0.max(c - y1);
        let hi = x1.min(c - y0);
        if lo < hi {
            area.draw(&PathElement::new(vec![(lo, c - lo), (hi, c - hi)], style))?;
        }
        c += step;
    }
    Ok(())
}

/// Draws the chart on any plotters backend.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &StagesChart,
    style: &Style,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let s = style.scale.max(0.5);
    let px = |v: f64| (v * s).round() as i32;
    let fg = rgb(style.foreground);
    let before_colour = rgb(style.series);
    let after_colour = rgb(style.marker);
    let n = chart.stages.len().max(1);
    let finite = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
    let top = chart
        .stages
        .iter()
        .map(|b| finite(b.before).max(finite(b.remaining) + finite(b.oversight)))
        .fold(0.0f64, f64::max)
        .max(1.0);
    // Room above the bars for their labels and the legend.
    let y_max = top * 1.35;
    let font = ("sans-serif", px(12.0)).into_font().color(&fg);
    let mut ctx = ChartBuilder::on(area)
        .margin(px(10.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(52.0))
        .build_cartesian_2d(0f64..n as f64, 0f64..y_max)
        .map_err(err)?;
    ctx.configure_mesh()
        .disable_x_mesh()
        .disable_x_axis()
        .light_line_style(TRANSPARENT)
        .bold_line_style(rgb(style.grid))
        .axis_style(fg)
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .y_desc("Hours per month")
        .y_labels(6)
        .y_label_formatter(&|v| format!("{}", v.round()))
        .draw()
        .map_err(err)?;
    ctx.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 0.0), (n as f64, 0.0)],
        fg.stroke_width(px(1.0).max(1) as u32),
    )))
    .map_err(err)?;

    let outline = |c: RGBColor| c.stroke_width(px(1.5).max(1) as u32);
    let hatch_style = after_colour.stroke_width(px(1.0).max(1) as u32);
    let base = area.get_base_pixel();
    let small = ("sans-serif", px(11.0)).into_font().color(&fg);
    for (i, b) in chart.stages.iter().enumerate() {
        let x = i as f64;
        let (before, remaining, oversight) =
            (finite(b.before), finite(b.remaining), finite(b.oversight));
        // Before: solid.
        let (bx0, bx1) = (x + 0.12, x + 0.48);
        ctx.draw_series([
            Rectangle::new([(bx0, 0.0), (bx1, before)], before_colour.filled()),
            Rectangle::new([(bx0, 0.0), (bx1, before)], outline(before_colour)),
        ])
        .map_err(err)?;
        // After: manual work left, hatched; oversight on top, outlined.
        let (ax0, ax1) = (x + 0.52, x + 0.88);
        let after = remaining + oversight;
        if remaining > 0.0 {
            hatch(
                area,
                ctx.backend_coord(&(ax0, 0.0)),
                ctx.backend_coord(&(ax1, remaining)),
                px(6.0),
                hatch_style,
            )
            .map_err(err)?;
        }
        ctx.draw_series([
            Rectangle::new([(ax0, 0.0), (ax1, remaining)], outline(after_colour)),
            Rectangle::new(
                [(ax0, remaining), (ax1, after)],
                after_colour.mix(0.12).filled(),
            ),
            Rectangle::new([(ax0, remaining), (ax1, after)], outline(after_colour)),
        ])
        .map_err(err)?;
        let label_at = |x: f64, v: f64| (x, v + top * 0.03);
        ctx.draw_series([
            Text::new(
                hours(before),
                label_at((bx0 + bx1) / 2.0, before),
                small.clone().pos(Pos::new(HPos::Center, VPos::Bottom)),
            ),
            Text::new(
                hours(after),
                label_at((ax0 + ax1) / 2.0, after),
                small.clone().pos(Pos::new(HPos::Center, VPos::Bottom)),
            ),
        ])
        .map_err(err)?;
        // Stage name under its pair of bars, a word a line.
        let (cx, cy) = ctx.backend_coord(&(x + 0.5, 0.0));
        for (k, word) in b.label.split_whitespace().take(3).enumerate() {
            area.draw(&Text::new(
                word.to_string(),
                (cx - base.0, cy - base.1 + px(6.0) + k as i32 * px(13.0)),
                font.clone().pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(err)?;
        }
    }

    // Legend, top left: the same patterns as the bars.
    let (lx, ly) = ctx.backend_coord(&(0.0, y_max));
    let (lx, ly) = (lx - base.0 + px(8.0), ly - base.1 + px(6.0));
    let sw = px(16.0);
    let row = px(16.0);
    let entries = [
        "Before automation",
        "After: manual work left",
        "After: oversight",
    ];
    for (k, text) in entries.iter().enumerate() {
        let y = ly + k as i32 * row;
        let (a, b) = ((lx, y), (lx + sw, y + px(11.0)));
        match k {
            0 => area
                .draw(&Rectangle::new([a, b], before_colour.filled()))
                .map_err(err)?,
            1 => {
                hatch(
                    area,
                    (a.0 + base.0, a.1 + base.1),
                    (b.0 + base.0, b.1 + base.1),
                    px(4.0),
                    hatch_style,
                )
                .map_err(err)?;
                area.draw(&Rectangle::new([a, b], outline(after_colour)))
                    .map_err(err)?;
            }
            _ => {
                area.draw(&Rectangle::new([a, b], after_colour.mix(0.12).filled()))
                    .map_err(err)?;
                area.draw(&Rectangle::new([a, b], outline(after_colour)))
                    .map_err(err)?;
            }
        }
        area.draw(&Text::new(
            text.to_string(),
            (lx + sw + px(6.0), y + px(5.5)),
            font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(err)?;
    }
    if chart.stages.is_empty() {
        ctx.draw_series(std::iter::once(Text::new(
            "No stages to show",
            (0.5, y_max / 2.0),
            font.clone().pos(Pos::new(HPos::Center, VPos::Center)),
        )))
        .map_err(err)?;
    }
    area.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::automation::AutomationModel;

    fn render(chart: &StagesChart, size: (u32, u32), style: Style) -> String {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            draw(&area, chart, &style).unwrap();
        }
        svg
    }

    #[test]
    fn draws_before_and_after_bars_with_labels_and_legend() {
        let r = AutomationModel::example().evaluate().unwrap();
        let chart = StagesChart::from_results(&r);
        // Data processing: 6 h × 8 runs = 48 h before; 60% automated leaves
        // 19.2 manual + 4 oversight = 23.2 h after.
        assert_eq!(chart.stages[0].before, 48.0);
        assert!((chart.stages[0].remaining - 19.2).abs() < 1e-9);
        let svg = render(&chart, (720, 360), Style::light(1.0));
        for text in [
            "Before automation",
            "After: manual work left",
            "After: oversight",
            "Hyperparameter",
            "tuning",
            "Deployment",
            "48 h",
            "23.2 h",
            "Hours per month",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        assert!(svg.matches("<rect").count() >= 15, "bars missing");
        assert!(svg.matches("<polyline").count() > 20, "hatching missing");
    }

    #[test]
    fn draws_empty_and_zero_data_without_error() {
        let svg = render(
            &StagesChart { stages: vec![] },
            (300, 200),
            Style::dark(2.0),
        );
        assert!(svg.contains("No stages to show"));
        let r = AutomationModel::default().evaluate().unwrap();
        let svg = render(
            &StagesChart::from_results(&r),
            (300, 200),
            Style::light(1.0),
        );
        assert!(svg.contains("0 h"));
        let odd = StagesChart {
            stages: vec![StageBar {
                label: "X".into(),
                before: f64::NAN,
                remaining: -3.0,
                oversight: f64::INFINITY,
            }],
        };
        render(&odd, (200, 120), Style::light(1.0));
    }
}
