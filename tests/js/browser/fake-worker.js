// A stand-in for web/lib/worker.js that speaks the same protocol: it answers "exhaust memory" with the
// internal_error an out-of-memory analysis gives, and tags every other answer with its own instance id, so that
// tests/js/worker-recycle.test.mjs can tell whether worker-client.js replaced it.
const instance = Math.random().toString(36).slice(2);

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'init') {
    self.postMessage({ type: 'ready', version: '0.0.0' });
  } else if (message.type === 'analyze') {
    if (message.input === 'exhaust memory') {
      const error = { code: 'internal_error', message: 'out of memory: a test', report: null };
      self.postMessage({ type: 'result', id: message.id, error });
    } else {
      self.postMessage({ type: 'result', id: message.id, json: JSON.stringify({ instance, input: message.input }) });
    }
  }
};
