//! The editor's results and export: a module of their own with `split`,
//! fetched once the form is built.

use crate::charts::cashflow::CumulativeChart;
use crate::charts::Chart;
use crate::domain::roi::{InvalidInput, RoiModel, RoiResults};
use crate::ui::components::chart::ChartCanvas;
use crate::ui::components::deferred::Deferred;
use crate::ui::components::number_field::FieldErrors;
use crate::ui::components::panels::{figure, withheld};
use crate::ui::download::download_text;
use crate::ui::export::file_stem;
use crate::view::roi as shown;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// What the editor shows of its results: the figures, the chart and the
/// year table, and the export of the monthly cash flows. With `split`, a
/// module of their own (the model's evaluation with them), fetched with the
/// editor's second bundle once the form has been built: the editor opens on
/// fewer bytes, and its results follow (on a phone they are below the form).
#[derive(Clone, Copy)]
pub(super) struct Figures {
    pub(super) results: fn(RwSignal<RoiModel>, FieldErrors) -> AnyView,
    pub(super) export: fn(RwSignal<String>, RwSignal<RoiModel>) -> AnyView,
}

const FIGURES: Figures = Figures {
    results: results_view,
    export: export_view,
};

fn results_view(model: RwSignal<RoiModel>, errors: FieldErrors) -> AnyView {
    untrack(|| {
        let results = Memo::new(move |_| model.with(|m| m.evaluate()));
        view! { <ResultsPanel results=results errors=errors model=model /> }.into_any()
    })
}

fn export_view(name: RwSignal<String>, model: RwSignal<RoiModel>) -> AnyView {
    untrack(|| view! { <ExportPanel name=name model=model /> }.into_any())
}

split_point!(
    roi_results_1,
    fn figures() -> Figures {
        FIGURES
    }
);

/// Builds a part of [`Figures`] once its module is in, `pending` until then.
pub(super) fn roi_figures(
    what: &'static str,
    pending: fn() -> AnyView,
    build: impl Fn(Figures) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let loaded = crate::ui::pages::Loaded::fetch(figures);
    (move || loaded.show_or(what, pending, &build)).into_any()
}

/// The results panel's place while its module is being fetched.
pub(super) fn results_pending() -> AnyView {
    view! {
        <section class="roi__results panel" aria-labelledby="results-heading">
            <h2 id="results-heading">"Results"</h2>
            <p class="page-loading" role="status">
                "Loading the results…"
            </p>
        </section>
    }
    .into_any()
}

