// Bad input becomes an ArticleScopeError with the report's code, never a crash, and the module stays usable;
// memory does not grow across many analyses.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createAnalyzer, ArticleScopeError } from '../../web/lib/articlescope.js';
import { readWasm, repoDir } from './support/paths.mjs';
import { reportProblems } from './support/report-shape.mjs';

const html = readFileSync(join(repoDir, 'tests', 'js', 'fixtures', 'article.html'), 'utf8');

let analyzer;
before(async () => {
  analyzer = await createAnalyzer({ wasmBinary: readWasm() });
});

function refusal(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail('expected an ArticleScopeError');
}

test('empty and white-space input is refused with empty_input and the report', () => {
  for (const input of ['', '   \n\t  ', new Uint8Array(0), null, undefined]) {
    const error = refusal(() => analyzer.analyze(input));
    assert.ok(error instanceof ArticleScopeError);
    assert.ok(error instanceof Error);
    assert.equal(error.code, 'empty_input');
    assert.equal(error.name, 'ArticleScopeError');
  }
  const error = refusal(() => analyzer.analyze('  '));
  assert.ok(error.report, 'a refusal by the core carries its report');
  assert.equal(error.report.errors[0].code, 'empty_input');
  assert.equal(error.message, error.report.errors[0].message);
  assert.deepEqual(reportProblems(error.report), []);
});

test('binary input is refused with binary_input', () => {
  const bytes = new Uint8Array(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  assert.equal(refusal(() => analyzer.analyze(bytes)).code, 'binary_input');
  assert.equal(refusal(() => analyzer.analyze(bytes.buffer)).code, 'binary_input');
  assert.equal(refusal(() => analyzer.analyze('PK\u0003\u0004\u0000\u0000\u0000\u0000\u0014\u0000')).code, 'binary_input');
});

test('oversized input is refused with input_too_large', () => {
  const error = refusal(() => analyzer.analyze('word '.repeat(1000), { maxInputBytes: 1000 }));
  assert.equal(error.code, 'input_too_large');
  assert.equal(error.report.input_bytes, 5000);
});

test('invalid UTF-8 is repaired with a warning, not refused', () => {
  const bytes = new TextEncoder().encode('The board in Zürich decided to allow parking on Main Street. ');
  const broken = new Uint8Array([...bytes, 0xff, 0xfe, 0x41, 0xc3]);
  const report = analyzer.analyze(broken);
  assert.ok(report.warnings.some((w) => w.code === 'invalid_utf8'));
  assert.ok(report.article.text.includes('\uFFFD'));
  assert.deepEqual(reportProblems(report), []);
});

test('bytes in a legacy charset are decoded with a warning', () => {
  const head = new TextEncoder().encode('<meta charset="iso-8859-1"><p>Die B');
  const tail = new TextEncoder().encode('rgermeisterin erlaubt den Markt am Sonntag.</p>');
  const report = analyzer.analyze(new Uint8Array([...head, 0xfc, ...tail]));
  assert.ok(report.warnings.some((w) => w.code === 'transcoded'));
  assert.ok(report.article.text.includes('Die Bürgermeisterin erlaubt'));
  assert.deepEqual(reportProblems(report), []);
});

test('wrong options and argument types are refused by the wrapper', () => {
  for (const options of [{ format: 'pdf' }, { includeHTML: false }, { clean: 'yes' }, { maxInputBytes: 0 }, { maxInputBytes: NaN }, 'text']) {
    assert.equal(refusal(() => analyzer.analyze('Some text.', options)).code, 'invalid_options', JSON.stringify(options));
  }
  assert.equal(refusal(() => analyzer.analyze(42)).code, 'invalid_input');
  assert.equal(refusal(() => analyzer.analyze({ html: '<p>x</p>' })).code, 'invalid_input');
});

test('hostile markup does not crash the module', () => {
  const deep = '<div>'.repeat(100000) + 'The council allowed it.' + '</div>'.repeat(100000);
  assert.deepEqual(reportProblems(analyzer.analyze(deep)), []);
  const tags = '<p><b><i><a href="x">'.repeat(5000) + 'Text.';
  assert.deepEqual(reportProblems(analyzer.analyze(tags)), []);
  const longWord = 'a'.repeat(300000);
  assert.deepEqual(reportProblems(analyzer.analyze(longWord)), []);
  // The module is still healthy afterwards.
  assert.ok(analyzer.analyze(html).article.text.includes('night fishing'));
});

test('1,000 successive analyses do not grow memory', () => {
  const inputs = [html, 'The mayor said parking is now allowed downtown.', '', '\u0000\u0001binary'];
  const runOnce = (i) => {
    try {
      analyzer.analyze(inputs[i % inputs.length]);
    } catch (error) {
      if (!(error instanceof ArticleScopeError)) throw error;
    }
  };
  for (let i = 0; i < 50; i++) runOnce(i);  // warm-up: allocator pools and caches reach their size
  const warm = analyzer.memory();
  for (let i = 0; i < 1000; i++) runOnce(i);
  const after = analyzer.memory();
  assert.equal(after.heapBytes, warm.heapBytes, 'the WebAssembly memory did not grow');
  assert.ok(after.inUseBytes <= warm.inUseBytes + 4096, `allocated bytes ${warm.inUseBytes} -> ${after.inUseBytes}`);
});

test('a disposed analyzer refuses to work', async () => {
  const own = await createAnalyzer({ wasmBinary: readWasm() });
  own.analyze('The board allowed dogs in the park.');
  own.dispose();
  assert.equal(refusal(() => own.analyze('text')).code, 'disposed');
});
