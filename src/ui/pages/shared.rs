//! A document opened from a share link: shown read-only, with "save a copy"
//! and "edit a copy". Opening a link never touches what the reader stored.
//!
//! Each kind of document has a view of its own, built by its own function,
//! so that with `split` a link fetches only the view of what it holds (see
//! `pages::split`). The address names the kind (`#/s/roi/v1.…`); for a link
//! made before it did (`#/s/v1.…`), [`kind_of_link`] reads it from the
//! payload. Either way, the payload decides: a view checks that the link
//! holds its kind of document before showing it.

use crate::domain::format;
use crate::domain::roi::{RoiModel, FIELDS, MEMBER_FIELDS};
use crate::persist::envelope::{Data, DocKind, Document, ReadError};
use crate::persist::roi as roi_format;
use crate::persist::share::{self, Shared};
use crate::route::{AssessmentKind, Calculator, Page, SharedKind};
use crate::ui::pages::roi::ResultsPanel;
use crate::ui::storage::{new_id, now, Storage};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// What the link with this payload holds, when its address does not say:
/// `None` if it cannot be opened ([`unreadable_view`] says why).
pub fn kind_of_link(payload: &str) -> Option<SharedKind> {
    share::decode(payload)
        .ok()
        .and_then(|shared| share::link_kind(&shared))
}

/// The page of a link that cannot be opened: why not.
pub fn unreadable_view(page: Page, _: &'static str) -> AnyView {
    match opened(&page, |_| true) {
        Err(view) => view,
        Ok(_) => problem("This share link cannot be opened.".into()),
    }
}

/// `#/s/roi/<payload>`.
pub fn roi_view(page: Page, _: &'static str) -> AnyView {
    document_view(
        page,
        SharedKind::Calculator(Calculator::Roi),
        "model",
        roi_format::from_data,
        roi_format::rewritten,
        |shared, model| view! { <SharedRoi shared=shared model=model /> }.into_any(),
    )
}

/// `#/s/portfolio/<payload>`.
pub fn portfolio_view(page: Page, _: &'static str) -> AnyView {
    document_view(
        page,
        SharedKind::Calculator(Calculator::Portfolio),
        "portfolio",
        crate::persist::portfolio::from_data,
        crate::persist::portfolio::rewritten,
        |shared, p| view! { <SharedPortfolio shared=shared portfolio=p /> }.into_any(),
    )
}

/// `#/s/automation-roi/<payload>`.
pub fn automation_view(page: Page, _: &'static str) -> AnyView {
    document_view(
        page,
        SharedKind::Calculator(Calculator::AutomationRoi),
        "model",
        crate::persist::automation::from_data,
        crate::persist::automation::rewritten,
        |shared, m| view! { <SharedAutomation shared=shared model=m /> }.into_any(),
    )
}

/// A calculator's document from a link to `kind`: read from the link's data
/// by `read` and shown by `show`, or why it cannot be (`noun` names what the
/// link holds, as in "the model in it …").
fn document_view<T>(
    page: Page,
    kind: SharedKind,
    noun: &str,
    read: fn(&Data) -> Result<T, ReadError>,
    rewrite: fn(&Data) -> Result<Data, ReadError>,
    show: fn(Shared, T) -> AnyView,
) -> AnyView {
    match opened(&page, |k| k == kind) {
        Err(view) => view,
        // Shown, saved and shared on as this build writes it: what a
        // hand-made link carries beyond the document is not kept.
        Ok(shared) => match read(&shared.data).and_then(|d| Ok((d, rewrite(&shared.data)?))) {
            Ok((document, data)) => show(Shared { data, ..shared }, document),
            Err(e) => problem(unreadable(noun, &e)),
        },
    }
}

/// `#/s/assess/<assessment>/<payload>`; `text` is the pack of the
/// assessment the link holds.
pub fn assessment_view(page: Page, text: &'static str) -> AnyView {
    let shared = match opened(&page, |k| matches!(k, SharedKind::Assessment(_))) {
        Err(view) => return view,
        Ok(shared) => shared,
    };
    let Some(SharedKind::Assessment(kind)) = share::link_kind(&shared) else {
        return problem(unknown_assessment(&shared));
    };
    let Ok(pack) = crate::domain::assess::load(crate::domain::packs::file_of(kind), text) else {
        return problem(unknown_assessment(&shared));
    };
    let run = match crate::persist::assessment::from_data_for(&shared.data, &pack) {
        Ok(run) => run,
        Err(e) => return problem(unreadable("assessment", &e)),
    };
    let shared = Shared {
        data: crate::persist::assessment::to_data(&run),
        ..shared
    };
    view! { <SharedAssessment shared=shared run=run kind=kind pack=std::sync::Arc::new(pack) /> }
        .into_any()
}

