// Review verdicts kept with the sources (`.provenance/reviews.json`): the pure part. Anchors a
// verdict to a sentence by its normalised text and its neighbours (not by offsets), finds it
// again after edits, reports verdicts whose sentence is gone as orphaned, merges two versions
// of the file by key, and writes it in a stable, diff-friendly order. No I/O, no clock: the
// caller reads and writes the file and supplies dates.
import { oneLine } from "./wording";
import type { Analysis } from "./types";

export type Verdict = "verified" | "disputed" | "ignored";
/** What a verdict is about: a claim (its sentence) or a figure (by its text, in its sentence). */
export type ReviewTargetKind = "claim" | "figure";

export interface ReviewAnchor {
  /** Path of the source text relative to the workspace folder, with `/` separators. */
  file: string;
  kind: ReviewTargetKind;
  /** The sentence, normalised (whitespace collapsed, curly quotes and dashes made plain). */
  sentence: string;
  /** The figure as written, normalised ("" for a claim). */
  target: string;
  /** Hashes of the previous and next sentences (normalised), "" at the start or the end. */
  before: string;
  after: string;
}

export interface Review extends ReviewAnchor {
  verdict: Verdict;
  reviewer: string;
  /** ISO 8601 date-time of the verdict. */
  date: string;
  note?: string;
}

export interface ReviewsDocument {
  version: 1;
  reviews: Review[];
}

export interface LocatedReview {
  review: Review;
  /** Index into `Analysis.sentences`. */
  sentence: number;
  /** The claim's sentence or the figure's span in the current text. */
  start: number;
  end: number;
}

export interface ReviewLocations {
  anchored: LocatedReview[];
  /** Verdicts of this file whose sentence (or figure) is no longer found. */
  orphaned: Review[];
}

const VERDICTS: readonly Verdict[] = ["verified", "disputed", "ignored"];
const KINDS: readonly ReviewTargetKind[] = ["claim", "figure"];

// ---- Normalising and hashing ----

