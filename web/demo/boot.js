// Starts what the first result waits for, before the page's own modules have even loaded: the analyser (the
// WebAssembly module compiled as it streams in, handed to the worker theme.js started) and the fetch of the
// first sample.
// The page (demo.js) picks both up. Kept tiny, with a module graph of its own, so that it runs first.
import { createWorkerAnalyzer } from '../lib/worker-client.js';
import { SAMPLES, sampleFromHash, sampleUrl } from './samples.js';

// The phases of the first result, for bench/browser_bench.mjs (performance marks "articlescope:*").
performance.mark('articlescope:boot');

let analyzerPromise = null;
let analyzersStarted = 0;
let analyzerIsReady = false;
let compiledModule = null;
// The analyser the last getAnalyzer() started (its object, not the promise of it being ready).
let startedAnalyzer = null;

/**
 * The WebAssembly module, compiled here as it streams in, while the worker is still loading its scripts: the
 * worker gets the compiled module. Kept for the workers started later (after a cancel); forgotten if it failed
 * (say, a host that does not serve .wasm as application/wasm), and then the worker fetches the module itself.
 */
function compileModule() {
  if (!compiledModule && typeof WebAssembly?.compileStreaming === 'function') {
    const compiling = WebAssembly.compileStreaming(fetch(new URL('../lib/dist/articlescope-core.wasm', import.meta.url)));
    compiledModule = compiling;
    compiling.then(
      () => performance.mark('articlescope:wasm-compiled'),
      () => {
        if (compiledModule === compiling) compiledModule = null;
      },
    );
  }
  return compiledModule ?? undefined;
}

/**
 * The worker theme.js started (a Worker of dist/analyser-worker.js), once; undefined if none. Leaves null behind,
 * which tells a theme.js that runs after this module (an async one may run first) not to start one.
 */
function takeEarlyWorker() {
  const worker = window.articlescopeWorker;
  window.articlescopeWorker = null;
  return worker instanceof Worker ? worker : undefined;
}

/** The worker analyser, started once; a failed start is forgotten so that the next call tries again. */
export function getAnalyzer() {
  if (!analyzerPromise) {
    // The first sample is analysed at once, with nothing else competing for the processor; the page asks for
    // the warm-up once the result is on screen (warmUpAnalyzer()). A later worker (after a cancel) warms up first.
    const analyzer = createWorkerAnalyzer({
      workerUrl: new URL('./dist/analyser-worker.js', import.meta.url),
      worker: takeEarlyWorker(),
      wasmModule: compileModule(),
      warmUp: analyzersStarted > 0,
    });
    analyzersStarted += 1;
    startedAnalyzer = analyzer;
    const ready = analyzer.ready.then(() => analyzer);
    analyzerPromise = ready;
    analyzerIsReady = false;
    ready.then(
      () => {
        if (performance.getEntriesByName('articlescope:analyser-ready').length === 0) performance.mark('articlescope:analyser-ready');
        if (analyzerPromise === ready) analyzerIsReady = true;
      },
      () => {
        if (analyzerPromise === ready) analyzerPromise = null;
        analyzer.terminate();
      },
    );
  }
  return analyzerPromise;
}

/**
 * Compiles the rest of the pipeline in the analyser's worker (see createWorkerAnalyzer's warmUp), so that the
 * reader's next analysis does not pay for it: once the first result is on screen.
 */
export function warmUpAnalyzer() {
  analyzerPromise?.then((analyzer) => analyzer.warmUp(), () => {});
}

/** True when the analyser is loaded and compiled: an analysis starts at once. */
export const analyzerReady = () => analyzerPromise !== null && analyzerIsReady;

/** Stops the worker (a cancelled or crashed analysis); the next getAnalyzer() starts a fresh one. */
export async function stopAnalyzer() {
  const pending = analyzerPromise;
  analyzerPromise = null;
  analyzerIsReady = false;
  if (!pending) return;
  try {
    (await pending).terminate();
  } catch {
    // It never started: nothing to stop.
  }
}

/** Fetches a sample's text; rejects with an Error whose message says why it could not be loaded. */
export async function fetchSample(sample) {
  let response;
  try {
    response = await fetch(sampleUrl(sample));
  } catch {
    throw new Error(
      navigator.onLine === false
        ? 'you are offline, and this sample is not saved for offline use on this device'
        : 'the server could not be reached',
    );
  }
  if (!response.ok) throw new Error(`the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  return response.text();
}

// The sample the page opens with, fetched now; taken (once) by the first loadSample() of that id.
const first = SAMPLES.find((s) => s.id === sampleFromHash(location.hash));
let firstFetch = { id: first.id, text: fetchSample(first) };
firstFetch.text.then(() => performance.mark('articlescope:sample-loaded'), () => {});
firstFetch.text.catch(() => {}); // reported when the page takes it

// The first sample's analysis, asked of the worker as soon as the text is here: the worker runs it the moment
// it is ready, without a round trip through the page's main thread (busy loading the page then).
let earlyAnalysis = null;
let otherInputAsked = false;
firstFetch.text.then(
  (text) => {
    if (!startedAnalyzer || otherInputAsked) return;
    earlyAnalysis = { text, analyzer: startedAnalyzer, report: startedAnalyzer.analyze(text, { format: 'auto' }) };
    earlyAnalysis.report.catch(() => {}); // reported when the page takes it
  },
  () => {},
);

/**
 * The report of `text` (read as `format`) by `analyzer` if boot.js already asked for it (the first sample's),
 * once; null otherwise. Any other input the page analyses first also ends the offer.
 */
export function takeEarlyReport(text, analyzer, format) {
  const early = earlyAnalysis;
  earlyAnalysis = null;
  otherInputAsked = true;
  return early && early.text === text && early.analyzer === analyzer && format === 'auto' ? early.report : null;
}

/** The text of sample `id`: the fetch started at boot for the first one, a new fetch otherwise. */
export function loadSampleText(sample) {
  if (sample.id !== first.id) otherInputAsked = true;
  if (firstFetch?.id === sample.id) {
    const { text } = firstFetch;
    firstFetch = null;
    return text;
  }
  firstFetch = null;
  return fetchSample(sample);
}

getAnalyzer();
