// The corpus: every document's analysis, kept current incrementally, and the cross-file results
// (figure groups, contradictions, actor index) derived from them. Only buckets of figures that a
// change touches are regrouped; stance statements are extracted once per document version.
import { documentDate } from "./dates";
import type { ActorIndexEntry, Analysis, Contradiction, FigureGroup, FigureMember } from "./types";
import { analyze } from "./analyze";
import { figureConflicts } from "./figureConflicts";
import { extractStatements, stanceConflicts, type Statement } from "./stance";
import { LEX } from "./lexicon";
import { covering, within } from "./spans";
import { memoize } from "./intern";

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
  private readonly groupsByBucket = new Map<string, FigureGroup[]>();
  private readonly figureConflictsByBucket = new Map<string, Contradiction[]>();
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
    const buckets = analysis.figures.map((f) => bucketOf(f.subjectParts));
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
    if (!this.stanceCache) {
      const all = [...this.docs.values()].flatMap((d) => d.statements);
      this.stanceCache = stanceConflicts(all);
    }
    return [...[...this.figureConflictsByBucket.values()].flat(), ...this.stanceCache];
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
      const members: FigureMember[] = [];
      for (const f of files ?? []) {
        const doc = this.docs.get(f)!;
        doc.buckets.forEach((bk, i) => {
          if (bk === b) members.push(doc.members[i]!);
        });
      }
      if (members.length === 0) {
        this.groupsByBucket.delete(b);
        this.figureConflictsByBucket.delete(b);
        this.bucketMembers.delete(b);
        continue;
      }
      const groups = groupByPlace(members);
      this.groupsByBucket.set(b, groups);
      // Without a place or a unit scope a subject is too loose to call values contradictory
      // (a navy's total vs the ships seen near an island).
      const scoped = (g: FigureGroup) => /-in-[a-z]/.test(g.subject) || isUnitScoped(b);
      const placed = new Set(members.filter((m) => placeOf(m) !== "").map((m) => `${m.file}\u0000${m.start}`));
      this.figureConflictsByBucket.set(b, groups.filter(scoped).flatMap((g) => figureConflicts(comparable(g, placed))));
    }
    this.dirtyBuckets.clear();
  }
}

function isUnitScoped(bucket: string): boolean {
  const extra = bucket.split("|")[2] ?? "";
  return extra !== "" && !/^(additional|per-[a-z]+)(-(additional|per-[a-z]+))*$/.test(extra);
}

function bucketOf(p: { thing: string; owner: string; place: string; extra: string }): string {
  if (!p.thing || (!p.owner && !p.place)) return "";
  return `${p.owner}|${p.thing}|${p.extra}`;
}

/** Within a bucket, figures with different places are different subjects; a figure without a place joins the largest group. */
const placeOf = (m: FigureMember) => m.subject.match(/-in-([a-z0-9-]+?)(?:-(?:additional|per-[a-z]+)|$)/)?.[1] ?? "";

/**
 * The members whose values may be compared: those that name the place themselves, and placeless
 * ones from a file that names it for the same subject elsewhere ("…around 2,400 drones to Russia
 * … about 3,000 drones delivered by Iran"). A placeless figure from another file is linked for
 * navigation but never called contradictory: its scope is unknown.
 */
function comparable(group: FigureGroup, placed: Set<string>): FigureGroup {
  const filesWithPlace = new Set(group.members.filter((m) => placed.has(`${m.file}\u0000${m.start}`)).map((m) => m.file));
  return { ...group, members: group.members.filter((m) => filesWithPlace.has(m.file)) };
}

function groupByPlace(members: FigureMember[]): FigureGroup[] {
  const byPlace = new Map<string, FigureMember[]>();
  for (const m of members) {
    const p = placeOf(m);
    if (!byPlace.has(p)) byPlace.set(p, []);
    byPlace.get(p)!.push(m);
  }
  const unplaced = byPlace.get("") ?? [];
  byPlace.delete("");
  const placed = [...byPlace.entries()].sort((a, b) => b[1].length - a[1].length);
  if (placed.length > 0) placed[0]![1].push(...unplaced);
  else if (unplaced.length > 0) placed.push(["", unplaced]);
  return placed.map(([, list]) => {
    const subject = mostCommon(list.filter((m) => placeOf(m) !== "" || list.every((x) => placeOf(x) === "")).map((m) => m.subject)) ?? list[0]!.subject;
    const grouped = list.map((m) => ({ ...m, subject }));
    return { subject, label: labelOf(subject), members: grouped.sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start) };
  });
}

function mostCommon(xs: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/** "north-korea-troops-in-russia" -> "North Korea troops in Russia". */
export const labelOf = memoize(computeLabel, 100_000);

function computeLabel(subject: string): string {
  const parts = subject.replace(/@.*$/, "").split("-");
  const out: string[] = [];
  for (let k = 0; k < parts.length; ) {
    let matched = 0;
    // Country ids span up to five parts ("democratic-republic-of-the-congo"); take the longest.
    for (let len = Math.min(5, parts.length - k); len >= 1 && !matched; len--) {
      const name = LEX.countryNames.get(parts.slice(k, k + len).join("-"));
      if (name) {
        out.push(name);
        matched = len;
      }
    }
    if (!matched) out.push(parts[k]!);
    k += matched || 1;
  }
  return out.join(" ");
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
