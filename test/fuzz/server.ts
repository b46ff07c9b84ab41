// Server fuzzing over the real protocol: random requests at random positions, malformed params
// and frames, edit bursts, open / close / reopen with other text, files changed on disk while
// the workspace is indexed. Invariants: every request is answered within a bound, the server
// stays alive, its results match the open buffers and its index matches the disk.
import fc from "fast-check";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { analyze } from "../../server/src/engine";
// @ts-expect-error: a plain JavaScript module shared with the benchmarks
import { LspClient } from "../../bench/lsp-client.mjs";
import { SEED_TEXTS, type Violation } from "./engine";

const SERVER = process.env.PROVENANCE_FUZZ_SERVER ?? fileURLToPath(new URL("../../dist/server.js", import.meta.url));
/** Every request must be answered within this (a generous bound: the machine may be loaded). */
export const ANSWER_BOUND_MS = 30_000;

const FILES = ["a.txt", "b.txt", "c.txt", "d.txt"];

const text = fc.oneof(
  fc.constantFrom(...SEED_TEXTS),
  fc.tuple(fc.constantFrom(...SEED_TEXTS), fc.constantFrom(...SEED_TEXTS)).map(([a, b]) => `${a}\n${b}`),
  fc.constant(""),
  fc.string({ unit: "binary", maxLength: 40 }).map((s) => s.replace(/\0/g, "")),
);
const file = fc.constantFrom(...FILES);
const position = fc.record({
  line: fc.oneof(fc.nat({ max: 3 }), fc.constantFrom(-1, 1e6, 2 ** 31)),
  character: fc.oneof(fc.nat({ max: 120 }), fc.constantFrom(-5, 1e9)),
});
const REQUESTS = [
  "textDocument/hover",
  "textDocument/documentSymbol",
  "textDocument/semanticTokens/full",
  "textDocument/references",
  "textDocument/codeLens",
  "provenance/documentStats",
  "provenance/contradictions",
  "provenance/figures",
] as const;

export type ServerOp =
  | { op: "open"; file: string; text: string }
  | { op: "change"; file: string; text: string }
  | { op: "insert"; file: string; at: { line: number; character: number }; text: string }
  | { op: "close"; file: string }
  | { op: "reopen"; file: string; text: string }
  | { op: "disk"; file: string; text: string; kind: "write" | "delete" }
  | {
      op: "request";
      method: (typeof REQUESTS)[number];
      file: string;
      position: { line: number; character: number };
      cancel: boolean;
    }
  | { op: "malformed"; method: string; params: unknown }
  | { op: "badFrame"; frame: string }
  | { op: "burst"; file: string; count: number };

export const serverOp: fc.Arbitrary<ServerOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("open" as const), file, text }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant("change" as const), file, text }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("insert" as const),
      file,
      at: position,
      text: fc.constantFrom(" 5 troops", "said ", "\n", "“", "\r", "😀", ""),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("close" as const), file }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("reopen" as const), file, text }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("disk" as const),
      file,
      text,
      kind: fc.constantFrom("write" as const, "delete" as const),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant("request" as const),
      method: fc.constantFrom(...REQUESTS),
      file,
      position,
      cancel: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("malformed" as const),
      method: fc.constantFrom(...REQUESTS, "textDocument/hover"),
      params: fc.constantFrom(
        null,
        5,
        "x",
        [],
        { textDocument: null },
        { textDocument: { uri: 7 }, position: "top" },
        { textDocument: { uri: "file:///nowhere.txt" } },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("badFrame" as const),
      frame: fc.constantFrom(
        "Content-Length: abc\r\n\r\n{}",
        "Content-Length: -4\r\n\r\n",
        'Content-Type: x\r\n\r\n{"jsonrpc":"2.0"}',
        "Content-Length: 5\r\n\r\n{oops",
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("burst" as const), file, count: fc.integer({ min: 5, max: 60 }) }),
  },
);

/** A sequence of operations against one server (long ones find more, short ones shrink better). */
export function serverCase(maxLength = 40): fc.Arbitrary<ServerOp[]> {
  return fc.array(serverOp, { minLength: Math.min(5, maxLength), maxLength, size: "max" });
}

