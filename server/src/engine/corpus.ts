// The corpus: every document's analysis, kept current incrementally, and the cross-file results
// (figure groups, contradictions, actor index) derived from them. Only buckets of figures that a
// change touches are regrouped; stance statements are extracted once per document version.
import { documentDate } from "./dates";
import type { ActorIndexEntry, Analysis, Contradiction, FigureGroup, FigureMember } from "./types";
import { analyze } from "./analyze";
import { figureConflicts } from "./figureConflicts";
import { extractStatements, stanceConflicts, type Statement } from "./stance";
import { covering, within } from "./spans";
import { bucketKey, clusterByFrame, type LinkItem } from "./link";
import { frameLabel, frameSlug, isLinkable } from "./frames";

export interface Corpus {
  /** Adds or replaces a document. With a version or text equal to the cached one, nothing is recomputed. */
  set(file: string, text: string, version?: number): Analysis;
  remove(file: string): boolean;
  has(file: string): boolean;
  files(): string[];
  analysis(file: string): Analysis | undefined;
  figureGroups(): FigureGroup[];
  /** The cross-file group of a document's figure (by its index in `analysis.figures`), if it has one. */
  figureGroupOf(file: string, figureIndex: number): FigureGroup | undefined;
  contradictions(): Contradiction[];
  actorIndex(): ReadonlyMap<string, ActorIndexEntry>;
}

interface DocEntry {
  version?: number;
  text: string;
  analysis: Analysis;
  members: FigureMember[];
  /** Bucket key of each figure (owner|thing|extra), "" when it is not specific enough to link. */
  buckets: string[];
  statements: Statement[];
}

export function createCorpus(): Corpus {
  return new CorpusImpl();
}

class CorpusImpl implements Corpus {
  private readonly docs = new Map<string, DocEntry>();
  private readonly bucketMembers = new Map<string, Set<string>>(); // bucket -> files contributing
  private readonly dirtyBuckets = new Set<string>();
  /** Buckets regrouped since their figure contradictions were last computed. */
  private readonly conflictsStale = new Set<string>();
  private readonly groupsByBucket = new Map<string, FigureGroup[]>();
  private readonly figureConflictsByBucket = new Map<string, Contradiction[]>();
  /** Per bucket, the figure contradictions of each group by subject, with what they were computed from. */
  private readonly conflictsByGroup = new Map<string, Map<string, GroupConflicts>>();
  private stanceCache: Contradiction[] | undefined;
  private actorCache: Map<string, ActorIndexEntry> | undefined;

  set(file: string, text: string, version?: number): Analysis {
    const cached = this.docs.get(file);
    if (cached && ((version !== undefined && cached.version === version) || cached.text === text)) {
      cached.version = version;
      return cached.analysis;
    }
    const analysis = analyze(text);
    const members = toMembers(file, analysis);
    const buckets = analysis.figures.map((f) => (isLinkable(f.frame) ? bucketKey(f.frame) : ""));
    if (cached) this.detach(file, cached);
    const entry: DocEntry = { text, analysis, members, buckets, statements: extractStatements(file, analysis), ...(version !== undefined ? { version } : {}) };
    this.docs.set(file, entry);
    this.attach(file, entry);
    return analysis;
  }

  remove(file: string): boolean {
    const cached = this.docs.get(file);
    if (!cached) return false;
    this.detach(file, cached);
    this.docs.delete(file);
    return true;
  }

  has(file: string): boolean {
    return this.docs.has(file);
  }

  files(): string[] {
    return [...this.docs.keys()];
  }

  analysis(file: string): Analysis | undefined {
    return this.docs.get(file)?.analysis;
  }

  figureGroups(): FigureGroup[] {
    this.refreshBuckets();
    return [...this.groupsByBucket.values()].flat().sort((a, b) => b.members.length - a.members.length || a.subject.localeCompare(b.subject));
  }

  figureGroupOf(file: string, figureIndex: number): FigureGroup | undefined {
    const doc = this.docs.get(file);
    const bucket = doc?.buckets[figureIndex];
    if (!doc || !bucket) return undefined;
    this.refreshBuckets();
    const member = doc.members[figureIndex]!;
    return this.groupsByBucket.get(bucket)?.find((g) => g.members.some((m) => m.file === file && m.start === member.start));
  }

  contradictions(): Contradiction[] {
    this.refreshBuckets();
    this.refreshFigureConflicts();
    if (!this.stanceCache) {
      // Documents in file order: the result does not depend on the order they were added in.
      const all = [...this.docs.entries()].sort((x, y) => cmp(x[0], y[0])).flatMap(([, d]) => d.statements);
      this.stanceCache = stanceConflicts(all);
    }
    const figures = [...this.figureConflictsByBucket.entries()].sort((x, y) => cmp(x[0], y[0])).flatMap(([, list]) => list);
    return [...figures, ...this.stanceCache];
  }

  actorIndex(): ReadonlyMap<string, ActorIndexEntry> {
    if (!this.actorCache) this.actorCache = buildActorIndex(this.docs);
    return this.actorCache;
  }

  private attach(file: string, entry: DocEntry): void {
    for (const b of entry.buckets) {
      if (!b) continue;
      let set = this.bucketMembers.get(b);
      if (!set) this.bucketMembers.set(b, (set = new Set()));
      set.add(file);
      this.dirtyBuckets.add(b);
    }
    this.stanceCache = undefined;
    this.actorCache = undefined;
  }

  private detach(file: string, entry: DocEntry): void {
    for (const b of entry.buckets) {
      if (!b) continue;
      this.bucketMembers.get(b)?.delete(file);
      this.dirtyBuckets.add(b);
    }
    this.stanceCache = undefined;
    this.actorCache = undefined;
  }