/// The document in a shared page's link, if it holds what the address names
/// and the view `shows`; else the view that says why it cannot be opened.
fn opened(page: &Page, shows: impl Fn(SharedKind) -> bool) -> Result<Shared, AnyView> {
    let Page::Shared(named, payload) = page else {
        return Err(problem("This is not a share link.".into()));
    };
    let shared = share::decode(payload)
        .map_err(|e| problem(format!("This share link cannot be opened: {e}.")))?;
    let Some(held) = share::link_kind(&shared) else {
        return Err(problem(unknown_assessment(&shared)));
    };
    if named.unwrap_or(held) != held || !shows(held) {
        return Err(elsewhere(Page::Shared(Some(held), payload.clone())));
    }
    Ok(shared)
}

/// Why a link to an assessment that names no assessment Sextant has cannot
/// be opened.
fn unknown_assessment(shared: &Shared) -> String {
    match (shared.kind, crate::persist::assessment::from_data(&shared.data)) {
        (DocKind::Assessment, Err(e)) => unreadable("assessment", &e),
        _ => "This share link cannot be opened: it answers an assessment this version of Sextant does not have.".into(),
    }
}

/// Why a link's document (`noun`: "model", "portfolio") cannot be opened,
/// as a sentence.
pub fn unreadable(noun: &str, e: &crate::persist::envelope::ReadError) -> String {
    use crate::persist::envelope::ReadError;
    match e {
        ReadError::Corrupt(why) => {
            format!("This share link cannot be opened: the {noun} in it is damaged or incomplete ({why}).")
        }
        ReadError::TooNew(v) => format!(
            "This share link cannot be opened: the {noun} in it was made by a newer version of Sextant (format {v}); open the link with that version."
        ),
        ReadError::Refused(why) => format!("This share link cannot be opened: {why}."),
    }
}

/// A link whose address names another kind of document than the one it
/// holds: changed by hand, or cut and pasted together.
fn elsewhere(page: Page) -> AnyView {
    view! {
        <section class="panel">
            <h1>"Shared link"</h1>
            <p role="alert">
                "This share link's address names a different kind of document from the one it holds, so it was probably changed after it was made."
            </p>
            <p>"Nothing stored in this browser was changed."</p>
            <p class="actions">
                <a class="button" href=page.href()>
                    "Open what it holds"
                </a>
                <a class="button button--quiet" href="#/">
                    "Go to the home page"
                </a>
            </p>
        </section>
    }
    .into_any()
}

fn problem(message: String) -> AnyView {
    view! {
        <section class="panel">
            <h1>"Shared link"</h1>
            <p role="alert">{message}</p>
            <p>"Nothing stored in this browser was changed."</p>
            <p>
                <a class="button" href="#/">
                    "Go to the home page"
                </a>
            </p>
        </section>
    }
    .into_any()
}

#[component]
fn SaveCopy(shared: Shared, edit_page: fn(String) -> Page) -> impl IntoView {
    let storage = expect_context::<Storage>();
    let saved = RwSignal::new(None::<Result<String, String>>);
    let shared = StoredValue::new(shared);
    let save = move || {
        // The view gives the document as this build writes it.
        let s = shared.get_value();
        let doc = Document::new(new_id(), s.kind, s.name, now(), s.data);
        storage.save(doc).map(|d| d.id).map_err(|e| e.to_string())
    };
    view! {
        <div class="actions">
            <button class="button" type="button" on:click=move |_| saved.set(Some(save()))>
                "Save a copy to my browser"
            </button>
            <button
                class="button button--quiet"
                type="button"
                on:click=move |_| match save() {
                    Ok(id) => {
                        let _ = window().location().set_hash(&edit_page(id).to_string());
                    }
                    Err(e) => saved.set(Some(Err(e))),
                }
            >
                "Edit a copy"
            </button>
        </div>
        <p class="save-state" role="status">
            {move || match saved.get() {
                None => ().into_any(),
                Some(Ok(id)) => {
                    view! {
                        "Saved. "
                        <a href=edit_page(id).href()>"Open your copy"</a>
                    }
                        .into_any()
                }
                Some(Err(e)) => format!("Not saved: {e}.").into_any(),
            }}
        </p>
    }
}

