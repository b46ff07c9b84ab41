// Stance contradictions: a statement one source asserts and another denies. A denial is matched to
// attributed assertions about the same event class and the same parties, or to the claims of the
// source it names ("dismissed the British report"). Not confirming is not denying.
import type { Analysis, Claim, ClaimSource, Contradiction, ContradictionMember } from "./types";
import { tokenize } from "./tokens";
import eventData from "./data/events.json";
import { firstAtLeast, within } from "./spans";
import { compactCopy, detached, internArray, internString, keptString, memoize } from "./intern";
import cueData from "./data/cues.json";
import { wordBits } from "./wordBits";

interface EventClass {
  nouns: Set<string>;
  verbs: Set<string>;
  needsVerb: boolean;
  covers: string[];
  /** Verbs that name the event by themselves ("bombed"): no class noun needed. */
  eventVerbs: Set<string>;
}

const CLASSES = new Map<string, EventClass>(
  Object.entries(eventData.classes).map(([name, c]) => [
    name,
    {
      nouns: new Set(c.nouns),
      verbs: new Set(c.verbs),
      eventVerbs: new Set("eventVerbs" in c ? c.eventVerbs : []),
      needsVerb: c.needsVerb,
      covers: c.covers,
    },
  ]),
);
/** Classes are tried in the order events.json lists them: a denial's first class is its primary one. */
const CLASS_ORDER = [...CLASSES.keys()];
const ASSERTIVE = new Set(["asserts", "claims", "alleges", "confirms", "warns"]);
const CLAIM_NOUN = /^(report|reports|claims?|allegations?|accusations?|assertions?|statements?)$/;
const STOP = new Set([
  "that",
  "this",
  "with",
  "from",
  "have",
  "been",
  "were",
  "their",
  "which",
  "about",
  "would",
  "there",
  "into",
  "also",
  "than",
  "they",
  "them",
  "such",
  "some",
  "said",
  "says",
  "denied",
  "denies",
  "deny",
  "reported",
  "claims",
  "claim",
]);

/**
 * A statement as stance matching reads it: only what judging and listing it needs (no claim, no
 * cues), its strings shared or own copies, so thousands of documents' statements stay small.
 */
export interface Statement {
  readonly file: string;
  /** The claim's span and text (a contradiction member lists them). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Where the statement's content words start, from `start` (a denial's focus; 0 for others). */
  readonly focus: number;
  /** The claim's source, one object per distinct source (see statementSource), or null. */
  readonly source: StatementSource | null;
  /** The claim's date as written, or null. */
  readonly date: string | null;
  readonly denial: boolean;
  readonly assertion: boolean;
  readonly classes: string[];
  readonly countries: string[];
  /** The source's id ("" without a source). */
  readonly sourceId: string;
  /** Parties whose claims a denial rejects ("South Korea's claims" -> south-korea). */
  readonly deniedSources: ReadonlySet<string>;
  /** Start of the claim a denial's "the allegations" refers to. */
  readonly anaphoricTarget: number | undefined;
  /** A sentence the text states in its own voice (an official statement), not a claim. */
  readonly ownVoice: boolean;
  /**
   * Content-word stems of the statement, sorted, each once (a sorted array costs a fraction of a
   * Set), computed when first needed from its own text (see Stems).
   */
  stems: Stems | undefined;
  /**
   * The class-and-party pair keys the stance index files the statement under, computed when first
   * needed (a field: a WeakMap entry per statement cost four times as much at 10,000 files).
   */
  pairKeys: readonly string[] | undefined;
}

/** What stance matching reads of a claim's source: shared by every statement with the same one. */
export interface StatementSource {
  text: string;
  canonical?: string;
  /** The source's id: its canonical id, else its text, lower-cased. */
  id: string;
  /** Keys of the source index (see sourceKeys), computed when first needed. */
  keys?: ReadonlySet<string>;
}

const DENIAL = 1;
const ASSERTION = 2;
const OWN_VOICE = 4;

/**
 * A Statement with its three kinds in one number and its source id read from its shared source:
 * a field costs 8 bytes on each of some thirty statements a document.
 */
class KeptStatement implements Statement {
  stems: Stems | undefined = undefined;
  pairKeys: readonly string[] | undefined = undefined;

  constructor(
    readonly file: string,
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly focus: number,
    readonly source: StatementSource | null,
    readonly date: string | null,
    private readonly kind: number,
    readonly classes: string[],
    readonly countries: string[],
    readonly deniedSources: ReadonlySet<string>,
    readonly anaphoricTarget: number | undefined,
  ) {}

  get denial(): boolean {
    return (this.kind & DENIAL) !== 0;
  }

  get assertion(): boolean {
    return (this.kind & ASSERTION) !== 0;
  }

  get ownVoice(): boolean {
    return (this.kind & OWN_VOICE) !== 0;
  }

  get sourceId(): string {
    return this.source?.id ?? "";
  }
}

const ANAPHORIC_OBJECT =
  /^(?:denied|denies|deny|rejected|rejects|reject|dismissed|dismisses|dismiss|refuted|refutes|refute|disputed|disputes)\s+(?:the|these|those|such)\s+(?:allegations?|claims?|accusations?|reports?|charges?)\b/i;

const NO_SOURCES: ReadonlySet<string> = new Set();

/**
 * A stance statement as plain data, made where the analysis is (in a worker, perhaps): the claim it
 * reads by its index in `analysis.claims` (-1 for a sentence in the text's own voice, whose text it
 * carries). `keptStatements` makes the statements a stance index keeps of it.
 */
export interface StatementData {
  start: number;
  end: number;
  claim: number;
  /** The own-voice sentence's text (a compact copy); null for a claim's statement. */
  text: string | null;
  focus: number;
  source: Pick<ClaimSource, "text" | "kind" | "canonical"> | null;
  date: string | null;
  kind: number;
  classes: string[];
  countries: string[];
  deniedSources: ReadonlySet<string>;
  anaphoricTarget: number | undefined;
}

/**
 * The stance statements of a document. `textOf` gives the text a statement keeps of its claim (by
 * the claim and its index in `analysis.claims`; by default a compact own copy, so a kept statement
 * never holds a slice of its document).
 */
export function extractStatements(
  file: string,
  analysis: Analysis,
  textOf: (claim: Claim, index: number) => string = (c) => compactCopy(c.text),
): Statement[] {
  return keptStatements(file, statementData(analysis), (index) => textOf(analysis.claims[index]!, index));
}

/** The statements a stance index keeps of a document's statement data; `textOf` gives a claim's kept text by its index. */
export function keptStatements(
  file: string,
  data: readonly StatementData[],
  textOf: (claimIndex: number) => string,
): Statement[] {
  return data.map(
    (d) =>
      new KeptStatement(
        file,
        d.start,
        d.end,
        d.claim >= 0 ? textOf(d.claim) : d.text!,
        d.focus,
        d.source ? statementSource(d.source) : null,
        d.date === null ? null : keptString(d.date),
        d.kind,
        sharedClassList(d.classes),
        internArray(d.countries),
        d.deniedSources.size > 0 ? d.deniedSources : NO_SOURCES,
        d.anaphoricTarget,
      ),
  );
}

