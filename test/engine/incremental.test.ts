// A corpus kept current through adds, edits and removals, in several orders, gives exactly what a
// corpus built from scratch on the final texts gives: figure groups, each figure's group,
// contradictions and the actor index. Texts written for this test, plus the seed clippings with
// their numbers varied when ../shared/corpus/seeds exists.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createCorpus, extractDocument, type Corpus, type FigureGroup } from "../../server/src/engine";

/** Each document's versions; the last is its final text ("" means it ends removed). */
const WRITTEN: Record<string, string[]> = {
  "a.txt": [
    "Officials said Chad has sent about 3,000 soldiers to Niger.",
    "Officials said Chad has sent about 3,200 soldiers to Niger. Chad has denied sending troops to Niger.",
    "Officials said Chad has sent as many as 1,000 soldiers to Niger. Police said 40 people were arrested in Lagos.",
  ],
  "b.txt": [
    "Analysts said Chad has sent more than 3,000 troops to Niger. Police said 45 people were arrested in Lagos.",
    "Analysts said Chad has sent more than 3,000 troops to Niger. Police said 45 people were arrested in Lagos. French officials said Chad had deployed troops to Niger.",
    // Only numbers retyped: every frame stays, the groups are patched in place.
    "Analysts said Chad has sent more than 3,500 troops to Niger. Police said 48 people were arrested in Lagos. French officials said Chad had deployed troops to Niger.",
  ],
  "c.txt": [
    "Officials said Chad has sent about 2,000 soldiers to Niger. Witnesses said 300 people were arrested in Lagos.",
    "Witnesses said 300 people were arrested in Lagos. Officials said Chad has sent about 2,000 soldiers to Niger.",
    "Officials said Chad has sent about 2,400 soldiers to Niger. Witnesses said 310 people were arrested in Lagos.",
  ],
  "d.txt": ["Amnesty International said soldiers looted the market in Niamey. The army denied the allegations.", ""],
  "e.txt": [
    "On 2 May 2025, the Red Cross said Chad has sent about 1,000 soldiers to Niger.",
    "On 9 May 2025, the Red Cross said Chad has sent around 4,000 soldiers to Niger. The United Nations said it could not confirm that Chad deployed troops to Niger.",
  ],
  "f.txt": [
    "Chad's government dismissed the French report as false. Niger said Chad had sent 5,000 soldiers.",
    "Chad's government dismissed the French report as false. Niger said Chad had sent 5,500 soldiers. Chad said the border was calm.",
  ],
  "g.txt": [
    "Troops from Chad crossed the river. Reuters reported that 12 people were killed in Niamey. Chad has denied sending troops to Niger.",
    "Troops from Chad crossed the river. Reuters reported that 1,215 people were killed in Niamey. Chad has denied sending troops to Niger.",
  ],
};

interface Story {
  versions: Record<string, string[]>;
}

/** The seeds, each in three versions with its numbers varied, when the shared corpus is present. */
function seedStory(): Story | undefined {
  const dir = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "seeds");
  if (!existsSync(dir)) return undefined;
  const versions: Record<string, string[]> = {};
  const random = rng(17);
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    const text = readFileSync(join(dir, name), "utf8");
    for (const copy of [1, 2]) {
      versions[`${copy}-${name}`] = [
        vary(text, random),
        vary(text, random),
        copy === 2 && name < "m" ? "" : vary(text, random),
      ];
    }
  }
  return { versions };
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** The same text with every number other than a year given other digits. */
function vary(text: string, random: () => number): string {
  return text.replace(/\d[\d,]*/g, (n) =>
    /^(19|20)\d\d$/.test(n)
      ? n
      : n.replace(/\d/g, (_, i: number) => String(i === 0 ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10))),
  );
}

/** A play of every version of every document, in an order given by `seed`, asking for results between steps. */
/** Steps of the cross-file work taken between edits by play(…, stepped). */
let stepsTaken = 0;

/**
 * Plays the story's versions in an order drawn from `seed`. With `stepped`, a few steps of the
 * cross-file work (contradictionStep, as the server spreads it over turns) run after each change.
 */
