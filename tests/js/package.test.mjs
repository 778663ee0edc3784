// web/package.json is npm-ready: every export resolves to a file, and the tarball holds what the API, the UI
// and the widget load at run time (the files list is checked by npm pack itself), and nothing else.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

import { measureWidget } from '../../scripts/wasm-size.mjs';
import { readWasm, repoDir } from './support/paths.mjs';

const webDir = join(repoDir, 'web');
const manifest = JSON.parse(readFileSync(join(webDir, 'package.json'), 'utf8'));

test('every export of web/package.json points at a file', () => {
  readWasm();
  const targets = Object.entries(manifest.exports).flatMap(([key, value]) =>
    typeof value === 'string' ? [[key, value]] : Object.values(value).map((target) => [key, target]),
  );
  for (const [key, target] of targets) {
    if (target.includes('*')) continue;
    assert.ok(existsSync(join(webDir, target)), `${key} -> ${target} is missing`);
  }
  assert.equal(manifest.exports['.'].types, './lib/index.d.ts');
  assert.equal(manifest.exports['./widget'].types, './widget/article-scope.d.ts');
});

test('npm pack takes the API, the UI, the widget and their types, and leaves examples and tests out', () => {
  readWasm();
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: webDir, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const files = JSON.parse(pack.stdout)[0].files.map((f) => f.path);
  const needed = [
    'lib/articlescope.js',
    'lib/worker.js',
    'lib/worker-client.js',
    'lib/errors.js',
    'lib/highlight.js',
    'lib/index.d.ts',
    'lib/dist/articlescope-core.mjs',
    'lib/dist/articlescope-core.wasm',
    'lib/dist/worker.js',
    'ui/index.js',
    'ui/index.d.ts',
    'widget/article-scope.d.ts',
    ...measureWidget().files.map((f) => relative(webDir, f.file)),
  ];
  for (const file of needed) assert.ok(files.includes(file), `${file} is not in the package`);
  assert.deepEqual(files.filter((f) => /^demo\/|example|\.test\./.test(f)), []);
});
