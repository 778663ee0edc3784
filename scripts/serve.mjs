#!/usr/bin/env node
// A tiny dependency-free static server for the web/ folder (the demo lives at /demo/).
// Binds to 127.0.0.1 only, serves .wasm as application/wasm, and sends the same strict CSP that any
// production host of the demo should send, so that what works here works there.
//
//   node scripts/serve.mjs [--port N | N]      (or PORT=N node scripts/serve.mjs; default 8080, 0 = any free port)
//
// If the port is busy it falls back to a free one. It prints the demo URL on its first line of output, the
// widget's example page on the second.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_PORT = 8080;
const HOST = '127.0.0.1';
const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'web');

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",  // an injected <base> cannot redirect the page's relative URLs
  "form-action 'none'",  // the page has no form that submits anywhere
  "frame-ancestors 'none'",  // no other site may frame the demo (clickjacking); only a header can say this
].join('; ');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

function send(response, status, body, extraHeaders = {}) {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  response.end(body);
}

/** Maps a request path to a file under webRoot, or null when it would escape it. */
function resolveRequestPath(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = normalize(join(webRoot, decoded));
  if (candidate !== webRoot && !candidate.startsWith(webRoot + sep)) return null;
  return candidate;
}

async function handle(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(request.url, `http://${HOST}`);
  if (url.pathname === '/') {
    send(response, 302, '', { Location: '/demo/' });
    return;
  }
  let filePath = resolveRequestPath(url.pathname);
  if (!filePath) {
    send(response, 400, 'Bad request\n');
    return;
  }
  let info = await stat(filePath).catch(() => null);
  if (info?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      send(response, 301, '', { Location: `${url.pathname}/${url.search}` });
      return;
    }
    filePath = join(filePath, 'index.html');
    info = await stat(filePath).catch(() => null);
  }
  if (!info?.isFile()) {
    send(response, 404, 'Not found\n');
    return;
  }
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(filePath)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** Starts the server; resolves to {server, port, url}. Port 0 asks the OS for a free port. */
export function startServer(port = DEFAULT_PORT, { fallback = true } = {}) {
  return new Promise((resolvePromise, reject) => {
    const server = createServer((request, response) => {
      handle(request, response).catch(() => {
        if (!response.headersSent) send(response, 500, 'Internal error\n');
        else response.destroy();
      });
    });
    const onListening = () => {
      const actualPort = server.address().port;
      resolvePromise({ server, port: actualPort, url: `http://${HOST}:${actualPort}/demo/` });
    };
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE' && fallback && port !== 0) {
        server.listen(0, HOST, onListening);
        server.once('error', reject);
      } else {
        reject(error);
      }
    });
    server.listen(port, HOST, onListening);
  });
}

function parsePort(value) {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid port: ${value}`);
  }
  return port;
}

function portArgument(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--port') return args[i + 1];
    if (args[i].startsWith('--port=')) return args[i].slice('--port='.length);
    if (!args[i].startsWith('-')) return args[i];
  }
  return undefined;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const requested =
      parsePort(portArgument(process.argv.slice(2))) ?? parsePort(process.env.PORT) ?? DEFAULT_PORT;
    const { port, url } = await startServer(requested);
    if (requested !== 0 && port !== requested) {
      console.error(`port ${requested} is busy; using ${port}`);
    }
    console.log(url);
    console.log(`widget example: ${url.replace(/demo\/$/, 'widget/example.html')}`);
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(1);
  }
}
