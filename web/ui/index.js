// ArticleScope shared UI: everything the demo, the extension panel and the widget render from a report.
// Plain ES modules without dependencies beyond ../lib; no globals; report text reaches the DOM only as text.
export { el, icon, cssToken, plural, prefersReducedMotion } from './dom.js';
export { ENTITY_TYPES, ENTITY_INFO, STATUS_INFO, PAST_INFO, STATUS_ORDER, SCOPE_LABELS, FLAG_LABELS, flagText, statusChip, entityClass } from './labels.js';
export { provisionAt, groupsOf, typeCounts, knownTypes, entityCounts, entityCountText } from './model.js';
export { presentReport, decisionMakers, warningMessages, policyAnalysed, emptyScopeMessage, isPronoun, isDecisionReference } from './present.js';
export { renderSummary, scopeItem, verdictLabel } from './summary.js';
export { provisionCard, entityCard, attachHoverCard } from './cards.js';
export { renderLegend, setLegendPressed, renderPolicyLegend, setPolicyToggle, renderEntityGroups, renderEntityChips } from './entities.js';
export { articleSpans, renderArticle, renderFigures, setHiddenTypes, setPolicyMarksHidden, flash, revealProvision, revealGroup } from './article.js';
export { LAYER, nestSpans, appendNested, blocksFor, blockIndexAt } from './render.js';
export { highlightReportInPage } from './page-highlight.js';
export { uiStyleSheetUrl, loadStyleSheet, adoptStyles } from './styles.js';
