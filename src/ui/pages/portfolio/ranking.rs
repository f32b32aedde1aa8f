//! The ranking table, with the attached documents' figures, how robust its
//! top is, and its CSV.

use super::attachments::{attachment_readers, Readers};
use super::below::show_below;
use crate::domain::portfolio::{rank, robustness, Method, Portfolio, Robustness};
use crate::route::{AssessmentKind, Calculator, Page};
use crate::ui::components::number_field::FieldErrors;
use crate::ui::components::panels::withheld;
use crate::ui::download::download_text;
use crate::ui::export::file_stem;
use crate::view::portfolio as shown;
use crate::view::ranking::{self, Attachments, Cell, Sort, SortKey};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The ranking table, robustness, and value-effort map. `linked`: attached
/// documents are looked up in this browser (false on a shared link).
#[component]
pub fn Ranking(
    portfolio: RwSignal<Portfolio>,
    linked: bool,
    name: Signal<String>,
    /// The editor's field errors: while a field holds a value that is not
    /// valid, the portfolio still has the field's last valid value, so the
    /// ranking is withheld rather than shown for numbers nobody sees.
    #[prop(optional)]
    errors: Option<FieldErrors>,
) -> impl IntoView {
    let invalid = move || errors.map(|e| e.with(BTreeMap::len)).unwrap_or(0);
    let hide_body = move || invalid() > 0;
    let unavailable = move || {
        let n = invalid();
        (n > 0).then(|| withheld("The ranking is", "it", n))
    };
    let sort = RwSignal::new(Sort::default());
    let loaded = crate::ui::pages::Loaded::when_asked(attachment_readers);
    // The readers, asked for only when a project has an attachment to read.
    let readers = move || -> Result<Readers, String> {
        loaded.start();
        match loaded.get() {
            crate::ui::pages::Fetch::Ready(r) => Ok(r),
            crate::ui::pages::Fetch::Pending => Err("still loading".into()),
            crate::ui::pages::Fetch::Failed => {
                Err("part of Sextant did not arrive (see above)".into())
            }
        }
    };
    // Above the table, when the readers could not be fetched: what it means,
    // with "Try again".
    let readers_failed = move || loaded.failure("The attached ROI models and readiness runs");
    let attached = Memo::new(move |_| {
        portfolio.with(|p| {
            let attachments = p
                .projects
                .iter()
                .any(|x| x.roi_model.is_some() || x.readiness.is_some());
            let read = if linked && attachments {
                readers()
            } else {
                Err("attached in the sender's browser".into())
            };
            p.projects
                .iter()
                .map(|x| Attachments {
                    roi: x
                        .roi_model
                        .as_deref()
                        .map(|id| read.clone().and_then(|r| (r.roi)(id))),
                    readiness: x
                        .readiness
                        .as_deref()
                        .map(|id| read.clone().and_then(|r| (r.readiness)(id))),
                })
                .collect::<Vec<_>>()
        })
    });
    let npvs =
        Memo::new(move |_| attached.with(|a| a.iter().map(Attachments::npv).collect::<Vec<_>>()));
    let ranking = Memo::new(move |_| portfolio.with(|p| rank(p, p.method)));
    let rows = move || {
        let rows = portfolio
            .with(|p| ranking.with(|r| attached.with(|a| ranking::rows(p, r, a, sort.get()))));
        let ids = portfolio.with(|p| {
            p.projects
                .iter()
                .map(|x| (x.roi_model.clone(), x.readiness.clone()))
                .collect::<Vec<_>>()
        });
        rows.into_iter()
            .map(|row| {
                let (roi_id, readiness_id) = ids.get(row.index).cloned().unwrap_or_default();
                let cells = row
                    .scores
                    .into_iter()
                    .map(|(text, current)| {
                        view! { <td class="num" class:num--current=current>{text}</td> }
                    })
                    .collect_view();
                let roi_cells = match row.roi {
                    Cell::None => view! {
                        <td class="num">"–"</td>
                        <td class="num">"–"</td>
                        <td class="num">"–"</td>
                    }
                    .into_any(),
                    Cell::Unavailable(why) => view! { <td colspan="3">{why}</td> }.into_any(),
                    Cell::Shown(c) => view! {
                        <td class="num">
                            <a
                                href=Page::Calculator(
                                        Calculator::Roi,
                                        Some(roi_id.unwrap_or_default()),
                                    )
                                    .href()
                                title=c.title
                            >
                                {c.npv}
                            </a>
                        </td>
                        <td class="num">{c.roi}</td>
                        <td class="num">{c.payback}</td>
                    }
                    .into_any(),
                };
                let ready_cell = match row.readiness {
                    Cell::None => view! { <td>"–"</td> }.into_any(),
                    Cell::Unavailable(why) => view! { <td>{why}</td> }.into_any(),
                    Cell::Shown((label, doc_name)) => {
                        let href = Page::AssessmentRun(
                            AssessmentKind::Readiness,
                            readiness_id.unwrap_or_default(),
                        )
                        .href();
                        view! {
                            <td>
                                <a href=href title=doc_name>
                                    {label}
                                </a>
                            </td>
                        }
                        .into_any()
                    }
                };
                view! {
                    <tr>
                        <td class="num">{row.position}</td>
                        <th scope="row">{row.name}</th>
                        {cells}
                        <td>{row.quadrant}</td>
                        {roi_cells}
                        {ready_cell}
                    </tr>
                }
            })
            .collect_view()
    };
    let header = move |label: &'static str, key: SortKey| {
        view! {
            <th scope="col" aria-sort=move || sort.get().aria(key)>
                <button
                    type="button"
                    class="sort"
                    on:click=move |_| sort.update(|s| *s = s.select(key))
                >
                    {label}
                </button>
            </th>
        }
    };
    let robust = Memo::new(move |_| {
        portfolio.with(|p| {
            let r = robustness(p);
            let text = r.describe(p);
            (r, text)
        })
    });
    let csv = move |_| {
        let out = portfolio.with_untracked(crate::persist::csv::portfolio_ranking);
        let _ = download_text(
            &format!("{}-ranking.csv", file_stem(&name.get_untracked())),
            "text/csv",
            &out,
        );
    };
    view! {
        <section class="panel" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">"Ranking"</h2>
            <p>{move || shown::ranking_lede(portfolio.with(|p| p.method))}</p>
            {unavailable}
            {readers_failed}
            <div class="ranking__body" hidden=hide_body>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Ranking table">
                    <table class="table">
                        <caption>"Projects ranked"</caption>
                        <thead>
                            <tr>
                                {header("Rank", SortKey::Rank)} {header("Project", SortKey::Name)}
                                {header("Weighted", SortKey::Method(Method::Weighted))}
                                {header("RICE", SortKey::Method(Method::Rice))}
                                {header("WSJF", SortKey::Method(Method::Wsjf))}
                                {header("ICE", SortKey::Method(Method::Ice))}
                                <th scope="col">"Quadrant"</th> {header("NPV", SortKey::Npv)}
                                <th scope="col" class="num">
                                    "ROI"
                                </th> <th scope="col" class="num">
                                    "Payback"
                                </th> <th scope="col">"Readiness"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <div class="robustness" role="status">
                    {move || {
                        let (r, text) = robust.get();
                        let badge = matches!(r, Robustness::Stable { .. })
                            .then(|| {
                                view! {
                                    <span class="badge badge--ok">"Stable"</span>
                                    " "
                                }
                            });
                        view! {
                            <p>
                                {badge}
                                <strong>"How robust is the top of the weighted ranking? "</strong>
                                {text}
                            </p>
                        }
                    }}
                </div>
                <button type="button" class="button button--quiet" on:click=csv>
                    "Download ranking (CSV)"
                </button>
                {show_below("What fits", move |below| (below.fits)(portfolio, errors.is_some()))}
                <h3>"Value against effort"</h3>
                {show_below("The value-effort map", move |below| (below.map)(portfolio, npvs))}
            </div>
        </section>
    }
}
