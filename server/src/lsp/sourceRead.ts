// Reading one source text for the index, on the server's thread or in an indexing worker: its text,
// why it is skipped (not a regular file, too large, binary, not text), or that it vanished.
import { readSource, readSourceSync, type ReadResult } from "../shared/inputs";

export type ReadOutcome = { text: string } | { skipped: string };

const LIMIT_NAME = "provenance.maxFileSize limit";
const MISSING = "no such file or folder";

/**
 * Reads a source text from disk. A vanished file rejects with its ENOENT error (the caller forgets
 * the file).
 */
export async function readSourceFile(path: string, maxFileSize: number): Promise<ReadOutcome> {
  const outcome = outcomeOf(await readSource(path, { maxBytes: maxFileSize, limitName: LIMIT_NAME }));
  if (outcome === "vanished") throw Object.assign(new Error(MISSING), { code: "ENOENT" });
  return outcome;
}

/** As readSourceFile, blocking (an indexing worker's thread), "vanished" for a vanished file. */
export function readSourceFileSync(path: string, maxFileSize: number): ReadOutcome | "vanished" {
  return outcomeOf(readSourceSync(path, { maxBytes: maxFileSize, limitName: LIMIT_NAME }));
}

function outcomeOf(read: ReadResult): ReadOutcome | "vanished" {
  if ("message" in read) return read.message === MISSING ? "vanished" : { skipped: read.message };
  // A leading BOM is kept: the engine removes it and convert.ts shifts offsets for it.
  return { text: (read.bom ? "\ufeff" : "") + read.text };
}

/** A text as the engine reads it: a leading BOM is not part of the analysed text. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
