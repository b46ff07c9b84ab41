// Word classes as bits on tokens. A pass that looks for a few words among all the tokens of a
// document ("is this a cue word?", "can this start a number?") tests one bit instead of hashing
// the token's string into a Set. Each class is registered once at module load; a word's bits are
// computed once per distinct spelling (shared by all documents) and kept on the token on first use.
import type { Token } from "./tokens";

/** Bit of a registered class. */
export type WordMark = number;

/** A class decided by the spelling alone (the token's text and its lower case). */
type WordTest = (text: string, lower: string) => boolean;

const classes: WordTest[] = [];
/** Bits by spelling (the token's text: its lower case follows from it). Bounded. */
const bySpelling = new Map<string, number>();
const MAX_SPELLINGS = 200_000;

/** Registers a class of lower-case words (a set, or the keys of a map). At most 30 classes. */
export function wordClass(words: ReadonlySet<string> | ReadonlyMap<string, unknown>): WordMark {
  return wordTest((_text, lower) => words.has(lower));
}

/** Registers a class decided by a test of the spelling only (never of the context). */
export function wordTest(test: WordTest): WordMark {
  if (classes.length >= 30) throw new Error("wordMarks: too many word classes");
  classes.push(test);
  // Bits computed before this class existed are incomplete (registration happens at load, before any document).
  bySpelling.clear();
  return 1 << (classes.length - 1);
}

/** Whether the token is a word of the class. The token's bits are computed on first use. */
export function hasMark(t: Token, mark: WordMark): boolean {
  let marks = t.marks;
  if (marks < 0) marks = t.marks = marksOf(t);
  return (marks & mark) !== 0;
}

function marksOf(t: Token): number {
  const known = bySpelling.get(t.text);
  if (known !== undefined) return known;
  let marks = 0;
  for (let c = 0; c < classes.length; c++) if (classes[c]!(t.text, t.lower)) marks |= 1 << c;
  if (bySpelling.size < MAX_SPELLINGS) bySpelling.set(t.text, marks);
  return marks;
}
