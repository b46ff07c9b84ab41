// corpusRelations (the CLI's view of a corpus) indexes each file's member spans and answers the
// mentions of one reading with one shared array: its answers and the findings made from them must
// equal those of the plain scan (conflictsAt over every contradiction, a fresh array per mention).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { conflictsAt, corpusRelations, createCorpus, findingsOf, type FileRelations } from "../../server/src/engine";
import { applyConfig } from "../../server/src/shared/config";

const ROOT = join(__dirname, "..", "..");
type Generator = { generateArchive(count: number, bytes: number, seed?: number, perStory?: number): string[] };

test("corpusRelations answers as the plain scan does, for every claim and figure of a generated archive", async () => {
  const { generateArchive } = (await import(pathToFileURL(join(ROOT, "bench", "corpus.mjs")).href)) as Generator;
  const corpus = createCorpus();
  // Few stories for many files: large groups, readings shared by many mentions.
  const files = generateArchive(150, 3000, 11, 30).map((text, i) => {
    const file = `/archive/c${String(i).padStart(3, "0")}.txt`;
    corpus.set(file, text);
    return file;
  });
  const all = corpus.contradictions();
  assert.ok(all.some((c) => c.kind === "figure") && all.some((c) => c.kind === "stance"), "both kinds occur");
  const relationsOf = corpusRelations(corpus);
  const settings = applyConfig(undefined);
  let shared = 0;
  let compared = 0;
  const seen = new Set<object>();
  for (const file of files) {
    const analysis = corpus.analysis(file)!;
    const indexed = relationsOf(file);
    const plain: FileRelations = {
      conflicts: (span, kind) => conflictsAt(all, file, span, kind),
      figureGroup: (index) => corpus.figureGroupOf(file, index),
    };
    for (const [kind, spans] of [
      ["stance", analysis.claims],
      ["figure", analysis.figures],
    ] as const) {
      for (const span of spans) {
        const answer = indexed.conflicts(span, kind);
        assert.deepEqual(answer, plain.conflicts(span, kind), `${file} ${kind} at ${span.start}`);
        if (answer.length > 0) {
          compared++;
          if (seen.has(answer)) shared++;
          seen.add(answer);
        }
      }
    }
    assert.deepEqual(findingsOf(file, analysis, indexed, settings), findingsOf(file, analysis, plain, settings), file);
  }
  assert.ok(compared > 100, `mentions in contradictions: ${compared}`);
  assert.ok(shared > 0, "some answers are shared between mentions of one reading");
});

test("corpusRelations gives the same findings with few shared answers kept, and for a file asked again", async () => {
  const { generateArchive } = (await import(pathToFileURL(join(ROOT, "bench", "corpus.mjs")).href)) as Generator;
  const corpus = createCorpus();
  const files = generateArchive(60, 3000, 5, 20).map((text, i) => {
    const file = `/archive/r${String(i).padStart(3, "0")}.txt`;
    corpus.set(file, text);
    return file;
  });
  const all = corpus.contradictions();
  const settings = applyConfig(undefined);
  const kept = corpusRelations(corpus);
  const few = corpusRelations(corpus, 2);
  let conflicting = 0;
  for (const file of [...files, ...files.slice(0, 10)]) {
    const analysis = corpus.analysis(file)!;
    const plain: FileRelations = {
      conflicts: (span, kind) => conflictsAt(all, file, span, kind),
      figureGroup: (index) => corpus.figureGroupOf(file, index),
    };
    const expected = findingsOf(file, analysis, plain, settings);
    conflicting += expected.filter((f) => f.code === "figure.conflict" || f.code === "stance.conflict").length;
    assert.deepEqual(findingsOf(file, analysis, kept(file), settings), expected, file);
    assert.deepEqual(findingsOf(file, analysis, few(file), settings), expected, `${file}, 2 answers kept`);
  }
  assert.ok(conflicting > 50, `findings from contradictions: ${conflicting}`);
});
