// One analyser for every <article-scope> of a page, started on first use.
//
// A module worker cannot be started from another origin's URL, so when the widget is served from a CDN the
// worker is a same-origin blob whose only line imports web/lib/dist/worker.js (the worker bundled with its
// imports) from the CDN (module imports may cross origins with CORS). When no worker can be started (a CSP without blob: in worker-src, no Worker at
// all), the analysis runs on the page's main thread, for inputs up to MAIN_THREAD_MAX_BYTES so that a huge
// page cannot freeze the host. When WebAssembly itself is refused (a CSP without 'wasm-unsafe-eval'), the
// failure says so, with the code 'csp_blocks_wasm'.
import { ArticleScopeError } from '../lib/errors.js';
import { bundledWorkerBlobUrl, bundledWorkerUrl, revokeWorkerBlobUrl } from '../lib/worker-url.js';

/** Largest input analysed on the main thread (a worker takes the core's own limit, 16 MiB). */
export const MAIN_THREAD_MAX_BYTES = 2 * 1024 * 1024;

// The smallest valid module: compiling it tells whether this page may compile WebAssembly at all.
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

let shared = null;
let sharedFailed = false;

/**
 * The page's analyser: resolves to {mode, analyze(input, options) → Promise<Report>}, mode 'worker',
 * 'blob-worker' or 'main-thread'. Every widget of the page (of this copy of the module) shares it. A failure
 * to start is kept (two widgets get one refusal, not two); with `retry` a failed start is tried again.
 */
export function sharedAnalyzer({ retry = false } = {}) {
  if (!shared || (retry && sharedFailed)) {
    sharedFailed = false;
    const starting = start();
    starting.catch(() => {
      if (shared === starting) sharedFailed = true;
    });
    shared = starting;
  }
  return shared;
}

/** Forgets the analyser (its worker died): the next sharedAnalyzer() starts a fresh one. */
export function dropSharedAnalyzer(analyzer) {
  shared?.then((current) => {
    if (current === analyzer) {
      current.terminate?.();
      shared = null;
    }
  }, () => {});
}

async function start() {
  let workerProblem = null;
  if (typeof Worker === 'function') {
    try {
      return await startWorker();
    } catch (error) {
      workerProblem = error;
    }
  }
  try {
    return await startMainThread();
  } catch (error) {
    throw explain(error, workerProblem);
  }
}

async function startWorker() {
  const { createWorkerAnalyzer } = await import('../lib/worker-client.js');
  const crossOrigin = bundledWorkerUrl.origin !== globalThis.location?.origin;
  const blobUrl = crossOrigin ? bundledWorkerBlobUrl() : null;
  let analyzer = null;
  try {
    analyzer = createWorkerAnalyzer({ workerUrl: blobUrl ?? bundledWorkerUrl });
    await analyzer.ready;
  } catch (error) {
    analyzer?.terminate();
    throw error;
  } finally {
    if (blobUrl) revokeWorkerBlobUrl(blobUrl);  // the worker has loaded (or failed): the URL is not needed
  }
  return {
    mode: crossOrigin ? 'blob-worker' : 'worker',
    analyze: (input, options) => analyzer.analyze(input, options),
    terminate: () => analyzer.terminate(),
  };
}

async function startMainThread() {
  const { createAnalyzer } = await import('../lib/articlescope.js');
  const analyzer = await createAnalyzer();
  return {
    mode: 'main-thread',
    analyze: async (input, options) => analyzer.analyze(input, { ...options, maxInputBytes: MAIN_THREAD_MAX_BYTES }),
  };
}

function wasmCompileAllowed() {
  try {
    new WebAssembly.Module(EMPTY_WASM_MODULE);
    return true;
  } catch {
    return false;
  }
}

// Turns a failure to start into one the page can act on.
function explain(error, workerProblem) {
  if (typeof WebAssembly !== 'object') {
    return new ArticleScopeError('wasm_unavailable', 'this browser does not run WebAssembly');
  }
  if (!wasmCompileAllowed()) {
    return new ArticleScopeError(
      'csp_blocks_wasm',
      "the page's Content Security Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to script-src",
    );
  }
  const detail = [workerProblem?.message, error?.message].filter(Boolean).join('; then on the main thread: ');
  return new ArticleScopeError('load_failed', `the analyser could not be loaded (${detail || error})`);
}
