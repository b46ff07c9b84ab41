// The corpus: a compact record of every document (what cross-file work needs: figure members with
// their frames, stance statements, actor-index rows), kept current incrementally, and the
// cross-file results derived from them (figure groups, contradictions, actor index). A change
// touches only the changed document's figure groups and statements: a figure edit that keeps
// every frame patches its groups in place; one that changes a frame regroups only the buckets
// where its figures' frames changed (the others are patched in place);
// figure contradictions are recomputed only for the groups whose members changed; stance
// contradictions only for the denial clusters that could see the change (stance.ts).
import { claimGivingFigure } from "./figureSource";
import { documentDate } from "./dates";
import type {
  ActorIndexEntry,
  Analysis,
  Claim,
  Contradiction,
  FigureGroup,
  FigureMember,
  Frame,
  Salience,
} from "./types";
import { compactCopy, internArray, internString, keptString } from "./intern";
import {
  actorRowData,
  actorRowsFrom,
  actorRowsOf,
  canonicalsOf,
  sourcedClaims,
  forClaimsOf,
  forMentionsOf,
  NO_ACTOR_ROWS,
  type ActorRowData,
  type ActorRows,
} from "./actorRows";
import { analyze } from "./analyze";
import { figureConflicts, GroupConflicts } from "./figureConflicts";
import {
  extractStatements,
  keptStatements,
  StanceIndex,
  statementData,
  type Statement,
  type StatementData,
} from "./stance";
import { within } from "./spans";
import { cyrb53 } from "./hash";
import { bucketKey, clusterByFrame, FrameClusters, type ItemsChange, type LinkItem } from "./link";
import { frameLabel, frameSlug, isLinkable } from "./frames";

export interface CorpusOptions {
  /**
   * Whether the whole analysis of a file is kept (default: every file's). A file whose analysis is
   * not kept is held only as its compact record: `analysis(file)` is then undefined.
   */
  keepAnalysis?: (file: string) => boolean;
  /** Whether actor rows are kept for actorIndex / actorEntry (default true; the CLI never asks). */
  actorIndex?: boolean;
  /**
   * Whether a new version of a recorded document whose analysis is kept (an edited open document)
   * is recorded only when something asks across files (default true): its analysis is answered at
   * once, its record (figure members, actor rows, relinking) made by the next cross-file query or
   * step, once for the versions set meanwhile. Its settled groups are answered without it.
   */
  deferRecords?: boolean;
  /**
   * Whether large buckets and groups keep their clustering and judgement state so that a change
   * redoes only what it touched (default true). A corpus whose documents are all set before it is
   * first asked and never change after (the CLI's) keeps none: the same results, less memory.
   */
  incremental?: boolean;
}

export interface Corpus {
  /** Adds or replaces a document. With a version or text equal to the recorded one, nothing is recomputed. */
  set(file: string, text: string, version?: number): Analysis;
  /**
   * Records a document from its extract (see extractDocument), as `set` records its text, without
   * keeping an analysis: for a document whose analysis is not kept, analysed elsewhere.
   */
  setExtract(file: string, extract: DocumentExtract): void;
  remove(file: string): boolean;
  has(file: string): boolean;
  files(): string[];
  /** The document's analysis, when the corpus keeps it (see CorpusOptions.keepAnalysis). */
  analysis(file: string): Analysis | undefined;
  /** Whether `text` is the text the document's record was made from (compared by length and hash). */
  isTextOf(file: string, text: string): boolean;
  /** Lets go of a document's whole analysis, keeping its record (a document closed in an editor). */
  release(file: string): void;
  /** Grows whenever a document is added, replaced or removed. */
  readonly revision: number;
  figureGroups(): FigureGroup[];
  /** The cross-file group of a document's figure (by its index in `analysis.figures`), if it has one. */
  figureGroupOf(file: string, figureIndex: number): FigureGroup | undefined;
  /**
   * As figureGroupOf, without regrouping anything (for an edited file's diagnostics, which never
   * wait for cross-file work): while the figure's bucket waits to be regrouped, the group of the
   * figure with the same frame in the document's last grouped version, if there was one.
   */
  settledFigureGroupOf(file: string, figureIndex: number): FigureGroup | undefined;
  contradictions(): Contradiction[];
  /**
   * The same contradictions in parts (one per figure group with some, groups in bucket-key
   * order, then one per denial cluster with a stance contradiction): their concatenation is `contradictions()`. A part whose contents did not change since
   * the last call is the same array, so a consumer follows changes by comparing arrays.
   */
  contradictionParts(): ReadonlyArray<readonly Contradiction[]>;
  /**
   * One step of the work `contradictionParts` would do now (one bucket regrouped, one bucket's
   * figure contradictions judged, one denial cluster judged); false when none is left. A caller can
   * spread that work over turns of its event loop; the results are those of `contradictionParts`.
   */
  contradictionStep(): boolean;
  actorIndex(): ReadonlyMap<string, ActorIndexEntry>;
  /** One entry of the actor index, built from the records of the files that mention it. */
  actorEntry(canonical: string): ActorIndexEntry | undefined;
}

/** What the corpus keeps of a document. */
interface DocRecord {
  file: string;
  /** Order of first insertion (the actor index follows it). */
  seq: number;
  version?: number;
  /** Length and hash of the analysed text. */
  textKey: string;
  /** The whole analysis, only when kept. */
  analysis?: Analysis;
  members: FigureMember[];
  /** Bucket key of each figure (quantity|scope|extra), "" when it is not specific enough to link. */
  buckets: string[];
  salience: Salience;
  actors: ActorRows;
  /** What linking reads of the document (frames, buckets, salience), computed when first compared. */
  linkKey?: string;
  /** The members of the document's last version whose figures were grouped, while this one waits. */
  settledFrom?: FigureMember[];
  /** Per figure, its counterpart in `settledFrom` (same bucket and frame), computed when first asked. */
  counterparts?: Array<FigureMember | undefined>;
}

export function createCorpus(options: CorpusOptions = {}): Corpus {
  return new CorpusImpl(
    options.keepAnalysis ?? (() => true),
    options.actorIndex ?? true,
    options.deferRecords ?? true,
    options.incremental ?? true,
  );
}

