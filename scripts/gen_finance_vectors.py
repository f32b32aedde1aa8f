"""Generates tests/data/finance_vectors.json: reference NPV, IRR and MIRR values
from numpy-financial for the native cross-check (tests/finance_vectors.rs).

Run once with `pip install numpy-financial mpmath`; the output is committed.
Every IRR root is found with numpy's polynomial roots and polished to 50
digits with mpmath, so the reference is exact to double precision; numpy-
financial's own irr (which returns the root nearest zero) is kept beside it.
"""
import json
import random

import mpmath
import numpy as np
import numpy_financial as npf

mpmath.mp.dps = 50
rng = random.Random(20261127)


def roots_of(flows):
    """Every real rate > -1 with NPV zero: numpy's polynomial roots in
    x = 1/(1+r), each bracketed by a sign change and polished with mpmath."""
    coeffs = [mpmath.mpf(c) for c in flows]
    poly = lambda x: mpmath.fsum(c * x**t for t, c in enumerate(coeffs))
    out = []
    for x in np.roots(flows[::-1]):
        if abs(x.imag) > 1e-6 * max(1.0, abs(x)) or x.real <= 0:
            continue
        x0 = mpmath.mpf(float(x.real))
        for width in (1e-12, 1e-10, 1e-8, 1e-6):
            lo, hi = x0 * (1 - width), x0 * (1 + width)
            if mpmath.sign(poly(lo)) != mpmath.sign(poly(hi)):
                break
        else:
            continue  # touches zero without crossing, or a spurious root
        for _ in range(200):
            mid = (lo + hi) / 2
            if mpmath.sign(poly(mid)) == mpmath.sign(poly(lo)):
                lo = mid
            else:
                hi = mid
        r = float(1 / ((lo + hi) / 2) - 1)
        if r > -1 and np.isfinite(r) and all(abs(r - o) > 1e-9 * (1 + abs(o)) for o in out):
            out.append(r)
    return sorted(out)


def conventional(n, scale):
    invest = -rng.uniform(0.5, 2.0) * scale * rng.randint(1, 12)
    flows = [invest] + [rng.uniform(0.0, 0.5) * scale for _ in range(n - 1)]
    return flows


def nonconventional(n, scale):
    return [rng.choice([-1, 1]) * rng.uniform(0.0, 1.0) * scale for _ in range(n)]


def investment_with_closing_cost(n, scale):
    flows = conventional(n, scale)
    flows[-1] = -rng.uniform(0.5, 3.0) * scale * n * 0.1
    return flows


cases = []
kinds = [
    ("conventional", conventional, 200),
    ("nonconventional", nonconventional, 80),
    ("closing cost", investment_with_closing_cost, 40),
]
for kind, make, count in kinds:
    for i in range(count):
        n = rng.choice([2, 3, 5, 12, 36, 60, 120]) if i % 10 else rng.choice([240, 360])
        scale = 10 ** rng.uniform(-3, 9)
        flows = [float(f"{v:.6g}") for v in make(n, scale)]
        rate = rng.uniform(-0.5, 1.0)
        finance_rate = rng.uniform(0.0, 0.2)
        reinvest_rate = rng.uniform(0.0, 0.2)
        npf_irr = float(npf.irr(flows))
        mirr = float(npf.mirr(flows, finance_rate, reinvest_rate))
        cases.append(
            {
                "kind": kind,
                "flows": flows,
                "rate": rate,
                "npv": float(npf.npv(rate, flows)),
                "roots": roots_of(flows),
                "npf_irr": None if np.isnan(npf_irr) else npf_irr,
                "finance_rate": finance_rate,
                "reinvest_rate": reinvest_rate,
                "mirr": None if np.isnan(mirr) else mirr,
            }
        )

with open("tests/data/finance_vectors.json", "w") as out:
    json.dump({"generator": "numpy-financial " + npf.__version__ + ", roots polished with mpmath", "cases": cases}, out)
print(len(cases), "cases")
