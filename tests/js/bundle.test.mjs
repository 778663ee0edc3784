// scripts/bundle.mjs in module format (the analysis worker and the demo's scripts in one file each) and the
// bundles the build writes.
// The classic format (the extension's content script) is tested in extension.test.mjs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { WEB_BUNDLES, minifyCss, stylesheetCopy, webBundle } from '../../scripts/bundle-web.mjs';
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

    // A bundle exports what its entry exports; a module named external is imported from its own bundle, so
    // that two bundles share its one instance.
    writeFileSync(join(dir, 'lib', 'state.js'), "export let count = 0;\nexport function next() {\n  count += 1;\n  return count;\n}\n");
    writeFileSync(join(dir, 'lib', 'page.js'), "import { next } from './state.js';\nexport const first = next();\nexport { next as advance };\n");
    const stateFile = join(dir, 'out', 'state.js');
    writeFileSync(stateFile, bundle(join(dir, 'lib', 'state.js'), { format: 'module', outFile: stateFile }));
    const pageFile = join(dir, 'out', 'page.js');
    const pageText = bundle(join(dir, 'lib', 'page.js'), { format: 'module', outFile: pageFile, external: { [join(dir, 'lib', 'state.js')]: stateFile } });
    assert.match(pageText, /^import \* as module\d+ from "\.\/state\.js";$/m);
    writeFileSync(pageFile, pageText);
    const state = await import(pathToFileURL(stateFile).href);
    const page = await import(pathToFileURL(pageFile).href);
    assert.equal(page.first, 1);
    assert.equal(page.advance(), 2);
    assert.equal(state.next(), 3, 'one instance of state.js');
    assert.throws(() => bundle(join(dir, 'lib', 'page.js'), { external: { [join(dir, 'lib', 'state.js')]: stateFile } }), /only a module bundle/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the bundles the build wrote (the worker, the demo) are those of the current sources', async () => {
  readWasm();
  for (const target of WEB_BUNDLES) {
    const file = join(repoDir, target.out);
    assert.ok(existsSync(file), `${target.out} is missing: build the WebAssembly module (scripts/build.sh wasm)`);
    assert.ok(readFileSync(file, 'utf8') === (await webBundle(target)), `${target.out} is stale: rebuild (cmake --build build/wasm)`);
    for (const stylesheet of target.stylesheets ?? []) {
      const copy = join(repoDir, stylesheetCopy(target, stylesheet));
      const expected = minifyCss(readFileSync(join(repoDir, stylesheet), 'utf8'));
      assert.ok(existsSync(copy) && readFileSync(copy, 'utf8') === expected, `${copy} is stale: rebuild`);
    }
  }
});

test("the widget's stylesheets lose their comments and layout, and nothing else", async () => {
  const css = '/* a note */\n.a,\n.b  >  .c {\n  color: red;\n  font-family: \'Segoe UI\', serif;\n}\n@media (max-width: 40em) { .a { margin: 0 auto; } }\n';
  assert.equal(minifyCss(css), ".a,.b > .c{color: red;font-family: 'Segoe UI',serif;}@media (max-width: 40em){.a{margin: 0 auto;}}");
  // The bundle loads the copies beside it, once each.
  const target = WEB_BUNDLES.find((t) => t.stylesheets);
  const text = await webBundle(target);
  for (const stylesheet of target.stylesheets) {
    const name = stylesheet.split('/').pop();
    const reference = new RegExp(`new URL\\(["']\\./${name.replace('.', '\\.')}["'], ?import\\.meta\\.url\\)`, 'g');
    assert.equal(text.match(reference)?.length ?? 0, 1, name);
  }
});
