#!/usr/bin/env node
// Prints the download budget of the WebAssembly build: what a browser transfers to run an analysis
// (the .wasm, the generated loader, the web/lib wrapper modules and the worker bundle), raw and gzip-compressed.
// usage: node scripts/wasm-size.mjs [DIST_DIR] [--json] [--strict]
//   DIST_DIR defaults to web/lib/dist; --strict exits 1 when the gzip total is over the budget.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUDGET_GZIP_BYTES = 600 * 1024;
/** The widget (the core above plus its own modules and stylesheets): the project's 600 KB ceiling. */
export const WIDGET_BUDGET_GZIP_BYTES = 600 * 1024;

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const libDir = join(repoDir, 'web', 'lib');

/** Sizes of every shipped file: the module in distDir and the wrapper modules in web/lib. */
export function measure(distDir = join(libDir, 'dist')) {
  const wrapper = readdirSync(libDir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(libDir, name));
  // The worker bundle (dist/worker.js) repeats the loader and wrapper modules: counted too, since a page may
  // load either (the worker the bundle, the main-thread fallback the modules).
  const files = [join(distDir, 'articlescope-core.wasm'), join(distDir, 'articlescope-core.mjs'), join(distDir, 'worker.js'), ...wrapper];
  const rows = files.filter(existsSync).map((file) => {
    const bytes = readFileSync(file);
    return { file, kind: file.endsWith('.wasm') ? 'wasm' : 'js', raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (kind, key) => rows.filter((r) => !kind || r.kind === kind).reduce((n, r) => n + r[key], 0);
  return {
    files: rows,
    wasm: { raw: sum('wasm', 'raw'), gzip: sum('wasm', 'gzip') },
    js: { raw: sum('js', 'raw'), gzip: sum('js', 'gzip') },
    total: { raw: sum(null, 'raw'), gzip: sum(null, 'gzip') },
    budgetGzip: BUDGET_GZIP_BYTES,
  };
}

// What a page loads for <article-scope> beyond web/lib: the widget's bundle (web/widget/dist/article-scope.js,
// written by scripts/bundle-web.mjs: web/widget and web/ui in one file without comments and layout, local
// names shortened, the script tag's src) and the stylesheets its modules resolve with new URL('x.css', ...),
// found by following the sources' imports: the bundle loads the copies bundle-web.mjs writes beside it
// (without comments and layout).
// Without the bundle (no WebAssembly build yet) the source modules and stylesheets themselves.
export const widgetBundle = join(repoDir, 'web', 'widget', 'dist', 'article-scope.js');
/** The widget's source files: the modules article-scope.js imports, transitively, and their stylesheets. */
export function widgetSources(entry = join(repoDir, 'web', 'widget', 'article-scope.js')) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file) || file.startsWith(libDir)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const source = readFileSync(file, 'utf8');
    const references = /(?:from\s+|import\s*\(\s*|new URL\(\s*)'(\.{1,2}\/[^']+\.(?:js|css))'/g;
    for (const [, path] of source.matchAll(references)) visit(join(dirname(file), path));
  };
  visit(entry);
  return [...seen];
}

function widgetFiles() {
  const files = widgetSources();
  if (!existsSync(widgetBundle)) return files;
  const copies = files.filter((f) => f.endsWith('.css')).map((f) => join(dirname(widgetBundle), basename(f)));
  return [widgetBundle, ...copies];
}

/** The widget's download: the core (measure()) plus widgetFiles(), gzip each. */
export function measureWidget(distDir = join(libDir, 'dist')) {
  const core = measure(distDir);
  const files = widgetFiles().map((file) => {
    const bytes = readFileSync(file);
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const own = files.reduce((n, r) => n + r.gzip, 0);
  return { files, ownGzip: own, total: { gzip: core.total.gzip + own }, budgetGzip: WIDGET_BUDGET_GZIP_BYTES };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const distDir = args.find((a) => !a.startsWith('--')) ?? join(libDir, 'dist');
  if (!existsSync(join(distDir, 'articlescope-core.wasm'))) {
    console.error(`wasm-size: no articlescope-core.wasm in ${distDir}: build the wasm preset first`);
    process.exit(2);
  }
  const m = measure(distDir);
  const within = m.total.gzip <= m.budgetGzip;
  if (args.includes('--json')) {
    console.log(JSON.stringify(m));
  } else {
    console.log('ArticleScope download budget (gzip -9):');
    for (const r of m.files) {
      console.log(`  ${relative(repoDir, r.file).padEnd(44)} raw ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}`);
    }
    console.log(`  wasm: raw ${kb(m.wasm.raw)}, gzip ${kb(m.wasm.gzip)}; js: raw ${kb(m.js.raw)}, gzip ${kb(m.js.gzip)}`);
    console.log(`  total transferred (gzip): ${kb(m.total.gzip)} of ${kb(m.budgetGzip)} budget: ${within ? 'OK' : 'OVER BUDGET'}`);
    const w = measureWidget(distDir);
    const widgetWithin = w.total.gzip <= w.budgetGzip;
    console.log(
      `  widget (<article-scope>): ${w.files.map((r) => relative(repoDir, r.file)).join(', ')}, gzip ${kb(w.ownGzip)}; ` +
        `with the core ${kb(w.total.gzip)} of ${kb(w.budgetGzip)}: ${widgetWithin ? 'OK' : 'OVER BUDGET'}`,
    );
  }
  if (args.includes('--strict') && !within) process.exit(1);
}
