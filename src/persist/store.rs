//! The document store: documents under their own keys in a key-value store
//! (localStorage in the browser, memory in tests and as a fallback).
//!
//! Keys: `sextant:meta` holds the store's schema, `sextant:doc:<id>` one
//! document each, `sextant:quarantine:<time>:<original key>` what could not
//! be read. Architecture invariant: nothing the user saved is ever silently
//! dropped or overwritten; unreadable data is moved aside and reported.

use super::envelope::{self, DocKind, Document, ReadError, SCHEMA_VERSION};
use std::collections::BTreeMap;
use std::fmt;

/// Prefix of every key Sextant owns.
pub const PREFIX: &str = "sextant:";
/// The key holding the store's metadata.
pub const META_KEY: &str = "sextant:meta";
const DOC_PREFIX: &str = "sextant:doc:";
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
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(f, "the browser refused to store data ({why})"),
            StoreError::NotFound(id) => write!(f, "no saved document with id {id}"),
            StoreError::Conflict(why) => write!(f, "{why}"),
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
#[derive(Debug)]
pub struct FallbackKv<P> {
    /// The real store, kept after a refused write so that deletions still
    /// reach it ("delete all my data" must delete what the browser holds).
    primary: Option<P>,
    /// Whether reads and writes go to memory.
    in_memory: bool,
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

    fn reads_primary(&self) -> Option<&P> {
        self.primary.as_ref().filter(|_| !self.in_memory)
    }
}

impl<P: KeyValue> KeyValue for FallbackKv<P> {
    fn get(&self, key: &str) -> Option<String> {
        match self.reads_primary() {
            Some(p) => p.get(key),
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
                        // Carry everything over to memory; the stored copy stays as it was.
                        for k in p.keys() {
                            if let Some(v) = p.get(&k) {
                                let _ = self.memory.set(&k, &v);
                            }
                        }
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
        match self.reads_primary() {
            Some(p) => p.keys(),
            None => self.memory.keys(),
        }
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
}

/// Documents in a key-value store.
#[derive(Debug)]
pub struct DocumentStore<K> {
    kv: K,
}

impl<K: KeyValue> DocumentStore<K> {
    /// Opens the store: checks every document and quarantines what cannot be
    /// read, then records the schema. `now` names the quarantine keys.
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
            if let Err(why) = result {
                if store.quarantine(&key, &raw, now).is_ok() {
                    report.quarantined.push((key, why));
                }
            }
        }
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

    /// Moves `raw` from `key` to a quarantine key; the original is removed only
    /// once the copy is stored.
    fn quarantine(&mut self, key: &str, raw: &str, now: f64) -> Result<String, StoreError> {
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
        let mut out: Vec<Summary> = self
            .kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(DOC_PREFIX))
            .filter_map(|k| self.kv.get(&k))
            .filter_map(|raw| envelope::read(&raw).ok())
            .map(|d| Summary {
                id: d.id,
                kind: d.kind,
                name: d.name,
                created: d.created,
                updated: d.updated,
            })
            .collect();
        out.sort_by(|a, b| {
            b.updated
                .total_cmp(&a.updated)
                .then_with(|| a.id.cmp(&b.id))
        });
        out
    }

    /// The document with this id.
    pub fn load(&self, id: &str) -> Result<Document, StoreError> {
        let raw = self
            .kv
            .get(&doc_key(id))
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        envelope::read(&raw).map_err(|_| StoreError::NotFound(id.to_string()))
    }

    /// Saves a document under its id. If what is stored there now cannot be
    /// read, it is quarantined first rather than overwritten.
    pub fn save(&mut self, doc: &Document, now: f64) -> Result<(), StoreError> {
        let key = doc_key(&doc.id);
        if let Some(raw) = self.kv.get(&key) {
            if envelope::read(&raw).is_err() {
                self.quarantine(&key, &raw, now)?;
            }
        }
        self.kv.set(&key, &envelope::write(doc))
    }

