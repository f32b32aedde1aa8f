//! The document store: documents under their own keys in a key-value store
//! (localStorage in the browser, memory in tests and as a fallback).
//!
//! Keys: `sextant:meta` holds the store's schema, `sextant:doc:<id>` one
//! document each, `sextant:quarantine:<time>:<original key>` what could not
//! be read. Architecture invariant: nothing the user saved is ever silently
//! dropped or overwritten; damaged data is moved aside and reported, and a
//! document saved by a newer version of Sextant is left where it is, neither
//! moved nor overwritten.

use super::envelope::{self, DocKind, Document, ReadError, SCHEMA_VERSION};
use crate::domain::input::NumberFormat;
use std::collections::BTreeMap;
use std::fmt;

/// Prefix of every key Sextant owns.
pub const PREFIX: &str = "sextant:";
/// The key holding the store's metadata.
pub const META_KEY: &str = "sextant:meta";
const DOC_PREFIX: &str = "sextant:doc:";
/// The reader's chosen number format, as a [`NumberFormat`] id.
pub const NUMBER_FORMAT_KEY: &str = "sextant:number-format";

/// The number format to use: the one chosen on this device when it is one
/// Sextant knows, else the one the browser's language implies.
pub fn number_format(stored: Option<&str>, language: &str) -> NumberFormat {
    stored
        .and_then(NumberFormat::from_id)
        .unwrap_or_else(|| NumberFormat::from_language(language))
}
const QUARANTINE_PREFIX: &str = "sextant:quarantine:";

/// Why a write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The storage refused the write (quota, disabled, private mode).
    Unavailable(String),
    /// No document with that id.
    NotFound(String),
    /// The stored document changed (or was deleted) since the editor loaded
    /// it, in another tab; saving would overwrite that change.
    Conflict(String),
    /// A newer version of Sextant saved the document under this id (in this
    /// format, when it says); this version neither reads nor overwrites it.
    Newer(String, Option<u32>),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(f, "the browser refused to store data ({why})"),
            StoreError::NotFound(id) => write!(f, "no saved document with id {id}"),
            StoreError::Conflict(why) => write!(f, "{why}"),
            StoreError::Newer(..) => write!(
                f,
                "a newer version of Sextant saved this document, and this version does not change it; open Sextant's newest version to use it"
            ),
        }
    }
}

/// A minimal key-value store: what localStorage offers.
pub trait KeyValue {
    /// The value under `key`.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key`.
    fn remove(&mut self, key: &str);
    /// Every key.
    fn keys(&self) -> Vec<String>;
    /// Whether what is written now is still there after a reload. A store
    /// that keeps writes only in memory says no, so that nothing is moved
    /// out of the browser's storage into memory alone.
    fn persistent(&self) -> bool {
        true
    }
}

/// An in-memory store; with a capacity it refuses writes past it, as a full
/// localStorage does.
#[derive(Clone, Debug, Default)]
pub struct MemoryKv {
    entries: BTreeMap<String, String>,
    /// Maximum total bytes of keys and values, if any.
    pub capacity: Option<usize>,
}

