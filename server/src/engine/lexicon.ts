// Lookup tables built once from the data files. Pure data, no I/O: the JSON is bundled.
import countries from "./data/countries.generated.json";
import actorData from "./data/actors.json";
import language from "./data/language.json";
import cueData from "./data/cues.json";
import actorWordData from "./data/actor-words.json";
import placeData from "./data/places.generated.json";
import figureData from "./data/figures.json";
import claimData from "./data/claims.json";
import { tokenize, TokenKind, type Token } from "./tokens";
import type { ActorKind, Qualifier, Stance } from "./types";
import { memoize } from "./intern";
import { hasMark, wordTest } from "./wordMarks";

/** Slugs repeat across mentions and documents (names, places): computed once per distinct string. */
export const slug: (s: string) => string = memoize(computeSlug);

function computeSlug(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export type EntryForm =
  "name" | "demonym" | "abbreviation" | "capital" | "seat" | "organization" | "outlet" | "person" | "blocked";

export interface GazetteerEntry {
  kind: ActorKind;
  canonical: string;
  name: string;
  form: EntryForm;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: GazetteerEntry;
}

/** Key of a token in the gazetteer trie: curly apostrophes folded to straight ones. */
export const trieKey = (t: Token): string => (hasMark(t, CURLY_APOSTROPHE) ? trieKeyOf(t.text) : t.text);

const trieKeyOf = (text: string): string => (text.includes("’") ? text.replace(/’/g, "'") : text);

function addEntry(root: TrieNode, surface: string, entry: GazetteerEntry, overwrite = false): void {
  const toks = tokenize(surface).filter((t) => t.kind !== TokenKind.Newline);
  if (toks.length === 0) return;
  let node = root;
  for (const t of toks) {
    // Not trieKey: these tokens are made before the word classes are all registered.
    const k = trieKeyOf(t.text);
    let child = node.next.get(k);
    if (!child) node.next.set(k, (child = { next: new Map() }));
    node = child;
  }
  if (!node.entry || overwrite) node.entry = entry;
}

function buildGazetteer(): { root: TrieNode; countryNames: Map<string, string>; personAliases: Map<string, string> } {
  const root: TrieNode = { next: new Map() };
  const countryNames = new Map<string, string>();
  const personAliases = new Map<string, string>();
  for (const c of countries as Array<{
    id: string;
    name: string;
    names: string[];
    demonyms: string[];
    capitals: string[];
    abbreviations: string[];
    independent: boolean;
  }>) {
    countryNames.set(c.id, c.name);
    const e = (form: EntryForm): GazetteerEntry => ({ kind: "country", canonical: c.id, name: c.name, form });
    for (const n of c.names) addEntry(root, n, e("name"));
    for (const d of c.demonyms) addEntry(root, d, e("demonym"));
    for (const a of c.abbreviations) addEntry(root, a, e("abbreviation"));
    // A dependent territory's capital rarely stands for it and is often a personal name (Hamilton, Douglas, Stanley).
    if (c.independent) for (const cap of c.capitals) addEntry(root, cap, e("capital"));
  }
  const nameOf = (id: string) => countryNames.get(id) ?? id;
  const countryEntry = (id: string, form: EntryForm): GazetteerEntry => ({
    kind: "country",
    canonical: id,
    name: nameOf(id),
    form,
  });
  for (const [id, list] of Object.entries(actorData.countryAliases))
    for (const a of list) addEntry(root, a, countryEntry(id, /^[A-Z.]+$/.test(a) ? "abbreviation" : "name"), true);
  for (const [id, list] of Object.entries(actorData.extraDemonyms))
    for (const a of list) addEntry(root, a, countryEntry(id, /^[A-Z.]+$/.test(a) ? "abbreviation" : "demonym"));
  for (const [id, list] of Object.entries(actorData.capitalAliases))
    for (const a of list) addEntry(root, a, countryEntry(id, "capital"), true);
  for (const [seat, id] of Object.entries(actorData.seatsOfGovernment))
    addEntry(root, seat, countryEntry(id, "seat"), true);
  for (const [n, id] of Object.entries(actorData.historicalStates))
    addEntry(
      root,
      n,
      { kind: "country", canonical: id, name: id === "soviet-union" ? "Soviet Union" : n, form: "name" },
      true,
    );
  for (const [n, id] of Object.entries(actorData.organizations))
    addEntry(root, n, { kind: "organization", canonical: id, name: n, form: "organization" }, true);
  // Places and things that contain a country's name or look like one but are not actors.
  for (const n of [...actorData.places, ...actorData.blocked])
    addEntry(root, n, { kind: "organization", canonical: "", name: n, form: "blocked" }, true);
  for (const [n, id] of Object.entries(actorData.outlets))
    addEntry(root, n, { kind: "organization", canonical: id, name: n, form: "outlet" }, true);
  for (const [full, aliases] of Object.entries(actorData.knownPersons)) {
    const id = slug(full);
    const entry: GazetteerEntry = { kind: "person", canonical: id, name: full, form: "person" };
    addEntry(root, full, entry, true);
    for (const a of aliases) {
      addEntry(root, a, entry, true);
      personAliases.set(a, id);
    }
  }
  return { root, countryNames, personAliases };
}

export interface CueInfo {
  stance: Stance;
  lemma: string;
}

function buildCues(): Map<string, CueInfo> {
  const m = new Map<string, CueInfo>();
  for (const v of cueData.reportingVerbs)
    for (const f of v.forms) m.set(f, { stance: v.stance as Stance, lemma: v.forms[0]! });
  return m;
}

export type ClaimWordClass = keyof typeof claimData.classes;

/** The claim finder's word classes (data/claims.json), one set per class. */
function buildClaimWords(): Record<ClaimWordClass, Set<string>> {
  const out = {} as Record<ClaimWordClass, Set<string>>;
  for (const [name, cls] of Object.entries(claimData.classes)) out[name as ClaimWordClass] = new Set(cls.words);
  return out;
}

/** A reporting verb that reports only in its frame (data/claims.json "verbFrames"). */
export interface VerbFrame {
  forms: Set<string>;
  after: Set<string>;
  quoteWithin: number;
  any: boolean;
}

function buildVerbFrames(): Map<string, VerbFrame> {
  const m = new Map<string, VerbFrame>();
  for (const [lemma, f] of Object.entries(claimData.verbFrames)) {
    if (lemma.startsWith("_") || typeof f !== "object") continue;
    const frame = f as { forms?: string[]; after?: string[]; quoteWithin?: number; any?: boolean };
    m.set(lemma, {
      forms: new Set(frame.forms ?? []),
      after: new Set(frame.after ?? []),
      quoteWithin: frame.quoteWithin ?? 0,
      any: frame.any === true,
    });
  }
  return m;
}

function buildPronouns(): Map<string, string> {
  return new Map(Object.entries(claimData.pronouns).filter(([k]) => !k.startsWith("_")));
}

const gaz = buildGazetteer();
const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));

