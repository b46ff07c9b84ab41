// Word classes as bits on tokens. A pass that looks for a few words among all the tokens of a
// document ("is this a cue word?", "can this start a number?") tests one bit instead of hashing
// the token's string into a Set. Each class is registered once at module load.
//
// The tokenizer asks here for each token's spelling: every distinct spelling (shared by all
// documents) is found by a hash of its characters, without slicing the text, and carries its
// strings and its bits. A token then costs no allocation but its own object, and the strings it
// holds are shared (their hashes already computed for every later Set lookup).
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
  /** A word whose first character is an upper-case letter. */
  cap: boolean;
  /** Hash of the text's characters (hashAt). */
  hash: number;
}

const classes: WordTest[] = [];

/** Spellings met so far: an open-addressing table, at most half full. Bounded: beyond the bound a spelling is made afresh each time. */
let table: Array<Spelling | undefined> = new Array<Spelling | undefined>(1 << 12).fill(undefined);
/** The hashes of the table's spellings, slot by slot: a probe reads this dense array before any spelling. */
let hashes = new Int32Array(table.length);
let stored = 0;
const MAX_SPELLINGS = 200_000;

/**
 * Short spellings of ASCII characters (at most 11 code units: nearly all words, every number of a
 * few digits, all ASCII punctuation) in a table of their own, keyed by their characters packed into
 * three numbers (low, mid, high): a probe compares three integers, no characters.
 */
const SHORT_MAX = 11;
let shortTable: Array<Spelling | undefined> = new Array<Spelling | undefined>(1 << 12).fill(undefined);
/**
 * The packed keys, slot by slot, low, mid and high side by side (a fourth number pads a slot to 16
 * bytes): a probe reads one cache line. High is never 0 in a used slot: it holds the length.
 */
let shortKeys = new Int32Array(shortTable.length * 4);
let shortStored = 0;

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
  table.fill(undefined);
  shortTable.fill(undefined);
  shortKeys.fill(0);
  stored = 0;
  shortStored = 0;
  return 1 << (classes.length - 1);
}

/** The shared record of the spelling text[start, end) (only words are lower-cased and capitalized: Ⅻ is punctuation). */
export function spellingAt(text: string, start: number, end: number, isWord: boolean): Spelling {
  const n = end - start;
  if (n > SHORT_MAX) return hashedSpelling(text, start, end, isWord, hashAt(text, start, end));
  // Characters 0-3 in the low number, 4-7 in the middle one, 8-10 and the length in the high one:
  // three numbers that only this spelling packs to.
  let low = 0;
  let mid = 0;
  let high = n << 24;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(start + i);
    if (c >= 128) return hashedSpelling(text, start, end, isWord, hashAt(text, start, end));
    if (i < 4) low |= c << (i << 3);
    else if (i < 8) mid |= c << ((i - 4) << 3);
    else high |= c << ((i - 8) << 3);
  }
  return shortSpelling(text, start, end, isWord, low, mid, high);
}

/** The record of a word of at most SHORT_MAX ASCII letters whose characters the caller packed as spellingAt does. */
export function shortAsciiSpelling(
  text: string,
  start: number,
  end: number,
  low: number,
  mid: number,
  high: number,
): Spelling {
  return shortSpelling(text, start, end, true, low, mid, high);
}

function shortSpelling(
  text: string,
  start: number,
  end: number,
  isWord: boolean,
  low: number,
  mid: number,
  high: number,
): Spelling {
  const mask = shortTable.length - 1;
  let slot = mixPacked(low, mid, high) & mask;
  for (let k = shortKeys[4 * slot + 2]!; k !== 0; k = shortKeys[4 * slot + 2]!) {
    if (k === high && shortKeys[4 * slot] === low && shortKeys[4 * slot + 1] === mid) return shortTable[slot]!;
    slot = (slot + 1) & mask;
  }
  const made = makeSpelling(text, start, end, isWord, hashAt(text, start, end));
  if (stored + shortStored < MAX_SPELLINGS) {
    shortTable[slot] = made;
    shortKeys[4 * slot] = low;
    shortKeys[4 * slot + 1] = mid;
    shortKeys[4 * slot + 2] = high;
    if (++shortStored * 2 > shortTable.length) growShort();
  }
  return made;
}

function mixPacked(low: number, mid: number, high: number): number {
  const h = Math.imul(low ^ Math.imul(mid ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b), 0xc2b2ae35);
  return h ^ (h >>> 15);
}

function growShort(): void {
  const old = shortTable;
  const oldKeys = shortKeys;
  shortTable = new Array<Spelling | undefined>(old.length * 2).fill(undefined);
  shortKeys = new Int32Array(shortTable.length * 4);
  const mask = shortTable.length - 1;
  for (let k = 0; k < old.length; k++) {
    const s = old[k];
    if (s === undefined) continue;
    const low = oldKeys[4 * k]!;
    const mid = oldKeys[4 * k + 1]!;
    const high = oldKeys[4 * k + 2]!;
    let slot = mixPacked(low, mid, high) & mask;
    while (shortTable[slot] !== undefined) slot = (slot + 1) & mask;
    shortTable[slot] = s;
    shortKeys[4 * slot] = low;
    shortKeys[4 * slot + 1] = mid;
    shortKeys[4 * slot + 2] = high;
  }
}

function makeSpelling(text: string, start: number, end: number, isWord: boolean, hash: number): Spelling {
  const raw = internalized(text.slice(start, end));
  const lower = isWord ? internalized(raw.toLowerCase()) : raw;
  return { text: raw, lower, marks: marksOf(raw, lower), cap: isWord && startsUpper(raw), hash };
}

/** A spelling found by the hash of its characters (hashAt): the long ones and those beyond ASCII. */
function hashedSpelling(text: string, start: number, end: number, isWord: boolean, hash: number): Spelling {
  const mask = table.length - 1;
  let slot = hash & mask;
  for (let s = table[slot]; s !== undefined; s = table[slot]) {
    if (hashes[slot] === hash && spells(s.text, text, start, end)) return s;
    slot = (slot + 1) & mask;
  }
  const made = makeSpelling(text, start, end, isWord, hash);
  if (stored + shortStored < MAX_SPELLINGS) {
    table[slot] = made;
    hashes[slot] = hash;
    if (++stored * 2 > table.length) grow();
  }
  return made;
}

/**
 * The engine's own copy of a string: the one V8 keeps for the property key of the same characters.
 * Every pass compares token strings with literals ("the", "said"), which are such copies: equal
 * strings are then the same object, and an unequal one is told apart by its address, not its characters.
 */
function internalized(s: string): string {
  if (s.length === 0 || (s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57)) return s; // a digit string keys an array index, not a name
  // A null-prototype object is a dictionary: adding the key adds no hidden class (no map transition).
  const holder: Record<string, 0> = Object.create(null);
  holder[s] = 0;
  for (const key in holder) return key;
  return s;
}

const UPPER_RE = /\p{Lu}/u;

function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_RE.test(s[0]!);
}

/** FNV-1a over the UTF-16 code units. */
function hashAt(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function spells(known: string, text: string, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let i = 0; i < known.length; i++) if (known.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function grow(): void {
  const old = table;
  table = new Array<Spelling | undefined>(old.length * 2).fill(undefined);
  hashes = new Int32Array(table.length);
  const mask = table.length - 1;
  for (const s of old) {
    if (s === undefined) continue;
    let slot = s.hash & mask;
    while (table[slot] !== undefined) slot = (slot + 1) & mask;
    table[slot] = s;
    hashes[slot] = s.hash;
  }
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
