#!/usr/bin/env node
// Writes the analysis worker as one script: web/lib/worker.js with everything it imports (the loader
// articlescope.js, the warm-up page, the error class and Emscripten's generated loader in web/lib/dist/), joined
// by scripts/bundle.mjs. A module worker otherwise requests its modules one import level after another, each
// request queued behind the page's own on a browser's six connections to a host; one file is one request.
//
//   web/lib/dist/worker.js              what createWorkerAnalyzer() and the widget start
//   web/demo/dist/analyser-worker.js    the demo's copy: a worker is controlled by the service worker whose
//                                       scope holds the worker's URL, so the demo's must be under web/demo/
//                                       for the demo to work offline (web/demo/sw.js)
//
// Run by the WebAssembly build (wasm/CMakeLists.txt) after each link and whenever web/lib's modules change.
//   node scripts/bundle-workers.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { bundle } from './bundle.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The worker bundles: entry module and output file, relative to the repository. */
export const WORKER_BUNDLES = [
  { entry: 'web/lib/worker.js', out: 'web/lib/dist/worker.js', what: 'analysis worker' },
  { entry: 'web/lib/worker.js', out: 'web/demo/dist/analyser-worker.js', what: "demo's analysis worker" },
];

/** The text of one worker bundle (what the build writes to `out`). */
export function workerBundle({ entry, out, what }) {
  return bundle(join(repoRoot, entry), { format: 'module', outFile: join(repoRoot, out), what });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    for (const target of WORKER_BUNDLES) {
      const file = join(repoRoot, target.out);
      const text = workerBundle(target);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(`worker bundle: ${relative(repoRoot, file)} (${(text.length / 1024).toFixed(1)} KB)`);
    }
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
