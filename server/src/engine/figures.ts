// Figures: numbers that state facts, with their qualifier and counted noun.
import type { Qualifier } from "./types";
import { type Token, TokenKind } from "./tokens";
import { LEX, matchGazetteer } from "./lexicon";
import type { SentenceSlice } from "./sentences";
import { hasMark, wordClass } from "./wordMarks";
import { detached, memoize } from "./intern";

export interface RawFigure {
  /** Token range of the span (qualifier + number + scale/percent). */
  t0: number;
  t1: number;
  value: number;
  valueMax: number | undefined;
  qualifier: Qualifier;
  unit: string | null;
  /** Token range of the counted noun phrase (modifiers + unit), for the subject. */
  np0: number;
  np1: number;
  /** "another 1,500", "two more": an increment, not a total. */
  increment: boolean;
  /** "rose by 1,000": the amount of a change between two totals. */
  difference: boolean;
  /** "500,000 barrels annually", "40 drones a night". */
  period: string;
}

// Words that end a counted noun phrase.
const NP_STOP = new Set([
  "of",
  "in",
  "on",
  "at",
  "to",
  "from",
  "by",
  "with",
  "for",
  "into",
  "onto",
  "over",
  "under",
  "since",
  "during",
  "between",
  "across",
  "against",
  "toward",
  "towards",
  "near",
  "per",
  "a",
  "an",
  "the",
  "this",
  "that",
  "these",
  "those",
  "and",
  "or",
  "but",
  "nor",
  "as",
  "than",
  "who",
  "which",
  "whom",
  "whose",
  "where",
  "when",
  "while",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
  "have",
  "has",
  "had",
  "will",
  "would",
  "could",
  "may",
  "might",
  "can",
  "should",
  "must",
  "do",
  "does",
  "did",
  "not",
  "also",
  "each",
  "every",
  "its",
  "their",
  "his",
  "her",
  "our",
  "it",
  "they",
  "we",
  "he",
  "she",
  "so",
  "if",
  "because",
  "after",
  "before",
  "until",
  "including",
  "like",
  "among",
  "alongside",
  "within",
  "without",
  "through",
  "about",
  "around",
  "up",
  "out",
  "off",
  "down",
  "now",
  "then",
  "there",
  "here",
  "still",
  "already",
  "just",
  "only",
  "even",
  "yet",
  "ago",
  "last",
  "next",
]);
// Frequent irregular verbs that end a counted noun phrase ("70 aircraft took part").
const IRREGULAR_VERBS = new Set([
  "took",
  "take",
  "takes",
  "made",
  "make",
  "makes",
  "came",
  "come",
  "comes",
  "went",
  "go",
  "goes",
  "saw",
  "see",
  "sees",
  "left",
  "leave",
  "leaves",
  "fled",
  "flee",
  "flees",
  "fell",
  "fall",
  "falls",
  "rose",
  "rise",
  "rises",
  "grew",
  "grow",
  "grows",
  "became",
  "become",
  "becomes",
  "began",
  "begin",
  "gave",
  "give",
  "gives",
  "got",
  "get",
  "gets",
  "held",
  "hold",
  "holds",
  "kept",
  "keep",
  "keeps",
  "lost",
  "lose",
  "met",
  "meet",
  "ran",
  "run",
  "runs",
  "sent",
  "spent",
  "stood",
  "struck",
  "won",
  "wrote",
  "built",
  "bought",
  "brought",
  "caught",
  "fought",
  "found",
  "hit",
  "led",
  "paid",
  "put",
  "said",
  "say",
  "says",
  "sold",
  "shot",
  "told",
  "thought",
  "understood",
  "remain",
  "remains",
  "cross",
  "crosses",
  "enter",
  "enters",
  "arrive",
  "arrives",
  "include",
  "includes",
  "died",
  "die",
  "dies",
  "live",
  "lives",
  "work",
  "works",
  "need",
  "needs",
  "face",
  "faces",
  "wait",
  "waits",
  "fly",
  "flew",
  "flies",
  "sank",
  "sink",
  "sit",
  "sat",
  "lay",
  "lie",
  "lies",
  "seem",
  "seems",
]);
const INCREMENT_WORDS = new Set(["another", "additional", "more", "further", "extra", "new"]);
const NP_MODIFIERS_DROPPED = new Set(["more", "additional", "other", "extra", "further", "new"]);
const NAME_NUMBER_PRECEDERS = new Set([
  "page",
  "article",
  "section",
  "paragraph",
  "resolution",
  "chapter",
  "number",
  "no",
  "rule",
  "item",
  "step",
  "episode",
  "season",
  "volume",
  "level",
  "route",
  "flight",
  "unit",
  "building",
  "room",
  "table",
  "figure",
  "exhibit",
  "version",
  "grade",
  "category",
  "class",
  "phase",
  "stage",
  "lot",
  "gate",
  "platform",
  "channel",
  "line",
  "district",
  "zone",
  "sector",
  "block",
  "division",
  "tier",
  "code",
  "annex",
  "appendix",
  "clause",
  "part",
  "#",
]);
const PERIOD_WORDS = new Map([
  ["annually", "per-year"],
  ["yearly", "per-year"],
  ["monthly", "per-month"],
  ["weekly", "per-week"],
  ["daily", "per-day"],
  ["nightly", "per-night"],
  ["hourly", "per-hour"],
]);
const PERIOD_NOUNS = new Map([
  ["year", "per-year"],
  ["month", "per-month"],
  ["week", "per-week"],
  ["day", "per-day"],
  ["night", "per-night"],
  ["hour", "per-hour"],
  ["annum", "per-year"],
]);

