// The repros of issue 11 against the real server over stdio: the open buffer wins over the disk,
// files created while indexing are kept, edits are coalesced, messages are bounded, a bad frame
// does not silence the server, null params answer -32602, cancelled requests answer -32800,
// lone-CR files get the right line numbers.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { analyze } from "../../server/src/engine";
// @ts-expect-error: a plain JavaScript module shared with the benchmarks
import { LspClient } from "../../bench/lsp-client.mjs";
import { serverPath } from "./lspClient";

const DISK = "Officials said Chad sent 2,000 soldiers to Niger.";
const EDITOR =
  "Iran reportedly shipped about 7,777 drones to Russia. The ministry denied that 300 troops were killed. Analysts said 12 ships left.";

function countsOf(text: string) {
  const a = analyze(text);
  return { figures: a.figures.length, claims: a.claims.length };
}

/**
 * A describe block's server: a fresh folder holding `files`, the server started on it and indexed
 * before the block's tests, closed and the folder removed after them.
 */
function serveFolder(
  files: Record<string, string>,
  settings: Record<string, unknown>,
  use: (dir: string, client: any) => void,
): void {
  let dir = "";
  let client: any;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "provenance-robust-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const started = await start(dir, settings);
    client = started.client;
    await started.indexed;
    use(dir, client);
  });
  after(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

async function start(dir: string, settings: Record<string, unknown> = {}) {
  const folders = [{ uri: pathToFileURL(dir).href, name: "ws" }];
  const client = new LspClient(serverPath, { cwd: dir, folders, settings: { provenance: settings } });
  await client.request("initialize", {
    processId: process.pid,
    rootUri: folders[0]!.uri,
    workspaceFolders: folders,
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  const indexed = client.waitFor("provenance/indexed", () => true, 120_000);
  client.notify("initialized", {});
  return { client, indexed };
}

async function statsOf(client: any, uri: string) {
  const { result } = await client.request("provenance/documentStats", { uri });
  return { figures: result.figures, claims: result.claims };
}

describe("the open buffer wins over the disk", () => {
  let dir: string;
  let client: any;
  serveFolder({ "a.txt": DISK }, {}, (d, c) => {
    dir = d;
    client = c;
  });

  test("close and reopen with other text, 30 times: the server analyses the editor's text each time", async () => {
    const uri = pathToFileURL(join(dir, "a.txt")).href;
    const want = countsOf(EDITOR);
    for (let i = 0; i < 30; i++) {
      client.notify("textDocument/didOpen", {
        textDocument: { uri, languageId: "plaintext", version: 1, text: EDITOR },
      });
      assert.deepEqual(await statsOf(client, uri), want, `round ${i}`);
      client.notify("textDocument/didClose", { textDocument: { uri } });
    }
    assert.deepEqual(await statsOf(client, uri), countsOf(DISK), "closed: back to the disk");
  });

  test("a watcher 'changed' event then an open: the editor's text wins", async () => {
    const uri = pathToFileURL(join(dir, "a.txt")).href;
    for (let i = 0; i < 20; i++) {
      writeFileSync(join(dir, "a.txt"), `${DISK} ${i}`);
      client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri, type: 2 }] });
      client.notify("textDocument/didOpen", {
        textDocument: { uri, languageId: "plaintext", version: 1, text: EDITOR },
      });
      assert.deepEqual(await statsOf(client, uri), countsOf(EDITOR), `round ${i}`);
      client.notify("textDocument/didClose", { textDocument: { uri } });
    }
  });
});

