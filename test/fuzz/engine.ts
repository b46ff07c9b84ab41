// Engine fuzzing: generators of hostile texts and the invariants every analysis must keep.
// Used by the bounded run in `npm test` (fuzz.test.ts) and by `npm run fuzz` (main.ts).
import fc from "fast-check";
import { analyze, type Analysis } from "../../server/src/engine";

// ---- Generators ----

/** Sentences written for the fuzzer: every kind of finding, to be mutated. */
export const SEED_TEXTS = [
  "Officials reportedly said Iran shipped about 7,777 drones to Russia.",
  "The ministry denied that 300 soldiers were killed near the border on Monday.",
  "According to the agency, at least 1.5 million people fled, but Kyiv could not confirm the figure.",
  "Analysts said Chad has sent more than 2,000 soldiers to Niger.",
  '"We never shipped a single rocket," a spokesman for the Defence Ministry told Reuters.',
  "Sources familiar with the matter said between 11,000 and 12,000 tonnes of grain may have been seized.",
  "Morgan Stanley and the United Nations estimated inflation at 7.4% in March, up from 5 percent.",
  "The agency, citing Getty Images data, said 5,000 troops were sent to Russia.",
  "KYIV, March 3 (Staff) - Up to 40 tankers were seen in the port, the navy said.\nHome | World | Europe\nPhoto: Staff",
];

/** Characters that break naive text handling. */
export const HOSTILE_CHARS = [
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff", // lone surrogates
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200e",
  "\u200f", // bidi controls
  "\u0301",
  "\u0308",
  "\u0327",
  "\u20dd",
  "\u0489", // combining marks
  "\u0009",
  "\u000b",
  "\u000c",
  "\u0020",
  "\u0085",
  "\u00a0",
  "\u1680",
  "\u2000",
  "\u2001",
  "\u2002",
  "\u2003",
  "\u2004",
  "\u2005",
  "\u2006",
  "\u2007",
  "\u2008",
  "\u2009",
  "\u200a",
  "\u2028",
  "\u2029",
  "\u202f",
  "\u205f",
  "\u3000",
  "\u180e",
  "\ufeff",
  "\r",
  "\n",
  "\r\n",
  "\n\n",
  "\r\r", // line ends, lone CR
  "😀",
  "👍🏽",
  "👨‍👩‍👧",
  "🇺🇦",
  "\u{1f600}\u200d", // emoji
  "\u0000",
  "\u0001",
  "\u007f",
  "\ufffd",
  "\uffff",
  "“",
  "”",
  "‘",
  "’",
  '"',
  "'",
  "(",
  ")",
  "[",
  "]",
  "«",
  "»",
  "…",
  ".",
  ",",
  ";",
  ":",
  "|",
  "%",
  "$",
  "€",
  "£",
  "-",
  "–",
  "—",
  "/",
  "\\",
];

const WORDS = [
  "said",
  "denied",
  "reportedly",
  "allegedly",
  "according to",
  "officials",
  "sources",
  "Russia",
  "Iran",
  "Kyiv",
  "the",
  "ministry",
  "troops",
  "killed",
  "about",
  "more than",
  "at least",
  "up to",
  "million",
  "billion",
  "percent",
  "%",
  "1,000",
  "2.5",
  "300",
  "March",
  "2024",
  "Morgan",
  "Stanley",
  "Dr.",
  "U.S.",
  "Getty Images",
  "Photo:",
  "REUTERS/",
  "could not confirm",
];

const hostileChar = fc.constantFrom(...HOSTILE_CHARS);
const word = fc.constantFrom(...WORDS);

/** Random bytes decoded as UTF-8 (replacement characters), UTF-16 LE, or Latin-1. */
export const decodedBytes = fc
  .tuple(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom("utf-8", "utf-16le", "latin1"))
  .map(([bytes, encoding]) => new TextDecoder(encoding).decode(bytes));

/** Words, hostile characters and random code units, joined. */
export const hostileUnicode = fc
  .array(fc.oneof(hostileChar, word, fc.string({ unit: "binary", maxLength: 6 }), fc.constant(" ")), { maxLength: 300 })
  .map((parts) => parts.join(""));

type Mutation = (text: string, n: number, c: string) => string;

const MUTATIONS: Mutation[] = [
  (t, n, c) => t.slice(0, n % (t.length + 1)) + c + t.slice(n % (t.length + 1)), // insert a hostile character
  (t, n) => t.slice(0, n % (t.length + 1)) + t.slice((n % (t.length + 1)) + 1 + (n % 7)), // delete a few units
  (t, n) => t.repeat(1 + (n % 40)), // repeat
  (t) => t.replace(/[.!?]/g, ""), // an endless sentence
  (t) => t.replace(/ /g, ""), // no spaces
  (t, n) => t.replace(/\d+/, "9".repeat(100 + (n % 2000))), // a very long number
  (t) => t.replace(/\n/g, "\r"), // lone CR line ends
  (t) => t.replace(/\n/g, " "), // one line
  (t, n, c) => t.split(" ").join(c.repeat(1 + (n % 3))), // every space replaced
  (t) => t.toUpperCase(),
  (t, n) => t.slice(n % (t.length + 1)) + t.slice(0, n % (t.length + 1)), // rotated
];

