// Organizations that no list names, recognised from how the text uses them: an acronym defined
// in parentheses after a name ("Rapid Support Forces (RSF)"), a name after a noun that says what
// it is ("state oil company PDVSA", "broadcaster TV Chosun"), an outlet someone "told", and an
// acronym that speaks ("The RSF denied").
import type { ActorMention } from "./types";
import { type Token, TokenKind, isPossessive } from "./tokens";
import { ACTOR_WORDS, LEX, slug } from "./lexicon";

const W = ACTOR_WORDS;
import { lowerBound } from "./spans";
import type { SentenceSlice } from "./sentences";


export function findUnlistedOrganizations(text: string, tokens: Token[], sentences: SentenceSlice[], known: ActorMention[]): ActorMention[] {
  const covered = new Set<number>();
  for (const a of known) for (let k = lowerBound(tokens, a.start); k < tokens.length && tokens[k]!.end <= a.end; k++) covered.add(tokens[k]!.start);
  const taken = (t: Token) => covered.has(t.start);
  const aliases = new Map<string, { canonical: string; name: string }>();
  const out: ActorMention[] = [];
  const add = (t: Token, canonical: string, name: string) => {
    if (!covered.has(t.start)) covered.add(t.start), out.push({ start: t.start, end: t.end, text: t.text, kind: "organization", canonical, name });
  };
  // "Rapid Support Forces (RSF)": the acronym names the organization before it.
  for (const a of known) {
    if (a.kind !== "organization") continue;
    const i = lowerBound(tokens, a.end);
    if (tokens[i]?.text === "(" && tokens[i + 2]?.text === ")" && isAcronym(tokens[i + 1]!)) aliases.set(tokens[i + 1]!.text, { canonical: a.canonical, name: a.name });
  }
  for (const s of sentences) {
    if (s.furniture || s.headline) continue;
    findEmployers(tokens, s, taken, (t0, t1) => {
      const start = tokens[t0]!.start;
      const end = tokens[t1 - 1]!.end;
      // The span's text is the slice itself (two spaces or an ideographic space stay as written); the name is normalised.
      const name = tokens.slice(t0, t1).map((t) => t.text).join(" ");
      for (let k = t0; k < t1; k++) covered.add(tokens[k]!.start);
      out.push({ start, end, text: text.slice(start, end), kind: "organization", canonical: slug(name), name });
    });
    for (let i = s.t0; i < s.t1; i++) {
      const t = tokens[i]!;
      if (t.kind !== TokenKind.Word || !t.cap || taken(t)) continue;
      const alias = aliases.get(t.text);
      if (alias) {
        add(t, alias.canonical, alias.name);
        continue;
      }
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      const single = !next?.cap || next.kind !== TokenKind.Word;
      if (!single) continue;
      // Most capitalized words have none of the contexts below: reject them with cheap checks first.
      const p = prev?.lower ?? "";
      const nx = next?.lower ?? "";
      const maybe = W.typeNouns.has(p) || p === "told" || p === "tells" || p === "by" || p === "to" || p === "of" || nx === "," || nx === "shares" || nx === "stock" || W.orgFollowers.has(nx) || LEX.reportingVerbs.has(nx) || isPossessive(next);
      if (!maybe) continue;
      const acronym = isAcronym(t);
      const typed = prev && i - 1 >= s.t0 && W.typeNouns.has(prev.lower) && !prev.cap;
      const toldOutlet = acronym && prev && (prev.lower === "told" || prev.lower === "tells");
      // "Thales, which makes the missiles": "which" is for things, "who" for people.
      const whichClause = next?.text === "," && tokens[i + 2]?.lower === "which" && !isAcronymLike(t) && !/ly$/.test(t.lower) && !LEX.sentenceOpeners.has(t.lower) && !LEX.months.has(t.lower);
      const speakingAcronym = acronym && next && (W.orgFollowers.has(next.lower) || isPossessive(next) || LEX.reportingVerbs.has(next.lower));
      const agentAcronym = acronym && prev?.lower === "by" && i - 1 >= s.t0;
      const accordingAcronym = acronym && prev?.lower === "to" && tokens[i - 2]?.lower === "according";
      // "shares of Nvidia", "Nvidia shares"
      const shares = (prev?.lower === "of" && tokens[i - 2]?.lower === "shares") || next?.lower === "shares" || next?.lower === "stock";
      if (typed || toldOutlet || speakingAcronym || agentAcronym || accordingAcronym || whichClause || (shares && i > s.t0)) {
        if (LEX.months.has(t.lower) || LEX.weekdays.has(t.lower)) continue;
        add(t, slug(t.text), t.text);
      }
    }
  }
  return out;
}

/** "Morgan Stanley analyst Joseph Moore": two or three capitalized words before a staff noun. */
function findEmployers(tokens: Token[], s: SentenceSlice, taken: (t: Token) => boolean, emit: (t0: number, t1: number) => void): void {
  for (let i = s.t0; i < s.t1; i++) {
    const t = tokens[i]!;
    if (t.kind !== TokenKind.Word || !t.cap) continue;
    let j = i;
    while (j < s.t1 && tokens[j]!.kind === TokenKind.Word && tokens[j]!.cap && !taken(tokens[j]!)) j++;
    const next = tokens[j];
    const first = tokens[i]!;
    const sentenceStart = i === s.t0 || tokens[i - 1]!.kind === TokenKind.Punct;
    if (j - i >= 2 && j - i <= 3 && next && W.staffNouns.has(next.lower) && !(sentenceStart && LEX.sentenceOpeners.has(first.lower))) emit(i, j);
    i = Math.max(i, j);
  }
}

function isAcronymLike(t: Token): boolean {
  return /^[A-Z]{2,}/.test(t.text) && W.notOrganizations.has(t.text.toUpperCase());
}

function isAcronym(t: Token): boolean {
  return /^[A-Z][A-Z0-9&]{1,6}$/.test(t.text) && !W.notOrganizations.has(t.text);
}

