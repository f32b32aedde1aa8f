//! A plotters chart on a canvas, sharp on high-density screens, redrawn when
//! its data, the window size or the colour scheme changes. The canvas carries a
//! text description; the data itself is in a table beside it.

use crate::charts::{self, Chart, Style};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

fn prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Whether the reader's system asks for dark colours, kept up to date while
/// the page is open, so that charts redraw in the other scheme. One for the
/// app, in its context.
#[derive(Clone, Copy)]
pub struct ColourScheme(RwSignal<bool>);

impl ColourScheme {
    pub fn watch() -> Self {
        use wasm_bindgen::JsCast;
        let dark = RwSignal::new(prefers_dark());
        if let Ok(Some(query)) = window().match_media("(prefers-color-scheme: dark)") {
            let on_change = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                dark.set(prefers_dark())
            });
            let _ = query
                .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            // Both live as long as the page: a list nobody holds may be
            // collected, and its listener with it.
            on_change.forget();
            std::mem::forget(query);
        }
        ColourScheme(dark)
    }
}

/// Text for the point under the pointer: given the pointer's x and y and the
/// canvas width and height in CSS pixels.
pub type HoverText = Callback<(f64, f64, f64, f64), Option<String>>;

/// Draws `chart` on the canvas. With `split` (the release build) this and
/// plotters are in a module of their own, fetched when the first chart is
/// drawn, after the page has opened.
fn draw_on(el: web_sys::HtmlCanvasElement, chart: Chart) {
    let ratio = window().device_pixel_ratio().clamp(1.0, 4.0);
    let width = f64::from(el.client_width().max(280));
    let height = f64::from(el.client_height().max(200));
    el.set_width((width * ratio) as u32);
    el.set_height((height * ratio) as u32);
    let style = if prefers_dark() {
        Style::dark(ratio)
    } else {
        Style::light(ratio)
    };
    if let Some(backend) = CanvasBackend::with_canvas_object(el) {
        let area = backend.into_drawing_area();
        let _ = area.fill(&plotters::style::colors::TRANSPARENT);
        if let Err(e) = charts::draw(&area, &chart, &style) {
            leptos::logging::warn!("chart not drawn: {e}");
        }
    }
}

/// Draws a chart on a canvas.
type Drawer = fn(web_sys::HtmlCanvasElement, Chart);

/// Why a chart is blank: its drawing code could not be fetched.
#[cfg(feature = "split")]
const NOT_DRAWN: &str = "This chart could not be drawn: part of Sextant did not arrive. Its figures are in the text and tables of this page; reload the page to try again.";

#[cfg(feature = "split")]
split_point!(
    draw_on_1,
    fn drawer() -> Drawer {
        draw_on
    }
);

