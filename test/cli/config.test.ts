// The project config file (provenance.config.json / .provenancerc.json): found by walking up from
// the inputs, its severities, disabled codes and include/exclude applied, mistakes reported
// with exit 2; and the merge rule shared with the editor (a changed editor setting wins).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { applyConfig, ConfigFinder, isConfigError, parseConfig } from "../../server/src/shared/config";
import { DEFAULT_SETTINGS, normalizeSettings } from "../../server/src/shared/settings";

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli.js");
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd });

const TEXT = "The ship reportedly sank near the port, officials said.\nThe navy lost 12 ships.\n";

function project(config: unknown, name = "provenance.config.json"): string {
  const root = mkdtempSync(join(tmpdir(), "prov-config-"));
  writeFileSync(join(root, name), typeof config === "string" ? config : JSON.stringify(config));
  mkdirSync(join(root, "notes", "drafts"), { recursive: true });
  writeFileSync(join(root, "notes", "a.txt"), TEXT);
  writeFileSync(join(root, "notes", "drafts", "b.txt"), TEXT);
  return root;
}

const codesOf = (stdout: string) =>
  JSON.parse(stdout).files.map((f: any) => [
    f.file.replace(/\\/g, "/"),
    f.findings.map((x: any) => `${x.code}:${x.severity}`).join(" "),
  ]);

test("without a config file the defaults apply", () => {
  const root = mkdtempSync(join(tmpdir(), "prov-noconfig-"));
  writeFileSync(join(root, "a.txt"), TEXT);
  const r = run(root, "analyze", ".", "--json");
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(codesOf(r.stdout), [["a.txt", "claim.anonymous:information figure:hint"]]);
});

test("a config file above the inputs sets severities, disables codes and excludes files", () => {
  const root = project({ severity: { "claim.anonymous": "warning" }, disable: ["figure"], exclude: ["**/drafts/**"] });
  // Run from inside the folder: the file is found by walking up from the input, not from the cwd.
  const r = run(join(root, "notes"), "analyze", ".", "--json", "--fail-on", "warning");
  assert.equal(r.status, 1, "the anonymous claim is now a warning: " + r.stderr);
  assert.deepEqual(codesOf(r.stdout), [["a.txt", "claim.anonymous:warning"]]);
});

test(".provenancerc.json works too; include narrows what folders give", () => {
  const root = project({ include: ["notes/drafts/*.txt"] }, ".provenancerc.json");
  const r = run(root, "analyze", "notes", "--json");
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    codesOf(r.stdout).map((x: string[]) => x[0]),
    ["notes/drafts/b.txt"],
  );
  const named = run(root, "analyze", "notes/a.txt", "--json");
  assert.deepEqual(
    codesOf(named.stdout).map((x: string[]) => x[0]),
    ["notes/a.txt"],
    "a file named on the command line is analysed",
  );
});

test("a config file that excludes everything is reported, exit 2", () => {
  const root = project({ exclude: ["**"] });
  const r = run(root, "analyze", "notes");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /excluded by the config file/);
});

test("a broken config file is one message naming it, exit 2", () => {
  for (const [config, reason] of [
    ["{ not json", /not valid JSON/],
    [{ severity: { "claim.hedged": "loud" } }, /severity\.claim\.hedged/],
    [{ disable: ["no.such.code"] }, /unknown code "no\.such\.code"/],
    [{ exclud: [] }, /unknown key "exclud"/],
  ] as const) {
    const root = project(config);
    const r = run(root, "analyze", "notes");
    assert.equal(r.status, 2, JSON.stringify(config));
    assert.match(r.stderr, /provenance\.config\.json: /);
    assert.match(r.stderr, reason);
  }
});

test("merge rule: config over defaults, a changed editor setting over the config", () => {
  const config = parseConfig(
    "/x/provenance.config.json",
    JSON.stringify({ severity: { "claim.hedged": "hint" }, disable: ["figure"], exclude: ["drafts/**"] }),
  );
  assert.ok(!("error" in config));
  const fromFile = applyConfig(config);
  assert.equal(fromFile.severity["claim.hedged"], "hint");
  assert.equal(fromFile.severity.figure, "off");
  assert.deepEqual(fromFile.exclude, ["drafts/**"]);
  assert.equal(fromFile.severity["claim.denial"], DEFAULT_SETTINGS.severity["claim.denial"]);
  const editor = normalizeSettings({ severity: { "claim.hedged": "error" } });
  const merged = applyConfig(config, editor);
  assert.equal(merged.severity["claim.hedged"], "error", "the user's editor setting wins");
  assert.equal(merged.severity.figure, "off", "settings left at their default yield to the file");
});

test("the editor's finder reuses a folder's answer for reuseMs, and looks again when told to forget", () => {
  const root = mkdtempSync(join(tmpdir(), "prov-finder-"));
  const folder = join(root, "notes");
  mkdirSync(folder);
  let now = 1_000;
  const finder = new ConfigFinder(1_000, () => now);
  const configPath = join(root, "provenance.config.json");
  const found = () => {
    const config = finder.find(folder);
    assert.ok(!isConfigError(config), JSON.stringify(config));
    return config?.disable;
  };
  assert.equal(found(), undefined);
  writeFileSync(configPath, JSON.stringify({ disable: ["figure"] }));
  now += 999;
  assert.equal(found(), undefined, "within reuseMs the answer is reused");
  now += 1;
  assert.deepEqual(found(), ["figure"], "a file created later is found once reuseMs has passed");
  writeFileSync(configPath, JSON.stringify({ disable: ["claim.hedged"] }) + " ");
  assert.deepEqual(found(), ["figure"]);
  finder.forget();
  assert.deepEqual(found(), ["claim.hedged"], "after forget the disk is read at once");
  rmSync(configPath);
  finder.forget();
  assert.equal(found(), undefined, "a deleted file is gone after forget");
  assert.equal(new ConfigFinder().find(folder), undefined, "the CLI's finder (no reuse) reads the disk every time");
});
