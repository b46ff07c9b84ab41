// A document's extract packed in an indexing worker must come out on the server's thread as it went
// in: every character (two-byte ones too), sets, absent values, extracts larger than the scratch
// buffer and smaller ones after them.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { extractDocument } from "../../server/src/engine";
import { packExtract, unpackExtract } from "../../server/src/lsp/extractWire";
import { examplesDir } from "./lspClient";

const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(examplesDir, f), "utf8"));

const CASES: Array<[string, string]> = [
  ...examples.map((text, i): [string, string] => [`example ${i}`, text]),
  [
    "curly quotes, an emoji and a BOM",
    "\ufeff" + examples[0]!.replace(/"/g, "\u201c") + " \u{1F600} Kyiv said \u2018no\u2019.",
  ],
  ["larger than the scratch buffer", examples.join("\n\n").repeat(40)],
  ["empty", ""],
];

for (const [name, text] of CASES) {
  test(`an extract comes out as it went in: ${name}`, () => {
    const extract = extractDocument(text, true);
    assert.deepEqual(unpackExtract(packExtract(extract)), extract);
  });
}

test("the large example has statements and actors to carry", () => {
  const extract = extractDocument(CASES.at(-2)![1], true);
  assert.ok(extract.statements.length > 0 && (extract.actors?.numbers.length ?? 0) > 0);
});

test("the large case is larger than the scratch buffer it is unpacked in", () => {
  assert.ok(packExtract(extractDocument(CASES.at(-2)![1], true)).length > 64 * 1024);
});
