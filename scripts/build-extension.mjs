#!/usr/bin/env node
// Builds the browser extension from web/extension/ and the WebAssembly module in web/lib/dist/ (so run
// `scripts/build.sh wasm` first; it runs this script itself as its last step):
//
//   build/extension/chromium/  + build/extension/articlescope-chromium.zip   (Manifest V3, service worker)
//   build/extension/firefox/   + build/extension/articlescope-firefox.zip    (Manifest V3, event page)
//
// One source tree: the browsers differ only in the manifest's background entry and Firefox's add-on id.
// The content script is injected as a classic script, so its ES modules (web/extension/content/, web/lib,
// web/ui) are joined into one content.js by scripts/bundle.mjs, and so are the settings page's (it shares
// web/ui's labels, which live outside the extension's folder); the background loads web/lib's modules as they
// are (copied to lib/). The zips are deterministic (sorted entries, fixed timestamps).
//
//   node scripts/build-extension.mjs [--out DIR]
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

import { bundle } from './bundle.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(repoRoot, 'web', 'extension');
const libDir = join(repoRoot, 'web', 'lib');

/** The Firefox add-on id (needed for storage; the same on every build so settings survive updates). */
export const FIREFOX_ADDON_ID = 'articlescope@articlescope.invalid';

// ---- A deterministic zip writer (deflate; no external tool) ----

/** A .zip archive of `files` ([{name, data: Buffer}]), entries sorted, all dated 1980-01-01. */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const { name, data } of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 9 });
    const checksum = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);        // version needed
    local.writeUInt16LE(0x0800, 6);    // UTF-8 names
    local.writeUInt16LE(8, 8);         // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);      // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

// ---- The two builds ----

/** The manifest for one browser, from the Chromium-shaped web/extension/manifest.json. */
export function manifestFor(browser) {
  const manifest = JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'));
  if (browser === 'firefox') {
    manifest.background = { scripts: ['background.js'], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: { id: FIREFOX_ADDON_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
    };
  }
  return manifest;
}

function listFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

function build(outDir) {
  const wasm = join(libDir, 'dist', 'articlescope-core.wasm');
  if (!existsSync(wasm)) throw new Error('build-extension: web/lib/dist/ is missing: run `scripts/build.sh wasm` first');
  const contentScript = bundle(join(sourceDir, 'content', 'main.js'));
  const settingsScript = bundle(join(sourceDir, 'settings', 'settings.js'), { what: 'settings page' });
  mkdirSync(outDir, { recursive: true });
  const results = [];
  for (const browser of ['chromium', 'firefox']) {
    const dir = join(outDir, browser);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(browser), null, 2)}\n`);
    writeFileSync(join(dir, 'content.js'), contentScript);
    cpSync(join(sourceDir, 'background.js'), join(dir, 'background.js'));
    mkdirSync(join(dir, 'settings'));
    for (const file of ['settings.html', 'settings.css']) cpSync(join(sourceDir, 'settings', file), join(dir, 'settings', file));
    writeFileSync(join(dir, 'settings', 'settings.js'), settingsScript);
    cpSync(join(sourceDir, 'icons'), join(dir, 'icons'), { recursive: true });
    mkdirSync(join(dir, 'lib', 'dist'), { recursive: true });
    for (const file of ['articlescope.js', 'errors.js']) cpSync(join(libDir, file), join(dir, 'lib', file));
    for (const file of ['articlescope-core.mjs', 'articlescope-core.wasm']) {
      cpSync(join(libDir, 'dist', file), join(dir, 'lib', 'dist', file));
    }
    const files = listFiles(dir).map((name) => ({ name: name.split('\\').join('/'), data: readFileSync(join(dir, name)) }));
    const archive = join(outDir, `articlescope-${browser}.zip`);
    writeFileSync(archive, zip(files));
    results.push({ browser, dir, archive, files: files.length, bytes: readFileSync(archive).length });
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const outDir = at > 0 ? resolve(process.argv[at + 1]) : join(repoRoot, 'build', 'extension');
  try {
    for (const { browser, dir, archive, files, bytes } of build(outDir)) {
      console.log(`extension (${browser}): ${relative(repoRoot, dir)}/ and ${relative(repoRoot, archive)} (${files} files, ${(bytes / 1024).toFixed(1)} KB)`);
    }
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
