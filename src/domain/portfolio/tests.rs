//! The portfolio's rules, with numbers worked by hand.

use super::*;

fn scores(s: [u32; CRITERIA]) -> Scores {
    let mut out = Scores::uniform(1);
    for (c, v) in Criterion::ALL.into_iter().zip(s) {
        out.set(c, v);
    }
    out
}

fn with_projects(projects: Vec<Project>) -> Portfolio {
    Portfolio {
        projects,
        ..Portfolio::default()
    }
}

fn named(id: &str, name: &str, s: [u32; CRITERIA]) -> Project {
    Project {
        scores: scores(s),
        ..Project::new(id, name)
    }
}

#[test]
fn what_fits_is_taken_in_ranking_order_with_what_it_needs() {
    // Weighted scores rank A (all 5s), B (4s), C (3s).
    let project = |id: &str, s: u32, cost: f64, effort: f64| Project {
        estimated_cost: Some(cost),
        rice: Rice {
            effort,
            ..Project::new(id, id).rice
        },
        ..named(id, id, [s; CRITERIA])
    };
    let mut p = with_projects(vec![
        project("A", 5, 50_000.0, 4.0),
        project("B", 4, 40_000.0, 2.0),
        project("C", 3, 20_000.0, 1.0),
    ]);
    // No limit: everything, in ranking order.
    let all = select(&p, Method::Weighted).unwrap();
    assert_eq!(all.chosen, [0, 1, 2]);
    assert_eq!((all.cost, all.person_months), (110_000.0, 7.0));
    // A budget of 70,000: A (50,000), then B does not fit in the 20,000
    // left, and C (20,000) does.
    p.capacity.budget = Some(70_000.0);
    let s = select(&p, Method::Weighted).unwrap();
    assert_eq!(s.chosen, [0, 2]);
    assert_eq!(s.cost, 70_000.0);
    assert_eq!(
        s.left_out,
        [(
            1,
            "costs 40,000, and 20,000 of the budget is left".to_string()
        )]
    );
    // C needs B: together 60,000, which no longer fits either.
    p.projects[2].depends_on = vec!["B".into()];
    let s = select(&p, Method::Weighted).unwrap();
    assert_eq!(s.chosen, [0]);
    assert_eq!(
        s.left_out[1],
        (
            2,
            "costs 60,000 with the projects it needs, and 20,000 of the budget is left".to_string()
        )
    );
    // With 100,000, B comes in at its own rank and C after it.
    p.capacity.budget = Some(100_000.0);
    assert_eq!(select(&p, Method::Weighted).unwrap().chosen, [0, 1]);
    p.capacity.budget = Some(110_000.0);
    assert_eq!(select(&p, Method::Weighted).unwrap().chosen, [0, 1, 2]);
    // A dependency ranked lower comes in with the project that needs it.
    p.projects[0].depends_on = vec!["C".into()];
    p.projects[2].depends_on.clear();
    assert_eq!(select(&p, Method::Weighted).unwrap().chosen, [2, 0, 1]);
    // Person-months: 5 available; A (4) and C (1) together, then B (2)
    // does not fit.
    p.capacity = Capacity {
        budget: None,
        person_months: Some(5.0),
    };
    let s = select(&p, Method::Weighted).unwrap();
    assert_eq!(s.chosen, [2, 0]);
    assert_eq!(
        s.left_out,
        [(1, "needs 2 person-months, and 0 are left".to_string())]
    );
    // A project without a cost cannot be weighed against a budget.
    p.capacity = Capacity {
        budget: Some(1e9),
        person_months: None,
    };
    p.projects[1].estimated_cost = None;
    let s = select(&p, Method::Weighted).unwrap();
    assert!(
        s.left_out[0].1.starts_with("no estimated cost for B"),
        "{:?}",
        s.left_out
    );
    // A chain is taken in the order of its needs: A needs B, B needs C,
    // so C, then B, then A.
    let mut chain = p.clone();
    chain.capacity = Capacity::default();
    chain.projects[1].estimated_cost = Some(40_000.0);
    chain.projects[0].depends_on = vec!["B".into()];
    chain.projects[1].depends_on = vec!["C".into()];
    assert_eq!(select(&chain, Method::Weighted).unwrap().chosen, [2, 1, 0]);
    // Projects that need each other are an error.
    p.projects[2].depends_on = vec!["A".into()];
    assert!(select(&p, Method::Weighted)
        .unwrap_err()
        .contains("depends on itself"));
    // Removing a project removes every need of it.
    p.remove_project(2);
    assert!(p.projects.iter().all(|x| x.depends_on.is_empty()));
}

