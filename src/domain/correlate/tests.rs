//! Rank correlation, with figures checked against their definitions.
use super::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal, Triangular, Uniform};

const N: usize = 10_000;

fn pair(a: usize, b: usize, rho: f64) -> Pair {
    Pair { a, b, rho }
}

fn uniform(rng: &mut ChaCha8Rng, n: usize) -> Vec<f64> {
    let d = Uniform::new(0.0, 1.0).unwrap();
    (0..n).map(|_| d.sample(rng)).collect()
}

fn normal(rng: &mut ChaCha8Rng, n: usize) -> Vec<f64> {
    let d = Normal::new(10.0, 3.0).unwrap();
    (0..n).map(|_| d.sample(rng)).collect()
}

fn triangular(rng: &mut ChaCha8Rng, n: usize) -> Vec<f64> {
    let d = Triangular::new(1.0, 9.0, 2.0).unwrap();
    (0..n).map(|_| d.sample(rng)).collect()
}

fn sorted(x: &[f64]) -> Vec<u64> {
    let mut v = x.to_vec();
    v.sort_by(f64::total_cmp);
    v.into_iter().map(f64::to_bits).collect()
}

fn achieved(columns: &[Vec<f64>], a: usize, b: usize) -> f64 {
    spearman(&columns[a], &columns[b]).unwrap()
}

#[test]
fn spearman_worked_by_hand() {
    // x = [1, 2, 3, 4, 5] has ranks [1, 2, 3, 4, 5].
    // y = [5, 6, 7, 8, 7]: 5 → 1, 6 → 2, the two 7s share ranks 3 and 4
    // so both get 3.5, 8 → 5; ranks [1, 2, 3.5, 5, 3.5].
    // Both rank vectors have mean 3. Deviations:
    //   x: [-2, -1, 0, 1, 2]        Σdx² = 10
    //   y: [-2, -1, 0.5, 2, 0.5]    Σdy² = 4 + 1 + 0.25 + 4 + 0.25 = 9.5
    //   Σdx·dy = 4 + 1 + 0 + 2 + 1 = 8
    // ρ = 8 / √(10 · 9.5) = 8 / √95 ≈ 0.820783
    let rho = spearman(&[1.0, 2.0, 3.0, 4.0, 5.0], &[5.0, 6.0, 7.0, 8.0, 7.0]).unwrap();
    assert!((rho - 8.0 / 95f64.sqrt()).abs() < 1e-12, "{rho}");
    assert!((rho - 0.820783).abs() < 1e-6);
    // Perfect and reversed orders.
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), Some(1.0));
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
}