/** A document's stance statements as plain data: its claims' statements, then its own-voice ones. */
export function statementData(analysis: Analysis): StatementData[] {
  const out: StatementData[] = [];
  analysis.claims.forEach((claim, index) => {
    const denial = claim.stance === "denies" || claim.cues.some((c) => isNegativeAssessment(c.text));
    const assertion = !denial && claim.kinds.includes("attributed") && ASSERTIVE.has(claim.stance);
    if (!denial && !assertion) return;
    const actors = within(analysis.actors, claim.start, denial ? denialEnd(claim) : claim.end);
    const focusStart = denial ? denialFocus(claim) : claim.start;
    const words = denial || claim.cues.length > 0 ? wordsOf(analysis.text, focusStart, claim.end) : [];
    const classes = classify(words);
    const named = [...new Set(actors.filter((a) => a.kind === "country").map((a) => a.canonical))];
    out.push({
      start: claim.start,
      end: claim.end,
      claim: index,
      text: null,
      focus: focusStart - claim.start,
      source: claim.source,
      date: claim.date ? claim.date.text : null,
      kind: denial ? DENIAL : ASSERTION,
      classes,
      // A statement of an event class that names no state is about its document's salient state.
      countries: named.length > 0 || (!denial && classes.length === 0) ? named : salientStates(analysis),
      deniedSources: denial ? deniedSources(analysis, claim) : NO_SOURCES,
      anaphoricTarget: denial ? anaphora(analysis, claim, index) : undefined,
    });
  });
  for (const d of ownVoiceStatements(analysis)) out.push(d);
  return out;
}

/**
 * One object per distinct source (text, kind, id) across documents: stance matching reads a
 * statement's source by its text and id only. Bounded, so odd input cannot grow it without limit.
 */
function statementSource(source: Pick<ClaimSource, "text" | "kind" | "canonical">): StatementSource {
  const { kind, canonical } = source;
  // By text first, then kind and canonical id: no key is joined (and hashed) per claim.
  const known = sharedSources.get(source.text);
  for (const x of known ?? []) if (x.kind === kind && x.canonical === canonical) return x.shared;
  const shared: StatementSource = {
    text: keptString(source.text),
    ...(canonical ? { canonical: keptString(canonical) } : {}),
    id: keptString((canonical ?? source.text).toLowerCase()),
  };
  if (sharedSourceCount < MAX_SHARED_SOURCES) {
    sharedSourceCount++;
    const entry = { kind, canonical: shared.canonical, shared };
    if (known) known.push(entry);
    else sharedSources.set(shared.text, [entry]);
  }
  return shared;
}

/** Shared sources by text, each with the kind and canonical id it was made for. */
const sharedSources = new Map<
  string,
  Array<{ kind: string; canonical: string | undefined; shared: StatementSource }>
>();
let sharedSourceCount = 0;
const MAX_SHARED_SOURCES = 200_000;

/**
 * Sentences a text states in its own voice about an event class and a state ("the regime
 * murdered …"): a government statement asserts what another party denies. They are matched
 * only by event class and parties, never by shared words.
 */
function ownVoiceStatements(analysis: Analysis): StatementData[] {
  const out: StatementData[] = [];
  let c = 0;
  analysis.sentences.forEach((s) => {
    while (c < analysis.claims.length && analysis.claims[c]!.end <= s.start) c++;
    const claim = analysis.claims[c];
    if (s.furniture || s.headline || (claim && claim.start < s.end)) return;
    // Only sentences naming a state are read further (most are not).
    const inside = within(analysis.actors, s.start, s.end);
    const named = [...new Set(inside.filter((a) => a.kind === "country").map((a) => a.canonical))];
    // A sentence naming only an institution ("the Embassy's employees") speaks of the document's salient state.
    if (named.length === 0 && !inside.some((a) => a.kind === "organization")) return;
    const text = analysis.text.slice(s.start, s.end);
    if (!ANY_CLASS_NOUN.test(text)) return;
    const countries = named.length > 0 ? named : salientStates(analysis);
    if (countries.length === 0) return;
    const classes = classify(wordsOf(analysis.text, s.start, s.end));
    if (classes.length === 0) return;
    out.push({
      start: s.start,
      end: s.end,
      claim: -1,
      text: compactCopy(text),
      focus: 0,
      source: null,
      date: null,
      kind: ASSERTION | OWN_VOICE,
      classes,
      countries,
      deniedSources: NO_SOURCES,
      anaphoricTarget: undefined,
    });
  });
  return out;
}

function salientStates(analysis: Analysis): string[] {
  const states = new Set(analysis.actors.filter((a) => a.kind === "country").map((a) => a.canonical));
  return analysis.salience.parties.filter((p) => states.has(p)).slice(0, 1);
}

function anaphora(analysis: Analysis, claim: Claim, index: number): number | undefined {
  const cue = claim.cues.find((c) => c.stance === "denies");
  const m = cue ? ANAPHORIC_OBJECT.exec(analysis.text.slice(cue.start, Math.min(claim.end, cue.start + 60))) : null;
  if (!m) return undefined;
  // "the allegations/accusations/charges" refer to an accusation; "the claims/reports" to any claim.
  // An accusation among the three claims before it is the referent; otherwise the nearest claim.
  const accusation = /alleg|accus|charg/i.test(m[0]);
  const candidates = analysis.claims
    .slice(Math.max(0, index - 3), index)
    .filter((p) => claim.start - p.end <= 600 && p.stance !== "denies")
    .reverse();
  const accusing = candidates.find(
    (p) => p.stance === "alleges" || p.cues.some((c) => /alleg|accus|charg/i.test(c.text)),
  );
  const target = (accusation && accusing) || candidates[0];
  return target?.start;
}

const PREDICATE_DENIALS = new Set(cueData.denialPredicates);
const NEGATIVE_ASSESSMENTS = new Set(eventData.negativeAssessments);
/** Cue texts are shared copies: each is lower-cased and looked up once, not once per claim. */
const isNegativeAssessment = memoize((text) => NEGATIVE_ASSESSMENTS.has(text.toLowerCase()), 50_000, detached);

/** Where the denied content starts: at the denial verb ("denied sending troops"), or the whole
 *  sentence when the denial is a predicate ("reports that … are false"). */
/**
 * Where a denial's own clause ends: "said it was not responsible, blaming the blast on a rocket
 * fired by Islamic Jihad" — the party blamed after ", blaming" is not a party of the fact denied.
 */
function denialEnd(claim: Claim): number {
  const cue = claim.cues.find((c) => c.stance === "denies");
  if (!cue) return claim.end;
  const rest = claim.text.slice(cue.end - claim.start);
  const m = /;|,\s+(?:but|while|whereas)\b|,\s+\p{Ll}+ing\b/u.exec(rest);
  return m ? cue.end + m.index : claim.end;
}

function denialFocus(claim: Claim): number {
  const cue = claim.cues.find((c) => c.stance === "denies");
  // "are false", "are totally false": an adverb before the predicate keeps it a predicate denial.
  if (!cue || PREDICATE_DENIALS.has(cue.text.toLowerCase()) || PREDICATE_DENIALS.has(lastWord(cue.text)))
    return claim.start;
  return cue.start;
}

function lastWord(text: string): string {
  return text.slice(text.lastIndexOf(" ") + 1).toLowerCase();
}

/** Word -> the classes it is a noun (or verb) of, in class order. */
function wordIndex(pick: (c: EventClass) => Set<string>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const name of CLASS_ORDER) for (const w of pick(CLASSES.get(name)!)) m.set(w, [...(m.get(w) ?? []), name]);
  return m;
}
const NOUN_CLASSES = wordIndex((c) => c.nouns);
/** A quick test before a sentence is split into words: does it contain any class noun at all? */
// (A look-behind, not a consumed "^ or non-letter": the engine can then skip to a noun's first letters.)
const ANY_CLASS_NOUN = new RegExp(
  `(?<![\\p{L}])(?:${[...NOUN_CLASSES.keys()].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\p{L}])`,
  "iu",
);

/**
 * Word -> what it says of each class, as bits (one word look-up, no sets): class i's bit at i when
 * it is one of the class's nouns, at BITS + i for a verb, at 2 * BITS + i for an event verb.
 */
const BITS = 10;
if (CLASS_ORDER.length > BITS) throw new Error(`stance: at most ${BITS} event classes`);
const WORD_BITS = wordBits(
  CLASS_ORDER.flatMap((name, i) => {
    const c = CLASSES.get(name)!;
    return [
      [c.nouns, 1 << i],
      [c.verbs, 1 << (BITS + i)],
      [c.eventVerbs, 1 << (2 * BITS + i)],
    ] as const;
  }),
);
/** The classes of each combination (by bits), in class order: one shared array per combination. */
const CLASS_LISTS = new Map<number, string[]>();