#[test]
fn rubric_has_a_sentence_for_every_score() {
    for c in Criterion::ALL {
        for s in 1..=5 {
            let text = c.describe(s).unwrap();
            assert!(text.len() > 40 && text.ends_with('.'), "{c:?} {s}: {text}");
        }
        assert_eq!(c.describe(0), None);
        assert_eq!(c.describe(6), None);
        assert_eq!(Criterion::from_id(c.id()), Some(c));
    }
    assert!(Criterion::ResourceRequirements
        .describe(5)
        .unwrap()
        .starts_with("Small: one or two people"));
}

#[test]
fn weighted_score_by_hand() {
    // Weights 25/20/20/10/10/15, scores 4/2/5/3/4/1:
    // (25·4 + 20·2 + 20·5 + 10·3 + 10·4 + 15·1) / 100
    //   = (100+40+100+30+40+15)/100 = 3.25.
    let p = named("a", "A", [4, 2, 5, 3, 4, 1]);
    assert_eq!(score(&p, Method::Weighted, &Weights::default()), Ok(3.25));
    // Near-equal weights 17/17/17/17/16/16:
    // (68+34+85+51+64+16)/100 = 3.18.
    assert_eq!(score(&p, Method::Weighted, &Weights::equal()), Ok(3.18));
    assert_eq!(Weights::equal().values().iter().sum::<u32>(), 100);
}

#[test]
fn a_fixed_date_raises_priority_and_a_long_wait_lowers_it() {
    // Three projects alike but for time. "Dated" must meet a regulation
    // (urgency 5; WSJF time criticality 20), "Slow" gives its first value
    // after a year (time to value 1), "Open" has neither.
    let wsjf = |time_criticality| Wsjf {
        business_value: 5,
        time_criticality,
        risk_reduction: 3,
        job_size: 5,
    };
    let open = Project {
        wsjf: wsjf(1),
        ..named("o", "Open", [3; CRITERIA])
    };
    let mut dated = Project {
        wsjf: wsjf(20),
        ..named("d", "Dated", [3; CRITERIA])
    };
    dated.scores.urgency = 5;
    let mut slow = Project {
        wsjf: wsjf(1),
        ..named("s", "Slow", [3; CRITERIA])
    };
    slow.scores.time_to_value = 1;
    let p = with_projects(vec![slow, open, dated]);
    // Weighted, default weights: Open 3.00; Dated 3 + 10·(5 − 3)/100 =
    // 3.20; Slow 3 − 10·(3 − 1)/100 = 2.80.
    let weighted: Vec<_> = rank(&p, Method::Weighted)
        .into_iter()
        .map(|r| (r.name, r.score.unwrap()))
        .collect();
    assert_eq!(
        weighted,
        [
            ("Dated".to_string(), 3.2),
            ("Open".to_string(), 3.0),
            ("Slow".to_string(), 2.8)
        ]
    );
    // WSJF agrees that the date comes first: (5 + 20 + 3)/5 = 5.6 against
    // (5 + 1 + 3)/5 = 1.8.
    assert_eq!(rank(&p, Method::Wsjf)[0].name, "Dated");
    // On the map, urgency is value and time to value is effort:
    // Dated's value (25·3 + 20·3 + 10·5 + 15·3)/70 = 230/70; Slow's effort
    // 6 − (20·3 + 10·1)/30 = 6 − 70/30.
    let w = Weights::default();
    let (slow, open, dated) = (&p.projects[0], &p.projects[1], &p.projects[2]);
    assert!((criteria_value(&dated.scores, &w) - 230.0 / 70.0).abs() < 1e-12);
    assert_eq!(criteria_effort(&dated.scores, &w), 3.0);
    assert!((criteria_effort(&slow.scores, &w) - (6.0 - 70.0 / 30.0)).abs() < 1e-12);
    assert_eq!(criteria_value(&slow.scores, &w), 3.0);
    assert_eq!(criteria_value(&open.scores, &w), 3.0);
    // The rubrics say which way each points.
    assert!(Criterion::Urgency
        .describe(5)
        .unwrap()
        .contains("fixed date"));
    assert!(Criterion::TimeToValue
        .describe(5)
        .unwrap()
        .contains("within a month"));
    assert_eq!(Criterion::Urgency.role(), Role::Value);
    assert_eq!(Criterion::TimeToValue.role(), Role::Effort);
}

