// The CLI's reports: findings as `file:line:col` lines, the scorer's JSON with each file's
// findings, the contradictions report and the figures table. Presentation only: codes,
// severities and messages come from engine/findings.ts. Line and column come from one line map
// per file (vscode-languageserver-textdocument: "\r\n", "\n" and "\r" end a line), so a report is
// linear in the size of the input.
import { TextDocument } from "vscode-languageserver-textdocument";
import type {
  ActorKind,
  ActorMention,
  Analysis,
  Contradiction,
  ContradictionMember,
  Figure,
  FindingSeverity,
  Review,
  Stance,
} from "../engine";
import { contradictionSummary } from "../engine";
import { detached } from "../engine/intern";
import { oneLine } from "../engine/wording";
import { verdictJson, verdictLabel, type ReviewedFinding } from "./reviews";
import type { CorpusResults } from "./settled";

/** One analysed input and what the engine found in it. */
export interface FileReport {
  file: string;
  analysis: Analysis;
  findings: ReviewedFinding[];
  /** The verdict on the claim or figure at an offset, from `.provenance/reviews.json`. */
  verdictAt?: (kind: "claim" | "figure", offset: number) => Review | undefined;
  /** Verdicts whose sentence is no longer in the file. */
  orphaned?: readonly Review[];
  /** The actor mentions the JSON record lists, when kept compact instead of in `analysis.actors`. */
  actors?: KeptActors;
}

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const NO_COLORS: Colors = { red: id, yellow: id, blue: id, dim: id, bold: id };

function id(s: string): string {
  return s;
}

// ---- Positions ----

const documents = new WeakMap<Analysis, TextDocument>();

/** 1-based line and column (UTF-16 units). */
export interface LineColumn {
  line: number;
  column: number;
}

/** Where an offset of another file is, when that file was read. */
export type PositionOf = (file: string, offset: number) => LineColumn | undefined;

/** The line map of an analysed text (built once per analysis). */
export function documentOf(analysis: Analysis): TextDocument {
  let document = documents.get(analysis);
  if (!document) documents.set(analysis, (document = lineMap(analysis.text)));
  return document;
}

/** A text's line map. */
export function lineMap(text: string): TextDocument {
  return TextDocument.create("file:///input", "plaintext", 0, text);
}

/** 1-based line and column (UTF-16 units) of an offset. */
export function lineColumn(analysis: Analysis, offset: number): LineColumn {
  return positionIn(documentOf(analysis), offset);
}

/** 1-based line and column (UTF-16 units) of an offset in a line map. */
export function positionIn(document: TextDocument, offset: number): LineColumn {
  const { line, character } = document.positionAt(offset);
  return { line: line + 1, column: character + 1 };
}

// ---- Findings in JSON ----

export interface JsonFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: FindingSeverity;
  message: string;
  stance?: Stance;
  review?: unknown;
}

export function toJsonFinding(analysis: Analysis, finding: ReviewedFinding): JsonFinding {
  const start = lineColumn(analysis, finding.span.start);
  const end = lineColumn(analysis, finding.span.end);
  const out: JsonFinding = {
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
  };
  if (finding.stance) out.stance = finding.stance;
  if (finding.review) out.review = verdictJson(finding.review);
  return out;
}

// ---- The scorer's JSON, one record at a time ----

/**
 * What the CLI keeps of an analysis until its file's report is written, after the cross-file
 * step: the text (line map), figures and claims (findings and the record); the sentences only
 * when a verdict is anchored in the file; the actors and dates never (the record's actors are
 * kept as KeptActors). The text, figures and claims are what a file's findings are made from once
 * every file is known, so they stay.
 */
export function keptAnalysis(analysis: Analysis, keep: { sentences: boolean }): Analysis {
  return {
    ...analysis,
    actors: [],
    sentences: keep.sentences ? analysis.sentences : [],
    dates: [],
    figures: analysis.figures.map(ownFigure),
  };
}

