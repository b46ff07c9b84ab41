// Figure contradictions inside one group: values that cannot all be true once qualifiers are read
// as intervals. Members are first collapsed into readings (value + max + qualifier), so a group of a
// hundred mentions with four distinct readings is judged on four. There is exactly one
// contradiction per conflicting pair of readings: side "a" is one reading's members, side "b" the
// other's. A named source giving incompatible values on different dates is listed on its own as a
// revision (and not again as the plain pair when the two readings are that source alone).
// Member objects are made once per group and side and shared by every contradiction they take
// part in: a reading in conflict with ten others is referenced ten times, not copied.
import type { Contradiction, ContradictionMember, FigureGroup, FigureMember } from "./types";
import { compatible, intervalOf, type Interval } from "./intervals";

interface Reading {
  key: string;
  interval: Interval;
  members: FigureMember[];
}

type Side = "a" | "b";

/**
 * A group with more distinct values than this is judged on its most frequent ones: bounded work,
 * and at most 64·63/2 = 2,016 pairs, a list a reader can still page through. Real stories give a
 * handful of readings per quantity; only an archive of generated or scraped counts reaches this.
 */
export const MAX_READINGS = 64;

export function figureConflicts(group: FigureGroup): Contradiction[] {
  const readings = collapse(group.members)
    .sort((a, b) => b.members.length - a.members.length)
    .slice(0, MAX_READINGS);
  const n = readings.length;
  if (n < 2) return [];
  const conflicts = readings.map((r, i) => readings.map((q, j) => i !== j && !compatible(r.interval, q.interval)));
  const shared = new SharedMembers();
  const covered = new Set<number>();
  const out: Contradiction[] = [...revisions(group, readings, conflicts, covered, shared)];
  // Side "a" of each pair is the reading that agrees with fewer others: the outlier reads first.
  const order = readings.map((_, i) => i).sort((a, b) => agreeing(conflicts, a) - agreeing(conflicts, b) || a - b);
  const rank: number[] = [];
  order.forEach((i, r) => (rank[i] = r));
  for (const i of order)
    for (let j = 0; j < n; j++) {
      if (!conflicts[i]![j] || rank[j]! < rank[i]! || covered.has(pairKey(i, j, n))) continue;
      out.push(toContradiction(group, readings[i]!.members, readings[j]!.members, shared));
    }
  return out;
}

function collapse(members: FigureMember[]): Reading[] {
  const byKey = new Map<string, Reading>();
  for (const m of members) {
    const key = `${m.value}|${m.valueMax ?? m.value}|${m.qualifier}`;
    let r = byKey.get(key);
    if (!r) byKey.set(key, (r = { key, interval: intervalOf(m), members: [] }));
    r.members.push(m);
  }
  return [...byKey.values()];
}

/** One source giving incompatible values on different dates. */
function revisions(
  group: FigureGroup,
  readings: Reading[],
  conflicts: boolean[][],
  covered: Set<number>,
  shared: SharedMembers,
): Contradiction[] {
  const out: Contradiction[] = [];
  // Per reading: the dated members of each named source.
  const bySource = readings.map((r) => {
    const m = new Map<string, FigureMember>();
    for (const x of r.members) {
      if (!x.date) continue;
      const key = sourceKey(x);
      if (key && !m.has(key)) m.set(key, x);
    }
    return m;
  });
  if (bySource.every((m) => m.size === 0)) return out;
  const dates = new Map<string, number>();
  const time = (d: string) => {
    let t = dates.get(d);
    if (t === undefined) dates.set(d, (t = dateValue(d)));
    return t;
  };
  for (let i = 0; i < readings.length; i++)
    for (let j = i + 1; j < readings.length; j++) {
      if (!conflicts[i]![j]) continue;
      const [small, large] =
        bySource[i]!.size <= bySource[j]!.size ? [bySource[i]!, bySource[j]!] : [bySource[j]!, bySource[i]!];
      for (const [source, x] of small) {
        const y = large.get(source);
        if (!y || x.date === y.date) continue;
        const [early, late] = time(x.date!) <= time(y.date!) ? [x, y] : [y, x];
        out.push(toContradiction(group, shared.alone(early), shared.alone(late), shared));
        if (readings[i]!.members.length === 1 && readings[j]!.members.length === 1)
          covered.add(pairKey(i, j, readings.length));
      }
    }
  return out;
}

/** Each figure's member object for side "a" and for side "b", made once per group. */
class SharedMembers {
  private readonly made = new Map<FigureMember, Partial<Record<Side, ContradictionMember>>>();
  private readonly lists = new Map<FigureMember[], Partial<Record<Side, ContradictionMember[]>>>();

  member(m: FigureMember, side: Side): ContradictionMember {
    let sides = this.made.get(m);
    if (!sides) this.made.set(m, (sides = {}));
    return (sides[side] ??= {
      file: m.file,
      start: m.start,
      end: m.end,
      text: m.text,
      side,
      source: m.source,
      date: m.date,
    });
  }

  private readonly factsOf = new Map<FigureMember[], ListFacts>();
  private readonly alones = new Map<FigureMember, FigureMember[]>();

  /** A one-member list, the same array each time: its facts and sides are then worked out once. */
  alone(m: FigureMember): FigureMember[] {
    let list = this.alones.get(m);
    if (!list) this.alones.set(m, (list = [m]));
    return list;
  }

  /** What a contradiction's summary reads of a list of members, worked out once per list. */
  facts(list: FigureMember[]): ListFacts {
    let facts = this.factsOf.get(list);
    if (!facts) {
      facts = {
        sources: new Set(list.map(sourceKey)),
        dates: new Set(list.map((m) => m.date)),
        description: describe(list),
      };
      this.factsOf.set(list, facts);
    }
    return facts;
  }

  /** A reading's members on one side (the same array for every contradiction of that reading). */
  side(list: FigureMember[], side: Side): ContradictionMember[] {
    let sides = this.lists.get(list);
    if (!sides) this.lists.set(list, (sides = {}));
    return (sides[side] ??= list.map((m) => this.member(m, side)));
  }
}

interface ListFacts {
  sources: Set<string>;
  dates: Set<string | null>;
  description: string;
}

function unionSize<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let n = a.size;
  for (const x of b) if (!a.has(x)) n++;
  return n;
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

function toContradiction(
  group: FigureGroup,
  a: FigureMember[],
  b: FigureMember[],
  shared: SharedMembers,
): Contradiction {
  const x = shared.facts(a);
  const y = shared.facts(b);
  const source = x.sources.size === 1 && y.sources.size === 1 ? x.sources.values().next().value! : undefined;
  const revision = source !== undefined && source !== "" && y.sources.has(source) && unionSize(x.dates, y.dates) > 1;
  const summary = `${group.label}: ${x.description} vs ${y.description}${revision ? " — the same source revising its figure" : ""}`;
  const members = [...shared.side(a, "a"), ...shared.side(b, "b")];
  return { kind: "figure", summary, members, subject: group.subject, ...(revision ? { revision } : {}) };
}

/** "about 2,000 (Ukrainian military intelligence, 3 March 2026)", at most four, then "and N more". */
function describe(list: FigureMember[]): string {
  const labels = [
    ...new Set(
      list.map(
        (m) => `${m.text}${m.source ? ` (${m.source}${m.date ? `, ${m.date}` : ""})` : m.date ? ` (${m.date})` : ""}`,
      ),
    ),
  ];
  return labels.length > 4 ? `${labels.slice(0, 4).join(", ")} and ${labels.length - 4} more` : labels.join(", ");
}