/** Text as compared for anchoring: spacing, curly quotes and dash variants do not matter. */
export function normalizeReviewText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** FNV-1a of normalised text, base 36 ("" for no text). */
export function textHash(text: string): string {
  const t = normalizeReviewText(text);
  if (!t) return "";
  let h = 2166136261;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** The identity of a verdict: two entries with the same key are the same verdict. */
export function reviewKey(anchor: ReviewAnchor): string {
  return [anchor.file, anchor.kind, anchor.sentence, anchor.target, anchor.before, anchor.after].join("\u0000");
}

// ---- Anchoring ----

function sentenceText(analysis: Analysis, index: number): string {
  const s = analysis.sentences[index];
  return s ? analysis.text.slice(s.start, s.end) : "";
}

/** Index of the sentence holding an offset, or -1. */
export function sentenceAt(analysis: Analysis, offset: number): number {
  const sentences = analysis.sentences;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end && !(offset === s.end && mid === sentences.length - 1)) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The anchor of the claim or figure at `offset` of `file`: a claim is its sentence; a figure is
 * the figure at the offset. Undefined when there is none.
 */
export function anchorAt(
  analysis: Analysis,
  file: string,
  kind: ReviewTargetKind,
  offset: number,
): ReviewAnchor | undefined {
  let sentence: number;
  let target = "";
  if (kind === "figure") {
    const figure = analysis.figures.find((f) => f.start <= offset && offset <= f.end);
    if (!figure) return undefined;
    sentence = figure.sentence;
    target = normalizeReviewText(figure.text);
  } else {
    const claim = analysis.claims.find((c) => c.start <= offset && offset <= c.end);
    sentence = claim ? claim.sentence : sentenceAt(analysis, offset);
  }
  if (sentence < 0 || sentence >= analysis.sentences.length) return undefined;
  return {
    file,
    kind,
    sentence: normalizeReviewText(sentenceText(analysis, sentence)),
    target,
    before: textHash(sentenceText(analysis, sentence - 1)),
    after: textHash(sentenceText(analysis, sentence + 1)),
  };
}

/**
 * Finds each verdict of `file` in the current analysis: the sentence with the same normalised
 * text, the one whose neighbours still match when the sentence occurs more than once. A verdict
 * whose sentence (or figure) is gone is orphaned, never dropped.
 */
export function locateReviews(analysis: Analysis, file: string, reviews: readonly Review[]): ReviewLocations {
  // Most files have no verdict: no index of their sentences then (this runs after every edit).
  if (!reviews.some((review) => review.file === file)) return { anchored: [], orphaned: [] };
  const bySentence = new Map<string, number[]>();
  analysis.sentences.forEach((_, index) => {
    const key = normalizeReviewText(sentenceText(analysis, index));
    const list = bySentence.get(key);
    if (list) list.push(index);
    else bySentence.set(key, [index]);
  });
  const anchored: LocatedReview[] = [];
  const orphaned: Review[] = [];
  for (const review of reviews) {
    if (review.file !== file) continue;
    const sentence = bestCandidate(analysis, bySentence.get(review.sentence) ?? [], review);
    const span = sentence < 0 ? undefined : targetSpan(analysis, sentence, review);
    if (span) anchored.push({ review, sentence, ...span });
    else orphaned.push(review);
  }
  return { anchored, orphaned };
}

function bestCandidate(analysis: Analysis, candidates: readonly number[], anchor: ReviewAnchor): number {
  let best = -1;
  let bestScore = -1;
  for (const index of candidates) {
    const score =
      Number(textHash(sentenceText(analysis, index - 1)) === anchor.before) +
      Number(textHash(sentenceText(analysis, index + 1)) === anchor.after);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  }
  return best;
}

function targetSpan(analysis: Analysis, sentence: number, review: Review): { start: number; end: number } | undefined {
  if (review.kind === "figure") {
    const figure = analysis.figures.find(
      (f) => f.sentence === sentence && normalizeReviewText(f.text) === review.target,
    );
    return figure ? { start: figure.start, end: figure.end } : undefined;
  }
  const claim = analysis.claims.find((c) => c.sentence === sentence);
  const s = analysis.sentences[sentence]!;
  return claim ? { start: claim.start, end: claim.end } : { start: s.start, end: s.end };
}

/**
 * The verdict on the claim or figure at `offset` (a claim: any offset in its sentence; a figure:
 * an offset inside it), given the located verdicts of its file.
 */
export function reviewAt(
  analysis: Analysis,
  located: ReviewLocations,
  kind: ReviewTargetKind,
  offset: number,
): LocatedReview | undefined {
  if (kind === "figure") {
    return located.anchored.find((l) => l.review.kind === "figure" && l.start <= offset && offset <= l.end);
  }
  const claim = analysis.claims.find((c) => c.start <= offset && offset <= c.end);
  const sentence = claim ? claim.sentence : sentenceAt(analysis, offset);
  return located.anchored.find((l) => l.review.kind === "claim" && l.sentence === sentence);
}

// ---- Changing, merging, reading and writing the file ----

/** Sets (or replaces) the verdict for an anchor; `previous` is the verdict it replaces, if located elsewhere. */
export function withReview(reviews: readonly Review[], review: Review, previous?: ReviewAnchor): Review[] {
  const drop = new Set([reviewKey(review), ...(previous ? [reviewKey(previous)] : [])]);
  return sortReviews([...reviews.filter((r) => !drop.has(reviewKey(r))), review]);
}

/** Removes the verdict of an anchor. */
export function withoutReview(reviews: readonly Review[], anchor: ReviewAnchor): Review[] {
  const key = reviewKey(anchor);
  return reviews.filter((r) => reviewKey(r) !== key);
}

/** Union of two versions by key; for the same key the later verdict wins (then `theirs`). */
export function mergeReviews(ours: readonly Review[], theirs: readonly Review[]): Review[] {
  const byKey = new Map<string, Review>();
  for (const review of [...ours, ...theirs]) {
    const key = reviewKey(review);
    const held = byKey.get(key);
    if (!held || review.date >= held.date) byKey.set(key, review);
  }
  return sortReviews([...byKey.values()]);
}

export function sortReviews(reviews: readonly Review[]): Review[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...reviews].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      cmp(a.kind, b.kind) ||
      cmp(a.sentence, b.sentence) ||
      cmp(a.target, b.target) ||
      cmp(a.before, b.before) ||
      cmp(a.after, b.after),
  );
}

