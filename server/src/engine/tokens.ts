// Tokenizer: a hand-written scanner over UTF-16 code units (the hot path of the engine).
// Tokens keep UTF-16 offsets into the text; their strings and word-class bits come from the
// shared table of spellings (wordMarks.ts).
import { shortAsciiSpelling, spellingAt, type Spelling } from "./wordMarks";

export const enum TokenKind {
  Word = 0,
  Number = 1,
  Punct = 2,
  Newline = 3,
}

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  kind: TokenKind;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** No white space between this token and the previous one. */
  joined: boolean;
  /** Word-class bits (wordMarks.ts): read them with hasMark(). */
  marks: number;
}

const LETTER_RE = /[\p{L}\p{M}]/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_RE.test(text.slice(i, i + 2));
  return LETTER_RE.test(text[i]!);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 0xa0 ||
    c === 0x200b ||
    c === 0xfeff ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0x2009 ||
    c === 0x202f ||
    c === 0x3000
  );
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** After "'s" or "n't" a word character may not follow. */
function isWordCharAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  return isDigit(c) || c === 95 || isLetterAt(text, i);
}

/** Words of at most this many ASCII letters are packed into three numbers while scanned (wordMarks.ts SHORT_MAX). */
const SHORT_PACKED = 11;

const CONTRACTIONS = ["t", "re", "ve", "ll", "d", "m"];

/** Character classes of the ASCII range, read by one table lookup in the scanner's dispatch. */
const enum Ascii {
  Other = 0,
  Space = 1,
  Break = 2,
  Digit = 3,
  Letter = 4,
}

const ASCII_CLASS = buildAsciiClasses();

function buildAsciiClasses(): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if (isSpace(c)) table[c] = Ascii.Space;
    else if (c === 10 || c === 13) table[c] = Ascii.Break;
    else if (isDigit(c)) table[c] = Ascii.Digit;
    else if (isAsciiLetter(c)) table[c] = Ascii.Letter;
  }
  return table;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let pos = from;
  let prevEnd = -1;
  while (pos < to) {
    const c = text.charCodeAt(pos);
    const ascii = c < 128 ? ASCII_CLASS[c]! : -1;
    if (ascii === Ascii.Space || (ascii < 0 && isSpace(c))) {
      pos++;
      continue;
    }
    // One token from pos to end; a single site makes every token (one object shape, one inlined lookup).
    let end: number;
    let kind: TokenKind;
    let s: Spelling | undefined;
    if (ascii === Ascii.Letter) {
      // Most words are plain ASCII letters: scanned once, their characters packed on the way (wordMarks.ts).
      let j = pos + 1;
      let low = c;
      let mid = 0;
      let high = 0;
      while (j < to) {
        const d = text.charCodeAt(j);
        // An ASCII letter is a..z once the case bit is set: one subtraction and compare, no table read.
        if (((d | 32) - 97) >>> 0 >= 26) break;
        const i = j - pos;
        if (i < 4) low |= d << (i << 3);
        else if (i < 8) mid |= d << ((i - 4) << 3);
        else if (i < SHORT_PACKED) high |= d << ((i - 8) << 3);
        j++;
      }
      const next = j < to ? text.charCodeAt(j) : 32;
      if (next >= 128 || next === 39 || (next === 46 && j === pos + 1)) end = wordEnd(text, pos, to);
      else {
        end = j;
        if (j - pos <= SHORT_PACKED) s = shortAsciiSpelling(text, pos, end, low, mid, high | ((j - pos) << 24));
      }
      kind = TokenKind.Word;
    } else if (ascii === Ascii.Break) {
      end = c === 13 && text.charCodeAt(pos + 1) === 10 && pos + 1 < to ? pos + 2 : pos + 1;
      kind = TokenKind.Newline;
    } else if (ascii === Ascii.Digit) {
      end = numberEnd(text, pos, to);
      kind = TokenKind.Number;
    } else if (ascii < 0 && isLetterAt(text, pos)) {
      end = wordEnd(text, pos, to);
      kind = TokenKind.Word;
    } else if (
      isApostrophe(c) &&
      (text.charCodeAt(pos + 1) === 115 || text.charCodeAt(pos + 1) === 83) &&
      !isWordCharAt(text, pos + 2)
    ) {
      end = pos + 2;
      kind = TokenKind.Word;
    } else {
      end = pos + (c >= 0xd800 && c <= 0xdbff && pos + 1 < to ? 2 : 1);
      kind = TokenKind.Punct;
    }
    if (s === undefined) s = spellingAt(text, pos, end, kind === TokenKind.Word);
    tokens.push({
      start: pos,
      end,
      text: s.text,
      lower: s.lower,
      kind,
      cap: s.cap,
      joined: prevEnd === pos,
      marks: s.marks,
    });
    prevEnd = end;
    pos = end;
  }
  return tokens;
}

/** End of the number that starts with a digit at pos: digits, with "." or "," between digits ("1,200.5"). */
function numberEnd(text: string, pos: number, to: number): number {
  let j = pos + 1;
  while (j < to) {
    const d = text.charCodeAt(j);
    if (isDigit(d)) j++;
    else if ((d === 46 || d === 44) && j + 1 < to && isDigit(text.charCodeAt(j + 1))) j += 2;
    else break;
  }
  return j;
}

/** End of the word that starts with a letter at pos. */
function wordEnd(text: string, pos: number, to: number): number {
  // Dotted abbreviation: U.S., U.N., D.P.R.K.
  if (
    text.charCodeAt(pos + 1) === 46 &&
    pos + 3 < to + 1 &&
    isLetterAt(text, pos + 2) &&
    text.charCodeAt(pos + 3) === 46
  ) {
    let j = pos;
    while (
      j + 1 < to &&
      isLetterAt(text, j) &&
      text.charCodeAt(j + 1) === 46 &&
      !(j + 1 < to && isLetterAt(text, j + 1))
    )
      j += 2;
    if (j - pos >= 4 && !(j < to && isLetterAt(text, j))) return j;
  }
  let j = pos;
  while (j < to) {
    const d = text.charCodeAt(j);
    if (d < 128) {
      if (ASCII_CLASS[d] !== Ascii.Letter) break;
      j++;
    } else if (d >= 0xd800 && d <= 0xdbff) {
      if (!LETTER_RE.test(text.slice(j, j + 2))) break;
      j += 2;
    } else if (LETTER_RE.test(text[j]!)) j++;
    else break;
  }
  // Contractions stay with the word (don't, they're); the possessive 's is its own token.
  if (j < to && isApostrophe(text.charCodeAt(j))) j = contractionEnd(text, j, to);
  return j;
}

/** End of the contraction whose apostrophe is at j ("n't", "'re", "'ll"…), or j when there is none. */
function contractionEnd(text: string, j: number, to: number): number {
  for (const suffix of CONTRACTIONS) {
    const k = j + 1 + suffix.length;
    if (k <= to && text.slice(j + 1, k).toLowerCase() === suffix && !isWordCharAt(text, k)) {
      if (suffix === "t" && text.charCodeAt(j - 1) !== 110 && text.charCodeAt(j - 1) !== 78) return j; // only n't
      if (
        text
          .slice(j - 1, j + 2)
          .toLowerCase()
          .endsWith("'s")
      )
        return j;
      return k;
    }
  }
  return j;
}

export const isPossessive = (t: Token | undefined): boolean =>
  t !== undefined && (t.lower === "'s" || t.lower === "’s" || ((t.text === "'" || t.text === "’") && t.joined));

/** Index of the token that contains (or first follows) the offset. */
export function tokenContaining(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
