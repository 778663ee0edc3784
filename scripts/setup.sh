#!/usr/bin/env bash
# Installs everything ArticleScope needs on a fresh Debian machine. Idempotent: a second run installs nothing.
#  - Debian packages: compilers (clang for the fuzz targets), CMake, Emscripten, Catch2, nlohmann-json, Chromium,
#    Firefox ESR, GNU parallel (the batch test runs the documented command), Java 17 (the Closure Compiler that
#    minifies the WebAssembly module's loader: wasm/closure-compiler.sh)
#  - npm packages pinned by package-lock.json (installed with scripts disabled): gumbo-parser (the C source of
#    gumbo 0.10.1, compiled by CMake for both targets), playwright-core, puppeteer-core, the benchmark anchors,
#    google-closure-compiler-java (a jar), typescript (the declarations' check) and terser (the widget's bundle).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make python3 gzip emscripten binaryen catch2 nlohmann-json3-dev chromium firefox-esr clang parallel
          openjdk-17-jre-headless)
command -v node > /dev/null && command -v npm > /dev/null || packages+=(nodejs npm)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

# npm packages: reinstall only when package-lock.json changed since the last install.
stamp=node_modules/.articlescope-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "setup: installing npm packages from package-lock.json (scripts disabled)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
test -f node_modules/gumbo-parser/deps/gumbo-parser/src/parser.c || {
  echo "setup: gumbo source missing from node_modules/gumbo-parser" >&2
  exit 1
}
echo "setup: ready"
