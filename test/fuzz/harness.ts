// The fuzz harness: seeded generation (fast-check), invariant checks, counts per generator and
// per invariant, and the regression folder where every failing input is kept and replayed.
import fc from "fast-check";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkCli, cliCase, type Entry } from "./cli";
import { checkCorpus, corpusCase, type CorpusOp } from "./corpus";
import { checkAnalysis, ENGINE_GENERATORS, hugeText, type Violation } from "./engine";
import { runServerCase, serverCase, type ServerOp } from "./server";

export const REGRESSIONS = fileURLToPath(new URL("./regressions/", import.meta.url));

/**
 * Invariants another part of the project is fixing (owner in the note): counted and printed,
 * never failing the run, listed as to-do in `npm test`. Remove an entry once its fix has landed.
 */
export const KNOWN_FAILURES: Record<string, string> = {};

export interface Target {
  name: string;
  /** The kind of input in a regression file ("engine", "corpus", "server", "cli"). */
  kind: "engine" | "corpus" | "server" | "cli";
  arbitrary: fc.Arbitrary<unknown>;
  check(input: unknown): Violation[] | Promise<Violation[]>;
}

export function engineTargets(): Target[] {
  const targets: Target[] = Object.entries(ENGINE_GENERATORS).map(([name, arbitrary]) => ({
    name: `engine: ${name}`,
    kind: "engine" as const,
    arbitrary,
    check: (input: unknown) => checkAnalysis(input as string),
  }));
  targets.push({
    name: "engine: huge texts",
    kind: "engine",
    arbitrary: hugeText,
    check: (input) => checkAnalysis(input as string),
  });
  return targets;
}

export const corpusTarget: Target = {
  name: "corpus: add/update/remove sequences",
  kind: "corpus",
  arbitrary: corpusCase,
  check: (input) => checkCorpus(input as [CorpusOp[], number]),
};

export function serverTarget(maxLength: number): Target {
  return {
    name: "server: protocol sessions",
    kind: "server",
    arbitrary: serverCase(maxLength),
    check: async (input) => (await runServerCase(input as ServerOp[])).violations,
  };
}

export const cliTarget: Target = {
  name: "cli: hostile folders",
  kind: "cli",
  arbitrary: cliCase,
  check: (input) => checkCli(input as Entry[]),
};

/** How many units of work an input stands for (a server session counts its operations). */
export function weightOf(target: Target, input: unknown): number {
  return target.kind === "server" ? (input as unknown[]).length : 1;
}

export interface Tally {
  /** Inputs (server: operations) per generator. */
  inputs: Map<string, number>;
  /** Failures per invariant (`target: invariant`). */
  failures: Map<string, number>;
  /** Failures of invariants listed in KNOWN_FAILURES. */
  known: Map<string, number>;
  /** Regression files written. */
  saved: string[];
  /** Engine inputs slower than 50 ms per 10 KB (wall time: printed by long runs, never asserted). */
  slow: Array<{ target: string; chars: number; ms: number }>;
}

export function newTally(): Tally {
  return { inputs: new Map(), failures: new Map(), known: new Map(), saved: [], slow: [] };
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Runs a target on inputs drawn from `seed` until `runs` inputs or the deadline. Failures are
 * counted per invariant and their inputs written to the regression folder when `save` is set.
 */
export async function runTarget(
  target: Target,
  options: { seed: number; runs: number; deadline?: number; save?: boolean; tally: Tally },
): Promise<void> {
  const { tally } = options;
  const batch = Math.min(options.runs, target.kind === "engine" ? 200 : 1);
  let done = 0;
  for (
    let round = 0;
    done < options.runs && (options.deadline === undefined || Date.now() < options.deadline);
    round++
  ) {
    const inputs = fc.sample(target.arbitrary, {
      seed: (options.seed + round * 7919) | 0,
      numRuns: Math.min(batch, options.runs - done),
    });
    for (const input of inputs) {
      if (options.deadline !== undefined && Date.now() >= options.deadline) return;
      done++;
      bump(tally.inputs, target.name, weightOf(target, input));
      const started = performance.now();
      const violations = await target.check(input);
      const ms = performance.now() - started;
      if (target.kind === "engine" && ms > 50 * Math.max(1, (input as string).length / 10_000)) {
        tally.slow.push({ target: target.name, chars: (input as string).length, ms: Math.round(ms) });
      }
      for (const v of violations) {
        const known = KNOWN_FAILURES[v.invariant] !== undefined;
        bump(known ? tally.known : tally.failures, `${target.name}: ${v.invariant}`);
        if (options.save && !known) {
          const file = saveRegression(target.kind, v, input, options.seed);
          if (file) tally.saved.push(file);
        }
      }
    }
  }
}

// ---- Regressions ----

export interface Regression {
  kind: Target["kind"];
  invariant: string;
  note: string;
  input: unknown;
}

/** Writes a failing input to the regression folder (once per input); returns the file name. */
export function saveRegression(
  kind: Target["kind"],
  violation: Violation,
  input: unknown,
  seed: number,
): string | undefined {
  const body = JSON.stringify(input);
  if (body.length > 2_000_000) return undefined; // too large to keep: the seed reproduces it
  const name = `${kind}-${createHash("sha256").update(body).digest("hex").slice(0, 12)}.json`;
  const path = join(REGRESSIONS, name);
  if (existsSync(path)) return undefined;
  mkdirSync(REGRESSIONS, { recursive: true });
  const regression: Regression = {
    kind,
    invariant: violation.invariant,
    note: `found by npm run fuzz --seed ${seed}: ${violation.detail}`,
    input,
  };
  writeFileSync(path, `${JSON.stringify(regression, null, 1)}\n`);
  return name;
}

export function loadRegressions(): Array<{ file: string; regression: Regression }> {
  if (!existsSync(REGRESSIONS)) return [];
  return readdirSync(REGRESSIONS)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, regression: JSON.parse(readFileSync(join(REGRESSIONS, file), "utf8")) as Regression }));
}

/** Checks one kept input again with the checker of its kind. */
export async function replay(regression: Regression): Promise<Violation[]> {
  switch (regression.kind) {
    case "engine":
      return checkAnalysis(regression.input as string);
    case "corpus":
      return checkCorpus(regression.input as [CorpusOp[], number]);
    case "server":
      return (await runServerCase(regression.input as ServerOp[])).violations;
    case "cli":
      return checkCli(regression.input as Entry[]);
  }
}
