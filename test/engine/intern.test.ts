// Copies the corpus keeps instead of slices of a document: equal to what they copy (which
// memory they use is the bench's to measure: string identity is not observable).
import { test } from "node:test";
import assert from "node:assert/strict";
import { compactCopy, detached, keptString, memoize } from "../../server/src/engine/intern";

test("copies are equal to their source, whatever their length and characters", () => {
  const text = `He said “${"the troops left the border area ".repeat(600)}” and ${"x".repeat(9000)} — done é.`;
  for (const [start, end] of [
    [0, 5],
    [3, 40],
    [4, 20_000],
    [20_000, text.length],
    [0, text.length],
  ] as const) {
    const slice = text.slice(start, end);
    assert.equal(compactCopy(slice), slice);
    assert.equal(detached(slice), slice);
    assert.equal(keptString(slice), slice);
  }
});

test("a compact copy keeps every character: controls, lone surrogates, Latin-1 and wide ones", () => {
  for (const s of [
    'tab\there, newline\nthere and a quote " and a backslash \\ in it',
    "Zürich, São Paulo and Malmö, \u0080\u009f\u00a0\u00ff at the end",
    "a lone \ud800 surrogate and \udc00 another, then more words",
    "curly “quotes” make it wide, as do 𝐀 and é",
    "\u0000\u0001 nulls and controls at the start of a long string",
  ])
    assert.equal(compactCopy(s), s);
});

test("a remembered test answers as the test does, for new and repeated inputs", () => {
  let calls = 0;
  const test = memoize(
    (s) => {
      calls++;
      return s.toLowerCase() === "dismissed";
    },
    2,
    detached,
  );
  const inputs = ["Dismissed", "said", "Dismissed", "DISMISSED", "said", "denied"];
  assert.deepEqual(
    inputs.map((s) => test(s)),
    [true, false, true, true, false, false],
  );
  assert.equal(calls, 4, "the first two distinct inputs are remembered, later ones (past the bound) are not");
});
