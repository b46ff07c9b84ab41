// Claim classes from the guideline, one case per rule and exclusion (cases/claims.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";
import { CLAIM_RULE_CASES } from "./cases/claims";

for (const c of CLAIM_RULE_CASES) {
  test(`claim rule (${c.rule}): ${c.text}`, () => {
    const a = analyze(c.text);
    if (c.none) {
      assert.deepEqual(a.claims.map((x) => x.text), []);
      return;
    }
    assert.equal(a.claims.length, 1, `expected one claim, got ${a.claims.length}`);
    const claim = a.claims[0]!;
    if (c.kinds) assert.deepEqual(claim.kinds, c.kinds);
    if (c.source === null) assert.equal(claim.source, null);
    else if (c.source) assert.ok(claim.source?.text.includes(c.source), `source ${claim.source?.text} should include ${c.source}`);
    if (c.cues) for (const cue of c.cues) assert.ok(claim.cues.some((x) => x.text === cue), `cue ${cue} in ${claim.cues.map((x) => x.text)}`);
    if (c.stance) assert.equal(claim.stance, c.stance);
    for (const cue of claim.cues) assert.equal(a.text.slice(cue.start, cue.end), cue.text);
    if (claim.source) assert.equal(a.text.slice(claim.source.start, claim.source.end), claim.source.text);
  });
}
