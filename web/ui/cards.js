// Cards: the details of one provision (verdict, who decides, applies to, scopes, notes in plain words) and of one
// entity mention (type, canonical name, mentions, aliases), plus the hover/focus card that shows them.
import { cssToken, el, plural } from './dom.js';
import { ENTITY_INFO, entityClass } from './labels.js';
import { groupsOf } from './model.js';
import { presentReport } from './present.js';
import { verdictLabel } from './summary.js';

/**
 * The card of provision `index` (div.card-provision): its verdict ("Frozen:") and what it is about, then a dl of
 * who decided, whom it applies to, its scopes and notes in plain words; or null.
 */
export function provisionCard(report, index) {
  const view = presentReport(report).provisions[index] ?? null;
  if (!view) return null;
  const rows = el('dl', { class: 'card-roles' });
  const addRow = (label, value) => {
    if (value) rows.append(el('dt', {}, label), el('dd', {}, String(value)));
  };
  if (view.decider) addRow(view.decider.label, view.decider.text);
  addRow('Applies to', view.subject);
  for (const scope of view.scopes) if (!view.what.includes(scope.text)) addRow(scope.label, scope.text);
  if (view.notes.length) addRow('Notes', view.notes.join(' · '));
  return el(
    'div',
    { class: `card-provision status-${cssToken(view.status)}${view.past ? ' past' : ''}`, 'data-provision': index },
    el('p', { class: 'card-verdict' }, verdictLabel(view), ` ${view.what}`),
    rows.childElementCount ? rows : null,
  );
}

/** The content of an entity mention's card (type, canonical name, mention count, aliases), or null. */
export function entityCard(report, index, groups = groupsOf(report)) {
  const entity = report?.entities?.[index];
  if (!entity) return null;
  const group = groups.get(entity.id);
  const info = ENTITY_INFO.get(entity.type) ?? { singular: entity.type };
  const count = group?.count || group?.mentions || 1;
  const content = [
    el('p', { class: `card-type ${entityClass(entity.type)}` }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), String(info.singular)),
    el('p', { class: 'card-title' }, String(group?.canonical || entity.text)),
    el('p', { class: 'card-line' }, `${plural(count, 'mention')} in this article`),
  ];
  const aliases = (group?.aliases ?? []).filter((a) => a !== group?.canonical);
  if (aliases.length) content.push(el('p', { class: 'card-line muted' }, `Also written as: ${aliases.slice(0, 6).join(', ')}`));
  if (group?.canonical && entity.text !== group.canonical) {
    content.push(el('p', { class: 'card-line muted' }, `Here: “${entity.text}”`));
  }
  return content;
}

/**
 * Shows a card while an entity mark (.ent) or a policy badge (.pol-badge) inside `area` is hovered or focused;
 * Escape hides it. `card` is an empty element with an id (role tooltip, position absolute in the document);
 * getReport() returns the report the marks were drawn from. Returns {show(target), hide(), reposition()}.
 */
export function attachHoverCard({ area, card, getReport }) {
  let anchor = null;
  const doc = area.ownerDocument;
  const view = doc.defaultView;
  const isTarget = (node) => node?.closest?.('.ent, .pol-badge') ?? null;
  const targetOf = (node) => {
    const target = isTarget(node);
    return target && area.contains(target) ? target : null;
  };

  const reposition = () => {
    if (!anchor) return;
    const rect = anchor.getClientRects()[0] ?? anchor.getBoundingClientRect();
    const margin = 8;
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    let left = Math.min(Math.max(margin, rect.left), view.innerWidth - width - margin);
    let top = rect.bottom + margin;
    if (top + height > view.innerHeight - margin && rect.top - height - margin > margin) top = rect.top - height - margin;
    left = Math.max(margin, left);
    card.style.left = `${left + view.scrollX}px`;
    card.style.top = `${top + view.scrollY}px`;
  };
  const hide = () => {
    if (anchor) anchor.removeAttribute('aria-describedby');
    anchor = null;
    card.hidden = true;
  };
  const show = (target) => {
    const report = getReport();
    let content = null;
    if (target.classList.contains('ent')) {
      content = entityCard(report, Number(target.dataset.index));
    } else {
      const cards = (target.dataset.provisions ?? '')
        .split(' ')
        .map((index) => provisionCard(report, Number(index)))
        .filter(Boolean);
      content = cards.length ? cards : null;
    }
    if (!content) return;
    card.replaceChildren(...content);
    card.hidden = false;
    anchor = target;
    if (card.id) target.setAttribute('aria-describedby', card.id);
    reposition();
  };

  area.addEventListener('mouseover', (event) => {
    const target = targetOf(event.target);
    if (target && target !== anchor) show(target);
  });
  area.addEventListener('mouseout', (event) => {
    const target = targetOf(event.target);
    if (target && !target.contains(event.relatedTarget) && doc.activeElement !== target) hide();
  });
  area.addEventListener('focusin', (event) => {
    const target = targetOf(event.target);
    if (target) show(target);
  });
  area.addEventListener('focusout', (event) => {
    if (targetOf(event.target) === anchor) hide();
  });
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && anchor) hide();
  });
  view.addEventListener('resize', reposition);
  return { show, hide, reposition };
}