/** Words that can start a figure written in words ("two", "thousands", "a dozen", "several hundred"). */
const NUMBER_STARTS = new Set<string>(
  [...LEX.numberWords.keys(), ...LEX.vagueMagnitudes.keys()]
    .map((k) => k.split(" ")[0]!)
    .concat(["a", "half", "several", "few", "many", "tens"]),
);
const NUMBER_START_MARK = wordClass(NUMBER_STARTS);
/** The qualifier phrases of at most three words by their last word, longest first: matched word by word, no phrase built. */
const QUALIFIERS_BY_LAST_WORD = qualifiersByLastWord();

function qualifiersByLastWord(): Map<string, Array<{ words: string[]; qualifier: Qualifier }>> {
  const m = new Map<string, Array<{ words: string[]; qualifier: Qualifier }>>();
  for (const [phrase, qualifier] of LEX.qualifiers) {
    const words = phrase.split(" ");
    if (words.length > 3) continue;
    const last = words[words.length - 1]!;
    const list = m.get(last) ?? [];
    list.push({ words, qualifier });
    list.sort((a, b) => b.words.length - a.words.length);
    m.set(last, list);
  }
  return m;
}
const CLOCK_SUFFIXES = new Set(["a.m.", "p.m.", "am", "pm", "gmt", "utc", "bst", "cet", "est", "ist", "hrs", "h"]);
const JOINED_SCALES = new Set(["k", "m", "bn", "mn", "mln"]);
const LETTER_SCALES = new Set(["k", "m"]);
const SCALE_WORDS = new Set(["hundred", "thousand", "million", "billion", "trillion"]);
const SCALE_WORDS_TO_BILLION = new Set(["hundred", "thousand", "million", "billion"]);
const LY_NOUNS = new Set(["family", "ally", "supply", "italy", "anomaly", "assembly", "rally", "july"]);
const ING_ED_NOUNS = new Set([
  "fighting",
  "building",
  "seed",
  "speed",
  "feed",
  "need",
  "weed",
  "bed",
  "red",
  "shed",
  "bleed",
  "breed",
  "creed",
  "greed",
  "hundred",
  "kindred",
]);
const PLURAL_CONTINUERS = new Set(["arms", "news", "forces"]);

