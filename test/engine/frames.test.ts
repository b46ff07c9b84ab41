// Figures, frames and cross-file linking on the cases in cases/frames.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, createCorpus, figureSource } from "../../server/src/engine";
import {
  ATTACK_VERB_STORY,
  BLAME_SHIFT_STORY,
  CLAUSE_PLACE_CASES,
  CLAUSE_PLACE_LISTS,
  LONG_PLACE_LIST,
  FIGURE_SOURCE_CASES,
  FIGURE_READ_CASES,
  KEPT_AFTER_COMMA_CASES,
  LINKED_STORIES,
  NAMED_CONDITION_STORIES,
  NEGATIVE_ASSESSMENT_STORY,
  NOT_FIGURE_CASES,
  OWN_VOICE_DENIAL_STORY,
  QUANTITY_CASES,
  RESEMBLANCE_CASES,
  DIFFERENCE_CASES,
  UNCLASSIFIED_CASES,
  UNRELATED_STORY,
} from "./cases/frames";

for (const c of FIGURE_READ_CASES) {
  test(`figure read: ${c.text}`, () => {
    const a = analyze(c.text);
    const f = a.figures.find((x) => x.text === c.span);
    assert.ok(f, `expected "${c.span}", got ${JSON.stringify(a.figures.map((x) => x.text))}`);
    assert.equal(f.value, c.value);
    assert.equal(f.qualifier, c.qualifier);
    if (c.valueMax !== undefined) assert.equal(f.valueMax, c.valueMax);
    assert.equal(a.text.slice(f.start, f.end), f.text);
  });
}

for (const c of NOT_FIGURE_CASES) {
  test(`not a figure: ${c.notFigure} in ${c.text}`, () => {
    const a = analyze(c.text);
    assert.ok(
      !a.figures.some((f) => f.text === c.notFigure || f.text.endsWith(` ${c.notFigure}`)),
      JSON.stringify(a.figures.map((f) => f.text)),
    );
  });
}

for (const c of KEPT_AFTER_COMMA_CASES) {
  test(`a figure after a comma: ${c.text}`, () => {
    assert.ok(analyze(c.text).figures.some((f) => f.text === c.span));
  });
}

for (const c of QUANTITY_CASES) {
  test(`quantity ${c.quantity}: ${c.text}`, () => {
    const f = analyze(c.text).figures.find((x) => x.text === c.span);
    assert.ok(f, `figure ${c.span}`);
    assert.equal(f.frame.quantity, c.quantity);
    assert.equal(f.frame.classified, true);
    assert.equal(f.frame.scope, c.scope ?? "");
  });
}

for (const c of RESEMBLANCE_CASES) {
  test(`no incident named by a comparison: ${c.text}`, () => {
    const f = analyze(c.text).figures.find((x) => x.text === c.span);
    assert.ok(f, `figure ${c.span}`);
    assert.notEqual(f.frame.event, c.notEvent, JSON.stringify(f.frame));
  });
}

for (const c of DIFFERENCE_CASES) {
  test(`a change, not a total: ${c.text}`, () => {
    const a = analyze(c.text);
    const f = a.figures.find((x) => x.text === c.span);
    assert.ok(f, `figure ${c.span} in ${JSON.stringify(a.figures.map((x) => x.text))}`);
    assert.ok(f.frame.extra.includes("change"), JSON.stringify(f.frame));
    const totals = a.figures.filter((x) => x !== f && x.frame.quantity === f.frame.quantity);
    for (const t of totals) assert.notEqual(t.subject, f.subject);
  });
}

for (const c of UNCLASSIFIED_CASES) {
  test(`no quantity class: ${c.text}`, () => {
    const f = analyze(c.text).figures.find((x) => x.text === c.span);
    assert.ok(f, `figure ${c.span}`);
    assert.equal(f.frame.classified, false);
  });
}

test("a 400-digit number has a finite value", () => {
  const f = analyze(`The ledger showed ${"9".repeat(400)} entries.`).figures[0];
  assert.ok(f);
  assert.ok(Number.isFinite(f.value));
});

test("the subject slug is derived from the frame and names its parts", () => {
  const f = analyze("Officials said 1,200 people were killed in Vanuatu.").figures[0]!;
  assert.deepEqual(f.frame.places, ["vanuatu"]);
  assert.equal(f.subject, "deaths-in-vanuatu");
});

test("figures of one quantity in texts of one story link; an unrelated text's never do", () => {
  const c = createCorpus();
  for (const [file, text] of Object.entries({ ...LINKED_STORIES, ...UNRELATED_STORY })) c.set(file, text);
  const deaths = c.figureGroups().filter((g) => g.members[0]!.frame.quantity === "deaths");
  const story = deaths.find((g) => g.members.some((m) => m.file === "a.txt"));
  assert.ok(story);
  assert.deepEqual([...new Set(story.members.map((m) => m.file))].sort(), ["a.txt", "b.txt", "c.txt"]);
  assert.ok(!story.members.some((m) => m.file === "d.txt"), "the flood in another country is not linked");
  // Every member carries the group's subject in the CLI's view.
  assert.equal(c.figureGroupOf("b.txt", 0)?.subject, story.subject);
});

