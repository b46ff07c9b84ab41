// `--format sarif` output is a valid SARIF 2.1.0 log (checked against the OASIS schema that
// @microsoft/jest-sarif ships, offline) and carries every finding of the JSON report.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SarifBuilder, SarifRunBuilder } from "node-sarif-builder";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import sarifSchema from "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json";

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli.js");
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });

// The schema's language-tag pattern is not valid in Unicode mode; it is matched as it was written.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(sarifSchema);
const isValid = (log: unknown): boolean => validate(log) === true;

test("analyze --format sarif validates against the SARIF 2.1.0 schema", () => {
  const r = run("analyze", "examples", "--format", "sarif", "--fail-on", "warning");
  assert.equal(r.status, 1, "the examples hold warnings");
  const log = JSON.parse(r.stdout);
  assert.ok(isValid(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  assert.equal(log.version, "2.1.0");
  const [runLog] = log.runs;
  assert.equal(runLog.tool.driver.name, "provenance");
  assert.ok(runLog.tool.driver.rules.some((rule: { id: string }) => rule.id === "stance.conflict"));

  const json = JSON.parse(run("analyze", "examples", "--json").stdout);
  const expected = json.files.flatMap((f: any) =>
    f.findings.map((x: any) => [f.file, x.code, x.line, x.column, x.endLine, x.endColumn, x.message]),
  );
  const actual = runLog.results.map((r: any) => {
    const loc = r.locations[0].physicalLocation;
    const region = loc.region;
    return [
      decodeURIComponent(loc.artifactLocation.uri),
      r.ruleId,
      region.startLine,
      region.startColumn,
      region.endLine,
      region.endColumn,
      r.message.text,
    ];
  });
  assert.deepEqual(actual, expected);
  const conflict = runLog.results.find((r: any) => r.ruleId === "figure.conflict");
  assert.ok(conflict.relatedLocations?.length > 0, "a conflict points at the other side");
  assert.ok(
    conflict.relatedLocations.every((l: any) => l.physicalLocation.region.startLine >= 1 && l.message.text.length > 0),
  );
  const levels = new Set(runLog.results.map((r: any) => r.level));
  assert.ok(levels.has("warning") && levels.has("note"), [...levels].join(", "));
});

test("the validator rejects a broken log (the check can fail)", () => {
  const log = JSON.parse(run("analyze", "examples/kyiv-bulletin-2026-03-03.txt", "--format", "sarif").stdout);
  log.runs[0].results[0].level = "loud";
  assert.equal(isValid(log), false);
});

test("contradictions --format sarif holds only conflict findings", () => {
  const log = JSON.parse(run("contradictions", "examples", "--format", "sarif").stdout);
  assert.ok(isValid(log), JSON.stringify(validate.errors?.slice(0, 5)));
  const ids = new Set(log.runs[0].results.map((r: any) => r.ruleId));
  assert.deepEqual([...ids].sort(), ["figure.conflict", "stance.conflict"]);
});

// The log is written as it grows (on ten thousand files the builder's one string is longer than V8
// allows); its bytes stay the builder's: the same runs given to node-sarif-builder make the same text.
test("the streamed SARIF log is byte for byte the one node-sarif-builder makes of its results", () => {
  const empty = mkdtempSync(join(tmpdir(), "provenance-sarif-"));
  writeFileSync(join(empty, "plain.txt"), "Hello there.\n");
  try {
    for (const args of [
      ["analyze", "examples"],
      ["contradictions", "examples"],
      ["analyze", empty],
    ]) {
      const streamed = run(...args, "--format", "sarif", "--fail-on", "never").stdout;
      const log = JSON.parse(streamed);
      const [runLog] = log.runs;
      const builder = new SarifBuilder();
      const runBuilder = new SarifRunBuilder();
      // What the builder fills in itself is taken out: artifacts, rule and artifact indexes.
      delete runLog.artifacts;
      for (const result of runLog.results) {
        delete result.ruleIndex;
        for (const location of result.locations) delete location.physicalLocation.artifactLocation.index;
      }
      runBuilder.run = runLog;
      builder.addRun(runBuilder);
      assert.equal(streamed, `${builder.buildSarifJsonString({ indent: true })}\n`, args.join(" "));
    }
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
