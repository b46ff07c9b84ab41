// Dates in the text: "25 June 2024", "June 19, 2024", "November 2023", "23-10-2024", "2024-10-23".
import type { Span } from "./types";
import { type Token, TokenKind } from "./tokens";
import { hasMark, wordClass } from "./wordMarks";

const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
const DATE_RE = new RegExp(
  [
    `\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{4}\\b`,
    `\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b`,
    `\\b\\d{4}-\\d{2}-\\d{2}\\b`,
    `\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH}\\b`,
    `\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?\\b(?!,? \\d)`,
    `\\b${MONTH} \\d{4}\\b`,
  ].join("|"),
  "y",
);
const MONTHS = new Set([
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
]);
const MONTH_WORD = wordClass(MONTHS);

/** Dates start at a number or a month name: the pattern is tried only there. */
export function findDates(text: string, tokens: Token[]): Span[] {
  const out: Span[] = [];
  let after = 0;
  for (const t of tokens) {
    if (t.start < after) continue;
    if (t.kind !== TokenKind.Number && !(t.kind === TokenKind.Word && t.cap && hasMark(t, MONTH_WORD))) continue;
    DATE_RE.lastIndex = t.start;
    const m = DATE_RE.exec(text);
    // "May" alone is a modal far more often than a month: the pattern wants a day or a year with it.
    if (!m) continue;
    out.push({ start: t.start, end: t.start + m[0].length, text: m[0] });
    after = t.start + m[0].length;
  }
  return out;
}

/**
 * The document's dateline: a date with a year near the top of the text (the first 600
 * characters), never a date met further down (a story dated 2024 may recall August 2019).
 */
export function documentDate(analysis: { text: string; dates: readonly Span[] }): string | undefined {
  const limit = Math.min(analysis.text.length, 600);
  return analysis.dates.find((d) => d.start < limit && /\d{4}/.test(d.text))?.text;
}
