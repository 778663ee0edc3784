// A small deterministic bundler for the project's own ES modules: joins an entry module and everything it
// imports into one file, each module in a function scope of its own, dependencies first (the order in which
// ES modules run). Two outputs:
//   classic: a classic script whose completion value is the entry's exports (the extension's content script
//            and settings page, see scripts/build-extension.mjs);
//   module:  one ES module that exports what the entry exports (the analysis worker and the demo page's
//            scripts, see scripts/bundle-web.mjs); `import.meta.url` of each module is rewritten to that
//            module's own URL, relative to where the bundle is written, so that what a module finds next to
//            itself (the Emscripten loader's .wasm, a stylesheet) is still found. Modules named `external`
//            are not joined: the bundle imports them (another bundle whose module instance it must share).
// It supports exactly the module syntax the project (and Emscripten's -sEXPORT_ES6 loader) uses, and refuses
// anything else loudly, since a silently wrong bundle would break pages: `import { a, b as c } from './x.js'`,
// a default import (of a module's `export default`, or of a .css file: its text), `export
// function|async function|class|const|let NAME`, `export { a, b as c }`; in module output also side-effect
// imports (`import './x.js'`), `export default NAME`, `import.meta.url`, dynamic imports of node's built-in
// modules (`import('node:fs/promises')`, left as they are: only node runs them) and of external modules (their
// path made relative to the bundle). Each module must compile
// as a function body (no top-level await).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What bundle() writes in place of `import.meta.url` in a module of a module bundle. */
const MODULE_URL = 'bundledModuleUrl';

function bundleError(path, message) {
  return new Error(`bundle: ${relative(repoRoot, path)}: ${message}`);
}

// The content script's sheets go into a shadow root inside someone else's page, where rem follows the page's
// root font size (a page may set 40px): rem becomes px at the usual 16 px.
function cssModule(source) {
  const css = source.replace(/(\d*\.?\d+)rem\b/g, (_, number) => `${+(Number(number) * 16).toFixed(2)}px`);
  return `return { default: ${JSON.stringify(css)} };`;
}

/**
 * Joins the ES module `entry` and everything it imports into one script.
 * opts.format: 'classic' (default; the completion value is the entry's exports) or 'module' (an ES module that
 *   exports what the entry exports); opts.outFile: where a module bundle will be written (its
 *   `import.meta.url` rewriting and its imports of externals are relative to it); opts.external: {module
 *   path: path of its bundle}, modules the bundle imports (from their bundle) instead of joining;
 *   opts.what: named in the header line.
 */
