// A group's figure contradictions kept between versions (GroupConflicts) give exactly what they
// give when judged from scratch, through random edits of one file's figures at a time, files
// coming and going and the label changing; and a contradiction no changed figure takes part in
// stays the same object (the LSP's listing follows changes by identity).
import { test } from "node:test";
import assert from "node:assert/strict";
import { figureConflicts, GroupConflicts, MAX_READINGS } from "../../server/src/engine/figureConflicts";
import type { Contradiction, FigureMember, Frame, Qualifier } from "../../server/src/engine";

const FRAME: Frame = {
  quantity: "deaths",
  classified: true,
  owner: "",
  places: [],
  event: "",
  scope: "",
  time: "",
  extra: "",
  levels: {},
};
const QUALIFIERS: Qualifier[] = ["exact", "approx", "over", "under", "upto", "atleast", "vague"];
const SOURCES = [null, "Reuters", "the ministry", "Amnesty International"];
const DATES = [null, "2 May 2025", "9 May 2025", "1 June 2025"];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A file's figures, new objects each time (as a new version of a document gives). */
function figuresOf(file: string, random: () => number, values: number): FigureMember[] {
  const n = Math.floor(random() * 5);
  const out: FigureMember[] = [];
  for (let k = 0; k < n; k++) {
    const value = 10 * (1 + Math.floor(random() * values));
    const qualifier = QUALIFIERS[Math.floor(random() * QUALIFIERS.length)]!;
    const ranged = random() < 0.15;
    const source = SOURCES[Math.floor(random() * SOURCES.length)]!;
    out.push({
      file,
      start: 100 * k + Math.floor(random() * 50),
      end: 100 * k + 60,
      text: `${value}${ranged ? `-${value + 5}` : ""}`,
      value,
      ...(ranged ? { valueMax: value + 5 } : qualifier === "vague" && random() < 0.5 ? { valueMax: value } : {}),
      qualifier,
      unit: null,
      subject: "deaths",
      frame: FRAME,
      source,
      date: DATES[Math.floor(random() * DATES.length)]!,
    });
  }
  return out;
}

/** Members in the group's order: file, then start. */
const ordered = (byFile: Map<string, FigureMember[]>) =>
  [...byFile.keys()].sort().flatMap((f) =>
    byFile
      .get(f)!
      .slice()
      .sort((a, b) => a.start - b.start),
  );

/** The same figures as new objects: nothing kept from an earlier judgement can be reused. */
const copies = (members: FigureMember[]) => members.map((m) => ({ ...m }));

const filesOf = (c: Contradiction) => new Set(c.members.map((m) => m.file));

for (const [seed, files, values] of [
  [1, 12, 6],
  [2, 40, 30],
  [3, 90, 120],
] as const) {
  test(`kept group contradictions equal those judged from scratch (seed ${seed}, ${files} files, ${values} values)`, () => {
    const random = rng(seed);
    const byFile = new Map<string, FigureMember[]>();
    for (let i = 0; i < files; i++) {
      const file = `f${String(i).padStart(3, "0")}.txt`;
      byFile.set(file, figuresOf(file, random, values));
    }
    const kept = new GroupConflicts();
    let label = "deaths";
    let before: Contradiction[] = kept.update("deaths", label, ordered(byFile));
    let reused = 0;
    let readingsCapped = false;
    for (let step = 0; step < 120; step++) {
      const file = `f${String(Math.floor(random() * (files + 3))).padStart(3, "0")}.txt`;
      const roll = random();
      if (roll < 0.1) byFile.delete(file);
      else if (roll < 0.13) label = label === "deaths" ? "deaths in Niger" : "deaths";
      else byFile.set(file, figuresOf(file, random, values));
      const members = ordered(byFile);
      const found = kept.update("deaths", label, members);
      const scratch = figureConflicts({ subject: "deaths", label, members: copies(members) });
      assert.deepEqual(found, scratch, `step ${step}`);
      readingsCapped ||= new Set(members.map((m) => `${m.value}|${m.valueMax}|${m.qualifier}`)).size > MAX_READINGS;
      if (roll >= 0.1 && roll < 0.13) {
        before = found;
        continue;
      }
      // A contradiction none of whose figures is in the changed file is the object it was.
      const earlier = new Map(before.map((c) => [JSON.stringify(c), c]));
      for (const c of found) {
        if (filesOf(c).has(file)) continue;
        const was = earlier.get(JSON.stringify(c));
        if (was) {
          assert.equal(c, was, `step ${step}: an unchanged contradiction is the same object`);
          reused++;
        }
      }
      before = found;
    }
    assert.ok(reused > 0, "some contradictions were carried over");
    if (values > MAX_READINGS) assert.ok(readingsCapped, "more readings than are judged");
  });
}

test("a kept group given members out of the group's order is judged as from scratch", () => {
  const random = rng(9);
  const members = Array.from({ length: 30 }, (_, i) =>
    figuresOf(`f${String(i).padStart(2, "0")}.txt`, random, 8),
  ).flat();
  const kept = new GroupConflicts();
  kept.update("deaths", "deaths", members);
  for (const shuffled of [members.slice().reverse(), members.slice(10).concat(members.slice(0, 10))]) {
    const found = kept.update("deaths", "deaths", shuffled);
    assert.ok(found.length > 0, "contradictions to compare");
    assert.deepEqual(found, figureConflicts({ subject: "deaths", label: "deaths", members: copies(members) }));
  }
});
