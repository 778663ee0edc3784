// Read-only views of a report that several renderers need. Reports are untrusted: every accessor tolerates
// missing fields and out-of-range indexes.
import { ENTITY_TYPES } from './labels.js';

/** report.policy.provisions[index], or null when the index is not a valid one. */
export function provisionAt(report, index) {
  const provisions = report?.policy?.provisions ?? [];
  return Number.isInteger(index) && index >= 0 && index < provisions.length ? provisions[index] : null;
}

/**
 * Entity groups keyed by id, each with `mentions` (the mentions counted in report.entities); built from
 * entity_groups, or from the mentions alone when the report has no groups.
 */
export function groupsOf(report) {
  const groups = new Map();
  for (const group of report?.entity_groups ?? []) {
    if (group && Number.isInteger(group.id)) groups.set(group.id, { ...group, mentions: 0 });
  }
  for (const mention of report?.entities ?? []) {
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

/** Mentions per entity type. */
export function typeCounts(report) {
  const counts = new Map();
  for (const mention of report?.entities ?? []) counts.set(mention.type, (counts.get(mention.type) ?? 0) + 1);
  return counts;
}

/** The known entity types in display order, then any other type the report has; with mentions per type. */
export function knownTypes(report) {
  const counts = typeCounts(report);
  const types = ENTITY_TYPES.map((info) => info.type);
  for (const type of counts.keys()) if (!types.includes(type)) types.push(type);
  return { types, counts };
}

/** Per entity type: the distinct entities (groups with mentions) and their mentions, {entities, mentions}. */
export function entityCounts(report) {
  const counts = new Map();
  for (const group of groupsOf(report).values()) {
    if (group.mentions === 0) continue;
    const count = counts.get(group.type) ?? { entities: 0, mentions: 0 };
    count.entities += 1;
    count.mentions += group.mentions;
    counts.set(group.type, count);
  }
  return counts;
}

/** "3 (7)": distinct entities, with their mentions in brackets ("0" when there are none). */
export const entityCountText = ({ entities, mentions }) => (mentions ? `${entities} (${mentions})` : '0');
