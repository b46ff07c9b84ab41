// The corpus: every document's analysis, kept current incrementally, and the cross-file
// results (figure groups, contradictions, actor index) derived from them.
import type { ActorIndexEntry, Analysis, Contradiction, FigureGroup } from "./types";
import { analyze } from "./analyze";

export interface Corpus {
  /** Adds or replaces a document. With a version equal to the cached one, nothing is recomputed. */
  set(file: string, text: string, version?: number): Analysis;
  remove(file: string): boolean;
  has(file: string): boolean;
  files(): string[];
  analysis(file: string): Analysis | undefined;
  figureGroups(): FigureGroup[];
  /** The group a subject belongs to (tolerant matching), if any. */
  figureGroupOf(file: string, figureIndex: number): FigureGroup | undefined;
  contradictions(): Contradiction[];
  actorIndex(): ReadonlyMap<string, ActorIndexEntry>;
}

export function createCorpus(): Corpus {
  const docs = new Map<string, { version?: number; text: string; analysis: Analysis }>();
  return {
    set(file, text, version) {
      const cached = docs.get(file);
      if (cached && version !== undefined && cached.version === version) return cached.analysis;
      if (cached && cached.text === text) return cached.analysis;
      const result = analyze(text);
      docs.set(file, { version, text, analysis: result });
      return result;
    },
    remove: (file) => docs.delete(file),
    has: (file) => docs.has(file),
    files: () => [...docs.keys()],
    analysis: (file) => docs.get(file)?.analysis,
    figureGroups: () => [],
    figureGroupOf: () => undefined,
    contradictions: () => [],
    actorIndex: () => new Map(),
  };
}
