// End-to-end tests of the demo page in headless Chromium (Debian's, through playwright-core).
// Each test asserts what the page SHOWS against the report the page itself received (read back from its
// JSON view), plus facts any working pipeline must satisfy on our own samples.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  RUN_FINISHED,
  RUN_NUMBER,
  SHOWN_COUNTS,
  SHOWN_REPORT,
  drawableEntities,
  drawableProvisions,
  ensureArtifactsDir,
  CONTRAST_FAILURES,
  entityCountsByType,
  expectedPresentation,
  fixturesDir,
  freshProfile,
  launchChromium,
  mentionsByType,
  repoRoot,
  startDemoServer,
  wasmBuilt,
} from './helpers.mjs';

const SAMPLE_IDS = ['arms', 'sanctions', 'court', 'regulator', 'feature'];
const WAIT = { timeout: 60_000 };

let server;
let profile;
let context;
let page;
const problems = []; // page errors, CSP violations, failed requests: none is acceptable
const foreignRequests = [];

async function runFinished(previousRun) {
  await page.waitForFunction(RUN_FINISHED, previousRun, WAIT);
}

async function currentRun() {
  return page.evaluate(RUN_NUMBER);
}

async function shownReport() {
  return JSON.parse(await page.evaluate(SHOWN_REPORT));
}

/** Asserts that the page shows exactly what `report` contains. */
async function assertShowsReport(report, label) {
  const shown = await page.evaluate(SHOWN_COUNTS);
  assert.equal(shown.title, report.article.title || 'Untitled article', `${label}: title`);
  if (report.article.site) assert.equal(shown.site, report.article.site, `${label}: site`);
  if (report.article.byline) assert.ok(shown.meta.includes(report.article.byline), `${label}: byline shown`);
  assert.equal(shown.entityMarks, drawableEntities(report), `${label}: one highlight per entity mention`);
  assert.equal(shown.entityFirstParts, drawableEntities(report), `${label}: one focusable mark per mention`);
  // Counts are distinct entities, with mentions in brackets: in the legend, the list headings and the total.
  const byType = entityCountsByType(report);
  const distinct = new Set(report.entities.map((e) => `${e.type}:${e.id}`)).size;
  // No entity at all reads "0", not "0 (0)".
  const total = report.entities.length ? `${distinct} (${report.entities.length})` : '0';
  assert.equal(shown.entityTotal, total, `${label}: entity total`);
  assert.equal(shown.sidebarMentions, report.entities.length, `${label}: sidebar mentions add up`);
  assert.equal(shown.sidebarEntities, distinct, `${label}: one sidebar entry per entity`);
  assert.deepEqual(shown.sidebarHeadings, byType, `${label}: sidebar headings`);
  for (const [type, count] of Object.entries(byType)) {
    assert.equal(shown.legendCounts[type], count, `${label}: legend count for ${type}`);
  }
  assert.equal(
    shown.provisionsShown,
    drawableProvisions(report),
    `${label}: one marked sentence per provision`,
  );
  const summary = report.policy.summary;
  const expected = await expectedPresentation(report);
  for (const column of ['allowed', 'prohibited', 'proposed']) {
    // The summary's current provisions, in its order (an earlier rule is never among them) ...
    assert.deepEqual(
      shown[column].map((i) => i.provision),
      summary[column].filter((i) => !report.policy.provisions[i.provision].flags.includes('historical')).map((i) => i.provision),
      `${label}: ${column} column lists the summary's provisions in order`,
    );
    // ... each in the shared UI's words ("Ban lifted: ...").
    assert.deepEqual(shown[column].map((i) => i.text), expected[column].map((i) => i.text), `${label}: ${column} texts`);
  }
  assert.deepEqual(shown.past.map((i) => i.provision), expected.past.map((i) => i.provision), `${label}: earlier rules apart`);
  // The header counts what is listed.
  const listed = shown.allowed.length + shown.prohibited.length + shown.proposed.length;
  if (listed + shown.past.length > 0) {
    assert.match(shown.scopeNote, new RegExp(`^${listed} provisions? in force or proposed`), `${label}: header count`);
    assert.match(shown.statusText, new RegExp(`: ${listed} policy provisions?(, ${shown.past.length} earlier rules?)?, ${distinct} entit`), `${label}: status count`);
  }
  assert.equal(shown.removedItems, report.article.removed.length, `${label}: removed boilerplate items`);
  assert.equal(shown.removedCount, String(report.article.removed.length), `${label}: removed count`);
  assert.ok(shown.timingRows >= 2, `${label}: timings shown`);
  assert.equal(shown.errorShown, false, `${label}: no error box`);
  // The clean text is shown in full (as text), block after block.
  const squash = (s) => s.replace(/\s+/g, '');
  assert.equal(squash(shown.bodyText), squash(report.article.text), `${label}: article text shown in full`);
  return shown;
}

async function loadSample(id) {
  const before = await currentRun();
  await page.click(`.sample-button[data-sample="${id}"]`);
  await runFinished(before);
  await page.waitForSelector(`.sample-button[data-sample="${id}"][aria-pressed="true"]`);
  return shownReport();
}

/** Pastes the paragraphs (blank lines between them), analyses them as plain text; resolves to the report shown. */
async function analysePastedText(paragraphs) {
  await openOwnArticle();
  await page.fill('#input-text', paragraphs.join('\n\n'));
  await page.selectOption('#format-select', 'text');
  const before = await currentRun();
  await page.click('#analyse-button');
  await runFinished(before);
  await page.selectOption('#format-select', 'auto');
  return shownReport();
}

async function openOwnArticle() {
  const open = await page.$eval('#own-article', (d) => d.open);
  if (!open) await page.click('#own-article > summary');
}

