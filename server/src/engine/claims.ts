// Claims: sentences the text does not assert in its own voice (attributed, hedged, anonymous,
// denied), with their cues, their source span and the reporting verb's stance.
import type { ActorMention, Claim, ClaimKind, ClaimSource, Cue, SourceKind, Stance } from "./types";
import { type Token, TokenKind, isPossessive, tokenContaining } from "./tokens";
import { LEX } from "./lexicon";
import cueData from "./data/cues.json";
import actorData from "./data/actors.json";
import type { SentenceSlice } from "./sentences";
import { covering, lastBefore, lowerBound } from "./spans";
import { internArray, internString } from "./intern";
import { hasMark, wordClass } from "./wordMarks";
import { wordBits } from "./wordBits";

const W = LEX.claimWords;
// Each word class read once at load (the sets are then plain module constants).
const W_adjectivalHedges = W.adjectivalHedges;
const W_roleAdjectives = W.roleAdjectives;
const W_adjunctPrepositions = W.adjunctPrepositions;
const W_agentLeads = W.agentLeads;
const W_anaphoric = W.anaphoric;
const W_anaphoricClaimNouns = W.anaphoricClaimNouns;
const W_anaphoricNouns = W.anaphoricNouns;
const W_anonymityMarkers = W.anonymityMarkers;
const W_anonymousHeads = W.anonymousHeads;
const W_appearancePreps = W.appearancePreps;
const W_articleDeterminers = W.articleDeterminers;
const W_authorshipParticiples = W.authorshipParticiples;
const W_aux = W.aux;
const W_bareReportNouns = W.bareReportNouns;
const W_beliefLemmas = W.beliefLemmas;
const W_citeLemmas = W.citeLemmas;
const W_claimMakingVerbs = W.claimMakingVerbs;
const W_claimNounsForFalsity = W.claimNounsForFalsity;
const W_clauseStops = W.clauseStops;
const W_comparativeWords = W.comparativeWords;
const W_concernIntensifiers = W.concernIntensifiers;
const W_concernLemmas = W.concernLemmas;
const W_confirmationLemmas = W.confirmationLemmas;
const W_copulas = W.copulas;
const W_countVerbs = W.countVerbs;
const W_documentSources = W.documentSources;
const W_existentials = W.existentials;
const W_factAux = W.factAux;
const W_falsityAdverbs = W.falsityAdverbs;
const W_falsityAttributes = W.falsityAttributes;
const W_falsityCallers = W.falsityCallers;
const W_falsityNouns = W.falsityNouns;
const W_firstPerson = W.firstPerson;
const W_framePrepositions = W.framePrepositions;
const W_framedVerbs = W.framedVerbs;
const W_governmentHeads = W.governmentHeads;
const W_hedgingReportLemmas = W.hedgingReportLemmas;
const W_ignoranceLeads = W.ignoranceLeads;
const W_ignoranceNegators = W.ignoranceNegators;
const W_indefiniteArticles = W.indefiniteArticles;
const W_institutionNouns = W.institutionNouns;
const W_intelligenceHeads = W.intelligenceHeads;
const W_invertedTagNouns = W.invertedTagNouns;
const W_knowledgeWords = W.knowledgeWords;
const W_modalHedges = W.modalHedges;
const W_namedAgencyModifiers = W.namedAgencyModifiers;
const W_namedSubjectVerbs = W.namedSubjectVerbs;
const W_negationFillers = W.negationFillers;
const W_negativeIdioms = W.negativeIdioms;
const W_negators = W.negators;
const W_nonDenialVerbs = W.nonDenialVerbs;
const W_nonSourceNouns = W.nonSourceNouns;
const W_nonSpeakers = W.nonSpeakers;
const W_notClauseAfterBelief = W.notClauseAfterBelief;
const W_notObjects = W.notObjects;
const W_notSubjects = W.notSubjects;
const W_nounDeterminers = W.nounDeterminers;
const W_nounFollowers = W.nounFollowers;
const W_npDrop = W.npDrop;
const W_npInnerPreps = W.npInnerPreps;
const W_outletHeads = W.outletHeads;
const W_passiveAdverbs = W.passiveAdverbs;
const W_passiveAux = W.passiveAux;
const W_passiveHedgeLemmas = W.passiveHedgeLemmas;
const W_possessedNouns = W.possessedNouns;
const W_possessivePronouns = W.possessivePronouns;
const W_postModifierPreps = W.postModifierPreps;
const W_postModifiers = W.postModifiers;
const W_publicationLemmas = W.publicationLemmas;
const W_putItVerbs = W.putItVerbs;
const W_quoteLemmas = W.quoteLemmas;
const W_relativeTimeWords = W.relativeTimeWords;
const W_releasedThings = W.releasedThings;
const W_reportModifiers = W.reportModifiers;
const W_seemVerbs = W.seemVerbs;
const W_sentenceConnectives = W.sentenceConnectives;
const W_speechLemmas = W.speechLemmas;
const W_superlativeMarkers = W.superlativeMarkers;
const W_timeAdverbs = W.timeAdverbs;
const W_toHeads = W.toHeads;
const W_truthWords = W.truthWords;
const W_flawNouns = W.flawNouns;
const W_flawVerbs = W.flawVerbs;
const W_verbNounForms = W.verbNounForms;
const W_warningFollowers = W.warningFollowers;
const W_weakVerbs = W.weakVerbs;
const CLAIM_NOUNS = new Map(Object.entries(cueData.claimNouns) as Array<[string, Stance]>);
interface Phrase {
  words: string[];
  /** Position of the anchor word inside the phrase. */
  anchor: number;
}

/**
 * Phrases indexed by their most distinctive (longest) word, so that common words ("has", "was",
 * "could") cost nothing: a phrase is checked around its anchor only when the anchor occurs.
 */
function byAnchor(phrases: string[]): Map<string, Phrase[]> {
  const m = new Map<string, Phrase[]>();
  for (const p of phrases) {
    const words = p.split(" ");
    let anchor = 0;
    words.forEach((w, i) => {
      if (w.length > words[anchor]!.length) anchor = i;
    });
    const list = m.get(words[anchor]!) ?? [];
    list.push({ words, anchor });
    list.sort((a, b) => b.words.length - a.words.length);
    m.set(words[anchor]!, list);
  }
  return m;
}

/** The longest phrase of the list anchored at token i: [first token, length]. */
function phraseAt(
  tokens: Token[],
  i: number,
  s: SentenceSlice,
  list: Phrase[] | undefined,
): [number, number] | undefined {
  if (!list) return undefined;
  for (const p of list) {
    const start = i - p.anchor;
    if (start >= s.t0 && matchPhrase(tokens, start, s.t1, p.words)) return [start, p.words.length];
  }
  return undefined;
}
const PASSIVE_HEDGES = byAnchor(cueData.passiveHedges);
const NON_CONFIRMATION = byAnchor(cueData.nonConfirmation);
const DENIAL_PREDICATES = new Set(cueData.denialPredicates);
const ANONYMITY = byAnchor(cueData.anonymityPhrases);
const HEDGE_PHRASES = byAnchor(cueData.hedgePhrases);
const PHRASE_STARTS = new Set(
  [
    "according",
    ...NON_CONFIRMATION.keys(),
    ...PASSIVE_HEDGES.keys(),
    ...ANONYMITY.keys(),
    ...HEDGE_PHRASES.keys(),
  ].flatMap((k) => [k, k.replace("'", "’")]),
);
const PHRASE_START_MARK = wordClass(PHRASE_STARTS);
const CONCERN_NOUNS = new Set(cueData.concernNouns);
const DOCUMENT_VERBS = new Set(cueData.documentVerbs.forms);
const DOCUMENT_NOUNS = new Set(cueData.documentVerbs.subjects);
const ARTICLE_DETERMINERS = W_articleDeterminers;
const ANAPHORIC = W_anaphoric;
const NP_DROP = W_npDrop;
const AUX = W_aux;
const PASSIVE_AUX = W_passiveAux;
const CLAUSE_STOPS = W_clauseStops;
const NP_INNER_PREPS = W_npInnerPreps;
const NP_INNER_PREP = wordClass(NP_INNER_PREPS);
/** Every word npBefore stops at or weighs (any other word just extends the phrase): most words are passed by one bit. */
const NP_BEFORE_WORD = wordClass(
  new Set([...CLAUSE_STOPS, ...AUX, ...LEX.reportingVerbs.keys(), ...ARTICLE_DETERMINERS, ...NP_DROP, "and", "the"]),
);
const PRONOUNS = LEX.pronouns;
const WEAK_VERBS = W_weakVerbs;

interface FoundCue {
  cue: Cue;
  /** The reporting verb's lemma, for verb cues. */
  lemma: string | undefined;
  /** Token index of the cue's head word. */
  at: number;
  /** The cue asks for a source (reporting verb, according to, by-agent). */
  wantsSource: boolean;
  source: SourceSpan | undefined;
  /** Lower priority when choosing the sentence's source (non-confirmation, noun cues). */
  priority: number;
  /** An attribution that also hedges ("estimated", "estimates"). */
  hedges: boolean;
  /** A claim noun ("reports", "allegations"), and whether a possessor or agent owns it. */
  noun: boolean;
  owned: boolean;
}

/** Every found cue has all its fields from the start: one object shape, so the passes over cues read them fast. */
function foundCue(
  cue: Cue,
  at: number,
  wantsSource: boolean,
  priority: number,
  source?: SourceSpan,
  lemma?: string,
): FoundCue {
  return { cue, lemma, at, wantsSource, source, priority, hedges: false, noun: false, owned: false };
}

interface SourceSpan {
  t0: number;
  t1: number;
  /** Resolved antecedent outside the sentence (pronouns), as text offsets. */
  start: number | undefined;
  end: number | undefined;
  text: string | undefined;
  kind: SourceKind | undefined;
  canonical: string | undefined;
}

/** A source's tokens; every span has all its fields from the start (one object shape). */
function span(t0: number, t1: number, kind?: SourceKind): SourceSpan {
  return { t0, t1, start: undefined, end: undefined, text: undefined, kind, canonical: undefined };
}

/** The tokens of `np` standing for an earlier source (a pronoun, "the allegations"). */
function resolvedTo(
  np: SourceSpan,
  to: ClaimSource | ActorMention,
  kind: SourceKind,
  canonical: string | undefined,
): SourceSpan {
  return { t0: np.t0, t1: np.t1, start: to.start, end: to.end, text: to.text, kind, canonical };
}

export interface ClaimContext {
  text: string;
  tokens: Token[];
  actors: ActorMention[];
  /** Sources of earlier claims, most recent last, for pronoun resolution. */
  history: ClaimSource[];
}

/** A claim's kinds as bits, one per kind in the order they are listed. */
const KIND_ORDER: ClaimKind[] = ["attributed", "hedged", "denial", "anonymous"];
const KIND_BIT: Record<ClaimKind, number> = { attributed: 1, hedged: 2, denial: 4, anonymous: 8 };
/** The (interned) kinds list for each combination of bits, built once instead of per claim. */
const KIND_LISTS: ClaimKind[][] = Array.from({ length: 16 }, (_, bits) =>
  internArray(KIND_ORDER.filter((k) => bits & KIND_BIT[k])),
);

