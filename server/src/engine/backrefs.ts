// "This was reported by Bloomberg." attributes the sentence before it to the same source.
import type { Claim } from "./types";
import type { SentenceSlice } from "./sentences";

const BACK_REFERENCE = /^(?:This|That|It|These|The (?:news|report|information))\s+(?:was|were|has been|had been)\s+(?:first\s+)?(?:reported|announced|said|revealed|disclosed|stated|confirmed)\s+by\b/;

export function linkBackReferences(text: string, slices: SentenceSlice[], claims: Claim[]): Claim[] {
  const bySentence = new Map(claims.map((c) => [c.sentence, c]));
  const added: Claim[] = [];
  for (const c of claims) {
    if (!BACK_REFERENCE.test(c.text) || !c.source || c.sentence === 0) continue;
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
    });
  }
  return added.length === 0 ? claims : [...claims, ...added].sort((a, b) => a.start - b.start);
}