describe("indexing", () => {
  test("files created while indexing lists folders are all indexed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "provenance-robust-"));
    const names = Array.from({ length: 3000 }, (_, i) => `f${i}`);
    for (const name of names) mkdirSync(join(dir, name));
    const { client, indexed } = await start(dir);
    try {
      // The walk goes in name order: files created in the first folders once indexing has
      // begun land in folders it has most likely listed already.
      await client.waitFor("provenance/indexingStatus", (p: any) => p.indexing === true);
      const created: string[] = [];
      for (const name of [...names].sort().slice(0, 100)) {
        const path = join(dir, name, "new.txt");
        writeFileSync(path, `Officials said ${created.length + 1} ships left.`);
        created.push(pathToFileURL(path).href);
        client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(path).href, type: 1 }] });
      }
      await indexed;
      const missing: string[] = [];
      for (const uri of created) {
        const { result } = await client.request("provenance/documentStats", { uri });
        if (!result.analysed) missing.push(uri);
      }
      assert.deepEqual(missing, []);
    } finally {
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("hostile workspace", () => {
  test("links leading out of the folder are not read, at indexing or on a watcher event; link loops end", async () => {
    const base = mkdtempSync(join(tmpdir(), "provenance-robust-"));
    const dir = join(base, "ws");
    mkdirSync(dir);
    mkdirSync(join(base, "outside"));
    writeFileSync(join(base, "outside", "secret.txt"), "Secret said 999 spies were hidden.");
    writeFileSync(join(dir, "a.txt"), DISK);
    symlinkSync(join(base, "outside", "secret.txt"), join(dir, "passwd.txt"));
    symlinkSync(".", join(dir, "self"));
    symlinkSync(".", join(dir, "again"));
    const { client, indexed } = await start(dir);
    try {
      const result = (await indexed).params;
      assert.equal(result.files, 1, JSON.stringify(result));
      const passwd = pathToFileURL(join(dir, "passwd.txt")).href;
      const stats = (await client.request("provenance/documentStats", { uri: passwd })).result;
      assert.equal(stats.analysed, false);
      assert.match(stats.skippedReason, /outside/);
      symlinkSync(join(base, "outside", "secret.txt"), join(dir, "later.txt"));
      const later = pathToFileURL(join(dir, "later.txt")).href;
      client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: later, type: 1 }] });
      const laterStats = (await client.request("provenance/documentStats", { uri: later })).result;
      assert.equal(laterStats.analysed, false);
      assert.match(laterStats.skippedReason, /outside/);
    } finally {
      await client.close();
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe("protocol under hostile input", () => {
  let dir: string;
  let client: any;
  serveFolder({ "a.txt": DISK }, {}, (d, c) => {
    dir = d;
    client = c;
  });

  test("a frame with a bad Content-Length is skipped and the next request is answered", async () => {
    for (const frame of [
      "Content-Length: abc\r\n\r\n{}",
      'Content-Type: x\r\n\r\n{"jsonrpc":"2.0"}',
      "Content-Length: 3\r\n\r\n{oo",
    ]) {
      client.proc.stdin.write(frame);
      const { result } = await client.request("provenance/documentStats", {
        uri: pathToFileURL(join(dir, "a.txt")).href,
      });
      assert.equal(result.analysed, true, JSON.stringify(frame));
    }
  });

  test("null or missing params answer -32602", async () => {
    for (const method of [
      "textDocument/hover",
      "textDocument/documentSymbol",
      "textDocument/semanticTokens/full",
      "provenance/documentStats",
    ]) {
      for (const params of [null, 5, []]) {
        await assert.rejects(
          client.request(method, params),
          (e: any) => e.rpc?.code === -32602,
          `${method} ${JSON.stringify(params)}`,
        );
      }
    }
  });

  test("a request cancelled before it runs answers RequestCancelled (-32800)", async () => {
    const uri = pathToFileURL(join(dir, "a.txt")).href;
    const id = client.nextId;
    // Both frames in one write: the cancellation is known before the request is handled.
    const frame = (msg: object) => {
      const body = Buffer.from(JSON.stringify(msg));
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
    };
    const answer = new Promise((resolve, reject) => {
      client.pending.set(id, {
        method: "textDocument/documentSymbol",
        timer: setTimeout(() => reject(new Error("no answer")), 20_000),
        resolve,
        reject,
      });
    });
    client.nextId++;
    client.proc.stdin.write(
      Buffer.concat([
        frame({ jsonrpc: "2.0", id, method: "textDocument/documentSymbol", params: { textDocument: { uri } } }),
        frame({ jsonrpc: "2.0", method: "$/cancelRequest", params: { id } }),
      ]),
    );
    await assert.rejects(answer, (e: any) => e.rpc?.code === -32800);
  });

  test("lone-CR line ends: diagnostics sit on the right lines", async () => {
    const uri = pathToFileURL(join(dir, "cr.txt")).href;
    const text = "Title\r\rOfficials said 300 troops left.\rIran reportedly shipped 12 drones.";
    const published = client.waitFor(
      "textDocument/publishDiagnostics",
      (p: any) => p.uri === uri && p.diagnostics.length > 0,
    );
    client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text } });
    const { params } = await published;
    const lines = text.split("\r");
    for (const d of params.diagnostics) {
      const line = lines[d.range.start.line] ?? "";
      assert.ok(d.range.start.line >= 2, JSON.stringify(d.range));
      assert.ok(d.range.end.character <= line.length, `${JSON.stringify(d.range)} on ${JSON.stringify(line)}`);
    }
    const figure = params.diagnostics.find((d: any) => /300/.test(d.message));
    assert.equal(
      lines[figure.range.start.line]!.slice(figure.range.start.character, figure.range.end.character),
      "300",
    );
  });
});

describe("large documents and edit bursts", () => {
  let dir: string;
  let client: any;
  serveFolder({}, { maxFileSize: 8 * 1024 * 1024 }, (d, c) => {
    dir = d;
    client = c;
  });

  test("a file of 3,000 findings: at most 1,000 diagnostics, the last one counting the rest; the outline is bounded", async () => {
    const uri = pathToFileURL(join(dir, "big.txt")).href;
    const text = "Russia said 5 troops were killed. ".repeat(1500);
    const published = client.waitFor(
      "textDocument/publishDiagnostics",
      (p: any) => p.uri === uri && p.diagnostics.length > 0,
      120_000,
    );
    client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text } });
    const { params } = await published;
    assert.equal(params.diagnostics.length, 1000);
    assert.match(params.diagnostics.at(-1).message, /^2001 more Provenance findings/);
    const { result } = await client.request("textDocument/documentSymbol", { textDocument: { uri } }, 120_000);
    for (const group of result) assert.ok(group.children.length <= 2000, `${group.name}: ${group.children.length}`);
    client.notify("textDocument/didClose", { textDocument: { uri } });
  });

  test("a burst of 300 edits is coalesced: fewer analyses than edits, the last version published", async () => {
    const uri = pathToFileURL(join(dir, "burst.txt")).href;
    let text = "Officials said 300 troops left. ".repeat(400);
    client.log = [];
    client.keep = (note: any) => note.method === "textDocument/publishDiagnostics" && note.params.uri === uri;
    const opened = client.waitFor(
      "textDocument/publishDiagnostics",
      (p: any) => p.uri === uri && p.version === 1,
      60_000,
    );
    client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version: 1, text } });
    await opened;
    const last = client.waitFor(
      "textDocument/publishDiagnostics",
      (p: any) => p.uri === uri && p.version === 301,
      120_000,
    );
    for (let version = 2; version <= 301; version++) {
      text += "Iran said 5 ships left. ";
      client.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    await last;
    const publishes = client.log.filter((n: any) => n.params.version > 1).length;
    assert.ok(publishes < 300, `${publishes} publications for 300 edits`);
    assert.deepEqual(await statsOf(client, uri), countsOf(text));
  });
});
