// The sentence-level parts of a figure's frame: what is counted (thing), whose (owner) and where
// (place), plus a restriction (a unit's strength, an increment, a rate).
import { opensClause } from "./frameLexicon";
import type { ActorMention } from "./types";
import { type Token, TokenKind, isPossessive, tokenContaining } from "./tokens";
import type { RawFigure } from "./figures";
import type { SentenceSlice } from "./sentences";
import { covering, firstWithin, lastBefore, lowerBound } from "./spans";
import { memoize } from "./intern";
import { hasMark, wordClass, wordTest } from "./wordMarks";
import quantityData from "./data/quantities.json";

const THING_SYNONYMS: Record<string, string> = quantityData.things;
const CASUALTY_WORDS = new Set(["killed", "dead", "died", "wounded", "injured", "casualties", "captured", "missing"]);
const SEND_VERBS = new Set([
  "sent",
  "send",
  "sends",
  "sending",
  "deployed",
  "deploy",
  "deploys",
  "deploying",
  "deployment",
  "dispatched",
  "dispatch",
  "dispatches",
  "dispatching",
  "delivered",
  "deliver",
  "delivers",
  "delivering",
  "shipped",
  "ship",
  "ships",
  "shipping",
  "supplied",
  "supply",
  "supplies",
  "supplying",
  "provided",
  "provide",
  "provides",
  "providing",
  "transferred",
  "transfer",
  "transfers",
  "exported",
  "export",
  "exports",
  "sold",
  "sell",
  "sells",
  "contributed",
  "mobilized",
  "mobilised",
  "committed",
  "gave",
  "give",
  "gives",
  "lost",
  "lose",
  "loses",
]);
/** "North Korea has 1.2 million soldiers": possession right before the figure. */
const HAVE_VERBS = new Set(["has", "had", "have", "fields", "keeps", "maintains"]);
const RECEIVE_VERBS = new Set([
  "received",
  "receive",
  "receives",
  "receiving",
  "acquired",
  "acquire",
  "obtained",
  "obtain",
  "bought",
  "buy",
  "buys",
  "imported",
  "import",
  "imports",
  "got",
  "gets",
  "purchased",
  "ordered",
]);
const HELP_VERBS = new Set([
  "aid",
  "support",
  "assist",
  "help",
  "bolster",
  "reinforce",
  "join",
  "joined",
  "joining",
  "supporting",
  "aiding",
  "assisting",
  "helping",
  "alongside",
  "backing",
  "back",
  "augment",
  "strengthen",
]);
const PLACE_PREPS = new Set(["in", "to", "into", "inside", "within", "across", "throughout", "at"]);
// The trigger and casualty words as bits: a figure's subject reads a dozen tokens around it for each.
const HELP_VERB = wordClass(HELP_VERBS);
const PLACE_PREP = wordClass(PLACE_PREPS);
const CASUALTY_WORD = wordClass(CASUALTY_WORDS);
const UNIT_NOUNS = new Set([
  "battalion",
  "brigade",
  "regiment",
  "division",
  "unit",
  "corps",
  "company",
  "platoon",
  "squadron",
  "detachment",
  "contingent",
]);
const UNIT_NOUN = wordClass(UNIT_NOUNS);

/** The owner, place and thing read around a figure (the sentence-level part of its frame). */
export interface SubjectParts {
  /** Normalised counted thing (`troops`, `casualties`, `barrels`, `percent`). */
  thing: string;
  /** Canonical actor the thing belongs to (`north-korea`), or "". */
  owner: string;
  /** Canonical place or scope (`russia`, `kursk`), or "". */
  place: string;
  /** Further distinguishing words (a unit's name, a period), or "". */
  extra: string;
}

export interface SubjectInput {
  tokens: Token[];
  sentences: SentenceSlice[];
  actors: ActorMention[];
}

export interface Subject {
  parts: SubjectParts;
}

/** Reads the parts of each figure of a document, in text order, inheriting context where a sentence lacks it. */
export function assignSubjects(input: SubjectInput, figures: Array<{ raw: RawFigure; sentence: number }>): Subject[] {
  const results: Subject[] = [];
  const seen = new SeenFigures();
  const caches = newCaches(input.sentences.length);
  for (const { raw, sentence } of figures) {
    const s = input.sentences[sentence]!;
    const parts = localParts(input, caches, raw, s, sentence);
    inherit(input, caches, parts, s, seen);
    if (parts.place === parts.owner) parts.place = "";
    seen.add({ thing: parts.thing, owner: parts.owner, place: parts.place, extra: parts.extra }, s.paragraph);
    results.push({ parts });
  }
  return results;
}