  private refreshBuckets(): void {
    for (const b of this.dirtyBuckets) {
      const files = this.bucketMembers.get(b);
      const members: LinkItem[] = [];
      for (const f of files ?? []) {
        const doc = this.docs.get(f)!;
        doc.buckets.forEach((bk, i) => {
          if (bk === b) members.push({ member: doc.members[i]!, frame: doc.members[i]!.frame, salience: doc.analysis.salience });
        });
      }
      if (members.length === 0) {
        this.groupsByBucket.delete(b);
        this.figureConflictsByBucket.delete(b);
        this.conflictsByGroup.delete(b);
        this.bucketMembers.delete(b);
        continue;
      }
      this.groupsByBucket.set(b, groupsOf(members));
      this.conflictsStale.add(b);
    }
    this.dirtyBuckets.clear();
  }

  // Apart from the regrouping: a figure's group is asked for on every edit, and comparing the
  // values of a large group costs far more than forming it. A group with the same subject, label
  // and member figures as before keeps its contradictions: one edited file changes few groups of
  // a large bucket.
  private refreshFigureConflicts(): void {
    for (const b of this.conflictsStale) {
      const groups = this.groupsByBucket.get(b);
      if (!groups) continue;
      const previous = this.conflictsByGroup.get(b);
      const next = new Map<string, GroupConflicts>();
      this.figureConflictsByBucket.set(b, groups.flatMap((g) => {
        const origins = originsOf.get(g)!;
        const before = previous?.get(g.subject);
        const conflicts = before && before.label === g.label && sameFigures(before.origins, origins) ? before.conflicts : conflictsOfGroup(g);
        next.set(g.subject, { label: g.label, origins, conflicts });
        return conflicts;
      }));
      this.conflictsByGroup.set(b, next);
    }
    this.conflictsStale.clear();
  }
}

interface GroupConflicts {
  label: string;
  /** The documents' own member objects the group was formed from, in the group's order. */
  origins: readonly FigureMember[];
  conflicts: Contradiction[];
}

/** The documents' member objects each group's members were copied from. */
const originsOf = new WeakMap<FigureGroup, readonly FigureMember[]>();

/** The groups of one bucket: linked by frame compatibility, each named by the slug of its most specific frame. */
function groupsOf(items: LinkItem[]): FigureGroup[] {
  const used = new Set<string>();
  return clusterByFrame(items).map((cluster) => {
    const frame = cluster[0]!.frame;
    let subject = frameSlug(frame);
    for (let n = 2; used.has(subject); n++) subject = `${frameSlug(frame)}-${n}`;
    used.add(subject);
    const origins = cluster.map((x) => x.member).sort((a, b) => cmp(a.file, b.file) || a.start - b.start);
    const group = { subject, label: frameLabel(frame), members: origins.map((m) => ({ ...m, subject })) };
    originsOf.set(group, origins);
    return group;
  });
}

function conflictsOfGroup(group: FigureGroup): Contradiction[] {
  const c = comparable(group);
  return c ? figureConflicts(c) : [];
}

/** The same member objects in the same order (a document's members are replaced whenever its text changes). */
function sameFigures(a: readonly FigureMember[], b: readonly FigureMember[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The members whose values may be compared. A count of people something happened to (a quantity
 * class) is compared across the group. A thing counted (troops, drones) is compared only between
 * files that place it themselves: a navy's total and the ships seen near an island are both "ships".
 */
function comparable(group: FigureGroup): FigureGroup | undefined {
  const frame = group.members[0]!.frame;
  if (frame.classified) return group;
  const placed = (m: FigureMember) => m.frame.places.length > 0 && m.frame.levels.places !== "document";
  const unitScoped = frame.extra !== "" && !/^(additional|per-[a-z]+)(-(additional|per-[a-z]+))*$/.test(frame.extra);
  if (!unitScoped && !group.members.some(placed)) return undefined;
  const filesWithPlace = new Set(group.members.filter((m) => unitScoped || placed(m)).map((m) => m.file));
  return { ...group, members: group.members.filter((m) => filesWithPlace.has(m.file)) };
}

function toMembers(file: string, analysis: Analysis): FigureMember[] {
  const docDate = documentDate(analysis);
  return analysis.figures.map((f) => {
    const claim = covering(analysis.claims, f.start);
    const sentence = analysis.sentences[f.sentence]!;
    const date = claim?.date?.text ?? within(analysis.dates, sentence.start, sentence.end)[0]?.text ?? docDate;
    return {
      file,
      start: f.start,
      end: f.end,
      text: f.text,
      value: f.value,
      ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}),
      qualifier: f.qualifier,
      unit: f.unit,
      subject: f.subject,
      frame: f.frame,
      source: claim?.source?.text ?? null,
      ...(claim?.source?.canonical ? { sourceCanonical: claim.source.canonical } : {}),
      date: date ?? null,
    };
  });
}


function buildActorIndex(docs: Map<string, DocEntry>): Map<string, ActorIndexEntry> {
  const index = new Map<string, ActorIndexEntry>();
  for (const [file, doc] of docs) {
    for (const a of doc.analysis.actors) {
      if (!a.canonical) continue;
      let e = index.get(a.canonical);
      if (!e) index.set(a.canonical, (e = { canonical: a.canonical, name: a.name, kind: a.kind, spellings: [], mentions: [], claims: [] }));
      if (!e.spellings.includes(a.text)) e.spellings.push(a.text);
      e.mentions.push({ file, start: a.start, end: a.end, text: a.text });
    }
    for (const c of doc.analysis.claims) {
      const id = c.source?.canonical;
      if (!id) continue;
      index.get(id)?.claims.push({ file, start: c.start, end: c.end, text: c.text });
    }
  }
  return index;
}