export const LEX = {
  gazetteer: gaz.root,
  countryNames: gaz.countryNames,
  abbreviations: new Set(language.abbreviations),
  sentenceOpeners: new Set(language.sentenceOpeners),
  furnitureZoneMarkers: new Set(language.furnitureZoneMarkers),
  numberWords: new Map(Object.entries(language.numberWords)),
  scales: new Map(Object.entries(language.scales)),
  vagueMagnitudes: new Map(Object.entries(language.vagueMagnitudes)),
  qualifiers: new Map(
    Object.entries({ ...language.qualifiers, ...figureData.leadingQualifiers }) as Array<[string, Qualifier]>,
  ),
  trailingQualifiers: new Map(Object.entries(figureData.trailingQualifiers) as Array<[string, Qualifier]>),
  scaleFractions: new Map(Object.entries(figureData.scaleFractions)),
  clockHourWords: new Set(figureData.clockHourWords),
  clockContextWords: new Set(figureData.clockContextWords),
  noteFollowers: new Set(figureData.noteFollowers),
  npEndAdverbs: new Set(figureData.npEndAdverbs),
  streetSuffixes: new Set<string>(figureData.streetSuffixes),
  changeVerbs: new Set<string>(figureData.changeVerbs),
  months: new Set(language.months),
  weekdays: new Set(language.weekdays),
  timeUnits: new Set(language.timeUnits),
  determiners: new Set(language.determiners),
  currencySymbols: new Map(Object.entries(language.currencySymbols)),
  currencyWords: new Map(Object.entries(language.currencyWords)),
  titles: lower(actorData.titles),
  titleWords: new Set(actorData.titleWords),
  orgHeadWords: new Set(actorData.orgHeadWords),
  lowerOrgHeads: new Set(actorData.lowerOrgHeads),
  placeHeads: new Set(actorData.placeHeads),
  placeOfPrefixes: new Set(actorData.placeOfPrefixes),
  regionalNames: new Map(Object.entries(actorData.regionalNames)),
  speakerNouns: new Set(actorData.speakerNouns),
  anonymousHeads: new Set(actorData.anonymousHeads),
  anonymousMarkers: new Set(actorData.anonymousMarkers),
  reportingVerbs: buildCues(),
  hedges: new Set(cueData.hedges),
  claimWords: buildClaimWords(),
  pronouns: buildPronouns(),
  verbFrames: buildVerbFrames(),
};

