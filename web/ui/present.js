// What a reader is told about a report's provisions, decided once for every surface (demo, extension panel,
// widget): which provisions are current and which describe an earlier state, the wording of each status
// ("Ban lifted: ...", "Frozen: ...", "Not covered by the decision: ..."), who decided (only a decision-maker),
// and the flags in plain words. Pure functions of the report: no DOM, so node tests can check them directly.
//
// The rules are stated for classes of wording (participles of restricting verbs, nouns of restrictions, words
// that refer back to a decision, nouns of bodies that decide) and work on the spans the core reports; they never
// change the report.
import { SCOPE_LABELS } from './labels.js';
import { groupsOf } from './model.js';

const STATUSES = ['allowed', 'lifted', 'prohibited', 'imposed', 'excluded', 'proposed'];

// Pronouns name nobody a reader can check; a pronoun actor or subject is left out.
const PRONOUN = /^(?:it|its|they|them|their|he|him|his|she|her|we|us|our|you|your|i|me|this|that|these|those|which|who|whom|one|itself|themselves)$/i;

// "the decision", "the new measures", "this rule": the decision itself, not who made it. Definite only: "a separate
// law" is another one, which may well decide.
const DECISION_WORDS =
  'decisions?|rulings?|measures?|moves?|steps?|approvals?|plans?|changes?|deals?|agreements?|packages?|proposals?|' +
  'verdicts?|judge?ments?|statements?|announcements?|policy|policies|orders?|actions?|sanctions|restrictions?|bans?|exemptions?';
const DECISION_REFERENCE = new RegExp(`^(?:the|this|that|these|those|its|their|his|her|our)\\s+(?:[\\w'’-]+\\s+){0,2}(?:${DECISION_WORDS})$`, 'i');
const LAW_REFERENCE = /^(?:the|this|that|these|those|its|their)\s+(?:(?:new|same|latest)\s+)?(?:rules?|regulations?|laws?|ordinances?|decrees?)$/i;

// Heads of noun phrases that name a body or an office, and those that name a law: they decide.
const DECIDING_HEADS = new RegExp(
  '^(?:government|ministry|ministries|minister|ministers|council|councils|court|courts|judge|judges|justice|justices|' +
    'tribunal|parliament|assembly|senate|congress|legislature|lawmakers|legislators|regulators?|agency|agencies|authority|' +
    'authorities|commission|commissioner|committee|board|office|department|administration|cabinet|president|premier|' +
    'chancellor|mayor|governor|state|states|city|county|municipality|region|province|police|army|military|navy|officials|' +
    'leaders?|union|bloc|alliance|coalition|federation|bank|company|companies|firm|club|league|association|school|' +
    'university|organi[sz]ation|inspectorate|ombudsman)$',
  'i',
);
const LAW_HEADS = /^(?:laws?|act|ordinance|decree|regulations?|rules?|directive|treaty|constitution|code|charter|bill|statute)$/i;

// The head word of a noun phrase: the last word before "of", "in", "for" ("the government of X" -> government).
const headOf = (text) => {
  const words = clean(text).split(/\s+(?:of|in|for|at|on)\s+/i)[0].split(' ');
  return words[words.length - 1] ?? '';
};
const NAMED_TYPES = new Set(['PERSON', 'ORG', 'LOCATION', 'NORP']);

// Nouns of restrictions: "lifted a travel ban on X" -> "Travel ban lifted: X".
const RESTRICTION_NOUN = '(?:ban|restriction|limit|limitation|prohibition|embargo|moratorium|curfew|cap|sanction|freeze|blockade|curb|quota|tariff|suspension|rule|controls?)s?';
const RESTRICTION_PHRASE = new RegExp(
  `^(?:(?:the|a|an|its|their|this|that|all|any)\\s+)?((?:[\\w'’-]+\\s+){0,3}?${RESTRICTION_NOUN})\\s+(?:on|against|for|of)\\s+(.+)$`,
  'is',
);
const RESTRICTION_AFTER_TRIGGER = new RegExp(
  `^\\s+(?:(?:the|a|an|its|their|this|that|all|some|most|many|new|further)\\s+){0,2}((?:[\\w'’-]+\\s+){0,2}?${RESTRICTION_NOUN})\\b`,
  'i',
);
const EASING = /^(?:eas|relax|loosen|soften)/i;
const ONLY_RESTRICTION = new RegExp(`^(?:(?:the|a|an|its|their|this|that)\\s+)?(?:[\\w'’-]+\\s+){0,2}?${RESTRICTION_NOUN}$`, 'i');