impl MemoryKv {
    fn used(&self) -> usize {
        self.entries.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(cap) = self.capacity {
            let old = self.entries.get(key).map_or(0, |v| key.len() + v.len());
            if self.used() - old + key.len() + value.len() > cap {
                return Err(StoreError::Unavailable("storage is full".into()));
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.entries.remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }
}

/// A store that falls back to memory when its primary store refuses a write
/// or was never available, so the app keeps working and can say so.
///
/// Once in memory, writes go to memory only; reads look in memory first and
/// then in the primary store, and removals reach both, so what the browser
/// holds can still be listed, opened and deleted.
#[derive(Debug)]
pub struct FallbackKv<P> {
    /// The real store, kept after a refused write (or from the start, when
    /// it is full then) so that reads and deletions still reach it ("delete
    /// all my data" must delete what the browser holds).
    primary: Option<P>,
    /// Whether writes go to memory.
    in_memory: bool,
    /// What was written since; it hides the primary's value under the same key.
    memory: MemoryKv,
    /// Why the app is working in memory, once it is.
    pub degraded: Option<String>,
}

impl<P: KeyValue> FallbackKv<P> {
    /// Uses `primary` while it works; an error starts in memory with its reason.
    pub fn new(primary: Result<P, String>) -> Self {
        match primary {
            Ok(p) => FallbackKv {
                primary: Some(p),
                in_memory: false,
                memory: MemoryKv::default(),
                degraded: None,
            },
            Err(why) => FallbackKv {
                primary: None,
                in_memory: true,
                memory: MemoryKv::default(),
                degraded: Some(why),
            },
        }
    }

    /// Reads and deletes through `primary`, which is there but refuses
    /// writes (full when the app starts); writes go to memory, and `why`
    /// says so.
    pub fn read_only(primary: P, why: String) -> Self {
        FallbackKv {
            primary: Some(primary),
            in_memory: true,
            memory: MemoryKv::default(),
            degraded: Some(why),
        }
    }
}

impl<P> FallbackKv<P> {
    /// Whether the browser's storage is still read (and deleted from), even
    /// if writes go to memory.
    pub fn reads_primary(&self) -> bool {
        self.primary.is_some()
    }
}

impl<P: KeyValue> KeyValue for FallbackKv<P> {
    fn get(&self, key: &str) -> Option<String> {
        match &self.primary {
            Some(p) if !self.in_memory => p.get(key),
            Some(p) => self.memory.get(key).or_else(|| p.get(key)),
            None => self.memory.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if !self.in_memory {
            if let Some(p) = &mut self.primary {
                match p.set(key, value) {
                    Ok(()) => return Ok(()),
                    Err(e) => {
                        let why = match e {
                            StoreError::Unavailable(why) => why,
                            other => other.to_string(),
                        };
                        // From now on writes go to memory; the stored copy
                        // stays as it was and is still read under memory's.
                        self.in_memory = true;
                        self.degraded = Some(why);
                    }
                }
            }
        }
        self.memory.set(key, value)
    }
    fn remove(&mut self, key: &str) {
        // Removals reach both stores, so nothing deleted comes back on reload.
        if let Some(p) = &mut self.primary {
            p.remove(key);
        }
        self.memory.remove(key);
    }
    fn keys(&self) -> Vec<String> {
        match &self.primary {
            Some(p) if !self.in_memory => p.keys(),
            Some(p) => {
                let mut all = p.keys();
                all.extend(self.memory.keys());
                all.sort();
                all.dedup();
                all
            }
            None => self.memory.keys(),
        }
    }
    fn persistent(&self) -> bool {
        !self.in_memory && self.primary.as_ref().is_some_and(P::persistent)
    }
}

/// A document's line in the "Saved" list.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub kind: DocKind,
    /// Its name.
    pub name: String,
    /// Creation time (ms since the epoch).
    pub created: f64,
    /// Last change (ms since the epoch).
    pub updated: f64,
}

/// A document saved by a newer version of Sextant, left where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Newer {
    /// Its id (from its key).
    pub id: String,
    /// The format it was saved in, when its envelope says.
    pub format: Option<u32>,
}

/// Which stored version of a document an editor has: its revision token,
/// which changes on every save, and its update time, which a document saved
/// by a version of Sextant from before the token was added still changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    /// The random token written with the version, if any.
    pub rev: Option<String>,
    /// Its update time (ms since the epoch).
    pub updated: f64,
}

impl Version {
    /// The version `doc` is.
    pub fn of(doc: &Document) -> Version {
        Version {
            rev: doc.rev.clone(),
            updated: doc.updated,
        }
    }
}

/// A new revision token: random enough that two tabs never pick the same one.
#[cfg(target_arch = "wasm32")]
fn new_rev() -> String {
    // Two draws of Math.random, about 52 random bits each.
    let draw = || (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64;
    format!("{:013x}{:013x}", draw(), draw())
}

/// A new revision token. Natively (tests and tools) a process-wide counter
/// with the time is unique enough.
#[cfg(not(target_arch = "wasm32"))]
fn new_rev() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{SystemTime, UNIX_EPOCH};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{t:x}-{n:x}")
}

/// Data that could not be read, kept aside for the user to download.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarantined {
    /// The key it is kept under now.
    pub key: String,
    /// The key it was found under.
    pub original_key: String,
    /// The stored text, untouched.
    pub raw: String,
}

/// What opening the store found and did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenReport {
    /// Entries moved to quarantine just now, with why each was unreadable.
    pub quarantined: Vec<(String, ReadError)>,
    /// Documents put back under their own keys just now: kept aside earlier
    /// (an older build set aside what a newer one wrote) and readable now.
    pub restored: Vec<String>,
}

/// Documents in a key-value store.
#[derive(Debug)]
pub struct DocumentStore<K> {
    kv: K,
}

