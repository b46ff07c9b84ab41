// Reading inputs for the CLI: a thin layer over the shared input module (server/src/shared/
// inputs.ts), which the language server uses too, so both read, decode and walk alike.
import picomatch from "picomatch";
import { decodeBytes, DEFAULT_GLOB, readSourceSync, walkSync, type InputProblem } from "../shared/inputs";

export type { InputProblem } from "../shared/inputs";

export interface InputFile {
  path: string;
  text: string;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** The files named or found under the folders named (`glob` on names, or on paths when it has a slash). */
export function collectPaths(
  args: string[],
  glob = DEFAULT_GLOB,
  options: { followLinksOutside?: boolean } = {},
): { paths: string[]; problems: InputProblem[] } {
  const isMatch = picomatch(glob, { basename: !glob.includes("/"), dot: false });
  const { files, problems } = walkSync(args, { includes: isMatch, followLinksOutside: options.followLinksOutside });
  return { paths: files.map((f) => f.path), problems };
}

/**
 * Reads files as text, one at a time as the caller takes them, each yielded in the order given (a
 * problem in its place). Blocking reads: the CLI has nothing else to do meanwhile, and a blocking
 * open/stat/read/close costs a fraction of the promise-based one (10,000 files of 5 KB from the
 * page cache: 0.35 s of CPU instead of 2.5 s with eight reads in flight).
 */
export function* readTexts(
  paths: readonly string[],
  maxBytes = DEFAULT_MAX_BYTES,
): Generator<InputFile | InputProblem> {
  for (const path of paths) {
    const read = readSourceSync(path, { maxBytes });
    yield "message" in read ? read : { path, text: read.text };
  }
}

export function decodeText(path: string, buf: Uint8Array): InputFile | InputProblem {
  const decoded = decodeBytes(buf);
  return "problem" in decoded ? { path, message: decoded.problem, fatal: false } : { path, text: decoded.text };
}
