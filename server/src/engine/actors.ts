// Actors: persons, countries (by name, demonym, abbreviation, capital or seat of government) and
// organizations. Gazetteer matches first, then capitalized chunks read with titles and context.
import type { ActorKind, ActorMention } from "./types";
import { type Token, TokenKind, isPossessive } from "./tokens";
import { ACTOR_WORDS, LEX, matchGazetteer, slug, type GazetteerEntry } from "./lexicon";
import type { SentenceSlice } from "./sentences";
import { findUnlistedOrganizations } from "./organizations";
import { isKnownPlace, readsAsPlace } from "./places";
import { readSpeakerLabel, speakerLabelEnd } from "./speakerLabels";
import { internString, memoize } from "./intern";
import { hasMark, wordClass, wordTest } from "./wordMarks";

const W = ACTOR_WORDS;
const capitalize = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
/** Capitalized words that are never a personal name: function words, cue words, furniture, institution words, months (one set, built once). */
const COMMON_CAPITALIZED: ReadonlySet<string> = new Set([
  ...[
    W.functionWords,
    W.cueWordsCapitalized,
    W.pageFurniture,
    W.regionalAdjectives,
    W.institutionWords,
    W.timeNouns,
    LEX.placeHeads,
  ].flatMap((set) => [...set]),
  ...[...LEX.months, ...LEX.weekdays].map(capitalize),
]);

/** Lower-case words that may continue a capitalized chunk: particles, joiners, inner prepositions of institution names, "and". */
const CHUNK_CONTINUERS: ReadonlySet<string> = new Set([
  ...W.nameParticles,
  ...W.chunkJoiners,
  ...W.orgInnerJoiners,
  "and",
]);
const CHUNK_CONTINUER = wordClass(CHUNK_CONTINUERS);

function isCommonCapitalized(word: string): boolean {
  return COMMON_CAPITALIZED.has(word);
}

interface PersonRecord {
  canonical: string;
  name: string;
  skeleton: string;
}

/** Per-document registry of persons: full names and the aliases (surname, first token) that refer to them. */
class PersonRegistry {
  readonly byAlias = new Map<string, PersonRecord>();
  readonly bySkeleton = new Map<string, PersonRecord>();

  register(tokens: string[], known?: GazetteerEntry): PersonRecord {
    const name = known?.name ?? joinNameWords(tokens);
    const shape = nameShape(name);
    const { skeleton, aliases } = shape;
    let rec = this.bySkeleton.get(skeleton);
    if (!rec) {
      rec = { canonical: known?.canonical ?? canonicalOf(shape, name), name, skeleton };
      this.bySkeleton.set(skeleton, rec);
    }
    for (const key of aliases) if (!this.byAlias.has(key)) this.byAlias.set(key, rec);
    return rec;
  }

  lookup(word: string): PersonRecord | undefined {
    return this.byAlias.get(nameSkeleton(word));
  }
}

/** A name's words joined by spaces, hyphens closed up ("Jong - ho" is "Jong-ho"). Most names have no hyphen: no pattern runs. */
function joinNameWords(words: string[]): string {
  const joined = words.join(" ");
  return joined.includes("-") ? joined.replace(/ - /g, "-").replace(/ -/g, "-").replace(/- /g, "-") : joined;
}

/** Folds spelling variants: Zelenskiy/Zelenskyy/Zelensky, Jong-ho/Jung Ho. */
const nameSkeleton = memoize(computeSkeleton);

/** A person's name folded (skeleton), and the folded aliases that refer to it, in the order they are claimed. */
interface NameShape {
  skeleton: string;
  aliases: string[];
  /** The name's slug, made the first time a document registers the name without a gazetteer entry. */
  canonical: string | undefined;
}

/** Shapes by name, shared by documents (a name's shape depends on its spelling only). Bounded. */
const nameShapes = new Map<string, NameShape>();

function nameShape(name: string): NameShape {
  let shape = nameShapes.get(name);
  if (shape === undefined) {
    shape = { skeleton: nameSkeleton(name), aliases: aliasesOf(name).map(nameSkeleton), canonical: undefined };
    if (nameShapes.size < 50_000) nameShapes.set(name, shape);
  }
  return shape;
}

/** The slug of a name with its spelling variants folded, made once per shape. */
function canonicalOf(shape: NameShape, name: string): string {
  return (shape.canonical ??= slug(normalizeSpelling(name)));
}

/** The surname (and, for "al-Assad", "Assad"), then the first name of a name of two words or more. */
function aliasesOf(name: string): string[] {
  const words = name.split(/[\s]+/).filter((w) => w.length > 1);
  const surname = words[words.length - 1];
  if (!surname) return [];
  if (words.length === 1) return [surname];
  const aliases = [surname];
  // "al-Assad" is also "Assad".
  const bare = /^\p{Ll}+[-‐](\p{Lu}.+)$/u.exec(surname)?.[1];
  if (bare) aliases.push(bare);
  if (words[0]) aliases.push(words[0]);
  return aliases;
}

function computeSkeleton(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  if (s.length === 0) return s;
  return (
    s[0] +
    s
      .slice(1)
      .replace(/[aeiouy]/g, "")
      .replace(/(.)\1+/g, "$1")
  );
}

