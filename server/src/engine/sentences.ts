// Sentence splitting and page-furniture detection, line by line.
import type { Sentence } from "./types";
import { type Token, TokenKind } from "./tokens";
import { LEX } from "./lexicon";
import { wordTest } from "./wordMarks";

/** A sentence with the range of its tokens in the document's token array. */
export interface SentenceSlice extends Sentence {
  /** First token index (inclusive) and last (exclusive). */
  t0: number;
  t1: number;
  /** Index of the line (paragraph) the sentence belongs to. */
  paragraph: number;
}

const TERMINATORS = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(['"', "”", "’", ")", "]", "'"]);

export function splitSentences(text: string, tokens: Token[]): SentenceSlice[] {
  const out: SentenceSlice[] = [];
  const scan = scanTokens(text, tokens);
  const lines = joinWrappedLines(text, tokens, scan.lines);
  let inFurnitureZone = false;
  lines.forEach(([a, b], paragraph) => {
    if (a === b) return;
    const lineText = text.slice(tokens[a]!.start, tokens[b - 1]!.end);
    const words = scan.wordsBefore[b]! - scan.wordsBefore[a]!;
    // Most lines hold no word a credit needs: then neither the line nor any of its sentences is one.
    const mayCredit = lineHasCreditHint(scan, a, b);
    const kind = classifyLine(lineText, tokens, a, b, words, inFurnitureZone, mayCredit, scan);
    if (kind === "zone-marker") inFurnitureZone = true;
    if (kind === "prose") inFurnitureZone = false;
    if (kind !== "prose" && kind !== "headline") {
      out.push(slice(tokens, a, b, true, false, paragraph));
      return;
    }
    if (kind === "headline") {
      out.push(slice(tokens, a, b, false, true, paragraph));
      return;
    }
    // A line too long to be a caption or a menu, or prose with a credit between its sentences,
    // keeps its prose: only its clutter sentences go.
    const bySentence = words > CAPTION_MAX_WORDS || (mayCredit && isCredit(lineText.trim()));
    const ranges = splitLine(tokens, a, b, scan);
    for (let r = 0; r < ranges.length; r += 2) {
      const s = ranges[r]!;
      const e = ranges[r + 1]!;
      const clutter = bySentence && isClutter(text.slice(tokens[s]!.start, tokens[e - 1]!.end), mayCredit);
      out.push(slice(tokens, s, e, clutter, false, paragraph));
    }
  });
  return out;
}

/** What one pass over a document's tokens tells the line classifier and the sentence splitter. */
interface TokenScan {
  /** Token ranges of the non-empty lines. */
  lines: Array<[number, number]>;
  /** Word and number tokens before each token index (prefix counts: a line's words in O(1)). */
  wordsBefore: Int32Array;
  /** Word tokens that hold a credit hint (CREDIT_HINTS but " by "), before each token index. */
  hintsBefore: Int32Array;
  /** "by" tokens with a space on either side, before each token index. */
  bysBefore: Int32Array;
  /** Indices, in order, of the tokens that may end a sentence or count as a quotation mark: punctuation and words ending in a period. */
  stops: Int32Array;
  stopCount: number;
}

/** Word tokens that contain a credit hint other than " by " ("Photographer", "Images", "REUTERS"). */
const CREDIT_HINT_WORD = wordTest((text) => {
  for (const hint of CREDIT_HINTS) if (hint !== " by " && text.includes(hint)) return true;
  return false;
});

function scanTokens(text: string, tokens: Token[]): TokenScan {
  const n = tokens.length;
  const lines: Array<[number, number]> = [];
  const wordsBefore = new Int32Array(n + 1);
  const hintsBefore = new Int32Array(n + 1);
  const bysBefore = new Int32Array(n + 1);
  const stops = new Int32Array(n);
  let stopCount = 0;
  let words = 0;
  let hints = 0;
  let bys = 0;
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    wordsBefore[i] = words;
    hintsBefore[i] = hints;
    bysBefore[i] = bys;
    const t = tokens[i]!;
    const kind = t.kind;
    if (kind === TokenKind.Word) {
      words++;
      if ((t.marks & CREDIT_HINT_WORD) !== 0) hints++;
      else if (t.text === "by" && text.charCodeAt(t.start - 1) === 32 && text.charCodeAt(t.end) === 32) bys++;
      if (text.charCodeAt(t.end - 1) === 46) stops[stopCount++] = i;
    } else if (kind === TokenKind.Number) words++;
    else if (kind === TokenKind.Punct) stops[stopCount++] = i;
    else {
      if (i > lineStart) lines.push([lineStart, i]);
      lineStart = i + 1;
    }
  }
  wordsBefore[n] = words;
  hintsBefore[n] = hints;
  bysBefore[n] = bys;
  if (n > lineStart) lines.push([lineStart, n]);
  return { lines, wordsBefore, hintsBefore, bysBefore, stops, stopCount };
}

