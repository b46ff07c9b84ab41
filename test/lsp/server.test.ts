// The language server over real JSON-RPC on stdio (`node dist/server.js --stdio`), with a copy
// of examples/ as the workspace folder. Assertions are about what the examples truly contain:
// - kyiv-bulletin: "about 2,000 Shahed drones" (Ukrainian military intelligence), "reportedly"
//   (hedged), "Tehran has repeatedly denied sending drones to Russia…" (denial), Rutte "could
//   not confirm" (non-confirmation);
// - washington-desk: "as many as 1,000 drones" (U.S. officials), Araghchi denied;
// - london-review: "around 2,400" (British Ministry of Defence), "about 3,000" (Kyiv, 20 March).
// Needs `npm run build` (npm test builds first).
import assert from "node:assert/strict";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { LEGEND } from "../../server/src/lsp/features/semanticTokens";
import { copyExamples, examplesDir, hoverText, positionOf, TestClient, uriOf } from "./lspClient";

const KYIV = "kyiv-bulletin-2026-03-03.txt";
const WASHINGTON = "washington-desk-2026-03-10.txt";
const LONDON = "london-review-2026-03-18.txt";
const DENIAL = "Tehran has repeatedly denied sending drones to Russia";
const CODES = new Set([
  "claim.attributed",
  "claim.hedged",
  "claim.anonymous",
  "claim.denial",
  "figure",
  "figure.conflict",
  "stance.conflict",
]);

const base = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf("/") + 1));

