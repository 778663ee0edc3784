// The browser extension's build and its pure parts, under node: the manifests (permissions, CSP, no host
// access), the built folders and zips, the content-script bundler, the reader view's sanitiser and the
// settings. The extension in real browsers is tested by tests/e2e/extension.*.test.mjs.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { inflateRawSync } from 'node:zlib';
import { DOMParser, parseHTML } from 'linkedom';

import { manifestFor, zip } from '../../scripts/build-extension.mjs';
import { bundle } from '../../scripts/bundle.mjs';
import { appendReader, safeHttpUrl } from '../../web/extension/content/reader.js';
import { DEFAULT_SETTINGS, contrastRatio, normaliseSettings, textColourOn } from '../../web/extension/settings/defaults.js';
import { repoDir } from './support/paths.mjs';

const BROWSERS = ['chromium', 'firefox'];

/** The entries of a zip archive: name -> bytes (deflate or stored). */
function readZip(buffer) {
  const entries = new Map();
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const method = buffer.readUInt16LE(at + 8);
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extraLength = buffer.readUInt16LE(at + 28);
    const name = buffer.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extraLength;
    const data = buffer.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at = start + size;
  }
  return entries;
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)));
}

test('each manifest asks only for activeTab, scripting and storage, with the strict extension CSP', () => {
  for (const browser of BROWSERS) {
    const manifest = manifestFor(browser);
    assert.equal(manifest.manifest_version, 3);
    assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'scripting', 'storage']);
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'web_accessible_resources', 'externally_connectable', 'update_url']) {
      assert.equal(manifest[key], undefined, `${browser}: ${key}`);
    }
    assert.match(manifest.content_security_policy.extension_pages, /^script-src 'self' 'wasm-unsafe-eval';/);
    assert.ok(manifest.commands._execute_action.suggested_key.default);
  }
  assert.deepEqual(manifestFor('chromium').background, { service_worker: 'background.js', type: 'module' });
  assert.deepEqual(manifestFor('firefox').background, { scripts: ['background.js'], type: 'module' });
  assert.match(manifestFor('firefox').browser_specific_settings.gecko.id, /@/);
});

