// TypeScript declarations for web/widget/article-scope.js: the <article-scope> element and its events.
// Importing the module (for its side effect) defines the element: import 'articlescope/widget';
import type { ErrorCode, Report } from '../lib/index.js';

/** Codes of articlescope:error: the core's refusals and the widget's own. */
export type ArticleScopeWidgetErrorCode =
  | ErrorCode
  | 'invalid_input'
  /** The page's Content Security Policy forbids WebAssembly ('wasm-unsafe-eval' missing from script-src). */
  | 'csp_blocks_wasm'
  /** The browser has no WebAssembly. */
  | 'wasm_unavailable'
  /** The analyser could not be loaded (network, CORS, MIME type). */
  | 'load_failed'
  /** Nothing to analyse: the `for` selector is invalid or matches nothing. */
  | 'no_source'
  /** The `src` URL could not be read (network, HTTP status, CORS, not http(s)). */
  | 'fetch_failed';

/** detail of the articlescope:result event. */
export interface ArticleScopeResultDetail {
  report: Report;
}

/** detail of the articlescope:error event. */
export interface ArticleScopeErrorDetail {
  code: ArticleScopeWidgetErrorCode;
  message: string;
  /** The refused report when the core refused the input, else null. */
  report: Report | null;
}

/** An analysis that failed: analyze() rejects with it. */
export interface ArticleScopeWidgetError extends Error {
  code: ArticleScopeWidgetErrorCode;
  report: Report | null;
}

/**
 * <article-scope>. Attributes: for (CSS selector), src (URL), format ('auto' | 'html' | 'text'), highlight
 * ('' | 'all' | 'policy' | 'entities'), open, theme ('light' | 'dark').
 */
export interface ArticleScopeElement extends HTMLElement {
  /** The latest report, or null (none yet, or the analysis failed). */
  readonly report: Report | null;
  /** Text or HTML to analyse instead of the page; null: src, a template child, for, or the default article. */
  text: string | null;
  /** Analyses now: resolves to the report, rejects with an ArticleScopeWidgetError. */
  analyze(): Promise<Report>;
  addEventListener<K extends keyof ArticleScopeEventMap>(
    type: K,
    listener: (this: ArticleScopeElement, event: ArticleScopeEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

export interface ArticleScopeEventMap extends HTMLElementEventMap {
  'articlescope:result': CustomEvent<ArticleScopeResultDetail>;
  'articlescope:error': CustomEvent<ArticleScopeErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-scope': ArticleScopeElement;
  }
  interface DocumentEventMap {
    'articlescope:result': CustomEvent<ArticleScopeResultDetail>;
    'articlescope:error': CustomEvent<ArticleScopeErrorDetail>;
  }
}
