// The CLI's reports are written file by file (issue 9): the streamed JSON must equal the scorer's
// record computed all at once from the engine, in a stable order, and a file that cannot be read
// halfway through costs its one message, not the rest of the report.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import { contradictionSummary, corpusRelations, createCorpus, findingsOf } from "../../server/src/engine";
import { applyConfig } from "../../server/src/shared/config";
import { indentedJsonList, JsonLines } from "../../server/src/cli/format";
import { inOrder } from "../../server/src/shared/inputs";
import { run as runCli, type CliIO } from "../../server/src/cli/main";

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "dist", "cli.js");
const run = (args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 30 });

type Generator = { generateArchive(count: number, bytes: number, seed?: number): string[] };

/** `count` generated clippings in folders of 50 (bench/corpus.mjs: a story archive, figures and statements recur across files). */
async function generatedFolder(count: number): Promise<{ dir: string; paths: string[] }> {
  const { generateArchive } = (await import(pathToFileURL(join(ROOT, "bench", "corpus.mjs")).href)) as Generator;
  const dir = mkdtempSync(join(tmpdir(), "provenance-stream-"));
  const paths: string[] = [];
  generateArchive(count, 3000, 77).forEach((text: string, i: number) => {
    const sub = join(dir, `d${String(Math.floor(i / 50)).padStart(2, "0")}`);
    mkdirSync(sub, { recursive: true });
    const path = join(sub, `c${String(i).padStart(4, "0")}.txt`);
    writeFileSync(path, text);
    paths.push(path);
  });
  return { dir, paths };
}

/** The scorer's JSON built at once from the engine: every analysis held, as the CLI did before it streamed. */
function referenceJson(paths: readonly string[]): unknown {
  const corpus = createCorpus();
  for (const path of paths) corpus.set(path, readFileSync(path, "utf8"));
  const relationsOf = corpusRelations(corpus);
  const position = (doc: TextDocument, offset: number) => {
    const { line, character } = doc.positionAt(offset);
    return { line: line + 1, column: character + 1 };
  };
  const files = paths.map((file) => {
    const a = corpus.analysis(file)!;
    const doc = TextDocument.create("file:///x", "plaintext", 0, a.text);
    const findings = findingsOf(file, a, relationsOf(file), applyConfig(undefined)).map((f) => {
      const start = position(doc, f.span.start);
      const end = position(doc, f.span.end);
      return {
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        code: f.code,
        severity: f.severity,
        message: f.message,
        ...(f.stance ? { stance: f.stance } : {}),
      };
    });
    return {
      file,
      actors: a.actors.map(({ start, end, text, kind, canonical }) => ({ start, end, text, kind, canonical })),
      figures: a.figures.map((f, i) => ({
        start: f.start,
        end: f.end,
        text: f.text,
        value: f.value,
        qualifier: f.qualifier,
        unit: f.unit,
        subject: corpus.figureGroupOf(file, i)?.subject ?? f.subject,
      })),
      claims: a.claims.map((c) => ({
        start: c.start,
        end: c.end,
        text: c.text,
        kinds: c.kinds,
        source: c.source ? { start: c.source.start, end: c.source.end, text: c.source.text } : null,
        cues: c.cues.map((x) => x.text),
      })),
      findings,
    };
  });
  const contradictions = corpus.contradictions().map((c) => ({
    kind: c.kind,
    summary: contradictionSummary(c),
    members: c.members.map(({ file, start, end, text, side, source, date }) => ({
      file,
      start,
      end,
      text,
      side,
      source,
      date,
    })),
  }));
  return { files, contradictions };
}

