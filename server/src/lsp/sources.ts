// The server's view of the corpus: which text each file has (the editor's text for open
// documents, the disk's for the rest), which files were skipped and why, and a debounced
// "corpus changed" event for everything derived across files (conflicts, lenses, views).
import { createCorpus, type Analysis, type Contradiction, type Corpus } from "../engine";
import { LineMaps, spansOverlap, type LineMap } from "./convert";
import { describeError, type Logger } from "./safe";

/**
 * Contradictions as seen by a feature: fresh (computed for the current corpus) or settled (the
 * last computed, possibly older than the latest edits, never recomputed on the spot). Spans of
 * files changed since a settled computation are stale: their members are matched by text and
 * left out of related locations.
 */
export interface ContradictionView {
  fresh: boolean;
  touching(uri: string): Contradiction[];
  /** Whether `member` stands for the mention `span` of `uri`. */
  isMention(member: { file: string; start: number; end: number; text: string }, uri: string, span: { start: number; end: number; text: string }): boolean;
  /** Whether a member's span is valid in the current text of its file. */
  isCurrent(member: { file: string }): boolean;
  /** Whether mentions of `uri` are matched by text (its spans moved since the computation). */
  matchesByText(uri: string): boolean;
}

export interface CorpusChange {
  generation: number;
  /** Files added, replaced or removed since the previous event. */
  files: string[];
}

export class SourceIndex {
  readonly corpus: Corpus = createCorpus();
  private readonly lineMaps = new LineMaps();
  private readonly skipped = new Map<string, string>();
  private readonly failed = new Set<string>();
  private readonly listeners: Array<(change: CorpusChange) => void> = [];
  private pendingFiles = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private held = 0;
  private contradictionCache: { generation: number; value: Contradiction[] } | undefined;
  private byFileCache: { generation: number; value: Map<string, Contradiction[]> } | undefined;
  /** Generation at which each file last changed. */
  private readonly changedAt = new Map<string, number>();
  generation = 0;

  constructor(
    private readonly log: Logger,
    /** The text of a document open in the editor, if it is open. */
    private readonly openText: (uri: string) => string | undefined,
    private readonly debounceMs = 120,
  ) {}

  /** Analyses `text` as the content of `uri`. Never throws; a failure removes the file. */
  set(uri: string, text: string, version?: number): Analysis | undefined {
    this.skipped.delete(uri);
    const before = this.corpus.analysis(uri);
    try {
      const analysis = this.corpus.set(uri, text, version);
      this.failed.delete(uri);
      if (analysis !== before) this.touch(uri);
      return analysis;
    } catch (error) {
      if (!this.failed.has(uri)) this.log.error(`Provenance: analysis of ${uri} failed: ${describeError(error)}`);
      this.failed.add(uri);
      this.removeQuietly(uri);
      return undefined;
    }
  }

  remove(uri: string): void {
    this.skipped.delete(uri);
    this.failed.delete(uri);
    this.removeQuietly(uri);
  }

  /** Records that a file is skipped; returns true the first time for this file and reason. */
  skip(uri: string, reason: string): boolean {
    this.removeQuietly(uri);
    const first = this.skipped.get(uri) !== reason;
    this.skipped.set(uri, reason);
    return first;
  }

  skipReason(uri: string): string | undefined {
    return this.skipped.get(uri);
  }

  skippedFiles(): string[] {
    return [...this.skipped.keys()];
  }

  has(uri: string): boolean {
    return this.corpus.has(uri);
  }

  files(): string[] {
    return this.corpus.files();
  }

  analysis(uri: string): Analysis | undefined {
    return this.corpus.analysis(uri);
  }

  /** Contradictions, computed once per corpus generation. */
  contradictions(): Contradiction[] {
    if (this.contradictionCache?.generation !== this.generation) {
      let value: Contradiction[] = [];
      try {
        value = this.corpus.contradictions();
      } catch (error) {
        this.log.error(`Provenance: computing contradictions failed: ${describeError(error)}`);
      }
      this.contradictionCache = { generation: this.generation, value };
    }
    return this.contradictionCache.value;
  }

  /** Contradictions with a member in `uri` (indexed once per corpus generation). */
  contradictionsTouching(uri: string): Contradiction[] {
    this.contradictions();
    return this.touchingIndex().get(uri) ?? [];
  }

  /** Fresh contradictions (computed now if the corpus changed). */
  freshView(): ContradictionView {
    this.contradictions();
    const index = this.touchingIndex();
    return {
      fresh: true,
      touching: (uri) => index.get(uri) ?? [],
      isMention: (member, uri, span) => member.file === uri && spansOverlap(member, span),
      isCurrent: () => true,
      matchesByText: () => false,
    };
  }

  /**
   * The last computed contradictions, without recomputing them: cheap right after an edit, for
   * what must answer at once (the edited file's diagnostics, semantic tokens, lenses).
   */
  settledView(): ContradictionView {
    if (!this.contradictionCache) return this.freshView();
    if (this.contradictionCache.generation === this.generation) return this.freshView();
    const computedAt = this.contradictionCache.generation;
    const index = this.touchingIndex();
    const changed = (file: string) => (this.changedAt.get(file) ?? 0) > computedAt;
    return {
      fresh: false,
      touching: (uri) => index.get(uri) ?? [],
      isMention: (member, uri, span) =>
        member.file === uri && (changed(uri) ? member.text === span.text : spansOverlap(member, span)),
      isCurrent: (member) => !changed(member.file),
      matchesByText: changed,
    };
  }

  /** The last computed contradictions indexed by file (rebuilt when they are recomputed). */
  private touchingIndex(): Map<string, Contradiction[]> {
    const computed = this.contradictionCache;
    if (!computed) return new Map();
    if (this.byFileCache?.generation !== computed.generation) {
      const value = new Map<string, Contradiction[]>();
      for (const contradiction of computed.value) {
        for (const file of new Set(contradiction.members.map((m) => m.file))) {
          let list = value.get(file);
          if (!list) value.set(file, (list = []));
          list.push(contradiction);
        }
      }
      this.byFileCache = { generation: computed.generation, value };
    }
    return this.byFileCache.value;
  }

  /** The line map for a file: of the editor's text when open (it may carry a BOM), else the analysed text. */
  lineMap(uri: string): LineMap | undefined {
    const open = this.openText(uri);
    if (open !== undefined) return this.lineMaps.of(uri, open);
    const analysis = this.corpus.analysis(uri);
    return analysis ? this.lineMaps.of(uri, analysis.text) : undefined;
  }

  onDidChange(listener: (change: CorpusChange) => void): void {
    this.listeners.push(listener);
  }

  /** Holds change events back (while indexing) until `release`; nested holds are counted. */
  hold(): void {
    this.held++;
  }

  release(): void {
    this.held = Math.max(0, this.held - 1);
    if (this.held === 0 && this.pendingFiles.size > 0) this.schedule();
  }

  /** Emits the pending change event now (after indexing, in tests of the debounce). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pendingFiles.size === 0) return;
    const change: CorpusChange = { generation: this.generation, files: [...this.pendingFiles] };
    this.pendingFiles = new Set();
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.log.error(`Provenance: corpus change listener failed: ${describeError(error)}`);
      }
    }
  }

  private removeQuietly(uri: string): void {
    this.lineMaps.forget(uri);
    if (this.corpus.remove(uri)) this.touch(uri);
  }

  private touch(uri: string): void {
    this.generation++;
    this.changedAt.set(uri, this.generation);
    this.pendingFiles.add(uri);
    if (this.held === 0) this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.debounceMs);
  }
}
