//! Building a page in several tasks instead of one.

use leptos::prelude::*;

/// Builds its children in a task of its own, after the one that builds the
/// page around it. While one task builds a whole page the browser cannot
/// answer input or paint; in several, it can between them. On a phone (the
/// ROI editor at 4x CPU slowdown) the editor and its uncertainty panel were
/// each one task of 200-300 ms. For what is below the first screenful: it
/// appears a moment later, in its place.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::ui::next_task().await;
        // try_set: the page may have been left meanwhile.
        let _ = ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
