// The shared UI (web/ui) in Chromium, for what the demo page does not exercise: three summary columns, items
// without onSelect, entity chips, ui.css adopted into a shadow root, and highlightReportInPage on a page whose
// CSS is hostile, with the DOM restored exactly. The page is served by the demo server's origin under a strict
// CSP (no inline styles or scripts), with a real analysis of an invented article.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { reportOf } from '../js/support/invented-report.mjs';
import { CONTRAST_FAILURES, launchChromium, startDemoServer, wasmBuilt } from './helpers.mjs';

const ARTICLE = `<article id="story">
  <h1>Tarnow lets vendors sell food in the old market</h1>
  <p>The city council of <b>Tarnow</b> on Monday allowed street vendors to sell food in the old market from
  April, the mayor said.</p>
  <p>Vendors remain banned from selling alcohol in the square. The permission does not cover the harbour
  district, Brandt said. Fishermen are exempt from the ban.</p>
  <p>A note: <i>&lt;img src=x onerror="window.__pwned=1"&gt;</i> stays text.</p>
</article>`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>UI test</title>
<link rel="stylesheet" href="/__ui-test/hostile.css"></head>
<body>${ARTICLE}<div id="summary"></div><div id="chips"></div><div id="shadow-host"></div></body></html>`;

// Everything a careless or hostile site may throw at marks it did not expect.
const HOSTILE_CSS = `* { all: unset !important; }
mark { background: none !important; display: block !important; text-decoration: line-through !important; }
.ent, .pol, .status-chip, .scope-item { display: none !important; }`;

// A plain page with the shared stylesheet, for a report rendered the way the demo renders it.
const CLEAN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>UI test</title>
<link rel="stylesheet" href="/ui/ui.css"></head><body style="margin:0">
<main id="invented" style="background:var(--articlescope-surface);color:var(--articlescope-text);font:16px/1.5 sans-serif;padding:16px">
<div id="i-summary"></div><div id="i-legend" class="legend"></div><ul id="i-policy" class="policy-legend"></ul>
<div id="i-body" class="article-body"></div><p id="i-story"></p></main></body></html>`;

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