/** Whether the string is only ASCII digits, min to max of them (/^\d{min,max}$/ without a regex). */
function isDigits(text: string, min: number, max: number): boolean {
  if (text.length < min || text.length > max) return false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function countDigits(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** /[^s]s$/: ends in one "s" after another character. */
function endsInSingleS(w: string): boolean {
  return w.length >= 2 && w.charCodeAt(w.length - 1) === 115 && w.charCodeAt(w.length - 2) !== 115;
}

export function findFigures(tokens: Token[], s: SentenceSlice): RawFigure[] {
  const out: RawFigure[] = [];
  for (let i = s.t0; i < s.t1; i++) {
    const t = tokens[i]!;
    if (t.kind !== TokenKind.Number && !(t.kind === TokenKind.Word && hasMark(t, NUMBER_START_MARK))) continue;
    if (t.lower === "a" && tokens[i + 1]?.lower !== "dozen" && !LEX.scaleFractions.has(tokens[i + 1]?.lower ?? ""))
      continue;
    const f = figureAt(tokens, i, s);
    if (f) {
      out.push(f);
      i = Math.max(i, f.t1 - 1);
    }
  }
  return out;
}

interface NumberParse {
  value: number;
  /** Tokens consumed (exclusive end). */
  end: number;
  vague: boolean;
  percent: boolean;
  currency: string | undefined;
  valueMax: number | undefined;
}

/** Every parse has all its fields from the start: one object shape for the passes that read it. */
function numberParse(value: number, end: number, vague: boolean, percent: boolean, valueMax?: number): NumberParse {
  return { value, end, vague, percent, currency: undefined, valueMax };
}

function figureAt(tokens: Token[], i: number, s: SentenceSlice): RawFigure | undefined {
  const t = tokens[i]!;
  let parsed: NumberParse | undefined;
  let start = i;
  if (t.kind === TokenKind.Number) {
    if (isExcludedDigits(tokens, i, s)) return undefined;
    parsed = parseDigits(tokens, i, s.t1);
    const prev = tokens[i - 1];
    if (prev && LEX.currencySymbols.has(prev.text) && prev.end === t.start) {
      start = i - 1;
      parsed.currency = LEX.currencySymbols.get(prev.text);
    }
  } else if (t.kind === TokenKind.Word) {
    parsed = parseWords(tokens, i, s);
  }
  if (!parsed) return undefined;
  const range = parseRange(tokens, parsed, s.t1);
  if (range) {
    parsed.valueMax = range.valueMax;
    parsed.end = range.end;
  }
  const trailing = readTrailingQualifier(tokens, parsed.end, s.t1);
  if (trailing) parsed.end = trailing.end;
  let [qualifier, qStart, increment] = readQualifier(tokens, start, s.t0, parsed.vague);
  if (trailing && qualifier === "exact") qualifier = trailing.qualifier;
  if (qStart === start && isNegatedNumber(tokens, start, s.t0)) return undefined;
  // A range is one estimate: "between 46,000 and 85,000", "as many as 800,000 to 1.1 million".
  if (parsed.valueMax !== undefined && !parsed.vague && (qualifier === "exact" || qualifier === "upto"))
    qualifier = "approx";
  const unitInfo = readUnit(tokens, parsed.end, s.t1, parsed);
  // "worth $2.5 billion over five years": "over" before a duration is the preposition, unless
  // "in/for over 30 years" makes it "more than".
  if (
    (qualifier === "over" || qualifier === "under") &&
    tokens[qStart]!.lower !== "more" &&
    unitInfo.unit &&
    LEX.timeUnits.has(unitInfo.unit.toLowerCase()) &&
    !["in", "for"].includes(tokens[qStart - 1]?.lower ?? "")
  ) {
    qualifier = "exact";
    qStart = start;
  }
  if (
    !parsed.percent &&
    !parsed.currency &&
    unitInfo.unit === null &&
    t.kind === TokenKind.Word &&
    !parsed.vague &&
    parsed.value < 1000
  )
    return undefined;
  if (!parsed.percent && !parsed.currency && qStart === start && isNoteMark(tokens, i, parsed, s)) return undefined;
  if (isTrivialDeterminer(tokens, start, s.t0, parsed, t)) return undefined;
  return {
    t0: qStart,
    t1: parsed.end,
    value: finite(parsed.value),
    valueMax: parsed.valueMax !== undefined ? finite(parsed.valueMax) : undefined,
    qualifier: parsed.vague && qualifier === "exact" ? "vague" : qualifier,
    unit: parsed.percent ? "%" : (parsed.currency ?? unitInfo.unit),
    np0: unitInfo.np0,
    np1: unitInfo.np1,
    increment: increment || unitInfo.increment,
    difference: isDifference(tokens, qStart, s.t0),
    period: unitInfo.period,
  };
}

/** Years, dates, times, phone numbers, ordinals, decades and numbers inside names. */
/** "221 Baker Street", "1600 Pennsylvania Avenue": a house number before a street's name. */
function isStreetNumber(tokens: Token[], i: number, s: SentenceSlice): boolean {
  for (let k = i + 1; k < Math.min(s.t1, i + 5); k++) {
    const t = tokens[k]!;
    if (t.kind !== TokenKind.Word || !t.cap) return false;
    if (k > i + 1 && LEX.streetSuffixes.has(t.lower)) return true;
  }
  return false;
}

function isExcludedDigits(tokens: Token[], i: number, s: SentenceSlice): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const raw = t.text;
  if (isReferenceMark(tokens, i) || isClockTime(tokens, i)) return true;
  // Multiple dots: versions, IP addresses.
  const dot = raw.indexOf(".");
  if (dot >= 0 && dot !== raw.lastIndexOf(".")) return true;
  // Compound modifiers and clock times: "a 45-year-old", "a 30-day truce", "7 p.m.", "10 GMT".
  if (
    next &&
    next.joined &&
    next.text === "-" &&
    tokens[i + 2]?.joined &&
    tokens[i + 2]!.kind === TokenKind.Word &&
    !LEX.scales.has(tokens[i + 2]!.lower)
  )
    return true;
  if (next && isDigits(raw, 1, 2) && CLOCK_SUFFIXES.has(next.lower)) return true;
  // Joined to a following word: 11th, 1980s, 3D, 5G, 24-year... (scales and % are fine).
  if (next && next.joined && next.kind === TokenKind.Word && !LEX.scales.has(next.lower)) return true;
  // Joined to a preceding word or via hyphen/slash/colon/dot to another token: COVID-19, Su-27, III.2, 23-10-2024, 17:36.
  if (prev && t.joined) {
    if (prev.kind === TokenKind.Word) return true;
    if (prev.text === "+" || prev.text === "#") return true;
    const before = tokens[i - 2];
    if ((prev.text === "-" || prev.text === "/" || prev.text === ":" || prev.text === ".") && prev.joined && before) {
      if (before.kind === TokenKind.Word) return true;
      if (before.kind === TokenKind.Number) return true; // the second half of a range is read with the first
    }
  }
  if (next && next.joined && (next.text === ":" || next.text === "/") && tokens[i + 2]?.kind === TokenKind.Number)
    return true;
  if (isDateLike(tokens, i)) return true;
  if (isPhoneLike(tokens, i)) return true;
  if (isStreetNumber(tokens, i, s)) return true;
  // A year: four digits, no separator, unless a counted noun follows directly ("2000 troops").
  if (isDigits(raw, 4, 4)) {
    const v = Number(raw);
    if (v >= 1000 && v <= 2100 && !countedNounFollows(tokens, i + 1, s.t1)) return true;
  }
  // Numbers that name things: "Resolution 2397", "page 3", "No. 5".
  if (prev && i > s.t0) {
    if (NAME_NUMBER_PRECEDERS.has(prev.lower) || (prev.text === "." && tokens[i - 2]?.lower === "no")) return true;
    if (
      prev.kind === TokenKind.Word &&
      prev.cap &&
      !LEX.qualifiers.has(prev.lower) &&
      !isSentenceInitial(tokens, i - 1, s) &&
      !LEX.months.has(prev.lower) &&
      !LEX.currencyWords.has(prev.lower) &&
      !looksLikeCount(tokens, i)
    )
      return true;
  }
  // "1. First point": a list index at the start of a sentence.
  if (i === s.t0 && next?.text === "." && next.joined) return true;
  // A lone number in parentheses is a list index or a reference.
  if (prev?.text === "(" && next?.text === ")" && !/^\d{1,3}(,\d{3})+$/.test(raw)) return true;
  return false;
}

function isSentenceInitial(tokens: Token[], i: number, s: SentenceSlice): boolean {
  for (let j = i - 1; j >= s.t0; j--) if (tokens[j]!.kind !== TokenKind.Punct) return false;
  return true;
}

function isDateLike(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const raw = tokens[i]!.text;
  const small = isDigits(raw, 1, 2);
  // "19 June", "June 19", "June 19, 2024", "on the 3rd"
  if (small && next && LEX.months.has(next.lower) && next.cap) return true;
  if (prev && LEX.months.has(prev.lower) && prev.cap && (small || isDigits(raw, 4, 4))) return true;
  if (prev && prev.text === "," && LEX.months.has(tokens[i - 3]?.lower ?? "") && isDigits(raw, 4, 4)) return true;
  // Numeric dates: 23-10-2024, 2024-10-23, 10/23/2024, 23.10.2024
  if (
    next &&
    next.joined &&
    (next.text === "-" || next.text === "/") &&
    tokens[i + 2]?.kind === TokenKind.Number &&
    tokens[i + 2]!.joined
  ) {
    const third = tokens[i + 4];
    if (
      tokens[i + 3]?.joined &&
      (tokens[i + 3]!.text === "-" || tokens[i + 3]!.text === "/") &&
      third?.kind === TokenKind.Number
    )
      return true;
  }
  if (
    prev &&
    prev.joined === false &&
    (prev.lower === "in" ||
      prev.lower === "since" ||
      prev.lower === "until" ||
      prev.lower === "by" ||
      prev.lower === "from" ||
      prev.lower === "of") &&
    isDigits(raw, 4, 4) &&
    (raw.startsWith("19") || raw.startsWith("20"))
  )
    return true;
  return false;
}

function isPhoneLike(tokens: Token[], i: number): boolean {
  // +91-720-6444012, (555) 123-4567: several digit groups joined by hyphens, spaces or parentheses.
  let digits = 0;
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (t.kind === TokenKind.Number) digits += countDigits(t.text);
    else if (!(t.text === "-" && t.joined)) break;
    j++;
    if (tokens[j] && !tokens[j]!.joined) break;
  }
  const prev = tokens[i - 1];
  if (prev?.text === "+" && prev.end === tokens[i]!.start) return true;
  return digits >= 7 && j > i + 1;
}

