// The same smoke test in Firefox ESR (Debian's), driven by puppeteer-core over WebDriver BiDi.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  CONTRAST_FAILURES,
  RUN_FINISHED,
  RUN_NUMBER,
  SHOWN_COUNTS,
  SHOWN_REPORT,
  drawableEntities,
  drawableProvisions,
  ensureArtifactsDir,
  firefoxPath,
  fixturesDir,
  launchFirefox,
  startDemoServer,
  wasmBuilt,
} from './helpers.mjs';

const WAIT = { timeout: 90_000 };
const executablePath = firefoxPath();

const skip = executablePath ? false : 'Firefox ESR is not installed';
describe('demo page in Firefox ESR', { skip, timeout: 300_000 }, () => {
  let server;
  let firefox;
  let page;
  let scratch;
  const problems = [];

  const runFinished = async (previous) => page.waitForFunction(RUN_FINISHED, WAIT, previous);
  const currentRun = () => page.evaluate(RUN_NUMBER);
  const shownReport = async () => JSON.parse(await page.evaluate(SHOWN_REPORT));

  async function assertConsistent(label) {
    const report = await shownReport();
    const shown = await page.evaluate(SHOWN_COUNTS);
    assert.equal(shown.title, report.article.title || 'Untitled article', `${label}: title`);
    assert.equal(shown.entityMarks, drawableEntities(report), `${label}: entity highlights`);
    assert.equal(shown.provisionsShown, drawableProvisions(report), `${label}: policy sentences`);
    assert.deepEqual(
      shown.allowed.map((i) => i.provision),
      report.policy.summary.allowed.map((i) => i.provision),
    );
    assert.deepEqual(
      shown.prohibited.map((i) => i.provision),
      report.policy.summary.prohibited.map((i) => i.provision),
    );
    assert.equal(shown.removedItems, report.article.removed.length, `${label}: removed items`);
    assert.equal(
      shown.bodyText.replace(/\s+/g, ''),
      report.article.text.replace(/\s+/g, ''),
      `${label}: text`,
    );
    return report;
  }

  async function upload(name, content) {
    const path = join(scratch, name);
    writeFileSync(path, content);
    const input = await page.$('#file-input');
    const previous = await currentRun();
    await input.uploadFile(path);
    await runFinished(previous);
  }

  before(async () => {
    assert.ok(wasmBuilt, 'web/lib/dist/articlescope-core.wasm is missing: run `scripts/build.sh wasm` first');
    server = await startDemoServer();
    scratch = mkdtempSync(join(tmpdir(), 'articlescope-ff-files-'));
    firefox = await launchFirefox('firefox');
    page = firefox.page;
    await page.setViewport({ width: 1280, height: 900 });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.origin) && !url.startsWith('blob:') && !url.startsWith('data:')) {
        problems.push(`outside request: ${url}`);
      }
    });
    await page.goto(server.url);
    await runFinished(0);
  });

  after(async () => {
    await firefox?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    await server?.stop();
  });

  test('the arms-use sample shows on load, as reported', async () => {
    const report = await assertConsistent('arms');
    assert.match(await page.$eval('#article-title', (e) => e.textContent), /Kordavia/);
    assert.ok(report.article.text.includes('Velgrad'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ensureArtifactsDir(), 'firefox-arms.png'), fullPage: true });
  });

  test('another sample, pasted text and an opened file', async () => {
    let previous = await currentRun();
    await page.click('.sample-button[data-sample="sanctions"]');
    await runFinished(previous);
    await assertConsistent('sanctions');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ensureArtifactsDir(), 'firefox-sanctions.png'), fullPage: true });

    await page.click('#own-article > summary');
    await page.$eval('#input-text', (area) => {
      area.value =
        'Town bans cars from the market square\n\nThe town council of Elmbridge banned cars from the ' +
        'market square on Saturdays, Mayor Ruth Calder said on Tuesday. Delivery vans are still allowed before 8 a.m.';
    });
    previous = await currentRun();
    await page.click('#analyse-button');
    await runFinished(previous);
    await assertConsistent('pasted');
    assert.ok((await page.$eval('#article-body', (e) => e.textContent)).includes('Delivery vans'));

    await upload(
      'notes.txt',
      'Harbour rules\n\nThe harbour master allowed small boats to moor at the east pier from Monday.',
    );
    await assertConsistent('file');
    assert.match(await page.$eval('#status-text', (e) => e.textContent), /Analysed/);
  });

  test('entity toggles and the summary link work', async () => {
    let previous = await currentRun();
    await page.click('.sample-button[data-sample="arms"]');
    await runFinished(previous);
    const report = await shownReport();
    const type = report.entities[0]?.type;
    if (type) {
      await page.click(`#entity-legend .legend-toggle[data-type="${type}"]`);
      await page.waitForFunction(
        (t) =>
          [...document.querySelectorAll(`#article-body .ent[data-type="${t}"]`)].every(
            (e) => getComputedStyle(e).backgroundColor === 'rgba(0, 0, 0, 0)',
          ),
        WAIT,
        type,
      );
      await page.click(`#entity-legend .legend-toggle[data-type="${type}"]`);
    }
    const item = report.policy.summary.prohibited[0] ?? report.policy.summary.allowed[0];
    if (item) {
      await page.click(`.scope-item[data-provision="${item.provision}"]`);
      await page.waitForFunction(
        (index) => document.activeElement?.matches(`.pol[data-provisions~="${index}"]`),
        WAIT,
        item.provision,
      );
    }
    previous = await currentRun();
    assert.ok(previous > 0);
  });

  test('a hostile page runs no code', async () => {
    const { readFileSync } = await import('node:fs');
    await upload('hostile.html', readFileSync(join(fixturesDir, 'hostile.html')));
    for (const handle of (await page.$$('#article-body .ent, #article-body .pol-badge')).slice(0, 4))
      await handle.hover();
    await page.evaluate(() => {
      for (const element of document.querySelectorAll('#article-body *')) {
        element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        element.focus?.();
      }
    });
    const state = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      active: document.querySelectorAll(
        '#results script, #results img, #results iframe, #results a, #results object',
      ).length,
      handlers: [...document.querySelectorAll('*')].filter((e) =>
        [...e.attributes].some((a) => /^on/i.test(a.name)),
      ).length,
    }));
    assert.deepEqual(state, { pwned: null, active: 0, handlers: 0 });
    assert.ok(
      (await page.$eval('#article-body', (e) => e.textContent)).includes(
        "<script>alert('literal text, not code')</script>",
      ),
    );
  });

  test('keyboard: one tab stop for the article, arrow keys inside; contrast', async () => {
    const previous = await currentRun();
    await page.click('.sample-button[data-sample="arms"]');
    await runFinished(previous);
    await page.focus('#article');
    const stops = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => ({ inArticle: !!document.activeElement.closest('#article-body'), id: document.activeElement.id }));
      if (!stop.inArticle) break;
      stops.push(stop);
    }
    assert.equal(stops.length, 1, 'one tab stop in the article');
    const order = await page.$$eval('#article-body .ent[data-part="0"], #article-body .pol-badge', (list) =>
      list.map((e) => e.dataset.index ?? `badge:${e.dataset.provisions}`),
    );
    await page.focus('#article-body [tabindex="0"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    const focused = await page.evaluate(() => document.activeElement.dataset.index ?? `badge:${document.activeElement.dataset.provisions}`);
    assert.equal(focused, order[1]);
    assert.deepEqual(await page.evaluate(CONTRAST_FAILURES, 'body'), [], 'every text meets WCAG AA');
  });

  test('an opened file replaces the text box', async () => {
    await page.$eval('#input-text', (area) => (area.value = 'An old paste about the town of Orrin.'));
    const text = 'Ferry rules\n\nThe harbour board of Tolle will allow ferries to dock at night from June.';
    await upload('tolle.txt', text);
    assert.equal(await page.$eval('#input-text', (area) => area.value), text);
    assert.match(await page.$eval('#file-note', (e) => e.textContent), /tolle\.txt/);
  });

  test('after the first visit the demo works offline: reload and samples', async () => {
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', WAIT);
    const url = page.url();
    await server.stop();
    // A new navigation to the page (WebDriver's reload is a forced one, which skips service workers).
    await page.goto('about:blank');
    await page.goto(url);
    await runFinished(0);
    assert.equal(await page.$eval('#status', (e) => e.dataset.state), 'done', 'the reload works offline');
    const previous = await currentRun();
    await page.click('.sample-button[data-sample="court"]');
    await runFinished(previous);
    assert.equal(await page.$eval('#status', (e) => e.dataset.state), 'done', 'a sample works offline');
    assert.match(await page.$eval('#article-title', (e) => e.textContent), /Supreme Court/);
  });

  test('no page errors, dialogs or outside requests', () => {
    assert.deepEqual(problems, []);
  });
});