function normalizeSpelling(name: string): string {
  return name.replace(/(iy|yy|ii)\b/g, "y");
}

export function findActors(text: string, tokens: Token[], sentences: SentenceSlice[]): ActorMention[] {
  const persons = new PersonRegistry();
  const out: ActorMention[] = [];
  const pending: Array<{ t0: number; t1: number; sentence: SentenceSlice }> = [];
  for (const s of sentences) {
    if (!s.furniture) scanSentence(text, tokens, s, persons, out, pending);
    else if (tokens[s.t1 - 1]?.text === ":") {
      // "JOHN KIRBY:" alone on its line reads as a heading; it is a speaker label.
      const colon = speakerLabelEnd(tokens, s);
      if (colon >= 0) readLabel(text, tokens, s.t0, colon, persons, out);
    }
  }
  // Second pass: single capitalized words that are aliases of persons named anywhere in the text.
  for (const p of pending) {
    const t = tokens[p.t0]!;
    const rec = persons.lookup(t.text);
    if (rec && aliasContextOk(tokens, p.t0, p.sentence, rec))
      out.push(mention(text, tokens, p.t0, p.t1, "person", rec.canonical, rec.name));
    else if (!rec && speaksAlone(tokens, p.t0, p.t1) && !readsAsPlace(tokens, p.t0, p.t1, p.sentence, true)) {
      const named = persons.register([t.text]);
      out.push(mention(text, tokens, p.t0, p.t1, "person", named.canonical, named.name));
    }
  }
  out.push(...findUnlistedOrganizations(text, tokens, sentences, out));
  out.sort((a, b) => a.start - b.start);
  return joinCountryWords(text, dedupe(out));
}

/**
 * "Libyan Red Crescent", "U.S. State Department": a country word right before a body's name (no
 * possessive between) is part of that body's name, one organization (the guideline's rule for named
 * institutions that contain a country word). "Iran's Foreign Ministry" stays two actors.
 */
function joinCountryWords(text: string, list: ActorMention[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1];
    if (
      b &&
      a.kind === "country" &&
      b.kind === "organization" &&
      b.start === a.end + 1 &&
      text.charCodeAt(a.end) === 32
    ) {
      // The body keeps its id: "U.S. State Department" and a later "State Department" are one actor.
      out.push({
        start: a.start,
        end: b.end,
        text: internString(text.slice(a.start, b.end)),
        kind: "organization",
        canonical: b.canonical,
        name: b.name,
      });
      i++;
    } else out.push(a);
  }
  return out;
}

function dedupe(list: ActorMention[]): ActorMention[] {
  const res: ActorMention[] = [];
  let lastEnd = -1;
  for (const m of list) {
    if (m.start < lastEnd) continue;
    res.push(m);
    lastEnd = m.end;
  }
  return res;
}

function mention(
  text: string,
  tokens: Token[],
  t0: number,
  t1: number,
  kind: ActorKind,
  canonical: string,
  name: string,
): ActorMention {
  const start = tokens[t0]!.start;
  const end = tokens[t1 - 1]!.end;
  // A one-word mention's text is its token's string, already shared (wordMarks.ts spellingOf).
  return {
    start,
    end,
    text: t1 - t0 === 1 ? tokens[t0]!.text : internString(text.slice(start, end)),
    kind,
    canonical,
    name,
  };
}

function scanSentence(
  text: string,
  tokens: Token[],
  s: SentenceSlice,
  persons: PersonRegistry,
  out: ActorMention[],
  pending: Array<{ t0: number; t1: number; sentence: SentenceSlice }>,
): void {
  let i = s.t0;
  const colon = speakerLabelEnd(tokens, s);
  if (colon >= 0) {
    readLabel(text, tokens, s.t0, colon, persons, out);
    i = colon + 1;
  }
  while (i < s.t1) {
    const t = tokens[i]!;
    const startsChunk =
      (t.kind === TokenKind.Word && t.cap) ||
      isOrdinalUnitStart(tokens, i) ||
      (t.kind === TokenKind.Number && matchGazetteer(tokens, i, s.t1) !== undefined);
    if (!startsChunk) {
      i++;
      continue;
    }
    const end = chunkEnd(tokens, i, s.t1);
    i = Math.max(end, readChunk(text, tokens, i, end, s, persons, out, pending));
  }
}

/** "PRESIDENT OF RUSSIA VLADIMIR PUTIN:": the person (and a country in the title) of a transcript label. */
function readLabel(
  text: string,
  tokens: Token[],
  t0: number,
  colon: number,
  persons: PersonRegistry,
  out: ActorMention[],
): void {
  for (const part of readSpeakerLabel(tokens, t0, colon)) {
    if (part.entry) {
      if (part.entry.kind === "person") persons.register([], part.entry);
      out.push(mention(text, tokens, part.t0, part.t1, part.entry.kind, part.entry.canonical, part.entry.name));
      continue;
    }
    const rec = persons.register(part.name.split(" "));
    out.push(mention(text, tokens, part.t0, part.t1, "person", rec.canonical, rec.name));
  }
}

