//! The stored form of a document: a versioned JSON envelope.
//!
//! Every document (an assessment run, an ROI model, a portfolio) is stored
//! under its own key as
//! `{"schema":1,"id":..,"kind":..,"name":..,"created":..,"updated":..,"rev":..,"data":..}`.
//! `data` is the tool's own versioned DTO; the envelope only carries it.
//! `rev` is optional within schema 1: a random token the store writes on
//! every save, so that an editor can tell whether the stored version is still
//! the one it opened (`updated` is for display). Documents saved before it
//! was added have none and read as before; a build from before it ignores it
//! and saves without it, which an editor still notices through `updated`.
//! Reading goes through [`read`], which migrates every schema that ever
//! shipped up to [`SCHEMA_VERSION`] and refuses, with a reason, what it cannot
//! read.

use crate::domain::kinds::Calculator;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The envelope schema this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// What a document is, which decides the tool that opens it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// A guided self-assessment, in progress or completed.
    Assessment,
    /// An ML project cost-benefit model.
    RoiModel,
    /// A portfolio of candidate projects.
    Portfolio,
    /// An automation ROI estimate.
    AutomationRoi,
}

impl DocKind {
    /// The kind of document a calculator edits.
    pub fn of(calculator: Calculator) -> DocKind {
        match calculator {
            Calculator::Roi => DocKind::RoiModel,
            Calculator::Portfolio => DocKind::Portfolio,
            Calculator::AutomationRoi => DocKind::AutomationRoi,
        }
    }

    /// The calculator that edits this kind of document; none for a run of
    /// an assessment.
    pub fn calculator(self) -> Option<Calculator> {
        Calculator::ALL
            .into_iter()
            .find(|&c| DocKind::of(c) == self)
    }

    /// How the kind reads in a list.
    pub fn label(self) -> &'static str {
        match self {
            DocKind::Assessment => "Assessment",
            DocKind::RoiModel => "ROI model",
            DocKind::Portfolio => "Portfolio",
            DocKind::AutomationRoi => "Automation ROI",
        }
    }
}

/// A document's content in its stored form: the `data` of a stored document
/// or of a share link, the kind's own versioned JSON. Only `persist` looks
/// inside; the rest of the app carries it, compares it, and turns it into a
/// model with its kind's `from_data` (and a model into it with `to_data`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Data(Value);

impl Data {
    /// The JSON inside.
    pub(in crate::persist) fn value(&self) -> &Value {
        &self.0
    }

    /// The JSON inside, to change.
    #[cfg(test)]
    pub(in crate::persist) fn value_mut(&mut self) -> &mut Value {
        &mut self.0
    }
}

/// Tests reach into the JSON as into a `Value`: `data["v"]`.
#[cfg(test)]
impl std::ops::Index<&str> for Data {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        &self.0[key]
    }
}

#[cfg(test)]
impl std::ops::IndexMut<&str> for Data {
    fn index_mut(&mut self, key: &str) -> &mut Value {
        &mut self.0[key]
    }
}

impl From<Value> for Data {
    fn from(value: Value) -> Data {
        Data(value)
    }
}

/// A stored document at the current schema.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA_VERSION`] once read.
    pub schema: u32,
    /// Stable, URL-safe identifier; also the storage key's suffix.
    pub id: String,
    /// What the document is.
    pub kind: DocKind,
    /// The name the user gave it.
    pub name: String,
    /// Creation time, milliseconds since the Unix epoch.
    pub created: f64,
    /// Last change, milliseconds since the Unix epoch.
    pub updated: f64,
    /// The revision token written with this version; see the module docs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// The tool's own payload.
    pub data: Data,
}

impl Document {
    /// A new document created at `now`.
    pub fn new(
        id: impl Into<String>,
        kind: DocKind,
        name: impl Into<String>,
        now: f64,
        data: Data,
    ) -> Self {
        Document {
            schema: SCHEMA_VERSION,
            id: id.into(),
            kind,
            name: name.into(),
            created: now,
            updated: now,
            rev: None,
            data,
        }
    }
}

/// Why a stored value could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// Not JSON, or JSON of the wrong shape.
    Corrupt(String),
    /// Written by a newer Sextant than this one.
    TooNew(u32),
    /// Well formed, but refused: it holds more than Sextant accepts (see
    /// `persist::limits`), or answers its assessment does not offer. The
    /// clause says what, as in "it holds 4,000 team members; Sextant accepts
    /// up to 100".
    Refused(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Corrupt(why) => write!(f, "the data is damaged ({why})"),
            ReadError::TooNew(v) => write!(
                f,
                "it was saved by a newer version of Sextant (format {v}; this one reads up to {SCHEMA_VERSION})"
            ),
            ReadError::Refused(why) => write!(f, "{why}"),
        }
    }
}

/// One step of the migration chain: turns a value at schema `n` into one at
/// schema `n + 1`. `MIGRATIONS[i]` migrates from schema `i + 1`.
type Migration = fn(Value) -> Result<Value, String>;

/// Every migration from a schema that shipped. Schema 1 is the first, so the
/// chain is empty; a schema 2 adds `migrate_1_to_2` here and never removes it.
const MIGRATIONS: &[Migration] = &[];