#[component]
fn SharedAssessment(
    shared: Shared,
    run: crate::domain::run::Run,
    kind: AssessmentKind,
    pack: std::sync::Arc<crate::domain::assess::Pack>,
) -> impl IntoView {
    let name = shared.name.clone();
    let title = name.clone();
    view! {
        <header class="roi__header">
            <p class="badge">"Shared with you · read-only"</p>
            <h1>{title}</h1>
            <p class="field__help">
                "Assessment results someone shared with you. They are not saved in your browser unless you save a copy; your own saved work is untouched."
            </p>
            <SaveCopy
                shared=shared
                edit_page=match kind {
                    AssessmentKind::Skills => |id| Page::AssessmentRun(AssessmentKind::Skills, id),
                    AssessmentKind::Readiness => {
                        |id| Page::AssessmentRun(AssessmentKind::Readiness, id)
                    }
                    AssessmentKind::Automation => {
                        |id| Page::AssessmentRun(AssessmentKind::Automation, id)
                    }
                    AssessmentKind::Team => |id| Page::AssessmentRun(AssessmentKind::Team, id),
                }
            />
        </header>
        {crate::ui::pages::assess::rate_too(name, run.clone(), kind, pack.clone())}
        <crate::ui::pages::assess::SharedResults pack=pack run=run />
    }
}