interface OpenDoc {
  uri: string;
  version: number;
  text: string;
}

/** Applies an LSP position insert to a text the way the client's document would. */
function insertAt(
  text: string,
  at: { line: number; character: number },
  insert: string,
): { text: string; range: object } {
  const lines: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\r" && text[i + 1] === "\n") continue;
    if (c === "\n" || c === "\r") lines.push(i + 1);
  }
  const line = Math.min(Math.max(at.line, 0), lines.length - 1);
  const lineStart = lines[line]!;
  const lineEnd = line + 1 < lines.length ? lines[line + 1]! : text.length;
  let contentEnd = lineEnd;
  while (contentEnd > lineStart && (text[contentEnd - 1] === "\n" || text[contentEnd - 1] === "\r")) contentEnd--;
  let offset = Math.min(lineStart + Math.max(at.character, 0), contentEnd);
  // Never between the halves of a surrogate pair (an editor never puts the cursor there).
  const code = text.charCodeAt(offset - 1);
  if (offset > lineStart && code >= 0xd800 && code <= 0xdbff) offset--;
  const pos = { line, character: offset - lineStart };
  return { text: text.slice(0, offset) + insert + text.slice(offset), range: { start: pos, end: pos } };
}

export interface ServerRun {
  operations: number;
  violations: Violation[];
}

