// Correct from the first request, over stdio: references, hovers, code lens and
// provenance/contradictions sent right after start wait for the first index instead of
// answering from the files indexed so far; document symbols keep LSP's range rules on every
// seed and dev text; no internal subject or actor id is shown; a claim without a date of its own
// gets the dateline, never a date further down.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { analyze } from "../../server/src/engine";
import { LineMap } from "../../server/src/lsp/convert";
import { outline } from "../../server/src/lsp/features/symbols";
import { copyExamples, hoverText, positionOf, repoRoot, TestClient } from "./lspClient";

const KYIV = "kyiv-bulletin-2026-03-03.txt";
const LONDON = "london-review-2026-03-18.txt";
const CORPUS = join(repoRoot, "..", "shared", "corpus");
const INTERNAL_ID = /@[0-9a-z]{4,}|`[a-z]+(?:-[a-z]+)+`/;

/** Ordinary prose written for this test, so that indexing takes a while before the examples. */
function filler(n: number): string {
  return `Parish notes ${n}\n\nThe parish council met on Tuesday to discuss the library roof and the new bus timetable. ${"Volunteers repainted the benches near the pond and planted trees along the lane. ".repeat(30)}\n`;
}

describe("requests sent before the first index completes", { timeout: 120_000 }, () => {
  let ws: ReturnType<typeof copyExamples>;
  let client: TestClient;
  let kyivUri: string;
  let kyivText: string;

  before(async () => {
    ws = copyExamples();
    // Named to sort before the examples: the files that matter are indexed last.
    for (let i = 0; i < 400; i++) writeFileSync(join(ws.dir, `a-parish-${String(i).padStart(3, "0")}.txt`), filler(i));
    client = new TestClient({ folders: [ws.dir] });
    await client.initialize();
    kyivText = readFileSync(join(ws.dir, KYIV), "utf8");
    kyivUri = client.open(join(ws.dir, KYIV));
  });

  after(async () => {
    await client?.shutdown();
    ws?.cleanup();
  });

  test("references, hover, code lens and contradictions at once all see the other files", async () => {
    const position = positionOf(kyivText, "2,000", 1);
    const [references, hover, lenses, contradictions] = await Promise.all([
      client.request<any[]>("textDocument/references", {
        textDocument: { uri: kyivUri },
        position,
        context: { includeDeclaration: true },
      }),
      client.request("textDocument/hover", { textDocument: { uri: kyivUri }, position }),
      client.request<any[]>("textDocument/codeLens", { textDocument: { uri: kyivUri } }),
      client.request<any>("provenance/contradictions", {}),
    ]);
    assert.ok(
      references.some((r) => r.uri.endsWith(LONDON)),
      JSON.stringify(references.map((r) => r.uri)),
    );
    assert.match(hoverText(hover), new RegExp(LONDON.replace(/\./g, "\\.")));
    assert.doesNotMatch(hoverText(hover), /No other value for this subject/);
    assert.ok(
      lenses.some((l) => /also in/.test(l.command?.title ?? "")),
      JSON.stringify(lenses),
    );
    assert.ok(contradictions.contradictions.some((c: any) => c.members.some((m: any) => m.uri.endsWith(LONDON))));
  });
});

describe(
  "what the user sees carries no internal id; dates are the claim's or the dateline",
  { timeout: 60_000 },
  () => {
    let dir: string;
    let client: TestClient;
    let uri: string;
    const text = `Harbour news\n\nOfficials said the plant employs 30 people and sold 12 boats.\n${"The council met again to discuss the harbour budget and the new ferry timetable. ".repeat(10)}\nThe last strike, the mayor recalled, was in August 2019.\n`;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), "provenance-ids-"));
      writeFileSync(join(dir, "harbour.txt"), text);
      client = new TestClient({ folders: [dir] });
      await client.initialize();
      await client.indexed();
      uri = client.open(join(dir, "harbour.txt"));
    });

    after(async () => {
      await client?.shutdown();
      rmSync(dir, { recursive: true, force: true });
    });

    test("figure diagnostics and hovers name the subject in words", async () => {
      const diagnostics = await client.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === "figure").length >= 2);
      for (const d of diagnostics) assert.doesNotMatch(d.message, INTERNAL_ID);
      for (const needle of ["30 people", "12 boats", "Officials"]) {
        const hover = hoverText(
          await client.request("textDocument/hover", { textDocument: { uri }, position: positionOf(text, needle, 1) }),
        );
        assert.ok(hover.length > 0);
        assert.doesNotMatch(hover, INTERNAL_ID, hover);
      }
      const symbols = JSON.stringify(await client.request("textDocument/documentSymbol", { textDocument: { uri } }));
      assert.doesNotMatch(symbols, /@[0-9a-z]{4,}/);
    });

    test("a claim without a date says so, instead of the first date found further down", async () => {
      const hover = hoverText(
        await client.request("textDocument/hover", {
          textDocument: { uri },
          position: positionOf(text, "Officials", 2),
        }),
      );
      assert.match(hover, /\*\*When:\*\* not stated/);
      assert.doesNotMatch(hover, /2019/);
    });
  },
);

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
const before_ = (a: Range["start"], b: Range["start"]) =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner: Range, outer: Range) => before_(outer.start, inner.start) && before_(inner.end, outer.end);

function checkSymbols(symbols: any[], where: string, parent?: Range): number {
  let n = 0;
  for (const s of symbols) {
    assert.ok(
      inside(s.selectionRange, s.range),
      `${where}: "${s.name}" selectionRange ${JSON.stringify(s.selectionRange)} outside ${JSON.stringify(s.range)}`,
    );
    if (parent) assert.ok(inside(s.range, parent), `${where}: "${s.name}" outside its parent`);
    n += 1 + checkSymbols(s.children ?? [], where, s.range);
  }
  return n;
}

describe("document symbols keep LSP's range rules", { timeout: 120_000 }, () => {
  test("every symbol of every seed and dev text", (t) => {
    if (!existsSync(CORPUS)) return t.skip("../shared/corpus is not beside the checkout");
    let files = 0;
    let symbols = 0;
    for (const set of ["seeds", "dev"]) {
      const dir = join(CORPUS, set);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
        const source = readFileSync(join(dir, name), "utf8");
        symbols += checkSymbols(outline(analyze(source), new LineMap(source)), name);
        files++;
      }
    }
    assert.ok(files >= 5 && symbols > 100, `${files} files, ${symbols} symbols`);
  });

  test("over stdio, on the examples, asked right after opening", async () => {
    const ws = copyExamples();
    const client = new TestClient({ folders: [ws.dir] });
    try {
      await client.initialize();
      for (const name of readdirSync(ws.dir)) {
        const uri = client.open(join(ws.dir, name));
        const symbols = await client.request<any[]>("textDocument/documentSymbol", { textDocument: { uri } });
        assert.ok(checkSymbols(symbols, name) > 0, name);
      }
    } finally {
      await client.shutdown();
      ws.cleanup();
    }
  });
});
