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
# 95 for every score except performance, which the app does not reach yet on
# every page (see scripts/lighthouse.mjs and issue #8). Measured 2026-11-28
# in this machine's CI runs: mobile: home 90-96, the calculators' start
# pages 84-94, the assessments and Saved 76-91 from run to run, the ROI
# editor with its uncertainty panel 63-73; desktop: the ROI editor 84-91,
# the other pages 96-100. What holds the tool pages back on mobile is
# main-thread time at 4x CPU: starting the first module and building a page
# (total blocking time 0.2-0.9 s; 1.2-2.4 s on the ROI editor), and
# downloading a page's modules on slow 4G (largest contentful paint
# 2.1-2.9 s). The bars (55 mobile, 75
# desktop) catch a collapse and keep a timing from failing the build; they
# are not the goal.
node scripts/lighthouse.mjs --min 95 --min-mobile-performance 55 --min-desktop-performance 75

step "all checks passed"
