// provenance.enable: off, the folder's files are neither indexed nor diagnosed; on (the default),
// the same folder is. Needs `npm run build`.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { copyExamples, TestClient } from "./lspClient";

const KYIV = "kyiv-bulletin-2026-03-03.txt";

async function indexedWith(settings: Record<string, unknown>): Promise<{ files: number; diagnostics: any[] }> {
  const ws = copyExamples();
  const client = new TestClient({ folders: [ws.dir], settings });
  try {
    await client.initialize();
    const indexed = await client.indexed();
    const uri = client.open(join(ws.dir, KYIV));
    const version = await client.waitFor("textDocument/publishDiagnostics", (p) => p.uri === uri);
    return { files: indexed.files, diagnostics: version.diagnostics };
  } finally {
    await client.shutdown();
    ws.cleanup();
  }
}

describe("provenance.enable", { timeout: 120_000 }, () => {
  test("off: nothing is indexed and an opened file gets no diagnostics", async () => {
    const { files, diagnostics } = await indexedWith({ enable: false });
    assert.equal(files, 0);
    assert.deepEqual(diagnostics, []);
  });

  test("on by default: the same folder is indexed and diagnosed", async () => {
    const { files, diagnostics } = await indexedWith({});
    assert.ok(files > 0);
    assert.ok(diagnostics.length > 0);
  });
});