    /// Saves a document only if what is stored under its id is still the
    /// version last seen (`seen` is that version's update time). An editor
    /// saves this way, so that a change or deletion made in another tab is
    /// never silently overwritten.
    pub fn save_if_unchanged(
        &mut self,
        doc: &Document,
        seen: f64,
        now: f64,
    ) -> Result<(), StoreError> {
        match self.load(&doc.id) {
            Ok(stored) if stored.updated != seen => Err(StoreError::Conflict(
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
        self.save(&doc, now)
    }

    /// Copies a document under `new_id`, named "… (copy)".
    pub fn duplicate(&mut self, id: &str, new_id: &str, now: f64) -> Result<Document, StoreError> {
        let mut doc = self.load(id)?;
        doc.id = new_id.to_string();
        doc.name = format!("{} (copy)", doc.name);
        doc.created = now;
        doc.updated = now;
        self.save(&doc, now)?;
        Ok(doc)
    }

    /// Deletes a document.
    pub fn delete(&mut self, id: &str) {
        self.kv.remove(&doc_key(id));
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

    /// Deletes every key Sextant owns, and nothing else.
    pub fn delete_all(&mut self) {
        for key in self.kv.keys() {
            if key.starts_with(PREFIX) {
                self.kv.remove(&key);
            }
        }
    }
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
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(id: &str, name: &str, t: f64) -> Document {
        Document::new(id, DocKind::Portfolio, name, t, json!({"projects": []}))
    }

    fn open(kv: MemoryKv) -> (DocumentStore<MemoryKv>, OpenReport) {
        DocumentStore::open(kv, 5000.0)
    }

    #[test]
    fn saves_lists_loads_renames_duplicates_deletes() {
        let (mut s, report) = open(MemoryKv::default());
        assert!(report.quarantined.is_empty());
        s.save(&doc("a", "First", 1.0), 1.0).unwrap();
        s.save(&doc("b", "Second", 2.0), 2.0).unwrap();
        let names: Vec<_> = s.list().into_iter().map(|x| x.name).collect();
        assert_eq!(names, ["Second", "First"]);
        s.rename("a", "Renamed", 3.0).unwrap();
        let a = s.load("a").unwrap();
        assert_eq!(
            (a.name.as_str(), a.created, a.updated),
            ("Renamed", 1.0, 3.0)
        );
        let c = s.duplicate("a", "c", 4.0).unwrap();
        assert_eq!(c.name, "Renamed (copy)");
        assert_eq!(s.load("c").unwrap().data, a.data);
        assert_eq!(s.list().len(), 3);
        s.delete("b");
        assert_eq!(s.load("b"), Err(StoreError::NotFound("b".into())));
        assert_eq!(s.list().len(), 2);
    }

    #[test]
    fn quarantines_unreadable_documents_on_open() {
        let mut kv = MemoryKv::default();
        kv.set("sextant:doc:bad", "{oops").unwrap();
        let mut future = serde_json::to_value(doc("new", "From the future", 1.0)).unwrap();
        future["schema"] = json!(99);
        kv.set("sextant:doc:new", &future.to_string()).unwrap();
        kv.set("sextant:doc:ok", &envelope::write(&doc("ok", "Fine", 1.0)))
            .unwrap();
        kv.set("other-app", "untouched").unwrap();
        let (s, report) = open(kv);
        assert_eq!(report.quarantined.len(), 2);
        assert!(report
            .quarantined
            .iter()
            .any(|(k, e)| k == "sextant:doc:new" && *e == ReadError::TooNew(99)));
        let q = s.quarantined();
        assert_eq!(q.len(), 2);
        let bad = q
            .iter()
            .find(|q| q.original_key == "sextant:doc:bad")
            .unwrap();
        assert_eq!(bad.raw, "{oops");
        assert_eq!(s.list().len(), 1);
        assert_eq!(s.kv().get("other-app").as_deref(), Some("untouched"));
        assert_eq!(s.kv().get(META_KEY).as_deref(), Some("{\"schema\":1}"));
    }

    #[test]
    fn quarantining_the_same_key_twice_keeps_both() {
        let mut kv = MemoryKv::default();
        kv.set("sextant:doc:x", "one").unwrap();
        let (mut s, _) = open(kv);
        s.kv_mut().set("sextant:doc:x", "two").unwrap();
        s.save(&doc("x", "New", 6.0), 5000.0).unwrap();
        let raws: Vec<_> = s.quarantined().into_iter().map(|q| q.raw).collect();
        assert_eq!(raws.len(), 2, "{raws:?}");
        assert!(raws.contains(&"one".to_string()) && raws.contains(&"two".to_string()));
    }

    #[test]
    fn saving_over_unreadable_data_quarantines_it_first() {
        let (mut s, _) = open(MemoryKv::default());
        s.kv_mut().set("sextant:doc:a", "hand-edited!").unwrap();
        s.save(&doc("a", "New", 6.0), 6.0).unwrap();
        assert_eq!(s.load("a").unwrap().name, "New");
        assert_eq!(s.quarantined()[0].raw, "hand-edited!");
    }

    #[test]
    fn a_document_under_someone_elses_key_is_quarantined() {
        let mut kv = MemoryKv::default();
        kv.set("sextant:doc:x", &envelope::write(&doc("y", "Moved", 1.0)))
            .unwrap();
        let (s, report) = open(kv);
        assert_eq!(report.quarantined.len(), 1);
        assert!(s.list().is_empty());
    }

    #[test]
    fn delete_all_removes_only_sextant_keys() {
        let mut kv = MemoryKv::default();
        kv.set("theirs", "keep").unwrap();
        kv.set("sextant:doc:bad", "x").unwrap();
        let (mut s, _) = open(kv);
        s.save(&doc("a", "A", 1.0), 1.0).unwrap();
        s.delete_all();
        assert_eq!(s.kv().keys(), ["theirs"]);
    }

    #[test]
    fn falls_back_to_memory_when_storage_is_full_and_keeps_everything() {
        let full = MemoryKv {
            capacity: Some(300),
            ..Default::default()
        };
        let (mut s, _) = DocumentStore::open(FallbackKv::new(Ok(full)), 1.0);
        s.save(&doc("a", "Small", 1.0), 1.0).unwrap();
        assert!(s.kv().degraded.is_none());
        let mut big = doc("b", "Big", 2.0);
        big.data = json!({"blob": "x".repeat(500)});
        s.save(&big, 2.0).unwrap();
        assert!(s.kv().degraded.as_deref().unwrap().contains("full"));
        assert_eq!(s.load("a").unwrap().name, "Small");
        assert_eq!(s.load("b").unwrap().name, "Big");
    }

    #[test]
    fn deleting_while_in_memory_also_deletes_what_the_browser_holds() {
        let full = MemoryKv {
            capacity: Some(300),
            ..Default::default()
        };
        let (mut s, _) = DocumentStore::open(FallbackKv::new(Ok(full)), 1.0);
        s.save(&doc("a", "Small", 1.0), 1.0).unwrap();
        let mut big = doc("b", "Big", 2.0);
        big.data = json!({"blob": "x".repeat(500)});
        s.save(&big, 2.0).unwrap();
        assert!(s.kv().degraded.is_some());
        s.delete_all();
        assert!(s.list().is_empty());
        let primary = s.kv().primary.as_ref().unwrap();
        assert!(
            primary.keys().iter().all(|k| !k.starts_with(PREFIX)),
            "{:?}",
            primary.keys()
        );
    }

    #[test]
    fn an_editor_does_not_overwrite_changes_made_elsewhere() {
        let (mut s, _) = open(MemoryKv::default());
        let original = doc("a", "Mine", 1.0);
        s.save(&original, 1.0).unwrap();
        // This tab edits on top of version 1.0 and saves: fine.
        let mut mine = original.clone();
        mine.name = "Mine, edited".into();
        mine.updated = 2.0;
        s.save_if_unchanged(&mine, 1.0, 2.0).unwrap();
        // Another tab renames it (version 3.0); this tab still thinks it has 2.0.
        s.rename("a", "Theirs", 3.0).unwrap();
        mine.updated = 4.0;
        assert!(matches!(
            s.save_if_unchanged(&mine, 2.0, 4.0),
            Err(StoreError::Conflict(_))
        ));
        assert_eq!(s.load("a").unwrap().name, "Theirs");
        // Deleted elsewhere: not recreated behind the user's back.
        s.delete("a");
        assert!(matches!(
            s.save_if_unchanged(&mine, 3.0, 5.0),
            Err(StoreError::Conflict(_))
        ));
        assert!(s.list().is_empty());
    }

    #[test]
    fn a_newer_schema_mark_is_not_downgraded() {
        let mut kv = MemoryKv::default();
        kv.set(META_KEY, "{\"schema\":9}").unwrap();
        let (s, _) = open(kv);
        assert_eq!(s.kv().get(META_KEY).as_deref(), Some("{\"schema\":9}"));
    }

    #[test]
    fn starts_in_memory_when_storage_is_unavailable() {
        let (mut s, _) =
            DocumentStore::open(FallbackKv::<MemoryKv>::new(Err("disabled".into())), 1.0);
        assert_eq!(s.kv().degraded.as_deref(), Some("disabled"));
        s.save(&doc("a", "A", 1.0), 1.0).unwrap();
        assert_eq!(s.list().len(), 1);
    }
}