describe('shared UI (web/ui) in Chromium', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    assert.ok(wasmBuilt, 'web/lib/dist/articlescope-core.wasm is missing: run `scripts/build.sh wasm` first');
    server = await startDemoServer();
    browser = await launchChromium('chromium-ui', { viewport: { width: 1000, height: 800 } });
    page = browser.page;
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await browser.context.route(`${server.origin}/__ui-test/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.endsWith('.css')) {
        return route.fulfill({ contentType: 'text/css', body: HOSTILE_CSS });
      }
      if (url.pathname.endsWith('/clean.html')) {
        return route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'") }, body: CLEAN_PAGE });
      }
      return route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': CSP }, body: PAGE });
    });
    await page.goto(`${server.origin}/__ui-test/page.html`);
    await page.evaluate(async () => {
      const { createAnalyzer } = await import('/lib/articlescope.js');
      const analyzer = await createAnalyzer();
      window.__report = analyzer.analyze(document.getElementById('story').outerHTML, { format: 'html' });
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('three columns: excluded items get their own column, in summary order, without buttons', async () => {
    const shown = await page.evaluate(async () => {
      const { presentReport, renderSummary } = await import('/ui/index.js');
      const container = document.getElementById('summary');
      const result = renderSummary(container, window.__report, { columns: 'three', roles: 'actor' });
      const view = presentReport(window.__report);
      const column = (name) =>
        [...container.querySelectorAll(`[data-column="${name}"] .scope-item`)].map((item) => ({
          provision: Number(item.dataset.provision),
          text: item.querySelector('.scope-text').textContent,
          roles: [...item.querySelectorAll('.role-name')].map((r) => r.textContent),
        }));
      return {
        result,
        headings: [...container.querySelectorAll('.scope-column h3')].map((h) => h.textContent.trim()),
        allowed: column('allowed'),
        prohibited: column('prohibited'),
        excluded: column('excluded'),
        buttons: container.querySelectorAll('button').length,
        ids: [...container.querySelectorAll('ul[id]')].map((list) => list.id),
        summary: window.__report.policy.summary,
        provisions: window.__report.policy.provisions.length,
        texts: view.provisions.map((v) => v?.text ?? null),
        counts: view.counts,
      };
    });
    assert.deepEqual(shown.headings, ['✓ Allowed', '⊘ Still prohibited', '⊖ Not covered']);
    const { summary } = shown;
    assert.ok(summary.allowed.length >= 1 && summary.prohibited.length >= 2, 'the invented article has both kinds');
    const excluded = summary.prohibited.filter((item) => item.status === 'excluded');
    assert.ok(excluded.length >= 1, 'the invented article has an exclusion');
    assert.deepEqual(
      shown.allowed.map((i) => i.provision),
      summary.allowed.map((i) => i.provision),
    );
    assert.deepEqual(
      shown.prohibited.map((i) => i.provision),
      summary.prohibited.filter((i) => i.status !== 'excluded').map((i) => i.provision),
    );
    assert.deepEqual(
      shown.excluded.map((i) => i.provision),
      excluded.map((i) => i.provision),
    );
    for (const item of [...shown.allowed, ...shown.prohibited, ...shown.excluded]) {
      assert.equal(item.text, shown.texts[item.provision], "each item in present.js's words");
      assert.ok(item.roles.every((r) => r === 'Who decides'), `roles: 'actor' shows only who decides (${item.roles})`);
    }
    assert.ok(shown.excluded.every((i) => /^(Not covered by the decision|Exempt from [^:]+): /.test(i.text)), 'exclusions say so');
    assert.equal(shown.buttons, 0, 'without onSelect the items are not buttons');
    const listed = summary.allowed.length + summary.prohibited.length + summary.proposed.length;
    assert.deepEqual(shown.result, { provisions: listed, items: listed, past: shown.counts.past });
    assert.equal(new Set(shown.ids).size, 5, 'unique list ids');
  });

  test('entity chips: one row per type, most mentioned first, capped with a +N chip; names stay text', async () => {
    const shown = await page.evaluate(async () => {
      const { renderEntityChips } = await import('/ui/index.js');
      const container = document.getElementById('chips');
      const hostile = {
        ...window.__report,
        entities: [
          ...window.__report.entities,
          ...['<img src=x onerror="window.__pwned=2">', 'B', 'C'].map((text, i) => ({
            type: 'ORG',
            text,
            start: 0,
            end: 1,
            id: 900 + i,
          })),
        ],
        entity_groups: [
          ...window.__report.entity_groups,
          ...['<img src=x onerror="window.__pwned=2">', 'B', 'C'].map((canonical, i) => ({
            id: 900 + i,
            type: 'ORG',
            canonical,
            count: 1,
            aliases: [],
          })),
        ],
      };
      const count = renderEntityChips(container, hostile, { perType: 2 });
      return {
        count,
        rows: [...container.querySelectorAll('.chip-row')].map((row) => ({
          type: row.dataset.type,
          label: row.querySelector('.chip-type').textContent,
          chips: [...row.querySelectorAll('.entity-chip:not(.more-chip) .entity-name')].map((c) => c.textContent),
          more: row.querySelector('.more-chip')?.textContent ?? null,
        })),
        images: container.querySelectorAll('img').length,
        groups: hostile.entity_groups.length,
      };
    });
    assert.equal(shown.images, 0);
    const orgs = shown.rows.find((row) => row.type === 'org');
    assert.equal(orgs.label, 'Organisations');
    assert.equal(orgs.chips.length, 2);
    assert.match(orgs.more, /^\+\d+$/);
    for (const row of shown.rows) assert.ok(row.chips.length <= 2);
    const chipsAndMore = shown.rows.reduce(
      (sum, row) => sum + row.chips.length + (row.more ? Number(row.more.slice(1)) : 0),
      0,
    );
    assert.equal(chipsAndMore, shown.count, 'every entity is a chip or counted in a +N');
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  });

  test('ui.css adopted into a shadow root styles it and leaves the page alone', async () => {
    const shown = await page.evaluate(async () => {
      const { adoptStyles, statusChip } = await import('/ui/index.js');
      const sheetsBefore = document.styleSheets.length;
      const root = document.getElementById('shadow-host').attachShadow({ mode: 'open' });
      await adoptStyles(root);
      const chip = statusChip('prohibited');
      root.append(chip);
      const style = getComputedStyle(chip);
      return {
        adopted: root.adoptedStyleSheets.length,
        links: root.querySelectorAll('link').length,
        display: style.display,
        borderStyle: style.borderTopStyle,
        radius: style.borderTopLeftRadius,
        sheetsAfter: document.styleSheets.length,
        sheetsBefore,
        documentAdopted: document.adoptedStyleSheets.length,
      };
    });
    assert.equal(shown.adopted, 1, 'a constructed sheet, not a link');
    assert.equal(shown.links, 0);
    assert.equal(shown.display, 'inline-flex', "the page's hostile CSS does not reach into the shadow root");
    assert.equal(shown.borderStyle, 'double', 'prohibited chips have a double border');
    assert.equal(shown.radius, '999px');
    assert.equal(shown.sheetsAfter, shown.sheetsBefore);
    assert.equal(shown.documentAdopted, 0);
  });

  test('highlightReportInPage marks sentences and entities despite hostile CSS; remove() restores the DOM', async () => {
    const shown = await page.evaluate(async () => {
      const { highlightReportInPage } = await import('/ui/index.js');
      const story = document.getElementById('story');
      const htmlBefore = story.innerHTML;
      const textNodes = () => {
        const walker = document.createTreeWalker(story, NodeFilter.SHOW_TEXT);
        const nodes = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
        return nodes;
      };
      const nodesBefore = textNodes();
      const report = window.__report;
      const marks = highlightReportInPage(story, report);
      const sentences = [...story.querySelectorAll('mark[data-articlescope-mark="policy"]')];
      const entities = [...story.querySelectorAll('mark[data-articlescope-mark="entity"]')];
      const styleOf = (mark) => {
        const style = getComputedStyle(mark);
        return {
          display: style.display,
          background: style.backgroundColor,
          line: style.textDecorationLine,
          className: mark.className,
        };
      };
      const during = {
        sentences: sentences.length,
        entities: entities.length,
        sentenceStyle: styleOf(sentences[0]),
        entityStyle: styleOf(entities[0]),
        statuses: sentences.map((m) => m.dataset.articlescopeStatus),
        entityInsideSentence: entities.some((e) => e.closest('mark[data-articlescope-mark="policy"]')),
        found: marks.found,
        missing: marks.missing,
        expectedSentences: new Set(report.policy.provisions.map((p) => `${p.sentence.start}:${p.sentence.end}`)).size,
        expectedEntities: report.entities.length,
      };
      marks.remove();
      marks.remove(); // idempotent
      const nodesAfter = textNodes();
      return {
        during,
        sameHtml: story.innerHTML === htmlBefore,
        sameNodes: nodesAfter.length === nodesBefore.length && nodesAfter.every((node, i) => node === nodesBefore[i]),
        marksLeft: story.querySelectorAll('mark').length,
      };
    });
    const { during } = shown;
    assert.equal(during.missing, 0, 'every sentence and mention is found in the page');
    assert.equal(during.found, during.expectedSentences + during.expectedEntities);
    assert.ok(during.sentences >= during.expectedSentences, 'each sentence is marked (a piece per text node)');
    assert.ok(during.entities >= during.expectedEntities);
    assert.ok(during.entityInsideSentence, 'entities nest inside their sentence');
    assert.equal(during.sentenceStyle.display, 'inline', 'inline !important wins over the hostile CSS');
    assert.notEqual(during.sentenceStyle.background, 'rgba(0, 0, 0, 0)');
    assert.match(during.sentenceStyle.line, /underline/);
    assert.equal(during.sentenceStyle.className, '', 'no class for the page to style');
    assert.notEqual(during.entityStyle.background, 'rgba(0, 0, 0, 0)');
    assert.ok(during.statuses.every((s) => /^(allowed|lifted|prohibited|imposed|excluded|proposed|past)( |$)/.test(s)));
    assert.equal(shown.sameHtml, true, 'the markup is back as it was');
    assert.equal(shown.sameNodes, true, 'the very same text nodes are back');
    assert.equal(shown.marksLeft, 0);
  });

  test('an invented report: earlier rules as past everywhere, decision-makers only, counts that match', async () => {
    const report = reportOf(
      [
        'The Harbour Authority of Keld allowed ferries to dock at night, Mayor Ida Lund said.',
        'The decision does not cover cargo ships.',
        'It also froze the fees of the night pilots.',
        'The port had previously banned all traffic after dark.',
        'Ferries are exempt from the speed limit if the sea is calm.',
      ],
      [
        { sentence: 0, status: 'allowed', trigger: 'allowed', actor: 'The Harbour Authority of Keld', subject: 'ferries', action: 'to dock at night', flags: ['attributed'] },
        { sentence: 1, status: 'excluded', trigger: 'does not cover', actor: 'The decision', action: 'cargo ships' },
        { sentence: 2, status: 'imposed', trigger: 'froze', actor: 'It', action: 'the fees of the night pilots' },
        { sentence: 3, status: 'prohibited', trigger: 'banned', actor: 'The port', action: 'all traffic after dark', flags: ['historical'] },
        { sentence: 4, status: 'excluded', trigger: 'are exempt from', subject: 'Ferries', action: 'the speed limit', scopes: [['condition', 'if the sea is calm']], flags: ['conditional'] },
      ],
      [
        [0, 'Harbour Authority of Keld', 'ORG', 0],
        [0, 'Keld', 'LOCATION', 1],
        [0, 'Ida Lund', 'PERSON', 2],
        [3, 'port', 'LOCATION', 1],
      ],
    );
    // A page of its own with ui.css (the shared page's CSS is hostile on purpose).
    const clean = await browser.context.newPage();
    clean.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await clean.goto(`${server.origin}/__ui-test/clean.html`);
    const shown = await clean.evaluate(async (report) => {
      const ui = await import('/ui/index.js');
      const host = document.getElementById('invented');
      const summary = document.getElementById('i-summary');
      const result = ui.renderSummary(summary, report, { idPrefix: 'i-' });
      ui.renderLegend(document.getElementById('i-legend'), report);
      ui.renderPolicyLegend(document.getElementById('i-policy'), report);
      await ui.renderArticle(document.getElementById('i-body'), report);
      const story = document.getElementById('i-story');
      story.textContent = report.article.text;
      const marks = ui.highlightReportInPage(story, report, { entities: false });
      const items = (id) => [...document.querySelectorAll(`#${id} .scope-item`)].map((item) => item.textContent);
      const card = (i) => [...ui.provisionCard(report, i).querySelectorAll('dt')].map((dt) => `${dt.textContent}=${dt.nextSibling.textContent}`);
      const state = {
        result,
        allowed: items('i-allowed'),
        prohibited: items('i-prohibited'),
        past: items('i-past'),
        pastShown: !document.getElementById('i-past-wrap').hidden,
        sentenceStatus: [...document.querySelectorAll('#i-body .pol')].map((s) => s.dataset.status),
        badges: [...document.querySelectorAll('#i-body .pol-badge')].map((b) => b.textContent),
        policyLegend: [...document.querySelectorAll('#i-policy li')].map((li) => `${li.dataset.status}=${li.querySelector('.legend-count').textContent}`),
        entityLegend: [...document.querySelectorAll('#i-legend .legend-toggle:not(:disabled)')].map((b) => `${b.dataset.type}=${b.querySelector('.legend-count').textContent}`),
        cards: [0, 1, 2, 3].map(card),
        pageStatuses: [...story.querySelectorAll('mark')].map((m) => m.dataset.articlescopeStatus),
      };
      marks.remove();
      return state;
    }, report);
    assert.deepEqual(shown.result, { provisions: 4, items: 4, past: 1 });
    assert.deepEqual(shown.allowed, ['according to Ida LundAllowed for ferries: to dock at nightWho decidesThe Harbour Authority of Keld']);
    assert.deepEqual(shown.prohibited, [
      'Not covered by the decision: cargo shipsWho decidesThe Harbour Authority of Keld',
      'Frozen: the fees of the night pilots',
      'only if the sea is calmExempt from the speed limit: ferries',
    ]);
    assert.deepEqual(shown.past, ['no longer in forcePreviously banned: all traffic after darkWho decidesThe port']);
    assert.equal(shown.pastShown, true);
    assert.deepEqual(shown.sentenceStatus, ['allowed', 'excluded', 'imposed', 'past', 'excluded']);
    assert.deepEqual(shown.badges, ['Allowed', 'Not covered', 'Imposed', 'Earlier rule', 'Not covered']);
    assert.deepEqual(shown.policyLegend, ['allowed=1', 'lifted=0', 'prohibited=0', 'imposed=1', 'excluded=2', 'proposed=0', 'past=1']);
    assert.deepEqual(shown.entityLegend, ['PERSON=1 (1)', 'ORG=1 (1)', 'LOCATION=1 (2)']);
    assert.deepEqual(shown.cards, [
      ['Who decides=The Harbour Authority of Keld', 'Notes=according to Ida Lund'],
      ['Who decides=The Harbour Authority of Keld'],
      [],
      ['Who decides=The port', 'Notes=no longer in force'],
    ]);
    assert.deepEqual(shown.pageStatuses, ['allowed', 'excluded', 'imposed', 'past', 'excluded']);
    for (const theme of ['light', 'dark']) {
      await clean.evaluate((value) => (document.documentElement.dataset.theme = value), theme);
      assert.deepEqual(await clean.evaluate(CONTRAST_FAILURES, '#invented'), [], `${theme}: every text of it meets WCAG AA`);
    }
    await clean.close();
  });

  test('no page errors and no CSP violations', () => {
    assert.deepEqual(problems, []);
  });
});
