// A figure's context hash (subjects.ts contextHash) is FNV-1a over the lower-case words around it,
// written in base 36: the digits are made by division, and must read as Number.toString(36) does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { contextHash } from "../../server/src/engine/subjects";
import { tokenize } from "../../server/src/engine/tokens";

function reference(words: string[]): string {
  let h = 2166136261;
  words.forEach((w, k) => {
    if (k > 0) h = Math.imul(h ^ 32, 16777619);
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
  });
  return (h >>> 0).toString(36);
}

test("contextHash reads as the FNV-1a hash of the words in base 36", () => {
  const text = "Some 3,000 people fled the town of Kherson on Tuesday, officials said; 12 were hurt.";
  const tokens = tokenize(text);
  let checked = 0;
  for (let a = 0; a < tokens.length; a++)
    for (let b = a; b <= tokens.length; b++) {
      const words = tokens.slice(a, b).map((t) => t.lower);
      assert.equal(contextHash(tokens, a, b), reference(words), words.join(" "));
      checked++;
    }
  assert.ok(checked > 100);
});

test("contextHash of random words matches the reference, short and long hashes alike", () => {
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const lengths = new Set<number>();
  for (let n = 0; n < 3000; n++) {
    const words = Array.from({ length: 1 + (next() % 6) }, () => (next() % 100000).toString(36));
    const tokens = tokenize(words.join(" "));
    const hash = contextHash(tokens, 0, tokens.length);
    assert.equal(hash, reference(tokens.map((t) => t.lower)));
    lengths.add(hash.length);
  }
  assert.ok(lengths.size > 1);
});
