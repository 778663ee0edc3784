// Highlighting report spans in the DOM: split the text nodes a span covers and wrap each piece in an
// element; remove() puts back the very same text nodes with their original text.

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'SVG']);

function textNodesOf(root) {
  const doc = root.ownerDocument ?? root;
  const nodes = [];
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let skip = false;
    for (let p = node.parentNode; p && p !== root; p = p.parentNode) {
      if (p.nodeType === 1 && SKIPPED_TAGS.has(p.tagName.toUpperCase())) {
        skip = true;
        break;
      }
    }
    if (!skip) nodes.push(node);
  }
  return nodes;
}

const isSpace = (code) =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 ||
  code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f;

/**
 * Wraps local ranges of text nodes. `pieces` = [{node, from, to, group}] (UTF-16 offsets into node.data).
 * Ranges are split once at every boundary, then each group wraps the pieces it covers, longest groups first
 * so that shorter spans nest inside longer ones.
 */
function wrap(pieces, groups, tagName) {
  const byNode = new Map();
  for (const p of pieces) {
    if (p.from >= p.to) continue;
    if (!byNode.has(p.node)) byNode.set(p.node, []);
    byNode.get(p.node).push(p);
  }
  // Split every touched node at all its boundaries; remember how to undo it.
  const splits = [];
  const segmentsOf = new Map();
  for (const [node, list] of byNode) {
    const cuts = [...new Set(list.flatMap((p) => [p.from, p.to]))].filter((c) => c > 0 && c < node.data.length).sort((a, b) => a - b);
    const original = node.data;
    const segments = [];
    let current = node;
    let offset = 0;
    for (const cut of cuts) {
      const next = current.splitText(cut - offset);
      segments.push({ node: current, from: offset, to: cut });
      current = next;
      offset = cut;
    }
    segments.push({ node: current, from: offset, to: original.length });
    segmentsOf.set(node, segments);
    splits.push({ node, original, extra: segments.slice(1).map((s) => s.node) });
  }
  const doc = pieces.length ? pieces[0].node.ownerDocument : null;
  const elements = [];
  const byGroup = groups.map(() => []);
  const order = groups.map((_, i) => i).sort((a, b) => groups[a].order - groups[b].order);
  for (const g of order) {
    const group = groups[g];
    for (const p of pieces) {
      if (p.group !== g || p.from >= p.to) continue;
      for (const s of segmentsOf.get(p.node)) {
        if (s.from < p.from || s.to > p.to) continue;
        const el = doc.createElement(group.tagName ?? tagName);
        if (group.className) el.className = group.className;
        for (const [name, value] of Object.entries(group.attributes ?? {})) el.setAttribute(name, String(value));
        s.node.parentNode.insertBefore(el, s.node);
        el.appendChild(s.node);
        elements.push(el);
        byGroup[g].push(el);
      }
    }
  }
  let removed = false;
  return {
    elements,
    bySpan: byGroup,
    remove() {
      if (removed) return;
      removed = true;
      for (let i = elements.length - 1; i >= 0; i--) {
        const el = elements[i];
        const parent = el.parentNode;
        if (!parent) continue;
        while (el.firstChild) parent.insertBefore(el.firstChild, el);
        parent.removeChild(el);
      }
      for (const { node, original, extra } of splits) {
        node.data = original;
        for (const piece of extra) piece.parentNode?.removeChild(piece);
      }
    },
  };
}

/**
 * Highlights spans of `text` rendered inside `root`: the text nodes of root, in order, render `text`, possibly
 * without the blank lines between blocks and with extra white-space-only nodes (formatting).
 * spans: [{start, end, className?, attributes?, tagName?}], UTF-16 offsets into `text` (report offsets).
 * Returns {elements, bySpan, remove()}; remove() restores the DOM exactly (same nodes, same text).
 */
