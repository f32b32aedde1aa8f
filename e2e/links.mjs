// Share links taken apart and put together again in Node, as a hostile
// sender would: format 1 is `v1.` then base64url (no padding) of
// zlib-compressed JSON {kind, name, data} (src/persist/share.rs). Used by
// e2e/limits.spec.mjs and scripts/bench-hostile.mjs to build the worst links
// that fit the link limits from the app's own example links.
import { deflateSync, inflateSync } from "node:zlib";

/** The document a link (or its fragment) carries. */
export function decodeLink(link) {
  const payload = link.slice(link.lastIndexOf("/") + 1);
  if (!payload.startsWith("v1.")) throw new Error(`not a format 1 link: ${payload.slice(0, 20)}`);
  return JSON.parse(inflateSync(Buffer.from(payload.slice(3), "base64url")).toString("utf8"));
}

/** The fragment of a link to `doc`, a document of `kind` ("roi", "portfolio"). */
export function encodeLink(kind, doc) {
  const text = Buffer.from(JSON.stringify(doc), "utf8");
  return `#/s/${kind}/v1.${deflateSync(text, { level: 9 }).toString("base64url")}`;
}

/** A deep copy of `doc` changed by `change`. */
export function changed(doc, change) {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}

const repeat = (item, n) => Array.from({ length: n }, () => structuredClone(item));

/** An uncertainty analysis for a model link that has none. */
function analysisOf(doc) {
  return (
    doc.data.uncertainty ?? {
      metric: "npv",
      step: 0.2,
      own_ranges: false,
      scenarios: [],
      ranges: [{ input: "revenue", low: 1000, likely: 2000, high: 3000, shape: "pert" }],
      seed: 1,
      trials: 10000,
    }
  );
}

/** The largest decoded link Sextant reads, in bytes (share::MAX_DECODED). */
export const MAX_DECODED = 256 * 1024;

/**
 * `build(n)` with the largest n up to `most` whose JSON fits in a link, and
 * that n.
 */
function fit(build, most) {
  for (let n = most; ; n = Math.floor(n * 0.97)) {
    const doc = build(n);
    if (Buffer.byteLength(JSON.stringify(doc)) <= MAX_DECODED) return [doc, n];
  }
}

const count = (n) => n.toLocaleString("en-US");

/**
 * The hostile ROI links, from the example model's link, each as large as a
 * link can be: [name, fragment, what the reader should be told].
 */
export function hostileRoiLinks(roi) {
  const withAnalysis = (change) =>
    changed(roi, (d) => {
      d.data.uncertainty = analysisOf(d);
      change(d);
    });
  const range = { input: "revenue", low: 1, likely: 2, high: 3, shape: "uniform" };
  const [ranges, r] = fit(
    (n) =>
      withAnalysis((d) => {
        d.data.uncertainty.ranges = repeat(range, n);
        d.data.uncertainty.trials = 200000;
      }),
    3900,
  );
  const [team, t] = fit((n) => changed(roi, (d) => (d.data.model.team = repeat(d.data.model.team[0], n))), 4500);
  const [scenarios, s] = fit(
    (n) =>
      withAnalysis((d) => {
        d.data.uncertainty.scenarios = Array.from({ length: n }, (_, i) => ({ name: `S${i}`, overrides: {} }));
      }),
    8000,
  );
  return [
    [`${count(r)} ranges, 200,000 trials`, encodeLink("roi", ranges), new RegExp(`it holds ${count(r)} uncertain inputs; Sextant accepts up to \\d+`)],
    [`${count(t)} team members`, encodeLink("roi", team), new RegExp(`it holds ${count(t)} team members; Sextant accepts up to 100`)],
    [
      "a currency of 200,000 characters",
      encodeLink(
        "roi",
        changed(roi, (d) => (d.data.model.money.currency = "X".repeat(200000))),
      ),
      /its currency “XXXXXXXXXXXX…” is not one Sextant offers/,
    ],
    [`${count(s)} scenarios`, encodeLink("roi", scenarios), new RegExp(`it holds ${count(s)} scenarios; Sextant accepts up to 20`)],
  ];
}

/**
 * The largest ROI model a link may carry: 100 roles, 20 scenarios, the
 * example's ranges and 200,000 trials.
 */
export function largestRoiLink(roi) {
  return encodeLink(
    "roi",
    changed(roi, (d) => {
      d.data.model.team = Array.from({ length: 100 }, (_, i) => ({ ...d.data.model.team[0], role: `Role ${i + 1}` }));
      d.data.uncertainty = analysisOf(d);
      d.data.uncertainty.scenarios = Array.from({ length: 20 }, (_, i) => ({
        name: `Scenario ${i + 1}`,
        overrides: { "team-cost": 1 + i / 20 },
      }));
      d.data.uncertainty.trials = 200000;
    }),
  );
}

/** A portfolio holding `n` projects copied from the example's first. */
function portfolioDoc(portfolio, n, name) {
  return changed(portfolio, (d) => {
    const first = d.data.portfolio.projects[0];
    d.data.portfolio.projects = Array.from({ length: n }, (_, i) => ({
      ...structuredClone(first),
      id: `p${i}`,
      name: name(i),
      notes: "",
      roi_model: null,
      readiness: null,
    }));
  });
}

/** A link to a portfolio of `n` projects copied from the example's first. */
export function portfolioWith(portfolio, n, name = (i) => `Project ${i + 1}`) {
  return encodeLink("portfolio", portfolioDoc(portfolio, n, name));
}

/** The link to the largest portfolio a link can hold, and its project count. */
export function largestPortfolioLink(portfolio) {
  const [doc, n] = fit((n) => portfolioDoc(portfolio, n, (i) => `P${i}`), 5000);
  return [encodeLink("portfolio", doc), n];
}
