#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, the three test
# levels, the release build and its size budget, the single-file build, and
# Lighthouse.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$SEXTANT_ROOT"
"$SEXTANT_ROOT/scripts/setup.sh" test

step() { printf '\n=== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "leptosfmt --check"
leptosfmt --check src tests

step "clippy (native)"
cargo clippy --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

step "clippy (wasm32, split into a module per page as the release build is)"
cargo clippy --release --bin sextant --target wasm32-unknown-unknown --features split -- -D warnings

step "native tests"
cargo test

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown

step "release build"
rm -rf dist
trunk build --release

step "size report"
node scripts/size-report.mjs dist size-budget.json

step "single-file build (dist-single/sextant.html)"
node scripts/single-file.mjs dist dist-single/sextant.html

step "end-to-end tests (Playwright, release build)"
npx playwright test

step "Lighthouse (every tool page, mobile and desktop presets)"
# 95 for every score, and for desktop performance; mobile performance has a
# lower bar, as the app does not reach 95 there yet on every page (see
# scripts/lighthouse.mjs and issue #8). Measured 2026-11-28 on this machine
# (the best of up to three runs per page, as below): desktop 100 on every
# page since the pages are built one part per task (91-100 before); mobile:
# home 94-99, the calculators' start pages 90-98, the ROI editor with a model
# 70-89, the assessments 86-96, Saved 81-97, the other two editors 85-97.
# What holds the tool pages back on mobile is main-thread time at 4x CPU
# (compiling each wasm function on its first call, then building the page:
# total blocking time 0.1-0.5 s, up to 1.3 s on a busy machine) and
# downloading a page's modules on slow 4G (largest contentful paint 2.0-2.9
# s). The mobile bar (70) catches a regression and keeps a timing from
# failing the build; it is not the goal.
node scripts/lighthouse.mjs --min 95 --min-mobile-performance 70

step "all checks passed"
