// The end-to-end suite of the <article-scope> widget, run in Chromium (widget.chromium.test.mjs) and Firefox
// ESR (widget.firefox.test.mjs) through a small driver per browser.
//
// Two servers on two localhost origins: a "CDN" that serves web/ with CORS, and a host site whose pages
// (tests/e2e/fixtures/widget/) load the widget from the CDN, each with its own Content Security Policy.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { startStaticServer } from '../js/support/static-server.mjs';
import { presentReport } from '../../web/ui/present.js';
import { ensureArtifactsDir, fixturesDir, repoRoot, wasmBuilt } from './helpers.mjs';

const widgetFixtures = join(fixturesDir, 'widget');

/** The CSP line the README gives publishers (with the CDN's origin in place of https://cdn.example). */
export const readmeCsp = (cdn) => `script-src 'self' ${cdn} 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self' ${cdn}`;

// Host pages' policies, by the `csp` query parameter.
const POLICIES = {
  none: () => null,
  readme: (cdn) => `default-src 'self'; ${readmeCsp(cdn)}`,
  'no-wasm': (cdn) => `default-src 'self'; script-src 'self' ${cdn}; worker-src 'self' blob:; connect-src 'self' ${cdn}`,
  'no-blob-worker': (cdn) => `default-src 'self'; script-src 'self' ${cdn} 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self' ${cdn}`,
  // Trusted Types enforced, with an allow-list that names only the widget's policy (web/widget/README.md).
  'trusted-types': (cdn) => `default-src 'self'; ${readmeCsp(cdn)}; require-trusted-types-for 'script'; trusted-types articlescope`,
  'trusted-types-no-blob-worker': (cdn) =>
    `${POLICIES['no-blob-worker'](cdn)}; require-trusted-types-for 'script'; trusted-types articlescope`,
  'trusted-types-unlisted': (cdn) => `default-src 'self'; ${readmeCsp(cdn)}; require-trusted-types-for 'script'; trusted-types host-policy`,
};

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };

