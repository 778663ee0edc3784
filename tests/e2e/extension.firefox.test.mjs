// The extension in Firefox ESR (Debian's, through puppeteer-core over WebDriver BiDi): installed as a
// temporary add-on from build/extension/firefox with BiDi's webExtension.install. The toolbar button is pressed
// by running, in the browser's own (chrome) scope, the action's triggerAction(): the code path of a click on
// the button, which grants activeTab. That needs Firefox's -remote-allow-system-access. The scenario itself is
// in extension-support.mjs.
import puppeteer from 'puppeteer-core';

import { firefoxPath, freshProfile } from './helpers.mjs';
import {
  defineExtensionTests,
  defaultButtonTitle,
  extensionBuilt,
  extensionDir,
  firefoxTrapEnv,
  firefoxTrapPrefs,
} from './extension-support.mjs';

const WAIT = { timeout: 60_000, polling: 100 };
const executablePath = firefoxPath();

async function makeDriver({ trapPort }) {
  const profile = freshProfile('extension-firefox');
  const requests = [];
  let browser;
  let page;
  let addonId;

  // Runs `body` (an async function body with `extension` and `window` in scope) in the browser window's
  // privileged scope; returns its (JSON-able) result.
  async function inBrowserScope(body) {
    const connection = browser.connection;
    const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = tree.contexts.find((c) => c.url.startsWith('chrome://browser/')) ?? tree.contexts[0];
    const { result } = await connection.send('script.evaluate', {
      target: { context: context.context },
      awaitPromise: true,
      expression: `(async () => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)});
        const action = ExtensionParent.apiManager.global.browserActionFor(extension);
        return JSON.stringify(await (async () => { ${body} })());
      })()`,
    });
    if (result.type !== 'success') throw new Error(`browser scope: ${JSON.stringify(result.exceptionDetails ?? result)}`);
    return JSON.parse(result.result.value ?? 'null');
  }

  return {
    requests,
    async start() {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath,
        headless: true,
        userDataDir: profile.path,
        args: ['-remote-allow-system-access'],
        env: { ...process.env, ...firefoxTrapEnv },  // lets the test press the toolbar button (see above)
        extraPrefsFirefox: {
          ...firefoxTrapPrefs(trapPort),
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          'browser.safebrowsing.update.enabled': false,
          'app.update.enabled': false,
          'extensions.update.enabled': false,
        },
      });
      addonId = await browser.installExtension(extensionDir('firefox'));
      // A new tab, not the first one: puppeteer's first Firefox tab never has the window's focus, and a focused
      // button there gets keys but no activation (Enter would not press it).
      page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      page.on('request', (request) => requests.push(request.url()));
      if (process.env.ARTICLESCOPE_E2E_DEBUG) {
        page.on('console', (message) => console.log(`[console] ${message.text()}`));
        page.on('pageerror', (error) => console.log(`[error] ${error.message}`));
      }
    },
    async stop() {
      await browser?.close();
      profile.remove();
    },
    goto: (url) => page.goto(url),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg) => page.waitForFunction(fn, WAIT, arg),
    click: (x, y) => page.mouse.click(x, y),
    async wheel(x, y, deltaY) {
      await page.mouse.move(x, y);
      await page.mouse.wheel({ deltaY });
    },
    press: (key) => page.keyboard.press(key),
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: (path) => page.screenshot({ path }),
    // BiDi's navigate does not follow a tab into the extension's process (it times out although the page
    // loads), so the browser loads the extension page itself; the test then waits for the page's own flag.
    openExtensionPage: (path) =>
      inBrowserScope(`
        const url = extension.baseURI.resolve(${JSON.stringify(path)});
        window.gBrowser.selectedBrowser.fixupAndLoadURIString(url, {
          triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
        });
        return url;`),
    listenerCount: async () => null,  // no BiDi command lists listeners; Chromium's run checks them
    async pressButton() {
      await inBrowserScope('await action.triggerAction(window); return true;');
    },
    async waitForBadge() {
      for (let attempt = 0; attempt < 100; attempt++) {
        const badge = await inBrowserScope(`
          const tab = window.gBrowser.selectedTab;
          return { text: action.action.getProperty(tab, 'badgeText'), title: action.action.getProperty(tab, 'title') };`);
        // The badge's text and title are set together, but arrive one after the other: wait for both.
        if (badge.text && badge.title !== defaultButtonTitle('firefox')) return badge;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { text: '', title: '' };
    },
  };
}

const skip = !executablePath
  ? 'Firefox ESR is not installed'
  : extensionBuilt('firefox') ? false : 'build/extension/firefox is missing: run `scripts/build.sh wasm` first';
defineExtensionTests('firefox', { skip, makeDriver });