impl<K: KeyValue> DocumentStore<K> {
    /// Opens the store: checks every document and quarantines what is
    /// damaged, then records the schema. A document saved by a newer version
    /// of Sextant stays where it is (see [`DocumentStore::newer`]). Nothing
    /// is moved while writes are kept only in memory. `now` names the
    /// quarantine keys.
    pub fn open(kv: K, now: f64) -> (Self, OpenReport) {
        let mut store = DocumentStore { kv };
        let mut report = OpenReport::default();
        for key in store.kv.keys() {
            if !key.starts_with(DOC_PREFIX) {
                continue;
            }
            let Some(raw) = store.kv.get(&key) else {
                continue;
            };
            let result = envelope::read(&raw).and_then(|doc| {
                if format!("{DOC_PREFIX}{}", doc.id) == key {
                    Ok(doc)
                } else {
                    Err(ReadError::Corrupt("its id does not match its key".into()))
                }
            });
            match result {
                // A newer version's document stays where it is.
                Ok(_) | Err(ReadError::TooNew(_)) => {}
                Err(why) => {
                    if store.quarantine(&key, &raw, now).is_ok() {
                        report.quarantined.push((key, why));
                    }
                }
            }
        }
        store.restore_readable(&mut report);
        // Record the schema, but never over a newer one: an older tab or a
        // rolled-back build must not claim a newer store as its own.
        let stored_schema = store
            .kv
            .get(META_KEY)
            .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
            .and_then(|v| v.get("schema").and_then(serde_json::Value::as_u64));
        if stored_schema.is_none_or(|v| v < u64::from(SCHEMA_VERSION)) {
            let _ = store
                .kv
                .set(META_KEY, &format!("{{\"schema\":{SCHEMA_VERSION}}}"));
        }
        (store, report)
    }

    /// Puts back every quarantined document that this build reads, under its
    /// own key, when that key is free: older builds set aside documents a
    /// newer build wrote, and nothing else would ever return them. The copy
    /// in quarantine is removed only once the document is stored again.
    fn restore_readable(&mut self, report: &mut OpenReport) {
        if !self.kv.persistent() {
            return;
        }
        for q in self.quarantined() {
            if !q.original_key.starts_with(DOC_PREFIX) || self.kv.get(&q.original_key).is_some() {
                continue;
            }
            let readable = envelope::read(&q.raw)
                .is_ok_and(|doc| format!("{DOC_PREFIX}{}", doc.id) == q.original_key);
            if readable && self.kv.set(&q.original_key, &q.raw).is_ok() {
                self.kv.remove(&q.key);
                report.restored.push(q.original_key);
            }
        }
    }

    /// Moves `raw` from `key` to a quarantine key; the original is removed only
    /// once the copy is stored, and never when the copy would be kept only in
    /// memory.
    fn quarantine(&mut self, key: &str, raw: &str, now: f64) -> Result<String, StoreError> {
        if !self.kv.persistent() {
            return Err(StoreError::Unavailable(
                "the browser's storage cannot take a copy of it now".into(),
            ));
        }
        let mut qkey = format!("{QUARANTINE_PREFIX}{}:{key}", now as i64);
        let mut n = 1;
        while self.kv.get(&qkey).is_some() {
            n += 1;
            qkey = format!("{QUARANTINE_PREFIX}{}-{n}:{key}", now as i64);
        }
        self.kv.set(&qkey, raw)?;
        self.kv.remove(key);
        Ok(qkey)
    }

    /// The underlying key-value store.
    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// Mutable access to the underlying key-value store.
    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    /// Every readable document, most recently updated first.
    pub fn list(&self) -> Vec<Summary> {
        self.listing().0
    }

    /// Every readable document, most recently updated first, and the
    /// documents saved by a newer version of Sextant, which are left as they
    /// are: one pass, reading each document once.
    pub fn listing(&self) -> (Vec<Summary>, Vec<Newer>) {
        let mut out = Vec::new();
        let mut newer = Vec::new();
        for key in self.kv.keys() {
            let Some(id) = id_of_key(&key) else {
                continue;
            };
            let Some(raw) = self.kv.get(&key) else {
                continue;
            };
            match envelope::read(&raw) {
                Ok(d) => out.push(Summary {
                    id: d.id,
                    kind: d.kind,
                    name: d.name,
                    created: d.created,
                    updated: d.updated,
                }),
                Err(ReadError::TooNew(v)) => newer.push(Newer {
                    id: id.to_string(),
                    format: known_format(v),
                }),
                Err(_) => {}
            }
        }
        out.sort_by(|a, b| {
            b.updated
                .total_cmp(&a.updated)
                .then_with(|| a.id.cmp(&b.id))
        });
        (out, newer)
    }

    /// The document with this id.
    pub fn load(&self, id: &str) -> Result<Document, StoreError> {
        let raw = self
            .kv
            .get(&doc_key(id))
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        envelope::read(&raw).map_err(|e| match e {
            ReadError::TooNew(v) => StoreError::Newer(id.to_string(), known_format(v)),
            _ => StoreError::NotFound(id.to_string()),
        })
    }

