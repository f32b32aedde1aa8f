//! Building a page in several tasks instead of one.

use leptos::prelude::*;

/// Builds its children in a task of its own, after the one that builds the
/// page around it. While one task builds a whole page the browser cannot
/// answer input or paint; in several, it can between them. Deferred parts
/// are built one per task, in the order they were created (the page's
/// order), so each appears below those already there and nothing moves
/// (no layout shift).
///
/// On a phone (Lighthouse's mobile preset slows the CPU four times), a task
/// over 50 ms blocks the page: the ROI editor and its uncertainty panel
/// were each one task of 200-300 ms, then a few of 80-180 ms. Each form
/// section and panel below the first screenful is now a part of its own
/// (charts draw in tasks of their own already): it appears a moment later,
/// in its place.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    crate::ui::after_yield(Box::new(move || {
        // try_set: the page may have been left meanwhile.
        let _ = ready.try_set(true);
    }));
    move || ready.get().then(|| children())
}
