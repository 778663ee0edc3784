// TypeScript declarations for web/lib: the analyzer, the worker analyzer, highlighting, and the report.
// Offsets (start, end) are UTF-16 code units into report.article.text: text.slice(start, end) === span.text.

// ---------------------------------------------------------------------------------------------------------
// The report (version 1). The core writes it (core/src/report/); field names are snake_case as in the JSON.

export type EntityType = 'PERSON' | 'ORG' | 'LOCATION' | 'NORP' | 'DATE' | 'MONEY' | 'QUANTITY' | 'WEAPON';
export type BlockKind = 'heading' | 'paragraph' | 'list_item' | 'quote' | 'caption' | 'preformatted' | 'table_row';
export type ProvisionStatus = 'allowed' | 'prohibited' | 'excluded' | 'lifted' | 'imposed' | 'proposed';
export type ScopeKind = 'location' | 'restriction' | 'instance' | 'exception' | 'condition' | 'time' | 'target';
export type ProvisionFlag = 'attributed' | 'hedged' | 'conditional' | 'future' | 'question' | 'quoted' | 'historical' | 'negated';

/** Codes of report.errors (the analysis was refused) and report.warnings (it went ahead). */
export type ErrorCode = 'empty_input' | 'binary_input' | 'input_too_large' | 'invalid_options' | 'internal_error';
export type WarningCode = 'invalid_utf8' | 'transcoded' | 'not_readerable' | 'truncated' | 'language_unsupported';

/** A piece of article.text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Heading level 1-6; 0 for other kinds. */
  level: number;
}

/** Something the cleaner dropped (navigation, related links, share bars, ...), for a "removed" view. */
export interface Removed {
  reason: string;
  /** Its text, shortened. */
  text: string;
}

/** A picture of the article with its caption and photo credit; neither is part of Article.text. */
export interface Figure {
  /** The caption without its credit; null when there is none or when an earlier figure has the same one. */
  caption: string | null;
  /** The photo credit ("Photo: Jane Doe / Agency"), null when none. */
  credit: string | null;
  /** The image URL, resolved against the page (or the url option); null when none. */
  image: string | null;
}

export interface Article {
  title: string | null;
  byline: string | null;
  /** ISO 8601 date or date-time. */
  published: string | null;
  site: string | null;
  lang: string | null;
  canonical_url: string | null;
  lead_image: string | null;
  excerpt: string | null;
  /** false when the page does not look like an article (home or index page). */
  readerable: boolean;
  /** The clean article text; blocks are separated by one blank line. */
  text: string;
  blocks: Block[];
  /** Allow-listed, sanitised article HTML ('' when includeHtml is false); figures keep their captions here;
   *  links only http(s), mailto, ftp, tel or relative; no images unless remoteImages. */
  html: string;
  /** The article's pictures in order, with captions and credits (filled whatever includeHtml says). */
  figures: Figure[];
  /** Empty when includeRemoved is false. */
  removed: Removed[];
}

/** One mention of an entity. */
export interface Entity extends Span {
  type: EntityType;
  /** Index of its EntityGroup: mentions of one real-world entity share it. */
  id: number;
}

/** All mentions of one entity, linked within the article ("Smith" = "Jane Smith"). */
export interface EntityGroup {
  id: number;
  type: EntityType;
  /** The fullest name. */
  canonical: string;
  /** Number of mentions. */
  count: number;
  /** Other surface forms. */
  aliases: string[];
}

export interface Scope extends Span {
  kind: ScopeKind;
}

/** One clause-level provision: what is allowed or prohibited, by whom, for whom, within which limits. */
export interface Provision {
  status: ProvisionStatus;
  sentence: Span;
  trigger: Span | null;
  /** Who decided. */
  actor: Span | null;
  /** Who it applies to. */
  subject: Span | null;
  /** What is allowed or prohibited. */
  action: Span | null;
  scopes: Scope[];
  flags: ProvisionFlag[];
}

