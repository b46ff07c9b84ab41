// Runs the CLI on the seed texts and the shared scorer on its output; fails below the floors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";

const ROOT = join(__dirname, "..", "..");
const SHARED = join(ROOT, "..", "shared");
const FLOORS: Record<string, { f1?: number; precision?: number; recall?: number }> = {
  actors: { f1: 0.93 },
  figures: { f1: 0.95 },
  "figure values": { recall: 0.95 },
  "figure qualifiers": { recall: 0.9 },
  claims: { f1: 0.92 },
  "claims:attributed": { f1: 0.85 },
  "claims:hedged": { f1: 0.85 },
  "claims:denial": { f1: 0.85 },
  "claims:anonymous": { f1: 0.85 },
  "claim sources": { f1: 0.85 },
  "figure links": { f1: 0.85 },
  contradictions: { recall: 0.8, precision: 0.6 },
};

test("seed gold: every floor is met", { skip: !existsSync(join(SHARED, "eval", "score.mjs")) && "../shared is not beside the checkout" }, () => {
  const out = execFileSync(process.execPath, [join(ROOT, "dist", "cli.js"), "analyze", join(SHARED, "corpus", "seeds"), "--json", "--fail-on", "never"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const pred = join(mkdtempSync(join(tmpdir(), "prov-")), "pred.json");
  writeFileSync(pred, out);
  const report = JSON.parse(execFileSync(process.execPath, [join(SHARED, "eval", "score.mjs"), "--gold", join(SHARED, "gold", "seeds"), "--pred", pred, "--json"], { encoding: "utf8" }));
  for (const [metric, floor] of Object.entries(FLOORS)) {
    const r = report[metric];
    assert.ok(r, `scorer reports ${metric}`);
    for (const [k, min] of Object.entries(floor)) assert.ok(r[k] >= min, `${metric} ${k} ${r[k]} < ${min}`);
  }
});
