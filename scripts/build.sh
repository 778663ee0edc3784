#!/usr/bin/env bash
# Builds one target family: native (library, CLI, tests, tools), asan (sanitized tests), wasm (web/lib/dist,
# then the browser extension from it: build/extension/) or extension (only the extension, from web/lib/dist).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-native}"
jobs="$(nproc 2> /dev/null || echo 2)"
export NODE_PATH=/usr/share/nodejs  # Emscripten's optimizer needs Debian's node modules
if [ "$preset" != extension ]; then
  cmake --preset "$preset" > /dev/null
  cmake --build --preset "$preset" -j "$jobs"
fi
if [ "$preset" = wasm ] || [ "$preset" = extension ]; then
  node scripts/build-extension.mjs
fi
