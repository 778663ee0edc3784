// The shared stylesheet (ui.css) for a page or a shadow root. A shadow root gets a constructed stylesheet,
// one per URL for the whole page, so every widget on a page shares one parsed copy; where constructed sheets
// are unavailable, or the sheet cannot be fetched, a <link> is used instead.

/** The URL of ui.css, next to this module. */
export const uiStyleSheetUrl = new URL('./ui.css', import.meta.url).href;

const constructed = new Map();

function canConstruct(root) {
  try {
    return 'adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && !!new CSSStyleSheet();
  } catch {
    return false;
  }
}

/** Fetches `url` once per page and resolves to a constructed CSSStyleSheet with its rules. */
export function loadStyleSheet(url) {
  const href = String(url);
  if (!constructed.has(href)) {
    const loading = (async () => {
      const response = await fetch(href, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${href}`);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(await response.text());
      return sheet;
    })();
    constructed.set(href, loading);
    loading.catch(() => constructed.delete(href));
  }
  return constructed.get(href);
}

function linkStyleSheet(root, href) {
  const doc = root.ownerDocument ?? root;
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  (root.nodeType === 9 ? root.head : root).append(link);
  return loaded;
}

/**
 * Applies the stylesheets `urls` (default: ui.css) to `root`, a ShadowRoot or a Document, after the sheets
 * it already has: adopted as constructed sheets, or linked. Resolves when they apply (or failed to load).
 */
export async function adoptStyles(root, urls = [uiStyleSheetUrl]) {
  const hrefs = urls.map(String);
  if (canConstruct(root)) {
    try {
      const sheets = await Promise.all(hrefs.map(loadStyleSheet));
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
      return;
    } catch {
      // Fetch refused (CSP connect-src, no CORS): a <link> needs neither, only style-src.
    }
  }
  await Promise.all(hrefs.map((href) => linkStyleSheet(root, href)));
}
