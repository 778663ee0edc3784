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

/**
 * Starts scripts/serve.mjs (or `serveScript`, a copy that serves the web/ folder beside it) on a free port;
 * resolves to {url, origin, stop()}.
 */
export function startDemoServer(serveScript = join(repoRoot, 'scripts', 'serve.mjs')) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [serveScript, '--port', '0'], {
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
              if (child.exitCode !== null || child.signalCode !== null) return done(); // already stopped
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
      notes: item.querySelector('.scope-notes')?.textContent ?? '',
      roles: [...item.querySelectorAll('.scope-roles .role')].map((role) => ({
        name: role.querySelector('.role-name').textContent,
        text: role.textContent.slice(role.querySelector('.role-name').textContent.length),
      })),
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
    past: list('scope-past'),
    removedItems: document.querySelectorAll('#removed-list li:not(.removed-empty)').length,
    removedCount: document.getElementById('removed-count').textContent,
    entityTotal: document.getElementById('entity-total').textContent,
    sidebarMentions: [...document.querySelectorAll('#entity-groups .entity-type')].reduce(
      (sum, section) => sum + Number(section.dataset.mentions),
      0,
    ),
    sidebarEntities: document.querySelectorAll('#entity-groups .entity-list > li').length,
    sidebarHeadings: Object.fromEntries(
      [...document.querySelectorAll('#entity-groups .entity-type')].map((section) => [
        section.dataset.type,
        section.querySelector('h3 .count [aria-hidden]').textContent,
      ]),
    ),
    legendCounts: Object.fromEntries(
      [...document.querySelectorAll('#entity-legend .legend-toggle')].map((b) => [
        b.dataset.type,
        b.querySelector('.legend-count').textContent,
      ]),
    ),
    scopeNote: document.getElementById('scope-note').textContent,
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

/**
 * What the page should list for `report`: web/ui's own presentation of it (present.js), in node. Columns of
 * provision indexes and the texts of their items.
 */
export async function expectedPresentation(report) {
  const { presentReport } = await import('../../web/ui/present.js');
  const view = presentReport(report);
  const column = (views) => views.map((v) => ({ provision: v.index, text: v.text, notes: v.notes.join(' · ') }));
  return {
    view,
    allowed: column(view.columns.allowed),
    prohibited: column(view.columns.prohibited),
    stillProhibited: column(view.columns.stillProhibited),
    excluded: column(view.columns.excluded),
    proposed: column(view.columns.proposed),
    past: column(view.past),
  };
}

/** Distinct entities (groups with mentions) and mentions per type, as "3 (7)". */
export function entityCountsByType(report) {
  const groups = new Map();
  for (const entity of report.entities) {
    const key = `${entity.type}\u0000${entity.id}`;
    groups.set(key, entity.type);
  }
  const counts = {};
  for (const type of groups.values()) counts[type] = { entities: (counts[type]?.entities ?? 0) + 1, mentions: 0 };
  for (const entity of report.entities) counts[entity.type].mentions += 1;
  return Object.fromEntries(Object.entries(counts).map(([type, c]) => [type, `${c.entities} (${c.mentions})`]));
}

/**
 * Page function: every visible text under `selector` (text nodes, ::before/::after content, placeholders) whose
 * contrast with what lies behind it is below WCAG 2 AA: 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
 * The background is composed from the element's ancestors (colours with alpha, gradients by their strongest
 * colour, opacity). Returns [{text, ratio, need, color, background, where}] (empty when all pass).
 */
export const CONTRAST_FAILURES = (selector = 'body') => {
  // Colours as they settle, not halfway through a transition (a theme switch, a hover).
  for (const animation of document.getAnimations()) {
    if (animation instanceof CSSTransition) animation.finish();
  }
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const cache = new Map();
  // Any CSS colour to [r, g, b, a] (0-255, alpha 0-1), through the canvas for formats we do not parse.
  const rgba = (css) => {
    if (cache.has(css)) return cache.get(css);
    let value = null;
    const rgb = /^rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)$/.exec(css);
    const srgb = /^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.]+%?))?\)$/.exec(css);
    const alpha = (a) => (a === undefined ? 1 : a.endsWith('%') ? Number(a.slice(0, -1)) / 100 : Number(a));
    if (rgb) value = [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha(rgb[4])];
    else if (srgb) value = [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, alpha(srgb[4])];
    else {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = '#000';
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
      value = [r, g, b, a / 255];
    }
    cache.set(css, value);
    return value;
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const luminance = ([r, g, b]) => {
    const f = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (x, y) => {
    const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (a + 0.05) / (b + 0.05);
  };
  // What lies behind an element: its own and its ancestors' backgrounds, on the page's canvas colour.
  const backgroundOf = (element) => {
    const layers = [];
    for (let node = element; node && node.nodeType === 1; node = node.parentElement ?? node.getRootNode()?.host ?? null) {
      const style = getComputedStyle(node);
      const image = style.backgroundImage;
      if (image && image !== 'none' && /gradient/.test(image)) {
        const colours = image.match(/(rgba?\([^)]*\)|color\([^)]*\))/g) ?? [];
        const strongest = colours.map(rgba).sort((p, q) => q[3] - p[3])[0];
        if (strongest) layers.push(strongest);
      }
      const colour = rgba(style.backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    let result = getComputedStyle(document.documentElement).colorScheme.includes('dark') ? [18, 18, 18, 1] : [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
    return result;
  };
  const opacityOf = (element) => {
    let opacity = 1;
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
    return opacity;
  };
  const visible = (element) => {
    if (element.checkVisibility && !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    if (element.getClientRects().length === 0) return false;
    const rect = element.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return false; // visually hidden (clipped to a pixel)
    return getComputedStyle(element).visibility === 'visible';
  };
  const failures = [];
  const check = (element, text, style, where) => {
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const need = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
    const background = backgroundOf(element);
    const colour = rgba(style.color);
    const fg = over([colour[0], colour[1], colour[2], colour[3] * opacityOf(element)], background);
    const value = ratio(fg, background);
    if (value < need - 0.005) {
      failures.push({
        text: text.trim().slice(0, 40),
        ratio: Number(value.toFixed(2)),
        need,
        color: style.color,
        background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
        where: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}${where}`,
      });
    }
  };
  const roots = [...document.querySelectorAll(selector)];
  const seen = new Set();
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !/\S/.test(node.textContent) || seen.has(element) || !visible(element)) continue;
      if (element.closest('svg, script, style, noscript, template')) continue;
      seen.add(element);
      check(element, node.textContent, getComputedStyle(element), '');
    }
    for (const element of root.querySelectorAll('*')) {
      if (!visible(element)) continue;
      for (const pseudo of ['::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        const content = style.content;
        if (!content || content === 'none' || content === 'normal' || !/^["'].*\S.*["']$/.test(content)) continue;
        check(element, content, style, pseudo);
      }
      if ((element.tagName === 'TEXTAREA' || element.tagName === 'INPUT') && element.placeholder && !element.value) {
        check(element, element.placeholder, getComputedStyle(element, '::placeholder'), '::placeholder');
      }
    }
  }
  return failures;
};
