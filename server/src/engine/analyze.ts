// analyze(): one document in, sentences, actors, figures and claims out. Never throws.
import type { Analysis, AnalyzeOptions, Claim, ClaimSource, Figure } from "./types";
import { tokenize } from "./tokens";
import { splitSentences, type SentenceSlice } from "./sentences";
import { findActors } from "./actors";
import { findFigures, type RawFigure } from "./figures";
import { assignSubjects, contextHash } from "./subjects";
import { buildFrames, documentContext, frameSlug, isLinkable, type DocumentContext } from "./frames";
import { findClaim, type ClaimContext } from "./claims";
import { findDates } from "./dates";
import { linkBackReferences, linkQuotedStatements } from "./backrefs";
import { covering, firstWithin, lowerBound } from "./spans";

export function analyze(input: unknown, options: AnalyzeOptions = {}): Analysis {
  let text = typeof input === "string" ? input : "";
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (options.maxLength !== undefined && text.length > options.maxLength) text = text.slice(0, options.maxLength);
  try {
    return analyzeText(text);
  } catch {
    // A bug on odd input must not take down the caller: return what is safe.
    return {
      text,
      sentences: [],
      actors: [],
      figures: [],
      claims: [],
      dates: [],
      salience: { places: [], events: [], parties: [] },
    };
  }
}

function analyzeText(text: string): Analysis {
  const tokens = tokenize(text);
  const slices = splitSentences(text, tokens);
  const actors = findActors(text, tokens, slices);
  const dates = findDates(text, tokens);
  const context = documentContext({ tokens, sentences: slices, actors });
  const figures = buildFigures(text, tokens, slices, actors, context);
  const claims = buildClaims(text, tokens, slices, actors, dates);
  return {
    text,
    sentences: slices.map(({ start, end, furniture, headline }) => ({ start, end, furniture, headline })),
    actors,
    figures,
    claims,
    dates,
    salience: context.salience,
  };
}

function buildFigures(
  text: string,
  tokens: ReturnType<typeof tokenize>,
  slices: SentenceSlice[],
  actors: Analysis["actors"],
  context: DocumentContext,
): Figure[] {
  const raws: Array<{ raw: RawFigure; sentence: number }> = [];
  slices.forEach((s, index) => {
    if (s.furniture) return;
    for (const raw of findFigures(tokens, s)) {
      // A number inside a name ("38 North") is not a figure.
      if (covering(actors, tokens[raw.t0]!.start)) continue;
      raws.push({ raw, sentence: index });
    }
  });
  const input = { tokens, sentences: slices, actors };
  const subjects = assignSubjects(input, raws);
  const frames = buildFrames(input, context, raws, subjects);
  return raws.map(({ raw, sentence }, k) => {
    const start = tokens[raw.t0]!.start;
    const end = tokens[raw.t1 - 1]!.end;
    const frame = frames[k]!;
    // A figure that cannot be linked gets a slug of its own: it is not "the same figure" as anything else.
    const frameId = frameSlug(frame);
    const subject = isLinkable(frame)
      ? frameId
      : `${frameId}@${contextHash(tokens, Math.max(0, raw.t0 - 6), Math.min(tokens.length, raw.np1 + 3))}`;
    const figureText = text.slice(start, end);
    const { value, valueMax, qualifier, unit } = raw;
    // One literal with every key (valueMax undefined when absent, dropped by JSON): one object shape for every figure.
    return { start, end, text: figureText, value, valueMax, qualifier, unit, subject, frame, sentence };
  });
}

function buildClaims(
  text: string,
  tokens: ReturnType<typeof tokenize>,
  slices: SentenceSlice[],
  actors: Analysis["actors"],
  dates: Analysis["dates"],
): Claim[] {
  const history: ClaimSource[] = [];
  const ctx: ClaimContext = { text, tokens, actors, history };
  const claims: Claim[] = [];
  slices.forEach((s, index) => {
    const claim = findClaim(ctx, s, index);
    if (!claim) {
      rememberSpeakers(actors, s, history);
      return;
    }
    claim.date = firstWithin(dates, s.start, s.end);
    claims.push(claim);
    if (claim.source) history.push(claim.source);
    trimHistory(history);
  });
  return linkQuotedStatements(text, slices, linkBackReferences(text, slices, claims), actors);
}

/** Persons named in a sentence without a claim still become antecedents for "he said". */
function rememberSpeakers(actors: Analysis["actors"], s: SentenceSlice, history: ClaimSource[]): void {
  for (let i = lowerBound(actors, s.start); i < actors.length && actors[i]!.start < s.end; i++) {
    const a = actors[i]!;
    if (a.kind === "person" && a.end <= s.end)
      history.push({ start: a.start, end: a.end, text: a.text, kind: "person", canonical: a.canonical });
  }
  trimHistory(history);
}

/** Pronouns point back a few sentences at most: keep the recent speakers only. */
function trimHistory(history: ClaimSource[]): void {
  if (history.length > 64) history.splice(0, history.length - 32);
}
