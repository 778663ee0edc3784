#!/usr/bin/env bash
# Builds one target family: native (library, CLI, tests, tools), asan (sanitized tests) or wasm (web/lib/dist).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-native}"
jobs="$(nproc 2> /dev/null || echo 2)"
export NODE_PATH=/usr/share/nodejs  # Emscripten's optimizer needs Debian's node modules
cmake --preset "$preset" > /dev/null
cmake --build --preset "$preset" -j "$jobs"