/** The bit of each class that needs a verb besides its noun. */
const NEEDS_VERB = CLASS_ORDER.reduce((bits, name, i) => (CLASSES.get(name)!.needsVerb ? bits | (1 << i) : bits), 0);
const CLASS_MASK = (1 << BITS) - 1;

function classify(words: string[]): string[] {
  let bits = 0;
  for (const w of words) bits |= WORD_BITS.get(w) ?? 0;
  // A class is found when an event verb names it, or its noun is there with a verb when it needs one.
  const nouns = bits & CLASS_MASK;
  const verbs = (bits >> BITS) & CLASS_MASK;
  const named = (bits >> (2 * BITS)) & CLASS_MASK;
  return classList(named | (nouns & (~NEEDS_VERB | verbs)));
}

/** The shared list of `classify` with the classes of `classes` (a copy made elsewhere, in a worker). */
function sharedClassList(classes: readonly string[]): string[] {
  let found = 0;
  for (const c of classes) found |= 1 << CLASS_ORDER.indexOf(c);
  return classList(found);
}

function classList(found: number): string[] {
  let list = CLASS_LISTS.get(found);
  if (!list) CLASS_LISTS.set(found, (list = CLASS_ORDER.filter((_, i) => (found >> i) & 1)));
  return list;
}

function deniedSources(analysis: Analysis, claim: Claim): Set<string> {
  const ids = new Set<string>();
  const cue = claim.cues.find((c) => c.stance === "denies");
  if (!cue) return ids;
  const toks = tokenize(analysis.text, cue.end, claim.end);
  const nounAt = toks.findIndex((t, i) => i < 8 && CLAIM_NOUN.test(t.lower));
  if (nounAt < 0) return ids;
  const until = toks[nounAt]!.start;
  for (const a of within(analysis.actors, cue.end, until)) {
    ids.add(a.canonical);
    ids.add(a.text.toLowerCase());
  }
  return ids;
}

function overlap(a: string[], b: string[]): number {
  let n = 0;
  for (const x of a) if (b.includes(x)) n++;
  return n;
}

/** How many items two sorted lists of distinct strings (or of distinct numbers) share. */
function overlapSorted<T extends string | number>(a: readonly T[], b: readonly T[]): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/**
 * Lower-case words of a span: the runs of letters, marks, apostrophes and hyphens (a plain split
 * is enough for matching event words). Scanned by hand, ASCII first: a Unicode-class regexp split
 * was a large part of an edit's corpus work.
 */
function wordsOf(text: string, start: number, end: number): string[] {
  const lower = text.slice(start, end).toLowerCase();
  const words: string[] = [];
  let from = -1;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    let inWord: boolean;
    let width = 1;
    if (code < 0x80) inWord = ASCII_WORD[code] === 1;
    else {
      const point = lower.codePointAt(i)!;
      if (point > 0xffff) width = 2;
      inWord = isWordPoint(point);
    }
    if (inWord) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      words.push(lower.slice(from, i));
      from = -1;
    }
    i += width - 1;
  }
  if (from >= 0) words.push(lower.slice(from));
  return words;
}

/** 1 for the ASCII characters of a word (wordsOf): letters, apostrophe, hyphen. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[\p{L}\p{M}'’-]/u.test(String.fromCharCode(c)) ? 1 : 0;

const WORD_POINT = /^[\p{L}\p{M}'’-]$/u;
const wordPoints = new Map<number, boolean>();

/** Whether a non-ASCII code point belongs to a word (wordsOf), remembered per code point. */
function isWordPoint(point: number): boolean {
  let yes = wordPoints.get(point);
  if (yes === undefined) {
    yes = WORD_POINT.test(String.fromCodePoint(point));
    if (wordPoints.size < 4096) wordPoints.set(point, yes);
  }
  return yes;
}

/**
 * A statement's content-word stems: the first STEM_LENGTH characters of its lower-cased words
 * longer than three letters, stop words left out. A text whose words are in ASCII (with ’, as news
 * text writes apostrophes) gives them as numbers (packedStems: no string made per word, numbers
 * compared); any other text as strings.
 */
type Stems = readonly number[] | readonly string[];

const STEM_LENGTH = 6;

function stemsOf(s: Statement): Stems {
  // A copy of the list pushed to: kept by the statement, it holds no spare slots (a third of its bytes).
  s.stems ??= (packedStems(s.text, s.focus) ?? stringStems(s.text, s.focus)).slice();
  return s.stems;
}

function stringStems(text: string, from: number): string[] {
  const stems: string[] = [];
  for (const w of wordsOf(text, from, text.length))
    if (w.length > 3 && !STOP.has(w)) stems.push(internString(w.slice(0, STEM_LENGTH)));
  return sortedUnique(stems);
}

/**
 * The stems of `text` from `from` as numbers, or undefined when a word has a character other than
 * ASCII and ’. A stem's lower-cased characters are base-128 digits, none zero (’ is 1, unused by
 * ASCII words): a number names one stem. Other characters only part words, as in wordsOf.
 */
function packedStems(text: string, from: number): number[] | undefined {
  const stems: number[] = [];
  let start = -1;
  let packed = 0;
  for (let i = from; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : SPACE;
    const digit = code < 0x80 ? ASCII_DIGIT[code]! : code === RIGHT_QUOTE ? 1 : parts(code) ? 0 : -1;
    if (digit < 0) return undefined;
    if (digit > 0) {
      if (start < 0) {
        start = i;
        packed = 0;
      }
      if (i - start < STEM_LENGTH) packed = packed * 128 + digit;
    } else if (start >= 0) {
      if (i - start > 3 && !isStopWord(text, start, i, packed)) stems.push(packed);
      start = -1;
    }
  }
  return sortedUniqueNumbers(stems);
}

const SPACE = 32;
const RIGHT_QUOTE = 0x2019;

/** Per ASCII character, its stem digit: 0 outside words, the lower-case code inside them. */
const ASCII_DIGIT = Int16Array.from(ASCII_WORD, (inWord, c) =>
  inWord ? String.fromCharCode(c).toLowerCase().charCodeAt(0) : 0,
);

/** Whether a code unit other than ASCII only parts words: no word character, no surrogate, no case. */
function parts(code: number): boolean {
  let yes = partingUnits.get(code);
  if (yes === undefined) {
    const char = String.fromCharCode(code);
    yes = (code < 0xd800 || code > 0xdfff) && !isWordPoint(code) && char.toLowerCase() === char;
    if (partingUnits.size < 4096) partingUnits.set(code, yes);
  }
  return yes;
}

const partingUnits = new Map<number, boolean>();

/** `list` sorted, each number once (in place; short lists by insertion). */
function sortedUniqueNumbers(list: number[]): number[] {
  if (list.length > 32) list.sort((x, y) => x - y);
  else
    for (let i = 1; i < list.length; i++) {
      const v = list[i]!;
      let j = i - 1;
      for (; j >= 0 && list[j]! > v; j--) list[j + 1] = list[j]!;
      list[j + 1] = v;
    }
  let n = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[n - 1]) list[n++] = list[i]!;
  list.length = n;
  return list;
}

/** The stem a packed number stands for. */
function unpackStem(packed: number): string {
  let out = "";
  for (let v = packed; v > 0; v = Math.floor(v / 128)) out = (v % 128 === 1 ? "’" : String.fromCharCode(v % 128)) + out;
  return out;
}

/** The packed stems of the stop words, sorted: a word is looked up in STOP only when its stem is one of them. */
const STOP_STEMS = sortedUniqueNumbers(
  [...STOP].map((w) => [...w.slice(0, STEM_LENGTH)].reduce((v, c) => v * 128 + c.charCodeAt(0), 0)),
);