/// Keeps `in_view` telling whether the canvas is on screen or near it
/// (within 300 px), for as long as the chart lives.
fn watch_visibility(canvas: NodeRef<Canvas>, in_view: RwSignal<bool>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    type Watch = (
        web_sys::IntersectionObserver,
        Closure<dyn FnMut(js_sys::Array)>,
    );
    let held = StoredValue::new_local(None::<Watch>);
    canvas.on_load(move |el| {
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // The last entry is the latest state of the one canvas observed.
            if let Some(entry) = entries
                .iter()
                .last()
                .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            {
                let _ = in_view.try_set(entry.is_intersecting());
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("300px 0px");
        match web_sys::IntersectionObserver::new_with_options(
            on_change.as_ref().unchecked_ref(),
            &options,
        ) {
            Ok(observer) => {
                observer.observe(&el);
                held.set_value(Some((observer, on_change)));
            }
            // No observer (a very old browser): every chart counts as in view.
            Err(_) => in_view.set(true),
        }
    });
    on_cleanup(move || {
        if let Some(Some((observer, _))) = held.try_update_value(Option::take) {
            observer.disconnect();
        }
    });
}

/// A chart on a canvas.
///
/// A chart is drawn only while it is on screen or near it: a page that opens
/// with several charts below the fold does not draw them all before the
/// reader can type. A chart whose data, size or colours changed while it was
/// out of view is drawn when it comes back, before the page is printed, and
/// before its PNG is downloaded.
#[component]
pub fn ChartCanvas(
    /// What to draw; nothing is drawn while `None`.
    #[prop(into)]
    data: Signal<Option<Chart>>,
    /// A sentence describing the chart for screen readers.
    #[prop(into)]
    description: Signal<String>,
    /// File name for "Download chart as PNG".
    #[prop(into)]
    file_name: String,
    /// The exact values under the pointer: called with the pointer's x and y
    /// and the canvas width and height, in CSS pixels.
    #[prop(optional)]
    hover: Option<HoverText>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let redraws = RwSignal::new(0u32);
    let resize = window_event_listener(leptos::ev::resize, move |_| redraws.update(|n| *n += 1));
    on_cleanup(move || resize.remove());

    // The drawing code: `Some(Err)` if its module could not be fetched. With
    // `split` it is fetched as the chart is made, so that once here a chart
    // can be drawn at once, as printing needs.
    let drawer = RwSignal::new(None::<Result<Drawer, ()>>);
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async move {
        let loaded = self::drawer().await.map_err(|_| ());
        let _ = drawer.try_set(Some(loaded));
    });
    #[cfg(not(feature = "split"))]
    drawer.set(Some(Ok(draw_on as Drawer)));

    let in_view = RwSignal::new(false);
    watch_visibility(canvas, in_view);

    // Whether the canvas does not show the latest data, size and colours.
    let stale = RwSignal::new(false);
    let scheme = use_context::<ColourScheme>();
    Effect::new(move |_| {
        redraws.track();
        if let Some(ColourScheme(dark)) = scheme {
            dark.track();
        }
        data.track();
        stale.set(true);
    });
    // Draws the chart now if it is stale and its drawing code and data are
    // here. Does nothing once the chart is gone.
    let draw_if_stale = move || {
        if stale.try_get_untracked() != Some(true) {
            return;
        }
        let (Some(Some(Ok(draw))), Some(Some(el)), Some(Some(chart))) = (
            drawer.try_get_untracked(),
            canvas.try_get_untracked(),
            data.try_get_untracked(),
        ) else {
            return;
        };
        draw(el, chart);
        stale.set(false);
    };

    // Drawn in a task of its own, after the page has rendered: a page with
    // several charts never builds one long task out of all of them. Of
    // several draws queued by quick changes, the first draws the latest data
    // and the others find the chart no longer stale.
    Effect::new(move |_| {
        if stale.get() && in_view.get() && drawer.with(|d| matches!(d, Some(Ok(_)))) {
            set_timeout(draw_if_stale, std::time::Duration::ZERO);
        }
    });
    let print = window_event_listener_untyped("beforeprint", move |_| draw_if_stale());
    on_cleanup(move || print.remove());

    let download = move |_| {
        draw_if_stale();
        if let Some(el) = canvas.get_untracked() {
            if let Ok(url) = el.to_data_url() {
                let _ = crate::ui::download::download_data_url(&file_name, &url);
            }
        }
    };
    // Where the read-out is and what it says.
    let tip = RwSignal::new(None::<(String, f64, f64)>);
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let (Some(hover), Some(el)) = (hover, canvas.get_untracked()) else {
            return;
        };
        let r = el.get_bounding_client_rect();
        let (x, y) = (
            f64::from(ev.client_x()) - r.left(),
            f64::from(ev.client_y()) - r.top(),
        );
        tip.set(hover.run((x, y, r.width(), r.height())).map(|t| (t, x, y)));
    };
    #[cfg(feature = "split")]
    let note = not_drawn_note(drawer);
    #[cfg(not(feature = "split"))]
    let note = ();
    view! {
        <div class="chart-wrap">
            <canvas
                class="chart"
                node_ref=canvas
                role="img"
                aria-label=move || description.get()
                data-stale=move || stale.get().to_string()
                on:mousemove=on_move
                on:mouseleave=move |_| tip.set(None)
            ></canvas>
            {move || {
                tip.get()
                    .map(|(text, x, y)| {
                        view! {
                            <div
                                class="chart-tip"
                                aria-hidden="true"
                                style=format!("left: {x:.0}px; top: {:.0}px", y + 14.0)
                            >
                                {text}
                            </div>
                        }
                    })
            }}
        </div>
        {note}
        <button class="button button--quiet button--small no-print" type="button" on:click=download>
            "Download chart as PNG"
        </button>
    }
}

/// A note under a chart whose drawing code could not be fetched.
#[cfg(feature = "split")]
fn not_drawn_note(drawer: RwSignal<Option<Result<Drawer, ()>>>) -> impl IntoView {
    move || {
        matches!(drawer.get(), Some(Err(()))).then(|| {
            view! {
                <p class="field__error" role="alert">
                    {NOT_DRAWN}
                </p>
            }
        })
    }
}
