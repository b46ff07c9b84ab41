// Figure contradictions inside one group: values that cannot all be true once qualifiers are read
// as intervals. Each contradiction has a side "a" (members that agree with each other) and a side
// "b" (members that conflict with every member of "a"); perspectives already covered are dropped.
import type { Contradiction, ContradictionMember, FigureGroup, FigureMember } from "./types";
import { compatible, intervalOf } from "./intervals";

export function figureConflicts(group: FigureGroup): Contradiction[] {
  const members = group.members;
  const iv = members.map(intervalOf);
  const conflicts = members.map((_, i) => members.map((__, j) => i !== j && !compatible(iv[i]!, iv[j]!)));
  const covered = new Set<string>();
  const out: Contradiction[] = [];
  // One source giving incompatible values on different dates: a revision, listed on its own.
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      const x = members[i]!;
      const y = members[j]!;
      if (!conflicts[i]![j] || !sameSource(x, y) || !x.date || !y.date || x.date === y.date) continue;
      const [early, late] = dateValue(x.date) <= dateValue(y.date) ? [x, y] : [y, x];
      covered.add(pairKey(i, j));
      out.push(toContradiction(group, [early], [late]));
    }
  // Start from the members with the most conflicts relative to agreements: the outliers.
  const order = members.map((_, i) => i).sort((a, b) => agreeing(conflicts, a).length - agreeing(conflicts, b).length || a - b);
  for (const i of order) {
    const all = members.map((_, j) => j).filter((j) => conflicts[i]![j]);
    if (all.length === 0) continue;
    const a = members.map((_, j) => j).filter((j) => sameReading(members[i]!, members[j]!) && all.every((k) => conflicts[j]![k]));
    // Leave out of side "b" what an earlier contradiction already set against all of side "a".
    const b = all.filter((j) => !a.every((x) => covered.has(pairKey(x, j))));
    if (b.length === 0) continue;
    const pairs = a.flatMap((x) => b.map((y) => pairKey(x, y)));
    if (pairs.every((p) => covered.has(p))) continue;
    pairs.forEach((p) => covered.add(p));
    out.push(toContradiction(group, a.map((x) => members[x]!), b.map((y) => members[y]!)));
  }
  return out;
}

function agreeing(conflicts: boolean[][], i: number): number[] {
  return conflicts[i]!.flatMap((c, j) => (!c && j !== i ? [j] : []));
}

/** Members on side "a" state the same thing: same value and qualifier. */
function sameReading(x: FigureMember, y: FigureMember): boolean {
  return x.value === y.value && x.qualifier === y.qualifier && (x.valueMax ?? x.value) === (y.valueMax ?? y.value);
}

function sameSource(x: FigureMember, y: FigureMember): boolean {
  const key = (m: FigureMember) => (m.sourceCanonical ?? m.source ?? "").toLowerCase();
  return key(x) !== "" && key(x) === key(y);
}

function dateValue(d: string): number {
  const t = Date.parse(d);
  return Number.isNaN(t) ? 0 : t;
}

function pairKey(x: number, y: number): string {
  return x < y ? `${x}:${y}` : `${y}:${x}`;
}

function toContradiction(group: FigureGroup, a: FigureMember[], b: FigureMember[]): Contradiction {
  const side = (list: FigureMember[], s: "a" | "b"): ContradictionMember[] =>
    list.map((m) => ({ file: m.file, start: m.start, end: m.end, text: m.text, side: s, source: m.source, date: m.date }));
  const sources = new Set([...a, ...b].map((m) => (m.sourceCanonical ?? m.source ?? "").toLowerCase()));
  const revision = sources.size === 1 && !sources.has("") && new Set([...a, ...b].map((m) => m.date)).size > 1;
  const describe = (list: FigureMember[]) => unique(list.map((m) => `${m.text}${m.source ? ` (${m.source}${m.date ? `, ${m.date}` : ""})` : m.date ? ` (${m.date})` : ""}`)).join(", ");
  const summary = `${group.label}: ${describe(a)} vs ${describe(b)}${revision ? " — the same source revising its figure" : ""}`;
  return { kind: "figure", summary, members: [...side(a, "a"), ...side(b, "b")], subject: group.subject, ...(revision ? { revision } : {}) };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
