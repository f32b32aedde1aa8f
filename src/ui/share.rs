//! Share links, embedding and file export in the browser: the address of the
//! current page, the clipboard, the iframe snippet, and the height messages an
//! embedded Sextant posts to its host page.

use crate::persist::share::{self, Shared, COMFORTABLE_LENGTH, MAX_LINK};
use crate::route::{Page, Route};
use crate::ui::download::download_text;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The page's address without its fragment.
pub fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The full address of a route.
pub fn url_of(route: &Route) -> String {
    format!("{}{}", base_url(), route.href())
}

/// The message an embedded Sextant posts to its host page after every change
/// of its content height: `{"source":"sextant","type":"height","height":<px>}`.
pub const HEIGHT_MESSAGE_DOC: &str =
    r#"{ source: "sextant", type: "height", height: <CSS pixels> }"#;

/// Whether Sextant runs in a frame of another page.
pub fn framed() -> bool {
    let win = window();
    match win.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &win),
        // A top window that cannot be read is another page's.
        _ => true,
    }
}

/// When the page is framed, posts its content height to the parent window on
/// every change. Posting is all it does: it never reads from the parent.
pub fn report_height_when_framed() {
    let win = window();
    let Ok(Some(parent)) = win.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &win) {
        return;
    }
    let Some(root) = document().document_element() else {
        return;
    };
    let post = {
        let root = root.clone();
        move || {
            let height = root
                .scroll_height()
                .max(root.get_bounding_client_rect().height().ceil() as i32);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"source".into(), &"sextant".into());
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"height".into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = parent.post_message(&message, "*");
        }
    };
    post();
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = document().body() {
            observer.observe(&body);
        }
    }
    // Lives as long as the page.
    callback.forget();
}

async fn copy_to_clipboard(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// "Share" and "Embed" for a document: the link, a copy button, the iframe
/// snippet, and a file when the link is too long for comfort.
#[component]
pub fn SharePanel(
    /// The document as it should be shared, recomputed as it changes.
    #[prop(into)]
    shared: Signal<Shared>,
) -> impl IntoView {
    // Compressed once per change, for both addresses.
    let page =
        Memo::new(move |_| shared.with(|s| Page::Shared(share::link_kind(s), share::encode(s))));
    let link = Memo::new(move |_| {
        url_of(&Route {
            page: page.get(),
            embed: false,
        })
    });
    let embed_link = Memo::new(move |_| {
        url_of(&Route {
            page: page.get(),
            embed: true,
        })
    });
    let copied = RwSignal::new(None::<&'static str>);
    let show_embed = RwSignal::new(false);
    let too_long = move || link.with(|l| l.len() > COMFORTABLE_LENGTH);
    let snippet = move || {
        let title = shared.with(|s| {
            s.name
                .replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;")
        });
        format!(
            "<iframe src=\"{}\" title=\"Sextant: {}\" style=\"width:100%;border:0\" loading=\"lazy\"></iframe>",
            embed_link.get(),
            title
        )
    };
    let copy = move |text: String, what: &'static str| {
        leptos::task::spawn_local(async move {
            let ok = copy_to_clipboard(&text).await;
            copied.set(Some(if ok {
                what
            } else {
                "Copying failed: select the text and copy it by hand."
            }));
        });
    };
    let download = move |_| {
        let s = shared.get_untracked();
        let file = format!("{}.sextant.json", crate::ui::export::file_stem(&s.name));
        let text = share::file_text(&s);
        let _ = download_text(&file, "application/json", &text);
    };
    view! {
        <section class="panel share no-print" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share"</h2>
            <p class="field__help">
                "The link carries the whole model in its address after the #, which browsers never send to a server. Whoever opens it sees a read-only copy and can save their own."
            </p>
            <div class="field">
                <label class="field__label" for="share-link">
                    "Share link"
                </label>
                <input
                    id="share-link"
                    class="field__input"
                    type="text"
                    readonly
                    prop:value=move || link.get()
                    on:focus=|ev| {
                        if let Some(input) = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            input.select();
                        }
                    }
                />
                <p class="field__help">
                    {move || format!("{} characters.", link.with(String::len))}
                </p>
            </div>
            <Show when=too_long>
                <p class="callout">
                    {move || {
                        let past_limit = page
                            .with(|p| matches!(p, Page::Shared(_, text) if text.len() > MAX_LINK));
                        if past_limit {
                            "This link is longer than Sextant opens (64 KiB). Send the file instead."
                        } else {
                            "This link is longer than many wikis and chat tools keep intact. Send the file instead."
                        }
                    }}
                </p>
            </Show>
            <div class="actions">
                <button
                    class="button"
                    type="button"
                    on:click=move |_| copy(link.get_untracked(), "Link copied.")
                >
                    "Copy link"
                </button>
                <button
                    class="button button--quiet"
                    type="button"
                    aria-expanded=move || show_embed.get().to_string()
                    on:click=move |_| show_embed.update(|v| *v = !*v)
                >
                    "Embed"
                </button>
                <button class="button button--quiet" type="button" on:click=download>
                    "Download as a file"
                </button>
            </div>
            <p class="save-state" role="status">
                {move || copied.get()}
            </p>
            <Show when=move || show_embed.get()>
                <div class="embed-help">
                    <div class="field">
                        <label class="field__label" for="embed-snippet">
                            "Embed snippet"
                        </label>
                        <textarea
                            id="embed-snippet"
                            class="field__input"
                            readonly
                            rows="4"
                            prop:value=snippet
                        ></textarea>
                    </div>
                    <button
                        class="button"
                        type="button"
                        on:click=move |_| copy(snippet(), "Snippet copied.")
                    >
                        "Copy snippet"
                    </button>
                    <p class="field__help">
                        "Paste it into a wiki page that allows iframes. The embedded view has no header or navigation and fits the page width. To size it to its content with no inner scroll bar, the host page listens for the height Sextant posts after every change:"
                    </p>
                    <pre class="code">
                        {format!(
                            "window.addEventListener(\"message\", (e) => {{\n  if (e.data && e.data.source === \"sextant\" && e.data.type === \"height\") {{\n    for (const f of document.querySelectorAll(\"iframe\"))\n      if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\";\n  }}\n}});\n// message shape: {HEIGHT_MESSAGE_DOC}",
                        )}
                    </pre>
                </div>
            </Show>
        </section>
    }
}