function countedNounFollows(tokens: Token[], j: number, end: number): boolean {
  const n = tokens[j];
  if (!n || j >= end || n.kind !== TokenKind.Word || n.cap) return false;
  return n.lower.endsWith("s") && !LEX.months.has(n.lower) && !NP_STOP.has(n.lower) && !n.lower.endsWith("ly");
}

/** The value of a number token's digits, read once per spelling (the same numbers recur in every document). */
const digitsValue = memoize(computeDigitsValue, 50_000, detached);

function computeDigitsValue(text: string): number {
  const comma = text.includes(",");
  // "3,5" as a decimal comma is rare in English news; keep the digits.
  if (comma && /^\d{1,3}(,\d{3})*$/.test(text) === false && !/^\d+,\d{3}/.test(text))
    return Number(text.replace(",", "."));
  return Number(comma ? text.replace(/,/g, "") : text);
}

function parseDigits(tokens: Token[], i: number, end: number): NumberParse {
  let value = digitsValue(tokens[i]!.text);
  let j = i + 1;
  const spaced = spacedContinuation(tokens, i, end);
  if (spaced) {
    value = spaced.value;
    j = spaced.end;
  }
  let percent = false;
  const next = tokens[j];
  if (next && j < end) {
    if (next.text === "%" && next.joined) {
      percent = true;
      j++;
    } else if (
      next.kind === TokenKind.Word &&
      LEX.scales.has(next.lower) &&
      (next.joined ? JOINED_SCALES.has(next.lower) : !LETTER_SCALES.has(next.lower))
    ) {
      value *= LEX.scales.get(next.lower)!;
      j++;
      // "1.5 million" may be followed by a second scale word rarely ("hundred thousand")
      const after = tokens[j];
      if (
        after &&
        j < end &&
        after.kind === TokenKind.Word &&
        !after.joined &&
        (after.lower === "thousand" || after.lower === "million" || after.lower === "billion") &&
        next.lower === "hundred"
      ) {
        value *= LEX.scales.get(after.lower)!;
        j++;
      }
    }
    const p = tokens[j];
    if (!percent && p && j < end && (p.lower === "percent" || (p.lower === "per" && tokens[j + 1]?.lower === "cent"))) {
      percent = true;
      j += p.lower === "per" ? 2 : 1;
    }
  }
  return numberParse(value, j, false, percent);
}

