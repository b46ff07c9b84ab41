// Offsets ↔ positions of a closed file without its text (see LineTable).
import type { Position, Range } from "vscode-languageserver";
import type { Bias, LineMap } from "./convert";
import { firstAtLeast } from "../engine/spans";

/** What features read of a line map: a LineMap (open documents) or a LineTable (closed files). */
export type Lines = Pick<
  LineMap,
  "bomShift" | "lineCount" | "positionAt" | "offsetAt" | "rangeOf" | "lineRange" | "linePieces"
>;

/** What a LineTable is made of: plain data a structured clone keeps whole. */
export interface LineTableParts {
  bomShift: number;
  length: number;
  /** How many lines. */
  lines: number;
  /** The line starts, then where each line's content ends, then the offsets inside surrogate pairs. */
  table: Uint32Array;
}

/** The parts of the line table of `text`. */
export function lineTableParts(text: string): LineTableParts {
  const { starts, ends, splits } = scanLines(text);
  const table = new Uint32Array(starts.length + ends.length + splits.length);
  table.set(starts, 0);
  table.set(ends, starts.length);
  table.set(splits, starts.length + ends.length);
  return { bomShift: text.charCodeAt(0) === 0xfeff ? 1 : 0, length: text.length, lines: starts.length, table };
}

const NO_SPLITS = new Uint32Array(0);

/**
 * A LineMap that keeps only line tables (line starts, content ends, the rare offsets inside a
 * surrogate pair), not the text: the server holds one for every closed file it indexed without
 * holding the files' texts. Same positions as LineMap (test/lsp/convert.test.ts compares them).
 * The three tables are one array (one buffer per file, not three).
 */
export class LineTable implements Lines {
  /** 1 when the text starts with a BOM the engine removed, else 0. */
  readonly bomShift: number;
  private readonly length: number;
  private readonly lines: number;
  /** Line starts, then where each line's content ends (before "\r\n", "\n" or "\r"), then the splits. */
  private readonly table: Uint32Array;
  /** Offsets between the two halves of a surrogate pair, ascending (rarely any). */
  private readonly splitOffsets: Uint32Array;

  /** The table of `text`, or one made elsewhere (an indexing worker), from its parts. */
  constructor(source: string | LineTableParts) {
    const parts = typeof source === "string" ? lineTableParts(source) : source;
    this.bomShift = parts.bomShift;
    this.length = parts.length;
    this.lines = parts.lines;
    // A view of a larger buffer (a message's) would keep all of it.
    const own = parts.table.byteLength === parts.table.buffer.byteLength;
    this.table = own ? parts.table : parts.table.slice();
    this.splitOffsets = this.table.length > 2 * this.lines ? this.table.subarray(2 * this.lines) : NO_SPLITS;
  }

  private lineStart(line: number): number {
    return this.table[line]!;
  }

  private contentEnd(line: number): number {
    return this.table[this.lines + line]!;
  }

  get lineCount(): number {
    return this.lines;
  }

  /** Engine offset → LSP position. */
  positionAt(engineOffset: number, bias: Bias = "start"): Position {
    let offset = clamp(Math.trunc(engineOffset) + this.bomShift, this.bomShift, this.length);
    if (this.isSplit(offset)) offset += bias === "start" ? -1 : 1;
    const line = this.lineOf(offset);
    const lineStart = this.lineStart(line);
    const character = Math.min(offset, this.contentEnd(line)) - lineStart;
    return { line, character };
  }

  /** LSP position → engine offset (clamped into the text). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines) return this.length - this.bomShift;
    const lineStart = this.lineStart(position.line);
    const offset = Math.min(lineStart + Math.max(position.character, 0), this.contentEnd(position.line));
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
    const l = clamp(line, 0, this.lines - 1);
    return {
      start: { line: l, character: 0 },
      end: { line: l, character: this.contentEnd(l) - this.lineStart(l) },
    };
  }

  /** Splits an engine span into single-line pieces: [line, startCharacter, length]. */
  linePieces(span: { start: number; end: number }): Array<[line: number, character: number, length: number]> {
    const { start, end } = this.rangeOf(span);
    const pieces: Array<[number, number, number]> = [];
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : this.contentEnd(line) - this.lineStart(line);
      if (to > from) pieces.push([line, from, to - from]);
    }
    return pieces;
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lines - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStart(mid) <= offset) lo = mid;
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
