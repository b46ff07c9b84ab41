// features/diagnostics.ts in-process, on the examples: one diagnostic per claim sentence with its
// most telling code, severities from the settings, `off` hiding a code (and letting the next
// kind through), conflicts with related mentions in other files.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { computeDiagnostics, sameJson } from "../../server/src/lsp/features/diagnostics";
import { SourceIndex } from "../../server/src/lsp/sources";
import { normalizeSettings } from "../../server/src/shared/settings";
import { examplesDir } from "./lspClient";

const quiet = { error() {}, warn() {}, info() {}, log() {} };
const KYIV = "file:///ex/kyiv-bulletin-2026-03-03.txt";

describe("computeDiagnostics on the examples", () => {
  let sources: SourceIndex;
  let kyivLines: string[];

  before(() => {
    sources = new SourceIndex(quiet, () => undefined);
    for (const name of readdirSync(examplesDir))
      sources.set(`file:///ex/${name}`, readFileSync(join(examplesDir, name), "utf8"));
    kyivLines = readFileSync(join(examplesDir, "kyiv-bulletin-2026-03-03.txt"), "utf8").split("\n");
  });

  const covered = (d: any) => kyivLines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);

  test("default severities per code; the hedge sits on its cue", () => {
    const diags = computeDiagnostics(sources, KYIV, normalizeSettings({}));
    const severities = new Map<string, Set<number>>();
    for (const d of diags)
      severities.set(String(d.code), (severities.get(String(d.code)) ?? new Set()).add(d.severity!));
    assert.deepEqual([...(severities.get("claim.hedged") ?? [])], [3]);
    assert.deepEqual([...(severities.get("claim.denial") ?? [])], [3]);
    assert.deepEqual([...(severities.get("claim.attributed") ?? [])], [4]);
    assert.deepEqual([...(severities.get("figure") ?? [])], [4]);
    assert.deepEqual([...(severities.get("figure.conflict") ?? [])], [2]);
    assert.deepEqual([...(severities.get("stance.conflict") ?? [])], [2]);
    const hedged = diags.filter((d) => d.code === "claim.hedged").map(covered);
    assert.ok(hedged.includes("reportedly"), JSON.stringify(hedged));
  });

  test("a denied, attributed, contradicted sentence gets one diagnostic naming every kind", () => {
    const diags = computeDiagnostics(sources, KYIV, normalizeSettings({}));
    const onDenialLine = diags.filter((d) => d.range.start.line === 5);
    assert.deepEqual(
      onDenialLine.map((d) => d.code),
      ["stance.conflict"],
    );
    assert.equal(covered(onDenialLine[0]), "denied");
    assert.match(String(onDenialLine[0]!.message), /denial/);
    assert.match(String(onDenialLine[0]!.message), /attributed/);
  });

  test("severity off hides a code; the next kind of the sentence shows instead", () => {
    const settings = normalizeSettings({ severity: { "stance.conflict": "off", "claim.hedged": "error" } });
    let diags = computeDiagnostics(sources, KYIV, settings);
    assert.deepEqual(
      diags.filter((d) => d.range.start.line === 5).map((d) => d.code),
      ["claim.denial"],
    );
    assert.ok(diags.filter((d) => d.code === "claim.hedged").every((d) => d.severity === 1));
    settings.severity["claim.denial"] = "off";
    diags = computeDiagnostics(sources, KYIV, settings);
    assert.deepEqual(
      diags.filter((d) => d.range.start.line === 5).map((d) => d.code),
      ["claim.attributed"],
      "Tehran's statement is still attributed",
    );
  });

  test("no two diagnostics of a file are the same; no internal subject ids in messages", () => {
    for (const name of readdirSync(examplesDir)) {
      const diags = computeDiagnostics(sources, `file:///ex/${name}`, normalizeSettings({}));
      const keys = diags.map((d) => JSON.stringify([d.code, d.range, d.message]));
      assert.equal(new Set(keys).size, keys.length, name);
      for (const d of diags) assert.doesNotMatch(String(d.message), /@[a-z0-9]+/, String(d.message));
    }
  });

  test("figure.conflict off: the figure is reported as a plain figure", () => {
    const diags = computeDiagnostics(sources, KYIV, normalizeSettings({ severity: { "figure.conflict": "off" } }));
    const figure = diags.find((d) => d.code === "figure" && /2,000/.test(covered(d)));
    assert.ok(figure, JSON.stringify(diags.map((d) => [d.code, covered(d)])));
    assert.match(String(figure.message), /^Figure: about 2,000 drones/);
  });

  test("conflict related information points at other files, once per mention", () => {
    const diags = computeDiagnostics(sources, KYIV, normalizeSettings({}));
    const conflict = diags.find((d) => d.code === "figure.conflict")!;
    const keys = conflict.relatedInformation!.map(
      (r) => `${r.location.uri}#${r.location.range.start.line}:${r.location.range.start.character}`,
    );
    assert.equal(new Set(keys).size, keys.length, "no duplicates");
    assert.ok(conflict.relatedInformation!.some((r) => r.location.uri.endsWith("washington-desk-2026-03-10.txt")));
  });

  test("every diagnostic has source provenance and a known code", () => {
    for (const name of readdirSync(examplesDir)) {
      for (const d of computeDiagnostics(sources, `file:///ex/${name}`, normalizeSettings({}))) {
        assert.equal(d.source, "provenance");
        assert.match(
          String(d.code),
          /^(claim\.(attributed|hedged|anonymous|denial)|figure|figure\.conflict|stance\.conflict)$/,
        );
        assert.ok(String(d.message).length > 10);
      }
    }
  });
});

