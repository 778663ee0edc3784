#!/usr/bin/env node
// Browser benchmark: headless Chromium over the dev corpora pages. In the same page and run it times our
// WebAssembly analysis (clean + entities + policy, from the HTML string) against Mozilla Readability's parse()
// of a DOMParser document of the same HTML (DOMParser time excluded: Readability's cleaning alone), and prints
// the median per-page ratio; then the cold start of the module in fresh browser contexts.
//
//   node bench/browser_bench.mjs [--corpora DIR] [--limit N] [--reps N] [--cold N]
//   Goals: median ratio ours/readability < 1; cold start (fetch + compile + instantiate) < 100 ms.
// Skips (exit 0) when the corpora are absent. Needs web/lib/dist (cmake --build build/wasm).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

import { readWasm } from '../tests/js/support/paths.mjs';
import { launchChromium, startStaticServer } from '../tests/js/support/static-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const corporaDir = option('corpora', process.env.ARTICLESCOPE_CORPORA ?? '/work/shared/corpora');
const limit = Number(option('limit', Infinity));
const reps = Number(option('reps', 3));
const coldRuns = Number(option('cold', 7));

const pages = [];
for (const corpus of ['trafilatura-dev', 'readability-pages']) {
  const dir = join(corporaDir, corpus, 'pages');
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.html.gz')).sort()) pages.push({ corpus, file: join(dir, name) });
}
if (pages.length === 0) {
  console.log(`browser_bench: skipped: no pages under ${corporaDir}/{trafilatura-dev,readability-pages}/pages`);
  process.exit(0);
}
readWasm();  // fails with build instructions when the module is missing
const selected = pages.slice(0, limit);

const server = await startStaticServer({
  roots: ['web/lib', 'bench', 'node_modules/@mozilla/readability'],
  // Cross-origin isolation gives performance.now() its fine resolution.
  headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  routes: {
    '/page': async (url) => ({ type: 'text/plain; charset=utf-8', body: gunzipSync(readFileSync(selected[Number(url.searchParams.get('i'))].file)) }),
  },
});
const browser = await launchChromium();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

try {
  // 1. Throughput, page by page, in one page of one context.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/bench/browser_bench.html`);
  await page.waitForFunction(() => window.benchReady === true);
  await page.evaluate(() => window.coldStart());
  for (let i = 0; i < Math.min(5, selected.length); i++) await page.evaluate(([i, r]) => window.benchPage(i, r), [i, 1]);  // JIT warm-up
  const rows = [];
  for (let i = 0; i < selected.length; i++) {
    const r = await page.evaluate(([i, n]) => window.benchPage(i, n), [i, reps]);
    rows.push({ ...selected[i], ...r, ratio: r.ours / Math.max(r.readability, 0.005) });
  }
  await context.close();

  console.log(`browser_bench: ${rows.length} pages, best of ${reps} runs each, headless Chromium (${browser.version()})`);
  const report = (label, list) => {
    if (!list.length) return;
    const ratios = list.map((r) => r.ratio);
    const withDom = list.map((r) => r.ours / Math.max(r.readabilityWithDom, 0.005));
    console.log(
      `  ${label.padEnd(18)} pages ${String(list.length).padStart(4)}  ours median ${median(list.map((r) => r.ours)).toFixed(2)} ms` +
        `  readability.parse median ${median(list.map((r) => r.readability)).toFixed(2)} ms` +
        `  ratio ours/readability: median ${median(ratios).toFixed(3)}, p90 ${quantile(ratios, 0.9).toFixed(3)}` +
        `  (vs DOMParser+parse: ${median(withDom).toFixed(3)})  ours faster on ${((100 * ratios.filter((x) => x < 1).length) / list.length).toFixed(0)}%`,
    );
  };
  for (const corpus of ['trafilatura-dev', 'readability-pages']) report(corpus, rows.filter((r) => r.corpus === corpus));
  report('all', rows);
  const refused = rows.filter((r) => !r.ok).length;
  if (refused) console.log(`  (${refused} pages refused by our analyser; their time is still counted)`);
  const total = (k) => rows.reduce((n, r) => n + r[k], 0);
  console.log(`  total: ours ${total('ours').toFixed(0)} ms, readability.parse ${total('readability').toFixed(0)} ms, ratio ${(total('ours') / total('readability')).toFixed(3)}`);
  const medianRatio = median(rows.map((r) => r.ratio));
  console.log(`  GOAL our full analysis faster than Readability's cleaning alone: median ratio ${medianRatio.toFixed(3)} ${medianRatio < 1 ? 'MET' : 'NOT MET'}`);

  // 2. Cold start in fresh contexts (no HTTP or code cache shared between runs).
  const colds = [];
  for (let i = 0; i < coldRuns; i++) {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    await p.goto(`${server.url}/bench/browser_bench.html`);
    await p.waitForFunction(() => window.benchReady === true);
    colds.push(await p.evaluate(() => window.coldStart()));
    await fresh.close();
  }
  const cold = median(colds);
  console.log(`  cold start (fetch + compile + instantiate), ${coldRuns} fresh contexts: median ${cold.toFixed(1)} ms, min ${Math.min(...colds).toFixed(1)} ms, max ${Math.max(...colds).toFixed(1)} ms  GOAL < 100 ms ${cold < 100 ? 'MET' : 'NOT MET'}`);
} finally {
  await browser.close();
  await server.close();
}
