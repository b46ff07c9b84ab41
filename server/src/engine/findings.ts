// The one place that turns analyses into findings: which rule code a claim or a figure gets, at
// which severity, on which span, with which message and related mentions. The language server
// and the CLI only present findings (as diagnostics, text lines, JSON or SARIF).
//
// Quiet by default: one finding per claim sentence (a stance conflict, else its most telling
// kind, the message naming every kind), one per figure; related mentions capped.
import { figureSource } from "./figureSource";
import type { Corpus } from "./corpus";
import { lowerBound } from "./spans";
import { frameLabel } from "./frames";
import { CLAIM_CODES_BY_PRIORITY, type RuleCode, type Severity } from "./rules";
import type {
  Analysis,
  Claim,
  ClaimKind,
  Contradiction,
  ContradictionKind,
  ContradictionMember,
  Figure,
  FigureGroup,
  Span,
  Stance,
} from "./types";
import {
  baseName,
  CLAIM_KIND_LABEL,
  formatFigure,
  formatValue,
  oneLine,
  quote,
  SOURCE_KIND_LABEL,
  STANCE_LABEL,
} from "./wording";

export type FindingSeverity = Exclude<Severity, "off">;

/** A mention elsewhere that a finding points at (engine offsets into that file's analysed text). */
export interface RelatedMention {
  file: string;
  start: number;
  end: number;
  message: string;
}

export type FindingData =
  { element: "claim"; index: number; kinds: ClaimKind[] } | { element: "figure"; index: number };

export interface Finding {
  code: RuleCode;
  severity: FindingSeverity;
  message: string;
  /** Where the finding sits, in offsets of `analysis.text`. */
  span: { start: number; end: number };
  /** A claim's stance (how its source relates to the statement). */
  stance?: Stance;
  /** At most RELATED_LIMIT mentions elsewhere; the message says how many more there are. */
  related?: RelatedMention[];
  data: FindingData;
}

/** What the findings of one file need to know about the rest of the corpus. */
export interface FileRelations {
  /** Contradictions of `kind` the mention `span` takes part in, with the members on the other side. */
  conflicts(
    span: Span,
    kind: ContradictionKind,
  ): Array<{ contradiction: Contradiction; opposing: ContradictionMember[] }>;
  /** The cross-file group of the figure at `index`, if the corpus formed one. */
  figureGroup(index: number): FigureGroup | undefined;
  /**
   * Equal answers of `conflicts` are one array (the provider shares them): what findings derive
   * from an answer is then kept by the array alone, not also looked up by its contents.
   */
  sharedAnswers?: boolean;
}

export interface FindingSettings {
  severity: Readonly<Record<RuleCode, Severity>>;
}

/** Related mentions listed with one finding; the rest are counted in its message. */
export const RELATED_LIMIT = 5;

/** The claim kinds, most telling first (the order of CLAIM_CODES_BY_PRIORITY). */
const KIND_ORDER: readonly ClaimKind[] = CLAIM_CODES_BY_PRIORITY.filter((c) => c.startsWith("claim.")).map(
  (c) => c.slice("claim.".length) as ClaimKind,
);

/** Every finding of one analysed file, sorted by position, without duplicates. */
export function findingsOf(
  file: string,
  analysis: Analysis,
  relations: FileRelations,
  settings: FindingSettings,
): Finding[] {
  const out: Finding[] = [];
  analysis.claims.forEach((claim, index) => push(out, claimFinding(claim, index, relations, settings)));
  analysis.figures.forEach((figure, index) =>
    push(out, figureFinding(file, analysis, figure, index, relations, settings)),
  );
  out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
  return withoutDuplicates(out);
}

/**
 * Relations read from a corpus's current contradictions (the CLI's view: everything is fresh).
 * A file's member spans are indexed when its relations are asked (kept compact until then), so a
 * claim or a figure is compared only with the contradictions that have a member at its span (in
 * list order), not with every contradiction of its file. Mentions of one reading take part in the
 * same contradictions on the same side: when nothing on the other side sits at the mention's
 * span, the answer depends on those alone and is shared (the same array, while at most
 * `sharedAnswersKept` answers are kept), so what findings derive from it is made once per
 * reading, not once per mention of a group of hundreds.
 */
