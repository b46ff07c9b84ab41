// The server's view of the corpus: which text each file has (the editor's text for open
// documents, the disk's for the rest), which files were skipped and why, and a debounced
// "corpus changed" event for everything derived across files (conflicts, lenses, views).
// The corpus keeps the whole analysis of open documents only; of a closed file it keeps a compact
// record and the server a line map (line tables, no text). Its text is read again from disk when
// its analysis is asked for; a file changed on disk since it was indexed gives none and is
// reloaded instead.
import { analyze, createCorpus, type Analysis, type Contradiction, type Corpus, type DocumentExtract } from "../engine";
import { LineMaps, spansOverlap } from "./convert";
import { LineTable, type Lines } from "./lineTable";
import { withoutBom } from "./sourceRead";
import { describeError, type Logger } from "./safe";
import { withPretenuring } from "../shared/heap";
import { KnownParts } from "./knownParts";
import { afterWaitingMessages } from "./turns";

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
  isMention(
    member: { file: string; start: number; end: number; text: string },
    uri: string,
    span: { start: number; end: number; text: string },
  ): boolean;
  /** Whether a member's span is valid in the current text of its file. */
  isCurrent(member: { file: string }): boolean;
  /** Whether mentions of `uri` are matched by text (its spans moved since the computation). */
  matchesByText(uri: string): boolean;
  /** How many files changed since the computation: what `isCurrent` says changes only when this grows. */
  staleFiles(): number;
}

export interface CorpusChange {
  generation: number;
  /** Files added, replaced or removed since the previous event. */
  files: string[];
}

/** The disk as the source index sees it (workspace.ts does the reading). */
export interface DiskTexts {
  /** The file's text on disk now (blocking), or undefined when it cannot be read. */
  read(uri: string): string | undefined;
  /** The file changed on disk since it was indexed: read it again. */
  stale(uri: string): void;
}

export class SourceIndex {
  readonly corpus: Corpus;
  private readonly lineMaps = new LineMaps();
  /** Line maps of closed files, made from the text they were indexed with. */
  private readonly closedMaps = new Map<string, LineTable>();
  /** Analyses of closed files made again on demand, most recently used last. */
  private readonly closedAnalyses = new Map<string, Analysis>();
  /** Closed files found changed on disk, reloading. */
  private readonly reloading = new Set<string>();
  private readonly skipped = new Map<string, string>();
  private readonly failed = new Set<string>();
  private readonly listeners: Array<(change: CorpusChange) => void> = [];
  private pendingFiles = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** Cancels the next step of the cross-file work, while it is spread over turns (see `settleStep`). */
  private cancelStep: (() => void) | undefined;
  private held = 0;
  /** When the pending change event was first put off for an edit on its way (see `deferWhile`). */
  private deferredSince: number | undefined;
  private editing: () => boolean = () => false;
  private partsCache: { generation: number; value: ReadonlyArray<readonly Contradiction[]> } | undefined;
  private flatCache: { parts: ReadonlyArray<readonly Contradiction[]>; value: Contradiction[] } | undefined;
  /** The last computed contradictions by file, updated by the parts that changed. */
  private readonly byFile = new ContradictionsByFile();
  private settledCache: { computedAt: number; view: ContradictionView } | undefined;
  private freshCache: { generation: number; view: ContradictionView } | undefined;
  /** Files changed since the contradictions were last computed (a new set per computation). */
  private changedSinceComputed = new Set<string>();
  /** Generation at which each file last changed. */
  private readonly changedAt = new Map<string, number>();
  generation = 0;

  constructor(
    private readonly log: Logger,
    /** The text of a document open in the editor, if it is open. */
    private readonly openText: (uri: string) => string | undefined,
    /** Without a disk to read texts again from, every analysis is kept. */
    private readonly disk?: DiskTexts,
    /**
     * Quiet time after the last change before the event. Short: the recomputation it starts follows
     * the change (tens of ms at 10,000 files), and typing is covered without it — an edit waiting for
     * its analysis puts the event off (`deferWhile`), edits closer than an analysis are coalesced
     * (documents.ts), and edits that come while it runs wait in the queue and are then coalesced.
     */
    private readonly debounceMs = DEBOUNCE_MS,
  ) {
    this.corpus = createCorpus({ keepAnalysis: (uri) => !disk || this.openText(uri) !== undefined });
  }