/** "11th Airborne Assault Brigade": an ordinal that starts a unit's name. */
function isOrdinalUnitStart(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const suffix = tokens[i + 1];
  return (
    t.kind === TokenKind.Number &&
    !!suffix &&
    suffix.joined &&
    /^(st|nd|rd|th)$/.test(suffix.lower) &&
    !!tokens[i + 2]?.cap
  );
}

/** End (exclusive) of a run of capitalized words, joined pieces, particles and inner "of/for/the/and". */
function chunkEnd(tokens: Token[], i: number, limit: number): number {
  let j = i + 1;
  if (isOrdinalUnitStart(tokens, i)) j = i + 2;
  while (j < limit) {
    const t = tokens[j]!;
    const prev = tokens[j - 1]!;
    if (t.kind === TokenKind.Word && t.cap) {
      j++;
      continue;
    }
    // Most chunks end at an ordinary lower-case word: stop there before the rarer continuations below.
    if (t.kind === TokenKind.Word && !hasMark(t, CHUNK_CONTINUER) && !isPossessive(t)) break;
    // Joined pieces: Jong-ho, Kwang-chol, People's (possessive inside a multi-word name is checked by the gazetteer).
    if (t.text === "-" && t.joined && tokens[j + 1]?.joined && tokens[j + 1]!.kind === TokenKind.Word) {
      j += 2;
      continue;
    }
    // "Commission on China", "Mission in Haiti": a preposition after an institution's head word, before a name.
    // "in" only before a country's name ("Council in Brussels" is a body and a place).
    if (
      t.kind === TokenKind.Word &&
      W.orgInnerJoiners.has(t.lower) &&
      LEX.orgHeadWords.has(prev.text) &&
      tokens[j + 1]?.cap &&
      tokens[j + 1]!.kind === TokenKind.Word &&
      (t.lower !== "in" || matchGazetteer(tokens, j + 1, limit)?.[0].form === "name") &&
      !LEX.weekdays.has(tokens[j + 1]!.lower) &&
      !LEX.months.has(tokens[j + 1]!.lower)
    ) {
      j++;
      continue;
    }
    // "James P. McGovern": a middle initial.
    if (t.text === "." && t.joined && /^[A-Z]$/.test(prev.text) && j - 1 > i && tokens[j + 1]?.cap) {
      j++;
      continue;
    }
    if (
      t.text === "." &&
      t.joined &&
      prev.kind === TokenKind.Word &&
      LEX.abbreviations.has(prev.lower) &&
      tokens[j + 1]?.cap
    ) {
      j++;
      continue;
    }
    // "Bashar al-Assad": a particle joined to the surname by a hyphen.
    if (
      t.kind === TokenKind.Word &&
      W.nameParticles.has(t.lower) &&
      tokens[j + 1]?.text === "-" &&
      tokens[j + 1]!.joined &&
      tokens[j + 2]?.joined &&
      tokens[j + 2]!.cap
    ) {
      j += 3;
      continue;
    }
    // "People's Congress", "People's Liberation Army": the possessive that is part of institution names.
    if (isPossessive(t) && prev.text === "People" && tokens[j + 1]?.cap && tokens[j + 1]!.kind === TokenKind.Word) {
      j++;
      continue;
    }
    // "Ministry of Health and Population", "Food and Agriculture Organization": "and" inside an institution's name.
    if (t.lower === "and" && andJoinsInstitution(tokens, i, j, limit)) {
      j++;
      continue;
    }
    // "Standing Committee of the 12th People's Congress": an ordinal after "of the".
    if (t.kind === TokenKind.Number && prev.lower === "the" && isOrdinalUnitStart(tokens, j)) {
      j += 2;
      continue;
    }
    // "the" joins only after "of"/"for"/"on" ("Institute for the Study of War"), not "In October the Council".
    if (t.lower === "the" && !W.chunkJoiners.has(prev.lower) && !W.orgInnerJoiners.has(prev.lower)) break;
    if (t.lower === "the" && isOrdinalUnitStart(tokens, j + 1)) {
      j++;
      continue;
    }
    // "Organization of the United Nations", "Ministry of the Interior": "of the" after a head word.
    // "Census Bureau of the Department of Commerce" names two bodies: a head word right after "the" starts the second.
    if (
      (t.lower === "of" || t.lower === "for") &&
      LEX.orgHeadWords.has(prev.text) &&
      tokens[j + 1]?.lower === "the" &&
      tokens[j + 2]?.cap &&
      tokens[j + 2]!.kind === TokenKind.Word &&
      !LEX.orgHeadWords.has(tokens[j + 2]!.text)
    ) {
      j += 2;
      continue;
    }
    // "of the 12th ...": a joiner before "the" and an ordinal.
    if (
      (t.lower === "of" || t.lower === "for") &&
      tokens[j + 1]?.lower === "the" &&
      isOrdinalUnitStart(tokens, j + 2)
    ) {
      j += 2;
      continue;
    }
    if (
      t.kind === TokenKind.Word &&
      (W.nameParticles.has(t.lower) || W.chunkJoiners.has(t.lower)) &&
      tokens[j + 1]?.cap &&
      tokens[j + 1]?.kind === TokenKind.Word
    ) {
      j++;
      continue;
    }
    // A possessive inside a gazetteer name only ("Democratic People's Republic of Korea").
    if (isPossessive(t) && tokens[j + 1]?.cap) {
      const start = firstOfChunk(tokens, j);
      const m = matchGazetteer(tokens, start, limit);
      if (m && start + m[1] > j) {
        j++;
        continue;
      }
    }
    break;
  }
  return j;
}

