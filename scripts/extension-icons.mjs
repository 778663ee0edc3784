#!/usr/bin/env node
// Renders the extension's toolbar icons (web/extension/icons/icon-N.png) and the demo's favicon.png (64 px) from
// the demo's favicon.svg in headless Chromium. Run by hand when the icon changes; the PNGs are committed
// (browsers want PNG icons, and the demo's page decodes a PNG icon far cheaper than an SVG one).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, repoRoot } from '../tests/e2e/helpers.mjs';

const svg = readFileSync(join(repoRoot, 'web', 'demo', 'favicon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const icons = [16, 32, 48, 128].map((size) => [size, join(repoRoot, 'web', 'extension', 'icons', `icon-${size}.png`)]);
icons.push([64, join(repoRoot, 'web', 'demo', 'favicon.png')]);
for (const [size, path] of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path, omitBackground: true });
  await page.close();
}
await browser.close();
