// Claim classes from the guideline, one case per rule and exclusion (cases/claims.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";
import { CLAIM_RULE_CASES } from "./cases/claims";

for (const c of CLAIM_RULE_CASES) {
  test(`claim rule (${c.rule}): ${c.text}`, () => {
    const a = analyze(c.text);
    if (c.none) {
      assert.deepEqual(
        a.claims.map((x) => x.text),
        [],
      );
      return;
    }
    assert.equal(a.claims.length, 1, `expected one claim, got ${a.claims.length}`);
    const claim = a.claims[0]!;
    if (c.kinds) assert.deepEqual(claim.kinds, c.kinds);
    if (c.source === null) assert.equal(claim.source, null);
    else if (c.source)
      assert.ok(claim.source?.text.includes(c.source), `source ${claim.source?.text} should include ${c.source}`);
    if (c.sourceExact) assert.equal(claim.source?.text, c.sourceExact);
    if (c.cues)
      for (const cue of c.cues)
        assert.ok(
          claim.cues.some((x) => x.text === cue),
          `cue ${cue} in ${claim.cues.map((x) => x.text)}`,
        );
    if (c.stance) assert.equal(claim.stance, c.stance);
    for (const cue of claim.cues) assert.equal(a.text.slice(cue.start, cue.end), cue.text);
    if (claim.source) assert.equal(a.text.slice(claim.source.start, claim.source.end), claim.source.text);
  });
}

test("claim rule (anaphoric claim noun): 'The allegations suggest…' takes up the speaker of the claims before it", () => {
  const a = analyze("Senator Ola Brenna accused the firm of paying bribes. The allegations suggest a wider scheme.");
  const second = a.claims.find((c) => c.text.startsWith("The allegations"));
  assert.ok(second, "the second sentence is a claim");
  assert.equal(second.source?.text, "Ola Brenna");
  assert.ok(second.kinds.includes("attributed") && second.kinds.includes("hedged"));
});

test("claim rule (anaphoric claim noun): an unnamed earlier source is not carried over", () => {
  const a = analyze("Officials said the firm paid bribes. The claims were denied on Monday.");
  const second = a.claims.find((c) => c.text.startsWith("The claims"));
  assert.ok(second, "the second sentence is a claim");
  assert.notEqual(second.source?.text, "Officials");
});

test("claim rule (quoted statement): a hedge quoted after 'X released this statement:' is X's", () => {
  const a = analyze(
    "Senator Ola Brenna released this statement today:\n\n“Thousands of families have left the valley, where it is now estimated that 4,000 homes were lost.\n\n“We will vote on the bill next week.",
  );
  const hedge = a.claims.find((c) => c.text.includes("now estimated"));
  assert.ok(hedge, "the hedged sentence is a claim");
  assert.equal(hedge.source?.text, "Ola Brenna");
  assert.deepEqual(hedge.kinds, ["attributed", "hedged"]);
  assert.equal(
    a.claims.filter((c) => c.text.includes("vote on the bill")).length,
    0,
    "a quoted sentence without a cue stays no claim",
  );
});

test("claim rule (quoted statement): an unquoted paragraph after the intro is not the speaker's", () => {
  const a = analyze(
    "Senator Ola Brenna released this statement today:\n\nIt is now estimated that 4,000 homes were lost.",
  );
  const hedge = a.claims.find((c) => c.text.includes("now estimated"));
  assert.ok(hedge);
  assert.equal(hedge.source, null);
});