/** Texts written for the tests, mutated one to four times. */
export const mutatedText = fc
  .tuple(
    fc.constantFrom(...SEED_TEXTS),
    fc.array(fc.tuple(fc.nat({ max: MUTATIONS.length - 1 }), fc.nat(), hostileChar), { minLength: 1, maxLength: 4 }),
  )
  .map(([seed, steps]) => steps.reduce((text, [m, n, c]) => MUTATIONS[m]!(text, n, c).slice(0, 200_000), seed));

/** Rare, large inputs: a 100k-digit number, a 1 MB line, an endless sentence. */
export const hugeText = fc
  .constantFrom(
    () => `Officials said ${"7".repeat(100_000)} troops were killed.`,
    () =>
      SEED_TEXTS.join(" ")
        .replace(/\n/g, " ")
        .repeat(Math.ceil(1_000_000 / SEED_TEXTS.join(" ").length)),
    () => "Officials said that the ministry reportedly denied 5 troops were killed and ".repeat(8000),
    () => "1,".repeat(50_000),
    () => "Russia said 5 troops were killed. ".repeat(30_000),
  )
  .map((make) => make());

export const ENGINE_GENERATORS = {
  "decoded bytes": decodedBytes,
  "hostile unicode": hostileUnicode,
  "mutated texts": mutatedText,
} as const;

// ---- Invariants ----

export type Violation = { invariant: string; detail: string };

interface SpanLike {
  start: number;
  end: number;
  text: string;
}

/** Every named span of an analysis (actors, figures and their parts, claims, cues, sources, dates, sentences). */
function spansOf(a: Analysis): Array<[string, SpanLike]> {
  const out: Array<[string, SpanLike]> = [];
  const add = (kind: string, s: unknown) => {
    if (s && typeof s === "object" && "start" in s && "end" in s && "text" in s) out.push([kind, s as SpanLike]);
  };
  for (const s of a.actors) add("actor", s);
  for (const f of a.figures) {
    add("figure", f);
    for (const [key, value] of Object.entries(f))
      if (value && typeof value === "object" && !Array.isArray(value)) add(`figure.${key}`, value);
  }
  for (const c of a.claims) {
    add("claim", c);
    add("claim.source", c.source);
    add("claim.date", c.date);
    for (const cue of c.cues) add("claim.cue", cue);
  }
  for (const d of a.dates) add("date", d);
  for (const s of a.sentences) add("sentence", { ...s, text: a.text.slice(s.start, s.end) });
  return out;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether an offset falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function sortedByStart(list: ReadonlyArray<{ start: number }>): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.start) return false;
  return true;
}

function disjoint(list: ReadonlyArray<{ start: number; end: number }>): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.end) return false;
  return true;
}

/** Numbers anywhere in a result that are not finite. */
function nonFinite(value: unknown, path: string, out: string[], depth = 0): void {
  if (out.length > 3 || depth > 6) return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFinite(v, `${path}[${i}]`, out, depth + 1));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (k !== "text") nonFinite(v, `${path}.${k}`, out, depth + 1);
  }
}

/** Analyses `input` and lists every invariant it breaks (an empty list: all kept). */
export function checkAnalysis(input: string): Violation[] {
  let a: Analysis;
  try {
    a = analyze(input);
  } catch (error) {
    return [{ invariant: "no throw", detail: String((error as Error)?.stack ?? error).slice(0, 500) }];
  }
  const violations: Violation[] = [];
  const once = new Set<string>();
  const report = (invariant: string, detail: string) => {
    if (once.has(invariant)) return;
    once.add(invariant);
    violations.push({ invariant, detail: detail.slice(0, 300) });
  };
  for (const [kind, s] of spansOf(a)) {
    if (!(
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      0 <= s.start &&
      s.start <= s.end &&
      s.end <= a.text.length
    )) {
      report("span in range", `${kind} ${s.start}-${s.end} of ${a.text.length}`);
      continue;
    }
    if (a.text.slice(s.start, s.end) !== s.text)
      report("text === slice", `${kind} ${JSON.stringify(s.text)} vs ${JSON.stringify(a.text.slice(s.start, s.end))}`);
    if (splitsPair(a.text, s.start) || splitsPair(a.text, s.end))
      report("no split surrogate pair", `${kind} ${s.start}-${s.end}`);
  }
  if (!sortedByStart(a.sentences) || !disjoint(a.sentences)) report("sentences sorted and disjoint", "");
  if (!sortedByStart(a.figures) || !disjoint(a.figures)) report("figures sorted and disjoint", "");
  if (!sortedByStart(a.actors) || !disjoint(a.actors)) report("actors sorted and disjoint", "");
  if (!sortedByStart(a.claims)) report("claims sorted", "");
  const bad: string[] = [];
  nonFinite(a.figures, "figures", bad);
  if (bad.length > 0) report("finite values", bad.join(", "));
  return violations;
}