/**
 * hasCreditHint of the line of tokens [a, b): a hint word among its tokens, or " by " inside it
 * (a "by" with a space on either side, neither its first nor its last token: those spaces lie outside the line).
 */
function lineHasCreditHint(scan: TokenScan, a: number, b: number): boolean {
  if (scan.hintsBefore[b]! > scan.hintsBefore[a]!) return true;
  return b - 1 > a + 1 && scan.bysBefore[b - 1]! > scan.bysBefore[a + 1]!;
}

function slice(
  tokens: Token[],
  t0: number,
  t1: number,
  furniture: boolean,
  headline: boolean,
  paragraph: number,
): SentenceSlice {
  return { start: tokens[t0]!.start, end: tokens[t1 - 1]!.end, furniture, headline, t0, t1, paragraph };
}

/**
 * Hard-wrapped text ("…the ministry said on\nMonday that…"): a line that stops mid-sentence
 * continues on the next one when that one starts in lower case, or when the line is long and
 * ends in a word or a comma.
 */
function joinWrappedLines(text: string, tokens: Token[], lines: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && continues(text, tokens, prev, line)) prev[1] = line[1];
    else out.push([line[0], line[1]]);
  }
  return out;
}

function continues(text: string, tokens: Token[], prev: [number, number], next: [number, number]): boolean {
  const last = tokens[prev[1] - 1]!;
  const first = tokens[next[0]]!;
  // Only a single line break: a blank line always ends the paragraph.
  if (tokens[prev[1]]?.kind !== TokenKind.Newline || prev[1] + 1 !== next[0]) return false;
  if (TERMINATORS.has(last.text) || CLOSERS.has(last.text) || last.text === ":" || last.text === "|") return false;
  if (first.kind === TokenKind.Word && !first.cap && /^\p{Ll}/u.test(first.text)) return true;
  const lineLength = last.end - tokens[prev[0]]!.start;
  return (
    lineLength >= 60 &&
    (last.text === "," || (last.kind === TokenKind.Word && !last.cap)) &&
    !isAllCaps(text.slice(tokens[prev[0]]!.start, last.end))
  );
}

type LineKind = "prose" | "headline" | "furniture" | "zone-marker";

const FURNITURE_START =
  /^(e-?mail|phone|tel|fax|contact( us)?|follow us|subscribe|sign up|share( this)?|advertisement|sponsored|©|\(c\)|copyright|all rights reserved|image|photo|picture|credit|source|related|read more|read also|see also|also read|view \d+ comments?|\d+ comments?|comments?|tags?|topics?|posted|updated|published|by [A-Z][a-z]+ [A-Z][a-z]+$)\b/i;

