// <article-scope>: the embeddable ArticleScope widget. One module script defines the element and nothing else:
//   <script type="module" src="https://host/path/widget/dist/article-scope.js"></script>
// (dist/article-scope.js: this module and everything it imports but web/lib in one file, written by the
// WebAssembly build; this source module works the same way.)
//   <article-scope></article-scope>
// The analyser, its WebAssembly and the stylesheets are resolved relative to this module, so the web/ folder
// can be served from the page's origin or from another one (with CORS). The article is analysed in the
// reader's browser; nothing is sent anywhere. Everything the widget draws is in its shadow root; the only
// change to the page itself is the optional highlighting of the article (the `highlight` attribute), which is
// removed without a trace.
//
// Report text is untrusted: it reaches the DOM only as text nodes and plain attribute values (web/ui).
import { el, plural, prefersReducedMotion } from '../ui/dom.js';
import { provisionCard } from '../ui/cards.js';
import { renderEntityChips, renderEntityGroups } from '../ui/entities.js';
import { highlightReportInPage } from '../ui/page-highlight.js';
import { policyAnalysed, presentReport, warningMessages } from '../ui/present.js';
import { adoptStyles, uiStyleSheetUrl } from '../ui/styles.js';
import { renderSummary } from '../ui/summary.js';
import { dropSharedAnalyzer, sharedAnalyzer } from './analyzer.js';
import { readSource } from './source.js';

const TAG = 'article-scope';
const widgetStyleSheetUrl = new URL('./widget.css', import.meta.url).href;

// What a reader is told, by error code; the event's detail keeps the technical message.
const MESSAGES = {
  csp_blocks_wasm:
    "This site's security settings (its Content Security Policy) do not let ArticleScope run WebAssembly, " +
    'which it needs to read the article in your browser.',
  wasm_unavailable: 'This browser cannot run WebAssembly, which ArticleScope needs to read the article.',
  load_failed: 'ArticleScope could not be loaded on this page.',
  no_source: 'There is no article to read here.',
  fetch_failed: 'The article could not be loaded.',
  empty_input: 'The article is empty.',
  binary_input: 'This does not look like an article: it is not text.',
  input_too_large: 'The article is too long to be analysed here.',
};
const OWNER_HINTS = {
  csp_blocks_wasm: "Site owner: add 'wasm-unsafe-eval' to the script-src of the page's Content-Security-Policy.",
};

const LOGO_PATHS = ['M14 4.5a9.5 9.5 0 1 0 0 19 9.5 9.5 0 1 0 0-19z', 'M21 21l7 7', 'M9.5 12h9M9.5 16h6'];

