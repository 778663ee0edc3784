// The demo's service worker: after the first visit the demo works offline, reload and samples included.
// Network first, so that an online visit always gets the files the server has now (never a stale mix of old
// and new modules); every file the demo needs is cached at install and refreshed by each online visit, and is
// served from the cache only when the network fails. The cache's name carries VERSION: a new VERSION (change it
// when FILES changes) installs a new cache and the activation deletes the old ones.
const VERSION = 3;
const CACHE = `articlescope-demo-v${VERSION}`;
const CACHE_PREFIX = 'articlescope-demo-v';

// Relative to this script (web/demo/sw.js). A test checks that every file a visit loads is listed.
const FILES = [
  './',
  './index.html',
  './demo.css',
  './dist/boot.js',
  './dist/demo.js',
  './theme.js',
  './favicon.png',
  './dist/analyser-worker.js',
  './samples/arms-artillery.html',
  './samples/sanctions.txt',
  './samples/court-ruling.html',
  './samples/regulator-approval.txt',
  './samples/harbour-festival.txt',
  '../ui/ui.css',
  '../lib/dist/articlescope-core.wasm',
];
const CACHED = new Set(FILES.map((file) => new URL(file, self.location.href).href));
const INDEX = new URL('./', self.location.href).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Fresh copies, not the HTTP cache's: the cache must hold one consistent version of the demo.
      await cache.addAll([...CACHED].map((url) => new Request(url, { cache: 'no-cache' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // No navigation preload: with it, Firefox fails an offline navigation instead of letting the cache answer.
      await self.clients.claim();
    })(),
  );
});

/** The cache key of a request, or null when the request is not one of the demo's files. */
function keyOf(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate') {
    url.search = '';
    return url.href === INDEX || url.href === new URL('index.html', INDEX).href ? INDEX : null;
  }
  return CACHED.has(url.href) ? url.href : null;
}

self.addEventListener('fetch', (event) => {
  const key = keyOf(event.request);
  if (!key) return; // not ours: the browser fetches it as if there were no service worker
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(event.request);
        // Stored beside the answer, not before it: the page streams (and compiles) while the copy is written.
        if (response.ok && response.type === 'basic') event.waitUntil(cache.put(key, response.clone()).catch(() => {}));
        return response;
      } catch (error) {
        const cached = await cache.match(key);
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});
