// The settings page (an extension page, under the extension's CSP; bundled like the content script, as it
// shares web/ui's labels): one checkbox and one colour per entity
// type and per provision status, saved to storage.local on every change. Each row previews its highlight on a
// light and on a dark page, with the text colour the page highlights will use.
import {
  ENTITY_TYPES,
  SETTINGS_KEY,
  STATUSES,
  normaliseSettings,
  textColourOn,
} from './defaults.js';

const api = globalThis.browser ?? globalThis.chrome;
let settings = normaliseSettings(null);

function preview(colour, pageBackground, pageText, label) {
  const page = document.createElement('span');
  page.className = 'preview';
  page.style.background = pageBackground;
  page.style.color = pageText;
  const sample = document.createElement('span');
  sample.className = 'sample';
  sample.textContent = label;
  sample.style.background = colour;
  sample.style.color = textColourOn(colour);
  page.append('Text ', sample, ' text');
  return page;
}

function row(group, key, label) {
  const wrapper = document.createElement('div');
  wrapper.className = 'row';
  wrapper.dataset.key = key;
  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  checkbox.id = `${group}-${key}`;
  checkbox.checked = settings[group][key];
  checkbox.dataset.group = group;
  checkbox.dataset.key = key;
  const text = document.createElement('label');
  text.htmlFor = checkbox.id;
  text.textContent = label;
  const colour = document.createElement('input');
  colour.type = 'color';
  colour.value = settings.colours[key];
  colour.dataset.colourOf = key;
  colour.setAttribute('aria-label', `Colour of ${label}`);
  const previews = document.createElement('span');
  previews.className = 'previews';
  const drawPreviews = () =>
    previews.replaceChildren(
      preview(colour.value, '#ffffff', '#1f2937', 'on a light page'),
      preview(colour.value, '#121212', '#e5e7eb', 'on a dark page'),
    );
  drawPreviews();
  checkbox.addEventListener('change', () => {
    settings[group][key] = checkbox.checked;
    save();
  });
  colour.addEventListener('input', drawPreviews);
  colour.addEventListener('change', () => {
    settings.colours[key] = colour.value;
    save();
  });
  wrapper.append(checkbox, text, colour, previews);
  return wrapper;
}

function render() {
  document.getElementById('statuses').replaceChildren(...STATUSES.map((s) => row('statuses', s.status, s.label)));
  document.getElementById('entity-types').replaceChildren(...ENTITY_TYPES.map((t) => row('entityTypes', t.type, t.label)));
}

async function save() {
  settings = normaliseSettings(settings);
  await api.storage.local.set({ [SETTINGS_KEY]: settings });
  const saved = document.getElementById('saved');
  saved.textContent = 'Saved.';
  saved.dataset.savedAt = String(Date.now());
}

document.getElementById('reset').addEventListener('click', async () => {
  settings = normaliseSettings(null);
  render();
  await save();
});

async function start() {
  const stored = await api.storage.local.get(SETTINGS_KEY);
  settings = normaliseSettings(stored?.[SETTINGS_KEY]);
  render();
  document.body.dataset.ready = 'true';
}

start();
