// The first page right after indexing is selected from the engine's parts without sorting the
// whole list (contradictions.ts firstEntries); it must equal the start of the sorted list exactly:
// the same ids (suffixes of shared content ids included) in the same order, at every page size.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { Contradiction, ContradictionMember } from "../../server/src/engine";
import { listedFromParts } from "../../server/src/lsp/features/contradictions";
import { SourceIndex } from "../../server/src/lsp/sources";
import { examplesDir } from "./lspClient";

const quiet = { error() {}, warn() {}, info() {}, log() {} };

function assertFirstPagesMatch(parts: ReadonlyArray<readonly Contradiction[]>, sizes: number[]): void {
  const whole = listedFromParts(parts);
  for (const size of sizes) {
    const first = listedFromParts(parts, size);
    assert.deepEqual(
      first.map((x) => x.id),
      whole.slice(0, size).map((x) => x.id),
      `page size ${size}: the same ids in the same order`,
    );
    assert.ok(
      first.every((x, i) => x.contradiction === whole[i]!.contradiction),
      `page size ${size}: the same contradictions`,
    );
  }
}

function member(file: string, start: number, side: "a" | "b"): ContradictionMember {
  return { file, start, end: start + 5, text: "12345", side, source: null, date: null };
}

function figure(subject: string, members: ContradictionMember[], summary = subject): Contradiction {
  return { kind: "figure", subject, summary, members };
}

test("the examples' first pages equal the start of their sorted list", () => {
  const sources = new SourceIndex(quiet, () => undefined);
  for (const name of readdirSync(examplesDir).sort())
    sources.set(`file:///ex/${name}`, readFileSync(join(examplesDir, name), "utf8"));
  const parts = sources.contradictionParts();
  const count = parts.reduce((n, p) => n + p.length, 0);
  assert.ok(count > 3, `the examples contradict each other (${count})`);
  assertFirstPagesMatch(parts, [1, 2, 3, Math.floor(count / 2), count - 1, count, count + 5]);
});

test("shared content ids keep their suffixes and tied keys their id order, whatever the parts' order", () => {
  const a = member("file:///t/a.txt", 10, "a");
  const b = member("file:///t/b.txt", 20, "b");
  const c = member("file:///t/c.txt", 30, "b");
  // Equal content (kind, subject, count, end members): one id, then -2, -3 in the parts' order.
  const twins = [0, 1, 2].map((k) => figure("deaths", [a, c], `twin ${k}`));
  // Equal sort keys up to the id (same first member of each side), different content ids.
  const tied = [
    figure("deaths", [a, b, c]),
    figure("deaths", [a, b]),
    figure("deaths", [a, b, member("file:///t/d.txt", 1, "a")]),
  ];
  const others = Array.from({ length: 40 }, (_, k) =>
    figure(`subject ${String(k % 7)}`, [member(`file:///t/f${k % 5}.txt`, k, "a"), member("file:///t/z.txt", k, "b")]),
  );
  const orders: Array<ReadonlyArray<readonly Contradiction[]>> = [
    [others.slice(0, 20), twins, tied, others.slice(20)],
    [tied.slice().reverse(), others, twins.slice(1), [twins[0]!]],
    [[...others].reverse(), [twins[2]!, tied[1]!], [twins[0]!, twins[1]!, tied[0]!, tied[2]!]],
  ];
  for (const parts of orders) {
    const ids = listedFromParts(parts).map((x) => x.id);
    assert.equal(new Set(ids).size, ids.length, "ids are unique");
    assert.ok(
      ids.some((id) => id.endsWith("-3")),
      "the twins' ids are suffixed",
    );
    assertFirstPagesMatch(parts, [1, 2, 3, 4, 5, 6, 10, 45, 46, 47, 60]);
  }
});
