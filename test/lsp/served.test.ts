// Which open documents the server serves, over stdio: by language id (`plaintext`, `text`,
// `source-text`) wherever the file is, and by path (provenance.include) whatever the language
// id an editor gives it; always from the buffer, so a hover after an unsaved edit shows the
// edited number. Needs `npm run build`.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { copyExamples, hoverText, positionOf, TestClient } from "./lspClient";

const KYIV = "kyiv-bulletin-2026-03-03.txt";
const FIGURE = "about 2,000 Shahed drones";

describe("language server: documents served by language id and by path", { timeout: 120_000 }, () => {
  let ws: ReturnType<typeof copyExamples>;
  let outside: string;
  let client: TestClient;

  before(async () => {
    ws = copyExamples();
    outside = mkdtempSync(join(tmpdir(), "provenance-outside-"));
    client = new TestClient({ folders: [ws.dir] });
    await client.initialize();
    await client.indexed();
  });

  after(async () => {
    await client?.shutdown();
    ws?.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  test("an included .txt file with another language id is served from its buffer", async () => {
    const path = join(ws.dir, KYIV);
    const text = readFileSync(path, "utf8");
    const uri = client.open(path, "markdown", text);
    const diags = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === "claim.denial"));
    assert.ok(diags.every((d) => d.source === "provenance"));

    const edited = text.replace(FIGURE, FIGURE.replace("2,000", "2,500"));
    client.change(uri, edited);
    await client.waitForDiagnostics(uri, (d) => d.some((x) => String(x.message).includes("2,500")));
    const hover = await client.request("textDocument/hover", {
      textDocument: { uri },
      position: positionOf(edited, "2,500", 2),
    });
    assert.match(hoverText(hover), /2,500/, `the hover shows the disk's number, not the buffer's: ${hoverText(hover)}`);
    client.close(uri);
  });

  test("a `text` document outside every workspace folder is served by its language id", async () => {
    const path = join(outside, "clipping.txt");
    const text = "Officials said on Monday that about 300 soldiers were killed, a figure the ministry denied.\n";
    writeFileSync(path, text);
    const uri = client.open(path, "text", text);
    const diags = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.ok(
      diags.some((d) => String(d.code).startsWith("claim.")),
      JSON.stringify(diags),
    );
  });

  test("a document neither included nor in a source language is not served", async () => {
    const path = join(ws.dir, "notes.md");
    const text = "Officials said on Monday that about 300 soldiers were killed.\n";
    writeFileSync(path, text);
    const notes = client.open(path, "markdown", text);
    // A served document opened after it: once its diagnostics are in, the first was decided too.
    const servedPath = join(ws.dir, "later.txt");
    writeFileSync(servedPath, text);
    const later = client.open(servedPath, "plaintext", text);
    await client.waitForDiagnostics(later, (d) => d.length > 0);
    const stats = await client.request("provenance/documentStats", { uri: notes });
    assert.equal(stats.analysed, false, JSON.stringify(stats));
    assert.equal(
      client.diagnostics.get(notes),
      undefined,
      "diagnostics were published for a markdown file outside provenance.include",
    );
  });
});
