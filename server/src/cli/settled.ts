// What the CLI's reports read of a corpus once every input is analysed, made then: the
// contradictions, the figure groups and each figure's group. The corpus itself can then go — its
// records, stance index and kept clusterings are there for documents that change, which the CLI's
// never do (on 10,000 files the stance index alone is about a hundred MB while reports are written).
import type { Contradiction, Corpus, FigureGroup } from "../engine";

/** The corpus results the reports read (a settled corpus, or a live one). */
export type CorpusResults = Pick<Corpus, "files" | "figureGroups" | "figureGroupOf" | "contradictions">;

/**
 * The results of `corpus` as they are now, for files with the given numbers of figures. The
 * lists given back are the same arrays at every call: their readers do not change them.
 */
export function settledResults(corpus: Corpus, figureCounts: ReadonlyMap<string, number>): CorpusResults {
  const contradictions = corpus.contradictions();
  // Copies of the groups: the corpus keeps each group's clustering and conflict state in weak maps
  // keyed by the group itself, which the group would keep alive.
  const copies = new Map<FigureGroup, FigureGroup>();
  const own = (group: FigureGroup | undefined) => {
    if (!group) return undefined;
    let copy = copies.get(group);
    if (!copy) copies.set(group, (copy = { ...group }));
    return copy;
  };
  const groups = new Map<string, Array<FigureGroup | undefined>>();
  for (const [file, count] of figureCounts) {
    const ofFile: Array<FigureGroup | undefined> = new Array(count);
    for (let i = 0; i < count; i++) ofFile[i] = own(corpus.figureGroupOf(file, i));
    groups.set(file, ofFile);
  }
  const figureGroups = corpus.figureGroups().map(own) as FigureGroup[];
  const files = corpus.files();
  return new SettledResults(files, figureGroups, groups, contradictions);
}

class SettledResults implements CorpusResults {
  constructor(
    private readonly fileList: string[],
    private readonly groups: FigureGroup[],
    private readonly groupsByFile: ReadonlyMap<string, ReadonlyArray<FigureGroup | undefined>>,
    private readonly list: Contradiction[],
  ) {}

  files(): string[] {
    return this.fileList;
  }

  figureGroups(): FigureGroup[] {
    return this.groups;
  }

  figureGroupOf(file: string, figureIndex: number): FigureGroup | undefined {
    return this.groupsByFile.get(file)?.[figureIndex];
  }

  contradictions(): Contradiction[] {
    return this.list;
  }
}
