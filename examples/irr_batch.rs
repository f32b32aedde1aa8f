//! Times `sextant::finance::irr` on series read from a JSON file (a list of
//! lists of flows) and prints the elapsed seconds and the results as JSON.
//! Used by scripts/bench_irr_vs_numpy.py to compare with numpy-financial.

use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: irr_batch <series.json>");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let series: Vec<Vec<f64>> = serde_json::from_str(&text).expect("a JSON list of lists");
    let start = Instant::now();
    let results: Vec<Option<f64>> = series
        .iter()
        .map(|f| sextant::finance::irr(f).ok())
        .collect();
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({ "seconds": elapsed, "irr": results })
    );
}
