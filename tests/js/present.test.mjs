// web/ui/present.js: what a reader is told about provisions (which are current, the wording of each status,
// who decided, the flags in plain words) and about warnings. Reports are built here by hand from invented
// sentences, so that every rule is checked whatever the core's policy stage reports today.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { decisionMakers, isDecisionReference, isPronoun, presentReport, warningMessages } from '../../web/ui/present.js';
import { reportOf } from './support/invented-report.mjs';

test('an earlier rule is listed apart, in the past, and never counted as current', () => {
  const report = reportOf(
    [
      'The town council of Brisk lifted the ban on night markets on Monday.',
      'The council had previously banned all trading after dark.',
    ],
    [
      { sentence: 0, status: 'lifted', trigger: 'lifted', actor: 'The town council of Brisk', action: 'the ban on night markets' },
      { sentence: 1, status: 'prohibited', trigger: 'banned', actor: 'The council', action: 'all trading after dark', flags: ['historical'] },
    ],
    [[0, 'Brisk', 'LOCATION', 0]],
  );
  const view = presentReport(report);
  assert.deepEqual(view.current.map((v) => v.index), [0]);
  assert.deepEqual(view.past.map((v) => v.index), [1]);
  assert.deepEqual(view.counts, { current: 1, past: 1, byStatus: { allowed: 0, lifted: 1, prohibited: 0, imposed: 0, excluded: 0, proposed: 0 } });
  assert.equal(view.provisions[1].text, 'Previously banned: all trading after dark');
  assert.ok(view.provisions[1].notes.includes('no longer in force'));
  // Even when a report's summary lists it, an earlier rule stays out of the current columns.
  report.policy.summary.prohibited.push({ provision: 1, status: 'prohibited', text: 'x' });
  assert.deepEqual(presentReport(structuredClone(report)).columns.prohibited, []);
});

test('status wording a reader cannot misread; whom it concerns is in the verdict', () => {
  const report = reportOf(
    [
      'The court lifted a travel ban on two reporters.',
      'The union froze the assets of three firms in the bloc.',
      'The ruling does not cover fishing boats.',
      'Ferries are exempt from the port ban.',
      'The city will no longer allow cars in the centre.',
      'Dogs are still forbidden on the beach.',
      'The agency eased limits on exports of grain.',
      'Lawmakers proposed a cap on rents.',
      'The regulator approved the vaccine for children.',
      'The council voted to let cafés open late, ending a curfew that had stood for years.',
    ],
    [
      { sentence: 0, status: 'lifted', trigger: 'lifted', actor: 'The court', action: 'travel ban on two reporters' },
      { sentence: 1, status: 'imposed', trigger: 'froze', actor: 'The union', action: 'the assets of three firms', scopes: [['location', 'in the bloc']] },
      { sentence: 2, status: 'excluded', trigger: 'does not cover', actor: 'The ruling', action: 'fishing boats' },
      { sentence: 3, status: 'excluded', trigger: 'are exempt from', subject: 'Ferries', action: 'the port ban' },
      { sentence: 4, status: 'imposed', trigger: 'no longer allow', actor: 'The city', action: 'cars in the centre' },
      { sentence: 5, status: 'prohibited', trigger: 'forbidden', subject: 'Dogs', action: 'on the beach' },
      { sentence: 6, status: 'lifted', trigger: 'eased', actor: 'The agency', action: 'exports of grain' },
      { sentence: 7, status: 'proposed', trigger: 'proposed', actor: 'Lawmakers', action: 'a cap on rents' },
      { sentence: 8, status: 'allowed', trigger: 'approved', actor: 'The regulator', subject: 'the vaccine', action: 'for children' },
      { sentence: 9, status: 'lifted', trigger: 'ending', actor: 'The council', action: 'curfew' },
    ],
  );
  const texts = presentReport(report).provisions.map((v) => v.text);
  assert.deepEqual(texts, [
    'Travel ban lifted: two reporters',
    'Frozen: the assets of three firms in the bloc',
    'Not covered by the decision: fishing boats',
    'Exempt from the port ban: ferries',
    'No longer allowed: cars in the centre',
    'Still forbidden for dogs: on the beach',
    'Limits eased: exports of grain',
    'Proposed, not decided: a cap on rents',
    'Approved for the vaccine: for children',
    'Lifted: a curfew that had stood for years',
  ]);
  assert.ok(presentReport(report).provisions.every((v) => v.subject === null), 'no subject left to repeat as a tag');
});

