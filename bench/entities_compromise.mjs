// Entity speed against the anchor, in one run on one text: the native bench (bench/entities_bench.cpp),
// npm `compromise` (the in-browser NER people use) and, when it is built, the WebAssembly module
// (web/lib/dist) through the JS API. Prints times and ratios; CPU time, best of N rounds.
//
// Usage: node bench/entities_compromise.mjs [--bench build/native/bench/entities_bench] [--conll FILE] [--rounds N]
//                                          [--wasm-dir DIR]   (a module built elsewhere instead of web/lib/dist)
//                                          [--anchor-model FILE]  (the native bench's in-process anchor tagger)
//                                          [--anchor-wasm-dir DIR]  (another WebAssembly build, e.g. of the commit
//                                              before a change: both modules alternate call by call, best of N)
//                                          [--anchor-bench BIN [--runs N]]  (another build's entities_bench, e.g.
//                                              of the commit before a change: both binaries run in alternation,
//                                              N times each, on the same text; the ratio of their best times)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, readdirSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 && k + 1 < args.length ? args[k + 1] : fallback;
};
const rounds = Number(arg('--rounds', '5'));

function findBench() {
  const given = arg('--bench');
  if (given) return given;
  for (const dir of ['native', ...(existsSync(join(root, 'build')) ? readdirSync(join(root, 'build')) : [])]) {
    const candidate = join(root, 'build', dir, 'bench', 'entities_bench');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function best(fn) {
  let min = Infinity;
  let out;
  for (let r = 0; r < rounds; r++) {
    const t0 = cpuMs();
    out = fn();
    min = Math.min(min, cpuMs() - t0);
  }
  return [min, out];
}

const bench = findBench();
if (!bench) {
  console.log('skipped: build the native bench first (cmake --build build/native --target entities_bench)');
  process.exit(0);
}
const textFile = join(mkdtempSync(join(tmpdir(), 'entities-bench-')), 'text.txt');
const benchArgs = ['--json', '--write-text', textFile, '--rounds', String(rounds)];
if (arg('--anchor-model')) benchArgs.push('--anchor-model', arg('--anchor-model'));
const conll = arg('--conll');
if (conll) {
  if (!existsSync(conll)) {
    console.log(`skipped: ${conll} not found (the corpus is not part of the project)`);
    process.exit(0);
  }
  benchArgs.push('--conll', conll);
}
const native = JSON.parse(execFileSync(bench, benchArgs, { encoding: 'utf8' }).trim().split('\n').pop());
const text = readFileSync(textFile, 'utf8');
const words = native.words;
console.log(`text: ${text.length} characters, ${words} words (${conll ? conll : 'synthetic news text'})`);
console.log(
  `native tagger:       ${(native.tagger_tokens_per_s / 1e6).toFixed(2)} M tokens/s ` +
    `(the in-process anchor tagger ${(native.anchor_tokens_per_s / 1e6).toFixed(2)} M tokens/s)`,
);
console.log(`native entity stage: ${native.stage_ms.toFixed(1)} ms = ${native.stage_ms_per_1000_words.toFixed(3)} ms per 1,000 words, ${native.mentions} mentions (cold start ${native.load_ms.toFixed(2)} ms); ratio to the in-process anchor tagger ${native.stage_ratio.toFixed(3)}`);

const anchorBench = arg('--anchor-bench');
if (anchorBench) {
  // Another build (older code, older models) against ours, run after run in alternation on the same text.
  const runs = Number(arg('--runs', '3'));
  const sameText = ['--json', '--text', textFile, '--rounds', String(rounds)];
  const stageMs = (binary) =>
    JSON.parse(execFileSync(binary, sameText, { encoding: 'utf8' }).trim().split('\n').pop()).stage_ms;
  let oursBest = Infinity;
  let anchorBest = Infinity;
  for (let r = 0; r < runs; r++) {
    const order = r % 2 === 0 ? [bench, anchorBench] : [anchorBench, bench];
    const times = {};
    for (const binary of order) times[binary] = stageMs(binary);
    oursBest = Math.min(oursBest, times[bench]);
    anchorBest = Math.min(anchorBest, times[anchorBench]);
    console.log(`run ${r + 1}: entity stage ${times[bench].toFixed(1)} ms, anchor build ${times[anchorBench].toFixed(1)} ms (ratio ${(times[bench] / times[anchorBench]).toFixed(3)})`);
  }
  console.log(`anchor build ${anchorBench}: best ${anchorBest.toFixed(1)} ms = ${(anchorBest / (words / 1000)).toFixed(3)} ms per 1,000 words; ours best ${oursBest.toFixed(1)} ms; ratio (ours / anchor build) ${(oursBest / anchorBest).toFixed(3)}`);
}

const { default: nlp } = await import(pathToFileURL(join(root, 'node_modules', 'compromise', 'src', 'three.js')).href);
const [compromiseMs, found] = best(() => {
  const doc = nlp(text);
  return doc.people().length + doc.places().length + doc.organizations().length;
});
console.log(`compromise:          ${compromiseMs.toFixed(1)} ms = ${(compromiseMs / (words / 1000)).toFixed(3)} ms per 1,000 words, ${found} people/places/organisations`);
console.log(`ratio: native entity stage is ${(compromiseMs / native.stage_ms).toFixed(1)}x faster than compromise on the same text`);

const wasmDir = arg('--wasm-dir', join(root, 'web', 'lib', 'dist'));
// The JS API over the module in `dir`: the wrapper imports ./dist/, so a module built elsewhere gets a
// private copy of the wrapper (and the modules it imports) next to it.
async function analyzerFor(dir) {
  let wrapper = join(root, 'web', 'lib', 'articlescope.js');
  if (dir !== join(root, 'web', 'lib', 'dist')) {
    const lib = mkdtempSync(join(tmpdir(), 'entities-bench-lib-'));
    mkdirSync(join(lib, 'dist'));
    for (const f of readdirSync(join(root, 'web', 'lib'))) {
      if (f.endsWith('.js')) copyFileSync(join(root, 'web', 'lib', f), join(lib, f));
    }
    for (const f of ['articlescope-core.mjs', 'articlescope-core.wasm']) copyFileSync(join(dir, f), join(lib, 'dist', f));
    wrapper = join(lib, 'articlescope.js');
  }
  const { createAnalyzer } = await import(pathToFileURL(wrapper).href);
  return createAnalyzer();
}
if (!existsSync(join(wasmDir, 'articlescope-core.wasm'))) {
  console.log('wasm: skipped (web/lib/dist/articlescope-core.wasm is not built: scripts/build.sh wasm)');
} else {
  const t0 = performance.now();
  const analyzer = await analyzerFor(wasmDir);
  const coldMs = performance.now() - t0;
  const options = { format: 'text', clean: false, policy: false, includeHtml: false, includeRemoved: false };
  analyzer.analyze('Warm-up: Joe Biden sent HIMARS to Kyiv on May 30.', options);
  let stageMs = Infinity;
  let mentions = 0;
  const [wholeMs] = best(() => {
    const report = analyzer.analyze(text, options);
    stageMs = Math.min(stageMs, report.timings?.entities_ms ?? Infinity);
    mentions = report.entities.length;
    return report;
  });
  // The report's entities_ms is wall time, which a busy machine inflates; the native bench and the compromise
  // run use CPU time, so the CPU time of the same call with and without the entity stage is measured too.
  const [withoutMs] = best(() => analyzer.analyze(text, { ...options, entities: false }));
  // Both overstate the stage (the difference also pays for the entities' JSON): the smaller one is reported.
  const cpuStageMs = Math.max(0, wholeMs - withoutMs);
  const entitiesMs = Math.min(cpuStageMs > 0 ? cpuStageMs : Infinity, stageMs);
  console.log(`wasm: instantiate ${coldMs.toFixed(1)} ms; entity stage ${entitiesMs.toFixed(1)} ms = ${(entitiesMs / (words / 1000)).toFixed(3)} ms per 1,000 words (CPU: analyse call ${wholeMs.toFixed(1)} ms with it, ${withoutMs.toFixed(1)} ms without; the report's wall-clock entities_ms ${stageMs.toFixed(1)}), ${mentions} mentions`);
  console.log(`ratio: wasm entity stage is ${(compromiseMs / entitiesMs).toFixed(1)}x faster than compromise; native/wasm speed ratio ${(entitiesMs / native.stage_ms).toFixed(2)}`);
  console.log(`goal wasm < 1 ms per 1,000 words: ${entitiesMs / (words / 1000) < 1 ? 'met' : 'NOT met'}`);
  const anchorWasmDir = arg('--anchor-wasm-dir');
  if (anchorWasmDir) {
    // CPU time of the analyse call with the entity stage minus without it, each module in turn first.
    const anchor = await analyzerFor(anchorWasmDir);
    anchor.analyze('Warm-up: Joe Biden sent HIMARS to Kyiv on May 30.', options);
    const stage = { ours: [Infinity, Infinity], anchor: [Infinity, Infinity] };
    for (let r = 0; r < rounds; r++) {
      for (const name of r % 2 === 0 ? ['ours', 'anchor'] : ['anchor', 'ours']) {
        const a = name === 'ours' ? analyzer : anchor;
        let t = cpuMs();
        a.analyze(text, options);
        stage[name][0] = Math.min(stage[name][0], cpuMs() - t);
        t = cpuMs();
        a.analyze(text, { ...options, entities: false });
        stage[name][1] = Math.min(stage[name][1], cpuMs() - t);
      }
    }
    const oursMs = stage.ours[0] - stage.ours[1];
    const anchorMs = stage.anchor[0] - stage.anchor[1];
    console.log(`wasm alternated with ${anchorWasmDir}: entity stage ours ${(oursMs / (words / 1000)).toFixed(3)}, anchor ${(anchorMs / (words / 1000)).toFixed(3)} ms per 1,000 words; ratio (ours / anchor) ${(oursMs / anchorMs).toFixed(3)}`);
  }
}