/** Number words (two, twenty-four, one million, a dozen) and vague magnitudes (thousands). */
function parseWords(tokens: Token[], i: number, s: SentenceSlice): NumberParse | undefined {
  const t = tokens[i]!;
  const lw = t.lower;
  // Vague magnitudes, longest first: "tens of thousands", "hundreds".
  if ((lw === "tens" || lw === "hundreds") && tokens[i + 1]?.lower === "of") {
    const key = `${lw} of ${tokens[i + 2]?.lower ?? ""}`;
    if (LEX.vagueMagnitudes.has(key)) return numberParse(LEX.vagueMagnitudes.get(key)!, i + 3, true, false);
  }
  if (LEX.vagueMagnitudes.has(lw) && !t.joined) {
    if (t.cap && i > s.t0 && !isSentenceInitial(tokens, i, s)) return undefined;
    const next = tokens[i + 1];
    // "thousands of X", "thousands more", or a bare magnitude at a clause end.
    if (next && next.text === "-") return undefined;
    return numberParse(LEX.vagueMagnitudes.get(lw)!, i + 1, true, false);
  }
  // "several hundred", "a few thousand"
  if (
    (lw === "several" || lw === "few" || lw === "many") &&
    tokens[i + 1] &&
    SCALE_WORDS_TO_BILLION.has(tokens[i + 1]!.lower)
  ) {
    // Below the next magnitude: "several hundred" is 100 to 999.
    const scale = LEX.scales.get(tokens[i + 1]!.lower)!;
    return numberParse(scale, i + 2, true, false, scale * 10 - 1);
  }
  let base: number | undefined;
  let j = i;
  if (lw === "a" && tokens[i + 1]?.lower === "dozen") {
    base = 12;
    j = i + 2;
  } else if (
    lw === "a" &&
    LEX.scaleFractions.has(tokens[i + 1]?.lower ?? "") &&
    SCALE_WORDS_TO_BILLION.has(tokens[i + 2]?.lower ?? "")
  ) {
    // "a quarter million", "a half million"
    base = LEX.scaleFractions.get(tokens[i + 1]!.lower)! * LEX.scales.get(tokens[i + 2]!.lower)!;
    return numberParse(base, i + 3, false, false);
  } else if (
    lw === "half" &&
    tokens[i + 1]?.lower === "a" &&
    ["million", "billion"].includes(tokens[i + 2]?.lower ?? "")
  ) {
    base = LEX.scales.get(tokens[i + 2]!.lower)! / 2;
    j = i + 3;
  } else if (LEX.numberWords.has(lw)) {
    base = LEX.numberWords.get(lw)!;
    j = i + 1;
    // twenty-four
    if (
      base >= 20 &&
      base < 100 &&
      tokens[j]?.text === "-" &&
      tokens[j]!.joined &&
      LEX.numberWords.has(tokens[j + 1]?.lower ?? "")
    ) {
      base += LEX.numberWords.get(tokens[j + 1]!.lower)!;
      j += 2;
    }
  }
  if (base === undefined) return undefined;
  // "one-party state", "two-day visit": a compound modifier, not a figure.
  if (tokens[j]?.text === "-" && tokens[j]!.joined) return undefined;
  if (t.joined && tokens[i - 1]?.text === "-") return undefined;
  const scale = tokens[j];
  if (scale && scale.kind === TokenKind.Word && SCALE_WORDS.has(scale.lower)) {
    base *= LEX.scales.get(scale.lower)!;
    j++;
    const second = tokens[j];
    if (second && ["thousand", "million", "billion"].includes(second.lower) && scale.lower === "hundred") {
      base *= LEX.scales.get(second.lower)!;
      j++;
    }
  } else if (lw === "one") {
    return undefined; // "one" alone is a pronoun or an article far more often than a count.
  }
  let percent = false;
  if (tokens[j]?.lower === "percent" || (tokens[j]?.lower === "per" && tokens[j + 1]?.lower === "cent")) {
    percent = true;
    j += tokens[j]!.lower === "per" ? 2 : 1;
  }
  return numberParse(base, j, false, percent);
}