function play(story: Story, seed: number, stepped = false): Corpus {
  const random = rng(seed);
  const c = createCorpus();
  const steps: Array<[string, string]> = [];
  const queues = Object.entries(story.versions).map(([file, texts]) => texts.map((t) => [file, t] as [string, string]));
  while (queues.some((q) => q.length > 0)) {
    const open = queues.filter((q) => q.length > 0);
    steps.push(open[Math.floor(random() * open.length)]!.shift()!);
  }
  steps.forEach(([file, text], i) => {
    if (text === "") c.remove(file);
    else {
      const analysis = c.set(file, text);
      // As an editor's diagnostics do: the edited file's groups after each change (settled ones,
      // not regrouping, when the work is stepped as the server steps it).
      analysis.figures.forEach((_, k) => (stepped ? c.settledFigureGroupOf(file, k) : c.figureGroupOf(file, k)));
    }
    if (stepped) for (let k = Math.floor(random() * 4); k > 0 && c.contradictionStep(); k--) stepsTaken++;
    else if (i % 3 === 0) c.contradictions();
    if (i % 4 === 0) c.actorEntry("chad");
  });
  return c;
}

/** The corpus built from scratch on the final texts, added in the same order (the actor index follows it). */
function fresh(played: Corpus, story: Story): Corpus {
  const c = createCorpus();
  for (const file of played.files()) c.set(file, story.versions[file]!.at(-1)!);
  return c;
}

function assertSame(played: Corpus, scratch: Corpus): void {
  assert.deepEqual(played.files().sort(), scratch.files().sort());
  assert.deepEqual(played.figureGroups(), scratch.figureGroups());
  assert.deepEqual(played.contradictions(), scratch.contradictions());
  assert.deepEqual(played.contradictionParts().flat(), scratch.contradictions(), "the parts make the whole list");
  for (const file of scratch.files()) {
    scratch.analysis(file)!.figures.forEach((_, k) => {
      assert.deepEqual(played.figureGroupOf(file, k), scratch.figureGroupOf(file, k), `${file} figure ${k}`);
    });
  }
  assert.deepEqual([...played.actorIndex().entries()], [...scratch.actorIndex().entries()]);
  for (const canonical of scratch.actorIndex().keys())
    assert.deepEqual(played.actorEntry(canonical), scratch.actorIndex().get(canonical));
}

const STORIES: Array<[string, Story | undefined]> = [
  ["texts written for this test", { versions: WRITTEN }],
  ["the seeds with their numbers varied", seedStory()],
];

for (const [name, story] of STORIES) {
  test(
    `a corpus built incrementally in several orders equals one built from scratch: ${name}`,
    { skip: story ? false : "../shared/corpus/seeds is absent" },
    () => {
      let contradictions = 0;
      for (const seed of [1, 2, 3, 4]) {
        const played = play(story!, seed);
        const scratch = fresh(played, story!);
        assertSame(played, scratch);
        contradictions += scratch.contradictions().length;
      }
      assert.ok(contradictions > 0, "the story has contradictions to compare");
    },
  );
}

for (const [name, story] of [
  ...STORIES,
  ["edits that bring or take denials and assertions", stanceEdits()],
  ["a large group edited", largeGroupStory()],
  ["a large bucket edited", largeBucketEdits()],
] as Array<[string, Story | undefined]>) {
  test(
    `contradictions worked out a step at a time between edits equal those from scratch: ${name}`,
    { skip: story ? false : "../shared/corpus/seeds is absent" },
    () => {
      const before = stepsTaken;
      for (const seed of [5, 6, 7, 8, 9, 10]) {
        const played = play(story!, seed, true);
        while (played.contradictionStep());
        assert.equal(played.contradictionStep(), false, "no step left once done");
        const parts = played.contradictionParts();
        assertSame(played, fresh(played, story!));
        assert.ok(
          played.contradictionParts().every((part, i) => part === parts[i]),
          "stepping left nothing to do",
        );
      }
      assert.ok(stepsTaken > before, "steps were taken between edits");
    },
  );
}

test("the written story exercises both kinds of contradiction", () => {
  const c = fresh(play({ versions: WRITTEN }, 1), { versions: WRITTEN });
  const kinds = new Set(c.contradictions().map((x) => x.kind));
  assert.deepEqual([...kinds].sort(), ["figure", "stance"]);
});

