// The URL of ArticleScope's worker, as `new Worker()` takes it. On a page whose Content Security Policy says
// `require-trusted-types-for 'script'`, the browser refuses a plain string or URL for a worker's script: it
// wants a TrustedScriptURL, made by a named Trusted Types policy. ArticleScope's policy is TRUSTED_TYPES_POLICY
// ('articlescope'; a page with a `trusted-types` allow-list adds the name). It is created on first use and only
// where the browser has Trusted Types, and it passes only URLs of ArticleScope's own worker: the bundled worker
// next to this module, or a same-origin blob: URL made here whose one line imports it.

export const TRUSTED_TYPES_POLICY = 'articlescope';

/** The bundled worker: worker.js with everything it imports, in one file (scripts/bundle-web.mjs). */
export const bundledWorkerUrl = new URL('./dist/worker.js', import.meta.url);

const ownUrls = new Set([bundledWorkerUrl.href]);
let policy; // undefined: not tried yet; null: no Trusted Types here, or the page refused the policy

/**
 * A same-origin blob: URL of a module worker that imports the bundled worker. A module worker cannot start from
 * another origin's URL, but it may import from one (with CORS). Revoke it with revokeWorkerBlobUrl().
 */
export function bundledWorkerBlobUrl() {
  const source = `import ${JSON.stringify(bundledWorkerUrl.href)};\n`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  ownUrls.add(url);
  return url;
}

export function revokeWorkerBlobUrl(url) {
  ownUrls.delete(url);
  URL.revokeObjectURL(url);
}

function createPolicy() {
  try {
    return globalThis.trustedTypes?.createPolicy(TRUSTED_TYPES_POLICY, {
      createScriptURL(url) {
        if (!ownUrls.has(url)) throw new TypeError(`${TRUSTED_TYPES_POLICY}: not an ArticleScope worker: ${url}`);
        return url;
      },
    }) ?? null;
  } catch {
    return null; // the page's `trusted-types` allow-list does not name the policy: plain URLs, as without
  }
}

/**
 * `url` for `new Worker(url)`: a TrustedScriptURL where the browser has Trusted Types and `url` is ArticleScope's
 * own worker (above); anything else as it is (a TrustedScriptURL of the caller's passes through).
 */
export function workerScriptUrl(url) {
  const href = typeof url === 'string' || url instanceof URL ? String(url) : null;
  if (href === null || !ownUrls.has(href)) return url;
  if (policy === undefined) policy = createPolicy();
  return policy ? policy.createScriptURL(href) : url;
}
