//! localStorage as a [`KeyValue`] store (wasm32 only).

use super::store::{KeyValue, StoreError};
use gloo_storage::{LocalStorage, Storage};

/// The browser's localStorage. Build it with [`LocalKv::probe`], which checks
/// that storage is there and writable (it is not in some private modes, or
/// when the user disabled it).
#[derive(Clone, Copy, Debug)]
pub struct LocalKv;

impl LocalKv {
    /// Returns the store if localStorage can be used, or why not.
    pub fn probe() -> Result<LocalKv, String> {
        let window = web_sys::window().ok_or("no window")?;
        match window.local_storage() {
            Ok(Some(storage)) => {
                let key = "sextant:probe";
                storage
                    .set_item(key, "1")
                    .map_err(|_| "the browser refuses to store data here".to_string())?;
                let _ = storage.remove_item(key);
                Ok(LocalKv)
            }
            Ok(None) => Err("this browser has no local storage".into()),
            Err(_) => Err("local storage is disabled in this browser".into()),
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