export function findClaim(ctx: ClaimContext, s: SentenceSlice, sentenceIndex: number): Claim | undefined {
  if (s.furniture) return undefined;
  const { tokens } = ctx;
  const cues: FoundCue[] = [];
  collectPhraseCues(ctx, s, cues);
  const phraseCues = cues.length;
  for (let i = s.t0; i < s.t1; i++) {
    const t = tokens[i]!;
    if (t.kind !== TokenKind.Word || !hasMark(t, CUE_MARK)) continue;
    if (phraseCues > 0 && insidePhraseCue(cues, phraseCues, t.start)) continue;
    const found = cueAt(ctx, s, i);
    if (!found) continue;
    cues.push(found);
    // A cue of several words ("baseless rumors") is one cue.
    while (i + 1 < s.t1 && tokens[i + 1]!.start < found.cue.end) i++;
  }
  if (cues.length === 0) return undefined;
  sortByStart(cues);
  for (const c of cues) if (c.wantsSource && !c.source) c.source = findSource(ctx, s, c);
  for (const c of cues) if (c.source && isFirstPerson(ctx, c.source)) c.source = undefined;
  // A reporting verb with no plausible speaker ("the exercises highlight") is not an attribution;
  // nor is the text's own voice ("we assess", "I think").
  // An estimate with no speaker ("it estimates that") still hedges.
  for (const c of cues)
    if (c.wantsSource && !c.source && c.hedges && c.cue.kind === "attributed")
      c.cue = { start: c.cue.start, end: c.cue.end, text: c.cue.text, kind: "hedged", stance: "hedges" };
  // Filtered in place: the found cues are not read again.
  const kept = cues;
  let n = 0;
  for (const c of cues) if (!(c.wantsSource && !c.source && c.cue.kind === "attributed")) kept[n++] = c;
  kept.length = n;
  // An anonymity marker alone ("forwarded from an anonymous source") reports nothing.
  if (kept.length === 0 || kept.every((c) => c.cue.kind === "anonymous")) return undefined;
  // Claim nouns alone report only as the subject, after "there are", or before "that"
  // ("Following reports of shelling, the talks stopped" reports nothing).
  if (
    kept.every((c) => c.cue.kind === "anonymous" || (c.noun === true && !c.owned)) &&
    !kept.some((c) => c.noun && nounReports(ctx, s, c.at))
  )
    return undefined;
  const negated = negatedFactCue(ctx, s, kept);
  if (negated) kept.push(negated);
  let kinds = 0;
  for (const c of kept) {
    if (c.cue.kind === "hedged" || c.cue.kind === "denial") kinds |= KIND_BIT[c.cue.kind];
    if (c.hedges) kinds |= KIND_BIT.hedged;
    if (c.source) kinds |= KIND_BIT.attributed;
    else if (c.cue.kind === "attributed" && !c.wantsSource && !isAnaphoricNoun(ctx, c)) kinds |= KIND_BIT.attributed;
    if (c.cue.kind === "anonymous") kinds |= KIND_BIT.anonymous;
  }
  const main = chooseSource(kept);
  const source = main ? toSource(ctx, main) : null;
  if (source && source.kind === "anonymous") kinds |= KIND_BIT.anonymous;
  if (source) kinds |= KIND_BIT.attributed;
  if (kinds === 0) return undefined;
  return {
    start: s.start,
    end: s.end,
    text: ctx.text.slice(s.start, s.end),
    kinds: KIND_LISTS[kinds]!,
    cues: kept.map((c) => c.cue),
    source,
    stance: stanceOf(kept, main),
    sentence: sentenceIndex,
    date: undefined,
  };
}

/** Stable sort by cue start: insertion sort for the handful of cues of a sentence, too few for a general sort's set-up. */
function sortByStart(cues: FoundCue[]): void {
  if (cues.length > 16) {
    cues.sort((a, b) => a.cue.start - b.cue.start);
    return;
  }
  for (let i = 1; i < cues.length; i++) {
    const c = cues[i]!;
    let j = i - 1;
    while (j >= 0 && cues[j]!.cue.start > c.cue.start) {
      cues[j + 1] = cues[j]!;
      j--;
    }
    cues[j + 1] = c;
  }
}

function isPassivePhrase(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (tokens[k]!.lower === "be" || tokens[k]!.lower === "been") return true;
  return false;
}

/** "not"/"n't"/"never" before the verb, across its auxiliaries and adverbs ("did not immediately respond"). */
function isNegatedVerb(tokens: Token[], i: number, s: SentenceSlice): boolean {
  for (let k = i - 1; k >= Math.max(s.t0, i - 4); k--) {
    const w = straight(tokens[k]!.lower);
    if (w === "not" || w === "never" || (w.endsWith("n't") && w.length > 3)) return true;
    if (!AUX.has(w) && !(w.endsWith("ly") && !tokens[k]!.cap) && w !== "yet") return false;
  }
  return false;
}

/** Whether offset `at` lies inside one of the first `n` cues (the phrase cues, found before the word cues). */
function insidePhraseCue(cues: FoundCue[], n: number, at: number): boolean {
  for (let j = 0; j < n; j++) if (at >= cues[j]!.cue.start && at < cues[j]!.cue.end) return true;
  return false;
}

/**
 * A speaker's negated statement of a past fact denies it: "the ministry said the army has not crossed
 * the border", "no shipment was ever made, officials said". Only in an attributed sentence, and not
 * for "would not", "did not respond" or "do not know" (ignorance is a hedge).
 */
function negatedFactCue(ctx: ClaimContext, s: SentenceSlice, cues: FoundCue[]): FoundCue | undefined {
  if (
    !cues.some(
      (c) => c.source && c.cue.kind === "attributed" && (c.cue.stance === "asserts" || c.cue.stance === "claims"),
    )
  )
    return undefined;
  if (cues.some((c) => c.cue.kind === "denial" || c.cue.stance === "hedges")) return undefined;
  const { tokens } = ctx;
  // The cues come sorted by start: walked with one pointer, the scan stays linear in long sentences.
  const ranges = cues;
  let r = 0;
  let coveredTo = -1;
  for (let i = s.t0; i < s.t1 - 1; i++) {
    const raw = tokens[i]!.lower;
    // Only "no", "not", "never" and "…n't" can open a negated fact: the last letter rejects most words.
    const last = raw.charCodeAt(raw.length - 1);
    if (
      last === 116 /* t */
        ? raw !== "not" && !raw.endsWith("n't") && !raw.endsWith("n’t")
        : raw !== "no" && raw !== "never"
    )
      continue;
    const at = tokens[i]!.start;
    while (r < ranges.length && ranges[r]!.cue.start <= at) coveredTo = Math.max(coveredTo, ranges[r++]!.cue.end);
    if (at < coveredTo) continue;
    if (inSubjectPhrase(cues, i)) continue;
    const w = straight(raw);
    // "did not close", "didn't close", "never arrived".
    const fused = w.endsWith("n't") && w.length > 3;
    if (w === "not" || w === "n't" || w === "never" || fused) {
      const aux = w === "never" || fused ? i : i - 1;
      if (w !== "never" && !W_factAux.has(straight(tokens[aux]!.lower))) continue;
      const verb = nextVerb(tokens, i + 1, s.t1);
      if (verb < 0) continue;
      // After a form of "be" only a passive participle states a fact ("was not made"); "are not credible" judges.
      if (
        PASSIVE_AUX.has(tokens[aux]!.lower) &&
        !endsWithAny(tokens[verb]!.lower, PASSIVE_PARTICIPLE_ENDINGS) &&
        !W_roleAdjectives.has(tokens[verb]!.lower)
      )
        continue;
      return foundCue(makeCue(ctx, aux, verb + 1, "denial", "denies"), aux, false, 2);
    }
    if (w === "no" && !W_negativeIdioms.has(tokens[i + 1]!.lower)) {
      for (let k = i + 1; k < Math.min(s.t1, i + 5); k++) {
        if (tokens[k]!.kind !== TokenKind.Word || CLAUSE_STOPS.has(tokens[k]!.lower)) break;
        if (W_factAux.has(straight(tokens[k]!.lower)) && k > i + 1)
          return foundCue(makeCue(ctx, i, k + 1, "denial", "denies"), i, false, 2);
      }
    }
  }
  return undefined;
}

/**
 * "Two officials, who spoke on condition of anonymity because they were not authorized to
 * discuss it, said …": a negation between a speaker and its reporting verb describes the
 * speaker; it is not the statement reported.
 */
function inSubjectPhrase(cues: FoundCue[], i: number): boolean {
  for (const c of cues) if (c.source && c.source.start === undefined && c.source.t0 <= i && i < c.at) return true;
  return false;
}

/** The participle or verb after a negation, skipping "yet", "ever", "been": -1 when it is no fact verb. */
function nextVerb(tokens: Token[], k: number, end: number): number {
  while (k < end && W_negationFillers.has(tokens[k]!.lower)) k++;
  const t = tokens[k];
  if (!t || k >= end || t.kind !== TokenKind.Word || t.cap) return -1;
  if (
    W_nonDenialVerbs.has(t.lower) ||
    W_knowledgeWords.has(t.lower) ||
    CUE_WORDS.has(t.lower) ||
    ARTICLE_DETERMINERS.has(t.lower) ||
    CLAUSE_STOPS.has(t.lower) ||
    NP_DROP.has(t.lower) ||
    t.lower === "only"
  )
    return -1;
  return k;
}

/** A claim noun that reports: the sentence's subject, after "there is/are", or before "that". */
function nounReports(ctx: ClaimContext, s: SentenceSlice, i: number): boolean {
  const { tokens } = ctx;
  if (tokens[i + 1]?.lower === "that") return true;
  let k = i - 1;
  while (
    k >= s.t0 &&
    tokens[k]!.kind === TokenKind.Word &&
    !tokens[k]!.cap &&
    !CLAUSE_STOPS.has(tokens[k]!.lower) &&
    !hasMark(tokens[k]!, NP_INNER_PREP) &&
    !PASSIVE_AUX.has(tokens[k]!.lower)
  )
    k--;
  if (k < s.t0 || isSentenceStart(tokens, k + 1, s)) return true;
  // "Reports …" capitalized at the start, after an opening quote or a connective.
  if (k === s.t0 && tokens[k]!.cap && k === i) return true;
  const w = tokens[k]!.lower;
  return PASSIVE_AUX.has(w) && W_existentials.has(tokens[k - 1]?.lower ?? "");
}

/** "we assess", "I think": the author or speaker of the text, not a source. */
function isFirstPerson(ctx: ClaimContext, src: SourceSpan): boolean {
  return src.t1 - src.t0 === 1 && src.start === undefined && W_firstPerson.has(ctx.tokens[src.t0]!.lower);
}

/** "verify the claims": a claim noun after "the" that names no source points back, it attributes nothing here. */
function isAnaphoricNoun(ctx: ClaimContext, c: FoundCue): boolean {
  const prev = ctx.tokens[c.at - 1];
  return CLAIM_NOUNS.has(ctx.tokens[c.at]!.lower) && !!prev && ANAPHORIC.has(prev.lower) && prev.cap === false;
}

function makeCue(ctx: ClaimContext, t0: number, t1: number, kind: ClaimKind, stance?: Stance): Cue {
  const start = ctx.tokens[t0]!.start;
  const end = ctx.tokens[t1 - 1]!.end;
  // A one-word cue's text is its token's string, already shared (wordMarks.ts spellingOf).
  // Every cue has a stance key (undefined when it takes none, dropped by JSON): one object shape.
  return {
    start,
    end,
    text: t1 - t0 === 1 ? ctx.tokens[t0]!.text : internString(ctx.text.slice(start, end)),
    kind,
    stance: stance || undefined,
  };
}

function matchPhrase(tokens: Token[], i: number, end: number, phrase: string[]): boolean {
  if (i + phrase.length > end) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = tokens[i + k]!;
    const w = phrase[k]!;
    if (t.lower !== w && !(w.includes("'") && t.lower.replace("’", "'") === w)) return false;
  }
  return true;
}

