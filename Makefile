# Two commands: `make serve` builds and serves the app, `make test` runs every check.
# Both install what they need on first use (scripts/setup.sh, versions in tools/versions.env).
# scripts/env.sh is bash (dash, Debian's sh, cannot source it).
SHELL := /bin/bash
.PHONY: serve test build setup fmt single-file lighthouse bench-load bench

serve:
	@./scripts/serve.sh

test:
	@./scripts/check.sh

build:
	@./scripts/setup.sh build && . scripts/env.sh && trunk build --release

setup:
	@./scripts/setup.sh test

fmt:
	@. scripts/env.sh && leptosfmt -q src tests && cargo fmt --all

# dist-single/sextant.html: the whole app in one HTML file that works from disk.
single-file: build
	@node scripts/single-file.mjs dist dist-single/sextant.html

# Lighthouse scores of every tool page (needs `make build` and `make setup`).
lighthouse:
	@. scripts/env.sh && node scripts/lighthouse.mjs --min 95

# Native criterion benchmarks: model evaluation, irr, and 10,000 Monte Carlo
# trials with and without stage gates and correlation.
bench:
	@. scripts/env.sh && cargo bench --bench finance

# Cold-load timings, bytes, wasm instantiation and memory of every page (several minutes).
bench-load:
	@. scripts/env.sh && node scripts/bench-load.mjs