test('"Who decides" only names a decision-maker; "the decision" refers back to one, a pronoun is left out', () => {
  const report = reportOf(
    [
      'The Harbour Authority allowed ferries to dock at night.',
      'The decision does not cover cargo ships.',
      'It also banned jet skis in the bay.',
      'The weather forbids sailing, some said.',
      'A separate national law bans drones over the port.',
    ],
    [
      { sentence: 0, status: 'allowed', trigger: 'allowed', actor: 'The Harbour Authority', subject: 'ferries', action: 'to dock at night' },
      { sentence: 1, status: 'excluded', trigger: 'does not cover', actor: 'The decision', action: 'cargo ships' },
      { sentence: 2, status: 'imposed', trigger: 'banned', actor: 'It', action: 'jet skis', scopes: [['location', 'in the bay']] },
      { sentence: 3, status: 'prohibited', trigger: 'forbids', actor: 'The weather', action: 'sailing' },
      { sentence: 4, status: 'prohibited', trigger: 'bans', actor: 'A separate national law', action: 'drones over the port' },
    ],
    [[0, 'Harbour Authority', 'ORG', 0]],
  );
  const deciders = presentReport(report).provisions.map((v) => v.decider?.text ?? null);
  assert.deepEqual(deciders, ['The Harbour Authority', 'The Harbour Authority', null, null, 'A separate national law']);
  assert.deepEqual(decisionMakers(report), ['The Harbour Authority', 'A separate national law']);
  for (const word of ['it', 'They', 'this', 'she']) assert.ok(isPronoun(word), word);
  for (const phrase of ['the decision', 'The new measures', 'this ruling', 'the rule']) assert.ok(isDecisionReference(phrase), phrase);
  for (const phrase of ['the court', 'a separate national law', 'Ada Koenig']) assert.ok(!isDecisionReference(phrase), phrase);
});

test('a proposal names who proposed it, not who decides', () => {
  const report = reportOf(
    ['The finance committee proposed a tax on sugar.'],
    [{ sentence: 0, status: 'proposed', trigger: 'proposed', actor: 'The finance committee', action: 'a tax on sugar' }],
  );
  assert.deepEqual(presentReport(report).provisions[0].decider, { label: 'Proposed by', text: 'The finance committee' });
  assert.deepEqual(decisionMakers(report), []);
});

test('flags in plain words: who said it, in a quote, only if ...', () => {
  const report = reportOf(
    [
      'Boats may fish in the lake if the water stays high, Mayor Ida Lund said on Tuesday.',
      '"We will not allow tanks in the city," the minister said.',
      'Farmers may water their fields, the statement said.',
      'Shops may open on Sunday, she said.',
    ],
    [
      { sentence: 0, status: 'allowed', trigger: 'may', subject: 'Boats', action: 'fish in the lake', scopes: [['condition', 'if the water stays high']], flags: ['attributed', 'conditional'] },
      { sentence: 1, status: 'prohibited', trigger: 'not allow', actor: 'We', action: 'tanks in the city', flags: ['attributed', 'quoted', 'future', 'negated'] },
      { sentence: 2, status: 'allowed', trigger: 'may', subject: 'Farmers', action: 'water their fields', flags: ['attributed'] },
      { sentence: 3, status: 'allowed', trigger: 'may', subject: 'Shops', action: 'open on Sunday', flags: ['attributed', 'hedged'] },
    ],
    [[0, 'Ida Lund', 'PERSON', 0]],
  );
  const notes = presentReport(report).provisions.map((v) => v.notes);
  assert.deepEqual(notes, [
    ['according to Ida Lund', 'only if the water stays high'],
    ['according to the minister', 'in a quote', 'takes effect later'],
    ['according to the statement'],
    ['according to an unnamed source', 'not certain'],
  ]);
  // "negated" is already in the status: no note for it; the condition is not repeated as a scope tag's text.
  assert.ok(!notes.flat().some((n) => /negat|hedged|conditional/.test(n)));
});

