# Sourced by the other scripts: where the tool cache lives and what goes on PATH.
# The cache sits outside the clone so that a fresh clone on the same machine
# (CI) reuses the installed tools and the compiled dependencies.
SEXTANT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../tools/versions.env
. "$SEXTANT_ROOT/tools/versions.env"
SEXTANT_CACHE=${SEXTANT_CACHE:-$HOME/.cache/sextant}
export SEXTANT_ROOT SEXTANT_CACHE
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$SEXTANT_CACHE/target}
export PATH="$SEXTANT_CACHE/tools/bin:$SEXTANT_CACHE/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-$CHROMEDRIVER_BIN}
export CHROME_PATH=${CHROME_PATH:-$CHROMIUM_BIN}
