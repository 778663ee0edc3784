// The side panel: a shadow root on an element of our own, appended to <html> (outside <body>, whose
// transforms or overflow would move it). Its styles are an adopted stylesheet: the page's CSS cannot reach in
// (`:host { all: initial !important }` cuts inheritance, and important declarations of the shadow tree win over
// the page's own for the host), ours cannot leak out, and a constructed stylesheet is not subject to the page's
// CSP. Everything from the report is added as text nodes; the reader view goes through reader.js.
import panelCss from './panel.css';
import { appendReader, loadedImageUrls } from './reader.js';
import { ENTITY_TYPES } from '../settings/defaults.js';

const HOST_TAG = 'articlescope-panel';

function adoptStyles(document, root, css) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return;
  } catch {
    // Older engines: fall back to a <style> element (subject to the page's CSP, but still scoped).
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
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
  adoptStyles(document, root, panelCss);
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
  const body = make('div', 'body');
  const panel = make(
    'aside',
    'panel',
    make('header', 'header', make('span', 'brand', 'ArticleScope'), settingsButton, closeButton),
    tabs,
    body,
    make('footer', 'footer', 'Analysed on this computer. Nothing was sent anywhere.'),
  );
  panel.setAttribute('aria-label', 'ArticleScope');
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onClose();
  });
  root.append(panel);
  document.documentElement.append(host);
  // The top layer: no ancestor's transform, filter, clip or stacking context (the page's) applies there.
  try {
    host.popover = 'manual';
    host.showPopover();
  } catch {
    // No popover support: position: fixed on <html>'s child is the fallback.
  }

  const showOnly = (...nodes) => {
    tabs.replaceChildren();
    tabs.hidden = true;
    body.replaceChildren(...nodes);
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
    showReport(report, { settings, notes = [], highlighted }) {
      const views = [
        { id: 'summary', label: 'Summary', render: () => renderSummary(make, report, { onFocus, highlighted }) },
        { id: 'entities', label: 'Entities', render: () => renderEntities(make, report, { settings, onFocus, highlighted }) },
        { id: 'reader', label: 'Reader', render: () => renderReader(make, document, report) },
      ];
      const noteNodes = notes.map((note) => make('p', 'note', note));
      const select = (id) => {
        for (const button of tabs.children) button.setAttribute('aria-selected', String(button.dataset.view === id));
        const view = views.find((v) => v.id === id);
        const content = view.render();
        content.dataset.view = id;
        body.replaceChildren(...noteNodes, content);
        body.scrollTop = 0;
      };
      tabs.replaceChildren(
        ...views.map(({ id, label }) => {
          const button = make('button', 'tab', label);
          button.type = 'button';
          button.dataset.view = id;
          button.setAttribute('role', 'tab');
          button.addEventListener('click', () => select(id));
          return button;
        }),
      );
      tabs.hidden = false;
      select('summary');
      panel.dataset.state = 'report';
    },
    destroy() {
      if (host.matches?.(':popover-open')) host.hidePopover();
      host.remove();
    },
  };
}

// ---- Rendering of the report. Kept small on purpose: the shared web/ui rendering replaces it. ----

const COLUMNS = [
  { id: 'allowed', label: 'Allowed', statuses: ['allowed', 'lifted'] },
  { id: 'prohibited', label: 'Still prohibited', statuses: ['prohibited', 'imposed'] },
  { id: 'excluded', label: 'Not covered', statuses: ['excluded'] },
  { id: 'proposed', label: 'Proposed', statuses: ['proposed'] },
];

function renderSummary(make, report, { onFocus, highlighted }) {
  const article = report.article ?? {};
  const provisions = report.policy?.provisions ?? [];
  const summary = report.policy?.summary ?? {};
  const items = [...(summary.allowed ?? []), ...(summary.prohibited ?? []), ...(summary.proposed ?? [])];
  const view = make('div', 'view summary');
  view.append(make('h1', 'title', article.title || 'Untitled article'));
  const meta = [article.site, article.byline, article.published?.slice(0, 10)].filter(Boolean).join(' \u00b7 ');
  if (meta) view.append(make('p', 'meta', meta));

  const actors = [...new Set(provisions.map((p) => p.actor?.text).filter(Boolean))];
  const decided = make('section', 'decided', make('h2', null, 'Who decided'));
  decided.append(actors.length ? make('p', 'actors', actors.join(', ')) : make('p', 'empty', 'Not named in the article.'));
  view.append(decided);

  for (const column of COLUMNS) {
    const own = items.filter((item) => column.statuses.includes(item.status));
    const section = make('section', `column column-${column.id}`, make('h2', null, column.label, make('span', 'count', String(own.length))));
    section.dataset.column = column.id;
    const list = make('ul', 'items');
    for (const item of own) {
      const key = `provision:${item.provision}`;
      const button = make('button', 'item', item.text ?? provisions[item.provision]?.sentence?.text ?? '');
      button.type = 'button';
      button.dataset.key = key;
      button.dataset.status = item.status;
      if (!highlighted(key)) {
        button.classList.add('not-on-page');
        button.title = 'Not highlighted on the page (not found there, or turned off in the settings)';
      }
      button.addEventListener('click', () => onFocus(key));
      list.append(make('li', null, button));
    }
    if (own.length === 0) list.append(make('li', 'empty', 'Nothing in this article.'));
    section.append(list);
    view.append(section);
  }
  return view;
}

function renderEntities(make, report, { onFocus, highlighted }) {
  const view = make('div', 'view entities');
  const groups = report.entity_groups ?? [];
  for (const { type, label } of ENTITY_TYPES) {
    const own = groups.filter((group) => group.type === type).sort((a, b) => b.count - a.count);
    if (own.length === 0) continue;
    const section = make('section', 'entity-type', make('h2', null, label, make('span', 'count', String(own.length))));
    section.dataset.type = type;
    const chips = make('div', 'chips');
    for (const group of own) {
      const key = `entity:${group.id}`;
      const chip = make('button', 'chip', group.canonical, make('span', 'chip-count', String(group.count)));
      chip.type = 'button';
      chip.dataset.key = key;
      chip.dataset.type = type;
      if (!highlighted(key)) chip.classList.add('not-on-page');
      chip.addEventListener('click', () => onFocus(key));
      chips.append(chip);
    }
    section.append(chips);
    view.append(section);
  }
  if (view.childElementCount === 0) view.append(make('p', 'empty', 'No names, places, dates or amounts found.'));
  return view;
}

function renderReader(make, document, report) {
  const article = report.article ?? {};
  const view = make('article', 'view reader');
  view.append(make('h1', 'title', article.title || 'Untitled article'));
  const meta = [article.byline, article.published?.slice(0, 10), article.site].filter(Boolean).join(' \u00b7 ');
  if (meta) view.append(make('p', 'meta', meta));
  const content = make('div', 'reader-content');
  if (article.html) {
    appendReader(content, article.html, { pageUrl: document.location.href, imageUrls: loadedImageUrls(document) });
  } else {
    for (const paragraph of (article.text ?? '').split(/\n\s*\n/)) if (paragraph.trim()) content.append(make('p', null, paragraph));
  }
  view.append(content);
  return view;
}
