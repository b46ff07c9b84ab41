// Places are not actors. A capitalized run reads as a location when the place table knows it
// (GeoNames cities and first-level regions, folded), when a locative preposition governs the list
// it stands in, when another item of that list is a place, or when a plural place noun closes the
// list ("South, Grand Anse and Nippes departments").
import { type Token, TokenKind } from "./tokens";
import { ACTOR_WORDS as W, PLACE_NAMES, foldPlaceName, matchGazetteer } from "./lexicon";
import type { SentenceSlice } from "./sentences";

/** The folded text of tokens [t0, t1) as the place table stores names. */
function foldedRun(tokens: Token[], t0: number, t1: number): string {
  let s = "";
  for (let k = t0; k < t1; k++) s += (k > t0 && !tokens[k]!.joined ? " " : "") + tokens[k]!.text;
  return foldPlaceName(s);
}

/** A run of tokens that the place table names ("Léogâne", "Leogane", "Grand'Anse"). */
export function isKnownPlace(tokens: Token[], t0: number, t1: number): boolean {
  return PLACE_NAMES.has(foldedRun(tokens, t0, t1));
}

const isListSeparator = (t: Token): boolean =>
  t.text === "," || t.lower === "and" || t.lower === "or" || t.text === ";";
const isNamePart = (t: Token): boolean =>
  (t.kind === TokenKind.Word && t.cap) ||
  ((t.text === "-" || t.text === "'" || t.text === "’") && t.joined) ||
  W.nameParticles.has(t.lower) ||
  t.lower === "de" ||
  t.lower === "du";

/** Items of the comma/and list around [r0, r1), as token ranges, and the tokens just outside it. */
function listAround(
  tokens: Token[],
  r0: number,
  r1: number,
  s: SentenceSlice,
): { items: Array<[number, number]>; before: Token | undefined; after: Token | undefined } {
  const items: Array<[number, number]> = [];
  let i = r0;
  // Leftwards: "at A, B and <run>".
  while (i - 1 >= s.t0 && isListSeparator(tokens[i - 1]!)) {
    let k = i - 1;
    while (k - 1 >= s.t0 && isListSeparator(tokens[k - 1]!)) k--;
    let j = k;
    while (j - 1 >= s.t0 && isNamePart(tokens[j - 1]!)) j--;
    if (j === k) break;
    items.push([j, k]);
    i = j;
  }
  const before = tokens[i - 1];
  let e = r1;
  while (e < s.t1 && isListSeparator(tokens[e]!)) {
    let k = e;
    while (k < s.t1 && isListSeparator(tokens[k]!)) k++;
    let j = k;
    while (j < s.t1 && isNamePart(tokens[j]!)) j++;
    if (j === k) break;
    items.push([k, j]);
    e = j;
  }
  return { items, before: i - 1 >= s.t0 ? before : undefined, after: tokens[e] };
}

/** Is the capitalized run [r0, r1) used as a location in its sentence? A capital beside it counts as a place only when `capitalsArePlaces`. */
export function readsAsPlace(
  tokens: Token[],
  r0: number,
  r1: number,
  s: SentenceSlice,
  capitalsArePlaces: boolean,
): boolean {
  const { items, before, after } = listAround(tokens, r0, r1, s);
  // "from"/"to" govern places for unknown names; a capital after them may be the state ("support from Pyongyang to Moscow").
  if (before && (W.placePrepositions.has(before.lower) || (capitalsArePlaces && W.locatives.has(before.lower))))
    return true;
  if (items.length > 0 && after && W.pluralPlaceNouns.has(after.lower)) return true;
  for (const [a, b] of items) {
    const m = matchGazetteer(tokens, a, b);
    const whole = m !== undefined && m[1] === b - a;
    // Capitals listed together may stand for their states ("Moscow and Beijing denied it").
    if (whole && m[0].form === "capital" && capitalsArePlaces) return true;
    if (!whole && isKnownPlace(tokens, a, b)) return true;
  }
  return false;
}