const built = BROWSERS.every((browser) => existsSync(join(repoDir, 'build', 'extension', browser, 'manifest.json')));
test('the build gives a folder and a matching zip per browser, with the WebAssembly of the same build', { skip: !built && 'run `scripts/build.sh wasm` first' }, () => {
  const wasm = readFileSync(join(repoDir, 'web', 'lib', 'dist', 'articlescope-core.wasm'));
  for (const browser of BROWSERS) {
    const dir = join(repoDir, 'build', 'extension', browser);
    const files = listFiles(dir).sort();
    for (const needed of ['manifest.json', 'background.js', 'content.js', 'lib/articlescope.js', 'lib/errors.js', 'lib/dist/articlescope-core.mjs', 'lib/dist/articlescope-core.wasm', 'settings/settings.html', 'settings/settings.js', 'icons/icon-128.png']) {
      assert.ok(files.includes(needed), `${browser}: ${needed}`);
    }
    assert.ok(readFileSync(join(dir, 'lib', 'dist', 'articlescope-core.wasm')).equals(wasm), `${browser}: same WebAssembly`);
    const entries = readZip(readFileSync(join(repoDir, 'build', 'extension', `articlescope-${browser}.zip`)));
    assert.deepEqual([...entries.keys()].sort(), files);
    for (const file of files) assert.ok(entries.get(file).equals(readFileSync(join(dir, file))), `${browser} zip: ${file}`);
    // No code is evaluated from strings anywhere in what ships (the CSP would refuse it anyway).
    for (const file of files.filter((f) => /\.(m?js)$/.test(f))) {
      const source = readFileSync(join(dir, file), 'utf8');
      assert.doesNotMatch(source, /\beval\(|new Function\(|importScripts\(/, `${browser}: ${file}`);
    }
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')), manifestFor(browser));
  }
});

test('the zip writer is deterministic and round-trips', () => {
  const files = [
    { name: 'b/x.txt', data: Buffer.from('second') },
    { name: 'a.txt', data: Buffer.from('first '.repeat(100)) },
  ];
  const archive = zip(files);
  assert.ok(archive.equals(zip([...files].reverse())));
  const entries = readZip(archive);
  assert.deepEqual([...entries.keys()], ['a.txt', 'b/x.txt']);
  assert.equal(entries.get('a.txt').toString(), 'first '.repeat(100));
});

test('the bundler joins named imports and CSS into one classic script, and refuses what it does not handle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'articlescope-bundle-'));
  try {
    writeFileSync(join(dir, 'a.js'), "export function twice(x) {\n  return 2 * x;\n}\nexport const NAME = 'a';\n");
    writeFileSync(join(dir, 'b.css'), '.x { font-size: 0.75rem; margin: 2rem; }\n');
    writeFileSync(join(dir, 'main.js'), "import { twice, NAME as label } from './a.js';\nimport css from './b.css';\nexport const result = `${label}:${twice(21)}:${css.trim()}`;\n");
    const script = bundle(join(dir, 'main.js'));
    const value = vm.runInNewContext(script);
    assert.equal(value.result, 'a:42:.x { font-size: 12px; margin: 32px; }');
    for (const [source, message] of [
      ['export default 1;\n', /export default/],
      ["import * as all from './a.js';\n", /namespace import/],
      ['const m = import("./a.js");\n', /dynamic import/],
      ["import { x } from 'somewhere';\n", /bare import/],
      ['const here = import.meta.url;\n', /import\.meta/],
    ]) {
      writeFileSync(join(dir, 'bad.js'), source);
      assert.throws(() => bundle(join(dir, 'bad.js')), message);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the reader view recreates only safe markup: no script, events, styles or non-http(s) URLs', () => {
  const { document } = parseHTML('<!doctype html><html><body><div id="out"></div></body></html>');
  globalThis.DOMParser = DOMParser;
  try {
    const out = document.getElementById('out');
    const hostile = [
      '<h2 onclick="alert(1)" style="color:red" class="x">Heading</h2>',
      '<p>Text <a href="javascript:alert(1)">js link</a> <a href="data:text/html,x">data link</a>',
      '<a href="/news/other" onmouseover="alert(2)">relative link</a> <a href="https://example.org/a">web link</a></p>',
      '<script>alert(3)</script><style>p{}</style><iframe src="https://example.org"></iframe>',
      '<img src="https://img.example/loaded.jpg" onerror="alert(4)" alt="kept"><img src="https://img.example/other.jpg">',
      '<img src="data:image/png;base64,AAAA"><svg onload="alert(5)"><circle/></svg>',
      '<div><section><span>unwrapped text</span></section></div><table><tr><td colspan="2" onclick="x">cell</td></tr></table>',
    ].join('');
    appendReader(out, hostile, {
      pageUrl: 'https://news.example/story',
      imageUrls: new Set(['https://img.example/loaded.jpg']),
    });
    const html = out.innerHTML;
    assert.doesNotMatch(html, /script|style=|onclick|onerror|onload|onmouseover|iframe|svg|javascript:|data:|class=/i);
    assert.deepEqual([...out.querySelectorAll('a')].map((a) => a.getAttribute('href')), [null, null, 'https://news.example/news/other', 'https://example.org/a']);
    assert.deepEqual([...out.querySelectorAll('img')].map((i) => i.getAttribute('src')), ['https://img.example/loaded.jpg']);
    assert.match(out.textContent, /Heading.*js link.*unwrapped text.*cell/s);
    assert.equal(out.querySelector('td').getAttribute('colspan'), '2');
  } finally {
    delete globalThis.DOMParser;
  }
  assert.equal(safeHttpUrl('javascript:alert(1)', 'https://a.example/'), null);
  assert.equal(safeHttpUrl('//cdn.example/x.png', 'https://a.example/'), 'https://cdn.example/x.png');
  assert.equal(safeHttpUrl('x.png', 'about:blank'), null);
});

test('settings: anything stored is normalised; every default colour reads at 4.5:1 or better', () => {
  assert.deepEqual(normaliseSettings(null), normaliseSettings({}));
  const odd = normaliseSettings({ entityTypes: { PERSON: false, NOPE: true, DATE: 'no' }, colours: { ORG: 'red', MONEY: '#ABCDEF' }, statuses: 5 });
  assert.equal(odd.entityTypes.PERSON, false);
  assert.equal(odd.entityTypes.DATE, true);
  assert.equal(odd.entityTypes.NOPE, undefined);
  assert.equal(odd.colours.ORG, DEFAULT_SETTINGS.colours.ORG);
  assert.equal(odd.colours.MONEY, '#abcdef');
  assert.deepEqual(odd.statuses, DEFAULT_SETTINGS.statuses);
  for (const [key, colour] of Object.entries(DEFAULT_SETTINGS.colours)) {
    assert.ok(contrastRatio(colour, textColourOn(colour)) >= 4.5, key);
  }
  // A colour picked by the user gets whichever text colour reads better: dark on light, white on dark.
  assert.equal(textColourOn('#202040'), '#ffffff');
  assert.equal(textColourOn('#ffe680'), '#111111');
});