    /// Saves a document under its id with a new revision token, which it
    /// returns. If what is stored there now is damaged, it is quarantined
    /// first rather than overwritten; a newer version's document is never
    /// overwritten ([`StoreError::Newer`]).
    pub fn save(&mut self, doc: &Document, now: f64) -> Result<String, StoreError> {
        let key = doc_key(&doc.id);
        if let Some(raw) = self.kv.get(&key) {
            match envelope::read(&raw) {
                Ok(_) => {}
                Err(ReadError::TooNew(v)) => {
                    return Err(StoreError::Newer(doc.id.clone(), known_format(v)))
                }
                Err(_) => {
                    self.quarantine(&key, &raw, now)?;
                }
            }
        }
        let rev = new_rev();
        let mut stored = doc.clone();
        stored.rev = Some(rev.clone());
        self.kv.set(&key, &envelope::write(&stored))?;
        Ok(rev)
    }

    /// Saves a document only if what is stored under its id is still the
    /// version last seen: the same revision token and update time. An
    /// editor saves this way, so that a change or deletion made in another
    /// tab is never silently overwritten, even one made in the same
    /// millisecond. Returns the new revision token.
    pub fn save_if_unchanged(
        &mut self,
        doc: &Document,
        seen: &Version,
        now: f64,
    ) -> Result<String, StoreError> {
        match self.load(&doc.id) {
            Ok(stored) if Version::of(&stored) != *seen => Err(StoreError::Conflict(
                "it was changed in another tab or window since you opened it".into(),
            )),
            Err(_) if self.kv.get(&doc_key(&doc.id)).is_none() => Err(StoreError::Conflict(
                "it was deleted in another tab or window since you opened it".into(),
            )),
            _ => self.save(doc, now),
        }
    }

    /// Renames a document.
    pub fn rename(&mut self, id: &str, name: &str, now: f64) -> Result<(), StoreError> {
        let mut doc = self.load(id)?;
        doc.name = name.to_string();
        doc.updated = now;
        self.save(&doc, now).map(|_| ())
    }

    /// Copies a document under `new_id`, named "… (copy)".
    pub fn duplicate(&mut self, id: &str, new_id: &str, now: f64) -> Result<Document, StoreError> {
        let mut doc = self.load(id)?;
        doc.id = new_id.to_string();
        doc.name = format!("{} (copy)", doc.name);
        doc.created = now;
        doc.updated = now;
        doc.rev = Some(self.save(&doc, now)?);
        Ok(doc)
    }

    /// Deletes a document.
    pub fn delete(&mut self, id: &str) {
        self.kv.remove(&doc_key(id));
    }

    /// Documents saved by a newer version of Sextant, left as they are and
    /// not in [`DocumentStore::list`].
    pub fn newer(&self) -> Vec<Newer> {
        self.listing().1
    }

    /// Everything kept in quarantine.
    pub fn quarantined(&self) -> Vec<Quarantined> {
        self.kv
            .keys()
            .into_iter()
            .filter_map(|key| {
                let rest = key.strip_prefix(QUARANTINE_PREFIX)?;
                let original_key = rest.split_once(':').map(|(_, k)| k.to_string())?;
                let raw = self.kv.get(&key)?;
                Some(Quarantined {
                    key,
                    original_key,
                    raw,
                })
            })
            .collect()
    }

    /// Discards one quarantined entry (after the user downloaded or declined it).
    pub fn discard_quarantined(&mut self, key: &str) {
        if key.starts_with(QUARANTINE_PREFIX) {
            self.kv.remove(key);
        }
    }

    /// Deletes every key Sextant owns, and nothing else; then reads the keys
    /// again and returns those of Sextant's still there (none, unless the
    /// storage ignored a removal or another tab wrote meanwhile).
    pub fn delete_all(&mut self) -> Vec<String> {
        for key in self.kv.keys() {
            if key.starts_with(PREFIX) {
                self.kv.remove(&key);
            }
        }
        self.kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(PREFIX))
            .collect()
    }
}

/// The format a [`ReadError::TooNew`] names, unless it was too large to say.
fn known_format(v: u32) -> Option<u32> {
    (v != u32::MAX).then_some(v)
}

/// The storage key of a document.
pub fn doc_key(id: &str) -> String {
    format!("{DOC_PREFIX}{id}")
}

/// The document id a storage key names, if it names one.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(DOC_PREFIX)
}

#[cfg(test)]
mod tests;