/** The file's text: sorted entries, fixed key order, two-space indent, final newline. */
export function serializeReviews(reviews: readonly Review[]): string {
  const entries = sortReviews(reviews).map((r) => {
    const entry: Record<string, string> = {
      file: r.file,
      kind: r.kind,
      sentence: r.sentence,
      target: r.target,
      before: r.before,
      after: r.after,
      verdict: r.verdict,
      reviewer: r.reviewer,
      date: r.date,
    };
    if (r.note) entry.note = r.note;
    return entry;
  });
  const document = { version: 1, reviews: entries };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Reads the file's text; entries that are not valid verdicts are reported, the others kept. */
export function parseReviews(text: string): { reviews: Review[]; problems: string[] } | { error: string } {
  if (text.trim() === "") return { reviews: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  const list = isRecord(data) && Array.isArray(data.reviews) ? data.reviews : undefined;
  if (!list) return { error: 'expected an object with a "reviews" list' };
  const reviews: Review[] = [];
  const problems: string[] = [];
  list.forEach((entry, index) => {
    const review = toReview(entry);
    if (review) reviews.push(review);
    else problems.push(`entry ${index + 1} is not a valid verdict`);
  });
  return { reviews: sortReviews(reviews), problems };
}

function toReview(entry: unknown): Review | undefined {
  if (!isRecord(entry)) return undefined;
  const str = (key: string) => (typeof entry[key] === "string" ? (entry[key] as string) : undefined);
  const file = str("file");
  const kind = str("kind") as ReviewTargetKind | undefined;
  const sentence = str("sentence");
  const verdict = str("verdict") as Verdict | undefined;
  if (!file || !kind || !KINDS.includes(kind) || !sentence || !verdict || !VERDICTS.includes(verdict)) return undefined;
  const review: Review = {
    file,
    kind,
    sentence,
    target: str("target") ?? "",
    before: str("before") ?? "",
    after: str("after") ?? "",
    verdict,
    reviewer: str("reviewer") ?? "",
    date: str("date") ?? "",
  };
  const note = str("note");
  if (note) review.note = note;
  return review;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "verified by Ana Silva", "disputed by Ana Silva: the toll is older". */
export function describeReview(review: Pick<Review, "verdict" | "reviewer" | "note">): string {
  const by = review.reviewer ? ` by ${review.reviewer}` : "";
  const note = review.note ? `: ${review.note}` : "";
  return `${review.verdict}${by}${note}`;
}

/**
 * How a verdict changes a finding's report, decided once for the editor and the CLI:
 * verified → a hint that says so, disputed → kept with the note, ignored → hidden.
 */
export function reviewedReport(
  review: Review,
  message: string,
): { hidden: true } | { hidden: false; toHint: boolean; message: string } {
  const by = review.reviewer ? ` by ${review.reviewer}` : "";
  if (review.verdict === "verified") return { hidden: false, toHint: true, message: `✓ Verified${by} — ${message}` };
  if (review.verdict === "disputed") {
    const note = review.note ? `: ${oneLine(review.note, 200)}` : "";
    return { hidden: false, toHint: false, message: `${message} — ✗ disputed${by}${note}` };
  }
  return { hidden: true };
}
