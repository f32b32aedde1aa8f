// Unit tests of what scripts/build-wasm.mjs writes from the wasm tool's
// split.json (`node --test scripts/`, run by scripts/check.sh). The wasm
// steps themselves are tested in tools/wasm-pages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commonStem, linkModule, pointOf, runsOf } from "./build-wasm.mjs";

const manifest = {
  shared: ["__indirect_function_table", "__wasm_split_shared0", "memory"],
  chunks: [
    { number: 3, file: "chunk_3.wasm" },
    { number: 4, file: "chunk_4.wasm" },
    { number: 7, file: "chunk_7.wasm" },
  ],
  points: [
    { name: "alpha_1", loader: "__wasm_split_load_alpha_1", file: "split_alpha_1.wasm", chunks: [7, 3, 4] },
    { name: "beta_1", loader: "__wasm_split_load_beta_1", file: null, chunks: [4] },
  ],
};
const fileOf = {
  "chunk_3.wasm": "chunk_3-h.wasm",
  "chunk_4.wasm": "chunk_4-h.wasm",
  "chunk_7.wasm": "chunk_7-h.wasm",
  "split_alpha_1.wasm": "split_alpha-h.wasm",
};

test("each module is loaded by its number in the bundles, its chunks as runs", () => {
  // chunk_7 and alpha's module are in page bundles; chunks 3 and 4 are not.
  const link = linkModule(manifest, fileOf, ["split_alpha-h.wasm", "chunk_7-h.wasm"]);
  const lines = link.split("\n");
  assert.ok(lines.includes('chunks[3] = mod(-1, "chunk_3-h.wasm", []);'));
  assert.ok(lines.includes('chunks[7] = mod(1, "chunk_7-h.wasm", []);'));
  // 3, 4 and 7: a run of two from 3, then 7.
  assert.ok(lines.includes('export const __wasm_split_load_alpha_1 = wrapAsyncCb(mod(0, "split_alpha-h.wasm", chunksIn(3,2,7,1)));'));
  // No module of its own: its chunk holds its code.
  assert.ok(lines.includes("export const __wasm_split_load_beta_1 = wrapAsyncCb(makeLoad(() => async () => ({}), chunksIn(4,1)));"));
  assert.ok(link.includes("const { __indirect_function_table, __wasm_split_shared0, memory } = initSync(undefined, undefined);"));
});

test("the module written is valid JavaScript", () => {
  const dir = mkdtempSync(join(tmpdir(), "build-wasm-test-"));
  try {
    const file = join(dir, "link.mjs");
    writeFileSync(file, linkModule(manifest, fileOf, []));
    execFileSync(process.execPath, ["--check", file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("names that are not JavaScript names, or a chunk not written, are refused", () => {
  const bad = { ...manifest, points: [{ ...manifest.points[0], loader: "x = 1; y" }] };
  assert.throws(() => linkModule(bad, fileOf, []), /not a JavaScript name/);
  const missing = { ...manifest, points: [{ ...manifest.points[1], chunks: [5] }] };
  assert.throws(() => linkModule(missing, fileOf, []), /needs chunk 5, which the split did not write/);
  const noTable = { ...manifest, shared: ["memory"] };
  assert.throws(() => linkModule(noTable, fileOf, []), /does not share its function table/);
});

test("split point names, runs and bundle names", () => {
  assert.equal(pointOf("roi_page_1"), "roi_page");
  assert.throws(() => pointOf("roi_page"), /not named <name>_1/);
  assert.deepEqual(runsOf([1, 2, 3, 5, 8, 9]), [1, 3, 5, 1, 8, 2]);
  assert.deepEqual(runsOf([]), []);
  assert.equal(commonStem(["assess-skills-later", "assess-team-later"]), "assess-later");
  assert.equal(commonStem(["roi-doc"]), "roi-doc");
  assert.throws(() => commonStem(["roi", "portfolio"]), /no word in common/);
});
