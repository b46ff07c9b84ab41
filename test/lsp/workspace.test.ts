// Workspace behaviour over stdio: include / exclude settings (and re-indexing when they change),
// workspace folders added and removed, closing an edited document goes back to the disk text,
// untitled documents, clients without dynamic registration.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { copyExamples, examplesDir, positionOf, TestClient, uriOf } from "./lspClient";

const KYIV = "kyiv-bulletin-2026-03-03.txt";
const WASHINGTON = "washington-desk-2026-03-10.txt";
const base = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));

async function referencedFiles(client: TestClient, uri: string, text: string, needle: string): Promise<Set<string>> {
  const refs: any[] = await client.request("textDocument/references", {
    textDocument: { uri },
    position: positionOf(text, needle, 1),
    context: { includeDeclaration: true },
  });
  return new Set(refs.map((r) => base(r.uri)));
}

describe("workspace: settings, folders, open/close", { timeout: 120_000 }, () => {
  let ws: ReturnType<typeof copyExamples>;
  let extra: ReturnType<typeof copyExamples>;
  let client: TestClient;
  let kyivUri: string;
  let kyivText: string;

  before(async () => {
    ws = copyExamples();
    extra = copyExamples();
    mkdirSync(join(ws.dir, "archive"));
    writeFileSync(
      join(ws.dir, "archive", "old-wire.txt"),
      "Ukrainian officials said Iran has delivered about 2,000 drones to Russia.\n",
    );
    client = new TestClient({ folders: [ws.dir], settings: { exclude: ["archive/**"] } });
    await client.initialize();
    await client.indexed();
    kyivText = readFileSync(join(ws.dir, KYIV), "utf8");
    kyivUri = client.open(join(ws.dir, KYIV));
    await client.waitForDiagnostics(kyivUri, (d) => d.length > 0);
  });

  after(async () => {
    await client?.shutdown();
    ws?.cleanup();
    extra?.cleanup();
  });

  test("exclude keeps a folder out; changing it re-indexes", async () => {
    assert.ok(!(await referencedFiles(client, kyivUri, kyivText, "2,000")).has("old-wire.txt"));
    const indexedBefore = client.notifications.filter((n) => n.method === "provenance/indexed").length;
    client.settings = { exclude: [] };
    client.notify("workspace/didChangeConfiguration", { settings: null });
    await client.waitFor(
      "provenance/indexed",
      () => client.notifications.filter((n) => n.method === "provenance/indexed").length > indexedBefore,
    );
    assert.ok((await referencedFiles(client, kyivUri, kyivText, "2,000")).has("old-wire.txt"));
  });

  test("include narrows the indexed files", async () => {
    const indexedBefore = client.notifications.filter((n) => n.method === "provenance/indexed").length;
    client.settings = { include: ["kyiv-*.txt", "london-*.txt"], exclude: [] };
    client.notify("workspace/didChangeConfiguration", { settings: null });
    const done = await client.waitFor(
      "provenance/indexed",
      () => client.notifications.filter((n) => n.method === "provenance/indexed").length > indexedBefore,
    );
    assert.equal(done.files, 2, JSON.stringify(done));
    // The watchers follow the include globs: registered again with the new ones.
    const watchers = client.registrations.filter((r) => r.method === "workspace/didChangeWatchedFiles");
    const globs = watchers.at(-1)!.registerOptions.watchers.map((w: any) => w.globPattern.pattern ?? w.globPattern);
    assert.ok(globs.includes("kyiv-*.txt"), JSON.stringify(globs));
    const files = await referencedFiles(client, kyivUri, kyivText, "2,000");
    assert.ok(!files.has(WASHINGTON), [...files].join(", "));
    client.settings = {};
    client.notify("workspace/didChangeConfiguration", { settings: null });
    await client.waitFor("provenance/indexed", (p) => p.files >= 5);
  });

  test("an added workspace folder is indexed; a removed one is forgotten", async () => {
    const extraUri = uriOf(extra.dir);
    const washingtonCopy = uriOf(join(extra.dir, WASHINGTON));
    const before = client.notifications.filter((n) => n.method === "provenance/indexed").length;
    client.notify("workspace/didChangeWorkspaceFolders", {
      event: { added: [{ uri: extraUri, name: "extra" }], removed: [] },
    });
    await client.waitFor(
      "provenance/indexed",
      () => client.notifications.filter((n) => n.method === "provenance/indexed").length > before,
    );
    let refs: any[] = await client.request("textDocument/references", {
      textDocument: { uri: kyivUri },
      position: positionOf(kyivText, "2,000", 1),
      context: { includeDeclaration: true },
    });
    assert.ok(
      refs.some((r) => r.uri === washingtonCopy),
      "the second folder's copy is referenced",
    );

    client.notify("workspace/didChangeWorkspaceFolders", {
      event: { added: [], removed: [{ uri: extraUri, name: "extra" }] },
    });
    await client.waitFor("provenance/corpusChanged", () => true);
    refs = await client.request("textDocument/references", {
      textDocument: { uri: kyivUri },
      position: positionOf(kyivText, "2,000", 1),
      context: { includeDeclaration: true },
    });
    assert.ok(!refs.some((r) => r.uri === washingtonCopy), "the removed folder is forgotten");
  });

  test("closing an edited, unsaved document goes back to the text on disk", async () => {
    const path = join(ws.dir, WASHINGTON);
    const uri = client.open(path);
    let version = 0;
    const changed = corpusChangeAfter(client, uri, () => version);
    version = client.change(uri, readFileSync(path, "utf8").replace("as many as 1,000", "as many as 9,999"));
    await changed;
    let files = await referencedFiles(client, kyivUri, kyivText, "2,000");
    const text = async () => {
      const { groups } = await client.request("provenance/figures", {});
      return JSON.stringify(groups);
    };
    assert.match(await text(), /9,999/);
    client.close(uri);
    await client.waitFor("provenance/corpusChanged", () => true);
    assert.doesNotMatch(await text(), /9,999/);
    assert.match(await text(), /as many as 1,000/);
    files = await referencedFiles(client, kyivUri, kyivText, "2,000");
    assert.ok(files.has(WASHINGTON));
  });

  test("an untitled document is analysed while open and forgotten when closed", async () => {
    const uri = "untitled:Untitled-1";
    client.notify("textDocument/didOpen", {
      textDocument: {
        uri,
        languageId: "plaintext",
        version: 1,
        text: "Officials reportedly said Iran shipped about 7,777 drones to Russia.",
      },
    });
    const diags = await client.waitForDiagnostics(uri, (d) =>
      d.some((x) => x.code === "claim.anonymous" && /reportedly/.test(x.message)),
    );
    assert.ok(diags.length > 0);
    client.close(uri);
    await client.waitFor(
      "textDocument/publishDiagnostics",
      (p) => p.uri === uri && p.diagnostics.length === 0,
      10_000,
      true,
    );
    await client.waitFor("provenance/corpusChanged", () => true);
    const { groups } = await client.request("provenance/figures", {});
    assert.doesNotMatch(JSON.stringify(groups), /7,777/);
  });

  test("other languages are not diagnosed", async () => {
    const uri = uriOf(join(ws.dir, "notes.md"));
    client.notify("textDocument/didOpen", {
      textDocument: { uri, languageId: "markdown", version: 1, text: "Officials reportedly said about 2,000 drones." },
    });
    const hover = await client.request("textDocument/hover", {
      textDocument: { uri },
      position: { line: 0, character: 12 },
    });
    assert.equal(hover, null);
    assert.equal(client.diagnostics.get(uri), undefined);
  });

  test("two re-index requests at once both answer with the complete run", async () => {
    const [a, b] = await Promise.all([client.request("provenance/reindex"), client.request("provenance/reindex")]);
    assert.ok(a.files >= 5, JSON.stringify(a));
    assert.deepEqual(a, b);
  });

  test("semantic tokens for a line range stay inside it", async () => {
    const { data } = await client.request("textDocument/semanticTokens/range", {
      textDocument: { uri: kyivUri },
      range: { start: { line: 5, character: 0 }, end: { line: 5, character: 200 } },
    });
    assert.ok(data.length >= 5);
    let line = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      assert.equal(line, 5);
    }
  });
});

