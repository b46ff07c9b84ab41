// The CLI settles a corpus's results once every input is analysed and lets the corpus go
// (settled.ts): the settled contradictions, figure groups and each figure's group must be those
// the live corpus gives, on a generated archive with large groups and both kinds of contradiction.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createCorpus } from "../../server/src/engine";
import { settledResults } from "../../server/src/cli/settled";

const ROOT = join(__dirname, "..", "..");
type Generator = { generateArchive(count: number, bytes: number, seed?: number, perStory?: number): string[] };

test("settled results equal the live corpus's, figure by figure", async () => {
  const { generateArchive } = (await import(pathToFileURL(join(ROOT, "bench", "corpus.mjs")).href)) as Generator;
  const corpus = createCorpus();
  const counts = new Map<string, number>();
  generateArchive(120, 3000, 7, 20).forEach((text, i) => {
    const file = `/archive/s${String(i).padStart(3, "0")}.txt`;
    counts.set(file, corpus.set(file, text).figures.length);
  });
  const settled = settledResults(corpus, counts);
  const live = corpus.contradictions();
  assert.ok(live.some((c) => c.kind === "figure") && live.some((c) => c.kind === "stance"), "both kinds occur");
  assert.deepEqual(settled.contradictions(), live);
  assert.deepEqual(settled.files(), corpus.files());
  let grouped = 0;
  // One copy per group: figures of one group share it, as they share the corpus's group.
  const copyOf = new Map<object, object>();
  for (const [file, count] of counts) {
    for (let i = 0; i < count; i++) {
      const group = settled.figureGroupOf(file, i);
      const live = corpus.figureGroupOf(file, i);
      assert.deepEqual(group, live, `${file} figure ${i}`);
      if (!group || !live) continue;
      grouped++;
      assert.equal(copyOf.get(live) ?? group, group, `${file} figure ${i}: one copy per group`);
      copyOf.set(live, group);
    }
    assert.equal(settled.figureGroupOf(file, count), undefined, "no figure past the last");
  }
  assert.ok(grouped > 100, `figures in groups: ${grouped}`);
  const listed = settled.figureGroups();
  assert.deepEqual(listed, corpus.figureGroups());
  assert.ok(
    [...copyOf.values()].every((copy) => listed.includes(copy as (typeof listed)[number])),
    "the list holds the same copies",
  );
  assert.equal(settled.figureGroupOf("/archive/none.txt", 0), undefined);
});