describe("language server over stdio (examples workspace)", { timeout: 120_000 }, () => {
  let ws: ReturnType<typeof copyExamples>;
  let client: TestClient;
  let init: any;
  let kyivUri: string;
  let kyivText: string;

  before(async () => {
    ws = copyExamples();
    client = new TestClient({ folders: [ws.dir] });
    init = await client.initialize();
    await client.indexed();
    kyivText = readFileSync(join(ws.dir, KYIV), "utf8");
    kyivUri = client.open(join(ws.dir, KYIV));
  });

  after(async () => {
    await client?.shutdown();
    ws?.cleanup();
  });

  test("initialize announces hover, references, code lens, semantic tokens, symbols, incremental sync", () => {
    const caps = init.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.ok(caps.codeLensProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.deepEqual(caps.semanticTokensProvider.legend, LEGEND);
    assert.equal(caps.textDocumentSync.change, 2);
  });

  test("indexing reports work-done progress and provenance/indexed", async () => {
    const indexed = await client.indexed();
    assert.equal(indexed.files, 4);
    assert.equal(indexed.skipped, 0);
    const progress = client.notifications.filter((n) => n.method === "$/progress").map((n) => n.params.value);
    const begin = progress.find((v) => v.kind === "begin");
    assert.match(begin?.title ?? "", /index/i);
    assert.ok(
      progress.some((v) => v.kind === "end"),
      "no progress end",
    );
  });

  test("file watchers are registered dynamically", () => {
    const watch = client.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles");
    assert.ok(watch, `registrations: ${JSON.stringify(client.registrations)}`);
    const globs = watch.registerOptions.watchers.map((w: any) =>
      typeof w.globPattern === "string" ? w.globPattern : w.globPattern.pattern,
    );
    assert.ok(globs.includes("**/*.txt"), JSON.stringify(globs));
  });

  test("diagnostics arrive with provenance codes, severities and messages that say why", async () => {
    const diags = await client.waitForDiagnostics(kyivUri, (d) =>
      ["stance.conflict", "claim.hedged", "figure.conflict"].every((code) => d.some((x) => x.code === code)),
    );
    for (const d of diags) {
      assert.equal(d.source, "provenance");
      assert.ok(CODES.has(d.code), `unexpected code ${d.code}`);
    }
    // Tehran's denial is contradicted by other files: one stance.conflict, naming the denial.
    const denial = diags.find((d) => d.code === "stance.conflict" && d.range.start.line === 5);
    assert.ok(
      denial,
      `no contradicted denial on line 6 ("${DENIAL}…"): ${JSON.stringify(diags.map((d) => [d.code, d.range.start.line]))}`,
    );
    assert.equal(denial.severity, 2, "stance conflicts default to Warning");
    assert.match(denial.message, /Tehran/);
    assert.match(denial.message, /denial/);
    const hedged = diags.find((d) => d.code === "claim.hedged" && /reportedly/.test(d.message));
    assert.ok(hedged, "no hedged diagnostic naming the cue “reportedly”");
    assert.equal(hedged.severity, 3, "hedged defaults to Information");
    const line4 = kyivText.split("\n")[4]!;
    assert.equal(line4.slice(hedged.range.start.character, hedged.range.end.character), "reportedly");
    assert.ok(
      !diags.some((d) => /^(person|country|organization|actor)/.test(String(d.code))),
      "actors must not be diagnostics",
    );
  });

  test("figure.conflict on “about 2,000” points at the conflicting mentions in other files", async () => {
    const diags = await client.waitForDiagnostics(kyivUri, (d) => d.some((x) => x.code === "figure.conflict"));
    const conflict = diags.find((d) => d.code === "figure.conflict")!;
    const line = kyivText.split("\n")[conflict.range.start.line]!;
    assert.match(line.slice(conflict.range.start.character, conflict.range.end.character), /2,000/);
    assert.equal(conflict.severity, 2, "figure.conflict defaults to Warning");
    const related = (conflict.relatedInformation ?? []).map((r: any) => base(r.location.uri));
    assert.ok(
      related.some((f: string) => f === WASHINGTON || f === LONDON),
      `related: ${related.join(", ")}`,
    );
    assert.ok(related.every((f: string) => f !== KYIV || related.length > 1));
    assert.match(conflict.message, /1,000|2,400|3,000/);
  });

  test("a claim hover names its source, the stance and when", async () => {
    const hover = await client.request("textDocument/hover", {
      textDocument: { uri: kyivUri },
      position: positionOf(kyivText, "denied", 2),
    });
    const text = hoverText(hover);
    assert.equal(hover.contents.kind, "markdown");
    assert.match(text, /Tehran/);
    assert.match(text, /government/);
    assert.match(text, /den(y|ies|ied|ial)/i);
    assert.match(text, /3 March 2026/);
    assert.match(text, /\]\(file:\/\/[^)]+#L\d+\)/, "links to mentions elsewhere as [file:line](uri#Lline)");
  });

  test("a hedged claim hover says it is hedged and gives the cue", async () => {
    const hover = await client.request("textDocument/hover", {
      textDocument: { uri: kyivUri },
      position: positionOf(kyivText, "reportedly", 3),
    });
    const text = hoverText(hover);
    assert.match(text, /Hedged/);
    assert.match(text, /reportedly/);
  });

  test("a figure hover gives value, qualifier, unit, subject and the other files' values", async () => {
    const hover = await client.request("textDocument/hover", {
      textDocument: { uri: kyivUri },
      position: positionOf(kyivText, "2,000", 2),
    });
    const text = hoverText(hover);
    assert.match(text, /2,000/);
    assert.match(text, /approximate/);
    assert.match(text, /drones/);
    assert.match(text, /1,000/, "Washington's “as many as 1,000”");
    assert.match(text, /2,400/, "London's “around 2,400”");
    assert.match(text, new RegExp(WASHINGTON.replace(/[.-]/g, "\\$&")));
    assert.match(text, /U\.S\. officials/);
  });

  test("an actor hover gives kind, canonical name, spellings and claims it is the source of", async () => {
    const hover = await client.request("textDocument/hover", {
      textDocument: { uri: kyivUri },
      position: positionOf(kyivText, "Budanov warned", 2),
    });
    const text = hoverText(hover);
    assert.match(text, /Kyrylo Budanov/);
    assert.match(text, /person/);
    assert.match(text, /Source of \d+ claim/);
  });

  test("references on a figure reach files that were never opened", async () => {
    const refs: any[] = await client.request("textDocument/references", {
      textDocument: { uri: kyivUri },
      position: positionOf(kyivText, "2,000", 1),
      context: { includeDeclaration: true },
    });
    const files = new Set(refs.map((r) => base(r.uri)));
    assert.ok(files.has(KYIV), [...files].join(", "));
    assert.ok(files.has(WASHINGTON), `Washington (not open) missing: ${[...files].join(", ")}`);
    const washington = readFileSync(join(ws.dir, WASHINGTON), "utf8");
    const ref = refs.find((r) => base(r.uri) === WASHINGTON);
    const line = washington.split("\n")[ref.range.start.line]!;
    assert.match(line.slice(ref.range.start.character, ref.range.end.character), /1,000/);
  });

  test("references on an actor reach other files", async () => {
    const refs: any[] = await client.request("textDocument/references", {
      textDocument: { uri: kyivUri },
      position: positionOf(kyivText, "Iran has delivered", 1),
      context: { includeDeclaration: true },
    });
    const files = new Set(refs.map((r) => base(r.uri)));
    assert.ok(files.size >= 2, `Iran is mentioned in several files: ${[...files].join(", ")}`);
  });

  test("provenance/contradictions returns the drone figure conflict and the denial stance conflict", async () => {
    const { contradictions, total, nextCursor } = await client.request("provenance/contradictions", {});
    assert.equal(total, contradictions.length, "the default page holds the few contradictions of the examples");
    assert.equal(nextCursor, undefined);
    const figure = contradictions.find(
      (c: any) => c.kind === "figure" && c.members.some((m: any) => /2,000/.test(m.text)),
    );
    assert.ok(figure, JSON.stringify(contradictions).slice(0, 800));
    const all = contradictions
      .filter((c: any) => c.kind === "figure")
      .flatMap((c: any) => c.members.map((m: any) => m.text));
    for (const value of ["2,000", "1,000", "2,400", "3,000"])
      assert.ok(
        all.some((t: string) => t.includes(value)),
        `${value} missing`,
      );
    assert.equal(figure.memberCount, figure.members.length, "a pair of two readings: every member shown");
    for (const m of figure.members) {
      assert.ok(m.side === "a" || m.side === "b");
      assert.ok(m.uri.startsWith("file://"));
      assert.ok(m.range.start.line >= 0);
    }
    const stances = contradictions.filter((c: any) => c.kind === "stance");
    const stance = stances.find((c: any) => c.members.some((m: any) => m.text.includes(DENIAL)));
    assert.ok(stance, `no stance conflict with “${DENIAL}”: ${JSON.stringify(stances.map((c: any) => c.summary))}`);
    assert.ok(new Set(stance.members.map((m: any) => m.side)).size === 2);
  });

  test("provenance/contradictions {uri} keeps contradictions touching that file", async () => {
    const uri = uriOf(join(ws.dir, WASHINGTON));
    const { contradictions } = await client.request("provenance/contradictions", { uri });
    assert.ok(contradictions.length > 0);
    for (const c of contradictions) assert.ok(c.members.some((m: any) => m.uri === uri));
  });

  test("provenance/figures lists the drone subject across files", async () => {
    const { groups } = await client.request("provenance/figures", {});
    const drones = groups.find((g: any) => g.members.some((m: any) => /2,000/.test(m.text)));
    assert.ok(drones, JSON.stringify(groups).slice(0, 500));
    assert.ok(new Set(drones.members.map((m: any) => m.uri)).size >= 3);
    assert.equal(drones.conflicting, true);
  });

  test("a code lens over the figure names the other files' values and opens them", async () => {
    const lenses: any[] = await client.request("textDocument/codeLens", { textDocument: { uri: kyivUri } });
    const lens = lenses.find((l) =>
      /2,000/.test(kyivText.split("\n")[l.range.start.line]!.slice(l.range.start.character, l.range.end.character)),
    );
    assert.ok(lens, JSON.stringify(lenses));
    assert.match(lens.command.title, /also in \d files?: .*(1,000|2,400|3,000)/);
    assert.equal(lens.command.command, "provenance.peekLocations");
    const [uri, position, locations] = lens.command.arguments;
    assert.equal(uri, kyivUri);
    assert.deepEqual(position, lens.range.start);
    assert.ok(locations.some((l: any) => base(l.uri) === WASHINGTON));
  });

  test("semantic tokens: figures, claim cues and actors by kind", async () => {
    const { data } = await client.request("textDocument/semanticTokens/full", { textDocument: { uri: kyivUri } });
    assert.equal(data.length % 5, 0);
    const lines = kyivText.split("\n");
    const tokens: Array<{ text: string; type: string }> = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      tokens.push({
        text: lines[line]!.slice(character, character + data[i + 2]),
        type: LEGEND.tokenTypes[data[i + 3]]!,
      });
    }
    const has = (type: string, pattern: RegExp) => tokens.some((t) => t.type === type && pattern.test(t.text));
    assert.ok(has("figure", /2,000/), JSON.stringify(tokens));
    assert.ok(has("denial", /denied/), JSON.stringify(tokens));
    assert.ok(has("hedge", /reportedly/), JSON.stringify(tokens));
    assert.ok(has("person", /Budanov/), JSON.stringify(tokens));
    assert.ok(has("country", /Iran|Russia/), JSON.stringify(tokens));
  });

  test("document symbols: Actors, Figures, Claims", async () => {
    const symbols: any[] = await client.request("textDocument/documentSymbol", { textDocument: { uri: kyivUri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ["Actors", "Figures", "Claims"],
    );
    const actors = symbols[0].children.map((c: any) => c.name);
    assert.ok(actors.includes("Kyrylo Budanov"), actors.join(", "));
    assert.ok(symbols[1].children.some((c: any) => /2,000/.test(c.name)));
  });

  test("provenance/documentStats counts claims and contradictions", async () => {
    const stats = await client.request("provenance/documentStats", { uri: kyivUri });
    assert.equal(stats.analysed, true);
    assert.ok(stats.claims >= 4, JSON.stringify(stats));
    assert.ok(
      stats.contradictions >= 1 && stats.workspaceContradictions >= stats.contradictions,
      JSON.stringify(stats),
    );
  });

  test("an edit updates diagnostics (incremental change)", async () => {
    const start = positionOf(kyivText, "reportedly ");
    const end = positionOf(kyivText, "reportedly ", "reportedly ".length);
    const version = client.changeRange(kyivUri, { start, end }, "");
    const diags = await client.waitFor(
      "textDocument/publishDiagnostics",
      (p) => p.uri === kyivUri && p.version === version,
    );
    assert.ok(!diags.diagnostics.some((d: any) => /reportedly/.test(d.message)), "“reportedly” was removed");
    assert.ok(
      diags.diagnostics.some((d: any) => d.code === "stance.conflict"),
      "the rest stays",
    );
    const restored = client.changeRange(kyivUri, { start, end: start }, "reportedly ");
    await client.waitFor(
      "textDocument/publishDiagnostics",
      (p) =>
        p.uri === kyivUri && p.version === restored && p.diagnostics.some((d: any) => /reportedly/.test(d.message)),
    );
  });

  test("editing one file republishes the conflicts of another open file", async () => {
    const washingtonUri = client.open(join(ws.dir, WASHINGTON));
    const relatesToKyiv = (d: any[]) =>
      d.some(
        (x) =>
          x.code === "figure.conflict" && (x.relatedInformation ?? []).some((r: any) => base(r.location.uri) === KYIV),
      );
    await client.waitForDiagnostics(washingtonUri, relatesToKyiv);
    // Kyiv no longer gives a drone count: Washington's conflict must stop pointing at it.
    client.change(kyivUri, kyivText.replace("about 2,000 Shahed drones", "Shahed drones"));
    const after = await client.waitForDiagnostics(washingtonUri, (d) => !relatesToKyiv(d));
    assert.ok(!relatesToKyiv(after));
    client.change(kyivUri, kyivText);
    await client.waitForDiagnostics(washingtonUri, relatesToKyiv);
    client.close(washingtonUri);
    await client.waitFor(
      "textDocument/publishDiagnostics",
      (p) => p.uri === washingtonUri && p.diagnostics.length === 0,
      10_000,
      true,
    );
  });

  test("a severity set to off hides that code; codeLens.enable false hides lenses", async () => {
    client.settings = { severity: { "claim.hedged": "off" }, codeLens: { enable: false } };
    client.notify("workspace/didChangeConfiguration", { settings: null });
    const diags = await client.waitForDiagnostics(
      kyivUri,
      (d) => !d.some((x) => x.code === "claim.hedged") && d.length > 0,
    );
    assert.ok(diags.some((d) => d.code === "stance.conflict"));
    const lenses = await client.request("textDocument/codeLens", { textDocument: { uri: kyivUri } });
    assert.deepEqual(lenses, []);
    client.settings = {};
    client.notify("workspace/didChangeConfiguration", { settings: null });
    await client.waitForDiagnostics(kyivUri, (d) => d.some((x) => x.code === "claim.hedged"));
  });

  test("didChangeWatchedFiles: a deleted file's contributions go, a created file's arrive", async () => {
    const londonPath = join(ws.dir, LONDON);
    const londonUri = uriOf(londonPath);
    const figureAt = {
      textDocument: { uri: kyivUri },
      position: positionOf(kyivText, "2,000", 1),
      context: { includeDeclaration: true },
    };
    const before: any[] = await client.request("textDocument/references", figureAt);
    assert.ok(before.some((r) => base(r.uri) === LONDON));

    unlinkSync(londonPath);
    client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: londonUri, type: 3 }] });
    // Kyiv's conflict diagnostics are republished without London.
    await client.waitForDiagnostics(kyivUri, (d) =>
      d.every((x) => (x.relatedInformation ?? []).every((r: any) => base(r.location.uri) !== LONDON)),
    );
    const refs: any[] = await client.request("textDocument/references", figureAt);
    assert.ok(!refs.some((r) => base(r.uri) === LONDON), "references still name the deleted file");
    const { contradictions } = await client.request("provenance/contradictions", {});
    assert.ok(!contradictions.some((c: any) => c.members.some((m: any) => m.uri === londonUri)));

    // Renamed on disk = deleted + created under a new name.
    const renamed = join(ws.dir, "renamed-review.txt");
    writeFileSync(renamed, readFileSync(join(examplesDir, LONDON), "utf8"));
    client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(renamed), type: 1 }] });
    await client.waitFor("provenance/corpusChanged", () => true, 10_000);
    const again: any[] = await client.request("textDocument/references", figureAt);
    assert.ok(
      again.some((r) => base(r.uri) === "renamed-review.txt"),
      JSON.stringify(again.map((r) => base(r.uri))),
    );
  });
});