class CorpusImpl implements Corpus {
  private readonly docs = new Map<string, DocRecord>();
  private nextSeq = 0;
  revision = 0;
  private sortedFiles: string[] | undefined;
  private readonly bucketMembers = new Map<string, Set<string>>(); // bucket -> files contributing
  private readonly dirtyBuckets = new Set<string>();
  /** Buckets whose groups changed since their figure contradictions were last gathered. */
  private readonly conflictsStale = new Set<string>();
  private readonly groupsByBucket = new Map<string, FigureGroup[]>();
  /** What linkItemsOf found changed in a bucket with a kept clustering since its last call for it. */
  private itemsChanged: ItemsChange | undefined;
  /** Per bucket with a kept clustering, each file's items for it, with the record they were read from, and their count. */
  private readonly itemsByBucket = new Map<string, KeptItems>();
  /**
   * Per bucket, the files whose figures in it changed since it was last grouped (regrouped, or
   * swapped in place): a kept clustering reads only their items again.
   */
  private readonly changedFiles = new Map<string, Set<string>>();
  /** The clustering of each large bucket, kept so that an edit clusters again only what it changed. */
  private readonly clustersByBucket = new Map<string, FrameClusters>();
  /** Per bucket, the kept figure contradictions of each of its large groups, by subject. */
  private readonly conflictsKept = new Map<string, Map<string, GroupConflicts>>();
  /** Per bucket, the figure contradictions of each of its groups that has some (one part each). */
  private readonly figureConflictsByBucket = new Map<string, ReadonlyArray<readonly Contradiction[]>>();
  /** The keys of figureConflictsByBucket in order, sorted again only when a bucket comes or goes. */
  private conflictBuckets: string[] | undefined;
  private figureConflictList: Contradiction[] | undefined;
  private figureConflictParts: Array<readonly Contradiction[]> | undefined;
  /** The group each document member object (the origin of a group member) sits in, through a
   *  slot per group: patching a group replaces the slot's group, not every member's entry. */
  private readonly slotOfMember = new WeakMap<FigureMember, { group: FigureGroup }>();
  private readonly stance = new StanceIndex();
  /** The stance contradictions, one part per denial cluster with one (StanceIndex.conflictParts). */
  private stanceParts: ReadonlyArray<readonly Contradiction[]> = [];
  private stanceList: Contradiction[] | undefined;
  /** Statements changed since the stance parts were made. */
  /**
   * Kept analyses whose stance statements the stance index has not taken yet: they feed only the
   * contradictions, so an edit leaves them to the next time contradictions are asked for.
   */
  private readonly statementsPending = new Map<string, Analysis>();
  private stanceStale = true;
  /**
   * Per canonical id, the records with rows for it; a record replaced or removed since stays until
   * the list is next read or half of it is such (a Set of files per id cost more to fill).
   */
  private readonly actorDocs = new Map<string, { docs: DocRecord[]; gone: number }>();
  private readonly actorEntries = new Map<string, ActorIndexEntry | undefined>();
  private actorCache: Map<string, ActorIndexEntry> | undefined;
  /** Versions of recorded documents set but not recorded yet, in the order first set (see CorpusOptions.deferRecords). */
  private readonly unrecorded = new Map<string, Unrecorded>();

  /** Buckets of at least this many figures keep their clustering between edits. */
  private readonly keptClusteringMin: number;
  /** Groups of at least this many figures keep what their figure contradictions were judged from. */
  private readonly keptConflictsMin: number;

  constructor(
    private readonly keepAnalysis: (file: string) => boolean,
    private readonly keepActors: boolean,
    private readonly deferRecords: boolean,
    incremental: boolean,
  ) {
    // A corpus that is not incremental keeps no bucket's clustering and no group's judgement state.
    this.keptClusteringMin = incremental ? KEPT_CLUSTERING_MIN : Infinity;
    this.keptConflictsMin = incremental ? KEPT_CONFLICTS_MIN : Infinity;
  }

  set(file: string, text: string, version?: number): Analysis {
    const cached = this.docs.get(file);
    const waiting = this.unrecorded.get(file);
    const latest = waiting ?? cached;
    // The same version is the same text: the text is hashed only when that does not already tell.
    const textKey = latest && version !== undefined && latest.version === version ? latest.textKey : textKeyOf(text);
    if (waiting?.textKey === textKey) {
      waiting.version = version;
      return waiting.analysis;
    }
    if (waiting) {
      // Set again before it was recorded: the recorded version is the base of the next one.
      this.unrecorded.delete(file);
      this.revision++;
    }
    if (cached && cached.textKey === textKey) {
      cached.version = version;
      if (cached.analysis) return cached.analysis;
      const analysis = analyze(text);
      if (this.keepAnalysis(file)) cached.analysis = analysis;
      return analysis;
    }
    const analysis = analyze(text);
    if (cached && this.deferRecords && this.keepAnalysis(file)) {
      this.unrecorded.set(file, { analysis, textKey, ...(version !== undefined ? { version } : {}) });
      this.revision++;
      return analysis;
    }
    this.record(file, cached, analysis, textKey, version);
    this.revision++;
    return analysis;
  }

  /** Records the versions set and not recorded yet (before anything reads records or groups). */
  private recordWaiting(): void {
    for (const [file, { analysis, textKey, version }] of this.unrecorded) {
      this.unrecorded.delete(file);
      this.record(file, this.docs.get(file), analysis, textKey, version);
    }
  }

  setExtract(file: string, extract: DocumentExtract): void {
    const cached = this.docs.get(file);
    if (this.unrecorded.delete(file)) this.revision++;
    // The text it was recorded from: only a kept analysis is let go.
    if (cached && cached.textKey === extract.textKey) {
      this.letGoOfAnalysis(file, cached);
      return;
    }
    const textOf = claimTextsOf(extract);
    const record = newRecord(file, extract.textKey, cached?.seq ?? this.nextSeq++, undefined, {
      members: extract.members.map((m) => keptMember(file, m)),
      buckets: extract.buckets.map((b) => internString(b, 200)),
      salience: sharedSalience(extract.salience),
      actors: this.keepActors && extract.actors ? actorRowsFrom(extract.actors, textOf) : NO_ACTOR_ROWS,
    });
    this.recordWith(file, cached, record, undefined, () => keptStatements(file, extract.statements, textOf));
    this.revision++;
  }

