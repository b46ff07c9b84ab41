// Frames: what a figure measures — its quantity class, owner, places, incident, scope and year.
// Slots are filled from the phrase and the sentence, then the paragraph before it, and finally the
// document's salient place and incident. The readable subject slug is derived from the frame, one way.
import type { ActorMention, Frame, Salience, SlotLevel } from "./types";
import { type Token, TokenKind } from "./tokens";
import type { RawFigure } from "./figures";
import type { SentenceSlice } from "./sentences";
import type { Subject } from "./subjects";
import { covering, lowerBound } from "./spans";
import { hasMark, wordClass, wordTest } from "./wordMarks";
import {
  FRAME_LEX,
  FRAME_ROLE_WORD,
  opensClause,
  ROLE_INCIDENT,
  ROLE_LOCATIVE,
  ROLE_PLACE_HEAD,
  ROLE_WORLDWIDE,
  ROLE_WORLD_NOUN,
} from "./frameLexicon";
import { LEX, slug } from "./lexicon";
import { clauseBreaks, sameClause, type ClauseBreaks } from "./clauseBreaks";
import { memoize } from "./intern";

export interface FrameInput {
  tokens: Token[];
  sentences: SentenceSlice[];
  actors: ActorMention[];
}

interface Mention {
  /** Token index. */
  k: number;
  id: string;
}

/** Per document: the places and incidents each sentence names, and what the document is mostly about. */
export interface DocumentContext {
  places: Mention[][];
  incidents: Mention[][];
  /** Per sentence: the last incident named in its paragraph before it. */
  incidentBefore: Array<Mention | undefined>;
  salience: Salience;
}

const NO_MENTIONS: Mention[] = [];

export function documentContext(input: FrameInput): DocumentContext {
  const places: Mention[][] = [];
  const incidents: Mention[][] = [];
  const placeIds: string[] = [];
  const incidentIds: string[] = [];
  for (const s of input.sentences) {
    const [p, e] = s.furniture ? [NO_MENTIONS, NO_MENTIONS] : scanSentence(input, s);
    places.push(p);
    incidents.push(e);
    for (const m of p) placeIds.push(m.id);
    for (const m of e) incidentIds.push(m.id);
  }
  const incidentBefore: Array<Mention | undefined> = [];
  input.sentences.forEach((s, i) => {
    const prev = input.sentences[i - 1];
    incidentBefore.push(
      prev && prev.paragraph === s.paragraph ? (incidents[i - 1]!.at(-1) ?? incidentBefore[i - 1]) : undefined,
    );
  });
  const parties = partiesOf(input.actors);
  const events = [...ranked(incidentIds, 2, 2), ...ranked(namedIncidents(input), 1, 3)];
  return { places, incidents, incidentBefore, salience: { places: ranked(placeIds, 1, 3), events, parties } };
}

const ARTICLES = new Set(["the", "a", "an", "this", "that", "these", "those"]);
const NAMED_INCIDENT_HEAD = wordClass(FRAME_LEX.namedIncidentHeads);

/** Capitalised names of incidents and conditions ("Havana Syndrome") in the body text, as ids. */
function namedIncidents(input: FrameInput): string[] {
  const { tokens } = input;
  const ids: string[] = [];
  for (const s of input.sentences) {
    if (s.furniture || s.headline) continue;
    for (let k = s.t0 + 1; k < s.t1; k++) {
      const t = tokens[k]!;
      if (t.kind !== TokenKind.Word || !t.cap || !hasMark(t, NAMED_INCIDENT_HEAD)) continue;
      let j = k;
      while (
        j - 1 >= s.t0 &&
        k - j < 4 &&
        tokens[j - 1]!.kind === TokenKind.Word &&
        tokens[j - 1]!.cap &&
        !ARTICLES.has(tokens[j - 1]!.lower)
      )
        j--;
      // A name starting the sentence may be any capitalised opening word.
      if (j === k || (j === s.t0 && k - j < 2)) continue;
      ids.push(
        `named-${placeSlug(
          tokens
            .slice(j, k + 1)
            .map((x) => x.text)
            .join(" "),
        )}`,
      );
    }
  }
  return ids;
}

