// The TypeScript declarations shipped in web/ (lib, ui, widget) type-check a typical use under --strict.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { repoDir } from './support/paths.mjs';

const tsc = join(repoDir, 'node_modules', 'typescript', 'bin', 'tsc');

test('web/lib, web/ui and web/widget declarations compile a typical use (tsc --strict)', { skip: existsSync(tsc) ? false : 'typescript is not installed (scripts/setup.sh)' }, () => {
  const args = [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--lib', 'es2022,dom,dom.iterable', join(repoDir, 'tests', 'js', 'fixtures', 'types-usage.ts')];
  const run = spawnSync(process.execPath, args, { cwd: repoDir, encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc:\n${run.stdout}${run.stderr}`);
});