#[test]
fn spearman_none_when_flat_short_or_unequal() {
    assert_eq!(spearman(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
    assert_eq!(spearman(&[1.0, 2.0, 3.0], &[4.0, 4.0, 4.0]), None);
    assert_eq!(spearman(&[1.0], &[2.0]), None);
    assert_eq!(spearman(&[], &[]), None);
    assert_eq!(spearman(&[1.0, 2.0], &[1.0, 2.0, 3.0]), None);
    // NaNs rank apart and never yield NaN.
    let rho = spearman(&[f64::NAN, 1.0, f64::NAN], &[1.0, 2.0, 3.0]).unwrap();
    assert!(rho.is_finite());
}

#[test]
fn inverse_normal_known_values() {
    assert_eq!(inverse_normal(0.5), 0.0);
    assert!((inverse_normal(0.975) - 1.959963984540054).abs() < 1e-12);
    assert!((inverse_normal(0.001) + 3.090232306167814).abs() < 1e-12);
    assert!((inverse_normal(0.3) + 0.5244005127080407).abs() < 1e-12);
    assert!((inverse_normal(1e-10) + 6.361340902404056).abs() < 1e-9);
    assert!((inverse_normal(1e-300) + 37.0471).abs() < 1e-3);
    for p in [0.01, 0.1, 0.2, 0.4, 0.45] {
        assert!((inverse_normal(p) + inverse_normal(1.0 - p)).abs() < 1e-12);
    }
    assert_eq!(inverse_normal(0.0), f64::NEG_INFINITY);
    assert_eq!(inverse_normal(1.0), f64::INFINITY);
    assert!(inverse_normal(-0.1).is_nan() && inverse_normal(f64::NAN).is_nan());
}

#[test]
fn scores_are_symmetric_and_ascending() {
    for n in [3, 4, 5, 10, 101] {
        let s = van_der_waerden(n);
        assert!(s.windows(2).all(|w| w[0] < w[1]));
        assert!((0..n).all(|i| s[i] == -s[n - 1 - i]));
        assert!(s.iter().sum::<f64>().abs() < 1e-12);
    }
    assert_eq!(van_der_waerden(3)[1], 0.0);
    assert!((van_der_waerden(3)[2] - inverse_normal(0.75)).abs() < 1e-15);
}

#[test]
fn recovers_a_positive_target() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut columns = vec![uniform(&mut rng, N), uniform(&mut rng, N)];
    let before = achieved(&columns, 0, 1);
    iman_conover(&mut columns, &[pair(0, 1, 0.7)]).unwrap();
    let rho = achieved(&columns, 0, 1);
    println!("target 0.7: before {before:.4}, after {rho:.4}");
    assert!((rho - 0.7).abs() < 0.03, "{rho}");
}

#[test]
fn recovers_a_negative_target() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut columns = vec![uniform(&mut rng, N), triangular(&mut rng, N)];
    iman_conover(&mut columns, &[pair(1, 0, -0.5)]).unwrap();
    let rho = achieved(&columns, 0, 1);
    println!("target -0.5: after {rho:.4}");
    assert!((rho + 0.5).abs() < 0.03, "{rho}");
}

#[test]
fn recovers_three_targets() {
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    let mut columns = vec![
        uniform(&mut rng, N),
        uniform(&mut rng, N),
        uniform(&mut rng, N),
    ];
    let targets = [pair(0, 1, 0.6), pair(0, 2, 0.3), pair(1, 2, 0.0)];
    iman_conover(&mut columns, &targets).unwrap();
    for t in targets {
        let rho = achieved(&columns, t.a, t.b);
        println!("target {}-{} {}: after {rho:.4}", t.a, t.b, t.rho);
        assert!((rho - t.rho).abs() < 0.03, "{t:?}: {rho}");
    }
}

#[test]
fn marginals_unchanged_bit_for_bit() {
    let mut rng = ChaCha8Rng::seed_from_u64(17);
    // A column with many ties, including 0.0 and -0.0.
    let ties: Vec<f64> = (0..N)
        .map(|i| match i % 4 {
            0 => 0.0,
            1 => -0.0,
            2 => 1.5,
            _ => (i % 7) as f64,
        })
        .collect();
    let mut columns = vec![
        normal(&mut rng, N),
        triangular(&mut rng, N),
        uniform(&mut rng, N),
        ties,
    ];
    let before: Vec<Vec<u64>> = columns.iter().map(|c| sorted(c)).collect();
    let targets = [pair(0, 1, 0.6), pair(2, 0, -0.3), pair(3, 1, 0.4)];
    iman_conover(&mut columns, &targets).unwrap();
    for (c, b) in columns.iter().zip(&before) {
        assert_eq!(&sorted(c), b);
    }
    for t in targets {
        let rho = achieved(&columns, t.a, t.b);
        println!("target {}-{} {}: after {rho:.4}", t.a, t.b, t.rho);
        // The tied column cannot reach its target exactly.
        let tolerance = if t.a == 3 || t.b == 3 { 0.1 } else { 0.03 };
        assert!((rho - t.rho).abs() < tolerance, "{t:?}: {rho}");
    }
}

#[test]
fn column_in_no_pair_keeps_its_order() {
    let mut rng = ChaCha8Rng::seed_from_u64(19);
    let mut columns = vec![
        uniform(&mut rng, N),
        normal(&mut rng, N),
        uniform(&mut rng, N),
    ];
    let middle = columns[1].clone();
    iman_conover(&mut columns, &[pair(0, 2, 0.5)]).unwrap();
    assert_eq!(columns[1], middle);
    assert!((achieved(&columns, 0, 2) - 0.5).abs() < 0.03);
}

