// Bad files never stop the server: a binary file (NUL bytes), invalid UTF-8 and a file over
// provenance.maxFileSize are skipped with one clear message each, while the other files are
// indexed and diagnosed. CRLF line ends and a BOM give correct positions.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { copyExamples, hoverText, positionOf, TestClient, uriOf } from "./lspClient";

const KYIV = "kyiv-bulletin-2026-03-03.txt";
const MAX = 4096;

describe("language server: bad files, CRLF and BOM", { timeout: 120_000 }, () => {
  let ws: ReturnType<typeof copyExamples>;
  let client: TestClient;
  let kyivText: string;

  before(async () => {
    ws = copyExamples();
    kyivText = readFileSync(join(ws.dir, KYIV), "utf8");
    writeFileSync(join(ws.dir, "binary.txt"), Buffer.from([0x49, 0x72, 0x61, 0x6e, 0x00, 0x01, 0x02, 0x00, 0x41]));
    writeFileSync(join(ws.dir, "latin1.txt"), Buffer.from("Caf\xe9 officials said about 2,000 drones.", "latin1"));
    writeFileSync(
      join(ws.dir, "oversize.txt"),
      "Officials said about 2,000 drones arrived. ".repeat(Math.ceil((MAX * 2) / 43)),
    );
    // The Kyiv bulletin again, saved with a BOM and CRLF line ends.
    writeFileSync(join(ws.dir, "crlf-bom.txt"), "\ufeff" + kyivText.replace(/\n/g, "\r\n"));
    client = new TestClient({ folders: [ws.dir], settings: { maxFileSize: MAX } });
    await client.initialize();
    await client.indexed();
  });

  after(async () => {
    await client?.shutdown();
    ws?.cleanup();
  });

  test("each bad file is skipped with one clear message naming it and the reason", async () => {
    const indexed = await client.indexed();
    assert.equal(indexed.skipped, 3, JSON.stringify(indexed));
    assert.equal(indexed.files, 5, "the four examples and the CRLF/BOM copy");
    const logs = client.notifications
      .filter((n) => n.method === "window/logMessage")
      .map((n) => String(n.params.message));
    const about = (name: string) => logs.filter((m) => m.includes(name));
    assert.equal(about("binary.txt").length, 1, logs.join("\n"));
    assert.match(about("binary.txt")[0]!, /binary|NUL/i);
    assert.equal(about("latin1.txt").length, 1, logs.join("\n"));
    assert.match(about("latin1.txt")[0]!, /UTF-8/);
    assert.equal(about("oversize.txt").length, 1, logs.join("\n"));
    assert.match(about("oversize.txt")[0]!, /maxFileSize/);
    const shown = client.notifications.filter((n) => n.method === "window/showMessage");
    assert.equal(shown.length, 1, "one summary notification, not one toast per file");
    assert.match(shown[0]!.params.message, /skipped 3 files/);
  });

  test("the other files still work: diagnostics, contradictions", async () => {
    const uri = client.open(join(ws.dir, KYIV));
    const diags = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === "stance.conflict"));
    assert.ok(diags.length > 0);
    const { contradictions } = await client.request("provenance/contradictions", {});
    assert.ok(contradictions.some((c: any) => c.kind === "figure"));
    for (const c of contradictions) for (const m of c.members) assert.ok(!/binary|latin1|oversize/.test(m.uri));
  });

  test("documentStats tells why a skipped file is not analysed", async () => {
    const stats = await client.request("provenance/documentStats", { uri: uriOf(join(ws.dir, "binary.txt")) });
    assert.equal(stats.analysed, false);
    assert.match(stats.skippedReason, /NUL/);
  });

  test("re-indexing does not repeat the messages", async () => {
    const before = client.messages().length;
    const result = await client.request("provenance/reindex");
    assert.equal(result.skipped, 3);
    const fresh = client
      .messages()
      .slice(before)
      .filter((m) => /binary\.txt|latin1\.txt|oversize\.txt/.test(m));
    assert.deepEqual(fresh, []);
  });

  test("an open document with NUL bytes gets one warning and no diagnostics", async () => {
    const path = join(ws.dir, "pasted.txt");
    writeFileSync(path, "");
    const shownBefore = client.notifications.filter((n) => n.method === "window/showMessage").length;
    const uri = client.open(path, "plaintext", "Officials reportedly said\u0000 about 2,000 drones.");
    const published = await client.waitFor("textDocument/publishDiagnostics", (p) => p.uri === uri);
    assert.deepEqual(published.diagnostics, []);
    const warning = await client.waitFor("window/showMessage", (p) => p.message.includes("pasted.txt"), 10_000, true);
    assert.match(warning.message, /NUL/);
    client.change(uri, "Officials reportedly said\u0000 about 2,500 drones.");
    await client.waitFor("textDocument/publishDiagnostics", (p) => p.uri === uri && p.version === 2);
    const shown = client.notifications.filter((n) => n.method === "window/showMessage").length;
    assert.equal(shown, shownBefore + 1, "warned once for the file, not once per edit");
    // Fixed: analysed again.
    client.change(uri, "Officials reportedly said about 2,500 drones.");
    // One diagnostic for the sentence (its unnamed source); its message names the hedge.
    await client.waitForDiagnostics(uri, (d) =>
      d.some((x) => x.code === "claim.anonymous" && /reportedly/.test(x.message)),
    );
    client.close(uri);
  });

  test("a file indexed from disk with BOM + CRLF: references land on the right characters", async () => {
    const refs: any[] = await client.request("textDocument/references", {
      textDocument: { uri: uriOf(join(ws.dir, KYIV)) },
      position: positionOf(kyivText, "2,000", 1),
      context: { includeDeclaration: true },
    });
    const copy = refs.find((r) => r.uri.endsWith("crlf-bom.txt"));
    assert.ok(copy, JSON.stringify(refs.map((r) => r.uri)));
    const expected = positionOf(kyivText, "about 2,000");
    assert.equal(copy.range.start.line, expected.line);
    const line = kyivText.split("\n")[expected.line]!;
    assert.match(line.slice(copy.range.start.character, copy.range.end.character), /2,000/);
  });

  test("a document opened with a BOM and CRLF: diagnostics and hovers use its positions", async () => {
    const path = join(ws.dir, "crlf-bom.txt");
    const text = readFileSync(path, "utf8"); // Node keeps the BOM
    assert.equal(text.charCodeAt(0), 0xfeff);
    const uri = client.open(path, "plaintext", text);
    const diags = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === "claim.hedged"));
    const lines = text.split("\r\n");
    for (const d of diags) {
      assert.equal(d.range.start.line, d.range.end.line, "single-line cues and figures");
      const covered = lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
      if (d.code === "claim.hedged" && /reportedly/.test(d.message)) assert.equal(covered, "reportedly");
      if (d.code === "figure.conflict") assert.match(covered, /2,000/);
    }
    // Line 0 carries the BOM: everything on it sits one character right of the BOM-less original.
    const original = client.diagnostics.get(uriOf(join(ws.dir, KYIV))) ?? [];
    const onHeadline = original.filter((d) => d.range.start.line === 0);
    for (const d of onHeadline) {
      const twin = diags.find((x) => x.code === d.code && x.range.start.line === 0);
      assert.ok(twin, `no ${d.code} on the headline of the BOM copy`);
      assert.equal(twin.range.start.character, d.range.start.character + 1);
      assert.equal(twin.range.end.character, d.range.end.character + 1);
    }
    const hover = await client.request("textDocument/hover", {
      textDocument: { uri },
      position: positionOf(text.replace(/\r\n/g, "\n"), "denied", 2),
    });
    assert.match(hoverText(hover), /Tehran/);
    client.close(uri);
  });
});