/** One pass over a sentence: the incidents it names and the places it names as locations. */
function scanSentence(input: FrameInput, s: SentenceSlice): [Mention[], Mention[]] {
  const { tokens } = input;
  let places = NO_MENTIONS;
  let incidents = NO_MENTIONS;
  for (let k = s.t0; k < s.t1; k++) {
    const t = tokens[k]!;
    if (t.kind !== TokenKind.Word || !hasMark(t, FRAME_ROLE_WORD)) continue;
    const role = FRAME_LEX.roles.get(t.lower)!;
    if (role & ROLE_INCIDENT && !isResemblance(tokens, k)) {
      if (incidents === NO_MENTIONS) incidents = [];
      incidents.push({ k, id: FRAME_LEX.incidents.get(t.lower)! });
    }
    const place = role & (ROLE_WORLDWIDE | ROLE_WORLD_NOUN) ? worldAt(tokens, k, role) : placeAfter(input, s, k, role);
    if (place) {
      if (places === NO_MENTIONS) places = [];
      places.push(place);
    }
  }
  return [places, incidents];
}

/** "a tsunami-like surge": the noun compares, it names no incident. */
function isResemblance(tokens: Token[], k: number): boolean {
  const dash = tokens[k + 1];
  const suffix = tokens[k + 2];
  return (
    dash?.text === "-" &&
    dash.joined &&
    suffix !== undefined &&
    suffix.joined &&
    FRAME_LEX.resemblanceSuffixes.has(suffix.lower)
  );
}

/** The ids seen at least `min` times, most frequent first (first seen first on ties), at most `top`. */
function ranked(ids: readonly string[], min: number, top: number): string[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) if (ids[i]) counts.set(ids[i]!, (counts.get(ids[i]!) ?? 0) + 1);
  return topOf(counts, min, top);
}

/** The `top` most frequent keys seen at least `min` times (an insertion into a list of at most `top`). */
function topOf(counts: Map<string, number>, min: number, top: number): string[] {
  const ids: string[] = [];
  const ns: number[] = [];
  counts.forEach((n, id) => {
    if (n < min) return;
    let j = ids.length;
    while (j > 0 && ns[j - 1]! < n) j--;
    if (j >= top) return;
    ids.splice(j, 0, id);
    ns.splice(j, 0, n);
    if (ids.length > top) {
      ids.pop();
      ns.pop();
    }
  });
  return ids;
}

function partiesOf(actors: readonly ActorMention[]): string[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < actors.length; i++) {
    const id = actors[i]!.canonical;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return topOf(counts, 2, 3);
}

/** "cases worldwide", "around the world": the whole world as the place. */
function worldAt(tokens: Token[], k: number, role: number): Mention | undefined {
  if (role & ROLE_WORLDWIDE) return { k, id: WORLD };
  const the = tokens[k - 1];
  return the?.lower === "the" && FRAME_LEX.beforeWorld.has(tokens[k - 2]?.lower ?? "") ? { k, id: WORLD } : undefined;
}

const WORLD = "world";

/** A place named as a location after a locative preposition ("in Xinjiang", "near Leogane") or a place head with "of" ("the town of Khan Sheikhoun"). */
function placeAfter(input: FrameInput, s: SentenceSlice, k: number, role: number): Mention | undefined {
  const { tokens } = input;
  let j = -1;
  if (role & ROLE_LOCATIVE) j = k + 1;
  else if (role & ROLE_PLACE_HEAD && tokens[k + 1]?.lower === "of") j = k + 2;
  if (j < 0) return undefined;
  if (tokens[j]?.lower === "the") j++;
  if (j >= s.t1) return undefined;
  const id = placeAt(input, j, s.t1);
  return id ? { k: j, id } : undefined;
}

function placeAt(input: FrameInput, j: number, end: number): string {
  const { tokens } = input;
  const t = tokens[j]!;
  if (t.kind !== TokenKind.Word || !t.cap) return "";
  const actor = covering(input.actors, t.start);
  if (actor)
    return actor.kind === "country" && actor.start === t.start && !isModifier(input, actor) ? actor.canonical : "";
  if (LEX.months.has(t.lower) || LEX.weekdays.has(t.lower)) return "";
  // A run of capitalised words, with hyphens inside ("Port-au-Prince"), without a trailing place head.
  let k = j;
  const words: string[] = [];
  while (k < end && k - j < 8) {
    const x = tokens[k]!;
    if (x.kind === TokenKind.Word && (x.cap || (x.joined && tokens[k - 1]?.text === "-"))) words.push(x.text);
    else if (x.text === "-" && x.joined && k > j) words.push("-");
    else break;
    k++;
  }
  while (words.length > 1 && FRAME_LEX.placeHeads.has(words[words.length - 1]!.toLowerCase())) words.pop();
  return words.length > 0 ? placeSlug(words.join(" ")) : "";
}