interface SeenFigure {
  parts: SubjectParts;
  paragraph: number;
  /** Position among all the figures seen. */
  index: number;
}

/** The parts of the figures read so far, by thing and extra: inheriting looks only at figures of the same thing. */
class SeenFigures {
  count = 0;
  private readonly byThing = new Map<string, Map<string, SeenFigure[]>>();

  add(parts: SubjectParts, paragraph: number): void {
    let byExtra = this.byThing.get(parts.thing);
    if (!byExtra) this.byThing.set(parts.thing, (byExtra = new Map()));
    const list = byExtra.get(parts.extra);
    const entry = { parts, paragraph, index: this.count++ };
    if (list) list.push(entry);
    else byExtra.set(parts.extra, [entry]);
  }

  /** The figures of this thing and extra, oldest first. */
  like(parts: SubjectParts): readonly SeenFigure[] {
    return this.byThing.get(parts.thing)?.get(parts.extra) ?? NONE_SEEN;
  }
}

const NONE_SEEN: readonly SeenFigure[] = [];

/** FNV-1a over the lower-case words around a figure, separated by spaces. */
export function contextHash(tokens: Token[], a: number, b: number): string {
  let h = 2166136261;
  for (let k = a; k < b; k++) {
    const w = tokens[k]!.lower;
    if (k > a) h = Math.imul(h ^ 32, 16777619);
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
  }
  return base36(h >>> 0);
}

const BASE36_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/** n.toString(36) for an unsigned 32-bit n, by division: the runtime's general radix conversion cost more than the hash. */
function base36(n: number): string {
  let s = "";
  do {
    const q = Math.floor(n / 36);
    s = BASE36_DIGITS[n - q * 36]! + s;
    n = q;
  } while (n > 0);
  return s;
}

const thingOf = memoize(computeThing);
/** Actor names in lower case, made once per distinct name (a bare unit noun compares them with every organization before it). */
const lowerOf = memoize((text) => text.toLowerCase());
const lastWordLower = memoize((text) => text.split(/\s+/).pop()!.toLowerCase());

export function normalizeThing(unit: string | null): string {
  return unit ? thingOf(unit) : "";
}

