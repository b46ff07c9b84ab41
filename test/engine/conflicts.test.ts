// Figure contradictions as pairs of readings, on the cases in cases/conflicts.ts; and members
// shared between contradictions rather than copied.
import { test } from "node:test";
import assert from "node:assert/strict";
import { contradictionSummary, createCorpus, type Contradiction } from "../../server/src/engine";
import { CONFLICT_CASES } from "./cases/conflicts";

function figureContradictions(docs: string[]): Contradiction[] {
  const c = createCorpus();
  docs.forEach((text, i) => c.set(`${String.fromCharCode(97 + i)}.txt`, text));
  return c.contradictions().filter((x) => x.kind === "figure");
}

const texts = (c: Contradiction, side: "a" | "b") =>
  c.members
    .filter((m) => m.side === side)
    .map((m) => m.text)
    .sort();
const described = (c: { a: string[]; b: string[]; revision?: boolean }) =>
  `${c.a.join(" + ")} vs ${c.b.join(" + ")}${c.revision ? " (revision)" : ""}`;

for (const c of CONFLICT_CASES) {
  test(`figure conflicts: ${c.name}`, () => {
    const found = figureContradictions(c.docs).map((x) =>
      described({ a: texts(x, "a"), b: texts(x, "b"), revision: x.revision === true }),
    );
    assert.deepEqual(
      found.sort(),
      c.expect.map((e) => described({ a: [...e.a].sort(), b: [...e.b].sort(), revision: e.revision })).sort(),
    );
  });
}

test("no pair of mentions is set against each other twice (plain pairs and revisions apart)", () => {
  for (const c of CONFLICT_CASES) {
    const seen = new Set<string>();
    for (const x of figureContradictions(c.docs)) {
      for (const p of x.members.filter((m) => m.side === "a"))
        for (const q of x.members.filter((m) => m.side === "b")) {
          const key = [`${p.file}#${p.start}`, `${q.file}#${q.start}`].sort().join("|");
          assert.ok(!seen.has(key), `${c.name}: ${key} listed twice`);
          seen.add(key);
        }
    }
  }
});

test("a reading in several contradictions is referenced, not copied", () => {
  const [first, second] = figureContradictions(CONFLICT_CASES[0]!.docs).filter((x) =>
    x.members.some((m) => m.text === "1,000"),
  );
  assert.ok(first && second, "1,000 conflicts with two readings");
  const a = first.members.find((m) => m.text === "1,000");
  const b = second.members.find((m) => m.text === "1,000");
  assert.equal(a, b, "the same member object");
});

test("summaries read as one reading against the other", () => {
  const summaries = figureContradictions(CONFLICT_CASES[1]!.docs).map(contradictionSummary);
  assert.equal(summaries.length, 2);
  for (const s of summaries)
    assert.match(s, /^[^:]+: 5,000 \(Diplomats\) vs (about 2,000 \(Officials\)|2,100 \(Analysts\))$/, s);
});
