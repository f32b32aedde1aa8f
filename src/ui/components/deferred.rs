//! Building a page in several tasks instead of one.

use leptos::prelude::*;

/// Builds its children in a task of its own, after the one that builds the
/// page around it. While one task builds a whole page the browser cannot
/// answer input or paint; in several, it can between them. Deferred parts
/// are built one per task, in the page's order (a part deferred within a
/// part comes before the parts that follow it; see
/// [`crate::ui::after_yield_nested`]), so each appears below those already
/// there and nothing moves (no layout shift).
///
/// On a phone (Lighthouse's mobile preset slows the CPU four times), a task
/// over 50 ms blocks the page: the ROI editor and its uncertainty panel
/// were each one task of 200-300 ms, then a few of 80-180 ms. Each form
/// section and panel below the first screenful is now a part of its own
/// (charts draw in tasks of their own already): it appears a moment later,
/// in its place.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    defer(move || children())
}

/// [`Deferred`] for a part made by a closure that can run only once (one
/// that moves what it captures into the view), such as a row of a list.
pub fn defer(build: impl FnOnce() -> AnyView + 'static) -> impl IntoView {
    let ready = RwSignal::new(false);
    let build = StoredValue::new_local(Some(Box::new(build) as Box<dyn FnOnce() -> AnyView>));
    crate::ui::after_yield_nested(Box::new(move || {
        // try_set: the page may have been left meanwhile.
        let _ = ready.try_set(true);
    }));
    // Untracked: the part is built once, not again when a signal it read
    // while being built changes (its own effects follow those).
    move || {
        ready
            .get()
            .then(|| untrack(|| build.try_update_value(Option::take).flatten().map(|b| b())))
            .flatten()
    }
}