export function highlightRanges(root, text, spans, { tagName = 'mark' } = {}) {
  // Step 1: align each text node with its place in `text`.
  const placed = [];
  let cursor = 0;
  for (const node of textNodesOf(root)) {
    const data = node.data;
    if (data.length === 0) continue;
    let at = text.startsWith(data, cursor) ? cursor : -1;
    if (at < 0) {
      let skip = cursor;
      while (skip < text.length && isSpace(text.charCodeAt(skip))) skip++;
      if (text.startsWith(data, skip)) at = skip;
    }
    if (at < 0 && /^\s*$/.test(data)) continue;  // formatting white space between blocks
    if (at < 0) at = text.indexOf(data, cursor);
    if (at < 0) continue;  // not part of the text (e.g. a label the renderer added)
    placed.push({ node, start: at, end: at + data.length });
    cursor = at + data.length;
  }
  // Step 2: cut every span into per-node pieces.
  const groups = spans.map((span, i) => ({ ...span, order: 0, index: i }));
  const sorted = groups.map((_, i) => i).sort((a, b) => groups[a].start - groups[b].start || groups[b].end - groups[a].end);
  sorted.forEach((g, rank) => (groups[g].order = rank));
  const pieces = [];
  groups.forEach((span, g) => {
    if (!(span.end > span.start)) return;
    for (const p of placed) {
      if (p.end <= span.start || p.start >= span.end) continue;
      pieces.push({ node: p.node, from: Math.max(span.start, p.start) - p.start, to: Math.min(span.end, p.end) - p.start, group: g });
    }
  });
  return wrap(pieces, groups, tagName);
}

/**
 * Highlights quotes in a live page: each quote's text is looked for among root's text nodes, ignoring white
 * space (pages break lines and blocks differently from the report's clean text), first after the previous
 * match, then anywhere. quotes: [{text, className?, attributes?, tagName?}].
 * Returns {found, missing, elements, bySpan, remove()}: found/missing hold the indexes of the quotes.
 */
export function highlightInPage(root, quotes, { tagName = 'mark' } = {}) {
  // Step 1: the page's text without white space, with the (node, offset) of each kept code unit.
  const nodes = textNodesOf(root);
  let stripped = '';
  const nodeOf = [];
  const offsetOf = [];
  nodes.forEach((node, n) => {
    const data = node.data;
    let run = '';
    for (let i = 0; i < data.length; i++) {
      if (isSpace(data.charCodeAt(i))) continue;
      run += data[i];
      nodeOf.push(n);
      offsetOf.push(i);
    }
    stripped += run;
  });
  const strip = (s) => {
    let out = '';
    for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) out += s[i];
    return out;
  };
  // Step 2: find each quote, then turn its match into per-node pieces.
  const found = [];
  const missing = [];
  const pieces = [];
  const groups = quotes.map((q) => ({ ...q, order: 0, matched: 0 }));
  let after = 0;
  quotes.forEach((quote, q) => {
    const needle = strip(String(quote.text ?? ''));
    let at = needle ? stripped.indexOf(needle, after) : -1;
    if (at < 0 && needle) at = stripped.indexOf(needle);
    if (at < 0) {
      missing.push(q);
      return;
    }
    found.push(q);
    groups[q].matched = needle.length;
    after = at + needle.length;
    const last = at + needle.length - 1;
    for (let i = at; i <= last; ) {
      const n = nodeOf[i];
      let j = i;
      while (j + 1 <= last && nodeOf[j + 1] === n) j++;
      pieces.push({ node: nodes[n], from: offsetOf[i], to: offsetOf[j] + 1, group: q });
      i = j + 1;
    }
  });
  // Longer quotes wrap first so that shorter ones nest inside them.
  const ranked = groups.map((_, i) => i).sort((a, b) => groups[b].matched - groups[a].matched || a - b);
  ranked.forEach((g, rank) => (groups[g].order = rank));
  return { found, missing, ...wrap(pieces, groups, tagName) };
}