const placeSlug = memoize(slug, 50_000);

/** "Chinese government camps": a country word that qualifies a noun is not a location. */
function isModifier(input: FrameInput, actor: ActorMention): boolean {
  const { tokens } = input;
  const next = tokens[lowerBound(tokens, actor.end)];
  if (!next || next.kind !== TokenKind.Word) return false;
  if (next.lower === "'s" || next.lower === "’s" || FRAME_LEX.placeHeads.has(next.lower)) return false;
  return (
    actor.text !== actor.name &&
    !next.cap &&
    !FRAME_LEX.locativePrepositions.has(next.lower) &&
    !LEX.timeUnits.has(next.lower)
  );
}

/** Frames for the figures of a document, in text order. */
export function buildFrames(
  input: FrameInput,
  ctx: DocumentContext,
  figures: Array<{ raw: RawFigure; sentence: number }>,
  subjects: Subject[],
): Frame[] {
  const quantities: Quantity[] = [];
  figures.forEach(({ raw, sentence }, i) =>
    quantities.push(
      quantityOf(input, raw, sentence, i > 0 && figures[i - 1]!.sentence === sentence ? quantities[i - 1]!.cls : ""),
    ),
  );
  // A figure that is the first half of a pair ("several hundred to more than 1,000 people were killed") counts what its partner counts.
  for (let i = figures.length - 2; i >= 0; i--) {
    const a = figures[i]!;
    const b = figures[i + 1]!;
    if (
      !quantities[i]!.cls &&
      quantities[i + 1]!.cls &&
      a.sentence === b.sentence &&
      isPair(input.tokens, a.raw, b.raw)
    )
      quantities[i] = quantities[i + 1]!;
  }
  // A bare number whose head is elided after a coordinator or "than" ("closer to 2,000 or 2,500 than the 10,000") counts what the figure before it counts.
  for (let i = 1; i < figures.length; i++) {
    const a = figures[i - 1]!;
    const b = figures[i]!;
    if (
      quantities[i - 1]!.cls &&
      !quantities[i]!.cls &&
      a.sentence === b.sentence &&
      b.raw.unit === null &&
      isElidedHead(input.tokens, a.raw, b.raw)
    )
      quantities[i] = quantities[i - 1]!;
  }
  // The clause breaks of the sentence whose figures are being framed, counted when it names a place.
  let breaks: ClauseBreaks | undefined;
  let breaksOf = -1;
  return figures.map(({ raw, sentence }, i) => {
    if (breaksOf !== sentence && ctx.places[sentence]!.length > 0) {
      const s = input.sentences[sentence]!;
      breaks = clauseBreaks(input.tokens, s.t0, s.t1, breaks);
      breaksOf = sentence;
    }
    const parts = subjects[i]!.parts;
    const q = quantities[i]!;
    const previous = i > 0 && figures[i - 1]!.sentence === sentence ? quantities[i - 1]! : undefined;
    const frame: Frame = {
      quantity: q.cls || parts.thing,
      classified: q.cls !== "",
      owner: parts.owner,
      places: [],
      event: "",
      scope:
        (q.cls ? q.scope : "") ||
        (previous && isPartOf(input.tokens, raw) ? "part" : "") ||
        (isElsewhere(input.tokens, raw, input.sentences[sentence]!) ? "elsewhere" : ""),
      time: "",
      extra: q.cls && previous?.cls !== q.cls ? withoutIncrement(parts.extra) : parts.extra,
      levels: parts.owner ? { owner: "sentence" } : {},
    };
    fillPlaces(frame, ctx, sentence, parts.place, input.tokens, raw, breaksOf === sentence ? breaks : undefined);
    fillEvent(frame, input, ctx, sentence, raw);
    return frame;
  });
}

const EXCLUSIVE_ADVERB = wordClass(FRAME_LEX.exclusiveAdverbs);

