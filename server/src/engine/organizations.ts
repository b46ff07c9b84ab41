// Organizations that no list names, recognised from how the text uses them: an acronym defined
// in parentheses after a name ("Rapid Support Forces (RSF)"), a name after a noun that says what
// it is ("state oil company PDVSA", "broadcaster TV Chosun"), an outlet someone "told", and an
// acronym that speaks ("The RSF denied").
import type { ActorMention } from "./types";
import { type Token, TokenKind, isPossessive } from "./tokens";
import { ACTOR_WORDS, LEX, slug } from "./lexicon";
import { lowerBound } from "./spans";
import type { SentenceSlice } from "./sentences";
import { hasMark, wordClass } from "./wordMarks";

const W = ACTOR_WORDS;

/** Words before or after a lone capitalized word that may make it an organization: every other word rejects it at once. */
const ORG_CONTEXT_BEFORE = wordClass(new Set([...W.typeNouns, ...W.outletVerbs, "by", "to", "of"]));
const ORG_CONTEXT_AFTER = wordClass(new Set([...W.stockNouns, ...W.orgFollowers, ...LEX.reportingVerbs.keys(), ","]));

/**
 * lowerBound(tokens, offset), searched forward from the index `hint` (the answer for an earlier
 * offset): mentions come mostly in text order, so the answer is near.
 */
function firstTokenFrom(tokens: Token[], offset: number, hint: number): number {
  if (hint >= tokens.length || tokens[hint]!.start >= offset) return lowerBound(tokens, offset);
  // tokens[lo].start < offset; gallop until tokens[hi].start >= offset (or the end), then halve.
  let lo = hint;
  let step = 1;
  let hi = lo + step;
  while (hi < tokens.length && tokens[hi]!.start < offset) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > tokens.length) hi = tokens.length;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid;
    else hi = mid;
  }
  return hi;
}

export function findUnlistedOrganizations(
  text: string,
  tokens: Token[],
  sentences: SentenceSlice[],
  known: ActorMention[],
): ActorMention[] {
  // Tokens inside a mention found so far, by index.
  const covered = new Uint8Array(tokens.length);
  let from = 0;
  for (const a of known) {
    from = firstTokenFrom(tokens, a.start, from);
    for (let k = from; k < tokens.length && tokens[k]!.end <= a.end; k++) covered[k] = 1;
  }
  const taken = (k: number) => covered[k] === 1;
  const out: ActorMention[] = [];
  const add = (t0: number, t1: number, canonical: string, name: string) => {
    const a = tokens[t0]!;
    if (taken(t0)) return;
    covered.fill(1, t0, t1);
    const end = tokens[t1 - 1]!.end;
    out.push({ start: a.start, end, text: text.slice(a.start, end), kind: "organization", canonical, name });
  };
  const acronyms = defineAcronyms(text, tokens, sentences, known, (t0, t1, name) => add(t0, t1, slug(name), name));
  // Acronyms not (yet) read as bodies, for the document-level pass at the end.
  const candidates: number[] = [];
  for (const s of sentences) {
    if (s.furniture) continue;
    if (!s.headline)
      findEmployers(tokens, s, taken, (t0, t1) => {
        const start = tokens[t0]!.start;
        const end = tokens[t1 - 1]!.end;
        // The span's text is the slice itself (two spaces or an ideographic space stay as written); the name is normalised.
        const name = tokens
          .slice(t0, t1)
          .map((t) => t.text)
          .join(" ");
        covered.fill(1, t0, t1);
        out.push({ start, end, text: text.slice(start, end), kind: "organization", canonical: slug(name), name });
      });
    for (let i = s.t0; i < s.t1; i++) {
      const t = tokens[i]!;
      if (t.kind !== TokenKind.Word || !t.cap || taken(i)) continue;
      const acronym = isAcronym(t);
      // A defined acronym names its organization everywhere in the document, tables and headings included;
      // one defined as no actor is skipped.
      if (acronym && acronyms.size > 0) {
        const end = acronymEnd(tokens, i);
        const def = acronyms.get(end === i + 1 ? t.text : acronymText(tokens, i, end));
        if (def !== undefined) {
          if (def) add(i, end, def.canonical, def.name);
          i = end - 1;
          continue;
        }
      }
      if (s.headline) {
        if (acronym) candidates.push(i);
        continue;
      }
      // "a consulting firm, LTL Strategies.": a name in apposition after a noun that says what kind of body it is.
      if (
        tokens[i - 1]?.text === "," &&
        i - 2 >= s.t0 &&
        !tokens[i - 2]!.cap &&
        W.typeNouns.has(tokens[i - 2]!.lower)
      ) {
        const end = appositionEnd(tokens, i, s, taken);
        if (end > i) {
          const name = tokens
            .slice(i, end)
            .map((x) => x.text)
            .join(" ");
          add(i, end, slug(name), name);
          i = end - 1;
          continue;
        }
      }
      const compoundEnd = tokens[i + 1]?.text === "/" ? acronymEnd(tokens, i) : -1;
      // "USAID/OFDA": acronyms joined by a slash name an office of a body.
      if (compoundEnd > i + 1) {
        const name = acronymText(tokens, i, compoundEnd);
        add(i, compoundEnd, slug(name), name);
        i = compoundEnd - 1;
        continue;
      }
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      const single = !next?.cap || next.kind !== TokenKind.Word;
      if (!single) continue;
      // Most capitalized words have none of the contexts below: reject them with cheap checks first.
      const maybe =
        (prev?.lower === "the" && acronym) ||
        (!!prev && hasMark(prev, ORG_CONTEXT_BEFORE)) ||
        (!!next && hasMark(next, ORG_CONTEXT_AFTER)) ||
        isPossessive(next);
      if (!maybe) {
        if (acronym) candidates.push(i);
        continue;
      }
      const typed = prev && i - 1 >= s.t0 && W.typeNouns.has(prev.lower) && !prev.cap;
      const toldOutlet = acronym && prev && W.outletVerbs.has(prev.lower);
      // "Thales, which makes the missiles": "which" is for things, "who" for people.
      const whichClause =
        next?.text === "," &&
        W.thingRelatives.has(tokens[i + 2]?.lower ?? "") &&
        !isAcronymLike(t) &&
        !/ly$/.test(t.lower) &&
        !LEX.sentenceOpeners.has(t.lower) &&
        !LEX.months.has(t.lower);
      const speakingAcronym =
        acronym && next && (W.orgFollowers.has(next.lower) || isPossessive(next) || LEX.reportingVerbs.has(next.lower));
      // "the JIC met": an acronym with the definite article names a body (things in capitals are listed in notOrganizations).
      const theAcronym =
        acronym && prev?.lower === "the" && i - 1 >= s.t0 && !(next?.cap && next.kind === TokenKind.Word);
      const agentAcronym = acronym && prev?.lower === "by" && i - 1 >= s.t0;
      const accordingAcronym = acronym && prev?.lower === "to" && tokens[i - 2]?.lower === "according";
      // "shares of Nvidia", "Nvidia shares"
      const shares =
        (prev?.lower === "of" && W.stockNouns.has(tokens[i - 2]?.lower ?? "")) || W.stockNouns.has(next?.lower ?? "");
      if (
        (typed ||
          toldOutlet ||
          speakingAcronym ||
          theAcronym ||
          agentAcronym ||
          accordingAcronym ||
          whichClause ||
          (shares && i > s.t0)) &&
        !LEX.months.has(t.lower) &&
        !LEX.weekdays.has(t.lower)
      )
        add(i, i + 1, slug(t.text), t.text);
      else if (acronym) candidates.push(i);
    }
  }
  // An acronym read as a body once is that body in every other sentence of the document ("USAID coordinated").
  const bodies = new Map<string, ActorMention>();
  for (const m of out) if (m.end - m.start === m.text.length && isAcronymText(m.text)) bodies.set(m.text, m);
  if (bodies.size > 0)
    for (const i of candidates) {
      const body = bodies.get(tokens[i]!.text);
      if (body && acronymEnd(tokens, i) === i + 1) add(i, i + 1, body.canonical, body.name);
    }
  return out;
}

