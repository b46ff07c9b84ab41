// Transcript speaker labels in capitals ("JOHN KIRBY:", "PRESIDENT OF RUSSIA VLADIMIR PUTIN:",
// "JANE DOE, QUESTION:"): the label names a person; titles are never part of the span, and a
// country after "OF" in the title is a country mention.
import { type Token, TokenKind } from "./tokens";
import { ACTOR_WORDS as W, LEX, matchGazetteerCaseless, type GazetteerEntry } from "./lexicon";
import type { SentenceSlice } from "./sentences";

export interface LabelPart {
  t0: number;
  t1: number;
  /** A gazetteer entry (a country in the title, a known person), or undefined for an unlisted person's name. */
  entry?: GazetteerEntry;
  /** The name in ordinary case ("John Kirby") for an unlisted person. */
  name: string;
}

const isUpperWord = (t: Token): boolean =>
  t.kind === TokenKind.Word && /^\p{Lu}[\p{Lu}.'’-]*$/u.test(t.text) && /\p{Lu}.*\p{Lu}|^\p{Lu}\.?$/u.test(t.text);
const titleCase = (w: string): string => w.charAt(0) + w.slice(1).toLowerCase();

/** End (index of the colon) of a capitals label at the start of a line in sentence s, or -1. */
export function speakerLabelEnd(tokens: Token[], s: SentenceSlice): number {
  const first = s.t0;
  if (first > 0 && tokens[first - 1]!.kind !== TokenKind.Newline) return -1;
  // Cheap rejection of ordinary sentences: a label's first word has no lower-case letter.
  const head = tokens[first]!;
  if (!head.cap || (head.text.length > 1 && head.text.charCodeAt(1) >= 97 && head.text.charCodeAt(1) <= 122)) return -1;
  let words = 0;
  for (let k = first; k < s.t1 && k < first + 12; k++) {
    const t = tokens[k]!;
    if (t.text === ":") return words > 0 ? k : -1;
    if (isUpperWord(t)) words++;
    else if (t.text !== "," && t.text !== "." && t.text !== "-") return -1;
  }
  return -1;
}

/** The actor parts of the label tokens [s.t0, colon). */
export function readSpeakerLabel(tokens: Token[], t0: number, colon: number): LabelPart[] {
  const parts: LabelPart[] = [];
  let k = t0;
  while (k < colon) {
    const t = tokens[k]!;
    if (!isUpperWord(t)) {
      k++;
      continue;
    }
    const known = matchGazetteerCaseless(tokens, k, colon);
    if (
      known &&
      known[0].form !== "blocked" &&
      (known[0].kind !== "country" || tokens[k - 1]?.lower === "of" || known[0].form === "name")
    ) {
      parts.push({ t0: k, t1: k + known[1], entry: known[0], name: known[0].name });
      k += known[1];
      continue;
    }
    if (isRoleWord(t)) {
      k++;
      continue;
    }
    let e = k;
    let words = 0;
    while (e < colon) {
      const u = tokens[e]!;
      if (u.text === "-" && u.joined && e > k && tokens[e + 1]?.joined && isUpperWord(tokens[e + 1]!)) {
        e += 2;
        continue;
      }
      if (!isUpperWord(u) || isRoleWord(u) || (e > k && matchGazetteerCaseless(tokens, e, colon))) break;
      words++;
      e++;
    }
    // One unlisted word is a name only after a title ("MR. KIRBY:"), not "NOTE:".
    const titled = k > t0 && isRoleWord(tokens[k - 1]!.text === "." ? tokens[k - 2]! : tokens[k - 1]!);
    if (words >= 1 && words <= 4 && (words >= 2 || titled)) parts.push({ t0: k, t1: e, name: nameOf(tokens, k, e) });
    k = Math.max(e, k + 1);
  }
  return parts;
}

function isRoleWord(t: Token): boolean {
  const w = t.lower.replace(/[.]$/, "");
  return (
    LEX.titles.has(t.lower) ||
    LEX.titles.has(w) ||
    LEX.titles.has(w + ".") ||
    W.pageFurniture.has(titleCase(w)) ||
    W.speakerRoles.has(w) ||
    w === "of" ||
    w === "the"
  );
}

function nameOf(tokens: Token[], t0: number, t1: number): string {
  const words: string[] = [];
  for (let k = t0; k < t1; k++) {
    const t = tokens[k]!;
    const w = t.text === "-" ? "-" : titleCase(t.text);
    if (t.joined && k > t0 && words.length > 0) words[words.length - 1] += w;
    else words.push(w);
  }
  return words.join(" ");
}
