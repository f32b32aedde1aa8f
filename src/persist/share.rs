//! Share links: a whole document in the URL fragment (`#/s/roi/v1.…`), which
//! browsers never send to a server.
//!
//! The address names the kind of document ([`link_kind`]) so that the page
//! fetches only that kind's view; links made before it did (`#/s/v1.…`)
//! still open. The payload alone decides what is shown.
//!
//! Format 1: `v1.` then base64url (no padding) of zlib-compressed JSON
//! `{"kind":…,"name":…,"data":…}`, where `data` is the document's own
//! versioned payload, exactly as stored. zlib's Adler-32 checksum catches
//! altered links; the decoded size is capped so that a crafted link cannot
//! exhaust memory. Every format that ever shipped stays readable: a new
//! format gets a new prefix and a branch in [`decode`].

use super::envelope::{Data, DocKind};
use crate::domain::kinds::SharedKind;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// Largest decoded payload accepted, in bytes.
pub const MAX_DECODED: usize = 256 * 1024;
/// Longest link text accepted before decoding, in characters.
pub const MAX_LINK: usize = 64 * 1024;
/// Longest document name kept from a link.
pub const MAX_NAME: usize = 200;
/// Links longer than this are mangled by many wikis and chat tools; the
/// interface offers a file instead.
pub const COMFORTABLE_LENGTH: usize = 2000;

/// What a share link carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    /// The kind of document.
    pub kind: DocKind,
    /// Its name.
    pub name: String,
    /// The document's payload, in its stored format.
    pub data: Data,
}

/// Why a link cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Empty, or not a Sextant share link at all.
    NotALink,
    /// Made by a newer Sextant.
    UnknownVersion(String),
    /// Characters that cannot appear in a link of ours: cut or altered.
    NotBase64,
    /// Decodes, but the content is damaged: truncated or altered.
    Damaged,
    /// Would decode to more than [`MAX_DECODED`] bytes.
    TooLarge,
    /// Decodes, but is not a document.
    NotADocument(String),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotALink => write!(f, "this is not a Sextant share link"),
            ShareError::UnknownVersion(v) => write!(
                f,
                "this link was made by a newer version of Sextant (format {v}); open it with the version that made it"
            ),
            ShareError::NotBase64 => write!(
                f,
                "the link contains characters a Sextant link never has, so it was probably cut short or changed when it was copied"
            ),
            ShareError::Damaged => write!(
                f,
                "the link is damaged: it was probably cut short or changed when it was copied, so its checksum does not match"
            ),
            ShareError::TooLarge => write!(f, "the link holds more data than Sextant accepts"),
            ShareError::NotADocument(why) => write!(f, "the link does not hold a document Sextant can read ({why})"),
        }
    }
}

/// The kind a link to `shared` names in its address: for an assessment, the
/// assessment its run answers. `None` for a run of a pack Sextant does not
/// ship (such a link gets no kind in its address, and its page says why it
/// cannot be opened).
pub fn link_kind(shared: &Shared) -> Option<SharedKind> {
    if let Some(calculator) = shared.kind.calculator() {
        return Some(SharedKind::Calculator(calculator));
    }
    match shared.kind {
        DocKind::Assessment => shared
            .data
            .value()
            .get("pack")
            .and_then(Value::as_str)
            .and_then(crate::domain::packs::kind_of)
            .map(SharedKind::Assessment),
        _ => None,
    }
}