  /** Replaces a document's record by one of `analysis`, relinking what its figures changed. */
  private record(
    file: string,
    cached: DocRecord | undefined,
    analysis: Analysis,
    textKey: string,
    version: number | undefined,
  ): void {
    const record = recordOf(file, textKey, analysis, cached?.seq ?? this.nextSeq++, version, this.keepActors);
    const kept = this.keepAnalysis(file) ? analysis : undefined;
    this.recordWith(file, cached, record, kept, () => statementsOf(file, analysis));
  }

  /**
   * Puts a document's new record in place of its cached one, relinking what its figures changed.
   * The statements of a kept analysis wait until contradictions are asked for.
   */
  private recordWith(
    file: string,
    cached: DocRecord | undefined,
    record: DocRecord,
    analysis: Analysis | undefined,
    statements: () => Statement[],
  ): void {
    if (analysis) record.analysis = analysis;
    if (!cached) this.attachFigures(file, record);
    else if (!this.patchGroups(cached, record)) {
      const settledFrom = this.settledMembersOf(cached);
      if (settledFrom) record.settledFrom = settledFrom;
      this.relink(file, cached, record);
    }
    if (!cached) this.sortedFiles = undefined;
    this.docs.set(file, record);
    if (analysis) this.statementsPending.set(file, analysis);
    else {
      this.statementsPending.delete(file);
      this.stance.set(file, statements());
    }
    this.stanceStale = true;
    this.updateActors(cached, record);
    // A replaced record can stay where it is dropped lazily (an actor's list, a bucket's kept items,
    // until the bucket is regrouped): not with its document's whole analysis (a file edited 60
    // times among 10,000 kept 49 MB of them).
    if (cached) delete cached.analysis;
  }

  /** The members of a document's last version whose figures were grouped, if any. */
  private settledMembersOf(doc: DocRecord): FigureMember[] | undefined {
    const grouped = doc.members.some((m, i) => doc.buckets[i] && this.slotOfMember.has(m));
    return grouped ? doc.members : doc.settledFrom;
  }

  remove(file: string): boolean {
    const cached = this.docs.get(file);
    if (!cached) return false;
    this.unrecorded.delete(file);
    this.detachFigures(file, cached);
    this.docs.delete(file);
    this.sortedFiles = undefined;
    this.statementsPending.delete(file);
    this.stance.set(file, []);
    this.stanceStale = true;
    this.updateActors(cached, undefined);
    this.revision++;
    return true;
  }

  has(file: string): boolean {
    return this.docs.has(file);
  }

  files(): string[] {
    return [...this.docs.keys()];
  }

  analysis(file: string): Analysis | undefined {
    return this.unrecorded.get(file)?.analysis ?? this.docs.get(file)?.analysis;
  }

  isTextOf(file: string, text: string): boolean {
    const latest = this.unrecorded.get(file) ?? this.docs.get(file);
    return latest !== undefined && latest.textKey === textKeyOf(text);
  }

  release(file: string): void {
    this.recordWaiting();
    const doc = this.docs.get(file);
    if (doc) this.letGoOfAnalysis(file, doc);
  }

  /** Keeps only a document's record: the statements of its kept analysis go to the stance index first. */
  private letGoOfAnalysis(file: string, doc: DocRecord): void {
    this.takeStatements(file);
    delete doc.analysis;
  }

  figureGroups(): FigureGroup[] {
    this.recordWaiting();
    this.refreshBuckets();
    return [...this.groupsByBucket.values()]
      .flat()
      .sort((a, b) => b.members.length - a.members.length || a.subject.localeCompare(b.subject));
  }

  figureGroupOf(file: string, figureIndex: number): FigureGroup | undefined {
    this.recordWaiting();
    const doc = this.docs.get(file);
    const member = doc?.buckets[figureIndex] ? doc.members[figureIndex] : undefined;
    if (!member) return undefined;
    this.refreshBuckets();
    return this.slotOfMember.get(member)?.group;
  }

  settledFigureGroupOf(file: string, figureIndex: number): FigureGroup | undefined {
    const doc = this.docs.get(file);
    const waiting = this.unrecorded.get(file);
    if (doc && waiting) return this.groupBeforeRecord(doc, waiting, figureIndex);
    const bucket = doc?.buckets[figureIndex];
    if (!doc || !bucket) return undefined;
    if (!this.dirtyBuckets.has(bucket)) return this.slotOfMember.get(doc.members[figureIndex]!)?.group;
    if (!doc.settledFrom) return undefined;
    doc.counterparts ??= counterparts(doc.members, (i) => doc.buckets[i] !== "", doc.settledFrom);
    const before = doc.counterparts[figureIndex];
    return before ? this.slotOfMember.get(before)?.group : undefined;
  }

  /**
   * The settled group of a figure of a version not recorded yet: that of its counterpart (same
   * frame) in the document's last grouped version, as settledFigureGroupOf gives once it is
   * recorded (a group patched in place then holds the new member; it has the same label and files).
   */
  private groupBeforeRecord(doc: DocRecord, waiting: Unrecorded, figureIndex: number): FigureGroup | undefined {
    const figure = waiting.analysis.figures[figureIndex];
    if (!figure || !isLinkable(figure.frame)) return undefined;
    if (!waiting.counterparts) {
      const before = this.settledMembersOf(doc) ?? [];
      const figures = waiting.analysis.figures;
      waiting.counterparts = counterparts(figures, (i) => isLinkable(figures[i]!.frame), before);
    }
    const before = waiting.counterparts[figureIndex];
    return before ? this.slotOfMember.get(before)?.group : undefined;
  }

  contradictions(): Contradiction[] {
    this.contradictionParts();
    this.figureConflictList ??= this.figureConflictParts!.flat();
    this.stanceList ??= this.stanceParts.flat();
    return [...this.figureConflictList, ...this.stanceList];
  }

  contradictionStep(): boolean {
    this.recordWaiting();
    const bucket = first(this.dirtyBuckets);
    if (bucket !== undefined) {
      this.refreshBucket(bucket);
      this.dirtyBuckets.delete(bucket);
      return true;
    }
    const stale = first(this.conflictsStale);
    if (stale !== undefined) {
      this.refreshFigureConflictsOf(stale);
      this.conflictsStale.delete(stale);
      return true;
    }
    if (!this.stanceStale) return false;
    this.takePendingStatements();
    if (!this.stance.step(this.filesInOrder())) this.refreshStance();
    return true;
  }