describe('demo page in Chromium', { timeout: 400_000 }, () => {
  before(async () => {
    assert.ok(wasmBuilt, 'web/lib/dist/articlescope-core.wasm is missing: run `scripts/build.sh wasm` first');
    ensureArtifactsDir();
    server = await startDemoServer();
    profile = freshProfile('chromium');
    context = await chromium.launchPersistentContext(profile.path, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
      // Requests go straight to the server (routes see them); the offline suite below has its service worker.
      serviceWorkers: 'block',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`dialog opened: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.origin) && !url.startsWith('blob:') && !url.startsWith('data:')) {
        foreignRequests.push(url);
      }
    });
    const before = 0;
    await page.goto(server.url);
    await runFinished(before);
  });

  after(async () => {
    await context?.close();
    profile?.remove();
    await server?.stop();
  });

  test('shows the arms-use sample on load, exactly as reported', async () => {
    assert.equal(await page.getAttribute('.sample-button[data-sample="arms"]', 'aria-pressed'), 'true');
    const report = await shownReport();
    assert.equal(report.format, 'html');
    assert.ok(report.article.text.includes('Velgrad'), 'the article text is there');
    await assertShowsReport(report, 'arms');
    const title = await page.textContent('#article-title');
    assert.match(title, /Kordavia/, 'the cleaned title is the headline');
    assert.ok(
      !report.article.text.includes('Get the Morning Briefing'),
      'the newsletter call is cleaned away',
    );
    assert.ok(report.article.removed.length > 0, 'the cleaner reports what it removed');
    // The decision in the sample allows one thing and keeps another prohibited: both columns have an item.
    const shown = await page.evaluate(SHOWN_COUNTS);
    assert.ok(shown.allowed.length >= 1, 'at least one allowed item');
    assert.ok(shown.prohibited.length >= 1, 'at least one prohibited or not-covered item');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ensureArtifactsDir(), 'chromium-arms.png'), fullPage: true });
  });

  for (const id of SAMPLE_IDS.slice(1).concat(['arms'])) {
    test(`sample "${id}": the page shows its report`, async () => {
      const report = await loadSample(id);
      const shown = await assertShowsReport(report, id);
      assert.ok(shown.title.length > 0);
      assert.equal(await page.evaluate(() => location.hash), `#sample=${id}`);
      if (id !== 'arms') {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(ensureArtifactsDir(), `chromium-${id}.png`), fullPage: true });
      }
    });
  }

  test('a deep link selects its sample', async () => {
    await page.goto('about:blank');
    await page.goto(`${server.url}#sample=court`);
    await runFinished(0);
    assert.equal(await page.getAttribute('.sample-button[data-sample="court"]', 'aria-pressed'), 'true');
    const report = await shownReport();
    assert.ok(report.article.text.includes('Lindholm'));
    await assertShowsReport(report, 'deep link');
  });

  test('the sample the page opens with is preloaded, and that one request serves its analysis', async () => {
    const { SAMPLES } = await import('../../web/demo/samples.js');
    const fresh = await context.newPage();
    try {
      const requested = [];
      fresh.on('request', (request) => {
        if (new URL(request.url()).pathname.includes('/samples/')) requested.push(new URL(request.url()).pathname);
      });
      await fresh.goto(server.url);
      await fresh.waitForFunction(RUN_FINISHED, 0, WAIT);
      const preloaded = await fresh.$$eval('link[rel="preload"][as="fetch"]', (links) => links.map((l) => l.getAttribute('href')));
      assert.ok(preloaded.includes(SAMPLES[0].file), `the first sample (${SAMPLES[0].file}) is preloaded: ${preloaded}`);
      assert.deepEqual(requested, [`/demo/${SAMPLES[0].file}`], 'one request for the sample: the fetch took the preload');
      assert.equal(await fresh.getAttribute('#status', 'data-state'), 'done');
    } finally {
      await fresh.close();
    }
  });

  for (const themeLate of [false, true]) {
    const when = themeLate ? "boot.js's, when theme.js comes late" : 'the one theme.js starts before the modules';
    test(`one analysis worker: ${when}`, async () => {
      const fresh = await context.newPage();
      const workerScripts = [];
      const count = (request) => {
        if (new URL(request.url()).pathname.endsWith('/analyser-worker.js')) workerScripts.push(request.url());
      };
      context.on('request', count);
      try {
        // Held back, theme.js runs after boot.js (an async module, which runs as soon as it is loaded).
        if (themeLate) await fresh.route('**/demo/theme.js', (route) => setTimeout(() => route.continue(), 600));
        await fresh.goto(server.url);
        await fresh.waitForFunction(RUN_FINISHED, 0, WAIT);
        assert.equal(await fresh.getAttribute('#status', 'data-state'), 'done');
        const bootFirst = await fresh.evaluate(() => {
          const [boot] = performance.getEntriesByName('articlescope:boot');
          const [theme] = performance.getEntriesByName(new URL('theme.js', location.href).href);
          return boot.startTime < theme.responseEnd;
        });
        // Unheld, either may come first (the two race on the network); held back, boot.js does.
        if (themeLate) assert.equal(bootFirst, true, 'boot.js ran before theme.js came');
        // boot.js took theme.js's worker, or started its own when it ran first, and then theme.js started none.
        assert.equal(await fresh.evaluate(() => window.articlescopeWorker), null);
        assert.equal(workerScripts.length, 1, `one worker started: ${workerScripts.join(' ')}`);
      } finally {
        context.off('request', count);
        await fresh.close();
      }
    });
  }

  test('the first report: its policy scope painted first, then the whole of it; the warm-up leaves no trace', async () => {
    const fresh = await context.newPage();
    try {
      await fresh.goto(server.url);
      await fresh.waitForFunction(() => performance.getEntriesByName('articlescope:first-result').length > 0, null, WAIT);
      const state = await fresh.evaluate(() => {
        const at = (name) => performance.getEntriesByName(`articlescope:${name}`)[0]?.startTime ?? null;
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        return {
          report: at('report'),
          firstScreen: at('first-screen'),
          firstResult: at('first-result'),
          firstStep: document.getElementById('results').classList.contains('first-step'),
          status: document.getElementById('status').dataset.state,
          duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
          summaries: document.querySelectorAll('.scope-columns').length,
          results: document.querySelectorAll('.results').length,
          inventedShown: document.body.textContent.includes('Ada Brandt'),
        };
      });
      assert.ok(state.report !== null && state.firstScreen !== null && state.firstResult !== null, JSON.stringify(state));
      assert.ok(state.report <= state.firstScreen && state.firstScreen <= state.firstResult, `marks in order: ${JSON.stringify(state)}`);
      assert.equal(state.firstStep, false, 'the cards below the policy scope are shown');
      assert.equal(state.status, 'done');
      assert.deepEqual(state.duplicateIds, []);
      assert.equal(state.summaries, 1, 'one policy summary in the page');
      assert.equal(state.results, 1, "the warm-up's copy of the results is gone");
      assert.equal(state.inventedShown, false, "the warm-up's invented report is never in the page");
    } finally {
      await fresh.close();
    }
  });

  test('pasted plain text is analysed and shown as text', async () => {
    const paragraphs = [
      'Port authority lets ferries dock at night',
      'The port authority of Brindle will allow passenger ferries to dock after midnight from June, its director, Ada Koenig, said on Monday.',
      'Cargo ships remain banned from the inner harbour, and the rule does not cover cruise ships, she said.',
      'A note for the tester: <b>this markup</b> & <i onclick="x()">that</i> must stay literal text.',
    ];
    const pasted = paragraphs.join('\n\n');
    const report = await analysePastedText(paragraphs);
    assert.equal(report.format, 'text');
    assert.equal(report.input_bytes, Buffer.byteLength(pasted));
    const shown = await assertShowsReport(report, 'pasted');
    // A pasted text's first line is its title (the cleaner's rule), and the page shows it.
    assert.equal(shown.title, 'Port authority lets ferries dock at night');
    const body = await page.textContent('#article-body');
    assert.ok(
      body.includes('<b>this markup</b> & <i onclick="x()">that</i>'),
      'markup in text stays literal',
    );
    assert.equal(await page.$$eval('#article-body b, #article-body i', (list) => list.length), 0);
    assert.equal(await page.evaluate(() => location.hash), '', 'no sample is selected any more');
    assert.equal(await page.$$eval('.sample-button[aria-pressed="true"]', (list) => list.length), 0);
  });

  test('an article not in English says so in plain words and marks no names', async () => {
    await openOwnArticle();
    const pasted = [
      'Hafen erlaubt Fähren nachts anzulegen',
      'Die Hafenbehörde von Brindle wird ab Juni Passagierfähren erlauben, nach Mitternacht anzulegen, sagte ihre Direktorin Ada Koenig am Montag.',
      'Frachtschiffe bleiben aus dem inneren Hafen verbannt, und die Regel gilt nicht für Kreuzfahrtschiffe, sagte sie. Die Stadt will die Lage im Herbst prüfen.',
    ].join('\n\n');
    await page.fill('#input-text', pasted);
    await page.selectOption('#format-select', 'text');
    const before = await currentRun();
    await page.click('#analyse-button');
    await runFinished(before);
    const report = await shownReport();
    assert.ok(report.warnings.some((w) => w.code === 'language_unsupported'), 'the report warns');
    const types = new Set(report.entities.map((e) => e.type));
    for (const type of ['PERSON', 'ORG', 'LOCATION', 'WEAPON']) assert.ok(!types.has(type), `no ${type}`);
    assert.equal(report.policy.provisions.length, 0, 'no provisions');
    await assertShowsReport(report, 'German');
    const warning = await page.textContent('#article-warning');
    assert.ok(await page.isVisible('#article-warning'), 'the warning is shown');
    assert.match(warning, /This article is in German\. Names, places, organisations and policy provisions/);
    assert.match(await page.textContent('#scope-note'), /Not analysed: policy provisions are only looked for/);
    await page.screenshot({ path: join(ensureArtifactsDir(), 'chromium-not-english.png'), fullPage: true });
    await page.selectOption('#format-select', 'auto');
  });

  test('an opened .html file is cleaned and analysed', async () => {
    await openOwnArticle();
    const html = readFileSync(join(repoRoot, 'web', 'demo', 'samples', 'court-ruling.html'));
    const before = await currentRun();
    await page.setInputFiles('#file-input', { name: 'my-page.html', mimeType: 'text/html', buffer: html });
    await runFinished(before);
    const report = await shownReport();
    assert.equal(report.format, 'html');
    assert.equal(report.input_bytes, html.length);
    await assertShowsReport(report, 'file');
    assert.match(await page.textContent('#status-text'), /Analysed/);
    assert.ok(
      !(await page.textContent('#article-body')).includes('Most read'),
      'page boilerplate is not in the body',
    );
  });

  test('a file saved in a legacy charset is decoded by its declaration', async () => {
    await openOwnArticle();
    const latin1 = Buffer.from(
      '<html><head><meta charset="iso-8859-1"><title>Markt am Sonntag</title></head><body><article>' +
        '<h1>Markt am Sonntag</h1><p>Die B\u00fcrgermeisterin erlaubt den Gem\u00fcsemarkt am Sonntag, ' +
        'sagte sie am Dienstag. Die H\u00e4ndler freuen sich \u00fcber die neue Regel im Stadtzentrum.</p>' +
        '<p>Gro\u00dfe Superm\u00e4rkte bleiben am Sonntag geschlossen, und niemand muss arbeiten.</p>' +
        '</article></body></html>',
      'latin1',
    );
    const before = await currentRun();
    await page.setInputFiles('#file-input', { name: 'markt.html', mimeType: 'text/html', buffer: latin1 });
    await runFinished(before);
    const report = await shownReport();
    assert.ok(report.warnings.some((w) => w.code === 'transcoded'));
    assert.match(await page.textContent('#article-body'), /Die Bürgermeisterin erlaubt den Gemüsemarkt/);
  });

  test('empty input and binary files give a clear message in the page', async () => {
    await openOwnArticle();
    await page.fill('#input-text', '   \n ');
    await page.click('#analyse-button');
    await page.waitForSelector('#error-box:not([hidden])');
    assert.match(await page.textContent('#error-box'), /Nothing to analyse/);

    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
    const before = await currentRun();
    await page.setInputFiles('#file-input', {
      name: 'photo.jpg.txt',
      mimeType: 'text/plain',
      buffer: binary,
    });
    await runFinished(before);
    assert.equal(await page.getAttribute('#status', 'data-state'), 'error');
    assert.equal(await page.isVisible('#error-box'), true);
    assert.match(await page.textContent('#error-box'), /not look like text|binary/i);
    assert.equal(await page.isVisible('#results'), false, 'no stale results under the error');

    // The page recovers: the next sample works.
    const report = await loadSample('sanctions');
    await assertShowsReport(report, 'after error');
  });

  test('an analyser that cannot load is a clear message, and the page recovers', async () => {
    const second = await context.newPage();
    try {
      await second.route('**/demo/dist/analyser-worker.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await second.goto(server.url);
      await second.waitForSelector('#status[data-state="error"]', WAIT);
      assert.match(await second.textContent('#error-box'), /could not be loaded/);
      assert.match(await second.textContent('#error-box'), /application\/wasm/);
      assert.equal(await second.isVisible('#results'), false);
      await second.unroute('**/demo/dist/analyser-worker.js');
      const before = await second.evaluate(RUN_NUMBER);
      await second.click('.sample-button[data-sample="feature"]');
      await second.waitForFunction(RUN_FINISHED, before, WAIT);
      assert.equal(await second.getAttribute('#status', 'data-state'), 'done');
      assert.equal(await second.isVisible('#error-box'), false);
      assert.match(await second.textContent('#article-title'), /herring/);
    } finally {
      await second.close();
    }
  });

  test('entity types can be hidden and shown from the legend', async (t) => {
    const report = await loadSample('arms');
    const counts = mentionsByType(report);
    const types = Object.keys(counts).sort((a, b) => counts[b] - counts[a]);
    if (types.length === 0) {
      t.skip('the report has no entities');
      return;
    }
    const type = types[0];
    const toggle = `#entity-legend .legend-toggle[data-type="${type}"]`;
    const background = (selector) => page.$eval(selector, (e) => getComputedStyle(e).backgroundColor);
    const mark = `#article-body .ent[data-type="${type}"]`;
    const shownBackground = await background(mark);
    assert.notEqual(shownBackground, 'rgba(0, 0, 0, 0)', 'highlighted before');
    await page.click(toggle);
    assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
    await page.waitForFunction(
      (selector) =>
        [...document.querySelectorAll(selector)].every(
          (e) => getComputedStyle(e).backgroundColor === 'rgba(0, 0, 0, 0)',
        ),
      mark,
    );
    if (types.length > 1) {
      const other = `#article-body .ent[data-type="${types[1]}"]`;
      assert.notEqual(await background(other), 'rgba(0, 0, 0, 0)', 'other types stay highlighted');
    }
    await page.click(toggle);
    assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
    await page.waitForFunction(
      (selector) => getComputedStyle(document.querySelector(selector)).backgroundColor !== 'rgba(0, 0, 0, 0)',
      mark,
    );
  });

  test('a file dropped on the page is analysed', async () => {
    const before = await currentRun();
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File(
          [
            'Dropped notes\n\nThe school board of Marlow will allow pupils to use phones ' +
              'during breaks, its chair, Helen Price, said on Monday.',
          ],
          'dropped.txt',
          { type: 'text/plain' },
        ),
      );
      const target = document.getElementById('article-body');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    });
    await runFinished(before);
    assert.equal(await page.isVisible('#drop-overlay'), false);
    const report = await shownReport();
    assert.ok(report.article.text.includes('Helen Price'));
    await assertShowsReport(report, 'dropped');
    assert.match(await page.textContent('#status-text'), /Analysed/);
  });

  test('selecting an entity in the sidebar jumps to its first mention', async (t) => {
    const report = await loadSample('arms');
    const group = report.entity_groups.find((g) => report.entities.some((e) => e.id === g.id));
    if (!group) {
      t.skip('the report has no entity groups');
      return;
    }
    await page.click(`#entity-groups .entity-link[data-group="${group.id}"]`);
    await page.waitForFunction(
      (id) => document.activeElement?.matches(`#article-body .ent[data-group="${id}"]`),
      group.id,
      WAIT,
    );
    const firstIndex = report.entities.findIndex((e) => e.id === group.id);
    assert.equal(await page.evaluate(() => Number(document.activeElement.dataset.index)), firstIndex);
    await page.waitForSelector('#hover-card:not([hidden])');
    assert.ok((await page.textContent('#hover-card')).includes(group.canonical));
    await page.keyboard.press('Escape');
  });

  test('hover and keyboard focus on an entity show its card', async (t) => {
    const report = await shownReport();
    if (report.entities.length === 0) {
      t.skip('the report has no entities');
      return;
    }
    await page.evaluate(() => document.activeElement?.blur()); // a focused mark keeps its card open
    const first = await page.$('#article-body .ent[data-part="0"]');
    const index = Number(await first.getAttribute('data-index'));
    const entity = report.entities[index];
    const group = report.entity_groups.find((g) => g.id === entity.id);
    await first.hover();
    await page.waitForSelector('#hover-card:not([hidden])');
    const card = await page.textContent('#hover-card');
    if (group) {
      assert.ok(card.includes(group.canonical), 'canonical name');
      assert.ok(card.includes(`${group.count} mention`), 'mention count');
    } else {
      assert.ok(card.includes(entity.text));
    }
    await page.mouse.move(1, 1);
    await page.waitForSelector('#hover-card', { state: 'hidden' });
    await first.focus();
    await page.waitForSelector('#hover-card:not([hidden])');
    assert.equal(await first.getAttribute('aria-describedby'), 'hover-card');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#hover-card', { state: 'hidden' });
  });

  test('clicking a policy summary item scrolls to and flashes its sentence', async (t) => {
    const report = await loadSample('arms');
    const items = [...report.policy.summary.allowed, ...report.policy.summary.prohibited];
    if (items.length === 0) {
      t.skip('the report has no policy summary items');
      return;
    }
    const item = items[items.length - 1];
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click(`.scope-item[data-provision="${item.provision}"]`);
    const sentence = `#article-body .pol[data-provisions~="${item.provision}"]`;
    await page.waitForFunction(
      (selector) => {
        const element = document.querySelector(selector);
        const rect = element.getBoundingClientRect();
        return document.activeElement === element && rect.top >= 0 && rect.bottom <= window.innerHeight;
      },
      sentence,
      WAIT,
    );
    const text = await page.$eval(sentence, (e) => e.textContent);
    const provision = report.policy.provisions[item.provision];
    assert.ok(text.includes(provision.sentence.text.slice(-20)), "the flashed sentence is the provision's");
    const flashed = await page.$eval(
      sentence,
      (e) => e.classList.contains('flash') || e.getAnimations().length > 0,
    );
    assert.ok(flashed, 'the sentence flashes');
  });

  test('JSON export: download and copy give the shown report', async () => {
    const report = await loadSample('regulator');
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('#download-json')]);
    assert.equal(download.suggestedFilename(), 'articlescope-regulator-approval.json');
    const downloaded = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(downloaded, report);
    await page.click('#copy-json');
    await page.waitForFunction(() => /Copied/.test(document.getElementById('export-status').textContent));
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.deepEqual(copied, report);
  });

  test('the removed-boilerplate view lists what the cleaner dropped', async () => {
    const report = await loadSample('arms');
    await page.click('#removed-details > summary');
    const shown = await page.$$eval('#removed-list li', (list) => list.map((li) => li.textContent));
    if (report.article.removed.length === 0) {
      assert.deepEqual(shown, ['Nothing was removed.']);
    } else {
      assert.equal(shown.length, report.article.removed.length);
      report.article.removed.forEach((item, i) =>
        assert.ok(shown[i].includes(item.text.trim().slice(0, 40))),
      );
    }
    await page.click('#removed-details > summary');
  });

  // A long plain-text file written for the test: paragraphs with people, places and decisions.
  function longArticle(paragraphs) {
    const lines = ['Water rules for the Selde valley'];
    for (let i = 0; i < paragraphs; i++) {
      lines.push(
        `${i + 1}. The regional council of Ostmark will allow farmers near the river Selde to draw water ` +
          'for irrigation from May, but it still prohibits pumping during droughts, its chair, Greta Olsen, said on Friday.',
      );
    }
    return Buffer.from(lines.join('\n\n'));
  }

  test('a running analysis can be cancelled', async () => {
    await openOwnArticle();
    await page.setInputFiles('#file-input', {
      name: 'huge.txt',
      mimeType: 'text/plain',
      buffer: longArticle(8_000),
    });
    await page.waitForSelector('#cancel-button:not([hidden])', WAIT);
    await page.click('#cancel-button');
    await page.waitForSelector('#status[data-state="cancelled"]', WAIT);
    assert.equal(await page.isVisible('#results'), false);
    const report = await loadSample('court');
    await assertShowsReport(report, 'after cancel');
  });

  test('a long input is analysed in the worker: the page answers and shows progress meanwhile', async () => {
    await openOwnArticle();
    const input = longArticle(2_000);
    assert.ok(input.length > 350_000);
    const before = await currentRun();
    const states = page.evaluate(
      () =>
        new Promise((resolve) => {
          const seen = [];
          const status = document.getElementById('status');
          const observer = new MutationObserver(() => {
            seen.push(status.dataset.state);
            if (status.dataset.state === 'done' || status.dataset.state === 'error') {
              observer.disconnect();
              resolve(seen);
            }
          });
          observer.observe(status, { attributes: true, attributeFilter: ['data-state'] });
        }),
    );
    await page.setInputFiles('#file-input', {
      name: 'selde-valley.txt',
      mimeType: 'text/plain',
      buffer: input,
    });
    // The main thread is free while the worker analyses: this round trip completes before the analysis does.
    const during = await page.evaluate(() => ({
      state: document.getElementById('status').dataset.state,
      progress: !document.getElementById('progress').hidden,
    }));
    assert.notEqual(during.state, 'done', 'answered while the analysis was still running');
    assert.equal(during.progress, true, 'progress is shown');
    const seen = await states;
    assert.ok(seen.includes('analysing'), `states seen: ${seen.join(', ')}`);
    await runFinished(before);
    assert.equal(await page.getAttribute('#status', 'data-state'), 'done');
    const report = await shownReport();
    assert.equal(report.input_bytes, input.length);
    // Long summaries start short, with a "Show all" button per column.
    const { allowed, prohibited } = report.policy.summary;
    const firstShown = await page.$$eval('#scope-allowed .scope-item', (list) => list.length);
    assert.equal(firstShown, Math.min(allowed.length, 8));
    assert.equal(
      await page.$$eval('.scope-more', (list) => list.length),
      (allowed.length > 8 ? 1 : 0) + (prohibited.length > 8 ? 1 : 0),
    );
    const shown = await page.evaluate(SHOWN_COUNTS);
    assert.equal(shown.allowed.length, allowed.length, 'all allowed items after "Show all"');
    assert.equal(shown.prohibited.length, prohibited.length);
    assert.equal(shown.entityMarks, drawableEntities(report));
    assert.equal(shown.provisionsShown, drawableProvisions(report));
  });

  test('keyboard: samples, theme toggle and summary items are reachable and work', async () => {
    await page.focus('.sample-button[data-sample="sanctions"]');
    const before = await currentRun();
    await page.keyboard.press('Enter');
    await runFinished(before);
    assert.equal(await page.getAttribute('.sample-button[data-sample="sanctions"]', 'aria-pressed'), 'true');
    await page.focus('#theme-toggle');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: join(ensureArtifactsDir(), 'chromium-sanctions-dark.png'),
      fullPage: true,
    });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(darkBackground, lightBackground, 'the dark theme changes the page colours');
  });

  test('phone width (390 px): one column, the colour legend before the article, cards at most a third of the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await loadSample('arms');
      const layout = await page.evaluate(() => {
        const top = (selector) => document.querySelector(selector).getBoundingClientRect().top + window.scrollY;
        return {
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          legendBottom: document.querySelector('.legend-card').getBoundingClientRect().bottom + window.scrollY,
          articleTop: top('#article'),
          firstMark: top('#article-body .ent'),
          itemHeights: [...document.querySelectorAll('.scope-item')].map((item) => item.getBoundingClientRect().height),
          screen: window.innerHeight,
        };
      });
      assert.ok(layout.overflow <= 0, `the page is ${layout.overflow}px wider than the screen`);
      assert.ok(layout.legendBottom <= layout.articleTop, 'the legend ends before the article starts');
      assert.ok(layout.firstMark > layout.legendBottom, 'the key comes before the first coloured mark');
      for (const height of layout.itemHeights) assert.ok(height <= layout.screen / 3, `a summary card is ${height}px of ${layout.screen}`);
      // The hover/focus card of an entity and of a provision badge.
      for (const selector of ['#article-body .ent[data-part="0"]', '#article-body .pol-badge']) {
        await page.focus(selector);
        await page.waitForSelector('#hover-card:not([hidden])');
        const card = await page.evaluate(() => document.getElementById('hover-card').getBoundingClientRect().toJSON());
        assert.ok(card.height <= layout.screen / 3 + 0.5, `${selector}: the card is ${card.height}px of ${layout.screen}`);
        assert.ok(card.left >= 0 && card.right <= 390, `${selector}: the card fits the width`);
        await page.keyboard.press('Escape');
      }
      assert.deepEqual(await page.evaluate(CONTRAST_FAILURES, 'body'), [], 'every text meets WCAG AA at phone width');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ensureArtifactsDir(), 'chromium-arms-phone.png'), fullPage: true });
      await page.screenshot({ path: join(ensureArtifactsDir(), 'chromium-arms-phone-screen.png') });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('every text meets WCAG AA contrast, in both themes (the drop hint, placeholders and error box included)', async () => {
    await loadSample('arms');
    await openOwnArticle();
    await page.fill('#input-text', '');
    await page.click('#removed-details > summary');
    await page.click('#json-details > summary');
    try {
      for (const theme of ['light', 'dark']) {
        await page.evaluate((value) => (document.documentElement.dataset.theme = value), theme);
        assert.equal(await page.isVisible('.drop-hint'), true, 'the drop hint is on screen');
        await page.focus('#article-body .pol-badge');
        await page.waitForSelector('#hover-card:not([hidden])');
        assert.deepEqual(await page.evaluate(CONTRAST_FAILURES, 'body'), [], `${theme}: the report`);
        await page.keyboard.press('Escape');
        await page.click('#analyse-button'); // nothing to analyse: the error box
        await page.waitForSelector('#error-box:not([hidden])');
        assert.deepEqual(await page.evaluate(CONTRAST_FAILURES, 'body'), [], `${theme}: the error`);
        await page.screenshot({ path: join(ensureArtifactsDir(), `chromium-contrast-${theme}.png`), fullPage: true });
        await loadSample('arms');
      }
    } finally {
      await page.evaluate(() => delete document.documentElement.dataset.theme);
      await page.click('#removed-details > summary');
      await page.click('#json-details > summary');
    }
  });

  test('keyboard: skip links, one tab stop for the article, arrow keys between its highlights', async () => {
    const report = await loadSample('arms');
    assert.ok(report.entities.length > 20, 'a sample with many highlights');
    // The skip links come first in the tab order and move the focus to the summary, the entity list and the article.
    const firstFocusable = await page.evaluate(
      () => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').textContent,
    );
    assert.equal(firstFocusable, 'Skip to the summary');
    const targets = [];
    for (let i = 0; i < 3; i++) {
      await page.focus('.skip-link');
      for (let k = 0; k < i; k++) await page.keyboard.press('Tab');
      const link = await page.evaluate(() => ({ text: document.activeElement.textContent, top: document.activeElement.getBoundingClientRect().top }));
      assert.ok(link.top >= 0, `${link.text}: shown when focused`);
      await page.keyboard.press('Enter');
      targets.push([link.text, await page.evaluate(() => document.activeElement.id)]);
    }
    assert.deepEqual(targets, [
      ['Skip to the summary', 'scope-panel'],
      ['Skip to the entity list', 'entities-card'],
      ['Skip to the article', 'article'],
    ]);
    // From the summary to the report's buttons: the whole article is one tab stop.
    await page.focus('#scope-panel');
    const stops = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => ({
        id: document.activeElement.id,
        inArticle: !!document.activeElement.closest('#article-body'),
      }));
      if (stop.id === 'copy-json') break;
      stops.push(stop);
    }
    assert.equal(stops.filter((s) => s.inArticle).length, 1, 'one tab stop in the article');
    assert.ok(stops.length < 100, `${stops.length} tab stops from the summary to the export buttons`);
    // Inside: arrows move from highlight to highlight in reading order; Home and End; Tab leaves.
    const order = await page.$$eval('#article-body .ent[data-part="0"], #article-body .pol-badge', (list) =>
      list.map((e) => e.dataset.index ?? `badge:${e.dataset.provisions}`),
    );
    const focused = () => page.evaluate(() => document.activeElement.dataset.index ?? `badge:${document.activeElement.dataset.provisions}`);
    await page.focus('#article-body [tabindex="0"]');
    assert.equal(await focused(), order[0], 'Tab enters at the first highlight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), order[1]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), order[2]);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), order[1]);
    await page.keyboard.press('End');
    assert.equal(await focused(), order[order.length - 1]);
    await page.keyboard.press('Home');
    assert.equal(await focused(), order[0]);
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#hover-card:not([hidden])');
    // Tab leaves the article and Shift+Tab comes back to the highlight last visited.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement.closest('#article-body')), false);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), order[1]);
    assert.equal(await page.$$eval('#article-body [tabindex="0"]', (list) => list.length), 1, 'one roving stop');
  });

  test('opening or dropping a file replaces the text box, so Analyse never re-runs an old paste', async () => {
    await openOwnArticle();
    await page.fill('#input-text', 'An old paste: the city council of Orrin bans kites on the beach.');
    const text =
      'Kite rules for Marsk\n\nThe town council of Marsk will allow kites on the north beach from May, ' +
      'its chair, Rosa Vik, said on Monday.';
    let before = await currentRun();
    await page.setInputFiles('#file-input', { name: 'marsk.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await runFinished(before);
    assert.equal(await page.inputValue('#input-text'), text, 'the box holds the file');
    assert.match(await page.textContent('#file-note'), /marsk\.txt/);
    before = await currentRun();
    await page.click('#analyse-button');
    await runFinished(before);
    const report = await shownReport();
    assert.ok(report.article.text.includes('Rosa Vik') && !report.article.text.includes('Orrin'), 'Analyse ran the file, not the old paste');

    // A file that is not UTF-8 (a legacy charset) is analysed, and the box is emptied with a note.
    await page.fill('#input-text', 'Another old paste about Orrin.');
    const latin1 = Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>Gr\u00fc\u00dfe aus K\u00f6ln.</p></body></html>', 'latin1');
    before = await currentRun();
    await page.setInputFiles('#file-input', { name: 'koeln.html', mimeType: 'text/html', buffer: latin1 });
    await runFinished(before);
    assert.equal(await page.inputValue('#input-text'), '');
    assert.match(await page.textContent('#file-note'), /koeln\.html .*not shown here: it is not UTF-8/);
    await page.click('#analyse-button');
    await page.waitForSelector('#error-box:not([hidden])');
    assert.match(await page.textContent('#error-box'), /Nothing to analyse/, 'never the old paste');

    // Dropped files do the same.
    await page.fill('#input-text', 'A third old paste about Orrin.');
    before = await currentRun();
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'dropped-marsk.txt', { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, text);
    await runFinished(before);
    assert.equal(await page.inputValue('#input-text'), text);
  });

  test("the article's pictures are listed as captions and credits, without loading them", async () => {
    await openOwnArticle();
    const html = Buffer.from(
      '<html><head><title>Quay reopens</title></head><body><article><h1>Quay reopens</h1>' +
        '<p>The harbour board of Tolle will allow fishing boats to moor at the old quay again from June, its chair said on Friday.</p>' +
        '<figure><img src="https://images.example/quay.jpg" alt=""><figcaption>The old quay at dawn. Photo: Lea Moss / Tolle Daily</figcaption></figure>' +
        '<p>Yachts remain banned from the quay, the board said in a statement on its website.</p></article></body></html>',
    );
    const before = await currentRun();
    await page.setInputFiles('#file-input', { name: 'quay.html', mimeType: 'text/html', buffer: html });
    await runFinished(before);
    const report = await shownReport();
    assert.ok(report.article.figures.length >= 1, 'the core found the figure');
    const shown = await page.evaluate(() => ({
      visible: !document.getElementById('article-figures').hidden,
      items: [...document.querySelectorAll('#figure-list li')].map((li) => li.textContent),
      images: document.querySelectorAll('#results img').length,
    }));
    assert.equal(shown.visible, true);
    assert.equal(shown.items.length, report.article.figures.length);
    report.article.figures.forEach((figure, i) => {
      if (figure.caption) assert.ok(shown.items[i].includes(figure.caption), 'caption');
      if (figure.credit) assert.ok(shown.items[i].includes(figure.credit), 'credit');
    });
    assert.equal(shown.images, 0, 'no picture is loaded');
    await loadSample('sanctions');
    assert.equal(await page.isVisible('#article-figures'), false, 'no pictures, no list');
  });

  test('honest presentation: earlier rules as past, decision-makers only, plain flags, counts that match', async (t) => {
    const report = await analysePastedText([
      'Brisk lifts its ban on night markets',
      'The town council of Brisk lifted its ban on night markets on Monday, the mayor, Ida Lund, said.',
      'The council had previously banned all trading after dark in the old town.',
      'The decision does not cover the harbour, where stalls remain prohibited.',
      '"We will not allow loud music after midnight," Lund said.',
      'Traders may sell hot food if they hold a licence, the council said.',
    ]);
    await assertShowsReport(report, 'honest');
    const shown = await page.evaluate(() => ({
      deciders: [...document.querySelectorAll('.scope-roles .role')]
        .filter((r) => /Who decides|Proposed by/.test(r.querySelector('.role-name').textContent))
        .map((r) => r.lastChild.textContent),
      notes: [...document.querySelectorAll('.scope-notes')].map((n) => n.textContent),
      lines: [...document.querySelectorAll('#scope-summary .scope-text')].map((n) => n.textContent),
      sentences: [...document.querySelectorAll('#article-body .pol')].map((s) => ({
        provisions: s.dataset.provisions.split(' ').map(Number),
        status: s.dataset.status.split(' '),
        badges: [...s.querySelectorAll(':scope > .pol-badge')].map((b) => b.textContent),
      })),
    }));
    for (const decider of shown.deciders) {
      assert.doesNotMatch(decider, /^(it|they|he|she|we|this|that|the (decision|ruling|measures?|move))$/i, 'a decision-maker, not a pronoun');
    }
    for (const note of shown.notes) assert.doesNotMatch(note, /\b(attributed|hedged|conditional|negated|historical)\b/, 'plain words');
    // Who said it is a note, never part of what was decided ("night markets on Monday", not "..., the mayor, Ida Lund").
    for (const line of shown.lines) assert.doesNotMatch(line, /the mayor|Ida Lund/, `the speaker stays out of "${line}"`);
    if (report.policy.provisions.some((p) => p.subject?.text === 'Traders' && !p.flags.includes('historical'))) {
      assert.ok(shown.lines.some((line) => /for traders:/.test(line)), 'a sentence-initial subject loses its capital');
    }
    // Whatever the policy stage finds, an earlier rule is never shown as current, in the summary or the article.
    const past = new Set(report.policy.provisions.flatMap((p, i) => (p.flags.includes('historical') ? [i] : [])));
    for (const sentence of shown.sentences) {
      if (sentence.provisions.every((i) => past.has(i))) {
        assert.deepEqual(sentence.status, ['past']);
        assert.deepEqual(sentence.badges, ['Earlier rule']);
      }
    }
    t.diagnostic(`${past.size} earlier rule(s) in the invented article; deciders: ${shown.deciders.join(', ')}; notes: ${shown.notes.join(' | ')}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ensureArtifactsDir(), 'chromium-honest.png'), fullPage: true });
  });

  // An invented page whose headline is repeated (a paragraph under the <h1>, an <h2> further down) and whose
  // subheadings are Title Case lines with policy words and capitalised common nouns.
  const HEADINGS_PAGE = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<title>Harbour Board Lifts Night Ban On Ferries - The Valley Courier</title></head><body><main><article>',
    '<h1>Harbour Board Lifts Night Ban On Ferries</h1>',
    '<p>Harbour Board Lifts Night Ban On Ferries</p>',
    '<p>The harbour board of Dunmore voted on Monday to allow ferries to dock at night from next month, its chair, Ida Lorne, said.</p>',
    '<h2>Cargo Ships Still Banned From Inner Harbour</h2>',
    '<p>Cargo ships remain prohibited from the inner harbour, the board said.</p>',
    '<h2>New Limits For Fishing Fleet</h2>',
    '<p>The decision does not cover fishing boats, which may keep their moorings.</p>',
    '<h2>Allowed: Night Ferries</h2>',
    '<p>Passenger ferries may dock until 2 a.m. under the new rules.</p>',
    '<h2>Harbour Board Lifts Night Ban On Ferries</h2>',
    '</article></main></body></html>',
  ].join('\n');

  /** Analyses HEADINGS_PAGE pasted as HTML; the report, its heading blocks and what the headings show. */
  async function analyseHeadingsPage() {
    await openOwnArticle();
    await page.fill('#input-text', HEADINGS_PAGE);
    await page.selectOption('#format-select', 'html');
    const before = await currentRun();
    await page.click('#analyse-button');
    await runFinished(before);
    await page.selectOption('#format-select', 'auto');
    const report = await shownReport();
    const { text, blocks } = report.article;
    const headings = blocks.filter((b) => b.kind === 'heading');
    const inHeading = (span) => headings.some((h) => span.start < h.end && span.end > h.start);
    const shown = await page.evaluate(() => ({
      headings: [...document.querySelectorAll('#article-body .block-heading')].map((h) => h.textContent),
      marksInHeadings: document.querySelectorAll('#article-body .block-heading .ent').length,
      policyInHeadings: document.querySelectorAll('#article-body .block-heading .pol').length,
    }));
    return { report, text, blocks, headings, inHeading, shown };
  }

  test('headings and a repeated headline never become provisions', async () => {
    const { report, text, blocks, headings, inHeading, shown } = await analyseHeadingsPage();
    await assertShowsReport(report, 'headings');
    assert.equal(report.article.title, 'Harbour Board Lifts Night Ban On Ferries');
    assert.ok(headings.length >= 2, `the subheadings are heading blocks (${blocks.map((b) => b.kind).join(', ')})`);
    assert.equal(shown.headings.length, headings.length, 'each heading block is drawn as a heading');
    // The headline is the title: it is not read again as a line of the text.
    const headline = report.article.title.toLowerCase();
    for (const block of blocks) {
      assert.notEqual(text.slice(block.start, block.end).trim().toLowerCase(), headline, 'the repeated headline is not in the text');
    }
    for (const provision of report.policy.provisions) {
      assert.ok(!inHeading(provision.sentence), `a heading is not a provision: "${provision.sentence.text}"`);
    }
    assert.ok(report.policy.provisions.length >= 2, 'the sentences of the text still are');
    assert.equal(shown.policyInHeadings, 0, 'no policy mark in a heading');
  });

  test('headings never become entities', async () => {
    const { report, text, inHeading, shown } = await analyseHeadingsPage();
    const tagged = report.entities.filter((e) => inHeading(e)).map((e) => `${e.type} "${text.slice(e.start, e.end)}"`);
    assert.deepEqual(tagged, [], 'no entity in a heading');
    assert.equal(shown.marksInHeadings, 0, 'no entity mark in a heading');
    assert.ok(report.entities.some((e) => e.type === 'PERSON' && text.slice(e.start, e.end) === 'Ida Lorne'), 'the text\'s names still are');
  });

  test('a sample that cannot load clears the old result and says why', async () => {
    // In a page of its own: the browser logs the failed request as a console error.
    const second = await context.newPage();
    try {
      await second.route('**/samples/sanctions.txt', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await second.goto(`${server.url}#sample=court`);
      await second.waitForFunction(RUN_FINISHED, 0, WAIT);
      assert.equal(await second.isVisible('#results'), true);
      const before = await second.evaluate(RUN_NUMBER);
      await second.click('.sample-button[data-sample="sanctions"]');
      await second.waitForFunction(RUN_FINISHED, before, WAIT);
      assert.equal(await second.getAttribute('#status', 'data-state'), 'error');
      assert.equal(await second.isVisible('#results'), false, 'the old result is gone');
      assert.match(await second.textContent('#error-box'), /Sanctions.*could not be loaded.*404/s);
      await second.unroute('**/samples/sanctions.txt');
      const after = await second.evaluate(RUN_NUMBER);
      await second.click('.sample-button[data-sample="sanctions"]');
      await second.waitForFunction(RUN_FINISHED, after, WAIT);
      assert.equal(await second.getAttribute('#status', 'data-state'), 'done', 'the next try works');
      assert.equal(await second.isVisible('#error-box'), false);
    } finally {
      await second.close();
    }
  });

  test('no page errors, no CSP violations, no dialogs, no requests outside the demo origin', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(foreignRequests, []);
  });
});