#[component]
fn SharedRoi(shared: Shared, model: RoiModel) -> impl IntoView {
    let name = shared.name.clone();
    let currency = model.money.currency.clone();
    let unit_currency = format::symbol(&currency).trim().to_string();
    let inputs = FIELDS
        .iter()
        .map(|f| {
            let v = (f.get)(&model);
            let shown = match f.unit.kind() {
                crate::domain::input::NumberKind::Percent => format::percent(v),
                k => crate::domain::input::format_input(v, k),
            };
            let source = model.sources.get(f.id).cloned();
            view! {
                <div class="figure">
                    <dt>{f.label}</dt>
                    <dd>{format!("{shown} ({})", f.unit.label(&unit_currency))}</dd>
                    {source
                        .map(|s| view! { <dd class="figure__note">{format!("Source: {s}")}</dd> })}
                </div>
            }
        })
        .collect_view();
    let choices = std::iter::once((
        "A month of loss",
        model.money.tax_losses.label().to_string(),
    ))
    .chain(crate::domain::roi::TOGGLES.iter().map(|t| {
        (
            t.label,
            if (t.get)(&model) { "Yes" } else { "No" }.to_string(),
        )
    }))
    .chain(model.success.gates.iter().enumerate().map(|(i, g)| {
        (
            "Stage gate",
            format!(
                "{}. {}: end of month {}, {} chance of passing",
                i + 1,
                g.name,
                g.month,
                format::percent(g.chance)
            ),
        )
    }))
    .map(|(label, value)| {
        view! {
            <div class="figure">
                <dt>{label}</dt>
                <dd>{value}</dd>
            </div>
        }
    })
    .collect_view();
    let team_source = model.sources.get("team").cloned();
    let notes = (!model.notes.trim().is_empty()).then(|| {
        view! {
            <p class="notes">
                <strong>"Notes: "</strong>
                {model.notes.clone()}
            </p>
        }
    });
    let team = model
        .team
        .iter()
        .map(|m| {
            let cells = MEMBER_FIELDS
                .iter()
                .map(|f| view! { <td class="num">{crate::domain::input::format_input((f.get)(m), f.unit.kind())}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{m.role.clone()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let analysis = roi_format::analysis_from_data(&shared.data).ok().flatten();
    let model = RwSignal::new(model);
    let errors = RwSignal::new(BTreeMap::new());
    let uncertainty = analysis.map(|a| {
        let valid = Signal::derive(move || model.with(|m| m.validate().is_empty()));
        crate::ui::pages::uncertainty_panel(model.into(), RwSignal::new(a), valid, false)
    });
    view! {
        <div class="roi">
            <header class="roi__header">
                <p class="badge">"Shared with you · read-only"</p>
                <h1>{name}</h1>
                <p class="field__help">
                    "An ML project ROI model someone shared with you. It is not saved in your browser unless you save a copy; your own saved work is untouched."
                </p>
                {notes}
                <SaveCopy
                    shared=shared
                    edit_page=|id| Page::Calculator(Calculator::Roi, Some(id))
                />
            </header>
            <div class="roi__layout">
                <section class="panel" aria-labelledby="inputs-heading">
                    <h2 id="inputs-heading">"Inputs"</h2>
                    <dl class="figures">{inputs} {choices}</dl>
                    <div
                        class="table-wrap"
                        tabindex="0"
                        role="region"
                        aria-label="Development team table"
                    >
                        <table class="table">
                            <caption>
                                "Development team" {team_source.map(|s| format!(" (source: {s})"))}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Role"</th>
                                    <th scope="col" class="num">
                                        "Headcount"
                                    </th>
                                    <th scope="col" class="num">
                                        "Monthly cost"
                                    </th>
                                    <th scope="col" class="num">
                                        "Months on the build"
                                    </th>
                                </tr>
                            </thead>
                            <tbody>{team}</tbody>
                        </table>
                    </div>
                </section>
                <ResultsPanel
                    results=Memo::new(move |_| model.with(|m| m.evaluate()))
                    errors=errors
                    model=model
                />
            </div>
            {uncertainty}
        </div>
    }
}

#[component]
fn SharedPortfolio(
    shared: Shared,
    portfolio: crate::domain::portfolio::Portfolio,
) -> impl IntoView {
    let name = shared.name.clone();
    let title = name.clone();
    let portfolio = RwSignal::new(portfolio);
    view! {
        <div class="roi">
            <header class="roi__header">
                <p class="badge">"Shared with you · read-only"</p>
                <h1>{title}</h1>
                <p class="field__help">
                    "A portfolio of candidate ML projects someone shared with you. Sorting and the map settings change only this view; nothing is saved unless you save a copy. Documents the sender attached stay in their browser."
                </p>
                <SaveCopy
                    shared=shared
                    edit_page=|id| Page::Calculator(Calculator::Portfolio, Some(id))
                />
            </header>
            <crate::ui::pages::portfolio::Ranking
                portfolio=portfolio
                linked=false
                name=Signal::derive(move || name.clone())
            />
        </div>
    }
}

#[component]
fn SharedAutomation(
    shared: Shared,
    model: crate::domain::automation::AutomationModel,
) -> impl IntoView {
    let title = shared.name.clone();
    let currency = model.currency.clone();
    let unit_currency = format::symbol(&currency).trim().to_string();
    let stages = crate::domain::automation::Stage::ALL
        .into_iter()
        .map(|s| {
            let cells = crate::domain::automation::STAGE_FIELDS
                .iter()
                .map(|f| {
                    let v = (f.get)(model.stage(s));
                    let shown = match f.unit.kind() {
                        crate::domain::input::NumberKind::Percent => format::percent(v),
                        k => crate::domain::input::format_input(v, k),
                    };
                    view! { <td class="num">{shown}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{s.name()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let heads = crate::domain::automation::STAGE_FIELDS
        .iter()
        .map(|f| {
            view! {
                <th scope="col" class="num">
                    {format!("{} ({})", f.label, f.unit.label(&unit_currency))}
                </th>
            }
        })
        .collect_view();
    let results = Memo::new(move |_| model.evaluate());
    view! {
        <div class="roi">
            <header class="roi__header">
                <p class="badge">"Shared with you · read-only"</p>
                <h1>{title}</h1>
                <p class="field__help">
                    "An automation ROI model someone shared with you. It is not saved in your browser unless you save a copy."
                </p>
                <SaveCopy
                    shared=shared
                    edit_page=|id| Page::Calculator(Calculator::AutomationRoi, Some(id))
                />
            </header>
            <div class="roi__layout">
                <section class="panel" aria-labelledby="inputs-heading">
                    <h2 id="inputs-heading">"Inputs by stage"</h2>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Inputs by stage">
                        <table class="table">
                            <caption>"Pipeline stages"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Stage"</th>
                                    {heads}
                                </tr>
                            </thead>
                            <tbody>{stages}</tbody>
                        </table>
                    </div>
                </section>
                <crate::ui::pages::automation::AutomationResultsPanel
                    results=results
                    errors=RwSignal::new(BTreeMap::new())
                    currency=Signal::derive(move || currency.clone())
                />
            </div>
        </div>
    }
}
