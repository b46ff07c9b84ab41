// Offsets ↔ positions of a closed file without its text (see LineTable).
import type { Position, Range } from "vscode-languageserver";
import type { Bias, LineMap } from "./convert";
import { firstAtLeast } from "../engine/spans";

/** What features read of a line map: a LineMap (open documents) or a LineTable (closed files). */
export type Lines = Pick<
  LineMap,
  "bomShift" | "lineCount" | "positionAt" | "offsetAt" | "rangeOf" | "lineRange" | "linePieces"
>;

/**
 * A LineMap that keeps only line tables (line starts, content ends, the rare offsets inside a
 * surrogate pair), not the text: the server holds one for every closed file it indexed without
 * holding the files' texts. Same positions as LineMap (test/lsp/convert.test.ts compares them).
 */
export class LineTable implements Lines {
  /** 1 when the text starts with a BOM the engine removed, else 0. */
  readonly bomShift: number;
  private readonly length: number;
  private readonly lineStarts: Uint32Array;
  /** Where each line's content ends (before "\r\n", "\n" or "\r"). */
  private readonly contentEnds: Uint32Array;
  /** Offsets between the two halves of a surrogate pair, ascending (rarely any). */
  private readonly splitOffsets: Uint32Array;

  constructor(text: string) {
    this.bomShift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.length = text.length;
    const { starts, ends, splits } = scanLines(text);
    this.lineStarts = Uint32Array.from(starts);
    this.contentEnds = Uint32Array.from(ends);
    this.splitOffsets = Uint32Array.from(splits);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Engine offset → LSP position. */
  positionAt(engineOffset: number, bias: Bias = "start"): Position {
    let offset = clamp(Math.trunc(engineOffset) + this.bomShift, this.bomShift, this.length);
    if (this.isSplit(offset)) offset += bias === "start" ? -1 : 1;
    const line = this.lineOf(offset);
    const lineStart = this.lineStarts[line]!;
    const character = Math.min(offset, this.contentEnds[line]!) - lineStart;
    return { line, character };
  }

  /** LSP position → engine offset (clamped into the text). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.length - this.bomShift;
    const lineStart = this.lineStarts[position.line]!;
    const offset = Math.min(lineStart + Math.max(position.character, 0), this.contentEnds[position.line]!);
    return Math.max(offset - this.bomShift, 0);
  }

  /** Engine span (or start/end pair) → LSP range. */
  rangeOf(span: { start: number; end: number }): Range {
    const start = this.positionAt(span.start, "start");
    const end = this.positionAt(Math.max(span.end, span.start), "end");
    return { start, end };
  }

  /** The range of one whole line (without its terminator). */
  lineRange(line: number): Range {
    const l = clamp(line, 0, this.lineStarts.length - 1);
    return {
      start: { line: l, character: 0 },
      end: { line: l, character: this.contentEnds[l]! - this.lineStarts[l]! },
    };
  }

  /** Splits an engine span into single-line pieces: [line, startCharacter, length]. */
  linePieces(span: { start: number; end: number }): Array<[line: number, character: number, length: number]> {
    const { start, end } = this.rangeOf(span);
    const pieces: Array<[number, number, number]> = [];
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : this.contentEnds[line]! - this.lineStarts[line]!;
      if (to > from) pieces.push([line, from, to - from]);
    }
    return pieces;
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private isSplit(offset: number): boolean {
    return this.splitOffsets[firstAtLeast(this.splitOffsets, offset)] === offset;
  }
}

/** Line starts, where each line's content ends, and the offsets inside surrogate pairs. */
function scanLines(text: string): { starts: number[]; ends: number[]; splits: number[] } {
  const starts = [0];
  const ends: number[] = [];
  const splits: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      ends.push(i);
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      ends.push(i);
      starts.push(i + 1);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) splits.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends, splits };
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}