// What a restricting verb did to its object, as a participle a reader cannot misread.
const PARTICIPLES = [
  [/^(?:freez|froze)/i, 'Frozen'],
  [/^ban(?:s|ned|ning)?$/i, 'Banned'],
  [/^restrict/i, 'Restricted'],
  [/^limit/i, 'Limited'],
  [/^suspend/i, 'Suspended'],
  [/^block/i, 'Blocked'],
  [/^halt/i, 'Halted'],
  [/^bar(?:s|red|ring)?$/i, 'Barred'],
  [/^outlaw/i, 'Outlawed'],
  [/^prohibit/i, 'Prohibited'],
  [/^forb[ia]d/i, 'Forbidden'],
  [/^cap(?:s|ped|ping)?$/i, 'Capped'],
  [/^(?:clos|shut)/i, 'Closed'],
  [/^sanction/i, 'Sanctioned'],
  [/^cancel/i, 'Cancelled'],
  [/^revok/i, 'Revoked'],
  [/^withdr[ae]w/i, 'Withdrawn'],
  [/^(?:exclud|exempt)/i, 'Exempt'],
];
const IMPOSING = /^(?:impos|introduc|adopt|slap|announc|order|approv|agre|set|put)/i;

const SPEECH = /\b(?:said|says|say|told|tells|announced|announces|stated|states|added|adds|wrote|writes|declared|confirmed|confirms|according to)\b/gi;

const SPEAKER_HEADS = /^(?:statement|report|spokesperson|spokesman|spokeswoman|official|sources?|document|letter|notice|release|filing|ministry|minister)$/i;
const PERSON_HEADS = /^(?:spokesperson|spokesman|spokeswoman|official|minister|mayor|president|governor|judge|chancellor|secretary|director|chief|senator|commissioner|chair|chairman|chairwoman|prosecutor)$/i;

const MAX_TEXT = 240;
// A line with its limits inline stays readable at a glance up to about three lines of a card; past that, the
// limits that do not fit are shown as tags of their own instead of cutting the line in the middle of one.
const MAX_INLINE = 160;