/** "and" at j continues the name begun at i: inside the complement of a head word ("Ministry of Health and
 * Population"), or before words that end in a head word ("Food and Agriculture Organization"); never before a known name. */
function andJoinsInstitution(tokens: Token[], i: number, j: number, limit: number): boolean {
  const next = tokens[j + 1];
  if (!next?.cap || next.kind !== TokenKind.Word) return false;
  let joins = false;
  for (let k = i; k < j - 1 && !joins; k++)
    if (LEX.orgHeadWords.has(tokens[k]!.text) && (tokens[k + 1]!.lower === "of" || tokens[k + 1]!.lower === "for"))
      joins = true;
  for (let k = j + 1; k < Math.min(limit, j + 4) && !joins; k++) {
    const w = tokens[k]!;
    if (!w.cap || w.kind !== TokenKind.Word) break;
    if (LEX.orgHeadWords.has(w.text)) joins = true;
  }
  return joins && !matchGazetteer(tokens, j + 1, limit) && !matchGazetteer(tokens, i, j);
}

function firstOfChunk(tokens: Token[], j: number): number {
  let k = j - 1;
  while (k > 0 && tokens[k - 1]!.kind === TokenKind.Word && tokens[k - 1]!.cap) k--;
  return k;
}

function readChunk(
  text: string,
  tokens: Token[],
  c0: number,
  c1: number,
  s: SentenceSlice,
  persons: PersonRegistry,
  out: ActorMention[],
  pending: Array<{ t0: number; t1: number; sentence: SentenceSlice }>,
): number {
  // Laws, documents, indices and conditions ("Counterterrorism Law", "Universal Declaration of Human Rights",
  // "HAVANA Act") are not actors, nor a country word inside their names.
  if (namesDocument(tokens, c0, c1)) return c1;
  // A place whose name contains a country's ("Sea of Japan", "South China Sea") is not an actor.
  const placeHead = hasMark(tokens[c1 - 1]!, PLACE_HEAD) && c1 - c0 >= 2;
  const orgChunk = (placeHead || !s.headline) && isOrgChunk(tokens, c0, c1);
  if (placeHead && !orgChunk) return c1;
  // An organization named by its head word ("Ukrainian Armed Forces", "11th Airborne Assault Brigade"),
  // unless a known name runs on past the chunk ("The Institute | for the Study of War").
  const titleEnd = lastTitleIndex(tokens, c0, c1);
  if (!s.headline && orgChunk && titleEnd < 0 && !knownNameRunsPast(tokens, c0, c1, s.t1)) {
    const whole = matchGazetteer(tokens, c0, c1);
    if (!whole || whole[1] < c1 - c0) {
      let o0 = c0;
      while (
        o0 < c1 - 1 &&
        (tokens[o0]!.lower === "the" ||
          (o0 === s.t0 &&
            isCommonCapitalized(tokens[o0]!.text) &&
            !LEX.orgHeadWords.has(tokens[o0]!.text) &&
            !LEX.titleWords.has(tokens[o0]!.text)))
      )
        o0++;
      // "the Commission" alone is an unnamed body.
      if (o0 === c1 - 1 && LEX.orgHeadWords.has(tokens[o0]!.text)) return c1;
      const name = text.slice(tokens[o0]!.start, tokens[c1 - 1]!.end);
      out.push(mention(text, tokens, o0, c1, "organization", slug(name), name));
      return c1;
    }
  }
  // A capitalized name followed by a lower-case unit head: "Buryat battalion".
  const after = tokens[c1];
  if (!s.headline && after && hasMark(after, LOWER_ORG_HEAD) && !matchGazetteer(tokens, c0, c1)) {
    const name = text.slice(tokens[c0]!.start, after.end);
    out.push(mention(text, tokens, c0, c1 + 1, "organization", slug(name), name));
    return c1;
  }
  let i = c0;
  const nameStart = titleEnd >= 0 ? titleEnd + 1 : -1;
  while (i < c1) {
    if (i === nameStart) {
      readPersonAfterTitle(text, tokens, i, c1, persons, out, pending, s);
      return c1;
    }
    // Gazetteer names may run past the chunk over lower-case words ("Institute for Science and International Security").
    const m = matchGazetteer(tokens, i, nameStart >= 0 ? nameStart : s.t1);
    if (m) {
      const [entry, len] = m;
      if (i + len > c1) c1 = i + len;
      if (entry.form !== "blocked" && acceptEntry(tokens, i, len, entry, s)) {
        if (entry.kind === "person") persons.register([], entry);
        out.push(mention(text, tokens, i, i + len, entry.kind, entry.canonical, entry.name));
      }
      i += len;
      continue;
    }
    // "the North" for North Korea.
    if (tokens[i]!.text === "North" || tokens[i]!.text === "South") {
      const regional = regionalName(tokens, i, s);
      if (regional) {
        out.push(mention(text, tokens, i, i + 1, "country", regional, LEX.countryNames.get(regional) ?? regional));
        i++;
        continue;
      }
    }
    // A single word that is an alias of a person named before ("No also emphasized").
    if (tokens[i]!.cap && !isNameLike(tokens[i]!) && !tokens[i + 1]?.cap) {
      const rec = persons.lookup(tokens[i]!.text);
      if (rec && aliasContextOk(tokens, i, s, rec)) {
        out.push(mention(text, tokens, i, i + 1, "person", rec.canonical, rec.name));
        i++;
        continue;
      }
    }
    // An unknown run of name-like words.
    const runEnd = nameRunEnd(tokens, i, nameStart >= 0 ? nameStart : c1);
    if (runEnd > i) {
      if (!s.headline) classifyUnknownRun(text, tokens, i, runEnd, s, persons, out, pending);
      i = runEnd;
      continue;
    }
    i++;
  }
  return c1;
}

