// Runs web/lib in a real page under a strict CSP and publishes what it saw on window.__results for
// tests/js/browser.test.mjs to assert. Nothing here decides pass or fail.
import { createAnalyzer, ArticleScopeError } from '/web/lib/articlescope.js';
import { createWorkerAnalyzer } from '/web/lib/worker-client.js';
import { highlightRanges, highlightInPage } from '/web/lib/highlight.js';
import { reportProblems } from '/tests/js/support/report-shape.mjs';

const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));

const withoutTimings = (report) => {
  const { timings, ...rest } = report;
  return rest;
};

// Renders the clean text the way a reader view does: one element per block, no blank lines in the DOM.
function render(container, report) {
  container.replaceChildren();
  const t = report.article.text;
  for (const block of report.article.blocks) {
    const el = document.createElement(block.kind === 'heading' ? 'h2' : 'p');
    el.append(document.createTextNode('\n  '));  // formatting white space that is not part of the text
    el.append(document.createTextNode(t.slice(block.start, block.end)));
    container.append(el);
  }
}

// Some spans of the text: the report's entities and provision sentences, plus words found by search, two of
// them overlapping and one crossing a block boundary.
function spansOf(report) {
  const t = report.article.text;
  const spans = [];
  for (const e of report.entities) spans.push({ start: e.start, end: e.end, className: `entity entity-${e.type}` });
  for (const p of report.policy.provisions) spans.push({ start: p.sentence.start, end: p.sentence.end, className: `provision ${p.status}` });
  for (const word of ['night fishing', 'Kelda Bay marine reserve', 'Kelda Bay', '\u{1F3A3}']) {
    const at = t.indexOf(word);
    if (at >= 0) spans.push({ start: at, end: at + word.length, className: 'search', attributes: { 'data-word': word } });
  }
  const crossing = t.indexOf('\n\nUnder');
  if (crossing > 0) spans.push({ start: crossing - 6, end: crossing + 9, className: 'crossing' });
  return spans;
}

