// The side panel: a shadow root on an element of our own, appended to <html> (outside <body>, whose
// transforms or overflow would move it). Its styles are an adopted stylesheet: the page's CSS cannot reach in
// (`:host { all: initial !important }` cuts inheritance, and important declarations of the shadow tree win over
// the page's own for the host), ours cannot leak out, and a constructed stylesheet is not subject to the page's
// CSP. Everything from the report is added as text nodes; the reader view goes through reader.js.
import uiCss from '../../ui/ui.css';
import { renderEntityGroups } from '../../ui/entities.js';
import { decisionMakers, emptyScopeMessage } from '../../ui/present.js';
import { renderSummary } from '../../ui/summary.js';
import panelCss from './panel.css';
import { appendReader, loadedImageUrls } from './reader.js';

const HOST_TAG = 'articlescope-panel';

// web/ui's adoptStyles fetches ui.css, which a content script cannot do without exposing the file to every
// page (web_accessible_resources): the stylesheets are in the bundle as text instead.
function adoptStyles(document, root, sheets) {
  try {
    root.adoptedStyleSheets = sheets.map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
    if (root.adoptedStyleSheets.length === sheets.length) return;
  } catch {
    // Older engines: fall back to <style> elements (subject to the page's CSP, but still scoped).
  }
  for (const css of sheets) {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/** Creates an element of `document` with a class and children (strings become text nodes). */
function element(document, tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * Opens the panel. handlers: onClose(), onSettings(), onFocus(key) → bool (scrolls to a highlight).
 * Returns {root, showLoading(), showMessage({kind, title, detail, action}), showReport(report, opts), destroy()}.
 */
export function createPanel(document, { onClose, onSettings, onFocus }) {
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(document, root, [uiCss, panelCss]);
  const make = (tag, className, ...children) => element(document, tag, className, ...children);

  const closeButton = make('button', 'icon-button close', '\u00d7');
  closeButton.type = 'button';
  closeButton.title = 'Close ArticleScope and restore the page';
  closeButton.setAttribute('aria-label', 'Close');
  closeButton.addEventListener('click', () => onClose());
  const settingsButton = make('button', 'text-button settings', 'Settings');
  settingsButton.type = 'button';
  settingsButton.addEventListener('click', () => onSettings());

  const tabs = make('div', 'tabs');
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', 'Views');
  const body = make('div', 'body');
  body.id = 'articlescope-view';
  const panel = make(
    'aside',
    'panel',
    make('header', 'header', make('span', 'brand', 'ArticleScope'), settingsButton, closeButton),
    tabs,
    body,
    make('footer', 'footer', 'Analysed on this computer. Nothing was sent anywhere.'),
  );
  panel.setAttribute('aria-label', 'ArticleScope');
  // Our words are English whatever the page's language (screen readers pick their voice by it).
  panel.setAttribute('lang', 'en');
  panel.dir = 'ltr';
  panel.tabIndex = -1;
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onClose();
  });
  root.append(panel);
  // The panel opens at the reader's request (button or shortcut): the keyboard goes there, and back on close.
  const focusBefore = document.activeElement;
  document.documentElement.append(host);
  // The top layer: no ancestor's transform, filter, clip or stacking context (the page's) applies there.
  try {
    host.popover = 'manual';
    host.showPopover();
  } catch {
    // No popover support: position: fixed on <html>'s child is the fallback.
  }
  panel.focus({ preventScroll: true });

  // New content must not drop the keyboard focus onto the page's <body> (then Escape would not close us).
  const replaceBody = (...nodes) => {
    const hadFocus = body.contains(root.activeElement);
    body.replaceChildren(...nodes);
    if (hadFocus) panel.focus({ preventScroll: true });
  };
  const showOnly = (...nodes) => {
    tabs.replaceChildren();
    tabs.hidden = true;
    body.removeAttribute('role');
    replaceBody(...nodes);
  };

  return {
    root,
    host,
    showLoading() {
      const status = make('p', 'status', 'Analysing this page\u2026');
      status.setAttribute('role', 'status');
      showOnly(status);
      panel.dataset.state = 'loading';
    },
    showMessage({ kind, title, detail, action = null }) {
      const box = make('div', 'message', make('h2', 'message-title', title), detail ? make('p', 'message-detail', detail) : null);
      box.dataset.kind = kind;
      box.setAttribute('role', 'status');
      if (action) {
        const button = make('button', 'text-button', action.label);
        button.type = 'button';
        button.addEventListener('click', () => action.run());
        box.append(button);
      }
      showOnly(box);
      panel.dataset.state = kind;
    },
    showReport(report, { notes = [], highlighted }) {
      const views = [
        { id: 'summary', label: 'Summary', render: () => renderSummaryView(make, report, { onFocus, highlighted }) },
        { id: 'entities', label: 'Entities', render: () => renderEntitiesView(make, report, { onFocus, highlighted }) },
        { id: 'reader', label: 'Reader', render: () => renderReaderView(make, document, report) },
      ];
      const noteNodes = notes.map((note) => make('p', 'note', note));
      // The tabs pattern of WAI-ARIA: one tab in the tab order, arrow keys (and Home, End) move between them.
      const select = (id) => {
        for (const button of tabs.children) {
          const selected = button.dataset.view === id;
          button.setAttribute('aria-selected', String(selected));
          button.tabIndex = selected ? 0 : -1;
          if (selected) body.setAttribute('aria-labelledby', button.id);
        }
        const view = views.find((v) => v.id === id);
        const content = view.render();
        content.dataset.view = id;
        replaceBody(...noteNodes, content);
        body.scrollTop = 0;
      };
      const buttons = views.map(({ id, label }) => {
        const button = make('button', 'tab', label);
        button.type = 'button';
        button.id = `articlescope-tab-${id}`;
        button.dataset.view = id;
        button.setAttribute('role', 'tab');
        button.setAttribute('aria-controls', body.id);
        button.addEventListener('click', () => select(id));
        return button;
      });
      tabs.onkeydown = (event) => {
        const at = buttons.indexOf(root.activeElement);
        const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
        if (at < 0 || to === undefined) return;
        event.preventDefault();
        const next = buttons[(to + buttons.length) % buttons.length];
        next.focus();
        select(next.dataset.view);
      };
      tabs.replaceChildren(...buttons);
      tabs.hidden = false;
      body.setAttribute('role', 'tabpanel');
      select('summary');
      panel.dataset.state = 'report';
    },
    destroy() {
      const hadFocus = document.activeElement === host;
      if (host.matches?.(':popover-open')) host.hidePopover();
      host.remove();
      if (hadFocus && focusBefore?.isConnected) focusBefore.focus?.({ preventScroll: true });
    },
  };
}

// ---- The three views. The summary and the entities are web/ui's, as in the demo and the widget. ----

function markNotOnPage(elements, keyOf, highlighted) {
  for (const element of elements) {
    if (highlighted(keyOf(element))) continue;
    element.classList.add('not-on-page');
    element.title = 'Not highlighted on the page (not found there, or turned off in the settings)';
  }
}

function heading(make, article) {
  // A byline that only repeats the site's name ("BBC News · BBC News") is said once.
  const byline = article.byline && article.byline.trim().toLowerCase() !== article.site?.trim().toLowerCase() ? article.byline : null;
  const meta = [article.site, byline, article.published?.slice(0, 10)].filter(Boolean).join(' \u00b7 ');
  return [make('h1', 'title', article.title || 'Untitled article'), meta ? make('p', 'meta', meta) : null];
}

function renderSummaryView(make, report, { onFocus, highlighted }) {
  const view = make('div', 'view summary', ...heading(make, report.article ?? {}));
  // No provision (or an article not read for policy): one sentence that says why, not four empty sections.
  const nothing = emptyScopeMessage(report);
  if (nothing) {
    view.append(make('p', 'scope-none', nothing));
    return view;
  }
  // Decision-makers only: a pronoun or "the decision" names nobody (web/ui's present.js decides).
  const actors = decisionMakers(report);
  view.append(
    make(
      'section',
      'decided',
      make('h2', 'section-title', 'Who decided'),
      actors.length ? make('p', 'actors', actors.join(' \u00b7 ')) : make('p', 'empty', 'Not named in the article.'),
    ),
  );
  const columns = make('div', 'summary-columns');
  renderSummary(columns, report, {
    columns: 'three',
    roles: 'actor',
    idPrefix: 'articlescope-panel-',
    onSelect: (index) => onFocus(`provision:${index}`),
  });
  markNotOnPage(columns.querySelectorAll('.scope-item[data-provision]'), (e) => `provision:${e.dataset.provision}`, highlighted);
  view.append(columns);
  return view;
}

function renderEntitiesView(make, report, { onFocus, highlighted }) {
  const view = make('div', 'view entities');
  renderEntityGroups(view, report, { onSelect: (groupId) => onFocus(`entity:${groupId}`) });
  markNotOnPage(view.querySelectorAll('[data-group]'), (e) => `entity:${e.dataset.group}`, highlighted);
  return view;
}

function renderReaderView(make, document, report) {
  const article = report.article ?? {};
  const view = make('article', 'view reader', ...heading(make, article));
  const content = make('div', 'reader-content');
  if (article.html) {
    appendReader(content, article.html, { pageUrl: document.location.href, imageUrls: loadedImageUrls(document) });
  } else {
    for (const paragraph of (article.text ?? '').split(/\n\s*\n/)) if (paragraph.trim()) content.append(make('p', null, paragraph));
  }
  view.append(content);
  return view;
}
