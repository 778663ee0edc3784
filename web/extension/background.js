// The extension's background: a service worker in Chromium, an event page in Firefox (same file).
// The toolbar button and the keyboard shortcut (_execute_action) land in onClicked: it injects the content
// script into the tab the user is on (activeTab grants that tab, and only on this gesture). The content script
// sends the page's HTML back here; the WebAssembly core runs here, in the extension's own context, so the
// page's CSP never applies to it and the page can neither see nor disturb it.
import { createAnalyzer } from './lib/articlescope.js';

const api = globalThis.browser ?? globalThis.chrome;

/** Messages the content script sends; nothing else is answered. */
const MESSAGE = {
  analyse: 'articlescope:analyse',
  openSettings: 'articlescope:open-settings',
  closed: 'articlescope:closed',
};

// The one stylesheet put into a page, while the panel is open: a user-origin sheet, whose !important rules
// beat the page's own !important ones, for what inline styles cannot reach: the marks' ::before/::after, and
// the room for the side panel. Where the panel is a side panel (content/panel.css: 400 px wide, in windows
// wider than 600 px), the page is laid out beside it, in the window less those 400 px (the root's margin, and
// a maximum width for pages that set `html { width: 100% }`), so none of the page is under the panel: not its
// text or images, not the end of its header; its scroll bar stays at the window's edge, right of the panel.
// In narrower windows the panel is a sheet at the bottom.
const PAGE_CSS = {
  css: [
    '[data-articlescope]::before, [data-articlescope]::after { content: none !important; display: none !important; }',
    '@media not all and (max-width: 600px) { html { margin-right: 400px !important; max-width: calc(100% - 400px) !important; } }',
  ].join('\n'),
  origin: 'USER',
};

// Schemes no extension may script, and the add-on stores, where browsers refuse content scripts.
const BROWSER_SCHEMES = new Set([
  'about:', 'chrome:', 'chrome-extension:', 'chrome-search:', 'chrome-untrusted:', 'devtools:', 'edge:',
  'moz-extension:', 'resource:', 'view-source:', 'jar:', 'data:', 'blob:', 'javascript:',
]);
const STORE_PAGES = [
  { host: 'chromewebstore.google.com', path: '/' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org', path: '/' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

const BROWSER_PAGE_MESSAGE =
  'ArticleScope does not run on browser pages (chrome://, about:, the add-on store): open a news article on the web.';

/** Why the page at `url` cannot be analysed, or null when it can be tried. */
export function browserPageReason(url) {
  // activeTab reveals the address of every page an extension may script; none means a browser page.
  if (!url) return BROWSER_PAGE_MESSAGE;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return 'ArticleScope cannot read this tab (its address is not a web address).';
  }
  if (BROWSER_SCHEMES.has(parsed.protocol)) {
    return BROWSER_PAGE_MESSAGE;
  }
  if (STORE_PAGES.some(({ host, path }) => parsed.hostname === host && parsed.pathname.startsWith(path))) {
    return 'The browser does not let extensions read its add-on store: open a news article on the web.';
  }
  return null;
}

// The core is loaded once per background lifetime (a service worker may be stopped when idle; the next click
// loads it again, ~50 ms). The bytes come from the extension's own files: no network.
let analyzerPromise = null;
function analyzer() {
  analyzerPromise ??= fetch(api.runtime.getURL('lib/dist/articlescope-core.wasm'))
    .then((response) => response.arrayBuffer())
    .then((wasmBinary) => createAnalyzer({ wasmBinary }))
    .catch((error) => {
      analyzerPromise = null;  // try again on the next click
      throw error;
    });
  return analyzerPromise;
}

/** Runs the core on a page's HTML; the answer is {json} (the report's JSON text) or {error: {code, message}}. */
async function analyse({ html, url }) {
  try {
    const core = await analyzer();
    // Remote images come back in article.html; the reader view shows only those the page itself already loaded.
    const { json } = core.analyzeWithJson(String(html ?? ''), {
      url: String(url ?? ''),
      includeRemoved: false,
      remoteImages: true,
    });
    return { json };
  } catch (error) {
    return { error: { code: error.code ?? 'internal_error', message: String(error.message ?? error) } };
  }
}

async function tellOnButton(tabId, message) {
  // Tab-specific badge and title: the browser clears them when the tab navigates.
  await Promise.allSettled([
    api.action.setBadgeText({ tabId, text: '!' }),
    api.action.setBadgeBackgroundColor({ tabId, color: '#b91c1c' }),
    api.action.setTitle({ tabId, title: message }),
  ]);
}

async function clearButton(tabId) {
  const title = api.runtime.getManifest().action?.default_title ?? 'ArticleScope';
  await Promise.allSettled([api.action.setBadgeText({ tabId, text: '' }), api.action.setTitle({ tabId, title })]);
}

/** What the toolbar button and the shortcut do: toggle the panel on the tab (the content script decides). */
export async function toggleOnTab(tab) {
  const reason = browserPageReason(tab.url);
  if (reason) return tellOnButton(tab.id, reason);
  try {
    // Top frame only: the panel belongs to the page the user is on, not to the frames inside it.
    const target = { tabId: tab.id, frameIds: [0] };
    const [injection] = await api.scripting.executeScript({ target, files: ['content.js'] });
    if (injection?.result?.toggled === 'opened') await api.scripting.insertCSS({ target, ...PAGE_CSS });
    else await api.scripting.removeCSS({ target, ...PAGE_CSS }).catch(() => {});
    await clearButton(tab.id);
  } catch (error) {
    await tellOnButton(tab.id, `ArticleScope cannot read this page: ${error.message ?? error}`);
  }
}

api.action.onClicked.addListener((tab) => {
  toggleOnTab(tab);
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's own content script and pages can reach runtime.onMessage (no externally_connectable).
  if (sender.id !== api.runtime.id || !message || typeof message !== 'object') return false;
  if (message.type === MESSAGE.analyse) {
    analyse(message).then(sendResponse);
    return true;  // answered asynchronously
  }
  if (message.type === MESSAGE.closed && sender.tab) {
    api.scripting.removeCSS({ target: { tabId: sender.tab.id, frameIds: [0] }, ...PAGE_CSS }).catch(() => {});
    return false;
  }
  if (message.type === MESSAGE.openSettings) {
    api.runtime.openOptionsPage();
    return false;
  }
  return false;
});
