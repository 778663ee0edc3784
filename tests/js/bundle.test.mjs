// scripts/bundle.mjs in module format (the analysis worker in one file) and the worker bundles the build writes.
// The classic format (the extension's content script) is tested in extension.test.mjs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { WORKER_BUNDLES, workerBundle } from '../../scripts/bundle-workers.mjs';
import { bundle } from '../../scripts/bundle.mjs';
import { readWasm, repoDir } from './support/paths.mjs';

test('a module bundle runs its modules once, dependencies first, and keeps each module its own URL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'articlescope-bundle-'));
  try {
    mkdirSync(join(dir, 'lib', 'dist'), { recursive: true });
    mkdirSync(join(dir, 'out'));
    // An invented loader in the shape of Emscripten's: a default export, and a file found next to itself.
    writeFileSync(
      join(dir, 'lib', 'dist', 'loader.mjs'),
      "globalThis.bundleOrder.push('loader');\nvar createCore = () => new URL('core.bin', import.meta.url).href;\nexport default createCore;\n",
    );
    writeFileSync(join(dir, 'lib', 'shared.js'), "globalThis.bundleOrder.push('shared');\nexport const LABEL = 'shared';\n");
    writeFileSync(
      join(dir, 'lib', 'api.js'),
      "import createCore from './dist/loader.mjs';\nimport { LABEL as label } from './shared.js';\nglobalThis.bundleOrder.push('api');\n" +
        "export function describe() {\n  return `${label}:${createCore()}`;\n}\nexport const here = import.meta.url;\n" +
        "export async function nodeOnly() {\n  return (await import('node:path')).sep;\n}\n",
    );
    writeFileSync(
      join(dir, 'lib', 'worker.js'),
      "import { describe, here, nodeOnly } from './api.js';\nimport './shared.js';\nimport './dist/loader.mjs';\n" +
        "globalThis.bundleOrder.push('worker');\nglobalThis.bundleResult = { text: describe(), here, separator: await Promise.resolve(nodeOnly()) };\n",
    );
    const outFile = join(dir, 'out', 'worker.js');
    // Top-level await is not supported inside a bundled module: the entry must not use it.
    assert.throws(() => bundle(join(dir, 'lib', 'worker.js'), { format: 'module', outFile }), /await/);
    writeFileSync(
      join(dir, 'lib', 'worker.js'),
      "import { describe, here, nodeOnly } from './api.js';\nimport './shared.js';\nimport './dist/loader.mjs';\n" +
        "globalThis.bundleOrder.push('worker');\nglobalThis.bundleResult = { text: describe(), here };\nglobalThis.bundleSeparator = nodeOnly();\n",
    );
    const text = bundle(join(dir, 'lib', 'worker.js'), { format: 'module', outFile });
    assert.doesNotMatch(text, /^\s*(import|export)\b/m, 'one module with no imports or exports of its own');
    writeFileSync(outFile, text);
    globalThis.bundleOrder = [];
    await import(pathToFileURL(outFile).href);
    assert.deepEqual(globalThis.bundleOrder, ['loader', 'shared', 'api', 'worker']);
    assert.equal(globalThis.bundleResult.text, `shared:${pathToFileURL(join(dir, 'lib', 'dist', 'core.bin')).href}`);
    assert.equal(globalThis.bundleResult.here, pathToFileURL(join(dir, 'lib', 'api.js')).href);
    assert.equal(await globalThis.bundleSeparator, '/');

    for (const [source, message] of [
      ['export default 1 + 1;\n', /export default of an expression/],
      ["import * as all from './shared.js';\n", /namespace import/],
      ['const m = import("./shared.js");\n', /dynamic import/],
      ["import { x } from 'somewhere';\n", /bare import/],
      ["import 'somewhere';\n", /bare import/],
      ['const r = import.meta.resolve("./x.js");\n', /import\.meta other than/],
      ["export * from './shared.js';\n", /export \*/],
      ['const bundledModuleUrl = 1;\n', /bundledModuleUrl/],
    ]) {
      writeFileSync(join(dir, 'lib', 'bad.js'), source);
      assert.throws(() => bundle(join(dir, 'lib', 'bad.js'), { format: 'module', outFile }), message, source);
    }
    writeFileSync(join(dir, 'lib', 'exports.js'), 'export const value = 1;\n');
    assert.throws(() => bundle(join(dir, 'lib', 'exports.js'), { format: 'module', outFile }), /exports nothing/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the worker bundles the build wrote are those of the current sources', () => {
  readWasm();
  for (const target of WORKER_BUNDLES) {
    const file = join(repoDir, target.out);
    assert.ok(existsSync(file), `${target.out} is missing: build the WebAssembly module (scripts/build.sh wasm)`);
    assert.ok(readFileSync(file, 'utf8') === workerBundle(target), `${target.out} is stale: rebuild (cmake --build build/wasm)`);
  }
});
