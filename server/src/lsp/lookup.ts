// Finding things in analyses and relating them across files: what is under the cursor, which
// figure group or contradiction a mention belongs to, which mentions elsewhere agree or
// disagree. Engine offsets and file URIs only; LSP ranges are made by convert.ts.
import type {
  ActorIndexEntry,
  ActorMention,
  Analysis,
  Claim,
  Contradiction,
  ContradictionMember,
  Figure,
  FigureGroup,
  FigureMember,
} from "../engine";
import { spanContains, spansOverlap } from "./convert";
import type { ContradictionView, SourceIndex } from "./sources";

export type Element =
  | { kind: "figure"; index: number; figure: Figure }
  | { kind: "actor"; actor: ActorMention }
  | { kind: "claim"; index: number; claim: Claim };

/** The innermost element at an offset: a figure, else an actor, else a claim. */
export function elementAt(analysis: Analysis, offset: number): Element | undefined {
  const figureIndex = analysis.figures.findIndex((f) => spanContains(f, offset));
  if (figureIndex >= 0) return { kind: "figure", index: figureIndex, figure: analysis.figures[figureIndex]! };
  const actor = analysis.actors.find((a) => spanContains(a, offset));
  if (actor) return { kind: "actor", actor };
  const claimIndex = smallestContaining(analysis.claims, offset);
  if (claimIndex >= 0) return { kind: "claim", index: claimIndex, claim: analysis.claims[claimIndex]! };
  return undefined;
}

function smallestContaining(spans: ReadonlyArray<{ start: number; end: number }>, offset: number): number {
  let best = -1;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (spanContains(s, offset) && (best < 0 || s.end - s.start < spans[best]!.end - spans[best]!.start)) best = i;
  }
  return best;
}

/** Index of the figure of `analysis` a cross-file member stands for (same span, else overlapping). */
export function figureIndexOf(analysis: Analysis, span: { start: number; end: number }): number {
  const exact = analysis.figures.findIndex((f) => f.start === span.start && f.end === span.end);
  return exact >= 0 ? exact : analysis.figures.findIndex((f) => spansOverlap(f, span));
}

/** The cross-file group of a figure, if the engine formed one. */
export function figureGroupOf(sources: SourceIndex, uri: string, figureIndex: number): FigureGroup | undefined {
  try {
    return sources.corpus.figureGroupOf(uri, figureIndex);
  } catch {
    return undefined;
  }
}

/** A key for one mention of a file (`file#start:end`). */
export function mentionKey(m: { file: string; start: number; end: number }): string {
  return `${m.file}#${m.start}:${m.end}`;
}

export function isSameMention(member: { file: string; start: number; end: number }, uri: string, span: { start: number; end: number }): boolean {
  return member.file === uri && spansOverlap(member, span);
}

export interface Conflict {
  contradiction: Contradiction;
  /** The member that is the mention itself. */
  self: ContradictionMember;
  /** Members on the other side (the conflicting mentions). */
  opposing: ContradictionMember[];
  /** Members on the same side elsewhere (agreeing mentions). */
  agreeing: ContradictionMember[];
}

/**
 * Contradictions of `kind` in which the mention at `span` of `uri` takes part. Opposing and
 * agreeing members whose spans are out of date (a settled view after an edit) are left out.
 */
export function conflictsOf(
  view: ContradictionView,
  uri: string,
  span: { start: number; end: number; text: string },
  kind?: Contradiction["kind"],
): Conflict[] {
  const out: Conflict[] = [];
  for (const contradiction of view.touching(uri)) {
    if (kind && contradiction.kind !== kind) continue;
    const self = contradiction.members.find((m) => view.isMention(m, uri, span));
    if (!self) continue;
    const others = contradiction.members.filter((m) => m !== self && view.isCurrent(m) && !view.isMention(m, uri, span));
    out.push({
      contradiction,
      self,
      opposing: others.filter((m) => m.side !== self.side),
      agreeing: others.filter((m) => m.side === self.side),
    });
  }
  return out;
}

export interface Relation {
  file: string;
  start: number;
  end: number;
  text: string;
  source: string | null;
  date: string | null;
  relation: "contradicts" | "corroborates";
  /** What the relation is about (a figure's subject label, a stance summary). */
  about: string;
}

/** Mentions in other files that corroborate or contradict a claim (via stance conflicts and its figures). */
export function relationsOfClaim(sources: SourceIndex, uri: string, claim: Claim): Relation[] {
  const view = sources.freshView();
  const relations: Relation[] = [];
  const seen = new Set<string>();
  const add = (m: Omit<Relation, "relation" | "about"> & { file: string }, relation: Relation["relation"], about: string) => {
    if (m.file === uri && spansOverlap(m, claim)) return;
    const key = `${m.file}#${m.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push({ file: m.file, start: m.start, end: m.end, text: m.text, source: m.source, date: m.date, relation, about });
  };
  for (const conflict of conflictsOf(view, uri, claim, "stance")) {
    for (const m of conflict.opposing) add(m, "contradicts", conflict.contradiction.summary);
    for (const m of conflict.agreeing) add(m, "corroborates", conflict.contradiction.summary);
  }
  const analysis = sources.analysis(uri);
  if (!analysis) return relations;
  analysis.figures.forEach((figure, index) => {
    if (!spansOverlap(figure, claim)) return;
    const group = figureGroupOf(sources, uri, index);
    if (!group) return;
    const opposing = new Set<string>();
    for (const conflict of conflictsOf(view, uri, figure, "figure")) {
      for (const m of conflict.opposing) opposing.add(`${m.file}#${m.start}`);
    }
    for (const member of group.members) {
      if (member.file === uri) continue;
      add(member, opposing.has(`${member.file}#${member.start}`) ? "contradicts" : "corroborates", group.label);
    }
  });
  return relations;
}

/** The other members of a figure's group, with whether each conflicts with it. */
export function otherValuesOf(
  sources: SourceIndex,
  view: ContradictionView,
  uri: string,
  figureIndex: number,
): { group: FigureGroup | undefined; others: Array<FigureMember & { conflicting: boolean }> } {
  const analysis = sources.analysis(uri);
  const figure = analysis?.figures[figureIndex];
  const group = figureGroupOf(sources, uri, figureIndex);
  if (!figure || !group) return { group, others: [] };
  const opposing = new Set<string>();
  for (const conflict of conflictsOf(view, uri, figure, "figure")) {
    for (const m of conflict.opposing) opposing.add(`${m.file}#${m.start}`);
  }
  const others = group.members
    .filter((m) => !isSameMention(m, uri, figure))
    .map((m) => ({ ...m, conflicting: opposing.has(`${m.file}#${m.start}`) }));
  return { group, others };
}

/** Index entry of an actor, if the corpus has one. */
export function actorEntry(sources: SourceIndex, canonical: string): ActorIndexEntry | undefined {
  try {
    return sources.corpus.actorIndex().get(canonical);
  } catch {
    return undefined;
  }
}

/** Whether a figure of `uri` takes part in a figure contradiction. */
export function isConflictingFigure(view: ContradictionView, uri: string, figure: Figure): boolean {
  return view.touching(uri).some((c) => c.kind === "figure" && c.members.some((m) => view.isMention(m, uri, figure)));
}
