//! The ranking table's order and wording, worked by hand.

use super::*;
use crate::domain::portfolio::{rank, Criterion, Project, Scores, CRITERIA};
use crate::domain::roi::KeyFigures;

/// Four projects: B (all 4s) first, A and C (all 3s) tied, D with a score
/// out of range, so unranked; C has no name.
fn four() -> Portfolio {
    let project = |id: &str, name: &str, s: u32| {
        let mut scores = Scores::uniform(1);
        for c in Criterion::ALL {
            scores.set(c, s);
        }
        Project {
            scores,
            ..Project::new(id, name)
        }
    };
    Portfolio {
        projects: vec![
            project("a", "alpha", 3),
            project("b", "Beta", 4),
            project("c", " ", 3),
            project("d", "Delta", 9),
        ],
        ..Portfolio::default()
    }
}

fn names(rows: &[Row]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

fn roi(npv: Option<f64>) -> Option<Result<AttachedRoi, String>> {
    Some(Ok(AttachedRoi {
        figures: KeyFigures {
            npv,
            roi_percent: Some(42.0),
            payback_months: Some(14.4),
        },
        currency: "USD".into(),
        name: "Routing model".into(),
    }))
}

#[test]
fn rows_follow_the_ranking_with_ties_and_the_unranked_last() {
    assert_eq!(CRITERIA, 6);
    let p = four();
    let rows = rows(&p, &rank(&p, p.method), &[], Sort::default());
    assert_eq!(names(&rows), ["Beta", "alpha", "(unnamed)", "Delta"]);
    let positions: Vec<_> = rows.iter().map(|r| r.position.as_str()).collect();
    assert_eq!(positions, ["1", "2 (tied)", "3 (tied)", "–"]);
    // Weighted is the method that ranks: all 4s score 4.00.
    assert_eq!(rows[0].scores[0], ("4.00".to_string(), true));
    assert!(rows[0].scores[1..].iter().all(|(_, current)| !current));
    assert!(rows[3].scores[0].0.starts_with("Not available: "));
    // Nothing attached: no cells to show.
    assert_eq!(rows[0].roi, Cell::None);
    assert_eq!(rows[0].readiness, Cell::None);
    // The unranked project is not on the map.
    assert_eq!(rows[3].quadrant, "–");
    // By rank, turned round: last place first.
    let back = super::rows(
        &p,
        &rank(&p, p.method),
        &[],
        Sort::default().select(SortKey::Rank),
    );
    assert_eq!(names(&back), ["Delta", "(unnamed)", "alpha", "Beta"]);
}

#[test]
fn sorting_by_name_ignores_case_and_by_score_puts_missing_last_both_ways() {
    let p = four();
    let ranked = rank(&p, p.method);
    let by = |sort| names(&rows(&p, &ranked, &[], sort)).join(", ");
    let name = Sort::default().select(SortKey::Name);
    assert_eq!(name.direction, SortDirection::Ascending);
    // " " sorts before letters; "alpha" before "Beta" although "B" < "a".
    assert_eq!(by(name), "(unnamed), alpha, Beta, Delta");
    assert_eq!(
        by(name.select(SortKey::Name)),
        "Delta, Beta, alpha, (unnamed)"
    );
    // A score column starts with the largest; equal scores keep the
    // ranking's order; Delta, with no score, is last either way.
    let weighted = Sort::default().select(SortKey::Method(Method::Weighted));
    assert_eq!(weighted.direction, SortDirection::Descending);
    assert_eq!(by(weighted), "Beta, alpha, (unnamed), Delta");
    assert_eq!(
        by(weighted.select(SortKey::Method(Method::Weighted))),
        "alpha, (unnamed), Beta, Delta"
    );
}

#[test]
fn attachments_give_the_npv_order_and_their_cells() {
    let p = four();
    let ranked = rank(&p, p.method);
    let attachments = vec![
        Attachments {
            roi: roi(Some(100_000.0)),
            readiness: Some(Ok(AttachedReadiness {
                label: "Ready for a pilot".into(),
                name: "Launch review".into(),
            })),
        },
        Attachments {
            roi: roi(Some(-5_000.0)),
            readiness: None,
        },
        Attachments {
            roi: Some(Err("the attached ROI model is not in this browser".into())),
            readiness: Some(Err("the attached assessment is not in this browser".into())),
        },
        Attachments::default(),
    ];
    let npv = Sort::default().select(SortKey::Npv);
    assert_eq!(npv.direction, SortDirection::Descending);
    let rows = rows(&p, &ranked, &attachments, npv);
    // 100,000 then -5,000; the unreadable model and the project with none
    // have no NPV and keep the ranking's order, last.
    assert_eq!(names(&rows), ["alpha", "Beta", "(unnamed)", "Delta"]);
    let up = super::rows(&p, &ranked, &attachments, npv.select(SortKey::Npv));
    assert_eq!(names(&up), ["Beta", "alpha", "(unnamed)", "Delta"]);

    assert_eq!(
        rows[0].roi,
        Cell::Shown(RoiCells {
            npv: "$100,000".into(),
            roi: "42.0%".into(),
            payback: "14.4 months".into(),
            title: "Routing model".into(),
        })
    );
    assert_eq!(
        rows[0].readiness,
        Cell::Shown(("Ready for a pilot".into(), "Launch review".into()))
    );
    assert_eq!(
        rows[2].roi,
        Cell::Unavailable("Not available: the attached ROI model is not in this browser".into())
    );
    assert_eq!(
        rows[2].readiness,
        Cell::Unavailable("Not available: the attached assessment is not in this browser".into())
    );
    assert_eq!(rows[1].readiness, Cell::None);
    // A model that has no NPV (its inputs are not valid) or never pays back.
    let unknown = vec![Attachments {
        roi: Some(Ok(AttachedRoi {
            figures: KeyFigures {
                npv: None,
                roi_percent: None,
                payback_months: None,
            },
            currency: "EUR".into(),
            name: "Draft".into(),
        })),
        readiness: None,
    }];
    let row = &super::rows(&p, &ranked, &unknown, Sort::default())
        .into_iter()
        .find(|r| r.index == 0)
        .unwrap();
    assert_eq!(
        row.roi,
        Cell::Shown(RoiCells {
            npv: "not available".into(),
            roi: "not available".into(),
            payback: "beyond the horizon".into(),
            title: "Draft".into(),
        })
    );
}

#[test]
fn every_project_of_the_example_is_in_its_quadrant() {
    // The quadrants worked by hand in the domain's
    // `example_covers_every_quadrant`, by position in the portfolio.
    let p = Portfolio::example();
    let rows = rows(&p, &rank(&p, p.method), &[], Sort::default());
    let expected = [
        "Quick wins",
        "Big bets",
        "Quick wins",
        "Fill-ins",
        "Time sinks",
    ];
    assert_eq!(rows.len(), expected.len());
    for row in &rows {
        assert_eq!(row.quadrant, expected[row.index], "{}", row.name);
    }
}

#[test]
fn a_heading_turns_its_order_round_and_says_so() {
    let sort = Sort::default();
    assert_eq!(sort.aria(SortKey::Rank), "ascending");
    assert_eq!(sort.aria(SortKey::Name), "none");
    let back = sort.select(SortKey::Rank);
    assert_eq!(back.aria(SortKey::Rank), "descending");
    // Another column starts afresh whatever the last direction was.
    assert_eq!(
        back.select(SortKey::Name).direction,
        SortDirection::Ascending
    );
    let npv = back.select(SortKey::Npv);
    assert_eq!(npv.aria(SortKey::Npv), "descending");
    assert_eq!(npv.aria(SortKey::Rank), "none");
}

#[test]
fn a_readiness_run_reads_in_progress_until_finished() {
    assert_eq!(readiness_label(false, Some("Ready".into())), "In progress");
    assert_eq!(readiness_label(true, Some("Ready".into())), "Ready");
    assert_eq!(readiness_label(true, None), "Not scored");
}