function isStopWord(text: string, start: number, end: number, packed: number): boolean {
  // A binary search over numbers: a Set of numbers this large would box each one looked up.
  return STOP_STEMS[firstAtLeast(STOP_STEMS, packed)] === packed && STOP.has(text.slice(start, end).toLowerCase());
}

/** How many stems two statements share (as strings when either has them as strings). */
function sharedStems(a: Stems, b: Stems): number {
  if (typeof a[0] !== "string" && typeof b[0] !== "string") return overlapSorted(a as number[], b as number[]);
  return overlapSorted(stemStrings(a), stemStrings(b));
}

/** Packed stems as strings, made once per list (only to meet a text's string stems). */
function stemStrings(stems: Stems): readonly string[] {
  if (typeof stems[0] === "string") return stems as string[];
  let strings = unpacked.get(stems as number[]);
  if (!strings) unpacked.set(stems as number[], (strings = sortedUnique((stems as number[]).map(unpackStem))));
  return strings;
}

const unpacked = new WeakMap<readonly number[], readonly string[]>();

/** `list` sorted, each string once (in place). */
function sortedUnique(list: string[]): string[] {
  list.sort();
  let n = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[n - 1]) list[n++] = list[i]!;
  list.length = n;
  return list;
}

/** Whether the assertion's source is one the denial rejects the claims of ("dismissed the British report"). */
function namesDeniedSource(d: Statement, a: Statement): boolean {
  const sourceText = (a.source?.text ?? "").toLowerCase();
  for (const id of d.deniedSources)
    if (a.sourceId.includes(id) || sourceText.includes(id.replace(/-/g, " ")) || (a.source?.canonical ?? "") === id)
      return true;
  return false;
}

function contradicts(d: Statement, a: Statement): boolean {
  if (a.denial || !a.assertion) return false;
  if (d.sourceId && a.sourceId && d.sourceId === a.sourceId) return false;
  if (a.ownVoice && (!d.classes[0] || d.countries.length === 0)) return false;
  if (d.deniedSources.size > 0 && namesDeniedSource(d, a)) return true;
  const primary = d.classes[0];
  if (primary) {
    const covers = CLASSES.get(primary)!.covers;
    if (!a.classes.some((c) => covers.includes(c))) return false;
    const needed = Math.min(2, d.countries.length);
    if (needed > 0) return overlap(d.countries, a.countries) >= needed;
  }
  if (d.file !== a.file || d.deniedSources.size > 0) return false;
  // "denied the allegations": the claim nearest before it in the same file.
  if (d.anaphoricTarget !== undefined) return a.start === d.anaphoricTarget;
  // Otherwise the same statement in other words: at least three shared content words.
  return sharedStems(stemsOf(d), stemsOf(a)) >= 3;
}

/**
 * Stance contradictions kept current across edits. Assertions are indexed as documents come and
 * go (by file, by class and party, by source name); a change marks the index keys it touched.
 * Denials are clustered incrementally: a document whose denials change forms again only the
 * clusters its old and new denials sit in. `conflictParts()` judges a new cluster in full; a
 * cluster that read a touched key is brought up to date from the assertions that came and went
 * (only they are judged), unless the list it chose to read is no longer the one it would choose;
 * the others keep their contradiction, and its part the same array.
 */
export class StanceIndex {
  private readonly byFile = new Map<
    string,
    { statements: Statement[]; assertions: Statement[]; denials: Statement[] }
  >();
  private readonly byClassCountry = new Map<string, Set<Statement>>();
  /** Assertions by class and two of their parties (see pairKeys): a denial naming two or more reads these. */
  private readonly byClassPair = new Map<string, Set<Statement>>();
  /** Assertions by every run of words of their source's name: built when a denial first names a source. */
  private bySource: Map<string, Set<Statement>> | undefined;
  /** Index keys whose assertions changed since the last pass began, among those a judged cluster read. */
  private dirty = new Set<string>();
  /** The judged clusters (by cluster key) that read each index key: a change under it judges them again. */
  private readonly watchers = new Map<string, Set<string>>();
  /** The judged clusters (by cluster key) with a contradiction naming each file: a swap there restates them. */
  private readonly fileWatchers = new Map<string, Set<string>>();
  /** Assertions indexed and taken out since the last pass began, while a judged cluster watches. */
  private added = new Set<Statement>();
  private removed = new Set<Statement>();
  /** Files whose statements were swapped for equivalent ones since the last pass began. */
  private swappedFiles = new Set<string>();
  /** A pass of `conflictParts` spread over `step` calls, under way. */
  private pass: Pass | undefined;
  /** The denial clusters in `ordered` (each with its judgement), by cluster key. */
  private readonly clusterByKey = new Map<string, Cluster>();
  /** The parts as last given, made again only when a cluster came, went or changed its part. */
  private parts: ReadonlyArray<readonly Contradiction[]> = [];
  private partsStale = false;
  /** Each denial's id (cluster keys are made of them; assertions need none: a weak map entry each was most of this table). */
  private readonly ids = new WeakMap<Statement, number>();
  /** A statement swapped for its equivalent in a newer version of its document. */
  private readonly successor = new WeakMap<Statement, Statement>();
  private nextId = 0;
  /** Each denial's place among its document's denials (with the file order, the clusters' order). */
  private readonly denialPlace = new WeakMap<Statement, number>();
  /** The clustered denials by cluster key (see denialKeys), and the cluster each sits in. */
  private readonly denialsByKey = new Map<string, Set<Statement>>();
  private readonly clusterOf = new Map<Statement, Cluster>();
  /** The denial clusters, in the order of their first denials. */
  private ordered: Cluster[] = [];
  /** Denials that came and went since the clusters were last formed. */
  private readonly denialsIn = new Set<Statement>();
  private readonly denialsOut = new Set<Statement>();
  private fileRanks: { files: Iterable<string>; rank: Map<string, number> } | undefined;

  /** Replaces the statements of `file` (none removes it). */
  set(file: string, statements: Statement[]): void {
    const before = this.byFile.get(file);
    if (before && this.swapEquivalent(file, before.statements, statements)) return;
    if (before) {
      for (const s of before.assertions) this.unindex(s);
      for (const d of before.denials) if (!this.denialsIn.delete(d)) this.denialsOut.add(d);
    }
    if (statements.length === 0) {
      this.byFile.delete(file);
      return;
    }
    const assertions = statements.filter((s) => s.assertion);
    for (const s of assertions) this.index(s);
    const denials = statements.filter((s) => s.denial);
    for (const d of denials) this.ids.set(d, this.nextId++);
    denials.forEach((d, i) => {
      this.denialPlace.set(d, i);
      this.denialsIn.add(d);
    });
    this.byFile.set(file, { statements, assertions, denials });
  }

  /**
   * The contradictions in parts, one per denial cluster that has one, in the order of `files`:
   * a part whose contradiction did not change since the last call is the same array. Only the
   * clusters formed again, those that read a changed index key and those naming a file whose
   * statements were swapped are looked at: the work follows the change, not the number of clusters.
   */
  conflictParts(files: Iterable<string>): ReadonlyArray<readonly Contradiction[]> {
    while (this.step(files));
    return this.parts;
  }

  /**
   * One cluster's share of the work of `conflictParts` (a pass: the clusters formed again, then
   * one cluster judged or looked at again per step); false once the parts are current, and then
   * `conflictParts` returns them at once. Changes between two steps are taken by the next pass:
   * a pass works from the changes made before it began, read against the index as it is now.
   */
  step(files: Iterable<string>): boolean {
    const pass = (this.pass ??= this.beginPass(files));
    const next = pass.queue[pass.done++];
    if (next !== undefined) {
      const cluster = this.clusterByKey.get(next)!;
      const judged = cluster.judged;
      this.settle(cluster, judged, judged ? this.lookAgain(cluster, pass) : this.judge(cluster.denials));
      return true;
    }
    this.pass = undefined;
    this.collectParts();
    return this.hasChanges();
  }