  contradictionParts(): ReadonlyArray<readonly Contradiction[]> {
    this.recordWaiting();
    this.refreshBuckets();
    this.refreshFigureConflicts();
    if (!this.figureConflictParts) {
      this.conflictBuckets ??= [...this.figureConflictsByBucket.keys()].sort(cmp);
      const parts: Array<readonly Contradiction[]> = [];
      for (const b of this.conflictBuckets) for (const part of this.figureConflictsByBucket.get(b)!) parts.push(part);
      this.figureConflictParts = parts;
      this.figureConflictList = undefined;
    }
    if (this.stanceStale) this.refreshStance();
    return [...this.figureConflictParts, ...this.stanceParts];
  }

  private refreshStance(): void {
    this.takePendingStatements();
    // Documents in file order: the result does not depend on the order they were added in.
    const parts = this.stance.conflictParts(this.filesInOrder());
    if (!sameItems(this.stanceParts, parts)) {
      this.stanceParts = parts;
      this.stanceList = undefined;
    }
    this.stanceStale = false;
  }

  actorIndex(): ReadonlyMap<string, ActorIndexEntry> {
    this.recordWaiting();
    if (!this.actorCache) {
      this.actorCache = new Map();
      for (const canonical of this.actorDocs.keys()) {
        const entry = this.actorEntry(canonical);
        if (entry) this.actorCache.set(canonical, entry);
      }
      // In the order of first mention across documents in insertion order, as entries are formed.
      this.actorCache = new Map(
        [...this.actorCache.entries()].sort((x, y) => firstMention(this.docs, x[1]) - firstMention(this.docs, y[1])),
      );
    }
    return this.actorCache;
  }

  actorEntry(canonical: string): ActorIndexEntry | undefined {
    this.recordWaiting();
    if (this.actorEntries.has(canonical)) return this.actorEntries.get(canonical);
    const docs = this.currentActorDocs(canonical).sort((x, y) => x.seq - y.seq);
    let entry: ActorIndexEntry | undefined;
    for (const doc of docs) {
      const file = doc.file;
      forMentionsOf(doc.actors, canonical, ({ name, kind, text }, start, end) => {
        if (!entry) entry = { canonical, name, kind, spellings: [], mentions: [], claims: [] };
        if (!entry.spellings.includes(text)) entry.spellings.push(text);
        entry.mentions.push({ file, start, end, text });
      });
      // A claim counts once its source was mentioned in this or an earlier document.
      if (entry)
        forClaimsOf(doc.actors, canonical, (text, start, end) => entry!.claims.push({ file, start, end, text }));
    }
    this.actorEntries.set(canonical, entry);
    return entry;
  }

  /** The current records with rows for `canonical` (the list is cleared of others). */
  private currentActorDocs(canonical: string): DocRecord[] {
    const list = this.actorDocs.get(canonical);
    if (!list) return [];
    if (list.gone > 0) this.dropGone(canonical, list);
    return [...list.docs];
  }

  private dropGone(canonical: string, list: { docs: DocRecord[]; gone: number }): void {
    list.docs = list.docs.filter((d) => this.docs.get(d.file) === d);
    list.gone = 0;
    if (list.docs.length === 0) this.actorDocs.delete(canonical);
  }

  private takePendingStatements(): void {
    for (const file of [...this.statementsPending.keys()]) this.takeStatements(file);
  }

  /** Gives the stance index the statements of a document's kept analysis, if it has not had them. */
  private takeStatements(file: string): void {
    const analysis = this.statementsPending.get(file);
    if (!analysis) return;
    this.statementsPending.delete(file);
    this.stance.set(file, statementsOf(file, analysis));
  }

  private filesInOrder(): string[] {
    if (!this.sortedFiles) this.sortedFiles = [...this.docs.keys()].sort(cmp);
    return this.sortedFiles;
  }

  private updateActors(before: DocRecord | undefined, after: DocRecord | undefined): void {
    if (before && before.actors.rows.length > 0) {
      for (const canonical of canonicalsOf(before.actors)) {
        this.actorEntries.delete(canonical);
        const list = this.actorDocs.get(canonical);
        if (!list) continue;
        if (takeOutIfRecent(list.docs, before)) {
          if (list.docs.length === 0) this.actorDocs.delete(canonical);
        } else if (++list.gone * 2 > list.docs.length) this.dropGone(canonical, list);
      }
    }
    if (after && after.actors.rows.length > 0) {
      for (const canonical of canonicalsOf(after.actors)) {
        const list = this.actorDocs.get(canonical);
        if (list) list.docs.push(after);
        else this.actorDocs.set(canonical, { docs: [after], gone: 0 });
        if (this.actorEntries.size > 0) this.actorEntries.delete(canonical);
      }
    }
    this.actorCache = undefined;
  }

  private attachFigures(file: string, record: DocRecord): void {
    for (const b of record.buckets) {
      if (!b) continue;
      let set = this.bucketMembers.get(b);
      if (!set) this.bucketMembers.set(b, (set = new Set()));
      set.add(file);
      this.markDirty(b, file);
    }
  }

  private detachFigures(file: string, record: DocRecord): void {
    for (const b of record.buckets) {
      if (!b) continue;
      this.bucketMembers.get(b)?.delete(file);
      this.markDirty(b, file);
    }
  }

  /**
   * A new version whose figures link exactly as before (same buckets, frames and salience: a
   * number retyped, words edited around the figures) keeps its groups: its members are swapped
   * in place, as regrouping would place them. False when the groups must be formed again.
   */
  private patchGroups(before: DocRecord, after: DocRecord): boolean {
    if (before.members.length === 0 && after.members.length === 0) return true;
    if (linkKeyOf(before) !== linkKeyOf(after)) return false;
    if (before.buckets.some((b) => b && this.dirtyBuckets.has(b))) return false;
    const pairs: Array<[number, number]> = [];
    before.buckets.forEach((b, i) => {
      if (b) pairs.push([i, i]);
    });
    return this.swapMembers(before, after, pairs);
  }

