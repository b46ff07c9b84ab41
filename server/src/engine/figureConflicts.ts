// Figure contradictions inside one group: values that cannot all be true once qualifiers are read
// as intervals. Members are first collapsed into readings (value + max + qualifier), so a group of a
// hundred mentions with four distinct readings is judged on four. There is exactly one
// contradiction per conflicting pair of readings: side "a" is one reading's members, side "b" the
// other's. A named source giving incompatible values on different dates is listed on its own as a
// revision (and not again as the plain pair when the two readings are that source alone).
// A reading's member objects are made once per side and shared by every contradiction it takes
// part in: a reading in conflict with ten others is referenced ten times, not copied. A group kept
// between edits (GroupConflicts) judges again only the pairs of readings whose members changed.
// A contradiction keeps its group's label, not its summary: the summary is made from the label and
// the members when a page or report reads it (contradictionSummary), so thousands of long strings
// are not kept for a listing that shows a hundred.
import type { Contradiction, ContradictionMember, FigureGroup, FigureMember } from "./types";
import { compatible, intervalOf, type Interval } from "./intervals";

interface Reading {
  key: string;
  interval: Interval;
  /** In the group's order (file, then start). Replaced, never changed, once published. */
  members: FigureMember[];
  /** Per named source, its first dated member (revisions read them); made when first asked. */
  bySource?: Map<string, FigureMember>;
  /** The contradictions with this reading on side "a", by side "b" (valid while both member lists stand). */
  made: Map<Reading, { a: FigureMember[]; b: FigureMember[]; c: Contradiction }>;
  /** Its members as contradiction members of side "a" and "b", and their shared facts: made when first asked, dropped when its members change. */
  sideA?: ContradictionMember[];
  sideB?: ContradictionMember[];
  facts?: ListFacts;
}

type Side = "a" | "b";

/**
 * A group with more distinct values than this is judged on its most frequent ones: bounded work,
 * and at most 64·63/2 = 2,016 pairs, a list a reader can still page through. Real stories give a
 * handful of readings per quantity; only an archive of generated or scraped counts reaches this.
 */
export const MAX_READINGS = 64;

/** The figure contradictions of a group whose members are in the group's order (file, then start). */
export function figureConflicts(
  group: Omit<FigureGroup, "members"> & { members: readonly FigureMember[] },
): Contradiction[] {
  return new GroupConflicts(false).update(group.subject, group.label, group.members);
}

/**
 * One group's figure contradictions, kept between versions of the group: its readings with their
 * members, the pairs judged and the contradictions made. A new version's members are compared
 * with the last one's (the same member objects stand for the same figures): only the files whose
 * members changed are taken out of and put into readings, only pairs with a changed reading are
 * judged again, and every other contradiction is the same object as before. The result is always
 * what figureConflicts gives on the new members.
 */
export class GroupConflicts {
  private members: readonly FigureMember[] = [];
  private readonly readings = new Map<string, Reading>();
  private label: string | undefined;
  private subject: string | undefined;
  private revisionsMade = new Map<FigureMember, Map<FigureMember, Contradiction>>();

  /** `remember`: the contradictions made are kept for the next version (false for a group judged once). */
  constructor(private readonly remember = true) {}

  /** The contradictions of the group `subject` / `label` with these members (in the group's order). */
  update(subject: string, label: string, members: readonly FigureMember[]): Contradiction[] {
    if (label !== this.label || subject !== this.subject) {
      this.label = label;
      this.subject = subject;
      for (const r of this.readings.values()) r.made.clear();
      this.revisionsMade = new Map();
    }
    if (!this.apply(members)) {
      // Members not in the group's order, or not those last given: judged again from none.
      this.readings.clear();
      this.members = [];
      this.apply(members);
    }
    this.members = members;
    return this.conflicts({ subject, label, members: members as FigureMember[] });
  }

