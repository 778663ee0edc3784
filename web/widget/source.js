// What an <article-scope> analyses, in this order: its `text` property, its `src` URL, a <template> child,
// the element its `for` selector names, or by default the <article> around it, the page's first <article>,
// its <main>, or the whole page (the core finds the article in it).
import { ArticleScopeError } from '../lib/errors.js';

/** The core's default input limit: larger downloads are refused before they are read in full. */
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

// What a copy of a page element sent to the analyser leaves out: code, styles, embedded documents and
// widgets (also this one, when it sits inside the article). JSON-LD stays: it holds the article's metadata.
const LEFT_OUT = 'script:not([type="application/ld+json"]), style, noscript, template, iframe, object, embed, svg, canvas, article-scope';

/**
 * Reads the widget's source. Resolves to {kind, input, format, url, element}: kind 'text', 'src', 'template',
 * 'for' or 'page'; element is the page element whose text was analysed (where highlights go), or null.
 * Rejects with ArticleScopeError: 'no_source' (nothing to analyse), 'fetch_failed' (src).
 */
export async function readSource(widget) {
  const format = ['html', 'text'].includes(widget.getAttribute('format')) ? widget.getAttribute('format') : 'auto';
  if (typeof widget.text === 'string') return { kind: 'text', input: widget.text, format, url: pageUrl(), element: null };

  const src = widget.getAttribute('src');
  if (src !== null) return readUrl(src, format);

  const template = [...widget.children].find((child) => child.localName === 'template');
  if (template) return { kind: 'template', input: template.innerHTML, format, url: pageUrl(), element: null };

  const selector = widget.getAttribute('for');
  let element = null;
  let kind = 'page';
  if (selector !== null) {
    try {
      element = widget.ownerDocument.querySelector(selector);
    } catch {
      throw new ArticleScopeError('no_source', `"${selector}" is not a valid CSS selector (the for attribute)`);
    }
    if (!element) throw new ArticleScopeError('no_source', `no element of the page matches "${selector}" (the for attribute)`);
    kind = 'for';
  } else {
    const doc = widget.ownerDocument;
    element = widget.closest('article') ?? doc.querySelector('article') ?? doc.querySelector('main, [role="main"]');
    if (element) kind = 'for';
  }
  if (element) return { kind, input: copyHtml(element), format: format === 'auto' ? 'html' : format, url: pageUrl(), element };
  const doc = widget.ownerDocument;
  return { kind, input: copyHtml(doc.documentElement), format: format === 'auto' ? 'html' : format, url: pageUrl(), element: doc.body };
}

// The element's HTML without what LEFT_OUT names; the live page is not touched.
function copyHtml(element) {
  const copy = element.cloneNode(true);
  for (const node of copy.querySelectorAll(LEFT_OUT)) node.remove();
  return copy.outerHTML;
}

// The page's URL when it is a web URL (the core takes it for the site name and relative links).
function pageUrl(url = globalThis.location?.href) {
  return typeof url === 'string' && /^https?:/i.test(url) ? url : undefined;
}

async function readUrl(src, format) {
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    throw new ArticleScopeError('fetch_failed', `"${src}" is not a valid URL (the src attribute)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ArticleScopeError('fetch_failed', `only http and https URLs can be analysed, not ${url.protocol}`);
  }
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', redirect: 'follow' });
  } catch (error) {
    throw new ArticleScopeError('fetch_failed', `could not load ${url.href} (${error.message}; another origin must allow it with CORS)`);
  }
  if (!response.ok) throw new ArticleScopeError('fetch_failed', `could not load ${url.href} (HTTP ${response.status})`);
  if (Number(response.headers.get('content-length')) > MAX_INPUT_BYTES) {
    throw new ArticleScopeError('input_too_large', `${url.href} is larger than ${MAX_INPUT_BYTES} bytes`);
  }
  // Bytes, not text: the core decodes a page in a legacy charset by its own declaration.
  const input = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  const guessed = /html|xml/i.test(type) ? 'html' : /^text\/plain/i.test(type) ? 'text' : 'auto';
  return { kind: 'src', input, format: format === 'auto' ? guessed : format, url: pageUrl(response.url || url.href), element: null };
}