  /** Analyses `text` as the content of `uri`; false when it failed. Never throws; a failure removes the file. */
  set(uri: string, text: string, version?: number): boolean {
    return this.put(uri, () => {
      const closed = this.disk !== undefined && this.openText(uri) === undefined;
      if (closed) {
        this.lineMaps.forget(uri);
        this.closedMaps.set(uri, new LineTable(withoutBom(text)));
      } else this.closedMaps.delete(uri);
      if (closed && this.corpus.isTextOf(uri, text)) {
        // Closed again with the text it was indexed with: only its whole analysis is let go.
        this.corpus.release(uri);
      } else this.corpus.set(uri, text, version);
    });
  }

  /** Whether closed files are kept as records (then an extract made elsewhere can be set, see setExtract). */
  get recordsClosedFiles(): boolean {
    return this.disk !== undefined;
  }

  /**
   * As `set`, for a closed file read and analysed elsewhere (an indexing worker): its line table and
   * its document's extract are recorded, nothing is analysed here. Only when `recordsClosedFiles`,
   * for a file not open in the editor.
   */
  setExtract(uri: string, lines: LineTable, extract: DocumentExtract): boolean {
    return this.put(uri, () => {
      this.lineMaps.forget(uri);
      this.closedMaps.set(uri, lines);
      this.corpus.setExtract(uri, extract);
    });
  }

