// The policy summary: what a decision allows, what stays prohibited or is not covered, what is only proposed,
// each item with who decided, whom it applies to and its limits.
import { cssToken, el } from './dom.js';
import { SCOPE_LABELS, flagText, statusChip } from './labels.js';
import { provisionAt } from './model.js';

let summaryCount = 0;

const COLUMNS = {
  allowed: { className: 'allowed-column', icon: '✓', title: 'Allowed', empty: 'Nothing newly allowed in this article.' },
  prohibited: {
    className: 'prohibited-column',
    icon: '⊘',
    title: 'Still prohibited or not covered',
    empty: 'No prohibition or exclusion found.',
  },
  stillProhibited: {
    className: 'prohibited-column',
    icon: '⊘',
    title: 'Still prohibited',
    empty: 'No prohibition found.',
  },
  excluded: { className: 'excluded-column', icon: '⊖', title: 'Not covered', empty: 'Nothing declared out of scope.' },
};

/**
 * Renders the summary columns into `container` (its children are replaced): Allowed | Still prohibited or not
 * covered (or, with columns: 'three', Still prohibited | Not covered), then Proposed when there is any.
 * Options:
 *   columns: 'two' (default) or 'three';
 *   itemsShown: items per column before a "Show all N" button (default 8);
 *   roles: 'all' (who decides, applies to, scopes; default), 'actor' (who decides) or 'none';
 *   onSelect(provisionIndex, item): makes each item a button that calls it;
 *   idPrefix: prefix of the lists' ids (`${idPrefix}allowed`, ...prohibited, ...excluded, ...proposed,
 *     ...proposed-wrap); default a unique one;
 *   headingLevel: level of the column headings (default 3).
 * Returns {provisions, items}: the number of provisions in the report and of items shown in all columns.
 */
export function renderSummary(container, report, options = {}) {
  const { columns = 'two', itemsShown = 8, headingLevel = 3 } = options;
  const idPrefix = options.idPrefix ?? `articlescope-summary-${++summaryCount}-`;
  const summary = report?.policy?.summary ?? {};
  const provisions = report?.policy?.provisions ?? [];
  const heading = `h${Math.min(6, Math.max(1, headingLevel))}`;
  const prohibited = Array.isArray(summary.prohibited) ? summary.prohibited : [];
  const isExcluded = (item) => (item?.status ?? provisionAt(report, item?.provision)?.status) === 'excluded';

  const lists = [['allowed', COLUMNS.allowed, summary.allowed]];
  if (columns === 'three') {
    lists.push(['prohibited', COLUMNS.stillProhibited, prohibited.filter((item) => !isExcluded(item))]);
    lists.push(['excluded', COLUMNS.excluded, prohibited.filter(isExcluded)]);
  } else {
    lists.push(['prohibited', COLUMNS.prohibited, prohibited]);
  }

  const grid = el('div', { class: `scope-columns${columns === 'three' ? ' three' : ''}` });
  for (const [name, column, items] of lists) {
    const list = el('ul', { class: 'scope-list', id: `${idPrefix}${name}` });
    fillList(list, report, items, column.empty, itemsShown, options);
    grid.append(
      el(
        'div',
        { class: `scope-column ${column.className}`, 'data-column': name },
        el(heading, {}, el('span', { class: 'col-icon', 'aria-hidden': 'true' }, column.icon), ` ${column.title}`),
        list,
      ),
    );
  }
  const proposedList = el('ul', { class: 'scope-list', id: `${idPrefix}proposed` });
  fillList(proposedList, report, summary.proposed, '', itemsShown, options);
  const proposed = el(
    'div',
    { class: 'scope-proposed', id: `${idPrefix}proposed-wrap`, 'data-column': 'proposed', hidden: !summary.proposed?.length },
    el(heading, {}, el('span', { class: 'col-icon', 'aria-hidden': 'true' }, '?'), ' Proposed, not decided'),
    proposedList,
  );
  container.replaceChildren(grid, proposed);
  const count = (items) => (Array.isArray(items) ? items.length : 0);
  return { provisions: provisions.length, items: count(summary.allowed) + prohibited.length + count(summary.proposed) };
}

function fillList(list, report, items, emptyText, itemsShown, options) {
  if (!items?.length) {
    list.append(el('li', { class: 'scope-empty' }, emptyText));
    return;
  }
  // Long reports: the first items now, the rest on request (built only then).
  for (const item of items.slice(0, itemsShown)) list.append(el('li', {}, scopeItem(report, item, options)));
  if (items.length > itemsShown) {
    const more = el('button', { type: 'button', class: 'button small ghost show-more scope-more' }, `Show all ${items.length}`);
    more.addEventListener('click', () => {
      const rest = items.slice(itemsShown).map((item) => el('li', {}, scopeItem(report, item, options)));
      more.parentElement.replaceWith(...rest);
    });
    list.append(el('li', { class: 'scope-more-row' }, more));
  }
}

/**
 * One summary item (a report.policy.summary entry): status chip and flags, its text, then role tags.
 * A button calling options.onSelect(item.provision, item) when given, otherwise a plain block.
 * options.roles: 'all' (default), 'actor' or 'none'.
 */
export function scopeItem(report, item, { onSelect = null, roles = 'all' } = {}) {
  const provision = provisionAt(report, item?.provision);
  const statusName = item?.status ?? provision?.status;
  const element = el(onSelect ? 'button' : 'div', {
    type: onSelect ? 'button' : null,
    class: `scope-item status-${cssToken(statusName)}`,
    'data-provision': Number.isInteger(item?.provision) ? item.provision : null,
  });
  const head = el('span', { class: 'scope-item-head' }, statusChip(statusName));
  if (provision?.flags?.length) head.append(el('span', { class: 'flags' }, flagText(provision.flags)));
  element.append(head, el('span', { class: 'scope-text' }, String(item?.text || provision?.sentence?.text || '')));
  if (provision && roles !== 'none') {
    const tags = el('span', { class: 'scope-roles' });
    const tag = (className, label, text) =>
      tags.append(el('span', { class: className }, el('span', { class: 'role-name' }, label), String(text)));
    if (provision.actor?.text) tag('role', 'Who decides', provision.actor.text);
    if (roles === 'all') {
      if (provision.subject?.text) tag('role', 'Applies to', provision.subject.text);
      for (const scope of provision.scopes ?? []) {
        if (scope?.text) tag('role scope-tag', SCOPE_LABELS[scope.kind] ?? String(scope.kind ?? 'Scope'), scope.text);
      }
    }
    if (tags.childElementCount) element.append(tags);
  }
  if (onSelect) element.addEventListener('click', () => onSelect(item.provision, item));
  return element;
}
