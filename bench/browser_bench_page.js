// The in-page half of bench/browser_bench.mjs: times, on the same HTML string in the same page, our full
// WebAssembly analysis and Mozilla Readability's parse() of a DOMParser document.
import { createAnalyzer } from '/web/lib/articlescope.js';
import { createWorkerAnalyzer } from '/web/lib/worker-client.js';

let analyzer = null;

/** Cold start: fetch + compile + instantiate of the module (the wrapper module itself is already loaded). */
window.coldStart = async () => {
  const start = performance.now();
  analyzer = await createAnalyzer();
  return performance.now() - start;
};

function timeOurs(html) {
  const start = performance.now();
  let ok = true;
  try {
    analyzer.analyze(html);  // defaults: clean + entities + policy
  } catch {
    ok = false;  // a refusal (e.g. binary page) still counts its time
  }
  return { ms: performance.now() - start, ok };
}

function timeReadability(html) {
  const parseStart = performance.now();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const parsed = performance.now();
  // eslint-disable-next-line no-undef
  const article = new Readability(doc).parse();
  const end = performance.now();
  return { parseMs: end - parsed, domMs: parsed - parseStart, found: !!article };
}

/** Times one page `reps` times each (alternating), keeping the fastest run of each side. */
window.benchPage = async (index, reps) => {
  const html = await (await fetch(`/page?i=${index}`)).text();
  let ours = Infinity;
  let readability = Infinity;
  let dom = Infinity;
  let ok = true;
  let found = false;
  for (let r = 0; r < reps; r++) {
    const o = timeOurs(html);
    ours = Math.min(ours, o.ms);
    ok = o.ok;
    const m = timeReadability(html);
    readability = Math.min(readability, m.parseMs);
    dom = Math.min(dom, m.domMs + m.parseMs);
    found = m.found;
  }
  return { bytes: html.length, ours, readability, readabilityWithDom: dom, ok, found };
};

/**
 * The first analyze() of a page in a fresh worker (as the demo runs it: worker, then ready, then analyze), and
 * the best of `reps` warm ones after it. warmUp: whether the worker warms up before `ready` (the default).
 */
window.firstAndWarm = async (index, reps, warmUp) => {
  const html = await (await fetch(`/page?i=${index}`)).text();
  const worker = createWorkerAnalyzer({ warmUp });
  const readyStart = performance.now();
  await worker.ready;
  const readyMs = performance.now() - readyStart;
  const time = async () => {
    const start = performance.now();
    await worker.analyze(html).catch(() => null);
    return performance.now() - start;
  };
  const first = await time();
  let warm = Infinity;
  for (let r = 0; r < reps; r++) warm = Math.min(warm, await time());
  worker.terminate();
  return { bytes: html.length, readyMs, first, warm };
};

window.benchReady = true;
