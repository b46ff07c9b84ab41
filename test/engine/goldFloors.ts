// Runs the CLI on a shared corpus and the shared scorer on its output; fails below the floors.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type Floors = Record<string, { f1?: number; precision?: number; recall?: number }>;

export const ROOT = join(__dirname, "..", "..");
export const SHARED = join(ROOT, "..", "shared");
export const sharedMissing = !existsSync(join(SHARED, "eval", "score.mjs")) && "../shared is not beside the checkout";

/** Scores `corpus/<set>` against `gold/<set>` and asserts every floor. */
export function assertFloors(set: string, floors: Floors): void {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "dist", "cli.js"), "analyze", join(SHARED, "corpus", set), "--json", "--fail-on", "never"],
    { encoding: "utf8", maxBuffer: 64 << 20 },
  );
  assert.equal(run.status, 0, run.stderr);
  const pred = join(mkdtempSync(join(tmpdir(), "prov-")), "pred.json");
  writeFileSync(pred, run.stdout);
  const report = JSON.parse(
    execFileSync(
      process.execPath,
      [join(SHARED, "eval", "score.mjs"), "--gold", join(SHARED, "gold", set), "--pred", pred, "--json"],
      { encoding: "utf8" },
    ),
  );
  const misses: string[] = [];
  for (const [metric, floor] of Object.entries(floors)) {
    const r = report[metric];
    assert.ok(r, `scorer reports ${metric}`);
    for (const [k, min] of Object.entries(floor)) if (!(r[k] >= min)) misses.push(`${metric} ${k} ${r[k]} < ${min}`);
  }
  assert.deepEqual(misses, [], `${set}: floors missed`);
}
