// The warm-up text (engine/warmup.ts) compiles the code an edit runs only if the engine finds in it
// what it finds in real clippings, and if its edits change the text (the corpus re-analyses it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, warmUpTexts, warmUpVariants, type ActorKind, type ClaimKind } from "../../server/src/engine";

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

test("variants of given texts: pieces of them as edits change them, never of anything else", () => {
  const given = [
    "Officials said 1,200 people fled.\n\nThe ministry said 45 trucks arrived on 3 May 2024.\n\nNo numbers here at all.",
    "A second text without any number.\nIt has two lines.",
  ];
  const variants = [...warmUpVariants(given, 12, 60)];
  assert.equal(variants.length, 12);
  variants.slice(1).forEach((text, i) => assert.notEqual(text, variants[i], `variant ${i + 1} repeats ${i}`));
  // Digits retyped, a typed paragraph (the sample's) added: every other line is one of the given texts'.
  const shape = (s: string) => s.replace(/\d/g, "#");
  const typedLines = new Set(["Officials in Ankara", "“Hundreds of", "The health ministry"]);
  for (const text of variants) {
    assert.ok(text.length <= 60 + 120, `a piece of ${text.length} characters`);
    for (const line of text.split("\n").filter((l) => l.trim().length > 0)) {
      if ([...typedLines].some((start) => line.startsWith(start))) continue;
      assert.ok(
        given.some((g) => shape(g).includes(shape(line))),
        `not from the given texts: ${line}`,
      );
    }
  }
});

test("variants of no text, or of blank or odd text, are nothing or never throw", () => {
  assert.deepEqual([...warmUpVariants([], 5, 100)], []);
  assert.deepEqual([...warmUpVariants(["", "  \n\n  "], 5, 100)], []);
  for (const odd of ["1999 2000 2024", "\u0000\ud800", "x".repeat(500), "9".repeat(40)])
    assert.equal([...warmUpVariants([odd], 4, 16)].length, 4);
});