#[test]
fn rice_by_hand() {
    // 2,000 reached × impact 2 × 80% / 4 person-months = 3,200 / 4 = 800.
    let mut p = Project::new("a", "A");
    p.rice = Rice {
        reach: 2_000.0,
        impact: 2.0,
        confidence: 0.8,
        effort: 4.0,
    };
    assert_eq!(score(&p, Method::Rice, &Weights::default()), Ok(800.0));
    // 500 × 0.25 × 50% / 0.5 = 62.5 / 0.5 = 125.
    p.rice = Rice {
        reach: 500.0,
        impact: 0.25,
        confidence: 0.5,
        effort: 0.5,
    };
    assert_eq!(score(&p, Method::Rice, &Weights::default()), Ok(125.0));
    assert_eq!(Method::Rice.format_score(12_345.67), "12,345.7");
}

#[test]
fn wsjf_by_hand() {
    // Cost of delay 8 + 13 + 3 = 24, job size 5: 24 / 5 = 4.8.
    let mut p = Project::new("a", "A");
    p.wsjf = Wsjf {
        business_value: 8,
        time_criticality: 13,
        risk_reduction: 3,
        job_size: 5,
    };
    assert_eq!(score(&p, Method::Wsjf, &Weights::default()), Ok(4.8));
}

#[test]
fn ice_by_hand() {
    // 7 × 6 × 9 = 378.
    let mut p = Project::new("a", "A");
    p.ice = Ice {
        impact: 7,
        confidence: 6,
        ease: 9,
    };
    assert_eq!(score(&p, Method::Ice, &Weights::default()), Ok(378.0));
    assert_eq!(Method::Ice.format_score(378.0), "378");
}

#[test]
fn setting_a_weight_rescales_the_others_to_100() {
    // 25/20/20/10/10/15, impact to 50: the other 75 become 50, each
    // × 2/3: 13.33, 13.33, 6.67, 6.67, 10 → floors 13, 13, 6, 6, 10 (48);
    // the two points left go to the largest remainders, .67 and .67
    // (the 10s).
    let w = Weights::default().with(Criterion::BusinessImpact, 50);
    assert_eq!(w.values(), [50, 13, 13, 7, 7, 10]);
    // Others all 0: 99 spread evenly (19.8 each), the 4 points left to
    // the earlier criteria.
    let all_in = Weights::new([100, 0, 0, 0, 0, 0]).unwrap();
    assert_eq!(
        all_in.with(Criterion::BusinessImpact, 1).values(),
        [1, 20, 20, 20, 20, 19]
    );
    assert_eq!(
        Weights::default()
            .with(Criterion::RiskFactors, 100)
            .values(),
        [0, 0, 0, 0, 0, 100]
    );
    assert_eq!(
        Weights::default()
            .with(Criterion::RiskFactors, 250)
            .values(),
        [0, 0, 0, 0, 0, 100]
    );
    assert!(Weights::new([50, 50, 1, 0, 0, 0]).is_err());
    // Every start and every target keeps the sum at exactly 100.
    let starts = [
        Weights::default(),
        Weights::equal(),
        all_in,
        Weights::new([1, 2, 3, 4, 5, 85]).unwrap(),
        Weights::new([33, 33, 34, 0, 0, 0]).unwrap(),
    ];
    for start in starts {
        for c in Criterion::ALL {
            for v in 0..=100 {
                let w = start.with(c, v);
                assert_eq!(w.values().iter().sum::<u32>(), 100, "{start:?} {c:?} {v}");
                assert_eq!(w.get(c), v);
            }
        }
    }
}

