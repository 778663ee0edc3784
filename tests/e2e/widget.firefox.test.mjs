// The widget suite (widget-suite.mjs) in Firefox ESR (Debian's) through puppeteer-core over WebDriver BiDi.
import { firefoxPath, launchFirefox } from './helpers.mjs';
import { widgetSuite } from './widget-suite.mjs';

const WAIT = { timeout: 90_000 };

widgetSuite(
  'firefox',
  async () => {
    const firefox = await launchFirefox('firefox-widget');
    const { page } = firefox;
    await page.setViewport({ width: 1280, height: 900 });
    const consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    return {
      goto: (url) => page.goto(url),
      evaluate: (fn, arg) => page.evaluate(fn, arg),
      waitFor: (fn, arg) => page.waitForFunction(fn, WAIT, arg),
      screenshot: (path) => page.screenshot({ path, fullPage: true }),
      setViewport: (width, height) => page.setViewport({ width, height }),
      press: (key) => page.keyboard.press(key),
      setColorScheme: null, // not available over WebDriver BiDi in this puppeteer: the dark theme is checked in Chromium
      consoleErrors: () => consoleErrors.splice(0),
      close: () => firefox.close(),
    };
  },
  { skip: firefoxPath() ? false : 'Firefox ESR is not installed' },
);
