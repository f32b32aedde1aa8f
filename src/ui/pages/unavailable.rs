//! The page of a tool that this version does not have yet.

use crate::domain::catalog::Tool;
use leptos::prelude::*;

/// Names the tool, says it is not in this version, and links home.
#[component]
pub fn UnavailablePage(
    /// The tool that was asked for.
    tool: Tool,
) -> impl IntoView {
    view! {
        <section class="panel">
            <h1>{tool.title}</h1>
            <p>{tool.summary}</p>
            <p class="callout">"This tool is not available in this version of Sextant yet."</p>
            <p>
                <a class="button" href="#/">
                    "Back to all tools"
                </a>
            </p>
        </section>
    }
}
