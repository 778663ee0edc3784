// The Web Worker side of worker-client.js: owns one analyzer, answers one message per analysis.
import { createAnalyzer } from './articlescope.js';
import { WARM_UP_PAGE, WARM_UP_TEXT } from './warm-up.js';
// Imported by articlescope.js; named here too so that the worker requests them with its first level of imports
// rather than after articlescope.js came (one round trip less before the module can be instantiated).
import './dist/articlescope-core.mjs';
import './errors.js';

// The analyzer (a promise), once the init message came; analyses that arrive before it wait for it.
let resolveAnalyzer;
const analyzer = new Promise((resolve) => {
  resolveAnalyzer = resolve;
});
analyzer.catch(() => {});

function errorPayload(error) {
  return { code: error.code ?? 'internal_error', message: String(error.message ?? error), report: error.report ?? null };
}

// One analysis of a small text and a small page, so that V8 compiles the pipeline's functions now (it compiles
// WebAssembly lazily, on first call) rather than during the reader's first analysis. A failure here is not
// fatal: the real analyses report their own errors.
function warmUp(ready) {
  for (const [input, format] of [[WARM_UP_TEXT, 'text'], [WARM_UP_PAGE, 'html']]) {
    try {
      ready.analyzeWithJson(input, { format });
    } catch {
      // Nothing to do: see above.
    }
  }
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'init') {
    const created = createAnalyzer({ wasmUrl: message.wasmUrl, wasmBinary: message.wasmBinary, wasmModule: message.wasmModule });
    resolveAnalyzer(created);
    try {
      const ready = await created;
      if (message.warmUp) warmUp(ready);
      self.postMessage({ type: 'ready', version: ready.version });
    } catch (error) {
      self.postMessage({ type: 'failed', error: errorPayload(error) });
    }
    return;
  }
  if (message.type === 'warm-up') {
    try {
      warmUp(await analyzer);
    } catch {
      // The analyzer could not be created: the analyses report why.
    }
    self.postMessage({ type: 'warmed-up' });
    return;
  }
  if (message.type === 'analyze') {
    try {
      // Post the JSON text, not the object: a string crosses threads far cheaper than a structured clone.
      const { json } = (await analyzer).analyzeWithJson(message.input, message.options);
      self.postMessage({ type: 'result', id: message.id, json });
    } catch (error) {
      self.postMessage({ type: 'result', id: message.id, error: errorPayload(error) });
    }
  }
};
