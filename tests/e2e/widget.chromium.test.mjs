// The widget suite (widget-suite.mjs) in Debian's Chromium through playwright-core.
import { launchChromium } from './helpers.mjs';
import { widgetSuite } from './widget-suite.mjs';

const WAIT = { timeout: 60_000 };

widgetSuite('chromium', async () => {
  const browser = await launchChromium('chromium-widget', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const { page } = browser;
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  return {
    goto: (url) => page.goto(url),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg) => page.waitForFunction(fn, arg, WAIT),
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    press: (key) => page.keyboard.press(key),
    setColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    consoleErrors: () => consoleErrors.splice(0),
    close: () => browser.close(),
  };
});
