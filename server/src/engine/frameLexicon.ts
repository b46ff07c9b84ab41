// Tables for frames, built once from data/quantities.json, data/events.json and data/frames.json.
import quantityData from "./data/quantities.json";
import eventData from "./data/events.json";
import frameData from "./data/frames.json";
import actorData from "./data/actors.json";
import { type Token, TokenKind } from "./tokens";
import { LEX } from "./lexicon";
import { hasMark, wordClass } from "./wordMarks";
import { wordBits } from "./wordBits";

interface QuantityClass {
  nouns: string[];
  phrases: string[];
  predicates: string[];
}

function indexClasses(pick: (c: QuantityClass) => string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, c] of Object.entries(quantityData.classes as Record<string, QuantityClass>))
    for (const w of pick(c)) if (!m.has(w)) m.set(w, name);
  return m;
}

function indexIncidents(): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, c] of Object.entries(eventData.incidents as Record<string, { nouns: string[] }>))
    for (const w of c.nouns) if (!m.has(w)) m.set(w, name);
  return m;
}

function indexScopes(): Map<string, string> {
  const m = new Map<string, string>();
  for (const [scope, words] of Object.entries(quantityData.scopes as Record<string, string[]>))
    for (const w of words) m.set(w, scope);
  return m;
}

const classNouns = indexClasses((c) => [...c.nouns, ...c.phrases]);
const incidents = indexIncidents();
const locativePrepositions = new Set(frameData.locativePrepositions);
const placeHeads = new Set([...frameData.placeHeads, ...actorData.placeHeads.map((w) => w.toLowerCase())]);

/** Bits of a word's roles for the one scan of a document: an incident noun, a locative preposition, a place head. */
export const ROLE_INCIDENT = 1;
export const ROLE_LOCATIVE = 2;
export const ROLE_PLACE_HEAD = 4;
export const ROLE_WORLDWIDE = 8;
export const ROLE_WORLD_NOUN = 16;

function indexRoles(): Map<string, number> {
  return wordBits([
    [incidents.keys(), ROLE_INCIDENT],
    [locativePrepositions, ROLE_LOCATIVE],
    [placeHeads, ROLE_PLACE_HEAD],
    [frameData.worldwide.words, ROLE_WORLDWIDE],
    [frameData.worldwide.nouns, ROLE_WORLD_NOUN],
  ]);
}

export const FRAME_LEX = {
  roles: indexRoles(),
  /** First words of two-word class phrases ("death" of "death toll"): only these start a phrase lookup. */
  phraseFirstWords: new Set([...classNouns.keys()].filter((k) => k.includes(" ")).map((k) => k.split(" ")[0]!)),
  /** Counted noun or noun phrase (lower case) -> quantity class. */
  classNouns,
  /** Predicate said of counted people -> quantity class. */
  classPredicates: indexClasses((c) => c.predicates),
  genericNouns: new Set(quantityData.genericCountNouns),
  /** A word that says what a sum of money is ("pledged", "in aid") -> its class. */
  moneyWords: new Map<string, string>(
    Object.entries(quantityData.moneyClasses as Record<string, { words: string[] }>).flatMap(([name, c]) =>
      c.words.map((w): [string, string] => [w, name]),
    ),
  ),
  auxiliaries: new Set(quantityData.auxiliaries),
  passiveOnlyAfterNoun: new Set(quantityData.passiveOnlyAfterNoun),
  beForms: new Set(quantityData.beForms),
  partOf: new Set(quantityData.partOf),
  /** Last words of multi-word part-of phrases ("whom" of "of whom"). */
  partOfLastWords: new Set(quantityData.partOf.filter((p) => p.includes(" ")).map((p) => p.split(" ").pop()!)),
  valueOf: new Set(quantityData.valueOf),
  scopes: indexScopes(),
  /** Incident noun -> incident class. */
  incidents,
  locativePrepositions,
  placeHeads,
  beforeWorld: new Set(frameData.worldwide.before),
  /** Conjunctions that open another clause: subordinating ones after the figure, coordinating ones after a comma. */
  subordinators: new Set(frameData.clauseBounds.subordinators),
  /** Heads of capitalised names of incidents and conditions ("Havana Syndrome"). */
  namedIncidentHeads: new Set(frameData.namedIncidentHeads),
  /** "are reported missing", "were feared dead": skipped between an auxiliary and the predicate. */
  reportParticiples: new Set<string>(frameData.reportParticiples),
  /** "elsewhere": the figure counts outside the place the text is about. */
  exclusiveAdverbs: new Set<string>(frameData.exclusiveAdverbs),
  /** Words after which a bare number's noun is elided: it counts what the figure before counts. */
  elisionLinks: new Set<string>(frameData.elisionLinks),
  /** "tsunami-like", "war-style": a hyphenated suffix that turns the noun before it into a comparison. */
  resemblanceSuffixes: new Set<string>(frameData.resemblanceSuffixes),
  coordinators: new Set(frameData.clauseBounds.coordinators),
  alsoPrepositions: new Set(frameData.clauseBounds.alsoPrepositions),
  nounPhraseStarts: new Set(frameData.clauseBounds.nounPhraseStarts),
};

/** Words with some frame role: the one scan of a sentence skips the others by one bit. */
export const FRAME_ROLE_WORD = wordClass(FRAME_LEX.roles);
const SUBORDINATOR = wordClass(FRAME_LEX.subordinators);

/** Whether the word at j opens another clause: a subordinating conjunction, except "since the outbreak", "after 2016", "before March" (prepositions). */
export function opensClause(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!;
  if (t.kind !== TokenKind.Word || !hasMark(t, SUBORDINATOR)) return false;
  if (!FRAME_LEX.alsoPrepositions.has(t.lower)) return true;
  const next = tokens[j + 1];
  if (!next || next.kind === TokenKind.Number) return false;
  return !FRAME_LEX.nounPhraseStarts.has(next.lower) && !LEX.months.has(next.lower);
}