test("an edit replaces only the parts of the contradictions it changes", () => {
  const c = createCorpus();
  for (const [file, versions] of Object.entries(WRITTEN)) c.set(file, versions[0]!);
  const before = c.contradictionParts();
  assert.ok(before.flat().length > 0, "the story has contradictions");
  assert.equal(c.contradictionParts().length, before.length);
  assert.ok(
    c.contradictionParts().every((part, i) => part === before[i]),
    "nothing changed: the same arrays",
  );
  // A number retyped in one document: the parts of other buckets are the same arrays.
  c.set("b.txt", WRITTEN["b.txt"]![0]!.replace("45 people", "47 people"));
  const after = c.contradictionParts();
  const kept = after.filter((part) => before.includes(part));
  assert.ok(kept.length > 0 && kept.length < after.length, "some parts kept, the changed one replaced");
  for (const part of after.filter((p) => !before.includes(p)))
    assert.ok(
      part.some((x) => x.members.some((m) => m.file === "b.txt")),
      "a replaced part holds the edited file",
    );
});

test("an edit that adds a figure to one bucket keeps the file's other buckets' groups (swapped in place), as from scratch", () => {
  const a = "Officials said Chad has sent about 3,000 soldiers to Niger. Police said 40 people were arrested in Lagos.";
  const b =
    "Analysts said Chad has sent more than 3,500 troops to Niger. Police said 45 people were arrested in Lagos.";
  const edited = `Police said 12 people were killed in Lagos. ${a.replace("40 people", "41 people")}`;
  const played = createCorpus();
  played.set("a.txt", a);
  played.set("b.txt", b);
  played.contradictions();
  played.set("a.txt", edited);
  const scratch = createCorpus();
  scratch.set("a.txt", edited);
  scratch.set("b.txt", b);
  assertSame(played, scratch);
  assert.ok(scratch.contradictions().length >= 2, "both buckets have a contradiction");
});

test("a corpus that keeps no analysis gives the same cross-file results", () => {
  const kept = createCorpus();
  const lean = createCorpus({ keepAnalysis: () => false });
  for (const [file, versions] of Object.entries(WRITTEN)) {
    for (const text of versions.filter((t) => t !== "")) {
      kept.set(file, text);
      lean.set(file, text);
    }
  }
  assert.equal(lean.analysis("a.txt"), undefined);
  assert.ok(lean.isTextOf("a.txt", WRITTEN["a.txt"]!.at(-1)!));
  assert.ok(!lean.isTextOf("a.txt", WRITTEN["a.txt"]![0]!));
  assert.deepEqual(lean.contradictions(), kept.contradictions());
  assert.deepEqual(lean.figureGroups(), kept.figureGroups());
  assert.deepEqual([...lean.actorIndex()], [...kept.actorIndex()]);
});

test("documents released before contradictions are asked for still take part in them (statements are read late)", () => {
  const kept = createCorpus();
  const lean = createCorpus({ keepAnalysis: () => false });
  for (const [file, versions] of Object.entries(WRITTEN)) {
    for (const text of versions.filter((t) => t !== "")) {
      kept.set(file, text);
      lean.set(file, text);
    }
    kept.release(file);
  }
  assert.equal(kept.analysis("g.txt"), undefined);
  const stance = lean.contradictions().filter((c) => c.kind === "stance");
  assert.ok(stance.length > 0, "the written story has stance contradictions");
  assert.deepEqual(kept.contradictions(), lean.contradictions());
});