describe("settled contradictions right after an edit", () => {
  test("the edited file keeps its conflicts (matched by text) without recomputing the corpus", () => {
    const sources = new SourceIndex(quiet, () => undefined);
    for (const name of readdirSync(examplesDir))
      sources.set(`file:///ex/${name}`, readFileSync(join(examplesDir, name), "utf8"));
    let computed = 0;
    const original = sources.corpus.contradictionParts.bind(sources.corpus);
    sources.corpus.contradictionParts = () => (computed++, original());
    sources.freshView();
    assert.equal(computed, 1);

    const edited = "Update: nothing new.\n" + readFileSync(join(examplesDir, "kyiv-bulletin-2026-03-03.txt"), "utf8");
    sources.set(KYIV, edited);
    const settled = sources.settledView();
    assert.equal(settled.fresh, false);
    const diags = computeDiagnostics(sources, KYIV, normalizeSettings({}), settled);
    assert.equal(computed, 1, "no recomputation for the settled view");
    const lines = edited.split("\n");
    const conflict = diags.find((d) => d.code === "figure.conflict");
    assert.ok(conflict, "the conflict survives the edit");
    assert.equal(
      lines[conflict.range.start.line]!.slice(conflict.range.start.character, conflict.range.end.character),
      "about 2,000",
    );
    assert.ok(
      conflict.relatedInformation!.every((r) => r.location.uri !== KYIV),
      "stale spans of the edited file are not pointed at",
    );

    const fresh = computeDiagnostics(sources, KYIV, normalizeSettings({}), sources.freshView());
    assert.equal(computed, 2);
    assert.ok(fresh.some((d) => d.code === "figure.conflict"));
  });
});

describe("sameJson: what decides that a republication is unchanged", () => {
  const cases: Array<[unknown, unknown]> = [
    [[], []],
    [[{ a: 1 }], [{ a: 1 }]],
    [[{ a: 1 }], [{ a: 2 }]],
    [{ a: 1, b: undefined }, { a: 1 }],
    [{ a: 1 }, { a: 1, b: null }],
    [{ a: [1, 2] }, { a: [1, 2, 3] }],
    [{ a: "1" }, { a: 1 }],
    [{ a: null }, { a: {} }],
    [[[]], [{}]],
    [{ a: { b: { c: "x" } } }, { a: { b: { c: "y" } } }],
    [
      { a: { b: { c: "x" } }, d: true },
      { a: { b: { c: "x" } }, d: true },
    ],
    [{ message: "é\u0000" }, { message: "é\u0000" }],
  ];
  test("agrees with comparing the JSON of values with keys in one order", () => {
    for (const [x, y] of cases)
      assert.equal(
        sameJson(x, y),
        JSON.stringify(x) === JSON.stringify(y),
        `${JSON.stringify(x)} vs ${JSON.stringify(y)}`,
      );
  });

  test("the diagnostics of one text computed twice are the same; an edit's are not", () => {
    const sources = new SourceIndex(quiet, () => undefined);
    for (const name of readdirSync(examplesDir))
      sources.set(`file:///ex/${name}`, readFileSync(join(examplesDir, name), "utf8"));
    const settings = normalizeSettings({});
    const first = computeDiagnostics(sources, KYIV, settings);
    assert.ok(first.length > 0);
    assert.equal(sameJson(first, computeDiagnostics(sources, KYIV, settings)), true);
    const text = readFileSync(join(examplesDir, "kyiv-bulletin-2026-03-03.txt"), "utf8");
    sources.set(KYIV, text.replace("about 2,000", "about 3,000"));
    const edited = computeDiagnostics(sources, KYIV, settings);
    assert.equal(sameJson(first, edited), JSON.stringify(first) === JSON.stringify(edited));
    assert.equal(sameJson(first, edited), false);
  });
});
