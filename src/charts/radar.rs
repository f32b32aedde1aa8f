//! A radar chart of scores by area (0-100), with up to a few overlaid series
//! (a result, a target profile, an earlier run).

use super::{rgb, Style};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One polygon on the radar.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarSeries {
    /// Its name, for the legend.
    pub label: String,
    /// One value a spoke, 0-100; missing values are drawn at 0.
    pub values: Vec<Option<f64>>,
}

/// What the radar shows.
#[derive(Clone, Debug, PartialEq)]
pub struct RadarChart {
    /// Spoke labels, clockwise from the top.
    pub axes: Vec<String>,
    /// The polygons; the first is the main result.
    pub series: Vec<RadarSeries>,
}

fn point(i: usize, n: usize, r: f64) -> (f64, f64) {
    let angle = std::f64::consts::FRAC_PI_2 - i as f64 * std::f64::consts::TAU / n as f64;
    (r * angle.cos(), r * angle.sin())
}

/// Draws the radar on any plotters backend.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &RadarChart,
    style: &Style,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let s = style.scale.max(0.5);
    let px = |v: f64| (v * s).round() as i32;
    let n = chart.axes.len();
    if n < 3 {
        return Ok(());
    }
    let (w, h) = area.dim_in_pixel();
    let aspect = w as f64 / h.max(1) as f64;
    let (xr, yr) = if aspect >= 1.0 {
        (1.55 * aspect, 1.55)
    } else {
        (1.55, 1.55 / aspect)
    };
    let mut ctx = ChartBuilder::on(area)
        .margin(px(4.0))
        .build_cartesian_2d(-xr..xr, -yr..yr)
        .map_err(err)?;
    let fg = rgb(style.foreground);
    let grid = rgb(style.grid);
    for ring in [0.2, 0.4, 0.6, 0.8, 1.0] {
        let mut pts: Vec<(f64, f64)> = (0..n).map(|i| point(i, n, ring)).collect();
        pts.push(pts[0]);
        ctx.draw_series(std::iter::once(PathElement::new(
            pts,
            grid.stroke_width(px(1.0).max(1) as u32),
        )))
        .map_err(err)?;
    }
    let font = ("sans-serif", px(12.0)).into_font().color(&fg);
    for (i, label) in chart.axes.iter().enumerate() {
        ctx.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), point(i, n, 1.0)],
            grid,
        )))
        .map_err(err)?;
        let (x, y) = point(i, n, 1.12);
        let h = if x > 0.15 {
            HPos::Left
        } else if x < -0.15 {
            HPos::Right
        } else {
            HPos::Center
        };
        let v = if y > 0.5 {
            VPos::Bottom
        } else if y < -0.5 {
            VPos::Top
        } else {
            VPos::Center
        };
        ctx.draw_series(std::iter::once(Text::new(
            label.clone(),
            (x, y),
            font.clone().pos(Pos::new(h, v)),
        )))
        .map_err(err)?;
    }
    let colours = [rgb(style.series), rgb(style.marker), fg];
    for (k, series) in chart.series.iter().enumerate() {
        let colour = colours[k % colours.len()];
        let pts: Vec<(f64, f64)> = (0..n)
            .map(|i| {
                point(
                    i,
                    n,
                    series
                        .values
                        .get(i)
                        .copied()
                        .flatten()
                        .unwrap_or(0.0)
                        .clamp(0.0, 100.0)
                        / 100.0,
                )
            })
            .collect();
        if k == 0 {
            ctx.draw_series(std::iter::once(Polygon::new(
                pts.clone(),
                colour.mix(0.18).filled(),
            )))
            .map_err(err)?;
        }
        let mut closed = pts.clone();
        closed.push(pts[0]);
        ctx.draw_series(std::iter::once(PathElement::new(
            closed,
            colour.stroke_width(px(if k == 0 { 2.5 } else { 2.0 }).max(1) as u32),
        )))
        .map_err(err)?;
        ctx.draw_series(
            pts.iter()
                .map(|p| Circle::new(*p, px(3.0), colour.filled())),
        )
        .map_err(err)?;
        // Legend, top left.
        let ly = yr - 0.12 - k as f64 * 0.16;
        ctx.draw_series(std::iter::once(PathElement::new(
            vec![(-xr + 0.05, ly), (-xr + 0.2, ly)],
            colour.stroke_width(px(3.0).max(1) as u32),
        )))
        .map_err(err)?;
        ctx.draw_series(std::iter::once(Text::new(
            series.label.clone(),
            (-xr + 0.25, ly),
            font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
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
    fn draws_rings_spokes_labels_and_series() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (480, 400)).into_drawing_area();
            let chart = RadarChart {
                axes: vec![
                    "Technical".into(),
                    "Operations".into(),
                    "People".into(),
                    "Learning".into(),
                ],
                series: vec![
                    RadarSeries {
                        label: "You".into(),
                        values: vec![Some(50.0), Some(80.0), None, Some(20.0)],
                    },
                    RadarSeries {
                        label: "Senior".into(),
                        values: vec![Some(75.0); 4],
                    },
                ],
            };
            draw(&area, &chart, &Style::light(1.0)).unwrap();
        }
        for label in [
            "Technical",
            "Operations",
            "People",
            "Learning",
            "You",
            "Senior",
        ] {
            assert!(svg.contains(label), "{label} missing");
        }
        assert!(svg.contains("<polygon"), "no filled result polygon");
    }

    #[test]
    fn fewer_than_three_axes_draw_nothing_and_do_not_fail() {
        // What an area with nothing drawn on it writes.
        let mut blank = String::new();
        drop(SVGBackend::with_string(&mut blank, (200, 200)).into_drawing_area());
        assert!(blank.starts_with("<svg"), "{blank}");
        for axes in [vec![], vec!["A"], vec!["A", "B"]] {
            let mut svg = String::new();
            {
                let area = SVGBackend::with_string(&mut svg, (200, 200)).into_drawing_area();
                let chart = RadarChart {
                    series: vec![RadarSeries {
                        label: "You".into(),
                        values: vec![Some(50.0); axes.len()],
                    }],
                    axes: axes.iter().map(|a| a.to_string()).collect(),
                };
                draw(&area, &chart, &Style::dark(1.0)).unwrap();
            }
            assert_eq!(svg, blank, "{axes:?}");
        }
    }
}