test("an edited file's settled groups come from its last grouped version, without regrouping", () => {
  const c = createCorpus();
  c.set("a.txt", "Officials said Chad has sent about 2,000 soldiers to Niger.");
  c.set("b.txt", "Analysts said Chad has sent about 2,100 troops to Niger.");
  const linked = c.figureGroupOf("a.txt", 0);
  assert.deepEqual(
    linked?.members.map((m) => m.file),
    ["a.txt", "b.txt"],
  );
  // A new figure changes what the file links with: its bucket waits to be regrouped.
  const analysis = c.set(
    "a.txt",
    "Police said 40 people were arrested in Lagos. Officials said Chad has sent about 2,000 soldiers to Niger.",
  );
  const soldiers = analysis.figures.findIndex((f) => f.text.includes("2,000"));
  const settled = c.settledFigureGroupOf("a.txt", soldiers);
  assert.equal(settled?.subject, linked!.subject, "the group it was in");
  assert.deepEqual(
    settled?.members.map((m) => m.start),
    linked!.members.map((m) => m.start),
    "as formed before the edit",
  );
  const fresh = c.figureGroupOf("a.txt", soldiers);
  assert.deepEqual(
    fresh?.members.map((m) => [m.file, m.start]),
    [
      ["a.txt", analysis.figures[soldiers]!.start],
      ["b.txt", 28],
    ],
  );
  assert.equal(c.settledFigureGroupOf("a.txt", soldiers), fresh, "once regrouped, the settled group is the group");
});

test("a number retyped between two asks for contradictions moves the members it shifts", () => {
  const texts = Object.fromEntries(
    Object.entries(WRITTEN).map(([file, versions]) => [file, versions.filter((t) => t !== "")[0]!]),
  );
  const c = createCorpus();
  for (const [file, text] of Object.entries(texts)) c.set(file, text);
  const before = c.contradictions();
  // The same statements and frames, offsets shifted: groups patched, stance contradictions restated.
  const shifted = texts["g.txt"]!.replace("12 people", "1,215 people");
  c.set("g.txt", shifted);
  const scratch = createCorpus();
  for (const [file, text] of Object.entries({ ...texts, "g.txt": shifted })) scratch.set(file, text);
  assert.deepEqual(c.contradictions(), scratch.contradictions());
  assert.notDeepEqual(c.contradictions(), before, "the edit moved members");
  assert.deepEqual(c.figureGroups(), scratch.figureGroups());
});

/** Many files whose figures share buckets past the size from which a bucket keeps its clustering. */
function largeBucketStory(): Story {
  const places = ["Lagos", "Niamey", "Kano", "Abuja", "Ndjamena"];
  const owners = ["Chad", "Niger", "Nigeria"];
  const random = rng(5);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const day = () => (random() < 0.4 ? `On ${1 + Math.floor(random() * 3)} May 2025, p` : "P");
  const text = () =>
    `${day()}olice said ${10 + Math.floor(random() * 90)} people were arrested in ${pick(places)}. ` +
    `Officials said ${pick(owners)} has sent about ${1 + Math.floor(random() * 9)},000 soldiers to ${pick(places)}. ` +
    `${random() < 0.5 ? `${pick(owners)}'s police` : "Police"} said ${5 + Math.floor(random() * 50)} people were killed` +
    (random() < 0.5 ? ` in ${pick(places)}.` : ".");
  const versions: Record<string, string[]> = {};
  for (let i = 0; i < 90; i++)
    versions[`f${String(i).padStart(2, "0")}.txt`] = [text(), text(), i % 7 === 0 ? "" : text()];
  return { versions };
}

test("buckets large enough to keep their clustering between edits cluster as from scratch", () => {
  const story = largeBucketStory();
  for (const seed of [1, 2]) {
    const played = play(story, seed);
    const scratch = fresh(played, story);
    const perBucket = new Map<string, number>();
    for (const g of scratch.figureGroups())
      for (const m of g.members) {
        const key = `${m.frame.quantity}|${m.frame.scope}|${m.frame.extra}`;
        perBucket.set(key, (perBucket.get(key) ?? 0) + 1);
      }
    assert.ok(Math.max(...perBucket.values()) >= 64, "a bucket of at least 64 figures (corpus.ts KEPT_CLUSTERING_MIN)");
    assertSame(played, scratch);
  }
});

