// The bounded fuzz run of `npm test` (about a minute, fixed seed, fixed counts) and the replay
// of every input that ever failed (test/fuzz/regressions/). Long runs: `npm run fuzz`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ENTRIES } from "./cli";
import {
  cliTarget,
  corpusTarget,
  engineTargets,
  KNOWN_FAILURES,
  loadRegressions,
  newTally,
  replay,
  runTarget,
  serverTarget,
  type Target,
} from "./harness";
import { checkCli } from "./cli";

const SEED = 20261206;
const RUNS: Record<string, number> = {
  "engine: decoded bytes": 3000,
  "engine: hostile unicode": 3000,
  "engine: mutated texts": 1000,
  "engine: huge texts": 3,
  "corpus: add/update/remove sequences": 300,
  "server: protocol sessions": 3,
  "cli: hostile folders": 3,
};

function failuresOf(target: Target, runs: number) {
  return async (t: { diagnostic(message: string): void }) => {
    const tally = newTally();
    await runTarget(target, { seed: SEED, runs, tally });
    assert.ok((tally.inputs.get(target.name) ?? 0) > 0, "inputs were generated");
    assert.deepEqual(Object.fromEntries(tally.failures), {}, "failures per invariant");
    for (const [key, n] of tally.known) t.diagnostic(`known failure, fixed elsewhere: ${key} (${n} inputs)`);
  };
}

for (const [invariant, owner] of Object.entries(KNOWN_FAILURES)) {
  test.todo(`fuzz invariant "${invariant}" holds on every input — known failure: ${owner}`);
}

for (const target of [...engineTargets(), corpusTarget, serverTarget(60)]) {
  test(
    `fuzz ${target.name}: ${RUNS[target.name]} seeded inputs keep every invariant`,
    failuresOf(target, RUNS[target.name]!),
  );
}

test("fuzz cli: a folder holding every hostile entry at once", () => {
  assert.deepEqual(checkCli([...ENTRIES]), []);
});

test(
  `fuzz ${cliTarget.name}: seeded combinations`,
  failuresOf(
    { ...cliTarget, arbitrary: cliTarget.arbitrary.map((e) => (e as string[]).filter((x) => x !== "huge")) },
    RUNS[cliTarget.name]!,
  ),
);

for (const { file, regression } of loadRegressions()) {
  const known = KNOWN_FAILURES[regression.invariant];
  if (known) {
    test.todo(`regression ${file} (${regression.invariant}): known failure — ${known}`);
    continue;
  }
  test(`regression ${file}: ${regression.invariant}`, async () => {
    assert.deepEqual(await replay(regression), []);
  });
}