/** "170 others were killed elsewhere in the country", "Elsewhere, 40 died": outside the place the text is about. */
function isElsewhere(tokens: Token[], raw: RawFigure, s: SentenceSlice): boolean {
  if (hasMark(tokens[s.t0]!, EXCLUSIVE_ADVERB)) return true;
  for (let k = raw.t1; k < Math.min(s.t1, raw.t1 + 12); k++) {
    const t = tokens[k]!;
    // Another figure's clause ("10,100 missing in Derna and 170 others died elsewhere") is not this one's.
    if (hasMark(t, CLAUSE_END_MARK) || opensClause(tokens, k) || t.kind === TokenKind.Number) return false;
    if (hasMark(t, EXCLUSIVE_ADVERB)) return true;
  }
  return false;
}

/** "with an additional 300,000 people injured" after a death toll adds a quantity, not an increment of one. */
function withoutIncrement(extra: string): string {
  return extra
    .split("-")
    .filter((p) => p !== "additional")
    .join("-");
}

/** "including", "of whom", "among them" ending at token k. */
function isPartOfWord(tokens: Token[], k: number): boolean {
  const w = tokens[k]!.lower;
  if (FRAME_LEX.partOf.has(w)) return true;
  return FRAME_LEX.partOfLastWords.has(w) && k > 0 && FRAME_LEX.partOf.has(`${tokens[k - 1]!.lower} ${w}`);
}

/** "$63.3 million …, including $22 million": a part of the figure before, not the same figure. */
function isPartOf(tokens: Token[], raw: RawFigure): boolean {
  for (let k = raw.t0 - 1; k >= Math.max(0, raw.t0 - 4); k--) {
    if (isPartOfWord(tokens, k)) return true;
    if (hasMark(tokens[k]!, CLAUSE_END_MARK)) return false;
  }
  return false;
}

const PAIR_LINKS = new Set(["to", "and", "or", "-", "–"]);

function isPair(tokens: Token[], a: RawFigure, b: RawFigure): boolean {
  if (b.t0 - a.t1 > 2 || a.np1 > a.t1) return false;
  return b.t0 > a.t1 && PAIR_LINKS.has(tokens[a.t1]!.lower);
}

function isElidedHead(tokens: Token[], a: RawFigure, b: RawFigure): boolean {
  const from = Math.max(a.t1, a.np1);
  if (b.t0 - from <= 0 || b.t0 - from > 3 || !FRAME_LEX.elisionLinks.has(tokens[from]!.lower)) return false;
  for (let k = from + 1; k < b.t0; k++) if (!LEX.determiners.has(tokens[k]!.lower)) return false;
  return true;
}

function fillPlaces(
  frame: Frame,
  ctx: DocumentContext,
  sentence: number,
  legacyPlace: string,
  tokens: Token[],
  raw: RawFigure,
  breaks: ClauseBreaks | undefined,
): void {
  const here = ctx.places[sentence]!;
  // The sentence's places in the figure's clause, each once (a handful: a list, not a set).
  let ids: string[] | undefined;
  for (const m of here) if (sameClause(tokens, raw, m.k, breaks) && !ids?.includes(m.id)) (ids ??= []).push(m.id);
  // The phrase's own place ("cases in X") stands unless the sentence names it only in another clause.
  if (legacyPlace && !ids?.includes(legacyPlace) && !namesPlace(here, legacyPlace)) (ids ??= []).push(legacyPlace);
  // A figure said to hold worldwide is about the world, whatever else the sentence places.
  if (ids?.includes(WORLD)) ids = [WORLD];
  if (ids) {
    frame.places = ids.sort();
    frame.levels.places = "sentence";
  } else if (ctx.salience.places.length > 0) {
    frame.places = [ctx.salience.places[0]!];
    frame.levels.places = "document";
  }
}

function namesPlace(mentions: readonly Mention[], id: string): boolean {
  for (const m of mentions) if (m.id === id) return true;
  return false;
}

/** The incident nearest the figure in its sentence, else the last one named earlier in its paragraph, else the document's. */
function fillEvent(frame: Frame, input: FrameInput, ctx: DocumentContext, sentence: number, raw: RawFigure): void {
  const here = ctx.incidents[sentence]!;
  let found: Mention | undefined;
  let level: SlotLevel = "sentence";
  for (const m of here) if (!found || Math.abs(m.k - raw.t0) < Math.abs(found.k - raw.t0)) found = m;
  if (!found) {
    found = ctx.incidentBefore[sentence];
    level = "paragraph";
  }
  if (found) {
    frame.event = found.id;
    frame.levels.event = level;
    const year = yearBefore(input.tokens, found.k);
    if (year) {
      frame.time = year;
      frame.levels.time = level;
    }
  } else if (ctx.salience.events.length > 0) {
    frame.event = ctx.salience.events[0]!;
    frame.levels.event = "document";
  }
}

