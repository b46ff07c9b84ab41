// The server's contradictions by file are kept from the parts of the engine's list that changed
// (sources.ts); after every edit they must equal the whole list filtered by file, in its order.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { sortedContradictions, updateListingOnly } from "../../server/src/lsp/features/contradictions";
import { SourceIndex } from "../../server/src/lsp/sources";
import { examplesDir } from "./lspClient";

const quiet = { error() {}, warn() {}, info() {}, log() {} };

function assertIndexed(sources: SourceIndex, files: string[]): void {
  const all = sources.contradictions();
  for (const file of files) {
    const expected = all.filter((c) => c.members.some((m) => m.file === file));
    const got = sources.contradictionsTouching(file);
    assert.equal(got.length, expected.length, `${file}: as many as the whole list has`);
    assert.ok(
      got.every((c, i) => c === expected[i]),
      `${file}: the same contradictions in the same order`,
    );
  }
}

test("contradictions by file follow edits, additions and removals exactly", () => {
  const sources = new SourceIndex(quiet, () => undefined);
  const names = readdirSync(examplesDir).sort();
  const texts = new Map(names.map((n) => [`file:///ex/${n}`, readFileSync(join(examplesDir, n), "utf8")]));
  for (const [uri, text] of texts) sources.set(uri, text);
  const files = [...texts.keys(), "file:///ex/new.txt"];
  assertIndexed(sources, files);
  assert.ok(sources.contradictions().length > 0, "the examples contradict each other");

  const steps: Array<(uri: string, text: string) => void> = [
    // a number retyped (groups patched in place)
    (uri, text) =>
      sources.set(
        uri,
        text.replace(/\d/, (d) => String((Number(d) + 1) % 10)),
      ),
    // a sentence with a figure added (buckets regrouped)
    (uri, text) => sources.set(uri, `Officials said Chad has sent about 3,000 soldiers to Niger.\n${text}`),
    // removed, then back
    (uri) => sources.remove(uri),
    (uri, text) => sources.set(uri, text),
  ];
  const listed = () => sortedContradictions(sources);
  listed(); // from here the listing is kept up to date through each step
  for (const [uri, text] of [...texts].slice(0, 3))
    for (const step of steps) {
      step(uri, text);
      assertIndexed(sources, files);
      listed();
    }
  sources.set(
    "file:///ex/new.txt",
    "Reuters reported that Chad has sent 9,000 soldiers to Niger. Chad denied it sent troops.",
  );
  assertIndexed(sources, files);

  // The listing kept through the steps equals one built afresh on the final texts.
  const afresh = new SourceIndex(quiet, () => undefined);
  for (const uri of sources.files()) afresh.set(uri, sources.analysis(uri)!.text);
  assert.deepEqual(listed(), sortedContradictions(afresh));
});

test("the sorted listing stays equal to one built afresh when many contradictions come and go at once", () => {
  const sources = lagosReports();
  const listed = () => sortedContradictions(sources);
  const before = listed().length;
  // One file giving many other counts: dozens of contradictions come in one step, then go.
  const many = Array.from({ length: 30 }, (_, k) => `Witnesses said ${500 + 7 * k} people were killed in Lagos.`);
  const steps: Array<() => void> = [
    () => sources.set("file:///many/big.txt", many.join(" ")),
    () => sources.set("file:///many/big.txt", many.slice(10).join(" ")),
    // Every count retyped: as many go as come, in one step (removals and insertions interleave).
    () =>
      sources.set(
        "file:///many/big.txt",
        many
          .slice(10)
          .join(" ")
          .replace(/\d+/g, (n) => String(Number(n) + 3)),
      ),
    () => sources.remove("file:///many/big.txt"),
  ];
  let most = 0;
  for (const step of steps) {
    step();
    const kept = listed();
    most = Math.max(most, Math.abs(kept.length - before));
    const afresh = new SourceIndex(quiet, () => undefined);
    for (const uri of sources.files()) afresh.set(uri, sources.analysis(uri)!.text);
    assert.deepEqual(kept, sortedContradictions(afresh));
  }
  assert.ok(most > 32, `more than 32 contradictions came in one step (${most})`);
});

test("contradictions by file taken in after several computations at once equal the whole list filtered", () => {
  const sources = new SourceIndex(quiet, () => undefined);
  const names = readdirSync(examplesDir).sort();
  const texts = [...names.map((n) => [`file:///ex/${n}`, readFileSync(join(examplesDir, n), "utf8")] as const)];
  for (const [uri, text] of texts) sources.set(uri, text);
  const files = texts.map(([uri]) => uri);
  assertIndexed(sources, files);
  // Computed after each change (as the listing and diagnostics do), asked by file only at the end.
  for (const [uri, text] of texts.slice(0, 4)) {
    sources.set(uri, `Officials said Chad has sent about 7,000 soldiers to Niger.\n${text}`);
    sources.contradictions();
    sources.remove(uri);
    sources.contradictions();
  }
  assertIndexed(sources, files);
  for (const [uri, text] of texts.slice(0, 4)) {
    sources.set(uri, text);
    sources.contradictions();
  }
  assertIndexed(sources, files);
});

test("a listing updated several times before its whole list is read equals one built afresh", () => {
  const sources = lagosReports();
  const many = Array.from({ length: 30 }, (_, k) => `Witnesses said ${500 + 7 * k} people were killed in Lagos.`);
  const texts = [
    many.join(" "),
    many.slice(10).join(" "),
    many.slice(5, 25).join(" "),
    "Police said 20 people were killed in Lagos.",
    many.slice(20).join(" "),
  ];
  sortedContradictions(sources); // a merged list to start from
  // Between two reads of the whole list, the listing follows several computations (a file's
  // pages): contradictions come, some go again before the list is merged, others go from it.
  for (let round = 0; round < 2; round++) {
    for (const text of texts) {
      sources.set("file:///many/big.txt", text);
      updateListingOnly(sources);
    }
    const afresh = new SourceIndex(quiet, () => undefined);
    for (const uri of sources.files()) afresh.set(uri, sources.analysis(uri)!.text);
    assert.deepEqual(sortedContradictions(sources), sortedContradictions(afresh));
  }
  sources.remove("file:///many/big.txt");
  updateListingOnly(sources);
  sources.set("file:///many/f3.txt", "Officials said 990 people were killed in Lagos.");
  updateListingOnly(sources);
  const afresh = new SourceIndex(quiet, () => undefined);
  for (const uri of sources.files()) afresh.set(uri, sources.analysis(uri)!.text);
  assert.deepEqual(sortedContradictions(sources), sortedContradictions(afresh));
});

/** Forty files in which five sources give thirteen counts of the people killed in Lagos. */
function lagosReports(): SourceIndex {
  const sources = new SourceIndex(quiet, () => undefined);
  const who = ["Police", "Reuters", "The ministry", "Witnesses", "Officials"];
  for (let i = 0; i < 40; i++)
    sources.set(
      `file:///many/f${i}.txt`,
      `${who[i % who.length]} said ${10 * (1 + (i % 13))} people were killed in Lagos.`,
    );
  return sources;
}