test("analyze --json streamed over 240 generated files equals the record built at once, in a stable order", async () => {
  const { dir, paths } = await generatedFolder(240);
  const first = run(["analyze", dir, "--json"]);
  assert.equal(first.status, 0, first.stderr);
  assert.equal(first.stderr, "");
  const streamed = JSON.parse(first.stdout) as { files: Array<{ file: string }>; contradictions: unknown[] };
  assert.deepEqual(
    streamed.files.map((f) => f.file),
    paths,
    "files in walk order (folders and names sorted), whatever order their reads finished in",
  );
  assert.ok(
    streamed.contradictions.length > 0,
    "the archive has cross-file contradictions (the part computed at the end)",
  );
  assert.deepEqual(streamed, referenceJson(paths));
  // One file per line: the layout the README promises.
  const lines = first.stdout.split("\n");
  assert.equal(lines[0], `{"files":[`);
  assert.equal(lines.filter((l) => l.startsWith(`{"file":`)).length, paths.length);
  assert.equal(run(["analyze", dir, "--json"]).stdout, first.stdout, "a second run writes the same bytes");
});

/** Runs the CLI in this process; with `pace`, io.drain holds the output back after every `pace` characters until the test lets it go. */
function paced(args: string[], pace?: number) {
  let out = "";
  let sinceDrain = 0;
  let hold: (() => void) | undefined;
  let waits = 0;
  const io: CliIO = {
    out: (s) => {
      if (hold) throw new Error("written while the reader had not caught up");
      out += s + "\n";
      sinceDrain += s.length + 1;
    },
    err: () => undefined,
  };
  if (pace !== undefined)
    io.drain = () => {
      if (sinceDrain < pace) return undefined;
      sinceDrain = 0;
      waits++;
      return new Promise<void>((resolve) => (hold = resolve));
    };
  const done = runCli(args, io);
  const release = () => {
    const go = hold;
    hold = undefined;
    go?.();
    return go !== undefined;
  };
  return { done, release, output: () => out, waits: () => waits, held: () => hold !== undefined };
}

test("the reports wait while the reader of the output has not caught up (io.drain), and write the same", async () => {
  const { dir } = await generatedFolder(60);
  for (const args of [
    ["analyze", dir, "--json"],
    ["analyze", dir],
    ["contradictions", dir, "--json", "--fail-on", "never"],
    ["contradictions", dir, "--fail-on", "never"],
    ["analyze", dir, "--format", "sarif"],
  ]) {
    const free = paced(args);
    assert.equal(await free.done, 0);
    const slow = paced(args, 4096);
    let finished = false;
    void slow.done.then(() => (finished = true));
    while (!finished) {
      await new Promise((resolve) => setImmediate(resolve));
      // Held: `out` throws if anything is written before the release.
      if (slow.held()) slow.release();
    }
    assert.equal(await slow.done, 0);
    assert.ok(slow.waits() > 3, `${args.join(" ")}: the output was held back ${slow.waits()} times`);
    assert.equal(slow.output(), free.output(), args.join(" "));
  }
});

test("analyze --json into a pipe whose reader pauses writes the same bytes as into a file", async () => {
  const { dir } = await generatedFolder(120);
  const whole = run(["analyze", dir, "--json"]);
  assert.equal(whole.status, 0, whole.stderr);
  const child = spawn(process.execPath, [CLI, "analyze", dir, "--json"], { cwd: ROOT });
  const chunks: Buffer[] = [];
  let pauses = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    if (chunks.length % 8 !== 0) return;
    // Stop reading for a few turns of the event loop: the pipe fills and the CLI must wait.
    child.stdout.pause();
    pauses++;
    let turns = 20;
    const resume = () => (--turns > 0 ? setImmediate(resume) : child.stdout.resume());
    setImmediate(resume);
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  assert.equal(code, 0);
  assert.ok(pauses > 3, `the reader paused ${pauses} times`);
  assert.equal(Buffer.concat(chunks).toString("utf8"), whole.stdout);
});

