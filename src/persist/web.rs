//! localStorage as a [`KeyValue`] store (wasm32 only).

use super::store::{FallbackKv, KeyValue, StoreError, NUMBER_FORMAT_KEY};
use crate::domain::input::NumberFormat;
use gloo_storage::{LocalStorage, Storage};

/// The browser's localStorage. Open it with [`LocalKv::open`], which checks
/// that storage is there and writable.
#[derive(Clone, Copy, Debug)]
pub struct LocalKv;

impl LocalKv {
    /// The browser's storage, falling back to memory for writes when it
    /// cannot take them. Three cases, kept apart:
    /// - storage works: reads and writes go to it;
    /// - storage is there but refuses a test write (its quota is used up
    ///   before Sextant starts, by Sextant or another app on this site): what
    ///   it holds is still listed, opened and deleted, and writes go to
    ///   memory;
    /// - no storage at all (some private modes, or turned off by the user):
    ///   everything is in memory.
    pub fn open() -> FallbackKv<LocalKv> {
        let Some(window) = web_sys::window() else {
            return FallbackKv::new(Err("no window".into()));
        };
        match window.local_storage() {
            Ok(Some(storage)) => {
                let key = "sextant:probe";
                match storage.set_item(key, "1") {
                    Ok(()) => {
                        let _ = storage.remove_item(key);
                        FallbackKv::new(Ok(LocalKv))
                    }
                    Err(e) => {
                        let name = js_sys::Reflect::get(&e, &"name".into())
                            .ok()
                            .and_then(|n| n.as_string());
                        let why = if name.as_deref() == Some("QuotaExceededError") {
                            "its storage for this site is full"
                        } else {
                            "it refuses to store data here"
                        };
                        FallbackKv::read_only(LocalKv, why.into())
                    }
                }
            }
            Ok(None) => FallbackKv::new(Err("this browser has no local storage".into())),
            Err(_) => FallbackKv::new(Err("local storage is disabled in this browser".into())),
        }
    }
}

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw()
            .set_item(key, value)
            .map_err(|_| StoreError::Unavailable("storage is full or disabled".into()))
    }
    fn remove(&mut self, key: &str) {
        let _ = LocalStorage::raw().remove_item(key);
    }
    fn keys(&self) -> Vec<String> {
        let raw = LocalStorage::raw();
        let n = raw.length().unwrap_or(0);
        (0..n).filter_map(|i| raw.key(i).ok().flatten()).collect()
    }
}

/// The number format to use on this device: the one chosen here and kept in
/// localStorage, else the one the browser's `language` implies
/// ([`super::store::number_format`]).
pub fn number_format(language: &str) -> NumberFormat {
    super::store::number_format(LocalKv.get(NUMBER_FORMAT_KEY).as_deref(), language)
}

/// Keeps the number format chosen on this device, for every page and visit.
pub fn keep_number_format(format: NumberFormat) -> Result<(), StoreError> {
    LocalKv.set(NUMBER_FORMAT_KEY, format.id())
}
