// The demo is plain files: it must work from any static host that serves .wasm as application/wasm, under any
// sub-path, without our server's CSP header. Python's http.server stands in for such a host.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  RUN_FINISHED,
  SHOWN_COUNTS,
  freshProfile,
  repoRoot,
  wasmBuilt,
} from './helpers.mjs';

const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;

const skip = python ? false : 'python3 is not installed';
describe('the demo on a plain static host', { skip, timeout: 180_000 }, () => {
  let siteRoot;
  let host;
  let origin;
  let profile;
  let context;

  before(async () => {
    assert.ok(wasmBuilt, 'web/lib/dist/articlescope-core.wasm is missing: run `scripts/build.sh wasm` first');
    siteRoot = mkdtempSync(join(tmpdir(), 'articlescope-site-'));
    mkdirSync(join(siteRoot, 'tools'));
    symlinkSync(join(repoRoot, 'web'), join(siteRoot, 'tools', 'articlescope'));
    host = spawn(python, ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', siteRoot], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    origin = await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`http.server did not start: ${output}`)), 20_000);
      host.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /port (\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${match[1]}`);
        }
      });
      host.once('exit', (code) => reject(new Error(`http.server exited with ${code}: ${output}`)));
    });
    profile = freshProfile('chromium-static');
    context = await chromium.launchPersistentContext(profile.path, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
    });
  });

  after(async () => {
    await context?.close();
    profile?.remove();
    host?.kill();
    if (siteRoot) rmSync(siteRoot, { recursive: true, force: true });
  });

  test("loads under a sub-path, analyses the first sample in its worker, with the page's own CSP", async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const response = await page.goto(`${origin}/tools/articlescope/demo/`);
    assert.equal(response.headers()['content-security-policy'], undefined, 'this host sends no CSP header');
    await page.waitForFunction(RUN_FINISHED, 0, { timeout: 60_000 });
    assert.equal(
      await page.getAttribute('#status', 'data-state'),
      'done',
      await page.textContent('#error-box'),
    );
    const shown = await page.evaluate(SHOWN_COUNTS);
    assert.match(shown.title, /Kordavia/);
    assert.ok(shown.bodyText.includes('Velgrad'));
    // The CSP from the page's <meta> tag is in force: an inline script is refused.
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return window.__inlineRan === true;
    });
    assert.equal(inlineRan, false);
    assert.ok(
      errors.every((e) => /Content Security Policy|inline script/i.test(e)),
      errors.join('\n'),
    );
  });
});