test("incompatible values of one quantity across files are a figure contradiction", () => {
  const c = createCorpus();
  for (const [file, text] of Object.entries(LINKED_STORIES)) c.set(file, text);
  const figure = c.contradictions().filter((x) => x.kind === "figure");
  assert.ok(figure.length > 0);
  assert.ok(figure.every((x) => new Set(x.members.map((m) => m.side)).size === 2));
});

test("'several hundred' conflicts with a count above a thousand; 'hundreds' does not", () => {
  const c = createCorpus();
  c.set("a.txt", "The earthquake in Vanuatu killed several hundred people.");
  c.set("b.txt", "The earthquake in Vanuatu killed 1,500 people.");
  c.set("c.txt", "The earthquake in Vanuatu killed hundreds of people.");
  const members = c
    .contradictions()
    .filter((x) => x.kind === "figure")
    .flatMap((x) => x.members.map((m) => m.file));
  assert.ok(members.includes("a.txt") && members.includes("b.txt"));
  assert.ok(!members.includes("c.txt"));
});

test("a part of a figure ('including …') is not the same figure", () => {
  const c = createCorpus();
  c.set("a.txt", "The agency has given $80 million in aid to Vanuatu, including $12 million pledged on Monday.");
  assert.equal(c.contradictions().length, 0);
});

test("the corpus gives the same groups and contradictions whatever order files are added in", () => {
  const docs = Object.entries({
    ...LINKED_STORIES,
    ...UNRELATED_STORY,
    "e.txt": "Vanuatu denied that the earthquake killed 1,200 people.",
    "f.txt": "Officials in Vanuatu said the earthquake killed 1,200 people, and said 2,000 people were killed later.",
  });
  const run = (order: Array<[string, string]>) => {
    const c = createCorpus();
    for (const [file, text] of order) c.set(file, text);
    return JSON.stringify({ contradictions: c.contradictions(), groups: c.figureGroups() });
  };
  const forward = run(docs);
  assert.equal(run([...docs].reverse()), forward);
  assert.equal(run([...docs.slice(3), ...docs.slice(0, 3)]), forward);
});

test("a statement in the text's own voice is on the asserting side; not confirming is not denying", () => {
  const c = createCorpus();
  c.set("a.txt", "Chad denied carrying out the chemical attack in Niger.");
  c.set("b.txt", "Chad carried out the chemical attack in Niger, killing 300 people.");
  c.set("c.txt", "The United Nations said it could not confirm that Chad carried out the chemical attack in Niger.");
  const stance = c.contradictions().filter((x) => x.kind === "stance");
  assert.equal(stance.length, 1);
  assert.deepEqual(stance[0]!.members.map((m) => `${m.file}:${m.side}`).sort(), ["a.txt:a", "b.txt:b"]);
});

test("own-voice sentences never make a contradiction without a denial", () => {
  const c = createCorpus();
  c.set("a.txt", "Chad carried out the chemical attack in Niger.");
  c.set("b.txt", "Niger carried out the chemical attack in Chad.");
  assert.equal(c.contradictions().filter((x) => x.kind === "stance").length, 0);
});

test("a count worldwide and the count at one site are different subjects", () => {
  const c = createCorpus();
  c.set(
    "a.txt",
    "Doctors in Ghana have recorded 40 cases of the illness, officials said. The illness has spread in Ghana.",
  );
  c.set(
    "b.txt",
    "The illness has sickened more than 900 people worldwide, officials in Ghana said. The illness first appeared in Ghana.",
  );
  const a = c.analysis("a.txt")!.figures[0]!;
  const b = c.analysis("b.txt")!.figures[0]!;
  assert.equal(a.frame.quantity, "cases");
  assert.equal(b.frame.quantity, "cases");
  assert.deepEqual(b.frame.places, ["world"]);
  assert.notEqual(c.figureGroupOf("a.txt", 0)?.subject, c.figureGroupOf("b.txt", 0)?.subject);
  assert.equal(c.contradictions().filter((x) => x.kind === "figure").length, 0);
});

test("a denial that names no state is about the document's salient state", () => {
  const c = createCorpus();
  c.set(
    "a.txt",
    "Chad held talks on Monday. The minister denied that the army carried out the chemical attack. Chad asked for an inquiry.",
  );
  c.set("b.txt", "French officials said Chad carried out the chemical attack in Niger.");
  const stance = c.contradictions().filter((x) => x.kind === "stance");
  assert.equal(stance.length, 1);
  assert.deepEqual(stance[0]!.members.map((m) => `${m.file}:${m.side}`).sort(), ["a.txt:a", "b.txt:b"]);
});