function parseRange(tokens: Token[], first: NumberParse, end: number): { valueMax: number; end: number } | undefined {
  const j = first.end;
  const sep = tokens[j];
  if (!sep || j >= end || first.vague) return undefined;
  const isDash = (sep.text === "-" || sep.text === "–" || sep.text === "—") && tokens[j + 1]?.joined !== false;
  if (!(isDash || sep.lower === "to" || sep.lower === "and")) return undefined;
  if (sep.lower === "and" && !isBetweenBefore(tokens, first)) return undefined;
  const second = tokens[j + 1];
  if (!second || second.kind !== TokenKind.Number) return undefined;
  const parsed = parseDigits(tokens, j + 1, end);
  let lo = first.value;
  const hi = parsed.value;
  // "2 to 3 million": the scale of the second applies to the first.
  if (hi > lo * 50 && lo < 1000 && Number.isInteger(hi / 1000)) {
    const scale = hi / Number(second.text.replace(/,/g, ""));
    if (scale > 1) lo *= scale;
  }
  if (hi <= lo) return undefined;
  if (parsed.percent) first.percent = true;
  return { valueMax: hi, end: parsed.end };
}

function isBetweenBefore(tokens: Token[], first: NumberParse): boolean {
  // Find "between" right before the first number (allowing a qualifier-free gap of zero tokens).
  for (let k = first.end - 1; k >= Math.max(0, first.end - 4); k--) if (tokens[k]?.lower === "between") return true;
  return false;
}

/** "there are not 200 or 500 dead": a number said not to hold states no fact (its partner after "or" neither). */
function isNegatedNumber(tokens: Token[], i: number, t0: number): boolean {
  const before = tokens[i - 1];
  if (i - 1 < t0 || !before) return false;
  if (before.lower === "not" || before.lower === "never") return true;
  const partner = tokens[i - 2];
  return (
    (before.lower === "or" || before.lower === "nor") &&
    i - 3 >= t0 &&
    partner?.kind === TokenKind.Number &&
    (tokens[i - 3]!.lower === "not" || tokens[i - 3]!.lower === "never")
  );
}

/** "rose by more than 1,000", "up by 300": the amount of a change, not a total. */
function isDifference(tokens: Token[], qStart: number, t0: number): boolean {
  return qStart - 2 >= t0 && tokens[qStart - 1]!.lower === "by" && LEX.changeVerbs.has(tokens[qStart - 2]!.lower);
}

/** The qualifier words right before the number: [qualifier, first token of the span, increment]. */
function readQualifier(tokens: Token[], i: number, t0: number, vague: boolean): [Qualifier, number, boolean] {
  let increment = false;
  const prev = tokens[i - 1];
  if (prev && i - 1 >= t0 && INCREMENT_WORDS.has(prev.lower) && prev.lower !== "more" && prev.lower !== "new")
    increment = true;
  if (vague) return ["exact", i, increment];
  const candidates = prev && i - 1 >= t0 ? QUALIFIERS_BY_LAST_WORD.get(prev.lower) : undefined;
  if (candidates)
    for (const { words, qualifier } of candidates)
      // "between" ranges and "some" as a determiner of a non-number are handled elsewhere.
      if (i - words.length >= t0 && wordsBefore(tokens, i, words)) return [qualifier, i - words.length, increment];
  return plainQualifier(tokens, i, increment);
}

/** Whether the tokens right before i are the words (lower case). */
function wordsBefore(tokens: Token[], i: number, words: string[]): boolean {
  const a = i - words.length;
  for (let k = 0; k < words.length; k++) if (tokens[a + k]!.lower !== words[k]) return false;
  return true;
}

/** No qualifier phrase before the number: "~", "between" or none. */
function plainQualifier(tokens: Token[], i: number, increment: boolean): [Qualifier, number, boolean] {
  const prev = tokens[i - 1];
  if (prev && prev.text === "~" && prev.end === tokens[i]!.start) return ["approx", i - 1, increment];
  if (prev?.lower === "between") return ["exact", i - 1, increment];
  return ["exact", i, increment];
}

interface UnitInfo {
  unit: string | null;
  np0: number;
  np1: number;
  increment: boolean;
  period: string;
}