/** A figure whose strings are own copies: a slice of the text would keep the whole text alive. */
function ownFigure(figure: Figure): Figure {
  return { ...figure, text: detached(figure.text), unit: figure.unit === null ? null : detached(figure.unit) };
}

/**
 * A file's actor mentions as its JSON record lists them, kept compact until the record is written:
 * offsets in one typed array, the text sliced again from the analysed text (a span's text is
 * `text.slice(start, end)`), kind and canonical as the shared strings they are. About a fifth of
 * the mention objects' memory: tens of MB on ten thousand files.
 */
export class KeptActors {
  private readonly offsets: Int32Array;
  private readonly kinds: ActorKind[];
  private readonly canonicals: string[];

  constructor(actors: readonly ActorMention[]) {
    this.offsets = new Int32Array(actors.length * 2);
    this.kinds = actors.map((a) => a.kind);
    this.canonicals = actors.map((a) => a.canonical);
    actors.forEach((a, i) => {
      this.offsets[2 * i] = a.start;
      this.offsets[2 * i + 1] = a.end;
    });
  }

  /** The mentions as the record lists them: start, end, text, kind, canonical. */
  rows(text: string): Array<{ start: number; end: number; text: string; kind: ActorKind; canonical: string }> {
    return this.kinds.map((kind, i) => {
      const start = this.offsets[2 * i]!;
      const end = this.offsets[2 * i + 1]!;
      return { start, end, text: text.slice(start, end), kind, canonical: this.canonicals[i]! };
    });
  }
}

/** `{review: …}` when a verdict exists (the scorer's shape is unchanged otherwise). */
function reviewField(review: Review | undefined): { review?: ReturnType<typeof verdictJson> } {
  return review ? { review: verdictJson(review) } : {};
}

/**
 * One file of the scorer's shape (file, actors, figures, claims, findings) as one line of JSON:
 * the same text `JSON.stringify` gives for the whole record.
 */
export function scorerFileJson(corpus: CorpusResults, report: FileReport): string {
  const { file, analysis: a, findings, verdictAt, actors: kept } = report;
  const figures = a.figures.map((f, i) => ({
    start: f.start,
    end: f.end,
    text: f.text,
    value: f.value,
    qualifier: f.qualifier,
    unit: f.unit,
    subject: corpus.figureGroupOf(file, i)?.subject ?? f.subject,
    ...reviewField(verdictAt?.("figure", f.start)),
  }));
  const claims = a.claims.map((c) => ({
    start: c.start,
    end: c.end,
    text: c.text,
    kinds: c.kinds,
    source: c.source ? { start: c.source.start, end: c.source.end, text: c.source.text } : null,
    cues: c.cues.map((x) => x.text),
    ...reviewField(verdictAt?.("claim", c.start)),
  }));
  const actors = kept
    ? kept.rows(a.text)
    : a.actors.map(({ start, end, text, kind, canonical }) => ({ start, end, text, kind, canonical }));
  const json = findings.map((f) => toJsonFinding(a, f));
  return `{"file":${JSON.stringify(file)},"actors":${JSON.stringify(actors)},"figures":${JSON.stringify(figures)},"claims":${JSON.stringify(claims)},"findings":${JSON.stringify(json)}}`;
}

/**
 * One contradiction of the scorer's shape as one line of JSON: the text `JSON.stringify` gives for
 * `{kind, summary, members: [{file, start, end, text, side, source, date}]}`. A member object is
 * shared by every contradiction of its reading (figureConflicts.ts), and a group's contradictions
 * are listed together: its text is made once while it recurs, kept in `memberTexts` (a plain Map
 * the caller owns, emptied when it reaches MEMBER_TEXTS_KEPT entries, so memory stays bounded).
 */