function collectPhraseCues(ctx: ClaimContext, s: SentenceSlice, out: FoundCue[]): void {
  const { tokens } = ctx;
  for (let i = s.t0; i < s.t1; i++) {
    const t = tokens[i]!;
    if (t.kind !== TokenKind.Word || !hasMark(t, PHRASE_START_MARK)) continue;
    if (t.lower === "according" && tokens[i + 1]?.lower === "to") {
      const np = npAfter(tokens, i + 2, s.t1, false, ctx.actors);
      // "according to plan" is not an attribution: the phrase must name a speaker or a document.
      const speaker = np ? validateSpeaker(ctx, np) : undefined;
      const head = np ? (headOf(tokens, np)?.lower ?? "") : "";
      // Any source but a rule or a plan: "according to official propaganda", "according to the census".
      if (
        !np ||
        !(speaker || DOCUMENT_NOUNS.has(head) || (head && !W_nonSourceNouns.has(head) && !W_nonSpeakers.has(head)))
      ) {
        i++;
        continue;
      }
      const cue: FoundCue = foundCue(
        makeCue(ctx, i, i + 2, "attributed", "asserts"),
        i,
        true,
        0,
        passedOn(ctx, speaker ?? np),
      );
      if (hedgingLemma(tokens[np.t0]!.lower) || hedgingLemma(head)) cue.hedges = true;
      out.push(cue);
      i++;
      continue;
    }
    const key = t.lower.includes("’") ? t.lower.replace("’", "'") : t.lower;
    const nc = phraseAt(tokens, i, s, NON_CONFIRMATION.get(key));
    if (nc) {
      const [p0, len] = nc;
      // "The figures could not be confirmed": in the passive the subject is what went unconfirmed, not who tried.
      const passive = isPassivePhrase(tokens, p0, p0 + len);
      const cue: FoundCue = foundCue(makeCue(ctx, p0, p0 + len, "denial", "cannot-confirm"), p0, !passive, 1);
      const src = passive ? undefined : subjectBefore(ctx, s, p0);
      if (src) cue.source = src;
      replaceOverlapping(out, cue);
      i = p0 + len - 1;
      continue;
    }
    const ph = phraseAt(tokens, i, s, PASSIVE_HEDGES.get(key));
    if (ph && ph[0] > s.t0 && (PASSIVE_AUX.has(tokens[ph[0] - 1]!.lower) || tokens[ph[0] - 1]!.lower === "been")) {
      replaceOverlapping(out, foundCue(makeCue(ctx, ph[0], ph[0] + ph[1], "hedged", "hedges"), ph[0], false, 2));
      i = ph[0] + ph[1] - 1;
      continue;
    }
    const hp = phraseAt(tokens, i, s, HEDGE_PHRASES.get(key));
    if (hp) {
      replaceOverlapping(out, foundCue(makeCue(ctx, hp[0], hp[0] + hp[1], "hedged", "hedges"), hp[0], false, 2));
      i = hp[0] + hp[1] - 1;
      continue;
    }
    const an = phraseAt(tokens, i, s, ANONYMITY.get(key));
    if (an) {
      replaceOverlapping(out, foundCue(makeCue(ctx, an[0], an[0] + an[1], "anonymous"), an[0], false, 2));
      i = an[0] + an[1] - 1;
      continue;
    }
  }
}

/** A phrase found at its anchor replaces shorter phrase cues it covers. */
function replaceOverlapping(out: FoundCue[], cue: FoundCue): void {
  for (let k = out.length - 1; k >= 0; k--)
    if (out[k]!.cue.start >= cue.cue.start && out[k]!.cue.start < cue.cue.end) out.splice(k, 1);
  out.push(cue);
}

function isSentenceStart(tokens: Token[], i: number, s: SentenceSlice): boolean {
  for (let k = i - 1; k >= s.t0; k--) if (tokens[k]!.kind !== TokenKind.Punct) return false;
  return true;
}

/** Every word that can start a single-word cue: one set lookup rejects the other tokens. */
const CUE_WORDS = new Set<string>([
  ...CLAIM_NOUNS.keys(),
  ...LEX.reportingVerbs.keys(),
  ...LEX.hedges,
  ...DENIAL_PREDICATES,
  ...DOCUMENT_VERBS,
  ...W_anonymityMarkers,
  ...W_falsityAttributes,
  ...W_falsityNouns,
  ...W_knowledgeWords,
  ...W_adjectivalHedges,
  ...W_truthWords,
  ...W_flawNouns,
  ...W_ignoranceLeads,
]);

/** The word lists a cue word belongs to, as bits: cueAt asks one map instead of a dozen sets. */
const enum CueClass {
  KnowledgeOrIgnorance = 1,
  ReportingVerb = 2,
  DocumentVerb = 4,
  Truth = 8,
  Flaw = 16,
  Falsity = 32,
  ClaimNoun = 64,
  Hedge = 128,
  AdjectivalHedge = 256,
  Anonymity = 512,
}

const CUE_CLASSES = wordBits([
  [W_knowledgeWords, CueClass.KnowledgeOrIgnorance],
  [W_ignoranceLeads, CueClass.KnowledgeOrIgnorance],
  [LEX.reportingVerbs.keys(), CueClass.ReportingVerb],
  [DOCUMENT_VERBS, CueClass.DocumentVerb],
  [W_truthWords, CueClass.Truth],
  [W_flawNouns, CueClass.Flaw],
  [DENIAL_PREDICATES, CueClass.Falsity],
  [W_falsityAttributes, CueClass.Falsity],
  [W_falsityNouns, CueClass.Falsity],
  [CLAIM_NOUNS.keys(), CueClass.ClaimNoun],
  [LEX.hedges, CueClass.Hedge],
  [W_adjectivalHedges, CueClass.AdjectivalHedge],
  [W_anonymityMarkers, CueClass.Anonymity],
]);

const CUE_MARK = wordClass(CUE_WORDS);

function cueAt(ctx: ClaimContext, s: SentenceSlice, i: number): FoundCue | undefined {
  const { tokens } = ctx;
  const t = tokens[i]!;
  if (t.kind !== TokenKind.Word || !hasMark(t, CUE_MARK)) return undefined;
  const lw = t.lower;
  const prev = tokens[i - 1];
  const capitalizedInside =
    t.cap && !isSentenceStart(tokens, i, s) && !(prev && (prev.text === '"' || prev.text === "“"));
  const c = CUE_CLASSES.get(lw) ?? 0;
  if (c & CueClass.KnowledgeOrIgnorance) {
    const found = ignoranceCue(ctx, s, i);
    if (found || !(c & (CueClass.ReportingVerb | CueClass.DocumentVerb))) return found;
  }
  if (c & CueClass.Truth) return negatedTruthCue(ctx, s, i);
  if (c & CueClass.Flaw) return flawCue(ctx, s, i);
  if (c & CueClass.Falsity) {
    const found = falsityCue(ctx, s, i);
    if (found || !(c & (CueClass.ClaimNoun | CueClass.ReportingVerb | CueClass.Hedge))) return found;
  }
  // Claim nouns: "claims", "allegations", "reports", "denial".
  if (c & CueClass.ClaimNoun && !isVerbUse(tokens, i, s)) {
    if (capitalizedInside) return undefined;
    if (prev && ANAPHORIC.has(prev.lower) && W_anaphoricNouns.has(lw)) return undefined;
    if (W_possessedNouns.has(lw) && !possessorBefore(tokens, i, s)) return undefined;
    const stance = CLAIM_NOUNS.get(lw)!;
    const kind: ClaimKind = stance === "denies" ? "denial" : "attributed";
    const cue: FoundCue = foundCue(makeCue(ctx, i, i + 1, kind, stance), i, false, 3);
    if (hedgingLemma(lw)) cue.hedges = true;
    const owner = nounOwner(ctx, s, i) ?? claimMaker(ctx, s, i) ?? anaphoricOwner(ctx, s, i);
    cue.noun = true;
    cue.owned = !!owner;
    if (owner) cue.source = owner;
    else if (W_bareReportNouns.has(lw) && !(prev && ARTICLE_DETERMINERS.has(prev.lower)))
      cue.source = bareNounSource(tokens, i, s);
    return cue;
  }
  const verb = c & CueClass.ReportingVerb ? LEX.reportingVerbs.get(lw) : undefined;
  if (verb) return verbCue(ctx, s, i, verb.stance, verb.lemma);
  if (c & CueClass.DocumentVerb) {
    const found = asPutIt(ctx, s, i) ?? documentVerbCue(ctx, s, i);
    if (found) return found;
  }
  if (c & CueClass.Hedge) return hedgeCue(ctx, s, i);
  // "a suspected smuggler", "in reported abuses", "are presumed dead": a participle that is no reporting verb.
  if (
    c & CueClass.AdjectivalHedge &&
    ((prev && i - 1 >= s.t0 && (ARTICLE_DETERMINERS.has(prev.lower) || PASSIVE_AUX.has(prev.lower))) ||
      isAttributive(tokens, i, s))
  )
    return foundCue(makeCue(ctx, i, i + 1, "hedged", "hedges"), i, false, 2);
  if (c & CueClass.Anonymity) {
    return foundCue(makeCue(ctx, i, i + 1, "anonymous"), i, false, 4);
  }
  return undefined;
}

/**
 * Calling a claim false: a copula or "called/dismissed as" before the word ("is totally false",
 * "seems absurd", "dismissed as a fabrication"), or the word modifying a claim noun ("false claims").
 */
function falsityCue(ctx: ClaimContext, s: SentenceSlice, i: number): FoundCue | undefined {
  const { tokens } = ctx;
  const lw = tokens[i]!.lower;
  const next = tokens[i + 1];
  const attributive =
    (W_falsityAttributes.has(lw) || DENIAL_PREDICATES.has(lw)) &&
    !!next &&
    i + 1 < s.t1 &&
    W_claimNounsForFalsity.has(next.lower);
  if (attributive) return foundCue(makeCue(ctx, i, i + 1, "denial", "denies"), i, false, 2);
  let k = i - 1;
  while (k >= s.t0 && k >= i - 4 && (W_falsityAdverbs.has(tokens[k]!.lower) || isQuoteMark(tokens[k]!))) k--;
  if (k < s.t0) return undefined;
  const lead = tokens[k]!.lower;
  if (W_copulas.has(lead) || W_falsityCallers.has(lead) || nearCaller(tokens, k, s)) {
    return foundCue(makeCue(ctx, k + 1, i + 1, "denial", "denies"), i, false, 2);
  }
  return undefined;
}

/** "is not true", "was not accurate", "there is no truth to the reports": a claim called untrue. */
function negatedTruthCue(ctx: ClaimContext, s: SentenceSlice, i: number): FoundCue | undefined {
  const { tokens } = ctx;
  const prev = tokens[i - 1];
  if (!prev || i - 1 < s.t0) return undefined;
  const p = straight(prev.lower);
  const lw = tokens[i]!.lower;
  if (lw === "truth" && (p === "no" || p === "any"))
    return foundCue(makeCue(ctx, i - 1, i + 1, "denial", "denies"), i, false, 2);
  const negated = p === "not" ? i - 1 : p.endsWith("n't") && W_copulas.has(p.slice(0, -3)) ? i - 1 : -1;
  if (negated < 0 || lw === "truth") return undefined;
  const copula = p === "not" ? tokens[i - 2] : prev;
  if (!copula || !(W_copulas.has(straight(copula.lower)) || straight(copula.lower).endsWith("n't"))) return undefined;
  return foundCue(makeCue(ctx, p === "not" ? i - 2 : i - 1, i + 1, "denial", "denies"), i, false, 2);
}

/** "the report has inconsistencies", "the count contained errors": a document disputed as flawed. */
function flawCue(ctx: ClaimContext, s: SentenceSlice, i: number): FoundCue | undefined {
  const { tokens } = ctx;
  let k = i - 1;
  while (
    k >= s.t0 &&
    k >= i - 3 &&
    tokens[k]!.kind === TokenKind.Word &&
    !W_flawVerbs.has(tokens[k]!.lower) &&
    !tokens[k]!.cap &&
    !CLAUSE_STOPS.has(tokens[k]!.lower)
  )
    k--;
  if (k < s.t0 || !W_flawVerbs.has(tokens[k]!.lower)) return undefined;
  return foundCue(makeCue(ctx, k, i + 1, "denial", "denies"), i, false, 2);
}

/** "called the report a lie": a caller verb two or three words before the predicate. */
function nearCaller(tokens: Token[], k: number, s: SentenceSlice): boolean {
  for (let j = k; j >= Math.max(s.t0, k - 3); j--) {
    const t = tokens[j]!;
    if (t.kind !== TokenKind.Word) return false;
    if (W_falsityCallers.has(t.lower) && t.lower !== "as") return true;
  }
  return false;
}

/** Curly apostrophes read as straight ones ("don’t" = "don't"). */
function straight(w: string): string {
  return w.includes("’") ? w.replace(/’/g, "'") : w;
}

function isQuoteMark(t: Token): boolean {
  return t.text === '"' || t.text === "“" || t.text === "”" || t.text === "‘" || t.text === "’" || t.text === "'";
}

/**
 * Ignorance hedges a statement: a negated word of knowing ("do not yet know", "no accurate
 * information", "unable to determine", "not clear whether") or "unclear".
 */