export function corpusRelations(
  corpus: Pick<Corpus, "contradictions" | "figureGroupOf">,
  sharedAnswersKept = SHARED_ANSWERS_KEPT,
): (file: string) => FileRelations {
  const contradictions = corpus.contradictions();
  const members = new MembersByFile(contradictions);
  const shared = new Map<string, ReturnType<FileRelations["conflicts"]>>();
  const oneSided = new OneSidedItems(contradictions);
  return (file) => {
    const spans = members.spansOf(file);
    const conflicts: FileRelations["conflicts"] = (span, kind) => {
      if (!spans) return [];
      const found = spans.overlapping(span);
      const { orders, sides } = found;
      // Both sides at the span: which members are the mention's own depends on the span itself.
      if (sides.some((side) => side === (SIDE_A | SIDE_B)))
        return conflictsAt(
          orders.map((order) => contradictions[order]!),
          file,
          span,
          kind,
        );
      const key = `${kind}|${(found.key ??= `${orders.join(",")}|${sides.join("")}`)}`;
      let answer = shared.get(key);
      if (!answer) {
        // Most readings are met by a few mentions: a bounded memory, not one answer per reading.
        if (shared.size >= sharedAnswersKept) shared.clear();
        shared.set(key, (answer = oneSided.answer(orders, sides, kind)));
      }
      return answer;
    };
    return { conflicts, figureGroup: (index) => corpus.figureGroupOf(file, index), sharedAnswers: true };
  };
}

/** Answers corpusRelations keeps for mentions still to come (emptied when full; equal answers either way). */
const SHARED_ANSWERS_KEPT = 5_000;

/**
 * What conflictsAt answers for a mention whose overlapping members all sit on one side of each
 * contradiction: per contradiction, the members of the other side. One item per contradiction and
 * side, shared by every answer that holds it (a reading in conflict with many others).
 */
class OneSidedItems {
  private readonly items: Array<{ contradiction: Contradiction; opposing: ContradictionMember[] } | undefined> = [];

  constructor(private readonly contradictions: readonly Contradiction[]) {}

  answer(
    orders: readonly number[],
    sides: readonly number[],
    kind: ContradictionKind,
  ): ReturnType<FileRelations["conflicts"]> {
    const out: ReturnType<FileRelations["conflicts"]> = [];
    for (let i = 0; i < orders.length; i++) {
      const order = orders[i]!;
      const contradiction = this.contradictions[order]!;
      if (contradiction.kind !== kind) continue;
      const slot = 2 * order + (sides[i] === SIDE_A ? 0 : 1);
      let item = this.items[slot];
      if (!item) {
        const other = sides[i] === SIDE_A ? "b" : "a";
        item = { contradiction, opposing: contradiction.members.filter((m) => m.side === other) };
        this.items[slot] = item;
      }
      out.push(item);
    }
    return out;
  }
}

const SIDE_A = 1;
const SIDE_B = 2;

/**
 * Every contradiction member's span, contradiction and side, grouped by file in one typed array
 * (16 bytes a member, in list order): a file's MemberSpans are built when its relations are asked,
 * not every file's at once (tens of MB of span entries on a few thousand files).
 */
class MembersByFile {
  private readonly fileIndex = new Map<string, number>();
  /** Per file, where its rows start; one more entry for the end of the last. */
  private readonly bounds: Int32Array;
  /** Per member: start, end, contradiction (list order), side. */
  private readonly rows: Int32Array;

  constructor(contradictions: readonly Contradiction[]) {
    const counts: number[] = [];
    for (const c of contradictions)
      for (const m of c.members) {
        let index = this.fileIndex.get(m.file);
        if (index === undefined) this.fileIndex.set(m.file, (index = counts.push(0) - 1));
        counts[index]!++;
      }
    this.bounds = new Int32Array(counts.length + 1);
    counts.forEach((n, i) => (this.bounds[i + 1] = this.bounds[i]! + n));
    this.rows = new Int32Array(4 * this.bounds[counts.length]!);
    const next = this.bounds.slice(0, counts.length);
    contradictions.forEach((c, order) => {
      for (const m of c.members) {
        const row = 4 * next[this.fileIndex.get(m.file)!]!++;
        this.rows[row] = m.start;
        this.rows[row + 1] = m.end;
        this.rows[row + 2] = order;
        this.rows[row + 3] = m.side === "a" ? SIDE_A : SIDE_B;
      }
    });
  }

  /** The member spans of `file`, made now; undefined when no member is in it. */
  spansOf(file: string): MemberSpans | undefined {
    const index = this.fileIndex.get(file);
    if (index === undefined) return undefined;
    const spans = new MemberSpans();
    const rows = this.rows;
    for (let row = 4 * this.bounds[index]!; row < 4 * this.bounds[index + 1]!; row += 4)
      spans.add(rows[row]!, rows[row + 1]!, rows[row + 2]!, rows[row + 3]!);
    return spans;
  }
}

