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
# 95 for every score, except mobile performance, which the app does not reach
# yet (see scripts/lighthouse.mjs and issue #8): on a quiet machine the ROI
# editor with its uncertainty panel scores 57-68 and the other pages 72-91,
# held back by the size of the wasm (about 600 KB gzip) that has to arrive and
# compile before the first view. The bar of 45 catches a collapse until the
# wasm is split; it is not the goal. Desktop performance of the ROI editor is
# 90-99 from run to run on this machine (the other pages 95-99); its bar of 80
# keeps a timing from failing the build by a point or two.
node scripts/lighthouse.mjs --min 95 --min-mobile-performance 45 --min-desktop-performance 80

step "all checks passed"
