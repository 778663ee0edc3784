// Entities by type: the legend (type toggles with counts), the policy legend, the list of entities per type
// (the demo's sidebar) and compact entity chips per type (widget, extension panel).
import { cssToken, el, icon, plural } from './dom.js';
import { ENTITY_INFO, PAST_INFO, STATUS_INFO, STATUS_ORDER, entityClass, statusChip } from './labels.js';
import { entityCountText, entityCounts, groupsOf, knownTypes } from './model.js';
import { presentReport } from './present.js';

/** "3 people, 7 mentions": the spoken form of a legend count. */
const countLabel = (label, { entities, mentions }) =>
  `${label}: ${plural(entities, 'entity', 'entities')}, ${plural(mentions, 'mention')}`;

/**
 * Renders one toggle per entity type into `container` (children replaced): swatch, label, and the count of
 * distinct entities with their mentions in brackets ("3 (7)"); aria-pressed is false for the types in
 * options.hidden (a Set); a type without mentions is disabled. options.onToggle(type) is called on a click (the
 * caller updates its hidden set and calls setLegendPressed).
 */
export function renderLegend(container, report, { hidden = new Set(), onToggle = null } = {}) {
  const { types } = knownTypes(report);
  const counts = entityCounts(report);
  container.replaceChildren();
  for (const type of types) {
    const info = ENTITY_INFO.get(type) ?? { label: String(type) };
    const numbers = counts.get(type) ?? { entities: 0, mentions: 0 };
    const count = numbers.mentions;
    const button = el(
      'button',
      {
        type: 'button',
        class: `legend-toggle ${entityClass(type)}`,
        'data-type': type,
        'aria-pressed': hidden.has(type) ? 'false' : 'true',
        disabled: count === 0,
        title: count === 0 ? `No ${info.label.toLowerCase()} in this article` : `Show or hide ${info.label.toLowerCase()}`,
        'aria-label': countLabel(info.label, numbers),
        'data-entities': numbers.entities,
        'data-mentions': numbers.mentions,
      },
      el('span', { class: 'swatch', 'aria-hidden': 'true' }),
      el('span', { class: 'legend-label' }, info.label),
      el('span', { class: 'legend-count' }, entityCountText(numbers)),
    );
    if (onToggle) button.addEventListener('click', () => onToggle(type));
    container.append(button);
  }
}

/** Sets aria-pressed of the legend toggles in `container` from the hidden set. */
export function setLegendPressed(container, hidden) {
  for (const button of container.querySelectorAll('.legend-toggle')) {
    button.setAttribute('aria-pressed', hidden.has(button.dataset.type) ? 'false' : 'true');
  }
}

/**
 * Renders the policy legend into the list `list` (children replaced): per status, its chip, description and
 * number of current provisions (muted when none), then the earlier rules when the article has any. With
 * options.onToggleMarks, a last row holds a "Hide/Show policy marks" button (aria-pressed = marks shown),
 * which is returned; see setPolicyToggle.
 */
export function renderPolicyLegend(list, report, { marksHidden = false, onToggleMarks = null } = {}) {
  list.replaceChildren();
  const { counts } = presentReport(report);
  const row = (chip, description, count, status) =>
    list.append(
      el(
        'li',
        { class: count ? '' : 'muted', 'data-status': status },
        el('span', { class: 'legend-sample' }, chip),
        el('span', { class: 'legend-desc' }, description),
        el('span', { class: 'legend-count' }, String(count)),
      ),
    );
  for (const statusName of STATUS_ORDER) row(statusChip(statusName), STATUS_INFO[statusName].description, counts.byStatus[statusName], statusName);
  if (counts.past) {
    row(el('span', { class: 'status-chip status-past' }, icon(PAST_INFO.icon), PAST_INFO.label), PAST_INFO.description, counts.past, 'past');
  }
  if (!onToggleMarks) return null;
  const button = el('button', { type: 'button', class: 'button small ghost' });
  setPolicyToggle(button, marksHidden);
  button.addEventListener('click', () => onToggleMarks());
  list.append(el('li', { class: 'policy-toggle-row' }, button));
  return button;
}

/** Updates the policy-marks toggle returned by renderPolicyLegend. */
export function setPolicyToggle(button, marksHidden) {
  button.setAttribute('aria-pressed', marksHidden ? 'false' : 'true');
  button.textContent = marksHidden ? 'Show policy marks' : 'Hide policy marks';
}

