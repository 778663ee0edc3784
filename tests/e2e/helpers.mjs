// Shared pieces of the browser tests: the demo server, browser paths, and page-level waits.
// Browsers are Debian's (never downloaded); each run gets a fresh profile directory.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = join(repoRoot, 'tests', 'e2e', 'artifacts');
export const fixturesDir = join(repoRoot, 'tests', 'e2e', 'fixtures');
export const wasmBuilt = existsSync(join(repoRoot, 'web', 'lib', 'dist', 'articlescope-core.wasm'));

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Firefox ESR binary itself (puppeteer needs the real executable, not a wrapper script). */
export function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr'];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return realpathSync(candidate);
  }
  return null;
}

/** A fresh, empty browser profile directory; remove() deletes it. */
export function freshProfile(prefix) {
  const path = mkdtempSync(join(tmpdir(), `articlescope-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * Launches Debian's Chromium with a fresh profile; resolves to {context, page, close()}. contextOptions go to
 * playwright's launchPersistentContext (viewport, colorScheme, bypassCSP, ...).
 */
export async function launchChromium(profilePrefix, contextOptions = {}) {
  const { chromium } = await import('playwright-core');
  const profile = freshProfile(profilePrefix);
  const context = await chromium.launchPersistentContext(profile.path, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    ...contextOptions,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      profile.remove();
    },
  };
}

/** Launches Firefox ESR (Debian's) headless through puppeteer-core with a fresh profile; resolves to {browser, page, close()}. */
export async function launchFirefox(profilePrefix) {
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = freshProfile(profilePrefix);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profile.path,
    extraPrefsFirefox: {
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
    },
  });
  const page = await browser.newPage();
  return {
    browser,
    page,
    close: async () => {
      await browser.close();
      profile.remove();
    },
  };
}

export function ensureArtifactsDir() {
  mkdirSync(artifactsDir, { recursive: true });
  return artifactsDir;
}

/** Starts scripts/serve.mjs on a free port; resolves to {url, origin, stop()}. */
export function startDemoServer() {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'serve.mjs'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve.mjs printed no URL: ${output}`));
    }, 20_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\/demo\//.exec(output);
      if (match) {
        clearTimeout(timer);
        const url = match[0];
        resolvePromise({
          url,
          origin: new URL(url).origin,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill();
            }),
        });
      }
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited with ${code}: ${output}`));
    });
  });
}

/** The current run number of the page (incremented by every analysis). Works in any browser driver. */
export const RUN_NUMBER = () => Number(document.getElementById('status').dataset.run ?? 0);

/** Page function: true once a run newer than `after` has finished (done or error). */
export const RUN_FINISHED = (after) => {
  const status = document.getElementById('status');
  const run = Number(status.dataset.run ?? 0);
  return run > after && (status.dataset.state === 'done' || status.dataset.state === 'error');
};

/** Page function: the report currently shown, as the text of the page's own JSON view. */
export const SHOWN_REPORT = async () => {
  const details = document.getElementById('json-details');
  if (!details.open) {
    const toggled = new Promise((resolve) => details.addEventListener('toggle', resolve, { once: true }));
    details.open = true;
    await toggled;
  }
  const text = document.getElementById('json-view').textContent;
  details.open = false;
  return text;
};

/** Page function: what the article view shows, counted the way a reader would see it. */
export const SHOWN_COUNTS = () => {
  const body = document.getElementById('article-body');
  const entityIndices = new Set([...body.querySelectorAll('.ent')].map((e) => e.dataset.index));
  const provisionIndices = new Set();
  for (const sentence of body.querySelectorAll('.pol')) {
    for (const index of sentence.dataset.provisions.split(' ')) provisionIndices.add(index);
  }
  // Lists longer than the page shows at first are expanded ("Show all N") before they are read.
  for (const more of document.querySelectorAll('.scope-more')) more.click();
  const list = (id) =>
    [...document.querySelectorAll(`#${id} .scope-item`)].map((item) => ({
      provision: item.dataset.provision === undefined ? null : Number(item.dataset.provision),
      text: item.querySelector('.scope-text').textContent,
    }));
  return {
    title: document.getElementById('article-title').textContent,
    site: document.getElementById('article-site').textContent,
    meta: document.getElementById('article-meta').textContent,
    bodyText: (() => {
      const copy = body.cloneNode(true);
      for (const badge of copy.querySelectorAll('.pol-badge')) badge.remove();
      return copy.textContent;
    })(),
    entityMarks: entityIndices.size,
    entityFirstParts: body.querySelectorAll('.ent[data-part="0"]').length,
    provisionsShown: provisionIndices.size,
    badges: body.querySelectorAll('.pol-badge').length,
    allowed: list('scope-allowed'),
    prohibited: list('scope-prohibited'),
    proposed: list('scope-proposed'),
    removedItems: document.querySelectorAll('#removed-list li:not(.removed-empty)').length,
    removedCount: document.getElementById('removed-count').textContent,
    entityTotal: document.getElementById('entity-total').textContent,
    sidebarMentions: [...document.querySelectorAll('#entity-groups .entity-type')].reduce(
      (sum, section) => sum + Number(section.querySelector('h3 .count').textContent),
      0,
    ),
    legendCounts: Object.fromEntries(
      [...document.querySelectorAll('#entity-legend .legend-toggle')].map((b) => [
        b.dataset.type,
        Number(b.querySelector('.legend-count').textContent),
      ]),
    ),
    timingRows: document.querySelectorAll('#timings .timing-row').length,
    errorShown: !document.getElementById('error-box').hidden,
    errorText: document.getElementById('error-box').textContent,
    statusText: document.getElementById('status-text').textContent,
  };
};

/** Number of provisions of `report` whose sentence is a valid span of the article text. */
export function drawableProvisions(report) {
  const length = report.article.text.length;
  return report.policy.provisions.filter(
    (p) =>
      p.sentence && p.sentence.end > p.sentence.start && p.sentence.start >= 0 && p.sentence.end <= length,
  ).length;
}

/** Number of entity mentions of `report` that are valid spans of the article text. */
export function drawableEntities(report) {
  const length = report.article.text.length;
  return report.entities.filter((e) => e.end > e.start && e.start >= 0 && e.end <= length).length;
}

/** Mentions per entity type. */
export function mentionsByType(report) {
  const counts = {};
  for (const entity of report.entities) counts[entity.type] = (counts[entity.type] ?? 0) + 1;
  return counts;
}