/** Many files giving a count of one incident (one large group), with their numbers, words and sources edited. */
function largeGroupStory(): Story {
  const random = rng(11);
  const sources = ["Police", "Reuters", "The ministry", "Witnesses"];
  const text = () => {
    const day = random() < 0.5 ? `On ${1 + Math.floor(random() * 3)} May 2025, ` : "";
    const who = sources[Math.floor(random() * sources.length)]!;
    const qualifier = ["", "about ", "more than ", "at least "][Math.floor(random() * 4)]!;
    const n = 10 * (1 + Math.floor(random() * 12));
    const second = random() < 0.3 ? ` Later, officials said ${n + 5} people were killed in Lagos.` : "";
    return `${day}${who} said ${qualifier}${n} people were killed in Lagos.${second}`;
  };
  const versions: Record<string, string[]> = {};
  for (let i = 0; i < 80; i++)
    versions[`g${String(i).padStart(2, "0")}.txt`] = [text(), text(), text(), i % 9 === 0 ? "" : text()];
  return { versions };
}

test("a large group's figure contradictions, kept between edits, equal those from scratch", () => {
  const story = largeGroupStory();
  for (const seed of [1, 2]) {
    const played = play(story, seed);
    const scratch = fresh(played, story);
    const largest = Math.max(...scratch.figureGroups().map((g) => g.members.length));
    assert.ok(largest >= 64, "a group of at least 64 figures (corpus.ts KEPT_CONFLICTS_MIN)");
    assert.ok(
      scratch.contradictions().some((c) => c.kind === "figure"),
      "figure contradictions to compare",
    );
    assertSame(played, scratch);
  }
});

/**
 * Plays a story one step at a time and compares with a corpus built from scratch on the current
 * texts after every `every`-th step (not only at the end): each incremental change must equal a
 * build from scratch, whatever came before it.
 */
function playChecked(story: Story, seed: number, every: number): number {
  const random = rng(seed);
  const played = createCorpus();
  const current = new Map<string, string>();
  const queues = Object.entries(story.versions).map(([file, texts]) => texts.map((t) => [file, t] as [string, string]));
  let checked = 0;
  for (let step = 0; queues.some((q) => q.length > 0); step++) {
    const open = queues.filter((q) => q.length > 0);
    const [file, text] = open[Math.floor(random() * open.length)]!.shift()!;
    if (text === "") {
      played.remove(file);
      current.delete(file);
    } else {
      played.set(file, text).figures.forEach((_, k) => played.settledFigureGroupOf(file, k));
      current.set(file, text);
    }
    if (step % every !== 0) continue;
    const scratch = createCorpus();
    for (const [f, t] of current) scratch.set(f, t);
    assert.deepEqual(played.contradictionParts().flat(), scratch.contradictions(), `step ${step}`);
    assert.deepEqual(played.figureGroups(), scratch.figureGroups(), `step ${step}`);
    checked++;
  }
  return checked;
}

/** Files of one large bucket edited in turn: numbers retyped (swapped in place), then words and figures changed. */
function largeBucketEdits(): Story {
  const places = ["Lagos", "Niamey", "Kano", "Abuja"];
  const random = rng(23);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const count = () => 10 + Math.floor(random() * 90);
  // A sentence before the figures moves them: a new version's first figure may sort after the old one's.
  const text = () =>
    (random() < 0.5 ? "The report came out on Monday. " : "") +
    `Police said ${count()} people were arrested in ${pick(places)}. ` +
    (random() < 0.5 ? `Witnesses said ${count()} people were arrested in ${pick(places)}.` : "");
  const versions: Record<string, string[]> = {};
  for (let i = 0; i < 70; i++) {
    const first = text();
    const second = text();
    versions[`k${String(i).padStart(2, "0")}.txt`] = [first, vary(first, random), second, i % 5 === 0 ? "" : second];
  }
  return { versions };
}

test("each edit of a bucket with a kept clustering regroups as from scratch, numbers retyped in place or not", () => {
  const story = largeBucketEdits();
  const scratch = createCorpus();
  for (const [file, texts] of Object.entries(story.versions)) scratch.set(file, texts[0]!);
  const perBucket = new Map<string, number>();
  for (const g of scratch.figureGroups())
    for (const { frame } of g.members) {
      const key = `${frame.quantity}|${frame.scope}|${frame.extra}`;
      perBucket.set(key, (perBucket.get(key) ?? 0) + 1);
    }
  assert.ok(Math.max(...perBucket.values()) >= 64, "a bucket of at least 64 figures (corpus.ts KEPT_CLUSTERING_MIN)");
  let checked = 0;
  for (const seed of [1, 2]) checked += playChecked(story, seed, 9);
  assert.ok(checked > 40, "compared after many steps");
});