/** "the January 2010 earthquake", "the 2013 attack": the incident's year. */
function yearBefore(tokens: Token[], k: number): string {
  for (let j = k - 1; j >= Math.max(0, k - 3); j--)
    if (tokens[j]!.kind === TokenKind.Number && /^(1[89]|20)\d\d$/.test(tokens[j]!.text)) return tokens[j]!.text;
  return "";
}

// ---- Quantity class ----

interface Quantity {
  cls: string;
  scope: string;
}

const NONE: Quantity = { cls: "", scope: "" };
const CLAUSE_END = new Set([".", ";", ":", "(", ")", "!", "?"]);
/** The same as a bit: the figure passes test it on the tokens around every figure. */
const CLAUSE_END_MARK = wordTest((text) => CLAUSE_END.has(text));

interface UnitReading {
  /** The class the noun names itself ("fatalities"), or "". */
  own: string;
  /** A generic count noun ("people", "Uyghurs") that takes its class from the predicate. */
  generic: boolean;
  scope: string;
  /** The currency code the unit names ("$" -> USD, "euros" -> EUR), if any. */
  currency: string | undefined;
  /** The unit in lower case. */
  lower: string;
}

const unitReadings = new Map<string, UnitReading>();

/** What a counted noun says by itself (computed once per distinct unit). */
function readUnit(unitText: string | null): UnitReading {
  const key = unitText ?? "";
  let r = unitReadings.get(key);
  if (r) return r;
  const unit = key.toLowerCase();
  const head = unit.slice(unit.lastIndexOf(" ") + 1);
  const own = FRAME_LEX.classNouns.get(unit) ?? FRAME_LEX.classNouns.get(head) ?? "";
  const capitalised = key !== "" && key[0] !== unit[0] && !unit.includes(" ");
  r = {
    own,
    generic: !own && (unit === "" || FRAME_LEX.genericNouns.has(head) || capitalised),
    scope: FRAME_LEX.scopes.get(head) ?? "",
    currency: currencyOf(unitText),
    lower: unit,
  };
  if (unitReadings.size < 20_000) unitReadings.set(key, r);
  return r;
}

function quantityOf(input: FrameInput, raw: RawFigure, sentence: number, previousClass: string): Quantity {
  const unit = readUnit(raw.unit);
  if (unit.own) return { cls: unit.own, scope: "" };
  const currency = unit.currency;
  if (currency) {
    const cls = moneyClass(input.tokens, raw, input.sentences[sentence]!);
    return cls ? { cls: `${cls}-${currency.toLowerCase()}`, scope: "" } : NONE;
  }
  const later = !unit.generic ? nounAfterPremodifiers(input, raw, sentence, unit.lower) : "";
  if (later) return { cls: later, scope: "" };
  // A noun of its own kind ("houses", "barrels") is not a count of people something happened to.
  if (!unit.generic) return NONE;
  const { tokens } = input;
  const s = input.sentences[sentence]!;
  const cls =
    predicateAfter(tokens, raw, s) ||
    predicateBefore(tokens, raw, s) ||
    valueOfBefore(tokens, raw, s, previousClass) ||
    labelBefore(input, raw, sentence);
  return cls ? { cls, scope: unit.scope } : NONE;
}

/** Codes a currency symbol stands for ("$" -> USD): a figure's unit when a symbol was read. */
const SYMBOL_CURRENCIES: ReadonlySet<string> = new Set(LEX.currencySymbols.values());

function currencyOf(unit: string | null): string | undefined {
  if (!unit) return undefined;
  if (SYMBOL_CURRENCIES.has(unit)) return unit;
  return LEX.currencyWords.get(unit.toLowerCase());
}

/** "pledged $2.4 billion", "$500 million in aid", "had sought $4.3 billion": what the sum is, from its clause. */
function moneyClass(tokens: Token[], raw: RawFigure, s: SentenceSlice): string {
  return (
    moneyWordIn(tokens, raw.t0 - 1, Math.max(s.t0, raw.t0 - 6) - 1, -1) ||
    moneyWordIn(tokens, Math.max(raw.t1, raw.np1), Math.min(s.t1, raw.t1 + 4), 1)
  );
}