  private hasChanges(): boolean {
    return (
      this.denialsIn.size > 0 ||
      this.denialsOut.size > 0 ||
      this.dirty.size > 0 ||
      this.swappedFiles.size > 0 ||
      this.added.size > 0 ||
      this.removed.size > 0
    );
  }

  /** Forms the clusters again and lists the pass's work; the changes made so far become the pass's. */
  private beginPass(files: Iterable<string>): Pass {
    const formed = this.formClusters(files);
    const queue: string[] = [];
    const judgedNow = new Set<string>();
    for (const cluster of formed) {
      const key = cluster.key;
      // Formed again of the same denials: it keeps its judgement.
      cluster.judged = this.clusterByKey.get(key)?.judged;
      this.clusterByKey.set(key, cluster);
      if (cluster.judged) continue;
      judgedNow.add(key);
      queue.push(key);
    }
    for (const key of this.clustersToLookAt()) if (!judgedNow.has(key)) queue.push(key);
    const pass: Pass = {
      queue,
      done: 0,
      dirty: this.dirty,
      added: this.added,
      removed: this.removed,
      swappedFiles: this.swappedFiles,
    };
    this.dirty = new Set();
    this.added = new Set();
    this.removed = new Set();
    this.swappedFiles = new Set();
    return pass;
  }

  private collectParts(): void {
    if (this.partsStale) {
      const parts: Array<readonly Contradiction[]> = [];
      for (const { judged } of this.ordered) if (judged!.part.length > 0) parts.push(judged!.part);
      this.parts = parts;
      this.partsStale = false;
    }
  }

  /** A cluster of `denials`, keyed by their ids (a cluster formed again of the same denials keeps its judgement). */
  private clusterOfDenials(denials: Statement[]): Cluster {
    return { denials, key: denials.map((d) => this.ids.get(d)).join(","), judged: undefined };
  }

  /** Keys of judged clusters that read a changed index key or name a file whose statements were swapped. */
  private clustersToLookAt(): Set<string> {
    const keys = new Set<string>();
    for (const k of this.dirty) for (const key of this.watchers.get(k) ?? []) keys.add(key);
    for (const f of this.swappedFiles) for (const key of this.fileWatchers.get(f) ?? []) keys.add(key);
    return keys;
  }

  private lookAgain({ judged: before, denials: cluster }: Cluster, pass: Pass): JudgedCluster {
    const judged = before!;
    if (judged.lookups.some((k) => pass.dirty.has(k))) return this.rejudge(judged, cluster, pass);
    if (judged.contradiction && judged.files.some((f) => pass.swappedFiles.has(f)))
      return this.restate(judged, cluster, pass);
    return judged;
  }

  /** Records a cluster's judgement (`before` its last, if any), the keys and files it watches, and whether the parts change. */
  private settle(cluster: Cluster, before: JudgedCluster | undefined, after: JudgedCluster): void {
    if (before === after) return;
    cluster.judged = after;
    const key = cluster.key;
    if (before?.lookups !== after.lookups) {
      if (before) for (const k of before.lookups) unwatch(this.watchers, k, key);
      for (const k of after.lookups) watch(this.watchers, k, key);
    }
    const filesBefore = before?.contradiction ? before.files : NO_FILES;
    const filesAfter = after.contradiction ? after.files : NO_FILES;
    if (filesBefore !== filesAfter) {
      for (const f of filesBefore) unwatch(this.fileWatchers, f, key);
      for (const f of filesAfter) watch(this.fileWatchers, f, key);
    }
    if (before?.part !== after.part) this.partsStale = true;
  }

  /** Forgets the judgement of a cluster that is gone. */
  private forget(key: string): void {
    const judged = this.clusterByKey.get(key)?.judged;
    this.clusterByKey.delete(key);
    if (!judged) return;
    for (const k of judged.lookups) unwatch(this.watchers, k, key);
    if (judged.contradiction) for (const f of judged.files) unwatch(this.fileWatchers, f, key);
    this.partsStale = true;
  }

  /**
   * A new version of a document whose statements match the old ones one for one in everything
   * a judgement reads (a number retyped, words edited outside them) takes their place in the
   * index and in their clusters without judging anything again; the contradictions they sit in
   * are restated.
   */
  private swapEquivalent(file: string, before: Statement[], after: Statement[]): boolean {
    if (before.length !== after.length || before.length === 0) return false;
    // Fields whose difference alone tells the keys apart first; then the keys, one pair at a time.
    if (before.some((s, i) => plainlyDiffer(s, after[i]!))) return false;
    if (before.some((s, i) => judgedKey(s, before) !== judgedKey(after[i]!, after))) return false;
    before.forEach((old, i) => {
      const next = after[i]!;
      if (old.denial) this.ids.set(next, this.ids.get(old)!);
      this.successor.set(old, next);
      if (old.denial) this.swapDenial(old, next);
      if (!old.assertion) return;
      if (this.added.delete(old)) this.added.add(next);
      if (this.pass?.added.delete(old)) this.pass.added.add(next);
      if (old.sourceId && this.bySource) for (const key of sourceKeys(old)) swapIn(this.bySource.get(key), old, next);
      for (const c of old.classes)
        for (const country of old.countries) swapIn(this.byClassCountry.get(classCountryKey(c, country)), old, next);
      for (const key of pairKeys(old)) swapIn(this.byClassPair.get(key), old, next);
    });
    this.byFile.set(file, {
      statements: after,
      assertions: after.filter((s) => s.assertion),
      denials: after.filter((s) => s.denial),
    });
    this.swappedFiles.add(file);
    return true;
  }

  /** An equivalent denial takes the old one's place in its cluster (the same array: same ids, same key). */
  private swapDenial(old: Statement, next: Statement): void {
    this.denialPlace.set(next, this.denialPlace.get(old)!);
    if (this.denialsIn.delete(old)) {
      this.denialsIn.add(next);
      return;
    }
    const cluster = this.clusterOf.get(old);
    if (!cluster) return;
    cluster.denials[cluster.denials.indexOf(old)] = next;
    this.clusterOf.delete(old);
    this.clusterOf.set(next, cluster);
    for (const key of denialKeys(old)) swapIn(this.denialsByKey.get(key), old, next);
  }

