// The content script. The background injects it into the top frame of the tab on every click of the toolbar
// button (or the shortcut): the first injection in a document opens the panel, the next one closes it and puts
// the page back exactly as it was. It never runs the core: it sends the page's HTML to the background and
// draws the report it gets back. Its state lives in the content script's own global (the isolated world),
// which the page cannot see.
import { highlightInPage } from '../../lib/highlight.js';
import { warningMessages } from '../../ui/present.js';
import { SETTINGS_KEY, normaliseSettings } from '../settings/defaults.js';
import { highlightReport } from './marks.js';
import { createPanel } from './panel.js';

const api = globalThis.browser ?? globalThis.chrome;

/** The core's default input limit (maxInputBytes): larger pages are refused before they are even sent. */
const MAX_PAGE_CHARS = 16 * 1024 * 1024;
/**
 * Above this many elements the page is not highlighted; the panel works. highlightInPage takes ~5.5 µs per
 * element in Chromium (0.9 s at 160,000, 7 s at 960,000), so the page would freeze for over half a second.
 */
const MAX_HIGHLIGHT_ELEMENTS = 100_000;

const STATE = '__articlescopeExtensionState';

function megabytes(chars) {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

async function loadSettings() {
  try {
    const stored = await api.storage.local.get(SETTINGS_KEY);
    return normaliseSettings(stored?.[SETTINGS_KEY]);
  } catch {
    return normaliseSettings(null);
  }
}

function isArticle(report) {
  const notReaderable = (report.warnings ?? []).some((w) => w.code === 'not_readerable');
  return !notReaderable && (report.article?.text ?? '').trim().length > 0;
}

/** How much of the window's bottom the panel covers: all of its width when it is a sheet, else nothing. */
function coveredBottom(host) {
  const rect = host?.getBoundingClientRect();
  if (!rect || rect.left > 1 || rect.right < document.documentElement.clientWidth - 1) return 0;
  return Math.max(0, innerHeight - rect.top);
}

/** Reads the page (before anything of ours is in it), asks the background for the report, draws it. */
async function open(state) {
  const generation = state.generation;
  const html = document.documentElement.outerHTML;
  const url = location.href;
  const elementCount = document.getElementsByTagName('*').length;
  const frameCount = document.querySelectorAll('iframe, frame').length;

  const panel = createPanel(document, {
    onClose: () => close(state, { byPanel: true }),
    onSettings: () => api.runtime.sendMessage({ type: 'articlescope:open-settings' }).catch(() => {}),
    onFocus: (key) => state.marks?.focus(key, { coveredBottom: coveredBottom(state.panel?.host) }) ?? false,
  });
  state.panel = panel;
  panel.showLoading();

  if (html.length > MAX_PAGE_CHARS) {
    panel.showMessage({
      kind: 'too-large',
      title: 'This page is too large to analyse',
      detail: `Its HTML is ${megabytes(html.length)}; ArticleScope reads pages up to ${megabytes(MAX_PAGE_CHARS)}.`,
    });
    return;
  }
  const [settings, answer] = await Promise.all([
    loadSettings(),
    api.runtime.sendMessage({ type: 'articlescope:analyse', html, url }).catch((error) => ({
      error: { code: 'internal_error', message: String(error.message ?? error) },
    })),
  ]);
  if (state.generation !== generation) return;  // closed while the core was working
  if (!answer || answer.error) {
    const code = answer?.error?.code ?? 'internal_error';
    if (code === 'input_too_large') {
      panel.showMessage({
        kind: 'too-large',
        title: 'This page is too large to analyse',
        detail: `ArticleScope reads pages up to ${megabytes(MAX_PAGE_CHARS)} of HTML.`,
      });
    } else if (code === 'empty_input') {
      panel.showMessage({ kind: 'no-article', title: 'No article found here', detail: 'This page has no text.' });
    } else {
      panel.showMessage({
        kind: 'error',
        title: 'ArticleScope could not analyse this page',
        detail: answer?.error?.message ?? 'The analyser did not answer.',
      });
    }
    return;
  }

  const report = JSON.parse(answer.json);
  const show = () => {
    // The core's warnings in plain words ("not in English", "only part was analysed").
    const notes = warningMessages(report);
    if (elementCount > MAX_HIGHLIGHT_ELEMENTS) {
      notes.push(
        `This page is very large (${elementCount.toLocaleString('en')} elements), so nothing is highlighted on it; the summary and the reader view below still work.`,
      );
    } else {
      state.marks = highlightReport(document, report, settings, highlightInPage);
      if (state.marks.missing > 0) {
        notes.push(`${state.marks.missing} passage(s) of the report could not be found in the page's text.`);
      }
    }
    panel.showReport(report, { settings, notes, highlighted: (key) => state.marks?.has(key) ?? false });
  };
  if (isArticle(report)) {
    show();
  } else {
    const framed =
      frameCount > 0
        ? ` This page shows ${frameCount === 1 ? 'a frame' : `${frameCount} frames`}; ArticleScope reads only the page you are on, not the pages inside frames. If the article is in a frame, open it on its own.`
        : '';
    panel.showMessage({
      kind: 'no-article',
      title: 'No article found here',
      detail: `This page does not look like a news article (a home page, an index or a form, for instance).${framed}`,
      action: (report.article?.text ?? '').trim() ? { label: 'Analyse it anyway', run: show } : null,
    });
  }
}

/** Removes everything the extension added: highlights first (same text nodes back), then the panel. */
function close(state, { byPanel = false } = {}) {
  state.generation++;
  state.open = false;
  state.marks?.remove();
  state.marks = null;
  state.panel?.destroy();
  state.panel = null;
  // Closed from the panel, not by the button: the background still has to take its mark stylesheet out.
  if (byPanel) api.runtime.sendMessage({ type: 'articlescope:closed' }).catch(() => {});
}

/** What this injection did ("opened" or "closed"): the value the background gets back from executeScript. */
function toggle() {
  const state = (globalThis[STATE] ??= { open: false, generation: 0, panel: null, marks: null });
  if (state.open) {
    close(state);
    return 'closed';
  }
  state.open = true;
  open(state).catch((error) => {
    state.panel?.showMessage({
      kind: 'error',
      title: 'ArticleScope could not analyse this page',
      detail: String(error?.message ?? error),
    });
  });
  return 'opened';
}

export const toggled = toggle();