interface SpanEntry {
  start: number;
  end: number;
  /** The contradictions (by list order) with a member at this span, ascending. */
  orders: number[];
  /** Per contradiction, the sides of its members at this span (SIDE_A | SIDE_B bits). */
  sides: number[];
  /** `orders` and `sides` as one string, made when first asked (corpusRelations' shared answers). */
  key?: string;
}

/** The member spans of one file, each with the contradictions it belongs to and on which side. */
class MemberSpans {
  private readonly byKey = new Map<string, SpanEntry>();
  private sorted: SpanEntry[] | undefined;
  /** Per sorted span, the largest end up to it: a backward scan stops where nothing reaches further. */
  private reach: number[] = [];

  add(start: number, end: number, order: number, side: number): void {
    const key = `${start}:${end}`;
    const entry = this.byKey.get(key);
    const last = entry ? entry.orders.length - 1 : -1;
    if (!entry) this.byKey.set(key, { start, end, orders: [order], sides: [side] });
    else if (entry.orders[last] === order) entry.sides[last]! |= side;
    else {
      entry.orders.push(order);
      entry.sides.push(side);
    }
    this.sorted = undefined;
  }

  /** The contradictions (ascending list order, once each) with a member overlapping `span`, and the sides there. */
  overlapping(span: { start: number; end: number }): { orders: number[]; sides: number[]; key?: string } {
    const sorted = this.sortedSpans();
    const hi = lowerBound(sorted, span.end);
    const found: SpanEntry[] = [];
    for (let i = hi - 1; i >= 0 && this.reach[i]! > span.start; i--)
      if (sorted[i]!.end > span.start) found.push(sorted[i]!);
    if (found.length === 1) return found[0]!;
    const merged = new Map<number, number>();
    for (const entry of found) entry.orders.forEach((o, i) => merged.set(o, (merged.get(o) ?? 0) | entry.sides[i]!));
    const orders = [...merged.keys()].sort((a, b) => a - b);
    return { orders, sides: orders.map((o) => merged.get(o)!) };
  }

  private sortedSpans(): SpanEntry[] {
    if (!this.sorted) {
      this.sorted = [...this.byKey.values()].sort((a, b) => a.start - b.start);
      let reach = -Infinity;
      this.reach = this.sorted.map((s) => (reach = Math.max(reach, s.end)));
    }
    return this.sorted;
  }
}

/** Contradictions of `kind` among `contradictions` with a member at `span` of `file`. */
export function conflictsAt(
  contradictions: readonly Contradiction[],
  file: string,
  span: { start: number; end: number },
  kind: ContradictionKind,
): Array<{ contradiction: Contradiction; opposing: ContradictionMember[] }> {
  const isSelf = (m: ContradictionMember) => m.file === file && m.start < span.end && span.start < m.end;
  const out: Array<{ contradiction: Contradiction; opposing: ContradictionMember[] }> = [];
  for (const contradiction of contradictions) {
    if (contradiction.kind !== kind) continue;
    const self = contradiction.members.find(isSelf);
    if (!self) continue;
    out.push({ contradiction, opposing: contradiction.members.filter((m) => m.side !== self.side && !isSelf(m)) });
  }
  return out;
}

// ---- Claims ----

function claimFinding(
  claim: Claim,
  index: number,
  relations: FileRelations,
  settings: FindingSettings,
): Finding | undefined {
  const kinds = KIND_ORDER.filter((k) => claim.kinds.includes(k));
  const opposing = derivedFrom(relations.conflicts(claim, "stance"), relations.sharedAnswers).opposing;
  const code = claimCode(kinds, opposing.length > 0, settings);
  if (!code) return undefined;
  const main: ClaimKind | undefined =
    code === "stance.conflict" ? kinds[0] : (code.slice("claim.".length) as ClaimKind);
  const finding: Finding = {
    code,
    severity: settings.severity[code] as FindingSeverity,
    message: claimMessage(claim, code, main, kinds, opposing),
    span: claimSpan(claim, main),
    stance: claim.stance,
    data: { element: "claim", index, kinds },
  };
  const related = relatedMentions(opposing);
  if (related.length > 0) finding.related = related;
  return finding;
}