#[test]
fn no_pairs_changes_nothing() {
    let mut rng = ChaCha8Rng::seed_from_u64(23);
    let original = vec![uniform(&mut rng, 50), normal(&mut rng, 50)];
    let mut columns = original.clone();
    assert_eq!(iman_conover(&mut columns, &[]), Ok(()));
    assert_eq!(columns, original);
    // Nothing to do means nothing checked either.
    let mut empty: Vec<Vec<f64>> = Vec::new();
    assert_eq!(iman_conover(&mut empty, &[]), Ok(()));
}

#[test]
fn deterministic() {
    let mut rng = ChaCha8Rng::seed_from_u64(29);
    let original = vec![
        uniform(&mut rng, 2_000),
        normal(&mut rng, 2_000),
        triangular(&mut rng, 2_000),
    ];
    let targets = [pair(0, 1, 0.4), pair(1, 2, -0.3)];
    let mut first = original.clone();
    let mut second = original.clone();
    iman_conover(&mut first, &targets).unwrap();
    iman_conover(&mut second, &targets).unwrap();
    assert_eq!(first, second);
    assert_ne!(first, original);
}

#[test]
fn target_matrix_holds_the_targets() {
    let m = target_matrix(3, &[pair(0, 1, 0.5), pair(2, 1, -0.25)]).unwrap();
    assert_eq!(
        m,
        vec![
            vec![1.0, 0.5, 0.0],
            vec![0.5, 1.0, -0.25],
            vec![0.0, -0.25, 1.0],
        ]
    );
    assert_eq!(target_matrix(2, &[]).unwrap(), identity(2));
    assert_eq!(target_matrix(0, &[]).unwrap(), Vec::<Vec<f64>>::new());
    // The extremes are accepted.
    assert!(target_matrix(2, &[pair(0, 1, 0.99)]).is_ok());
    assert!(target_matrix(2, &[pair(0, 1, -0.99)]).is_ok());
}

#[test]
fn refuses_out_of_range() {
    for rho in [1.2, -1.2, 0.995, 1.0, f64::NAN, f64::INFINITY] {
        let error = target_matrix(2, &[pair(0, 1, rho)]).unwrap_err();
        assert!(
            matches!(error, CorrelationError::OutOfRange { a: 0, b: 1, .. }),
            "{rho}: {error:?}"
        );
        println!("{error}");
        assert!(error.to_string().contains("between -0.99 and 0.99"));
    }
    let mut columns = vec![vec![1.0, 2.0, 3.0, 4.0]; 2];
    assert!(matches!(
        iman_conover(&mut columns, &[pair(0, 1, 1.2)]),
        Err(CorrelationError::OutOfRange { .. })
    ));
}

#[test]
fn refuses_same_input_and_unknown_column() {
    let error = target_matrix(3, &[pair(0, 0, 0.5)]).unwrap_err();
    assert_eq!(error, CorrelationError::SameInput { input: 0 });
    println!("{error}");
    let error = target_matrix(3, &[pair(0, 3, 0.5)]).unwrap_err();
    assert_eq!(
        error,
        CorrelationError::UnknownInput {
            input: 3,
            inputs: 3
        }
    );
    println!("{error}");
    let error = target_matrix(0, &[pair(0, 1, 0.5)]).unwrap_err();
    assert!(error.to_string().contains("no inputs"));
}

#[test]
fn refuses_duplicate_pair() {
    for second in [pair(0, 1, 0.3), pair(1, 0, 0.2)] {
        let error = target_matrix(3, &[pair(0, 1, 0.3), pair(1, 2, 0.1), second]).unwrap_err();
        assert_eq!(
            error,
            CorrelationError::DuplicatePair {
                a: second.a,
                b: second.b
            }
        );
        println!("{error}");
    }
}