// The heads readChunk tests on the last word of every capitalized chunk, as bits.
const DOCUMENT_HEAD = wordTest((text) => W.documentHeads.has(text));
const PLACE_HEAD = wordTest((text) => LEX.placeHeads.has(text));
const LOWER_ORG_HEAD = wordClass(LEX.lowerOrgHeads);

function namesDocument(tokens: Token[], c0: number, c1: number): boolean {
  if (hasMark(tokens[c1 - 1]!, DOCUMENT_HEAD) && !LEX.titleWords.has(tokens[c1 - 1]!.text)) return true;
  if (c1 - c0 < 4) return false; // "<Head> of <Name>" needs a word before it and one after "of"
  for (let k = c0 + 1; k < c1 - 1; k++)
    if (hasMark(tokens[k]!, DOCUMENT_HEAD) && (tokens[k + 1]!.lower === "of" || tokens[k + 1]!.lower === "on"))
      return true;
  return false;
}

function knownNameRunsPast(tokens: Token[], c0: number, c1: number, limit: number): boolean {
  for (let k = c0; k < c1; k++) {
    const m = matchGazetteer(tokens, k, limit);
    if (m && k + m[1] > c1) return true;
  }
  return false;
}

function isOrgChunk(tokens: Token[], c0: number, c1: number): boolean {
  const last = tokens[c1 - 1]!;
  if (c1 - c0 < 2) return false;
  // "International Institute for Strategic Studies", "Bank of England": an org head before "for"/"of".
  if (!LEX.orgHeadWords.has(last.text)) {
    // "Government of Haiti", "Bank of Korea": a country after the head is part of the institution's name.
    for (let k = c0; k < c1 - 2; k++)
      if (
        LEX.orgHeadWords.has(tokens[k]!.text) &&
        (tokens[k + 1]!.lower === "for" ||
          tokens[k + 1]!.lower === "of" ||
          W.orgInnerJoiners.has(tokens[k + 1]!.lower)) &&
        !isTitleToken(tokens, k)
      )
        return matchGazetteer(tokens, k + 2, c1)?.[0].kind !== "person";
    return false;
  }
  // "the Syrian Government" is the state (Syria); "United States Government" is an institution.
  if (last.text === "Government" || last.text === "Administration") {
    const first = tokens[c0]!.lower === "the" ? c0 + 1 : c0;
    const m = matchGazetteer(tokens, first, c1);
    if (m && m[0].form === "demonym" && first + m[1] === c1 - 1) return false;
  }
  // "Shreyas Reddy of NK News": a known name ends the chunk after "of"; read the parts instead.
  for (let k = c0 + 1; k < c1; k++) {
    if (tokens[k]!.lower !== "of" && tokens[k]!.lower !== "for") continue;
    const m = matchGazetteer(tokens, k + 1, c1);
    if (m && k + 1 + m[1] === c1) return false;
  }
  return true;
}

/** Index of the last title word of a chunk that is followed by a name ("Defense Minister | Andrei Belousov"). */
function lastTitleIndex(tokens: Token[], c0: number, c1: number): number {
  let last = -1;
  for (let i = c0; i < c1; i++) {
    const t = tokens[i]!;
    if (t.lower === "of" || t.lower === "the" || t.lower === "and") continue;
    if (isTitleToken(tokens, i)) last = i;
  }
  if (last < 0) return -1;
  // "Secretary of State", "Minister of Defence": the title runs through "of <title word>".
  while (tokens[last + 1]?.lower === "of" && last + 2 < c1 && LEX.titleWords.has(tokens[last + 2]!.text)) last += 2;
  // A dotted title (Gen.) ends at its period.
  let end = last;
  if (tokens[end + 1]?.text === "." && tokens[end + 1]!.joined) end++;
  const rest = c1 - (end + 1);
  if (rest < 1 || rest > 5) return -1;
  // The rest must look like a name, not like "Secretary General" of an organization.
  const next = tokens[end + 1]!;
  if (!next.cap || LEX.titleWords.has(next.text)) return -1;
  return end;
}

