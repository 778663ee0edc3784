// The Web Worker side of worker-client.js: owns one analyzer, answers one message per analysis.
import { createAnalyzer } from './articlescope.js';

let analyzer = null;

function errorPayload(error) {
  return { code: error.code ?? 'internal_error', message: String(error.message ?? error), report: error.report ?? null };
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === 'init') {
    analyzer = createAnalyzer({ wasmUrl: message.wasmUrl, wasmBinary: message.wasmBinary });
    try {
      const ready = await analyzer;
      self.postMessage({ type: 'ready', version: ready.version });
    } catch (error) {
      self.postMessage({ type: 'failed', error: errorPayload(error) });
    }
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
