// Small DOM helpers shared by every renderer of web/ui. Text only: strings become text nodes, attribute values
// are set as plain values; nothing here parses HTML.

/** Creates an element; string children become text nodes, attributes are set as plain attribute values. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return element;
}

const ICON_PATHS = {
  check: ['M3 8.6l3.1 3.1L13 4.8'],
  arrowUp: ['M8 13.5V3', 'M3.6 7.2L8 2.8l4.4 4.4'],
  ban: ['M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 1 0 8 1.8z', 'M3.7 12.3l8.6-8.6'],
  alert: ['M8 1.8L14.6 13.6H1.4z', 'M8 6.2v3.6', 'M8 11.6v.3'],
  minus: ['M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 1 0 8 1.8z', 'M4.8 8h6.4'],
  question: ['M5.6 6a2.4 2.4 0 1 1 3.5 2.1c-.7.4-1.1.9-1.1 1.7v.4', 'M8 12.4v.3'],
  clock: ['M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 1 0 8 1.8z', 'M8 4.6V8l2.4 1.6'],
};

/** A 16x16 stroke icon (check, arrowUp, ban, alert, minus, question, clock), hidden from assistive technology. */
export function icon(name, className = 'icon') {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of ICON_PATHS[name] ?? []) {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** A value reduced to the characters a class-name suffix may hold (report values are untrusted). */
export function cssToken(value) {
  return String(value ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');
}

/** "1 mention", "3 mentions". */
export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** True when the reader asked for less motion. */
export function prefersReducedMotion() {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