  /**
   * A new version whose figures link differently: a bucket where the document's figures keep
   * their frames, in order, and the document its salience, keeps its groups (members swapped in
   * place, as in patchGroups); the others are regrouped when a group is next asked for.
   */
  private relink(file: string, before: DocRecord, after: DocRecord): void {
    const was = new Set(before.buckets.filter((b) => b));
    const now = new Set(after.buckets.filter((b) => b));
    for (const b of was) {
      if (now.has(b)) continue;
      this.bucketMembers.get(b)?.delete(file);
      this.markDirty(b, file);
    }
    const sameSalience = JSON.stringify(before.salience) === JSON.stringify(after.salience);
    for (const b of now) {
      let set = this.bucketMembers.get(b);
      if (!set) this.bucketMembers.set(b, (set = new Set()));
      set.add(file);
      if (!(sameSalience && was.has(b) && this.swapBucket(b, before, after))) this.markDirty(b, file);
    }
  }

  private markDirty(b: string, file: string): void {
    this.dirtyBuckets.add(b);
    this.markChanged(b, file);
  }

  /** Records that `file`'s figures in bucket `b` are other objects now (a kept clustering reads them again). */
  private markChanged(b: string, file: string): void {
    let files = this.changedFiles.get(b);
    if (!files) this.changedFiles.set(b, (files = new Set()));
    files.add(file);
  }

  /** Swaps the document's members of bucket `b` in place when they link as before; false if not. */
  private swapBucket(b: string, before: DocRecord, after: DocRecord): boolean {
    if (this.dirtyBuckets.has(b)) return false;
    const was = indicesOf(before.buckets, b);
    const now = indicesOf(after.buckets, b);
    if (was.length !== now.length) return false;
    for (let k = 0; k < was.length; k++)
      if (frameJson(before.members[was[k]!]!.frame) !== frameJson(after.members[now[k]!]!.frame)) return false;
    return this.swapMembers(
      before,
      after,
      was.map((i, k) => [i, now[k]!]),
    );
  }

  /**
   * Puts `after`'s members in the places of `before`'s in their groups, for the pairs of figure
   * indexes given (all in clean buckets); false, changing nothing, when one is in no group.
   */
  private swapMembers(before: DocRecord, after: DocRecord, pairs: Array<[number, number]>): boolean {
    // Per group: its bucket and which of its origin members the new version replaces.
    const swaps = new Map<FigureGroup, { bucket: string; swap: Map<FigureMember, FigureMember> }>();
    for (const [i, j] of pairs) {
      const bucket = before.buckets[i]!;
      const group = this.slotOfMember.get(before.members[i]!)?.group;
      if (!group) return false;
      let entry = swaps.get(group);
      if (!entry) swaps.set(group, (entry = { bucket, swap: new Map() }));
      this.markChanged(bucket, after.members[j]!.file);
      entry.swap.set(before.members[i]!, after.members[j]!);
    }
    for (const [group, { bucket, swap }] of swaps) {
      const members = group.members.slice();
      const origins = originsOf.get(group)!.map((m, i) => {
        const next = swap.get(m);
        if (!next) return m;
        members[i] = { ...next, subject: group.subject };
        return next;
      });
      const patched: FigureGroup = { subject: group.subject, label: group.label, members };
      originsOf.set(patched, origins);
      const slot = this.slotOfMember.get(swap.keys().next().value!)!;
      slot.group = patched;
      for (const m of swap.values()) this.slotOfMember.set(m, slot);
      const groups = this.groupsByBucket.get(bucket)!;
      groups[groups.indexOf(group)] = patched;
      this.conflictsStale.add(bucket);
    }
    return true;
  }

  private refreshBuckets(): void {
    for (const b of this.dirtyBuckets) this.refreshBucket(b);
    this.dirtyBuckets.clear();
  }

  /** Groups bucket `b` again (the caller takes it out of dirtyBuckets). */
  private refreshBucket(b: string): void {
    const items = this.linkItemsOf(b);
    this.changedFiles.delete(b);
    if (items.count === 0) {
      this.groupsByBucket.delete(b);
      this.clustersByBucket.delete(b);
      this.itemsByBucket.delete(b);
      this.conflictsKept.delete(b);
      if (this.figureConflictsByBucket.delete(b)) this.figureConflictParts = this.conflictBuckets = undefined;
      this.bucketMembers.delete(b);
      return;
    }
    const previous = this.groupsByBucket.get(b) ?? [];
    const groups = groupsOf(this.clusterBucket(b, items), previous);
    const kept = new Set(previous);
    for (const g of groups) {
      if (kept.has(g)) continue; // its members' slots hold it already
      const slot = { group: g };
      for (const m of originsOf.get(g)!) this.slotOfMember.set(m, slot);
    }
    this.groupsByBucket.set(b, groups);
    this.conflictsStale.add(b);
  }

  /**
   * The figures of a bucket as linking reads them: how many, and all of them when asked. A bucket
   * with a kept clustering keeps each file's items while the file's record stands: only the files
   * changed in it are read again (what changed is left in `itemsChanged`).
   */
  private linkItemsOf(b: string): { count: number; all: () => LinkItem[] } {
    const files = this.bucketMembers.get(b) ?? new Set<string>();
    this.itemsChanged = undefined;
    const kept = this.clustersByBucket.has(b) ? this.itemsByBucket.get(b) : undefined;
    if (!kept) {
      const read: KeptItems = { byFile: new Map(), count: 0 };
      for (const f of files) {
        const doc = this.docs.get(f)!;
        const items = itemsIn(doc, b);
        read.byFile.set(f, { doc, items });
        read.count += items.length;
      }
      if (this.clustersByBucket.has(b)) this.itemsByBucket.set(b, read);
      else this.itemsByBucket.delete(b);
      return { count: read.count, all: () => allItems(read) };
    }
    const change = { files: new Set<string>(), items: [] as LinkItem[] };
    for (const f of this.changedFiles.get(b) ?? []) {
      const entry = kept.byFile.get(f);
      const doc = files.has(f) ? this.docs.get(f) : undefined;
      if (entry?.doc === doc) continue;
      change.files.add(f);
      if (entry) kept.count -= entry.items.length;
      if (!doc) {
        kept.byFile.delete(f);
        continue;
      }
      const items = itemsIn(doc, b);
      kept.byFile.set(f, { doc, items });
      kept.count += items.length;
      for (const x of items) change.items.push(x);
    }
    this.itemsChanged = change satisfies ItemsChange;
    return { count: kept.count, all: () => allItems(kept) };
  }