#[test]
fn refuses_inconsistent_triangle_with_interval() {
    let pairs = [pair(0, 1, 0.9), pair(0, 2, 0.8), pair(1, 2, -0.5)];
    let error = target_matrix(3, &pairs).unwrap_err();
    println!("{error}");
    let CorrelationError::Inconsistent {
        pair: blamed,
        stated,
        given,
        low,
        high,
    } = error.clone()
    else {
        panic!("{error:?}");
    };
    assert_eq!(blamed, pairs[2]);
    assert!(stated);
    assert_eq!(given, [pairs[0], pairs[1]]);
    // In normal space 0.9 → 0.90798 and 0.8 → 0.81347, so the bound is
    // 0.73861 ± 0.24370 = 0.49491..0.98231, which back on the Spearman
    // scale is 0.4776..0.9805 (the same formula on the Spearman values
    // directly would give 0.4585..0.9815).
    assert!((low - 0.4776).abs() < 1e-3, "{low}");
    assert!((high - 0.9805).abs() < 1e-3, "{high}");
    let message = error.to_string();
    assert!(message.contains("not consistent"));
    assert!(message.contains("between 0.48 and 0.98"), "{message}");
    assert!(message.contains("not -0.50"), "{message}");
    // The interval shown is the one enforced.
    for (rho, ok) in [(0.48, true), (0.98, true), (0.47, false), (0.99, false)] {
        let result = target_matrix(3, &[pairs[0], pairs[1], pair(1, 2, rho)]);
        assert_eq!(result.is_ok(), ok, "{rho}");
    }
    let mut columns = vec![vec![1.0, 2.0, 3.0, 4.0, 5.0]; 3];
    let original = columns.clone();
    assert_eq!(iman_conover(&mut columns, &pairs), Err(error));
    assert_eq!(columns, original);
}

#[test]
fn refuses_an_unset_pair_that_cannot_be_zero() {
    // 0.8 and 0.7 through input 0 force inputs 1 and 2 to be correlated.
    let error = target_matrix(3, &[pair(0, 1, 0.8), pair(0, 2, 0.7)]).unwrap_err();
    println!("{error}");
    let CorrelationError::Inconsistent {
        pair: blamed,
        stated,
        low,
        ..
    } = error
    else {
        panic!("{error:?}");
    };
    assert_eq!(blamed, pair(1, 2, 0.0));
    assert!(!stated);
    assert!(low > 0.0);
    let message = error.to_string();
    assert!(message.contains("between") && message.contains("counts as 0"));
}

#[test]
fn general_message_when_no_triangle_explains() {
    // Four inputs all at -0.4: every triangle is fine (three inputs may
    // all be pairwise negative down to -0.5) but four cannot be.
    let mut pairs = Vec::new();
    for a in 0..4 {
        for b in a + 1..4 {
            pairs.push(pair(a, b, -0.4));
        }
    }
    let error = target_matrix(4, &pairs).unwrap_err();
    println!("{error}");
    assert_eq!(error, CorrelationError::NotConsistent);
    assert!(error.to_string().contains("not consistent"));
    // -0.3 each is fine.
    for p in &mut pairs {
        p.rho = -0.3;
    }
    assert!(target_matrix(4, &pairs).is_ok());
}

#[test]
fn refuses_too_few_samples_and_ragged_columns() {
    let p = [pair(0, 1, 0.5)];
    let mut two = vec![vec![1.0, 2.0], vec![3.0, 1.0]];
    assert_eq!(
        iman_conover(&mut two, &p),
        Err(CorrelationError::TooFewSamples {
            samples: 2,
            inputs: 2
        })
    );
    // n must exceed the number of columns.
    let mut three = vec![vec![1.0, 2.0, 3.0], vec![3.0, 1.0, 2.0], vec![2.0; 3]];
    let error = iman_conover(&mut three, &p).unwrap_err();
    assert_eq!(
        error,
        CorrelationError::TooFewSamples {
            samples: 3,
            inputs: 3
        }
    );
    println!("{error}");
    let mut ragged = vec![vec![1.0, 2.0, 3.0, 4.0], vec![1.0, 2.0, 3.0]];
    let error = iman_conover(&mut ragged, &p).unwrap_err();
    assert_eq!(
        error,
        CorrelationError::UnequalLengths {
            column: 1,
            len: 3,
            expected: 4
        }
    );
    println!("{error}");
    // Three samples for two inputs is enough.
    let mut small = vec![vec![1.0, 2.0, 3.0], vec![3.0, 1.0, 2.0]];
    iman_conover(&mut small, &[pair(0, 1, 0.9)]).unwrap();
    assert_eq!(sorted(&small[1]), sorted(&[1.0, 2.0, 3.0]));
}