/** The class of the first money word from `from` towards `to` (exclusive), within the clause. */
function moneyWordIn(tokens: Token[], from: number, to: number, step: 1 | -1): string {
  for (let k = from; step > 0 ? k < to : k > to; k += step) {
    const t = tokens[k]!;
    if (hasMark(t, CLAUSE_END_MARK) || t.text === ",") break;
    const cls = FRAME_LEX.moneyWords.get(t.lower);
    if (cls) return cls;
  }
  return "";
}

/** "300 reported AHI cases", "40 confirmed new infections": a participle read as the unit premodifies the counted noun after it. */
function nounAfterPremodifiers(input: FrameInput, raw: RawFigure, sentence: number, unit: string): string {
  if (!unit.endsWith("ed") || unit.includes(" ")) return "";
  const { tokens } = input;
  const end = Math.min(input.sentences[sentence]!.t1, raw.np1 + 3);
  for (let k = raw.np1; k < end; k++) {
    const t = tokens[k]!;
    if (t.kind !== TokenKind.Word) return "";
    const cls = FRAME_LEX.classNouns.get(t.lower);
    if (cls) return cls;
    if (!t.cap && !t.lower.endsWith("ed")) return "";
  }
  return "";
}

const OF_COMPLEMENT_ENDS = new Set(["and", "or", "to", "that", "who", "which"]);

/** "1,429 people were killed", "individuals had been or remained detained", "members of … minorities have disappeared". */
function predicateAfter(tokens: Token[], raw: RawFigure, s: SentenceSlice): string {
  const limit = Math.min(s.t1, raw.np1 + 12);
  let k = raw.np1;
  // "Uyghurs and other Turkic Muslims have been detained": a coordinated noun shares the predicate.
  if ((tokens[k]?.lower === "and" || tokens[k]?.lower === "or") && tokens[k + 1]?.lower === "other")
    k = verbGroupAt(tokens, k + 2, limit);
  if (tokens[k]?.lower === "of") {
    // Skip the "of …" complement up to the verb group.
    while (
      k < limit &&
      !FRAME_LEX.auxiliaries.has(tokens[k]!.lower) &&
      !FRAME_LEX.classPredicates.has(tokens[k]!.lower) &&
      !hasMark(tokens[k]!, CLAUSE_END_MARK)
    )
      k++;
    if (OF_COMPLEMENT_ENDS.has(tokens[k]?.lower ?? "")) return "";
  }
  let passive = false;
  for (; k < limit; k++) {
    const t = tokens[k]!;
    const cls = FRAME_LEX.classPredicates.get(t.lower);
    if (cls) return passive || !FRAME_LEX.passiveOnlyAfterNoun.has(t.lower) ? cls : "";
    if (FRAME_LEX.beForms.has(t.lower)) passive = true;
    if (
      FRAME_LEX.auxiliaries.has(t.lower) ||
      (t.kind === TokenKind.Word && !t.cap && t.lower.length > 4 && t.lower.endsWith("ly"))
    )
      continue;
    if (passive && FRAME_LEX.reportParticiples.has(t.lower)) continue;
    break;
  }
  return "";
}

/** The first auxiliary, class predicate or clause mark from j on (limit when none). */
function verbGroupAt(tokens: Token[], j: number, limit: number): number {
  while (
    j < limit &&
    !FRAME_LEX.auxiliaries.has(tokens[j]!.lower) &&
    !FRAME_LEX.classPredicates.has(tokens[j]!.lower) &&
    !hasMark(tokens[j]!, CLAUSE_END_MARK) &&
    tokens[j]!.text !== ","
  )
    j++;
  return j;
}

/** "killing hundreds of civilians", "detained at least 800,000 and up to 2 million": the nearest predicate before, in the clause. */
function predicateBefore(tokens: Token[], raw: RawFigure, s: SentenceSlice): string {
  for (let k = raw.t0 - 1; k >= Math.max(s.t0, raw.t0 - 9); k--) {
    const t = tokens[k]!;
    if (hasMark(t, CLAUSE_END_MARK) || t.text === ",") break;
    const cls = FRAME_LEX.classPredicates.get(t.lower);
    if (cls) return cls;
  }
  return "";
}

