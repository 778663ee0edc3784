// The article view: the clean text rebuilt block by block from text nodes, with policy sentences (status
// class, labelled badge), their roles and entity mentions marked. Nothing from the report is parsed as HTML.
import { cssToken, el, icon, prefersReducedMotion } from './dom.js';
import { ENTITY_INFO, PAST_INFO, STATUS_INFO, entityClass } from './labels.js';
import { groupsOf, knownTypes } from './model.js';
import { presentReport } from './present.js';
import { LAYER, appendNested, blockIndexAt, blocksFor, nestSpans } from './render.js';

const BLOCKS_PER_RENDER_SLICE = 60;

const BLOCK_TAGS = {
  heading: 'h3',
  paragraph: 'p',
  quote: 'blockquote',
  caption: 'p',
  preformatted: 'pre',
  table_row: 'p',
  list_item: 'li',
};

const pick = (span) => ({ start: span.start, end: span.end });

/**
 * The spans drawn in the article: provision sentences (one span per sentence, listing its provisions), their
 * roles (trigger, actor, subject, scopes; drawn once when several provisions repeat them) and entity mentions.
 * Spans outside the text are dropped. Sorted by start.
 */
export function articleSpans(report, textLength) {
  const spans = [];
  const inText = (s) =>
    s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= textLength && s.end > s.start;
  const sentences = new Map();
  (report?.policy?.provisions ?? []).forEach((provision, index) => {
    const sentence = provision?.sentence;
    if (!inText(sentence)) return;
    const key = `${sentence.start}:${sentence.end}`;
    let span = sentences.get(key);
    if (!span) {
      span = { start: sentence.start, end: sentence.end, layer: LAYER.sentence, kind: 'sentence', provisions: [] };
      sentences.set(key, span);
      spans.push(span);
    }
    span.provisions.push(index);
    for (const role of ['trigger', 'actor', 'subject']) {
      if (inText(provision[role])) spans.push({ ...pick(provision[role]), layer: LAYER.role, kind: role });
    }
    for (const scope of provision.scopes ?? []) {
      if (inText(scope)) spans.push({ ...pick(scope), layer: LAYER.role, kind: 'scope', scopeKind: scope.kind });
    }
  });
  (report?.entities ?? []).forEach((entity, index) => {
    if (inText(entity)) spans.push({ ...pick(entity), layer: LAYER.entity, kind: 'entity', entity, index });
  });
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

// The element of one piece of a span: a sentence (with its badges on its first piece), an entity mark
// (focusable on its first piece), or a role.
function makeHighlight(report, groups) {
  return (node) => {
    const span = node.span;
    if (span.kind === 'sentence') {
      // A sentence that only tells the earlier state is marked as past, never with a current status.
      const views = span.provisions.map((i) => presentReport(report).provisions[i]).filter(Boolean);
      const current = views.filter((v) => !v.past);
      const statuses = [...new Set(current.map((v) => v.status))];
      if (current.length < views.length) statuses.push('past');
      const element = el('span', {
        class: `pol pol-${cssToken(statuses[0] ?? 'past')}`,
        'data-provisions': span.provisions.join(' '),
        'data-status': statuses.join(' '),
        tabindex: node.part === 0 ? '-1' : null,
      });
      if (node.part === 0) {
        for (const statusName of statuses) {
          const info = statusName === 'past' ? PAST_INFO : (STATUS_INFO[statusName] ?? { label: statusName, icon: 'question' });
          const said = views.filter((v) => (statusName === 'past' ? v.past : !v.past && v.status === statusName)).map((v) => v.text);
          element.append(
            el(
              'span',
              {
                class: `pol-badge status-${cssToken(statusName)}`,
                tabindex: '-1',
                role: 'note',
                'data-provisions': span.provisions.join(' '),
                'aria-label': `${said.join('; ')}. Policy provision: details`,
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
        tabindex: node.part === 0 ? '-1' : null,
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

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Draws report.article.text into `body` (children replaced) as blocks (p, h3/h4, blockquote, pre, ul > li)
 * with the highlights of articleSpans(): span.pol.pol-<status> per policy sentence (data-provisions, a
 * .pol-badge per status on its first piece), span.role.role-<kind> per role, mark.ent.ent-type-<type> per
 * entity mention (data-index, data-group, data-part; focusable first piece).
 * Long articles are built off-document in slices that hand control back to the page; between slices
 * options.onProgress(blocksDone, blocksTotal) is called and options.isCurrent() is asked whether to go on.
 * Resolves to true when drawn, false when abandoned (isCurrent() returned false).
 */
export async function renderArticle(body, report, { isCurrent = () => true, onProgress = null } = {}) {
  const text = typeof report?.article?.text === 'string' ? report.article.text : '';
  body.replaceChildren();
  if (!text) {
    body.append(el('p', { class: 'article-empty' }, report?.errors?.length ? 'No article text.' : 'The article has no text.'));
    return true;
  }
  const blocks = renderBlocks(text, report.article.blocks);
  const spans = articleSpans(report, text.length);
  const makeElement = makeHighlight(report, groupsOf(report));

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
  const fragment = body.ownerDocument.createDocumentFragment();
  let list = null;
  let sliceStart = performance.now();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const kind = BLOCK_TAGS[block.kind] ? block.kind : 'paragraph';
    let tag = BLOCK_TAGS[kind];
    if (kind === 'heading') tag = Number(block.level) <= 2 ? 'h3' : 'h4';
    const element = el(tag, { class: `block block-${kind.replace('_', '-')}`, dir: 'auto' });
    appendNested(element, text, block.start, block.end, nestSpans(spansByBlock[i], block.start, block.end), makeElement);
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
    if ((i + 1) % BLOCKS_PER_RENDER_SLICE === 0 && performance.now() - sliceStart > 30) {
      onProgress?.(i + 1, blocks.length);
      await nextTask();
      if (!isCurrent()) return false;
      sliceStart = performance.now();
    }
  }
  body.append(fragment);
  enableRoving(body);
  return true;
}

// Keyboard: the article is one tab stop. Its highlights (entity marks, policy badges) share a roving tab index:
// Tab enters at the last one visited, the arrow keys move between them (Home and End: first and last), and Tab
// leaves the article. Without this a long article would put hundreds of tab stops before the rest of the page.
const ROVING = '.ent[data-part="0"], .pol-badge';
const rovingBodies = new WeakSet();

function enableRoving(body) {
  const items = [...body.querySelectorAll(ROVING)];
  items.forEach((item, i) => item.setAttribute('tabindex', i === 0 ? '0' : '-1'));
  if (rovingBodies.has(body)) return;
  rovingBodies.add(body);
  body.addEventListener('focusin', (event) => {
    const item = event.target.closest?.(ROVING);
    if (!item || !body.contains(item) || item.getAttribute('tabindex') === '0') return;
    for (const other of body.querySelectorAll('.ent[tabindex="0"], .pol-badge[tabindex="0"]')) other.setAttribute('tabindex', '-1');
    item.setAttribute('tabindex', '0');
  });
  body.addEventListener('keydown', (event) => {
    const item = event.target.closest?.(ROVING);
    if (!item || !body.contains(item) || event.altKey || event.ctrlKey || event.metaKey) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity }[event.key];
    if (step === undefined) return;
    // Only what is shown: marks of a hidden type and badges of hidden policy marks are skipped.
    const all = [...body.querySelectorAll(ROVING)].filter((e) => e.getClientRects().length > 0 && !isMuted(body, e));
    if (all.length === 0) return;
    const at = all.indexOf(item);
    const next = step === -Infinity ? 0 : step === Infinity ? all.length - 1 : Math.min(all.length - 1, Math.max(0, at + step));
    event.preventDefault();
    all[next].focus();
  });
}

// A mark whose type the reader hid (class hide-<type> on the body) is plain text: not a stop.
function isMuted(body, element) {
  return element.classList.contains('ent') && body.classList.contains(`hide-${cssToken(element.dataset.type)}`);
}

/** Hides (class hide-<type> on `body`) the entity types in `hidden` and shows the others. */
export function setHiddenTypes(body, report, hidden) {
  for (const type of knownTypes(report).types) body.classList.toggle(`hide-${cssToken(type)}`, hidden.has(type));
}

/** Hides or shows the policy marks (underlines, badges) of the article in `body`. */
export function setPolicyMarksHidden(body, hidden) {
  body.classList.toggle('hide-policy', hidden);
}

/** Scrolls `element` into view, focuses it and flashes it (a still outline when motion is reduced). */
export function flash(element) {
  element.classList.remove('flash');
  void element.offsetWidth; // restart the animation when the same element is flashed twice
  element.classList.add('flash');
  element.addEventListener('animationend', () => element.classList.remove('flash'), { once: true });
  element.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'center' });
  element.focus({ preventScroll: true });
}

/** Flashes the sentence of provision `index` in the article drawn in `body`; returns it (or null). */
export function revealProvision(body, index) {
  if (!Number.isInteger(index)) return null;
  const sentence = body.querySelector(`[data-provisions~="${index}"]`);
  if (sentence) flash(sentence);
  return sentence;
}

/** Flashes the first mention of entity group `id` in the article drawn in `body`; returns it (or null). */
export function revealGroup(body, id) {
  const mention = body.querySelector(`.ent[data-group="${CSS.escape(String(id))}"]`);
  if (mention) flash(mention);
  return mention;
}

/**
 * Renders the article's pictures (report.article.figures) into the list `list` (children replaced): one li per
 * figure with its caption and photo credit, as text. No image is loaded unless options.images is true; then
 * an http(s) image is shown too (lazily, without a referrer), which contacts the server that hosts it.
 * Returns the number of figures.
 */
export function renderFigures(list, report, { images = false } = {}) {
  const figures = Array.isArray(report?.article?.figures) ? report.article.figures : [];
  list.replaceChildren();
  for (const figure of figures) {
    const caption = typeof figure?.caption === 'string' ? figure.caption.trim() : '';
    const credit = typeof figure?.credit === 'string' ? figure.credit.trim() : '';
    const item = el('li', { class: 'figure-item' });
    if (images && typeof figure?.image === 'string' && /^https?:\/\//i.test(figure.image)) {
      item.append(el('img', { class: 'figure-image', src: figure.image, alt: caption, loading: 'lazy', referrerpolicy: 'no-referrer', decoding: 'async' }));
    }
    item.append(
      el('span', { class: caption ? 'figure-caption' : 'figure-caption missing', dir: 'auto' }, caption || 'A picture without a caption'),
      credit ? el('span', { class: 'figure-credit', dir: 'auto' }, credit) : null,
    );
    list.append(item);
  }
  return figures.length;
}
