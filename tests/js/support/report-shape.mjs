// The report contract (README, web/lib/index.d.ts) as executable checks: field names, types, enumerations,
// and the offset rule: every span is a UTF-16 slice of article.text that equals its `text`.
// Plain JS without node imports, so that the browser test can run the same checks in the page.

export const ENTITY_TYPES = ['PERSON', 'ORG', 'LOCATION', 'NORP', 'DATE', 'MONEY', 'QUANTITY', 'WEAPON'];
export const BLOCK_KINDS = ['heading', 'paragraph', 'list_item', 'quote', 'caption', 'preformatted', 'table_row'];
export const STATUSES = ['allowed', 'prohibited', 'excluded', 'lifted', 'imposed', 'proposed'];
export const SCOPE_KINDS = ['location', 'restriction', 'instance', 'exception', 'condition', 'time', 'target'];
export const FLAGS = ['attributed', 'hedged', 'conditional', 'future', 'question', 'quoted', 'historical', 'negated'];

/** Returns a list of contract violations (empty when the report conforms). */
export function reportProblems(report) {
  const problems = [];
  const fail = (what) => problems.push(what);
  const isInt = (v) => Number.isInteger(v) && v >= 0;
  const stringOrNull = (v, where) => {
    if (v !== null && typeof v !== 'string') fail(`${where} must be a string or null`);
  };
  const keys = (obj, expected, where) => {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return fail(`${where} must be an object`);
    for (const k of expected) if (!(k in obj)) fail(`${where}.${k} is missing`);
  };

  keys(report, ['version', 'format', 'input_bytes', 'article', 'entities', 'entity_groups', 'policy', 'errors', 'warnings'], 'report');
  if (problems.length) return problems;
  if (!isInt(report.version) || report.version < 1) fail('version must be a positive integer');
  if (!['html', 'text'].includes(report.format)) fail(`format "${report.format}" is not html or text`);
  if (!isInt(report.input_bytes)) fail('input_bytes must be a whole number');

  const a = report.article;
  keys(a, ['title', 'byline', 'published', 'site', 'lang', 'text', 'blocks', 'html', 'removed'], 'article');
  if (problems.length) return problems;
  for (const f of ['title', 'byline', 'published', 'site', 'lang']) stringOrNull(a[f], `article.${f}`);
  if (typeof a.published === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(a.published)) fail(`article.published "${a.published}" is not ISO 8601`);
  if (typeof a.text !== 'string') return [...problems, 'article.text must be a string'];
  if (typeof a.html !== 'string') fail('article.html must be a string');
  const text = a.text;

  const checkSpan = (span, where, { nullable = false } = {}) => {
    if (span === null && nullable) return;
    if (!span || typeof span !== 'object') return fail(`${where} must be a span`);
    if (!isInt(span.start) || !isInt(span.end) || span.start > span.end || span.end > text.length) {
      return fail(`${where} [${span.start}, ${span.end}) is not within article.text (${text.length} UTF-16 units)`);
    }
    if ('text' in span && text.slice(span.start, span.end) !== span.text) {
      fail(`${where}.text ${JSON.stringify(span.text)} != article.text.slice(${span.start}, ${span.end}) ${JSON.stringify(text.slice(span.start, span.end))}`);
    }
  };

  if (!Array.isArray(a.blocks)) fail('article.blocks must be an array');
  else {
    let previousEnd = 0;
    a.blocks.forEach((b, i) => {
      if (!BLOCK_KINDS.includes(b.kind)) fail(`article.blocks[${i}].kind "${b.kind}" is unknown`);
      if (!Number.isInteger(b.level)) fail(`article.blocks[${i}].level must be an integer`);
      checkSpan(b, `article.blocks[${i}]`);
      if (b.start < previousEnd) fail(`article.blocks[${i}] overlaps the previous block`);
      if (b.end <= b.start) fail(`article.blocks[${i}] is empty`);
      previousEnd = b.end;
    });
  }
  if (!Array.isArray(a.removed)) fail('article.removed must be an array');
  else a.removed.forEach((r, i) => {
    if (typeof r.reason !== 'string' || typeof r.text !== 'string') fail(`article.removed[${i}] must be {reason, text}`);
  });

  const groups = new Map();
  if (!Array.isArray(report.entity_groups)) fail('entity_groups must be an array');
  else report.entity_groups.forEach((g, i) => {
    keys(g, ['id', 'type', 'canonical', 'count', 'aliases'], `entity_groups[${i}]`);
    if (!ENTITY_TYPES.includes(g.type)) fail(`entity_groups[${i}].type "${g.type}" is unknown`);
    if (typeof g.canonical !== 'string' || !g.canonical) fail(`entity_groups[${i}].canonical must be a non-empty string`);
    if (!Array.isArray(g.aliases)) fail(`entity_groups[${i}].aliases must be an array`);
    if (groups.has(g.id)) fail(`entity_groups id ${g.id} is repeated`);
    groups.set(g.id, { ...g, seen: 0 });
  });
  if (!Array.isArray(report.entities)) fail('entities must be an array');
  else report.entities.forEach((e, i) => {
    keys(e, ['type', 'text', 'start', 'end', 'id'], `entities[${i}]`);
    if (!ENTITY_TYPES.includes(e.type)) fail(`entities[${i}].type "${e.type}" is unknown`);
    checkSpan(e, `entities[${i}]`);
    if (e.end <= e.start) fail(`entities[${i}] is empty`);
    const g = groups.get(e.id);
    if (!g) fail(`entities[${i}].id ${e.id} has no entity group`);
    else {
      g.seen++;
      if (g.type !== e.type) fail(`entities[${i}] is ${e.type} but its group ${e.id} is ${g.type}`);
    }
  });
  for (const g of groups.values()) {
    if (g.count !== g.seen) fail(`entity group ${g.id} says count ${g.count} but has ${g.seen} mentions`);
  }

  keys(report.policy, ['provisions', 'summary'], 'policy');
  if (problems.length) return problems;
  const provisions = report.policy.provisions;
  if (!Array.isArray(provisions)) fail('policy.provisions must be an array');
  else provisions.forEach((p, i) => {
    const where = `policy.provisions[${i}]`;
    keys(p, ['status', 'sentence', 'trigger', 'actor', 'subject', 'action', 'scopes', 'flags'], where);
    if (!STATUSES.includes(p.status)) fail(`${where}.status "${p.status}" is unknown`);
    checkSpan(p.sentence, `${where}.sentence`);
    for (const role of ['trigger', 'actor', 'subject', 'action']) checkSpan(p[role], `${where}.${role}`, { nullable: true });
    if (!Array.isArray(p.scopes)) fail(`${where}.scopes must be an array`);
    else p.scopes.forEach((s, j) => {
      if (!SCOPE_KINDS.includes(s.kind)) fail(`${where}.scopes[${j}].kind "${s.kind}" is unknown`);
      checkSpan(s, `${where}.scopes[${j}]`);
    });
    if (!Array.isArray(p.flags) || p.flags.some((f) => !FLAGS.includes(f))) fail(`${where}.flags must list known flags`);
  });
  keys(report.policy.summary, ['allowed', 'prohibited', 'proposed'], 'policy.summary');
  for (const column of ['allowed', 'prohibited', 'proposed']) {
    const items = report.policy.summary[column];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (!isInt(item.provision) || item.provision >= (provisions?.length ?? 0)) fail(`policy.summary.${column}[${i}].provision is not a provision index`);
      if (!STATUSES.includes(item.status)) fail(`policy.summary.${column}[${i}].status "${item.status}" is unknown`);
      if (typeof item.text !== 'string') fail(`policy.summary.${column}[${i}].text must be a string`);
    });
  }

  for (const list of ['errors', 'warnings']) {
    if (!Array.isArray(report[list])) fail(`${list} must be an array`);
    else report[list].forEach((d, i) => {
      if (typeof d.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(d.code) || typeof d.message !== 'string') fail(`${list}[${i}] must be {code, message}`);
    });
  }
  if ('timings' in report) {
    for (const k of ['clean_ms', 'segment_ms', 'entities_ms', 'policy_ms', 'total_ms']) {
      if (typeof report.timings[k] !== 'number' || report.timings[k] < 0) fail(`timings.${k} must be a non-negative number`);
    }
  }
  return problems;
}
