// A tiny static server for the browser test and the browser benchmark: serves a few folders of the repository
// from 127.0.0.1 with a strict CSP (no inline scripts, no eval; WebAssembly compilation allowed), so that
// whatever passes here also runs on strict sites and in extensions.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

import { repoDir } from './paths.mjs';

export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Starts the server on a free port. `roots`: repository-relative folders that may be served;
 * `routes`: {'/path': async (url) => ({type, body, headers?})} for generated responses; `headers`: sent with
 * every response (e.g. COOP/COEP for finer timers, CORS); a header whose value is null is not sent (e.g. no
 * CSP). Resolves to {url, close()}.
 */
export async function startStaticServer({ roots, routes = {}, headers: extraHeaders = {} }) {
  const allowed = roots.map((r) => normalize(join(repoDir, r)) + sep);
  const server = createServer(async (request, response) => {
    const headers = { 'Content-Security-Policy': STRICT_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...extraHeaders };
    const send = (status, more, body) => {
      const all = Object.entries({ ...headers, ...more }).filter(([, value]) => value !== null && value !== undefined);
      response.writeHead(status, Object.fromEntries(all));
      response.end(body);
    };
    try {
      const url = new URL(request.url, 'http://127.0.0.1');
      const route = routes[url.pathname];
      if (route) {
        const { type, body, headers: routeHeaders = {} } = await route(url);
        send(200, { ...routeHeaders, 'Content-Type': type }, body);
        return;
      }
      const file = normalize(join(repoDir, decodeURIComponent(url.pathname)));
      if (!allowed.some((root) => file.startsWith(root))) {
        send(404, {});
        return;
      }
      const body = await readFile(file);
      send(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }, body);
    } catch {
      send(404, {});
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Launches the system Chromium headless with a fresh profile (playwright-core). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
