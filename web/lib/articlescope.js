// ArticleScope: the one JavaScript entry point to the WebAssembly core. No dependencies; runs in browsers,
// workers and node. One call = one crossing into WebAssembly: the core returns the report as a JSON string.
import createArticleScopeCore from './dist/articlescope-core.mjs';
import { ArticleScopeError } from './errors.js';

export { ArticleScopeError };

const isNode = typeof process === 'object' && typeof process.versions === 'object' && !!process.versions.node;

// A null-prototype table: names such as "__proto__", "constructor" or "toString" are unknown options, not
// Object.prototype's members.
const OPTION_TYPES = Object.assign(Object.create(null), {
  format: 'string',
  clean: 'boolean',
  entities: 'boolean',
  policy: 'boolean',
  includeHtml: 'boolean',
  includeRemoved: 'boolean',
  remoteImages: 'boolean',
  maxInputBytes: 'number',
  url: 'string',
});
const FORMATS = ['auto', 'html', 'text'];

// Merges the caller's options over the core's defaults, refusing unknown names and wrong types (a typo such
// as include_html must not silently fall back to a default).
function resolveOptions(defaults, options) {
  if (options === undefined || options === null) return defaults;
  if (typeof options !== 'object') throw new ArticleScopeError('invalid_options', 'options must be an object');
  const resolved = { ...defaults };
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const type = OPTION_TYPES[name];
    if (!type) throw new ArticleScopeError('invalid_options', `unknown option ${JSON.stringify(name)}`);
    if (typeof value !== type) throw new ArticleScopeError('invalid_options', `option "${name}" must be a ${type}`);
    Object.defineProperty(resolved, name, { value, enumerable: true, writable: true, configurable: true });
  }
  if (!FORMATS.includes(resolved.format)) {
    throw new ArticleScopeError('invalid_options', `option "format" must be one of ${FORMATS.join(', ')}`);
  }
  if (!(resolved.maxInputBytes >= 1)) throw new ArticleScopeError('invalid_options', 'option "maxInputBytes" must be >= 1');
  return resolved;
}

function checkInput(input) {
  if (typeof input === 'string' || input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (input === undefined || input === null) throw new ArticleScopeError('empty_input', 'input is empty');
  throw new ArticleScopeError('invalid_input', 'input must be a string, a Uint8Array or an ArrayBuffer');
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// One analysis through the module's buffers: the input is encoded (or copied) straight into the module's
// memory and the report decoded straight out of it, with no per-character JavaScript loop. An input over
// maxInputBytes is refused here, before anything is copied: a string has at least one UTF-8 byte per UTF-16
// code unit, and one whose encoding does not fit a buffer of maxInputBytes is over it too. An input the
// module's memory cannot hold gets an internal_error report; nothing falls back to embind's string conversion.
function runCore(core, input, options) {
  const limit = options.maxInputBytes;
  if (input.length > limit) return core.tooLargeReport(input.length, limit);
  const isString = typeof input === 'string';
  // UTF-8 needs at most 3 bytes per UTF-16 code unit; one byte for the empty input.
  const capacity = Math.max(1, isString ? Math.min(input.length * 3, limit) : input.length);
  const address = core.inputBuffer(capacity);
  if (address === 0) return core.outOfMemoryReport(capacity);
  let length = input.length;
  if (isString) {
    const { read, written } = encoder.encodeInto(input, core.HEAPU8.subarray(address, address + capacity));
    if (read < input.length) return core.tooLargeReport(written, limit);
    length = written;
  } else {
    core.HEAPU8.set(input, address);
  }
  const size = core.analyseInput(length, options);
  const start = core.outputBuffer();  // read after the call: the memory may have grown (new HEAPU8)
  const json = decoder.decode(core.HEAPU8.subarray(start, start + size));
  core.releaseOutput();
  return json;
}

async function loadNodeWasm(wasmUrl) {
  const { readFile } = await import('node:fs/promises');
  return readFile(wasmUrl ?? new URL('./dist/articlescope-core.wasm', import.meta.url));
}

// Emscripten's hook for a module compiled elsewhere: instantiates `wasmModule` with the imports the loader
// gives. A failure rejects `failed` (the loader itself would wait for ever).
function instantiateCompiled(wasmModule, failed) {
  return (imports, receiveInstance) => {
    WebAssembly.instantiate(wasmModule, imports).then((instance) => receiveInstance(instance, wasmModule), failed);
    return {};  // the exports come later, through receiveInstance
  };
}

/**
 * Loads and instantiates the WebAssembly core.
 * opts.wasmUrl: where to fetch articlescope-core.wasm (default: next to dist/articlescope-core.mjs);
 * opts.wasmBinary: the module's bytes, when the caller already has them (node, extensions, tests);
 * opts.wasmModule: the module already compiled (a WebAssembly.Module of articlescope-core.wasm), say by a page
 * that started compiling it while its worker was still loading; instances of one Module share its compiled code.
 */
export async function createAnalyzer(opts = {}) {
  const moduleArgs = {};
  let instantiationFailed = null;
  const instantiation = new Promise((resolve, reject) => {
    instantiationFailed = reject;
  });
  let wasmBinary = opts.wasmBinary;
  if (opts.wasmModule) {
    if (!(opts.wasmModule instanceof WebAssembly.Module)) {
      throw new ArticleScopeError('invalid_options', 'wasmModule must be a WebAssembly.Module');
    }
    moduleArgs.instantiateWasm = instantiateCompiled(opts.wasmModule, instantiationFailed);
  } else {
    // Emscripten 3.1.6's node loader cannot fetch or read the module from an ES module: hand it the bytes.
    if (!wasmBinary && isNode) wasmBinary = await loadNodeWasm(opts.wasmUrl);
    if (wasmBinary) moduleArgs.wasmBinary = wasmBinary instanceof ArrayBuffer ? new Uint8Array(wasmBinary) : wasmBinary;
    else if (opts.wasmUrl) moduleArgs.locateFile = () => String(opts.wasmUrl);
  }
  moduleArgs.print = moduleArgs.printErr = () => {};  // the library never prints

  let core = await Promise.race([createArticleScopeCore(moduleArgs), instantiation]);
  const defaults = core.defaultOptions();

  return {
    /** Version of the core ("0.1.0"). */
    version: core.version(),
    /** Version of the report contract (report.version). */
    reportVersion: core.reportVersion,

    /** Analyses one input (HTML page or plain text). Returns the report; throws ArticleScopeError when refused. */
    analyze(input, options) {
      return this.analyzeWithJson(input, options).report;
    },

    /** As analyze(), also returning the report's JSON text (cheap to post between threads or to save). */
    analyzeWithJson(input, options) {
      if (!core) throw new ArticleScopeError('disposed', 'the analyzer was disposed');
      const resolved = resolveOptions(defaults, options);
      const json = runCore(core, checkInput(input), resolved);
      const report = JSON.parse(json);
      if (report.errors && report.errors.length > 0) {
        const [first] = report.errors;
        throw new ArticleScopeError(first.code, first.message, report);
      }
      return { report, json };
    },

    /** Memory of the WebAssembly instance: heapBytes (reserved, only grows), inUseBytes (allocated now). */
    memory() {
      if (!core) return { heapBytes: 0, inUseBytes: 0 };
      return { heapBytes: core.HEAP8.buffer.byteLength, inUseBytes: core.heapBytesInUse() };
    },

    /** Drops the instance; its memory is reclaimed by the garbage collector. */
    dispose() {
      core = null;
    },
  };
}
