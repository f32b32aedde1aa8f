//! Two runs of a pack compared area by area (`view::comparison`).

use super::*;
use crate::view::comparison;

#[component]
pub(super) fn Compare(
    pack: Arc<Pack>,
    a: String,
    b: String,
    mode: RwSignal<Mode>,
) -> impl IntoView {
    let storage = expect_context::<Storage>();
    let load = |id: &str| {
        untrack(|| storage.load(id)).ok().and_then(|d| {
            run_format::from_data_for(&d.data, &pack)
                .ok()
                .map(|r| (d, r))
        })
    };
    let (Some(x), Some(y)) = (load(&a), load(&b)) else {
        return view! {
            <section class="panel">
                <p role="alert">"One of these runs is no longer stored in this browser."</p>
                <button class="button" on:click=move |_| mode.set(Mode::Intro)>
                    "Back"
                </button>
            </section>
        }
        .into_any();
    };
    let time = |d: &Document, r: &Run| r.completed.unwrap_or(d.updated);
    let (before, after) = if time(&x.0, &x.1) <= time(&y.0, &y.1) {
        (x, y)
    } else {
        (y, x)
    };
    let (before_label, after_label) = (
        when(time(&before.0, &before.1)),
        when(time(&after.0, &after.1)),
    );
    let changes = assess::compare(&pack, &before.1.answers, &after.1.answers);
    let radar = Some(Chart::Radar(comparison::radar(
        &changes,
        &before_label,
        &after_label,
    )));
    let description = comparison::description(&before_label, &after_label);
    let rows = comparison::rows(&changes)
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.area}</th>
                    <td class="num">{r.before}</td>
                    <td class="num">{r.after}</td>
                    <td class="num">{r.change}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="hero">
            <p class="assess__pack">{pack.title.clone()}</p>
            <h1>"How your scores changed"</h1>
            <button class="button button--quiet" on:click=move |_| mode.set(Mode::Intro)>
                "All runs"
            </button>
        </section>
        <section class="panel" aria-labelledby="change-heading">
            <h2 id="change-heading">{format!("From {before_label} to {after_label}")}</h2>
            <figure class="chart-figure">
                <ChartCanvas data=radar description=description file_name="sextant-scores.png" />
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Change per area">
                <table class="table">
                    <caption class="visually-hidden">
                        "Score by area in both runs, 0 to 100, and the change"
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Area"</th>
                            <th scope="col" class="num">
                                "Earlier"
                            </th>
                            <th scope="col" class="num">
                                "Latest"
                            </th>
                            <th scope="col" class="num">
                                "Change"
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
