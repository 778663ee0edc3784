// The demo's time to first result, read from its performance marks ("articlescope:*"): shared by
// bench/browser_bench.mjs and bench/first_result_ab.mjs.
import { loadavg } from 'node:os';

const FIRST_RESULT = 'articlescope:first-result';
// Read through the DevTools protocol, not page.evaluate(): playwright injects its own (large) scripts into a
// page on the first evaluate, which would compete with the demo's first result.
// Resolves to every "articlescope:*" mark of the page (name -> ms since navigation) a second after the whole
// first report was drawn (its first-result mark): the repeat visit that follows starts once the page's own work
// after its report (the worker's warm-up) is done, the same for both builds of an A/B.
const WAIT_FOR_MARK = `new Promise((resolve) => {
  const look = () => {
    const [whole] = performance.getEntriesByName('${FIRST_RESULT}');
    if (whole && performance.now() - whole.startTime > 1000) {
      const marks = {};
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('articlescope:')) marks[m.name.slice(13)] ??= m.startTime;
      const [nav] = performance.getEntriesByType('navigation');
      if (nav) marks['dom-content-loaded'] = nav.domContentLoadedEventEnd;
      resolve(marks);
    } else setTimeout(look, 20);
  };
  look();
})`;

/** The load average now, "1-min 5-min 15-min". */
export const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

/** The median of `xs` (NaN when empty). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

/**
 * The demo's marks of `page` (ms from navigation): first-result (the whole first report painted), first-screen
 * (its first step painted: status line and policy scope) and the phases before them.
 */
export async function firstResult(page, url) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const { result } = await cdp.send('Runtime.evaluate', { expression: WAIT_FOR_MARK, awaitPromise: true, returnByValue: true, timeout: 60_000 });
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/**
 * A first visit in a fresh context (no HTTP cache, no code cache, no service worker), then a repeat visit in
 * the same context; resolves to {first, repeat} (marks as firstResult() gives them).
 */
export async function firstAndRepeatVisit(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    // A new window of headless Chromium loads the browser's own top-bar UI (a WebUI renderer) for a second or
    // two; on 2 cores that would compete with the page. Let it finish: the caches stay empty.
    await page.goto('about:blank');
    await page.waitForTimeout(2500);
    const first = await firstResult(page, url);
    const repeat = await firstResult(page, `${url}?again`);
    return { first, repeat };
  } finally {
    await context.close();
  }
}

/** One line of median phase times over visits (each a map of mark -> ms), in the order they happen. */
export function describePhases(visits) {
  const names = [...new Set(visits.flatMap((v) => Object.keys(v)))];
  const medians = names.map((name) => [name, median(visits.map((v) => v[name]).filter((x) => x !== undefined))]);
  return medians.sort((a, b) => a[1] - b[1]).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ');
}