  private clusterBucket(bucket: string, items: { count: number; all: () => LinkItem[] }): LinkItem[][] {
    if (items.count < this.keptClusteringMin) {
      this.clustersByBucket.delete(bucket);
      this.itemsByBucket.delete(bucket);
      return clusterByFrame(items.all());
    }
    let clusters = this.clustersByBucket.get(bucket);
    if (!clusters) this.clustersByBucket.set(bucket, (clusters = new FrameClusters()));
    return clusters.cluster(items.all, items.count, this.itemsChanged);
  }

  // A group keeps its contradictions (conflictsOf) as long as it is the same object; regrouping
  // carries them over to a group with the same subject, label and member figures as before. A
  // large group that changed is judged again from its kept state (GroupConflicts), by subject.
  private refreshFigureConflicts(): void {
    for (const b of this.conflictsStale) this.refreshFigureConflictsOf(b);
    this.conflictsStale.clear();
  }

  /** Judges the figure contradictions of bucket `b`'s groups again (the caller takes it out of conflictsStale). */
  private refreshFigureConflictsOf(b: string): void {
    const groups = this.groupsByBucket.get(b);
    if (!groups) return;
    const parts = groups.map((g) => this.conflictsOf(b, g)).filter((list) => list.length > 0);
    this.forgetKept(b, groups);
    const before = this.figureConflictsByBucket.get(b);
    if (before && sameItems(before, parts)) return;
    if (!before) this.conflictBuckets = undefined;
    this.figureConflictsByBucket.set(b, parts);
    this.figureConflictParts = undefined;
  }

  private conflictsOf(bucket: string, group: FigureGroup): Contradiction[] {
    let conflicts = conflictsOfGroup.get(group);
    if (conflicts) return conflicts;
    const members = comparableMembers(group);
    let kept = this.conflictsKept.get(bucket)?.get(group.subject);
    if (!kept && members.length >= this.keptConflictsMin) {
      let bySubject = this.conflictsKept.get(bucket);
      if (!bySubject) this.conflictsKept.set(bucket, (bySubject = new Map()));
      bySubject.set(group.subject, (kept = new GroupConflicts()));
    }
    conflicts = kept
      ? kept.update(group.subject, group.label, members)
      : figureConflicts({ subject: group.subject, label: group.label, members });
    conflictsOfGroup.set(group, conflicts);
    return conflicts;
  }

  /** Drops the kept states of a bucket's subjects that are gone or have become small. */
  private forgetKept(bucket: string, groups: readonly FigureGroup[]): void {
    const bySubject = this.conflictsKept.get(bucket);
    if (!bySubject) return;
    const large = new Set(groups.filter((g) => g.members.length >= this.keptConflictsMin).map((g) => g.subject));
    for (const subject of bySubject.keys()) if (!large.has(subject)) bySubject.delete(subject);
    if (bySubject.size === 0) this.conflictsKept.delete(bucket);
  }
}

/**
 * Takes a replaced `record` out of `docs` when it is among the last few: a document recorded again
 * and again (an edited one) is last in the lists of its actors, and its replaced records held its
 * figures, and through them their groups and contradictions, until half the list was such. Others
 * (a workspace's files read again from disk) are dropped later, a list at a time.
 */
function takeOutIfRecent(docs: DocRecord[], record: DocRecord): boolean {
  for (let i = docs.length - 1; i >= Math.max(0, docs.length - RECENT_RECORDS); i--) {
    if (docs[i] !== record) continue;
    docs.splice(i, 1);
    return true;
  }
  return false;
}

const RECENT_RECORDS = 8;

/** The first element of a set, if any. */
function first<T>(set: ReadonlySet<T>): T | undefined {
  for (const x of set) return x;
  return undefined;
}

/** Buckets of at least this many figures keep their clustering between edits (smaller ones are cheap to redo). */
const KEPT_CLUSTERING_MIN = 64;

/** The documents' member objects each group's members were copied from, in the group's order. */
const originsOf = new WeakMap<FigureGroup, readonly FigureMember[]>();
/** Groups of at least this many figures keep what their figure contradictions were judged from. */
const KEPT_CONFLICTS_MIN = 64;
/** The figure contradictions of each group, computed when first asked for. */
const conflictsOfGroup = new WeakMap<FigureGroup, Contradiction[]>();

/**
 * The groups of one bucket from its clusters (linked by frame compatibility), each named by the slug of its most
 * specific frame. A group equal to one of `previous` (same subject, label and member objects) is
 * that group, so its contradictions are not computed again.
 */
function groupsOf(clusters: LinkItem[][], previous: readonly FigureGroup[]): FigureGroup[] {
  const before = new Map(previous.map((g) => [g.subject, g]));
  const used = new Set<string>();
  return clusters.map((cluster) => {
    const frame = cluster[0]!.frame;
    const slug = slugOf(frame);
    let subject = slug;
    for (let n = 2; used.has(subject); n++) subject = `${slug}-${n}`;
    used.add(subject);
    const label = labelOf(frame);
    const old = before.get(subject);
    // A cluster the kept clustering handed out unchanged (the same array) is the group made from it.
    if (old && old.label === label && clusterOf.get(old) === cluster) return old;
    const origins = cluster.map((x) => x.member).sort((a, b) => cmp(a.file, b.file) || a.start - b.start);
    if (old && old.label === label && sameFigures(originsOf.get(old)!, origins)) {
      clusterOf.set(old, cluster);
      return old;
    }
    const group = { subject, label, members: membersWithSubject(origins, subject, old) };
    originsOf.set(group, origins);
    clusterOf.set(group, cluster);
    return group;
  });
}

/**
 * A group's members: its origins with the group's subject. The copies an earlier group of the
 * same subject made of the same origins are taken again (as swapMembers keeps them): a group
 * regrouped after an edit mostly holds the figures it held.
 */
