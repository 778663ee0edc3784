// Highlights of the report on the page itself, drawn with web/lib's highlightInPage. Each mark is styled
// through its own style object with !important (inline important declarations beat any page rule, also
// `* { all: unset !important }`, and CSSOM styles are not blocked by a page's CSP). Marks carry both a
// background and a text colour, so they read the same on light and dark pages. remove() takes every mark out
// again, with its styles: the page gets back the very same text nodes.
import { STATUSES, textColourOn } from '../settings/defaults.js';

const COLUMN_OF = Object.fromEntries(STATUSES.map(({ status, column }) => [status, column]));

// An earlier rule is marked in a neutral grey, without a status underline: it is not in force.
const PAST_COLOUR = '#e4e4e7';

function darker(hex, amount) {
  const channel = (i) => Math.round(parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) * (1 - amount));
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

function paint(element, background, underline) {
  const set = (name, value) => element.style.setProperty(name, value, 'important');
  // What a page may set on marks (or on everything) that would hide them or change the text's look.
  set('display', 'inline');
  set('visibility', 'visible');
  set('opacity', '1');
  set('font', 'inherit');
  set('transform', 'none');
  set('background-color', background);
  set('color', textColourOn(background));
  set('border-radius', '2px');
  set('box-shadow', 'none');
  // An underline, not an inset shadow: Firefox draws a shadow of a mark broken over lines as one long box.
  set('text-decoration', underline ? `underline 2px ${underline}` : 'none');
  set('text-underline-offset', '0.2em');
  set('-webkit-box-decoration-break', 'clone');
  set('box-decoration-break', 'clone');
}

/**
 * Marks the report's provision sentences and entity mentions (those the settings enable) in `document`.
 * `highlightInPage` is web/lib's. Returns {has(key), focus(key), remove(), missing}; keys are
 * "provision:N" (N = index into report.policy.provisions) and "entity:G" (G = entity group id).
 */
export function highlightReport(document, report, settings, highlightInPage) {
  const root = document.body ?? document.documentElement;
  const text = report.article?.text ?? '';
  const spanText = (span) => span.text ?? text.slice(span.start, span.end);

  // One quote per sentence, even when several provisions share it; in the article's order.
  const sentences = new Map();
  (report.policy?.provisions ?? []).forEach((provision, index) => {
    if (!settings.statuses[provision.status] || !provision.sentence) return;
    const { start, end } = provision.sentence;
    const key = `${start}:${end}`;
    if (!sentences.has(key)) sentences.set(key, { start, text: spanText(provision.sentence), provisions: [] });
    // A provision that tells the state before the decision ("had previously banned") is drawn as past.
    const past = (provision.flags ?? []).includes('historical');
    sentences.get(key).provisions.push({ index, status: past ? 'past' : provision.status });
  });
  // The sentence's colour is that of its first current provision; past only when all are.
  for (const sentence of sentences.values()) sentence.provisions.sort((a, b) => (a.status === 'past') - (b.status === 'past'));
  const sentenceQuotes = [...sentences.values()].sort((a, b) => a.start - b.start);
  const entityQuotes = (report.entities ?? [])
    .filter((entity) => settings.entityTypes[entity.type])
    .sort((a, b) => a.start - b.start);

  // Sentences first, entities second: entity marks then nest inside sentence marks.
  const sentenceMarks = highlightInPage(
    root,
    sentenceQuotes.map((sentence) => ({
      text: sentence.text,
      attributes: {
        'data-articlescope': 'provision',
        'data-provisions': sentence.provisions.map((p) => p.index).join(' '),
        'data-status': sentence.provisions[0].status,
      },
    })),
  );
  const entityMarks = highlightInPage(
    root,
    entityQuotes.map((entity) => ({
      text: spanText(entity),
      attributes: { 'data-articlescope': 'entity', 'data-type': entity.type, 'data-group': entity.id },
    })),
  );

  // key -> passages (one per sentence or mention), each the marks of that passage in page order.
  const passagesByKey = new Map();
  const add = (key, elements) => {
    if (elements.length === 0) return;
    if (!passagesByKey.has(key)) passagesByKey.set(key, []);
    passagesByKey.get(key).push(elements);
  };
  sentenceQuotes.forEach((sentence, q) => {
    const elements = sentenceMarks.bySpan[q];
    const status = sentence.provisions[0].status;
    const colour = status === 'past' ? PAST_COLOUR : settings.colours[status];
    const line = status === 'past' ? null : darker(settings.colours[COLUMN_OF[status] === 'allowed' ? 'allowed' : status], 0.55);
    for (const element of elements) paint(element, colour, line);
    for (const { index } of sentence.provisions) add(`provision:${index}`, elements);
  });
  entityQuotes.forEach((entity, q) => {
    const elements = entityMarks.bySpan[q];
    for (const element of elements) paint(element, settings.colours[entity.type], null);
    add(`entity:${entity.id}`, elements);
  });

  const timers = new Set();
  const nextMention = new Map();
  let removed = false;
  return {
    missing: sentenceMarks.missing.length + entityMarks.missing.length,
    has: (key) => passagesByKey.has(key),
    /**
     * Scrolls to the key's highlight (an entity's next mention on each call) and makes it flash. `coveredBottom`:
     * the height (px) of what covers the bottom of the window (the panel as a sheet); the highlight is centred
     * in the part above it.
     */
    focus(key, { coveredBottom = 0 } = {}) {
      const passages = passagesByKey.get(key);
      if (removed || !passages) return false;
      const turn = nextMention.get(key) ?? 0;
      nextMention.set(key, turn + 1);
      const group = passages[turn % passages.length];
      const reduced = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      group[0].style.setProperty('scroll-margin-bottom', `${Math.max(0, Math.round(coveredBottom))}px`, 'important');
      group[0].scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
      const outline = (on) => {
        for (const element of group) {
          if (on) {
            element.style.setProperty('outline', '3px solid #f59e0b', 'important');
            element.style.setProperty('outline-offset', '1px', 'important');
            element.setAttribute('data-articlescope-flash', '');
          } else {
            element.style.removeProperty('outline');
            element.style.removeProperty('outline-offset');
            element.removeAttribute('data-articlescope-flash');
          }
        }
      };
      // Two pulses: on, off, on, off over ~1.6 s.
      [0, 450, 750, 1600].forEach((delay, step) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!removed) outline(step % 2 === 0);
        }, delay);
        timers.add(timer);
      });
      return true;
    },
    remove() {
      if (removed) return;
      removed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      // Inner marks go first, so that the sentence marks find the text nodes they split.
      entityMarks.remove();
      sentenceMarks.remove();
    },
  };
}
