// KnownParts tells the indexes of contradictions which parts of the engine's list came, went or
// moved between two computations, by identity (a part made again is a new array).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { KnownParts } from "../../server/src/lsp/knownParts";

type Part = { name: string };
const part = (name: string): Part => ({ name });
const [a, b, c, d, e] = ["a", "b", "c", "d", "e"].map(part) as [Part, Part, Part, Part, Part];
const names = (parts: Part[]) => parts.map((p) => p.name).join(",");

interface Step {
  take: Part[];
  came: string;
  went: string;
  moved: boolean;
}

const CASES: Array<{ name: string; start: Part[]; steps: Step[] }> = [
  {
    name: "nothing changes",
    start: [a, b, c],
    steps: [{ take: [a, b, c], came: "", went: "", moved: false }],
  },
  {
    name: "a part made again in its place",
    start: [a, b, c],
    steps: [{ take: [a, d, c], came: "d", went: "b", moved: false }],
  },
  {
    name: "a part comes before others: they move",
    start: [a, b],
    steps: [{ take: [c, a, b], came: "c", went: "", moved: true }],
  },
  {
    name: "the last part goes: nothing moves",
    start: [a, b, c],
    steps: [{ take: [a, b], came: "", went: "c", moved: false }],
  },
  {
    name: "two parts swap",
    start: [a, b],
    steps: [{ take: [b, a], came: "", went: "", moved: true }],
  },
  {
    name: "takes in a row: each against the one before",
    start: [],
    steps: [
      { take: [a, b], came: "a,b", went: "", moved: false },
      { take: [a, c, d], came: "c,d", went: "b", moved: false },
      { take: [e], came: "e", went: "a,c,d", moved: false },
      { take: [], came: "", went: "e", moved: false },
    ],
  },
  {
    name: "a part listed twice keeps its first place",
    start: [a],
    steps: [{ take: [b, a, b], came: "b", went: "", moved: true }],
  },
];

describe("KnownParts", () => {
  for (const { name, start, steps } of CASES)
    test(name, () => {
      const known = new KnownParts<Part>(start);
      for (const step of steps) {
        const change = known.take(step.take);
        assert.equal(names(change.came), step.came, "came");
        assert.equal(names(change.went), step.went, "went");
        assert.equal(change.moved, step.moved, "moved");
        assert.ok(known.same(step.take));
        assert.ok(known.same([...new Set(step.take)].reverse()), "same parts in another order");
        step.take.forEach((p) => assert.equal(known.indexOf(p), step.take.indexOf(p)));
        for (const p of [a, b, c, d, e]) assert.equal(known.indexOf(p) !== undefined, step.take.includes(p));
      }
    });

  test("same() is false for other parts of the same count", () => {
    const known = new KnownParts<Part>([a, b]);
    assert.equal(known.same([a, c]), false);
    assert.equal(known.same([a]), false);
  });
});
