// The extension's settings: what to highlight on the page and in which colours. Stored in storage.local
// (never storage.sync: nothing leaves the machine). Every reader of the settings goes through
// normaliseSettings, so a stored value from an older version or a hand-edited one cannot break the page.
import { ENTITY_TYPES as UI_ENTITY_TYPES, STATUS_INFO, STATUS_ORDER } from '../../ui/labels.js';

/** Entity types the core reports, in web/ui's order and with its labels. */
export const ENTITY_TYPES = UI_ENTITY_TYPES.map(({ type, label }) => ({ type, label }));

// Where each status appears in the panel's three-column summary.
const COLUMN_OF_STATUS = {
  allowed: 'allowed',
  lifted: 'allowed',
  prohibited: 'prohibited',
  imposed: 'prohibited',
  excluded: 'excluded',
  proposed: 'proposed',
};

/** Provision statuses with web/ui's labels and their summary column. */
export const STATUSES = STATUS_ORDER.map((status) => ({
  status,
  label: `${STATUS_INFO[status].label} (${STATUS_INFO[status].description})`,
  column: COLUMN_OF_STATUS[status],
}));

// Light backgrounds with dark text: a highlight sets both, so it reads the same on light and dark pages.
const DEFAULT_COLOURS = {
  PERSON: '#ffd8a8',
  ORG: '#c5e3ff',
  LOCATION: '#c9f0c9',
  NORP: '#f3d0f7',
  DATE: '#fff3a6',
  MONEY: '#d6f5ea',
  QUANTITY: '#e6e0ff',
  WEAPON: '#ffc9c9',
  allowed: '#a7e9b4',
  lifted: '#a7e9b4',
  prohibited: '#ffb3b3',
  imposed: '#ffb3b3',
  excluded: '#d9dde3',
  proposed: '#ffe2a8',
};

/** The settings a fresh install starts with. */
export const DEFAULT_SETTINGS = Object.freeze({
  entityTypes: Object.fromEntries(ENTITY_TYPES.map(({ type }) => [type, true])),
  statuses: Object.fromEntries(STATUSES.map(({ status }) => [status, true])),
  colours: { ...DEFAULT_COLOURS },
});

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** A complete, valid settings object from whatever was stored (missing or malformed values take defaults). */
export function normaliseSettings(stored) {
  const source = stored && typeof stored === 'object' ? stored : {};
  const flags = (defaults, given) =>
    Object.fromEntries(
      Object.entries(defaults).map(([key, fallback]) => [key, typeof given?.[key] === 'boolean' ? given[key] : fallback]),
    );
  const colours = Object.fromEntries(
    Object.entries(DEFAULT_COLOURS).map(([key, fallback]) => {
      const given = source.colours?.[key];
      return [key, typeof given === 'string' && HEX_COLOUR.test(given) ? given.toLowerCase() : fallback];
    }),
  );
  return {
    entityTypes: flags(DEFAULT_SETTINGS.entityTypes, source.entityTypes),
    statuses: flags(DEFAULT_SETTINGS.statuses, source.statuses),
    colours,
  };
}

/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex) {
  const channel = (i) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a, b) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The text colour (near-black or white) that reads best on `background`. */
export function textColourOn(background) {
  return contrastRatio(background, '#111111') >= contrastRatio(background, '#ffffff') ? '#111111' : '#ffffff';
}

/** Key under which storage.local keeps the settings. */
export const SETTINGS_KEY = 'settings';