function readUnit(tokens: Token[], j: number, end: number, parsed: NumberParse): UnitInfo {
  let k = j;
  if (parsed.vague && tokens[k]?.lower === "of") k++;
  let increment = false;
  if (tokens[k]?.lower === "more" || tokens[k]?.lower === "additional" || tokens[k]?.lower === "new") {
    increment = tokens[k]!.lower !== "new";
    k++;
  }
  const np0 = k;
  let lastLower = -1;
  let firstLower = -1;
  let n = 0;
  while (k < end && n < 6) {
    const t = tokens[k]!;
    if (t.kind === TokenKind.Newline) {
      k++; // a wrapped line continues the phrase
      continue;
    }
    if (t.kind === TokenKind.Punct) {
      if (t.text === "-" && t.joined) {
        k++;
        continue;
      }
      if (t.text === "“" || t.text === "”" || t.text === '"' || t.text === "‘") {
        k++;
        continue;
      }
      break;
    }
    if (t.kind !== TokenKind.Word) break;
    if (
      (NP_STOP.has(t.lower) || LEX.npEndAdverbs.has(t.lower) || (n > 0 && IRREGULAR_VERBS.has(t.lower))) &&
      !(t.joined && tokens[k - 1]?.text === "-")
    )
      break;
    if (t.lower === "'s" || t.lower === "’s") {
      k++;
      continue; // a possessive inside a name ("People's Liberation Army")
    }
    if (t.lower.endsWith("ly") && !t.cap && t.lower.length > 4 && !LY_NOUNS.has(t.lower)) break;
    if (
      n > 0 &&
      !t.cap &&
      (t.lower.endsWith("ing") || t.lower.endsWith("ed")) &&
      !LEX.speakerNouns.has(t.lower) &&
      !ING_ED_NOUNS.has(t.lower)
    )
      break;
    // After a plural noun the phrase is over ("hangars built", "drones delivered").
    if (
      !t.cap &&
      lastLower === k - 1 &&
      endsInSingleS(tokens[lastLower]!.lower) &&
      !/(sis|us|ss|ics)$/.test(tokens[lastLower]!.lower) &&
      tokens[lastLower]!.lower.length > 3 &&
      !PLURAL_CONTINUERS.has(t.lower)
    )
      break;
    if (!t.cap) {
      if (
        firstLower < 0 ||
        (lastLower >= 0 && lastLower !== k - 1 && tokens[k - 1]?.text !== "-" && !isQuote(tokens[k - 1]))
      )
        firstLower = k;
      lastLower = k;
    } else if (lastLower >= 0) break; // a capitalized word after the noun starts something else
    n++;
    k++;
  }
  if (lastLower < 0) {
    // "7.7 million Venezuelans": a plural demonym is the counted noun.
    const last = tokens[k - 1];
    if (
      k > np0 &&
      last &&
      last.cap &&
      /[^s]s$/.test(last.text) &&
      (k - np0 === 1 || matchGazetteer(tokens, k - 1, k)?.[0].form === "demonym")
    ) {
      return { unit: last.text, np0, np1: k, increment, period: readPeriod(tokens, k, end) };
    }
    return { unit: null, np0, np1: k, increment: false, period: "" };
  }
  // The unit is the last one or two lower-case words of the phrase ("special forces", "barrels").
  let u0 = Math.max(firstLower, lastLower - 1);
  while (u0 < lastLower && NP_MODIFIERS_DROPPED.has(tokens[u0]!.lower)) u0++;
  if (u0 < lastLower && !isAdjectiveLike(tokens[u0]!)) u0 = lastLower;
  const unit = unitText(tokens, u0, lastLower + 1);
  if (LEX.months.has(u0 === lastLower ? tokens[u0]!.lower : unit.toLowerCase()))
    return { unit: null, np0: j, np1: j, increment: false, period: "" };
  return { unit, np0, np1: lastLower + 1, increment, period: readPeriod(tokens, lastLower + 1, end) };
}

/** The words of tokens[a, b) joined by spaces; one word is its token's shared string. */
function unitText(tokens: Token[], a: number, b: number): string {
  if (b - a === 1 && tokens[a]!.kind === TokenKind.Word) return tokens[a]!.text;
  let unit: string | undefined;
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (t.kind === TokenKind.Word) unit = unit === undefined ? t.text : `${unit} ${t.text}`;
  }
  return unit ?? "";
}

function isQuote(t: Token | undefined): boolean {
  return t !== undefined && (t.text === "“" || t.text === "”" || t.text === '"');
}

function isAdjectiveLike(t: Token): boolean {
  // Keep a two-word unit only for a modifier that changes what is counted.
  return (
    /(al|ial|ian|ary|ive|ic|ous|ful|ese|ish|an|ed|ern|ese|ar|ite|square|cubic|metric|nautical|special|civilian|military|crude|armed|naval|combat|ballistic|cruise)$/.test(
      t.lower,
    ) ||
    [
      "square",
      "cubic",
      "metric",
      "special",
      "civilian",
      "crude",
      "light",
      "heavy",
      "main",
      "tank",
      "fighter",
      "cruise",
      "ballistic",
    ].includes(t.lower)
  );
}