/** The first code of CLAIM_CODES_BY_PRIORITY that applies to the claim and is not off. */
function claimCode(
  kinds: readonly ClaimKind[],
  contradicted: boolean,
  settings: FindingSettings,
): RuleCode | undefined {
  return CLAIM_CODES_BY_PRIORITY.find((code) => {
    if (settings.severity[code] === "off") return false;
    if (code === "stance.conflict") return contradicted && kinds.length > 0;
    return kinds.includes(code.slice("claim.".length) as ClaimKind);
  });
}

/** Where a claim's finding sits: the cue of its main kind, an unnamed source inside it, else the claim. */
function claimSpan(claim: Claim, kind: ClaimKind | undefined): { start: number; end: number } {
  const cue = claim.cues.find((c) => c.kind === kind);
  if (cue) return { start: cue.start, end: cue.end };
  const source = claim.source;
  if (kind === "anonymous" && source?.kind === "anonymous" && source.start >= claim.start && source.end <= claim.end) {
    return { start: source.start, end: source.end };
  }
  return { start: claim.start, end: claim.end };
}

function claimMessage(
  claim: Claim,
  code: RuleCode,
  main: ClaimKind | undefined,
  kinds: readonly ClaimKind[],
  opposing: readonly ContradictionMember[],
): string {
  const others = kinds
    .filter((k) => k !== main)
    .map((k) => {
      const cues = cueText(claim, k);
      return cues ? `${KIND_WORD[k]}: ${cues}` : KIND_WORD[k];
    });
  const also = others.length > 0 ? ` (also ${others.join("; ")})` : "";
  const lead = main ? kindLead(claim, main) : "Claim";
  const head = code === "stance.conflict" ? `Contradicted: ${lead.charAt(0).toLowerCase()}${lead.slice(1)}` : lead;
  const body = main ? kindBody(claim, main) : oneLine(claim.text, 80);
  const cues = main ? cueText(claim, main) : "";
  return `${head}${also}: ${cues ? `${cues} — ` : ""}${body}${derivedAgainst(opposing)}`;
}

const KIND_WORD: Record<ClaimKind, string> = {
  denial: "denial",
  anonymous: "unnamed source",
  hedged: "hedged",
  attributed: "attributed",
};

function kindLead(claim: Claim, kind: ClaimKind): string {
  if (kind === "denial" && claim.stance === "cannot-confirm") return "Not confirmed";
  return CLAIM_KIND_LABEL[kind];
}

function kindBody(claim: Claim, kind: ClaimKind): string {
  const source = namedSource(claim);
  switch (kind) {
    case "hedged":
      return source ? `source: ${source}, but hedged` : "no named source";
    case "anonymous":
      return "the claim rests on an unnamed source";
    case "attributed":
      return `${source ? `source: ${source}` : "source not identified"}, ${STANCE_LABEL[claim.stance]}`;
    case "denial":
      return `${source ?? "an unidentified source"} ${STANCE_LABEL[claim.stance]} the statement`;
  }
}

function namedSource(claim: Claim): string | undefined {
  const source = claim.source;
  if (!source || source.kind === "anonymous" || source.kind === "unknown") return undefined;
  return `${oneLine(source.text, 60)} (${SOURCE_KIND_LABEL[source.kind]})`;
}

function cueText(claim: Claim, kind: ClaimKind): string {
  const cues: string[] = [];
  for (const cue of claim.cues) {
    if (cue.kind !== kind) continue;
    const quoted = quote(cue.text);
    if (!cues.includes(quoted)) cues.push(quoted);
  }
  if (cues.length > 0) return cues.join(", ");
  return kind === "anonymous" && claim.source ? quote(claim.source.text) : "";
}

function againstText(opposing: readonly ContradictionMember[]): string {
  if (opposing.length === 0) return "";
  const files = new Set(opposing.map((m) => m.file)).size;
  return `; ${plural(opposing.length, "mention")} in ${plural(files, "file")} say${opposing.length === 1 ? "s" : ""} otherwise`;
}

// ---- Figures ----

function figureFinding(
  file: string,
  analysis: Analysis,
  figure: Figure,
  index: number,
  relations: FileRelations,
  settings: FindingSettings,
): Finding | undefined {
  const data: FindingData = { element: "figure", index };
  const span = { start: figure.start, end: figure.end };
  const conflicts = relations.conflicts(figure, "figure");
  if (conflicts.length > 0 && settings.severity["figure.conflict"] !== "off") {
    const { opposing, revision } = derivedFrom(conflicts, relations.sharedAnswers);
    const finding: Finding = {
      code: "figure.conflict",
      severity: settings.severity["figure.conflict"] as FindingSeverity,
      message: conflictMessage(figure, revision, opposing),
      span,
      data,
    };
    const related = relatedMentions(opposing);
    if (related.length > 0) finding.related = related;
    return finding;
  }
  if (settings.severity.figure === "off") return undefined;
  return {
    code: "figure",
    severity: settings.severity.figure as FindingSeverity,
    message: figureMessage(file, analysis, figure, relations.figureGroup(index)),
    span,
    data,
  };
}