export function bundle(entry, { format = 'classic', outFile = null, what = 'content script', external = {} } = {}) {
  const isModule = format === 'module';
  if (!isModule && format !== 'classic') throw new Error(`bundle: unknown format "${format}"`);
  if (isModule && !outFile) throw new Error('bundle: a module bundle needs opts.outFile');
  const externals = new Map(Object.entries(external).map(([path, bundled]) => [resolve(path), resolve(bundled)]));
  if (!isModule && externals.size > 0) throw new Error('bundle: only a module bundle imports externals');
  // The URL of `path` relative to the bundle's own, for import.meta.url and the imports of externals.
  const urlFromBundle = (path) => {
    const url = relative(dirname(resolve(outFile)), path).split(sep).join('/');
    return url.startsWith('.') ? url : `./${url}`;
  };
  const modules = new Map();  // absolute path -> { name, path, code, exported } (joined) or { name, path, external }
  const visiting = new Set();

  function javascriptModule(path, source) {
    const refused = [
      [/^\s*export\s*\*/m, 'export *'],
      [/^\s*export\s*\{[^}]*\}\s*from\b/m, 're-export'],
      [/^\s*export\s+(const|let|var)\s*[{[]/m, 'exported destructuring'],
      [/^\s*import\s*\*/m, 'namespace import'],
    ];
    if (!isModule) {
      refused.push(
        [/^\s*export\s+default\b/m, 'export default'],
        [/^\s*import\s*['"]/m, 'side-effect import'],
        [/\bimport\s*\(/, 'dynamic import'],
        [/\bimport\.meta\b/, 'import.meta'],
      );
    } else {
      refused.push(
        [/^\s*export\s+default\s+(?![A-Za-z_$][\w$]*\s*;?\s*$)/m, 'export default of an expression'],
        [/\bimport\s*\(\s*(?!['"](?:node:|\.)|\/\*external\*\/)/, 'dynamic import (only of node: modules and externals)'],
        [/\bimport\s*\(\s*['"]\.[^'"]*['"]\s*\)/, 'dynamic import of a module that is not external'],
        [/\bimport\.meta(?!\.url\b)/, 'import.meta other than import.meta.url'],
        [new RegExp(`\\b${MODULE_URL}\\b`), `the name ${MODULE_URL}, which the bundler uses`],
      );
    }
    // In a module bundle, a dynamic import of an external module ("await import('../lib/x.js')") imports it
    // from its bundle's place, relative to this bundle; any other dynamic import is refused below.
    if (isModule) {
      source = source.replace(/\bimport\(\s*(['"])(\.[^'"]+)\1\s*\)/g, (whole, _, specifier) => {
        const target = resolve(dirname(path), specifier);
        return externals.has(target) ? `import(/*external*/ ${JSON.stringify(urlFromBundle(externals.get(target)))})` : whole;
      });
    }
    for (const [pattern, what] of refused) {
      if (pattern.test(source)) throw bundleError(path, `unsupported module syntax: ${what}`);
    }
    const exported = [];
    // In source order: a module's imports run in the order they are written.
    let code = source.replace(/^import\s+(?:([^;'"]*?)\s+from\s+)?(['"])([^'"]+)\2;?[ \t]*$/gm, (_, clause, __, specifier) => {
      if (!specifier.startsWith('.')) throw bundleError(path, `bare import "${specifier}"`);
      const target = load(resolve(dirname(path), specifier));
      if (clause === undefined) return '';  // a side-effect import: the module has run, before this one
      clause = clause.trim();
      if (/^[A-Za-z_$][\w$]*$/.test(clause)) {
        if (!specifier.endsWith('.css') && !isModule) throw bundleError(path, `default import of "${specifier}"`);
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
    code = code.replace(/^export\s+default\s+([A-Za-z_$][\w$]*)\s*;?\s*$/gm, (_, name) => {
      exported.push(`default: ${name}`);
      return '';
    });
    if (/^\s*(export|import)\b/m.test(code)) throw bundleError(path, 'an import or export the bundler does not understand');
    try {
      new vm.Script(`(() => {\n${code.replace(/\bimport\.meta\.url\b/g, MODULE_URL)}\n})`);  // compiled, not run
    } catch (error) {
      throw bundleError(path, `does not compile inside a function (a top-level await?): ${error.message}`);
    }
    if (isModule && /\bimport\.meta\.url\b/.test(code)) {
      const url = JSON.stringify(urlFromBundle(path));
      code = `const ${MODULE_URL} = new URL(${url}, import.meta.url).href;\n${code.replace(/\bimport\.meta\.url\b/g, MODULE_URL)}`;
    }
    return { code: `${code}\nreturn { ${exported.join(', ')} };`, exported };
  }

  function load(path) {
    if (modules.has(path)) return modules.get(path).name;
    if (externals.has(path)) {
      const name = `module${modules.size}`;
      modules.set(path, { name, path, external: urlFromBundle(externals.get(path)) });
      return name;
    }
    if (visiting.has(path)) throw bundleError(path, 'circular import');
    if (!existsSync(path)) throw bundleError(path, 'imported file does not exist');
    visiting.add(path);
    const source = readFileSync(path, 'utf8');
    const { code, exported } = path.endsWith('.css') ? { code: cssModule(source), exported: ['default'] } : javascriptModule(path, source);
    visiting.delete(path);
    const name = `module${modules.size}`;
    modules.set(path, { name, code, path, exported });
    return name;
  }

  const entryName = load(resolve(entry));
  const joined = [...modules.values()].filter((m) => !m.external);
  const parts = joined.map(({ name, code, path }) => `// ${relative(repoRoot, path)}\nconst ${name} = (() => {\n${code}\n})();\n`);
  const header = `// ArticleScope ${what}: generated by scripts/bundle.mjs from ${relative(repoRoot, entry)}.\n`;
  if (isModule) {
    const imports = [...modules.values()].filter((m) => m.external).map((m) => `import * as ${m.name} from ${JSON.stringify(m.external)};\n`);
    const names = modules.get(resolve(entry)).exported.map((e) => e.split(':')[0].trim());
    const named = names.filter((n) => n !== 'default');
    const exports = [
      ...(named.length > 0 ? [`export const { ${named.join(', ')} } = ${entryName};\n`] : []),
      ...(names.includes('default') ? [`export default ${entryName}.default;\n`] : []),
    ];
    return `${header}${imports.join('')}${parts.join('\n')}${exports.join('')}`;
  }
  // The script's completion value is the entry module's exports (what executeScript hands back).
  return `${header}(() => {\n'use strict';\n${parts.join('\n')}return ${entryName};\n})();\n`;
}