/** "the death toll was 312", "Estimated Deaths 112,405", "the government's figure of …", "including 426 children". */
function valueOfBefore(tokens: Token[], raw: RawFigure, s: SentenceSlice, previousClass: string): string {
  for (let k = raw.t0 - 1; k >= Math.max(s.t0, raw.t0 - 10); k--) {
    const t = tokens[k]!;
    if (hasMark(t, CLAUSE_END_MARK) || t.text === ",") break;
    // "death toll", and "the number of demonstrators at 20,000", "the loss of life … closer to 2,000".
    const phrase = classPhraseEndingAt(tokens, k, 2, s.t0) || classPhraseEndingAt(tokens, k, 3, s.t0);
    if (phrase) return phrase;
    if (
      t.kind === TokenKind.Word &&
      !FRAME_LEX.genericNouns.has(t.lower) &&
      FRAME_LEX.classNouns.has(t.lower) &&
      !FRAME_LEX.classPredicates.has(t.lower)
    )
      return FRAME_LEX.classNouns.get(t.lower)!;
    if (previousClass && raw.t0 - k <= 3 && (FRAME_LEX.valueOf.has(t.lower) || isPartOfWord(tokens, k)))
      return previousClass;
  }
  return "";
}

/** The quantity class of the `n`-word class phrase that ends at token k, or "". */
function classPhraseEndingAt(tokens: Token[], k: number, n: number, t0: number): string {
  const first = k - n + 1;
  if (first < t0 || !FRAME_LEX.phraseFirstWords.has(tokens[first]!.lower)) return "";
  let phrase = tokens[first]!.lower;
  for (let j = first + 1; j <= k; j++) phrase += ` ${tokens[j]!.lower}`;
  return FRAME_LEX.classNouns.get(phrase) ?? "";
}

/** A value on its own line under a label line ("Estimated Number of Deaths" / "65,000 people"). */
function labelBefore(input: FrameInput, raw: RawFigure, sentence: number): string {
  const s = input.sentences[sentence]!;
  if (raw.t0 - s.t0 > 1 || sentence === 0) return "";
  const label = input.sentences[sentence - 1]!;
  // A short line without final punctuation: a headline, or a label too short to be one.
  if (!(label.headline || label.furniture) || label.t1 - label.t0 > 8 || label.paragraph < s.paragraph - 2) return "";
  const { tokens } = input;
  for (let k = label.t1 - 1; k >= label.t0; k--) {
    const two = k > label.t0 ? FRAME_LEX.classNouns.get(`${tokens[k - 1]!.lower} ${tokens[k]!.lower}`) : undefined;
    const cls = two ?? FRAME_LEX.classNouns.get(tokens[k]!.lower);
    if (cls) return cls;
  }
  return "";
}

// ---- The subject slug and label, derived from the frame ----

/** The readable slug of a frame: owner, quantity, scope, place, incident, year, restriction. */
export function frameSlug(f: Frame): string {
  let slug = f.owner;
  slug = joinPart(slug, f.quantity || "count");
  slug = joinPart(slug, f.scope);
  if (f.places[0]) slug = joinPart(slug, `in-${f.places[0]}`);
  slug = joinPart(slug, f.event);
  slug = joinPart(slug, f.time);
  return joinPart(slug, f.extra);
}

/** `slug-part`, skipping an empty part (and an empty slug). */
function joinPart(slug: string, part: string): string {
  if (!part) return slug;
  return slug ? `${slug}-${part}` : part;
}

/** "Deaths (children) in Haiti, earthquake 2010". */
export function frameLabel(f: Frame): string {
  const name = (id: string) => LEX.countryNames.get(id) ?? id.replace(/-/g, " ");
  const what = [f.owner ? name(f.owner) : "", (f.quantity || "count").replace(/-/g, " "), f.scope ? `(${f.scope})` : ""]
    .filter(Boolean)
    .join(" ");
  const where = f.places.length > 0 ? ` in ${f.places.map(name).join(", ")}` : "";
  const when = [f.event.replace(/-/g, " "), f.time].filter(Boolean).join(" ");
  const extra = f.extra ? ` [${f.extra.replace(/-/g, " ")}]` : "";
  return `${what}${where}${when ? `, ${when}` : ""}${extra}`;
}

/** A figure that can be the same figure as another: a quantity class, or a thing with an owner or a place of its own. */
export function isLinkable(f: Frame): boolean {
  if (!f.quantity) return false;
  return f.classified || f.owner !== "" || (f.places.length > 0 && f.levels.places === "sentence");
}
