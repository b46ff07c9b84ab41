// Overlap and containment queries over spans that may nest (claims hold figures, a source holds
// actors), built once per analysis so that a feature asking "which claim holds this figure?"
// for every figure stays linear in the document instead of scanning every claim each time.
import type { Analysis, Claim, Span } from "../engine";
import { lowerBound, type Ranged } from "../engine/spans";

export class SpanIndex<T extends Ranged> {
  private readonly sorted: T[];
  /** maxEnd[i]: the largest end among sorted[0..i] (lets a query stop walking back early). */
  private readonly maxEnd: number[];

  constructor(spans: readonly T[]) {
    this.sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
    this.maxEnd = [];
    let max = -Infinity;
    for (const span of this.sorted) this.maxEnd.push((max = Math.max(max, span.end)));
  }

  get size(): number {
    return this.sorted.length;
  }

  /** Every span sharing at least one character with [start, end), by start. */
  overlapping(query: Ranged): T[] {
    const out: T[] = [];
    this.walkBack(
      query.end,
      (span) => {
        if (span.start < query.end && query.start < span.end) out.push(span);
      },
      query.start,
    );
    return out.reverse();
  }

  /** The first (by start) span overlapping the query, if any. */
  firstOverlapping(query: Ranged): T | undefined {
    return this.overlapping(query)[0];
  }

  /** The spans containing the whole query, outermost first. */
  containing(query: Ranged): T[] {
    const out: T[] = [];
    this.walkBack(
      query.start + 1,
      (span) => {
        if (span.start <= query.start && query.end <= span.end) out.push(span);
      },
      query.start - 1,
    );
    return out.reverse();
  }

  /** The spans holding an offset, end included (a cursor just after a word is on it), by start. */
  at(offset: number): T[] {
    const out: T[] = [];
    this.walkBack(
      offset + 1,
      (span) => {
        if (span.start <= offset && offset <= span.end) out.push(span);
      },
      offset - 1,
    );
    return out.reverse();
  }

  /** Visits spans starting before `before`, latest first, while one of them may still reach past `after`. */
  private walkBack(before: number, visit: (span: T) => void, after: number): void {
    for (let i = lowerBound(this.sorted, before) - 1; i >= 0 && this.maxEnd[i]! > after; i--) visit(this.sorted[i]!);
  }
}

/** The lookups every feature needs on one analysis, built on first use and kept with it. */
export interface AnalysisIndex {
  claims: SpanIndex<Claim>;
  /** Claim sources (non-null), to tell whether an actor speaks. */
  sources: SpanIndex<Span>;
  figures: SpanIndex<{ start: number; end: number; index: number }>;
  actors: SpanIndex<Analysis["actors"][number]>;
  claimIndex: Map<Claim, number>;
}

const indexes = new WeakMap<Analysis, AnalysisIndex>();

export function indexOf(analysis: Analysis): AnalysisIndex {
  let index = indexes.get(analysis);
  if (!index) {
    index = {
      claims: new SpanIndex(analysis.claims),
      sources: new SpanIndex(analysis.claims.flatMap((c) => (c.source ? [c.source] : []))),
      figures: new SpanIndex(analysis.figures.map((f, i) => ({ start: f.start, end: f.end, index: i }))),
      actors: new SpanIndex(analysis.actors),
      claimIndex: new Map(analysis.claims.map((c, i) => [c, i])),
    };
    indexes.set(analysis, index);
  }
  return index;
}
