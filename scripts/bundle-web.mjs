#!/usr/bin/env node
// Writes the scripts that browsers load at a page's start as one file each, joined by scripts/bundle.mjs: a
// module graph is otherwise requested one import level after another, every request queued with the others on
// a browser's six HTTP/1.1 connections to a host (and each one costs the browser process some work).
//
//   web/lib/dist/worker.js              the analysis worker (web/lib/worker.js, the loader articlescope.js, the
//                                       warm-up page, the error class, Emscripten's loader in web/lib/dist/):
//                                       what createWorkerAnalyzer() and the widget start
//   web/demo/dist/analyser-worker.js    the demo's copy: a worker is controlled by the service worker whose
//                                       scope holds the worker's URL, so the demo's must be under web/demo/
//                                       for the demo to work offline (web/demo/sw.js)
//   web/demo/dist/boot.js               the demo's boot.js with its imports: starts the analyser and the first
//                                       sample's fetch, before the rest of the page
//   web/demo/dist/demo.js               the demo page (demo.js and web/ui), sharing boot.js's module instance
//                                       (it imports dist/boot.js, not a copy)
//   web/widget/dist/article-scope.js    the embeddable widget (web/widget and web/ui, without comments and
//                                       layout, local names shortened): the one script a host page loads; it
//                                       imports the core's
//                                       modules of web/lib from their place, and loads its stylesheets from
//                                       the copies beside it (web/widget/dist/ui.css and widget.css, without
//                                       comments and layout)
//
// Run by the WebAssembly build (wasm/CMakeLists.txt) after each link and whenever a module of web/lib,
// web/ui, web/demo or web/widget changes.
//   node scripts/bundle-web.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { minify as terser } from 'terser';

import { bundle } from './bundle.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundles: entry module, output file and the modules imported from another bundle, repository-relative. */
export const WEB_BUNDLES = [
  { entry: 'web/lib/worker.js', out: 'web/lib/dist/worker.js', what: 'analysis worker', minify: true },
  { entry: 'web/lib/worker.js', out: 'web/demo/dist/analyser-worker.js', what: "demo's analysis worker", minify: true },
  { entry: 'web/demo/boot.js', out: 'web/demo/dist/boot.js', what: "demo's boot script", minify: true },
  {
    entry: 'web/demo/demo.js',
    out: 'web/demo/dist/demo.js',
    what: 'demo page',
    external: { 'web/demo/boot.js': 'web/demo/dist/boot.js' },
  },
  {
    entry: 'web/widget/article-scope.js',
    out: 'web/widget/dist/article-scope.js',
    what: 'widget <article-scope>',
    minify: 'names',
    // Its stylesheets go beside it, without comments and layout; the bundle loads those copies.
    stylesheets: ['web/ui/ui.css', 'web/widget/widget.css'],
    // The core's modules stay the core's own (one module instance per page, whoever loads it; the analysis worker
    // and the main-thread analyser are loaded only when needed).
    external: Object.fromEntries(
      ['errors', 'worker-url', 'highlight', 'worker-client', 'articlescope'].map((m) => [`web/lib/${m}.js`, `web/lib/${m}.js`]),
    ),
  },
];

// The Closure Compiler the WebAssembly build already uses for Emscripten's loader (wasm/closure-compiler.sh),
// here at WHITESPACE_ONLY: comments and layout go, every name and statement stays.
const closureJar = join(repoRoot, 'node_modules', 'google-closure-compiler-java', 'compiler.jar');

/** `text` without comments and layout (a bundle that imports nothing: the Closure Compiler reads it alone). */
export function minify(text, what) {
  const dir = mkdtempSync(join(tmpdir(), 'articlescope-bundle-'));
  try {
    const input = join(dir, 'in.js');
    const output = join(dir, 'out.js');
    writeFileSync(input, text);
    const run = spawnSync('java', ['-jar', closureJar, '--compilation_level', 'WHITESPACE_ONLY', '--language_in', 'ECMASCRIPT_NEXT',
      '--language_out', 'NO_TRANSPILE', '--js', input, '--js_output_file', output], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`bundle: minifying the ${what} failed (run scripts/setup.sh): ${run.error?.message ?? run.stderr}`);
    return readFileSync(output, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `css` without comments and layout: every rule, selector and value stays (runs of white space become one
 * space, none is kept around braces, semicolons and commas; the project's stylesheets hold no string with
 * any of these in it).
 */
export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .trim();
}

/** Where a bundle's copy of `stylesheet` (repository-relative) goes: beside the bundle. */
export function stylesheetCopy(target, stylesheet) {
  return join(dirname(target.out), basename(stylesheet));
}

/**
 * `text` without comments and layout, and with its local names shortened (terser, a devDependency, which parses
 * private class fields: the widget's element): every statement, property name, string and export stays; no
 * code is rewritten (no compression pass).
 */
export async function withShortNames(text) {
  const out = await terser(text, { module: true, compress: false, mangle: true, format: { comments: false } });
  return out.code;
}

/** The text of one bundle (what the build writes to `out`). */
export async function webBundle({ entry, out, what, external = {}, minify: small = false, stylesheets = [] }) {
  const paths = Object.fromEntries(Object.entries(external).map(([from, to]) => [join(repoRoot, from), join(repoRoot, to)]));
  const text = bundle(join(repoRoot, entry), { format: 'module', outFile: join(repoRoot, out), what, external: paths });
  // A stylesheet a module resolves next to itself (new URL('./x.css', its URL)) is loaded from the bundle's copy.
  let result = text;
  for (const stylesheet of stylesheets) {
    const reference = new RegExp(`new URL\\('\\./${basename(stylesheet).replace('.', '\\.')}', [A-Za-z_$][\\w$]*\\)`, 'g');
    const found = result.match(reference)?.length ?? 0;
    if (found !== 1) throw new Error(`bundle: the ${what} refers to ${stylesheet} ${found} times, not once`);
    result = result.replace(reference, `new URL('./${basename(stylesheet)}', import.meta.url)`);
  }
  if (small === 'names') {
    const header = result.slice(0, result.indexOf('\n') + 1);  // the bundle's "generated by" line stays
    result = `${header}${await withShortNames(result.slice(header.length))}\n`;
  } else if (small) {
    result = minify(result, what);
  }
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const target of WEB_BUNDLES) {
      const file = join(repoRoot, target.out);
      const text = await webBundle(target);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(`bundle: ${relative(repoRoot, file)} (${(text.length / 1024).toFixed(1)} KB)`);
      for (const stylesheet of target.stylesheets ?? []) {
        const copy = join(repoRoot, stylesheetCopy(target, stylesheet));
        writeFileSync(copy, minifyCss(readFileSync(join(repoRoot, stylesheet), 'utf8')));
        console.log(`bundle: ${relative(repoRoot, copy)}`);
      }
    }
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