#[test]
fn validation_names_project_and_field() {
    let mut p = with_projects(vec![
        named("a", "Churn model", [3; CRITERIA]),
        named("b", "  churn MODEL ", [3; CRITERIA]),
        named("c", "   ", [3; CRITERIA]),
    ]);
    p.projects[0].rice.effort = 0.0;
    p.projects[0].scores.risk_factors = 6;
    p.projects[1].wsjf.job_size = 0;
    p.projects[1].rice.reach = f64::NAN;
    p.projects[2].ice.ease = 11;
    p.projects[2].estimated_cost = Some(-5.0);
    p.projects[2].rice.confidence = 0.7;
    let errs = p.validate();
    let got: Vec<(usize, &str)> = errs.iter().map(|e| (e.project, e.field.id())).collect();
    assert_eq!(
        got,
        [
            (0, "score-risk-factors"),
            (0, "rice-effort"),
            (1, "name"),
            (1, "rice-reach"),
            (1, "wsjf-job-size"),
            (2, "name"),
            (2, "rice-confidence"),
            (2, "ice-ease"),
            (2, "estimated-cost"),
        ]
    );
    assert!(errs[2].message.contains("already called “churn MODEL”"));
    assert_eq!(errs[3].message, "Enter a number.");
    assert!(errs[4].message.contains("more than 0"));
    assert_eq!(errs[5].message, "Give the project a name.");
    assert_eq!(errs[1].field_key(), "a-rice-effort");
    assert_eq!(p.errors_of(2).len(), 4);
    assert!(Portfolio::example().validate().is_empty());
}

#[test]
fn a_bad_input_removes_only_the_score_that_needs_it() {
    let mut p = with_projects(vec![
        named("a", "A", [5; CRITERIA]),
        named("b", "B", [4; CRITERIA]),
        named("c", "C", [3; CRITERIA]),
    ]);
    p.projects[0].rice.effort = -1.0;
    let rice = rank(&p, Method::Rice);
    let last = rice.last().unwrap();
    assert_eq!((last.index, last.rank), (0, None));
    assert_eq!(
        last.score,
        Err(
            "No RICE score until RICE effort is fixed: Effort must be more than 0 person-months."
                .into()
        )
    );
    // The weighted ranking still has it first.
    let w = rank(&p, Method::Weighted);
    assert_eq!(
        w.iter().map(|r| (r.index, r.rank)).collect::<Vec<_>>(),
        [(0, Some(1)), (1, Some(2)), (2, Some(3))]
    );
    // Two bad inputs are listed together.
    p.projects[0].rice.reach = -1.0;
    let msg = score(&p.projects[0], Method::Rice, &p.weights).unwrap_err();
    assert!(msg.contains("RICE reach, RICE effort"), "{msg}");
}

#[test]
fn ties_keep_list_order_and_missing_scores_go_last() {
    let p = with_projects(vec![
        named("a", "A", [3; CRITERIA]),
        named("b", "B", [4; CRITERIA]),
        named("c", "C", [3; CRITERIA]),
        named("d", "D", [9; CRITERIA]),
    ]);
    let r = rank(&p, Method::Weighted);
    let got: Vec<_> = r.iter().map(|r| (r.id.as_str(), r.rank, r.tied)).collect();
    assert_eq!(
        got,
        [
            ("b", Some(1), false),
            ("a", Some(2), true),
            ("c", Some(3), true),
            ("d", None, false),
        ]
    );
}

#[test]
fn comparator_puts_missing_last_both_ways() {
    use SortDirection::*;
    let mut v = vec![None, Some(2.0), Some(1.0), None, Some(3.0)];
    v.sort_by(|a, b| compare_missing_last(*a, *b, Ascending));
    assert_eq!(v, [Some(1.0), Some(2.0), Some(3.0), None, None]);
    v.sort_by(|a, b| compare_missing_last(*a, *b, Descending));
    assert_eq!(v, [Some(3.0), Some(2.0), Some(1.0), None, None]);
    let a: Result<f64, String> = Err("x".into());
    assert_eq!(compare_results(&a, &Ok(1.0), Descending), Ordering::Greater);
    assert_eq!(compare_results(&a, &Ok(1.0), Ascending), Ordering::Greater);
}