test("a file that cannot be read mid-stream gets one message; the others are still reported", async (t) => {
  const { dir, paths } = await generatedFolder(12);
  const binary = join(dir, "d00", "c0005b.txt"); // sorts between c0005 and c0006
  writeFileSync(binary, Buffer.from([0x41, 0x00, 0x42]));
  const soft = run(["analyze", dir, "--json"]);
  assert.equal(soft.status, 0, "a binary file is skipped, not an error");
  assert.deepEqual(soft.stderr.trim().split("\n"), [
    `provenance: ${binary}: binary file (contains NUL bytes), not text`,
  ]);
  assert.deepEqual(
    (JSON.parse(soft.stdout) as { files: Array<{ file: string }> }).files.map((f) => f.file),
    paths,
  );

  const fifo = join(dir, "d00", "c0007b.txt");
  if (spawnSync("mkfifo", [fifo]).status !== 0) return t.skip("mkfifo is not available");
  for (const format of ["json", "text"]) {
    const hard = run(["analyze", dir, "--format", format]);
    assert.equal(hard.status, 3, "an input that cannot be read at all: exit 3, as before");
    const messages = hard.stderr.trim().split("\n");
    assert.equal(messages.length, 2, hard.stderr);
    assert.ok(messages.includes(`provenance: ${fifo}: not a regular file (a FIFO), not read`), hard.stderr);
    if (format === "json")
      assert.deepEqual(
        (JSON.parse(hard.stdout) as { files: Array<{ file: string }> }).files.map((f) => f.file),
        paths,
      );
    else assert.match(hard.stdout, new RegExp(`in ${paths.length} files`), "the summary counts every file read");
  }
});

test("JsonLines writes the same text whether or not the writer ends each chunk with a newline", () => {
  const write = (items: string[][], addNewline: boolean) => {
    let out = "";
    const json = new JsonLines((s) => (out += addNewline && !s.endsWith("\n") ? s + "\n" : s));
    json.open(`{"files":[`);
    for (const item of items[0]!) json.item(item);
    json.close("]");
    json.open(`,"contradictions":[`);
    for (const item of items[1]!) json.item(item);
    json.close("]}");
    json.end();
    return out;
  };
  for (const items of [
    [[], []],
    [["1"], []],
    [[], ["2", "3"]],
    [["1", "2"], ["3"]],
  ]) {
    const raw = write(items, false);
    assert.deepEqual(JSON.parse(raw), { files: items[0]!.map(Number), contradictions: items[1]!.map(Number) });
    assert.equal(write(items, true), raw + "\n");
    const count = items[0]!.length + items[1]!.length;
    const arrays = items.filter((list) => list.length > 0).length;
    assert.equal(raw.split("\n").length, 1 + count + arrays, "one item per line, each array's head on its own line");
  }
});

test("indentedJsonList joined by newlines is JSON.stringify(…, null, 2)", () => {
  const lists: unknown[][] = [[], [1], [{ a: [1, { b: "x\ny" }], c: null }, { d: [] }], [[], {}, "s"]];
  for (const items of lists)
    assert.equal([...indentedJsonList("groups", items)].join("\n"), JSON.stringify({ groups: items }, null, 2));
});

test("inOrder yields results in the items' order with a bounded number in flight", async () => {
  const started: number[] = [];
  const resolvers = new Map<number, (n: number) => void>();
  let running = 0;
  let most = 0;
  const results: number[] = [];
  const consumer = (async () => {
    for await (const n of inOrder([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3, (n) => {
      started.push(n);
      most = Math.max(most, ++running);
      return new Promise<number>((resolve) =>
        resolvers.set(n, (v) => {
          running--;
          resolve(v);
        }),
      );
    })) {
      results.push(n);
    }
  })();
  // Finish reads last-started first: the order of results must not follow.
  while (results.length < 10) {
    const open = [...resolvers.keys()].sort((a, b) => b - a);
    for (const n of open) {
      resolvers.get(n)!(n * 10);
      resolvers.delete(n);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await consumer;
  assert.deepEqual(results, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(most, 3, "never more than 3 in flight");
});

test("inOrder re-throws a failure when its turn comes, after the results before it", async () => {
  const seen: number[] = [];
  await assert.rejects(async () => {
    for await (const n of inOrder([1, 2, 3], 3, (n) =>
      n === 2 ? Promise.reject(new Error("boom")) : Promise.resolve(n),
    ))
      seen.push(n);
  }, /boom/);
  assert.deepEqual(seen, [1]);
});
