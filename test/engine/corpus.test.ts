// Cross-file behaviour with small multi-document examples written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createCorpus } from "../../server/src/engine";
import { MAX_READINGS } from "../../server/src/engine/figureConflicts";

function corpusOf(docs: Record<string, string>) {
  const c = createCorpus();
  for (const [file, text] of Object.entries(docs)) c.set(file, text);
  return c;
}

test("compatible figures are linked but not flagged", () => {
  const c = corpusOf({
    "a.txt": "Officials said Chad has sent more than 2,000 soldiers to Niger.",
    "b.txt": "Analysts said Chad has sent 2,500 troops to Niger.",
  });
  const group = c.figureGroups().find((g) => g.members.length === 2);
  assert.ok(group, "one group of two");
  assert.equal(c.contradictions().filter((x) => x.kind === "figure").length, 0);
});

test("incompatible figures for the same subject conflict, with sides", () => {
  const c = corpusOf({
    "a.txt": "Officials said Chad has sent as many as 1,000 soldiers to Niger.",
    "b.txt": "Analysts said Chad has sent more than 3,000 troops to Niger.",
  });
  const [conflict] = c.contradictions().filter((x) => x.kind === "figure");
  assert.ok(conflict);
  assert.deepEqual(
    conflict.members.map((m) => [m.file, m.side]).sort(),
    [
      ["a.txt", "a"],
      ["b.txt", "b"],
    ].sort(),
  );
});

test("the same number for different subjects is neither a link nor a conflict", () => {
  const c = corpusOf({
    "a.txt": "Officials said Chad has sent 500 soldiers to Niger.",
    "b.txt": "Officials said 900 civilians were killed in Niger.",
  });
  assert.equal(c.contradictions().length, 0);
  assert.ok(c.figureGroups().every((g) => g.members.length === 1));
});

test("one source revising its figure over time is listed as a revision", () => {
  const c = corpusOf({
    "a.txt": "On 2 May 2025, the Red Cross said Chad has sent about 1,000 soldiers to Niger.",
    "b.txt": "On 9 May 2025, the Red Cross said Chad has sent around 4,000 soldiers to Niger.",
  });
  const [conflict] = c.contradictions().filter((x) => x.kind === "figure");
  assert.ok(conflict?.revision, "marked as a revision");
  assert.deepEqual(conflict.members.map((m) => m.date).sort(), ["2 May 2025", "9 May 2025"]);
});

test("a denial contradicts the assertion of the same event; non-confirmation does not", () => {
  const c = corpusOf({
    "a.txt": "Chad has denied sending troops to Niger.",
    "b.txt": "French officials said Chad had deployed troops to Niger.",
    "c.txt": "The United Nations said it could not confirm that Chad deployed troops to Niger.",
  });
  const stance = c.contradictions().filter((x) => x.kind === "stance");
  assert.equal(stance.length, 1);
  const files = stance[0]!.members.map((m) => `${m.file}:${m.side}`).sort();
  assert.deepEqual(files, ["a.txt:a", "b.txt:b"]);
});

test("no contradiction is invented where sources agree", () => {
  const c = corpusOf({
    "a.txt": "Officials said Chad has sent 2,000 soldiers to Niger. The army reportedly moved north.",
    "b.txt": "Analysts said Chad has sent about 2,000 troops to Niger.",
  });
  assert.deepEqual(c.contradictions(), []);
});

test("updates and removals are incremental and change the results", () => {
  const c = corpusOf({
    "a.txt": "Officials said Chad has sent as many as 1,000 soldiers to Niger.",
    "b.txt": "Analysts said Chad has sent 1,000 troops to Niger.",
  });
  assert.equal(c.contradictions().length, 0);
  const before = c.analysis("b.txt");
  assert.equal(
    c.set("b.txt", "Analysts said Chad has sent 1,000 troops to Niger.", 2),
    before,
    "same text is not re-analysed",
  );
  c.set("b.txt", "Analysts said Chad has sent 5,000 troops to Niger.", 3);
  assert.equal(c.contradictions().length, 1);
  c.remove("b.txt");
  assert.equal(c.contradictions().length, 0);
  assert.deepEqual(c.files(), ["a.txt"]);
});

test("the actor index gathers mentions and claims across files", () => {
  const c = corpusOf({
    "a.txt": "Chad said the border was calm.",
    "b.txt": "Troops from Chad crossed the river.",
  });
  const chad = c.actorIndex().get("chad");
  assert.equal(chad?.mentions.length, 2);
  assert.equal(chad?.claims.length, 1);
});

