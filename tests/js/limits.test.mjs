// The wrapper's limits (issue 13): oversized input is refused before it reaches WebAssembly, an input the
// memory cannot hold is an internal_error that leaves the instance usable, option names that Object.prototype
// owns are unknown options, and remote images are opt-in.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createAnalyzer, ArticleScopeError } from '../../web/lib/articlescope.js';
import { readWasm } from './support/paths.mjs';
import { reportProblems } from './support/report-shape.mjs';

const page =
  '<html><head><title>Ferry service resumes</title><link rel="canonical" href="https://ferry.example/news/1"></head>' +
  '<body><article><h1>Ferry service resumes</h1><p>The port authority on Friday allowed the island ferry to ' +
  'sail again after the storm, but kept the ban on night crossings until the lights are repaired, a ' +
  'spokesman said.</p><p>The first ferry leaves at seven.<img src="/img/ferry.jpg" alt="The ferry"></p>' +
  '</article></body></html>';

let analyzer;
before(async () => {
  analyzer = await createAnalyzer({ wasmBinary: readWasm() });
});

function refusal(fn) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ArticleScopeError, String(error));
    return error;
  }
  assert.fail('expected an ArticleScopeError');
}

test('a string over maxInputBytes is refused before it reaches WebAssembly: the heap does not grow', () => {
  const heapBefore = analyzer.memory().heapBytes;
  const huge = 'a'.repeat(64 * 1024 * 1024);  // four times the default limit
  const error = refusal(() => analyzer.analyze(huge));
  assert.equal(error.code, 'input_too_large');
  assert.match(error.message, /^input is more than 16777216 bytes/);
  assert.equal(error.report.input_bytes, huge.length);
  assert.equal(analyzer.memory().heapBytes, heapBefore, 'the input was copied into the module');
  assert.deepEqual(reportProblems(error.report), []);
});

test('a string whose UTF-8 is over maxInputBytes is refused though it has fewer code units', () => {
  const error = refusal(() => analyzer.analyze('é'.repeat(600), { maxInputBytes: 1000 }));  // 1200 bytes
  assert.equal(error.code, 'input_too_large');
  assert.match(error.message, /more than 1000 bytes/);
  assert.equal(analyzer.analyze('é'.repeat(500), { maxInputBytes: 1000, format: 'text' }).input_bytes, 1000);
});

test('bytes of 2 GiB and more: refused over the limit, out of memory under a higher one, never corrupting', () => {
  const bytes = new Uint8Array(2.2e9);  // zero pages: nothing is touched unless copied
  const heapBefore = analyzer.memory().heapBytes;
  assert.equal(refusal(() => analyzer.analyze(bytes)).code, 'input_too_large');
  assert.equal(analyzer.memory().heapBytes, heapBefore);
  const error = refusal(() => analyzer.analyze(bytes, { maxInputBytes: 3e9 }));
  assert.equal(error.code, 'internal_error');
  assert.match(error.message, /^out of memory/);
  // The instance is intact: the next analysis gives the same report as a fresh instance.
  const report = analyzer.analyze(page);
  assert.deepEqual(reportProblems(report), []);
  assert.match(report.article.text, /island ferry/);
});

test('option names that Object.prototype owns are unknown options', () => {
  for (const options of [JSON.parse('{"__proto__": {"clean": false}}'), { constructor: 'x' }, { toString: 'x' },
    { hasOwnProperty: true }, { valueOf: 1 }]) {
    const error = refusal(() => analyzer.analyze('Some text about a ferry.', options));
    assert.equal(error.code, 'invalid_options');
    assert.match(error.message, /^unknown option "/, error.message);
  }
});

test('remote images are left out of article.html unless remoteImages is set', () => {
  const off = analyzer.analyze(page);
  assert.ok(!off.article.html.includes('<img'), off.article.html);
  const on = analyzer.analyze(page, { remoteImages: true });
  assert.ok(on.article.html.includes('<img src="https://ferry.example/img/ferry.jpg" alt="The ferry">'), on.article.html);
  assert.equal(on.article.text, off.article.text);
  assert.equal(refusal(() => analyzer.analyze(page, { remoteImages: 'yes' })).code, 'invalid_options');
});