test("a body named with a possessive before its verb of saying is the source", () => {
  const report = reportOf(
    ["Norland's trade ministry said it opposes the measures and reserves the right to respond."],
    [{ sentence: 0, status: 'proposed', trigger: 'right', action: 'respond', flags: ['attributed'] }],
    [[0, 'Norland', 'LOCATION', 0]],
  );
  assert.deepEqual(presentReport(report).provisions[0].notes, ["according to Norland's trade ministry"]);
});

test('every current provision is listed once: summary order first, then any the summary left out', () => {
  const report = reportOf(
    ['Cats may enter the park.', 'Dogs are banned from the park.', 'Birds may nest in the park.'],
    [
      { sentence: 0, status: 'allowed', trigger: 'may', subject: 'Cats', action: 'enter the park' },
      { sentence: 1, status: 'prohibited', trigger: 'banned', subject: 'Dogs', action: 'from the park' },
      { sentence: 2, status: 'allowed', trigger: 'may', subject: 'Birds', action: 'nest in the park' },
    ],
  );
  report.policy.summary = { allowed: [{ provision: 2 }, { provision: 2 }, { provision: 99 }], prohibited: [], proposed: [] };
  const view = presentReport(report);
  assert.deepEqual(view.columns.allowed.map((v) => v.index), [2, 0]);
  assert.deepEqual(view.columns.prohibited.map((v) => v.index), [1]);
  assert.equal(view.counts.current, 3);
});

test('untrusted or partial reports do not throw', () => {
  for (const report of [null, {}, { policy: { provisions: [null, 7, { status: 'nonsense' }, { status: 'allowed' }] } }]) {
    const view = presentReport(report);
    assert.ok(Array.isArray(view.current));
  }
  const view = presentReport({ policy: { provisions: [{ status: 'allowed', sentence: { text: 'Cats may enter.' } }] } });
  assert.equal(view.provisions[0].text, 'Allowed: Cats may enter.');
});

test('warnings in plain words, the language one included', () => {
  const messages = warningMessages({
    warnings: [
      { code: 'language_unsupported', message: 'the article is in French (3 of 40 words are English)' },
      { code: 'language_unsupported', message: 'unexpected wording' },
      { code: 'transcoded', message: 'decoded from windows-1252' },
      { code: 'truncated', message: 'depth' },
      { code: 'some_new_warning', message: '' },
      { code: 'not_readerable', message: 'x' },
    ],
  });
  assert.deepEqual(messages, [
    'This article is in French. Names, places, organisations and policy provisions are only looked for in ' +
      'English text, so only dates, amounts and quantities are marked.',
    'This article is in another language. Names, places, organisations and policy provisions are only looked ' +
      'for in English text, so only dates, amounts and quantities are marked.',
    'The input hit a size or nesting limit: only part of it was analysed.',
    'Note from the analyser: some new warning.',
    'This page may not be an article: it looks like a home or index page.',
  ]);
  assert.deepEqual(warningMessages({}), []);
});

test('a scope stops where the attribution starts; a subject keeps no sentence-initial capital', () => {
  const report = reportOf(
    [
      'The board of Tolle lifted the ban on kite flying on Sunday, its chair, Lea Moss, said.',
      'Pedlars may sell lemonade at the pier in summer, according to the harbour office.',
      'Kordavian ferries may dock at night, the board said.',
    ],
    [
      { sentence: 0, status: 'lifted', trigger: 'lifted', actor: 'The board of Tolle', action: 'the ban on kite flying', scopes: [['time', 'on Sunday, its chair, Lea Moss']] },
      { sentence: 1, status: 'allowed', trigger: 'may', subject: 'Pedlars', action: 'sell lemonade', scopes: [['location', 'at the pier'], ['time', 'in summer, according to the harbour office']] },
      { sentence: 2, status: 'allowed', trigger: 'may', subject: 'Kordavian ferries', action: 'dock', scopes: [['time', 'at night']] },
    ],
    [[0, 'Lea Moss', 'PERSON', 0], [2, 'Kordavian', 'NORP', 1]],
  );
  const view = presentReport(report);
  assert.equal(view.provisions[0].text, 'Ban lifted: kite flying on Sunday');
  assert.deepEqual(view.provisions[0].scopes.map((s) => s.text), ['on Sunday']);
  assert.equal(view.provisions[1].text, 'Allowed for pedlars: sell lemonade at the pier in summer');
  // A name keeps its capital.
  assert.equal(view.provisions[2].text, 'Allowed for Kordavian ferries: dock at night');
  // A named speaker keeps the article the sentence gives it.
  const guild = reportOf(
    ['Barges may moor at the quay, the Harbour Guild said.'],
    [{ sentence: 0, status: 'allowed', trigger: 'may', subject: 'Barges', action: 'moor', scopes: [['location', 'at the quay']], flags: ['attributed'] }],
    [[0, 'Harbour Guild', 'ORG', 0]],
  );
  assert.deepEqual(presentReport(guild).provisions[0].notes, ['according to the Harbour Guild']);
  // A comma that is not followed by a verb of saying stays: "from June, July and August" is one scope.
  const months = reportOf(
    ['Bathing is allowed from June, July and August.'],
    [{ sentence: 0, status: 'allowed', trigger: 'allowed', subject: 'Bathing', action: 'Bathing', scopes: [['time', 'from June, July and August']] }],
  );
  assert.deepEqual(presentReport(months).provisions[0].scopes.map((s) => s.text), ['from June, July and August']);
});