  /** Takes out and puts in the members of the files that changed since the last version (false: it could not). */
  private apply(next: readonly FigureMember[]): boolean {
    const before = this.members;
    const touched = new Set<Reading>();
    let i = 0;
    let j = 0;
    while (i < before.length || j < next.length) {
      if (i < before.length && j < next.length && before[i] === next[j]) {
        i++;
        j++;
        continue;
      }
      const file =
        i >= before.length
          ? next[j]!.file
          : j >= next.length || before[i]!.file <= next[j]!.file
            ? before[i]!.file
            : next[j]!.file;
      for (; i < before.length && before[i]!.file === file; i++) if (!this.take(before[i]!, touched)) return false;
      for (; j < next.length && next[j]!.file === file; j++) this.put(next[j]!, touched);
    }
    for (const r of touched) this.settle(r);
    return true;
  }

  private take(m: FigureMember, touched: Set<Reading>): boolean {
    const r = this.readings.get(readingKey(m));
    const at = r ? r.members.indexOf(m, positionOf(r.members, m)) : -1;
    if (at < 0) return false;
    this.writable(r!, touched).splice(at, 1);
    return true;
  }

  private put(m: FigureMember, touched: Set<Reading>): void {
    const key = readingKey(m);
    let r = this.readings.get(key);
    if (!r) {
      r = { key, interval: intervalOf(m), members: [], made: new Map() };
      this.readings.set(key, r);
      touched.add(r);
    }
    const members = this.writable(r, touched);
    members.splice(positionOf(members, m), 0, m);
  }

  /** The reading's member list, copied once per version before it is changed. */
  private writable(r: Reading, touched: Set<Reading>): FigureMember[] {
    if (!touched.has(r)) {
      touched.add(r);
      r.members = r.members.slice();
    }
    return r.members;
  }

  /** After its members changed: gone when it has none; otherwise what was read of it is dropped. */
  private settle(r: Reading): void {
    if (r.members.length === 0) {
      this.readings.delete(r.key);
      for (const q of this.readings.values()) q.made.delete(r);
      return;
    }
    delete r.bySource;
    r.sideA = r.sideB = r.facts = undefined;
    r.made.clear();
    // Members of a reading share value, maximum and qualifier; the interval is its first member's.
    r.interval = intervalOf(r.members[0]!);
  }

  private conflicts(group: FigureGroup): Contradiction[] {
    const readings = [...this.readings.values()].sort(byWeight).slice(0, MAX_READINGS);
    const n = readings.length;
    if (n < 2) return [];
    const conflicts = readings.map((r, i) => readings.map((q, j) => i !== j && !compatible(r.interval, q.interval)));
    const covered = new Set<number>();
    const out: Contradiction[] = [...this.revisions(group, readings, conflicts, covered)];
    // Side "a" of each pair is the reading that agrees with fewer others: the outlier reads first.
    const order = readings.map((_, i) => i).sort((a, b) => agreeing(conflicts, a) - agreeing(conflicts, b) || a - b);
    const rank: number[] = [];
    order.forEach((i, r) => (rank[i] = r));
    for (const i of order)
      for (let j = 0; j < n; j++) {
        if (!conflicts[i]![j] || rank[j]! < rank[i]! || covered.has(pairKey(i, j, n))) continue;
        out.push(this.pairContradiction(group, readings[i]!, readings[j]!));
      }
    return out;
  }

  /**
   * One source giving incompatible values on different dates. Only readings sharing a named
   * source are paired; they are listed as the pairs of readings in order would list them (then
   * by the source's place in the reading with fewer sources).
   */
  private revisions(
    group: FigureGroup,
    readings: Reading[],
    conflicts: boolean[][],
    covered: Set<number>,
  ): Contradiction[] {
    const out: Contradiction[] = [];
    // Per reading: the dated members of each named source.
    const bySource = readings.map(sourcesOf);
    if (bySource.every((m) => m.size === 0)) {
      this.revisionsMade = new Map();
      return out;
    }
    const made = new Map<FigureMember, Map<FigureMember, Contradiction>>();
    const dates = new Map<string, number>();
    const time = (d: string) => {
      let t = dates.get(d);
      if (t === undefined) dates.set(d, (t = dateValue(d)));
      return t;
    };
    for (const { i, j, x, y } of sourcePairs(bySource, conflicts)) {
      const [early, late] = time(x.date!) <= time(y.date!) ? [x, y] : [y, x];
      const c = this.revisionsMade.get(early)?.get(late) ?? revisionContradiction(group, early, late);
      if (this.remember) {
        let byLate = made.get(early);
        if (!byLate) made.set(early, (byLate = new Map()));
        byLate.set(late, c);
      }
      out.push(c);
      if (readings[i]!.members.length === 1 && readings[j]!.members.length === 1)
        covered.add(pairKey(i, j, readings.length));
    }
    if (this.remember) this.revisionsMade = made;
    return out;
  }

