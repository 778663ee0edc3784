// The ArticleScope demo page: picks an input, runs the analyser in a Web Worker, renders the report with the
// shared UI (../ui/).
//
// Safety rule for everything below: report fields, file contents and pasted text are untrusted. They reach
// the page only as text nodes (textContent, createTextNode) or as values of data-/aria- attributes; never as
// HTML, never as a URL the page loads or links to.
// Only the modules the page uses (not web/ui's index.js, which also pulls in what the widget needs): the page
// preloads exactly these (index.html), and the service worker (sw.js) keeps them for offline use.
import { attachHoverCard } from '../ui/cards.js';
import { el, plural } from '../ui/dom.js';
import { renderEntityGroups, renderLegend, renderPolicyLegend, setLegendPressed, setPolicyToggle } from '../ui/entities.js';
import { renderArticle, renderFigures, revealGroup, revealProvision, setHiddenTypes, setPolicyMarksHidden } from '../ui/article.js';
import { entityCountText, entityCounts } from '../ui/model.js';
import { emptyScopeMessage, presentReport, warningMessages } from '../ui/present.js';
import { renderSummary } from '../ui/summary.js';
import { analyzerReady, getAnalyzer, loadSampleText, stopAnalyzer, takeEarlyReport, warmUpAnalyzer } from './boot.js';
import { SAMPLES, sampleFromHash } from './samples.js';

const MAX_FILE_BYTES = 16 * 1024 * 1024;

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------------------
// Formatting

function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// "12 March 2026". Written out rather than toLocaleDateString: the first Intl call loads the locale data,
// tens of milliseconds on the way to the first result.
function formatDate(value) {
  if (typeof value !== 'string' || value === '') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return value;
  return `${day} ${MONTHS[month - 1]} ${year}`;
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
    if (!analyzerReady()) status.set('loading', 'Loading the analyser…', { progress: 'indeterminate' });
    analyzer = await getAnalyzer();
  } catch (error) {
    if (!isCurrent()) return;
    status.set('error', 'The analyser could not be loaded.');
    clearResults();
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
    const report = await (takeEarlyReport(input, analyzer, format) ?? analyzer.analyze(input, { format }));
    if (!firstStepDrawn) performance.mark('articlescope:report');
    clearInterval(timer);
    if (!isCurrent()) return;
    if (!(await renderReport(report, isCurrent))) return;
    const title = report.article?.title || source;
    if (report.errors?.length) {
      status.set('done', `Could not analyse ${source}.`);
    } else {
      status.set('done', `Analysed “${title}”: ${countsText(report)}.`);
    }
    reportDrawn();
  } catch (error) {
    clearInterval(timer);
    if (!isCurrent()) return;
    status.set('error', 'The analysis failed.');
    clearResults();
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
    clearResults();
  }
}

/** Takes the last report off the page, so that no old result stands under a message about a new input. */
function clearResults() {
  $('results').hidden = true;
  currentReport = null;
  hideCard();
}

/** "5 provisions, 12 entities (31 mentions)": the numbers of what the page lists. */
function countsText(report) {
  const { counts } = presentReport(report);
  const entities = [...entityCounts(report).values()].reduce(
    (sum, c) => ({ entities: sum.entities + c.entities, mentions: sum.mentions + c.mentions }),
    { entities: 0, mentions: 0 },
  );
  const earlier = counts.past ? `, ${plural(counts.past, 'earlier rule')}` : '';
  return (
    `${plural(counts.current, 'policy provision')}${earlier}, ` +
    `${plural(entities.entities, 'entity', 'entities')} (${plural(entities.mentions, 'mention')})`
  );
}

// The first report is drawn in two steps, so that the policy scope (what the first screen shows of a report)
// is painted before the rest is built: the first task draws the status line and the policy scope, with the
// cards below hidden; once that frame is painted ("articlescope:first-screen", read by bench/first_result.mjs),
// the next draws the legend, the article, the entity list and the extras ("articlescope:first-result" once
// painted). Later reports are drawn in one task: they replace a report on screen, which must never stand half
// old, half new.
let firstStepDrawn = false;

/**
 * Resolves once the page's next frame (holding what the DOM has now) is painted, true; false at once if the page
 * is not being drawn (a hidden tab), or after a second without a frame.
 */
