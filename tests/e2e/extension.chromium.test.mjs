// The extension in headless Chromium (Debian's, through playwright-core): loaded unpacked from
// build/extension/chromium with --load-extension. The toolbar button is pressed through the DevTools
// protocol's Extensions.triggerAction, which runs the browser's own action path (it grants activeTab exactly
// as a click does); the scenario itself is in extension-support.mjs.
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH, freshProfile } from './helpers.mjs';
import { defineExtensionTests, extensionBuilt, extensionDir, defaultButtonTitle } from './extension-support.mjs';

const WAIT = { timeout: 60_000 };

async function makeDriver({ trapPort }) {
  const dir = extensionDir('chromium');
  const profile = freshProfile('extension-chromium');
  const requests = [];
  let context;
  let page;
  let worker;
  let extensionId;
  let cdp;

  // The tab target of the page: DevTools may list a tab under its old URL for a moment after a navigation,
  // and the first tab listed may be another one, so wait (up to 15 s: a loaded 2-core CI machine has taken more
  // than 5) for the tab showing the page's URL.
  const activeTabTarget = async () => {
    const url = page.url();
    let targetInfos = [];
    for (let attempt = 0; attempt < 150; attempt++) {
      ({ targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] }));
      const tab = targetInfos.find((t) => t.url === url);
      if (tab) return tab.targetId;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return targetInfos[0].targetId;
  };

  return {
    requests,
    async start() {
      context = await chromium.launchPersistentContext(profile.path, {
        executablePath: CHROMIUM_PATH,
        headless: true,  // Chromium's new headless mode, which runs extensions
        // The page's scroll bar as a reader sees it (playwright hides scroll bars by default): the panel must not cover it.
        ignoreDefaultArgs: ['--hide-scrollbars'],
        viewport: { width: 1280, height: 900 },
        args: [
          ...CHROMIUM_ARGS.filter((arg) => arg !== '--headless'),
          `--disable-extensions-except=${dir}`,
          `--load-extension=${dir}`,
          '--enable-unsafe-extension-debugging',  // lets the DevTools protocol press the toolbar button
          `--proxy-server=http://127.0.0.1:${trapPort}`,  // anything not on loopback goes to the trap
          // Chromium's own services (sign-in, component updates) talk to Google even when idle; they are
          // pointed at a closed local port, so the trap sees only what pages and the extension send.
          ...['--gaia-url', '--google-apis-url', '--lso-url'].map((flag) => `${flag}=http://127.0.0.1:9`),
          '--component-updater=url-source=http://127.0.0.1:9',
        ],
      });
      context.on('request', (request) => requests.push(request.url()));
      if (process.env.ARTICLESCOPE_E2E_DEBUG) {
        context.on('console', (message) => console.log(`[console] ${message.text()}`));
        context.on('weberror', (error) => console.log(`[error] ${error.error()}`));
      }
      worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', WAIT));
      extensionId = new URL(worker.url()).host;
      page = context.pages()[0] ?? (await context.newPage());
      cdp = await context.browser().newBrowserCDPSession();
    },
    async stop() {
      await context?.close();
      profile.remove();
    },
    goto: (url) => page.goto(url),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg) => page.waitForFunction(fn, arg, WAIT),
    click: (x, y) => page.mouse.click(x, y),
    async wheel(x, y, deltaY) {
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, deltaY);
    },
    press: (key) => page.keyboard.press(key),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: (path) => page.screenshot({ path }),
    openExtensionPage: (path) => page.goto(`chrome-extension://${extensionId}/${path}`),
    // Every event listener on the document, its descendants and shadow trees, in any world (DevTools).
    async listenerCount() {
      const session = await context.newCDPSession(page);
      try {
        const { result } = await session.send('Runtime.evaluate', { expression: 'document' });
        const { listeners } = await session.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1, pierce: true });
        const { result: win } = await session.send('Runtime.evaluate', { expression: 'window' });
        const { listeners: onWindow } = await session.send('DOMDebugger.getEventListeners', { objectId: win.objectId });
        // Playwright's own injected script listens on the window once the mouse was used: not the page's.
        const all = [...listeners, ...onWindow];
        const playwright = new Set(all.filter((l) => l.type.startsWith('__playwright')).map((l) => l.scriptId));
        return all.filter((l) => !playwright.has(l.scriptId)).length;
      } finally {
        await session.detach();
      }
    },
    async pressButton() {
      await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: await activeTabTarget() });
    },
    async waitForBadge() {
      // The service worker may have been restarted since the start: ask the current one.
      const current = context.serviceWorkers().find((w) => w.url().includes(extensionId)) ?? worker;
      for (let attempt = 0; attempt < 100; attempt++) {
        const badge = await current.evaluate(async () => {
          const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
          return { text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
        });
        // The badge's text and title are set together, but arrive one after the other: wait for both.
        if (badge.text && badge.title !== defaultButtonTitle('chromium')) return badge;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { text: '', title: '' };
    },
  };
}

const skip = extensionBuilt('chromium') ? false : 'build/extension/chromium is missing: run `scripts/build.sh wasm` first';
defineExtensionTests('chromium', { skip, makeDriver });
