// A file's claims kept compact between its analysis and its report (analyze on thousands of
// files keeps every file until all are known): spans in typed arrays, each text sliced again from
// the analysed text when it is that slice, kinds, stances and source ids as the shared strings
// they are. The claim objects with their cues and sources were about half of a kept file.
import type { Claim, ClaimKind, ClaimSource, Cue, SourceKind, Stance } from "../engine";

/** Per claim: start, end, sentence, first cue, cue end, source start, source end, date start, date end. */
const COLUMNS = 9;
/** A source or date span start that says there is none. */
const NONE = -2147483648;
/** An optional field that is absent (not merely undefined): the claims given back have the same keys. */
const ABSENT = Symbol("absent");

export class KeptClaims {
  private readonly spans: Int32Array;
  private readonly kinds: ClaimKind[][];
  private readonly stances: Stance[];
  private readonly sourceKinds: Array<SourceKind | undefined>;
  private readonly canonicals: Array<string | undefined | typeof ABSENT>;
  /** Per cue: start, end. */
  private readonly cueSpans: Int32Array;
  private readonly cueKinds: ClaimKind[];
  private readonly cueStances: Array<Stance | undefined | typeof ABSENT>;
  /** Texts that are not the slice of the analysed text at their span, by field (rare). */
  private readonly odd = new Map<string, string>();

  constructor(claims: readonly Claim[], text: string) {
    const cueCount = claims.reduce((n, c) => n + c.cues.length, 0);
    this.spans = new Int32Array(claims.length * COLUMNS);
    this.cueSpans = new Int32Array(cueCount * 2);
    this.kinds = claims.map((c) => c.kinds);
    this.stances = claims.map((c) => c.stance);
    this.sourceKinds = claims.map((c) => c.source?.kind);
    this.canonicals = claims.map((c) => (c.source && "canonical" in c.source ? c.source.canonical : ABSENT));
    this.cueKinds = [];
    this.cueStances = [];
    let cue = 0;
    claims.forEach((c, i) => {
      const at = i * COLUMNS;
      this.keepText(text, c, `c${i}`);
      this.spans.set([c.start, c.end, c.sentence, cue, cue + c.cues.length], at);
      for (const x of c.cues) {
        this.keepText(text, x, `q${cue}`);
        this.cueSpans[2 * cue] = x.start;
        this.cueSpans[2 * cue + 1] = x.end;
        this.cueKinds.push(x.kind);
        this.cueStances.push("stance" in x ? x.stance : ABSENT);
        cue++;
      }
      this.spans.set(c.source ? [c.source.start, c.source.end] : [NONE, NONE], at + 5);
      if (c.source) this.keepText(text, c.source, `s${i}`);
      this.spans.set(c.date ? [c.date.start, c.date.end] : [NONE, NONE], at + 7);
      if (c.date) this.keepText(text, c.date, `d${i}`);
    });
  }

  /** The claims again, equal to those kept (`text` is the analysed text they were kept with). */
  claims(text: string): Claim[] {
    const out: Claim[] = new Array(this.kinds.length);
    for (let i = 0; i < out.length; i++) out[i] = this.claim(text, i);
    return out;
  }

  // Plain indexing and object literals: reading the columns through subarray() and destructuring,
  // and building the cues and sources by spreading, cost more than the rest of a file's report.
  private claim(text: string, i: number): Claim {
    const spans = this.spans;
    const at = i * COLUMNS;
    const start = spans[at]!;
    const end = spans[at + 1]!;
    const cueTo = spans[at + 4]!;
    const cues: Cue[] = [];
    for (let q = spans[at + 3]!; q < cueTo; q++) cues.push(this.cue(text, q));
    const dateStart = spans[at + 7]!;
    const dateEnd = spans[at + 8]!;
    // An analysis gives every claim a date key, undefined when the sentence gives none.
    return {
      start,
      end,
      text: this.textOf(text, start, end, `c${i}`),
      kinds: this.kinds[i]!,
      cues,
      source: this.source(text, i),
      stance: this.stances[i]!,
      sentence: spans[at + 2]!,
      date:
        dateStart === NONE
          ? undefined
          : { start: dateStart, end: dateEnd, text: this.textOf(text, dateStart, dateEnd, `d${i}`) },
    };
  }

  private cue(text: string, q: number): Cue {
    const start = this.cueSpans[2 * q]!;
    const end = this.cueSpans[2 * q + 1]!;
    const cue: Cue = { start, end, text: this.textOf(text, start, end, `q${q}`), kind: this.cueKinds[q]! };
    const stance = this.cueStances[q];
    if (stance !== ABSENT) cue.stance = stance;
    return cue;
  }

  private source(text: string, i: number): ClaimSource | null {
    const kind = this.sourceKinds[i];
    if (kind === undefined) return null;
    const start = this.spans[i * COLUMNS + 5]!;
    const end = this.spans[i * COLUMNS + 6]!;
    const source: ClaimSource = { start, end, text: this.textOf(text, start, end, `s${i}`), kind };
    const canonical = this.canonicals[i];
    if (canonical !== ABSENT) source.canonical = canonical;
    return source;
  }

  private keepText(text: string, span: { start: number; end: number; text: string }, field: string): void {
    if (span.start < 0 || span.text !== text.slice(span.start, span.end)) this.odd.set(field, span.text);
  }

  private textOf(text: string, start: number, end: number, field: string): string {
    // Only the rare texts that are not their slice are kept by field (the key is made only then).
    return this.odd.size > 0 ? (this.odd.get(field) ?? text.slice(start, end)) : text.slice(start, end);
  }
}