function painted() {
  if (document.visibilityState === 'hidden') return Promise.resolve(false);
  // A frame callback runs before that frame's style, layout and paint; a task it posts runs after them.
  const frame = new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(true), 0)));
  return Promise.race([frame, new Promise((resolve) => setTimeout(() => resolve(false), 1000))]);
}

// The first report is on screen: the moment to warm the analyser up and to offer offline use, once nothing else
// competes for the network and the processor.
let firstReportDrawn = false;
function reportDrawn() {
  if (firstReportDrawn) return;
  firstReportDrawn = true;
  painted().then((wasPainted) => {
    if (wasPainted) performance.mark('articlescope:first-result');
    warmUpAnalyzer();
    registerOffline();
  });
}

/**
 * Registers the service worker (sw.js) that keeps the demo working offline. Only where browsers allow one
 * (a secure context over http or https: not file:, not an opaque-origin sandbox); a refusal (private
 * browsing, a host's policy) leaves the page working online as before.
 */
function registerOffline() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext || !/^https?:$/.test(location.protocol)) return;
  try {
    navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { updateViaCache: 'none' }).catch(() => {});
  } catch {
    // Refused synchronously (SecurityError in some private modes): online only.
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

/** Draws `report`; resolves to false if a newer run took over meanwhile (isCurrent() returned false). */
async function renderReport(report, isCurrent) {
  currentReport = report;
  const article = report.article ?? {};
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
  if (!firstStepDrawn) {
    firstStepDrawn = true;
    status.set('rendering', 'Drawing the article…', { progress: 'indeterminate', cancellable: true });
    $('results').classList.add('first-step');
    const wasPainted = await painted();
    $('results').classList.remove('first-step');
    if (wasPainted) performance.mark('articlescope:first-screen');
    if (!isCurrent()) return false;
  }
  renderLegends(report);
  renderEntitySidebar(report);
  renderTimings(report);
  renderRemoved(report);
  renderArticleFigures(report);
  if (!(await renderArticleBody(report, isCurrent))) return false;
  document.title = article.title ? `${article.title} · ArticleScope` : 'ArticleScope';
  return true;
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

  const warnings = warningMessages(report);
  $('article-warning').replaceChildren(...warnings.map((text) => el('p', {}, text)));
  $('article-warning').hidden = warnings.length === 0;
}


function renderScopePanel(report) {
  const { provisions, past } = renderSummary($('scope-summary'), report, {
    idPrefix: 'scope-',
    onSelect: (index) => revealProvision($('article-body'), index),
  });
  // The counts are those of the items listed below: current provisions, and earlier rules apart.
  const earlier = past ? ` and ${plural(past, 'earlier rule')} no longer in force` : '';
  $('scope-note').textContent =
    emptyScopeMessage(report) ??
    `${plural(provisions, 'provision')} in force or proposed${earlier}. Select an item to find it in the article.`;
  $('scope-panel').classList.toggle('empty', provisions + past === 0);
}

// What the reader chose to hide; kept from one report to the next.
const hiddenTypes = new Set();
let policyMarksHidden = false;
let policyToggle = null;

function renderLegends(report) {
  renderLegend($('entity-legend'), report, { hidden: hiddenTypes, onToggle: toggleType });
  setHiddenTypes($('article-body'), report, hiddenTypes);
  policyToggle = renderPolicyLegend($('policy-legend'), report, {
    marksHidden: policyMarksHidden,
    onToggleMarks: togglePolicyMarks,
  });
  policyToggle.id = 'policy-toggle';
}

function toggleType(type) {
  if (hiddenTypes.has(type)) hiddenTypes.delete(type);
  else hiddenTypes.add(type);
  setLegendPressed($('entity-legend'), hiddenTypes);
  setHiddenTypes($('article-body'), currentReport ?? {}, hiddenTypes);
}

function togglePolicyMarks() {
  policyMarksHidden = !policyMarksHidden;
  setPolicyMarksHidden($('article-body'), policyMarksHidden);
  setPolicyToggle(policyToggle, policyMarksHidden);
}

function renderEntitySidebar(report) {
  const total = [...entityCounts(report).values()].reduce(
    (sum, c) => ({ entities: sum.entities + c.entities, mentions: sum.mentions + c.mentions }),
    { entities: 0, mentions: 0 },
  );
  $('entity-total').textContent = entityCountText(total);
  $('entity-total').title = `${plural(total.entities, 'entity', 'entities')}, ${plural(total.mentions, 'mention')}`;
  renderEntityGroups($('entity-groups'), report, {
    onSelect: (id) => {
      const mention = revealGroup($('article-body'), id);
      if (mention) hoverCard.show(mention);
    },
  });
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

// The article's pictures as captions and credits; no picture is loaded (nothing leaves the page's origin).
function renderArticleFigures(report) {
  const count = renderFigures($('figure-list'), report);
  $('figure-count').textContent = String(count);
  $('article-figures').hidden = count === 0;
}

// Spans drawn in the article: provision sentences (grouped when several share one), their roles, entities.

async function renderArticleBody(report, isCurrent) {
  const body = $('article-body');
  setPolicyMarksHidden(body, policyMarksHidden);
  setHiddenTypes(body, report, hiddenTypes);
  return renderArticle(body, report, {
    isCurrent,
    // Long articles are drawn in slices: show how far it got.
    onProgress: (done, total) =>
      status.set('rendering', `Drawing the article: ${done} of ${total} paragraphs…`, {
        progress: done / total,
        cancellable: true,
      }),
  });
}

// An invented report, drawn once out of sight while the first analysis runs (warmUpDrawing()): the first real
// report then does not pay for compiling the presentation's code and regular expressions (in node,
// presentReport()'s first call takes ~17 ms, its second ~1) nor for loading its faces. Its spans are found by
// their words in its text.
function inventedReport() {
  const text =
    'The city council lifted the ban on street music in the old town on Monday, the mayor, Ada Brandt, said. ' +
    'Amplifiers are still prohibited after ten at night. Private gardens are not covered by the decision.';
  const at = (words) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const sentences = text.split(/(?<=\.) /).map(at);
  const provision = (status, sentence, fields) => ({ status, sentence, actor: null, subject: null, scopes: [], flags: [], ...fields });
  const entities = [
    { type: 'ORG', ...at('city council'), id: 0 },
    { type: 'DATE', ...at('Monday'), id: 1 },
    { type: 'PERSON', ...at('Ada Brandt'), id: 2 },
  ];
  return {
    version: 1,
    format: 'text',
    article: { title: 'Street music allowed again', text },
    entities,
    entity_groups: entities.map(({ id, type, text: canonical }) => ({ id, type, canonical, count: 1, aliases: [] })),
    policy: {
      provisions: [
        provision('lifted', sentences[0], {
          trigger: at('lifted'),
          actor: at('The city council'),
          action: at('the ban on street music'),
          scopes: [{ kind: 'location', ...at('in the old town') }, { kind: 'time', ...at('on Monday') }],
          flags: ['attributed'],
        }),
        provision('prohibited', sentences[1], {
          trigger: at('prohibited'),
          action: at('Amplifiers'),
          scopes: [{ kind: 'time', ...at('after ten at night') }],
        }),
        provision('excluded', sentences[2], { trigger: at('not covered'), subject: at('Private gardens') }),
      ],
      summary: {
        allowed: [{ provision: 0, status: 'lifted', text: 'street music in the old town' }],
        prohibited: [
          { provision: 1, status: 'prohibited', text: 'Amplifiers' },
          { provision: 2, status: 'excluded', text: 'Private gardens' },
        ],
        proposed: [],
      },
    },
    errors: [],
    warnings: [],
  };
}

// Only before the first report (once it is here the drawing code is compiled anyway): the whole report's drawing,
// into a copy of the results' skeleton (ids dropped) laid out once out of sight and removed in the same task.
// This compiles the drawing code and its regular expressions, and loads the faces the report uses and the page
// before it does not (the article's serif, bold headings): the browser matches a face through the whole font
// stack on its first use, 5-25 ms each here, and asks the browser process for each size's rendering settings
// (a trace: 20-40 font calls taken off the report's two frames). The previous round drew the policy scope alone,
// off the page: drawing the rest too, detached, cost more than it saved then (first screen 459 ms vs 434, A/B at
// load 0.7-2), but it did not load the faces; laid out, A/B at load 5-10: first result 1,396 -> 1,269 ms.
let drawingWarmedUp = false;
function warmUpDrawing() {
  if (drawingWarmedUp || firstStepDrawn) return;
  drawingWarmedUp = true;
  const report = inventedReport();
  const copy = $('results').cloneNode(true);
  const part = (id) => copy.querySelector(`#${id}`);
  const [summary, legend, policyLegend, groups, body, title] = [
    'scope-summary',
    'entity-legend',
    'policy-legend',
    'entity-groups',
    'article-body',
    'article-title',
  ].map(part);
  for (const element of copy.querySelectorAll('[id]')) element.removeAttribute('id');
  try {
    renderSummary(summary, report, { idPrefix: 'warm-up-' });
    renderLegend(legend, report);
    renderPolicyLegend(policyLegend, report, { onToggleMarks: () => {} });
    renderEntityGroups(groups, report);
    renderArticle(body, report).catch(() => {}); // drawn at once: the invented article is far below a slice
    title.textContent = report.article.title;
  } catch {
    // Only a warm-up: the real report is drawn on its own.
  }
  copy.hidden = false;
  copy.classList.remove('first-step');
  // Laid out in a task of its own: a report that comes meanwhile waits for one half at most.
  setTimeout(() => {
    if (firstStepDrawn) return;
    const probe = el('div', { class: 'visually-hidden', 'aria-hidden': 'true' }, copy);
    document.body.append(probe);
    probe.getBoundingClientRect();
    probe.remove();
  }, 0);
}

// ---------------------------------------------------------------------------------------------------------
// Hover and focus card for entities and policy badges

let hoverCard = null;

function hideCard() {
  hoverCard?.hide();
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
  const run = ++status.run;
  status.set('loading', `Loading the “${sample.label}” sample…`, { progress: 'indeterminate' });
  let input;
  try {
    input = await loadSampleText(sample);
  } catch (error) {
    if (run !== status.run) return;
    // The old result goes: it is not the sample the reader asked for.
    clearResults();
    hideError();
    status.set('error', 'The sample could not be loaded.');
    showError(`The “${sample.label}” sample could not be loaded`, `${sample.file}: ${error.message}.`);
    return;
  }
  if (run !== status.run) return;
  await analyse(input, { source: sample.file.split('/').pop() });
}

// Largest file whose text is put in the text box (a bigger one is analysed, and the box is emptied).
const MAX_SHOWN_FILE_BYTES = 1024 * 1024;

/**
 * The text box after a file was opened or dropped: it holds the file's text (when it is UTF-8 text of a
 * reasonable size), or nothing and a note saying why; never the earlier paste, which Analyse would run again.
 */
function showFileInTextBox(file, bytes) {
  let text = null;
  let reason = '';
  if (bytes.length > MAX_SHOWN_FILE_BYTES) {
    reason = `it is ${formatBytes(bytes.length)}, too long to show here`;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      reason = 'it is not UTF-8 text (the analyser decodes it by its declared charset)';
    }
  }
  $('input-text').value = text ?? '';
  const note = $('file-note');
  note.textContent =
    text !== null
      ? `The box now holds ${file.name}: edit it and press Analyse to analyse it again.`
      : `${file.name} was analysed as a file, but its text is not shown here: ${reason}. The box was emptied.`;
  note.hidden = false;
}

async function analyseFile(file) {
  if (!file) return;
  markSample(null);
  history.replaceState(null, '', location.pathname + location.search);
  if (file.size > MAX_FILE_BYTES) {
    $('input-text').value = '';
    status.set('error', 'The file is too large.');
    clearResults();
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
    $('input-text').value = '';
    status.set('error', 'The file could not be read.');
    clearResults();
    showError('The file could not be read', `${file.name}: ${error.message}`);
    return;
  }
  showFileInTextBox(file, input);
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
  $('file-note').hidden = true;
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

function init() {
  renderSampleButtons();
  wireInputs();
  hoverCard = attachHoverCard({ area: $('article-body'), card: $('hover-card'), getReport: () => currentReport });
  $('theme-toggle').addEventListener('click', () => {
    applyTheme(THEMES[(THEMES.indexOf(currentTheme()) + 1) % THEMES.length]);
  });
  applyTheme(currentTheme());
  $('copy-json').addEventListener('click', copyJson);
  $('download-json').addEventListener('click', downloadJson);
  $('json-details').addEventListener('toggle', () => {
    if ($('json-details').open) fillJsonView();
  });
  window.addEventListener('hashchange', () => loadSample(sampleFromHash(location.hash)));
  loadSample(sampleFromHash(location.hash));
  // After DOMContentLoaded, while the worker (started by theme.js) loads and analyses; as late as the analyser
  // being ready, the warm-up sometimes ran into the report's arrival on the loaded machine (a trace: 230 ms).
  setTimeout(warmUpDrawing, 0);
}

init();