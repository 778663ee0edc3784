#!/usr/bin/env bash
# Sets up the machine, builds the WebAssembly module and serves the demo page (with its built-in sample
# articles) on localhost. Ctrl-C stops the server. PORT=... picks the port (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh wasm
exec node scripts/serve.mjs --port "${PORT:-8080}"
