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

/// Why a chart is blank: its drawing code could not be fetched.
#[cfg(feature = "split")]
const NOT_DRAWN: &str = "This chart could not be drawn: part of Sextant did not arrive. Its figures are in the text and tables of this page; reload the page to try again.";

#[cfg(feature = "split")]
split_point!(
    draw_on_1,
    fn drawer() -> fn(web_sys::HtmlCanvasElement, Chart) {
        draw_on
    }
);

/// A chart on a canvas.
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

    // Drawn in a task of its own, after the page has rendered: a page with
    // several charts never builds one long task out of all of them.
    let draws = StoredValue::new(0u64);
    #[cfg(feature = "split")]
    let not_drawn = RwSignal::new(false);
    let scheme = use_context::<ColourScheme>();
    Effect::new(move |_| {
        redraws.track();
        if let Some(ColourScheme(dark)) = scheme {
            dark.track();
        }
        let Some(chart) = data.get() else { return };
        let n = draws.get_value() + 1;
        draws.set_value(n);
        set_timeout(
            move || {
                // A newer draw superseded this one, or the chart is gone.
                if draws.try_get_value() != Some(n) {
                    return;
                }
                if let Some(el) = canvas.try_get_untracked().flatten() {
                    #[cfg(feature = "split")]
                    leptos::task::spawn_local(async move {
                        let drawer = drawer().await;
                        // Every chart waiting for the module resumes when it
                        // arrives; each draws in a task of its own.
                        crate::ui::next_task().await;
                        let drawn = drawer.map(|draw| draw(el, chart));
                        let _ = not_drawn.try_set(drawn.is_err());
                    });
                    #[cfg(not(feature = "split"))]
                    draw_on(el, chart);
                }
            },
            std::time::Duration::ZERO,
        );
    });

    let download = move |_| {
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
    let note = not_drawn_note(not_drawn);
    #[cfg(not(feature = "split"))]
    let note = ();
    view! {
        <div class="chart-wrap">
            <canvas
                class="chart"
                node_ref=canvas
                role="img"
                aria-label=move || description.get()
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
fn not_drawn_note(not_drawn: RwSignal<bool>) -> impl IntoView {
    move || {
        not_drawn.get().then(|| {
            view! {
                <p class="field__error" role="alert">
                    {NOT_DRAWN}
                </p>
            }
        })
    }
}
