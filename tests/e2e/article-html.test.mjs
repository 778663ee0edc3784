// article.html in a real browser (issue 13): pages whose canonical URL, og:url or <base> is a javascript: or
// data: URL, and links with hostile schemes, are analysed and their article.html is rendered with innerHTML in
// a page whose CSP allows inline scripts (so a javascript: link WOULD run). Every link is clicked, each in a
// fresh load: no dialog may open, no script may run, and nothing may leave for another origin but on a click.
// Remote images are requested only with remoteImages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launchChromium, startStaticServer } from '../js/support/static-server.mjs';
import { wasmBuilt } from './helpers.mjs';

const PAGES = ['canonical-javascript', 'canonical-data', 'og-url-javascript', 'base-javascript', 'hostile-hrefs'];
// Lets a javascript: URL run if article.html ever holds one: the test must be able to fail.
const PERMISSIVE_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; img-src *";

let server;
let browser;

before(async () => {
  if (!wasmBuilt) return;
  server = await startStaticServer({ roots: ['web/lib', 'tests/e2e/article-html'], headers: { 'Content-Security-Policy': PERMISSIVE_CSP } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Opens the page rendering `name`; records dialogs, requests to other origins, and navigations.
async function open(name, options = {}) {
  const page = await browser.newPage();
  const seen = { dialogs: [], external: [], errors: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    seen.external.push(url);
    return route.abort();
  });
  const query = new URLSearchParams({ page: name, options: JSON.stringify(options) });
  await page.goto(`${server.url}/tests/e2e/article-html/index.html?${query}`);
  await page.waitForFunction(() => window.__rendered !== undefined, null, { timeout: 30000 });
  const rendered = await page.evaluate(() => window.__rendered);
  assert.equal(rendered.failed, undefined, rendered.failed);
  return { page, seen, rendered };
}

for (const name of PAGES) {
  test(`${name}: clicking every link of article.html runs nothing`, { skip: !wasmBuilt && 'web/lib/dist is not built' }, async () => {
    const { page, seen, rendered } = await open(name);
    assert.ok(rendered.links >= 3, `only ${rendered.links} links in ${rendered.html}`);
    assert.deepEqual(seen.external, [], 'rendering requested another origin (remote images are off by default)');
    await page.close();
    for (let i = 0; i < rendered.links; i++) {
      const { page: fresh, seen: clicked } = await open(name);
      const href = await fresh.locator('#article a').nth(i).getAttribute('href');
      await fresh.locator('#article a').nth(i).click();
      await fresh.waitForTimeout(300);
      assert.deepEqual(clicked.dialogs, [], `link ${i} (${href}) opened a dialog`);
      assert.deepEqual(clicked.errors, [], `link ${i} (${href})`);
      const scheme = new URL(fresh.url()).protocol;
      assert.ok(['http:', 'https:', 'chrome-error:', 'about:'].includes(scheme), `link ${i} (${href}) went to ${fresh.url()}`);
      await fresh.close();
    }
  });
}

test('remote images are requested only with remoteImages', { skip: !wasmBuilt && 'web/lib/dist is not built' }, async () => {
  const { page, seen } = await open('base-javascript', { remoteImages: true });
  await page.waitForTimeout(300);
  assert.ok(seen.external.some((url) => url.startsWith('https://images.example/')), JSON.stringify(seen.external));
  await page.close();
});
