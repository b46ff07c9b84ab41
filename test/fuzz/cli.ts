// CLI fuzzing on hostile folders: FIFOs, links to devices, link loops, links out of the folder,
// unreadable and broken entries, huge and odd files, in random combinations. Invariants: the
// CLI ends (within a bound), reads each real file once, reads nothing outside the folder,
// names every entry it could not read, and exits 3 exactly when something could not be read.
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Violation } from "./engine";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
export const CLI_BOUND_MS = 60_000;
const isRoot = process.getuid?.() === 0;

export type Entry =
  | "good"
  | "fifo"
  | "devZeroLink"
  | "selfLoop"
  | "parentLoop"
  | "outsideLink"
  | "brokenLink"
  | "linkLoopFile"
  | "unreadableFile"
  | "unreadableFolder"
  | "utf16le"
  | "utf16be"
  | "bomUtf8"
  | "binary"
  | "latin1"
  | "huge"
  | "empty"
  | "loneCr"
  | "hidden";

export const ENTRIES: Entry[] = [
  "good",
  "fifo",
  "devZeroLink",
  "selfLoop",
  "parentLoop",
  "outsideLink",
  "brokenLink",
  "linkLoopFile",
  "unreadableFile",
  "unreadableFolder",
  "utf16le",
  "utf16be",
  "bomUtf8",
  "binary",
  "latin1",
  "huge",
  "empty",
  "loneCr",
  "hidden",
];

export const cliCase = fc.array(fc.constantFrom(...ENTRIES), { minLength: 1, maxLength: 8 });

const SENTENCE = "Officials said 300 troops were sent to Niger.";

interface Expectation {
  /** Files whose analysis must appear (by name). */
  analysed: string[];
  /** Entries that must be named on stderr. */
  reported: string[];
  /** Whether exit code 1 is due (an entry could not be read). */
  fatal: boolean;
  /** Text that must never be read (from outside the folder). */
  secret?: string;
}

function utf16(text: string, bigEndian: boolean): Buffer {
  const body = Buffer.from(text, "utf16le");
  if (bigEndian) body.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
}

/** Lays out one folder with the given entries (numbered, so each is distinct). */
function layout(base: string, entries: Entry[]): { dir: string; expect: Expectation } {
  const dir = join(base, "inputs");
  const outside = join(base, "outside");
  mkdirSync(dir);
  mkdirSync(outside);
  const secret = "Secret said 999 spies were hidden.";
  writeFileSync(join(outside, "secret.txt"), secret);
  const expect: Expectation = { analysed: [], reported: [], fatal: false, secret: "999" };
  entries.forEach((entry, i) => {
    const name = `${i}-${entry}.txt`;
    const path = join(dir, name);
    switch (entry) {
      case "good":
        writeFileSync(path, SENTENCE);
        expect.analysed.push(name);
        break;
      case "fifo": {
        const made = spawnSync("mkfifo", [path]);
        if (made.status === 0) {
          expect.reported.push(name);
          expect.fatal = true;
        }
        break;
      }
      case "devZeroLink":
        symlinkSync("/dev/zero", path);
        expect.reported.push(name); // outside the folder, and not a regular file either way
        break;
      case "selfLoop":
        symlinkSync(".", join(dir, `${i}-self`));
        break;
      case "parentLoop":
        mkdirSync(join(dir, `${i}-sub`));
        symlinkSync("..", join(dir, `${i}-sub`, "up"));
        break;
      case "outsideLink":
        symlinkSync(join(outside, "secret.txt"), path);
        expect.reported.push(name);
        break;
      case "brokenLink":
        symlinkSync(join(base, "nothing-here.txt"), path);
        expect.reported.push(name);
        expect.fatal = true;
        break;
      case "linkLoopFile":
        symlinkSync(name, path);
        expect.reported.push(name);
        expect.fatal = true;
        break;
      case "unreadableFile":
        writeFileSync(path, SENTENCE);
        chmodSync(path, 0o000);
        if (isRoot) expect.analysed.push(name);
        else {
          expect.reported.push(name);
          expect.fatal = true;
        }
        break;
      case "unreadableFolder": {
        const folder = join(dir, `${i}-locked`);
        mkdirSync(folder);
        writeFileSync(join(folder, `${i}-inside.txt`), SENTENCE);
        chmodSync(folder, 0o000);
        if (isRoot) expect.analysed.push(`${i}-inside.txt`);
        else {
          expect.reported.push(`${i}-locked`);
          expect.fatal = true;
        }
        break;
      }
      case "utf16le":
        writeFileSync(path, utf16(SENTENCE, false));
        expect.analysed.push(name);
        break;
      case "utf16be":
        writeFileSync(path, utf16(SENTENCE, true));
        expect.analysed.push(name);
        break;
      case "bomUtf8":
        writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SENTENCE)]));
        expect.analysed.push(name);
        break;
      case "binary":
        writeFileSync(path, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
        expect.reported.push(name);
        break;
      case "latin1":
        writeFileSync(path, Buffer.from("Caf\xe9 said 3 ships left.", "latin1"));
        expect.reported.push(name);
        break;
      case "huge":
        writeFileSync(path, Buffer.alloc(51 * 1024 * 1024, 0x61));
        expect.reported.push(name);
        break;
      case "empty":
        writeFileSync(path, "");
        break;
      case "loneCr":
        writeFileSync(path, `Intro line.\r\r${SENTENCE}`);
        expect.analysed.push(name);
        break;
      case "hidden":
        writeFileSync(join(dir, `.${name}`), SENTENCE);
        break;
    }
  });
  return { dir, expect };
}

