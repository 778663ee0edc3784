#!/usr/bin/env bash
# The Closure Compiler that `emcc --closure 1` runs (EM_CLOSURE_COMPILER, set by wasm/CMakeLists.txt): the Java
# build from the npm package google-closure-compiler-java, pinned by package-lock.json, on Debian's Java 17.
# That package has no per-platform optional dependencies (those of the npm package google-closure-compiler
# broke `npm ci` on a fresh clone, commit 9de41e6); v20240317 is the last release built for Java 17. It names
# the input language ECMASCRIPT_NEXT where Emscripten 3.1.6 passes ECMASCRIPT_NEXT_IN.
here="$(dirname "$0")"
args=()
for arg in "$@"; do
  [ "$arg" = ECMASCRIPT_NEXT_IN ] && arg=ECMASCRIPT_NEXT
  args+=("$arg")
done
exec java -jar "$here/../node_modules/google-closure-compiler-java/compiler.jar" "${args[@]}"