/// Encodes a document into the part of a link after `#/s/<kind>/`.
pub fn encode(shared: &Shared) -> String {
    let json = serde_json::to_vec(shared).unwrap_or_default();
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&json, 10);
    format!("v1.{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Decodes a link payload; never panics, whatever the input.
pub fn decode(text: &str) -> Result<Shared, ShareError> {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_LINK {
        return Err(if text.is_empty() {
            ShareError::NotALink
        } else {
            ShareError::TooLarge
        });
    }
    let Some((version, body)) = text.split_once('.') else {
        return Err(ShareError::NotALink);
    };
    match version {
        "v1" => decode_v1(body),
        v if v.len() <= 8
            && v.starts_with('v')
            && v[1..].bytes().all(|b| b.is_ascii_digit())
            && v.len() > 1 =>
        {
            Err(ShareError::UnknownVersion(v[1..].to_string()))
        }
        _ => Err(ShareError::NotALink),
    }
}

fn decode_v1(body: &str) -> Result<Shared, ShareError> {
    let compressed = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|_| ShareError::NotBase64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&compressed, MAX_DECODED)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Damaged,
        })?;
    let mut shared: Shared =
        serde_json::from_slice(&json).map_err(|e| ShareError::NotADocument(e.to_string()))?;
    if shared.name.chars().count() > MAX_NAME {
        shared.name = shared.name.chars().take(MAX_NAME).collect();
    }
    Ok(shared)
}

/// Why a file cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON at all.
    NotJson,
    /// JSON, but not a file Sextant wrote.
    NotSextant,
    /// Written by a newer Sextant.
    TooNew,
    /// A Sextant file whose content is damaged or out of range.
    Invalid(String),
    /// Larger than Sextant accepts.
    TooLarge,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson => write!(f, "the file is not a Sextant export (it is not JSON)"),
            ImportError::NotSextant => write!(f, "the file is JSON but not a Sextant export"),
            ImportError::TooNew => write!(f, "the file was exported by a newer version of Sextant"),
            ImportError::Invalid(why) => {
                write!(f, "the file is a Sextant export but cannot be read: {why}")
            }
            ImportError::TooLarge => write!(f, "the file is larger than Sextant accepts"),
        }
    }
}

/// Whether `data` is a readable payload of a document of `kind`: the check
/// file import makes, and what a page opening a share link should make too.
pub fn check_data(kind: DocKind, data: &Data) -> Result<(), super::envelope::ReadError> {
    rewritten(kind, data).map(|_| ())
}

/// `data` read as a document of `kind` and written again by this build: what
/// "Save a copy" and import store, so that only what Sextant reads is kept
/// (fields it does not know, from a hand-made link or file, are dropped).
pub fn rewritten(kind: DocKind, data: &Data) -> Result<Data, super::envelope::ReadError> {
    match kind {
        DocKind::RoiModel => super::roi::rewritten(data),
        DocKind::Assessment => super::assessment::rewritten(data),
        DocKind::Portfolio => super::portfolio::rewritten(data),
        DocKind::AutomationRoi => super::automation::rewritten(data),
    }
}

/// The text of the file "Download as a file" writes: the document as a
/// share link carries it, as indented JSON. [`import_file`] reads it back.
pub fn file_text(shared: &Shared) -> String {
    serde_json::to_string_pretty(shared).unwrap_or_default()
}

/// Reads an exported file: what "Download as a file" writes ([`file_text`]),
/// or a stored document envelope. The payload is checked for its kind.
pub fn import_file(text: &str) -> Result<Shared, ImportError> {
    use super::envelope;
    if text.len() > MAX_DECODED {
        return Err(ImportError::TooLarge);
    }
    let value: Value = serde_json::from_str(text).map_err(|_| ImportError::NotJson)?;
    let shared = if value.get("schema").is_some() {
        match envelope::read(text) {
            Ok(doc) => Shared {
                kind: doc.kind,
                name: doc.name,
                data: doc.data,
            },
            Err(e) => return Err(refused(e)),
        }
    } else {
        serde_json::from_value::<Shared>(value).map_err(|_| ImportError::NotSextant)?
    };
    let data = rewritten(shared.kind, &shared.data).map_err(refused)?;
    Ok(Shared {
        name: shared.name.chars().take(MAX_NAME).collect(),
        kind: shared.kind,
        data,
    })
}

