//! Which assumption matters most: each input moved down and up on its own
//! (a tornado chart and its table).

use crate::charts::tornado;
use crate::charts::Chart;
use crate::domain::input::NumberKind;
use crate::domain::roi::RoiModel;
use crate::domain::uncertainty::{tornado as sensitivity, Analysis, Metric};
use crate::ui::components::chart::ChartCanvas;
use crate::ui::components::deferred::Deferred;
use crate::ui::components::number_field::{FieldErrors, NumberField};
use crate::view::sensitivity as tornado_view;
use leptos::prelude::*;

#[component]
pub(super) fn Sensitivity(
    model: Signal<RoiModel>,
    analysis: RwSignal<Analysis>,
    currency: Signal<String>,
    errors: FieldErrors,
) -> impl IntoView {
    let result = Memo::new(move |_| {
        let (metric, fraction, ranges) =
            analysis.with(|a| (a.metric, a.fraction, a.tornado_ranges()));
        let horizon = model.with(|m| f64::from(m.horizon_months()));
        let (base, bars) = model.with(|m| sensitivity(m, fraction, &ranges, metric));
        (metric, base, bars, horizon)
    });
    let chart_data = Memo::new(move |_| {
        let (metric, base, bars, horizon) = result.get();
        tornado_view::chart(metric, base, &bars, horizon, &currency.get())
    });
    let hover = Callback::new(move |(x, y, w, h): (f64, f64, f64, f64)| {
        let chart = chart_data.get_untracked()?;
        let i = tornado::bar_at(&chart, w, h, x, y)?;
        let (metric, _, bars, _) = result.get_untracked();
        bars.get(i)
            .map(|b| tornado_view::bar_text(b, metric, &currency.get_untracked()))
    });
    let description = Signal::derive(move || {
        let (metric, base, bars, _) = result.get();
        tornado_view::description(metric, base, &bars, &currency.get())
    });
    let rows = move || {
        let (metric, _, bars, _) = result.get();
        tornado_view::rows(metric, &bars, &currency.get())
            .into_iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.input}</th>
                        <td class="num">{r.low_input}</td>
                        <td class="num">{r.low_output}</td>
                        <td class="num">{r.high_input}</td>
                        <td class="num">{r.high_output}</td>
                        <td class="num">{r.swing}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let metric_options = Metric::ALL
        .into_iter()
        .map(|m| {
            view! {
                <option value=m.id() selected=move || analysis.with(|a| a.metric == m)>
                    {m.label()}
                </option>
            }
        })
        .collect_view();
    view! {
        <section class="uncertainty__part" aria-labelledby="sensitivity-heading">
            <h3 id="sensitivity-heading">"Which assumption matters most"</h3>
            <p>
                "Each input is moved down and up on its own while the others stay as entered; the longest bars are the assumptions to check first."
            </p>
            <div class="form-grid">
                <div class="field">
                    <label class="field__label" for="tornado-metric">
                        "Figure"
                    </label>
                    <select
                        id="tornado-metric"
                        class="field__input"
                        on:change=move |ev| {
                            if let Some(m) = Metric::from_id(&event_target_value(&ev)) {
                                analysis.update(|a| a.metric = m);
                            }
                        }
                    >
                        {metric_options}
                    </select>
                </div>
                <NumberField
                    id="tornado-step".to_string()
                    label="Move each input by ±".to_string()
                    unit="%".to_string()
                    help="Used for every input without a range of its own."
                    kind=NumberKind::Percent
                    value=analysis.with_untracked(|a| a.fraction)
                    check=Callback::new(tornado_view::check_step)
                    on_valid=Callback::new(move |v| analysis.update(|a| a.fraction = v))
                    errors=errors
                />
                <div class="field field--check">
                    <input
                        id="tornado-own-ranges"
                        type="checkbox"
                        prop:checked=move || analysis.with(|a| a.use_ranges)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            analysis.update(|a| a.use_ranges = on);
                        }
                    />
                    <label for="tornado-own-ranges">
                        "Use the simulation's low and high where an input has a range"
                    </label>
                </div>
            </div>
            // The chart and the table, each in a task of its own.
            <Deferred>
                <figure class="chart-figure">
                    <ChartCanvas
                        data=Signal::derive(move || chart_data.get().map(Chart::Tornado))
                        description=description
                        file_name="sextant-tornado.png"
                        hover=hover
                    />
                    <figcaption>
                        {description} " The 12 largest are drawn; the table lists every input."
                    </figcaption>
                </figure>
            </Deferred>
            <Deferred>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Sensitivity table">
                    <table class="table">
                        <caption>
                            {move || {
                                format!(
                                    "{} when one input moves",
                                    analysis.with(|a| a.metric.label()),
                                )
                            }}
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">"Input"</th>
                                <th scope="col" class="num">
                                    "Low input"
                                </th>
                                <th scope="col" class="num">
                                    "Figure at low"
                                </th>
                                <th scope="col" class="num">
                                    "High input"
                                </th>
                                <th scope="col" class="num">
                                    "Figure at high"
                                </th>
                                <th scope="col" class="num">
                                    "Swing"
                                </th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Deferred>
        </section>
    }
}