export function checkCli(entries: Entry[]): Violation[] {
  const base = mkdtempSync(join(tmpdir(), "provenance-cli-fuzz-"));
  const violations: Violation[] = [];
  const report = (invariant: string, detail: string) => violations.push({ invariant, detail: detail.slice(0, 400) });
  try {
    const { dir, expect } = layout(base, entries);
    const run = spawnSync(process.execPath, [CLI, "analyze", "--json", "--fail-on", "never", dir], {
      encoding: "utf8",
      timeout: CLI_BOUND_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error || run.signal) {
      report("ends within the bound", `${entries.join(",")}: ${run.error?.message ?? run.signal}`);
      return violations;
    }
    // Exit codes (README): 3 an input could not be read, 2 nothing to analyse, else 0 (--fail-on never).
    const wantCode = expect.fatal ? 3 : expect.analysed.length === 0 ? 2 : 0;
    if (run.status !== wantCode)
      report(
        "exit 3 exactly when an input cannot be read",
        `${entries.join(",")}: exit ${run.status}, want ${wantCode}; ${run.stderr.slice(0, 300)}`,
      );
    if (run.status === 2) return violations; // nothing to analyse: no JSON is printed
    let output: { files: Array<{ file: string; figures: unknown[] }> };
    try {
      output = JSON.parse(run.stdout);
    } catch {
      report("prints JSON", run.stdout.slice(0, 200));
      return violations;
    }
    const files = output.files.map((f) => f.file);
    const byName = (name: string) => files.filter((f) => f.endsWith(`/${name}`) || f.endsWith(`\\${name}`));
    for (const name of expect.analysed)
      if (byName(name).length === 0) report("every readable file analysed", `${name} missing in ${files.join(", ")}`);
    // Every entry has its own name: a name twice means a file read twice (through a loop).
    const names = files.map((f) => f.replace(/^.*[\\/]/, ""));
    if (new Set(names).size !== names.length) report("each real file once", files.join(", "));
    if (expect.secret && run.stdout.includes(expect.secret))
      report("nothing read outside the folder", "secret.txt was read");
    for (const name of expect.reported)
      if (!run.stderr.includes(name))
        report("every unreadable entry named", `${name} not in ${run.stderr.slice(0, 300)}`);
  } catch (error) {
    report("no throw", String((error as Error)?.stack ?? error).slice(0, 300));
  } finally {
    spawnSync("chmod", ["-R", "u+rwx", base]);
    rmSync(base, { recursive: true, force: true });
  }
  return violations;
}
