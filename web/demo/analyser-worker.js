// The demo's analyser worker: web/lib's worker, started from a URL inside the demo's folder. A worker is
// controlled by the service worker whose scope holds the worker's own URL, so this one (and the module, its
// imports and the WebAssembly it fetches) is served from the offline cache (sw.js) when the network is gone.
import '../lib/worker.js';
// Not used here: named so that the worker requests every module of its graph at once, rather than one import
// level after another (worker.js -> articlescope.js -> the Emscripten loader), a round trip each.
import '../lib/articlescope.js';
import '../lib/warm-up.js';
import '../lib/errors.js';
import '../lib/dist/articlescope-core.mjs';
