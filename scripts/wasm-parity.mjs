#!/usr/bin/env node
// Native/WebAssembly parity over the dev corpora: every page of /work/shared/corpora/*/pages/*.html.gz is
// analysed by the native CLI (--jsonl batch, one process) and by the WASM build; the reports must be equal,
// timings aside. Skips (exit 0) when the corpora are absent; exits 1 on any difference.
//
//   node scripts/wasm-parity.mjs [--corpora DIR] [--limit N]
//   ARTICLESCOPE_CLI=path/to/articlescope overrides build/native/articlescope.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { createAnalyzer, ArticleScopeError } from '../web/lib/articlescope.js';
import { cliPath, readWasm } from '../tests/js/support/paths.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const corporaDir = option('corpora', process.env.ARTICLESCOPE_CORPORA ?? '/work/shared/corpora');
const limit = Number(option('limit', Infinity));

const pages = [];
if (existsSync(corporaDir)) {
  for (const corpus of readdirSync(corporaDir).sort()) {
    const dir = join(corporaDir, corpus, 'pages');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.html.gz')).sort()) pages.push(join(dir, name));
  }
}
if (pages.length === 0) {
  console.log(`wasm-parity: skipped: no pages under ${corporaDir}/*/pages`);
  process.exit(0);
}
const selected = pages.slice(0, limit);
// Both sides get the same text: the page decoded as UTF-8 (invalid sequences replaced).
const decoder = new TextDecoder('utf-8');
const htmls = selected.map((file) => decoder.decode(gunzipSync(readFileSync(file))));

const input = htmls.map((html, id) => JSON.stringify({ id, html })).join('\n') + '\n';
const run = spawnSync(cliPath, ['analyse', '--jsonl', '--no-timings'], { input, maxBuffer: 1 << 30 });
if (run.error) {
  console.error(`wasm-parity: cannot run ${cliPath}: ${run.error.message} (build the native CLI or set ARTICLESCOPE_CLI)`);
  process.exit(2);
}
const native = run.stdout.toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

const analyzer = await createAnalyzer({ wasmBinary: readWasm() });
let different = 0;
for (let i = 0; i < htmls.length; i++) {
  let report;
  try {
    report = analyzer.analyze(htmls[i], { format: 'html' });
  } catch (error) {
    if (!(error instanceof ArticleScopeError) || !error.report) throw error;
    report = error.report;
  }
  delete report.timings;
  const { id, ...expected } = native[i] ?? {};
  if (id !== i || !isDeepStrictEqual(report, expected)) {
    different++;
    const keys = Object.keys(report).filter((k) => !isDeepStrictEqual(report[k], expected[k]));
    console.log(`DIFF ${selected[i]}: ${id !== i ? `native line has id ${id}` : `fields ${keys.join(', ')}`}`);
  }
}
console.log(`wasm-parity: ${htmls.length - different}/${htmls.length} pages give identical native and WASM reports (${cliPath})`);
process.exit(different ? 1 : 0);
