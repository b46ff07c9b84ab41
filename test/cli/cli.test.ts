// The CLI as a user runs it: exit codes, messages, JSON shape, bad files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli.js");
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT });

test("analyze --json prints exactly the scorer's shape", () => {
  const r = run("analyze", "examples", "--json");
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ["files", "contradictions"]);
  assert.equal(out.files.length, 4);
  const f = out.files[0];
  assert.deepEqual(Object.keys(f), ["file", "actors", "figures", "claims"]);
  for (const a of f.actors) assert.deepEqual(Object.keys(a), ["start", "end", "text", "kind", "canonical"]);
  for (const x of f.figures) assert.deepEqual(Object.keys(x), ["start", "end", "text", "value", "qualifier", "unit", "subject"]);
  for (const c of f.claims) assert.deepEqual(Object.keys(c), ["start", "end", "text", "kinds", "source", "cues"]);
  assert.ok(out.contradictions.some((c: { kind: string }) => c.kind === "figure"));
  assert.ok(out.contradictions.some((c: { kind: string }) => c.kind === "stance"));
});

test("analyze prints file:line:col lines", () => {
  const r = run("analyze", "examples/kyiv-bulletin-2026-03-03.txt");
  assert.equal(r.status, 0);
  assert.match(r.stdout, /kyiv-bulletin-2026-03-03\.txt:6:1: claim\.denial .*Tehran/);
  assert.match(r.stdout, /:5:\d+: figure about 2,000 drones/);
});

test("contradictions lists the drone figures and the denial with sources", () => {
  const r = run("contradictions", "examples");
  assert.equal(r.status, 0);
  assert.match(r.stdout, /as many as 1,000/);
  assert.match(r.stdout, /about 2,000/);
  assert.match(r.stdout, /denies\s+examples\/kyiv-bulletin-2026-03-03\.txt:6/);
  assert.match(r.stdout, /revision/);
});

test("figures prints the subject table", () => {
  const r = run("figures", "examples");
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Iran drones in Russia/);
});

test("usage errors exit 2 with a one-line reason", () => {
  for (const args of [[], ["frobnicate", "x"], ["analyze"], ["analyze", "examples", "--bogus"]]) {
    const r = run(...args);
    assert.equal(r.status, 2, args.join(" "));
    assert.match(r.stderr.split("\n")[0]!, /^provenance: /);
  }
});

test("an unreadable input exits 1 and names the file, without a stack trace", () => {
  const r = run("analyze", "no/such/file.txt");
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no\/such\/file\.txt: no such file/);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
});

test("binary and non-UTF-8 files are reported and skipped; the rest is analysed", () => {
  const dir = mkdtempSync(join(tmpdir(), "prov-cli-"));
  writeFileSync(join(dir, "good.txt"), "\ufeffOfficials said 300 troops left.\r\nThe ship reportedly sank.\r\n");
  writeFileSync(join(dir, "binary.txt"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
  writeFileSync(join(dir, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x30]));
  writeFileSync(join(dir, "empty.txt"), "");
  const r = run("analyze", dir, "--json");
  assert.equal(r.status, 0);
  assert.match(r.stderr, /binary\.txt: binary file/);
  assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
  const out = JSON.parse(r.stdout);
  const good = out.files.find((f: { file: string }) => f.file.endsWith("good.txt"));
  assert.equal(good.figures[0].text, "300");
  assert.equal(good.claims.length, 2);
  assert.ok(out.files.some((f: { file: string }) => f.file.endsWith("empty.txt")));
});

test("a folder with no matching files says so", () => {
  const dir = mkdtempSync(join(tmpdir(), "prov-empty-"));
  const r = run("analyze", dir);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /no files matching \*\.txt/);
});