describe('the demo offline in Chromium (service worker)', { timeout: 240_000 }, () => {
  let offlineServer;
  let offline;
  let offlinePage;
  const errors = [];

  before(async () => {
    offlineServer = await startDemoServer();
    offline = await launchChromium('chromium-offline', { viewport: { width: 1280, height: 900 } });
    offlinePage = offline.page;
    offlinePage.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  });

  after(async () => {
    await offline?.close();
    await offlineServer?.stop();
  });

  test('after the first visit: reload and samples work with the server gone; a sample it lacks says why', async () => {
    await offlinePage.goto(offlineServer.url);
    await offlinePage.waitForFunction(RUN_FINISHED, 0, WAIT);
    // The service worker is registered after the first result, installs every file and takes the page over.
    await offlinePage.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, WAIT);
    const cached = await offlinePage.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('articlescope-demo-v')));
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    });
    assert.ok(cached.includes('/lib/dist/articlescope-core.wasm') && cached.includes('/demo/samples/court-ruling.html'));
    await offlineServer.stop();

    await offlinePage.reload();
    await offlinePage.waitForFunction(RUN_FINISHED, 0, WAIT);
    assert.equal(await offlinePage.getAttribute('#status', 'data-state'), 'done', 'the reload works offline');
    assert.match(await offlinePage.textContent('#article-title'), /Kordavia/);
    let before = await offlinePage.evaluate(RUN_NUMBER);
    await offlinePage.click('.sample-button[data-sample="court"]');
    await offlinePage.waitForFunction(RUN_FINISHED, before, WAIT);
    assert.equal(await offlinePage.getAttribute('#status', 'data-state'), 'done', 'a sample works offline');
    assert.match(await offlinePage.textContent('#article-title'), /Supreme Court/);

    // A sample missing from the cache (evicted, say) with the server gone: the old result goes, and the page says why.
    await offlinePage.evaluate(async () => {
      for (const name of await caches.keys()) (await caches.open(name)).delete(new URL('samples/harbour-festival.txt', location.href).href);
    });
    before = await offlinePage.evaluate(RUN_NUMBER);
    await offlinePage.click('.sample-button[data-sample="feature"]');
    await offlinePage.waitForFunction(RUN_FINISHED, before, WAIT);
    assert.equal(await offlinePage.getAttribute('#status', 'data-state'), 'error');
    assert.equal(await offlinePage.isVisible('#results'), false, 'the court result is not left standing');
    assert.match(await offlinePage.textContent('#error-box'), /could not be loaded.*(could not be reached|offline)/s);
    assert.deepEqual(errors, []);
  });
});

