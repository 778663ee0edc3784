#!/usr/bin/env bash
# Rewrites tests/corpus/<case>/expected.json from the current native build. The ONLY way golden files change:
# read `git diff tests/corpus` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
cli="${ARTICLESCOPE_CLI:-build/native/articlescope}"
[ -x "$cli" ] || { echo "build the CLI first: scripts/build.sh native" >&2; exit 1; }
count=0
for dir in tests/corpus/*/; do
  input=$(ls "$dir"input.* 2> /dev/null | head -n 1)
  [ -n "$input" ] || continue
  args=()
  [ -f "$dir/url" ] && args+=(--url "$(cat "$dir/url")")
  "$cli" analyse --no-timings --pretty "${args[@]}" "$input" > "$dir/expected.json" || true
  count=$((count + 1))
done
echo "updated $count golden files; review with: git diff --stat tests/corpus"
