// The policy summary: what a decision allows, what stays prohibited or is not covered, what is only proposed,
// and what the article says was the rule before; each item in words a reader cannot misread ("Ban lifted: ...",
// "Frozen: ..."), with who decided, whom it applies to and its limits. The wording is present.js's.
import { cssToken, el, icon } from './dom.js';
import { STATUS_INFO } from './labels.js';
import { provisionAt } from './model.js';
import { presentReport } from './present.js';

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
 * covered (or, with columns: 'three', Still prohibited | Not covered), then Proposed and "Before this decision"
 * (provisions that describe an earlier state) when there are any. Every current provision is listed once.
 * Options:
 *   columns: 'two' (default) or 'three';
 *   itemsShown: items per column before a "Show all N" button (default 8);
 *   roles: 'all' (who decides, applies to, scopes; default), 'actor' (who decides) or 'none';
 *   onSelect(provisionIndex, item): makes each item a button that calls it;
 *   idPrefix: prefix of the lists' ids (`${idPrefix}allowed`, ...prohibited, ...excluded, ...proposed,
 *     ...proposed-wrap, ...past, ...past-wrap); default a unique one;
 *   headingLevel: level of the column headings (default 3).
 * Returns {provisions, items, past}: the current provisions listed (the count a header may show), the same
 * number of items, and the earlier-state provisions listed apart.
 */
export function renderSummary(container, report, options = {}) {
  const { columns = 'two', itemsShown = 8, headingLevel = 3 } = options;
  const idPrefix = options.idPrefix ?? `articlescope-summary-${++summaryCount}-`;
  const view = presentReport(report);
  const heading = `h${Math.min(6, Math.max(1, headingLevel))}`;

  const lists = [['allowed', COLUMNS.allowed, view.columns.allowed]];
  if (columns === 'three') {
    lists.push(['prohibited', COLUMNS.stillProhibited, view.columns.stillProhibited]);
    lists.push(['excluded', COLUMNS.excluded, view.columns.excluded]);
  } else {
    lists.push(['prohibited', COLUMNS.prohibited, view.columns.prohibited]);
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
  const extra = (name, iconText, title, items) => {
    const list = el('ul', { class: 'scope-list', id: `${idPrefix}${name}` });
    fillList(list, report, items, '', itemsShown, options);
    return el(
      'div',
      { class: `scope-${name}`, id: `${idPrefix}${name}-wrap`, 'data-column': name, hidden: items.length === 0 },
      el(heading, {}, el('span', { class: 'col-icon', 'aria-hidden': 'true' }, iconText), ` ${title}`),
      list,
    );
  };
  container.replaceChildren(
    grid,
    extra('proposed', '?', 'Proposed, not decided', view.columns.proposed),
    extra('past', '↺', 'Before this decision: no longer in force', view.past),
  );
  return { provisions: view.counts.current, items: view.counts.current, past: view.counts.past };
}

function fillList(list, report, views, emptyText, itemsShown, options) {
  if (!views.length) {
    list.append(el('li', { class: 'scope-empty' }, emptyText));
    return;
  }
  const itemOf = (view) => el('li', {}, scopeItem(report, { provision: view.index, status: view.status }, options));
  // Long reports: the first items now, the rest on request (built only then).
  for (const view of views.slice(0, itemsShown)) list.append(itemOf(view));
  if (views.length > itemsShown) {
    const more = el('button', { type: 'button', class: 'button small ghost show-more scope-more' }, `Show all ${views.length}`);
    more.addEventListener('click', () => more.parentElement.replaceWith(...views.slice(itemsShown).map(itemOf)));
    list.append(el('li', { class: 'scope-more-row' }, more));
  }
}

/** The verdict of a provision with its status icon: "⊘ Frozen:" (span.scope-verdict, coloured by status). */
export function verdictLabel(view) {
  const info = view.past ? { icon: 'clock' } : (STATUS_INFO[view.status] ?? { icon: 'question' });
  return el('span', { class: 'scope-verdict' }, icon(info.icon), `${view.verdict}:`);
}

/**
 * One summary item (a report.policy.summary entry, or {provision}): its notes ("according to ...", "in a
 * quote"), then the verdict and what it is about ("Ban lifted: street protests in the old town"), then role tags.
 * A button calling options.onSelect(item.provision, item) when given, otherwise a plain block.
 * options.roles: 'all' (default), 'actor' or 'none'.
 */
export function scopeItem(report, item, { onSelect = null, roles = 'all' } = {}) {
  const view = presentReport(report).provisions[item?.provision] ?? null;
  const statusName = view?.status ?? item?.status ?? provisionAt(report, item?.provision)?.status;
  const element = el(onSelect ? 'button' : 'div', {
    type: onSelect ? 'button' : null,
    class: `scope-item status-${cssToken(statusName)}${view?.past ? ' past' : ''}`,
    'data-provision': Number.isInteger(item?.provision) ? item.provision : null,
    'data-status': cssToken(statusName),
  });
  if (!view) {
    element.append(el('span', { class: 'scope-text' }, String(item?.text ?? '')));
  } else {
    if (view.notes.length) element.append(el('span', { class: 'scope-notes' }, view.notes.join(' · ')));
    element.append(el('span', { class: 'scope-text' }, verdictLabel(view), ` ${view.what}`));
    if (roles !== 'none') {
      const tags = el('span', { class: 'scope-roles' });
      const tag = (className, label, text) =>
        tags.append(el('span', { class: className }, el('span', { class: 'role-name' }, label), text));
      if (view.decider) tag('role', view.decider.label, view.decider.text);
      if (roles === 'all') {
        if (view.subject) tag('role', 'Applies to', view.subject);
        for (const scope of view.scopes) if (!view.what.includes(scope.text)) tag('role scope-tag', scope.label, scope.text);
      }
      if (tags.childElementCount) element.append(tags);
    }
  }
  if (onSelect) element.addEventListener('click', () => onSelect(item.provision, item));
  return element;
}