function ignoranceCue(ctx: ClaimContext, s: SentenceSlice, i: number): FoundCue | undefined {
  const { tokens } = ctx;
  const lw = tokens[i]!.lower;
  if (W_ignoranceLeads.has(lw)) {
    const prev = tokens[i - 1];
    if (lw === "unclear" || (prev && W_copulas.has(prev.lower)))
      return foundCue(makeCue(ctx, i, i + 1, "hedged", "hedges"), i, false, 2);
    return undefined;
  }
  for (let k = i - 1; k >= Math.max(s.t0, i - 6); k--) {
    const t = tokens[k]!;
    if (t.kind !== TokenKind.Word) return undefined;
    const w = straight(t.lower);
    if (W_ignoranceNegators.has(w) || w.endsWith("n't")) {
      // "a vote of no confidence" is a procedure, not ignorance.
      if (w === "no" && tokens[k - 1]?.lower === "of") return undefined;
      const cue: FoundCue = foundCue(makeCue(ctx, k, i + 1, "hedged", "hedges"), k, false, 1);
      // "Officials do not yet know": the subject who does not know speaks.
      const src = w === "no" ? undefined : subjectBefore(ctx, s, k);
      if (src) cue.source = src;
      return cue;
    }
    if ((CLAUSE_STOPS.has(w) && w !== "of") || (CUE_WORDS.has(w) && !W_truthWords.has(w))) return undefined;
  }
  return undefined;
}

/** The claim noun's lemma: "estimates" -> "estimate". */
function hedgingLemma(lw: string): boolean {
  return W_hedgingReportLemmas.has(lw) || (lw.endsWith("s") && W_hedgingReportLemmas.has(lw.slice(0, -1)));
}

/** A participle used as an adjective: after a preposition, "and", "other" or at the start, before a lower-case noun. */
function isAttributive(tokens: Token[], i: number, s: SentenceSlice): boolean {
  const next = tokens[i + 1];
  if (
    !next ||
    i + 1 >= s.t1 ||
    next.kind !== TokenKind.Word ||
    next.cap ||
    CLAUSE_STOPS.has(next.lower) ||
    ARTICLE_DETERMINERS.has(next.lower) ||
    AUX.has(next.lower)
  )
    return false;
  if (isSentenceStart(tokens, i, s)) return true;
  const prev = tokens[i - 1]!;
  return (
    prev.kind === TokenKind.Word &&
    !prev.cap &&
    (CLAUSE_STOPS.has(prev.lower) ||
      hasMark(prev, NP_INNER_PREP) ||
      NP_DROP.has(prev.lower) ||
      prev.lower === "and" ||
      prev.lower === "or")
  );
}

function possessorBefore(tokens: Token[], i: number, s: SentenceSlice): boolean {
  const prev = tokens[adjectivesBefore(tokens, i, s)];
  return !!prev && i - 1 >= s.t0 && (isPossessive(prev) || W_possessivePronouns.has(prev.lower));
}

/** "Obama's prior statement": the index of the word before up to two lower-case adjectives. */
function adjectivesBefore(tokens: Token[], i: number, s: SentenceSlice): number {
  let k = i - 1;
  while (
    k > s.t0 &&
    i - k <= 2 &&
    tokens[k]!.kind === TokenKind.Word &&
    !tokens[k]!.cap &&
    !isPossessive(tokens[k]!) &&
    !ARTICLE_DETERMINERS.has(tokens[k]!.lower) &&
    !AUX.has(tokens[k]!.lower) &&
    !CLAUSE_STOPS.has(tokens[k]!.lower) &&
    !hasMark(tokens[k]!, NP_INNER_PREP) &&
    !CUE_WORDS.has(tokens[k]!.lower) &&
    isPossessive(tokens[k - 1]!)
  )
    k--;
  return k;
}

/** "reports" used as a verb: "U.S. intelligence reports high casualties". */
function isVerbUse(tokens: Token[], i: number, s: SentenceSlice): boolean {
  const lw = tokens[i]!.lower;
  if (!W_verbNounForms.has(lw)) return false;
  const prev = tokens[i - 1];
  if (!prev || i - 1 < s.t0) return false;
  if (ARTICLE_DETERMINERS.has(prev.lower) || isPossessive(prev)) return false;
  const next = tokens[i + 1];
  if (lw === "warning") return !!next && W_warningFollowers.has(next.lower);
  // An inverted speech tag at the end: "…, the UN refugee agency estimates."
  if (W_invertedTagNouns.has(lw) && (!next || next.text === "." || i + 1 >= s.t1) && LEX.speakerNouns.has(prev.lower))
    return true;
  // "The regime claims the videos…": a subject noun, then the verb and its object's determiner.
  if (
    next &&
    (next.lower === "that" || ARTICLE_DETERMINERS.has(next.lower)) &&
    !next.cap &&
    LEX.speakerNouns.has(prev.lower)
  )
    return true;
  // "the British report": an article before the modifier makes it a noun phrase.
  if (ARTICLE_DETERMINERS.has(tokens[i - 2]?.lower ?? "") && i - 2 >= s.t0) return false;
  if (next && W_nounFollowers.has(next.lower)) return false;
  if (isSentenceStart(tokens, i - 1, s) && !LEX.speakerNouns.has(prev.lower)) return false;
  // A verb follows a subject noun or name and is followed by an object or "that".
  const subjectLike =
    prev.kind === TokenKind.Word && (prev.cap || LEX.speakerNouns.has(prev.lower)) && !W_notSubjects.has(prev.lower);
  return (
    (subjectLike && !!next && next.kind === TokenKind.Word && !W_notObjects.has(next.lower)) ||
    (subjectLike && next?.lower === "that")
  );
}

/** The lemma lists verbCue consults, as bits: a reporting verb's lemma is looked up once, not in a dozen sets. */
const enum LemmaClass {
  Confirmation = 1,
  HasFrame = 2,
  NamedSubject = 4,
  Framed = 8,
  Count = 16,
  Belief = 32,
  Quote = 64,
  Cite = 128,
  Publication = 256,
  PassiveHedge = 512,
  Concern = 1024,
  Weak = 2048,
  HedgingReport = 4096,
}

/** The lemma classes of every word of the lists, so of every reporting verb's lemma (the lemmas are the data's). */
const LEMMA_CLASSES = wordBits([
  [W_confirmationLemmas, LemmaClass.Confirmation],
  [LEX.verbFrames.keys(), LemmaClass.HasFrame],
  [W_namedSubjectVerbs, LemmaClass.NamedSubject],
  [W_framedVerbs, LemmaClass.Framed],
  [W_countVerbs, LemmaClass.Count],
  [W_beliefLemmas, LemmaClass.Belief],
  [W_quoteLemmas, LemmaClass.Quote],
  [W_citeLemmas, LemmaClass.Cite],
  [W_publicationLemmas, LemmaClass.Publication],
  [W_passiveHedgeLemmas, LemmaClass.PassiveHedge],
  [W_concernLemmas, LemmaClass.Concern],
  [WEAK_VERBS, LemmaClass.Weak],
  [W_hedgingReportLemmas, LemmaClass.HedgingReport],
]);

function verbCue(ctx: ClaimContext, s: SentenceSlice, i: number, stance: Stance, lemma: string): FoundCue | undefined {
  const { tokens } = ctx;
  const lc = LEMMA_CLASSES.get(lemma) ?? 0;
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const lw = t.lower;
  if (
    t.cap &&
    !isSentenceStart(tokens, i, s) &&
    !(prev && (prev.text === '"' || prev.text === "“" || prev.text === "”" || prev.text === ","))
  )
    return undefined;
  if (t.cap && tokens[i + 1]?.cap) return undefined; // "State Department"
  // "The ministry did not respond", "he would not say": a negated report reports nothing.
  if (!(lc & LemmaClass.Confirmation) && isNegatedVerb(tokens, i, s)) return undefined;
  // Participles used as adjectives after a determiner: "the alleged use", "the reported involvement".
  if (prev && (ARTICLE_DETERMINERS.has(prev.lower) || isPossessive(prev)) && i - 1 >= s.t0) {
    if (W_adjectivalHedges.has(lw)) return foundCue(makeCue(ctx, i, i + 1, "hedged", "hedges"), i, false, 2);
    return undefined;
  }
  if (lw === "that" || (lemma === "say" && prev?.lower === "that" && next?.text === ",")) return undefined;
  if (
    lc & LemmaClass.HasFrame &&
    !verbFrameOk(tokens, i, lemma, lw) &&
    !(lc & LemmaClass.NamedSubject && namedSubjectBefore(ctx, s, i))
  )
    return undefined;
  if (lemma === "add" && next?.lower === "to") return undefined;
  if (lc & LemmaClass.Framed && !framedVerbOk(ctx, s, i, lemma)) return undefined;
  if (lc & LemmaClass.Count && !figureAfter(tokens, i + 1, s.t1)) return undefined;
  // "thought about the offer", "believes in God": a verb of belief reports only with a clause after it.
  if (lc & LemmaClass.Belief && (!next || next.kind === TokenKind.Punct || W_notClauseAfterBelief.has(next.lower)))
    return undefined;
  // "little serious dispute", "no claim": a quantifier before makes the form a noun.
  if (
    prev &&
    i - 1 >= s.t0 &&
    (W_nounDeterminers.has(prev.lower) ||
      (W_nounDeterminers.has(tokens[i - 2]?.lower ?? "") &&
        !prev.cap &&
        !AUX.has(prev.lower) &&
        !prev.lower.endsWith("ly")))
  )
    return undefined;
  // "open source reporting.", "reporting of CW use": a gerund used as a noun.
  if (
    lw.endsWith("ing") &&
    (!next ||
      i + 1 >= s.t1 ||
      next.kind === TokenKind.Punct ||
      (next.lower === "of" && !!prev && !prev.cap && !actorAt(ctx, prev.start))) &&
    !(prev?.text === ",")
  )
    return undefined;
  if (lemma === "blame" && prev?.lower === "to" && tokens[i - 2]?.lower === "be") return undefined; // "will be to blame"
  // "TASS quoted the defence ministry as saying …": the ministry is the original source.
  if (lc & LemmaClass.Quote) {
    const np = npAfter(tokens, i + 1, s.t1, false, ctx.actors);
    const as = np ? tokens[np.t1] : undefined;
    if (!np || as?.lower !== "as" || tokens[np.t1 + 1]?.lower !== "saying") return undefined;
    return foundCue(makeCue(ctx, i, i + 1, "attributed", "asserts"), i, true, -1, np);
  }
  if (lc & LemmaClass.Cite) {
    // "citing an unnamed officer" names the original source; "cite concerns" names a reason, and the subject speaks.
    const np = npAfter(tokens, i + 1, s.t1, true);
    const speaker =
      np && (validateSpeaker(ctx, np) || DOCUMENT_NOUNS.has(headOf(tokens, np)?.lower ?? "")) ? np : undefined;
    return foundCue(makeCue(ctx, i, i + 1, "attributed", "asserts"), i, true, speaker ? -1 : 0, speaker);
  }
  // "published a report", "released satellite imagery", "were released by analysts": a document is
  // made public; "released three hostages" is not a claim.
  if (lc & LemmaClass.Publication && !(findBy(tokens, i + 1, s.t1) >= 0 || nextNounIsDocument(tokens, i + 1, s.t1)))
    return undefined;
  // Passive: "was reported by Bloomberg", "have been accused of".
  if (endsWithAny(lw, PARTICIPLE_ENDINGS) && isPassive(tokens, i, s)) {
    // "than had been previously reported", "as was reported": a comparison, not a hedge.
    if (comparativeBefore(tokens, i, s)) return undefined;
    const byAt = findBy(tokens, i + 1, s.t1);
    if (byAt >= 0) {
      const np = npAfter(tokens, byAt + 1, s.t1);
      if (np)
        return foundCue(makeCue(ctx, i, i + 1, stance === "denies" ? "denial" : "attributed", stance), i, true, 0, np);
    }
    // An agentless passive hedges only for verbs of saying and believing ("it was reported"), not
    // for "was observed", "was released".
    if (stance !== "denies" && !(lc & LemmaClass.PassiveHedge)) return undefined;
    return foundCue(
      makeCue(ctx, i, i + 1, stance === "denies" ? "denial" : "hedged", stance === "denies" ? "denies" : "hedges"),
      i,
      false,
      2,
    );
  }
  // "of reported violations", "Alleged casualty figures": a participle before a noun hedges it.
  if (W_adjectivalHedges.has(lw) && isAttributive(tokens, i, s))
    return foundCue(makeCue(ctx, i, i + 1, "hedged", "hedges"), i, false, 2);
  // "released by analysts": a participle with a by-agent.
  if (lw.endsWith("ed") && next?.lower === "by") {
    const np = npAfter(tokens, i + 2, s.t1);
    if (np) return foundCue(makeCue(ctx, i, i + 2, "attributed", stance), i, true, 1, np);
  }
  let t1 = i + 1;
  if (lc & LemmaClass.Concern) {
    // "expressed (grave) concerns", "voiced concerns"
    let k = i + 1;
    if (tokens[k] && W_concernIntensifiers.has(tokens[k]!.lower)) k++;
    if (tokens[k] && CONCERN_NOUNS.has(tokens[k]!.lower)) t1 = k + 1;
    else if (lemma !== "indicate") return undefined;
  }
  if (next && LEX.verbFrames.get(lemma)?.after.has(next.lower) && W_framePrepositions.has(next.lower)) t1 = i + 2;
  // "has never acknowledged", "did not confirm": not confirming is a denial-kind cue, not a denial.
  if (lc & LemmaClass.Confirmation && isNegated(tokens, i, s)) {
    const start = negationStart(tokens, i, s);
    return foundCue(makeCue(ctx, start, i + 1, "denial", "cannot-confirm"), i, true, 1);
  }
  const kind: ClaimKind = stance === "denies" ? "denial" : "attributed";
  const cue = foundCue(makeCue(ctx, i, t1, kind, stance), i, true, stance === "denies" ? 1 : 0, undefined, lemma);
  if (stance === "hedges") {
    // "analysts speculate": an attribution that is also a hedge.
    cue.cue.kind = "hedged";
  }
  // Inverted speech tag after a quotation: '..." said Kim' / '...," reads the article'.
  if (
    prev &&
    (prev.text === "”" || prev.text === '"' || prev.text === ",") &&
    (tokens[i - 2]?.text === "”" || tokens[i - 2]?.text === '"' || prev.text !== ",")
  ) {
    const np = npAfter(tokens, i + 1, s.t1);
    if (np) cue.source = np;
  }
  if (lc & LemmaClass.Weak) cue.priority = 0;
  if (lc & LemmaClass.HedgingReport) cue.hedges = true;
  return cue;
}

