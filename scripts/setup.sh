#!/usr/bin/env bash
# Installs what Sextant needs, idempotently: each tool is skipped when it is
# already there at the pinned version.
#   scripts/setup.sh build   tools to build and serve the app
#   scripts/setup.sh test    the above, plus linters, Chromium and the Node packages
set -euo pipefail
. "$(dirname "$0")/env.sh"
what=${1:-test}
tools="$SEXTANT_CACHE/tools"
mkdir -p "$tools"

say() { printf 'setup: %s\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen crate version in Cargo.lock; the CLI must be the same.
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$SEXTANT_ROOT/Cargo.lock")
[ -n "$wasm_bindgen_version" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }

binaryen_major=${BINARYEN_VERSION%%.*}
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes the first time)"
  cargo install --locked trunk --version "=$TRUNK_VERSION" --root "$tools" --force
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (about 4 minutes the first time)"
  # Not --locked: a dependency locked by that release is no longer on the registry.
  cargo install wasm-bindgen-cli --version "=$wasm_bindgen_version" --root "$tools" --force
fi

# wasm-split is no command to install: tools/wasm-pages uses its library
# (wasm_split_cli_support, pinned in its Cargo.toml), and the build compiles it.

if ! wasm-opt --version 2>/dev/null | grep -q "version $binaryen_major"; then
  say "installing wasm-opt from the npm package binaryen@$BINARYEN_VERSION"
  mkdir -p "$SEXTANT_CACHE/binaryen"
  npm install --silent --no-audit --no-fund --prefix "$SEXTANT_CACHE/binaryen" "binaryen@$BINARYEN_VERSION"
fi

[ "$what" = build ] && exit 0

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
  say "installing leptosfmt $LEPTOSFMT_VERSION"
  cargo install --locked leptosfmt --version "=$LEPTOSFMT_VERSION" --root "$tools" --force
fi

if [ ! -x "$CHROMIUM_BIN" ] || [ ! -x "$CHROMEDRIVER_BIN" ]; then
  say "installing Debian's chromium and chromium-driver"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get update -q
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi

# Node packages for the end-to-end tests, from the committed package-lock.json.
stamp="$SEXTANT_ROOT/node_modules/.sextant-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$stamp" "$SEXTANT_ROOT/package-lock.json"; then
  say "npm ci (end-to-end test packages)"
  (cd "$SEXTANT_ROOT" && npm ci --no-audit --no-fund --silent)
  cp "$SEXTANT_ROOT/package-lock.json" "$stamp"
fi
say "ready"
