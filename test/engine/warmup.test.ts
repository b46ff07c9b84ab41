// The warm-up text (engine/warmup.ts) compiles the code an edit runs only if the engine finds in it
// what it finds in real clippings, and if its edits change the text (the corpus re-analyses it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, warmUpTexts, type ActorKind, type ClaimKind } from "../../server/src/engine";

const ROUNDS = 20;
const texts = [...warmUpTexts(ROUNDS)];

test("the warm-up yields one text per round, each different from the one before", () => {
  assert.equal(texts.length, ROUNDS);
  texts.slice(1).forEach((text, i) => assert.notEqual(text, texts[i], `round ${i + 1} repeats round ${i}`));
});

test("its texts hold every kind of claim and actor, and figures with qualifiers and ranges", () => {
  const claimKinds = new Set<ClaimKind>();
  const actorKinds = new Set<ActorKind>();
  const qualifiers = new Set<string>();
  let ranges = 0;
  for (const text of texts) {
    const analysis = analyze(text);
    for (const claim of analysis.claims) for (const kind of claim.kinds) claimKinds.add(kind);
    for (const actor of analysis.actors) actorKinds.add(actor.kind);
    for (const figure of analysis.figures) {
      qualifiers.add(figure.qualifier);
      if (figure.valueMax !== undefined) ranges++;
    }
  }
  assert.deepEqual([...claimKinds].sort(), ["anonymous", "attributed", "denial", "hedged"]);
  assert.deepEqual([...actorKinds].sort(), ["country", "organization", "person"]);
  assert.ok(qualifiers.size >= 5, `qualifiers: ${[...qualifiers].join(", ")}`);
  assert.ok(ranges > 0, "no range");
});
