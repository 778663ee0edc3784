#!/usr/bin/env node
// A/B of the demo's time to first result: two (or more) copies of the web/ folder, each served by the copy of
// scripts/serve.mjs beside it, visited in alternation (A, B, B, A, ...; A, B, C, C, B, A, ... for more) in fresh
// contexts of one headless Chromium, so that all meet the same load. Prints the median time to first result
// (the whole first report painted: "articlescope:first-result"), to the first screen (its first step painted,
// the status line and the policy scope: "articlescope:first-screen", when the build marks it) and the phases of
// each.
//
//   node bench/first_result_ab.mjs DIR_A DIR_B [DIR_C ...] [--visits N]
//   DIR_x holds a copy of scripts/ and web/ (web/lib/dist built) of the build to compare,
//   e.g. `mkdir -p /tmp/a && cp -r scripts web /tmp/a/`. Prints the load average before and after.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { startDemoServer } from '../tests/e2e/helpers.mjs';
import { launchChromium } from '../tests/js/support/static-server.mjs';
import { describePhases, firstAndRepeatVisit, load, median } from './first_result.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const dirs = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).map((d) => resolve(d));
const visits = Number(option('visits', 8));
if (dirs.length < 2 || dirs.some((d) => !existsSync(join(d, 'scripts', 'serve.mjs')))) {
  console.error('usage: node bench/first_result_ab.mjs DIR_A DIR_B [DIR_C ...] [--visits N] (each DIR with scripts/serve.mjs and web/)');
  process.exit(2);
}

console.log(`first_result_ab: load average ${load()} (1, 5, 15 min)`);
const browser = await launchChromium();
const servers = await Promise.all(dirs.map((d) => startDemoServer(join(d, 'scripts', 'serve.mjs'))));
const results = dirs.map(() => ({ first: [], repeat: [] }));
try {
  for (let i = 0; i < visits; i++) {
    // ABBA order: no copy always goes first after the pause.
    for (const k of i % 2 === 0 ? dirs.keys() : [...dirs.keys()].reverse()) {
      const { first, repeat } = await firstAndRepeatVisit(browser, servers[k].url);
      results[k].first.push(first);
      results[k].repeat.push(repeat);
    }
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await browser.close();
}
for (const [k, dir] of dirs.entries()) {
  const times = results[k].first.map((m) => m['first-result']).filter((x) => x !== undefined);
  const screen = results[k].first.map((m) => m['first-screen']).filter((x) => x !== undefined);
  console.log(
    `${String.fromCharCode(65 + k)} ${dir}: first result median ${median(times).toFixed(0)} ms (${Math.min(...times).toFixed(0)}-${Math.max(...times).toFixed(0)}), ` +
      (screen.length ? `first screen ${median(screen).toFixed(0)} ms, ` : '') +
      `repeat visits ${median(results[k].repeat.map((m) => m['first-result'])).toFixed(0)} ms`,
  );
  console.log(`    phases: ${describePhases(results[k].first)}`);
}
console.log(`first_result_ab: load average now ${load()}`);
