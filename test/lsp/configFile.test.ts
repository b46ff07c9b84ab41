// The project config file in the editor: the server merges it under the editor settings,
// watches it, and republishes diagnostics when it is created, changed or broken.
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { copyExamples, TestClient, uriOf } from "./lspClient";

const KYIV = "kyiv-bulletin-2026-03-03.txt";

describe("provenance.config.json in the editor", { timeout: 120_000 }, () => {
  let ws: ReturnType<typeof copyExamples>;
  let client: TestClient;
  let kyivUri: string;
  let configPath: string;

  const configChanged = (type: 1 | 2 | 3) =>
    client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(configPath), type }] });

  before(async () => {
    ws = copyExamples();
    configPath = join(ws.dir, "provenance.config.json");
    client = new TestClient({ folders: [ws.dir] });
    await client.initialize();
    await client.indexed();
    kyivUri = client.open(join(ws.dir, KYIV));
    await client.waitForDiagnostics(kyivUri, (d) => d.some((x) => x.code === "claim.hedged"));
  });

  after(async () => {
    await client?.shutdown();
    ws?.cleanup();
  });

  test("the config files are watched", () => {
    const watch = client.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles");
    assert.ok(watch, "no file watchers registered");
    const globs = watch.registerOptions.watchers.map((w: any) =>
      typeof w.globPattern === "string" ? w.globPattern : w.globPattern.pattern,
    );
    assert.ok(
      globs.some((g: string) => g.includes("provenance.config.json") && g.includes(".provenancerc.json")),
      JSON.stringify(globs),
    );
  });

  test("creating it disables a code and raises another", async () => {
    writeFileSync(configPath, JSON.stringify({ disable: ["claim.hedged"], severity: { "claim.denial": "error" } }));
    configChanged(1);
    const diags = await client.waitForDiagnostics(
      kyivUri,
      (d) => !d.some((x) => x.code === "claim.hedged") && d.some((x) => x.code === "claim.denial"),
    );
    assert.ok(diags.filter((d) => d.code === "claim.denial").every((d) => d.severity === 1));
  });

  test("a changed editor setting wins over the file", async () => {
    client.settings = { severity: { "claim.hedged": "warning" } };
    client.notify("workspace/didChangeConfiguration", { settings: null });
    const diags = await client.waitForDiagnostics(kyivUri, (d) => d.some((x) => x.code === "claim.hedged"));
    assert.ok(diags.filter((d) => d.code === "claim.hedged").every((d) => d.severity === 2));
    client.settings = {};
    client.notify("workspace/didChangeConfiguration", { settings: null });
    await client.waitForDiagnostics(kyivUri, (d) => !d.some((x) => x.code === "claim.hedged"));
  });

  test("a broken file is reported once and ignored; deleting it restores the defaults", async () => {
    writeFileSync(configPath, "{ not json");
    configChanged(2);
    await client.waitForDiagnostics(kyivUri, (d) => d.some((x) => x.code === "claim.hedged" && x.severity === 3));
    assert.ok(
      client.messages().some((m) => /provenance\.config\.json: not valid JSON/.test(m)),
      client.messages().join("\n"),
    );
    rmSync(configPath);
    configChanged(3);
    const diags = await client.waitForDiagnostics(kyivUri, (d) =>
      d.some((x) => x.code === "claim.denial" && x.severity === 3),
    );
    assert.ok(diags.some((d) => d.code === "claim.hedged"));
  });
});