/** Denials and assertions of one class about pairs of states, coming, going and retyped. */
function stanceEdits(): Story {
  const states = ["Chad", "Niger", "Nigeria", "Mali", "Sudan"];
  const random = rng(31);
  const pick = () => states[Math.floor(random() * states.length)]!;
  const sentence = () => {
    const [x, y] = [pick(), pick()];
    const r = random();
    if (r < 0.3) return `${x} has denied sending troops to ${y}.`;
    if (r < 0.6) return `French officials said ${x} had deployed ${100 + Math.floor(random() * 900)} troops to ${y}.`;
    if (r < 0.8) return `${x}'s government dismissed the report that it sent troops to ${y} as false.`;
    return `Reuters reported that ${x} sent troops to ${y} in May.`;
  };
  const text = () => [sentence(), sentence(), sentence()].join(" ");
  const versions: Record<string, string[]> = {};
  for (let i = 0; i < 30; i++) {
    const first = text();
    versions[`s${String(i).padStart(2, "0")}.txt`] = [first, vary(first, random), text(), i % 6 === 0 ? "" : text()];
  }
  return { versions };
}

test("each edit that brings or takes denials and assertions judges the stance contradictions as from scratch", () => {
  let checked = 0;
  let stance = 0;
  for (const seed of [1, 2]) {
    checked += playChecked(stanceEdits(), seed, 2);
    const scratch = createCorpus();
    for (const [file, texts] of Object.entries(stanceEdits().versions))
      if (texts.at(-1)) scratch.set(file, texts.at(-1)!);
    stance += scratch.contradictions().filter((c) => c.kind === "stance").length;
  }
  assert.ok(checked > 100, "compared after every other step");
  assert.ok(stance > 0, "the story has stance contradictions");
});

test("stance edits between steps of one pass (a statement seen by a judgement, then taken out) equal those from scratch", () => {
  const story = stanceEdits();
  for (const seed of [5, 6, 7, 8, 9, 10, 11, 12]) {
    const random = rng(seed);
    const played = createCorpus();
    const current = new Map<string, string>();
    const queues = Object.entries(story.versions).map(([file, texts]) =>
      texts.map((t) => [file, t] as [string, string]),
    );
    while (queues.some((q) => q.length > 0)) {
      const open = queues.filter((q) => q.length > 0);
      const [file, text] = open[Math.floor(random() * open.length)]!.shift()!;
      if (text === "") played.remove(file);
      else played.set(file, text);
      if (text === "") current.delete(file);
      else current.set(file, text);
      for (let k = Math.floor(random() * 4); k > 0 && played.contradictionStep(); k--);
    }
    while (played.contradictionStep());
    const scratch = createCorpus();
    for (const [f, t] of current) scratch.set(f, t);
    assert.deepEqual(played.contradictions(), scratch.contradictions(), `seed ${seed}`);
  }
});

test("edits recorded when asked across files give the settled groups and results of edits recorded at once", () => {
  for (const [story, seed] of [
    [{ versions: WRITTEN }, 11],
    [largeBucketEdits(), 12],
  ] as Array<[Story, number]>) {
    const random = rng(seed);
    const deferred = createCorpus();
    const eager = createCorpus({ deferRecords: false });
    const files = Object.keys(story.versions);
    let compared = 0;
    for (let round = 0; round < 3; round++) {
      for (const file of files) {
        const text = story.versions[file]![round];
        if (text === undefined) continue;
        if (text === "") {
          deferred.remove(file);
          eager.remove(file);
          continue;
        }
        const analysis = deferred.set(file, text);
        assert.equal(eager.set(file, text).figures.length, analysis.figures.length);
        assert.equal(deferred.analysis(file), analysis, "the new version's analysis is answered before it is recorded");
        assert.ok(deferred.isTextOf(file, text));
        analysis.figures.forEach((_, k) => {
          const settled = deferred.settledFigureGroupOf(file, k);
          const expected = eager.settledFigureGroupOf(file, k);
          assert.deepEqual(groupShape(settled), groupShape(expected), `${file} figure ${k}`);
          if (expected) compared++;
        });
        // Cross-file work now and then, as the server runs it in pauses between edits.
        if (random() < 0.3) {
          while (deferred.contradictionStep());
          while (eager.contradictionStep());
        }
      }
    }
    assert.ok(compared > 0, "some settled groups were compared");
    assertSame(deferred, eager);
  }
});

