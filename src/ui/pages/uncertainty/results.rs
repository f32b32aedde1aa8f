//! The results of a finished simulation run, as `view::simulation` words
//! them: figures, percentiles, two charts and what matters most.

use crate::charts::distribution::{self, DistributionChart};
use crate::charts::Chart;
use crate::domain::uncertainty::{cumulative_curve, Summary};
use crate::ui::components::chart::ChartCanvas;
use leptos::prelude::*;

#[component]
pub(super) fn SimulationResults(
    summary: Summary,
    ms: f64,
    currency: Signal<String>,
    horizon_years: Signal<u32>,
    seed: u64,
) -> impl IntoView {
    let c = currency.get_untracked();
    let shown =
        crate::view::simulation::results(&summary, &c, horizon_years.get_untracked(), seed, ms);
    let figures = shown
        .figures
        .into_iter()
        .map(|f| {
            view! {
                <div class="figure">
                    <dt>{f.label}</dt>
                    <dd data-figure=f.data>{f.value}</dd>
                    {f.note.map(|note| view! { <dd class="figure__note">{note}</dd> })}
                </div>
            }
        })
        .collect_view();
    let rows = shown
        .percentiles
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.name}</th>
                    <td class="num">{r.npv}</td>
                    <td class="num">{r.roi}</td>
                    <td class="num">{r.payback}</td>
                </tr>
            }
        })
        .collect_view();
    let histogram = DistributionChart {
        shape: distribution::Shape::Histogram(summary.npv.histogram(30)),
        markers: shown.markers,
        x_label: "Net present value".into(),
        currency: c.clone(),
    };
    let curve = DistributionChart {
        shape: distribution::Shape::Cumulative(cumulative_curve(&summary.npv, 200)),
        markers: vec![("NPV = 0".into(), 0.0)],
        x_label: "Net present value".into(),
        currency: c.clone(),
    };
    let (histogram_text, curve_text) = (shown.histogram_text, shown.curve_text);
    let checks = shown.checks;
    let correlation_rows = shown
        .correlations
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.input}</th>
                    <td class="num">{r.value}</td>
                    <td>{r.words}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <dl class="figures">{figures}</dl>
        <p class="run-time" role="status">
            {shown.run}
        </p>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Simulation percentiles">
            <table class="table">
                <caption>"Outcomes by percentile"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Percentile"</th>
                        <th scope="col" class="num">
                            "NPV"
                        </th>
                        <th scope="col" class="num">
                            "ROI"
                        </th>
                        <th scope="col" class="num">
                            "Payback"
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <figure class="chart-figure">
            <ChartCanvas
                data=Some(Chart::Distribution(histogram))
                description=histogram_text.clone()
                file_name="sextant-npv-histogram.png"
            />
            <figcaption>{histogram_text}</figcaption>
        </figure>
        <figure class="chart-figure">
            <ChartCanvas
                data=Some(Chart::Distribution(curve))
                description=curve_text.clone()
                file_name="sextant-npv-cumulative.png"
            />
            <figcaption>{curve_text}</figcaption>
        </figure>
        <div
            class="table-wrap"
            tabindex="0"
            role="region"
            aria-label="Which uncertainty matters most"
        >
            <table class="table">
                <caption>
                    "Which uncertainty matters most: correlation of each input with NPV"
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Input"</th>
                        <th scope="col" class="num">
                            "Correlation"
                        </th>
                        <th scope="col">"Strength"</th>
                    </tr>
                </thead>
                <tbody>{correlation_rows}</tbody>
            </table>
        </div>
        {(!checks.is_empty())
            .then(|| {
                let rows = checks
                    .into_iter()
                    .map(|c| {
                        view! {
                            <tr>
                                <th scope="row">{c.inputs}</th>
                                <td class="num">{c.asked}</td>
                                <td class="num">{c.drawn}</td>
                                <td>{c.note}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div
                        class="table-wrap"
                        tabindex="0"
                        role="region"
                        aria-label="Inputs that move together"
                    >
                        <table class="table">
                            <caption>
                                "Inputs that move together: rank correlation asked and drawn"
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Inputs"</th>
                                    <th scope="col" class="num">
                                        "Asked"
                                    </th>
                                    <th scope="col" class="num">
                                        "Drawn"
                                    </th>
                                    <th scope="col">"Note"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            })}
    }
}
