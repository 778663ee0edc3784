// createWorkerAnalyzer() replaces its worker after an internal_error (an out-of-memory analysis leaves a
// WebAssembly heap that never shrinks), and the analyses waiting behind the failed one go to the new worker.
// Driven in headless Chromium with tests/js/browser/fake-worker.js, which answers like worker.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchChromium, startStaticServer } from './support/static-server.mjs';

let server;
let browser;
let result;

before(async () => {
  server = await startStaticServer({ roots: ['web/lib', 'tests/js'] });
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`${server.url}/tests/js/browser/recycle.html`);
  await page.waitForFunction(() => window.__recycle !== undefined, null, { timeout: 30000 });
  result = await page.evaluate(() => window.__recycle);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('an internal_error rejects its analysis and replaces the worker', () => {
  assert.equal(result.failed, undefined, result.failed);
  assert.equal(result.failure, 'internal_error');
  assert.equal(result.restarts, 1);
  assert.notEqual(result.afterInstance, result.firstInstance);
});

test('an analysis queued behind the failed one is answered by the new worker', () => {
  assert.equal(result.queuedInput, 'queued');
  assert.notEqual(result.queuedInstance, result.firstInstance);
  assert.equal(result.queuedInstance, result.afterInstance);
});