/** Starts the CDN and the host site; resolves to {cdn, host, close()}. */
export async function startWidgetServers() {
  const cdn = await startStaticServer({
    roots: ['web', 'tests/e2e/fixtures'],
    headers: { 'Access-Control-Allow-Origin': '*', 'Content-Security-Policy': null },
    routes: {
      // The same article without CORS: another origin may not read it.
      '/private/article.html': () => ({
        type: TYPES['.html'],
        body: readFileSync(join(widgetFixtures, 'article.html')),
        headers: { 'Access-Control-Allow-Origin': null },
      }),
    },
  });
  // The browser asks for a favicon on its own: a 404 would be a console error of the host page.
  const routes = { '/favicon.ico': () => ({ type: 'image/png', body: readFileSync(join(repoRoot, 'web', 'demo', 'favicon.png')) }) };
  for (const name of readdirSync(widgetFixtures)) {
    const type = TYPES[name.slice(name.lastIndexOf('.'))];
    routes[`/host/${name}`] = (url) => {
      const policy = POLICIES[url.searchParams.get('csp') ?? 'none'](cdn.url);
      // The widget from the CDN, or (?widget=same) from the host's own copy of web/.
      const widget =
        url.searchParams.get('widget') === 'same' ? '/web/widget/dist/article-scope.js' : `${cdn.url}/web/widget/dist/article-scope.js`;
      const body = readFileSync(join(widgetFixtures, name), 'utf8').replaceAll('{{CDN}}', cdn.url).replaceAll('{{WIDGET}}', widget);
      return { type, body, headers: { 'Content-Security-Policy': name.endsWith('.html') ? policy : null } };
    };
  }
  const host = await startStaticServer({ roots: ['web'], routes, headers: { 'Content-Security-Policy': null } });
  return {
    cdn: cdn.url,
    host: host.url,
    close: async () => {
      await host.close();
      await cdn.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Page functions (run in the browser)

/** True once every widget named has finished (done or error). */
const WIDGETS_SETTLED = (ids) =>
  ids.every((id) => {
    const state = document.getElementById(id)?.shadowRoot?.querySelector('.box')?.dataset.state;
    return state === 'done' || state === 'error';
  });

/** What a widget shows, read from its shadow root, plus its report and events; as JSON (reports are deep). */
const WIDGET_VIEW = (id) => {
  const widget = document.getElementById(id);
  const root = widget.shadowRoot;
  const box = root.querySelector('.box');
  const column = (name) =>
    [...root.querySelectorAll(`[data-column="${name}"] .scope-item`)].map((item) => ({
      provision: Number(item.dataset.provision),
      text: item.querySelector('.scope-text').textContent,
    }));
  const rect = widget.getBoundingClientRect();
  const style = getComputedStyle(box);
  return JSON.stringify({
    state: box.dataset.state,
    status: root.querySelector('.status').textContent,
    message: root.querySelector('.message').hidden ? null : root.querySelector('.message').textContent,
    messageCode: root.querySelector('.message').dataset.code ?? null,
    columns: { allowed: column('allowed'), prohibited: column('prohibited'), excluded: column('excluded'), proposed: column('proposed') },
    chips: [...root.querySelectorAll('.entity-chip:not(.more-chip) .entity-name')].map((chip) => chip.textContent),
    report: widget.report,
    events: window.__events.filter((event) => event.id === id),
    activeContent: root.querySelectorAll('img, script, iframe, object, embed, a, form, link[rel=import]').length,
    box: { width: rect.width, height: rect.height, display: getComputedStyle(widget).display },
    style: { fontSize: style.fontSize, color: style.color, letterSpacing: style.letterSpacing, textTransform: style.textTransform, fontStyle: style.fontStyle, visibility: style.visibility },
    scrollWidth: box.scrollWidth,
    clientWidth: box.clientWidth,
  });
};

/** The host page's own state: globals added, sheets, fonts, workers, violations, injected code. */
const HOST_VIEW = () => ({
  newGlobals: Object.getOwnPropertyNames(window).filter((name) => !window.__globalsBefore.includes(name) && !name.startsWith('__')),
  defined: typeof customElements.get('article-scope'),
  badge: document.getElementById('badge')?.textContent ?? null,
  sheets: document.styleSheets.length,
  sheetsBefore: window.__hostSheets,
  adopted: document.adoptedStyleSheets.length,
  font: getComputedStyle(document.querySelector('[data-probe] p') ?? document.body).fontSize,
  fontBefore: window.__hostFont,
  workers: window.__workers,
  violations: window.__violations,
  pwned: window.__pwned ?? null,
});

/** Text nodes and markup of a host element, to compare before and after highlighting. */
const HOST_MARKUP = (id) => {
  const element = document.getElementById(id);
  return {
    html: element.innerHTML,
    before: window.__before[id],
    marks: [...element.querySelectorAll('mark[data-articlescope-mark]')].map((mark) => ({
      kind: mark.dataset.articlescopeMark,
      display: getComputedStyle(mark).display,
      background: getComputedStyle(mark).backgroundColor,
      text: mark.textContent,
    })),
  };
};

// ---------------------------------------------------------------------------------------------------------
// Assertions

function assertShowsReport(view, label) {
  assert.equal(view.state, 'done', `${label}: ${view.message ?? view.status}`);
  const { report } = view;
  assert.ok(report && report.version === 1, `${label}: element.report holds the report`);
  const summary = report.policy.summary;
  const notExcluded = summary.prohibited.filter((item) => item.status !== 'excluded');
  const excluded = summary.prohibited.filter((item) => item.status === 'excluded');
  // Four items at first per column: the test articles are short.
  assert.deepEqual(view.columns.allowed.map((i) => i.provision), summary.allowed.map((i) => i.provision), `${label}: allowed`);
  assert.deepEqual(view.columns.prohibited.map((i) => i.provision), notExcluded.map((i) => i.provision), `${label}: prohibited`);
  assert.deepEqual(view.columns.excluded.map((i) => i.provision), excluded.map((i) => i.provision), `${label}: not covered`);
  assert.deepEqual(view.columns.proposed.map((i) => i.provision), summary.proposed.map((i) => i.provision), `${label}: proposed`);
  // Each item in the shared UI's words ("Ban lifted: ..."), the header counting what is listed.
  const presented = presentReport(report);
  for (const item of Object.values(view.columns).flat()) assert.equal(item.text, presented.provisions[item.provision].text, `${label}: item wording`);
  const listed = Object.values(view.columns).flat().length;
  if (listed) assert.match(view.status, new RegExp(`^${listed} provisions?[,.]`), `${label}: the status counts what is listed`);
  const results = view.events.filter((event) => event.type === 'articlescope:result');
  assert.ok(results.length >= 1, `${label}: a result event`);
  const last = results.at(-1);
  assert.deepEqual(last.report, report, `${label}: the event carries the report`);
  assert.equal(last.sameAsProperty, true, `${label}: event.detail.report is element.report`);
  assert.equal(view.activeContent, 0, `${label}: nothing active in the shadow root`);
}

// ---------------------------------------------------------------------------------------------------------
// The suite

/**
 * Defines the widget suite for one browser. openBrowser() resolves to a driver:
 * {goto(url), evaluate(fn, arg), waitFor(fn, arg), screenshot(path), setViewport(width, height),
 *  press(key), setColorScheme(scheme) | null, consoleErrors() → the page's console errors since the last call, close()}.
 */
export function widgetSuite(browserName, openBrowser, { skip = false } = {}) {
  describe(`<article-scope> widget in ${browserName}`, { skip, timeout: 300_000 }, () => {
    let servers;
    let driver;
    let lightTextColour = null;
    const view = async (id) => JSON.parse(await driver.evaluate(WIDGET_VIEW, id));
    const open = async (page, ids, query = '') => {
      await driver.goto(`${servers.host}/host/${page}${query}`);
      await driver.waitFor(WIDGETS_SETTLED, ids);
    };

    before(async () => {
      assert.ok(wasmBuilt, 'web/lib/dist/articlescope-core.wasm is missing: run `scripts/build.sh wasm` first');
      ensureArtifactsDir();
      servers = await startWidgetServers();
      driver = await openBrowser();
    });

    after(async () => {
      await driver?.close();
      await servers?.close();
    });

    test('from another origin, under hostile CSS: both widgets show their reports, sharing one blob worker', async () => {
      await open('hostile-host.html', ['story-widget', 'second-widget']);
      const story = await view('story-widget');
      assertShowsReport(story, 'story');
      assert.ok(story.report.article.text.includes('Brennholm'));
      assert.ok(!story.report.article.text.includes('Lindmark'), 'the for selector picks one element');
      assert.ok(story.columns.allowed.length >= 1 && story.columns.prohibited.length + story.columns.excluded.length >= 1);
      assert.ok(story.chips.length >= 1, 'entity chips');
      const second = await view('second-widget');
      assertShowsReport(second, 'second');
      assert.ok(second.report.article.text.includes('Lindmark'));

      const host = await driver.evaluate(HOST_VIEW);
      assert.equal(host.workers.length, 1, `one worker for two widgets and two copies of the script: ${host.workers}`);
      assert.match(host.workers[0], /^blob:/, 'a same-origin blob worker (a module worker cannot start cross-origin)');
      assert.deepEqual(host.newGlobals, [], 'the widget defines no globals');
      assert.equal(host.defined, 'function');
      assert.equal(host.badge, 'host element works', "the host's own custom element is untouched");
      assert.equal(host.sheets, host.sheetsBefore, 'no stylesheet added to the page');
      assert.equal(host.adopted, 0);
      assert.equal(host.font, host.fontBefore, "the page's styles are unchanged");
      assert.deepEqual(host.violations, []);

      // The box is laid out and readable although the page resets everything, shrinks the root font to 4px and
      // hides the widget's own class names.
      assert.equal(story.box.display, 'block');
      assert.ok(story.box.height > 150, `the box has a height (${story.box.height})`);
      assert.equal(story.style.fontSize, '14.4px', 'font size pinned, not the host root font size');
      assert.equal(story.style.letterSpacing, 'normal');
      assert.equal(story.style.textTransform, 'none');
      assert.equal(story.style.fontStyle, 'normal');
      lightTextColour = story.style.color;
      const themed = await driver.evaluate(() => {
        const root = document.getElementById('second-widget').shadowRoot;
        return {
          surface: getComputedStyle(root.querySelector('.box')).backgroundColor,
          title: getComputedStyle(root.querySelector('.title')).color,
          otherSurface: getComputedStyle(document.getElementById('story-widget').shadowRoot.querySelector('.box')).backgroundColor,
        };
      });
      assert.deepEqual(themed, { surface: 'rgb(255, 250, 230)', title: 'rgb(120, 0, 90)', otherSurface: 'rgb(255, 255, 255)' }, 'custom property and ::part() theming');
      await driver.screenshot(join(ensureArtifactsDir(), `${browserName}-widget-hostile.png`));
    });

    test('highlight marks the host article and its removal restores the DOM exactly', async () => {
      // second-widget starts with highlight on: its marks are there, styled despite `mark { display: none }`.
      let second = await driver.evaluate(HOST_MARKUP, 'second');
      assert.ok(second.marks.some((m) => m.kind === 'policy') && second.marks.some((m) => m.kind === 'entity'), 'marks in the page');
      for (const mark of second.marks) {
        assert.equal(mark.display, 'inline', 'inline style wins over the page');
        assert.notEqual(mark.background, 'rgba(0, 0, 0, 0)');
      }
      await driver.evaluate(() => document.getElementById('second-widget').removeAttribute('highlight'));
      second = await driver.evaluate(HOST_MARKUP, 'second');
      assert.equal(second.marks.length, 0);
      assert.equal(second.html, second.before, 'the markup is back as it was before the widget');

      // story-widget starts without: on, then off, through the attribute and through the box's own button.
      let story = await driver.evaluate(HOST_MARKUP, 'story');
      assert.equal(story.marks.length, 0);
      assert.equal(story.html, story.before);
      const nodesKept = await driver.evaluate(() => {
        const article = document.getElementById('story');
        const textNodes = () => {
          const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
          const nodes = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
          return nodes;
        };
        const before = textNodes();
        const widget = document.getElementById('story-widget');
        widget.setAttribute('highlight', 'policy');
        const policyOnly = [...article.querySelectorAll('mark')].every((m) => m.dataset.articlescopeMark === 'policy');
        const marked = article.querySelectorAll('mark').length;
        widget.removeAttribute('highlight');
        widget.shadowRoot.querySelector('[part~="highlight-toggle"]').click();
        const byButton = article.querySelectorAll('mark').length;
        const pressed = widget.shadowRoot.querySelector('[part~="highlight-toggle"]').getAttribute('aria-pressed');
        widget.shadowRoot.querySelector('[part~="highlight-toggle"]').click();
        const after = textNodes();
        return { policyOnly, marked, byButton, pressed, same: after.length === before.length && after.every((n, i) => n === before[i]) };
      });
      assert.ok(nodesKept.marked > 0 && nodesKept.policyOnly, 'highlight="policy" marks sentences only');
      assert.ok(nodesKept.byButton > 0 && nodesKept.pressed === 'true', 'the box button turns highlighting on');
      assert.equal(nodesKept.same, true, 'the very same text nodes are back');
      story = await driver.evaluate(HOST_MARKUP, 'story');
      assert.equal(story.html, story.before);
    });

    test('keyboard: the details open and close, and a summary item shows its provision', async () => {
      const state = await driver.evaluate(() => {
        const widget = document.getElementById('story-widget');
        widget.shadowRoot.querySelector('[part~="toggle"]').focus();
        return widget.shadowRoot.activeElement?.getAttribute('aria-expanded');
      });
      assert.equal(state, 'false');
      await driver.press('Enter');
      const opened = await driver.evaluate(() => {
        const root = document.getElementById('story-widget').shadowRoot;
        return {
          expanded: root.querySelector('[part~="toggle"]').getAttribute('aria-expanded'),
          detailsShown: !root.querySelector('.details').hidden,
          cards: root.querySelectorAll('.details .card-provision').length,
          open: document.getElementById('story-widget').hasAttribute('open'),
          provisions: document.getElementById('story-widget').report.policy.provisions.length,
        };
      });
      assert.deepEqual(opened, { expanded: 'true', detailsShown: true, cards: opened.provisions, open: true, provisions: opened.provisions });
      await driver.press('Enter');
      assert.equal(await driver.evaluate(() => document.getElementById('story-widget').hasAttribute('open')), false);
      // Without highlights, choosing an item opens the details on its card.
      const focused = await driver.evaluate(() => {
        const root = document.getElementById('story-widget').shadowRoot;
        const item = root.querySelector('.scope-item');
        item.click();
        return { wanted: item.dataset.provision, got: root.activeElement?.dataset.provision ?? null };
      });
      assert.equal(focused.got, focused.wanted);
    });

    test('readable at 320 px wide and in dark mode', async () => {
      await driver.setViewport(320, 700);
      try {
        await open('hostile-host.html', ['story-widget', 'second-widget']);
        const story = await view('story-widget');
        assert.ok(story.box.width <= 320 && story.box.width > 250, `box width ${story.box.width}`);
        assert.ok(story.scrollWidth <= story.clientWidth, 'nothing overflows sideways');
        await driver.screenshot(join(ensureArtifactsDir(), `${browserName}-widget-320.png`));
      } finally {
        await driver.setViewport(1280, 900);
      }
      if (!driver.setColorScheme) return;
      await driver.setColorScheme('dark');
      try {
        await open('hostile-host.html', ['story-widget', 'second-widget']);
        const dark = await view('story-widget');
        assert.equal(lightTextColour, 'rgb(27, 28, 30)', 'light theme text (#1b1c1e)');
        assert.equal(dark.style.color, 'rgb(233, 231, 226)', 'dark theme text (#e9e7e2)');
        await driver.goto(`${servers.host}/web/widget/example.html`);
        await driver.waitFor(() => !!document.querySelector('article-scope')?.report, null);
        await driver.screenshot(join(ensureArtifactsDir(), `${browserName}-widget-example-dark.png`));
      } finally {
        await driver.setColorScheme('light');
      }
    });

    test('every source: default article, for, template, text, src (CORS and same origin); errors are polite', async () => {
      const ids = ['default-widget', 'for-widget', 'template-widget', 'text-widget', 'src-cors-widget', 'src-same-widget', 'src-hostile-widget', 'src-nocors-widget', 'bad-for-widget'];
      await open('sources-host.html', ids, '?csp=readme');
      const expect = {
        'default-widget': ['Tollen', 'Ostvale'],
        'for-widget': ['Ostvale', 'Tollen'],
        'template-widget': ['Mirren', 'Tollen'],
        'src-cors-widget': ['Harlow', 'newsletter'],
        'src-same-widget': ['Fenwick', 'Tollen'],
      };
      for (const [id, [present, absent]] of Object.entries(expect)) {
        const shown = await view(id);
        assertShowsReport(shown, id);
        assert.ok(shown.report.article.text.includes(present), `${id} analysed its own source (${present})`);
        assert.ok(!shown.report.article.text.includes(absent), `${id} did not read ${absent}`);
      }
      assert.equal((await view('src-cors-widget')).report.format, 'html');
      assert.equal((await view('src-same-widget')).report.format, 'text');

      // text property, and element.analyze() after a change.
      const analysed = await driver.evaluate(async () => {
        const widget = document.getElementById('text-widget');
        widget.text = 'Corby allows food trucks\n\nThe borough of Corby will allow food trucks in its parks, its mayor, Rita Low, said.';
        const report = await widget.analyze();
        return { title: report.article.title, same: report === widget.report };
      });
      assert.equal(analysed.title, 'Corby allows food trucks');
      assert.equal(analysed.same, true);
      assertShowsReport(await view('text-widget'), 'text');

      // A page full of script, handlers and javascript: links: the host runs nothing, the box shows text only.
      const hostile = await view('src-hostile-widget');
      assertShowsReport(hostile, 'hostile source');

      // Errors: a message in the box and an error event with a code.
      const noCors = await view('src-nocors-widget');
      assert.equal(noCors.state, 'error');
      assert.equal(noCors.messageCode, 'fetch_failed');
      assert.equal(noCors.message, 'The article could not be loaded.');
      assert.equal(noCors.events.at(-1).code, 'fetch_failed');
      assert.equal(noCors.report, null);
      const badFor = await view('bad-for-widget');
      assert.equal(badFor.messageCode, 'no_source');
      assert.equal(badFor.message, 'There is no article to read here.');
      assert.match(badFor.events.at(-1).message, /#nothing-here/);

      const host = await driver.evaluate(HOST_VIEW);
      assert.equal(host.pwned, null, 'nothing from the hostile source ran');
      assert.deepEqual(host.violations, [], "the README's CSP line is enough");
      assert.equal(host.workers.length, 1);
      await driver.screenshot(join(ensureArtifactsDir(), `${browserName}-widget-sources.png`));
    });

    test('served from the page origin: a plain module worker', async () => {
      await open('sources-host.html', ['default-widget', 'for-widget'], '?widget=same');
      assertShowsReport(await view('default-widget'), 'same origin');
      const host = await driver.evaluate(HOST_VIEW);
      assert.equal(host.workers.length, 1);
      assert.match(host.workers[0], /\/web\/lib\/dist\/worker\.js$/, 'the bundled worker, one request');
    });

    test('a right-to-left host: the box stays English and left to right; an article not in English is said to be one', async () => {
      await open('rtl-host.html', ['rtl-widget', 'foreign-widget'], '?csp=readme');
      const read = (id) =>
        driver.evaluate((widgetId) => {
          const box = document.getElementById(widgetId).shadowRoot.querySelector('.box');
          return { direction: getComputedStyle(box).direction, english: box.matches(':lang(en)'), status: box.querySelector('.status').textContent };
        }, id);
      const story = await read('rtl-widget');
      assertShowsReport(await view('rtl-widget'), 'right-to-left host');
      assert.equal(story.direction, 'ltr', 'the English box is not laid out right to left');
      assert.equal(story.english, true);
      const foreign = await read('foreign-widget');
      assert.equal((await view('foreign-widget')).report.warnings.some((w) => w.code === 'language_unsupported'), true);
      assert.match(foreign.status, /^Policy not analysed: the article is not in English; /);
      assert.deepEqual((await driver.evaluate(HOST_VIEW)).violations, []);
      await driver.screenshot(join(ensureArtifactsDir(), `${browserName}-widget-rtl.png`));
    });

    test("a CSP without 'wasm-unsafe-eval': a polite message in the box and an error event", async () => {
      await open('csp-host.html', ['csp-widget'], '?csp=no-wasm');
      const shown = await view('csp-widget');
      assert.equal(shown.state, 'error');
      assert.equal(shown.messageCode, 'csp_blocks_wasm');
      assert.match(shown.message, /Content Security Policy/);
      assert.match(shown.message, /'wasm-unsafe-eval'/);
      assert.equal(shown.events.length, 1);
      assert.equal(shown.events[0].type, 'articlescope:error');
      assert.equal(shown.events[0].code, 'csp_blocks_wasm');
      assert.equal(shown.report, null);
      const host = await driver.evaluate(HOST_VIEW);
      assert.ok(host.violations.includes('script-src') || host.violations.includes('wasm-eval'), `violations: ${host.violations}`);
      await driver.screenshot(join(ensureArtifactsDir(), `${browserName}-widget-csp.png`));
    });

    // Where the browser has Trusted Types: Chromium, and Firefox from 145 (an older Firefox ESR has none, and the
    // test skips itself there).
    test('a host enforcing Trusted Types: reports render, in a worker or not, with no violation and no console error', async (t) => {
      await driver.goto(`${servers.host}/host/trusted-types-host.html?csp=trusted-types`);
      if (!(await driver.evaluate(() => typeof window.trustedTypes === 'object'))) {
        t.skip(`${browserName} has no Trusted Types`);
        return;
      }
      const ids = ['tt-widget', 'tt-template-widget'];
      const cases = [
        { query: '?csp=trusted-types', refused: [] }, // from the CDN: a blob: worker
        { query: '?csp=trusted-types&widget=same', refused: [] }, // from the page's origin: the bundled worker
        // No blob: worker: the main thread; the refused worker is the one console error.
        { query: '?csp=trusted-types-no-blob-worker', refused: ['worker-src'], logged: /directive: "worker-src/ },
        // An allow-list without the widget's policy: the policy is refused, and so is the worker; the main thread works.
        {
          query: '?csp=trusted-types-unlisted',
          refused: ['trusted-types', 'require-trusted-types-for'],
          logged: /TrustedTypePolicy named 'articlescope'|requires 'TrustedScriptURL' assignment/,
        },
      ];
      for (const { query, refused, logged = null } of cases) {
        driver.consoleErrors();
        await open('trusted-types-host.html', ids, query);
        const story = await view('tt-widget');
        assertShowsReport(story, `story ${query}`);
        assert.ok(story.report.article.text.includes('Kessrin'));
        assert.ok(story.columns.allowed.length >= 1 && story.columns.prohibited.length >= 1, JSON.stringify(story.columns));
        const template = await view('tt-template-widget');
        assertShowsReport(template, `template ${query}`);
        assert.ok(template.report.article.text.includes('Velby'));
        const shown = await driver.evaluate(() => {
          const root = document.getElementById('tt-widget').shadowRoot;
          return {
            marks: document.querySelectorAll('#story mark[data-articlescope-mark]').length,
            cards: root.querySelectorAll('.details .card-provision').length,
            detailsShown: !root.querySelector('.details').hidden,
          };
        });
        assert.ok(shown.marks > 0, 'the host article is highlighted');
        assert.ok(shown.detailsShown && shown.cards === story.report.policy.provisions.length, JSON.stringify(shown));
        const host = await driver.evaluate(HOST_VIEW);
        assert.deepEqual(host.violations, refused, `${query}: no securitypolicyviolation event but the worker's`);
        assert.equal(host.workers.length, 1, `one worker for both widgets: ${host.workers}`);
        const errors = driver.consoleErrors().filter((text) => !logged?.test(text));
        assert.deepEqual(errors, [], `${query}: no console error`);
        // The page does enforce Trusted Types, and a violation would have been seen: a string into innerHTML.
        const stringRefused = await driver.evaluate(() => {
          try {
            document.createElement('div').innerHTML = '<b>a plain string</b>';
            return false;
          } catch {
            return true;
          }
        });
        assert.equal(stringRefused, true, 'innerHTML refuses a plain string on this page');
        await driver.waitFor(() => window.__violations.includes('require-trusted-types-for'), null);
        // Firefox does not send its CSP messages over WebDriver BiDi: there the events above are what counts.
        if (browserName === 'chromium') assert.ok(driver.consoleErrors().length >= 1, 'the violation is a console error');
      }
      await driver.screenshot(join(ensureArtifactsDir(), `${browserName}-widget-trusted-types.png`));
    });

    test('a CSP that refuses blob workers: the analysis runs on the main thread', async () => {
      await open('csp-host.html', ['csp-widget'], '?csp=no-blob-worker');
      const shown = await view('csp-widget');
      assertShowsReport(shown, 'main thread');
      assert.ok(shown.report.article.text.includes('Dunmore'));
      const host = await driver.evaluate(HOST_VIEW);
      assert.ok(host.violations.includes('worker-src'), `the blob worker was refused: ${host.violations}`);
    });
  });
}
