// The ArticleScope demo page: picks an input, runs the analyser in a Web Worker, renders the report.
//
// Safety rule for everything below: report fields, file contents and pasted text are untrusted. They reach
// the page only as text nodes (textContent, createTextNode) or as values of data-/aria- attributes; never as
// HTML, never as a URL the page loads or links to.
import { LAYER, appendNested, blockIndexAt, blocksFor, nestSpans } from './render.js';

const SAMPLES = [
  { id: 'arms', file: 'samples/arms-artillery.html', label: 'Arms use', note: 'full web page' },
  { id: 'sanctions', file: 'samples/sanctions.txt', label: 'Sanctions', note: 'plain text' },
  { id: 'court', file: 'samples/court-ruling.html', label: 'Court ruling', note: 'web page' },
  {
    id: 'regulator',
    file: 'samples/regulator-approval.txt',
    label: 'Regulator approval',
    note: 'plain text',
  },
  { id: 'feature', file: 'samples/harbour-festival.txt', label: 'No policy: a feature', note: 'plain text' },
];

const ENTITY_TYPES = [
  { type: 'PERSON', label: 'People', singular: 'Person' },
  { type: 'ORG', label: 'Organisations', singular: 'Organisation' },
  { type: 'LOCATION', label: 'Places', singular: 'Place' },
  { type: 'NORP', label: 'Nationalities & groups', singular: 'Nationality or group' },
  { type: 'DATE', label: 'Dates', singular: 'Date' },
  { type: 'MONEY', label: 'Money', singular: 'Money' },
  { type: 'QUANTITY', label: 'Quantities', singular: 'Quantity' },
  { type: 'WEAPON', label: 'Weapons & equipment', singular: 'Weapon or equipment' },
];
const ENTITY_INFO = new Map(ENTITY_TYPES.map((info) => [info.type, info]));

// Each status has its own icon, label and underline style, so colour is never the only cue.
const STATUS_INFO = {
  allowed: { label: 'Allowed', description: 'newly permitted', icon: 'check' },
  lifted: { label: 'Lifted', description: 'a restriction removed', icon: 'arrowUp' },
  prohibited: { label: 'Prohibited', description: 'still forbidden', icon: 'ban' },
  imposed: { label: 'Imposed', description: 'a new restriction', icon: 'alert' },
  excluded: { label: 'Not covered', description: 'explicitly outside the decision', icon: 'minus' },
  proposed: { label: 'Proposed', description: 'not decided yet', icon: 'question' },
};
const STATUS_ORDER = ['allowed', 'lifted', 'prohibited', 'imposed', 'excluded', 'proposed'];

const ICON_PATHS = {
  check: ['M3 8.6l3.1 3.1L13 4.8'],
  arrowUp: ['M8 13.5V3', 'M3.6 7.2L8 2.8l4.4 4.4'],
  ban: ['M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 1 0 8 1.8z', 'M3.7 12.3l8.6-8.6'],
  alert: ['M8 1.8L14.6 13.6H1.4z', 'M8 6.2v3.6', 'M8 11.6v.3'],
  minus: ['M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 1 0 8 1.8z', 'M4.8 8h6.4'],
  question: ['M5.6 6a2.4 2.4 0 1 1 3.5 2.1c-.7.4-1.1.9-1.1 1.7v.4', 'M8 12.4v.3'],
};

const SCOPE_LABELS = {
  location: 'Where',
  restriction: 'Limit',
  instance: 'Case',
  exception: 'Except',
  condition: 'If',
  time: 'When',
  target: 'Target',
};

// Provision flags in reader's words.
const FLAG_LABELS = {
  attributed: 'attributed',
  hedged: 'hedged',
  conditional: 'conditional',
  future: 'future',
  question: 'question',
  quoted: 'in a quote',
  historical: 'former state',
  negated: 'negated',
};
const flagText = (flags) => flags.map((f) => FLAG_LABELS[f] ?? String(f)).join(' · ');

const MAX_FILE_BYTES = 16 * 1024 * 1024;
const GROUPS_SHOWN_PER_TYPE = 12;
const SCOPE_ITEMS_SHOWN = 8;
const BLOCKS_PER_RENDER_SLICE = 60;

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------------------
// Small DOM helpers (text only)

/** Creates an element; string children become text nodes, attributes are set as plain attribute values. */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return element;
}

