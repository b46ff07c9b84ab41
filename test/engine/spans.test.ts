import { test } from "node:test";
import assert from "node:assert/strict";
import { covering, lowerBound, type Ranged } from "../../server/src/engine/spans";

// lowerBound starts from the index its last search found (in whichever array): every answer must
// still be the first span starting at or after the offset, whatever was asked before.

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sorted spans, some starting at the same offset, some empty arrays. */
function sortedSpans(next: () => number, n: number): Ranged[] {
  const out: Ranged[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += Math.floor(next() * 4); // 0 repeats the previous start
    out.push({ start: at, end: at + 1 + Math.floor(next() * 3) });
  }
  return out;
}

function firstAtOrAfter(sorted: Ranged[], offset: number): number {
  const i = sorted.findIndex((s) => s.start >= offset);
  return i < 0 ? sorted.length : i;
}

test("lowerBound answers every query, walking forward, backward, jumping and switching arrays", () => {
  const next = random(9);
  const arrays = [0, 1, 2, 5, 40, 300].map((n) => sortedSpans(next, n));
  for (let q = 0; q < 20000; q++) {
    const sorted = arrays[Math.floor(next() * arrays.length)]!;
    const last = sorted.length > 0 ? sorted[sorted.length - 1]!.start : 0;
    // Mostly small steps around a moving point, sometimes a jump anywhere (or past either end).
    const walk = q % 7 === 0;
    const base = walk ? Math.floor(next() * (last + 6)) - 3 : (q * 3) % (last + 4);
    for (let step = 0; step < 6; step++) {
      const offset = base + (walk ? step : -step);
      assert.equal(lowerBound(sorted, offset), firstAtOrAfter(sorted, offset), `offset ${offset} in ${sorted.length}`);
    }
  }
});

test("covering finds the span around an offset, and none in a gap", () => {
  const spans: Ranged[] = [
    { start: 2, end: 5 },
    { start: 8, end: 9 },
    { start: 9, end: 12 },
  ];
  const expected = [undefined, undefined, 0, 0, 0, undefined, undefined, undefined, 1, 2, 2, 2, undefined];
  // Forward, then backward: the search starts from its last answer both ways.
  for (const order of [expected.keys(), [...expected.keys()].reverse()])
    for (const offset of order) {
      const i = expected[offset];
      assert.equal(covering(spans, offset), i === undefined ? undefined : spans[i], `offset ${offset}`);
    }
});