function figureMessage(file: string, analysis: Analysis, figure: Figure, group: FigureGroup | undefined): string {
  const subject = group?.label ?? frameLabel(figure.frame);
  const giver = figureSource(analysis, figure);
  const by = giver ? `; given by ${oneLine(giver.text, 50)}` : "; stated by the text itself";
  const elsewhere = group ? filesElsewhere(group, file) : 0;
  const also = elsewhere > 0 ? `; also given in ${plural(elsewhere, "other file")}` : "";
  return `Figure: ${formatFigure(figure)} — subject: ${subject || "unknown"}${by}${also}`;
}

/**
 * How many files other than `file` give a value in `group`: the group's files are counted once per
 * group (groups are replaced, never changed), not once per figure of a group of thousands.
 */
function filesElsewhere(group: FigureGroup, file: string): number {
  let files = groupFiles.get(group);
  if (!files) groupFiles.set(group, (files = new Set(group.members.map((m) => m.file))));
  return files.size - (files.has(file) ? 1 : 0);
}

const groupFiles = new WeakMap<FigureGroup, Set<string>>();

function conflictMessage(figure: Figure, revision: boolean, opposing: readonly ContradictionMember[]): string {
  return `${revision ? "Revised figure" : "Conflicting figure"}: ${formatValue(figure)} here, but ${derivedValues(opposing)}`;
}

/** The opposing values in words: distinct values keyed on the raw fields, only the first three worded. */
function opposingValues(opposing: readonly ContradictionMember[]): string {
  const { shown, count } = distinctValues(opposing, 3);
  const worded = shown.map(
    (m) => `${oneLine(m.text, 40)} (${m.source ? `${oneLine(m.source, 40)}, ` : ""}${baseName(m.file)})`,
  );
  const more = count > 3 ? `; and ${count - 3} more` : "";
  return `${worded.join("; ")}${more}`;
}

/**
 * How many members differ in text, source (none as "") or file, and the first `limit` of them in
 * order. Looked up by file, source and text, with no key made per member: a figure in a large group is
 * opposed by hundreds of members, and most of its mentions have their own opposing list.
 */
function distinctValues(
  opposing: readonly ContradictionMember[],
  limit: number,
): { shown: ContradictionMember[]; count: number } {
  const textsBy = new Map<string, Map<string, Set<string>>>();
  const shown: ContradictionMember[] = [];
  let count = 0;
  for (const m of opposing) {
    let bySource = textsBy.get(m.file);
    if (!bySource) textsBy.set(m.file, (bySource = new Map()));
    const source = m.source ?? "";
    let texts = bySource.get(source);
    if (!texts) bySource.set(source, (texts = new Set()));
    if (texts.has(m.text)) continue;
    texts.add(m.text);
    count++;
    if (shown.length < limit) shown.push(m);
  }
  return { shown, count };
}

// ---- What findings derive from one answer of FileRelations.conflicts ----

// A relations provider may answer several mentions with the same array (corpusRelations does, per
// reading): what is derived from it is then made once. A fresh answer holding the same
// contradictions with the same arrays of opposing members (the provider keeps those between calls:
// lookup.ts per view, corpusRelations per contradiction and side) is found by them instead.
type Derived = { opposing: ContradictionMember[]; revision: boolean };
const derived = new WeakMap<object, Derived>();
const derivedText = new WeakMap<object, { against?: string; values?: string }>();

/** Keyed by each contradiction of an answer and its opposing array, in order. */
interface DerivedNode {
  next?: WeakMap<object, DerivedNode>;
  value?: Derived;
}
const derivedTrie: DerivedNode = {};

function derivedFrom(conflicts: ReturnType<FileRelations["conflicts"]>, shared: boolean | undefined): Derived {
  // Most mentions take part in none: one shared answer, nothing to remember per mention.
  if (conflicts.length === 0) return NOTHING_DERIVED;
  let d = derived.get(conflicts);
  if (!d) {
    if (shared) d = deriveFrom(conflicts);
    else {
      let node = derivedTrie;
      for (const c of conflicts) node = childOf(childOf(node, c.contradiction), c.opposing);
      d = node.value ??= deriveFrom(conflicts);
    }
    derived.set(conflicts, d);
  }
  return d;
}