// Alphabetical order of two groups' names, ignoring case. Not localeCompare: its first call loads the collation
// data (12-20 ms in Chromium on the loaded 2-core machine, on the path of the demo's first result).
function byName(a, b) {
  const x = String(a.canonical).toLowerCase();
  const y = String(b.canonical).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The entity groups with mentions, per type in display order: [{type, info, groups}], most mentioned first. */
function groupsByType(report) {
  const groups = [...groupsOf(report).values()].filter((g) => g.mentions > 0);
  const byType = [];
  for (const type of knownTypes(report).types) {
    const ofType = groups
      .filter((g) => g.type === type)
      .sort((a, b) => b.mentions - a.mentions || byName(a, b));
    if (ofType.length > 0) byType.push({ type, info: ENTITY_INFO.get(type) ?? { label: String(type) }, groups: ofType });
  }
  return byType;
}

// One entity: its canonical name and a mention count; a button calling onSelect(group id) when given.
function entityEntry(group, className, count, onSelect) {
  const entry = el(
    onSelect ? 'button' : 'span',
    {
      type: onSelect ? 'button' : null,
      class: className,
      'data-group': group.id,
      title: group.aliases?.length ? `Also: ${group.aliases.join(', ')}` : null,
    },
    el('span', { class: 'entity-name' }, String(group.canonical ?? '')),
    count,
  );
  if (onSelect) entry.addEventListener('click', () => onSelect(group.id));
  return entry;
}

/**
 * Renders the entities per type into `container` (children replaced): a section per type (heading with
 * swatch, label and the count of entities, mentions in brackets: "3 (7)") listing each entity with its mentions, the first options.shownPerType
 * (default 12) then a "Show all N" button. options.onSelect(groupId) makes each entry a button calling it.
 * Returns the number of entities listed.
 */
export function renderEntityGroups(container, report, { shownPerType = 12, onSelect = null, headingLevel = 3 } = {}) {
  container.replaceChildren();
  const byType = groupsByType(report);
  if (byType.length === 0) {
    container.append(el('p', { class: 'side-note' }, 'No entities found.'));
    return 0;
  }
  for (const { type, info, groups: ofType } of byType) {
    const numbers = { entities: ofType.length, mentions: ofType.reduce((sum, g) => sum + g.mentions, 0) };
    const section = el(
      'section',
      { class: `entity-type ${entityClass(type)}`, 'data-type': type, 'data-entities': numbers.entities, 'data-mentions': numbers.mentions },
      el(
        `h${headingLevel}`,
        {},
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        info.label,
        el(
          'span',
          { class: 'count', title: countLabel(info.label, numbers) },
          el('span', { 'aria-hidden': 'true' }, entityCountText(numbers)),
          el('span', { class: 'visually-hidden' }, `: ${plural(numbers.entities, 'entity', 'entities')}, ${plural(numbers.mentions, 'mention')}`),
        ),
      ),
    );
    const list = el('ul', { class: 'entity-list' });
    ofType.forEach((group, index) => {
      const count = el('span', { class: 'entity-count', 'aria-label': plural(group.mentions, 'mention') }, `×${group.mentions}`);
      list.append(el('li', { hidden: index >= shownPerType }, entityEntry(group, 'entity-link', count, onSelect)));
    });
    section.append(list);
    if (ofType.length > shownPerType) {
      const more = el('button', { type: 'button', class: 'button small ghost show-more' }, `Show all ${ofType.length}`);
      more.addEventListener('click', () => {
        for (const item of list.children) item.hidden = false;
        more.remove();
      });
      section.append(more);
    }
    container.append(section);
  }
  return byType.reduce((sum, entry) => sum + entry.groups.length, 0);
}

/**
 * Renders compact entity chips into `container` (children replaced): one row per type that has mentions
 * (ul.entity-chips > li.chip-row: type label with swatch, then a chip per entity, most mentioned first, at most
 * options.perType (default 6) and a "+N" chip for the rest). options.onSelect(groupId) makes chips buttons.
 * Returns the number of entities.
 */
export function renderEntityChips(container, report, { perType = 6, onSelect = null } = {}) {
  container.replaceChildren();
  const byType = groupsByType(report);
  const rows = el('ul', { class: 'entity-chips', role: 'list' });
  for (const { type, info, groups: ofType } of byType) {
    const label = el('span', { class: 'chip-type' }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), info.label);
    const chips = el('span', { class: 'chip-list' });
    for (const group of ofType.slice(0, perType)) {
      const count =
        group.mentions > 1
          ? el('span', { class: 'entity-count', 'aria-label': `, ${plural(group.mentions, 'mention')}` }, `×${group.mentions}`)
          : null;
      chips.append(entityEntry(group, 'entity-chip', count, onSelect));
    }
    if (ofType.length > perType) {
      const rest = ofType.length - perType;
      chips.append(el('span', { class: 'entity-chip more-chip', title: `${plural(rest, 'more entity', 'more entities')}` }, `+${rest}`));
    }
    rows.append(el('li', { class: `chip-row ${entityClass(type)}`, 'data-type': cssToken(type) }, label, chips));
  }
  container.append(rows);
  return byType.reduce((sum, entry) => sum + entry.groups.length, 0);
}