/** Title words that are titles on their own ("Minister", "Gen"), not "State" alone nor "National". */
const TITLE_TOKENS = new Set(
  [...LEX.titleWords]
    .map((w) => w.replace(/\.$/, ""))
    .filter(
      (w) =>
        LEX.titles.has(w.toLowerCase()) ||
        LEX.titles.has(w.toLowerCase() + ".") ||
        w === "General" ||
        w === "Leader" ||
        w === "Secretary",
    ),
);
const TITLE_TOKEN = wordTest((text) => TITLE_TOKENS.has(text));

function isTitleToken(tokens: Token[], i: number): boolean {
  return hasMark(tokens[i]!, TITLE_TOKEN);
}

function readPersonAfterTitle(
  text: string,
  tokens: Token[],
  i: number,
  c1: number,
  persons: PersonRegistry,
  out: ActorMention[],
  pending: Array<{ t0: number; t1: number; sentence: SentenceSlice }>,
  s: SentenceSlice,
): void {
  // Skip further dotted abbreviations that are titles (Maj. Gen. Pat Ryder).
  while (i < c1 && (isTitleToken(tokens, i) || tokens[i]!.text === ".")) i++;
  if (i >= c1) return;
  const known = matchGazetteer(tokens, i, c1);
  if (known && known[0].kind === "person") {
    persons.register([], known[0]);
    out.push(mention(text, tokens, i, i + known[1], "person", known[0].canonical, known[0].name));
    return;
  }
  // A name ends where a country or organization starts ("Vladimir Putin and North Korean").
  for (let k = i + 1; k < c1; k++) {
    const m = matchGazetteer(tokens, k, c1);
    if (m && m[0].kind !== "person" && m[0].form !== "blocked") {
      c1 = k;
      break;
    }
  }
  if (known && known[0].kind !== "person" && known[1] === c1 - i) {
    if (known[0].form !== "blocked")
      out.push(mention(text, tokens, i, c1, known[0].kind, known[0].canonical, known[0].name));
    return;
  }
  const words = nameWords(tokens, i, c1);
  if (words.length === 1) {
    const rec = persons.lookup(words[0]!);
    if (rec) out.push(mention(text, tokens, i, c1, "person", rec.canonical, rec.name));
    else if (c1 - i === 1 && isNameLike(tokens[i]!) && !s.headline) {
      // "Pope Francis", "President Mirziyoyev": the title says a person follows.
      const named = persons.register(words);
      out.push(mention(text, tokens, i, c1, "person", named.canonical, named.name));
    } else pending.push({ t0: i, t1: c1, sentence: s });
    return;
  }
  const rec = persons.register(words);
  out.push(mention(text, tokens, i, c1, "person", rec.canonical, rec.name));
}

function nameWords(tokens: Token[], i: number, c1: number): string[] {
  const words: string[] = [];
  for (let k = i; k < c1; k++) {
    const t = tokens[k]!;
    if (t.text === "-" && words.length > 0) {
      words[words.length - 1] += "-" + (tokens[k + 1]?.text ?? "");
      k++;
      continue;
    }
    if (t.kind === TokenKind.Word) words.push(t.text);
  }
  return words;
}

/** "Thank you, Omar." — a name addressed after a vocative opener, closing its clause. */
function isAddressed(tokens: Token[], r0: number, r1: number, s: SentenceSlice): boolean {
  const next = tokens[r1];
  if (tokens[r0 - 1]?.text !== "," || r0 - 2 < s.t0 || !next || ![".", ",", "!", ";"].includes(next.text)) return false;
  const w = tokens[r0]!;
  if (
    r1 - r0 === 1 &&
    (LEX.titles.has(w.lower) ||
      LEX.titles.has(w.lower + ".") ||
      LEX.titleWords.has(w.text) ||
      LEX.titleWords.has(w.text + "."))
  )
    return false; // "Thank you, Chairman.", "Thank you, Mr. President"
  const one = tokens[r0 - 2]!.lower;
  const two = r0 - 3 >= s.t0 ? `${tokens[r0 - 3]!.lower} ${one}` : "";
  return W.vocativeOpeners.has(one) || W.vocativeOpeners.has(two);
}

/** A title, an occupation or a kinship noun just before a run: "anthropologist Anna Berg", "his brother Omar". */
function hasPersonWordBefore(tokens: Token[], r0: number, s: SentenceSlice): boolean {
  const prev = tokens[r0 - 1];
  if (!prev || r0 - 1 < s.t0 || prev.cap) return false;
  return LEX.titles.has(prev.lower) || W.occupationNouns.has(prev.lower) || W.kinshipNouns.has(prev.lower);
}

/** Country mentions: a capital stands for the state only where it is not a place. */
function acceptEntry(tokens: Token[], i: number, len: number, entry: GazetteerEntry, s: SentenceSlice): boolean {
  // "ethnic Kazakhs": a people, not the state.
  if (entry.form === "demonym" && W.groupModifiers.has(tokens[i - 1]?.lower ?? "")) return false;
  if (entry.form === "capital") return capitalStandsForState(tokens, i, len, s);
  if (entry.kind === "country" && entry.form === "abbreviation" && tokens[i]!.text === "US") {
    // "US" upper-case only; in an all-caps line it may be the pronoun.
    return true;
  }
  // "Sea of Japan": a country after "<place head> of".
  if (entry.kind === "country" && tokens[i - 1]?.lower === "of" && LEX.placeOfPrefixes.has(tokens[i - 2]?.text ?? ""))
    return false;
  return true;
}