// Photo captions and credits, bylines, editing notes. The marks that only a credit writes
// (a photographer's slash, "AP Photo") count anywhere; the names of picture agencies and the
// "Photo:" labels count where a credit stands: at the start of the line, of a sentence or of
// a bracket, after a slash or a bar. "…, citing Getty Images data, said…" is prose.
const CREDIT_MARK =
  /\b(REUTERS\/|AP Photo|\/AFP\b)|\(Photo\b|^(Reporting|Editing|Writing|Additional reporting|Compiled) by\b/;
const CREDIT_NAME =
  /\b(Getty Images|File Photo|Photo credit|Photograph:|Photo:|Image:|Credit:|via Getty|Shutterstock)/g;
const CREDIT_PLACE = /(^|[.!?]["”’)\]]?\s+|[([/|]\s*|[–—]\s*)$/;

/**
 * Words one of which every credit contains: most lines are rejected before the patterns run.
 * Plain substring searches, faster than one regular expression of the alternatives.
 */
const CREDIT_HINTS = ["Photo", "REUTERS", "Getty", "Image", "Credit", "AFP", "Shutterstock", " by "];

function hasCreditHint(line: string): boolean {
  for (const hint of CREDIT_HINTS) if (line.includes(hint)) return true;
  return false;
}

/** Lines longer than this are never one caption, menu or byline: they are judged sentence by sentence. */
const CAPTION_MAX_WORDS = 80;

function isCredit(line: string): boolean {
  if (!hasCreditHint(line)) return false;
  if (CREDIT_MARK.test(line)) return true;
  for (const match of line.matchAll(CREDIT_NAME)) {
    if (CREDIT_PLACE.test(line.slice(Math.max(0, match.index - 8), match.index))) return true;
    // "via Getty Images" and "Photo: …" inside a credit already placed count with it.
  }
  return false;
}

function isMenu(line: string): boolean {
  return line.includes("|") && (/(^|\s)\|(\s|$)/.test(line) || /^\|/.test(line));
}

/** A credit between sentences of prose (not its first or last sentence, where captions put it). */
function creditOnlyInside(line: string, tokens: Token[], a: number, b: number, scan: TokenScan): boolean {
  const ranges = splitLine(tokens, a, b, scan);
  if (ranges.length < 6) return false;
  const base = tokens[a]!.start;
  const textOf = (s: number, e: number) => line.slice(tokens[s]!.start - base, tokens[e - 1]!.end - base);
  const last = ranges.length - 2;
  return !isCredit(textOf(ranges[0]!, ranges[1]!).trim()) && !isCredit(textOf(ranges[last]!, ranges[last + 1]!).trim());
}

/** Page clutter within a long line: a credit, a menu, a furniture opener. */
function isClutter(sentence: string, mayCredit: boolean): boolean {
  const trimmed = sentence.trim();
  return (mayCredit && isCredit(trimmed)) || isMenu(trimmed) || FURNITURE_START.test(trimmed);
}

function classifyLine(
  line: string,
  tokens: Token[],
  a: number,
  b: number,
  words: number,
  inZone: boolean,
  mayCredit: boolean,
  scan: TokenScan,
): LineKind {
  const trimmed = line.trim();
  if (words > CAPTION_MAX_WORDS) return "prose";
  if (mayCredit && isCredit(trimmed) && !creditOnlyInside(line, tokens, a, b, scan)) return "furniture";
  if (isMenu(trimmed)) return "furniture";
  if (FURNITURE_START.test(trimmed)) return "furniture";
  if (words === 0) return "furniture";
  const e = b - citationMarkLength(tokens, a, b);
  const last = tokens[e - 1]!.text;
  // A footnote or citation mark after the period ("religion.3", "[7]") still ends a sentence; so does a long line, whatever its end.
  const endsLikeProse =
    TERMINATORS.has(last) || (CLOSERS.has(last) && e - 2 >= a && TERMINATORS.has(tokens[e - 2]!.text)) || words > 40;
  if (words <= 6 && isAllCaps(trimmed))
    // The word count first: most lines in capitals are short, and need no lower-cased copy.
    return words <= 3 || LEX.furnitureZoneMarkers.has(trimmed.toLowerCase().replace(/\s+/g, " "))
      ? "zone-marker"
      : "furniture";
  if ((endsLikeProse || (last === ":" && words >= 8)) && words >= 4) return "prose";
  if (inZone) return "furniture";
  if (endsLikeProse) return "prose";
  if (words <= 2 && !hasGroupedNumber(tokens, a, b)) return "furniture";
  if (LEX.furnitureZoneMarkers.has(trimmed.toLowerCase())) return "zone-marker";
  return "headline";
}

/** A citation mark closing a paragraph ("… program. [9]", "… camps.4") is not its last word. */
function citationMarkLength(tokens: Token[], a: number, b: number): number {
  if (
    b - 4 >= a &&
    tokens[b - 1]!.text === "]" &&
    tokens[b - 2]!.kind === TokenKind.Number &&
    tokens[b - 3]!.text === "[" &&
    TERMINATORS.has(tokens[b - 4]!.text)
  )
    return 3;
  if (
    b - 2 >= a &&
    tokens[b - 1]!.kind === TokenKind.Number &&
    tokens[b - 1]!.joined &&
    tokens[b - 1]!.text.length <= 3 &&
    TERMINATORS.has(tokens[b - 2]!.text)
  )
    return 1;
  return 0;
}

function isAllCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/**
 * Splits one prose line into sentences; never inside quotation marks. Returns the sentences' token
 * ranges as a flat list: start, end, start, end…
 */
function splitLine(tokens: Token[], a: number, b: number, scan: TokenScan): number[] {
  const ranges: number[] = [];
  // Only punctuation and dotted abbreviations can end a sentence or open a quotation: the scan listed them.
  const { stops, stopCount } = scan;
  const first = firstStopFrom(scan, a);
  const quoteTrust = quotesBalanced(tokens, stops, first, stopCount, b);
  let depth = 0;
  let start = a;
  for (let k = first; k < stopCount && stops[k]! < b; k++) {
    const i = stops[k]!;
    const t = tokens[i]!;
    if (quoteTrust) depth = updateQuoteDepth(t, depth);
    if (depth > 0) {
      // A closing quote right after a terminator ends the sentence when a new one starts after it.
      continue;
    }
    let end = -1;
    if (TERMINATORS.has(t.text)) end = endAfterClosers(tokens, i + 1, b);
    else if (isQuoteCloser(t) && i > a && TERMINATORS.has(tokens[i - 1]!.text)) end = i + 1;
    else if (t.kind === TokenKind.Word && t.text.endsWith(".") && t.text.length > 2) {
      // A dotted abbreviation (U.S.) ends a sentence only before an obvious sentence opener.
      const next = tokens[i + 1];
      if (next && next.cap && LEX.sentenceOpeners.has(next.lower)) end = i + 1;
    }
    if (end < 0) continue;
    if (TERMINATORS.has(t.text) && isAbbreviation(tokens, i, a)) continue;
    if (t.text === "." && isSpacedDecimal(tokens, i, b)) continue;
    // "1. First point": a list number at the start of a line, not a sentence.
    if (t.text === "." && i - 1 === start && tokens[i - 1]!.kind === TokenKind.Number && t.joined) continue;
    const next = tokens[end];
    if (next === undefined || end >= b) break;
    if (!startsSentence(next)) continue;
    ranges.push(start, end);
    start = end;
    // Go on from the token at `end`.
    while (k + 1 < stopCount && stops[k + 1]! < end) k++;
  }
  if (start < b) ranges.push(start, b);
  return ranges;
}

/** Index in scan.stops of the first stop at or after token a. */
function firstStopFrom(scan: TokenScan, a: number): number {
  let lo = 0;
  let hi = scan.stopCount;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scan.stops[mid]! < a) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Closing quotes and brackets glued to a terminator belong to the sentence; an opening quote after a space does not. */
function endAfterClosers(tokens: Token[], i: number, b: number): number {
  while (i < b && CLOSERS.has(tokens[i]!.text) && tokens[i]!.text !== "'" && tokens[i]!.joined) i++;
  // A footnote mark glued to the full stop ("…in camps.4 Reports say") belongs to the sentence before.
  const mark = tokens[i];
  if (
    mark &&
    i + 1 < b &&
    mark.kind === TokenKind.Number &&
    mark.joined &&
    mark.text.length <= 3 &&
    !tokens[i + 1]!.joined &&
    tokens[i + 1]!.cap
  )
    i++;
  // So does a bracketed citation after it ("…voluntary. [8] China has…").
  else if (mark?.text === "[" && tokens[i + 1]?.kind === TokenKind.Number && tokens[i + 2]?.text === "]" && i + 3 < b)
    i += 3;
  return i;
}

function isQuoteCloser(t: Token): boolean {
  return t.text === "”" || t.text === '"';
}

function updateQuoteDepth(t: Token, depth: number): number {
  if (t.text === "“") return depth + 1;
  if (t.text === "”") return Math.max(0, depth - 1);
  if (t.text === '"') return depth > 0 ? depth - 1 : depth + 1;
  return depth;
}

/** Quotation marks are punctuation: the stops from index `first` up to token b hold them all. */
function quotesBalanced(tokens: Token[], stops: Int32Array, first: number, stopCount: number, b: number): boolean {
  let straight = 0;
  let open = 0;
  let close = 0;
  for (let k = first; k < stopCount && stops[k]! < b; k++) {
    const x = tokens[stops[k]!]!.text;
    if (x === '"') straight++;
    else if (x === "“") open++;
    else if (x === "”") close++;
  }
  return straight % 2 === 0 && open === close;
}

function startsSentence(t: Token): boolean {
  if (t.kind === TokenKind.Number) return true;
  if (t.kind === TokenKind.Word) return t.cap;
  return t.text === '"' || t.text === "“" || t.text === "(" || t.text === "‘" || t.text === "'" || t.text === "[";
}

/** A period after a known abbreviation (Maj., Gen., No.) or a single initial (John F. Kennedy). */
function isAbbreviation(tokens: Token[], i: number, a: number): boolean {
  if (tokens[i]!.text !== ".") return false;
  const prev = tokens[i - 1];
  if (!prev || i - 1 < a || prev.kind !== TokenKind.Word || prev.end !== tokens[i]!.start) return false;
  if (LEX.abbreviations.has(prev.lower)) {
    // "No." is an abbreviation only before a number.
    if (prev.lower === "no") return tokens[i + 1]?.kind === TokenKind.Number;
    return true;
  }
  return prev.text.length === 1 && prev.cap;
}

/** A value row of a table ("65,000 people"): a grouped number is content, not furniture. */
function hasGroupedNumber(tokens: Token[], a: number, b: number): boolean {
  for (let i = a; i < b; i++)
    if (tokens[i]!.kind === TokenKind.Number && /^\d{1,3}(,\d{3})+$/.test(tokens[i]!.text)) return true;
  return false;
}

/** "a magnitude 7. 0 earthquake": a decimal point followed by a space in print ends no sentence. */
function isSpacedDecimal(tokens: Token[], i: number, b: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  return (
    !!prev &&
    !!next &&
    !!after &&
    i + 2 < b &&
    tokens[i]!.joined &&
    prev.kind === TokenKind.Number &&
    /^\d{1,3}$/.test(prev.text) &&
    next.kind === TokenKind.Number &&
    !next.joined &&
    /^\d$/.test(next.text) &&
    after.kind === TokenKind.Word &&
    !after.cap
  );
}