function logo() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 32 32');
  svg.setAttribute('class', 'logo');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of LOGO_PATHS) {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** Adds a ::part() name to every element of `root` that matches `selector`. */
function addPart(root, selector, name) {
  for (const element of root.querySelectorAll(selector)) element.part.add(name);
}

class ArticleScopeElement extends HTMLElement {
  static observedAttributes = ['for', 'src', 'format', 'highlight', 'open'];
  /** Marks the class as ours: a second copy of this module leaves the element already defined alone. */
  static articleScope = true;

  #shadow;
  #parts = null;
  #ready = null;
  #text = null;
  #report = null;
  #source = null;
  #highlights = null;
  #run = 0;
  #scheduled = false;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    // A property set before the element was defined is an own property that hides the setter: replay it.
    if (Object.prototype.hasOwnProperty.call(this, 'text')) {
      const value = this.text;
      delete this.text;
      this.text = value;
    }
    this.#ready ??= this.#build();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#removeHighlights();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#parts) return;
    if (name === 'highlight') this.#applyHighlights();
    else if (name === 'open') this.#showDetails(newValue !== null);
    else this.#schedule();
  }

  /** The report of the latest analysis, or null (none yet, or it failed). */
  get report() {
    return this.#report;
  }

  /** Text or HTML to analyse instead of the page (null: the page, a template child or src). */
  get text() {
    return this.#text;
  }

  set text(value) {
    this.#text = value === null || value === undefined ? null : String(value);
    if (this.isConnected) this.#schedule();
  }

  /**
   * Analyses the source now and renders the result. Resolves to the report; rejects with an ArticleScopeError
   * (code and message; `report` when the core refused the input). Both also arrive as events.
   */
  async analyze() {
    this.#scheduled = false; // this run replaces one scheduled by a change made just before
    this.#ready ??= this.#build();
    await this.#ready;
    return this.#analyze({ retry: true });
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // After the current task (several attributes and `text` set together give one analysis) and once the
    // page is parsed (a `for` target may come after the widget).
    const go = () => {
      if (!this.#scheduled) return;
      this.#scheduled = false;
      if (this.isConnected) this.#ready.then(() => this.#analyze().catch(() => {}));
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
    else queueMicrotask(go);
  }

  async #build() {
    await adoptStyles(this.#shadow, [uiStyleSheetUrl, widgetStyleSheetUrl]);
    const p = {};
    p.title = el('h2', { class: 'title', id: 'title', part: 'title' }, 'Policy scope');
    p.status = el('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    p.message = el('div', { class: 'message', part: 'message', hidden: true });
    p.warnings = el('div', { class: 'warnings', part: 'warnings', hidden: true });
    p.summary = el('div', { class: 'summary', part: 'summary' });
    p.entities = el('div', { class: 'entities', part: 'entities', hidden: true });
    p.toggle = el(
      'button',
      { type: 'button', class: 'button small', part: 'button toggle', 'aria-expanded': 'false', 'aria-controls': 'details' },
      'Show details',
    );
    p.highlight = el('button', { type: 'button', class: 'button small', part: 'button highlight-toggle', 'aria-pressed': 'false', hidden: true });
    p.actions = el('div', { class: 'actions', part: 'actions', hidden: true }, p.toggle, p.highlight);
    p.details = el('div', { class: 'details', id: 'details', part: 'details', role: 'region', 'aria-label': 'Details', hidden: true });
    p.box = el(
      'section',
      // English and left to right whatever the host page is (CSS `all` does not reset `direction`).
      { class: 'box', part: 'box', lang: 'en', dir: 'ltr', 'aria-labelledby': 'title', 'data-state': 'idle' },
      el('header', { class: 'head', part: 'header' }, logo(), p.title, el('span', { class: 'brand' }, 'ArticleScope')),
      p.status,
      p.message,
      p.warnings,
      p.summary,
      p.entities,
      p.actions,
      p.details,
    );
    p.toggle.addEventListener('click', () => this.toggleAttribute('open'));
    p.highlight.addEventListener('click', () => this.toggleAttribute('highlight', !this.hasAttribute('highlight')));
    this.#shadow.replaceChildren(p.box);
    this.#parts = p;
  }

  async #analyze({ retry = false } = {}) {
    const run = ++this.#run;
    const current = () => run === this.#run;
    this.#removeHighlights();
    this.#setState('loading', 'Reading the article in your browser…');
    let analyzer = null;
    try {
      const source = await readSource(this);
      analyzer = await sharedAnalyzer({ retry });
      const report = await analyzer.analyze(source.input, { format: source.format, url: source.url, includeHtml: false, includeRemoved: false });
      if (!current()) return report;
      this.#report = report;
      this.#source = source;
      this.#render(report);
      this.#applyHighlights();
      this.dispatchEvent(new CustomEvent('articlescope:result', { detail: { report }, bubbles: true, composed: true }));
      return report;
    } catch (error) {
      // A worker that died (no report, internal error) is replaced for the next analysis.
      if (analyzer && !error?.report && error?.code === 'internal_error') dropSharedAnalyzer(analyzer);
      if (current()) {
        this.#report = null;
        this.#source = null;
        this.#renderError(error);
        const detail = { code: error?.code ?? 'internal_error', message: String(error?.message ?? error), report: error?.report ?? null };
        this.dispatchEvent(new CustomEvent('articlescope:error', { detail, bubbles: true, composed: true }));
      }
      throw error;
    }
  }

  #setState(state, statusText) {
    const p = this.#parts;
    p.box.dataset.state = state;
    p.status.textContent = statusText;
    p.status.hidden = !statusText;
  }

  #render(report) {
    const p = this.#parts;
    p.message.hidden = true;
    // The counts are those of what is listed: current provisions, earlier rules apart; entities, not mentions.
    const { counts } = presentReport(report);
    const provisions = counts.current;
    const mentions = report.entities?.length ?? 0;
    const entities = new Set((report.entities ?? []).map((e) => e.id)).size;
    const named = `${plural(entities, 'entity', 'entities')} (${plural(mentions, 'mention')})`;
    const earlier = counts.past ? `, ${plural(counts.past, 'earlier rule')}` : '';
    this.#setState(
      'done',
      provisions
        ? `${plural(provisions, 'provision')}${earlier}, ${named}. Analysed in your browser.`
        : policyAnalysed(report)
          ? `No policy decision found in this article${earlier}; ${named}.`
          : `Policy not analysed: the article is not in English; ${named}.`,
    );
    const warnings = warningMessages(report);
    p.warnings.replaceChildren(...warnings.map((text) => el('p', {}, text)));
    p.warnings.hidden = warnings.length === 0;
    const onSelect = (index) => this.#reveal(index);
    const listed = provisions + counts.past;
    if (listed) renderSummary(p.summary, report, { columns: 'three', itemsShown: 4, roles: 'actor', onSelect, idPrefix: 'summary-' });
    else p.summary.replaceChildren();
    p.summary.hidden = listed === 0;
    p.entities.hidden = renderEntityChips(p.entities, report, { perType: 4 }) === 0;
    addPart(p.summary, '.scope-column', 'column');
    addPart(p.summary, '.scope-item', 'item');
    addPart(p.entities, '.entity-chip', 'chip');

    // Details: every provision with its roles and sentence, every entity.
    const list = el('ol', { class: 'provision-list' });
    (report.policy?.provisions ?? []).forEach((provision, index) => {
      const card = provisionCard(report, index);
      if (!card) return;
      card.setAttribute('tabindex', '-1');
      card.part.add('card');
      if (provision.sentence?.text) card.append(el('p', { class: 'card-sentence', dir: 'auto' }, String(provision.sentence.text)));
      list.append(el('li', { class: `status-${String(provision.status).replace(/[^a-z]/g, '')}` }, card));
    });
    const entityList = el('div', { class: 'entity-groups' });
    renderEntityGroups(entityList, report, { shownPerType: 8, headingLevel: 4 });
    p.details.replaceChildren(
      ...(list.childElementCount ? [el('h3', {}, 'Provisions'), list] : []),
      ...(entities ? [el('h3', {}, 'Entities'), entityList] : []),
      el('p', { class: 'note' }, 'ArticleScope read this article in your browser: nothing was sent anywhere.'),
    );
    p.actions.hidden = false;
    p.highlight.hidden = !this.#source?.element;
    this.#showDetails(this.hasAttribute('open'));
  }

  #renderError(error) {
    const p = this.#parts;
    const code = error?.code ?? 'internal_error';
    this.#setState('error', '');
    p.warnings.replaceChildren();
    p.warnings.hidden = true;
    p.summary.replaceChildren();
    p.entities.replaceChildren();
    p.entities.hidden = true;
    p.actions.hidden = true;
    p.details.hidden = true;
    const hint = OWNER_HINTS[code];
    p.message.replaceChildren(el('p', {}, MESSAGES[code] ?? 'ArticleScope could not analyse this article.'));
    if (hint) p.message.append(el('p', { class: 'hint' }, hint));
    p.message.dataset.code = code;
    p.message.hidden = false;
  }

  #showDetails(open) {
    const p = this.#parts;
    if (!p) return;
    const available = !p.actions.hidden;
    p.details.hidden = !(open && available);
    p.toggle.setAttribute('aria-expanded', String(open && available));
    p.toggle.textContent = open ? 'Hide details' : 'Show details';
  }

  // The `highlight` attribute: absent = no marks; '' or 'all' = sentences and entities; 'policy'; 'entities'.
  #applyHighlights() {
    this.#removeHighlights();
    const p = this.#parts;
    const value = this.getAttribute('highlight');
    const element = this.#source?.element;
    if (p) {
      p.highlight.setAttribute('aria-pressed', String(value !== null));
      p.highlight.textContent = value !== null ? 'Remove highlights' : 'Highlight in the article';
    }
    if (value === null || !this.#report || !element?.isConnected) return;
    const policy = value !== 'entities';
    const entities = value !== 'policy';
    this.#highlights = highlightReportInPage(element, this.#report, { policy, entities });
  }

  #removeHighlights() {
    this.#highlights?.remove();
    this.#highlights = null;
  }

  // A summary item was chosen: show its sentence in the page when it is marked there, else its card.
  #reveal(index) {
    const mark = this.#highlights?.elements.find((element) =>
      (element.getAttribute('data-articlescope-provisions') ?? '').split(' ').includes(String(index)),
    );
    if (mark) {
      mark.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'center' });
      mark.animate?.(
        [{ outline: '3px solid currentColor', outlineOffset: '2px' }, { outline: '3px solid transparent', outlineOffset: '2px' }],
        { duration: 1600, easing: 'ease-out' },
      );
      return;
    }
    this.setAttribute('open', '');
    const card = this.#shadow.querySelector(`.card-provision[data-provision="${Number(index)}"]`);
    card?.focus({ preventScroll: true });
    card?.scrollIntoView({ block: 'nearest' });
  }
}

// Loaded twice (two URLs, or a host that bundles it too): the first definition stays.
const existing = customElements.get(TAG);
if (!existing) customElements.define(TAG, ArticleScopeElement);
else if (!existing.articleScope) console.warn(`<${TAG}> is already defined by the page: ArticleScope's widget is not used`);
