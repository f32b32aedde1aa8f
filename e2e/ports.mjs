// The ports the end-to-end servers listen on, on 127.0.0.1. SEXTANT_E2E_PORT
// (default 4173) moves them all, so that two checkouts on one machine can run
// their tests at the same time.
const base = Number(process.env.SEXTANT_E2E_PORT || 4173);
export const ports = {
  /** The release build under /tools/sextant/. */
  app: base,
  /** A wiki-like host page on another origin, for embedding. */
  host: base + 2,
  /** The release build under the Content Security Policy in csp.txt. */
  csp: base + 3,
  /** A copy of the build that a test rebuilds (e2e/offline.spec.mjs). */
  rebuild: base + 4,
};
