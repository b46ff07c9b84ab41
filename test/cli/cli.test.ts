/* eslint-disable no-control-regex -- these tests look for ANSI colour escapes */
// The CLI as a user runs it: exit codes, messages, JSON shape, stdin, bad files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli.js");
const run = (args: string[], input?: string, env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT, input, env });

const FINDING_KEYS = ["line", "column", "endLine", "endColumn", "code", "severity", "message"];

test("analyze --json prints the scorer's shape, each file with its findings", () => {
  const r = run(["analyze", "examples", "--json", "--fail-on", "never"]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ["files", "contradictions"]);
  assert.equal(out.files.length, 4);
  const lines = r.stdout.trim().split("\n");
  assert.equal(lines.length, out.files.length + out.contradictions.length + 3, "one file or contradiction per line");
  assert.deepEqual(JSON.parse(lines[1]!.replace(/,$/, "")), out.files[0]);
  for (const f of out.files) {
    assert.deepEqual(Object.keys(f), ["file", "actors", "figures", "claims", "findings"]);
    for (const a of f.actors) assert.deepEqual(Object.keys(a), ["start", "end", "text", "kind", "canonical"]);
    for (const x of f.figures)
      assert.deepEqual(Object.keys(x), ["start", "end", "text", "value", "qualifier", "unit", "subject"]);
    for (const c of f.claims) assert.deepEqual(Object.keys(c), ["start", "end", "text", "kinds", "source", "cues"]);
    for (const x of f.findings) {
      assert.deepEqual(Object.keys(x).slice(0, FINDING_KEYS.length), FINDING_KEYS);
      assert.ok(x.line >= 1 && x.column >= 1 && (x.endLine > x.line || x.endColumn > x.column), JSON.stringify(x));
      assert.doesNotMatch(x.message, /@[a-z0-9]{4,}/, "no internal subject ids");
    }
  }
  const kyiv = out.files.find((f: { file: string }) => f.file.endsWith("kyiv-bulletin-2026-03-03.txt"));
  const denial = kyiv.findings.find((x: { line: number; code: string }) => x.line === 6);
  assert.equal(denial.code, "stance.conflict");
  assert.equal(denial.severity, "warning");
  assert.equal(denial.stance, "denies");
  assert.ok(out.contradictions.some((c: { kind: string }) => c.kind === "figure"));
  assert.ok(out.contradictions.some((c: { kind: string }) => c.kind === "stance"));
});