#[component]
fn ExportPanel(name: RwSignal<String>, model: RwSignal<RoiModel>) -> impl IntoView {
    let valid = Memo::new(move |_| model.with(|m| m.validate().is_empty()));
    let csv = move |_| {
        if let Ok(r) = model.with_untracked(RoiModel::evaluate) {
            let text = crate::persist::csv::cash_flows(&r);
            let file = format!("{}-cash-flows.csv", file_stem(&name.get_untracked()));
            let _ = download_text(&file, "text/csv", &text);
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="panel no-print" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <div class="actions">
                <button
                    class="button button--quiet"
                    type="button"
                    on:click=csv
                    disabled=move || !valid.get()
                >
                    "Download monthly cash flows (CSV)"
                </button>
                <button class="button button--quiet" type="button" on:click=print>
                    "Print or save as PDF"
                </button>
            </div>
        </section>
    }
}

/// The stages between gates: what each spends and the chances.
fn stages_table(rows: Vec<shown::StageRow>) -> AnyView {
    let rows = rows
        .into_iter()
        .map(|st| {
            view! {
                <tr>
                    <th scope="row">{st.name}</th>
                    <td class="num">{st.months}</td>
                    <td class="num">{st.cost}</td>
                    <td class="num">{st.reached}</td>
                    <td class="num">{st.chance}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Stages">
            <table class="table">
                <caption>
                    "Stages. A stage's cost is spent whenever the project gets to it."
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Gate"</th>
                        <th scope="col" class="num">
                            "Months"
                        </th>
                        <th scope="col" class="num">
                            "Cost"
                        </th>
                        <th scope="col" class="num">
                            "Chance of getting there"
                        </th>
                        <th scope="col" class="num">
                            "Chance of passing"
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A list of figures with their definitions.
fn figures_list(figures: Vec<shown::Figure>) -> AnyView {
    let items = figures
        .into_iter()
        .map(|f| figure(f.label, f.value, Some(f.definition)))
        .collect_view();
    view! { <dl class="figures">{items}</dl> }.into_any()
}

/// The results of a model: key figures, the chart and the year table.
#[component]
pub fn ResultsPanel(
    results: Memo<Result<RoiResults, Vec<InvalidInput>>>,
    errors: FieldErrors,
    model: RwSignal<RoiModel>,
) -> impl IntoView {
    let currency = move || model.with(|m| m.money.currency.clone());
    // The results while every input is valid and the model evaluates.
    let valid = move || {
        if errors.with(BTreeMap::is_empty) {
            results.get().ok()
        } else {
            None
        }
    };
    let figures = move || {
        let n = errors.with(BTreeMap::len);
        if n > 0 {
            return withheld("Results are", "them", n);
        }
        match results.get() {
            Err(invalid) => view! {
                <div class="results__unavailable" role="alert">
                    <p>"Results are unavailable because some values are out of range:"</p>
                    <ul>
                        {invalid
                            .into_iter()
                            .map(|i| view! { <li>{format!("{}: {}", i.field, i.message)}</li> })
                            .collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
            Ok(r) => figures_list(shown::key_figures(&r, &currency())),
        }
    };
    // The totals and the stages, in a task of their own when the page is
    // built (see Deferred); nothing while the key figures say why there
    // are no results.
    let totals = move || {
        valid().map(|r| {
            let c = currency();
            let tax_losses = model.with_untracked(|m| m.money.tax_losses);
            let stages = shown::stages(&r, &c);
            let stages = (!stages.is_empty()).then(|| stages_table(stages));
            view! {
                {figures_list(shown::totals(&r, &c, tax_losses))}
                {stages}
            }
        })
    };
    let chart = move || {
        valid().map(|r| {
            let c = currency();
            let description = shown::chart_description(&r, &c);
            let chart = CumulativeChart {
                cumulative: r.cumulative,
                break_even: r.payback_months,
                currency: c,
            };
            view! {
                <figure class="chart-figure">
                    <ChartCanvas
                        data=Some(Chart::Cashflow(chart))
                        description=description.clone()
                        file_name="sextant-cash-flow.png"
                    />
                    <figcaption>{description}</figcaption>
                </figure>
            }
        })
    };
    let table = move || {
        valid().map(|r| {
            let years = shown::years(&r, &currency())
                .into_iter()
                .map(|y| {
                    view! {
                        <tr>
                            <th scope="row">{y.year}</th>
                            <td class="num">{y.cost}</td>
                            <td class="num">{y.benefit}</td>
                            <td class="num">{y.tax}</td>
                            <td class="num">{y.net}</td>
                            <td class="num">{y.cumulative}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Year by year table">
                    <table class="table">
                        <caption>
                            "Year by year, if the model works. Benefit is after the adoption ramp and staleness, which each retraining or yearly refresh restores; cost includes acting on predictions."
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">"Year"</th>
                                <th scope="col" class="num">
                                    "Cost"
                                </th>
                                <th scope="col" class="num">
                                    "Benefit"
                                </th>
                                <th scope="col" class="num">
                                    "Tax"
                                </th>
                                <th scope="col" class="num">
                                    "Net"
                                </th>
                                <th scope="col" class="num">
                                    "Cumulative"
                                </th>
                            </tr>
                        </thead>
                        <tbody>{years}</tbody>
                    </table>
                </div>
            }
        })
    };
    // Focusable: on wide screens the panel scrolls on its own.
    view! {
        <section class="roi__results panel" aria-labelledby="results-heading" tabindex="0">
            <h2 id="results-heading">"Results"</h2>
            {figures}
            <Deferred>{totals}</Deferred>
            // The chart and the table, each in a task of its own when the
            // page is built; both follow every change after that.
            <Deferred>{chart}</Deferred>
            <Deferred>{table}</Deferred>
        </section>
    }
}
