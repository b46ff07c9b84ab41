// `npm run fuzz -- --seconds N [--seed S] [--only engine,corpus,server,cli]`: a long seeded fuzz
// run. Time is shared among the targets (engine 55 %, server 25 %, corpus 10 %, CLI 10 %);
// prints the inputs per generator and the failures per invariant, keeps every failing input
// in test/fuzz/regressions/ (replayed by `npm test`) and exits 1 on a failure.
import {
  cliTarget,
  corpusTarget,
  engineTargets,
  KNOWN_FAILURES,
  newTally,
  runTarget,
  serverTarget,
  type Target,
} from "./harness";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const seconds = Number(option("--seconds") ?? 60);
  const seed = Number(option("--seed") ?? Date.now() % 2 ** 31);
  const only = option("--only")?.split(",");
  if (!Number.isFinite(seconds) || seconds <= 0 || !Number.isInteger(seed)) {
    console.error("usage: npm run fuzz -- --seconds N [--seed S] [--only engine,corpus,server,cli]");
    return 2;
  }
  const engine = engineTargets();
  const plan: Array<[Target, number]> = [
    ...engine.map((t): [Target, number] => [t, t.name.includes("huge") ? 0.05 : 0.5 / (engine.length - 1)]),
    [serverTarget(300), 0.25],
    [corpusTarget, 0.1],
    [cliTarget, 0.1],
  ];
  const chosen = plan.filter(([t]) => !only || only.includes(t.kind));
  const share = chosen.reduce((sum, [, s]) => sum + s, 0);
  const tally = newTally();
  console.log(`fuzz: seed ${seed}, ${seconds} s`);
  for (const [target, part] of chosen) {
    const deadline = Date.now() + (seconds * 1000 * part) / share;
    await runTarget(target, { seed, runs: Number.MAX_SAFE_INTEGER, deadline, save: true, tally });
    console.log(
      `  ${target.name}: ${(tally.inputs.get(target.name) ?? 0).toLocaleString("en")} ${target.kind === "server" ? "operations" : "inputs"}`,
    );
  }
  const engineTotal = [...tally.inputs].filter(([k]) => k.startsWith("engine")).reduce((s, [, n]) => s + n, 0);
  console.log(`engine inputs in all: ${engineTotal.toLocaleString("en")}`);
  console.log(tally.failures.size === 0 ? "failures: none" : "failures per invariant:");
  for (const [key, n] of tally.failures) console.log(`  ${key}: ${n}`);
  for (const [key, n] of tally.known) {
    const invariant = key.slice(key.lastIndexOf(": ") + 2);
    console.log(`  known (${KNOWN_FAILURES[invariant]}): ${key}: ${n}`);
  }
  const slow = tally.slow.sort((a, b) => b.ms / b.chars - a.ms / a.chars);
  console.log(`engine inputs over 50 ms per 10 KB (wall time, machine load included): ${slow.length}`);
  for (const s of slow.slice(0, 5)) console.log(`  ${s.target}: ${s.chars.toLocaleString("en")} chars in ${s.ms} ms`);
  if (tally.saved.length > 0) console.log(`kept in test/fuzz/regressions/: ${tally.saved.join(", ")}`);
  return tally.failures.size === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