  /**
   * Forms again the clusters the denials that came and went sit in: denials of the same event
   * class sharing two parties (a cluster key) form one cluster, merged transitively.
   */
  private formClusters(files: Iterable<string>): Cluster[] {
    if (this.denialsIn.size === 0 && this.denialsOut.size === 0) return [];
    const affected = new Set<Cluster>();
    for (const d of this.denialsOut) {
      const cluster = this.clusterOf.get(d);
      if (cluster) affected.add(cluster);
      this.clusterOf.delete(d);
      for (const key of denialKeys(d)) {
        const set = this.denialsByKey.get(key);
        if (set?.delete(d) && set.size === 0) this.denialsByKey.delete(key);
      }
    }
    for (const d of this.denialsIn)
      for (const key of denialKeys(d))
        for (const x of this.denialsByKey.get(key) ?? []) affected.add(this.clusterOf.get(x)!);
    for (const d of this.denialsIn)
      for (const key of denialKeys(d)) {
        let set = this.denialsByKey.get(key);
        if (!set) this.denialsByKey.set(key, (set = new Set()));
        set.add(d);
      }
    const pool: Statement[] = [];
    for (const cluster of affected) for (const d of cluster.denials) if (!this.denialsOut.has(d)) pool.push(d);
    for (const d of this.denialsIn) pool.push(d);
    this.denialsIn.clear();
    this.denialsOut.clear();
    const rank = this.ranker(files);
    const byRank = (x: Statement, y: Statement) => rank(x) - rank(y);
    const formed: Cluster[] = [];
    const seen = new Set<Statement>();
    for (const d of pool) {
      if (seen.has(d)) continue;
      seen.add(d);
      const denials = [d];
      for (let i = 0; i < denials.length; i++)
        for (const key of denialKeys(denials[i]!))
          for (const x of this.denialsByKey.get(key)!) {
            if (seen.has(x)) continue;
            seen.add(x);
            denials.push(x);
          }
      denials.sort(byRank);
      const cluster = this.clusterOfDenials(denials);
      for (const x of denials) this.clusterOf.set(x, cluster);
      formed.push(cluster);
    }
    const order = (x: Cluster, y: Cluster) => byRank(x.denials[0]!, y.denials[0]!);
    formed.sort(order);
    if (affected.size + formed.length <= FEW_CLUSTERS) {
      // A few clusters changed (an edit): taken out and put in place, not the whole order merged again.
      for (const cluster of affected) {
        const at = this.ordered.indexOf(cluster);
        if (at >= 0) this.ordered.splice(at, 1);
      }
      for (const cluster of formed) this.ordered.splice(placeIn(this.ordered, cluster, order), 0, cluster);
    } else
      this.ordered = mergeBy(
        this.ordered.filter((c) => !affected.has(c)),
        formed,
        order,
      );
    const formedKeys = new Set(formed.map((c) => c.key));
    for (const { key } of affected) if (!formedKeys.has(key)) this.forget(key);
    this.partsStale = true;
    return formed;
  }

  /** A denial's place in the order of `files`, then of its document's denials. */
  private ranker(files: Iterable<string>): (d: Statement) => number {
    if (this.fileRanks?.files !== files) {
      const rank = new Map<string, number>();
      for (const file of files) rank.set(file, rank.size);
      this.fileRanks = { files, rank };
    }
    const { rank } = this.fileRanks;
    return (d) => rank.get(d.file)! * 2 ** 21 + this.denialPlace.get(d)!;
  }

  /**
   * A judged cluster's contradiction with the current versions of its statements: the swapped
   * statements judge and read as the old ones did, so only the members of swapped files change.
   */
  private restate(judged: JudgedCluster, cluster: Statement[], pass: Pass): JudgedCluster {
    const swapped = (s: Statement) => pass.swappedFiles.has(s.file);
    const found = judged.found.map((s) => (swapped(s) ? this.latest(s) : s));
    const before = judged.contradiction!;
    const members = [
      ...cluster.map((d, i) => (swapped(d) ? memberOf(d, "a") : before.members[i]!)),
      ...found.map((a, j) => (swapped(a) ? assertedMember(a) : before.members[cluster.length + j]!)),
    ];
    const contradiction = { ...before, members };
    return { ...judged, found, contradiction, part: [contradiction] };
  }

  /**
   * A cluster whose denials are the same and some list it read changed: what it found, less the
   * assertions taken out, plus those that came into a list it read and contradict the denial that
   * read it. Judged in full when a denial would now read another list (the rarest party changed).
   */
  private rejudge(judged: JudgedCluster, cluster: Statement[], pass: Pass): JudgedCluster {
    if (judged.choices.some((c) => this.rarest(c.cls, c.countries).key !== c.key)) return this.judge(cluster);
    let changed = false;
    const found = new Set<Statement>();
    for (const s of judged.found) {
      // Also a statement swapped since the pass began: its successor may be among those added.
      const now = this.latest(s);
      if (pass.removed.has(now)) changed = true;
      else found.add(now);
    }
    for (const a of pass.added) {
      if (found.has(a)) continue;
      if (this.someReadThrough(judged.reads, a, (r) => contradicts(this.latest(r.denial), a))) {
        found.add(a);
        changed = true;
      }
    }
    if (!changed)
      return judged.contradiction && judged.files.some((f) => pass.swappedFiles.has(f))
        ? this.restate(judged, cluster, pass)
        : judged;
    return this.judged(cluster, found, judged.lookups, judged.reads, judged.choices);
  }

  /**
   * Whether `test` holds for one of the reads whose list assertion `a` is in: those of its file,
   * and while it is indexed those under its keys (an assertion is in every list of its keys or in
   * none). Looked up by its few keys, not by testing each of a large cluster's reads; the reads
   * are tried in that order and no list of them is made (a pause's rejudged clusters read each
   * statement that came, thousands of times per pause).
   */
  private someReadThrough(reads: Read[], a: Statement, test: (r: Read) => boolean): boolean {
    const byList = readsByList(reads);
    const some = (list: readonly Read[] | undefined) => list !== undefined && list.some(test);
    if (some(byList.f.get(a.file))) return true;
    if (!this.isIndexed(a)) return false;
    if (byList.s.size > 0 && a.sourceId) for (const key of sourceKeys(a)) if (some(byList.s.get(key))) return true;
    if (byList.c.size > 0)
      for (const c of a.classes)
        for (const country of a.countries) if (some(byList.c.get(classCountryKey(c, country)))) return true;
    if (byList.p.size > 0) for (const key of pairKeys(a)) if (some(byList.p.get(key))) return true;
    return false;
  }

  /** Whether assertion `a` is among its file's indexed assertions now. */
  private isIndexed(a: Statement): boolean {
    const assertions = this.byFile.get(a.file)?.assertions;
    return assertions !== undefined && includesAssertion(assertions, a);
  }

  private latest(s: Statement): Statement {
    for (let next = this.successor.get(s); next; next = this.successor.get(s)) s = next;
    return s;
  }

  /** The shortest list of assertions of class `cls` about one of `countries` (the first of equals). */
  private rarest(
    cls: string,
    countries: string[],
  ): { key: string | undefined; country: string; list: ReadonlySet<Statement> } {
    let key: string | undefined;
    let rarest = "";
    let best: ReadonlySet<Statement> = EMPTY;
    let bestSize = 0;
    for (const country of countries) {
      const k = classCountryKey(cls, country);
      const list = this.byClassCountry.get(k);
      const size = list?.size ?? 0;
      if (key === undefined || size < bestSize) [key, rarest, best, bestSize] = [k, country, list ?? EMPTY, size];
    }
    return { key, country: rarest, list: best };
  }

  private judge(cluster: Statement[]): JudgedCluster {
    const lookups = new Set<string>();
    const reads: Read[] = [];
    const choices: Choice[] = [];
    const found = new Set<Statement>();
    const consider = (d: Statement, list: Iterable<Statement>) => {
      for (const a of list) if (!found.has(a) && contradicts(d, a)) found.add(a);
    };
    // Apart from its own file, what a denial matches depends only on its signature: denials that
    // share one (the same story told in many files) read the shared lists once.
    const signatures = new Set<string>();
    for (const d of cluster) {
      lookups.add(`f:${d.file}`);
      reads.push({ denial: d, list: "f", name: d.file });
      consider(d, this.byFile.get(d.file)?.assertions ?? []);
      const signature = signatureOf(d);
      if (signatures.has(signature)) continue;
      signatures.add(signature);
      for (const id of d.deniedSources) {
        for (const key of [id, id.replace(/-/g, " ")]) {
          lookups.add(`s:${key}`);
          reads.push({ denial: d, list: "s", name: key });
          consider(d, this.sourceIndex().get(key) ?? []);
        }
      }
      const primary = d.classes[0];
      if (!primary) continue;
      for (const c of CLASSES.get(primary)!.covers) {
        // The rarest of the denial's parties gives the shortest list; contradicts() checks the rest.
        for (const country of d.countries) lookups.add(classCountryLookup(c, country));
        const { key, country, list } = this.rarest(c, d.countries);
        if (key === undefined) continue;
        choices.push({ cls: c, countries: d.countries, key });
        if (d.deniedSources.size > 0 || d.countries.length < 2) {
          reads.push({ denial: d, list: "c", name: key });
          consider(d, list);
          continue;
        }
        // Naming two parties, the denial matches only assertions sharing two with it (contradicts()):
        // those of the rarest party's list that name another of its parties too.
        for (const other of new Set(d.countries)) {
          if (other === country) continue;
          const pair = pairKey(c, country, other);
          lookups.add(`p:${pair}`);
          reads.push({ denial: d, list: "p", name: pair });
          consider(d, this.byClassPair.get(pair) ?? EMPTY);
        }
      }
    }
    return this.judged(cluster, found, [...lookups], reads, choices);
  }