type ActorWordClass = Exclude<keyof typeof actorWordData, "_comment">;

/** One set per word class of data/actor-words.json (words as written there). */
export const ACTOR_WORDS = Object.fromEntries(
  Object.entries(actorWordData)
    .filter(([k]) => k !== "_comment")
    .map(([k, v]) => [k, new Set((v as { words: string[] }).words)]),
) as Record<ActorWordClass, Set<string>>;

/** Folded form of a place name: no diacritics, lower case, hyphens, periods and apostrophes as spaces (as scripts/build-places.mjs stores it). */
export const foldPlaceName = memoize(computeFoldedPlaceName);

function computeFoldedPlaceName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[-'’.]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Cities and first-level regions (generated from GeoNames data and country-region-data), folded. */
export const PLACE_NAMES: ReadonlySet<string> = new Set((placeData as string).split("|"));

/** Words that begin some gazetteer entry: most tokens are rejected by one bit. */
const GAZETTEER_START = wordTest((text) => LEX.gazetteer.next.has(trieKeyOf(text)));
/** Spellings with a curly apostrophe, whose trie key differs from their text. */
const CURLY_APOSTROPHE = wordTest((text) => text.includes("’"));

/** Longest gazetteer match starting at token i: [entry, tokens consumed]. */
export function matchGazetteer(
  tokens: Token[],
  i: number,
  limit = tokens.length,
): [GazetteerEntry, number] | undefined {
  if (i < limit && !hasMark(tokens[i]!, GAZETTEER_START)) return undefined;
  let node: TrieNode | undefined = LEX.gazetteer;
  let best: GazetteerEntry | undefined;
  let length = 0;
  for (let j = i; j < limit && node; j++) {
    const t = tokens[j]!;
    if (t.kind === TokenKind.Newline) break;
    // A multi-word name does not run across white-space-free punctuation other than in the entry itself.
    node = node.next.get(trieKey(t));
    if (node?.entry) {
      best = node.entry;
      length = j - i + 1;
    }
  }
  return best && [best, length];
}

/** Longest gazetteer match where words in capitals also match their ordinary case ("RUSSIA", "VLADIMIR PUTIN"). */
export function matchGazetteerCaseless(
  tokens: Token[],
  i: number,
  limit = tokens.length,
): [GazetteerEntry, number] | undefined {
  let node: TrieNode | undefined = LEX.gazetteer;
  let best: [GazetteerEntry, number] | undefined;
  for (let j = i; j < limit && node; j++) {
    const t = tokens[j]!;
    if (t.kind === TokenKind.Newline) break;
    const key = trieKey(t);
    node = node.next.get(key) ?? node.next.get(key.charAt(0) + key.slice(1).toLowerCase());
    if (node?.entry) best = [node.entry, j - i + 1];
  }
  return best;
}
