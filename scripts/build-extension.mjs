#!/usr/bin/env node
// Builds the browser extension from web/extension/ and the WebAssembly module in web/lib/dist/ (so run
// `scripts/build.sh wasm` first; it runs this script itself as its last step):
//
//   build/extension/chromium/  + build/extension/articlescope-chromium.zip   (Manifest V3, service worker)
//   build/extension/firefox/   + build/extension/articlescope-firefox.zip    (Manifest V3, event page)
//
// One source tree: the browsers differ only in the manifest's background entry and Firefox's add-on id.
// The content script is injected as a classic script, so its ES modules (web/extension/content/, web/lib,
// web/ui) are joined into one content.js by the small bundler below, and so are the settings page's (it
// shares web/ui's labels, which live outside the extension's folder); the background loads web/lib's modules
// as they are (copied to lib/). The zips are deterministic (sorted entries, fixed timestamps).
//
//   node scripts/build-extension.mjs [--out DIR]
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(repoRoot, 'web', 'extension');
const libDir = join(repoRoot, 'web', 'lib');

/** The Firefox add-on id (needed for storage; the same on every build so settings survive updates). */
export const FIREFOX_ADDON_ID = 'articlescope@articlescope.invalid';

// ---- The content-script bundler ----
// Supports exactly the module syntax the project uses, and refuses anything else loudly (a silently wrong
// bundle would break pages): `import { a, b as c } from './x.js'`, a default import of a .css file (its text),
// `export function|async function|class|const|let NAME`, `export { a, b as c }`.

function bundleError(path, message) {
  return new Error(`build-extension: ${relative(repoRoot, path)}: ${message}`);
}

/** Joins the ES module `entry` and everything it imports into one classic script. */
export function bundle(entry, what = 'content script') {
  const modules = new Map();  // absolute path -> { name, code }
  const visiting = new Set();

  function load(path) {
    if (modules.has(path)) return modules.get(path).name;
    if (visiting.has(path)) throw bundleError(path, 'circular import');
    if (!existsSync(path)) throw bundleError(path, 'imported file does not exist');
    visiting.add(path);
    const source = readFileSync(path, 'utf8');
    let code;
    if (path.endsWith('.css')) {
      // The content script's sheets go into a shadow root inside someone else's page, where rem follows the
      // page's root font size (a page may set 40px): rem becomes px at the usual 16 px.
      const css = source.replace(/(\d*\.?\d+)rem\b/g, (_, number) => `${+(Number(number) * 16).toFixed(2)}px`);
      code = `return { default: ${JSON.stringify(css)} };`;
    } else {
      for (const [pattern, what] of [
        [/^\s*export\s+default\b/m, 'export default'],
        [/^\s*export\s*\*/m, 'export *'],
        [/^\s*export\s*\{[^}]*\}\s*from\b/m, 're-export'],
        [/^\s*export\s+(const|let|var)\s*[{[]/m, 'exported destructuring'],
        [/^\s*import\s*\*/m, 'namespace import'],
        [/^\s*import\s*['"]/m, 'side-effect import'],
        [/\bimport\s*\(/, 'dynamic import'],
        [/\bimport\.meta\b/, 'import.meta'],
      ]) {
        if (pattern.test(source)) throw bundleError(path, `unsupported module syntax: ${what}`);
      }
      const exported = [];
      code = source.replace(/^import\s+([^;]*?)\s+from\s+(['"])([^'"]+)\2;?[ \t]*$/gm, (_, clause, __, specifier) => {
        if (!specifier.startsWith('.')) throw bundleError(path, `bare import "${specifier}"`);
        const target = load(resolve(dirname(path), specifier));
        clause = clause.trim();
        if (/^[A-Za-z_$][\w$]*$/.test(clause)) {
          if (!specifier.endsWith('.css')) throw bundleError(path, `default import of "${specifier}"`);
          return `const ${clause} = ${target}.default;`;
        }
        const named = /^\{([^}]*)\}$/.exec(clause);
        if (!named) throw bundleError(path, `unsupported import clause "${clause}"`);
        const bindings = named[1]
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => part.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2'));
        return `const { ${bindings.join(', ')} } = ${target};`;
      });
      code = code.replace(/^export\s+((?:async\s+)?function\s*\*?\s*|class\s+|const\s+|let\s+)([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
        exported.push(name);
        return `${kind}${name}`;
      });
      code = code.replace(/^export\s*\{([^}]*)\};?/gm, (_, list) => {
        for (const part of list.split(',').map((p) => p.trim()).filter(Boolean)) {
          const alias = /^([\w$]+)\s+as\s+([\w$]+)$/.exec(part);
          exported.push(alias ? `${alias[2]}: ${alias[1]}` : part);
        }
        return '';
      });
      if (/^\s*(export|import)\b/m.test(code)) throw bundleError(path, 'an import or export the bundler does not understand');
      code += `\nreturn { ${exported.join(', ')} };`;
    }
    visiting.delete(path);
    const name = `module${modules.size}`;
    modules.set(path, { name, code, path });
    return name;
  }

  const entryName = load(resolve(entry));
  const parts = [...modules.values()].map(
    ({ name, code, path }) => `// ${relative(repoRoot, path)}\nconst ${name} = (() => {\n${code}\n})();\n`,
  );
  // The script's completion value is the entry module's exports (what executeScript hands back).
  return `// ArticleScope ${what}: generated by scripts/build-extension.mjs from ${relative(repoRoot, entry)}.\n(() => {\n'use strict';\n${parts.join('\n')}return ${entryName};\n})();\n`;
}

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
  const settingsScript = bundle(join(sourceDir, 'settings', 'settings.js'), 'settings page');
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