  /** Records a new content of `uri` by `record`; false when it failed. Never throws; a failure removes the file. */
  private put(uri: string, record: () => void): boolean {
    this.skipped.delete(uri);
    this.closedAnalyses.delete(uri);
    this.reloading.delete(uri);
    try {
      const revision = this.corpus.revision;
      record();
      if (this.corpus.revision !== revision) this.touch(uri);
      this.failed.delete(uri);
      return true;
    } catch (error) {
      if (!this.failed.has(uri)) this.log.error(`Provenance: analysis of ${uri} failed: ${describeError(error)}`);
      this.failed.add(uri);
      this.removeQuietly(uri);
      return false;
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

  /** The analysis of a file: kept for open documents; for a closed file, made again from its disk text. */
  analysis(uri: string): Analysis | undefined {
    const kept = this.corpus.analysis(uri);
    if (kept || !this.corpus.has(uri)) return kept;
    let analysis = this.closedAnalyses.get(uri);
    if (analysis) this.closedAnalyses.delete(uri);
    else {
      const text = this.closedText(uri);
      if (text === undefined) return undefined;
      analysis = analyze(text);
    }
    remember(this.closedAnalyses, uri, analysis, MAX_CLOSED_ANALYSES);
    return analysis;
  }

  /** Contradictions, computed once per corpus generation. */
  contradictions(): Contradiction[] {
    const parts = this.contradictionParts();
    if (this.flatCache?.parts !== parts) this.flatCache = { parts, value: parts.flat() };
    return this.flatCache.value;
  }

  /**
   * The contradictions in parts (Corpus.contradictionParts), computed once per corpus generation;
   * a part unchanged since the previous computation is the same array.
   */
  contradictionParts(): ReadonlyArray<readonly Contradiction[]> {
    if (this.partsCache?.generation !== this.generation) {
      let value: ReadonlyArray<readonly Contradiction[]> = [];
      try {
        value = withPretenuring(() => this.corpus.contradictionParts());
      } catch (error) {
        this.log.error(`Provenance: computing contradictions failed: ${describeError(error)}`);
      }
      this.partsCache = { generation: this.generation, value };
      this.changedSinceComputed = new Set();
      this.byFile.update(value);
    }
    return this.partsCache.value;
  }

  /** Brings the by-file index of contradictions up to date (the server primes it when idle). */
  indexContradictions(): void {
    this.contradictionParts();
    this.byFile.takePending();
  }

  /** Contradictions with a member in `uri`, in the order of `contradictions()`. */
  contradictionsTouching(uri: string): Contradiction[] {
    this.contradictionParts();
    return this.byFile.touching(uri);
  }

  /** Fresh contradictions (computed now if the corpus changed); one view per computation. */
  freshView(): ContradictionView {
    this.contradictionParts();
    if (this.freshCache?.generation !== this.generation) {
      const view: ContradictionView = {
        fresh: true,
        touching: (uri) => this.byFile.touching(uri),
        isMention: (member, uri, span) => member.file === uri && spansOverlap(member, span),
        isCurrent: () => true,
        matchesByText: () => false,
        staleFiles: () => 0,
      };
      this.freshCache = { generation: this.generation, view };
    }
    return this.freshCache.view;
  }

  /**
   * The last computed contradictions, without recomputing them: cheap right after an edit, for
   * what must answer at once (the edited file's diagnostics, semantic tokens, lenses).
   */
  settledView(): ContradictionView {
    if (!this.partsCache) return this.freshView();
    if (this.partsCache.generation === this.generation) return this.freshView();
    const computedAt = this.partsCache.generation;
    // One view per computation: what it says of a file follows the edits (changedAt), so the
    // per-view indexes features build (lookup.ts) serve every edit until the next recompute.
    if (this.settledCache?.computedAt === computedAt) return this.settledCache.view;
    const changed = (file: string) => (this.changedAt.get(file) ?? 0) > computedAt;
    const stale = this.changedSinceComputed;
    const view: ContradictionView = {
      fresh: false,
      touching: (uri) => this.byFile.touching(uri),
      isMention: (member, uri, span) =>
        member.file === uri && (changed(uri) ? member.text === span.text : spansOverlap(member, span)),
      isCurrent: (member) => !changed(member.file),
      matchesByText: changed,
      staleFiles: () => stale.size,
    };
    this.settledCache = { computedAt, view };
    return view;
  }

  /** The line map for a file: of the editor's text when open (it may carry a BOM), else of the indexed text read again. */
  lineMap(uri: string): Lines | undefined {
    const open = this.openText(uri);
    if (open !== undefined) return this.lineMaps.of(uri, open);
    const kept = this.corpus.analysis(uri);
    if (kept) return this.lineMaps.of(uri, kept.text);
    return this.corpus.has(uri) ? this.closedMaps.get(uri) : undefined;
  }

  /**
   * The disk text of a closed indexed file, when it is still the text the corpus recorded. One
   * that changed since is not used with the old record's offsets: it is reloaded instead.
   */
  private closedText(uri: string): string | undefined {
    if (!this.disk || !this.corpus.has(uri)) return undefined;
    const text = this.disk.read(uri);
    if (text !== undefined && this.corpus.isTextOf(uri, text)) return text;
    if (!this.reloading.has(uri)) {
      this.reloading.add(uri);
      this.disk.stale(uri);
    }
    return undefined;
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

  /**
   * While `editing()` says an open document's edit waits for its analysis, the cross-file work
   * and the change event after it are put off (checked before each step), at most MAX_DEFER_MS: the
   * edited file's diagnostics never wait behind cross-file work, which runs in the pause after the edits.
   */
  deferWhile(editing: () => boolean): void {
    this.editing = editing;
  }

  /** Emits the pending change event now (in tests of the debounce, at the end of the server's warm-up). */
  flush(): void {
    this.cancelPending();
    this.deferredSince = undefined;
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
    this.closedMaps.delete(uri);
    this.closedAnalyses.delete(uri);
    this.reloading.delete(uri);
    if (this.corpus.remove(uri)) this.touch(uri);
  }

  private touch(uri: string): void {
    this.generation++;
    this.changedAt.set(uri, this.generation);
    this.changedSinceComputed.add(uri);
    this.pendingFiles.add(uri);
    if (this.held === 0) this.schedule();
  }

  private schedule(): void {
    this.cancelPending();
    this.timer = setTimeout(() => this.stepSoon(), this.debounceMs);
  }

  private cancelPending(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.cancelStep?.();
    this.cancelStep = undefined;
  }

  private stepSoon(): void {
    this.timer = undefined;
    this.cancelStep = afterWaitingMessages(() => this.settleStep());
  }

  /**
   * After the quiet time, the contradictions are worked out a few steps at a time (one bucket of
   * figures, or one denial cluster: mostly well under a ms each; STEPS_BUDGET_MS per turn), each
   * turn after the messages already read, and only then is the change event emitted (its listeners
   * find the work done). An edit arriving meanwhile waits for one turn's steps, not for the whole recomputation: its analysis and diagnostics
   * run, the steps stop and start again after the next quiet time (nothing done is lost).
   */
  private settleStep(): void {
    this.cancelStep = undefined;
    const now = Date.now();
    if (this.editing() && now - (this.deferredSince ??= now) < MAX_DEFER_MS) {
      this.timer = setTimeout(() => this.stepSoon(), this.debounceMs);
      return;
    }
    if (this.contradictionSteps()) this.cancelStep = afterWaitingMessages(() => this.settleStep());
    else {
      // Cheap now the work is done; an open document whose own publication comes after the event
      // (documents.ts) then reads these contradictions, not the previous ones.
      this.contradictionParts();
      this.flush();
    }
  }

  /**
   * Steps of the cross-file work for up to STEPS_BUDGET_MS (at least one), in one turn: most steps
   * take well under a millisecond, and a turn between each cost more than they did. False when
   * none is left.
   */
  private contradictionSteps(): boolean {
    return withPretenuring(() => {
      const started = performance.now();
      while (this.contradictionStep()) if (performance.now() - started >= STEPS_BUDGET_MS) return true;
      return false;
    });
  }

  /** One step of the corpus's cross-file work; false when none is left (or it failed: the flush reports it). */
  private contradictionStep(): boolean {
    try {
      return this.corpus.contradictionStep();
    } catch (error) {
      this.log.error(`Provenance: computing contradictions failed: ${describeError(error)}`);
      return false;
    }
  }
}

/**
 * Contradictions by the files of their members, kept current from the parts that changed between
 * two computations (a part is replaced whole when anything in it changes): the work of a
 * recomputation is in proportion to the changed parts, not to every contradiction. The index is
 * of parts, not contradictions: a part of a figure group holds many contradictions between the
 * same files (10,000 files: 23,000 file–part pairs against 528,000 file–contradiction pairs). The
 * parts of a computation are taken in when a file's list is first asked for (or the server primes
 * it when idle): the workspace's listing does not wait for this index. A file's list is in the
 * order of the whole list (part, then place in the part), made when first asked.
 */
class ContradictionsByFile {
  private readonly parts = new KnownParts<readonly Contradiction[]>();
  private readonly partsOfFile = new Map<string, Set<readonly Contradiction[]>>();
  /** The files of each part taken in, to take it out of partsOfFile when it goes. */
  private readonly filesOfPart = new Map<readonly Contradiction[], readonly string[]>();
  private lists = new Map<string, Contradiction[]>();
  /** The latest computation's parts, not taken in yet. */
  private pending: ReadonlyArray<readonly Contradiction[]> | undefined;

  update(parts: ReadonlyArray<readonly Contradiction[]>): void {
    this.pending = parts;
  }

  touching(uri: string): Contradiction[] {
    this.takePending();
    let list = this.lists.get(uri);
    if (!list) {
      list = [];
      const parts = [...(this.partsOfFile.get(uri) ?? [])];
      parts.sort((p, q) => this.parts.indexOf(p)! - this.parts.indexOf(q)!);
      for (const part of parts) for (const c of part) if (c.members.some((m) => m.file === uri)) list.push(c);
      this.lists.set(uri, list);
    }
    return list;
  }

  /** Takes in the latest parts: only those that came or went since the last are read. */
  takePending(): void {
    const parts = this.pending;
    if (!parts) return;
    this.pending = undefined;
    const { came, went, moved } = this.parts.take(parts);
    if (came.length === 0 && went.length === 0 && !moved) return;
    for (const part of went) {
      for (const file of this.filesOfPart.get(part) ?? []) {
        const set = this.partsOfFile.get(file);
        if (set?.delete(part) && set.size === 0) this.partsOfFile.delete(file);
      }
      this.filesOfPart.delete(part);
    }
    for (const part of came) {
      const files = filesOf(part);
      this.filesOfPart.set(part, files);
      for (const file of files) {
        let set = this.partsOfFile.get(file);
        if (!set) this.partsOfFile.set(file, (set = new Set()));
        set.add(part);
      }
    }
    this.lists = new Map();
  }
}

/** The files of a part's members; members of one file mostly come together: a run of the same file is looked at once. */
function filesOf(part: readonly Contradiction[]): string[] {
  const files = new Set<string>();
  let last: string | undefined;
  for (const c of part)
    for (const { file } of c.members) {
      if (file === last) continue;
      last = file;
      files.add(file);
    }
  return [...files];
}

/**
 * The default quiet time before the change event (see the constructor). 4 ms saved 11 ms of the
 * typing pause but let cross-file steps run between two edits of one story: the story rows' p95
 * rose from 15–22 to 24–29 ms (200 and 2,000 files, alternating runs).
 */
const DEBOUNCE_MS = 15;

/** How long the cross-file steps run in one turn before waiting messages are let through. */
const STEPS_BUDGET_MS = 2;

/** The longest the change event is put off while edits keep coming. */
const MAX_DEFER_MS = 2000;

/** How many closed files keep an analysis made on demand. */
const MAX_CLOSED_ANALYSES = 8;

/** Puts `value` last in a map used as a small LRU cache, dropping the oldest beyond `max`. */
function remember<T>(cache: Map<string, T>, key: string, value: T, max: number): void {
  cache.set(key, value);
  if (cache.size > max) cache.delete(cache.keys().next().value!);
}
