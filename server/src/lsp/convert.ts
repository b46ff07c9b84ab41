// The one seam between engine data (UTF-16 offsets into `Analysis.text`, rule codes, severities)
// and LSP data (positions, ranges, locations, diagnostics). No other module builds a Range or a
// Diagnostic by hand.
//
// Offsets: the engine analyses the text without a leading BOM, so when the document text (as the
// client sees it) starts with U+FEFF every engine offset is shifted by one. Lines end at "\r\n",
// "\n" or "\r"; a position never points inside a line terminator or between the two halves of a
// surrogate pair.
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Location,
  type Position,
  type Range,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding, RuleCode, Severity, Span } from "../engine";
import type { Lines } from "./lineTable";

export const DIAGNOSTIC_SOURCE = "provenance";

/** Offset bias for an offset that falls between the two halves of a surrogate pair. */
export type Bias = "start" | "end";

export class LineMap {
  /** 1 when the text starts with a BOM the engine removed, else 0. */
  readonly bomShift: number;
  /** The line arithmetic (UTF-16 units; "\r\n", "\n", "\r"; never inside a terminator) is the LSP library's. */
  private readonly document: TextDocument;

  constructor(readonly text: string) {
    this.bomShift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.document = TextDocument.create("", "plaintext", 0, text);
  }

  get lineCount(): number {
    return this.document.lineCount;
  }

  /** Engine offset → LSP position. */
  positionAt(engineOffset: number, bias: Bias = "start"): Position {
    let offset = clamp(Math.trunc(engineOffset) + this.bomShift, this.bomShift, this.text.length);
    if (isInsideSurrogatePair(this.text, offset)) offset += bias === "start" ? -1 : 1;
    return this.document.positionAt(offset);
  }

  /** LSP position → engine offset (clamped into the text). */
  offsetAt(position: Position): number {
    return Math.max(this.document.offsetAt(position) - this.bomShift, 0);
  }

  /** Engine span (or start/end pair) → LSP range. */
  rangeOf(span: { start: number; end: number }): Range {
    const start = this.positionAt(span.start, "start");
    const end = this.positionAt(Math.max(span.end, span.start), "end");
    return { start, end };
  }

  /** The range of one whole line (without its terminator). */
  lineRange(line: number): Range {
    const l = clamp(line, 0, this.lineCount - 1);
    return { start: { line: l, character: 0 }, end: { line: l, character: this.lineLength(l) } };
  }

  /** Splits an engine span into single-line pieces: [line, startCharacter, length]. */
  linePieces(span: { start: number; end: number }): Array<[line: number, character: number, length: number]> {
    const { start, end } = this.rangeOf(span);
    const pieces: Array<[number, number, number]> = [];
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : this.lineLength(line);
      if (to > from) pieces.push([line, from, to - from]);
    }
    return pieces;
  }

  /** UTF-16 units of a line's content (a character past the end is clamped before its terminator). */
  private lineLength(line: number): number {
    return (
      this.document.offsetAt({ line, character: this.text.length }) - this.document.offsetAt({ line, character: 0 })
    );
  }
}

function isInsideSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

/** A small cache of line maps, one per document, rebuilt when the text changes. */
export class LineMaps {
  private readonly maps = new Map<string, LineMap>();

  of(uri: string, text: string): LineMap {
    const cached = this.maps.get(uri);
    if (cached && cached.text === text) return cached;
    const map = new LineMap(text);
    this.maps.set(uri, map);
    return map;
  }

  forget(uri: string): void {
    this.maps.delete(uri);
  }
}

/** The smallest range covering all `ranges` (at least one). */
export function coveringRange(ranges: readonly Range[]): Range {
  let { start, end } = ranges[0]!;
  for (const r of ranges) {
    if (comparePositions(r.start, start) < 0) start = r.start;
    if (comparePositions(r.end, end) > 0) end = r.end;
  }
  return { start, end };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

// ---- Locations ----

export function toLocation(uri: string, range: Range): Location {
  return { uri, range };
}

/** `file:///x.txt#L12`: a link to a line, as Markdown hovers and previews open it. */
export function lineLink(uri: string, range: Range): string {
  return `${uri}#L${range.start.line + 1}`;
}

/** 1-based line number for display. */
export function displayLine(range: Range): number {
  return range.start.line + 1;
}

// ---- Diagnostics ----

const LSP_SEVERITY: Record<Exclude<Severity, "off">, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspSeverity(severity: Severity): DiagnosticSeverity | undefined {
  return severity === "off" ? undefined : LSP_SEVERITY[severity];
}

export interface RelatedMention {
  uri: string;
  range: Range;
  message: string;
}

export interface DiagnosticInput {
  code: RuleCode;
  severity: Severity;
  range: Range;
  message: string;
  related?: RelatedMention[];
  /** Plain data carried with the diagnostic (for code actions, tests). */
  data?: unknown;
}

/** Rule code + configured severity → Diagnostic, or undefined when the code is switched off. */
export function toDiagnostic(input: DiagnosticInput): Diagnostic | undefined {
  const severity = toLspSeverity(input.severity);
  if (severity === undefined) return undefined;
  const diagnostic: Diagnostic = {
    range: input.range,
    severity,
    code: input.code,
    source: DIAGNOSTIC_SOURCE,
    message: input.message,
  };
  if (input.related && input.related.length > 0) {
    diagnostic.relatedInformation = input.related.map((r): DiagnosticRelatedInformation => ({
      location: toLocation(r.uri, r.range),
      message: r.message,
    }));
  }
  if (input.data !== undefined) diagnostic.data = input.data;
  return diagnostic;
}

/**
 * A finding (engine offsets) → Diagnostic: its range from the file's line map, each related
 * mention's from the line map of its file (mentions of files without one are left out). The
 * finding's data (which claim or figure, its kinds) is not sent: no client shows it and the code
 * actions read code, range and related locations; it was an eighth of every publication.
 */
export function findingToDiagnostic(
  finding: Finding,
  map: Lines,
  lineMapOf: (file: string) => Lines | undefined,
): Diagnostic | undefined {
  const severity = toLspSeverity(finding.severity);
  if (severity === undefined) return undefined;
  const diagnostic: Diagnostic = {
    range: map.rangeOf(finding.span),
    severity,
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  const related: DiagnosticRelatedInformation[] = [];
  for (const mention of finding.related ?? []) {
    const other = lineMapOf(mention.file);
    if (other) related.push({ location: toLocation(mention.file, other.rangeOf(mention)), message: mention.message });
  }
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** Whether an engine span contains an engine offset (end inclusive, so a cursor after a word counts). */
export function spanContains(span: { start: number; end: number }, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** Whether two engine spans overlap. */
export function spansOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export type { Span };
