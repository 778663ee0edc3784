// TypeScript declarations for web/ui (index.js and the modules it re-exports). See README.md for what each
// function renders.
import type { EntityGroup, EntityType, Highlights, ProvisionStatus, Report, SummaryItem } from '../lib/index.js';

// dom.js
/** Creates an element; string children become text nodes, attributes are plain values (false/null: omitted). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Record<string, string | number | boolean | null | undefined>,
  ...children: Array<Node | string | number | null | undefined | false | Array<Node | string>>
): HTMLElementTagNameMap[K];
export function icon(name: 'check' | 'arrowUp' | 'ban' | 'alert' | 'minus' | 'question' | 'clock', className?: string): SVGSVGElement;
export function cssToken(value: unknown): string;
export function plural(count: number, one: string, many?: string): string;
export function prefersReducedMotion(): boolean;

// labels.js
export interface EntityTypeInfo {
  type: EntityType;
  label: string;
  singular: string;
}
export const ENTITY_TYPES: EntityTypeInfo[];
export const ENTITY_INFO: Map<string, EntityTypeInfo>;
export const STATUS_INFO: Record<ProvisionStatus, { label: string; description: string; icon: string }>;
export const PAST_INFO: { label: string; description: string; icon: string };
export const STATUS_ORDER: ProvisionStatus[];
export const SCOPE_LABELS: Record<string, string>;
export const FLAG_LABELS: Record<string, string>;
export function flagText(flags: string[]): string;
export function statusChip(status: string): HTMLSpanElement;
export function entityClass(type: string): string;

// model.js
export type GroupWithMentions = EntityGroup & { mentions: number };
export function provisionAt(report: Report, index: number): Report['policy']['provisions'][number] | null;
export function groupsOf(report: Report): Map<number | string, GroupWithMentions>;
export function typeCounts(report: Report): Map<string, number>;
export function knownTypes(report: Report): { types: string[]; counts: Map<string, number> };
export function entityCounts(report: Report): Map<string, { entities: number; mentions: number }>;
/** "3 (7)": distinct entities, mentions in brackets. */
export function entityCountText(counts: { entities: number; mentions: number }): string;

// present.js
/** What a reader is told about one provision. */
export interface ProvisionView {
  index: number;
  status: ProvisionStatus;
  /** The provision describes the state before the decision (flag "historical"). */
  past: boolean;
  /** "Ban lifted", "Frozen", "Not covered by the decision", "Previously banned", ... */
  verdict: string;
  /** What it is about, with its scopes. */
  what: string;
  /** `${verdict}: ${what}` */
  text: string;
  /** A decision-maker ("Who decides", or "Proposed by" for proposals), never a pronoun or "the decision". */
  decider: { label: 'Who decides' | 'Proposed by'; text: string } | null;
  /** Whom it applies to (not a pronoun), when not already in `what`. */
  subject: string | null;
  scopes: Array<{ kind: string; label: string; text: string }>;
  /** The flags in plain words: "according to Ada Koenig", "in a quote", "only if ...". */
  notes: string[];
  sentence: string;
}
export interface ReportView {
  provisions: Array<ProvisionView | null>;
  columns: {
    allowed: ProvisionView[];
    prohibited: ProvisionView[];
    stillProhibited: ProvisionView[];
    excluded: ProvisionView[];
    proposed: ProvisionView[];
  };
  current: ProvisionView[];
  past: ProvisionView[];
  counts: { current: number; past: number; byStatus: Record<ProvisionStatus, number> };
}
export function presentReport(report: Report): ReportView;
export function decisionMakers(report: Report): string[];
export function warningMessages(report: Report): string[];
/** Whether the core read the article for policy (false when it is not in English). */
export function policyAnalysed(report: Report): boolean;
/** Why the summary lists no provision, in plain words; null when it lists one. */
export function emptyScopeMessage(report: Report): string | null;
export function isPronoun(text: string): boolean;
export function isDecisionReference(text: string): boolean;

