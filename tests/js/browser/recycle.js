// Drives createWorkerAnalyzer() with fake-worker.js and publishes what happened on window.__recycle for
// tests/js/worker-recycle.test.mjs to assert.
import { createWorkerAnalyzer } from '/web/lib/worker-client.js';

async function run() {
  const analyzer = createWorkerAnalyzer({ workerUrl: new URL('./fake-worker.js', import.meta.url) });
  await analyzer.ready;
  const first = await analyzer.analyze('first');
  // Two analyses sent together: the failing one, and one queued behind it in the same worker.
  const failing = analyzer.analyze('exhaust memory').then(
    () => null,
    (error) => error.code,
  );
  const queued = analyzer.analyze('queued');
  const failure = await failing;
  const behind = await queued;
  const after = await analyzer.analyze('after');
  const result = {
    restarts: analyzer.restarts,
    failure,
    firstInstance: first.instance,
    queuedInstance: behind.instance,
    queuedInput: behind.input,
    afterInstance: after.instance,
  };
  analyzer.terminate();
  return result;
}

run().then(
  (result) => {
    window.__recycle = result;
  },
  (error) => {
    window.__recycle = { failed: String(error && error.stack ? error.stack : error) };
  },
);