const NEGATORS = W_negators;
const PARTICIPLE_ENDINGS = ["ed", "en", "wn", "id", "ld", "ught"];
const PASSIVE_PARTICIPLE_ENDINGS = ["ed", "en", "wn"];
const ED_EN = ["ed", "en"];

function endsWithAny(w: string, endings: readonly string[]): boolean {
  for (const e of endings) if (w.endsWith(e)) return true;
  return false;
}

function isNegated(tokens: Token[], i: number, s: SentenceSlice): boolean {
  return negationStart(tokens, i, s) < i;
}

function negationStart(tokens: Token[], i: number, s: SentenceSlice): number {
  for (let k = i - 1; k >= Math.max(s.t0, i - 3); k--) {
    const w = straight(tokens[k]!.lower);
    if (NEGATORS.has(w) || w.endsWith("n't")) return k;
    if (!AUX.has(w) && !w.endsWith("ly")) break;
  }
  return i;
}

/** "as one official put it": the speaker of a quotation passed on inside another report is its source. */
function asPutIt(ctx: ClaimContext, s: SentenceSlice, i: number): FoundCue | undefined {
  const { tokens } = ctx;
  if (!W_putItVerbs.has(tokens[i]!.lower) || tokens[i + 1]?.lower !== "it") return undefined;
  const np = npBefore(ctx, s, i);
  if (!np) return undefined;
  let k = np.t0 - 1;
  while (k >= s.t0 && NP_DROP.has(tokens[k]!.lower)) k--;
  if (k < s.t0 || tokens[k]!.lower !== "as") return undefined;
  const speaker = validateSpeaker(ctx, np);
  if (!speaker) return undefined;
  return foundCue(makeCue(ctx, i, i + 2, "attributed", "asserts"), i, true, -1, speaker);
}

/** "The report found that…", "the survey shows": a finding reported by a document. */
function documentVerbCue(ctx: ClaimContext, s: SentenceSlice, i: number): FoundCue | undefined {
  const { tokens } = ctx;
  const next = tokens[i + 1];
  if (!next || i + 1 >= s.t1 || next.text === "." || next.text === ",") return closingDocumentCue(ctx, s, i);
  if (next.lower !== "that" && next.kind !== TokenKind.Word && next.kind !== TokenKind.Number) return undefined;
  const src = subjectBefore(ctx, s, i) ?? documentSubject(ctx, s, i);
  const head = src ? headOf(tokens, src) : undefined;
  // "The ministry puts the death toll at 300": any speaker who puts a figure at a number reports a count.
  const finding = next.lower === "that" && !!validateSpeaker(ctx, src ?? span(i, i));
  if (
    !src ||
    !head ||
    !(
      DOCUMENT_NOUNS.has(head.lower) ||
      finding ||
      (W_putItVerbs.has(tokens[i]!.lower) && putsAtFigure(tokens, i + 1, s.t1))
    )
  )
    return undefined;
  return foundCue(makeCue(ctx, i, i + 1, "attributed", "asserts"), i, true, 0, src);
}

/** '"…," the statement read.': a document named after the words it reports, with the verb last. */
function closingDocumentCue(ctx: ClaimContext, s: SentenceSlice, i: number): FoundCue | undefined {
  const src = documentSubject(ctx, s, i);
  if (!src) return undefined;
  const k = wordBeforeNp(ctx, s, src);
  const mark = ctx.tokens[k];
  if (k <= s.t0 || !mark || (mark.text !== "," && !isQuoteMark(mark))) return undefined;
  return foundCue(makeCue(ctx, i, i + 1, "attributed", "asserts"), i, true, 0, src);
}

/** "Satellite images show": a document noun right before the verb is its subject, speaker or not. */
function documentSubject(ctx: ClaimContext, s: SentenceSlice, i: number): SourceSpan | undefined {
  const { tokens } = ctx;
  let k = i - 1;
  while (
    k >= s.t0 &&
    tokens[k]!.kind === TokenKind.Word &&
    (AUX.has(tokens[k]!.lower) || tokens[k]!.lower.endsWith("ly"))
  )
    k--;
  if (k < s.t0 || !DOCUMENT_NOUNS.has(tokens[k]!.lower)) return undefined;
  return npBefore(ctx, s, k + 1);
}

function putsAtFigure(tokens: Token[], k: number, end: number): boolean {
  for (let j = k; j < Math.min(end, k + 7); j++) if (tokens[j]!.lower === "at") return figureAfter(tokens, j + 1, end);
  return false;
}

function nextNounIsDocument(tokens: Token[], k: number, end: number): boolean {
  for (let j = k; j < Math.min(end, k + 4); j++)
    if (DOCUMENT_NOUNS.has(tokens[j]!.lower) || W_releasedThings.has(tokens[j]!.lower)) return true;
  return false;
}

/** A number within four words: "recorded about 900 cases", "counted 12 bodies". */
function figureAfter(tokens: Token[], k: number, end: number): boolean {
  for (let j = k; j < Math.min(end, k + 4); j++) {
    const t = tokens[j]!;
    if (t.kind === TokenKind.Number || LEX.numberWords.has(t.lower) || LEX.vagueMagnitudes.has(t.lower)) return true;
    if (t.kind === TokenKind.Punct) return false;
  }
  return false;
}

/** "MINUSTAH notes a need", "The report also questions": a named subject or an adverb before a noun-like verb form. */
function namedSubjectBefore(ctx: ClaimContext, s: SentenceSlice, i: number): boolean {
  const { tokens } = ctx;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || i - 1 < s.t0 || !next || next.kind === TokenKind.Punct || actorAt(ctx, tokens[i]!.start)) return false;
  if (AUX.has(prev.lower) && /ly$|^also$|^still$|^now$/.test(prev.lower)) return true;
  const named = !!actorAt(ctx, prev.start) || /^[A-Z]{2,}$/.test(prev.text) || LEX.speakerNouns.has(prev.lower);
  return named && !isPossessive(prev) && (ARTICLE_DETERMINERS.has(next.lower) || next.kind === TokenKind.Number);
}

/** "EIA projects that", "referred to the camps as", "The agency forecasts": verbs that are also nouns report only in their frame. */
function framedVerbOk(ctx: ClaimContext, s: SentenceSlice, i: number, lemma: string): boolean {
  const { tokens } = ctx;
  const next = tokens[i + 1];
  if (lemma === "refer") {
    if (next?.lower !== "to") return false;
    for (let k = i + 2; k < Math.min(s.t1, i + 10); k++) if (tokens[k]!.lower === "as") return true;
    return false;
  }
  if (next?.lower === "that") return true;
  const prev = tokens[i - 1];
  return !!prev && i - 1 >= s.t0 && !!actorAt(ctx, prev.start) && !!next && next.kind !== TokenKind.Punct;
}

/** A verb that is also a noun reports only in its frame (data/claims.json "verbFrames"). */
function verbFrameOk(tokens: Token[], i: number, lemma: string, lw: string): boolean {
  const frame = LEX.verbFrames.get(lemma);
  if (!frame || frame.any || frame.forms.has(lw)) return true;
  const next = tokens[i + 1];
  if (next && (frame.after.has(next.lower) || frame.after.has(next.text))) return true;
  // "…, calling the vote a farce": a participle after a comma opens its own clause.
  if (frame.quoteWithin > 0 && lw.endsWith("ing") && tokens[i - 1]?.text === ",") return true;
  // "called the decision "reckless"", "called the report a lie": naming something with a quoted or falsity word.
  for (let k = i + 1; k < Math.min(tokens.length, i + 1 + frame.quoteWithin); k++)
    if (isQuoteMark(tokens[k]!) || W_falsityNouns.has(tokens[k]!.lower) || W_falsityAttributes.has(tokens[k]!.lower))
      return true;
  return false;
}

function isPassive(tokens: Token[], i: number, s: SentenceSlice): boolean {
  for (let k = i - 1; k >= Math.max(s.t0, i - 3); k--) {
    const w = tokens[k]!.lower;
    if (PASSIVE_AUX.has(w)) return true;
    if (!w.endsWith("ly") && !W_passiveAdverbs.has(w)) return false;
  }
  return false;
}

function comparativeBefore(tokens: Token[], i: number, s: SentenceSlice): boolean {
  for (let k = i - 1; k >= Math.max(s.t0, i - 4); k--) {
    const w = tokens[k]!.lower;
    if (W_comparativeWords.has(w)) return true;
    if (!PASSIVE_AUX.has(w) && !AUX.has(w) && !w.endsWith("ly")) return false;
  }
  return false;
}

function findBy(tokens: Token[], i: number, end: number): number {
  // "claimed, including by the regime, that …"
  if (tokens[i]?.text === "," && W_agentLeads.has(tokens[i + 1]?.lower ?? "") && tokens[i + 2]?.lower === "by")
    return i + 2;
  for (let k = i; k < Math.min(end, i + 4); k++) {
    if (tokens[k]!.lower === "by") return k;
    if (tokens[k]!.kind === TokenKind.Punct && tokens[k]!.text !== "-") return -1;
  }
  return -1;
}