/** Runs one sequence against a fresh server on a fresh workspace; always shuts the server down. */
export async function runServerCase(ops: ServerOp[]): Promise<ServerRun> {
  const dir = mkdtempSync(join(tmpdir(), "provenance-fuzz-"));
  const violations: Violation[] = [];
  const report = (invariant: string, detail: string) => violations.push({ invariant, detail: detail.slice(0, 400) });
  for (const [i, name] of FILES.entries()) if (i % 2 === 0) writeFileSync(join(dir, name), SEED_TEXTS[i]!);
  const folders = [{ uri: pathToFileURL(dir).href, name: "fuzz" }];
  const client = new LspClient(SERVER, { cwd: dir, folders, settings: { provenance: {} } });
  const open = new Map<string, OpenDoc>();
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
  const answered: Array<Promise<void>> = [];
  let operations = 0;
  const request = (
    method: string,
    params: unknown,
    check?: (r: { result?: unknown; error?: { code: number } }) => void,
  ) => {
    answered.push(
      client.request(method, params, ANSWER_BOUND_MS).then(
        (r: { result: unknown }) => check?.({ result: r.result }),
        (e: { rpc?: { code: number }; message: string }) => {
          if (e.rpc) check?.({ error: e.rpc });
          else report("answered within the bound", `${method}: ${e.message.split("\n")[0]}`);
        },
      ),
    );
  };
  try {
    await client.request(
      "initialize",
      {
        processId: process.pid,
        rootUri: folders[0]!.uri,
        workspaceFolders: folders,
        capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
      },
      ANSWER_BOUND_MS,
    );
    const indexed = client.waitFor("provenance/indexed", () => true, ANSWER_BOUND_MS * 2);
    client.notify("initialized", {});
    for (const op of ops) {
      operations++;
      const uri = uriOf(op.op === "malformed" || op.op === "badFrame" ? "a.txt" : op.file);
      switch (op.op) {
        case "open":
        case "reopen": {
          if (open.has(uri) && op.op === "reopen") client.notify("textDocument/didClose", { textDocument: { uri } });
          else if (open.has(uri)) break;
          open.set(uri, { uri, version: 1, text: op.text });
          client.notify("textDocument/didOpen", {
            textDocument: { uri, languageId: "plaintext", version: 1, text: op.text },
          });
          break;
        }
        case "change": {
          const doc = open.get(uri);
          if (!doc) break;
          doc.version++;
          doc.text = op.text;
          client.notify("textDocument/didChange", {
            textDocument: { uri, version: doc.version },
            contentChanges: [{ text: op.text }],
          });
          break;
        }
        case "insert": {
          const doc = open.get(uri);
          if (!doc) break;
          const edit = insertAt(doc.text, op.at, op.text);
          doc.version++;
          doc.text = edit.text;
          client.notify("textDocument/didChange", {
            textDocument: { uri, version: doc.version },
            contentChanges: [{ range: edit.range, text: op.text }],
          });
          break;
        }
        case "burst": {
          const doc = open.get(uri);
          if (!doc) break;
          for (let i = 0; i < op.count; i++) {
            doc.version++;
            doc.text += i % 2 === 0 ? " Officials said 5 troops were killed." : "\n";
            client.notify("textDocument/didChange", {
              textDocument: { uri, version: doc.version },
              contentChanges: [{ text: doc.text }],
            });
          }
          break;
        }
        case "close":
          if (!open.has(uri)) break;
          open.delete(uri);
          client.notify("textDocument/didClose", { textDocument: { uri } });
          break;
        case "disk": {
          const path = join(dir, op.file);
          const existed = existsSync(path);
          if (op.kind === "write") writeFileSync(path, op.text);
          else if (existed) unlinkSync(path);
          else break;
          client.notify("workspace/didChangeWatchedFiles", {
            changes: [{ uri, type: op.kind === "delete" ? 3 : existed ? 2 : 1 }],
          });
          break;
        }
        case "request": {
          const params =
            op.method.startsWith("provenance/") && op.method !== "provenance/documentStats"
              ? {}
              : op.method === "provenance/documentStats"
                ? { uri }
                : { textDocument: { uri }, position: op.position, context: { includeDeclaration: true } };
          const id = client.nextId;
          request(op.method, params);
          if (op.cancel) client.notify("$/cancelRequest", { id });
          break;
        }
        case "malformed":
          request(op.method, op.params, (r) => {
            const needsObject = op.method.startsWith("textDocument/") || op.method === "provenance/documentStats";
            const notObject = op.params === null || typeof op.params !== "object" || Array.isArray(op.params);
            if (needsObject && notObject && r.error?.code !== -32602)
              report(
                "missing params answer -32602",
                `${op.method} ${JSON.stringify(op.params)} → ${JSON.stringify(r)}`,
              );
          });
          break;
        case "badFrame":
          client.proc.stdin.write(op.frame);
          break;
      }
    }
    await Promise.all(answered);
    await indexed.catch(() => report("indexing ends", "no provenance/indexed notification"));
    await checkState(client, dir, open, uriOf, report);
  } catch (error) {
    report(
      "server stays up",
      String((error as Error).message ?? error)
        .split("\n")
        .slice(0, 3)
        .join(" "),
    );
  } finally {
    await client.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  return { operations, violations };
}

/** The server's view of every file equals the open buffer, or the disk for a closed file. */
async function checkState(
  client: InstanceType<typeof LspClient>,
  dir: string,
  open: Map<string, OpenDoc>,
  uriOf: (name: string) => string,
  report: (invariant: string, detail: string) => void,
): Promise<void> {
  for (const name of FILES) {
    const uri = uriOf(name);
    const doc = open.get(uri);
    const path = join(dir, name);
    const expected = doc ? doc.text : existsSync(path) ? readFileSync(path, "utf8") : undefined;
    const { result: stats } = await client.request("provenance/documentStats", { uri }, ANSWER_BOUND_MS);
    if (expected === undefined) {
      if (stats.analysed) report("index equals disk", `${name}: deleted but still analysed`);
      continue;
    }
    const a = analyze(expected);
    const want = {
      figures: a.figures.length,
      claims: a.claims.length,
      actors: new Set(a.actors.map((x) => x.canonical)).size,
    };
    const got = { figures: stats.figures, claims: stats.claims, actors: stats.actors };
    if (!stats.analysed || JSON.stringify(want) !== JSON.stringify(got)) {
      report(
        doc ? "results match the open buffer" : "index equals disk",
        `${name}: want ${JSON.stringify(want)} got ${JSON.stringify(stats)} for ${JSON.stringify(expected).slice(0, 120)}`,
      );
    }
  }
}
