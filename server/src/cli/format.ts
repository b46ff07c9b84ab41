// The CLI's reports: findings as `file:line:col` lines, the scorer's JSON with each file's
// findings, the contradictions report and the figures table. Presentation only: codes,
// severities and messages come from engine/findings.ts. Line and column come from one line map
// per file (vscode-languageserver-textdocument: "\r\n", "\n" and "\r" end a line), so a report is
// linear in the size of the input.
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Analysis, Contradiction, Corpus, FindingSeverity, Review, Stance } from "../engine";
import { oneLine } from "../engine/wording";
import { verdictJson, verdictLabel, type ReviewedFinding } from "./reviews";

/** One analysed input and what the engine found in it. */
export interface FileReport {
  file: string;
  analysis: Analysis;
  findings: ReviewedFinding[];
  /** The verdict on the claim or figure at an offset, from `.provenance/reviews.json`. */
  verdictAt?: (kind: "claim" | "figure", offset: number) => Review | undefined;
  /** Verdicts whose sentence is no longer in the file. */
  orphaned?: readonly Review[];
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

/** The line map of an analysed text (built once per analysis). */
export function documentOf(analysis: Analysis): TextDocument {
  let document = documents.get(analysis);
  if (!document) {
    document = TextDocument.create("file:///input", "plaintext", 0, analysis.text);
    documents.set(analysis, document);
  }
  return document;
}

/** 1-based line and column (UTF-16 units) of an offset. */
export function lineColumn(analysis: Analysis, offset: number): { line: number; column: number } {
  const { line, character } = documentOf(analysis).positionAt(offset);
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

/**
 * The scorer's JSON as text: one file and one contradiction per line (valid JSON that stays
 * readable, greppable and diffable on a thousand files).
 */
export function scorerJsonText(corpus: Corpus, reports: readonly FileReport[]): string {
  const { files, contradictions } = toScorerJson(corpus, reports);
  const lines = (items: unknown[]) => (items.length ? `\n${items.map((x) => JSON.stringify(x)).join(",\n")}\n` : "");
  return `{"files":[${lines(files)}],"contradictions":[${lines(contradictions)}]}`;
}

/** `{review: …}` when a verdict exists (the scorer's shape is unchanged otherwise). */
function reviewField(review: Review | undefined): { review?: ReturnType<typeof verdictJson> } {
  return review ? { review: verdictJson(review) } : {};
}

/** The scorer's shape (files[].actors/figures/claims, contradictions), each file with its findings. */
export function toScorerJson(corpus: Corpus, reports: readonly FileReport[]): { files: unknown[]; contradictions: unknown[] } {
  return {
    files: reports.map(({ file, analysis: a, findings, verdictAt }) => ({
      file,
      actors: a.actors.map(({ start, end, text, kind, canonical }) => ({ start, end, text, kind, canonical })),
      figures: a.figures.map((f, i) => ({
        start: f.start,
        end: f.end,
        text: f.text,
        value: f.value,
        qualifier: f.qualifier,
        unit: f.unit,
        subject: corpus.figureGroupOf(file, i)?.subject ?? f.subject,
        ...reviewField(verdictAt?.("figure", f.start)),
      })),
      claims: a.claims.map((c) => ({
        start: c.start,
        end: c.end,
        text: c.text,
        kinds: c.kinds,
        source: c.source ? { start: c.source.start, end: c.source.end, text: c.source.text } : null,
        cues: c.cues.map((x) => x.text),
        ...reviewField(verdictAt?.("claim", c.start)),
      })),
      findings: findings.map((f) => toJsonFinding(a, f)),
    })),
    contradictions: corpus.contradictions().map(({ kind, summary, members }) => ({
      kind,
      summary,
      members: members.map(({ file, start, end, text, side, source, date }) => ({ file, start, end, text, side, source, date })),
    })),
  };
}

// ---- Findings as text ----

const SEVERITY_WORD: Record<FindingSeverity, string> = { error: "error", warning: "warning", information: "info", hint: "hint" };

function paintSeverity(colors: Colors, severity: FindingSeverity): string {
  const word = SEVERITY_WORD[severity];
  if (severity === "error") return colors.red(word);
  if (severity === "warning") return colors.yellow(word);
  if (severity === "information") return colors.blue(word);
  return colors.dim(word);
}

/** One `file:line:col: severity message [code]` line per finding. */
export function formatFindings(reports: readonly FileReport[], colors: Colors = NO_COLORS): string {
  const lines: string[] = [];
  for (const { file, analysis, findings, orphaned } of reports) {
    for (const finding of findings) {
      const { line, column } = lineColumn(analysis, finding.span.start);
      lines.push(`${colors.bold(`${file}:${line}:${column}`)}: ${paintSeverity(colors, finding.severity)} ${finding.message} ${colors.dim(`[${finding.code}]`)}`);
    }
    for (const review of orphaned ?? []) {
      lines.push(`${colors.bold(file)}: orphaned verdict (sentence no longer in the text)${verdictLabel(review)} — ${oneLine(review.sentence, 80)}`);
    }
  }
  return lines.join("\n");
}

/** `12 findings in 3 files: 2 warnings, 7 info, 3 hints`. */
export function summarize(reports: readonly FileReport[]): string {
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) for (const f of r.findings) counts[f.severity]++;
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const parts = (Object.keys(counts) as FindingSeverity[])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${SEVERITY_WORD[s]}${counts[s] === 1 || s === "information" ? "" : "s"}`);
  return `${total} finding${total === 1 ? "" : "s"} in ${reports.length} file${reports.length === 1 ? "" : "s"}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

// ---- Contradictions and figures ----

export function formatContradictions(corpus: Corpus): string {
  const list = corpus.contradictions();
  if (list.length === 0) return `No contradictions found in ${corpus.files().length} file(s).`;
  const out: string[] = [];
  const figure = list.filter((c) => c.kind === "figure");
  const stance = list.filter((c) => c.kind === "stance");
  if (figure.length) out.push(`Figures that disagree (${figure.length})`, ...figure.flatMap((c, i) => describe(corpus, c, i + 1)));
  if (stance.length) out.push(`${figure.length ? "\n" : ""}Statements asserted and denied (${stance.length})`, ...stance.flatMap((c, i) => describe(corpus, c, i + 1)));
  return out.join("\n");
}

function lineOf(corpus: Corpus, file: string, offset: number): number {
  const analysis = corpus.analysis(file);
  return analysis ? lineColumn(analysis, offset).line : 1;
}

function describe(corpus: Corpus, c: Contradiction, n: number): string[] {
  const rows = [``, `${n}. ${c.summary}${c.revision ? " [revision]" : ""}`];
  for (const side of ["a", "b"] as const) {
    const label = c.kind === "stance" ? (side === "a" ? "denies" : "asserts") : `side ${side.toUpperCase()}`;
    for (const m of c.members.filter((x) => x.side === side)) {
      rows.push(`   ${label.padEnd(8)} ${m.file}:${lineOf(corpus, m.file, m.start)}  ${oneLine(m.text, 70)}${m.source ? `  — ${m.source}` : ""}${m.date ? `, ${m.date}` : ""}`);
    }
  }
  return rows;
}

export function formatFigureTable(corpus: Corpus): string {
  const groups = corpus.figureGroups().filter((g) => g.members.length > 1 || new Set(g.members.map((m) => m.file)).size > 1);
  if (groups.length === 0) return "No figure is given for the same subject more than once.";
  const out: string[] = [];
  for (const g of groups) {
    const rows = g.members.map((m) => [
      m.text + (m.unit ? " " + m.unit : ""),
      m.source ?? "(the text itself)",
      m.date ?? "",
      `${m.file}:${lineOf(corpus, m.file, m.start)}`,
    ]);
    const header = ["value", "source", "date", "file"];
    const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
    const line = (cells: string[]) => "  " + cells.map((c, i) => (i === cells.length - 1 ? c : oneLine(c, widths[i]!).padEnd(widths[i]!))).join("  ");
    out.push(`\n${g.label}`, line(header), ...rows.map(line));
  }
  return out.join("\n").trimStart();
}
