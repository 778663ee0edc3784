// Pure helpers that turn a report's spans into a nesting tree, and that tree into DOM built from text nodes.
// Report text is untrusted: nothing here ever parses HTML; every character becomes part of a text node.

/** Layers of highlighting, outermost first: a policy sentence holds its roles, a role holds entities. */
export const LAYER = Object.freeze({ sentence: 0, role: 1, entity: 2 });

/**
 * Arranges spans that lie in [from, to) into a properly nested forest.
 * Spans are {start, end, layer, ...}; a span that crosses the end of an enclosing one is split in two
 * (each piece keeps a `part` index), so every character keeps all its highlights.
 * Returns nodes {span, start, end, part, children}.
 */
export function nestSpans(spans, from, to) {
  const pending = [];
  for (const span of spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    // A span cut at the block's start is a continuation: only a span's first piece has part 0.
    if (end > start) pending.push({ span, start, end, part: start > span.start ? 1 : 0 });
  }
  const order = (a, b) => a.start - b.start || a.span.layer - b.span.layer || b.end - a.end;
  pending.sort(order);

  const roots = [];
  const stack = [];
  while (pending.length > 0) {
    const piece = pending.shift();
    while (stack.length > 0 && stack[stack.length - 1].end <= piece.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && piece.end > parent.end) {
      // Crossing: keep the part inside the parent here and queue the rest in order.
      const rest = { span: piece.span, start: parent.end, end: piece.end, part: piece.part + 1 };
      piece.end = parent.end;
      const at = pending.findIndex((other) => order(rest, other) < 0);
      pending.splice(at < 0 ? pending.length : at, 0, rest);
    }
    const node = { span: piece.span, start: piece.start, end: piece.end, part: piece.part, children: [] };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/**
 * Appends text[from, to) to `container`, wrapping the parts covered by `nodes` (from nestSpans) in the
 * elements that `makeElement(node)` returns. Text is added only through text nodes.
 */
export function appendNested(container, text, from, to, nodes, makeElement) {
  const document = container.ownerDocument;
  let cursor = from;
  for (const node of nodes) {
    if (node.start > cursor) container.append(document.createTextNode(text.slice(cursor, node.start)));
    const element = makeElement(node);
    appendNested(element, text, node.start, node.end, node.children, makeElement);
    container.append(element);
    cursor = node.end;
  }
  if (to > cursor) container.append(document.createTextNode(text.slice(cursor, to)));
}

/**
 * The blocks to render: the report's blocks when present and sane, otherwise paragraphs found by splitting
 * the text on blank lines (so a report without blocks still reads well).
 */
export function blocksFor(text, blocks) {
  const valid = Array.isArray(blocks)
    ? blocks.filter(
        (b) =>
          Number.isInteger(b.start) &&
          Number.isInteger(b.end) &&
          b.start >= 0 &&
          b.end <= text.length &&
          b.end > b.start,
      )
    : [];
  if (valid.length > 0) return valid;
  const found = [];
  const separator = /\n\s*\n/g;
  let start = 0;
  let match;
  while ((match = separator.exec(text)) !== null) {
    if (match.index > start) found.push({ kind: 'paragraph', start, end: match.index, level: 0 });
    start = match.index + match[0].length;
  }
  if (text.length > start) found.push({ kind: 'paragraph', start, end: text.length, level: 0 });
  return found;
}

/** Index of the first block whose range ends after `offset` (blocks sorted by start). */
export function blockIndexAt(blocks, offset) {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