export function scorerContradictionJson(
  contradiction: Contradiction,
  memberTexts?: Map<ContradictionMember, string>,
): string {
  const { kind, members } = contradiction;
  let out = `{"kind":${JSON.stringify(kind)},"summary":${JSON.stringify(contradictionSummary(contradiction))},"members":[`;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    let text = memberTexts?.get(m);
    if (text === undefined) {
      const { file, start, end, text: said, side, source, date } = m;
      text = JSON.stringify({ file, start, end, text: said, side, source, date });
      if (memberTexts && memberTexts.size >= MEMBER_TEXTS_KEPT) memberTexts.clear();
      memberTexts?.set(m, text);
    }
    out += i > 0 ? `,${text}` : text;
  }
  return `${out}]}`;
}

const MEMBER_TEXTS_KEPT = 20_000;

/**
 * Writes JSON arrays one item at a time, one item per line (`{"files":[` … `],"contradictions":[`
 * … `]}`: valid JSON that stays readable, greppable and diffable on a thousand files). Every
 * chunk written ends a line except the last (`end`), so a writer that ends each chunk with a
 * newline writes the same text as one that does not. One item is held until the next shows
 * whether a comma follows it.
 */
export class JsonLines {
  private pending = "";
  private held: string | undefined;

  constructor(private readonly write: (chunk: string) => void) {}

  /** Text before an array's first item (ending with `[`). */
  open(prefix: string): void {
    this.pending += prefix;
  }

  item(json: string): void {
    if (this.held !== undefined) {
      this.write(`${this.held},\n`);
    } else {
      this.write(`${this.pending}\n`);
      this.pending = "";
    }
    this.held = json;
  }

  /** Text after an array's last item (starting with `]`), on the line after it. */
  close(suffix: string): void {
    if (this.held !== undefined) {
      this.write(`${this.held}\n`);
      this.held = undefined;
    }
    this.pending += suffix;
  }

  /** Writes what is left (the last line, without its newline). */
  end(): void {
    this.write(this.pending);
    this.pending = "";
  }
}

// ---- Findings as text ----

const SEVERITY_WORD: Record<FindingSeverity, string> = {
  error: "error",
  warning: "warning",
  information: "info",
  hint: "hint",
};

function paintSeverity(colors: Colors, severity: FindingSeverity): string {
  const word = SEVERITY_WORD[severity];
  if (severity === "error") return colors.red(word);
  if (severity === "warning") return colors.yellow(word);
  if (severity === "information") return colors.blue(word);
  return colors.dim(word);
}

/** One `file:line:col: severity message [code]` line per finding of one file (and its orphaned verdicts). */
export function formatFileFindings(
  { file, analysis, findings, orphaned }: FileReport,
  colors: Colors = NO_COLORS,
): string {
  const lines: string[] = [];
  for (const finding of findings) {
    const { line, column } = lineColumn(analysis, finding.span.start);
    lines.push(
      `${colors.bold(`${file}:${line}:${column}`)}: ${paintSeverity(colors, finding.severity)} ${finding.message} ${colors.dim(`[${finding.code}]`)}`,
    );
  }
  for (const review of orphaned ?? []) {
    lines.push(
      `${colors.bold(file)}: orphaned verdict (sentence no longer in the text)${verdictLabel(review)} — ${oneLine(review.sentence, 80)}`,
    );
  }
  return lines.join("\n");
}

/** Counts findings by severity as reports are written, for the summary line. */
export class Tally {
  private readonly counts: Record<FindingSeverity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  private files = 0;

  add(findings: readonly { severity: FindingSeverity }[]): void {
    this.files++;
    for (const f of findings) this.counts[f.severity]++;
  }

  /** `12 findings in 3 files: 2 warnings, 7 info, 3 hints`. */
  summary(): string {
    const counts = this.counts;
    const total = counts.error + counts.warning + counts.information + counts.hint;
    const parts = (Object.keys(counts) as FindingSeverity[])
      .filter((s) => counts[s] > 0)
      .map((s) => `${counts[s]} ${SEVERITY_WORD[s]}${counts[s] === 1 || s === "information" ? "" : "s"}`);
    return `${total} finding${total === 1 ? "" : "s"} in ${this.files} file${this.files === 1 ? "" : "s"}${parts.length ? `: ${parts.join(", ")}` : ""}`;
  }
}