function isAcronymText(s: string): boolean {
  return /^[A-Z][A-Z0-9&]{1,7}$/.test(s) || /^[A-Z][a-z][A-Z]{1,3}$/.test(s);
}

const APPOSITION_PUNCTUATION = new Set([".", ",", ";", ")", ":"]);

/** End of a name in apposition starting at i (1–4 capitalized words closed by punctuation or a clause word), or -1. */
function appositionEnd(tokens: Token[], i: number, s: SentenceSlice, taken: (k: number) => boolean): number {
  let j = i;
  while (j < s.t1 && tokens[j]!.kind === TokenKind.Word && (tokens[j]!.cap || tokens[j]!.text === "&") && !taken(j))
    j++;
  const n = j - i;
  const after = tokens[j];
  if (
    n >= 1 &&
    n <= 4 &&
    (!after || APPOSITION_PUNCTUATION.has(after.text) || W.appositionClosers.has(after.lower)) &&
    !LEX.sentenceOpeners.has(tokens[i]!.lower)
  )
    return j;
  return -1;
}

/** "Morgan Stanley analyst Joseph Moore": two or three capitalized words before a staff noun. */
function findEmployers(
  tokens: Token[],
  s: SentenceSlice,
  taken: (k: number) => boolean,
  emit: (t0: number, t1: number) => void,
): void {
  for (let i = s.t0; i < s.t1; i++) {
    const t = tokens[i]!;
    if (t.kind !== TokenKind.Word || !t.cap) continue;
    let j = i;
    while (j < s.t1 && tokens[j]!.kind === TokenKind.Word && tokens[j]!.cap && !taken(j)) j++;
    const next = tokens[j];
    const first = tokens[i]!;
    const sentenceStart = i === s.t0 || tokens[i - 1]!.kind === TokenKind.Punct;
    if (
      j - i >= 2 &&
      j - i <= 3 &&
      next &&
      W.staffNouns.has(next.lower) &&
      !(sentenceStart && LEX.sentenceOpeners.has(first.lower))
    )
      emit(i, j);
    i = Math.max(i, j);
  }
}

