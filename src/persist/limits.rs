//! What a document may hold: the limits every format reader applies, to
//! share links, imported files and stored documents alike.
//!
//! A document within these limits opens in a fraction of a second and keeps
//! the page responsive; the editors never let a document grow past them (an
//! "Add" button stops at the limit, text fields take no more characters), so
//! only a hand-made link, file or stored entry can hold more. Such a document
//! is refused with what it holds and what Sextant accepts, as in "it holds
//! 4,000 team members; Sextant accepts up to 100". The README lists the
//! limits beside the link format.

use super::envelope::ReadError;
use crate::domain::input::group_thousands;

/// Roles in an ROI model's build team.
pub const MAX_TEAM: usize = 100;
/// Scenarios of an ROI model's uncertainty analysis.
pub const MAX_SCENARIOS: usize = 20;
/// Projects in a portfolio.
pub const MAX_PROJECTS: usize = 500;
/// Answers in an assessment run (the largest pack has under 100 items).
pub const MAX_ANSWERS: usize = 500;
/// Targets of an assessment run, one a section.
pub const MAX_TARGETS: usize = 100;
/// Characters of a name or label: a role, a scenario, a project, a portfolio.
pub const MAX_LABEL: usize = 200;
/// Characters of a free-text note (a project's notes).
pub const MAX_NOTE: usize = 2_000;
/// Characters of an identifier: a project's id, an attached document's id, a
/// pack, an item, a section, a profile.
pub const MAX_ID: usize = 64;

/// Refuses more than `max` of `what` (a plural noun: "team members").
pub fn count(what: &str, n: usize, max: usize) -> Result<(), ReadError> {
    if n > max {
        return Err(ReadError::Refused(format!(
            "it holds {} {what}; Sextant accepts up to {}",
            group_thousands(&n.to_string()),
            group_thousands(&max.to_string())
        )));
    }
    Ok(())
}

/// Refuses a text of more than `max` characters (`what` names it: "a
/// project's name").
pub fn text(what: &str, s: &str, max: usize) -> Result<(), ReadError> {
    // Bytes bound characters from above: most texts are decided without a count.
    if s.len() > max {
        let n = s.chars().count();
        if n > max {
            return Err(ReadError::Refused(format!(
                "{what} is {} characters long; Sextant accepts up to {}",
                group_thousands(&n.to_string()),
                group_thousands(&max.to_string())
            )));
        }
    }
    Ok(())
}

/// Refuses a currency the calculators do not offer. Every figure, unit and
/// axis label repeats the code, so an unknown one is never shown.
pub fn currency(code: &str) -> Result<(), ReadError> {
    if crate::domain::format::CURRENCIES
        .iter()
        .any(|(c, _)| *c == code)
    {
        return Ok(());
    }
    let shown: String = code.chars().take(12).collect();
    let more = if code.chars().count() > 12 { "…" } else { "" };
    Err(ReadError::Refused(format!(
        "its currency “{shown}{more}” is not one Sextant offers ({})",
        crate::domain::format::CURRENCIES
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>()
            .join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_over_its_limit_says_how_many_and_the_limit() {
        assert_eq!(count("team members", 100, MAX_TEAM), Ok(()));
        assert_eq!(
            count("team members", 4000, MAX_TEAM)
                .unwrap_err()
                .to_string(),
            "it holds 4,000 team members; Sextant accepts up to 100"
        );
    }

    #[test]
    fn texts_are_counted_in_characters_not_bytes() {
        // 200 characters of 3 bytes each: 600 bytes, within the limit.
        assert_eq!(text("a name", &"€".repeat(200), MAX_LABEL), Ok(()));
        assert_eq!(
            text("a project's name", &"€".repeat(201), MAX_LABEL)
                .unwrap_err()
                .to_string(),
            "a project's name is 201 characters long; Sextant accepts up to 200"
        );
    }

    #[test]
    fn only_offered_currencies_are_accepted_and_a_long_one_is_shown_cut() {
        assert_eq!(currency("EUR"), Ok(()));
        let e = currency(&"X".repeat(200_000)).unwrap_err().to_string();
        assert!(
            e.starts_with("its currency “XXXXXXXXXXXX…” is not one"),
            "{e}"
        );
        assert!(e.len() < 200, "{e}");
        assert!(currency("eur").is_err());
    }
}