test("a total and a local count of the same thing, with no place, do not conflict", () => {
  const c = corpusOf({
    "a.txt": "Officials said up to 10 Chilean warships were seen near the islands.",
    "b.txt": "Analysts said Chile fields about 370 warships.",
  });
  assert.equal(c.contradictions().length, 0);
});

test("'denied the allegations' answers the claim just before it, and only an asserted one", () => {
  const c = corpusOf({
    "a.txt": "Amnesty International said soldiers looted the market. The army denied the allegations.",
    "b.txt":
      "The two states have been accused of arming the rebels. The spokesman said the talks would resume. Both governments rejected the allegations.",
  });
  const stance = c.contradictions().filter((x) => x.kind === "stance");
  assert.equal(stance.length, 1);
  assert.deepEqual(
    stance[0]!.members.map((m) => m.file),
    ["a.txt", "a.txt"],
  );
});

// Stems of an ASCII text are packed numbers, of any other text strings: both must meet.
test("a denial of no event class answers a claim in its file sharing three content words, in any script", () => {
  const claim = "Reuters reported that the minister secretly transferred public funds abroad.";
  const cases: Array<[string, number]> = [
    [`${claim} The minister denied secretly transferring public funds abroad.`, 1],
    [`${claim.replace("minister", "ministère")} The minister denied secretly transferring public funds abroad.`, 1],
    [`${claim} The ministère denied secretly transferring public funds abroad.`, 1],
    [`${claim} The minister denied secretly transferring private monies elsewhere.`, 0],
    [`${claim} The ministère denied secretly transferring private monies elsewhere.`, 0],
  ];
  // ’ is part of a word ("it’s" is a stem, not "it's"); curly quotes only part words.
  const quoted = "Reuters reported that it’s true the minister hid public funds.";
  cases.push([`${quoted} The minister denied it’s “true” he hid funds.`, 1]);
  cases.push([`${quoted} The minister denied it's “true” he hid funds.`, 0]);
  for (const [text, expected] of cases) {
    const stance = corpusOf({ "a.txt": text })
      .contradictions()
      .filter((x) => x.kind === "stance");
    assert.equal(stance.length, expected, text);
  }
});

test("a denial sharing a few words with an unrelated claim is not a contradiction", () => {
  const c = corpusOf({
    "a.txt": "The agency said the stockpile could yield nine nuclear weapons. Iran denies seeking nuclear weapons.",
  });
  assert.equal(c.contradictions().length, 0);
});

test("a subject with thousands of distinct values is judged without running out of memory", () => {
  const c = corpusOf({
    "a.txt": Array.from({ length: 1500 }, (_, i) => `Officials said Chad sent ${i + 1} soldiers to Niger.`).join(" "),
  });
  const figure = c.contradictions().filter((x) => x.kind === "figure");
  // At most MAX_READINGS readings are judged: one contradiction per conflicting pair of them.
  assert.ok(
    figure.length > 0 && figure.length <= (MAX_READINGS * (MAX_READINGS - 1)) / 2,
    `${figure.length} contradictions`,
  );
  assert.ok(
    new Set(figure.flatMap((x) => x.members.map((m) => m.text))).size <= MAX_READINGS,
    `at most ${MAX_READINGS} readings`,
  );
});

test("a figure whose place is unknown is linked but not set against figures from other files", () => {
  const c = corpusOf({
    "a.txt": "Officials said Chad has sent 300 soldiers to Niger.",
    "b.txt": "Analysts said Chad has 30,000 soldiers.",
  });
  assert.ok(
    c.figureGroups().some((g) => g.members.length === 2),
    "linked for navigation",
  );
  assert.equal(c.contradictions().length, 0);
});

test("a corpus kept current through edits agrees with one built from the final texts", () => {
  const final: Record<string, string> = {
    "a.txt":
      "Officials said Chad has sent as many as 1,000 soldiers to Niger. Police said 40 people were arrested in Lagos.",
    "b.txt":
      "Analysts said Chad has sent more than 3,000 troops to Niger. Police said 45 people were arrested in Lagos.",
    "c.txt":
      "Officials said Chad has sent about 2,000 soldiers to Niger. Witnesses said 300 people were arrested in Lagos.",
  };
  const c = corpusOf({ ...final, "a.txt": "Officials said Chad has sent about 3,000 soldiers to Niger." });
  const before = c.contradictions().length;
  // Groups asked for between edits (as an editor's diagnostics do), contradictions only at the end.
  for (const text of ["Officials said Chad has sent 3,200 soldiers to Niger.", final["a.txt"]!]) {
    const analysis = c.set("a.txt", text);
    analysis.figures.forEach((_, i) => c.figureGroupOf("a.txt", i));
  }
  c.remove("d.txt");
  const fresh = corpusOf(final);
  assert.deepEqual(c.contradictions(), fresh.contradictions());
  assert.deepEqual(c.figureGroups(), fresh.figureGroups());
  assert.notEqual(c.contradictions().length, before, "the edits changed the contradictions");
});