function icon(name, className = 'icon') {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of ICON_PATHS[name] ?? []) {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

function statusChip(status) {
  const info = STATUS_INFO[status] ?? { label: String(status), icon: 'question' };
  return el('span', { class: `status-chip status-${cssToken(status)}` }, icon(info.icon), info.label);
}

function cssToken(value) {
  return String(value ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');
}

/** The class of an entity type's colours; types the page does not know share a neutral one. */
function entityClass(type) {
  return ENTITY_INFO.has(type) ? `ent-type-${cssToken(type)}` : 'ent-type-other';
}

function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

function formatDate(value) {
  if (typeof value !== 'string' || value === '') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function prefersReducedMotion() {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function nextFrame() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// ---------------------------------------------------------------------------------------------------------
// Theme

const THEMES = ['auto', 'light', 'dark'];

function currentTheme() {
  return document.documentElement.dataset.theme ?? 'auto';
}

function applyTheme(theme) {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  const label = { auto: 'Auto', light: 'Light', dark: 'Dark' }[theme];
  $('theme-label').textContent = label;
  $('theme-toggle').setAttribute('aria-label', `Colour theme: ${label.toLowerCase()}. Change theme`);
  try {
    if (theme === 'auto') localStorage.removeItem('articlescope-theme');
    else localStorage.setItem('articlescope-theme', theme);
  } catch {
    // Not persisted: fine.
  }
}

// ---------------------------------------------------------------------------------------------------------
// Status line, progress and errors

const status = {
  run: 0,
  set(state, message, { progress = null, cancellable = false } = {}) {
    const box = $('status');
    box.dataset.state = state;
    box.dataset.run = String(this.run);
    $('status-text').textContent = message;
    $('status-elapsed').textContent = '';
    $('cancel-button').hidden = !cancellable;
    const bar = $('progress');
    if (progress === null) {
      bar.hidden = true;
    } else {
      bar.hidden = false;
      bar.classList.toggle('indeterminate', progress === 'indeterminate');
      $('progress-bar').style.width = progress === 'indeterminate' ? '' : `${Math.round(progress * 100)}%`;
    }
  },
};

const FRIENDLY_ERRORS = {
  empty_input: 'The input is empty. Paste an article, open a file or pick a sample.',
  binary_input: 'This does not look like text: it may be an image, a PDF or another binary file.',
  input_too_large: 'The input is larger than the analyser accepts.',
  invalid_options: 'The analyser rejected an option.',
  internal_error: 'The analyser hit an internal error on this input.',
};

function showError(title, message) {
  $('error-title').textContent = title;
  $('error-message').textContent = message;
  $('error-box').hidden = false;
}

function hideError() {
  $('error-box').hidden = true;
}

// ---------------------------------------------------------------------------------------------------------
// The analyser (in a Web Worker, loaded on first use)

let analyzerPromise = null;

function getAnalyzer() {
  if (!analyzerPromise) {
    analyzerPromise = (async () => {
      const { createWorkerAnalyzer } = await import('../lib/worker-client.js');
      const analyzer = createWorkerAnalyzer();
      await analyzer.ready;
      return analyzer;
    })();
    analyzerPromise.catch(() => {
      analyzerPromise = null;
    });
  }
  return analyzerPromise;
}

async function stopAnalyzer() {
  const pending = analyzerPromise;
  analyzerPromise = null;
  if (!pending) return;
  try {
    (await pending).terminate();
  } catch {
    // It never started: nothing to stop.
  }
}

// ---------------------------------------------------------------------------------------------------------
// Running one analysis

let currentReport = null;
let currentName = 'article';

/**
 * Analyses `input` and renders the report. A newer run supersedes an older one: its result is dropped.
 * `source` names the input for messages and the export file name.
 */
async function analyse(input, { source, format = 'auto' } = {}) {
  const run = ++status.run;
  const isCurrent = () => run === status.run;
  hideError();
  hideCard();
  currentName = slug(source) || 'article';

  const size = typeof input === 'string' ? new TextEncoder().encode(input).length : input.byteLength;
  const sizeText = formatBytes(size);
  let timer = null;
  let analyzer;
  try {
    if (!analyzerPromise) status.set('loading', 'Loading the analyser…', { progress: 'indeterminate' });
    analyzer = await getAnalyzer();
  } catch (error) {
    if (!isCurrent()) return;
    status.set('error', 'The analyser could not be loaded.');
    $('results').hidden = true;
    showError(
      'The analyser could not be loaded',
      `${error?.message ?? error}. If you serve this page yourself, build the WebAssembly module first ` +
        '(scripts/build.sh wasm), serve the whole web/ folder, and make sure .wasm files are served as application/wasm.',
    );
    return;
  }
  try {
    if (!isCurrent()) return;
    const started = performance.now();
    status.set('analysing', `Analysing ${source} (${sizeText})…`, {
      progress: 'indeterminate',
      cancellable: true,
    });
    // The elapsed time is for the eyes only: the live region announces phases, not every second.
    timer = setInterval(() => {
      const seconds = (performance.now() - started) / 1000;
      if (isCurrent() && seconds >= 1) $('status-elapsed').textContent = `${seconds.toFixed(0)} s`;
    }, 500);
    const report = await analyzer.analyze(input, { format });
    clearInterval(timer);
    if (!isCurrent()) return;
    await renderReport(report, isCurrent);
    if (!isCurrent()) return;
    const title = report.article?.title || source;
    const policyCount = report.policy?.provisions?.length ?? 0;
    const entityCount = report.entities?.length ?? 0;
    if (report.errors?.length) {
      status.set('done', `Could not analyse ${source}.`);
    } else {
      status.set(
        'done',
        `Analysed “${title}”: ${plural(entityCount, 'entity mention')}, ` +
          `${plural(policyCount, 'policy provision')}.`,
      );
    }
  } catch (error) {
    clearInterval(timer);
    if (!isCurrent()) return;
    status.set('error', 'The analysis failed.');
    $('results').hidden = true;
    if (error?.code === 'disposed') return; // cancelled: cancel() already said so
    // A refusal by the core comes with its report; anything else may have broken the worker (out of memory,
    // a crash): start a fresh one for the next run.
    if (!error?.report) stopAnalyzer();
    if (error?.name === 'ArticleScopeError' || error?.code) {
      showError(
        'The analyser could not read this input',
        `${FRIENDLY_ERRORS[error.code] ?? ''} ${error.message ?? ''}`.trim(),
      );
    } else {
      showError('Something went wrong', String(error?.message ?? error));
    }
  } finally {
    clearInterval(timer);
  }
}

async function cancel() {
  const cancelled = status.run;
  status.run += 1;
  await stopAnalyzer();
  if (status.run === cancelled + 1) {
    status.set('cancelled', 'Analysis cancelled.');
    $('results').hidden = true;
  }
}

function slug(value) {
  return String(value ?? '')
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

// ---------------------------------------------------------------------------------------------------------
// Rendering the report

async function renderReport(report, isCurrent) {
  currentReport = report;
  const article = report.article ?? {};
  const text = typeof article.text === 'string' ? article.text : '';
  $('results').hidden = false;
  $('json-view').textContent = '';
  if ($('json-details').open) fillJsonView();
  $('export-status').textContent = '';

  if (report.errors?.length) {
    const first = report.errors[0];
    showError(
      'The analyser could not read this input',
      `${FRIENDLY_ERRORS[first.code] ?? ''} ${first.message ?? ''}`.trim(),
    );
  }

  renderMetadata(report);
  renderScopePanel(report);
  renderLegend(report);
  renderEntitySidebar(report);
  renderTimings(report);
  renderRemoved(report);
  await renderArticleBody(report, text, isCurrent);
  document.title = article.title ? `${article.title} · ArticleScope` : 'ArticleScope';
}

function renderMetadata(report) {
  const article = report.article ?? {};
  $('article-site').textContent = article.site ?? '';
  $('article-site').hidden = !article.site;
  $('article-title').textContent = article.title || 'Untitled article';
  // The article's own language and direction, so that screen readers and right-to-left text read well.
  const lang =
    typeof article.lang === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(article.lang)
      ? article.lang
      : '';
  $('article').lang = lang;
  $('article-title').dir = 'auto';
  $('engine-version').textContent = Number.isInteger(report.version)
    ? `Report format v${report.version}`
    : '';
  const meta = $('article-meta');
  meta.replaceChildren();
  if (article.byline) meta.append(el('span', { class: 'meta-byline' }, article.byline));
  if (article.published) {
    meta.append(
      el('time', { class: 'meta-date', datetime: article.published }, formatDate(article.published)),
    );
  }
  const words = (article.text ?? '').split(/\s+/).filter(Boolean).length;
  if (words > 0)
    meta.append(el('span', { class: 'meta-length' }, `${Math.max(1, Math.round(words / 230))} min read`));

  const warnings = (report.warnings ?? []).map((w) => {
    if (w.code === 'not_readerable')
      return 'This page may not be an article: it looks like a home or index page.';
    if (w.code === 'invalid_utf8') return 'Some invalid characters were replaced.';
    if (w.code === 'transcoded') return null;  // decoded from the page's charset: nothing for the reader to do
    if (w.code === 'truncated') return 'The input hit a limit; the analysis is partial.';
    if (w.code === 'language_unsupported') {
      const language = /^the article is in (.+?) \(/.exec(w.message ?? '')?.[1] ?? 'another language';
      return `This article is in ${language}. Names, places, organisations and policy provisions are ` +
        'only looked for in English text, so only dates, amounts and quantities are marked.';
    }
    return w.message || w.code;
  }).filter(Boolean);
  $('article-warning').textContent = warnings.join(' ');
  $('article-warning').hidden = warnings.length === 0;
}

function provisionAt(report, index) {
  const provisions = report.policy?.provisions ?? [];
  return Number.isInteger(index) && index >= 0 && index < provisions.length ? provisions[index] : null;
}

function renderScopePanel(report) {
  const summary = report.policy?.summary ?? {};
  const provisions = report.policy?.provisions ?? [];
  const fill = (listId, items, emptyText) => {
    const list = $(listId);
    list.replaceChildren();
    if (!items?.length) {
      list.append(el('li', { class: 'scope-empty' }, emptyText));
      return;
    }
    // Long reports: the first items now, the rest on request (built only then).
    for (const item of items.slice(0, SCOPE_ITEMS_SHOWN)) list.append(el('li', {}, scopeItem(report, item)));
    if (items.length > SCOPE_ITEMS_SHOWN) {
      const more = el(
        'button',
        { type: 'button', class: 'button small ghost show-more scope-more' },
        `Show all ${items.length}`,
      );
      more.addEventListener('click', () => {
        const rest = items.slice(SCOPE_ITEMS_SHOWN).map((item) => el('li', {}, scopeItem(report, item)));
        more.parentElement.replaceWith(...rest);
      });
      list.append(el('li', { class: 'scope-more-row' }, more));
    }
  };
  fill('scope-allowed', summary.allowed, 'Nothing newly allowed in this article.');
  fill('scope-prohibited', summary.prohibited, 'No prohibition or exclusion found.');
  fill('scope-proposed', summary.proposed, '');
  $('scope-proposed-wrap').hidden = !summary.proposed?.length;

  const note = $('scope-note');
  const notEnglish = (report.warnings ?? []).some((w) => w.code === 'language_unsupported');
  if (provisions.length === 0 && notEnglish) {
    note.textContent = 'Not analysed: policy provisions are only looked for in English articles.';
  } else if (provisions.length === 0) {
    note.textContent =
      'No policy decision found: ArticleScope lists provisions only when an article reports ' +
      'something being allowed, prohibited, lifted, imposed or proposed.';
  } else {
    note.textContent = `${plural(provisions.length, 'provision')} found. Select an item to find it in the article.`;
  }
  $('scope-panel').classList.toggle('empty', provisions.length === 0);
}

function scopeItem(report, item) {
  const provision = provisionAt(report, item.provision);
  const statusName = item.status ?? provision?.status;
  const button = el('button', {
    type: 'button',
    class: `scope-item status-${cssToken(statusName)}`,
    'data-provision': Number.isInteger(item.provision) ? item.provision : null,
  });
  const head = el('span', { class: 'scope-item-head' }, statusChip(statusName));
  if (provision?.flags?.length) {
    head.append(el('span', { class: 'flags' }, flagText(provision.flags)));
  }
  button.append(head, el('span', { class: 'scope-text' }, item.text || provision?.sentence?.text || ''));
  if (provision) {
    const roles = el('span', { class: 'scope-roles' });
    if (provision.actor?.text)
      roles.append(
        el(
          'span',
          { class: 'role' },
          el('span', { class: 'role-name' }, 'Who decides'),
          provision.actor.text,
        ),
      );
    if (provision.subject?.text)
      roles.append(
        el(
          'span',
          { class: 'role' },
          el('span', { class: 'role-name' }, 'Applies to'),
          provision.subject.text,
        ),
      );
    for (const scope of provision.scopes ?? []) {
      if (!scope?.text) continue;
      roles.append(
        el(
          'span',
          { class: 'role scope-tag' },
          el('span', { class: 'role-name' }, SCOPE_LABELS[scope.kind] ?? String(scope.kind ?? 'Scope')),
          scope.text,
        ),
      );
    }
    if (roles.childElementCount) button.append(roles);
  }
  button.addEventListener('click', () => revealProvision(item.provision));
  return button;
}

function revealProvision(index) {
  if (!Number.isInteger(index)) return;
  const sentence = document.querySelector(`#article-body [data-provisions~="${index}"]`);
  if (!sentence) return;
  flash(sentence);
}

function flash(element) {
  element.classList.remove('flash');
  void element.offsetWidth; // restart the animation when the same element is flashed twice
  element.classList.add('flash');
  element.addEventListener('animationend', () => element.classList.remove('flash'), { once: true });
  element.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'center' });
  element.focus({ preventScroll: true });
}

// Entity groups keyed by id; built from entity_groups, or from the mentions when the report has no groups.
function groupsOf(report) {
  const groups = new Map();
  for (const group of report.entity_groups ?? []) {
    if (group && Number.isInteger(group.id)) groups.set(group.id, { ...group, mentions: 0 });
  }
  for (const mention of report.entities ?? []) {
    let group = groups.get(mention.id);
    if (!group) {
      group = {
        id: mention.id,
        type: mention.type,
        canonical: mention.text,
        count: 0,
        aliases: [],
        mentions: 0,
      };
      groups.set(mention.id ?? `${mention.type}:${mention.text}`, group);
    }
    group.mentions += 1;
  }
  return groups;
}

function typeCounts(report) {
  const counts = new Map();
  for (const mention of report.entities ?? []) counts.set(mention.type, (counts.get(mention.type) ?? 0) + 1);
  return counts;
}

function knownTypes(report) {
  const counts = typeCounts(report);
  const types = ENTITY_TYPES.map((info) => info.type);
  for (const type of counts.keys()) if (!types.includes(type)) types.push(type);
  return { types, counts };
}

const hiddenTypes = new Set();
let policyMarksHidden = false;

function renderLegend(report) {
  const { types, counts } = knownTypes(report);
  const legend = $('entity-legend');
  legend.replaceChildren();
  for (const type of types) {
    const info = ENTITY_INFO.get(type) ?? { label: type };
    const count = counts.get(type) ?? 0;
    const button = el(
      'button',
      {
        type: 'button',
        class: `legend-toggle ${entityClass(type)}`,
        'data-type': type,
        'aria-pressed': hiddenTypes.has(type) ? 'false' : 'true',
        disabled: count === 0,
        title:
          count === 0
            ? `No ${info.label.toLowerCase()} in this article`
            : `Show or hide ${info.label.toLowerCase()}`,
      },
      el('span', { class: 'swatch', 'aria-hidden': 'true' }),
      el('span', { class: 'legend-label' }, info.label),
      el('span', { class: 'legend-count' }, String(count)),
    );
    button.addEventListener('click', () => toggleType(type));
    legend.append(button);
  }
  applyHiddenTypes();

  const policyLegend = $('policy-legend');
  policyLegend.replaceChildren();
  const provisions = report.policy?.provisions ?? [];
  for (const statusName of STATUS_ORDER) {
    const count = provisions.filter((p) => p.status === statusName).length;
    const info = STATUS_INFO[statusName];
    policyLegend.append(
      el(
        'li',
        { class: count ? '' : 'muted' },
        el('span', { class: 'legend-sample' }, statusChip(statusName)),
        el('span', { class: 'legend-desc' }, info.description),
        el('span', { class: 'legend-count' }, String(count)),
      ),
    );
  }
  const toggle = el(
    'li',
    { class: 'policy-toggle-row' },
    el(
      'button',
      {
        type: 'button',
        class: 'button small ghost',
        id: 'policy-toggle',
        'aria-pressed': policyMarksHidden ? 'false' : 'true',
      },
      policyMarksHidden ? 'Show policy marks' : 'Hide policy marks',
    ),
  );
  toggle.firstChild.addEventListener('click', togglePolicyMarks);
  policyLegend.append(toggle);
}

function toggleType(type) {
  if (hiddenTypes.has(type)) hiddenTypes.delete(type);
  else hiddenTypes.add(type);
  for (const button of document.querySelectorAll('#entity-legend .legend-toggle')) {
    button.setAttribute('aria-pressed', hiddenTypes.has(button.dataset.type) ? 'false' : 'true');
  }
  applyHiddenTypes();
}

function applyHiddenTypes() {
  const body = $('article-body');
  for (const type of knownTypes(currentReport ?? {}).types) {
    body.classList.toggle(`hide-${cssToken(type)}`, hiddenTypes.has(type));
  }
}

function togglePolicyMarks() {
  policyMarksHidden = !policyMarksHidden;
  $('article-body').classList.toggle('hide-policy', policyMarksHidden);
  const button = $('policy-toggle');
  button.setAttribute('aria-pressed', policyMarksHidden ? 'false' : 'true');
  button.textContent = policyMarksHidden ? 'Show policy marks' : 'Hide policy marks';
}

function renderEntitySidebar(report) {
  const container = $('entity-groups');
  container.replaceChildren();
  const groups = [...groupsOf(report).values()].filter((g) => g.mentions > 0);
  $('entity-total').textContent = String(report.entities?.length ?? 0);
  if (groups.length === 0) {
    container.append(el('p', { class: 'side-note' }, 'No entities found.'));
    return;
  }
  for (const type of knownTypes(report).types) {
    const ofType = groups
      .filter((g) => g.type === type)
      .sort((a, b) => b.mentions - a.mentions || String(a.canonical).localeCompare(String(b.canonical)));
    if (ofType.length === 0) continue;
    const info = ENTITY_INFO.get(type) ?? { label: type };
    const mentions = ofType.reduce((sum, g) => sum + g.mentions, 0);
    const section = el(
      'section',
      { class: `entity-type ${entityClass(type)}`, 'data-type': type },
      el(
        'h3',
        {},
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        info.label,
        el(
          'span',
          {
            class: 'count',
            title: `${plural(ofType.length, 'entity', 'entities')}, ${plural(mentions, 'mention')}`,
          },
          String(mentions),
        ),
      ),
    );
    const list = el('ul', { class: 'entity-list' });
    ofType.forEach((group, index) => {
      const item = el(
        'li',
        { hidden: index >= GROUPS_SHOWN_PER_TYPE },
        el(
          'button',
          {
            type: 'button',
            class: 'entity-link',
            'data-group': group.id,
            title: group.aliases?.length ? `Also: ${group.aliases.join(', ')}` : null,
          },
          el('span', { class: 'entity-name' }, String(group.canonical ?? '')),
          el(
            'span',
            { class: 'entity-count', 'aria-label': plural(group.mentions, 'mention') },
            `×${group.mentions}`,
          ),
        ),
      );
      item.firstChild.addEventListener('click', () => revealGroup(group.id));
      list.append(item);
    });
    section.append(list);
    if (ofType.length > GROUPS_SHOWN_PER_TYPE) {
      const more = el(
        'button',
        { type: 'button', class: 'button small ghost show-more' },
        `Show all ${ofType.length}`,
      );
      more.addEventListener('click', () => {
        for (const item of list.children) item.hidden = false;
        more.remove();
      });
      section.append(more);
    }
    container.append(section);
  }
}

function revealGroup(id) {
  const mention = document.querySelector(`#article-body .ent[data-group="${CSS.escape(String(id))}"]`);
  if (mention) {
    flash(mention);
    showCardFor(mention);
  }
}

function renderTimings(report) {
  const list = $('timings');
  list.replaceChildren();
  const timings = report.timings ?? {};
  const names = {
    clean_ms: 'Cleaning',
    segment_ms: 'Sentences',
    entities_ms: 'Entities',
    policy_ms: 'Policy',
    parse_ms: 'Parsing',
    total_ms: 'Total',
  };
  const total = Number(timings.total_ms) || 0;
  const row = (label, value, fraction = null) => {
    const bar =
      fraction === null
        ? null
        : el('span', { class: 'timing-bar', 'aria-hidden': 'true' }, el('span', { class: 'timing-fill' }));
    if (bar) bar.firstChild.style.width = `${Math.max(2, Math.min(100, fraction * 100))}%`;
    list.append(el('div', { class: 'timing-row' }, el('dt', {}, label), el('dd', {}, value, bar)));
  };
  row('Input', `${formatBytes(report.input_bytes)} · ${report.format === 'html' ? 'HTML' : 'text'}`);
  for (const [key, value] of Object.entries(timings)) {
    if (key === 'total_ms' || !Number.isFinite(value)) continue;
    row(names[key] ?? key.replace(/_ms$/, ''), `${value.toFixed(1)} ms`, total > 0 ? value / total : 0);
  }
  if (Number.isFinite(timings.total_ms)) row('Total', `${timings.total_ms.toFixed(1)} ms`);
}

function renderRemoved(report) {
  const removed = report.article?.removed ?? [];
  $('removed-count').textContent = String(removed.length);
  const list = $('removed-list');
  list.replaceChildren();
  if (removed.length === 0) {
    list.append(el('li', { class: 'removed-empty' }, 'Nothing was removed.'));
    return;
  }
  for (const item of removed) {
    list.append(
      el(
        'li',
        {},
        el('span', { class: 'reason-chip' }, String(item.reason ?? 'removed').replace(/_/g, ' ')),
        el('span', { class: 'removed-text' }, String(item.text ?? '')),
      ),
    );
  }
}

// Spans drawn in the article: provision sentences (grouped when several share one), their roles, entities.
function articleSpans(report, textLength) {
  const spans = [];
  const inText = (s) =>
    s &&
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.end <= textLength &&
    s.end > s.start;
  const sentences = new Map();
  (report.policy?.provisions ?? []).forEach((provision, index) => {
    const sentence = provision?.sentence;
    if (!inText(sentence)) return;
    const key = `${sentence.start}:${sentence.end}`;
    let span = sentences.get(key);
    if (!span) {
      span = {
        start: sentence.start,
        end: sentence.end,
        layer: LAYER.sentence,
        kind: 'sentence',
        provisions: [],
      };
      sentences.set(key, span);
      spans.push(span);
    }
    span.provisions.push(index);
    for (const role of ['trigger', 'actor', 'subject']) {
      if (inText(provision[role])) spans.push({ ...pick(provision[role]), layer: LAYER.role, kind: role });
    }
    for (const scope of provision.scopes ?? []) {
      if (inText(scope))
        spans.push({ ...pick(scope), layer: LAYER.role, kind: 'scope', scopeKind: scope.kind });
    }
  });
  (report.entities ?? []).forEach((entity, index) => {
    if (inText(entity)) spans.push({ ...pick(entity), layer: LAYER.entity, kind: 'entity', entity, index });
  });
  // Roles repeated by several provisions of one sentence are drawn once.
  const seen = new Set();
  return spans
    .filter((span) => {
      if (span.kind === 'sentence' || span.kind === 'entity') return true;
      const key = `${span.kind}:${span.start}:${span.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start);
}

function pick(span) {
  return { start: span.start, end: span.end };
}

function makeHighlight(report, groups) {
  return (node) => {
    const span = node.span;
    if (span.kind === 'sentence') {
      const provisions = span.provisions.map((i) => report.policy.provisions[i]);
      const statuses = [...new Set(provisions.map((p) => p.status))];
      const element = el('span', {
        class: `pol pol-${cssToken(statuses[0])}`,
        'data-provisions': span.provisions.join(' '),
        'data-status': statuses.join(' '),
        tabindex: node.part === 0 ? '-1' : null,
      });
      if (node.part === 0) {
        for (const statusName of statuses) {
          const info = STATUS_INFO[statusName] ?? { label: statusName, icon: 'question' };
          element.append(
            el(
              'span',
              {
                class: `pol-badge status-${cssToken(statusName)}`,
                tabindex: '0',
                role: 'note',
                'data-provisions': span.provisions.join(' '),
                'aria-label': `${info.label}: policy provision. Details`,
              },
              icon(info.icon),
              el('span', { class: 'pol-badge-label' }, info.label),
            ),
          );
        }
      }
      return element;
    }
    if (span.kind === 'entity') {
      const entity = span.entity;
      const group = groups.get(entity.id);
      const info = ENTITY_INFO.get(entity.type);
      return el('mark', {
        class: `ent ${entityClass(entity.type)}`,
        'data-type': entity.type,
        'data-group': entity.id,
        'data-index': span.index,
        'data-part': node.part,
        tabindex: node.part === 0 ? '0' : null,
        'aria-label':
          node.part === 0
            ? `${entity.text}: ${info?.singular ?? entity.type}` +
              (group?.canonical && group.canonical !== entity.text ? `, ${group.canonical}` : '')
            : null,
      });
    }
    return el('span', {
      class: `role role-${span.kind}${span.scopeKind ? ` scope-${cssToken(span.scopeKind)}` : ''}`,
      'data-role': span.kind,
    });
  };
}

const BLOCK_TAGS = {
  heading: 'h3',
  paragraph: 'p',
  quote: 'blockquote',
  caption: 'p',
  preformatted: 'pre',
  table_row: 'p',
  list_item: 'li',
};

// Blocks to draw: the report's blocks, plus any text between them that would otherwise disappear.
function renderBlocks(text, blocks) {
  const sorted = blocksFor(text, blocks)
    .slice()
    .sort((a, b) => a.start - b.start);
  const result = [];
  let cursor = 0;
  const addGap = (from, to) => {
    const gap = text.slice(from, to);
    if (/\S/.test(gap)) {
      for (const piece of blocksFor(gap, [])) {
        result.push({ kind: 'paragraph', start: from + piece.start, end: from + piece.end, level: 0 });
      }
    }
  };
  for (const block of sorted) {
    const start = Math.max(block.start, cursor);
    if (block.end <= start) continue;
    addGap(cursor, start);
    result.push({ ...block, start });
    cursor = block.end;
  }
  addGap(cursor, text.length);
  return result;
}

async function renderArticleBody(report, text, isCurrent) {
  const body = $('article-body');
  body.replaceChildren();
  body.classList.toggle('hide-policy', policyMarksHidden);
  applyHiddenTypes();
  if (!text) {
    body.append(
      el(
        'p',
        { class: 'article-empty' },
        report.errors?.length ? 'No article text.' : 'The article has no text.',
      ),
    );
    return;
  }
  const blocks = renderBlocks(text, report.article?.blocks);
  const spans = articleSpans(report, text.length);
  const groups = groupsOf(report);
  const makeElement = makeHighlight(report, groups);

  // Spans per block: a span that runs over several blocks is offered to each of them.
  const spansByBlock = blocks.map(() => []);
  for (const span of spans) {
    for (let i = blockIndexAt(blocks, span.start); i < blocks.length && blocks[i].start < span.end; i++) {
      spansByBlock[i].push(span);
    }
  }

  // Built off-document (no layout while building), in slices that hand control back to the page, then
  // attached at once: a long article costs one layout, not one per slice.
  body.classList.toggle('long', blocks.length > 150);
  const fragment = document.createDocumentFragment();
  let list = null;
  let sliceStart = performance.now();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const kind = BLOCK_TAGS[block.kind] ? block.kind : 'paragraph';
    let tag = BLOCK_TAGS[kind];
    if (kind === 'heading') tag = Number(block.level) <= 2 ? 'h3' : 'h4';
    const element = el(tag, { class: `block block-${kind.replace('_', '-')}`, dir: 'auto' });
    appendNested(
      element,
      text,
      block.start,
      block.end,
      nestSpans(spansByBlock[i], block.start, block.end),
      makeElement,
    );
    if (kind === 'list_item') {
      if (!list) {
        list = el('ul', { class: 'block block-list' });
        fragment.append(list);
      }
      list.append(element);
    } else {
      list = null;
      fragment.append(element);
    }
    // Keep the page responsive on long articles: hand control back now and then, and show progress.
    if ((i + 1) % BLOCKS_PER_RENDER_SLICE === 0 && performance.now() - sliceStart > 30) {
      status.set('rendering', `Drawing the article: ${i + 1} of ${blocks.length} paragraphs…`, {
        progress: (i + 1) / blocks.length,
        cancellable: true,
      });
      await nextFrame();
      if (!isCurrent()) return;
      sliceStart = performance.now();
    }
  }
  body.append(fragment);
}

// ---------------------------------------------------------------------------------------------------------
// Hover and focus card for entities and policy badges

let cardAnchor = null;

function describeEntity(mark) {
  const report = currentReport;
  const entity = report?.entities?.[Number(mark.dataset.index)];
  if (!entity) return null;
  const group = groupsOf(report).get(entity.id);
  const info = ENTITY_INFO.get(entity.type) ?? { singular: entity.type };
  const count = group?.count || group?.mentions || 1;
  const content = [
    el(
      'p',
      { class: `card-type ${entityClass(entity.type)}` },
      el('span', { class: 'swatch', 'aria-hidden': 'true' }),
      info.singular,
    ),
    el('p', { class: 'card-title' }, String(group?.canonical || entity.text)),
    el('p', { class: 'card-line' }, `${plural(count, 'mention')} in this article`),
  ];
  const aliases = (group?.aliases ?? []).filter((a) => a !== group?.canonical);
  if (aliases.length)
    content.push(el('p', { class: 'card-line muted' }, `Also written as: ${aliases.slice(0, 6).join(', ')}`));
  if (group?.canonical && entity.text !== group.canonical) {
    content.push(el('p', { class: 'card-line muted' }, `Here: “${entity.text}”`));
  }
  return content;
}

function describeProvisions(badge) {
  const report = currentReport;
  const indices = (badge.dataset.provisions ?? '').split(' ').map(Number);
  const content = [];
  for (const index of indices) {
    const provision = provisionAt(report, index);
    if (!provision) continue;
    const rows = el('dl', { class: 'card-roles' });
    const addRow = (label, value) => {
      if (value) rows.append(el('dt', {}, label), el('dd', {}, value));
    };
    addRow('Trigger', provision.trigger?.text);
    addRow('Who decides', provision.actor?.text);
    addRow('Applies to', provision.subject?.text);
    addRow('What', provision.action?.text);
    for (const scope of provision.scopes ?? []) addRow(SCOPE_LABELS[scope.kind] ?? scope.kind, scope.text);
    if (provision.flags?.length) addRow('Notes', flagText(provision.flags));
    content.push(
      el(
        'div',
        { class: 'card-provision' },
        el('p', { class: 'card-type' }, statusChip(provision.status)),
        rows,
      ),
    );
  }
  return content.length ? content : null;
}

function showCardFor(target) {
  const content = target.classList.contains('ent') ? describeEntity(target) : describeProvisions(target);
  if (!content) return;
  const card = $('hover-card');
  card.replaceChildren(...content);
  card.hidden = false;
  cardAnchor = target;
  target.setAttribute('aria-describedby', 'hover-card');
  positionCard();
}

function positionCard() {
  if (!cardAnchor) return;
  const card = $('hover-card');
  const rect = cardAnchor.getClientRects()[0] ?? cardAnchor.getBoundingClientRect();
  const margin = 8;
  const width = card.offsetWidth;
  const height = card.offsetHeight;
  let left = Math.min(Math.max(margin, rect.left), window.innerWidth - width - margin);
  let top = rect.bottom + margin;
  if (top + height > window.innerHeight - margin && rect.top - height - margin > margin)
    top = rect.top - height - margin;
  left = Math.max(margin, left);
  card.style.left = `${left + window.scrollX}px`;
  card.style.top = `${top + window.scrollY}px`;
}

function hideCard() {
  if (cardAnchor) cardAnchor.removeAttribute('aria-describedby');
  cardAnchor = null;
  $('hover-card').hidden = true;
}

function cardTarget(node) {
  return node?.closest?.('#article-body .ent, #article-body .pol-badge') ?? null;
}

function wireCard() {
  const body = $('article-body');
  body.addEventListener('mouseover', (event) => {
    const target = cardTarget(event.target);
    if (target && target !== cardAnchor) showCardFor(target);
  });
  body.addEventListener('mouseout', (event) => {
    const target = cardTarget(event.target);
    if (target && !target.contains(event.relatedTarget) && document.activeElement !== target) hideCard();
  });
  body.addEventListener('focusin', (event) => {
    const target = cardTarget(event.target);
    if (target) showCardFor(target);
  });
  body.addEventListener('focusout', (event) => {
    if (cardTarget(event.target) === cardAnchor) hideCard();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && cardAnchor) hideCard();
  });
  window.addEventListener('resize', positionCard);
}

// ---------------------------------------------------------------------------------------------------------
// Export

function reportJson() {
  return JSON.stringify(currentReport, null, 2);
}

function fillJsonView() {
  if (currentReport && !$('json-view').textContent) $('json-view').textContent = reportJson();
}

async function copyJson() {
  if (!currentReport) return;
  const json = reportJson();
  let copied = false;
  try {
    await navigator.clipboard.writeText(json);
    copied = true;
  } catch {
    const scratch = el('textarea', { class: 'visually-hidden', readonly: true });
    scratch.value = json;
    document.body.append(scratch);
    scratch.select();
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    scratch.remove();
  }
  $('export-status').textContent = copied
    ? `Copied ${formatBytes(json.length)} of JSON to the clipboard.`
    : 'Copying is blocked here: use Download instead.';
}

function downloadJson() {
  if (!currentReport) return;
  const blob = new Blob([reportJson()], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: `articlescope-${currentName}.json`, class: 'visually-hidden' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  $('export-status').textContent = `Saved articlescope-${currentName}.json.`;
}

// ---------------------------------------------------------------------------------------------------------
// Inputs

function renderSampleButtons() {
  const list = $('sample-list');
  for (const sample of SAMPLES) {
    const button = el(
      'button',
      { type: 'button', class: 'sample-button', 'data-sample': sample.id, 'aria-pressed': 'false' },
      el('span', { class: 'sample-label' }, sample.label),
      el('span', { class: 'sample-note' }, sample.note),
    );
    button.addEventListener('click', () => loadSample(sample.id, { updateHash: true }));
    list.append(button);
  }
}

function markSample(id) {
  for (const button of document.querySelectorAll('.sample-button')) {
    button.setAttribute('aria-pressed', button.dataset.sample === id ? 'true' : 'false');
  }
}

async function loadSample(id, { updateHash = false } = {}) {
  const sample = SAMPLES.find((s) => s.id === id) ?? SAMPLES[0];
  markSample(sample.id);
  if (updateHash) history.replaceState(null, '', `#sample=${sample.id}`);
  const run = status.run;
  status.set('loading', `Loading the “${sample.label}” sample…`, { progress: 'indeterminate' });
  let input;
  try {
    const response = await fetch(new URL(sample.file, import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    input = await response.text();
  } catch (error) {
    if (run !== status.run) return;
    status.set('error', 'The sample could not be loaded.');
    showError('The sample could not be loaded', `${sample.file}: ${error.message}`);
    return;
  }
  if (run !== status.run) return;
  await analyse(input, { source: sample.file.split('/').pop() });
}

async function analyseFile(file) {
  if (!file) return;
  markSample(null);
  history.replaceState(null, '', location.pathname + location.search);
  if (file.size > MAX_FILE_BYTES) {
    status.set('error', 'The file is too large.');
    showError(
      'The file is too large',
      `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_FILE_BYTES)}.`,
    );
    return;
  }
  status.run += 1;
  status.set('reading', `Reading ${file.name}…`, { progress: 'indeterminate' });
  let input;
  try {
    // Bytes, not file.text(): the core decodes a page saved in a legacy charset by its <meta> declaration.
    input = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    status.set('error', 'The file could not be read.');
    showError('The file could not be read', `${file.name}: ${error.message}`);
    return;
  }
  const format = $('format-select').value;
  await analyse(input, { source: file.name, format });
}

function analysePasted() {
  const input = $('input-text').value;
  if (!input.trim()) {
    status.set('error', 'Nothing to analyse.');
    showError('Nothing to analyse', 'Paste the text or HTML of an article into the box first.');
    $('input-text').focus();
    return;
  }
  markSample(null);
  history.replaceState(null, '', location.pathname + location.search);
  analyse(input, { source: 'pasted text', format: $('format-select').value });
}

function wireInputs() {
  $('own-form').addEventListener('submit', (event) => {
    event.preventDefault();
    analysePasted();
  });
  $('input-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      analysePasted();
    }
  });
  $('file-input').addEventListener('change', (event) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    analyseFile(file);
  });
  $('cancel-button').addEventListener('click', cancel);

  // Drag and drop a file (or dragged text) anywhere on the page.
  const overlay = $('drop-overlay');
  let depth = 0;
  const carriesInput = (event) =>
    [...(event.dataTransfer?.types ?? [])].some((t) => t === 'Files' || t === 'text/plain');
  document.addEventListener('dragenter', (event) => {
    if (!carriesInput(event)) return;
    event.preventDefault();
    depth += 1;
    overlay.hidden = false;
  });
  document.addEventListener('dragover', (event) => {
    if (!carriesInput(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  document.addEventListener('drop', (event) => {
    if (!carriesInput(event)) return;
    event.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const file = event.dataTransfer.files?.[0];
    if (file) {
      analyseFile(file);
      return;
    }
    const text = event.dataTransfer.getData('text/plain');
    if (text.trim()) {
      $('own-article').open = true;
      $('input-text').value = text;
      analysePasted();
    }
  });
}

function sampleFromHash() {
  const match = /(?:^#|&)sample=([a-z-]+)/.exec(location.hash);
  return match && SAMPLES.some((s) => s.id === match[1]) ? match[1] : SAMPLES[0].id;
}

function init() {
  renderSampleButtons();
  wireInputs();
  wireCard();
  $('theme-toggle').addEventListener('click', () => {
    applyTheme(THEMES[(THEMES.indexOf(currentTheme()) + 1) % THEMES.length]);
  });
  applyTheme(currentTheme());
  $('copy-json').addEventListener('click', copyJson);
  $('download-json').addEventListener('click', downloadJson);
  $('json-details').addEventListener('toggle', () => {
    if ($('json-details').open) fillJsonView();
  });
  window.addEventListener('hashchange', () => loadSample(sampleFromHash()));
  loadSample(sampleFromHash());
}

init();
