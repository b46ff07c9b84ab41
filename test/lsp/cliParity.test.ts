// One set of decisions: the same folder fed to the CLI (`analyze --json`) and to the language
// server over stdio gives the same findings — codes, severities, ranges and messages — for every
// file, with a project config file both honour, and with CRLF and lone-CR line ends.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { copyExamples, repoRoot, TestClient, uriOf } from "./lspClient";

const CLI = join(repoRoot, "dist", "cli.js");
const SEVERITY = ["", "error", "warning", "information", "hint"];

type Row = [
  code: string,
  severity: string,
  startLine: number,
  startCharacter: number,
  endLine: number,
  endCharacter: number,
  message: string,
];

function cliRows(file: any): Row[] {
  return file.findings.map((f: any): Row => [
    f.code,
    f.severity,
    f.line - 1,
    f.column - 1,
    f.endLine - 1,
    f.endColumn - 1,
    f.message,
  ]);
}

function serverRows(diagnostics: any[]): Row[] {
  return diagnostics.map((d): Row => [
    String(d.code),
    SEVERITY[d.severity]!,
    d.range.start.line,
    d.range.start.character,
    d.range.end.line,
    d.range.end.character,
    String(d.message),
  ]);
}

const sorted = (rows: Row[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("the CLI and the language server report the same findings", { timeout: 120_000 }, () => {
  let ws: ReturnType<typeof copyExamples>;
  let client: TestClient;
  let cli: any;

  before(async () => {
    ws = copyExamples();
    // Line ends of other systems, and a config file both front ends must honour.
    writeFileSync(
      join(ws.dir, "crlf-wire.txt"),
      "Wire report\r\n\r\nOfficials said Iran has delivered about 2,000 drones to Russia.\r\nThe plant reportedly employs 900 workers.\r\n",
    );
    writeFileSync(
      join(ws.dir, "cr-notes.txt"),
      "Notes\r\rTehran denied that it sent drones to Russia.\rThe claim could not be confirmed.\r",
    );
    writeFileSync(
      join(ws.dir, "provenance.config.json"),
      JSON.stringify({ severity: { "claim.attributed": "information" }, disable: ["figure"] }),
    );
    const r = spawnSync(process.execPath, [CLI, "analyze", ws.dir, "--json", "--fail-on", "never"], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    cli = JSON.parse(r.stdout);
    client = new TestClient({ folders: [ws.dir] });
    await client.initialize();
    await client.indexed();
  });

  after(async () => {
    await client?.shutdown();
    ws?.cleanup();
  });

  test("every file: same codes, severities, ranges and messages", async () => {
    const names = readdirSync(ws.dir)
      .filter((n) => n.endsWith(".txt"))
      .sort();
    assert.deepEqual(cli.files.map((f: any) => f.file.slice(ws.dir.length + 1)).sort(), names);
    const uris = names.map((name) => client.open(join(ws.dir, name)));
    for (const [i, name] of names.entries()) {
      const expected = sorted(cliRows(cli.files.find((f: any) => f.file.endsWith(`/${name}`))));
      assert.ok(expected.length > 0, `${name}: the CLI found nothing to compare`);
      const same = (d: any[]) => JSON.stringify(sorted(serverRows(d))) === JSON.stringify(expected);
      // The server republishes when the corpus settles; wait for the publication that agrees.
      const published = await client
        .waitForDiagnostics(uris[i]!, same, 20_000)
        .catch(() => client.diagnostics.get(uris[i]!) ?? []);
      assert.deepEqual(sorted(serverRows(published)), expected, name);
    }
  });

  test("the config file took effect in both (figures disabled, attributed raised)", () => {
    const codes = cli.files.flatMap((f: any) => f.findings.map((x: any) => x.code));
    assert.ok(!codes.includes("figure"));
    assert.ok(
      cli.files
        .flatMap((f: any) => f.findings)
        .some((x: any) => x.code === "claim.attributed" && x.severity === "information"),
    );
    for (const diagnostics of client.diagnostics.values()) assert.ok(!diagnostics.some((d) => d.code === "figure"));
  });

  test("a lone CR ends a line in both", () => {
    const notes = cli.files.find((f: any) => f.file.endsWith("cr-notes.txt"));
    const text = readFileSync(join(ws.dir, "cr-notes.txt"), "utf8").split("\r");
    for (const f of notes.findings)
      assert.ok(f.line >= 3 && f.endColumn - 1 <= text[f.line - 1]!.length, JSON.stringify(f));
    const server = client.diagnostics.get(uriOf(join(ws.dir, "cr-notes.txt"))) ?? [];
    assert.ok(server.length > 0 && server.every((d) => d.range.start.line >= 2));
  });
});
