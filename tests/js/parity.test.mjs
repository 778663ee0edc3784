// Native/WebAssembly parity: for every golden case (and the wrapper's own fixtures and edge inputs) the WASM
// report equals the native CLI's report, timings aside. The CLI is build/native/articlescope, or ARTICLESCOPE_CLI.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createAnalyzer, ArticleScopeError } from '../../web/lib/articlescope.js';
import { cliPath, corpusDir, readWasm, repoDir } from './support/paths.mjs';

/** The native report of one file, timings dropped by the CLI itself. */
function nativeReport(file) {
  const run = spawnSync(cliPath, ['analyse', '--no-timings', file], { maxBuffer: 256 << 20 });
  if (run.error) throw new Error(`cannot run ${cliPath} (build the native CLI or set ARTICLESCOPE_CLI): ${run.error.message}`);
  assert.ok(run.status === 0 || run.status === 1, `${cliPath} exited with ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout.toString('utf8'));
}

let analyzer;
function wasmReport(bytes) {
  let report;
  try {
    report = analyzer.analyze(bytes);
  } catch (error) {
    if (!(error instanceof ArticleScopeError) || !error.report) throw error;
    report = error.report;
  }
  delete report.timings;
  return report;
}

function inputOf(caseDir) {
  for (const name of ['input.html', 'input.txt']) if (existsSync(join(caseDir, name))) return join(caseDir, name);
  return null;
}

before(async () => {
  analyzer = await createAnalyzer({ wasmBinary: readWasm() });
});

const cases = existsSync(corpusDir)
  ? readdirSync(corpusDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(corpusDir, d.name))
  : [];

test('the golden corpus is not empty', () => {
  assert.ok(cases.filter(inputOf).length > 0, `no cases with input.html or input.txt in ${corpusDir}`);
});

for (const caseDir of cases) {
  const input = inputOf(caseDir);
  if (!input) continue;
  test(`parity: ${caseDir.slice(repoDir.length + 1)}`, () => {
    assert.deepStrictEqual(wasmReport(readFileSync(input)), nativeReport(input));
  });
}

for (const name of ['article.html', 'article.txt']) {
  test(`parity: tests/js/fixtures/${name}`, () => {
    const file = join(repoDir, 'tests', 'js', 'fixtures', name);
    assert.deepStrictEqual(wasmReport(readFileSync(file)), nativeReport(file));
  });
}

test('parity on edge inputs: empty, binary, invalid UTF-8, legacy charsets, BOM, nesting, astral characters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'articlescope-parity-'));
  try {
    const inputs = {
      empty: new Uint8Array(0),
      blank: new TextEncoder().encode(' \n\n\t '),
      binary: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0x14, 0, 0xff, 0x00, 0x10]),
      invalid_utf8: new Uint8Array([...new TextEncoder().encode('The city of Zürich allowed kiosks. '), 0xc3, 0x28, 0xa0, 0xff]),
      latin1: new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, ...new TextEncoder().encode(' ol'), 0xe9, 0x3a, 0x20, 0x80, 0x35]),
      utf16: new Uint8Array([0xff, 0xfe, 0x41, 0, 0xfc, 0, 0x20, 0, 0x3d, 0xd8, 0x00, 0xde]),
      bom: new TextEncoder().encode('\uFEFFThe agency banned flights over the park, officials said.'),
      nested: new TextEncoder().encode('<div>'.repeat(5000) + '<p>The school board approved the plan on Friday.</p>'),
      astral: new TextEncoder().encode('<p>\u{1F600} Mayor Ana Ruiz \u{1F4A1} said bikes are allowed on Elm Road from June 3.</p>'),
    };
    for (const [name, bytes] of Object.entries(inputs)) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      assert.deepStrictEqual(wasmReport(bytes), nativeReport(file), name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