function hedgeCue(ctx: ClaimContext, s: SentenceSlice, i: number): FoundCue | undefined {
  const { tokens } = ctx;
  const t = tokens[i]!;
  const lw = t.lower;
  const next = tokens[i + 1];
  if (lw === "may" && t.cap && !isSentenceStart(tokens, i, s)) return undefined; // the month
  if (lw === "may" && (next?.kind === TokenKind.Number || LEX.months.has(tokens[i - 1]?.lower ?? ""))) return undefined;
  // "If I may, …": a modal with no verb after it hedges nothing.
  if (W_modalHedges.has(lw) && (!next || i + 1 >= s.t1 || next.kind === TokenKind.Punct)) return undefined;
  if (lw === "could" || lw === "might") {
    // "could not" + verb of a past fact ("rescuers could not reach"); non-confirmation is a phrase cue.
    if (next?.lower === "not" || next?.lower === "n't") return undefined;
  }
  if (W_seemVerbs.has(lw) && (!next || W_appearancePreps.has(next.lower))) return undefined;
  // "the highest possible level", "as soon as possible": a superlative, not a hedge.
  if (
    (lw === "possible" || lw === "possibly") &&
    (W_superlativeMarkers.has(tokens[i - 1]?.lower ?? "") ||
      (tokens[i - 1]?.lower ?? "").endsWith("est") ||
      (tokens[i - 2]?.lower === "as" && next?.kind !== TokenKind.Word))
  )
    return undefined;
  if (lw.startsWith("suggest")) {
    const cue: FoundCue = foundCue(makeCue(ctx, i, i + 1, "hedged", "hedges"), i, true, 0);
    const src = subjectBefore(ctx, s, i);
    if (src) cue.source = src;
    else cue.wantsSource = false;
    return cue;
  }
  return foundCue(makeCue(ctx, i, i + 1, "hedged", "hedges"), i, false, 2);
}

/** The possessor or modifier of a claim noun: "South Korea's claims", "Kremlin denial", "claims ... by X". */
/** "X made some startling assertions", "X repeated the allegations": the subject of a verb of making claims owns them. */
function claimMaker(ctx: ClaimContext, s: SentenceSlice, i: number): SourceSpan | undefined {
  const { tokens } = ctx;
  for (let k = i - 1; k >= Math.max(s.t0, i - 4); k--) {
    const w = tokens[k]!.lower;
    if (W_claimMakingVerbs.has(w)) {
      const src = subjectBefore(ctx, s, k);
      return src && !isFirstPerson(ctx, src) ? src : undefined;
    }
    if (tokens[k]!.kind !== TokenKind.Word || tokens[k]!.cap || CLAUSE_STOPS.has(w)) return undefined;
  }
  return undefined;
}

/** "The allegations suggest…" at the start of a sentence: the claims just reported, by their speaker. */
function anaphoricOwner(ctx: ClaimContext, s: SentenceSlice, i: number): SourceSpan | undefined {
  const { tokens } = ctx;
  const prev = tokens[i - 1];
  if (
    !prev ||
    i - 1 !== s.t0 ||
    !W_anaphoric.has(prev.lower) ||
    (prev.lower === "the" && !W_anaphoricClaimNouns.has(tokens[i]!.lower))
  )
    return undefined;
  const last = ctx.history[ctx.history.length - 1];
  if (!last || last.kind === "anonymous" || last.start >= tokens[i]!.start) return undefined;
  return resolvedTo(span(i - 1, i + 1), last, last.kind, last.canonical || undefined);
}

function nounOwner(ctx: ClaimContext, s: SentenceSlice, i: number): SourceSpan | undefined {
  const { tokens } = ctx;
  const p = adjectivesBefore(tokens, i, s);
  if (p >= s.t0 && isPossessive(tokens[p]!)) {
    const np = npBefore(ctx, s, p);
    if (np) return np;
  }
  const prev = tokens[i - 1];
  // "Ukrainian military intelligence raised its estimate": the possessive pronoun points to the subject.
  if (prev && W_possessivePronouns.has(prev.lower) && i - 2 >= s.t0) {
    const np = subjectBefore(ctx, s, i - 2);
    if (np) return np;
  }
  if (
    (prev && prev.cap && i - 1 >= s.t0 && !isSentenceStart(tokens, i - 1, s)) ||
    (prev && prev.cap && actorAt(ctx, prev.start))
  ) {
    const np = npBefore(ctx, s, i);
    if (np && actorIn(ctx, np)) return np;
  }
  // "claims were made by North Korean authorities", "a report by broadcaster TV Chosun"
  const byAt =
    findBy(tokens, i + 1, s.t1) >= 0
      ? findBy(tokens, i + 1, s.t1)
      : tokens[i + 1]?.lower === "were" || tokens[i + 1]?.lower === "was"
        ? findBy(tokens, i + 3, s.t1)
        : -1;
  if (byAt >= 0) return npAfter(tokens, byAt + 1, s.t1);
  const next = tokens[i + 1];
  if (next && next.lower === "from" && i + 2 < s.t1) {
    const np = npAfter(tokens, i + 2, s.t1);
    if (np) return np;
  }
  return undefined;
}

/** "recent reports detail…", "Reports indicate…": the noun itself names a (generic) source. */
function bareNounSource(tokens: Token[], i: number, s: SentenceSlice): SourceSpan {
  let t0 = i;
  while (
    t0 - 1 >= s.t0 &&
    tokens[t0 - 1]!.kind === TokenKind.Word &&
    !tokens[t0 - 1]!.cap &&
    W_reportModifiers.has(tokens[t0 - 1]!.lower)
  )
    t0--;
  return span(t0, i + 1, "anonymous");
}

function actorAt(ctx: ClaimContext, offset: number): ActorMention | undefined {
  return covering(ctx.actors, offset);
}

function actorIn(ctx: ClaimContext, np: SourceSpan): ActorMention | undefined {
  const start = ctx.tokens[np.t0]!.start;
  const end = ctx.tokens[np.t1 - 1]!.end;
  // The first person inside, else the first organization, else the first actor (no list of them made).
  const { actors } = ctx;
  let organization: ActorMention | undefined;
  let first: ActorMention | undefined;
  for (let i = lowerBound(actors, start); i < actors.length && actors[i]!.start < end; i++) {
    const a = actors[i]!;
    if (a.end > end) continue;
    if (a.kind === "person") return a;
    if (!organization && a.kind === "organization") organization = a;
    if (!first) first = a;
  }
  return organization ?? first;
}

function findSource(ctx: ClaimContext, s: SentenceSlice, c: FoundCue): SourceSpan | undefined {
  const i = c.at;
  const speech = !!c.lemma && W_speechLemmas.has(c.lemma);
  const direct = subjectBefore(ctx, s, i) ?? withAbsolute(ctx, s, i);
  if (direct) return direct;
  // "The agency over the weekend announced": the subject stands before the prepositional phrase.
  const p = prepositionBefore(ctx, s, i);
  if (p !== undefined) {
    // Inside a second phrase ("the exercises between the US and Pakistan in the sea highlight") the subject is out of reach.
    if (prepositionBefore(ctx, s, p, ANY_PREPOSITION) !== undefined) return undefined;
    return subjectBefore(ctx, s, p) ?? (speech ? commonNounSubject(ctx, s, p) : undefined);
  }
  return speech ? commonNounSubject(ctx, s, i) : undefined;
}

const ANY_PREPOSITION: ReadonlySet<string> = new Set([
  ...W_adjunctPrepositions,
  ...NP_INNER_PREPS,
  "between",
  "against",
  "with",
  "by",
  "about",
  "to",
]);

/** Index of the preposition when the words before the verb at i are a prepositional phrase ("over the weekend", "in the city hall"). */
function prepositionBefore(
  ctx: ClaimContext,
  s: SentenceSlice,
  i: number,
  preps: ReadonlySet<string> = W_adjunctPrepositions,
): number | undefined {
  const { tokens } = ctx;
  let k = i - 1;
  while (
    k >= s.t0 &&
    tokens[k]!.kind === TokenKind.Word &&
    (AUX.has(tokens[k]!.lower) || W_timeAdverbs.has(tokens[k]!.lower))
  )
    k--;
  if (k < s.t0 || tokens[k]!.kind !== TokenKind.Word) return undefined;
  const np = npBefore(ctx, s, k + 1);
  if (!np) return undefined;
  const j = wordBeforeNp(ctx, s, np);
  return j > s.t0 && preps.has(tokens[j]!.lower) ? j : undefined;
}

/** "The coroner said": a verb of speech makes any common noun before it its speaker. */
function commonNounSubject(ctx: ClaimContext, s: SentenceSlice, i: number): SourceSpan | undefined {
  const { tokens } = ctx;
  let k = i - 1;
  while (
    k >= s.t0 &&
    tokens[k]!.kind === TokenKind.Word &&
    (AUX.has(tokens[k]!.lower) || W_timeAdverbs.has(tokens[k]!.lower) || tokens[k]!.lower.endsWith("ly"))
  ) {
    // "absurd to say": an infinitive has no subject of its own.
    if (tokens[k]!.lower === "to") return undefined;
    k--;
  }
  if (k < s.t0 || tokens[k]!.kind !== TokenKind.Word) return undefined;
  const np = npBefore(ctx, s, k + 1);
  const head = np ? headOf(tokens, np) : undefined;
  if (
    !np ||
    !head ||
    W_nonSpeakers.has(head.lower) ||
    CUE_WORDS.has(head.lower) ||
    PRONOUNS.has(head.lower) ||
    LEX.months.has(head.lower) ||
    LEX.weekdays.has(head.lower)
  )
    return undefined;
  // A noun phrase opened by a determiner or a plural noun: "the coroner", "farmers" (not "investigate previous").
  const opener = tokens[np.t0 - 1];
  const determined =
    (!!opener &&
      np.t0 - 1 >= s.t0 &&
      (ARTICLE_DETERMINERS.has(opener.lower) || NP_DROP.has(opener.lower) || isPossessive(opener))) ||
    isPluralNoun(head);
  return determined ? np : undefined;
}

/** "with NATO and the U.S. warning that…": the NP between "with" and the participle. */
function withAbsolute(ctx: ClaimContext, s: SentenceSlice, i: number): SourceSpan | undefined {
  const { tokens } = ctx;
  for (let k = i - 1; k >= Math.max(s.t0, i - 10); k--) {
    if (tokens[k]!.lower === "with") {
      const np = npAfter(tokens, k + 1, i);
      return np && np.t1 === i ? np : undefined;
    }
  }
  return undefined;
}

/** The subject of the verb at i: skip auxiliaries and adverbs, then read the noun phrase leftwards. */
function subjectBefore(ctx: ClaimContext, s: SentenceSlice, i: number): SourceSpan | undefined {
  const { tokens } = ctx;
  // A participle after a comma ("…, suggesting that") has no subject of its own.
  if (tokens[i]!.lower.endsWith("ing") && tokens[i - 1]?.text === ",") return undefined;
  let k = i - 1;
  while (
    k >= s.t0 &&
    tokens[k]!.kind === TokenKind.Word &&
    (AUX.has(tokens[k]!.lower) ||
      W_timeAdverbs.has(tokens[k]!.lower) ||
      (tokens[k]!.lower.endsWith("ly") && !tokens[k]!.cap && !LEX.speakerNouns.has(tokens[k]!.lower)))
  )
    k--;
  // "the Government of Haiti (GoH) reported": an abbreviation in brackets repeats the name before it.
  if (k >= s.t0 + 3 && tokens[k]!.text === ")" && tokens[k - 2]!.text === "(") k -= 3;
  if (k < s.t0) return undefined;
  // "led Ukrainian President Volodymyr Zelenskyy to declare": the object of "led" is the speaker.
  // Apposition: "Dorothy Camille Shea, deputy U.S. representative to the UN, stated".
  if (tokens[k]!.text === ",") {
    const appo = appositionSource(ctx, s, k);
    if (appo) return appo;
    return undefined;
  }
  const np = reducedRelative(ctx, s, k) ?? npBefore(ctx, s, k + 1);
  if (!np) return undefined;
  if (!s.headline && isBareSingularCountNoun(ctx, s, np)) return undefined;
  const whole = participleAgent(ctx, s, np) ?? np;
  // "March organizers in New York claimed": the object of a preposition is not the subject;
  // nor is it in "sources close to the president", "a person familiar with the inquiry".
  if (whole === np && (isPrepositionalObject(ctx, s, np) || followsPostModifier(ctx, s, np)))
    return postModifiedSpeaker(ctx, s, whole);
  return validateSpeaker(ctx, whole) ?? postModifiedSpeaker(ctx, s, whole);
}

/** "close to", "familiar with" right before the noun phrase (its determiners skipped). */
function followsPostModifier(ctx: ClaimContext, s: SentenceSlice, np: SourceSpan): boolean {
  const j = wordBeforeNp(ctx, s, np);
  return j - 1 > s.t0 && W_postModifierPreps.has(ctx.tokens[j]!.lower) && POST_MODIFIERS.has(ctx.tokens[j - 1]!.lower);
}