async function run() {
  const results = {};
  const html = await (await fetch('/tests/js/fixtures/article.html')).text();

  // 1. The synchronous analyzer on the main thread.
  let start = performance.now();
  const analyzer = await createAnalyzer();
  results.coldStartMs = performance.now() - start;
  results.version = analyzer.version;
  const report = analyzer.analyze(html);
  results.problems = reportProblems(report);
  results.format = report.format;
  results.hasBody = report.article.text.includes('to allow night fishing from the east pier');
  try {
    analyzer.analyze(' ');
  } catch (error) {
    results.emptyError = { isArticleScopeError: error instanceof ArticleScopeError, code: error.code, hasReport: !!error.report };
  }

  // 2. The same analysis in a worker.
  start = performance.now();
  const worker = createWorkerAnalyzer();
  await worker.ready;
  results.workerStartMs = performance.now() - start;
  results.workerVersion = worker.version;
  const fromWorker = await worker.analyze(html);
  results.workerSameReport = JSON.stringify(withoutTimings(fromWorker)) === JSON.stringify(withoutTimings(report));
  results.workerError = await worker.analyze('').then(
    () => null,
    (error) => ({ isArticleScopeError: error instanceof ArticleScopeError, code: error.code, hasReport: !!error.report }),
  );
  results.workerOptions = (await worker.analyze(html, { entities: false, policy: false })).policy.provisions.length;
  worker.terminate();
  results.afterTerminate = await worker.analyze(html).then(() => null, (error) => error.code);

  // 2b. A module compiled by the page, handed to the worker as a promise: an analysis asked for before the module
  // is compiled waits for it, and a warm-up asked for later (warmUp: false, then warmUp()) runs after it; a
  // promise that fails leaves the worker to fetch the module itself. The main thread's createAnalyzer takes a
  // compiled module too, and refuses anything else.
  const compiling = WebAssembly.compileStreaming(fetch('/web/lib/dist/articlescope-core.wasm'));
  const shared = createWorkerAnalyzer({ wasmModule: compiling, warmUp: false });
  const early = await shared.analyze(html);
  const warmedUp = shared.warmUp();
  const afterWarmUp = shared.analyze(html);
  results.warmUpAnswered = await Promise.race([warmedUp.then(() => true), afterWarmUp.then(() => 'analysis first')]);
  results.afterWarmUpSameReport = JSON.stringify(withoutTimings(await afterWarmUp)) === JSON.stringify(withoutTimings(early));
  results.sharedModuleSameReport = JSON.stringify(withoutTimings(early)) === JSON.stringify(withoutTimings(report));
  shared.terminate();
  const fallback = createWorkerAnalyzer({ wasmModule: Promise.reject(new Error('not compiled')), warmUp: false });
  results.failedModuleFallsBack = JSON.stringify(withoutTimings(await fallback.analyze(html))) === JSON.stringify(withoutTimings(report));
  fallback.terminate();
  // A worker the page started itself (from its first script, as the demo's theme.js does) is the one used.
  const started = new Worker('/web/lib/dist/worker.js', { type: 'module' });
  const adopted = createWorkerAnalyzer({ worker: started, wasmModule: compiling, warmUp: false });
  results.adoptedWorkerListened = started.onmessage !== null;
  results.adoptedWorkerSameReport = JSON.stringify(withoutTimings(await adopted.analyze(html))) === JSON.stringify(withoutTimings(report));
  adopted.terminate();
  const fromModule = await createAnalyzer({ wasmModule: await compiling });
  results.mainThreadModuleSameReport = JSON.stringify(withoutTimings(fromModule.analyze(html))) === JSON.stringify(withoutTimings(report));
  results.notAModule = await createAnalyzer({ wasmModule: new Uint8Array(8) }).then(() => null, (error) => error.code);

  // 3. Highlighting the rendered article.
  const rendered = document.getElementById('rendered');
  render(rendered, report);
  const before = rendered.innerHTML;
  const nodesBefore = [...rendered.querySelectorAll('p, h2')].map((el) => [...el.childNodes]);
  const spans = spansOf(report);
  const t = report.article.text;
  const marks = highlightRanges(rendered, t, spans);
  results.highlight = {
    spans: spans.length,
    elements: marks.elements.length,
    // Each span's elements, joined, must read the span's text (minus the blank lines the DOM does not render).
    mismatches: spans
      .map((s, i) => ({ want: t.slice(s.start, s.end).replace(/\n+/g, ''), got: marks.bySpan[i].map((el) => el.textContent).join(''), i }))
      .filter((m) => m.want !== m.got),
    classesOk: marks.bySpan.every((els, i) => els.length > 0 && els.every((el) => el.className === spans[i].className)),
    attributeOk: marks.bySpan.every((els, i) => !spans[i].attributes || els.every((el) => el.getAttribute('data-word') === spans[i].attributes['data-word'])),
    nested: !!rendered.querySelector('mark.search mark.search'),
  };
  marks.remove();
  const nodesAfter = [...rendered.querySelectorAll('p, h2')].map((el) => [...el.childNodes]);
  results.highlight.restored = rendered.innerHTML === before;
  results.highlight.sameNodes = nodesBefore.length === nodesAfter.length && nodesBefore.every((nodes, i) => nodes.length === nodesAfter[i].length && nodes.every((n, j) => n === nodesAfter[i][j]));

  // 4. Highlighting quotes in a "live page" with its own markup and line breaks.
  const live = document.getElementById('live');
  const page = new DOMParser().parseFromString(html, 'text/html');
  live.replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
  const liveBefore = live.innerHTML;
  const quotes = [
    ...report.policy.provisions.map((p) => ({ text: p.sentence.text, className: 'quote' })),
    { text: 'Under   the new rules,\nlicensed anglers', className: 'quote' },
    { text: 'This sentence is not on the page.', className: 'quote' },
  ];
  const inPage = highlightInPage(live, quotes);
  results.inPage = {
    quotes: quotes.length,
    found: inPage.found,
    missing: inPage.missing,
    texts: inPage.found.map((q) => ({
      want: quotes[q].text.replace(/\s+/g, ''),
      got: inPage.bySpan[q].map((el) => el.textContent).join('').replace(/\s+/g, ''),
    })),
  };
  inPage.remove();
  results.inPage.restored = live.innerHTML === liveBefore;

  results.violations = violations;
  return results;
}

run().then(
  (results) => (window.__results = results),
  (error) => (window.__results = { failed: `${error.name}: ${error.message}\n${error.stack}` }),
);