/** One line of the policy summary; `provision` indexes report.policy.provisions. */
export interface SummaryItem {
  provision: number;
  status: ProvisionStatus;
  text: string;
}

export interface PolicySummary {
  /** allowed, lifted */
  allowed: SummaryItem[];
  /** prohibited, imposed, excluded */
  prohibited: SummaryItem[];
  proposed: SummaryItem[];
}

export interface Diagnostic<Code extends string = string> {
  code: Code;
  message: string;
}

/** Milliseconds per stage (clean includes HTML parsing; segment is tokens and sentences). */
export interface Timings {
  clean_ms: number;
  segment_ms: number;
  entities_ms: number;
  policy_ms: number;
  total_ms: number;
}

export interface Report {
  /** Version of the report contract. */
  version: number;
  /** The format actually used. */
  format: 'html' | 'text';
  input_bytes: number;
  article: Article;
  entities: Entity[];
  entity_groups: EntityGroup[];
  policy: { provisions: Provision[]; summary: PolicySummary };
  errors: Diagnostic<ErrorCode>[];
  warnings: Diagnostic<WarningCode>[];
  timings: Timings;
}

// ---------------------------------------------------------------------------------------------------------
// articlescope.js

/** Options of one analysis; every one has the core's default (see web/lib/README.md). */
export interface AnalyzeOptions {
  /** 'auto' (default): HTML when the input looks like markup. */
  format?: 'auto' | 'html' | 'text';
  /** Default true. false: take the input verbatim as the article text (offsets into the input). */
  clean?: boolean;
  /** Default true: run the entity stage. */
  entities?: boolean;
  /** Default true: run the policy stage. */
  policy?: boolean;
  /** Default true: fill article.html. */
  includeHtml?: boolean;
  /** Default true: fill article.removed. */
  includeRemoved?: boolean;
  /** Default false: keep images in article.html. Showing them contacts their servers (a third-party request
   *  from the page that renders the reader view); the extension's reader view may set it for images the page
   *  already loaded. */
  remoteImages?: boolean;
  /** Default 16 MiB: larger inputs are refused with input_too_large, before anything is copied into the
   *  WebAssembly memory (at most 2 GiB; an input it cannot hold gets internal_error). */
  maxInputBytes?: number;
  /** The page's URL, when known (site name, relative links). Default ''. */
  url?: string;
}

export interface CreateAnalyzerOptions {
  /** Where to fetch articlescope-core.wasm (default: dist/ next to this module). */
  wasmUrl?: string | URL;
  /** The module's bytes, when the caller has them (node, extensions). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** The module already compiled (e.g. by WebAssembly.compileStreaming); instances of one Module share its
   *  compiled code. Anything else is refused with code 'invalid_options'. */
  wasmModule?: WebAssembly.Module;
}

/** Input of an analysis: text, or its UTF-8 bytes. */
export type AnalyzeInput = string | Uint8Array | ArrayBuffer;

export interface Analyzer {
  /** Analyses one input. Synchronous; throws ArticleScopeError when the input or the options are refused. */
  analyze(input: AnalyzeInput, options?: AnalyzeOptions): Report;
  /** As analyze(), also returning the report's JSON text (cheap to post between threads or to save). */
  analyzeWithJson(input: AnalyzeInput, options?: AnalyzeOptions): { report: Report; json: string };
  /** Version of the core, e.g. "0.1.0". */
  readonly version: string;
  /** Version of the report contract (report.version). */
  readonly reportVersion: number;
  /** heapBytes: WebAssembly memory reserved (it only grows); inUseBytes: allocated now. */
  memory(): { heapBytes: number; inUseBytes: number };
  /** Drops the instance; later calls throw ArticleScopeError('disposed'). */
  dispose(): void;
}

export function createAnalyzer(opts?: CreateAnalyzerOptions): Promise<Analyzer>;

/**
 * A refused analysis. code: the report's error code, or one of the wrapper's own:
 * 'invalid_input' (not a string or bytes), 'disposed' (the analyzer or worker was stopped).
 */
