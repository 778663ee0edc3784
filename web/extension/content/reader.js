// The reader view: the cleaned article (report.article.html) rebuilt node by node inside the panel.
// The core's HTML is already allow-listed, but it is shown inside someone else's page, so it is treated as
// untrusted again here: it is parsed into an inert document (nothing runs, nothing loads), and only known tags
// with a few checked attributes are recreated. No event attributes, no style, no class, no inline script; a
// link must be http(s); an image is shown only if the page itself already loaded that exact URL.

/** Tags recreated as they are (their content is processed the same way). */
const KEPT_TAGS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'PRE', 'CODE',
  'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'SMALL',
  'SUB', 'SUP', 'BR', 'HR', 'A', 'IMG', 'DL', 'DT', 'DD', 'Q', 'CITE', 'ABBR', 'TIME', 'MARK',
]);
/** Tags dropped with everything inside them. Any other tag is unwrapped: its content stays, the tag goes. */
const DROPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'FORM', 'INPUT',
  'BUTTON', 'TEXTAREA', 'SELECT', 'LINK', 'META', 'BASE', 'AUDIO', 'VIDEO', 'SOURCE', 'CANVAS', 'DIALOG',
]);
const MAX_DEPTH = 64;

/** An absolute http(s) URL for `value` (resolved against the page), or null. */
export function safeHttpUrl(value, base) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  let url;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** The URLs of the images the page has already loaded (the only ones the reader view may show). */
export function loadedImageUrls(document) {
  const urls = new Set();
  for (const image of document.images) {
    if (image.complete && image.naturalWidth > 0) {
      for (const url of [image.currentSrc, image.src]) if (url) urls.add(url);
    }
  }
  return urls;
}

const smallInteger = (value, max) => {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= max ? String(number) : null;
};

/**
 * Appends the article in `html` to `container` (an element of `document`), recreated under the rules above.
 * `pageUrl` resolves relative links; `imageUrls` is loadedImageUrls(document).
 */
export function appendReader(container, html, { pageUrl, imageUrls }) {
  const document = container.ownerDocument;
  const inert = new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${String(html ?? '')}</body></html>`, 'text/html');

  const copyChildren = (from, to, depth) => {
    for (const child of from.childNodes) {
      if (child.nodeType === 3) {
        to.append(document.createTextNode(child.data));
      } else if (child.nodeType === 1 && depth < MAX_DEPTH) {
        copyElement(child, to, depth + 1);
      }
    }
  };
  const copyElement = (element, to, depth) => {
    const tag = element.tagName.toUpperCase();
    if (DROPPED_TAGS.has(tag)) return;
    if (!KEPT_TAGS.has(tag)) {
      copyChildren(element, to, depth);
      return;
    }
    if (tag === 'IMG') {
      const src = safeHttpUrl(element.getAttribute('src'), pageUrl);
      if (!src || !imageUrls.has(src)) return;  // never a request the page did not make itself
      const image = document.createElement('img');
      image.src = src;
      image.alt = element.getAttribute('alt') ?? '';
      image.referrerPolicy = 'no-referrer';
      to.append(image);
      return;
    }
    const copy = document.createElement(tag.toLowerCase());
    if (tag === 'A') {
      const href = safeHttpUrl(element.getAttribute('href'), pageUrl);
      if (href) {
        copy.href = href;
        copy.target = '_blank';
        copy.rel = 'noopener noreferrer';
      }
    } else if (tag === 'TD' || tag === 'TH') {
      for (const name of ['colspan', 'rowspan']) {
        const value = smallInteger(element.getAttribute(name), 100);
        if (value) copy.setAttribute(name, value);
      }
    } else if (tag === 'OL') {
      const start = smallInteger(element.getAttribute('start'), 100000);
      if (start) copy.setAttribute('start', start);
    }
    copyChildren(element, copy, depth);
    to.append(copy);
  };
  copyChildren(inert.body, container, 0);
}