function isAcronymLike(t: Token): boolean {
  return /^[A-Z]{2,}/.test(t.text) && W.notOrganizations.has(t.text.toUpperCase());
}

function isAcronym(t: Token): boolean {
  // Cheap rejection first: an acronym's second letter is upper case ("JIC"), or its third is ("GoH").
  const s = t.text;
  if (s.length < 2 || s.length > 8) return false;
  const c1 = s.charCodeAt(1);
  if (
    !(c1 >= 65 && c1 <= 90) &&
    !(c1 >= 48 && c1 <= 57) &&
    c1 !== 38 &&
    !(s.length >= 3 && s.charCodeAt(2) >= 65 && s.charCodeAt(2) <= 90)
  )
    return false;
  return (
    (/^[A-Z][A-Z0-9&]{1,7}$/.test(t.text) || /^[A-Z][a-z][A-Z]{1,3}$/.test(t.text)) && !W.notOrganizations.has(t.text)
  );
}

/** End (exclusive) of an acronym at i, with its joined "/PART" pieces ("USAID/OFDA"), or -1. */
function acronymEnd(tokens: Token[], i: number): number {
  const t = tokens[i]!;
  if (!t.cap || t.kind !== TokenKind.Word || t.text.length < 2 || !isAcronym(t)) return -1;
  let j = i + 1;
  while (tokens[j]?.text === "/" && tokens[j]!.joined && tokens[j + 1]?.joined && isAcronym(tokens[j + 1]!)) j += 2;
  return j;
}

function acronymText(tokens: Token[], i: number, end: number): string {
  let s = "";
  for (let k = i; k < end; k++) s += tokens[k]!.text;
  return s;
}

type AcronymMeaning = { canonical: string; name: string } | null;

/**
 * "Government of Haiti (GoH)", "Urban Search and Rescue (USAR)": an acronym in parentheses takes the
 * reading of the words before it for the whole document: an organization's acronym names it; one
 * defined for a place, a programme or lower-case words ("chemical weapons (CW)") is no actor (null).
 * An unlisted institution name before its acronym is emitted as an organization.
 */
function defineAcronyms(
  text: string,
  tokens: Token[],
  sentences: SentenceSlice[],
  known: ActorMention[],
  emitName: (t0: number, t1: number, name: string) => void,
): Map<string, AcronymMeaning> {
  const defs = new Map<string, AcronymMeaning>();
  let byEnd: Map<number, ActorMention> | undefined;
  let si = 0;
  // Jump from one "(" to the next in the text rather than testing every token.
  for (let pos = text.indexOf("("); pos >= 0; pos = text.indexOf("(", pos + 1)) {
    const i = lowerBound(tokens, pos);
    if (tokens[i]?.start !== pos) continue;
    while (si < sentences.length && sentences[si]!.t1 <= i) si++;
    const s = sentences[si];
    if (!s || s.furniture || i <= s.t0 || i >= s.t1) continue;
    {
      const end = acronymEnd(tokens, i + 1);
      if (end < 0 || tokens[end]?.text !== ")") continue;
      const key = acronymText(tokens, i + 1, end);
      if (defs.has(key)) continue;
      let last = i - 1;
      if (isPossessive(tokens[last]) && last > s.t0) last--;
      byEnd ??= new Map(known.map((a) => [a.end, a]));
      defs.set(key, meaningOfNameBefore(text, tokens, s.t0, last, byEnd, emitName));
    }
  }
  return defs;
}

function meaningOfNameBefore(
  text: string,
  tokens: Token[],
  from: number,
  last: number,
  knownByEnd: Map<number, ActorMention>,
  emitName: (t0: number, t1: number, name: string) => void,
): AcronymMeaning {
  const lastTok = tokens[last]!;
  const actor = knownByEnd.get(lastTok.end);
  const before = actor ? tokens[lowerBound(tokens, actor.start) - 1] : undefined;
  // "Government of Haiti (GoH)": a country closing the name is part of it.
  const inner =
    actor?.kind === "country" &&
    before !== undefined &&
    (W.chunkJoiners.has(before.lower) || W.orgInnerJoiners.has(before.lower));
  if (actor && !inner) return actor.kind === "organization" ? { canonical: actor.canonical, name: actor.name } : null;
  if (!lastTok.cap || lastTok.kind !== TokenKind.Word) return null;
  let first = last;
  while (
    first > from &&
    (tokens[first - 1]!.cap ||
      W.chunkJoiners.has(tokens[first - 1]!.lower) ||
      W.orgInnerJoiners.has(tokens[first - 1]!.lower) ||
      tokens[first - 1]!.lower === "and")
  )
    first--;
  while (first < last && !tokens[first]!.cap) first++;
  if (tokens[first]!.lower === "the") first++;
  let head = false;
  for (let k = first; k <= last; k++) if (LEX.orgHeadWords.has(tokens[k]!.text)) head = true;
  if (!head || LEX.placeHeads.has(lastTok.text)) return null;
  const name = text.slice(tokens[first]!.start, lastTok.end);
  emitName(first, last + 1, name);
  return { canonical: slug(name), name };
}
