import type { Analysis, AnalyzeOptions } from "./types";

/** Analyses one text. Never throws: odd input yields an empty or partial analysis. */
export function analyze(input: string, options: AnalyzeOptions = {}): Analysis {
  let text = typeof input === "string" ? input : "";
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (options.maxLength !== undefined && text.length > options.maxLength) text = text.slice(0, options.maxLength);
  return { text, sentences: [], actors: [], figures: [], claims: [], dates: [] };
}