// ---- Contradictions and figures ----

/** The line (1-based) of an offset of an analysed file; 1 when the file is unknown. */
export type LineOf = (file: string, offset: number) => number;

/** The contradictions report, one block (lines joined by "\n") at a time. */
export function* contradictionsReport(corpus: CorpusResults, lineOf: LineOf): Generator<string> {
  const list = corpus.contradictions();
  if (list.length === 0) {
    yield `No contradictions found in ${corpus.files().length} file(s).`;
    return;
  }
  const figure = list.filter((c) => c.kind === "figure");
  const stance = list.filter((c) => c.kind === "stance");
  if (figure.length) {
    yield `Figures that disagree (${figure.length})`;
    for (const [i, c] of figure.entries()) yield describe(lineOf, c, i + 1).join("\n");
  }
  if (stance.length) {
    yield `${figure.length ? "\n" : ""}Statements asserted and denied (${stance.length})`;
    for (const [i, c] of stance.entries()) yield describe(lineOf, c, i + 1).join("\n");
  }
}

function describe(lineOf: LineOf, c: Contradiction, n: number): string[] {
  const rows = [``, `${n}. ${contradictionSummary(c)}${c.revision ? " [revision]" : ""}`];
  for (const side of ["a", "b"] as const) {
    const label = c.kind === "stance" ? (side === "a" ? "denies" : "asserts") : `side ${side.toUpperCase()}`;
    for (const m of c.members.filter((x) => x.side === side)) {
      rows.push(
        `   ${label.padEnd(8)} ${m.file}:${lineOf(m.file, m.start)}  ${oneLine(m.text, 70)}${m.source ? `  — ${m.source}` : ""}${m.date ? `, ${m.date}` : ""}`,
      );
    }
  }
  return rows;
}

/** The table of subjects × sources × values, one block per figure group. */
export function* figureTable(corpus: CorpusResults, lineOf: LineOf): Generator<string> {
  const groups = corpus
    .figureGroups()
    .filter((g) => g.members.length > 1 || new Set(g.members.map((m) => m.file)).size > 1);
  if (groups.length === 0) {
    yield "No figure is given for the same subject more than once.";
    return;
  }
  for (const [i, g] of groups.entries()) {
    const rows = g.members.map((m) => [
      m.text + (m.unit ? " " + m.unit : ""),
      m.source ?? "(the text itself)",
      m.date ?? "",
      `${m.file}:${lineOf(m.file, m.start)}`,
    ]);
    const header = ["value", "source", "date", "file"];
    const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
    const line = (cells: string[]) =>
      "  " + cells.map((c, i) => (i === cells.length - 1 ? c : oneLine(c, widths[i]!).padEnd(widths[i]!))).join("  ");
    const block = [`\n${g.label}`, line(header), ...rows.map(line)].join("\n");
    yield i === 0 ? block.trimStart() : block;
  }
}

/**
 * `{"<key>": [items]}` as `JSON.stringify(…, null, 2)` writes it, one item at a time (items are
 * indented alike: JSON strings hold no raw line breaks).
 */
/** A contradiction as `contradictions --format json` lists it: with its summary, without its label. */
export function contradictionJson(c: Contradiction): Contradiction {
  if (c.summary !== undefined) return c;
  const { kind, members, subject, revision } = c;
  return { kind, summary: contradictionSummary(c), members, subject, ...(revision ? { revision } : {}) };
}

export function* indentedJsonList<T>(
  key: string,
  items: readonly T[],
  toJson: (item: T) => unknown = (item) => item,
): Generator<string> {
  if (items.length === 0) {
    yield `{\n  ${JSON.stringify(key)}: []\n}`;
    return;
  }
  yield `{\n  ${JSON.stringify(key)}: [`;
  for (const [i, item] of items.entries()) {
    const text = JSON.stringify(toJson(item), null, 2).replace(/\n/g, "\n    ");
    yield `    ${text}${i < items.length - 1 ? "," : ""}`;
  }
  yield "  ]\n}";
}
