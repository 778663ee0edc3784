// The download budget: what a browser transfers to analyse (module + loader + wrapper), gzip, <= 600 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readFileSync } from 'node:fs';

import { measure, measureWidget, widgetBundle, widgetSources } from '../../scripts/wasm-size.mjs';
import { readWasm } from './support/paths.mjs';

test('the WebAssembly build fits the 600 KB gzip budget, every model included', () => {
  readWasm();
  const m = measure();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`# wasm raw ${kb(m.wasm.raw)} gzip ${kb(m.wasm.gzip)}; js raw ${kb(m.js.raw)} gzip ${kb(m.js.gzip)}; total gzip ${kb(m.total.gzip)}`);
  assert.ok(m.files.some((f) => f.file.endsWith('articlescope-core.mjs')), 'the loader is counted');
  assert.ok(m.files.some((f) => f.file.endsWith('articlescope.js')), 'the wrapper is counted');
  assert.ok(m.files.some((f) => f.file.endsWith('dist/worker.js')), 'the worker bundle is counted');
  assert.ok(m.total.gzip <= m.budgetGzip, `total ${kb(m.total.gzip)} is over the ${kb(m.budgetGzip)} budget`);
});

test('the widget (core + its bundle and stylesheets) fits the 600 KB gzip ceiling', () => {
  readWasm();
  const w = measureWidget();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const names = w.files.map((f) => f.file.replace(/^.*\/web\//, 'web/'));
  console.log(`# widget: ${names.join(', ')}; own gzip ${kb(w.ownGzip)}; total ${kb(w.total.gzip)}`);
  // What a host page loads: the bundle the build writes (its script tag's src) and the copies of the two
  // stylesheets beside it.
  assert.deepEqual(names, ['web/widget/dist/article-scope.js', 'web/widget/dist/ui.css', 'web/widget/dist/widget.css']);
  const sources = widgetSources().map((f) => f.replace(/^.*\/web\//, 'web/'));
  assert.ok(sources.includes('web/widget/analyzer.js') && sources.includes('web/ui/summary.js'));
  assert.ok(!sources.includes('web/ui/article.js'), 'the widget does not load the article view');
  assert.ok(!readFileSync(widgetBundle, 'utf8').includes('function renderArticle('), 'nor does its bundle');
  assert.ok(w.total.gzip <= w.budgetGzip, `total ${kb(w.total.gzip)} is over the ${kb(w.budgetGzip)} budget`);
});
