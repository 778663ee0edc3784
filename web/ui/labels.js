// What the reader sees for each entity type, provision status, scope kind and flag.
import { cssToken, el, icon } from './dom.js';

/** Entity types in display order: plural label (legend, lists) and singular (cards). */
export const ENTITY_TYPES = [
  { type: 'PERSON', label: 'People', singular: 'Person' },
  { type: 'ORG', label: 'Organisations', singular: 'Organisation' },
  { type: 'LOCATION', label: 'Places', singular: 'Place' },
  { type: 'NORP', label: 'Nationalities & groups', singular: 'Nationality or group' },
  { type: 'DATE', label: 'Dates', singular: 'Date' },
  { type: 'MONEY', label: 'Money', singular: 'Money' },
  { type: 'QUANTITY', label: 'Quantities', singular: 'Quantity' },
  { type: 'WEAPON', label: 'Weapons & equipment', singular: 'Weapon or equipment' },
];
/** ENTITY_TYPES by type. */
export const ENTITY_INFO = new Map(ENTITY_TYPES.map((info) => [info.type, info]));

// Each status has its own icon, label and underline style, so colour is never the only cue.
/** Label, one-line description and icon name of each provision status. */
export const STATUS_INFO = {
  allowed: { label: 'Allowed', description: 'newly permitted', icon: 'check' },
  lifted: { label: 'Lifted', description: 'a restriction removed', icon: 'arrowUp' },
  prohibited: { label: 'Prohibited', description: 'not allowed', icon: 'ban' },
  imposed: { label: 'Imposed', description: 'a new restriction', icon: 'alert' },
  excluded: { label: 'Not covered', description: 'explicitly outside the decision', icon: 'minus' },
  proposed: { label: 'Proposed', description: 'not decided yet', icon: 'question' },
};
/** Label, description and icon of a provision that describes the state before the decision (flag "historical"). */
export const PAST_INFO = { label: 'Earlier rule', description: 'no longer in force', icon: 'clock' };

/** Statuses in legend order. */
export const STATUS_ORDER = ['allowed', 'lifted', 'prohibited', 'imposed', 'excluded', 'proposed'];

/** Reader's label of each scope kind. */
export const SCOPE_LABELS = {
  location: 'Where',
  restriction: 'Limit',
  instance: 'Case',
  exception: 'Except',
  condition: 'Condition',
  time: 'When',
  target: 'Target',
};

/**
 * Provision flags in reader's words, when nothing more is known (present.js names the speaker and the condition
 * when the sentence gives them). "negated" has none: the status already says it.
 */
export const FLAG_LABELS = {
  attributed: 'according to an unnamed source',
  hedged: 'not certain',
  conditional: 'only under conditions',
  future: 'takes effect later',
  question: 'raised as a question',
  quoted: 'in a quote',
  historical: 'no longer in force',
  negated: '',
};

/** The flags of a provision as one line: "in a quote · takes effect later". */
export const flagText = (flags) =>
  flags
    .map((f) => FLAG_LABELS[f] ?? String(f).replace(/_/g, ' '))
    .filter(Boolean)
    .join(' · ');

/** The status chip: icon + label, coloured and bordered by status (class status-chip status-<status>). */
export function statusChip(status) {
  const info = STATUS_INFO[status] ?? { label: String(status), icon: 'question' };
  return el('span', { class: `status-chip status-${cssToken(status)}` }, icon(info.icon), info.label);
}

/** The class of an entity type's colours; types the UI does not know share a neutral one. */
export function entityClass(type) {
  return ENTITY_INFO.has(type) ? `ent-type-${cssToken(type)}` : 'ent-type-other';
}
