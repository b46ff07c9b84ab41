// The server's view of the corpus: which text each file has (the editor's text for open
// documents, the disk's for the rest), which files were skipped and why, and a debounced
// "corpus changed" event for everything derived across files (conflicts, lenses, views).
import { createCorpus, type Analysis, type Contradiction, type Corpus } from "../engine";
import { LineMaps, type LineMap } from "./convert";
import { describeError, type Logger } from "./safe";

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
    if (this.byFileCache?.generation !== this.generation) {
      const value = new Map<string, Contradiction[]>();
      for (const contradiction of this.contradictions()) {
        for (const file of new Set(contradiction.members.map((m) => m.file))) {
          let list = value.get(file);
          if (!list) value.set(file, (list = []));
          list.push(contradiction);
        }
      }
      this.byFileCache = { generation: this.generation, value };
    }
    return this.byFileCache.value.get(uri) ?? [];
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
    this.pendingFiles.add(uri);
    if (this.held === 0) this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.debounceMs);
  }
}
