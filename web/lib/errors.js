// The error class of the whole API, in a module of its own: the page side of the worker (worker-client.js)
// needs it without downloading the WebAssembly loader that only the worker runs.

/** An analysis that the core refused (empty, binary or oversized input, bad options) or a misuse of the API. */
export class ArticleScopeError extends Error {
  constructor(code, message, report = null) {
    super(message);
    this.name = 'ArticleScopeError';
    /** The report's error code ("empty_input", "binary_input", ...) or a wrapper code ("invalid_input", "disposed"). */
    this.code = code;
    /** The full report of a refused analysis (null when the core was not called). */
    this.report = report;
  }
}