test('two limits in a row keep the article\'s "and" between them', () => {
  const report = reportOf(
    ['Anglers may fish in the lake only from the north shore and only before noon, the park said.'],
    [{ sentence: 0, status: 'allowed', trigger: 'may', subject: 'Anglers', action: 'fish in the lake', scopes: [['restriction', 'only from the north shore'], ['time', 'only before noon']] }],
  );
  assert.equal(presentReport(report).provisions[0].text, 'Allowed for anglers: fish in the lake only from the north shore and only before noon');
});

test('limits that would make the line long are shown as tags, never cut off half-way', () => {
  const action = 'draw water from the river for the irrigation of their orchards, vineyards and market gardens on the valley floor';
  const first = 'only between midnight and six in the morning';
  const second = 'only on days when the gauge at the weir reads above one metre';
  const report = reportOf(
    [`The water board will allow farmers to ${action} ${first} and ${second}, the board said.`],
    [{ sentence: 0, status: 'allowed', trigger: 'allow', subject: 'farmers', actor: 'The water board', action, scopes: [['restriction', first], ['condition', second]] }],
  );
  const view = presentReport(report).provisions[0];
  // The action stays whole; the first limit still fits; the second would pass the line's length and is left out.
  assert.equal(view.what, `${action} ${first}`);
  assert.ok(!view.what.endsWith('…'));
  assert.deepEqual(view.scopes.filter((s) => !view.what.includes(s.text)).map((s) => s.text), [second]);
  // A short line keeps both limits inline, as the article joins them.
  const short = reportOf(
    [`Farmers may draw water ${first} and ${second}, the board said.`],
    [{ sentence: 0, status: 'allowed', trigger: 'may', subject: 'Farmers', action: 'draw water', scopes: [['restriction', first], ['condition', second]] }],
  );
  assert.equal(presentReport(short).provisions[0].what, `draw water ${first} and ${second}`);
});

test('a decision-maker explaining its own decision ("..., saying ...") is not an unnamed source', () => {
  const report = reportOf(
    [
      'The harbour board lifted a mooring ban on two old barges, saying their owners had repaired the hulls.',
      'Kiosks may open at dawn, officials said.',
    ],
    [
      { sentence: 0, status: 'lifted', trigger: 'lifted', actor: 'The harbour board', action: 'two old barges', flags: ['attributed'] },
      { sentence: 1, status: 'allowed', trigger: 'may', subject: 'Kiosks', action: 'open at dawn', flags: ['attributed'] },
    ],
  );
  const view = presentReport(report);
  assert.ok(!view.provisions[0].notes.some((n) => n.startsWith('according to')));
  // A report by others keeps its source, named or not.
  assert.ok(view.provisions[1].notes.some((n) => n.startsWith('according to')));
});

test('a lift names the restriction its trigger names: "Restriction lifted", not "Ban lifted"', () => {
  const report = reportOf(
    ['The port authority lifted a temporary restriction on the old ferry, the Osprey.', 'The city lifted the curfew.'],
    [
      { sentence: 0, status: 'lifted', trigger: 'lifted a temporary restriction', actor: 'The port authority', action: 'the old ferry' },
      { sentence: 1, status: 'lifted', trigger: 'lifted', actor: 'The city', action: 'the curfew' },
    ],
  );
  const texts = presentReport(report).provisions.map((v) => v.text);
  assert.equal(texts[0], 'Restriction lifted: the old ferry');
  assert.equal(texts[1], 'Lifted: the curfew');
});