  /** The contradiction of readings `a` and `b` (in sides "a" and "b"), the same object while both stand. */
  private pairContradiction(group: FigureGroup, a: Reading, b: Reading): Contradiction {
    if (!this.remember) return toContradiction(group, a, b);
    const was = a.made.get(b);
    if (was && was.a === a.members && was.b === b.members) return was.c;
    const c = toContradiction(group, a, b);
    a.made.set(b, { a: a.members, b: b.members, c });
    return c;
  }
}

interface SourcePair {
  /** The readings (i < j), the place of the source in the one with fewer sources, its members there (x) and in the other (y). */
  i: number;
  j: number;
  at: number;
  x: FigureMember;
  y: FigureMember;
}

/** The pairs of conflicting readings whose first dated members of one named source differ in date, in order. */
function sourcePairs(bySource: ReadonlyArray<ReadonlyMap<string, FigureMember>>, conflicts: boolean[][]): SourcePair[] {
  const holders = new Map<string, Array<{ reading: number; at: number; member: FigureMember }>>();
  bySource.forEach((sources, reading) => {
    let at = 0;
    for (const [source, member] of sources) {
      const list = holders.get(source);
      if (list) list.push({ reading, at, member });
      else holders.set(source, [{ reading, at, member }]);
      at++;
    }
  });
  const pairs: SourcePair[] = [];
  for (const list of holders.values())
    for (let p = 0; p < list.length; p++)
      for (let q = p + 1; q < list.length; q++) {
        const u = list[p]!;
        const v = list[q]!;
        if (!conflicts[u.reading]![v.reading]) continue;
        // The source as met in the reading with fewer sources (the first of equals).
        const [x, y] = bySource[u.reading]!.size <= bySource[v.reading]!.size ? [u, v] : [v, u];
        if (x.member.date === y.member.date) continue;
        pairs.push({ i: u.reading, j: v.reading, at: x.at, x: x.member, y: y.member });
      }
  return pairs.sort((p, q) => p.i - q.i || p.j - q.j || p.at - q.at);
}

/** Readings by how many members they have, most first; among equals, the first in the group first. */
function byWeight(a: Reading, b: Reading): number {
  return b.members.length - a.members.length || before(a.members[0]!, b.members[0]!);
}

function before(a: FigureMember, b: FigureMember): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start;
}

/** Where `m` goes in a list in the group's order (the first place not before it). */
function positionOf(list: readonly FigureMember[], m: FigureMember): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!, m) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function readingKey(m: FigureMember): string {
  return `${m.value}|${m.valueMax ?? m.value}|${m.qualifier}`;
}

/** The reading's first dated member of each named source. */
function sourcesOf(r: Reading): Map<string, FigureMember> {
  if (!r.bySource) {
    r.bySource = new Map();
    for (const x of r.members) {
      if (!x.date) continue;
      const key = sourceKey(x);
      if (key && !r.bySource.has(key)) r.bySource.set(key, x);
    }
  }
  return r.bySource;
}

/**
 * A revision's figure's member object for side "a" and for side "b", made once and shared by every
 * revision it takes part in (a figure's fields never change; a new version is a new object).
 */
const madeMembers = new WeakMap<FigureMember, Partial<Record<Side, ContradictionMember>>>();

/** A revision's member (revisions of one source share their members). */
function member(m: FigureMember, side: Side): ContradictionMember {
  let sides = madeMembers.get(m);
  if (!sides) madeMembers.set(m, (sides = {}));
  return (sides[side] ??= memberOf(m, side));
}

function memberOf(m: FigureMember, side: Side): ContradictionMember {
  return { file: m.file, start: m.start, end: m.end, text: m.text, side, source: m.source, date: m.date };
}

