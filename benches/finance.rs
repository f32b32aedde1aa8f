//! Criterion benchmarks: evaluating a 10-year monthly ROI model, and irr on
//! 120 monthly flows. Run with `cargo bench --bench finance` (native only).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion};
    use sextant::domain::roi::examples;
    use sextant::finance;

    fn bench(c: &mut Criterion) {
        let mut model = examples()[0].model.clone();
        model.horizon_years = 10;
        c.bench_function("evaluate a 10-year monthly model", |b| {
            b.iter(|| black_box(&model).evaluate())
        });

        let flows = model
            .evaluate()
            .map(|r| r.flows[..120].to_vec())
            .unwrap_or_default();
        c.bench_function("irr of 120 monthly flows", |b| {
            b.iter(|| finance::irr(black_box(&flows)))
        });

        let two_roots: Vec<f64> = (0..120)
            .map(|t| match t {
                0 => -1000.0,
                119 => -2500.0,
                _ => 40.0,
            })
            .collect();
        c.bench_function("irr_all of 120 flows with two sign changes", |b| {
            b.iter(|| finance::irr_all(black_box(&two_roots)))
        });
    }

    fn monte_carlo(c: &mut Criterion) {
        use sextant::domain::uncertainty::{reference_inputs, Simulation};
        let mut model = examples()[0].model.clone();
        model.horizon_years = 10;
        let inputs = reference_inputs();
        let mut group = c.benchmark_group("monte carlo");
        group.sample_size(10);
        group.bench_function("10,000 trials of a 10-year monthly model", |b| {
            b.iter(|| {
                let mut s = Simulation::new(&model, &inputs, 1, 10_000).unwrap();
                s.advance(10_000);
                s.summary()
            })
        });
        // The same with two stage gates drawn in every trial and revenue
        // rank-correlated with team cost (Iman-Conover over all trials).
        let mut gated = model.clone();
        gated.success.gates = vec![
            sextant::domain::roi::Gate {
                name: "Proof of concept".into(),
                month: 3,
                chance: 0.6,
            },
            sextant::domain::roi::Gate {
                name: "Pilot".into(),
                month: 6,
                chance: 0.8,
            },
        ];
        let correlations = [sextant::domain::uncertainty::Correlation {
            a: inputs[0].driver,
            b: inputs[2].driver,
            rho: 0.5,
        }];
        group.bench_function("10,000 trials with stage gates and a correlation", |b| {
            b.iter(|| {
                let mut s =
                    Simulation::correlated(&gated, &inputs, &correlations, 1, 10_000).unwrap();
                s.advance(10_000);
                s.summary()
            })
        });
        group.finish();
    }

    criterion_group!(benches, bench, monte_carlo);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