for (const c of CLAUSE_PLACE_CASES) {
  test(`clause place: ${c.text}`, () => {
    const f = analyze(c.text).figures.find((x) => x.text === c.span);
    assert.ok(f, `figure ${c.span}`);
    if (c.place)
      assert.ok(f.frame.places.includes(c.place) && f.frame.levels.places === "sentence", JSON.stringify(f.frame));
    if (c.notPlace)
      assert.ok(!f.frame.places.includes(c.notPlace) || f.frame.levels.places === "document", JSON.stringify(f.frame));
  });
}

for (const c of CLAUSE_PLACE_LISTS) {
  test(`clause places of each figure: ${c.text}`, () => {
    const figures = analyze(c.text).figures;
    assert.deepEqual(Object.fromEntries(figures.map((f) => [f.text, f.frame.places])), c.places);
  });
}

test("a sentence listing hundreds of figures, separated by semicolons, places each figure in its own clause only", () => {
  const { places, items } = LONG_PLACE_LIST;
  const parts = Array.from({ length: items }, (_, i) => `${i + 3} people died in ${places[i % places.length]}`);
  const figures = analyze(`Officials said ${parts.join("; ")}, the ministry said.\n`).figures;
  assert.equal(figures.length, items);
  figures.forEach((f, i) => assert.deepEqual(f.frame.places, [places[i % places.length]!.toLowerCase()], f.text));
});

test("texts naming the same capitalised condition link their counts; an unrelated count does not", () => {
  const c = createCorpus();
  for (const [file, text] of Object.entries(NAMED_CONDITION_STORIES)) c.set(file, text);
  const cases = c.figureGroups().filter((g) => g.members[0]!.frame.quantity === "cases");
  const story = cases.find((g) => g.members.some((m) => m.file === "m1.txt"));
  assert.ok(story);
  assert.deepEqual([...new Set(story.members.map((m) => m.file))].sort(), ["m1.txt", "m2.txt"]);
});

test("'are totally false' denies the attacks a text states in its own voice", () => {
  const c = createCorpus();
  for (const [file, text] of Object.entries(OWN_VOICE_DENIAL_STORY)) c.set(file, text);
  const stance = c.contradictions().filter((x) => x.kind === "stance");
  assert.ok(
    stance.some(
      (x) =>
        x.members.some((m) => m.file === "v2.txt" && m.side === "a") &&
        x.members.some((m) => m.file === "v1.txt" && m.side === "b"),
    ),
    JSON.stringify(stance),
  );
});

test("'very unlikely that X is responsible' contradicts 'X is likely responsible' in another file; an unrelated forecast does not", () => {
  const c = createCorpus();
  for (const [file, text] of Object.entries(NEGATIVE_ASSESSMENT_STORY)) c.set(file, text);
  const stance = c.contradictions().filter((x) => x.kind === "stance");
  const pair = stance.find(
    (x) =>
      x.members.some((m) => m.file === "n1.txt" && m.side === "a") &&
      x.members.some((m) => m.file === "n2.txt" && m.side === "b"),
  );
  assert.ok(pair, JSON.stringify(stance));
  assert.ok(!stance.some((x) => x.members.some((m) => m.file === "n3.txt")));
});

test("'denied that its aircraft had bombed' contradicts 'the army bombed the market' in another file", () => {
  const c = createCorpus();
  for (const [file, text] of Object.entries(ATTACK_VERB_STORY)) c.set(file, text);
  const stance = c.contradictions().filter((x) => x.kind === "stance");
  assert.ok(
    stance.some(
      (x) =>
        x.members.some((m) => m.file === "w1.txt" && m.side === "a") &&
        x.members.some((m) => m.file === "w2.txt" && m.side === "b"),
    ),
    JSON.stringify(stance),
  );
});

for (const c of FIGURE_SOURCE_CASES) {
  test(`figure source: ${c.text}`, () => {
    const a = analyze(c.text);
    const f = a.figures.find((x) => x.text === c.span);
    assert.ok(f, `figure ${c.span}`);
    assert.equal(figureSource(a, f)?.text ?? null, c.source);
  });
}

test("a denial of responsibility that blames another party meets the claim of the attack", () => {
  const c = createCorpus();
  for (const [file, text] of Object.entries(BLAME_SHIFT_STORY)) c.set(file, text);
  const stance = c.contradictions().filter((x) => x.kind === "stance");
  assert.ok(
    stance.some(
      (x) =>
        x.members.some((m) => m.file === "r2.txt" && m.side === "a") &&
        x.members.some((m) => m.file === "r1.txt" && m.side === "b"),
    ),
    JSON.stringify(stance),
  );
});
