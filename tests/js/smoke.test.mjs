// The WebAssembly build under node: it loads, analyses a page and a plain text, and every option reaches the core.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createAnalyzer } from '../../web/lib/articlescope.js';
import { readWasm, repoDir } from './support/paths.mjs';
import { reportProblems } from './support/report-shape.mjs';

const fixtures = join(repoDir, 'tests', 'js', 'fixtures');
const html = readFileSync(join(fixtures, 'article.html'), 'utf8');
const text = readFileSync(join(fixtures, 'article.txt'), 'utf8');

let analyzer;
before(async () => {
  analyzer = await createAnalyzer({ wasmBinary: readWasm() });
});

test('the analyzer reports its versions', () => {
  assert.match(analyzer.version, /^\d+\.\d+\.\d+$/);
  assert.ok(Number.isInteger(analyzer.reportVersion) && analyzer.reportVersion >= 1);
});

test('an HTML page gives a report of the documented shape', () => {
  const report = analyzer.analyze(html);
  assert.deepEqual(reportProblems(report), []);
  assert.equal(report.version, analyzer.reportVersion);
  assert.equal(report.format, 'html');
  assert.equal(report.input_bytes, Buffer.byteLength(html));
  assert.deepEqual(report.errors, []);
  assert.ok(report.article.text.includes('to allow night fishing from the east pier'));
  assert.ok(report.article.text.includes('fine of up to $500'));
  assert.ok(report.timings.total_ms >= report.timings.clean_ms);
});

test('offsets are UTF-16 code units: spans after an astral character still slice correctly', () => {
  const report = analyzer.analyze(html);
  const t = report.article.text;
  const emoji = t.indexOf('\u{1F3A3}');
  assert.ok(emoji > 0, 'the fixture emoji is in the clean text');
  const after = report.article.blocks.filter((b) => b.start > emoji);
  assert.ok(after.length > 0, 'there are blocks after the emoji');
  // Byte offsets would overshoot by two per emoji: the last block must end exactly at the end of the text.
  assert.equal(report.article.blocks.at(-1).end, t.trimEnd().length);
  for (const b of after) assert.equal(t.slice(b.start, b.end).trim(), t.slice(b.start, b.end));
});

test('plain text is detected and analysed', () => {
  const report = analyzer.analyze(text);
  assert.deepEqual(reportProblems(report), []);
  assert.equal(report.format, 'text');
  assert.ok(report.article.text.includes('allow cycling on three forest trails'));
});

test('every option reaches the core', () => {
  const full = analyzer.analyze(html);
  assert.ok(full.article.html.length > 0, 'article.html is filled by default');

  const noHtml = analyzer.analyze(html, { includeHtml: false, includeRemoved: false });
  assert.equal(noHtml.article.html, '');
  assert.deepEqual(noHtml.article.removed, []);
  assert.equal(noHtml.article.text, full.article.text);

  const bare = analyzer.analyze(html, { entities: false, policy: false });
  assert.deepEqual(bare.entities, []);
  assert.deepEqual(bare.entity_groups, []);
  assert.deepEqual(bare.policy.provisions, []);
  assert.equal(bare.article.text, full.article.text);

  assert.equal(analyzer.analyze(html, { format: 'text' }).format, 'text');
  assert.equal(analyzer.analyze(text, { format: 'html' }).format, 'html');

  const raw = analyzer.analyze(text, { clean: false });
  assert.equal(raw.article.text, text, 'clean: false keeps the input verbatim');
  assert.deepEqual(reportProblems(raw), []);

  assert.throws(() => analyzer.analyze(html, { maxInputBytes: 100 }), { code: 'input_too_large' });
  assert.equal(analyzer.analyze(html, { maxInputBytes: Buffer.byteLength(html) }).errors.length, 0);
});

test('bytes and strings give the same report', () => {
  const fromString = analyzer.analyze(html);
  const fromBytes = analyzer.analyze(new TextEncoder().encode(html));
  delete fromString.timings;
  delete fromBytes.timings;
  assert.deepEqual(fromBytes, fromString);
});