#[test]
fn sorted_columns_still_correlate() {
    // Both columns in ascending order: their scores coincide, so the
    // second column's scores are re-placed by the fixed permutation.
    let mut rng = ChaCha8Rng::seed_from_u64(31);
    let mut columns = vec![uniform(&mut rng, N), normal(&mut rng, N)];
    for c in &mut columns {
        c.sort_by(f64::total_cmp);
    }
    iman_conover(&mut columns, &[pair(0, 1, 0.3)]).unwrap();
    let rho = achieved(&columns, 0, 1);
    println!("sorted input, target 0.3: after {rho:.4}");
    assert!((rho - 0.3).abs() < 0.03, "{rho}");
}

#[test]
fn constant_column_is_left_alone() {
    let mut rng = ChaCha8Rng::seed_from_u64(37);
    let mut columns = vec![
        uniform(&mut rng, 100),
        vec![4.0; 100],
        uniform(&mut rng, 100),
    ];
    let original = columns.clone();
    // Only a pair with the constant column: nothing can change.
    iman_conover(&mut columns, &[pair(0, 1, 0.5)]).unwrap();
    assert_eq!(columns, original);
    // The other pair still applies.
    iman_conover(&mut columns, &[pair(0, 1, 0.5), pair(0, 2, 0.6)]).unwrap();
    assert_eq!(columns[1], original[1]);
    assert!((achieved(&columns, 0, 2) - 0.6).abs() < 0.1);
}

#[test]
fn never_panics_or_makes_nan_on_small_cases() {
    let mut rng = ChaCha8Rng::seed_from_u64(41);
    let rho = Uniform::new_inclusive(-0.99, 0.99).unwrap();
    let coin = Uniform::new(0usize, 4).unwrap();
    let mut outcomes = [0usize; 2];
    for case in 0..400 {
        let n = 3 + case % 9;
        let k = 2 + case % 3;
        let mut columns: Vec<Vec<f64>> = (0..k)
            .map(|_| {
                // Some columns with heavy ties.
                if coin.sample(&mut rng) == 0 {
                    (0..n).map(|_| coin.sample(&mut rng) as f64).collect()
                } else {
                    uniform(&mut rng, n)
                }
            })
            .collect();
        let before: Vec<Vec<u64>> = columns.iter().map(|c| sorted(c)).collect();
        let mut pairs = Vec::new();
        for a in 0..k {
            for b in a + 1..k {
                if coin.sample(&mut rng) != 0 {
                    pairs.push(pair(a, b, rho.sample(&mut rng)));
                }
            }
        }
        let result = iman_conover(&mut columns, &pairs);
        outcomes[usize::from(result.is_ok())] += 1;
        if let Err(error) = &result {
            assert!(!error.to_string().is_empty());
            assert!(!error.to_string().contains("NaN"), "{error}");
        }
        for (c, b) in columns.iter().zip(&before) {
            assert_eq!(&sorted(c), b);
            assert!(c.iter().all(|v| v.is_finite()));
        }
        for a in 0..k {
            for b in 0..k {
                if let Some(r) = spearman(&columns[a], &columns[b]) {
                    assert!(r.is_finite() && r.abs() <= 1.0);
                }
            }
        }
    }
    println!("small cases: {} refused, {} done", outcomes[0], outcomes[1]);
    assert!(outcomes[1] > 0);
}
