// Word classes as bits on tokens. A pass that looks for a few words among all the tokens of a
// document ("is this a cue word?", "can this start a number?") tests one bit instead of hashing
// the token's string into a Set. Each class is registered once at module load.
//
// The tokenizer asks for each token's spelling here: every distinct spelling (shared by all
// documents) is looked up once per token and carries its lower case and its bits, so a token
// costs one map lookup and the strings it holds are shared (their hashes already computed for
// every later Set lookup).
import type { Token } from "./tokens";

/** Bit of a registered class. */
export type WordMark = number;

/** A class decided by the spelling alone (the token's text and its lower case). */
type WordTest = (text: string, lower: string) => boolean;

/** One distinct spelling: the text as written, its lower case and its word-class bits. */
export interface Spelling {
  text: string;
  lower: string;
  marks: number;
}

const classes: WordTest[] = [];
/** Spellings met so far. Bounded: beyond the bound a spelling is computed afresh each time. */
const spellings = new Map<string, Spelling>();
const MAX_SPELLINGS = 200_000;

/** Registers a class of lower-case words (a set, or the keys of a map). At most 30 classes. */
export function wordClass(words: ReadonlySet<string> | ReadonlyMap<string, unknown>): WordMark {
  return wordTest((_text, lower) => words.has(lower));
}

/**
 * Registers a class decided by a test of the spelling only (never of the context). Classes are
 * registered at module load; tokens made before the last one (the gazetteer's own, which no pass
 * asks for bits) carry incomplete bits.
 */
export function wordTest(test: WordTest): WordMark {
  if (classes.length >= 30) throw new Error("wordMarks: too many word classes");
  classes.push(test);
  spellings.clear();
  return 1 << (classes.length - 1);
}

/** The shared record of a spelling (a token's raw text; only words are lower-cased: Ⅻ is punctuation). */
export function spellingOf(raw: string, isWord: boolean): Spelling {
  let s = spellings.get(raw);
  if (s === undefined) {
    const lower = isWord ? raw.toLowerCase() : raw;
    s = { text: raw, lower, marks: marksOf(raw, lower) };
    if (spellings.size < MAX_SPELLINGS) spellings.set(raw, s);
  }
  return s;
}

/** Whether the token is a word of the class. */
export function hasMark(t: Token, mark: WordMark): boolean {
  return (t.marks & mark) !== 0;
}

function marksOf(text: string, lower: string): number {
  let marks = 0;
  for (let c = 0; c < classes.length; c++) if (classes[c]!(text, lower)) marks |= 1 << c;
  return marks;
}