function deriveFrom(conflicts: ReturnType<FileRelations["conflicts"]>): Derived {
  return {
    opposing: uniqueMentions(conflicts.length === 1 ? conflicts[0]!.opposing : conflicts.flatMap((c) => c.opposing)),
    revision: conflicts.every((c) => c.contradiction.revision),
  };
}

function childOf(node: DerivedNode, key: object): DerivedNode {
  const next = (node.next ??= new WeakMap());
  let child = next.get(key);
  if (!child) next.set(key, (child = {}));
  return child;
}

/** What derives from no contradictions (`every` of nothing: a revision). Never changed by its users. */
const NOTHING_DERIVED: { opposing: ContradictionMember[]; revision: boolean } = { opposing: [], revision: true };

function textsOf(opposing: readonly ContradictionMember[]): { against?: string; values?: string } {
  let t = derivedText.get(opposing);
  if (!t) derivedText.set(opposing, (t = {}));
  return t;
}

function derivedAgainst(opposing: readonly ContradictionMember[]): string {
  const t = textsOf(opposing);
  return (t.against ??= againstText(opposing));
}

function derivedValues(opposing: readonly ContradictionMember[]): string {
  const t = textsOf(opposing);
  return (t.values ??= opposingValues(opposing));
}

// ---- Shared ----

/**
 * The first RELATED_LIMIT mentions, each saying who and what; the rest are counted in the last.
 * Made once per array of mentions (derivedFrom keeps them): findings of one reading share the
 * list, which its readers never change.
 */
function relatedMentions(members: readonly ContradictionMember[]): RelatedMention[] {
  let related = relatedOf.get(members);
  if (!related) relatedOf.set(members, (related = listedMentions(members)));
  return related;
}

const relatedOf = new WeakMap<readonly ContradictionMember[], RelatedMention[]>();

function listedMentions(members: readonly ContradictionMember[]): RelatedMention[] {
  const shown = members
    .slice(0, RELATED_LIMIT)
    .map((m) => ({ file: m.file, start: m.start, end: m.end, message: mentionMessage(m) }));
  const more = members.length - shown.length;
  if (more > 0) {
    const last = shown[shown.length - 1]!;
    last.message += ` — and ${plural(more, "more mention")} (the contradictions list has them all)`;
  }
  return shown;
}

/** Who says what, when (made once per member: a member is listed with every mention it opposes). */
function mentionMessage(m: ContradictionMember): string {
  let message = mentionMessages.get(m);
  if (message === undefined) {
    const who = m.source ? `${oneLine(m.source, 50)}: ` : "";
    const when = m.date ? ` (${m.date})` : "";
    mentionMessages.set(m, (message = `${who}${oneLine(m.text, 80)}${when}`));
  }
  return message;
}

const mentionMessages = new WeakMap<ContradictionMember, string>();

/** One entry per mention (a mention can sit in several contradictions). */
function uniqueMentions(members: readonly ContradictionMember[]): ContradictionMember[] {
  // Per file, a span as one number (exact while offsets stay below 2^26), else as a string.
  const seen = new Map<string, Set<number | string>>();
  return members.filter((m) => {
    let spans = seen.get(m.file);
    if (!spans) seen.set(m.file, (spans = new Set()));
    const key = m.end < SPAN_KEY_LIMIT ? m.start * SPAN_KEY_LIMIT + m.end : `${m.start}:${m.end}`;
    if (spans.has(key)) return false;
    spans.add(key);
    return true;
  });
}

const SPAN_KEY_LIMIT = 2 ** 26;

function push(out: Finding[], finding: Finding | undefined): void {
  if (finding) out.push(finding);
}

/** The first of each set of findings with the same code, span and message (sorted: such findings are in one run). */
function withoutDuplicates(sorted: Finding[]): Finding[] {
  const out: Finding[] = [];
  let run = 0; // where the kept findings of the current code and span start in `out`
  for (const f of sorted) {
    const first = out[run];
    if (!first || first.code !== f.code || first.span.start !== f.span.start || first.span.end !== f.span.end)
      run = out.length;
    let duplicate = false;
    for (let i = run; i < out.length && !duplicate; i++) duplicate = out[i]!.message === f.message;
    if (!duplicate) out.push(f);
  }
  return out;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
