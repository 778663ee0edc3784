// Reports built by hand from invented sentences, for tests of what the UI makes of a report whatever the core's
// policy stage reports today (tests/js/present.test.mjs, tests/e2e/ui.test.mjs).
import assert from 'node:assert/strict';

/**
 * A report over `sentences` (joined by spaces). Each provision names its sentence by index and its roles by
 * the text they quote in that sentence; entities likewise: [sentenceIndex, text, type, id].
 */
export function reportOf(sentences, provisions, entities = []) {
  const text = sentences.join(' ');
  const starts = [];
  let at = 0;
  for (const sentence of sentences) {
    starts.push(at);
    at += sentence.length + 1;
  }
  const span = (s, quote) => {
    if (!quote) return null;
    const start = text.indexOf(quote, starts[s]);
    assert.ok(start >= 0 && start < starts[s] + sentences[s].length, `"${quote}" is in sentence ${s}`);
    return { start, end: start + quote.length, text: quote };
  };
  const built = provisions.map((p) => ({
    status: p.status,
    sentence: span(p.sentence, sentences[p.sentence]),
    trigger: span(p.sentence, p.trigger),
    actor: span(p.sentence, p.actor),
    subject: span(p.sentence, p.subject),
    action: span(p.sentence, p.action),
    scopes: (p.scopes ?? []).map(([kind, quote]) => ({ kind, ...span(p.sentence, quote) })),
    flags: p.flags ?? [],
  }));
  const summary = { allowed: [], prohibited: [], proposed: [] };
  built.forEach((p, i) => {
    if (p.flags.includes('historical')) return;
    const column = p.status === 'allowed' || p.status === 'lifted' ? 'allowed' : p.status === 'proposed' ? 'proposed' : 'prohibited';
    summary[column].push({ provision: i, status: p.status, text: p.action?.text ?? '' });
  });
  const mentions = entities.map(([s, quote, type, id]) => ({ type, id, ...span(s, quote) }));
  const groups = [...new Map(mentions.map((m) => [m.id, { id: m.id, type: m.type, canonical: m.text, count: 0, aliases: [] }])).values()];
  for (const group of groups) group.count = mentions.filter((m) => m.id === group.id).length;
  return {
    version: 1,
    article: { title: 'Invented', text, blocks: [], figures: [] },
    entities: mentions,
    entity_groups: groups,
    policy: { provisions: built, summary },
    warnings: [],
    errors: [],
  };
}