/// Weights 50/30/20/0/0; A scores 5/2/3/3/3, B 3/4/3/3/3, C all 1s.
/// A = (250 + 60 + 60)/100 = 3.7, B = (150 + 120 + 60)/100 = 3.3: A leads.
/// A − B = (2·w_impact − 2·w_resources)/100, so B passes A once the
/// resource weight exceeds the impact weight.
///
/// Raising resources to t rescales impact to (100 − t)·50/70 (real
/// numbers): B ahead when t > (100 − t)·5/7, i.e. t > 41.67, so t = 42,
/// 12 points. With whole weights: t = 42 leaves 58 for the others,
/// impact 58·50/70 = 41.43 and feasibility 58·20/70 = 16.57 → 41 and 17
/// (largest remainder); B − A = 2·42 − 2·41 = 2 > 0. At t = 41: 42.14 and
/// 16.86 → 42 and 17, A still ahead.
///
/// Lowering impact to t gives resources (100 − t)·30/50: B ahead when
/// t < 0.6·(100 − t), i.e. t < 37.5, so t = 37, 13 points: larger.
/// Changing feasibility or the zero weights scales impact and resources
/// together and never puts B ahead. So: raise resources by 12 to 42.
#[test]
fn robustness_finds_the_smallest_swapping_change() {
    let p = Portfolio {
        weights: Weights::new([50, 30, 20, 0, 0, 0]).unwrap(),
        ..with_projects(vec![
            named("c", "C", [1; CRITERIA]),
            named("b", "B", [3, 4, 3, 3, 3, 3]),
            named("a", "A", [5, 2, 3, 3, 3, 3]),
        ])
    };
    let r = robustness(&p);
    let Robustness::Swaps(c) = &r else {
        panic!("{r:?}")
    };
    assert_eq!((c.leader, c.runner_up), (2, 1));
    assert_eq!(c.criterion, Criterion::ResourceRequirements);
    assert_eq!(c.direction, Direction::Raise);
    assert_eq!((c.points, c.from, c.to), (12, 30, 42));
    assert_eq!(c.weights.values(), [41, 42, 17, 0, 0, 0]);
    assert_eq!(
        r.describe(&p),
        "Raising the weight of resource requirements by 12 points (from 30% to 42%) puts “B” ahead of “A”; no smaller change of one weight does."
    );
    // The change really swaps them, and one point less does not.
    let swapped = Portfolio {
        weights: c.weights,
        ..p.clone()
    };
    assert_eq!(rank(&swapped, Method::Weighted)[0].index, 1);
    let almost = Portfolio {
        weights: p.weights.with(Criterion::ResourceRequirements, 41),
        ..p.clone()
    };
    assert_eq!(rank(&almost, Method::Weighted)[0].index, 2);
}

#[test]
fn robustness_when_the_leader_is_better_on_every_criterion() {
    // A ≥ B everywhere and strictly better on one: with A listed first a
    // tie keeps A ahead, so no weights put B ahead.
    let p = with_projects(vec![
        named("a", "A", [4, 3, 3, 3, 3, 3]),
        named("b", "B", [3, 3, 3, 3, 3, 3]),
    ]);
    assert_eq!(
        robustness(&p),
        Robustness::Stable {
            leader: 0,
            runner_up: 1
        }
    );
    // Listed the other way round, a tie puts B first: weight 0 on impact
    // ties them, reached by lowering impact 25 points.
    let p = with_projects(vec![
        named("b", "B", [3, 3, 3, 3, 3, 3]),
        named("a", "A", [4, 3, 3, 3, 3, 3]),
    ]);
    let Robustness::Swaps(c) = robustness(&p) else {
        panic!()
    };
    assert_eq!(
        (c.criterion, c.direction, c.points),
        (Criterion::BusinessImpact, Direction::Lower, 25)
    );
}

#[test]
fn robustness_needs_two_rankable_projects() {
    assert_eq!(
        robustness(&Portfolio::default()),
        Robustness::NotEnoughProjects { rankable: 0 }
    );
    let mut p = with_projects(vec![
        named("a", "A", [3; CRITERIA]),
        named("b", "B", [3; CRITERIA]),
    ]);
    p.projects[1].scores.business_impact = 0;
    assert_eq!(
        robustness(&p),
        Robustness::NotEnoughProjects { rankable: 1 }
    );
}

