// Digests of the CLI's `analyze --json` output, one per file and one for the cross-file part, over
// fixed inputs: the examples, generated archives (bench/corpus.mjs, fixed seeds) and, when
// ../shared is beside the checkout, the seeds and the dev corpus. A speed change must leave every
// digest as it was; a change of behaviour updates them on purpose (`npm run digests`), and the
// commit then shows which files' analyses changed.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateArchive, generateClippings } from "../../bench/corpus.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIGESTS_FILE = join(ROOT, "test", "identity", "digests.json");
const SHARED = join(ROOT, "..", "shared", "corpus");

const digest = (s) => createHash("sha256").update(s).digest("hex").slice(0, 16);

/** The input sets: name → folder (generated ones written to a temporary folder first). */
function inputSets(tmp) {
  const sets = { examples: join(ROOT, "examples") };
  sets.archive = writeSet(tmp, "archive", generateArchive(240, 6000, 11, 12));
  sets.clippings = writeSet(tmp, "clippings", generateClippings(40, 13000, 5));
  for (const name of ["seeds", "dev"]) if (existsSync(join(SHARED, name))) sets[name] = join(SHARED, name);
  return sets;
}

function writeSet(tmp, name, texts) {
  const dir = join(tmp, name);
  mkdirSync(dir);
  texts.forEach((t, i) =>
    writeFileSync(join(dir, `${String(i).padStart(4, "0")}.txt`), typeof t === "string" ? t : t.text),
  );
  return dir;
}

/** `{file → digest, "(cross-file)" → digest}` of one folder's `analyze --json`, run from the folder's parent. */
function digestsOf(folder) {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "dist", "cli.js"), "analyze", folder.split(/[\\/]/).pop(), "--json", "--fail-on", "never"],
    { cwd: dirname(folder), encoding: "utf8", maxBuffer: 1 << 30 },
  );
  if (run.status !== 0) throw new Error(`analyze ${folder} exited ${run.status}: ${run.stderr}`);
  const out = {};
  const crossFile = [];
  for (const line of run.stdout.split("\n")) {
    const file = /^\{"file":("(?:[^"\\]|\\.)*")/.exec(line);
    if (file) out[JSON.parse(file[1])] = digest(line);
    else crossFile.push(line);
  }
  out["(cross-file)"] = digest(crossFile.join("\n"));
  return out;
}

/** Every set's digests, computed now with the built CLI. */
export function computeDigests() {
  const tmp = mkdtempSync(join(tmpdir(), "prov-identity-"));
  try {
    const result = {};
    for (const [name, folder] of Object.entries(inputSets(tmp))) result[name] = digestsOf(folder);
    return result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
