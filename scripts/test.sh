#!/usr/bin/env bash
# Sets up the machine, builds every target and runs every test suite:
# native unit + corpus + CLI tests (CTest), the same under ASan/UBSan, the WebAssembly build with its node tests
# (smoke, parity with native, API), and the browser end-to-end tests (Chromium, Firefox ESR).
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1

passed=0
failed=0
failed_names=()
suite() {  # suite NAME COMMAND...: runs one suite and records its result
  local name="$1"
  shift
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "=== $name: passed ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failed_names+=("$name")
    echo "=== $name: FAILED ($((SECONDS - start)) s)"
  fi
}
ctest_preset() { ctest --preset "$1" -j 2; }
node_suite() { node --test --test-reporter=spec "$@"; }

suite "native build" scripts/build.sh native
suite "native tests" ctest_preset native
suite "asan build" scripts/build.sh asan
suite "asan tests" ctest_preset asan
suite "wasm build" scripts/build.sh wasm
[ -d tests/js ] && suite "wasm and JS API tests" node_suite tests/js/
[ -d tests/e2e ] && suite "browser end-to-end tests" node_suite tests/e2e/

echo
[ $failed -eq 0 ] || echo "failed suites: ${failed_names[*]}"
echo "suites: $passed passed, $failed failed"
[ $failed -eq 0 ]