/// Reads a stored string into a current document, migrating old schemas.
pub fn read(raw: &str) -> Result<Document, ReadError> {
    let value: Value = serde_json::from_str(raw).map_err(|e| ReadError::Corrupt(e.to_string()))?;
    read_value(value, MIGRATIONS)
}

fn read_value(mut value: Value, migrations: &[Migration]) -> Result<Document, ReadError> {
    let mut schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| ReadError::Corrupt("no schema version".into()))?;
    if schema == 0 {
        return Err(ReadError::Corrupt("schema version 0".into()));
    }
    let current = migrations.len() as u64 + 1;
    if schema > current {
        return Err(ReadError::TooNew(u32::try_from(schema).unwrap_or(u32::MAX)));
    }
    while schema < current {
        let step = migrations[(schema - 1) as usize];
        value = step(value).map_err(ReadError::Corrupt)?;
        schema += 1;
        // Not `value["schema"] = …`, which panics on anything but an object.
        value
            .as_object_mut()
            .ok_or_else(|| {
                ReadError::Corrupt(format!("migrating to schema {schema} gave no document"))
            })?
            .insert("schema".into(), Value::from(schema));
    }
    let doc: Document =
        serde_json::from_value(value).map_err(|e| ReadError::Corrupt(e.to_string()))?;
    if !doc.created.is_finite() || !doc.updated.is_finite() {
        return Err(ReadError::Corrupt("a time is not a number".into()));
    }
    if doc.id.is_empty() {
        return Err(ReadError::Corrupt("empty id".into()));
    }
    Ok(doc)
}

/// The stored string for a document.
pub fn write(doc: &Document) -> String {
    // Serializing a struct of strings, finite floats and a JSON value cannot fail.
    serde_json::to_string(doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Document {
        Document::new(
            "d1",
            DocKind::RoiModel,
            "Churn model",
            1000.0,
            json!({"v": 1, "x": [1, 2]}).into(),
        )
    }

    #[test]
    fn round_trips() {
        let doc = sample();
        assert_eq!(read(&write(&doc)), Ok(doc));
    }

    #[test]
    fn the_revision_token_is_optional_and_kept() {
        let without = r#"{"schema":1,"id":"a","kind":"portfolio","name":"Q3","created":1.0,"updated":2.0,"data":null}"#;
        let doc = read(without).unwrap();
        assert_eq!(doc.rev, None);
        assert!(!write(&doc).contains("rev"));
        let with = Document {
            rev: Some("3f9a".into()),
            ..doc
        };
        assert!(write(&with).contains(r#""rev":"3f9a""#));
        assert_eq!(read(&write(&with)), Ok(with));
    }

    #[test]
    fn refuses_garbage_with_a_reason() {
        assert!(matches!(read("{not json"), Err(ReadError::Corrupt(_))));
        assert!(matches!(read("[]"), Err(ReadError::Corrupt(_))));
        assert!(matches!(
            read(r#"{"schema":1}"#),
            Err(ReadError::Corrupt(_))
        ));
        assert!(matches!(
            read(r#"{"schema":0,"id":"a"}"#),
            Err(ReadError::Corrupt(_))
        ));
        let mut v = serde_json::to_value(sample()).unwrap();
        v["kind"] = json!("horoscope");
        assert!(matches!(read(&v.to_string()), Err(ReadError::Corrupt(_))));
    }

    #[test]
    fn refuses_newer_schemas() {
        let mut v = serde_json::to_value(sample()).unwrap();
        v["schema"] = json!(7);
        assert_eq!(read(&v.to_string()), Err(ReadError::TooNew(7)));
        assert!(ReadError::TooNew(7).to_string().contains("newer version"));
    }

    #[test]
    fn migration_chain_runs_every_step_in_order() {
        // A made-up history: schema 1 named the field `title`, schema 2 `label`, schema 3 `name`.
        fn one_to_two(mut v: Value) -> Result<Value, String> {
            let t = v
                .as_object_mut()
                .unwrap()
                .remove("title")
                .ok_or("no title")?;
            v["label"] = t;
            Ok(v)
        }
        fn two_to_three(mut v: Value) -> Result<Value, String> {
            let t = v
                .as_object_mut()
                .unwrap()
                .remove("label")
                .ok_or("no label")?;
            v["name"] = t;
            Ok(v)
        }
        let chain: &[Migration] = &[one_to_two, two_to_three];
        let old = json!({"schema":1,"id":"a","kind":"portfolio","title":"Q3","created":1.0,"updated":2.0,"data":null});
        let doc = read_value(old, chain).unwrap();
        assert_eq!(doc.name, "Q3");
        assert_eq!(doc.schema, 3);
        let broken =
            json!({"schema":1,"id":"a","kind":"portfolio","created":1.0,"updated":2.0,"data":null});
        assert_eq!(
            read_value(broken, chain),
            Err(ReadError::Corrupt("no title".into()))
        );
    }

    #[test]
    fn a_migration_that_returns_no_object_is_an_error_not_a_panic() {
        fn to_nothing(_: Value) -> Result<Value, String> {
            Ok(json!([1, 2]))
        }
        let chain: &[Migration] = &[to_nothing];
        let old = json!({"schema":1,"id":"a","kind":"portfolio","name":"Q3","created":1.0,"updated":2.0,"data":null});
        assert!(matches!(read_value(old, chain), Err(ReadError::Corrupt(_))));
    }
}
