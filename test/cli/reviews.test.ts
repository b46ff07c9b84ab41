// The CLI shows the verdicts kept in `.provenance/reviews.json` above the analysed files: text
// output marks them, JSON gets a `review` field, orphaned verdicts are listed; no internal ids.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { analyze, anchorAt, serializeReviews, type Review } from "../../server/src/engine";

const CLI = join(__dirname, "..", "..", "dist", "cli.js");
const TEXT = "Harbour news\n\nOfficials said the plant employs 30 people.\nThe mayor reportedly sold 12 boats.\n";

function workspace(reviews: Review[]): string {
  const dir = mkdtempSync(join(tmpdir(), "provenance-cli-reviews-"));
  mkdirSync(join(dir, "news"));
  mkdirSync(join(dir, ".provenance"));
  writeFileSync(join(dir, "news", "harbour.txt"), TEXT);
  writeFileSync(join(dir, ".provenance", "reviews.json"), serializeReviews(reviews));
  return dir;
}

function verdict(kind: "claim" | "figure", needle: string, extra: Partial<Review>, text = TEXT): Review {
  const anchor = anchorAt(analyze(text), "news/harbour.txt", kind, text.indexOf(needle));
  assert.ok(anchor);
  return { ...anchor, verdict: "verified", reviewer: "Ana", date: "2026-01-02T00:00:00.000Z", ...extra };
}

const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd });

test("analyze marks reviewed claims and figures and lists orphaned verdicts", () => {
  const gone = verdict("claim", "Gone", {}, "Intro.\nGone said the ferry sank.\n");
  const dir = workspace([
    verdict("claim", "Officials", {}),
    verdict("figure", "12 boats", { verdict: "disputed", note: "the harbour master counted 9" }),
    { ...gone, verdict: "ignored" },
  ]);
  const r = run(dir, "analyze", "news");
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /harbour\.txt:3:1: hint ✓ Verified by Ana — .*\[claim\.anonymous\]/);
  assert.match(
    r.stdout,
    /harbour\.txt:4:\d+: hint Figure: 12 boats .*✗ disputed by Ana: the harbour master counted 9 \[figure\]/,
  );
  assert.match(r.stdout, /orphaned verdict .*\[ignored by Ana\] — Gone said the ferry sank\./);
  assert.doesNotMatch(r.stdout, /@[0-9a-z]{4,}/, "no internal subject id");
});

test("analyze --json gives reviewed claims and figures a review field, and only them", () => {
  const dir = workspace([
    verdict("claim", "Officials", {}),
    verdict("figure", "30 people", { verdict: "disputed", note: "n" }),
  ]);
  const r = run(dir, "analyze", "news", "--json");
  assert.equal(r.status, 0, r.stderr);
  const [file] = JSON.parse(r.stdout).files;
  const officials = file.claims.find((c: any) => c.text.startsWith("Officials"));
  assert.deepEqual(officials.review, { verdict: "verified", reviewer: "Ana", date: "2026-01-02T00:00:00.000Z" });
  assert.equal(file.claims.find((c: any) => c.text.startsWith("The mayor")).review, undefined);
  assert.equal(file.figures.find((f: any) => f.text.startsWith("30")).review.note, "n");
});

test("a broken reviews file is reported once and the analysis still runs", () => {
  const dir = workspace([]);
  writeFileSync(join(dir, ".provenance", "reviews.json"), "{ broken");
  const r = run(dir, "analyze", "news");
  assert.equal(r.status, 0);
  assert.match(r.stderr, /verdicts not read: .*reviews\.json: not valid JSON/);
  assert.match(r.stdout, /harbour\.txt:3:1: info .*\[claim\.anonymous\]/);
});
