// Clause breaks of one sentence, counted once. Whether a figure and a word of its sentence lie in
// one clause is then two look-ups, not a scan of the tokens between them: a sentence that lists
// hundreds of figures and places (a table run into one line) made that scan cubic.
import { type Token, TokenKind } from "./tokens";
import { FRAME_LEX, opensClause } from "./frameLexicon";

const CLOSING_QUOTES = new Set(["”", "’", '"', "'"]);

/** Counts of breaks before each token of [t0, t1]: `hard` ends a clause either way, `after` adds the words that open a subordinate clause. */
export interface ClauseBreaks {
  t0: number;
  t1: number;
  hard: Int32Array;
  after: Int32Array;
}

/**
 * The breaks of tokens [t0, t1). `reuse` (breaks no longer read) lends its arrays when they are long
 * enough: a typed array costs more to make than most sentences cost to count.
 */
export function clauseBreaks(tokens: readonly Token[], t0: number, t1: number, reuse?: ClauseBreaks): ClauseBreaks {
  const n = t1 - t0 + 1;
  const fits = reuse !== undefined && reuse.hard.length >= n;
  const hard = fits ? reuse.hard : new Int32Array(Math.max(n, 64));
  const after = fits ? reuse.after : new Int32Array(hard.length);
  hard[0] = 0;
  after[0] = 0;
  for (let j = t0; j < t1; j++) {
    const h = endsClause(tokens, j);
    hard[j - t0 + 1] = hard[j - t0]! + (h ? 1 : 0);
    after[j - t0 + 1] = after[j - t0]! + (h || opensSubordinate(tokens, j) ? 1 : 0);
  }
  if (!fits) return { t0, t1, hard, after };
  reuse.t0 = t0;
  reuse.t1 = t1;
  return reuse;
}

/** Whether token k lies in the figure's clause: no semicolon or ", and" between them, and no subordinate clause opened after the figure before it. */
export function sameClause(
  tokens: readonly Token[],
  raw: { t0: number; t1: number },
  k: number,
  breaks?: ClauseBreaks,
): boolean {
  if (k >= raw.t0 && k < raw.t1) return true;
  const isAfter = k >= raw.t1;
  const from = isAfter ? raw.t1 : k + 1;
  const to = isAfter ? k : raw.t0;
  if (breaks && from >= breaks.t0 && to <= breaks.t1 && from <= to) {
    const counts = isAfter ? breaks.after : breaks.hard;
    return counts[to - breaks.t0] === counts[from - breaks.t0];
  }
  for (let j = from; j < to; j++) if (endsClause(tokens, j) || (isAfter && opensSubordinate(tokens, j))) return false;
  return true;
}

/** A semicolon, or a comma before a coordinator (a closing quote between them allowed). */
function endsClause(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!;
  if (t.text === ";") return true;
  return (
    t.text === "," &&
    FRAME_LEX.coordinators.has(tokens[CLOSING_QUOTES.has(tokens[j + 1]?.text ?? "") ? j + 2 : j + 1]?.lower ?? "")
  );
}

function opensSubordinate(tokens: readonly Token[], j: number): boolean {
  return tokens[j]!.kind === TokenKind.Word && opensClause(tokens, j);
}
