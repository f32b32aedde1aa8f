//! The browser entry point: a panic hook and the mount, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    sextant::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Sextant is a web app: run `make serve` and open http://127.0.0.1:8080/");
}
