// The built-in sample articles (fictional, written for the demo) and the #sample=<id> deep link.

/** The samples in the order of their buttons; the first is shown when the page opens without a deep link. */
export const SAMPLES = [
  { id: 'arms', file: 'samples/arms-artillery.html', label: 'Arms use', note: 'full web page' },
  { id: 'sanctions', file: 'samples/sanctions.txt', label: 'Sanctions', note: 'plain text' },
  { id: 'court', file: 'samples/court-ruling.html', label: 'Court ruling', note: 'web page' },
  { id: 'regulator', file: 'samples/regulator-approval.txt', label: 'Regulator approval', note: 'plain text' },
  { id: 'feature', file: 'samples/harbour-festival.txt', label: 'No policy: a feature', note: 'plain text' },
];

/** The sample a URL's hash names (#sample=court), or the first sample. */
export function sampleFromHash(hash) {
  const match = /(?:^#|&)sample=([a-z-]+)/.exec(hash);
  return match && SAMPLES.some((s) => s.id === match[1]) ? match[1] : SAMPLES[0].id;
}

/** The URL of a sample's file. */
export const sampleUrl = (sample) => new URL(sample.file, import.meta.url);
