"""Times Sextant's irr against numpy-financial's irr on the same 10,000 series
in one run and prints the ratio, and how often the two agree.

    pip install numpy-financial
    python3 scripts/bench_irr_vs_numpy.py
"""
import json
import os
import random
import subprocess
import tempfile
import time

import numpy_financial as npf

rng = random.Random(7)
series = []
for _ in range(10_000):
    n = rng.choice([12, 36, 60, 120])
    invest = -rng.uniform(1e3, 1e6)
    flows = [invest] + [rng.uniform(0, abs(invest) / n * 3) for _ in range(n - 1)]
    series.append(flows)

with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump(series, f)
    path = f.name

subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "irr_batch"], check=True)
target = os.environ.get("CARGO_TARGET_DIR", "target")
out = subprocess.run([os.path.join(target, "release", "examples", "irr_batch"), path], check=True, capture_output=True, text=True)
ours = json.loads(out.stdout)

start = time.perf_counter()
theirs = [float(npf.irr(s)) for s in series]
numpy_seconds = time.perf_counter() - start
os.unlink(path)

agree = sum(1 for a, b in zip(ours["irr"], theirs) if a is not None and abs(a - b) <= 1e-9 * (1 + abs(b)))
print(f"series: {len(series)}")
print(f"sextant irr:          {ours['seconds'] * 1e3:9.1f} ms  ({ours['seconds'] / len(series) * 1e6:.1f} µs a series)")
print(f"numpy-financial irr:  {numpy_seconds * 1e3:9.1f} ms  ({numpy_seconds / len(series) * 1e6:.1f} µs a series)")
print(f"ratio (numpy-financial / sextant): {numpy_seconds / ours['seconds']:.1f}x")
print(f"agree within 1e-9: {agree} of {len(series)}")