function readPeriod(tokens: Token[], k: number, end: number): string {
  // "barrels annually", "drones a night", "barrels per day", "of oil a day"
  for (let j = k; j < Math.min(end, k + 5); j++) {
    const t = tokens[j]!;
    if (PERIOD_WORDS.has(t.lower)) return PERIOD_WORDS.get(t.lower)!;
    if (
      (t.lower === "a" || t.lower === "per" || t.lower === "each" || t.lower === "every") &&
      PERIOD_NOUNS.has(tokens[j + 1]?.lower ?? "")
    )
      return PERIOD_NOUNS.get(tokens[j + 1]!.lower)!;
    if (t.kind === TokenKind.Punct && t.text !== "-") break;
  }
  return "";
}

/** "the two nations", "both countries", "two of the", "these three": not figures. */
function isTrivialDeterminer(tokens: Token[], start: number, t0: number, parsed: NumberParse, t: Token): boolean {
  if (t.kind !== TokenKind.Word || parsed.vague) return false;
  const prev = tokens[start - 1];
  if (prev && start - 1 >= t0 && LEX.determiners.has(prev.lower)) return true;
  if (tokens[parsed.end]?.lower === "of") return true;
  if (parsed.value < 2 && !parsed.percent) return true;
  return false;
}

const finite = (v: number): number =>
  Number.isFinite(v) ? v : v > 0 ? Number.MAX_VALUE : v < 0 ? -Number.MAX_VALUE : 0;

/** A thousands group or a decimal broken by a space in print: "217, 000", "7. 0 earthquake", "1. 2 million". */
function spacedContinuation(tokens: Token[], i: number, end: number): { value: number; end: number } | undefined {
  const t = tokens[i]!;
  const sep = tokens[i + 1];
  const rest = tokens[i + 2];
  if (!sep || !rest || i + 2 >= end || !sep.joined || rest.joined || rest.kind !== TokenKind.Number) return undefined;
  if (!/^\d{1,3}$/.test(t.text)) return undefined;
  // No number starts with 0: after a comma, "000" or "050" is the rest of a thousands group.
  if (sep.text === "," && /^0\d\d$/.test(rest.text))
    return { value: Number(t.text) * 1000 + Number(rest.text), end: i + 3 };
  const after = tokens[i + 3];
  if (sep.text === "." && /^\d$/.test(rest.text) && after && i + 3 < end && after.kind === TokenKind.Word && !after.cap)
    return { value: Number(`${t.text}.${rest.text}`), end: i + 3 };
  return undefined;
}

/** Footnote and citation marks: "camps.4", "movement,1", "[7]". */
function isReferenceMark(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (next?.text === "]" && next.joined) return true;
  if (!prev || !t.joined || prev.kind !== TokenKind.Punct || !prev.joined || !/^[,.;:’”'"]$/.test(prev.text))
    return false;
  const before = tokens[i - 2];
  return (
    before !== undefined &&
    (before.kind === TokenKind.Word || before.kind === TokenKind.Punct) &&
    /^\d{1,3}$/.test(t.text)
  );
}

/** "as of 1700 hours local time": a 24-hour clock time, not a count of hours. */
function isClockTime(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!LEX.clockHourWords.has(tokens[i + 1]?.lower ?? "") || !/^([01]\d|2[0-3])[0-5]\d$/.test(t.text)) return false;
  return LEX.clockContextWords.has(tokens[i + 2]?.lower ?? "") || LEX.clockContextWords.has(tokens[i - 1]?.lower ?? "");
}

/** A bare small number after a clause mark with nothing counted after it: a note mark ("views; 9 wanting"). */
function isNoteMark(tokens: Token[], i: number, parsed: NumberParse, s: SentenceSlice): boolean {
  const t = tokens[i]!;
  if (t.kind !== TokenKind.Number || parsed.value >= 100 || !/^\d+$/.test(t.text) || parsed.end !== i + 1) return false;
  const prev = tokens[i - 1];
  if (!prev || !/^[,;.]$/.test(prev.text)) return false;
  const next = tokens[i + 1];
  if (!next || i + 1 >= s.t1 || next.kind === TokenKind.Newline) return true;
  return next.kind === TokenKind.Word && !next.cap && (LEX.noteFollowers.has(next.lower) || next.lower.endsWith("ing"));
}

/** A table row ("Estimated Deaths 112,405"): a grouped or scaled number after a label is a count, not part of a name. */
function looksLikeCount(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (/^\d{1,3}(,\d{3})+$/.test(t.text)) return true;
  const next = tokens[i + 1];
  return (
    next !== undefined &&
    next.kind === TokenKind.Word &&
    ["thousand", "million", "billion", "trillion"].includes(next.lower)
  );
}

/** "1.8 million or more": a qualifier after the number. */
function readTrailingQualifier(
  tokens: Token[],
  j: number,
  end: number,
): { qualifier: Qualifier; end: number } | undefined {
  if (tokens[j]?.lower !== "or" || j + 1 >= end) return undefined;
  const q = LEX.trailingQualifiers.get(`or ${tokens[j + 1]!.lower}`);
  return q ? { qualifier: q, end: j + 2 } : undefined;
}