function capitalStandsForState(tokens: Token[], i: number, len: number, s: SentenceSlice): boolean {
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  const next = tokens[i + len];
  if (next && W.placeNounsAfter.has(next.lower)) return false;
  // "Washington-based": a location.
  if (next?.text === "-" && next.joined && tokens[i + len + 1]?.lower === "based") return false;
  if (i === s.t0) return true;
  if (!prev) return true;
  if (isPossessive(next)) return true;
  if (W.motionVerbsWithObject.has(prev.lower)) return false;
  if (prev.lower === "of" && prev2 && W.placeNounsBeforeOf.has(prev2.lower)) return false;
  if (readsAsPlace(tokens, i, i + len, s, false)) return false;
  if (W.placePrepositions.has(prev.lower)) return false;
  if (prev.lower === "to" && prev2 && W.motionWords.has(prev2.lower)) return false;
  if (prev.lower === "from" && prev2 && W.motionWords.has(prev2.lower)) return false;
  if (prev.text === "," && (prev2?.lower === "capital" || prev2?.lower === "city")) return false;
  if (
    prev.lower === "capital" ||
    (prev.lower === "of" &&
      (prev2?.lower === "city" ||
        prev2?.lower === "capital" ||
        prev2?.lower === "streets" ||
        prev2?.lower === "outskirts"))
  )
    return false;
  return true;
}

function regionalName(tokens: Token[], i: number, s: SentenceSlice): string | undefined {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || prev.lower !== "the" || i - 1 < s.t0) return undefined;
  if (next && next.cap) return undefined;
  return LEX.regionalNames.get("the " + tokens[i]!.text);
}

/** Capitalized words that are no part of a personal name: common words, acronyms, institution and place heads. */
const NOT_NAME_WORD = wordTest(
  (text) =>
    isCommonCapitalized(text) || /^[A-Z]{2,}$/.test(text) || LEX.orgHeadWords.has(text) || LEX.placeHeads.has(text),
);

function isNameLike(t: Token): boolean {
  return t.kind === TokenKind.Word && t.cap && !hasMark(t, NOT_NAME_WORD);
}

function nameRunEnd(tokens: Token[], i: number, limit: number): number {
  let j = i;
  while (j < limit) {
    const t = tokens[j]!;
    if (isNameLike(t)) {
      j++;
      continue;
    }
    if (j > i && t.text === "-" && t.joined && tokens[j + 1]?.joined) {
      j += 2;
      continue;
    }
    if (j > i && W.nameParticles.has(t.lower) && tokens[j + 1] && isNameLike(tokens[j + 1]!)) {
      j++;
      continue;
    }
    // "Tawfiq al-Shukri": a particle joined to the surname by a hyphen.
    if (
      j > i &&
      W.nameParticles.has(t.lower) &&
      tokens[j + 1]?.text === "-" &&
      tokens[j + 1]!.joined &&
      tokens[j + 2]?.joined &&
      isNameLike(tokens[j + 2]!)
    ) {
      j += 3;
      continue;
    }
    break;
  }
  return j;
}

/** An unknown run of name-like words: a person when the context says so, or an alias seen later. */
function classifyUnknownRun(
  text: string,
  tokens: Token[],
  r0: number,
  r1: number,
  s: SentenceSlice,
  persons: PersonRegistry,
  out: ActorMention[],
  pending: Array<{ t0: number; t1: number; sentence: SentenceSlice }>,
): void {
  const words = nameWords(tokens, r0, r1);
  if (words.some((w) => W.ethnicReligiousGroups.has(w))) return;
  // "Typhoon Haiyan", "Operation Protective Edge": an event's name.
  if (W.eventTitles.has(words[0]!) || (tokens[r0 - 1]?.cap && W.eventTitles.has(tokens[r0 - 1]!.text))) return;
  const titled = hasPersonWordBefore(tokens, r0, s);
  if (words.length === 1) {
    const rec = persons.lookup(words[0]!);
    if (rec && aliasContextOk(tokens, r0, s, rec))
      out.push(mention(text, tokens, r0, r1, "person", rec.canonical, rec.name));
    else if (!rec && (titled || (isAddressed(tokens, r0, r1, s) && !isKnownPlace(tokens, r0, r1)))) {
      // "his brother Omar", "Thank you, Omar.": a first name alone, remembered for its later mentions.
      const named = persons.register(words);
      out.push(mention(text, tokens, r0, r1, "person", named.canonical, named.name));
    } else pending.push({ t0: r0, t1: r1, sentence: s });
    return;
  }
  if (words.length > 4) return;
  const person = titled || personContext(tokens, r0, r1, s);
  if (
    !person &&
    (!looksLikeFullName(tokens, r0, r1, s) || isKnownPlace(tokens, r0, r1) || readsAsPlace(tokens, r0, r1, s, true))
  )
    return;
  const rec = persons.register(words);
  out.push(mention(text, tokens, r0, r1, "person", rec.canonical, rec.name));
}

