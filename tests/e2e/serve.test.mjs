// scripts/serve.mjs: the static server the demo is served by (and these tests use).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { repoRoot, startDemoServer, wasmBuilt } from './helpers.mjs';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; " +
  "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";

describe('scripts/serve.mjs', { timeout: 120_000 }, () => {
  let server;
  before(async () => {
    server = await startDemoServer();
  });
  after(async () => {
    await server?.stop();
  });

  test('prints the demo URL on 127.0.0.1 and serves the page with the strict CSP', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/demo\/$/);
    const response = await fetch(server.url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('content-security-policy'), EXPECTED_CSP);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const html = await response.text();
    assert.match(html, /<title>ArticleScope/);
    // The page's own <meta> CSP (for hosts that send none) has the same rules, but frame-ancestors, which
    // browsers take only from a header.
    const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)[1];
    assert.equal(meta, EXPECTED_CSP.replace("; frame-ancestors 'none'", ''));
  });

  test('content types: JavaScript modules, CSS, samples and the WebAssembly module', async () => {
    const expectations = [
      ['/demo/demo.js', 'text/javascript; charset=utf-8'],
      ['/demo/demo.css', 'text/css; charset=utf-8'],
      ['/lib/articlescope.js', 'text/javascript; charset=utf-8'],
      ['/demo/samples/sanctions.txt', 'text/plain; charset=utf-8'],
      ['/demo/favicon.png', 'image/png'],
    ];
    if (wasmBuilt) {
      expectations.push(['/lib/dist/articlescope-core.wasm', 'application/wasm']);
      expectations.push(['/lib/dist/articlescope-core.mjs', 'text/javascript; charset=utf-8']);
    }
    for (const [path, type] of expectations) {
      const response = await fetch(server.origin + path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), type, path);
      await response.arrayBuffer();
    }
  });

  test('redirects / and directories without a slash; 404 for missing files', async () => {
    let response = await fetch(`${server.origin}/`, { redirect: 'manual' });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), '/demo/');
    response = await fetch(`${server.origin}/demo`, { redirect: 'manual' });
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/demo/');
    response = await fetch(`${server.origin}/demo/missing.js`);
    assert.equal(response.status, 404);
    response = await fetch(`${server.origin}/demo/`, { method: 'POST' });
    assert.equal(response.status, 405);
  });

  test('never serves a file outside web/', async () => {
    // CMakeLists.txt: a file of the repository root with no namesake in web/ (web/ has its own package.json).
    for (const path of [
      '/../CMakeLists.txt',
      '/demo/../../CMakeLists.txt',
      '/%2e%2e/CMakeLists.txt',
      '/demo/%2e%2e/%2e%2e/scripts/serve.mjs',
      '/..%2fCMakeLists.txt',
      '/%00',
      '/demo/%E0%A4%A',
    ]) {
      const response = await rawGet(server.origin, path);
      assert.ok([400, 404].includes(response.status), `${path} answered ${response.status}`);
      assert.ok(!response.body.includes('cmake_minimum_required'), `${path} leaked CMakeLists.txt`);
    }
  });

  test('falls back to a free port when the requested one is busy', async () => {
    const blocker = createServer();
    await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busyPort = blocker.address().port;
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'scripts', 'serve.mjs'), '--port', String(busyPort)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk) => {
          output += chunk;
          const match = /http:\/\/127\.0\.0\.1:(\d+)\/demo\//.exec(output);
          if (match) resolve(match[0]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      assert.notEqual(new URL(url).port, String(busyPort));
      assert.equal((await fetch(url)).status, 200);
    } finally {
      child.kill();
      blocker.close();
    }
  });
});

// fetch() normalises "..", so path traversal is tested with a raw request line.
async function rawGet(origin, path) {
  const { request } = await import('node:http');
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
