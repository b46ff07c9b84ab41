// Indexing with worker threads (lsp/indexWorkers.ts) must find exactly what indexing on the
// server's thread finds: a folder large enough for workers (the examples many times over, their
// numbers varied, with a BOM, CRLF line ends, an empty and a binary file among them) is indexed
// by a server made to use one worker and by one made to use none, and their answers compared.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { IndexWorkers } from "../../server/src/lsp/indexWorkers";
import { examplesDir, tempFolder, TestClient, uriOf } from "./lspClient";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** The examples, copied until there are `count` files, each copy's numbers (not years) varied. */
function folderFiles(count: number): Record<string, string> {
  const random = rng(7);
  const texts = readdirSync(examplesDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(examplesDir, f), "utf8"));
  const files: Record<string, string> = {};
  for (let i = 0; Object.keys(files).length < count; i++) {
    const text = texts[i % texts.length]!.replace(/\d[\d,]*/g, (n) =>
      /^(19|20)\d\d$/.test(n)
        ? n
        : n.replace(/\d/g, (_, k: number) =>
            String(k === 0 ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10)),
          ),
    );
    const name = `folder${i % 7}/clip-${String(i).padStart(4, "0")}.txt`;
    files[name] = i % 11 === 3 ? "\ufeff" + text : i % 13 === 5 ? text.replace(/\n/g, "\r\n") : text;
  }
  files["empty.txt"] = "";
  files["binary.txt"] = "\u0000\u0001\u0002 not text \u0000";
  return files;
}

async function answers(client: TestClient, uris: string[]): Promise<unknown> {
  const pages: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page: any = await client.request("provenance/contradictions", {
      pageSize: 50,
      ...(cursor ? { cursor } : {}),
    });
    // A cursor names the listing it pages (made anew by each server), so it is left out.
    const { nextCursor, ...rest } = page;
    pages.push(rest);
    cursor = nextCursor;
  } while (cursor);
  const stats = [];
  const symbols = [];
  for (const uri of uris) {
    stats.push(await client.request("provenance/documentStats", { uri }));
    symbols.push(await client.request("textDocument/documentSymbol", { textDocument: { uri } }));
  }
  return { pages, stats, symbols };
}

describe("indexing with worker threads", { timeout: 240_000 }, () => {
  // Fewer files than workers are started for by themselves: the test sets their count.
  const files = folderFiles(240);
  const folder = tempFolder(files);
  const uris = Object.keys(files)
    .sort()
    .filter((_, i) => i % 23 === 0)
    .map((name) => uriOf(join(folder.dir, name)));
  let alone: { indexed: any; answers: unknown; messages: string[] };
  let withWorker: typeof alone;

  async function index(workers: number): Promise<typeof alone> {
    const client = new TestClient({ folders: [folder.dir], env: { PROVENANCE_INDEX_WORKERS: String(workers) } });
    try {
      await client.initialize();
      const indexed = await client.indexed(120_000);
      return { indexed, answers: await answers(client, uris), messages: client.messages() };
    } finally {
      await client.shutdown();
    }
  }

  before(async () => {
    alone = await index(0);
    withWorker = await index(1);
  });
  after(() => folder.cleanup());

  test("the worker read and analysed files, and the server's thread some too", () => {
    const line = withWorker.messages.find((m) => m.includes("worker thread"));
    const analysed = Number(/(\d+) of them read and analysed by 1 worker thread/.exec(line ?? "")?.[1]);
    assert.ok(analysed > 0, `files analysed by the worker (${line})`);
    assert.ok(!alone.messages.some((m) => m.includes("worker thread")), "none without workers");
  });

  test("the same files are indexed and skipped", () => {
    const { milliseconds: _a, ...a } = alone.indexed;
    const { milliseconds: _b, ...b } = withWorker.indexed;
    assert.deepEqual(b, a);
    assert.ok(a.skipped >= 1, "the binary file is skipped");
    const skips = (messages: string[]) => messages.filter((m) => /^Provenance:? skipped/.test(m)).sort();
    assert.deepEqual(skips(withWorker.messages), skips(alone.messages));
  });

  test("contradictions, document stats and symbols are the same", () => {
    assert.deepEqual(withWorker.answers, alone.answers);
    const { pages } = alone.answers as { pages: Array<{ total: number }> };
    assert.ok(pages[0]!.total > 0, "the folder has contradictions to compare");
  });
});

describe("a worker that fails", { timeout: 60_000 }, () => {
  const folder = tempFolder({
    "exits.js": `require("node:worker_threads").parentPort.on("message", () => process.exit(3));`,
    "fails.js": `const { parentPort } = require("node:worker_threads");
parentPort.on("message", ({ id }) => parentPort.postMessage({ id, read: undefined }));`,
  });
  // The pool's workers do not keep a process alive (the server's connection does): this does, here.
  let keepAlive: NodeJS.Timeout;
  before(() => (keepAlive = setInterval(() => {}, 60_000)));
  after(() => {
    clearInterval(keepAlive);
    folder.cleanup();
  });

  test("a worker that dies answers what it had queued with nothing, and is reported", async () => {
    const problems: string[] = [];
    const workers = IndexWorkers.start((m) => problems.push(m), 1, join(folder.dir, "exits.js"))!;
    assert.ok(workers, "started");
    const reads = [workers.read("a.txt", 1000), workers.read("b.txt", 1000)];
    assert.deepEqual(await Promise.all(reads), [undefined, undefined]);
    assert.match(problems.join("\n"), /an indexing worker stopped \(exit code 3\)/);
    assert.equal(workers.read("c.txt", 1000), undefined, "no worker left: the server's thread reads");
    await workers.close();
  });

  test("a file a worker fails on comes back as nothing, and the worker goes on", async () => {
    const problems: string[] = [];
    const workers = IndexWorkers.start((m) => problems.push(m), 1, join(folder.dir, "fails.js"))!;
    assert.equal(await workers.read("a.txt", 1000), undefined);
    assert.equal(await workers.read("b.txt", 1000), undefined);
    assert.equal(workers.analysed, 0);
    assert.deepEqual(problems, []);
    await workers.close();
  });

  test("no worker script, no workers", () => {
    assert.equal(
      IndexWorkers.start(() => {}, 1, join(folder.dir, "missing.js")),
      undefined,
    );
    assert.equal(
      IndexWorkers.start(() => {}, 0, join(folder.dir, "fails.js")),
      undefined,
    );
  });
});
