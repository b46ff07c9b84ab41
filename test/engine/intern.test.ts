// Copies the corpus keeps instead of slices of a document: equal to what they copy (which
// memory they use is the bench's to measure: string identity is not observable).
import { test } from "node:test";
import assert from "node:assert/strict";
import { compactCopy, detached, keptString } from "../../server/src/engine/intern";

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