/** What a figure's diagnostic reads of its group: label and files. */
function groupShape(group: FigureGroup | undefined): { label: string; files: string[] } | undefined {
  return group && { label: group.label, files: [...new Set(group.members.map((m) => m.file))].sort() };
}

/**
 * As play, each change recorded either from its text or from its extract, made apart and passed
 * through a structured clone (as a worker thread sends it), by a draw from `seed`.
 */
function playExtracts(story: Story, seed: number): Corpus {
  const random = rng(seed);
  const c = createCorpus({ keepAnalysis: () => false });
  const queues = Object.entries(story.versions).map(([file, texts]) => texts.map((t) => [file, t] as [string, string]));
  let i = 0;
  while (queues.some((q) => q.length > 0)) {
    const open = queues.filter((q) => q.length > 0);
    const [file, text] = open[Math.floor(random() * open.length)]!.shift()!;
    if (text === "") c.remove(file);
    else if (random() < 0.6) c.setExtract(file, structuredClone(extractDocument(text, true)));
    else c.set(file, text);
    if (i++ % 3 === 0) c.contradictions();
  }
  return c;
}

for (const [name, story] of STORIES) {
  test(
    `a corpus recorded from extracts sent through a structured clone equals one from texts: ${name}`,
    { skip: story ? false : "../shared/corpus/seeds is absent" },
    () => {
      let contradictions = 0;
      for (const seed of [11, 12, 13]) {
        const played = playExtracts(story!, seed);
        const scratch = fresh(played, story!);
        assertSame(played, scratch);
        contradictions += scratch.contradictions().length;
      }
      assert.ok(contradictions > 0, "the story has contradictions to compare");
    },
  );
}

test("an extract of the text a document was recorded from changes nothing", () => {
  const c = createCorpus({ keepAnalysis: () => false });
  const text = WRITTEN[Object.keys(WRITTEN)[0]!]!.at(-1)!;
  c.set("a.txt", text);
  const revision = c.revision;
  c.setExtract("a.txt", structuredClone(extractDocument(text, true)));
  assert.equal(c.revision, revision);
  c.setExtract("a.txt", structuredClone(extractDocument(text.replace(/\d/, "9") + " ", true)));
  assert.ok(c.revision > revision, "another text is recorded");
});

test("a corpus that keeps no state for changes (incremental: false, the CLI's) gives what an incremental one gives", () => {
  let largestOfLargeGroup = 0;
  for (const [name, story] of [
    ["a large group", largeGroupStory()],
    ["a large bucket", largeBucketEdits()],
    ["the seeds", seedStory()],
  ] as Array<[string, Story | undefined]>) {
    if (!story) continue;
    const final = Object.entries(story.versions).filter(([, texts]) => texts.at(-1) !== "");
    const incremental = createCorpus({ keepAnalysis: () => false });
    const oneShot = createCorpus({ keepAnalysis: () => false, incremental: false });
    for (const [file, texts] of final) {
      incremental.set(file, texts.at(-1)!);
      oneShot.set(file, texts.at(-1)!);
    }
    assert.deepEqual(oneShot.contradictions(), incremental.contradictions());
    assert.deepEqual(oneShot.figureGroups(), incremental.figureGroups());
    for (const [file] of final)
      for (let k = 0; k < 8; k++) assert.deepEqual(oneShot.figureGroupOf(file, k), incremental.figureGroupOf(file, k));
    if (name === "a large group")
      largestOfLargeGroup = Math.max(...incremental.figureGroups().map((g) => g.members.length));
  }
  assert.ok(
    largestOfLargeGroup >= 64,
    "the incremental corpus kept state for this story (corpus.ts KEPT_CONFLICTS_MIN)",
  );
});