function computeThing(unit: string): string {
  const u = unit.toLowerCase().replace(/[“”"]/g, "").trim();
  if (THING_SYNONYMS[u]) return THING_SYNONYMS[u]!;
  const last = u.split(/\s+/).pop() ?? u;
  if (THING_SYNONYMS[last]) return THING_SYNONYMS[last]!;
  return last.replace(/[^a-z0-9%]+/g, "-");
}

const RATE_NOUNS = new Set([
  "inflation",
  "unemployment",
  "growth",
  "gdp",
  "economy",
  "turnout",
  "interest",
  "tariff",
  "tariffs",
  "tax",
  "taxes",
  "share",
  "stake",
  "support",
  "approval",
  "prices",
  "price",
  "exports",
  "imports",
  "output",
  "production",
  "deficit",
  "debt",
  "revenue",
  "revenues",
  "sales",
  "profit",
  "profits",
  "wages",
  "rents",
  "poverty",
  "vote",
  "votes",
  "spending",
  "budget",
  "yield",
  "yields",
  "rate",
]);

/** "Inflation in Turkey slowed to 44.4%": a percentage is about the rate named before it, in the country named with it. */
function percentParts(input: SubjectInput, raw: RawFigure, s: SentenceSlice): SubjectParts | undefined {
  if (raw.unit !== "%") return undefined;
  const { tokens } = input;
  let rate = "";
  let owner = "";
  for (let k = raw.t0 - 1; k >= Math.max(s.t0, raw.t0 - 14); k--) {
    const t = tokens[k]!;
    if (t.text === ";" || t.lower === "while" || t.lower === "but") break;
    if (!rate && RATE_NOUNS.has(t.lower)) rate = t.lower === "economy" ? "gdp" : t.lower.replace(/s$/, "");
    const hit = covering(input.actors, t.start);
    if (!owner && hit && hit.kind === "country" && hit.start === t.start) owner = hit.canonical;
  }
  if (!rate) return undefined;
  return { thing: `percent-${rate}`, owner, place: "", extra: raw.period };
}

/** "the death toll rose to 312", "put the number of displaced at 11 million": the thing is named before. */
function thingNamedBefore(tokens: Token[], raw: RawFigure, s: SentenceSlice): string {
  for (let k = raw.t0 - 1; k >= Math.max(s.t0, raw.t0 - 10); k--) {
    const w = tokens[k]!.lower;
    if (w === "." || w === ";" || w === "but" || w === "while") break;
    if (w === "toll" && tokens[k - 1]?.lower === "death") return "casualties";
    if ((w === "number" || w === "total" || w === "tally" || w === "count") && tokens[k + 1]?.lower === "of") {
      const noun = tokens[k + 2];
      if (noun && noun.kind === TokenKind.Word && !noun.cap) return normalizeThing(noun.lower);
    }
  }
  return "";
}

function localParts(
  input: SubjectInput,
  caches: SentenceCaches,
  raw: RawFigure,
  s: SentenceSlice,
  sentence: number,
): SubjectParts {
  const percent = percentParts(input, raw, s);
  if (percent) return percent;
  const { tokens } = input;
  let thing = normalizeThing(raw.unit) || thingNamedBefore(tokens, raw, s);
  // Casualties: "500 civilians have been killed", "North Korean casualties".
  for (let k = raw.np1; k < Math.min(s.t1, raw.np1 + 5); k++) {
    if (hasMark(tokens[k]!, CASUALTY_WORD) && thing !== "casualties") {
      thing = withCasualties(thing);
      break;
    }
    if (tokens[k]!.kind === TokenKind.Punct) break;
  }
  // "has killed at least 150,000 people"
  for (let k = raw.t0 - 1; k >= Math.max(s.t0, raw.t0 - 2); k--) {
    if (hasMark(tokens[k]!, CASUALTY_WORD) && !thing.endsWith("casualties")) thing = withCasualties(thing);
  }
  // Owner: a country named inside the counted noun phrase ("North Korean troops", "Iranian-made drones").
  let owner = firstCountryIn(input, raw.t1, Math.max(raw.np1, raw.t1));
  let place = "";
  // "troops of North Korea" / "drones delivered by Iran"
  if (!owner) {
    const after = tokens[raw.np1];
    if (after && (after.lower === "from" || after.lower === "of"))
      owner = firstCountryAfter(input, raw.np1 + 1, s.t1, 4);
    const by = findWord(tokens, raw.np1, Math.min(s.t1, raw.np1 + 3), "by");
    if (!owner && by >= 0) owner = firstCountryAfter(input, by + 1, s.t1, 3);
  }
  // The agent of a sending verb or a possessor to the left: "North Korea may have sent thousands of troops".
  const left = leftContext(input, raw, s);
  if (!owner && left.sender) owner = left.sender;
  if (left.receiver) place = left.receiver;
  // Place: a party the figure helps ("to aid Russian forces"), else a location after in/to.
  const helped = helpedParty(input, raw.np1, s.t1);
  if (helped) place = helped;
  if (!place) place = locationAfter(input, raw.np1, s.t1);
  if (!place) place = locationBefore(input, raw.t0, s);
  let extra = raw.increment ? "additional" : "";
  if (raw.difference) extra = extra ? `${extra}-change` : "change";
  if (raw.period) extra = extra ? `${extra}-${raw.period}` : raw.period;
  const unitScope = unitInSentence(input, caches, s, sentence, raw);
  if (unitScope) extra = extra ? `${extra}-${unitScope}` : unitScope;
  return { thing, owner, place, extra };
}

/** `${thing}-casualties` without a leading "-" (the thing may be empty or start with one). */
function withCasualties(thing: string): string {
  const joined = thing + "-casualties";
  return joined.charCodeAt(0) === 45 ? joined.slice(1) : joined;
}

function findWord(tokens: Token[], a: number, b: number, w: string): number {
  for (let k = a; k < b; k++) if (tokens[k]!.lower === w) return k;
  return -1;
}

function firstCountryAfter(input: SubjectInput, k: number, end: number, window: number): string {
  return firstCountryIn(input, k, Math.min(end, k + window));
}

const isCountry = (a: ActorMention) => a.kind === "country";

/** The canonical name of the first country lying inside tokens [t0, t1), or "". */
function firstCountryIn(input: SubjectInput, t0: number, t1: number): string {
  const start = input.tokens[t0]?.start ?? 0;
  const end = input.tokens[t1 - 1]?.end ?? start;
  return firstWithin(input.actors, start, end, isCountry)?.canonical ?? "";
}

/** Looks left of the figure within its clause for a sender (agent or possessor) or a receiver. */
function leftContext(input: SubjectInput, raw: RawFigure, s: SentenceSlice): { sender: string; receiver: string } {
  const { tokens } = input;
  let verbKind: "send" | "receive" | "" = "";
  for (let k = raw.t0 - 1; k >= Math.max(s.t0, raw.t0 - 12); k--) {
    const t = tokens[k]!;
    if (
      t.text === "," ||
      t.text === ";" ||
      t.text === ":" ||
      t.lower === "that" ||
      t.lower === "while" ||
      t.lower === "but"
    )
      break;
    if ((SEND_VERBS.has(t.lower) || (HAVE_VERBS.has(t.lower) && k === raw.t0 - 1)) && !verbKind) verbKind = "send";
    if (RECEIVE_VERBS.has(t.lower) && !verbKind) verbKind = "receive";
    const hit = covering(input.actors, t.start);
    const actor = hit && hit.start === t.start && hit.kind === "country" ? hit : undefined;
    if (!actor) continue;
    const prev = tokens[k - 1];
    if (prev && hasMark(prev, PLACE_PREP)) continue; // a location, not an agent
    const endTok = tokenContaining(input.tokens, actor.end - 1);
    const possessive = isPossessive(tokens[endTok + 1]);
    if (possessive || verbKind === "send") return { sender: actor.canonical, receiver: "" };
    if (verbKind === "receive") return { sender: "", receiver: actor.canonical };
  }
  return { sender: "", receiver: "" };
}

/** The first country named within `reach` tokens after a trigger word, scanning tokens from `from` in `step` direction. */
function countryAfterTrigger(
  input: SubjectInput,
  from: number,
  stop: number,
  step: 1 | -1,
  trigger: (t: Token) => boolean,
  ends: (t: Token, j: number) => boolean,
  reach: number,
  countryEnd: number,
): string {
  const { tokens } = input;
  for (let j = from; step > 0 ? j < stop : j >= stop; j += step) {
    const t = tokens[j]!;
    if (ends(t, j)) break;
    if (!trigger(t)) continue;
    const c = firstCountryAfter(input, j + 1, countryEnd, reach);
    if (c) return c;
  }
  return "";
}

const clauseEnd = (t: Token) => t.text === ";" || t.lower === "while" || t.lower === "but";
const isHelpVerb = (t: Token) => hasMark(t, HELP_VERB);
const isPlacePrep = (t: Token) => hasMark(t, PLACE_PREP);
const isLocativeLead = (t: Token) => t.lower === "in" || t.lower === "inside" || t.lower === "across";

/** "to aid Russian forces": the party a figure helps. */
function helpedParty(input: SubjectInput, k: number, end: number): string {
  return countryAfterTrigger(input, k, Math.min(end, k + 14), 1, isHelpVerb, clauseEnd, 3, end);
}

/** "… deployed to Russia": a country after "in/to" following the counted noun. */
function locationAfter(input: SubjectInput, k: number, end: number): string {
  return countryAfterTrigger(
    input,
    k,
    Math.min(end, k + 10),
    1,
    isPlacePrep,
    (t, j) => clauseEnd(t) || t.text === "," || t.lower === "and" || opensClause(input.tokens, j),
    2,
    end,
  );
}

/** "In Sudan, the death toll rose to 312": a country introduced by "in" earlier in the sentence. */
function locationBefore(input: SubjectInput, t0: number, s: SentenceSlice): string {
  return countryAfterTrigger(input, t0 - 1, Math.max(s.t0, t0 - 15), -1, isLocativeLead, clauseEnd, 2, t0);
}

interface SentenceUnits {
  named: string;
  bare: number[];
}

/**
 * Facts about a sentence computed once per sentence, for one assignSubjects call: arrays indexed by
 * the sentence's index (a map keyed by the sentence object paid for an identity hash per sentence).
 */
interface SentenceCaches {
  units: Array<SentenceUnits | undefined>;
  positions: Array<Map<string, number[]> | undefined>;
}

function newCaches(sentences: number): SentenceCaches {
  return {
    units: new Array<SentenceUnits | undefined>(sentences).fill(undefined),
    positions: new Array<Map<string, number[]> | undefined>(sentences).fill(undefined),
  };
}

/**
 * The units a sentence names, and where it says a bare "battalion" (computed once per sentence):
 * a military unit in the figure's sentence makes the figure that unit's strength.
 */
function unitsOf(input: SubjectInput, caches: SentenceCaches, s: SentenceSlice, sentence: number): SentenceUnits {
  let u = caches.units[sentence];
  if (u) return u;
  const { tokens } = input;
  const named = firstWithin(
    input.actors,
    tokens[s.t0]!.start,
    tokens[s.t1 - 1]!.end,
    (a) => a.kind === "organization" && UNIT_NOUNS.has(lastWordLower(a.text)),
  );
  const bare: number[] = [];
  for (let k = s.t0; k < s.t1; k++) if (hasMark(tokens[k]!, UNIT_NOUN)) bare.push(k);
  u = { named: named?.canonical ?? "", bare };
  caches.units[sentence] = u;
  return u;
}

function unitInSentence(
  input: SubjectInput,
  caches: SentenceCaches,
  s: SentenceSlice,
  sentence: number,
  raw: RawFigure,
): string {
  const { tokens } = input;
  const start = tokens[s.t0]!.start;
  const units = unitsOf(input, caches, s, sentence);
  if (units.named) return units.named;
  // A bare "battalion" refers to the last unit of that kind named before, in the same paragraph or earlier.
  for (const k of units.bare) {
    const w = tokens[k]!.lower;
    if (k === raw.np1 - 1) continue;
    const last = lastBefore(input.actors, start, (a) => a.kind === "organization" && lowerOf(a.text).endsWith(w));
    if (last) return last.canonical;
  }
  return "";
}

function isUnitScope(extra: string): boolean {
  return extra !== "" && !/^(additional|per-[a-z]+)(-(additional|per-[a-z]+))*$/.test(extra);
}

/** Fills a missing owner or place from earlier figures of the same thing, or from "<Demonym> <thing>" phrases nearby. */
function inherit(
  input: SubjectInput,
  caches: SentenceCaches,
  parts: SubjectParts,
  s: SentenceSlice,
  seen: SeenFigures,
): void {
  if (!parts.thing) return;
  if (parts.owner && parts.place) return;
  // The most recent figures only (200): context is local, and a text of thousands of figures stays linear.
  const like = seen.like(parts);
  const oldest = seen.count - 200;
  for (let h = like.length - 1; h >= 0 && like[h]!.index >= oldest; h--) {
    const p = like[h]!.parts;
    // Only a named unit is specific enough to carry context across paragraphs.
    if (like[h]!.paragraph !== s.paragraph && !isUnitScope(p.extra)) continue;
    if (parts.owner && p.owner && p.owner !== parts.owner) continue;
    if (!parts.owner && p.owner) parts.owner = p.owner;
    if (!parts.place && p.place && p.place !== parts.owner) parts.place = p.place;
    return;
  }
  // "<Demonym> troops in <Country>" in the two sentences before, in the same paragraph or a headline.
  const idx = lowerBound(input.sentences, s.start);
  for (let b = idx - 1; b >= Math.max(0, idx - 3); b--) {
    const prev = input.sentences[b]!;
    if (prev.furniture) continue;
    if (prev.paragraph !== s.paragraph && !prev.headline && b !== idx - 1) continue;
    const found = thingPhrase(input, caches, prev, b, parts.thing);
    if (found) {
      if (!parts.owner) parts.owner = found.owner;
      if (!parts.place && found.place !== parts.owner) parts.place = found.place;
      return;
    }
  }
}

function thingPhrase(
  input: SubjectInput,
  caches: SentenceCaches,
  s: SentenceSlice,
  sentence: number,
  thing: string,
): { owner: string; place: string } | undefined {
  const { tokens } = input;
  for (const k of thingPositions(input, caches, s, sentence).get(thing) ?? []) {
    const owner = firstWithin(input.actors, tokens[k]!.start - 16, tokens[k]!.start, (a) => a.kind === "country");
    if (!owner) continue;
    const helped = helpedParty(input, k + 1, s.t1);
    const place = helped || locationAfter(input, k + 1, s.t1);
    return { owner: owner.canonical, place };
  }
  return undefined;
}

const THING_WORDS = new Map(Object.entries(THING_SYNONYMS));
/** Words that may name a counted thing: a listed one, or a plural that normalizes to some thing. */
const THING_WORD = wordTest(
  (_text, lower) => THING_WORDS.has(lower) || (lower.length > 3 && lower.endsWith("s") && normalizeThing(lower) !== ""),
);

/** Where each counted thing is named in a sentence (computed once per sentence). */
function thingPositions(
  input: SubjectInput,
  caches: SentenceCaches,
  s: SentenceSlice,
  sentence: number,
): Map<string, number[]> {
  let m = caches.positions[sentence];
  if (m) return m;
  m = new Map();
  for (let k = s.t0; k < s.t1; k++) {
    const t = input.tokens[k]!;
    if (t.kind !== TokenKind.Word || t.cap || !hasMark(t, THING_WORD)) continue;
    const thing =
      THING_WORDS.get(t.lower) ?? (t.lower.length > 3 && t.lower.endsWith("s") ? normalizeThing(t.lower) : undefined);
    if (!thing) continue;
    const list = m.get(thing);
    if (list) list.push(k);
    else m.set(thing, [k]);
  }
  caches.positions[sentence] = m;
  return m;
}