const HOSTILE_SUITE = 'a hostile article in Chromium (CSP bypassed, so only the page itself protects)';
describe(HOSTILE_SUITE, { timeout: 180_000 }, () => {
  let hostileProfile;
  let hostileContext;
  let hostilePage;
  let hostileServer;
  const events = [];

  before(async () => {
    hostileServer = await startDemoServer();
    hostileProfile = freshProfile('chromium-hostile');
    hostileContext = await chromium.launchPersistentContext(hostileProfile.path, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    hostilePage = hostileContext.pages()[0] ?? (await hostileContext.newPage());
    hostilePage.on('dialog', (dialog) => {
      events.push(`dialog: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    hostilePage.on('pageerror', (error) => events.push(`page error: ${error.message}`));
    hostileContext.on('request', (request) => {
      if (!request.url().startsWith(hostileServer.origin)) events.push(`request: ${request.url()}`);
    });
    await hostilePage.goto(hostileServer.url);
    await hostilePage.waitForFunction(RUN_FINISHED, 0, WAIT);
  });

  after(async () => {
    await hostileContext?.close();
    hostileProfile?.remove();
    await hostileServer?.stop();
  });

  const assertNothingRan = async (label) => {
    const state = await hostilePage.evaluate(() => ({
      pwned: window.__pwned ?? null,
      location: location.href,
      onAttributes: [...document.querySelectorAll('*')].flatMap((e) =>
        [...e.attributes]
          .filter((a) => a.name.toLowerCase().startsWith('on'))
          .map((a) => `${e.tagName}[${a.name}]`),
      ),
      foreignElements: [
        ...document.querySelectorAll(
          '#results script, #results img, #results iframe, #results object, ' +
            '#results embed, #results form, #results a, #results style, #results link, #results base, #results meta',
        ),
      ].map((e) => e.tagName),
      bodyTags: [
        ...new Set([...document.querySelectorAll('#article-body *')].map((e) => e.tagName.toLowerCase())),
      ],
    }));
    assert.equal(state.pwned, null, `${label}: injected code ran (${state.pwned})`);
    assert.ok(state.location.startsWith(hostileServer.url), `${label}: the page was not navigated away`);
    assert.deepEqual(state.onAttributes, [], `${label}: no event-handler attributes anywhere in the page`);
    assert.deepEqual(state.foreignElements, [], `${label}: no active elements from the input in the results`);
    const allowed = new Set([
      'p',
      'h3',
      'h4',
      'blockquote',
      'pre',
      'ul',
      'li',
      'span',
      'mark',
      'svg',
      'path',
    ]);
    assert.deepEqual(
      state.bodyTags.filter((t) => !allowed.has(t)),
      [],
      `${label}: only the page's own tags`,
    );
    assert.deepEqual(events, [], `${label}: no dialogs, errors or outside requests`);
  };

  test('opened as a file: nothing executes, markup stays text', async () => {
    await hostilePage.click('#own-article > summary');
    const before = await hostilePage.evaluate(RUN_NUMBER);
    await hostilePage.setInputFiles('#file-input', join(fixturesDir, 'hostile.html'));
    await hostilePage.waitForFunction(RUN_FINISHED, before, WAIT);
    assert.equal(await hostilePage.getAttribute('#status', 'data-state'), 'done');
    // Interact with everything a reader could: hover and focus marks and badges, open the extra views.
    for (const handle of (await hostilePage.$$('#article-body .ent, #article-body .pol-badge')).slice(0, 4)) {
      await handle.hover();
    }
    await hostilePage.evaluate(() => {
      for (const element of document.querySelectorAll('#article-body *')) {
        element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        element.focus?.();
      }
    });
    await hostilePage.click('#removed-details > summary');
    await hostilePage.click('#json-details > summary');
    await assertNothingRan('file');
    const body = await hostilePage.textContent('#article-body');
    assert.ok(body.includes('emergency medical flights'), 'the article itself is shown');
    assert.ok(
      body.includes("<script>alert('literal text, not code')</script>"),
      'escaped markup is shown as text',
    );
    await hostilePage.evaluate(() => window.scrollTo(0, 0));
    await hostilePage.screenshot({
      path: join(ensureArtifactsDir(), 'chromium-hostile.png'),
      fullPage: true,
    });
  });

  test('pasted as text and as HTML: nothing executes', async () => {
    const hostile = readFileSync(join(fixturesDir, 'hostile.html'), 'utf8');
    for (const format of ['text', 'html']) {
      await hostilePage.fill('#input-text', hostile);
      await hostilePage.selectOption('#format-select', format);
      const before = await hostilePage.evaluate(RUN_NUMBER);
      await hostilePage.click('#analyse-button');
      await hostilePage.waitForFunction(RUN_FINISHED, before, WAIT);
      await hostilePage.evaluate(() => {
        for (const element of document.querySelectorAll('#article-body .ent, #article-body .pol-badge')) {
          element.focus();
          element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        }
      });
      await assertNothingRan(format);
    }
    const text = await hostilePage.textContent('#article-body');
    assert.ok(text.length > 0);
  });
});
