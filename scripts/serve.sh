#!/usr/bin/env bash
# Builds the app and serves it with live reload at http://127.0.0.1:8080/ (PORT to change).
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$SEXTANT_ROOT"
"$SEXTANT_ROOT/scripts/setup.sh" build
port=${PORT:-8080}
echo "Sextant: serving at http://127.0.0.1:$port/"
exec trunk serve --address 127.0.0.1 --port "$port"
