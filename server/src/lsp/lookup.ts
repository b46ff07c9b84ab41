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
import { contradictionSummary } from "../engine";
import { spansOverlap } from "./convert";
import type { ContradictionView, SourceIndex } from "./sources";
import { indexOf, SpanIndex } from "./spanIndex";

export type Element =
  | { kind: "figure"; index: number; figure: Figure }
  | { kind: "actor"; actor: ActorMention }
  | { kind: "claim"; index: number; claim: Claim };

/** The innermost element at an offset: a figure, else an actor, else a claim. */
export function elementAt(analysis: Analysis, offset: number): Element | undefined {
  const index = indexOf(analysis);
  const figure = index.figures.at(offset)[0];
  if (figure) return { kind: "figure", index: figure.index, figure: analysis.figures[figure.index]! };
  const actor = index.actors.at(offset)[0];
  if (actor) return { kind: "actor", actor };
  let claim: Claim | undefined;
  for (const c of index.claims.at(offset)) if (!claim || c.end - c.start < claim.end - claim.start) claim = c;
  if (claim) return { kind: "claim", index: index.claimIndex.get(claim)!, claim };
  return undefined;
}

/** Index of the figure of `analysis` a cross-file member stands for (same span, else overlapping). */
export function figureIndexOf(analysis: Analysis, span: { start: number; end: number }): number {
  const exact = analysis.figures.findIndex((f) => f.start === span.start && f.end === span.end);
  return exact >= 0 ? exact : analysis.figures.findIndex((f) => spansOverlap(f, span));
}

/** The cross-file group of a figure, if the engine formed one; `settled`: without regrouping (see Corpus.settledFigureGroupOf). */
export function figureGroupOf(
  sources: SourceIndex,
  uri: string,
  figureIndex: number,
  settled = false,
): FigureGroup | undefined {
  try {
    return settled
      ? sources.corpus.settledFigureGroupOf(uri, figureIndex)
      : sources.corpus.figureGroupOf(uri, figureIndex);
  } catch {
    return undefined;
  }
}

const elsewhereCache = new WeakMap<FigureGroup, Map<string, FigureMember[]>>();

/** The members of a group in files other than `uri` (computed once per group and file). */
export function membersElsewhere(group: FigureGroup, uri: string): FigureMember[] {
  let perFile = elsewhereCache.get(group);
  if (!perFile) elsewhereCache.set(group, (perFile = new Map()));
  let members = perFile.get(uri);
  if (!members) perFile.set(uri, (members = group.members.filter((m) => m.file !== uri)));
  return members;
}

const fileCountCache = new WeakMap<FigureMember[], number>();

/** How many other files give a value in the group. */
export function filesElsewhere(group: FigureGroup, uri: string): number {
  const members = membersElsewhere(group, uri);
  let count = fileCountCache.get(members);
  if (count === undefined) fileCountCache.set(members, (count = new Set(members.map((m) => m.file)).size));
  return count;
}

/** A key for one mention of a file (`file#start:end`). */
export function mentionKey(m: { file: string; start: number; end: number }): string {
  return `${m.file}#${m.start}:${m.end}`;
}

export function isSameMention(
  member: { file: string; start: number; end: number },
  uri: string,
  span: { start: number; end: number },
): boolean {
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
  for (const { contradiction, self } of selfMembers(view, uri, span)) {
    if (kind && contradiction.kind !== kind) continue;
    const split = splitMembers(view, contradiction, uri);
    // Which of the file's own members stay (not the mention itself): one character each.
    let kept = "";
    for (const m of split.own) kept += m !== self && !view.isMention(m, uri, span) ? "1" : "0";
    if (kept.includes("1")) {
      const others = othersKeeping(view, contradiction, split, uri, kept);
      out.push({
        contradiction,
        self,
        opposing: self.side === "a" ? others.b : others.a,
        agreeing: self.side === "a" ? others.a : others.b,
      });
    } else {
      out.push({
        contradiction,
        self,
        opposing: self.side === "a" ? split.elsewhereB : split.elsewhereA,
        agreeing: self.side === "a" ? split.elsewhereA : split.elsewhereB,
      });
    }
  }
  return out;
}

/** A contradiction's current members (view.isCurrent) in other files by side, and in `uri`. */
interface MemberSplit {
  elsewhereA: ContradictionMember[];
  elsewhereB: ContradictionMember[];
  own: ContradictionMember[];
  /** Current members by side with only some of `own` (see othersKeeping), by which of them are kept. */
  keeping?: Map<string, { a: ContradictionMember[]; b: ContradictionMember[] }>;
}