  private judged(
    cluster: Statement[],
    found: ReadonlySet<Statement>,
    lookups: string[],
    reads: Read[],
    choices: Choice[],
  ): JudgedCluster {
    const assertions = [...found].sort(byFileAndStart);
    const files = new Set<string>();
    for (const d of cluster) files.add(d.file);
    for (const a of assertions) files.add(a.file);
    if (assertions.length === 0)
      return { lookups, reads, choices, files: [...files], found: [], contradiction: undefined, part: NO_PART };
    const contradiction = toContradiction(cluster, assertions);
    return { lookups, reads, choices, files: [...files], found: assertions, contradiction, part: [contradiction] };
  }

  private index(s: Statement): void {
    // Recorded even when it was taken out since: a judgement may have seen the index without it
    // (a pass spread over steps). rejudge() reads both sets against the index as it is.
    if (this.watchers.size > 0) this.added.add(s);
    this.touch(`f:`, s.file);
    if (s.sourceId && this.bySource) for (const key of sourceKeys(s)) this.indexUnder(this.bySource, `s:`, key, s);
    for (const c of s.classes)
      for (const country of s.countries) this.indexUnder(this.byClassCountry, `c:`, classCountryKey(c, country), s);
    for (const key of pairKeys(s)) this.indexUnder(this.byClassPair, `p:`, key, s);
  }

  private unindex(s: Statement): void {
    // Recorded even when it came since: a judgement may have seen it (a pass spread over steps).
    if (this.watchers.size > 0) this.removed.add(s);
    this.touch(`f:`, s.file);
    if (s.sourceId && this.bySource) for (const key of sourceKeys(s)) this.unindexUnder(this.bySource, `s:`, key, s);
    for (const c of s.classes)
      for (const country of s.countries) this.unindexUnder(this.byClassCountry, `c:`, classCountryKey(c, country), s);
    for (const key of pairKeys(s)) this.unindexUnder(this.byClassPair, `p:`, key, s);
  }

  private indexUnder(map: Map<string, Set<Statement>>, prefix: string, key: string, s: Statement): void {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(s);
    this.touch(prefix, key);
  }

  private unindexUnder(map: Map<string, Set<Statement>>, prefix: string, key: string, s: Statement): void {
    const set = map.get(key);
    if (!set) return;
    set.delete(s);
    if (set.size === 0) map.delete(key);
    this.touch(prefix, key);
  }

  /** Only keys some judged cluster read matter (while indexing, none was judged yet). */
  private touch(prefix: string, key: string): void {
    if (this.watchers.size > 0 && this.watchers.has(prefix + key)) this.dirty.add(prefix + key);
  }

  private sourceIndex(): Map<string, Set<Statement>> {
    if (!this.bySource) {
      this.bySource = new Map();
      for (const { assertions } of this.byFile.values()) {
        for (const s of assertions)
          if (s.sourceId) for (const key of sourceKeys(s)) this.indexUnder(this.bySource, `s:`, key, s);
      }
    }
    return this.bySource;
  }
}

/** The work of one pass of `conflictParts` and the changes it was listed from. */
interface Pass {
  /** Keys of the clusters to judge (formed again) or to look at again, in order; `done` of them are. */
  queue: string[];
  done: number;
  dirty: ReadonlySet<string>;
  added: Set<Statement>;
  removed: ReadonlySet<Statement>;
  swappedFiles: ReadonlySet<string>;
}

interface JudgedCluster {
  /** Index keys the judgement read: a change under any of them judges the cluster again. */
  lookups: string[];
  /** The lists read (denial and list), as rejudge() reads the assertions that came into them. */
  reads: Read[];
  /** For each class-and-party read, the list chosen (the rarest party's): another one now judges in full. */
  choices: Choice[];
  /** Files of its denials and of the assertions found. */
  files: string[];
  /** The assertions found, in contradiction order. */
  found: Statement[];
  contradiction: Contradiction | undefined;
  /** The contradiction as a part of the list (empty without one): the same array while it stands. */
  part: readonly Contradiction[];
}

interface Read {
  denial: Statement;
  /** The own file's assertions, those of a source key, of a class and party, of a class and two parties. */
  list: "f" | "s" | "c" | "p";
  name: string;
}

interface Choice {
  cls: string;
  countries: string[];
  key: string;
}

const NO_PART: readonly Contradiction[] = [];

/** A file's assertions as a set, made once per array (the arrays are never changed: a new version makes new ones). */
const assertionSets = new WeakMap<readonly Statement[], ReadonlySet<Statement>>();

function includesAssertion(assertions: readonly Statement[], a: Statement): boolean {
  if (assertions.length <= 16) return assertions.includes(a);
  let set = assertionSets.get(assertions);
  if (!set) assertionSets.set(assertions, (set = new Set(assertions)));
  return set.has(a);
}

/** A judgement's reads by list and name, made once per reads array (a rejudged cluster keeps its reads). */
type ReadsByList = Record<Read["list"], Map<string, Read[]>>;
const readsByLists = new WeakMap<Read[], ReadsByList>();

function readsByList(reads: Read[]): ReadsByList {
  let byList = readsByLists.get(reads);
  if (!byList) {
    byList = { f: new Map(), s: new Map(), c: new Map(), p: new Map() };
    for (const r of reads) {
      const named = byList[r.list].get(r.name);
      if (named) named.push(r);
      else byList[r.list].set(r.name, [r]);
    }
    readsByLists.set(reads, byList);
  }
  return byList;
}
const NO_FILES: readonly string[] = [];

function watch(watchers: Map<string, Set<string>>, key: string, cluster: string): void {
  let set = watchers.get(key);
  if (!set) watchers.set(key, (set = new Set()));
  set.add(cluster);
}

function unwatch(watchers: Map<string, Set<string>>, key: string, cluster: string): void {
  const set = watchers.get(key);
  if (set?.delete(cluster) && set.size === 0) watchers.delete(key);
}

/**
 * The key of a class and a party ("attack|russia"), and its index key as a judgement looks it up
 * ("c:attack|russia"): made once per pair, not joined (and hashed) again at each look-up.
 */
function classCountryKey(cls: string, country: string): string {
  return classCountryKeys(cls, country).key;
}

function classCountryLookup(cls: string, country: string): string {
  return classCountryKeys(cls, country).lookup;
}

function classCountryKeys(cls: string, country: string): { key: string; lookup: string } {
  let byCountry = classCountryCache.get(cls);
  if (!byCountry) classCountryCache.set(cls, (byCountry = new Map()));
  let keys = byCountry.get(country);
  if (!keys) {
    const key = `${cls}|${country}`;
    keys = { key, lookup: `c:${key}` };
    // Classes are few and parties canonical ids; the bound only keeps odd input from growing it.
    if (byCountry.size < MAX_CLASS_COUNTRY_KEYS) byCountry.set(country, keys);
  }
  return keys;
}

const classCountryCache = new Map<string, Map<string, { key: string; lookup: string }>>();
const MAX_CLASS_COUNTRY_KEYS = 10_000;

/** The key of a class and two parties (in either order). */
function pairKey(cls: string, x: string, y: string): string {
  return x < y ? `${cls}|${x}|${y}` : `${cls}|${y}|${x}`;
}

