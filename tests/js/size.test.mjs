// The download budget: what a browser transfers to analyse (module + loader + wrapper), gzip, <= 500 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { measure } from '../../scripts/wasm-size.mjs';
import { readWasm } from './support/paths.mjs';

test('the WebAssembly build fits the 500 KB gzip budget, entity model included', () => {
  readWasm();
  const m = measure();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`# wasm raw ${kb(m.wasm.raw)} gzip ${kb(m.wasm.gzip)}; js raw ${kb(m.js.raw)} gzip ${kb(m.js.gzip)}; total gzip ${kb(m.total.gzip)}`);
  assert.ok(m.files.some((f) => f.file.endsWith('articlescope-core.mjs')), 'the loader is counted');
  assert.ok(m.files.some((f) => f.file.endsWith('articlescope.js')), 'the wrapper is counted');
  assert.ok(m.total.gzip <= m.budgetGzip, `total ${kb(m.total.gzip)} is over the ${kb(m.budgetGzip)} budget`);
});