/**
 * The current members by side, of `uri` only those `kept` says ("1" per member of `split.own`),
 * in the contradiction's order: other mentions in `uri` keep their place among the members. Made
 * once per view, file and kept set, so the findings of a mention see the same arrays on every edit.
 */
function othersKeeping(
  view: ContradictionView,
  contradiction: Contradiction,
  split: MemberSplit,
  uri: string,
  kept: string,
): { a: ContradictionMember[]; b: ContradictionMember[] } {
  split.keeping ??= new Map();
  let others = split.keeping.get(kept);
  if (!others) {
    const keptOwn = new Set(split.own.filter((_, i) => kept[i] === "1"));
    others = { a: [], b: [] };
    for (const m of contradiction.members) {
      if (m.file === uri ? keptOwn.has(m) : view.isCurrent(m)) (m.side === "a" ? others.a : others.b).push(m);
    }
    split.keeping.set(kept, others);
  }
  return others;
}

/**
 * Per contradiction and file, its splits by which of its files are stale ("" for none: a fresh
 * view). What a view says is current depends on those files only, so a split serves every view
 * that agrees on them: a contradiction the recompute left as it was keeps its splits, and what
 * findings derive from them, across recomputes and between the fresh and the settled views.
 */
const splits = new WeakMap<Contradiction, Map<string, Map<string, MemberSplit>>>();

/** Splits kept per contradiction and file (the fresh one and those of the last few edited files). */
const MAX_SPLITS = 6;

/**
 * The members of `contradiction` split once per file and set of stale files, so a mention in a
 * contradiction of thousands of members is related to them without filtering them again for every
 * mention. Shared lists: read-only for callers.
 */
function splitMembers(view: ContradictionView, contradiction: Contradiction, uri: string): MemberSplit {
  // Other files' lists depend on the other stale files only: the edited file's split in the
  // settled view shares them with its split in the fresh view (and what findings derive from them).
  const staleElsewhere = staleFilesOf(view, contradiction)
    .filter((file) => file !== uri)
    .join("\u0000");
  const ownCurrent = view.isCurrent({ file: uri });
  const key = ownCurrent ? staleElsewhere : `${staleElsewhere}\u0001`;
  let perFile = splits.get(contradiction);
  if (!perFile) splits.set(contradiction, (perFile = new Map()));
  let byStale = perFile.get(uri);
  if (!byStale) perFile.set(uri, (byStale = new Map()));
  let split = byStale.get(key);
  if (!split) {
    const sibling = byStale.get(ownCurrent ? `${staleElsewhere}\u0001` : staleElsewhere);
    split = sibling
      ? { elsewhereA: sibling.elsewhereA, elsewhereB: sibling.elsewhereB, own: [] }
      : { elsewhereA: [], elsewhereB: [], own: [] };
    for (const m of contradiction.members) {
      if (!view.isCurrent(m)) continue;
      if (m.file === uri) split.own.push(m);
      else if (!sibling) (m.side === "a" ? split.elsewhereA : split.elsewhereB).push(m);
    }
    if (byStale.size >= MAX_SPLITS) byStale.delete(byStale.keys().next().value!);
    byStale.set(key, split);
  }
  return split;
}

/** Per view and stale count, the stale files of each contradiction asked about. */
const staleKeys = new WeakMap<
  ContradictionView,
  { stale: number; byContradiction: WeakMap<Contradiction, string[]> }
>();

const NO_FILES: string[] = [];

/** The files of `contradiction` whose members `view` holds out of date. */
function staleFilesOf(view: ContradictionView, contradiction: Contradiction): string[] {
  const stale = view.staleFiles();
  if (stale === 0) return NO_FILES;
  let cache = staleKeys.get(view);
  if (cache?.stale !== stale) staleKeys.set(view, (cache = { stale, byContradiction: new WeakMap() }));
  let key = cache.byContradiction.get(contradiction);
  if (key === undefined) {
    key = filesOf(contradiction).filter((file) => !view.isCurrent({ file }));
    cache.byContradiction.set(contradiction, key);
  }
  return key;
}

const filesOfContradiction = new WeakMap<Contradiction, string[]>();