export class ArticleScopeError extends Error {
  constructor(code: string, message: string, report?: Report | null);
  readonly name: 'ArticleScopeError';
  readonly code: ErrorCode | 'invalid_input' | 'disposed' | (string & {});
  /** The refused report (errors filled), or null when the core was not called. */
  readonly report: Report | null;
}

// ---------------------------------------------------------------------------------------------------------
// worker-client.js

export interface CreateWorkerAnalyzerOptions extends Omit<CreateAnalyzerOptions, 'wasmModule'> {
  /** The compiled module, or a promise of it: the worker starts at once and instantiates it when it comes
   *  (analyses asked for meanwhile wait); if the promise rejects, the worker fetches the module itself. */
  wasmModule?: WebAssembly.Module | Promise<WebAssembly.Module>;
  /** The worker script (default: dist/worker.js next to worker-client.js, worker.js bundled with its imports). */
  workerUrl?: string | URL;
  /** A Worker of workerUrl the page already started (from its first script) and sent nothing yet; used first. */
  worker?: Worker;
  /**
   * V8 compiles WebAssembly lazily, on first call: without a warm-up the first analysis is several times slower
   * than the next ones. true (default): `ready` waits for a small analysis in the worker. false: no warm-up
   * (`warmUp()` asks for it later), for a page that analyses something at once and warms up once it is shown.
   */
  warmUp?: boolean;
}

export interface WorkerAnalyzer {
  /** Same as Analyzer.analyze, in a Web Worker: resolves to the report, rejects with ArticleScopeError. */
  analyze(input: AnalyzeInput, options?: AnalyzeOptions): Promise<Report>;
  /** Resolves when the module is loaded (and warmed up) in the worker; rejects if it cannot be. */
  readonly ready: Promise<void>;
  /** Version of the core once ready, null before. */
  readonly version: string | null;
  /** How many times the worker was replaced: after an internal_error (out of memory, say) the worker, whose
   *  WebAssembly heap never shrinks, is terminated and a fresh one takes the analyses still waiting. */
  readonly restarts: number;
  /** Warms the worker up now (after the analyses already asked for), as the warmUp option would have; resolves
   *  when done or when the worker stopped; never rejects. */
  warmUp(): Promise<void>;
  /** Stops the worker; pending analyses reject with code 'disposed'. */
  terminate(): void;
}

export function createWorkerAnalyzer(opts?: CreateWorkerAnalyzerOptions): WorkerAnalyzer;

// ---------------------------------------------------------------------------------------------------------
// highlight.js

export interface HighlightSpan {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  className?: string;
  attributes?: Record<string, string>;
  /** Element to wrap with (default 'mark'). */
  tagName?: string;
}

export interface HighlightQuote {
  /** Text to find in the page, white space ignored. */
  text: string;
  className?: string;
  attributes?: Record<string, string>;
  tagName?: string;
}

export interface Highlights {
  /** Every created element, in creation order. */
  elements: Element[];
  /** The elements of each span or quote, by index (a span can cross several text nodes). */
  bySpan: Element[][];
  /** Unwraps everything: the DOM is back as it was (same text nodes, same text). Idempotent. */
  remove(): void;
}

export interface HighlightOptions {
  /** Default element (default 'mark'). */
  tagName?: string;
}

/**
 * Wraps spans of `text`, which root's text nodes render in order (blank lines between blocks and
 * white-space-only formatting nodes may differ). Shorter spans nest inside longer ones.
 */
export function highlightRanges(root: Element, text: string, spans: HighlightSpan[], options?: HighlightOptions): Highlights;

/**
 * Finds each quote among root's text nodes (white space ignored; script, style and similar skipped) and wraps it.
 * found/missing: indexes into `quotes`.
 */
export function highlightInPage(
  root: Element,
  quotes: HighlightQuote[],
  options?: HighlightOptions,
): Highlights & { found: number[]; missing: number[] };
