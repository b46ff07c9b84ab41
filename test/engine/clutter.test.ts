// Page clutter (credits, menus, bylines) is judged where it stands, not anywhere in a paragraph:
// sentences written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";

const KEPT = [
  "The agency, citing Getty Images data, said 5,000 troops were sent to Russia.",
  "Officials said the Shutterstock archive held 40,000 photos of the border.",
];

const CLUTTER = [
  "Soldiers patrol the border near Kharkiv on March 3, 2024. REUTERS/Staff Photographer",
  "Residents queue for water in Gaza City. (Photo by Jane Doe/Getty Images)",
  "Photo: Getty Images",
  "Home | World | Europe | 300 stories",
  "Reporting by John Smith; Editing by 3 editors",
];

for (const text of KEPT) {
  test(`prose that names a picture agency or holds a bar keeps its figure and claim: ${text}`, () => {
    const a = analyze(text);
    assert.ok(a.figures.length > 0, "a figure");
    assert.ok(a.claims.length > 0, "a claim");
  });
}

for (const text of CLUTTER) {
  test(`a caption, credit, menu or byline line gives nothing: ${text}`, () => {
    const a = analyze(text);
    assert.deepEqual(
      a.claims.map((c) => c.text),
      [],
    );
    assert.ok(
      a.sentences.every((s) => s.furniture),
      JSON.stringify(a.sentences),
    );
  });
}

test("paragraphs joined into one long line still give their figures and claims; the credit sentence inside is dropped", () => {
  const paragraph = [
    "The ministry said 300 soldiers crossed the river on Monday.",
    "Iran reportedly shipped about 7,777 drones to Russia.",
    "Photo: Getty Images.",
    "Analysts said Chad has sent more than 2,000 soldiers to Niger.",
  ].join(" ");
  const one = analyze(paragraph);
  const line = analyze(Array.from({ length: 40 }, () => paragraph).join(" "));
  assert.equal(line.figures.length, 40 * one.figures.length);
  assert.ok(line.claims.length >= 40 * 3, `${line.claims.length} claims`);
  assert.ok(line.sentences.some((s) => s.furniture && /Photo: Getty/.test(line.text.slice(s.start, s.end))));
});