/**
 * An assertion's keys of class and two parties: each class with each pair of its parties. They
 * follow from its classes and parties alone, so statements with the same ones share one list (at
 * 10,000 files, 83,000 lists of keys were 10 MB).
 */
function pairKeys(s: Statement): readonly string[] {
  s.pairKeys ??=
    s.countries.length < 2 || s.classes.length === 0
      ? NO_PAIR_KEYS
      : pairKeysOf(`${s.classes.join("|")}${PARTIES}${s.countries.join("|")}`);
  return s.pairKeys;
}

const NO_PAIR_KEYS: readonly string[] = [];
/** Parts the classes from the parties in pairKeysOf's input (neither class names nor canonical ids hold it, nor "|"). */
const PARTIES = "\u0001";

/** The pair keys of classes and parties written as `classes${PARTIES}parties`, each list joined by "|" (one list per input). */
const pairKeysOf = memoize((written: string): readonly string[] => {
  const [classes, parties] = written.split(PARTIES) as [string, string];
  const countries = [...new Set(parties.split("|"))];
  const out: string[] = [];
  for (const c of classes.split("|"))
    for (let i = 0; i < countries.length; i++)
      for (let j = i + 1; j < countries.length; j++) out.push(pairKey(c, countries[i]!, countries[j]!));
  return out.length > 0 ? out : NO_PAIR_KEYS;
}, 20_000);

/** A denial cluster: its denials in order, its key (their ids) and its judgement once judged. */
interface Cluster {
  readonly denials: Statement[];
  readonly key: string;
  judged: JudgedCluster | undefined;
}

/** Files compared (localeCompare) only when they differ: most pairs share one. */
const byFileAndStart = (x: Statement, y: Statement) =>
  (x.file === y.file ? 0 : x.file.localeCompare(y.file)) || x.start - y.start;

function swapIn(set: Set<Statement> | undefined, old: Statement, next: Statement): void {
  if (set?.delete(old)) set.add(next);
}

/** Whether two statements' judged keys differ, told by their kind, source and numbers of classes and parties. */
function plainlyDiffer(s: Statement, t: Statement): boolean {
  return (
    s.denial !== t.denial ||
    s.assertion !== t.assertion ||
    (s.ownVoice ?? false) !== (t.ownVoice ?? false) ||
    s.sourceId !== t.sourceId ||
    s.classes.length !== t.classes.length ||
    s.countries.length !== t.countries.length ||
    s.deniedSources.size !== t.deniedSources.size
  );
}

/**
 * Everything judging a statement reads, apart from its position and wording: its kind, classes,
 * parties, source, denied sources, the statement its anaphora points at (by index), its stems.
 */
function judgedKey(s: Statement, list: Statement[]): string {
  const target = s.anaphoricTarget === undefined ? "" : String(list.findIndex((x) => x.start === s.anaphoricTarget));
  const order = list.filter((x) => x.start < s.start).length;
  return JSON.stringify([
    s.denial,
    s.assertion,
    s.ownVoice ?? false,
    s.classes,
    s.countries,
    s.sourceId,
    s.source?.text ?? null,
    s.source?.canonical ?? null,
    [...s.deniedSources],
    target,
    order,
    stemsOf(s),
  ]);
}

const EMPTY: ReadonlySet<Statement> = new Set();

/** What decides a denial's matches outside its own file (see contradicts()). */
function signatureOf(d: Statement): string {
  return `${d.sourceId}\u0001${d.classes[0] ?? ""}\u0001${d.countries.join(",")}\u0001${[...d.deniedSources].join(",")}`;
}

/** The keys an assertion is found under by a denial naming its source: the canonical id and every run of up to four words of the source. */
function sourceKeys(s: Statement): ReadonlySet<string> {
  // Only a statement with a source has a source id: its keys depend on its source alone.
  if (!s.source) return NO_SOURCES;
  if (s.source.keys) return s.source.keys;
  const keys = new Set<string>();
  s.source.keys = keys;
  const canonical = s.source.canonical;
  if (canonical) keys.add(canonical);
  for (const name of [s.sourceId, s.source.text.toLowerCase()]) {
    const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (let i = 0; i < words.length; i++)
      for (let n = 1; n <= 4 && i + n <= words.length; n++) keys.add(words.slice(i, i + n).join(" "));
  }
  return keys;
}

function memberOf(s: Statement, side: "a" | "b"): ContradictionMember {
  return {
    file: s.file,
    start: s.start,
    end: s.end,
    text: s.text,
    side,
    source: s.source?.text ?? null,
    date: s.date ?? null,
  };
}

/**
 * An assertion's member (side "b"): one object per statement, shared by every contradiction that
 * lists it. A denial belongs to one cluster, so no (denial, assertion) pair is in two contradictions.
 */
const assertedMembers = new WeakMap<Statement, ContradictionMember>();

function assertedMember(a: Statement): ContradictionMember {
  let member = assertedMembers.get(a);
  if (!member) assertedMembers.set(a, (member = memberOf(a, "b")));
  return member;
}

function membersOf(cluster: Statement[], assertions: Statement[]): ContradictionMember[] {
  const members: ContradictionMember[] = [];
  for (const d of cluster) members.push(memberOf(d, "a"));
  for (const a of assertions) members.push(assertedMember(a));
  return members;
}

function toContradiction(cluster: Statement[], assertions: Statement[]): Contradiction {
  const deniers = unique(cluster.map((d) => d.source?.text ?? "a source"));
  const named = new Set<string>();
  for (const a of assertions) if (a.source) named.add(a.source.text);
  const asserters = named.size > 0 ? [...named] : ["unnamed sources"];
  const deniedNames = cluster.flatMap((d) => [...d.deniedSources].filter((x) => !x.includes("-") && /[a-z]/.test(x)));
  const topic =
    cluster[0]!.classes[0]?.replace(/-/g, " ") ??
    (deniedNames.length
      ? `what ${unique(deniedNames)
          .map((x) => x.replace(/\b\w/g, (c) => c.toUpperCase()))
          .join(", ")} sources said`
      : "a statement");
  return {
    kind: "stance",
    summary: `${deniers.slice(0, 4).join(", ")}${deniers.length > 4 ? ` and ${deniers.length - 4} more` : ""} ${cluster.length > 1 || deniers.length > 1 ? "deny" : "denies"} ${topic} vs ${asserters.slice(0, 6).join(", ")}${asserters.length > 6 ? ` and ${asserters.length - 6} more` : ""} asserting it`,
    members: membersOf(cluster, assertions),
  };
}

/**
 * The cluster keys of a denial: its event class with each pair of its (first four, sorted)
 * parties, or with its one party. Denials sharing a key form one cluster; one of no class is alone.
 */
function denialKeys(d: Statement): readonly string[] {
  let keys = keysOfDenial.get(d);
  if (keys) return keys;
  const cls = d.classes[0];
  const countries = [...d.countries].sort().slice(0, 4);
  keys = !cls
    ? []
    : countries.length < 2
      ? [`${cls}|${countries[0] ?? ""}`]
      : countries.flatMap((a, x) => countries.slice(x + 1).map((b) => `${cls}|${a}|${b}`));
  keysOfDenial.set(d, keys);
  return keys;
}

const keysOfDenial = new WeakMap<Statement, readonly string[]>();

/** Two sorted lists merged into one (the first list's items first among equals). */
/** Up to this many clusters formed and taken out are moved one by one in the order. */
const FEW_CLUSTERS = 32;

/** Where `item` goes in the sorted `list` (after its equals). */
function placeIn<T>(list: readonly T[], item: T, order: (p: T, q: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeBy<T>(x: readonly T[], y: readonly T[], order: (p: T, q: T) => number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) out.push(order(x[i]!, y[j]!) <= 0 ? x[i++]! : y[j++]!);
  while (i < x.length) out.push(x[i++]!);
  while (j < y.length) out.push(y[j++]!);
  return out;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
