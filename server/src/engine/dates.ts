// Dates in the text: "25 June 2024", "June 19, 2024", "November 2023", "23-10-2024", "2024-10-23".
import type { Span } from "./types";

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
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
  "g",
);

export function findDates(text: string): Span[] {
  const out: Span[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    // "May" alone is a modal far more often than a month: require a day or a year with it (the regex does).
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}
