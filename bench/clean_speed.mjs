// Cleaning speed against Mozilla Readability, in the same run, on the same pages.
//   node bench/clean_speed.mjs [CORPUS_DIR] [--native build/<dir>/bench/clean_eval] [--limit N]
// Native: parse + clean time per page as measured inside bench/clean_eval (gumbo -> DOM -> Article).
// Readability: linkedom parseHTML + new Readability(document).parse() per page, timed in this process.
// Prints the median per-page time of each, their ratio (goal: native <= 0.5 x Readability), MB/s and peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const corpus = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--'))) ??
  join(root, '..', 'shared', 'corpora', 'trafilatura-dev');
const native = option('--native', join(root, 'build', 'native', 'bench', 'clean_eval'));
const limit = Number(option('--limit', '0'));

if (!existsSync(join(corpus, 'pages'))) {
  console.log(`clean_speed: corpus ${corpus} not found: skipped`);
  process.exit(0);
}
if (!existsSync(native)) {
  console.log(`clean_speed: native benchmark ${native} not built (cmake --build <dir> --target clean_eval): skipped`);
  process.exit(0);
}
const { Readability } = await import('@mozilla/readability');
const { parseHTML } = await import('linkedom');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// 1. Native, in a child process: per-page times written to a JSON file.
const timesFile = join(mkdtempSync(join(tmpdir(), 'clean-speed-')), 'times.json');
const run = spawnSync(native, [corpus, '--times', timesFile, '--quiet', '--worst', '0'], { encoding: 'utf8' });
if (run.status !== 0 || !existsSync(timesFile)) {
  console.log(`clean_speed: native run failed (${run.status}): ${run.stderr}`);
  process.exit(1);
}
const nativeTimes = JSON.parse(readFileSync(timesFile, 'utf8'));
const nativePeak = /peak memory: ([\d.]+) MB/.exec(run.stdout)?.[1];

// 2. Readability on the same pages, same order.
let ids = readdirSync(join(corpus, 'pages')).filter((f) => f.endsWith('.html.gz')).map((f) => f.slice(0, -8))
  .filter((id) => id in nativeTimes).sort();
if (limit > 0) ids = ids.slice(0, limit);
const readabilityMs = [], nativeMs = [];
let bytes = 0, nativeTotal = 0, readabilityTotal = 0;
for (const id of ids) {
  const html = gunzipSync(readFileSync(join(corpus, 'pages', `${id}.html.gz`))).toString('utf8');
  const start = performance.now();
  try {
    const { document } = parseHTML(html);
    new Readability(document).parse();
  } catch {
    // Readability or linkedom failing on a page still costs the time spent.
  }
  const ms = performance.now() - start;
  readabilityMs.push(ms);
  readabilityTotal += ms;
  nativeMs.push(nativeTimes[id].ms);
  nativeTotal += nativeTimes[id].ms;
  bytes += nativeTimes[id].bytes;
}
const ratios = ids.map((_, i) => nativeMs[i] / Math.max(readabilityMs[i], 1e-6));
const mb = bytes / 1e6;
console.log(`clean_speed: ${ids.length} pages, ${mb.toFixed(1)} MB, corpus ${corpus}`);
console.log(`  native (gumbo + articlescope clean): median ${median(nativeMs).toFixed(2)} ms/page, ` +
  `${(mb / (nativeTotal / 1000)).toFixed(1)} MB/s, peak memory ${nativePeak ?? '?'} MB`);
console.log(`  Mozilla Readability (linkedom):      median ${median(readabilityMs).toFixed(2)} ms/page, ` +
  `${(mb / (readabilityTotal / 1000)).toFixed(1)} MB/s, peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB`);
console.log(`  ratio of medians native/Readability: ${(median(nativeMs) / median(readabilityMs)).toFixed(2)}  ` +
  `(median of per-page ratios ${median(ratios).toFixed(2)}; goal <= 0.5)`);
