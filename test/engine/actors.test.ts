import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";
import { ACTOR_RULE_CASES } from "./cases/actors";

for (const c of ACTOR_RULE_CASES) {
  test(`actors (${c.rule}): ${c.text}`, () => {
    const a = analyze(c.text);
    const seen = JSON.stringify(a.actors.map((x) => `${x.text}:${x.kind}`));
    for (const [text, kind, canonical] of c.actors ?? []) {
      const m = a.actors.find((x) => x.text === text);
      assert.ok(m, `expected actor "${text}" in ${seen}`);
      assert.equal(m.kind, kind, `kind of "${text}"`);
      assert.equal(m.canonical, canonical, `canonical of "${text}"`);
    }
    for (const text of c.absent ?? [])
      assert.ok(!a.actors.some((x) => x.text === text), `"${text}" is not an actor here: ${seen}`);
  });
}

test("every actor span is the slice of the text, with odd white space inside names", () => {
  for (const text of [
    "Morgan  Stanley analysts said so.",
    "Goldman\u3000Sachs analysts said so.",
    "Analyst Anna\u3000Berg said the talks failed.",
    "Sir  Keir  Starmer met Olaf\u00a0Scholz.",
  ]) {
    const a = analyze(text);
    assert.ok(a.actors.length > 0, `some actor in ${JSON.stringify(text)}`);
    for (const m of a.actors) assert.equal(m.text, text.slice(m.start, m.end));
  }
});