test('a scope that opens the sentence loses its capital inside the line ("... in 2019", not "... In 2019")', () => {
  const report = reportOf(
    ['In 2019, the council of Marrowby banned kite flying on the dunes.'],
    [{ sentence: 0, status: 'prohibited', trigger: 'banned', actor: 'the council of Marrowby', action: 'kite flying on the dunes', scopes: [['time', 'In 2019']] }],
  );
  const view = presentReport(report).provisions[0];
  assert.match(view.text, / in 2019$/);
  assert.deepEqual(view.scopes.map((s) => s.text), ['in 2019']);
});

test('a rule for no one of a party names every one of them, never "for no one"', () => {
  const report = reportOf(
    ['Under the new rules, no one may fly kites on the pier.', 'No vendor may sell glass bottles.', 'Neither side may move its boats.'],
    [
      { sentence: 0, status: 'prohibited', trigger: 'may', subject: 'no one', action: 'fly kites on the pier' },
      { sentence: 1, status: 'prohibited', trigger: 'may', subject: 'No vendor', action: 'sell glass bottles' },
      { sentence: 2, status: 'prohibited', trigger: 'may', subject: 'Neither side', action: 'move its boats' },
    ],
  );
  const lines = presentReport(report).provisions.map((p) => p.text);
  assert.ok(lines[0].includes('for anyone: fly kites on the pier'), lines[0]);
  assert.ok(lines[1].includes('for any vendor: sell glass bottles'), lines[1]);
  assert.ok(lines[2].includes('for either side: move its boats'), lines[2]);
  assert.ok(!lines.some((l) => / for (no|neither)\b/i.test(l)));
});

test('a maker that is the speaker of its own decision is the source, not an unnamed one', () => {
  const report = reportOf(
    ['The council of Brenna said that stall holders may trade on Sundays.'],
    [{ sentence: 0, status: 'allowed', trigger: 'may', subject: 'stall holders', actor: 'The council of Brenna', action: 'trade on Sundays', flags: ['attributed'] }],
    [[0, 'Brenna', 'LOC', 0]],
  );
  assert.deepEqual(presentReport(report).provisions[0].notes, ['according to the council of Brenna']);
});

test('"he said" names the speaker the sentence before names, and stays unnamed without one', () => {
  const report = reportOf(
    [
      'Drones remain barred from the harbour, the port spokesman added.',
      'The decision does not cover ferries, he said.',
      'Kayaks may use the inner basin, she said.',
    ],
    [
      { sentence: 0, status: 'prohibited', trigger: 'barred', action: 'Drones', flags: ['attributed'] },
      { sentence: 1, status: 'excluded', trigger: 'cover', subject: 'ferries', action: 'The decision', flags: ['attributed', 'negated'] },
      { sentence: 2, status: 'allowed', trigger: 'may', subject: 'Kayaks', action: 'use the inner basin', flags: ['attributed'] },
    ],
  );
  const view = presentReport(report);
  assert.deepEqual(view.provisions[0].notes, ['according to the port spokesman']);
  assert.deepEqual(view.provisions[1].notes, ['according to the port spokesman']);
  // The sentence before names no one of its own ("he said" there): no source is guessed.
  assert.deepEqual(view.provisions[2].notes, ['according to an unnamed source']);
});

test('"officials said" names the officials, and a passive proposal keeps its verb', () => {
  const report = reportOf(
    [
      'The decision does not cover ferries, officials said.',
      'Kayaks may use the inner basin, two harbour officials said.',
      'The permit could be revoked at any time.',
    ],
    [
      { sentence: 0, status: 'excluded', trigger: 'cover', subject: 'ferries', action: 'The decision', flags: ['attributed', 'negated'] },
      { sentence: 1, status: 'allowed', trigger: 'may', subject: 'Kayaks', action: 'use the inner basin', flags: ['attributed'] },
      { sentence: 2, status: 'proposed', trigger: 'revoked', action: 'The permit' },
    ],
  );
  const view = presentReport(report);
  assert.deepEqual(view.provisions[0].notes, ['according to officials']);
  assert.deepEqual(view.provisions[1].notes, ['according to two harbour officials']);
  assert.match(view.provisions[2].text, /^Proposed, not decided: the permit revoked$/i);
});
