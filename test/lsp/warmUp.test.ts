// The warm-up on the workspace's own texts (lsp/warmUp.ts) over stdio: it runs before the first
// indexing is announced, on included files only (an excluded file is never sampled), and edits
// that arrive meanwhile are published in order, the last text's diagnostics equal to a fresh
// analysis of it. Without a workspace folder, or with little text, there is nothing to sample.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { computeDiagnostics } from "../../server/src/lsp/features/diagnostics";
import { SourceIndex } from "../../server/src/lsp/sources";
import { normalizeSettings } from "../../server/src/shared/settings";
import { examplesDir, tempFolder, TestClient, uriOf } from "./lspClient";

const quiet = { error() {}, warn() {}, info() {}, log() {} };
const example = (name: string) => readFileSync(join(examplesDir, name), "utf8");
const WARMED = /warmed up on (\d+) texts \((\d+) characters\)/;

describe("warm-up on the workspace's texts", { timeout: 120_000 }, () => {
  let dir: string;
  let cleanup: (() => void) | undefined;
  let client: TestClient;
  // Each over the 4 KB the warm-up asks of its samples.
  const edited = example("kyiv-bulletin-2026-03-03.txt").repeat(8);
  const other = example("washington-desk-2026-03-10.txt").repeat(7);
  const excluded = example("london-review-2026-03-18.txt").repeat(9);

  before(() => {
    ({ dir, cleanup } = tempFolder({ "edited.txt": edited, "other.txt": other, "archive/excluded.txt": excluded }));
    client = new TestClient({ folders: [dir], settings: { exclude: ["archive/**"] } });
  });

  after(async () => {
    await client?.shutdown();
    cleanup?.();
  });

  test("edits during the warm-up are published in order; the last equals a fresh analysis", async () => {
    await client.initialize();
    // Opened and edited at once, while the server indexes and warms up.
    const uri = client.open(join(dir, "edited.txt"));
    let text = edited;
    let version = 1;
    const edit = (round: number) => {
      text = `${text}\nOfficials said ${round + 3} people were hurt, according to a statement.\n`;
      version = client.change(uri, text);
    };
    for (let round = 0; round < 6; round++) {
      edit(round);
      const v = version;
      await client.waitFor("textDocument/publishDiagnostics", (p) => p.uri === uri && p.version >= v);
    }
    for (let round = 6; round < 14; round++) edit(round); // back to back
    await client.indexed();

    const sources = new SourceIndex(quiet, () => undefined);
    sources.set(uriOf(join(dir, "other.txt")), other);
    sources.set(uri, text, version);
    const fresh = JSON.parse(JSON.stringify(computeDiagnostics(sources, uri, normalizeSettings({}))));
    assert.ok(fresh.length > 0);
    await client.waitForDiagnostics(uri, (diagnostics) => {
      assert.deepEqual(diagnostics, fresh);
      return true;
    });

    const versions = client.notifications
      .filter((n) => n.method === "textDocument/publishDiagnostics" && n.params.uri === uri)
      .map((n) => n.params.version as number);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      `published out of order: ${versions.join(", ")}`,
    );
    assert.equal(versions.at(-1), version);
  });

  test("only included files are sampled, before the indexing is announced", async () => {
    await client.indexed();
    const line = client.messages().find((m) => WARMED.test(m));
    assert.ok(line, `no warm-up line in ${JSON.stringify(client.messages())}`);
    const [, texts, characters] = WARMED.exec(line)!;
    // The edited file is sampled only when indexing read it before it was opened.
    const allowed = [`1 ${other.length}`, `2 ${edited.length + other.length}`];
    assert.ok(allowed.includes(`${texts} ${characters}`), `${line}: expected one of ${allowed.join(" | ")}`);
  });
});

describe("no warm-up without a workspace folder or with little text", { timeout: 60_000 }, () => {
  let client: TestClient;

  after(async () => {
    await client?.shutdown();
  });

  test("the examples (2 KB) are too little to sample", async () => {
    const small = new TestClient({ folders: [examplesDir] });
    try {
      await small.initialize();
      await small.indexed();
      assert.ok(small.messages().some((m) => /indexed 4 files/.test(m)));
      assert.ok(!small.messages().some((m) => WARMED.test(m)), JSON.stringify(small.messages()));
    } finally {
      await small.shutdown();
    }
  });

  test("an untitled document is served; nothing is sampled", async () => {
    client = new TestClient({ folders: [] });
    await client.initialize();
    await client.indexed();
    const uri = "untitled:Untitled-1";
    void client.rpc.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "plaintext", version: 1, text: example("kyiv-bulletin-2026-03-03.txt") },
    });
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.ok(diagnostics.length > 0);
    assert.ok(!client.messages().some((m) => WARMED.test(m)), JSON.stringify(client.messages()));
  });
});