function isPrepositionalObject(ctx: ClaimContext, s: SentenceSlice, np: SourceSpan): boolean {
  const j = wordBeforeNp(ctx, s, np);
  return j > s.t0 && W_adjunctPrepositions.has(ctx.tokens[j]!.lower);
}

/** The word before a noun phrase and its articles ("in [the] city hall" -> "in"); below s.t0 when none. */
function wordBeforeNp(ctx: ClaimContext, s: SentenceSlice, np: SourceSpan): number {
  let j = np.t0 - 1;
  while (j >= s.t0 && ARTICLE_DETERMINERS.has(ctx.tokens[j]!.lower)) j--;
  return j;
}

/**
 * "Official confirmed deaths stood at 1,774": in running text a singular count noun needs a
 * determiner, so a lone "Official" is an adjective, not a speaker (headlines drop articles).
 */
function isBareSingularCountNoun(ctx: ClaimContext, s: SentenceSlice, np: SourceSpan): boolean {
  if (np.t1 - np.t0 !== 1) return false;
  const t = ctx.tokens[np.t0]!;
  if (t.kind !== TokenKind.Word || !LEX.speakerNouns.has(t.lower)) return false;
  const countable = LEX.speakerNouns.has(`${t.lower}s`) || /(man|woman|person)$/.test(t.lower);
  // Bare: nothing before it in its clause but the sentence start, a punctuation mark or a conjunction.
  const before = np.t0 > s.t0 ? ctx.tokens[np.t0 - 1] : undefined;
  return (
    countable &&
    (!before ||
      (before.kind === TokenKind.Punct && !isPossessive(before)) ||
      before.lower === "and" ||
      before.lower === "but")
  );
}

const POST_MODIFIERS = W_postModifiers;

/** "A study published last week suggests": the noun before a participle and its time phrase is the subject. */
function reducedRelative(ctx: ClaimContext, s: SentenceSlice, k: number): SourceSpan | undefined {
  const { tokens } = ctx;
  let j = k;
  while (j >= s.t0 && j > k - 3 && tokens[j]!.kind !== TokenKind.Punct && !W_relativeTimeWords.has(tokens[j]!.lower))
    j--;
  if (j <= s.t0 || !W_relativeTimeWords.has(tokens[j]!.lower) || !endsWithAny(tokens[j - 1]!.lower, ED_EN))
    return undefined;
  const np = npBefore(ctx, s, j - 1);
  return np && DOCUMENT_NOUNS.has(headOf(tokens, np)?.lower ?? "") ? np : undefined;
}

/** "A draft report commissioned by the government says": the agent phrase belongs to the noun before the participle. */
function participleAgent(ctx: ClaimContext, s: SentenceSlice, np: SourceSpan): SourceSpan | undefined {
  const { tokens } = ctx;
  let k = np.t0 - 1;
  if (k >= s.t0 && ARTICLE_DETERMINERS.has(tokens[k]!.lower)) k--;
  if (k - 2 < s.t0 || tokens[k]!.lower !== "by" || !tokens[k - 1]!.lower.endsWith("ed")) return undefined;
  // "imagery released by analysts": the author of a document is its source.
  if (W_authorshipParticiples.has(tokens[k - 1]!.lower)) return undefined;
  const head = npBefore(ctx, s, k - 1);
  if (!head || !DOCUMENT_NOUNS.has(headOf(tokens, head)?.lower ?? "")) return undefined;
  return span(head.t0, np.t1);
}

/** "Sources close to the negotiations said", "people familiar with the matter say". */
function postModifiedSpeaker(ctx: ClaimContext, s: SentenceSlice, np: SourceSpan): SourceSpan | undefined {
  const { tokens } = ctx;
  let k = wordBeforeNp(ctx, s, np);
  if (k < s.t0 || !W_postModifierPreps.has(tokens[k]!.lower)) return undefined;
  k--;
  const adjective = k >= s.t0 && POST_MODIFIERS.has(tokens[k]!.lower);
  if (adjective) k--;
  if (k < s.t0) return undefined;
  const head = npBefore(ctx, s, k + 1);
  if (!head) return undefined;
  // "The ministry on Wednesday": a time after the preposition is when, not who.
  if (isTimeWord(lastWord(tokens, np.t0, np.t1))) return undefined;
  // Without "close to"/"familiar with", only a generic speaker noun takes a post-modifier ("officials in Kyiv").
  if (!adjective && !LEX.speakerNouns.has(headOf(tokens, head)?.lower ?? "")) return undefined;
  const ok = validateSpeaker(ctx, head);
  return ok ? span(ok.t0, np.t1) : undefined;
}

function appositionSource(ctx: ClaimContext, s: SentenceSlice, comma: number): SourceSpan | undefined {
  const { tokens } = ctx;
  for (let k = comma - 1; k >= Math.max(s.t0, comma - 16); k--) {
    if (tokens[k]!.text !== ",") continue;
    const before = npBefore(ctx, s, k);
    const inner = npAfter(tokens, k + 1, comma);
    const person =
      before && actorIn(ctx, before)?.kind === "person"
        ? before
        : inner && actorIn(ctx, inner)?.kind === "person"
          ? inner
          : undefined;
    if (person) return validateSpeaker(ctx, narrowToActor(ctx, person));
    if (before) return validateSpeaker(ctx, before);
    return undefined;
  }
  return undefined;
}

function narrowToActor(ctx: ClaimContext, np: SourceSpan): SourceSpan {
  const a = actorIn(ctx, np);
  if (!a || a.kind !== "person") return np;
  const t0 = tokenContaining(ctx.tokens, a.start);
  const t1 = tokenContaining(ctx.tokens, a.end - 1) + 1;
  return span(t0, t1);
}

/** A noun phrase ending right before token `end`, read leftwards. */
function npBefore(ctx: ClaimContext, s: SentenceSlice, end: number): SourceSpan | undefined {
  const { tokens, actors } = ctx;
  let k = end - 1;
  let t0 = end;
  // The last actor starting at or before token k (covering(), walked back with k instead of searched for each token).
  let a = k >= s.t0 ? lowerBound(actors, tokens[k]!.start + 1) - 1 : -1;
  while (k >= s.t0) {
    const t = tokens[k]!;
    // Inside a named actor, take the whole name ("the Institute for the Study of War").
    while (a >= 0 && actors[a]!.start > t.start) a--;
    const named = a >= 0 && t.start < actors[a]!.end ? actors[a]! : undefined;
    if (named && named.start < t.start) {
      while (k > s.t0 && tokens[k]!.start > named.start) k--;
      t0 = k;
      k--;
      continue;
    }
    if (t.kind === TokenKind.Word) {
      if ((t.marks & (NP_BEFORE_WORD | NP_INNER_PREP)) === 0) {
        t0 = k;
        k--;
        continue;
      }
      if (CLAUSE_STOPS.has(t.lower) && !(hasMark(t, NP_INNER_PREP) && innerPrepOk(tokens, k, s))) break;
      if (hasMark(t, NP_INNER_PREP) && !innerPrepOk(tokens, k, s)) break;
      if (
        t.lower === "and" &&
        !(
          tokens[k - 1] &&
          (tokens[k - 1]!.cap ||
            tokens[k - 1]!.text.endsWith(".") ||
            (k - 1 >= s.t0 &&
              (LEX.speakerNouns.has(tokens[k - 1]!.lower) || W_anonymousHeads.has(tokens[k - 1]!.lower))))
        )
      )
        break;
      if (AUX.has(t.lower) && t.lower !== "first") break;
      if (LEX.reportingVerbs.has(t.lower) && !t.cap && !LEX.speakerNouns.has(t.lower)) break;
      t0 = k;
      // "South Korea and the United States": an article after "and" does not end the phrase.
      // "the Census Bureau of the Department of Commerce": "X of the Y" is one name.
      const ofName = t.lower === "the" && tokens[k - 1]?.lower === "of" && k - 2 >= s.t0 && tokens[k - 2]!.cap;
      if (
        (ARTICLE_DETERMINERS.has(t.lower) || NP_DROP.has(t.lower)) &&
        !(tokens[k - 1]?.lower === "and" && k - 1 > s.t0) &&
        !ofName
      )
        break;
      k--;
      continue;
    }
    if (
      isPossessive(t) ||
      (t.text === "-" && t.joined && tokens[k + 1]?.joined) ||
      (t.text === "." && t.joined && tokens[k - 1]?.kind === TokenKind.Word) ||
      t.text === "’" ||
      t.text === "'"
    ) {
      t0 = k;
      k--;
      continue;
    }
    if (t.kind === TokenKind.Number && tokens[k + 1]?.joined) {
      t0 = k;
      k--;
      continue;
    }
    break;
  }
  if (t0 >= end) return undefined;
  while (
    t0 < end &&
    (NP_DROP.has(tokens[t0]!.lower) ||
      hasMark(tokens[t0]!, NP_INNER_PREP) ||
      tokens[t0]!.lower === "and" ||
      isPossessive(tokens[t0]))
  )
    t0++;
  if (t0 >= end) return undefined;
  // A leading "But"/"And" at the sentence start is not part of the name.
  if (t0 === s.t0 && W_sentenceConnectives.has(tokens[t0]!.lower)) t0++;
  if (t0 >= end) return undefined;
  return span(t0, end);
}

/** "Officials from South Korea", "adviser to Ukrainian President X", "Shreyas Reddy of NK News". */
function innerPrepOk(tokens: Token[], k: number, s: SentenceSlice): boolean {
  const before = tokens[k - 1];
  if (!before || k - 1 < s.t0) return false;
  const prep = tokens[k]!.lower;
  if (prep === "of") return before.cap || LEX.speakerNouns.has(before.lower) || LEX.titles.has(before.lower);
  if (prep === "to") return W_toHeads.has(before.lower);
  if (prep === "from" || prep === "at" || prep === "in")
    return LEX.speakerNouns.has(before.lower) || LEX.titles.has(before.lower) || LEX.orgHeadWords.has(before.text);
  return false;
}

/** A noun phrase starting at token i (after "according to", "by", "citing"). */
function npAfter(
  tokens: Token[],
  i: number,
  end: number,
  ownerOfClaim = false,
  actors?: ActorMention[],
): SourceSpan | undefined {
  let k = i;
  while (k < end && (NP_DROP.has(tokens[k]!.lower) || tokens[k]!.lower === "the")) k++;
  const t0 = k;
  // A named organization runs over its inner "for"/"and" ("Institute for Science and International Security").
  const hit = actors && tokens[t0] ? covering(actors, tokens[t0]!.start) : undefined;
  const named = hit && hit.start === tokens[t0]!.start ? hit : undefined;
  if (named) while (k < end && tokens[k]!.end <= named.end) k++;
  let lastPoss = -1;
  while (k < end) {
    const t = tokens[k]!;
    // The possessive ending is a word token: test it first.
    if (isPossessive(t)) {
      lastPoss = k;
      k++;
      continue;
    }
    if (t.kind === TokenKind.Word) {
      if (
        t.lower === "by" &&
        k > t0 &&
        (tokens[k - 1]!.lower.endsWith("ed") || DOCUMENT_NOUNS.has(tokens[k - 1]!.lower))
      ) {
        k++;
        continue;
      }
      if (CLAUSE_STOPS.has(t.lower) && t.lower !== "of") break;
      if (t.lower === "of" && !tokens[k + 1]?.cap) break;
      if (AUX.has(t.lower) || (LEX.reportingVerbs.has(t.lower) && !LEX.speakerNouns.has(t.lower) && k > t0)) break;
      if (t.lower === "and" && !tokens[k + 1]?.cap) break;
      if (LEX.months.has(t.lower) && t.cap) break;
      if (t.lower.endsWith("ly") && !t.cap && k > t0) break;
      k++;
      continue;
    }
    if (isPossessive(t)) {
      lastPoss = k;
      k++;
      continue;
    }
    if (
      t.joined &&
      (t.text === "-" || (t.text === "." && LEX.abbreviations.has(tokens[k - 1]?.lower ?? "") && tokens[k + 1]?.cap))
    ) {
      k++;
      continue;
    }
    break;
  }
  if (k <= t0) return undefined;
  // "an anonymous ROK government official's claim": the source is the possessor.
  if (ownerOfClaim && lastPoss > t0 && CLAIM_NOUNS.has(tokens[lastPoss + 1]?.lower ?? "")) return span(t0, lastPoss);
  let t1 = k;
  // Drop a trailing possessive and what follows it ("the media, citing …" handled by the cite cue).
  if (lastPoss > t0 && lastPoss === t1 - 1) t1 = lastPoss;
  return span(t0, t1);
}

