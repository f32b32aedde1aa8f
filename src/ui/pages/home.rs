//! The home page: what Sextant offers.

use crate::catalog::{self, Group, Tool};
use leptos::prelude::*;

#[component]
fn ToolCard(tool: Tool) -> impl IntoView {
    let body = view! {
        <h3 class="card__title">{tool.title}</h3>
        <p class="card__summary">{tool.summary}</p>
    };
    view! {
        <li class="card">
            <a class="card__link" href=tool.page.href()>
                {body}
            </a>
        </li>
    }
}

/// The list of tools, in two groups.
#[component]
pub fn HomePage() -> impl IntoView {
    let all = catalog::tools();
    let group = |g: Group| {
        all.iter()
            .filter(|(grp, _)| *grp == g)
            .map(|(_, t)| view! { <ToolCard tool=t.clone() /> })
            .collect_view()
    };
    view! {
        <section class="hero">
            <h1>"Judge your ML work honestly, and decide with numbers"</h1>
            <p class="lede">
                "Self-assessments for machine-learning engineers and their projects, and calculators for what a project is worth. Everything runs in your browser; nothing you type leaves it."
            </p>
        </section>
        <section aria-labelledby="assessments-heading">
            <h2 id="assessments-heading">"Assessments"</h2>
            <ul class="cards">{group(Group::Assessment)}</ul>
        </section>
        <section aria-labelledby="calculators-heading">
            <h2 id="calculators-heading">"Calculators"</h2>
            <ul class="cards">{group(Group::Calculator)}</ul>
        </section>
    }
}