/// Why a file whose envelope or payload could not be read is refused.
fn refused(e: super::envelope::ReadError) -> ImportError {
    use super::envelope::ReadError;
    match e {
        ReadError::TooNew(_) => ImportError::TooNew,
        ReadError::Corrupt(why) => ImportError::Invalid(why),
        e @ ReadError::Refused(_) => ImportError::Invalid(e.to_string()),
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::kinds::Calculator;
    use crate::domain::roi::examples;
    use crate::persist::roi;
    use proptest::prelude::*;

    fn sample() -> Shared {
        Shared {
            kind: DocKind::RoiModel,
            name: "Churn <b>model</b>".into(),
            data: roi::to_data(&examples()[0].model),
        }
    }

    #[test]
    fn round_trips_and_is_short() {
        let s = sample();
        let link = encode(&s);
        assert!(link.starts_with("v1."));
        assert!(link
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        assert_eq!(decode(&link), Ok(s));
        for ex in examples() {
            let link = encode(&Shared {
                kind: DocKind::RoiModel,
                name: ex.name.into(),
                data: roi::to_data(&ex.model),
            });
            println!("{}: {} characters", ex.id, link.len());
            // Notes and sources included, an example's link stays well
            // within what chat tools and wikis keep of an address.
            assert!(link.len() < 2000, "{}: {} characters", ex.id, link.len());
        }
    }

    #[test]
    fn a_link_names_the_kind_it_holds() {
        use crate::domain::kinds::AssessmentKind;
        use crate::domain::packs;
        assert_eq!(
            link_kind(&sample()),
            Some(SharedKind::Calculator(Calculator::Roi))
        );
        for kind in AssessmentKind::ALL {
            let run = crate::domain::run::Run::new(packs::pack_id(kind), 1);
            let shared = Shared {
                kind: DocKind::Assessment,
                name: "Run".into(),
                data: crate::persist::assessment::to_data(&run),
            };
            assert_eq!(link_kind(&shared), Some(SharedKind::Assessment(kind)));
        }
        let portfolio = Shared {
            kind: DocKind::Portfolio,
            name: "P".into(),
            data: Data::default(),
        };
        assert_eq!(
            link_kind(&portfolio),
            Some(SharedKind::Calculator(Calculator::Portfolio))
        );
        let automation = Shared {
            kind: DocKind::AutomationRoi,
            ..portfolio.clone()
        };
        assert_eq!(
            link_kind(&automation),
            Some(SharedKind::Calculator(Calculator::AutomationRoi))
        );
        // A run of a pack this version does not ship, or not a run at all:
        // no kind, so the link opens the page that says why it cannot be read.
        let unknown = Shared {
            kind: DocKind::Assessment,
            name: "Run".into(),
            data: crate::persist::assessment::to_data(&crate::domain::run::Run::new(
                "astrology",
                1,
            )),
        };
        assert_eq!(link_kind(&unknown), None);
        assert_eq!(
            link_kind(&Shared {
                kind: DocKind::Assessment,
                ..portfolio
            }),
            None
        );
    }

    #[test]
    fn bad_links_get_a_reason() {
        let link = encode(&sample());
        assert_eq!(decode(""), Err(ShareError::NotALink));
        assert_eq!(decode("hello"), Err(ShareError::NotALink));
        assert_eq!(
            decode("v9.abc"),
            Err(ShareError::UnknownVersion("9".into()))
        );
        assert_eq!(decode("v1.ab$cd"), Err(ShareError::NotBase64));
        // Truncated.
        let cut = &link[..link.len() - 10];
        assert!(
            matches!(
                decode(cut),
                Err(ShareError::Damaged | ShareError::NotBase64)
            ),
            "{:?}",
            decode(cut)
        );
        // One character changed in the middle: the checksum or inflate catches it.
        let mut bytes = link.clone().into_bytes();
        let i = bytes.len() / 2;
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        let altered = String::from_utf8(bytes).unwrap();
        assert!(decode(&altered).is_err());
        // Valid compression of something that is not a document.
        let junk = format!(
            "v1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(b"[1,2]", 6))
        );
        assert!(matches!(decode(&junk), Err(ShareError::NotADocument(_))));
    }

    #[test]
    fn refuses_a_decompression_bomb() {
        let bomb = vec![b' '; MAX_DECODED * 8];
        let link = format!(
            "v1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(&bomb, 10))
        );
        assert!(link.len() < 4000, "the bomb is small: {}", link.len());
        assert_eq!(decode(&link), Err(ShareError::TooLarge));
    }

    #[test]
    fn long_names_are_cut() {
        let mut s = sample();
        s.name = "x".repeat(5000);
        assert_eq!(decode(&encode(&s)).unwrap().name.len(), MAX_NAME);
    }

    #[test]
    fn imports_exports_and_envelopes_and_refuses_the_rest() {
        let s = sample();
        assert_eq!(
            import_file(&serde_json::to_string(&s).unwrap()),
            Ok(s.clone())
        );
        let doc = crate::persist::envelope::Document::new(
            "a",
            DocKind::RoiModel,
            "Stored",
            1.0,
            s.data.clone(),
        );
        assert_eq!(
            import_file(&crate::persist::envelope::write(&doc))
                .unwrap()
                .name,
            "Stored"
        );
        assert_eq!(import_file("not json"), Err(ImportError::NotJson));
        assert_eq!(import_file("[1]"), Err(ImportError::NotSextant));
        let mut newer = serde_json::to_value(&s).unwrap();
        newer["data"]["v"] = 5.into();
        assert_eq!(import_file(&newer.to_string()), Err(ImportError::TooNew));
        let mut broken = serde_json::to_value(&s).unwrap();
        broken["data"]["model"]["horizon_years"] = "ten".into();
        assert!(matches!(
            import_file(&broken.to_string()),
            Err(ImportError::Invalid(_))
        ));
    }

    #[test]
    fn portfolios_and_automation_estimates_travel_by_link_and_file() {
        use crate::domain::automation::AutomationModel;
        use crate::domain::portfolio::Portfolio;
        use crate::persist::{automation, portfolio};
        let docs = [
            Shared {
                kind: DocKind::Portfolio,
                name: "Q3 candidates".into(),
                data: portfolio::to_data(&Portfolio::example()),
            },
            Shared {
                kind: DocKind::AutomationRoi,
                name: "AutoML platform".into(),
                data: automation::to_data(&AutomationModel::example()),
            },
        ];
        for s in docs {
            let link = encode(&s);
            println!("{:?}: {} characters", s.kind, link.len());
            assert!(
                link.len() < COMFORTABLE_LENGTH,
                "{:?}: {}",
                s.kind,
                link.len()
            );
            let back = decode(&link).unwrap();
            assert_eq!(back, s);
            assert_eq!(check_data(back.kind, &back.data), Ok(()));
            assert_eq!(
                import_file(&serde_json::to_string(&s).unwrap()),
                Ok(s.clone())
            );
        }
        assert_eq!(
            portfolio::from_data(
                &decode(&encode(&Shared {
                    kind: DocKind::Portfolio,
                    name: "p".into(),
                    data: portfolio::to_data(&Portfolio::example()),
                }))
                .unwrap()
                .data
            ),
            Ok(Portfolio::example())
        );
    }

    #[test]
    fn damaged_portfolio_and_automation_files_are_refused() {
        use crate::domain::automation::AutomationModel;
        use crate::domain::portfolio::Portfolio;
        use crate::persist::{automation, portfolio};
        let mut p = serde_json::to_value(Shared {
            kind: DocKind::Portfolio,
            name: "p".into(),
            data: portfolio::to_data(&Portfolio::example()),
        })
        .unwrap();
        p["data"]["portfolio"]["weights"]["business-impact"] = 99.into();
        assert!(matches!(
            import_file(&p.to_string()),
            Err(ImportError::Invalid(_))
        ));
        let mut a = serde_json::to_value(Shared {
            kind: DocKind::AutomationRoi,
            name: "a".into(),
            data: automation::to_data(&AutomationModel::example()),
        })
        .unwrap();
        a["data"]["v"] = 3.into();
        assert_eq!(import_file(&a.to_string()), Err(ImportError::TooNew));
        // A portfolio payload labelled as an automation estimate is refused.
        p["kind"] = "automation-roi".into();
        assert!(matches!(
            import_file(&p.to_string()),
            Err(ImportError::Invalid(_))
        ));
    }

    #[test]
    fn import_and_save_a_copy_keep_only_what_sextant_reads() {
        let mut data = roi::to_data(&examples()[0].model);
        data["planted"] = serde_json::json!({"formula": "=1+1"});
        data["model"]["planted"] = serde_json::json!("x".repeat(1000));
        let file = serde_json::to_string(&Shared {
            kind: DocKind::RoiModel,
            name: "m".into(),
            data: data.clone(),
        })
        .unwrap();
        let imported = import_file(&file).unwrap();
        assert_eq!(imported.data, roi::to_data(&examples()[0].model));
        assert_eq!(
            rewritten(DocKind::RoiModel, &data),
            Ok(roi::to_data(&examples()[0].model))
        );
    }

    #[test]
    fn an_import_past_the_limits_says_what_it_holds() {
        let mut model = examples()[0].model.clone();
        model.team = vec![model.team[0].clone(); 150];
        let file = serde_json::to_string(&Shared {
            kind: DocKind::RoiModel,
            name: "m".into(),
            data: roi::to_data(&model),
        })
        .unwrap();
        assert_eq!(
            import_file(&file).unwrap_err().to_string(),
            "the file is a Sextant export but cannot be read: it holds 150 team members; Sextant accepts up to 100"
        );
    }

    /// One example document of each kind, as this build writes it.
    fn documents() -> Vec<(DocKind, Data)> {
        let model = examples()[0].model.clone();
        let analysis = crate::domain::uncertainty::Analysis::suggested(&model);
        let mut run = crate::domain::run::Run::new("ml-engineer-skills", 1);
        run.answers
            .insert("tech-1".into(), crate::domain::assess::Answer::Level(2.0));
        run.targets.insert("technical".into(), 60.0);
        vec![
            (DocKind::RoiModel, roi::to_data_with(&model, &analysis)),
            (
                DocKind::Portfolio,
                crate::persist::portfolio::to_data(&crate::domain::portfolio::Portfolio::example()),
            ),
            (
                DocKind::AutomationRoi,
                crate::persist::automation::to_data(
                    &crate::domain::automation::AutomationModel::default(),
                ),
            ),
            (
                DocKind::Assessment,
                crate::persist::assessment::to_data(&run),
            ),
        ]
    }

    /// Every place in `v`, as JSON pointers.
    fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
        out.push(at.clone());
        match v {
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
            Value::Object(o) => o
                .iter()
                .for_each(|(k, x)| pointers(x, format!("{at}/{k}"), out)),
            _ => {}
        }
    }

    /// Applies one mutation (`op`, at the `place`-th pointer, sized by `n`).
    fn mutate(v: &mut Value, place: usize, op: u8, n: u32) {
        let mut all = Vec::new();
        pointers(v, String::new(), &mut all);
        let at = &all[place % all.len()];
        let Some(target) = v.pointer_mut(at) else {
            return;
        };
        let n = n as usize;
        match op % 9 {
            0 => *target = Value::from(n as f64 - 1000.5),
            1 => *target = Value::from("=A".repeat(1 + n % 5000)),
            2 => *target = Value::Null,
            3 => {
                if let Value::Array(a) = target {
                    if let Some(first) = a.first().cloned() {
                        a.extend(std::iter::repeat_n(first, 1 + n % 5000));
                    }
                }
            }
            4 => {
                if let Value::Object(o) = target {
                    o.insert(format!("unknown-{n}"), Value::from(n));
                }
            }
            5 => {
                if let Value::Object(o) = target {
                    let key = o.keys().nth(n % o.len().max(1)).cloned();
                    if let Some(k) = key {
                        o.remove(&k);
                    }
                }
            }
            6 => *target = Value::from(1e308 * if n % 2 == 0 { 1.0 } else { -1.0 }),
            7 => *target = Value::from(n % 2 == 0),
            _ => *target = serde_json::json!([n, {"k": n}]),
        }
    }

    /// What a document read by this build holds stays within the limits.
    fn assert_within_limits(kind: DocKind, data: &Data) {
        use crate::persist::limits::*;
        match kind {
            DocKind::RoiModel => {
                let m = roi::from_data(data).unwrap();
                assert!(m.team.len() <= MAX_TEAM);
                assert!(crate::domain::format::CURRENCIES
                    .iter()
                    .any(|(c, _)| *c == m.money.currency));
                if let Some(a) = roi::analysis_from_data(data).unwrap() {
                    assert!(a.scenarios.len() <= MAX_SCENARIOS);
                    assert!(a.inputs.len() <= crate::domain::uncertainty::Driver::all().len());
                    assert!(a.trials <= crate::domain::uncertainty::MAX_TRIALS);
                }
            }
            DocKind::Portfolio => {
                let p = crate::persist::portfolio::from_data(data).unwrap();
                assert!(p.projects.len() <= MAX_PROJECTS);
                assert!(p
                    .projects
                    .iter()
                    .all(|q| q.name.chars().count() <= MAX_LABEL
                        && q.notes.chars().count() <= MAX_NOTE));
            }
            DocKind::AutomationRoi => {
                let m = crate::persist::automation::from_data(data).unwrap();
                assert!(m.validate().is_empty());
            }
            DocKind::Assessment => {
                let r = crate::persist::assessment::from_data(data).unwrap();
                assert!(r.answers.len() <= MAX_ANSWERS && r.targets.len() <= MAX_TARGETS);
                assert!(
                    r.notes.len() <= MAX_ANSWERS
                        && r.notes.values().all(|n| n.text.chars().count() <= MAX_NOTE)
                );
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_random_text(text in ".{0,300}") {
            let _ = decode(&text);
        }

        #[test]
        fn never_panics_on_random_base64(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let _ = decode(&format!("v1.{}", URL_SAFE_NO_PAD.encode(bytes)));
        }

        #[test]
        fn never_panics_on_mutated_links(pos in 0usize..2000, byte in any::<u8>(), cut in 0usize..2000) {
            let link = encode(&sample());
            let mut bytes = link.into_bytes();
            let p = pos % bytes.len();
            bytes[p] = byte;
            bytes.truncate(3 + cut % bytes.len());
            let text = String::from_utf8_lossy(&bytes).to_string();
            let _ = decode(&text);
        }

        #[test]
        fn mutated_documents_are_read_within_the_limits_or_refused(
            which in 0usize..4,
            edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u32>()), 1..6),
        ) {
            let (kind, mut data) = documents().swap_remove(which);
            for (place, op, n) in edits {
                mutate(data.value_mut(), place, op, n);
            }
            // As an imported file, and as a link, whatever the content.
            let file = serde_json::to_string(&Shared { kind, name: "x".into(), data: data.clone() }).unwrap();
            match import_file(&file) {
                Ok(shared) => {
                    assert_within_limits(kind, &shared.data);
                    // What is stored reads back as it is.
                    prop_assert_eq!(rewritten(kind, &shared.data), Ok(shared.data.clone()));
                }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
            if let Ok(shared) = decode(&encode(&Shared { kind, name: "x".into(), data })) {
                if let Ok(data) = rewritten(shared.kind, &shared.data) {
                    assert_within_limits(shared.kind, &data);
                }
            }
        }
    }
}