test("analyze prints one file:line:col line per finding and a summary", () => {
  const r = run(["analyze", "examples/kyiv-bulletin-2026-03-03.txt", "--fail-on", "never"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    /kyiv-bulletin-2026-03-03\.txt:6:23: warning Contradicted: denial .*Tehran.* \[stance\.conflict\]/,
  );
  assert.match(r.stdout, /:5:257: info Hedged claim: "reportedly"/);
  assert.match(r.stdout, /^\d+ findings in 1 file: /m);
  assert.doesNotMatch(r.stdout, /\u001b\[/, "no colour when stdout is not a terminal");
});

test("colour on a terminal only, and never with NO_COLOR or --no-color", (t) => {
  // `script` (util-linux) gives the CLI a pseudo-terminal as stdout.
  if (spawnSync("script", ["--version"]).status !== 0) return t.skip("util-linux `script` is not installed");
  const onTerminal = (env: NodeJS.ProcessEnv, extra = "") =>
    spawnSync(
      "script",
      [
        "-qec",
        `"${process.execPath}" "${CLI}" analyze examples/kyiv-bulletin-2026-03-03.txt --fail-on never ${extra}`,
        "/dev/null",
      ],
      {
        encoding: "utf8",
        cwd: ROOT,
        env,
      },
    ).stdout;
  const { NO_COLOR: _ignored, ...env } = process.env;
  assert.match(onTerminal(env), /\u001b\[33mwarning/);
  assert.doesNotMatch(onTerminal({ ...env, NO_COLOR: "1" }), /\u001b\[/);
  assert.doesNotMatch(onTerminal(env, "--no-color"), /\u001b\[/);
});

test("--quiet keeps only warnings and errors, without the summary", () => {
  const r = run(["analyze", "examples", "--quiet", "--fail-on", "never"]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  assert.ok(lines.length > 0);
  for (const line of lines) assert.match(line, /: (warning|error) /);
});

test("exit status: 1 for findings at or above --fail-on, 0 below it; per-command defaults", () => {
  assert.equal(run(["analyze", "examples"]).status, 0, "analyze is a report: it fails only when asked");
  assert.equal(run(["analyze", "examples", "--fail-on", "warning"]).status, 1);
  assert.equal(run(["contradictions", "examples"]).status, 1, "contradictions fails on a contradiction by default");
  assert.equal(run(["figures", "examples"]).status, 0, "figures never fails by default");
  assert.equal(run(["analyze", "examples", "--fail-on=never"]).status, 0);
  assert.equal(run(["analyze", "examples", "--fail-on", "contradiction"]).status, 1);
  const calm = "The ship reportedly sank near the port.\n";
  assert.equal(run(["analyze", "-", "--fail-on", "warning"], calm).status, 0, "a hedge is information, below warning");
  assert.equal(run(["analyze", "-", "--fail-on", "information"], calm).status, 1);
  assert.equal(run(["analyze", "-", "--fail-on", "contradiction"], calm).status, 0);
});

test("- reads standard input; lone CR and CRLF lines count as lines", () => {
  const r = run(
    ["analyze", "-", "--json", "--fail-on", "never"],
    "Title\r\rThe ship reportedly sank.\r\nOfficials said 300 troops left.",
  );
  assert.equal(r.status, 0, r.stderr);
  const [file] = JSON.parse(r.stdout).files;
  assert.equal(file.file, "<stdin>");
  const hedged = file.findings.find((f: { code: string }) => f.code === "claim.hedged");
  assert.deepEqual([hedged.line, hedged.column, hedged.endLine, hedged.endColumn], [3, 10, 3, 20]);
  const figure = file.findings.find((f: { code: string }) => f.code === "figure");
  assert.equal(figure.line, 4);
});

test("usage errors exit 2 with a one-line reason", () => {
  for (const args of [
    [],
    ["frobnicate", "x"],
    ["analyze"],
    ["analyze", "examples", "--bogus"],
    ["analyze", "examples", "--glob"],
    ["analyze", "examples", "--format", "xml"],
    ["analyze", "examples", "--fail-on", "sometimes"],
    ["figures", "examples", "--format", "sarif"],
  ]) {
    const r = run(args);
    assert.equal(r.status, 2, args.join(" "));
    assert.match(r.stderr.split("\n")[0]!, /^provenance: /, args.join(" "));
  }
});

test("--glob=… and --glob … both select files", () => {
  const dir = mkdtempSync(join(tmpdir(), "prov-glob-"));
  writeFileSync(join(dir, "a.md"), "Officials said the ship sank.\n");
  writeFileSync(join(dir, "b.txt"), "The ship reportedly sank.\n");
  for (const args of [["--glob=*.md"], ["--glob", "*.md"]]) {
    const r = run(["analyze", dir, "--json", ...args, "--fail-on", "never"]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).files.map((f: { file: string }) => f.file.slice(dir.length + 1)),
      ["a.md"],
    );
  }
});

test("folders skip non-prose text files by default (package lists, licences, build files)", () => {
  const dir = mkdtempSync(join(tmpdir(), "prov-defaults-"));
  writeFileSync(join(dir, "requirements.txt"), "numpy==1.26\nrequests>=2.31\n");
  writeFileSync(join(dir, "LICENSE.txt"), "Permission is hereby granted, free of charge, to any person.\n");
  writeFileSync(join(dir, "CMakeLists.txt"), "cmake_minimum_required(VERSION 3.20)\n");
  writeFileSync(join(dir, "notes.txt"), "The ship reportedly sank.\n");
  const r = run(["analyze", dir, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    JSON.parse(r.stdout).files.map((f: { file: string }) => f.file.slice(dir.length + 1)),
    ["notes.txt"],
  );
  const named = run(["analyze", join(dir, "requirements.txt"), "--json"]);
  assert.equal(JSON.parse(named.stdout).files.length, 1, "a file named on the command line is analysed");
});

test("an unreadable input exits 3 and names the file, without a stack trace", () => {
  const r = run(["analyze", "no/such/file.txt"]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /no\/such\/file\.txt: no such file/);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
});

test("binary and non-UTF-8 files are reported and skipped; the rest is analysed", () => {
  const dir = mkdtempSync(join(tmpdir(), "prov-cli-"));
  writeFileSync(join(dir, "good.txt"), "\ufeffOfficials said 300 troops left.\r\nThe ship reportedly sank.\r\n");
  writeFileSync(join(dir, "binary.txt"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
  writeFileSync(join(dir, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x30]));
  writeFileSync(join(dir, "empty.txt"), "");
  const r = run(["analyze", dir, "--json"]);
  assert.equal(r.status, 0, "skipped files are not a failure");
  assert.match(r.stderr, /binary\.txt: binary file/);
  assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
  const out = JSON.parse(r.stdout);
  const good = out.files.find((f: { file: string }) => f.file.endsWith("good.txt"));
  assert.equal(good.figures[0].text, "300");
  assert.equal(good.claims.length, 2);
  assert.ok(out.files.some((f: { file: string }) => f.file.endsWith("empty.txt")));
});

test("a folder with no matching files is an error (exit 2) that says so", () => {
  const dir = mkdtempSync(join(tmpdir(), "prov-empty-"));
  const r = run(["analyze", dir]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no files matching \*\.txt/);
});

test("contradictions lists the drone figures and the denial with sources", () => {
  const r = run(["contradictions", "examples"]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /as many as 1,000/);
  assert.match(r.stdout, /about 2,000/);
  assert.match(r.stdout, /denies\s+examples\/kyiv-bulletin-2026-03-03\.txt:6/);
  assert.match(r.stdout, /revision/);
});

test("figures prints the subject table without internal ids", () => {
  const r = run(["figures", "examples"]);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Iran drones in Russia/);
  assert.doesNotMatch(r.stdout, /@[a-z0-9]{4,}/);
});
