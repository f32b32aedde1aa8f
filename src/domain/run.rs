//! One person's run through an assessment pack: their answers, the
//! evidence they noted, where they are, and the targets they chose. Its
//! stored form is `persist::assessment`.

use super::assess::Answers;
use std::collections::BTreeMap;

/// What a person noted for one answer as its evidence: what they did, or a
/// link to it. Optional on every question; never scored.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// The note, trimmed, never empty.
    pub text: String,
    /// When its text last changed (ms since the epoch), so that old
    /// evidence can be told from new; unknown for a note written by hand in
    /// a file.
    pub at: Option<f64>,
}

/// Whose view a rating gives of the person or project rated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// The person rating themselves, or the project's own team.
    #[default]
    Subject,
    /// Their manager or lead.
    Manager,
    /// A peer.
    Peer,
}

impl Role {
    /// Every role, in the order a choice lists them.
    pub const ALL: [Role; 3] = [Role::Subject, Role::Manager, Role::Peer];

    /// Its stored name.
    pub fn key(self) -> &'static str {
        match self {
            Role::Subject => "self",
            Role::Manager => "manager",
            Role::Peer => "peer",
        }
    }

    /// The role of a stored name.
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Its name as shown: "Self", "Manager", "Peer".
    pub fn label(self) -> &'static str {
        match self {
            Role::Subject => "Self",
            Role::Manager => "Manager",
            Role::Peer => "Peer",
        }
    }
}

/// Who gave a rating: a role, and a name if they gave one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rater {
    pub role: Role,
    /// Empty when none was given.
    pub name: String,
}

impl Rater {
    /// "Manager (Bo)", or "Self" without a name.
    pub fn label(&self) -> String {
        let name = self.name.trim();
        if name.is_empty() {
            self.role.label().to_string()
        } else {
            format!("{} ({name})", self.role.label())
        }
    }
}

/// One person's run through a pack.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The pack's id.
    pub pack: String,
    /// The pack version the answers were given to.
    pub pack_version: u32,
    /// Answers by item id.
    pub answers: Answers,
    /// Answers to an earlier version of the pack that this version does
    /// not offer, by item id: kept, shown, never scored.
    pub earlier: Answers,
    /// The step the person was on (section index, or past the end for review).
    pub step: usize,
    /// When it was finished (ms since the epoch), if it was.
    pub completed: Option<f64>,
    /// The chosen target profile, if any ("custom" for the person's own).
    pub profile: Option<String>,
    /// The person's own targets, 0-100 by section id.
    pub targets: BTreeMap<String, f64>,
    /// Evidence noted, by item id. A note on an item the pack no longer has
    /// is kept, not shown.
    pub notes: BTreeMap<String, Note>,
    /// Who gave these answers.
    pub rater: Rater,
    /// The rating these answers are added to: another rater's finished run
    /// of the same pack on the same person or project (a manager rating an
    /// engineer who rated themselves), carried whole so that the results
    /// show both side by side. Its own `other` is always empty.
    pub other: Option<Box<Run>>,
}

impl Run {
    /// A fresh run of a pack.
    pub fn new(pack: &str, pack_version: u32) -> Run {
        Run {
            pack: pack.into(),
            pack_version,
            answers: Answers::new(),
            earlier: Answers::new(),
            step: 0,
            completed: None,
            profile: None,
            targets: Default::default(),
            notes: BTreeMap::new(),
            rater: Rater::default(),
            other: None,
        }
    }

    /// Sets the note of item `id` to `text`, trimmed, as changed at `at`.
    /// A note of only spaces removes it; the same text again keeps the note
    /// and its date.
    pub fn set_note(&mut self, id: &str, text: &str, at: f64) {
        let text = text.trim();
        if text.is_empty() {
            self.notes.remove(id);
        } else if self.notes.get(id).is_none_or(|n| n.text != text) {
            let note = Note {
                text: text.to_string(),
                at: Some(at),
            };
            self.notes.insert(id.to_string(), note);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rater_is_named_by_role_then_name() {
        let mut r = Rater::default();
        assert_eq!(r.label(), "Self");
        r.role = Role::Manager;
        r.name = "  Bo ".into();
        assert_eq!(r.label(), "Manager (Bo)");
        for role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Some(role));
        }
        assert_eq!(Role::from_key("Self"), None);
    }

    #[test]
    fn a_note_is_trimmed_dated_when_it_changes_and_removed_when_blank() {
        let mut run = Run::new("p", 1);
        run.set_note("q", "  merged the feature store client \n", 10.0);
        let note = |r: &Run| r.notes.get("q").cloned();
        assert_eq!(
            note(&run),
            Some(Note {
                text: "merged the feature store client".into(),
                at: Some(10.0)
            })
        );
        // The same text again: the date it was written stays.
        run.set_note("q", "merged the feature store client", 20.0);
        assert_eq!(note(&run).unwrap().at, Some(10.0));
        run.set_note("q", "reviewed it too", 30.0);
        assert_eq!(note(&run).unwrap().at, Some(30.0));
        run.set_note("q", " \t ", 40.0);
        assert_eq!(note(&run), None);
    }
}