test("the actor index read from compact records lists every mention and sourced claim of the analyses", () => {
  const docs = {
    "a.txt": 'Russia denied the report. "We sent no troops," the Kremlin said. Russia said Ukraine attacked first.',
    "b.txt": "Ukraine said Russia sent 2,000 troops. The Kremlin denied sending troops to Ukraine.",
  };
  const c = createCorpus({ keepAnalysis: () => false });
  const analyses = Object.entries(docs).map(([file, text]) => [file, c.set(file, text)] as const);
  assert.equal(c.analysis("a.txt"), undefined, "only the record is kept");
  const index = c.actorIndex();
  assert.ok(
    [...index.values()].some((e) => e.claims.length > 0),
    "some sourced claim is listed",
  );
  for (const [canonical, entry] of index) {
    const mentions = analyses.flatMap(([file, a]) =>
      a.actors
        .filter((x) => x.canonical === canonical)
        .map((x) => ({ file, start: x.start, end: x.end, text: x.text })),
    );
    assert.deepEqual(entry.mentions, mentions, canonical);
    const first = analyses.find(([, a]) => a.actors.some((x) => x.canonical === canonical))!;
    assert.equal(entry.name, first[1].actors.find((x) => x.canonical === canonical)!.name);
    for (const claim of entry.claims) {
      const a = analyses.find(([file]) => file === claim.file)![1];
      const source = a.claims.find((x) => x.start === claim.start && x.end === claim.end);
      assert.equal(source?.source?.canonical, canonical);
      assert.equal(claim.text, source.text);
    }
  }
});

test("an actor's entry follows documents replaced many times and removed (the lists of records are cleared of old ones)", () => {
  const c = createCorpus({ keepAnalysis: () => false });
  const versions = (n: number) =>
    `Chad said ${n} soldiers were killed. The army of Chad denied it. Sudan said Chad attacked.`;
  c.set("keep.txt", "Sudan said Chad sent 300 troops. Chad denied sending troops.");
  for (let v = 1; v <= 9; v++) {
    c.set("edit.txt", versions(v));
    if (v % 3 === 0) c.actorEntry("chad");
  }
  c.set("gone.txt", "Chad said 40 people died.");
  c.actorEntry("chad");
  c.remove("gone.txt");
  const scratch = createCorpus({ keepAnalysis: () => false });
  scratch.set("keep.txt", "Sudan said Chad sent 300 troops. Chad denied sending troops.");
  scratch.set("edit.txt", versions(9));
  assert.deepEqual(c.actorEntry("chad"), scratch.actorEntry("chad"));
  assert.deepEqual([...c.actorIndex()], [...scratch.actorIndex()]);
  assert.deepEqual(new Set(c.actorEntry("chad")!.mentions.map((m) => m.file)), new Set(["keep.txt", "edit.txt"]));
  c.remove("edit.txt");
  c.remove("keep.txt");
  assert.equal(c.actorEntry("chad"), undefined, "no document mentions it any more");
});

test("documents edited again and again, in turn, do not keep their earlier analyses alive (the lists of an actor's records)", async () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const edited = Array.from({ length: 10 }, (_, i) => `edited${i}.txt`);
  const c = createCorpus({ keepAnalysis: (file) => file.startsWith("edited") });
  // Enough other documents name Chad that the records replaced are never half of its list.
  for (let i = 0; i < 100; i++)
    c.set(`other${i}.txt`, `Officials said Chad has sent about ${1000 + i} soldiers to Niger.`);
  const earlier: Array<WeakRef<object>> = [];
  const names: string[] = [];
  for (let round = 1; round <= 4; round++)
    for (const [i, file] of edited.entries()) {
      const analysis = c.set(file, `Witnesses said Chad has sent about ${2000 + 10 * round + i} soldiers to Niger.`);
      if (round < 4) {
        earlier.push(new WeakRef(analysis));
        names.push(`r${round} ${file}`);
      }
      c.contradictions();
      c.actorEntry("chad");
    }
  await new Promise((resolve) => setImmediate(resolve)); // WeakRefs hold their targets until the job ends
  gc();
  const alive = earlier.filter((ref) => ref.deref() !== undefined).length;
  assert.equal(
    alive,
    0,
    `${alive} of the ${earlier.length} replaced analyses still reachable: ${names.filter((_, i) => earlier[i]!.deref()).join(" ")}`,
  );
  assert.equal(c.actorEntry("chad")!.mentions.length, 110);
});
