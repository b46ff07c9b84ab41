// The CLI keeps each file's claims compact until its report is written (keptClaims.ts): the claims
// it gives back must equal the analysis's own, texts, cues, sources and dates included, on every
// example and seed text and on texts whose spans do not slice the text (a BOM, odd spans).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, type Claim } from "../../server/src/engine";
import { KeptClaims } from "../../server/src/cli/keptClaims";

const ROOT = join(__dirname, "..", "..");
const folders = [join(ROOT, "examples"), join(ROOT, "..", "shared", "corpus", "seeds")];
const texts = folders.flatMap((dir) => {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") }));
  } catch {
    return [];
  }
});

test("kept claims equal the analysis's claims on every example and seed", () => {
  assert.ok(texts.length > 3, "example texts found");
  let claims = 0;
  for (const { name, text } of texts) {
    const analysis = analyze(text);
    claims += analysis.claims.length;
    const kept = new KeptClaims(analysis.claims, analysis.text);
    assert.deepEqual(kept.claims(analysis.text), analysis.claims, name);
  }
  assert.ok(claims > 50, "claims with cues, sources and dates were compared");
});

test("a text that is not the slice at its span is kept as it is", () => {
  const claim: Claim = {
    start: 0,
    end: 5,
    text: "other",
    kinds: ["attributed"],
    cues: [{ start: 6, end: 10, text: "said", kind: "attributed" }],
    source: { start: -1, end: -1, text: "Reuters", kind: "outlet", canonical: "reuters" },
    stance: "asserts",
    sentence: 0,
    date: { start: 11, end: 15, text: "2024" },
  };
  const text = "Hello sayd 2023";
  assert.deepEqual(new KeptClaims([claim], text).claims(text), [claim]);
});