const clean = (text) => String(text ?? '').replace(/\s+/g, ' ').trim();
const capitalise = (text) => (text ? text[0].toUpperCase() + text.slice(1) : text);
const lowerArticle = (text) => text.replace(/^(The|A|An)\b/, (word) => word.toLowerCase());
const firstWord = (text) => clean(text).split(' ')[0] ?? '';
const cut = (text) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1).trimEnd()}…` : text);

/** Whether `text` is a pronoun ("it", "they", "this") that names nobody. */
export const isPronoun = (text) => PRONOUN.test(clean(text));

/** Whether `text` refers to the decision itself ("the decision", "the new measures") rather than its maker. */
export const isDecisionReference = (text) => DECISION_REFERENCE.test(clean(text)) || LAW_REFERENCE.test(clean(text));

function spanInText(report, span) {
  const text = report?.article?.text;
  return (
    span &&
    typeof text === 'string' &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.end <= text.length &&
    span.end > span.start
  );
}

// Whether `span` opens `sentence` (an opening quotation mark aside).
function startsSentence(report, span, sentence) {
  if (!spanInText(report, span) || !spanInText(report, sentence) || span.start < sentence.start) return false;
  return /^[\s"'“‘(]*$/.test(report.article.text.slice(sentence.start, span.start));
}

// A role as a line shows it, inside the line: a capital that only starts the sentence is not kept (a name's
// is): "Traders may sell ..." -> "Allowed for traders", "In 1997 the council banned X" -> "Banned: X in 1997".
function withoutOpeningCapital(report, span, sentence, groups) {
  if (!span || typeof span.text !== 'string' || !startsSentence(report, span, sentence)) return span;
  if (mentionsIn(report, span, groups).some((m) => m.start === span.start && NAMED_TYPES.has(m.type))) return span;
  return { ...span, text: span.text.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()) };
}

// Entity mentions that lie inside a span, with their groups.
function mentionsIn(report, span, groups) {
  if (!spanInText(report, span)) return [];
  return (report.entities ?? [])
    .filter((e) => Number.isInteger(e.start) && e.start >= span.start && e.end <= span.end)
    .map((e) => ({ ...e, group: groups.get(e.id) ?? null }));
}

/**
 * Whether the actor span names someone who decides: a named person, body or place, or a body, an office or (when
 * laws count: not for proposals, which only people and bodies make) a law.
 */
function isDecisionMaker(report, span, groups, { laws = true } = {}) {
  const text = clean(span?.text);
  if (!text || isPronoun(text) || isDecisionReference(text)) return false;
  const head = headOf(text);
  if (LAW_HEADS.test(head)) return laws;
  if (mentionsIn(report, span, groups).some((m) => NAMED_TYPES.has(m.type))) return true;
  return DECIDING_HEADS.test(head);
}

// The wording of a provision's status: a participle or "<restriction> lifted", then what it is about.
function verdictOf(provision, sentenceAfterTrigger, sentenceBeforeTrigger) {
  const status = provision.status;
  const trigger = clean(provision.trigger?.text);
  const triggerWord = firstWord(trigger.replace(/^(?:does|do|did|is|are|was|were|will|would|may|must|not|no|longer|still)\s+/gi, ''));
  const action = clean(provision.action?.text);
  const participle = PARTICIPLES.find(([pattern]) => pattern.test(triggerWord))?.[1] ?? null;
  const restrictionAfter = RESTRICTION_AFTER_TRIGGER.exec(sentenceAfterTrigger)?.[1] ?? null;
  const restrictionInAction = RESTRICTION_PHRASE.exec(action);
  const still = /\b(?:still|remains?|remained|continues? to|continued to)\s+(?:\w+\s+)?$/i.test(sentenceBeforeTrigger);

  if (status === 'lifted') {
    const eased = EASING.test(triggerWord) ? 'eased' : 'lifted';
    // "ending a ban that had stood for years": the object is the restriction alone; read it whole.
    let phrase = action;
    if (ONLY_RESTRICTION.test(action)) {
      const clause = /^\s*([^,.;:]+)/.exec(sentenceAfterTrigger)?.[1] ?? '';
      if (clause.includes(action)) phrase = clean(clause);
    }
    const restriction = RESTRICTION_PHRASE.exec(phrase);
    if (restriction) return { verdict: `${capitalise(clean(restriction[1]))} ${eased}`, what: restriction[2] };
    if (new RegExp(`\\b${RESTRICTION_NOUN}\\b`, 'i').test(phrase)) return { verdict: capitalise(eased), what: phrase };
    // "lifted a temporary restriction on X": the trigger names the kind of restriction.
    const named = new RegExp(`\\b(${RESTRICTION_NOUN})$`, 'i').exec(trigger)?.[1];
    return { verdict: `${capitalise(clean(restrictionAfter ?? named ?? 'ban'))} ${eased}`, what: phrase };
  }
  if (status === 'imposed') {
    if (/\bno longer\b/i.test(`${sentenceBeforeTrigger} ${trigger}`) && /allow|permit|let/i.test(trigger)) {
      return { verdict: 'No longer allowed', what: action };
    }
    if (participle) return { verdict: participle, what: action };
    if (IMPOSING.test(triggerWord) && restrictionAfter) return { verdict: `${capitalise(clean(restrictionAfter))} imposed`, what: action };
    if (restrictionInAction) return { verdict: `${capitalise(clean(restrictionInAction[1]))} imposed`, what: restrictionInAction[2] };
    return { verdict: 'New restriction', what: action };
  }
  if (status === 'prohibited') {
    const word = participle && participle !== 'Exempt' ? participle : 'Not allowed';
    return { verdict: still ? `Still ${word.toLowerCase()}` : word, what: action };
  }
  if (status === 'excluded') {
    const subject = clean(provision.subject?.text);
    if (/^exempt/i.test(triggerWord) && subject && action) return { verdict: `Exempt from ${lowerArticle(action)}`, what: subject };
    return { verdict: 'Not covered by the decision', what: subject || action };
  }
  // "the ban could be lifted", "the permission may be withdrawn": a passive participle the action does not hold
  // says what is proposed for it.
  if (status === 'proposed') {
    const passive = /\b(?:be|been|being)\s+$/i.test(sentenceBeforeTrigger) && /(?:ed|en|wn)$/i.test(triggerWord);
    return { verdict: 'Proposed, not decided', what: passive && !action.toLowerCase().includes(triggerWord.toLowerCase()) ? `${action} ${triggerWord.toLowerCase()}` : action };
  }
  if (status === 'allowed') return { verdict: /^approv/i.test(triggerWord) ? 'Approved' : 'Allowed', what: action };
  return { verdict: capitalise(String(status ?? 'Provision')), what: action };
}

const SPEECH_AFTER = /^\s*,?\s*(?:said|says|say|told|tells|added|adds|announced|announces|stated|states|wrote|writes|declared|confirmed|confirms)\b/i;

/**
 * The provision's scopes, each ending where the sentence's attribution starts: in "lifted the ban on Monday, the
 * mayor, Ada Koenig, said" a time scope read up to the verb of saying also holds the speaker; it stops at its first
 * comma ("on Monday"), and a ", according to ..." inside a scope goes too. The speaker is in the notes.
 */
function scopesOf(report, provision, groups) {
  const text = typeof report?.article?.text === 'string' ? report.article.text : '';
  const sentenceEnd = spanInText(report, provision.sentence) ? provision.sentence.end : text.length;
  return (Array.isArray(provision.scopes) ? provision.scopes : []).map((original) => {
    const scope = withoutOpeningCapital(report, original, provision.sentence, groups);
    let shown = clean(scope?.text).replace(/,\s*according to\b.*$/i, '');
    const followedBySpeech = spanInText(report, scope) && SPEECH_AFTER.test(text.slice(scope.end, sentenceEnd));
    if (followedBySpeech && shown.includes(',')) shown = shown.slice(0, shown.indexOf(',')).trim();
    return shown === clean(scope?.text) ? scope : { ...scope, text: shown };
  });
}

// The scopes a line carries after its object, as the core's summary does: exceptions in brackets, and two
// limits in a row joined as the article joins them ("only to X and only until Y"). Once a scope would take the
// line past MAX_INLINE, it and the scopes after it stay out of the line (the card and the summary show each
// scope the line lacks as a tag), so that no limit is cut off half-way.
function withScopes(what, provision, articleText) {
  let line = what;
  let previous = null;
  const conditional = (provision.flags ?? []).includes('conditional');
  for (const scope of provision.scopes ?? []) {
    const text = clean(scope?.text);
    // A condition goes to the notes ("only if ..."), once.
    if (!text || line.includes(text) || (conditional && scope.kind === 'condition')) continue;
    let added;
    if (scope.kind === 'exception' && provision.status !== 'excluded') {
      added = ` (${text})`;
    } else {
      const joint = previous && scope.start > previous.end ? articleText.slice(previous.end, scope.start) : '';
      added = joint.length <= 6 && /^[\s,;]*(and|or)?\s*$/.test(joint) && joint ? joint + text : ` ${text}`;
    }
    if (line.length + added.length > MAX_INLINE) break;
    line += added;
    if (scope.kind !== 'exception' || provision.status === 'excluded') previous = scope;
  }
  return line;
}

// Who said it, when the sentence says: the named speaker next to "said", "told", "according to"; for "he said",
// the speaker the sentence before names ("..., the spokesman added. ..., he said").
function speakerOf(report, provision, groups, depth = 0) {
  const sentence = provision.sentence;
  if (!spanInText(report, sentence)) return null;
  const text = report.article.text.slice(sentence.start, sentence.end);
  const mentions = mentionsIn(report, sentence, groups).filter((m) => m.type === 'PERSON' || m.type === 'ORG');
  const actor = clean(provision.actor?.text);
  let best = null;
  for (const match of text.matchAll(SPEECH)) {
    const verbStart = sentence.start + match.index;
    const verbEnd = verbStart + match[0].length;
    for (const mention of mentions) {
      const distance = mention.end <= verbStart ? verbStart - mention.end : mention.start >= verbEnd ? mention.start - verbEnd : Infinity;
      // "Minister Ada Koenig said", "said Ada Koenig", "according to the agency": within a few words.
      if (distance <= 40 && (!best || distance < best.distance)) {
        // "the Northern Union said" -> "according to the Northern Union": the article the sentence gives the name.
        const name = mention.group?.canonical || mention.text;
        const article = /\bthe\s+$/i.test(report.article.text.slice(Math.max(0, mention.start - 4), mention.start)) && !/^the\s/i.test(name);
        best = { distance, name: article ? `the ${name}` : name };
      }
    }
    // "The government of Valdoria said that ...": the decision's maker itself, right before the verb.
    if (!best && actor && match[0].toLowerCase() !== 'according to' && text.slice(0, match.index).trimEnd().endsWith(actor)) {
      best = { distance: 0, name: lowerArticle(actor) };
    }
    if (!best && match[0].toLowerCase() !== 'according to') {
      // "the court said", "the statement said": an unnamed body or document right before the verb.
      const before = /\b((?:the|a|an)\s+(?:(?!(?:the|a|an)\s)[\w'’-]+\s+){0,2}([\w'’-]+))\s+$/i.exec(text.slice(0, match.index));
      if (before && (DECIDING_HEADS.test(before[2]) || SPEAKER_HEADS.test(before[2]))) best = { distance: 0, name: lowerArticle(clean(before[1])) };
    }
    if (!best && match[0].toLowerCase() !== 'according to') {
      // "officials said", "two diplomats said", "Western officials said": a bare plural of people who speak for a
      // body, right before the verb.
      const bare = /(?:^|[\s,;])((?:[\w'’-]+\s+){0,2}(officials|diplomats|sources|spokespeople|spokesmen|ministers|lawmakers|regulators))\s+$/i.exec(text.slice(0, match.index));
      if (bare && !/^(?:the|a|an|he|she|they)\b/i.test(bare[1])) best = { distance: 0, name: clean(bare[1]) };
    }
    const pronoun = !best && depth === 0 ? /\b(he|she|they)\s+$/i.exec(text.slice(0, match.index)) : null;
    if (pronoun) {
      const before = report.article.text.slice(0, sentence.start).trimEnd();
      const stop = Math.max(before.lastIndexOf('. ', before.length - 2), before.lastIndexOf('\n', before.length - 2));
      const previous = { start: stop + 1, end: before.length };
      const name = speakerOf(report, { ...provision, sentence: previous }, groups, 1);
      // ("he" or "she" is a person: a person's name, or a person's title; not "the statement".)
      const person = name && (PERSON_HEADS.test(name.split(/\s+/).pop()) ||
        mentionsIn(report, previous, groups).some((m) => m.type === 'PERSON' && (m.group?.canonical || m.text) === name));
      if (name && (pronoun[1].toLowerCase() === 'they' || person)) best = { distance: 0, name };
    }
    if (!best && match[0].toLowerCase() !== 'according to') {
      // "Norland's trade ministry said": a body named with its country's or owner's possessive.
      const owned = /(?:^|[\s,;])((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+(?:[\w-]+\s+){0,2}([\w-]+))\s+$/.exec(text.slice(0, match.index));
      if (owned && (DECIDING_HEADS.test(owned[2]) || SPEAKER_HEADS.test(owned[2]))) best = { distance: 0, name: clean(owned[1]) };
    }
  }
  return best?.name ?? null;
}

const OWN_WORDS = /,\s*(?:saying|adding|stating|arguing|explaining|noting|citing)\b/i;

// Whether the sentence's only words of saying are a participle after the decision ("..., saying they had cut
// their ties"): the decision-maker explaining itself, not a source reporting the decision. (search() leaves
// the global SPEECH's lastIndex as it was.)
function makersOwnWords(report, provision) {
  const sentence = provision.sentence;
  if (!spanInText(report, sentence)) return false;
  const text = report.article.text.slice(sentence.start, sentence.end);
  return text.search(SPEECH) === -1 && OWN_WORDS.test(text);
}

// Flags in words: "according to Ada Koenig", "in a quote", "only if the weather allows".
function notesOf(report, provision, groups) {
  const notes = [];
  const flags = new Set(provision.flags ?? []);
  if (flags.has('historical')) notes.push('no longer in force');
  if (flags.has('attributed')) {
    const speaker = speakerOf(report, provision, groups);
    // "The council lifted the ban, saying ...": a participle of saying after the decision gives the maker's
    // own reasons; no one else reports it, so there is no source to name.
    if (speaker) notes.push(`according to ${speaker}`);
    else if (!makersOwnWords(report, provision)) notes.push('according to an unnamed source');
  }
  if (flags.has('quoted')) notes.push('in a quote');
  if (flags.has('conditional')) {
    const condition = (provision.scopes ?? []).find((s) => s?.kind === 'condition' && clean(s.text));
    notes.push(condition ? `only ${/^(?:if|when|unless|provided|as long as|on condition)/i.test(clean(condition.text)) ? '' : 'if '}${clean(condition.text)}` : 'only under conditions');
  }
  if (flags.has('hedged')) notes.push('not certain');
  if (flags.has('future')) notes.push('takes effect later');
  if (flags.has('question')) notes.push('raised as a question');
  return notes;
}

const views = new WeakMap();

/**
 * The reader's view of the report's provisions, computed once per report:
 *   provisions[i]: {index, status, past, verdict, what, text ("verdict: what"), decider ({label, text} or null),
 *     subject (text or null), scopes ([{kind, label, text}]), notes (plain-word flags), sentence} or null;
 *   columns: {allowed, prohibited (prohibited, imposed and excluded in summary order), stillProhibited, excluded,
 *     proposed}: the current provisions, each listed once (summary order, then any the summary left out);
 *   current: every listed provision; past: provisions that describe an earlier state (flag "historical");
 *   counts: {current, past, byStatus}.
 */
// "No vendor may sell X" is a rule for every vendor, and "no one may" for everyone: the verdict names them
// so ("Not allowed for any vendor", "for anyone"), never "for no vendor".
function partyOfNegation(subject) {
  const m = /^(no one|nobody|none|neither|no)\b\s*(.*)$/i.exec(subject);
  if (!m) return subject;
  const [, word, rest] = m;
  if (!rest || /^(no one|nobody|none)$/i.test(word)) return 'anyone';
  return `${word.toLowerCase() === 'neither' ? 'either' : 'any'} ${rest}`;
}

export function presentReport(report) {
  if (report && typeof report === 'object' && views.has(report)) return views.get(report);
  const provisionsIn = Array.isArray(report?.policy?.provisions) ? report.policy.provisions : [];
  const groups = groupsOf(report);
  const text = typeof report?.article?.text === 'string' ? report.article.text : '';

  // Decision-makers in text order, for "the decision" and "the measures" to refer back to.
  const order = provisionsIn
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => p && typeof p === 'object')
    .sort((a, b) => (a.p.sentence?.start ?? 0) - (b.p.sentence?.start ?? 0) || (a.p.trigger?.start ?? 0) - (b.p.trigger?.start ?? 0));
  const makers = new Map();
  let lastMaker = null;
  for (const { p, index } of order) {
    const actor = clean(p.actor?.text);
    if (actor && isDecisionMaker(report, p.actor, groups, { laws: p.status !== 'proposed' })) {
      makers.set(index, actor);
      // "The decision" refers to the decision reported, not to an earlier rule's maker.
      if (!(p.flags ?? []).includes('historical')) lastMaker = actor;
    } else if (actor && isDecisionReference(actor) && lastMaker) {
      makers.set(index, lastMaker);
    }
  }

  const provisions = provisionsIn.map((original, index) => {
    if (!original || typeof original !== 'object' || !STATUSES.includes(original.status)) return null;
    const p = { ...original, scopes: scopesOf(report, original, groups), subject: withoutOpeningCapital(report, original.subject, original.sentence, groups) };
    const past = (p.flags ?? []).includes('historical');
    const sentenceText = spanInText(report, p.sentence) ? text.slice(p.sentence.start, p.sentence.end) : clean(p.sentence?.text);
    const triggerIn = spanInText(report, p.trigger) && spanInText(report, p.sentence) && p.trigger.start >= p.sentence.start && p.trigger.end <= p.sentence.end;
    const after = triggerIn ? text.slice(p.trigger.end, p.sentence.end) : '';
    const before = triggerIn ? text.slice(p.sentence.start, p.trigger.start) : '';
    let { verdict, what } = verdictOf(p, after, before);
    const line = cut(withScopes(clean(what) || clean(sentenceText), p, text));
    // Whom it concerns belongs in the verdict: "Allowed for food trucks: trade in the harbour district".
    let subject = clean(p.subject?.text);
    if (!subject || isPronoun(subject) || isDecisionReference(subject) || line.includes(subject)) subject = '';
    if (subject && p.status !== 'excluded') {
      verdict = `${verdict} for ${partyOfNegation(subject)}`;
      subject = '';
    }
    const makerText = makers.get(index) ?? null;
    // An earlier state keeps its wording, in the past: "Previously banned: ...".
    const shownVerdict = past ? `Previously ${verdict.replace(/^Still /, '').replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase())}` : verdict;
    return {
      index,
      status: p.status,
      past,
      verdict: shownVerdict,
      what: line,
      text: `${shownVerdict}: ${line}`,
      decider: makerText ? { label: p.status === 'proposed' ? 'Proposed by' : 'Who decides', text: makerText } : null,
      subject: subject || null,
      // A condition already in the notes ("only if ...") is not repeated as a scope.
      scopes: (p.scopes ?? [])
        .filter((s) => clean(s?.text) && !(s.kind === 'condition' && (p.flags ?? []).includes('conditional')))
        .map((s) => ({ kind: String(s.kind ?? ''), label: SCOPE_LABELS[s.kind] ?? 'Scope', text: clean(s.text) })),
      notes: notesOf(report, p, groups),
      sentence: sentenceText,
    };
  });

  const columns = { allowed: [], prohibited: [], proposed: [] };
  const listed = new Set();
  const summary = report?.policy?.summary ?? {};
  const columnOf = (status) => (status === 'allowed' || status === 'lifted' ? 'allowed' : status === 'proposed' ? 'proposed' : 'prohibited');
  const add = (view) => {
    if (!view || view.past || listed.has(view.index)) return;
    listed.add(view.index);
    columns[columnOf(view.status)].push(view);
  };
  for (const name of ['allowed', 'prohibited', 'proposed']) {
    for (const item of Array.isArray(summary[name]) ? summary[name] : []) add(provisions[item?.provision] ?? null);
  }
  for (const view of provisions) add(view);
  columns.stillProhibited = columns.prohibited.filter((v) => v.status !== 'excluded');
  columns.excluded = columns.prohibited.filter((v) => v.status === 'excluded');

  const current = [...columns.allowed, ...columns.prohibited, ...columns.proposed];
  const past = provisions.filter((v) => v?.past);
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, current.filter((v) => v.status === s).length]));
  const view = { provisions, columns, current, past, counts: { current: current.length, past: past.length, byStatus } };
  if (report && typeof report === 'object') views.set(report, view);
  return view;
}

/** The decision-makers of the current provisions, each once, in order of appearance. */
export function decisionMakers(report) {
  const names = [];
  for (const view of presentReport(report).current) {
    if (view.decider?.label === 'Who decides' && !names.includes(view.decider.text)) names.push(view.decider.text);
  }
  return names;
}

const WARNING_TEXT = {
  not_readerable: 'This page may not be an article: it looks like a home or index page.',
  invalid_utf8: 'Some characters of the input were unreadable and were replaced.',
  transcoded: null, // decoded from the page's declared charset: nothing for the reader to do
  truncated: 'The input hit a size or nesting limit: only part of it was analysed.',
  // The core's message names the language ("the article is in German (...)").
  language_unsupported: (message) =>
    `This article is in ${/^the article is in (.+?) \(/.exec(message)?.[1] ?? 'another language'}. Names, places, ` +
    'organisations and policy provisions are only looked for in English text, so only dates, amounts and ' +
    'quantities are marked.',
};

/** Whether the core read the article for policy at all: it looks for provisions in English text only. */
export function policyAnalysed(report) {
  return !(Array.isArray(report?.warnings) ? report.warnings : []).some((w) => w?.code === 'language_unsupported');
}

/**
 * Why a summary lists nothing, in plain words (null when it lists a provision): the article is not in English,
 * or it reports no decision. Four empty columns would say neither.
 */
export function emptyScopeMessage(report) {
  const { counts } = presentReport(report);
  if (counts.current + counts.past > 0) return null;
  return policyAnalysed(report)
    ? 'No policy decision found: ArticleScope lists provisions only when an article reports something being ' +
        'allowed, prohibited, lifted, imposed or proposed.'
    : 'Not analysed: policy provisions are only looked for in English articles.';
}

/** The report's warnings as sentences a reader understands (warnings with nothing to say are left out). */
export function warningMessages(report) {
  const messages = [];
  for (const warning of Array.isArray(report?.warnings) ? report.warnings : []) {
    const code = String(warning?.code ?? '');
    const known = Object.hasOwn(WARNING_TEXT, code) ? WARNING_TEXT[code] : undefined;
    const text =
      typeof known === 'function'
        ? known(String(warning?.message ?? ''))
        : known !== undefined
          ? known
          : clean(warning?.message) || `Note from the analyser: ${code.replace(/_/g, ' ')}.`;
    if (text && !messages.includes(text)) messages.push(text);
  }
  return messages;
}
