#!/usr/bin/env node
// Browser benchmark, headless Chromium.
// 1. Time to first result: navigation to the demo's rendered report of its first sample (the demo marks it:
//    performance mark "articlescope:first-result", set after the frame that shows the whole report was laid out
//    and painted: the policy scope, the article with its highlights, the legend, the entity list; the report is
//    drawn in two steps, and "articlescope:first-screen" marks the first one painted: the status line and the
//    policy scope, all the first screen shows of a report), on first visits (fresh contexts: no HTTP cache, no code cache, no service
//    worker) and on repeat visits (the same context again), with the phases before it (the demo's other
//    "articlescope:*" marks). Needs no corpus.
// 2. Over the dev corpora pages, in the same page and run: our WebAssembly analysis (clean + entities +
//    policy, from the HTML string) against Mozilla Readability's parse() of a DOMParser document of the same
//    HTML, per page; the median ratio to Readability's parse alone and to DOMParser + parse (the warm ratio).
// 3. First vs warm analyze(): a fresh worker (as the demo starts it), the first analysis of a ~100 KB page
//    against the best warm one, with and without the worker's warm-up.
// 4. The cold start of the module (fetch + compile + instantiate) in fresh contexts.
//
//   node bench/browser_bench.mjs [--corpora DIR] [--limit N] [--reps N] [--cold N] [--first N] [--pages100k N]
//   Goals: time to first result <= 400 ms (quiet machine); warm ratio ours / (DOMParser + Readability) < 0.5;
//   first analyze of a ~100 KB page <= 3x a warm one; median ratio ours/readability.parse < 1; cold start < 100 ms.
// The corpus parts skip with a message when the corpora are absent. Needs web/lib/dist (scripts/build.sh wasm).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

import { startDemoServer } from '../tests/e2e/helpers.mjs';
import { readWasm } from '../tests/js/support/paths.mjs';
import { launchChromium, startStaticServer } from '../tests/js/support/static-server.mjs';
import { describePhases, firstAndRepeatVisit, load, median } from './first_result.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const corporaDir = option('corpora', process.env.ARTICLESCOPE_CORPORA ?? '/work/shared/corpora');
const limit = Number(option('limit', Infinity));
const reps = Number(option('reps', 3));
const coldRuns = Number(option('cold', 7));
const firstVisits = Number(option('first', 9));
const pages100k = Number(option('pages100k', 5));

const pages = [];
for (const corpus of ['trafilatura-dev', 'readability-pages']) {
  const dir = join(corporaDir, corpus, 'pages');
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.html.gz')).sort()) pages.push({ corpus, file: join(dir, name) });
}
readWasm(); // fails with build instructions when the module is missing
const selected = pages.slice(0, limit);
console.log(`browser_bench: load average ${load()} (1, 5, 15 min) on ${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? '?'} cores`);

const browser = await launchChromium();
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

let server = null;
/** Parts 2-4, over the corpus pages. */
async function corpusParts() {
  server = await startStaticServer({
    roots: ['web/lib', 'bench', 'node_modules/@mozilla/readability'],
    // Cross-origin isolation gives performance.now() its fine resolution.
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
    routes: {
      '/page': async (url) => ({ type: 'text/plain; charset=utf-8', body: gunzipSync(readFileSync(selected[Number(url.searchParams.get('i'))].file)) }),
    },
  });

  // 2. Throughput, page by page, in one page of one context.
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
  const warmRatio = median(rows.map((r) => r.ours / Math.max(r.readabilityWithDom, 0.005)));
  console.log(`  GOAL warm ratio ours / (DOMParser + Readability.parse) < 0.5: median ${warmRatio.toFixed(3)} ${warmRatio < 0.5 ? 'MET' : 'NOT MET'}`);

  // 3. First vs warm analyze() of ~100 KB pages, each in a fresh context and worker, with and without warm-up.
  const around100k = rows
    .map((r, i) => ({ ...r, index: i }))
    .filter((r) => r.ok && r.bytes >= 80_000 && r.bytes <= 130_000)
    .sort((a, b) => Math.abs(a.bytes - 100_000) - Math.abs(b.bytes - 100_000))
    .slice(0, pages100k);
  if (around100k.length === 0) {
    console.log('  first vs warm analyze(): skipped (no page of 80-130 KB among the pages measured)');
  } else {
    const trial = async (warmUp) => {
      const results = [];
      for (const row of around100k) {
        const fresh = await browser.newContext();
        const p = await fresh.newPage();
        await p.goto(`${server.url}/bench/browser_bench.html`);
        await p.waitForFunction(() => window.benchReady === true);
        results.push(await p.evaluate(([i, n, w]) => window.firstAndWarm(i, n, w), [row.index, 3, warmUp]));
        await fresh.close();
      }
      return results;
    };
    const withWarmUp = await trial(true);
    const withoutWarmUp = await trial(false);
    const ratioOf = (results) => median(results.map((r) => r.first / Math.max(r.warm, 0.005)));
    const ratio = ratioOf(withWarmUp);
    const describe = (results) =>
      `first ${median(results.map((r) => r.first)).toFixed(1)} ms, warm ${median(results.map((r) => r.warm)).toFixed(1)} ms, ` +
      `ready after ${median(results.map((r) => r.readyMs)).toFixed(0)} ms; median ratio first/warm ${ratioOf(results).toFixed(2)}`;
    console.log(`  first vs warm analyze() of ${around100k.length} pages of ${around100k.map((r) => (r.bytes / 1024).toFixed(0)).join(', ')} KB, fresh worker each:`);
    console.log(`    with the worker's warm-up:    ${describe(withWarmUp)}  GOAL <= 3 ${ratio <= 3 ? 'MET' : 'NOT MET'}`);
    console.log(`    without it (warmUp: false):   ${describe(withoutWarmUp)}`);
  }

  // 4. Cold start in fresh contexts (no HTTP or code cache shared between runs).
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
}

try {
  // 1. Time to first result: the demo, as served by scripts/serve.mjs.
  const demo = await startDemoServer();
  const first = [];
  const repeat = [];
  try {
    for (let i = 0; i < firstVisits; i++) {
      const visit = await firstAndRepeatVisit(browser, demo.url);
      first.push(visit.first);
      repeat.push(visit.repeat);
    }
  } finally {
    await demo.stop();
  }
  const firstTimes = first.map((marks) => marks['first-result']).filter((ms) => ms !== undefined);
  const firstMedian = median(firstTimes);
  const screenTimes = first.map((marks) => marks['first-screen']).filter((ms) => ms !== undefined);
  console.log(
    `  time to first result (navigation to the demo's rendered first sample), ${firstVisits} first visits: median ${firstMedian.toFixed(0)} ms, ` +
      `min ${Math.min(...firstTimes).toFixed(0)}, max ${Math.max(...firstTimes).toFixed(0)}; first screen (status line and policy scope): median ${median(screenTimes).toFixed(0)} ms; repeat visits (HTTP and code cache): median ${median(repeat.map((marks) => marks['first-result'])).toFixed(0)} ms` +
      `  GOAL <= 400 ms (quiet machine) ${firstMedian <= 400 ? 'MET' : 'NOT MET'}  [load average now ${load()}]`,
  );
  console.log(`    phases, first visits (median ms from navigation): ${describePhases(first)}`);
  console.log(`    phases, repeat visits: ${describePhases(repeat)}`);

  if (pages.length === 0) {
    console.log(`browser_bench: corpus parts skipped: no pages under ${corporaDir}/{trafilatura-dev,readability-pages}/pages`);
  } else {
    await corpusParts();
  }
} finally {
  await browser.close();
  await server?.close();
}