/** The source and date a reading's members share, worked out once per version of its members. */
function facts(r: Reading): ListFacts {
  const list = r.members;
  if (list.length === 1) return factsOfOne(list[0]!);
  if (!r.facts) {
    let source: string | undefined = sourceKey(list[0]!);
    let date: string | null | undefined = list[0]!.date;
    for (let i = 1; i < list.length && (source !== undefined || date !== undefined); i++) {
      if (source !== undefined && sourceKey(list[i]!) !== source) source = undefined;
      if (date !== undefined && list[i]!.date !== date) date = undefined;
    }
    r.facts = { source, date };
  }
  return r.facts;
}

/**
 * A reading's members on one side (the same array, and member objects, for every contradiction
 * of that version of the reading). A figure is in one reading: its member objects are made here,
 * not looked up per figure in a weak map (that was a large part of a first listing's work and heap).
 */
function sideOf(r: Reading, side: Side): ContradictionMember[] {
  const made = side === "a" ? r.sideA : r.sideB;
  if (made) return made;
  const list = r.members;
  const out = new Array<ContradictionMember>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = memberOf(list[i]!, side);
  if (side === "a") r.sideA = out;
  else r.sideB = out;
  return out;
}

const factsOfOne = (m: FigureMember): ListFacts => ({ source: sourceKey(m), date: m.date });

interface ListFacts {
  /** The source all members share (a key of sourceKey), undefined when they have several. */
  source: string | undefined;
  /** The date all members share, undefined when they have several. */
  date: string | null | undefined;
}

function agreeing(conflicts: boolean[][], i: number): number {
  let n = 0;
  conflicts[i]!.forEach((c, j) => {
    if (!c && j !== i) n++;
  });
  return n;
}

function sourceKey(m: FigureMember): string {
  return (m.sourceCanonical ?? m.source ?? "").toLowerCase();
}

function dateValue(d: string): number {
  const t = Date.parse(d);
  return Number.isNaN(t) ? 0 : t;
}

/** One number per unordered pair of the `n` readings. */
function pairKey(x: number, y: number, n: number): number {
  return x < y ? x * n + y : y * n + x;
}

function toContradiction(group: FigureGroup, a: Reading, b: Reading): Contradiction {
  return figureContradiction(group, sideOf(a, "a").concat(sideOf(b, "b")), isRevision(facts(a), facts(b)));
}

/** One member against one other: its members made directly (no list of one is kept for it). */
function revisionContradiction(group: FigureGroup, early: FigureMember, late: FigureMember): Contradiction {
  const revision = isRevision(factsOfOne(early), factsOfOne(late));
  return figureContradiction(group, [member(early, "a"), member(late, "b")], revision);
}

/** One source on each side, the same, and more than one date between them. */
function isRevision(x: ListFacts, y: ListFacts): boolean {
  const source = x.source;
  return source !== undefined && source !== "" && y.source === source && !(x.date !== undefined && x.date === y.date);
}

function figureContradiction(group: FigureGroup, members: ContradictionMember[], revision: boolean): Contradiction {
  return revision
    ? { kind: "figure", members, subject: group.subject, label: group.label, revision }
    : { kind: "figure", members, subject: group.subject, label: group.label };
}

/**
 * A contradiction's one line: a stance contradiction's own; a figure contradiction's made now from
 * its label and its sides' members ("Label: a's readings vs b's readings").
 */
export function contradictionSummary(c: Contradiction): string {
  if (c.summary !== undefined) return c.summary;
  const a = c.members.filter((m) => m.side === "a");
  const b = c.members.filter((m) => m.side === "b");
  return `${c.label ?? ""}: ${describe(a)} vs ${describe(b)}${c.revision ? " — the same source revising its figure" : ""}`;
}

/** "about 2,000 (Ukrainian military intelligence, 3 March 2026)", at most four, then "and N more". */
function describe(list: ReadonlyArray<Pick<ContradictionMember, "text" | "source" | "date">>): string {
  const labels = [
    ...new Set(
      list.map(
        (m) => `${m.text}${m.source ? ` (${m.source}${m.date ? `, ${m.date}` : ""})` : m.date ? ` (${m.date})` : ""}`,
      ),
    ),
  ];
  return labels.length > 4 ? `${labels.slice(0, 4).join(", ")} and ${labels.length - 4} more` : labels.join(", ");
}