/** Two or three name-like words mid-sentence, not used as a place or as a modifier of a noun. */
function looksLikeFullName(tokens: Token[], r0: number, r1: number, s: SentenceSlice): boolean {
  const n = r1 - r0;
  if (n < 2 || n > 3 || isSentenceStartToken(tokens, r0, s)) return false;
  const prev = tokens[r0 - 1];
  const next = tokens[r1];
  if (prev && (W.locatives.has(prev.lower) || prev.lower === "the")) return false;
  // "a polling firm, Harbor Insight": a body named in apposition (organizations.ts reads it).
  if (prev?.text === "," && W.typeNouns.has(tokens[r0 - 2]?.lower ?? "")) return false;
  if (prev?.lower === "of" && W.placeNouns.has(tokens[r0 - 2]?.lower ?? "")) return false;
  if (next && next.cap) return false; // "External Economic Relations Minister": part of a longer title
  if (
    next &&
    next.kind === TokenKind.Word &&
    !next.cap &&
    !W.personVerbsAfter.has(next.lower) &&
    !W.clauseWordsAfterName.has(next.lower)
  )
    return false;
  for (let k = r0; k < r1; k++) {
    const t = tokens[k]!;
    if (t.kind !== TokenKind.Word || t.text.length < 2 || /[A-Z]{2}/.test(t.text) || LEX.titleWords.has(t.text))
      return false;
  }
  return true;
}

function isSentenceStartToken(tokens: Token[], i: number, s: SentenceSlice): boolean {
  for (let k = i - 1; k >= s.t0; k--) if (tokens[k]!.kind !== TokenKind.Punct) return false;
  return true;
}

/** Evidence that a run of capitalized words names a person. */
function personContext(tokens: Token[], r0: number, r1: number, s: SentenceSlice): boolean {
  const next = tokens[r1];
  const prev = tokens[r0 - 1];
  if (next && (W.personVerbsAfter.has(next.lower) || isPossessive(next))) return true;
  if (next?.lower === "of" && tokens[r1 + 1]?.cap) return true; // "Shreyas Reddy of NK News"
  if (next?.text === "," && W.personRelatives.has(tokens[r1 + 1]?.lower ?? "")) return true; // "Anna Berg, whose brother"
  // "Anna Berg, 45, a teacher": an age in apposition.
  if (
    next?.text === "," &&
    tokens[r1 + 1]?.kind === TokenKind.Number &&
    /^\d{1,3}$/.test(tokens[r1 + 1]!.text) &&
    tokens[r1 + 2]?.text === ","
  )
    return true;
  if (next?.text === "," && tokens[r1 + 1] && !tokens[r1 + 1]!.cap && isRoleWord(tokens[r1 + 1]!, tokens[r1 + 2]))
    return true;
  if (prev && r0 - 1 >= s.t0 && (LEX.titles.has(prev.lower) || (prev.lower === "by" && next?.text === ",")))
    return true;
  if (prev?.text === "," && tokens[r0 - 2] && LEX.titles.has(tokens[r0 - 2]!.lower)) return true; // "adviser, Shin Wonsik,"
  return false;
}

function isRoleWord(t: Token, next: Token | undefined): boolean {
  return (
    LEX.titles.has(t.lower) || (next !== undefined && LEX.titles.has(next.lower)) || W.roleWordsAfterComma.has(t.lower)
  );
}

/** "Smith said": a lone surname-like word that speaks is a person even when no full name precedes it. */
function speaksAlone(tokens: Token[], t0: number, t1: number): boolean {
  if (t1 - t0 !== 1) return false;
  const t = tokens[t0]!;
  const next = tokens[t1];
  if (!next || !W.speechPast.has(next.lower)) return false;
  if (t.text.length < 3 || /^[A-Z]+$/.test(t.text) || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) return false;
  // "The Health Ministry in Gaza said": a place closing the speaker's phrase, not a person.
  const prev = tokens[t0 - 1];
  if (prev && (W.locatives.has(prev.lower) || prev.lower === "of" || prev.lower === "the" || prev.cap)) return false;
  const lw = t.lower;
  return (
    !isCommonCapitalized(t.text) &&
    !LEX.speakerNouns.has(lw) &&
    !LEX.anonymousHeads.has(lw) &&
    !LEX.titles.has(lw) &&
    !LEX.months.has(lw) &&
    !LEX.weekdays.has(lw) &&
    !LEX.sentenceOpeners.has(lw) &&
    !/(s|ese|ian|ish)$/.test(lw)
  );
}

/** A single-word alias ("Kim", "No", "Campbell") refers to a person named in the text. */
function aliasContextOk(tokens: Token[], i: number, s: SentenceSlice, rec: PersonRecord): boolean {
  const t = tokens[i]!;
  const isFirstToken = rec.name.split(/\s+/)[0] === t.text && !rec.name.endsWith(t.text);
  const atStart = i === s.t0;
  if (!isFirstToken && !atStart) return true;
  // A first-name-position alias that is also a common word ("No") needs a verb or possessive after it.
  const next = tokens[i + 1];
  if (!next) return false;
  if (isPossessive(next)) return true;
  if (W.personVerbsAfter.has(next.lower) || LEX.reportingVerbs.has(next.lower)) return true;
  return !isCommonCapitalized(t.text) && !isFirstToken;
}