#[test]
fn example_covers_every_quadrant() {
    // Default weights: value = (25·impact + 20·feasibility + 10·urgency
    // + 15·risk)/70, effort = 6 − (20·resources + 10·time to value)/30.
    // Support routing: value (75+100+20+60)/70 = 3.64, effort 6 − (80+50)/30 = 1.67.
    // Demand forecasting: (125+80+40+45)/70 = 4.14, 6 − (40+20)/30 = 4.
    // Churn: (100+80+40+60)/70 = 4, 6 − (60+40)/30 = 2.67.
    // Document search: (50+60+10+45)/70 = 2.36, 6 − (80+40)/30 = 2.
    // Sales assistant: (50+40+10+30)/70 = 1.86, 6 − (40+30)/30 = 3.67.
    let p = Portfolio::example();
    let map = value_effort(&p, &[], BubbleBasis::EstimatedCost);
    let got: Vec<_> = map.points.iter().map(|m| m.quadrant).collect();
    use Quadrant::*;
    assert_eq!(got, [QuickWin, BigBet, QuickWin, FillIn, TimeSink]);
    assert!((map.points[0].value - 255.0 / 70.0).abs() < 1e-12);
    assert!((map.points[1].effort - 4.0).abs() < 1e-12);
    // Bubble area relative to the largest cost (320k).
    assert_eq!(map.points[1].size, Some(1.0));
    assert_eq!(map.points[0].size, Some(40_000.0 / 320_000.0));
    assert_eq!(map.points[0].rank, Some(1));
    assert!(map.unplotted.is_empty());
    assert_eq!((map.value_split, map.effort_split), (3.0, 3.0));
}

#[test]
fn midpoint_counts_as_high_on_both_axes() {
    let p = with_projects(vec![named("a", "A", [3; CRITERIA])]);
    let map = value_effort(&p, &[], BubbleBasis::EstimatedCost);
    assert_eq!(map.points[0].quadrant, Quadrant::BigBet);
    assert_eq!(map.points[0].size, None);
}

#[test]
fn npv_axis_splits_at_zero_and_lists_projects_without_npv() {
    let mut p = with_projects(vec![
        named("a", "A", [3; CRITERIA]),
        named("b", "B", [3; CRITERIA]),
        named("c", "C", [3; CRITERIA]),
    ]);
    p.value_axis = ValueAxis::Npv;
    p.effort_axis = EffortAxis::PersonMonths;
    p.projects[0].rice.effort = 2.0;
    p.projects[1].rice.effort = 10.0;
    let map = value_effort(
        &p,
        &[Some(-50_000.0), Some(200_000.0)],
        BubbleBasis::NpvMagnitude,
    );
    // Efforts 2 and 10: median 6. A: NPV < 0, effort 2 < 6 → fill-in.
    // B: NPV > 0, effort 10 ≥ 6 → big bet.
    assert_eq!(map.effort_split, 6.0);
    assert_eq!(map.value_split, 0.0);
    assert_eq!(
        map.points.iter().map(|m| m.quadrant).collect::<Vec<_>>(),
        [Quadrant::FillIn, Quadrant::BigBet]
    );
    assert_eq!(map.points[0].size, Some(0.25));
    assert_eq!(map.unplotted.len(), 1);
    assert!(map.unplotted[0].reason.contains("no NPV"));
    assert_eq!(map.value_currency.as_deref(), Some("USD"));
}

#[test]
fn bad_scores_keep_a_project_off_the_map_with_a_reason() {
    let mut p = with_projects(vec![named("a", "A", [3; CRITERIA])]);
    p.projects[0].scores.time_to_value = 0;
    let map = value_effort(&p, &[], BubbleBasis::EstimatedCost);
    assert!(map.points.is_empty());
    assert!(map.unplotted[0].reason.contains("Time to value"));
}

#[test]
fn new_projects_get_fresh_ids_and_names() {
    let mut p = Portfolio::default();
    for _ in 0..3 {
        let next = p.new_project();
        p.projects.push(next);
    }
    p.projects[0].name = "Project 4".into();
    let next = p.new_project();
    assert_eq!((next.id.as_str(), next.name.as_str()), ("p5", "Project 5"));
    p.projects.push(next);
    assert!(p.validate().is_empty());
}