describe("workspace: a client without dynamic registration", { timeout: 60_000 }, () => {
  test("no watcher registration, still indexed, still follows didChangeWatchedFiles", async () => {
    const ws = copyExamples();
    const client = new TestClient({ folders: [ws.dir], watchers: false });
    try {
      await client.initialize();
      const indexed = await client.indexed();
      assert.equal(indexed.files, 4);
      assert.ok(!client.registrations.some((r) => r.method === "workspace/didChangeWatchedFiles"));
      const path = join(ws.dir, "later.txt");
      writeFileSync(path, readFileSync(join(examplesDir, WASHINGTON), "utf8"));
      client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(path), type: 1 }] });
      // The change that counts the new file (the one after indexing may come first on its own).
      await client.waitFor("provenance/corpusChanged", (p) => p.files === indexed.files + 1);
      const { groups } = await client.request("provenance/figures", {});
      assert.ok(JSON.stringify(groups).includes("later.txt"));
    } finally {
      await client.shutdown();
      ws.cleanup();
    }
  });
});

/**
 * The corpus change that follows the analysis of version `version()` of `uri`, not one sent
 * before it (a change event of earlier steps may still be on its way).
 */
function corpusChangeAfter(client: TestClient, uri: string, version: () => number): Promise<unknown> {
  let analysed = false;
  client
    .waitFor("textDocument/publishDiagnostics", (p) => (analysed ||= p.uri === uri && p.version === version()))
    .catch(() => undefined);
  return client.waitFor("provenance/corpusChanged", () => analysed);
}