function membersWithSubject(origins: FigureMember[], subject: string, old: FigureGroup | undefined): FigureMember[] {
  const copies = new Map<FigureMember, FigureMember>();
  if (old) originsOf.get(old)!.forEach((origin, i) => copies.set(origin, old.members[i]!));
  return origins.map((m) => copies.get(m) ?? { ...m, subject });
}

/** The cluster each group was last made or confirmed from (a kept clustering's arrays stand while unchanged). */
const clusterOf = new WeakMap<FigureGroup, readonly LinkItem[]>();

/** A frame's slug and label, made once per frame object (frames are shared and never changed). */
const slugs = new WeakMap<Frame, string>();
const labels = new WeakMap<Frame, string>();

function slugOf(frame: Frame): string {
  let slug = slugs.get(frame);
  if (slug === undefined) slugs.set(frame, (slug = frameSlug(frame)));
  return slug;
}

function labelOf(frame: Frame): string {
  let label = labels.get(frame);
  if (label === undefined) labels.set(frame, (label = frameLabel(frame)));
  return label;
}

/** The same member objects in the same order (a document's members are replaced whenever its text changes). */
function sameFigures(a: readonly FigureMember[], b: readonly FigureMember[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/**
 * The members whose values may be compared (the documents' member objects, in the group's order).
 * A count of people something happened to (a quantity class) is compared across the group. A thing
 * counted (troops, drones) is compared only between files that place it themselves: a navy's total
 * and the ships seen near an island are both "ships".
 */
function comparableMembers(group: FigureGroup): readonly FigureMember[] {
  const origins = originsOf.get(group)!;
  const frame = group.members[0]!.frame;
  if (frame.classified) return origins;
  const unitScoped = frame.extra !== "" && !/^(additional|per-[a-z]+)(-(additional|per-[a-z]+))*$/.test(frame.extra);
  if (unitScoped) return origins;
  // A group's members are in file order: each file's members are one run.
  const out: FigureMember[] = [];
  for (let i = 0; i < origins.length;) {
    let end = i;
    let placed = false;
    for (const file = origins[i]!.file; end < origins.length && origins[end]!.file === file; end++)
      placed ||= isPlaced(origins[end]!);
    if (placed) for (let k = i; k < end; k++) out.push(origins[k]!);
    i = end;
  }
  return out;
}

function isPlaced(m: FigureMember): boolean {
  return m.frame.places.length > 0 && m.frame.levels.places !== "document";
}

function recordOf(
  file: string,
  textKey: string,
  analysis: Analysis,
  seq: number,
  version: number | undefined,
  keepActors: boolean,
): DocRecord {
  return newRecord(file, textKey, seq, version, {
    members: toMembers(file, analysis),
    buckets: bucketsOf(analysis),
    salience: analysis.salience,
    actors: keepActors ? actorRowsOf(analysis, keptTextOf(analysis)) : NO_ACTOR_ROWS,
  });
}

function newRecord(
  file: string,
  textKey: string,
  seq: number,
  version: number | undefined,
  parts: Pick<DocRecord, "members" | "buckets" | "salience" | "actors">,
): DocRecord {
  return { file, seq, ...(version !== undefined ? { version } : {}), textKey, ...parts };
}

/** Each figure's bucket key, shared across records (a few distinct keys, tens of thousands of figures). */
function bucketsOf(analysis: Analysis): string[] {
  return analysis.figures.map((f) => (isLinkable(f.frame) ? internString(bucketKey(f.frame), 200) : ""));
}

/**
 * What the corpus records of a document, made from its text apart from any corpus (in a worker
 * thread, perhaps): plain data that a structured clone keeps whole, recorded by
 * `Corpus.setExtract` as `set` records the text. Strings are the document's own copies (a clone
 * makes new ones; the corpus shares them again when it records them).
 */
export interface DocumentExtract {
  textKey: string;
  /** The figure members, without their file. */
  members: MemberFields[];
  buckets: string[];
  salience: Salience;
  /** The actor rows' data, when asked for. */
  actors: ActorRowData | null;
  statements: StatementData[];
  /** The kept text of each claim a statement or an actor row reads, by the claim's index. */
  claimTexts: Array<string | undefined>;
}

/** The extract of a document's text (see DocumentExtract); `actors`: whether actor rows are wanted. */
export function extractDocument(text: string, actors: boolean): DocumentExtract {
  const analysis = analyze(text);
  const statements = statementData(analysis);
  const actorData = actors ? actorRowData(analysis) : null;
  const claimTexts: Array<string | undefined> = [];
  const keep = (index: number) => (claimTexts[index] ??= compactCopy(analysis.claims[index]!.text));
  for (const d of statements) if (d.claim >= 0) keep(d.claim);
  if (actorData) for (const index of sourcedClaims(actorData)) keep(index);
  const docDate = documentDate(analysis);
  return {
    textKey: textKeyOf(text),
    members: analysis.figures.map((f) => memberFields(analysis, f, docDate)),
    buckets: bucketsOf(analysis),
    salience: analysis.salience,
    actors: actorData,
    statements,
    claimTexts,
  };
}

/** A salience made elsewhere (an extract's copy), its lists shared with those of other records. */
function sharedSalience(salience: Salience): Salience {
  const share = (xs: string[]) => internArray(xs.map((x) => internString(x, 200)));
  return { places: share(salience.places), events: share(salience.events), parties: share(salience.parties) };
}

/** A claim's kept text by its index, from an extract's texts. */
function claimTextsOf(extract: DocumentExtract): (index: number) => string {
  return (index) => extract.claimTexts[index]!;
}

/** A document's stance statements as the corpus keeps them (a claim's text copy shared with its actor row). */
function statementsOf(file: string, analysis: Analysis): Statement[] {
  return extractStatements(file, analysis, keptTextOf(analysis));
}

/** One object per distinct frame across records (frames are never changed once made). */
function sharedFrame(frame: Frame): Frame {
  // Made once per frame object: linking compares it next (linkKeyOf).
  const key = frameJson(frame);
  const shared = sharedFrames.get(key);
  if (shared) return shared;
  if (sharedFrames.size < MAX_SHARED) sharedFrames.set(key, frame);
  return frame;
}

const sharedFrames = new Map<string, Frame>();
const MAX_SHARED = 200_000;

/**
 * A claim's text as records keep it: its own copy, made once per claim (statements and actor rows
 * share it), found by the claim's index in its analysis.
 */
function keptTextOf(analysis: Analysis): (claim: Claim, index: number) => string {
  let texts = keptTexts.get(analysis);
  if (!texts) keptTexts.set(analysis, (texts = []));
  return (claim, index) => (texts[index] ??= compactCopy(claim.text));
}

const keptTexts = new WeakMap<Analysis, Array<string | undefined>>();

/** A version of a recorded document set and not recorded yet. */
interface Unrecorded {
  analysis: Analysis;
  textKey: string;
  version?: number;
  /** Per figure, its counterpart in the document's last grouped version, computed when first asked. */
  counterparts?: Array<FigureMember | undefined>;
}

interface KeptItems {
  byFile: Map<string, { doc: DocRecord; items: LinkItem[] }>;
  count: number;
}

function allItems(kept: KeptItems): LinkItem[] {
  const out: LinkItem[] = [];
  for (const { items } of kept.byFile.values()) for (const x of items) out.push(x);
  return out;
}

/** A document's figures in bucket `b`, as linking reads them. */
function itemsIn(doc: DocRecord, b: string): LinkItem[] {
  const out: LinkItem[] = [];
  doc.buckets.forEach((bk, i) => {
    if (bk === b) out.push({ member: doc.members[i]!, frame: doc.members[i]!.frame, salience: doc.salience });
  });
  return out;
}

function indicesOf(buckets: string[], b: string): number[] {
  const out: number[] = [];
  buckets.forEach((x, i) => {
    if (x === b) out.push(i);
  });
  return out;
}

/** Each linkable figure's counterpart among `before`: the next unused one with the same bucket and frame. */
function counterparts(
  figures: ReadonlyArray<{ frame: Frame }>,
  linkable: (index: number) => boolean,
  before: FigureMember[],
): Array<FigureMember | undefined> {
  const unused = new Map<string, FigureMember[]>();
  for (const m of before) {
    const key = bucketKey(m.frame);
    const list = unused.get(key);
    if (list) list.push(m);
    else unused.set(key, [m]);
  }
  return figures.map((f, i) => {
    const list = linkable(i) ? unused.get(bucketKey(f.frame)) : undefined;
    const k = list ? list.findIndex((m) => sameFrame(m.frame, f.frame)) : -1;
    return k >= 0 ? list!.splice(k, 1)[0] : undefined;
  });
}

/** Whether two frames have the same JSON (most differ in a slot, told without walking them). */
function sameFrame(a: Frame, b: Frame): boolean {
  return (
    a.owner === b.owner &&
    a.event === b.event &&
    a.time === b.time &&
    a.places.length === b.places.length &&
    a.places[0] === b.places[0] &&
    sameJson(a, b)
  );
}

/**
 * Whether two values have the same JSON (keys in the same order, undefined ones left out), without
 * making it: an edit's settled groups compare every figure's frame with its counterparts'.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameJson(x ?? null, other[i] ?? null));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  const others = Object.keys(y).filter((k) => y[k] !== undefined);
  return keys.length === others.length && keys.every((k, i) => k === others[i] && sameJson(x[k], y[k]));
}

/** A frame's JSON, made once per frame object (a version's members are the next one's `settledFrom`). */
const frameJsons = new WeakMap<Frame, string>();

function frameJson(frame: Frame): string {
  let json = frameJsons.get(frame);
  if (json === undefined) frameJsons.set(frame, (json = JSON.stringify(frame)));
  return json;
}

/** Everything linking reads of a document: a version with the same key links exactly as the old one. */
function linkKeyOf(record: DocRecord): string {
  if (record.linkKey === undefined) {
    // Each frame's JSON is self-delimiting and made once (counterparts reads it again).
    const frames = record.members.map((m, i) => (record.buckets[i] ? frameJson(m.frame) : "null")).join(",");
    record.linkKey = `${JSON.stringify(record.buckets)}[${frames}]${JSON.stringify(record.salience)}`;
  }
  return record.linkKey;
}

/** Where an actor entry was first formed: the insertion order of the document of its first mention. */
function firstMention(docs: Map<string, DocRecord>, entry: ActorIndexEntry): number {
  const first = entry.mentions[0]!;
  return docs.get(first.file)!.seq * 2 ** 32 + first.start;
}

/** Length and a 53-bit hash of a text (cyrb53): an equal key is taken as the same text. */
function textKeyOf(text: string): string {
  return `${text.length}:${cyrb53(text)}`;
}

type MemberFields = Omit<FigureMember, "file">;

function toMembers(file: string, analysis: Analysis): FigureMember[] {
  const docDate = documentDate(analysis);
  return analysis.figures.map((f) => keptMember(file, memberFields(analysis, f, docDate)));
}

/** What a figure's member says, its strings those of the analysis. */
function memberFields(
  analysis: Analysis,
  f: Analysis["figures"][number],
  docDate: string | null | undefined,
): MemberFields {
  const claim = claimGivingFigure(analysis, f);
  const sentence = analysis.sentences[f.sentence]!;
  const date = claim?.date?.text ?? within(analysis.dates, sentence.start, sentence.end)[0]?.text ?? docDate;
  return {
    start: f.start,
    end: f.end,
    text: f.text,
    value: f.value,
    ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}),
    qualifier: f.qualifier,
    unit: f.unit,
    subject: f.subject,
    frame: f.frame,
    source: claim?.source ? claim.source.text : null,
    ...(claim?.source?.canonical ? { sourceCanonical: claim.source.canonical } : {}),
    date: date ?? null,
  };
}

/** A member as a record keeps it: its strings shared or own copies, its frame shared. */
function keptMember(file: string, m: MemberFields): FigureMember {
  return {
    file,
    start: m.start,
    end: m.end,
    text: keptString(m.text),
    value: m.value,
    ...(m.valueMax !== undefined ? { valueMax: m.valueMax } : {}),
    qualifier: m.qualifier,
    unit: m.unit,
    subject: internString(m.subject, 200),
    frame: sharedFrame(m.frame),
    source: m.source === null ? null : keptString(m.source),
    ...(m.sourceCanonical !== undefined ? { sourceCanonical: internString(m.sourceCanonical, 200) } : {}),
    date: m.date === null ? null : keptString(m.date),
  };
}
