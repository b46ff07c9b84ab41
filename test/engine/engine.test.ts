import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";
import { ACTOR_CASES, CLAIM_CASES, FIGURE_CASES } from "./cases";

for (const c of FIGURE_CASES) {
  test(`figure: ${c.text}`, () => {
    const a = analyze(c.text);
    if (c.none) {
      assert.deepEqual(
        a.figures.map((f) => f.text),
        [],
      );
      return;
    }
    const f = a.figures.find((x) => x.text === c.figure!.span);
    assert.ok(f, `expected figure "${c.figure!.span}", got ${JSON.stringify(a.figures.map((x) => x.text))}`);
    assert.equal(f.value, c.figure!.value);
    assert.equal(f.qualifier, c.figure!.qualifier);
    if (c.figure!.unit !== undefined) assert.equal(f.unit, c.figure!.unit);
    if (c.figure!.valueMax !== undefined) assert.equal(f.valueMax, c.figure!.valueMax);
    assert.equal(a.text.slice(f.start, f.end), f.text);
  });
}

for (const c of CLAIM_CASES) {
  test(`claim: ${c.text}`, () => {
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
    if (c.cues)
      for (const cue of c.cues)
        assert.ok(
          claim.cues.some((x) => x.text === cue),
          `cue ${cue} in ${claim.cues.map((x) => x.text)}`,
        );
    if (c.stance) assert.equal(claim.stance, c.stance);
  });
}

for (const c of ACTOR_CASES) {
  test(`actors: ${c.text}`, () => {
    const a = analyze(c.text);
    for (const [text, kind, canonical] of c.actors) {
      const m = a.actors.find((x) => x.text === text);
      assert.ok(m, `expected actor "${text}" in ${JSON.stringify(a.actors.map((x) => x.text))}`);
      assert.equal(m.kind, kind);
      assert.equal(m.canonical, canonical);
    }
    for (const text of c.absent ?? [])
      assert.ok(!a.actors.some((x) => x.text === text), `"${text}" is not an actor here`);
  });
}

test("sentences: abbreviations, quotations and headlines", () => {
  const text =
    'Troops Gather at the Border\nMaj. Gen. Ana Cruz said "They came. They left." The U.S. Army agreed. No. 5 was closed.';
  const a = analyze(text);
  const sentences = a.sentences.map((s) => text.slice(s.start, s.end));
  assert.deepEqual(sentences, [
    "Troops Gather at the Border",
    'Maj. Gen. Ana Cruz said "They came. They left."',
    "The U.S. Army agreed.",
    "No. 5 was closed.",
  ]);
  assert.equal(a.sentences[0]!.headline, true);
});

test("sentences: page furniture is not prose", () => {
  const text =
    "Real news sentence about the ministry that says a lot.\nTRENDING\n1\nSome Headline About Sports\nEmail: desk@example.org\nShare | Tweet | Print";
  const a = analyze(text);
  const prose = a.sentences.filter((s) => !s.furniture).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(prose, ["Real news sentence about the ministry that says a lot."]);
});

test("a pronoun source points to the named speaker before it", () => {
  const a = analyze("Minister Ola Nordmann spoke on Monday. He said the port would close.");
  const claim = a.claims.find((c) => c.text.startsWith("He said"));
  assert.equal(claim?.source?.text, "Ola Nordmann");
});

test("a passed-on claim names the original source", () => {
  const a = analyze("The newspaper cited an unnamed army officer's claim that the base was empty.");
  assert.match(a.claims[0]!.source!.text, /army officer/);
  assert.ok(a.claims[0]!.kinds.includes("anonymous"));
});

test("subjects keep scopes apart and link the same thing", () => {
  const a = analyze(
    "Iran has sent 500 drones to Russia. About 500 civilians were killed in Ukraine. Russia received 700 Iranian drones.",
  );
  const [sent, killed, received] = a.figures;
  assert.equal(sent!.subject, "iran-drones-in-russia");
  assert.notEqual(killed!.subject, sent!.subject);
  assert.equal(received!.subject, "iran-drones-in-russia");
});

test("hard-wrapped lines are joined into one sentence", () => {
  const text =
    "Officials in the capital said on Monday that more than 3,000\ntroops had crossed the border, according to the ministry of\ndefence. The army reportedly withdrew.\n\nA new paragraph.";
  const a = analyze(text);
  const first = a.sentences.find((s) => !s.furniture)!;
  assert.equal(
    text.slice(first.start, first.end),
    "Officials in the capital said on Monday that more than 3,000\ntroops had crossed the border, according to the ministry of\ndefence.",
  );
  assert.equal(a.figures[0]!.unit, "troops");
  assert.equal(a.claims.length, 2);
});

test("numbered list items are sentences of their own, and their numbers are not figures", () => {
  const text = "1. Officials said 300 troops left.\n2. The army reportedly withdrew.";
  const a = analyze(text);
  assert.deepEqual(
    a.sentences.map((s) => text.slice(s.start, s.end)),
    ["1. Officials said 300 troops left.", "2. The army reportedly withdrew."],
  );
  assert.deepEqual(
    a.figures.map((f) => f.text),
    ["300"],
  );
  assert.equal(a.claims[0]!.source?.text, "Officials");
});

test("'according to him' names the person the pronoun points to", () => {
  const a = analyze("Minister Ola Berg arrived on Monday. According to him, the port would close.");
  assert.equal(a.claims[0]!.source?.text, "Ola Berg");
});

test("a toll or a 'number of' names what a bare figure counts, and 'In X,' where", () => {
  const a = analyze(
    "In Sudan, the death toll rose to 312 on Monday. The agency put the number of displaced at 11 million.",
  );
  assert.equal(a.figures[0]!.subject, "deaths-in-sudan");
  assert.match(a.figures[1]!.subject, /^displaced/);
});