function filesOf(contradiction: Contradiction): string[] {
  let files = filesOfContradiction.get(contradiction);
  if (!files) filesOfContradiction.set(contradiction, (files = [...new Set(contradiction.members.map((m) => m.file))]));
  return files;
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
  const add = (
    m: Omit<Relation, "relation" | "about"> & { file: string },
    relation: Relation["relation"],
    about: string,
  ) => {
    if (m.file === uri && spansOverlap(m, claim)) return;
    const key = `${m.file}#${m.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push({
      file: m.file,
      start: m.start,
      end: m.end,
      text: m.text,
      source: m.source,
      date: m.date,
      relation,
      about,
    });
  };
  for (const conflict of conflictsOf(view, uri, claim, "stance")) {
    const about = contradictionSummary(conflict.contradiction);
    for (const m of conflict.opposing) add(m, "contradicts", about);
    for (const m of conflict.agreeing) add(m, "corroborates", about);
  }
  const analysis = sources.analysis(uri);
  if (!analysis) return relations;
  for (const { index } of indexOf(analysis).figures.overlapping(claim)) {
    const figure = analysis.figures[index]!;
    const group = figureGroupOf(sources, uri, index);
    if (!group) continue;
    const opposing = new Set<string>();
    for (const conflict of conflictsOf(view, uri, figure, "figure")) {
      for (const m of conflict.opposing) opposing.add(`${m.file}#${m.start}`);
    }
    for (const member of group.members) {
      if (member.file === uri) continue;
      add(member, opposing.has(`${member.file}#${member.start}`) ? "contradicts" : "corroborates", group.label);
    }
  }
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
    return sources.corpus.actorEntry(canonical);
  } catch {
    return undefined;
  }
}

/** Whether a figure of `uri` takes part in a figure contradiction. */
export function isConflictingFigure(view: ContradictionView, uri: string, figure: Figure): boolean {
  return selfMembers(view, uri, figure).some(({ contradiction }) => contradiction.kind === "figure");
}

// ---- The members of one file, indexed once per view ----

interface MemberEntry {
  start: number;
  end: number;
  member: ContradictionMember;
  /** Position of the member in its contradiction, and of the contradiction in the file's list. */
  memberIndex: number;
  order: number;
  contradiction: Contradiction;
}

interface FileMembers {
  bySpan: SpanIndex<MemberEntry>;
  byText: Map<string, MemberEntry[]>;
}

const memberIndexes = new WeakMap<ContradictionView, Map<string, FileMembers>>();

/**
 * Per file, the index last built and the contradictions it was built from: a view (a recompute,
 * or the settled view after it) whose list for the file holds the same contradictions reuses it.
 */
const lastMembers = new Map<string, { touching: readonly Contradiction[]; members: FileMembers }>();
const MAX_LAST_MEMBERS = 2_000;

function fileMembers(view: ContradictionView, uri: string): FileMembers {
  let perFile = memberIndexes.get(view);
  if (!perFile) memberIndexes.set(view, (perFile = new Map()));
  let found = perFile.get(uri);
  if (!found) {
    const touching = view.touching(uri);
    const last = lastMembers.get(uri);
    found = last && sameItems(last.touching, touching) ? last.members : membersIndex(touching, uri);
    perFile.set(uri, found);
    if (lastMembers.size >= MAX_LAST_MEMBERS) lastMembers.clear();
    lastMembers.set(uri, { touching, members: found });
  }
  return found;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

function membersIndex(touching: readonly Contradiction[], uri: string): FileMembers {
  const entries: MemberEntry[] = [];
  touching.forEach((contradiction, order) =>
    contradiction.members.forEach((member, memberIndex) => {
      if (member.file === uri)
        entries.push({ start: member.start, end: member.end, member, memberIndex, order, contradiction });
    }),
  );
  const byText = new Map<string, MemberEntry[]>();
  for (const entry of entries) {
    const list = byText.get(entry.member.text);
    if (list) list.push(entry);
    else byText.set(entry.member.text, [entry]);
  }
  return { bySpan: new SpanIndex(entries), byText };
}

/** The contradictions (in the view's order) in which `span` of `uri` is a member, with that member. */
function selfMembers(
  view: ContradictionView,
  uri: string,
  span: { start: number; end: number; text: string },
): Array<{ contradiction: Contradiction; self: ContradictionMember }> {
  const index = fileMembers(view, uri);
  const candidates = view.matchesByText(uri) ? (index.byText.get(span.text) ?? []) : index.bySpan.overlapping(span);
  const first = new Map<Contradiction, MemberEntry>();
  for (const entry of candidates) {
    if (!view.isMention(entry.member, uri, span)) continue;
    const known = first.get(entry.contradiction);
    if (!known || entry.memberIndex < known.memberIndex) first.set(entry.contradiction, entry);
  }
  return [...first.values()]
    .sort((a, b) => a.order - b.order)
    .map((e) => ({ contradiction: e.contradiction, self: e.member }));
}
