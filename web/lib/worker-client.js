// The analyzer in a Web Worker, so that a long page never freezes the page that asked for it.
// Same analyze() as articlescope.js, but asynchronous.
// Only the error class: the WebAssembly loader (articlescope.js) is the worker's to download, not the page's.
import { ArticleScopeError } from './errors.js';
import { bundledWorkerUrl, workerScriptUrl } from './worker-url.js';

/**
 * Starts a module worker running the WebAssembly core.
 * opts.workerUrl: the worker script (default: dist/worker.js, worker.js with its imports in one file); opts.wasmUrl / opts.wasmBinary as
 * for createAnalyzer(); opts.wasmModule: the compiled module, or a promise of it (a page that starts
 * `WebAssembly.compileStreaming` before its worker has even loaded): the worker starts at once and instantiates
 * it when it comes, and the workers share its code; if the promise fails, the worker fetches the module itself
 * (and reports why that failed, if it does). opts.worker: a Worker of workerUrl that the page started itself,
 * not yet sent anything (from its first script: the browser starts a worker's thread only when the page's main
 * thread is free); used for the first start. V8 compiles WebAssembly lazily, function by function on first call, so a fresh module's
 * first analysis pays for compiling the pipeline. opts.warmUp says whether `ready` waits for that:
 *   true (default): `ready` waits for a small analysis in the worker; the first real one runs at nearly warm speed;
 *   false: no warm-up; `warmUp()` asks for it later. A page that analyses something at once (the demo's sample)
 *     gets its first result soonest this way, and warms up once the result is on screen: on 2 cores, a warm-up
 *     alongside the first analysis (even in a second worker) only competes with it for the processor.
 */
export function createWorkerAnalyzer(opts = {}) {
  const workerUrl = opts.workerUrl ?? bundledWorkerUrl;
  const init = { type: 'init', wasmUrl: opts.wasmUrl ? String(opts.wasmUrl) : undefined, wasmBinary: opts.wasmBinary };
  // The init message waits for the compiled module (the worker loads its scripts meanwhile); the worker holds
  // analyses that arrive before it.
  const initMessage = Promise.resolve(opts.wasmModule).then(
    (wasmModule) => (wasmModule ? { ...init, wasmModule } : init),
    () => init,
  );
  const pending = new Map();  // id -> {resolve, reject, message}: sent to the current worker, not answered yet
  let nextId = 1;
  let failure = null;
  let version = null;
  let restarts = 0;
  let worker = null;
  let stopped = false;
  let settleReady;
  const ready = new Promise((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  ready.catch(() => {});  // callers that never await ready still get the failure from analyze()

  const warmUpsPending = [];  // resolvers of warmUp() calls the worker has not answered yet, in order
  const settleWarmUps = (count = warmUpsPending.length) => {
    for (const resolve of warmUpsPending.splice(0, count)) resolve();
  };

  const fail = (error) => {
    failure = error;
    settleWarmUps();
    settleReady.reject(error);
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  let startedWorker = opts.worker;
  const start = ({ warmUp = false } = {}) => {
    // A TrustedScriptURL where the page enforces Trusted Types (worker-url.js).
    worker = startedWorker ?? new Worker(workerScriptUrl(workerUrl), { type: 'module' });
    startedWorker = null;
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === 'ready') {
        version = message.version;
        settleReady.resolve();
      } else if (message.type === 'warmed-up') {
        settleWarmUps(1);
      } else if (message.type === 'failed') {
        fail(new ArticleScopeError(message.error.code, message.error.message));
      } else if (message.type === 'result') {
        const call = pending.get(message.id);
        if (!call) return;
        pending.delete(message.id);
        if (message.error) {
          call.reject(new ArticleScopeError(message.error.code, message.error.message, message.error.report));
          if (message.error.code === 'internal_error') recycle();
        } else {
          call.resolve(JSON.parse(message.json));
        }
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      fail(new ArticleScopeError('internal_error', `worker failed: ${event.message ?? 'could not load the worker script'}`));
    };
    const started = worker;
    initMessage.then((message) => {
      if (worker === started && !stopped) worker.postMessage({ ...message, warmUp });
    });
  };

  // After an internal_error (out of memory, or a bug) the instance may hold a heap of up to 2 GiB that
  // WebAssembly never gives back, or a broken state: replace the worker, and send it what is still waiting.
  const recycle = () => {
    worker.onmessage = worker.onerror = null;  // answers the old worker still sends are not used
    worker.terminate();
    settleWarmUps();  // the replacement does not warm up (below)
    restarts += 1;
    start();
    for (const { message } of pending.values()) worker.postMessage(message);
  };

  // A replacement worker (after an internal_error) does not warm up: analyses are already waiting for it.
  start({ warmUp: opts.warmUp === true || opts.warmUp === undefined });

  return {
    ready,
    /** Version of the core, once ready (null before). */
    get version() {
      return version;
    },
    /** How many times the worker was replaced after an internal_error. */
    get restarts() {
      return restarts;
    },
    /** Analyses one input in the worker; resolves to the report, rejects with ArticleScopeError. */
    analyze(input, options) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      const message = { type: 'analyze', id, input, options };
      return new Promise((resolve, reject) => {
        try {
          worker.postMessage(message);
          pending.set(id, { resolve, reject, message });
        } catch (error) {  // options or input that cannot be cloned into the worker
          reject(new ArticleScopeError('invalid_options', `cannot send the analysis to the worker: ${error.message}`));
        }
      });
    },
    /**
     * Warms the worker up now (see opts.warmUp), after the analyses already asked for. Resolves when done, or
     * when the worker stopped or failed; never rejects.
     */
    warmUp() {
      if (failure) return Promise.resolve();
      worker.postMessage({ type: 'warm-up' });
      return new Promise((resolve) => warmUpsPending.push(resolve));
    },
    /** Stops the worker; analyses still running reject with code "disposed". */
    terminate() {
      stopped = true;
      worker.terminate();
      fail(new ArticleScopeError('disposed', 'the worker analyzer was terminated'));
    },
  };
}
