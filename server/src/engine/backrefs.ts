// "This was reported by Bloomberg." attributes the sentence before it to the same source.
import type { ActorMention, Claim, ClaimSource } from "./types";
import type { SentenceSlice } from "./sentences";
import { within } from "./spans";
import { LEX } from "./lexicon";

const BACK_REFERENCE =
  /^(?:This|That|It|These|The (?:news|report|information))\s+(?:was|were|has been|had been)\s+(?:first\s+)?(?:reported|announced|said|revealed|disclosed|stated|confirmed)\s+by\b/;

export function linkBackReferences(text: string, slices: SentenceSlice[], claims: Claim[]): Claim[] {
  // Built at the first back reference: most documents have none.
  let bySentence: Map<number, Claim> | undefined;
  const added: Claim[] = [];
  for (const c of claims) {
    if (!BACK_REFERENCE.test(c.text) || !c.source || c.sentence === 0) continue;
    bySentence ??= claimsBySentence(claims);
    const prevIndex = c.sentence - 1;
    const prev = slices[prevIndex]!;
    if (prev.furniture || prev.paragraph !== slices[c.sentence]!.paragraph) continue;
    const existing = bySentence.get(prevIndex);
    const cue = c.cues.find((x) => x.kind === "attributed") ?? c.cues[0]!;
    if (existing) {
      if (!existing.source) existing.source = c.source;
      if (!existing.kinds.includes("attributed")) existing.kinds.unshift("attributed");
      continue;
    }
    added.push({
      start: prev.start,
      end: prev.end,
      text: text.slice(prev.start, prev.end),
      kinds: ["attributed"],
      cues: [cue],
      source: c.source,
      stance: c.stance,
      sentence: prevIndex,
      date: undefined,
    });
  }
  return added.length === 0 ? claims : [...claims, ...added].sort((a, b) => a.start - b.start);
}

function claimsBySentence(claims: Claim[]): Map<number, Claim> {
  return new Map(claims.map((c) => [c.sentence, c]));
}

const OPENING_QUOTES = new Set(['"', "“", "‘", "«"]);

/**
 * A statement introduced in the text ("X released this statement:", "Y said:") and quoted in the
 * paragraphs after it: a hedge or a denial inside the quotation with no source of its own is X's.
 */
export function linkQuotedStatements(
  text: string,
  slices: SentenceSlice[],
  claims: Claim[],
  actors: ActorMention[],
): Claim[] {
  if (claims.length === 0) return claims;
  // Built when a statement is first quoted: most documents quote none.
  let bySentence: Map<number, Claim> | undefined;
  let speaker: ClaimSource | undefined;
  let introParagraph = -1;
  let quotedParagraph = -1;
  for (let i = 0; i < slices.length; i++) {
    const s = slices[i]!;
    if (s.furniture) continue;
    if (s.paragraph !== introParagraph && s.paragraph !== quotedParagraph) {
      if (speaker && OPENING_QUOTES.has(text[firstVisible(text, s)] ?? "") && isFirstOfParagraph(slices, i))
        quotedParagraph = s.paragraph;
      else speaker = undefined;
    }
    if (speaker && s.paragraph === quotedParagraph) {
      bySentence ??= claimsBySentence(claims);
      const claim = bySentence.get(i);
      if (claim && !claim.source) {
        claim.source = speaker;
        if (!claim.kinds.includes("attributed")) claim.kinds = ["attributed", ...claim.kinds];
      }
    }
    if (text[lastVisible(text, s)] === ":" && statementIntro(text.slice(s.start, s.end))) {
      const found = introSpeaker(actors, s);
      if (found) {
        speaker = found;
        introParagraph = s.paragraph;
        quotedParagraph = -1;
      }
    }
  }
  return claims;
}

/** Offsets of the first and last non-space characters of a sentence (no copy of its text). */
function firstVisible(text: string, s: SentenceSlice): number {
  let k = s.start;
  while (k < s.end && text.charCodeAt(k) <= 32) k++;
  return k;
}

function lastVisible(text: string, s: SentenceSlice): number {
  let k = s.end - 1;
  while (k > s.start && text.charCodeAt(k) <= 32) k--;
  return k;
}

function isFirstOfParagraph(slices: SentenceSlice[], i: number): boolean {
  return i === 0 || slices[i - 1]!.paragraph !== slices[i]!.paragraph;
}

function statementIntro(sentence: string): boolean {
  for (const w of sentence.toLowerCase().split(/[^a-z]+/)) if (LEX.claimWords.statementIntroWords.has(w)) return true;
  return false;
}

/** The person who issues the statement, or else the body. */
function introSpeaker(actors: ActorMention[], s: SentenceSlice): ClaimSource | undefined {
  const inside = within(actors, s.start, s.end);
  const a = inside.find((x) => x.kind === "person") ?? inside.find((x) => x.kind === "organization");
  return a
    ? {
        start: a.start,
        end: a.end,
        text: a.text,
        kind: a.kind === "person" ? "person" : "organization",
        canonical: a.canonical,
      }
    : undefined;
}
