// Marks a report's policy sentences and entity mentions in a live page (the host page of the widget, the tab of
// the extension), with web/lib's highlightInPage: the page's own text nodes are split and wrapped, and
// remove() puts the very same nodes back. The marks carry no class (the page's CSS could style any class) but a
// data-articlescope-mark attribute, and their look is set through the CSSOM as !important inline style, which
// wins over any author rule and is allowed under a CSP without 'unsafe-inline' styles.
import { highlightInPage } from '../lib/highlight.js';
import { ENTITY_INFO, PAST_INFO, STATUS_INFO } from './labels.js';

const STATUS_COLOURS = {
  allowed: '#007a5a',
  lifted: '#0467a8',
  prohibited: '#c2410c',
  imposed: '#a3367a',
  excluded: '#8a6100',
  proposed: '#5b5f66',
  past: '#71717a',
};
const STATUS_LINES = { allowed: 'solid', lifted: 'double', prohibited: 'wavy', imposed: 'solid', excluded: 'dashed', proposed: 'dotted', past: 'dotted' };
const ENTITY_COLOURS = {
  PERSON: '#b98900',
  ORG: '#2f6fd0',
  LOCATION: '#23864a',
  NORP: '#7d4fc9',
  DATE: '#2c8693',
  MONEY: '#6a8f1c',
  QUANTITY: '#c24f83',
  WEAPON: '#d0601f',
};

/** The colour of a status or entity type: the page may override it with --articlescope-<name>. */
const themed = (name, fallback) => `var(--articlescope-${name}, ${fallback})`;

function styleMark(element, declarations) {
  const style = element.style;
  for (const [property, value] of Object.entries({
    display: 'inline',
    color: 'inherit',
    padding: '0',
    margin: '0',
    'border-radius': '2px',
    '-webkit-box-decoration-break': 'clone',
    'box-decoration-break': 'clone',
    ...declarations,
  })) {
    style.setProperty(property, value, 'important');
  }
}

function sentenceStyle(status) {
  const colour = themed(status, STATUS_COLOURS[status] ?? STATUS_COLOURS.proposed);
  return {
    'background-color': `color-mix(in srgb, ${colour} 9%, transparent)`,
    'text-decoration-line': status === 'imposed' ? 'underline overline' : 'underline',
    'text-decoration-style': STATUS_LINES[status] ?? 'solid',
    'text-decoration-color': colour,
    'text-decoration-thickness': status === 'prohibited' ? '1.5px' : '2px',
    'text-underline-offset': '0.25em',
    'text-decoration-skip-ink': 'none',
  };
}

function entityStyle(type) {
  const colour = themed(String(type).toLowerCase(), ENTITY_COLOURS[type] ?? '#8a8e95');
  return { 'background-color': `color-mix(in srgb, ${colour} 24%, transparent)` };
}

/**
 * Marks in `root` (an element of a live page) the policy sentences and entity mentions of `report`, found by
 * their text (white space ignored). Options: policy (default true), entities (default true).
 * Sentence marks: data-articlescope-mark="policy", data-articlescope-status, data-articlescope-provisions
 * (space-separated provision indexes); entity marks: data-articlescope-mark="entity", data-articlescope-type.
 * Returns {elements, found, missing, remove()}: found/missing count the quotes looked for; remove() restores
 * the DOM exactly (entities are unwrapped first, then sentences).
 */
export function highlightReportInPage(root, report, { policy = true, entities = true } = {}) {
  const text = typeof report?.article?.text === 'string' ? report.article.text : '';
  const inText = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.end > s.start;
  const passes = [];

  if (policy) {
    const sentences = new Map();
    (report?.policy?.provisions ?? []).forEach((provision, index) => {
      if (!inText(provision?.sentence)) return;
      const key = `${provision.sentence.start}:${provision.sentence.end}`;
      if (!sentences.has(key)) sentences.set(key, { start: provision.sentence.start, end: provision.sentence.end, indexes: [], statuses: [] });
      const sentence = sentences.get(key);
      sentence.indexes.push(index);
      // An earlier rule ("had previously banned") is marked as past, never in a current status's colour.
      const status = (provision.flags ?? []).includes('historical') ? 'past' : provision.status;
      if (!sentence.statuses.includes(status)) sentence.statuses.push(status);
    });
    for (const sentence of sentences.values()) sentence.statuses.sort((a, b) => (a === 'past') - (b === 'past'));
    const quotes = [...sentences.values()]
      .sort((a, b) => a.start - b.start)
      .map((s) => ({
        text: text.slice(s.start, s.end),
        attributes: {
          'data-articlescope-mark': 'policy',
          'data-articlescope-status': s.statuses.join(' '),
          'data-articlescope-provisions': s.indexes.join(' '),
          title: s.statuses.map((status) => (status === 'past' ? PAST_INFO.label : STATUS_INFO[status]?.label ?? status)).join(', '),
        },
        style: sentenceStyle(s.statuses[0]),
      }));
    passes.push(quotes);
  }
  if (entities) {
    const quotes = (report?.entities ?? [])
      .filter(inText)
      .sort((a, b) => a.start - b.start)
      .map((entity) => ({
        text: text.slice(entity.start, entity.end),
        attributes: {
          'data-articlescope-mark': 'entity',
          'data-articlescope-type': entity.type,
          title: ENTITY_INFO.get(entity.type)?.singular ?? String(entity.type),
        },
        style: entityStyle(entity.type),
      }));
    passes.push(quotes);
  }

  // One pass per layer: each pass looks for its quotes in document order, and entities inside a sentence are
  // found after that sentence's mark exists (a single pass would look for them after the sentence's end).
  const results = passes.map((quotes) => {
    const result = highlightInPage(root, quotes);
    result.bySpan.forEach((elements, q) => elements.forEach((element) => styleMark(element, quotes[q].style)));
    return result;
  });
  let removed = false;
  return {
    elements: results.flatMap((r) => r.elements),
    found: results.reduce((n, r) => n + r.found.length, 0),
    missing: results.reduce((n, r) => n + r.missing.length, 0),
    remove() {
      if (removed) return;
      removed = true;
      for (let i = results.length - 1; i >= 0; i--) results[i].remove();
    },
  };
}
