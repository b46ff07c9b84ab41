// Corpus fuzzing: a random sequence of adds, updates and removes must leave the same cross-file
// results as a fresh corpus of the final documents, added in any order.
import fc from "fast-check";
import { contradictionSummary, createCorpus, type Corpus } from "../../server/src/engine";
import type { Violation } from "./engine";

/** Short documents that share subjects, sources and events, so groups and conflicts form. */
const DOCS = [
  "Officials said Chad has sent as many as 1,000 soldiers to Niger.",
  "Analysts said Chad has sent more than 3,000 troops to Niger.",
  "The ministry said Chad has sent 2,500 troops to Niger.",
  "Iran shipped about 7,777 drones to Russia, officials said.",
  "Iran denied that it shipped drones to Russia.",
  "Tehran said it never shipped drones to Russia, the ministry said.",
  "Kyiv said at least 400 drones were launched by Russia on Monday.",
  "Russia said 5 troops were killed.",
  "Ukraine said 50 Russian troops were killed.",
  "The UN said more than 1.5 million people fled Sudan.",
  "Aid groups said about 900,000 people fled Sudan.",
  "",
];

export type CorpusOp = { op: "set"; file: string; text: string } | { op: "remove"; file: string };

const fileName = fc.constantFrom("a.txt", "b.txt", "c.txt", "d.txt", "e.txt");
const docText = fc.oneof(
  fc.constantFrom(...DOCS),
  fc.tuple(fc.constantFrom(...DOCS), fc.constantFrom(...DOCS)).map(([a, b]) => `${a}\n\n${b}`),
);

export const corpusOps = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant("set" as const), file: fileName, text: docText }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("remove" as const), file: fileName }) },
  ),
  { minLength: 1, maxLength: 25 },
);

/** A permutation seed for the fresh corpus's insertion order. */
export const corpusCase = fc.tuple(corpusOps, fc.nat());

/** What must not depend on history or order: groups (members), contradictions (members, kind). */
function structure(corpus: Corpus): string {
  const groups = corpus
    .figureGroups()
    .map((g) =>
      g.members
        .map((m) => `${m.file}#${m.start}:${m.end}`)
        .sort()
        .join(","),
    )
    .sort();
  const contradictions = corpus
    .contradictions()
    .map(
      (c) =>
        `${c.kind}:${c.members
          .map((m) => `${m.file}#${m.start}:${m.end}/${m.side}`)
          .sort()
          .join(",")}`,
    )
    .sort();
  return JSON.stringify({ groups, contradictions });
}

/** Words chosen from the documents (labels, summaries, names), which must not depend on order either. */
function wording(corpus: Corpus): string {
  const groups = corpus
    .figureGroups()
    .map((g) => `${g.subject}|${g.label}`)
    .sort();
  const summaries = corpus.contradictions().map(contradictionSummary).sort();
  const actors = [...corpus.actorIndex().values()]
    .map((a) => `${a.canonical}|${a.name}|${[...a.spellings].sort().join("/")}`)
    .sort();
  return JSON.stringify({ groups, summaries, actors });
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function checkCorpus([ops, order]: [CorpusOp[], number]): Violation[] {
  const violations: Violation[] = [];
  try {
    const incremental = createCorpus();
    const final = new Map<string, string>();
    for (const op of ops) {
      if (op.op === "set") {
        incremental.set(op.file, op.text);
        final.set(op.file, op.text);
      } else {
        incremental.remove(op.file);
        final.delete(op.file);
      }
      // Reading results between changes exercises the incremental caches.
      if (op.file === "c.txt") incremental.contradictions();
    }
    const fresh = createCorpus();
    for (const [file, text] of shuffled([...final], order)) fresh.set(file, text);
    if (structure(incremental) !== structure(fresh)) {
      violations.push({
        invariant: "incremental equals fresh (groups, conflicts)",
        detail: `${structure(incremental)} vs ${structure(fresh)}`.slice(0, 300),
      });
    }
    if (wording(incremental) !== wording(fresh)) {
      violations.push({
        invariant: "incremental equals fresh (labels, summaries, names)",
        detail: `${wording(incremental)} vs ${wording(fresh)}`.slice(0, 300),
      });
    }
    const files = [...incremental.files()].sort().join(",");
    if (files !== [...final.keys()].sort().join(",")) violations.push({ invariant: "files equal", detail: files });
  } catch (error) {
    violations.push({ invariant: "no throw", detail: String((error as Error)?.stack ?? error).slice(0, 300) });
  }
  return violations;
}