#[test]
fn numeric_fields_read_write_and_check_their_own_value() {
    let mut p = Project::new("a", "A");
    let valid = |f: ProjectField| match f {
        ProjectField::Score(c) => 1.0 + (c.index() % 5) as f64,
        ProjectField::RiceReach => 1_234.5,
        ProjectField::RiceImpact => 0.25,
        ProjectField::RiceConfidence => 0.5,
        ProjectField::RiceEffort => 7.5,
        ProjectField::WsjfBusinessValue => 20.0,
        ProjectField::WsjfTimeCriticality => 13.0,
        ProjectField::WsjfRiskReduction => 8.0,
        ProjectField::WsjfJobSize => 5.0,
        ProjectField::IceImpact => 10.0,
        ProjectField::IceConfidence => 9.0,
        ProjectField::IceEase => 1.0,
        ProjectField::EstimatedCost => 99_000.0,
        ProjectField::Name => 0.0,
    };
    for f in ProjectField::NUMBERS {
        assert_eq!(f.check(valid(f)), Ok(()), "{f:?}");
        p.set(f, valid(f));
    }
    for f in ProjectField::NUMBERS {
        assert_eq!(p.get(f), Some(valid(f)), "{f:?}");
    }
    assert!(p.field_errors().is_empty());
    for (f, bad) in [
        (ProjectField::Score(Criterion::RiskFactors), 2.5),
        (ProjectField::RiceImpact, 4.0),
        (ProjectField::WsjfTimeCriticality, 4.0),
        (ProjectField::IceEase, 0.0),
        (ProjectField::RiceEffort, 0.0),
        (ProjectField::EstimatedCost, f64::INFINITY),
    ] {
        assert!(f.check(bad).is_err(), "{f:?} {bad}");
    }
    let ids: std::collections::HashSet<_> = ProjectField::NUMBERS.iter().map(|f| f.id()).collect();
    assert_eq!(ids.len(), 18);
    // Each criterion reads and writes its own score.
    for c in Criterion::ALL {
        let mut s = Scores::uniform(1);
        s.set(c, 5);
        for d in Criterion::ALL {
            assert_eq!(s.get(d), if d == c { 5 } else { 1 }, "{c:?} {d:?}");
        }
    }
}

#[test]
fn huge_inputs_never_give_non_finite_scores() {
    let mut p = Project::new("a", "A");
    p.rice = Rice {
        reach: MAX_REACH,
        impact: 3.0,
        confidence: 1.0,
        effort: f64::MIN_POSITIVE,
    };
    let s = score(&p, Method::Rice, &Weights::default());
    assert!(s.unwrap_err().contains("too large"));
    p.rice.effort = f64::INFINITY;
    assert!(score(&p, Method::Rice, &Weights::default()).is_err());
    p.scores = Scores::uniform(u32::MAX);
    assert!(score(&p, Method::Weighted, &Weights::default()).is_err());
    p.ice = Ice {
        impact: u32::MAX,
        confidence: u32::MAX,
        ease: u32::MAX,
    };
    assert!(score(&p, Method::Ice, &Weights::default()).is_err());
}

#[test]
fn a_project_moves_one_place_and_stays_put_at_either_end() {
    let mut p = Portfolio::example();
    let ids = |p: &Portfolio| p.projects.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    let start = ids(&p);
    p.move_project(0, true);
    assert_eq!(ids(&p), start, "the first cannot go up");
    let last = p.projects.len() - 1;
    p.move_project(last, false);
    assert_eq!(ids(&p), start, "the last cannot go down");
    p.move_project(99, true);
    assert_eq!(ids(&p), start, "no such project");
    p.move_project(1, true);
    let mut swapped = start.clone();
    swapped.swap(0, 1);
    assert_eq!(ids(&p), swapped);
    p.move_project(0, false);
    assert_eq!(ids(&p), start);
}

#[test]
fn a_copy_follows_its_original_with_a_new_id_and_a_name_not_taken() {
    let mut p = Portfolio::example();
    let n = p.projects.len();
    let original = p.projects[1].clone();
    assert_eq!(p.duplicate_project(1), Some(2));
    let copy = p.projects[2].clone();
    assert_eq!(copy.name, format!("{} (copy)", original.name));
    assert_ne!(copy.id, original.id);
    assert!(p.projects.iter().filter(|x| x.id == copy.id).count() == 1);
    assert_eq!(
        (copy.scores, copy.depends_on.clone(), copy.roi_model.clone()),
        (
            original.scores,
            original.depends_on.clone(),
            original.roi_model.clone()
        )
    );
    // Copied again: "(copy)" is taken, so "(copy 2)"; the portfolio stays valid.
    assert_eq!(p.duplicate_project(1), Some(2));
    assert_eq!(p.projects[2].name, format!("{} (copy 2)", original.name));
    assert_eq!(p.projects.len(), n + 2);
    assert!(p.validate().is_empty(), "{:?}", p.validate());
    assert_eq!(p.duplicate_project(99), None);
}
