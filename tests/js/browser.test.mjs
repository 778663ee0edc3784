// web/lib in headless Chromium under a strict CSP (script-src 'self' 'wasm-unsafe-eval'): the analyzer, the
// worker analyzer and both highlighters, driven by tests/js/browser/page.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { readWasm } from './support/paths.mjs';
import { launchChromium, startStaticServer } from './support/static-server.mjs';

let server;
let browser;
let results;
let consoleErrors = [];

before(async () => {
  readWasm();  // fail early, with the build instructions, when the module is missing
  server = await startStaticServer({ roots: ['web/lib', 'tests/js'] });
  browser = await launchChromium();
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`${server.url}/tests/js/browser/index.html`);
  await page.waitForFunction(() => window.__results !== undefined, null, { timeout: 60000 });
  results = await page.evaluate(() => window.__results);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the page ran to the end without errors or CSP violations', () => {
  assert.equal(results.failed, undefined, results.failed);
  assert.deepEqual(results.violations, []);
  assert.deepEqual(consoleErrors, []);
  console.log(`# cold start (fetch + compile + instantiate) ${results.coldStartMs.toFixed(1)} ms; worker ready in ${results.workerStartMs.toFixed(1)} ms`);
});

test('createAnalyzer analyses in the page and refuses with ArticleScopeError', () => {
  assert.match(results.version, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(results.problems, []);
  assert.equal(results.format, 'html');
  assert.ok(results.hasBody);
  assert.deepEqual(results.emptyError, { isArticleScopeError: true, code: 'empty_input', hasReport: true });
});

test('createWorkerAnalyzer gives the same report asynchronously', () => {
  assert.ok(results.workerSameReport);
  assert.equal(results.workerVersion, results.version);
  assert.deepEqual(results.workerError, { isArticleScopeError: true, code: 'empty_input', hasReport: true });
  assert.equal(results.workerOptions, 0);
  assert.equal(results.afterTerminate, 'disposed');
});

test('a module compiled by the page serves the worker and createAnalyzer; a warm-up asked for later; a worker the page started', () => {
  assert.ok(results.sharedModuleSameReport, 'an analysis asked for before the module was compiled');
  assert.equal(results.warmUpAnswered, true, 'warmUp() resolves once the worker warmed up, before the analysis asked for after it');
  assert.ok(results.afterWarmUpSameReport, 'the analysis after the warm-up');
  assert.ok(results.failedModuleFallsBack, 'a failed compilation: the worker fetches the module itself');
  assert.ok(results.adoptedWorkerListened && results.adoptedWorkerSameReport, 'a worker the page started (opts.worker) analyses');
  assert.ok(results.mainThreadModuleSameReport);
  assert.equal(results.notAModule, 'invalid_options');
});

test('highlightRanges wraps every span and remove() restores the DOM exactly', () => {
  const h = results.highlight;
  assert.ok(h.spans >= 5, `only ${h.spans} spans`);
  assert.ok(h.elements >= h.spans);
  assert.deepEqual(h.mismatches, []);
  assert.ok(h.classesOk, 'every span has elements with its class');
  assert.ok(h.attributeOk, 'attributes are set');
  assert.ok(h.nested, 'a span inside another nests inside its element');
  assert.ok(h.restored, 'innerHTML is back to the original');
  assert.ok(h.sameNodes, 'the original text nodes are back in place');
});

test('highlightInPage finds quotes across markup and white space, and reports the missing ones', () => {
  const p = results.inPage;
  assert.deepEqual(p.missing, [p.quotes - 1]);
  assert.equal(p.found.length, p.quotes - 1);
  for (const { want, got } of p.texts) assert.equal(got, want);
  assert.ok(p.restored);
});
