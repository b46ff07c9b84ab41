// Reading inputs for the CLI: walking folders, decoding UTF-8, refusing binary files.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import picomatch from "picomatch";

export interface InputFile {
  path: string;
  text: string;
}

export interface InputProblem {
  path: string;
  message: string;
  /** true: the file could not be read at all (exit 1); false: read but skipped (binary, not UTF-8). */
  fatal: boolean;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export function collectPaths(args: string[], glob: string): { paths: string[]; problems: InputProblem[] } {
  const isMatch = picomatch(glob, { basename: !glob.includes("/"), dot: false });
  const paths: string[] = [];
  const problems: InputProblem[] = [];
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      problems.push({ path: arg, message: describeError(e), fatal: true });
      continue;
    }
    if (st.isDirectory()) walk(arg, arg, isMatch, paths);
    else paths.push(arg);
  }
  return { paths, problems };
}

function walk(root: string, dir: string, isMatch: (p: string) => boolean, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of entries) {
    if (name.startsWith(".") || name === "node_modules") continue;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(root, p, isMatch, out);
    else if (isMatch(relative(root, p))) out.push(p);
  }
}

/** Reads a file as UTF-8 text; binary (NUL bytes) and invalid UTF-8 are refused with a message. */
export function readText(path: string, maxBytes = DEFAULT_MAX_BYTES): InputFile | InputProblem {
  let buf: Buffer;
  try {
    if (statSync(path).size > maxBytes) return { path, message: `larger than ${Math.round(maxBytes / 1048576)} MB, skipped`, fatal: false };
    buf = readFileSync(path);
  } catch (e) {
    return { path, message: describeError(e), fatal: true };
  }
  return decodeText(path, buf);
}

export function decodeText(path: string, buf: Uint8Array): InputFile | InputProblem {
  if (buf.includes(0)) return { path, message: "binary file (contains NUL bytes), skipped", fatal: false };
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buf);
    return { path, text };
  } catch {
    return { path, message: "not valid UTF-8 text, skipped", fatal: false };
  }
}

function describeError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  return (e as Error).message ?? String(e);
}