// summary.js
export interface SummaryOptions {
  /** 'two' (default): Allowed | Still prohibited or not covered; 'three': excluded items apart. */
  columns?: 'two' | 'three';
  /** Items per column before "Show all N" (default 8). */
  itemsShown?: number;
  /** Role tags under items (default 'all'). */
  roles?: 'all' | 'actor' | 'none';
  /** Makes items buttons calling it. */
  onSelect?: (provisionIndex: number, item: SummaryItem) => void;
  /** Prefix of the lists' ids (default: unique). */
  idPrefix?: string;
  /** Level of the column headings (default 3). */
  headingLevel?: number;
}
export function renderSummary(container: Element, report: Report, options?: SummaryOptions): { provisions: number; items: number; past: number };
export function verdictLabel(view: ProvisionView): HTMLSpanElement;
export function scopeItem(report: Report, item: SummaryItem, options?: Pick<SummaryOptions, 'onSelect' | 'roles'>): HTMLElement;

// cards.js
export function provisionCard(report: Report, index: number): HTMLDivElement | null;
export function entityCard(report: Report, index: number, groups?: Map<number | string, GroupWithMentions>): HTMLElement[] | null;
export function attachHoverCard(options: { area: Element; card: HTMLElement; getReport: () => Report | null }): {
  show(target: Element): void;
  hide(): void;
  reposition(): void;
};

// entities.js
export function renderLegend(container: Element, report: Report, options?: { hidden?: Set<string>; onToggle?: (type: string) => void }): void;
export function setLegendPressed(container: Element, hidden: Set<string>): void;
export function renderPolicyLegend(
  list: Element,
  report: Report,
  options?: { marksHidden?: boolean; onToggleMarks?: () => void },
): HTMLButtonElement | null;
export function setPolicyToggle(button: HTMLButtonElement, marksHidden: boolean): void;
export function renderEntityGroups(
  container: Element,
  report: Report,
  options?: { shownPerType?: number; onSelect?: (groupId: number) => void; headingLevel?: number },
): number;
export function renderEntityChips(container: Element, report: Report, options?: { perType?: number; onSelect?: (groupId: number) => void }): number;

// article.js
export interface ArticleSpan {
  start: number;
  end: number;
  layer: number;
  kind: 'sentence' | 'trigger' | 'actor' | 'subject' | 'scope' | 'entity';
  provisions?: number[];
  scopeKind?: string;
  index?: number;
}
export function articleSpans(report: Report, textLength: number): ArticleSpan[];
export function renderArticle(
  body: Element,
  report: Report,
  options?: { isCurrent?: () => boolean; onProgress?: (done: number, total: number) => void },
): Promise<boolean>;
export function renderFigures(list: Element, report: Report, options?: { images?: boolean }): number;
export function setHiddenTypes(body: Element, report: Report, hidden: Set<string>): void;
export function setPolicyMarksHidden(body: Element, hidden: boolean): void;
export function flash(element: HTMLElement): void;
export function revealProvision(body: Element, index: number): HTMLElement | null;
export function revealGroup(body: Element, groupId: number | string): HTMLElement | null;

// render.js
export const LAYER: Readonly<{ sentence: 0; role: 1; entity: 2 }>;
export interface NestedNode<S> {
  span: S;
  start: number;
  end: number;
  part: number;
  children: NestedNode<S>[];
}
export function nestSpans<S extends { start: number; end: number; layer: number }>(spans: S[], from: number, to: number): NestedNode<S>[];
export function appendNested<S>(
  container: Element,
  text: string,
  from: number,
  to: number,
  nodes: NestedNode<S>[],
  makeElement: (node: NestedNode<S>) => Element,
): void;
export function blocksFor(text: string, blocks: unknown): Array<{ kind: string; start: number; end: number; level: number }>;
export function blockIndexAt(blocks: Array<{ start: number; end: number }>, offset: number): number;

// page-highlight.js
export function highlightReportInPage(
  root: Element,
  report: Report,
  options?: { policy?: boolean; entities?: boolean },
): Pick<Highlights, 'elements' | 'remove'> & { found: number; missing: number };

// styles.js
/** The URL of ui.css. */
export const uiStyleSheetUrl: string;
export function loadStyleSheet(url: string | URL): Promise<CSSStyleSheet>;
export function adoptStyles(root: ShadowRoot | Document, urls?: Array<string | URL>): Promise<void>;