/** The source must be a plausible speaker: an actor, a speaker noun or a pronoun. */
function validateSpeaker(ctx: ClaimContext, np: SourceSpan): SourceSpan | undefined {
  const { tokens } = ctx;
  const head = headOf(tokens, np);
  if (!head) return undefined;
  // "We assess", "I believe": the author speaks; other pronouns point back to a named speaker.
  if (W_firstPerson.has(head.lower) && np.t1 - np.t0 === 1) return np;
  if (PRONOUNS.has(head.lower)) return np.t1 - np.t0 === 1 ? resolvePronoun(ctx, np, head.lower) : undefined;
  if (W_nonSpeakers.has(head.lower) || LEX.weekdays.has(head.lower) || LEX.months.has(head.lower)) return undefined;
  if (actorAt(ctx, head.start)) return np;
  if (LEX.speakerNouns.has(head.lower) || LEX.titles.has(head.lower) || W_anonymousHeads.has(head.lower)) return np;
  // An unknown capitalized name: no article before it, not a place.
  const first = tokens[np.t0]!;
  if (
    head.cap &&
    !ARTICLE_DETERMINERS.has(first.lower) &&
    !LEX.placeHeads.has(head.text) &&
    !LEX.orgHeadWords.has(head.text)
  )
    return np;
  return undefined;
}

function headOf(tokens: Token[], np: SourceSpan): Token | undefined {
  // The head is the last word before an inner preposition ("officials from X" -> officials,
  // "sources close to X" -> sources).
  for (let k = np.t0; k < np.t1; k++) {
    const t = tokens[k]!;
    if (t.lower === "by" && k - 1 > np.t0 && tokens[k - 1]!.lower.endsWith("ed")) return lastWord(tokens, np.t0, k - 1);
    if ((hasMark(t, NP_INNER_PREP) || t.lower === "with" || t.lower === "on") && k > np.t0) {
      const end = POST_MODIFIERS.has(tokens[k - 1]!.lower) && k - 1 > np.t0 ? k - 1 : k;
      return lastWord(tokens, np.t0, end);
    }
  }
  return lastWord(tokens, np.t0, np.t1);
}

function isTimeWord(t: Token | undefined): boolean {
  return (
    t !== undefined &&
    (LEX.weekdays.has(t.lower) ||
      LEX.months.has(t.lower) ||
      LEX.timeUnits.has(t.lower) ||
      W_timeAdverbs.has(t.lower) ||
      t.kind === TokenKind.Number)
  );
}

function lastWord(tokens: Token[], a: number, b: number): Token | undefined {
  for (let k = b - 1; k >= a; k--) if (tokens[k]!.kind === TokenKind.Word) return tokens[k];
  return undefined;
}

function resolvePronoun(ctx: ClaimContext, np: SourceSpan, pronoun: string): SourceSpan | undefined {
  const want = PRONOUNS.get(pronoun);
  for (let h = ctx.history.length - 1; h >= 0; h--) {
    const prev = ctx.history[h]!;
    if (want === "person" && prev.kind === "person")
      return resolvedTo(np, prev, prev.kind, prev.canonical || np.canonical);
    if (want === "plural" && (prev.kind === "anonymous" || /\band\b|s$/.test(prev.text)))
      return resolvedTo(np, prev, prev.kind, prev.canonical || np.canonical);
    if (want === "thing" && (prev.kind === "organization" || prev.kind === "outlet" || prev.kind === "government"))
      return resolvedTo(np, prev, prev.kind, prev.canonical || np.canonical);
  }
  // An "it" with no organization before it is the expletive ("It was not possible to verify…").
  if (want === "thing") return undefined;
  if (want === "person") {
    // The last person named before this sentence.
    const start = ctx.tokens[np.t0]!.start;
    const last = lastBefore(ctx.actors, start, (a) => a.kind === "person");
    if (last) return resolvedTo(np, last, "person", last.canonical);
  }
  return np;
}

/** The first cue with a source among those of the lowest priority. */
function chooseSource(cues: FoundCue[]): FoundCue | undefined {
  // "X cited Y, but Z rejected the figures": a denial is said by whoever denies.
  const denier = cues.find((c) => c.source && c.cue.stance === "denies" && !c.noun);
  if (denier) return denier;
  let best: FoundCue | undefined;
  for (const c of cues) if (c.source && (!best || c.priority < best.priority)) best = c;
  return best;
}

function toSource(ctx: ClaimContext, c: FoundCue): ClaimSource {
  const src = c.source!;
  if (src.start !== undefined && src.end !== undefined && src.text !== undefined) {
    return {
      start: src.start,
      end: src.end,
      text: src.text,
      kind: src.kind ?? "unknown",
      canonical: src.canonical || undefined,
    };
  }
  const narrowed = narrowOfThe(ctx, narrowTitledPerson(ctx, src));
  const start = ctx.tokens[narrowed.t0]!.start;
  const end = ctx.tokens[narrowed.t1 - 1]!.end;
  const text = ctx.text.slice(start, end);
  const actor = actorIn(ctx, src);
  const head = headOf(ctx.tokens, src);
  return {
    start,
    end,
    text,
    kind: src.kind ?? sourceKind(ctx, src, actor, head),
    canonical: actor ? actor.canonical : undefined,
  };
}

/** "the Bureau of Labor Statistics of the U.S. Department of Labor" -> the first body, unless one name spans the "of the". */
function narrowOfThe(ctx: ClaimContext, np: SourceSpan): SourceSpan {
  const { tokens } = ctx;
  for (let k = np.t0 + 1; k < np.t1 - 1; k++) {
    if (tokens[k]!.lower !== "of" || tokens[k + 1]!.lower !== "the" || !tokens[k - 1]!.cap) continue;
    const named = covering(ctx.actors, tokens[k]!.start);
    if (named) continue;
    let t0 = np.t0;
    while (t0 < k && ARTICLE_DETERMINERS.has(tokens[t0]!.lower)) t0++;
    return t0 < k ? span(t0, k) : np;
  }
  return np;
}

/** "Finance Minister Mehmet Simsek" -> "Mehmet Simsek": a titled person is named without the title. */
function narrowTitledPerson(ctx: ClaimContext, np: SourceSpan): SourceSpan {
  for (let k = np.t0; k < np.t1; k++)
    if (hasMark(ctx.tokens[k]!, NP_INNER_PREP) || ctx.tokens[k]!.text === ",") return np;
  const person = actorIn(ctx, np);
  if (!person || person.kind !== "person" || person.end !== ctx.tokens[np.t1 - 1]!.end) return np;
  return narrowToActor(ctx, np);
}

const INSTITUTION_NOUNS = W_institutionNouns;

const INTELLIGENCE: ReadonlySet<string> = new Set(["intelligence"]);

function someWordIn(tokens: Token[], t0: number, t1: number, words: ReadonlySet<string>): boolean {
  for (let k = t0; k < t1; k++) if (words.has(tokens[k]!.lower)) return true;
  return false;
}

function sourceKind(
  ctx: ClaimContext,
  np: SourceSpan,
  actor: ActorMention | undefined,
  head: Token | undefined,
): SourceKind {
  const { tokens } = ctx;
  if (someWordIn(tokens, np.t0, np.t1, W_anonymityMarkers)) return "anonymous";
  const hw = head?.lower ?? "";
  const named = !!head && !!actorAt(ctx, head.start);
  // "Ukrainian military intelligence" is one agency; "U.S. intelligence" is intelligence in general.
  if (hw === "intelligence" && someWordIn(tokens, np.t0, np.t1, W_namedAgencyModifiers) && actor) return "organization";
  // A single document ("the report", "a study") is a named source, not an unnamed one.
  if (W_documentSources.has(hw) && !named) return "unknown";
  if (head && W_governmentHeads.has(hw) && hw !== "authorities" && hw !== "kremlin") return "government";
  // A generic head ("officials", "rights groups", "media and NGOs") is an unnamed source, whoever
  // modifies it ("Trump administration officials", "U.S. intelligence"), unless the head is itself part of a name.
  if (head && W_anonymousHeads.has(hw) && !named) return "anonymous";
  // An unnamed group of people ("Uighur Muslims", "opposition activists"): a plural head no name covers.
  if (head && isPluralNoun(head) && !named && !INSTITUTION_NOUNS.has(hw)) return "anonymous";
  // "a ministry spokeswoman": a speaker introduced with an indefinite article and no name.
  const before = np.t0 > 0 ? ctx.tokens[np.t0 - 1]!.lower : "";
  const indefinite =
    (np.t1 > np.t0 && W_indefiniteArticles.has(tokens[np.t0]!.lower)) || W_indefiniteArticles.has(before);
  // "a ministry spokeswoman", "one resident": a speaker introduced without a name.
  if (head && indefinite && (!head.cap || LEX.titles.has(hw)) && actor?.kind !== "person" && !named) return "anonymous";
  // "Seoul's intelligence agency", "the intelligence services": intelligence that no name identifies.
  if (head && !head.cap && !named && W_intelligenceHeads.has(hw) && someWordIn(tokens, np.t0, np.t1, INTELLIGENCE))
    return "anonymous";
  if (head && INSTITUTION_NOUNS.has(head.lower) && actor?.kind !== "organization") return "organization";
  if (actor?.kind === "person") return "person";
  if (actor?.kind === "country") return "government";
  if (actor?.kind === "organization")
    return ctx.actors.length >= 0 && isOutletName(actor.canonical) ? "outlet" : "organization";
  if (head && W_outletHeads.has(head.lower)) return "outlet";
  if (head && INSTITUTION_NOUNS.has(head.lower)) return head.lower === "government" ? "government" : "organization";
  if (head && W_governmentHeads.has(head.lower)) return "government";
  if (head && /^[A-Z]{2,6}$/.test(head.text)) return "organization";
  if (head?.cap) return "person";
  return "unknown";
}

/** /[^su]s$/: an "s" after a letter other than "s" or "u". */
function endsInPluralS(w: string): boolean {
  if (w.length < 2 || w.charCodeAt(w.length - 1) !== 115) return false;
  const c = w.charCodeAt(w.length - 2);
  return c !== 115 && c !== 117;
}

function isPluralNoun(t: Token): boolean {
  return (
    t.kind === TokenKind.Word &&
    t.text.length > 3 &&
    endsInPluralS(t.lower) &&
    !/^[A-Z]{2,}s?$/.test(t.text) &&
    !W_firstPerson.has(t.lower) &&
    !PRONOUNS.has(t.lower)
  );
}

/** "estimates by U.N. officials", "a report by TV Chosun": a passed-on claim names its original source. */
function passedOn(ctx: ClaimContext, np: SourceSpan): SourceSpan {
  const { tokens } = ctx;
  for (let k = np.t0 + 1; k < np.t1 - 1; k++) {
    if (
      tokens[k]!.lower === "by" &&
      (DOCUMENT_NOUNS.has(tokens[k - 1]!.lower) || CLAIM_NOUNS.has(tokens[k - 1]!.lower))
    ) {
      const inner = npAfter(tokens, k + 1, np.t1, false, ctx.actors);
      if (inner) return inner;
    }
  }
  return np;
}

const OUTLETS = new Set(Object.values(actorData.outlets as Record<string, string>));

function isOutletName(canonical: string): boolean {
  return OUTLETS.has(canonical);
}

function stanceOf(cues: FoundCue[], main: FoundCue | undefined): Stance {
  if (cues.some((c) => c.cue.stance === "denies")) return "denies";
  if (cues.some((c) => c.cue.stance === "cannot-confirm")) return "cannot-confirm";
  if (main?.cue.stance && main.cue.stance !== "hedges") return main.cue.stance;
  const first = cues.find((c) => c.cue.stance && c.cue.stance !== "hedges");
  return first?.cue.stance ?? "hedges";
}
