//! The store over an in-memory key-value: saving, conflicts, quarantine and the fallback.
use super::*;

#[test]
fn the_number_format_is_the_chosen_one_else_the_languages() {
    assert_eq!(number_format(None, "de-DE"), NumberFormat::Dot);
    assert_eq!(number_format(Some("comma"), "de-DE"), NumberFormat::Comma);
    assert_eq!(number_format(Some("moon"), "fr"), NumberFormat::Space);
    assert_eq!(number_format(None, ""), NumberFormat::Comma);
}
use serde_json::json;

fn doc(id: &str, name: &str, t: f64) -> Document {
    Document::new(
        id,
        DocKind::Portfolio,
        name,
        t,
        json!({"projects": []}).into(),
    )
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
fn quarantines_damaged_documents_on_open() {
    let mut kv = MemoryKv::default();
    kv.set("sextant:doc:bad", "{oops").unwrap();
    kv.set("sextant:doc:empty", r#"{"schema":1}"#).unwrap();
    kv.set("sextant:doc:ok", &envelope::write(&doc("ok", "Fine", 1.0)))
        .unwrap();
    kv.set("other-app", "untouched").unwrap();
    let (s, report) = open(kv);
    assert_eq!(report.quarantined.len(), 2);
    assert!(report
        .quarantined
        .iter()
        .all(|(_, e)| matches!(e, ReadError::Corrupt(_))));
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
    big.data = json!({"blob": "x".repeat(500)}).into();
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
    big.data = json!({"blob": "x".repeat(500)}).into();
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
    let seen = Version::of(&s.load("a").unwrap());
    let mut mine = original.clone();
    mine.name = "Mine, edited".into();
    mine.updated = 2.0;
    mine.rev = Some(s.save_if_unchanged(&mine, &seen, 2.0).unwrap());
    let seen = Version::of(&mine);
    // Another tab renames it; this tab still has the version it saved.
    s.rename("a", "Theirs", 3.0).unwrap();
    mine.updated = 4.0;
    assert!(matches!(
        s.save_if_unchanged(&mine, &seen, 4.0),
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(s.load("a").unwrap().name, "Theirs");
    // A version of Sextant from before revision tokens saves it without
    // one: still a change.
    let theirs = s.load("a").unwrap();
    let seen = Version::of(&theirs);
    let older = Document {
        rev: None,
        updated: 4.5,
        ..theirs
    };
    s.kv_mut()
        .set("sextant:doc:a", &envelope::write(&older))
        .unwrap();
    assert!(matches!(
        s.save_if_unchanged(&mine, &seen, 5.0),
        Err(StoreError::Conflict(_))
    ));
    // Deleted elsewhere: not recreated behind the user's back.
    s.delete("a");
    assert!(matches!(
        s.save_if_unchanged(&mine, &Version::of(&older), 5.0),
        Err(StoreError::Conflict(_))
    ));
    assert!(s.list().is_empty());
}

#[test]
fn a_document_an_older_build_set_aside_is_put_back_when_readable() {
    let mut kv = MemoryKv::default();
    let good = envelope::write(&doc("m1", "Churn", 5.0));
    // What an older build did to a document it could not read.
    kv.set("sextant:quarantine:100:sextant:doc:m1", &good)
        .unwrap();
    // Damaged, under another's key, or its key taken again: left aside.
    kv.set("sextant:quarantine:100:sextant:doc:bad", "{oops")
        .unwrap();
    kv.set("sextant:quarantine:100:sextant:doc:m2", &good)
        .unwrap();
    kv.set("sextant:quarantine:100:sextant:doc:m3", &good)
        .unwrap();
    let taken = envelope::write(&doc("m3", "Newer copy", 9.0));
    kv.set("sextant:doc:m3", &taken).unwrap();
    let (s, report) = open(kv);
    assert_eq!(report.restored, ["sextant:doc:m1"]);
    assert_eq!(s.load("m1").unwrap().name, "Churn");
    assert_eq!(s.load("m3").unwrap().name, "Newer copy");
    let mut left: Vec<_> = s.quarantined().into_iter().map(|q| q.key).collect();
    left.sort();
    assert_eq!(
        left,
        [
            "sextant:quarantine:100:sextant:doc:bad",
            "sextant:quarantine:100:sextant:doc:m2",
            "sextant:quarantine:100:sextant:doc:m3"
        ]
    );
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
    let (mut s, _) = DocumentStore::open(FallbackKv::<MemoryKv>::new(Err("disabled".into())), 1.0);
    assert_eq!(s.kv().degraded.as_deref(), Some("disabled"));
    s.save(&doc("a", "A", 1.0), 1.0).unwrap();
    assert_eq!(s.list().len(), 1);
}

/// Storage whose writes are all refused (full when the app starts), but
/// which reads and deletes.
#[derive(Debug, Default)]
struct FullKv(MemoryKv);

impl KeyValue for FullKv {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get(key)
    }
    fn set(&mut self, _: &str, _: &str) -> Result<(), StoreError> {
        Err(StoreError::Unavailable("storage is full".into()))
    }
    fn remove(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.0.keys()
    }
}

#[test]
fn storage_full_at_start_lists_opens_and_deletes_what_it_holds() {
    let mut kv = MemoryKv::default();
    for (id, name) in [("a", "First"), ("b", "Second")] {
        kv.set(&doc_key(id), &envelope::write(&doc(id, name, 1.0)))
            .unwrap();
    }
    kv.set("sextant:doc:bad", "{oops").unwrap();
    kv.set("theirs", "keep").unwrap();
    let full = FallbackKv::read_only(FullKv(kv), "storage is full".into());
    let (mut s, report) = DocumentStore::open(full, 1.0);
    assert_eq!(s.kv().degraded.as_deref(), Some("storage is full"));
    // Nothing is moved aside: the copy could only be kept in memory.
    assert!(report.quarantined.is_empty());
    assert_eq!(s.list().len(), 2);
    assert_eq!(s.load("a").unwrap().name, "First");
    // Writes go to memory, and the stored copy stays as it was.
    s.rename("a", "Renamed", 2.0).unwrap();
    assert_eq!(s.load("a").unwrap().name, "Renamed");
    let primary =
        |s: &DocumentStore<FallbackKv<FullKv>>, k: &str| s.kv().primary.as_ref().unwrap().get(k);
    assert!(primary(&s, "sextant:doc:a").unwrap().contains("First"));
    assert_eq!(primary(&s, "sextant:doc:bad").as_deref(), Some("{oops"));
    s.delete("b");
    assert!(primary(&s, "sextant:doc:b").is_none());
    assert_eq!(s.list().len(), 1);
    assert!(s.delete_all().is_empty());
    assert_eq!(s.kv().primary.as_ref().unwrap().keys(), ["theirs"]);
    assert!(s.list().is_empty());
}

#[test]
fn delete_all_says_what_it_could_not_delete() {
    /// Storage that ignores removals.
    #[derive(Debug, Default)]
    struct Stuck(MemoryKv);
    impl KeyValue for Stuck {
        fn get(&self, key: &str) -> Option<String> {
            self.0.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
            self.0.set(key, value)
        }
        fn remove(&mut self, _: &str) {}
        fn keys(&self) -> Vec<String> {
            self.0.keys()
        }
    }
    let (mut s, _) = DocumentStore::open(FallbackKv::new(Ok(Stuck::default())), 1.0);
    s.save(&doc("a", "A", 1.0), 1.0).unwrap();
    let left = s.delete_all();
    assert!(left.contains(&"sextant:doc:a".to_string()), "{left:?}");
}

fn from_the_future(id: &str, schema: u32) -> String {
    let mut v = serde_json::to_value(doc(id, "From the future", 1.0)).unwrap();
    v["schema"] = json!(schema);
    v.to_string()
}

#[test]
fn documents_from_a_newer_version_stay_in_place_and_are_listed_apart() {
    let mut kv = MemoryKv::default();
    let future = from_the_future("new", 7);
    kv.set("sextant:doc:new", &future).unwrap();
    kv.set("sextant:doc:bad", "{oops").unwrap();
    kv.set("sextant:doc:ok", &envelope::write(&doc("ok", "Fine", 1.0)))
        .unwrap();
    let (mut s, report) = open(kv);
    let moved: Vec<_> = report.quarantined.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(moved, ["sextant:doc:bad"]);
    assert_eq!(s.kv().get("sextant:doc:new").as_deref(), Some(&*future));
    let listed: Vec<_> = s.list().into_iter().map(|d| d.id).collect();
    assert_eq!(listed, ["ok"]);
    assert_eq!(
        format!("{:?}", s.newer()),
        format!(
            "{:?}",
            [Newer {
                id: "new".into(),
                format: Some(7)
            }]
        )
    );
    // Never overwritten, by a save or a rename.
    assert!(matches!(
        s.save(&doc("new", "Older", 2.0), 2.0),
        Err(StoreError::Newer(..))
    ));
    assert!(s.rename("new", "Older", 2.0).is_err());
    assert_eq!(s.kv().get("sextant:doc:new").as_deref(), Some(&*future));
    assert!(StoreError::Newer("new".into(), Some(7))
        .to_string()
        .contains("newer version of Sextant"));
}

#[test]
fn two_saves_in_the_same_millisecond_from_two_tabs_conflict() {
    let (mut s, _) = open(MemoryKv::default());
    s.save(&doc("a", "Start", 1.0), 1.0).unwrap();
    // Tab A saves at t = 5; tab B opens that version.
    let mut a = s.load("a").unwrap();
    let seen = Version::of(&a);
    a.name = "A, first".into();
    a.updated = 5.0;
    a.rev = Some(s.save_if_unchanged(&a, &seen, 5.0).unwrap());
    let b_seen = s.load("a").unwrap();
    // Tab A saves again in the same millisecond.
    let seen = Version::of(&a);
    a.name = "A, second".into();
    s.save_if_unchanged(&a, &seen, 5.0).unwrap();
    // Tab B's edit, made on the version it saw, must not replace A's second save.
    let mut b = b_seen.clone();
    b.name = "B".into();
    assert!(matches!(
        s.save_if_unchanged(&b, &Version::of(&b_seen), 5.0),
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(s.load("a").unwrap().name, "A, second");
}
