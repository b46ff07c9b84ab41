// The pure part of review verdicts: anchoring by sentence text and neighbours, re-anchoring after
// edits, orphans, merging and the file's stable text. Sentences written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  analyze,
  anchorAt,
  locateReviews,
  mergeReviews,
  parseReviews,
  reviewAt,
  serializeReviews,
  withoutReview,
  withReview,
  type Review,
} from "../../server/src/engine";

const TEXT = [
  "The harbour reopened on Monday.",
  "Officials said about 300 boats were damaged in the storm.",
  "Fishermen reportedly lost 40 nets.",
].join("\n");
const FILE = "notes/harbour.txt";

function review(
  text: string,
  kind: "claim" | "figure",
  needle: string,
  verdict: Review["verdict"] = "verified",
): Review {
  const anchor = anchorAt(analyze(text), FILE, kind, text.indexOf(needle));
  assert.ok(anchor, `no ${kind} at "${needle}"`);
  return { ...anchor, verdict, reviewer: "Ana", date: "2026-01-02T10:00:00.000Z" };
}

test("a claim's anchor is its normalised sentence with its neighbours' hashes", () => {
  const r = review(TEXT, "claim", "Officials");
  assert.equal(r.sentence, "Officials said about 300 boats were damaged in the storm.");
  assert.equal(r.target, "");
  assert.notEqual(r.before, "");
  assert.notEqual(r.after, "");
});

test("a figure's anchor names the figure as written", () => {
  const r = review(TEXT, "figure", "300");
  assert.match(r.target, /300/);
});

test("the verdict follows its sentence when text above it is edited", () => {
  const r = review(TEXT, "claim", "Officials");
  const edited = `A new first line about the weather.\n\n${TEXT.replace("on Monday", "on Monday morning")}`;
  const analysis = analyze(edited);
  const located = locateReviews(analysis, FILE, [r]);
  assert.equal(located.orphaned.length, 0);
  const at = reviewAt(analysis, located, "claim", edited.indexOf("boats"));
  assert.equal(at?.review.verdict, "verified");
  assert.ok(edited.slice(at!.start, at!.end).includes("Officials said"));
});

test("spacing and curly quotes do not break the anchor", () => {
  const r = review(TEXT, "claim", "Officials");
  const edited = TEXT.replace("Officials said about", "Officials  said\u00a0about");
  assert.equal(locateReviews(analyze(edited), FILE, [r]).anchored.length, 1);
});

test("a verdict whose sentence is deleted is orphaned, not dropped", () => {
  const r = review(TEXT, "claim", "Officials");
  const edited = TEXT.replace("Officials said about 300 boats were damaged in the storm.\n", "");
  const located = locateReviews(analyze(edited), FILE, [r]);
  assert.equal(located.anchored.length, 0);
  assert.deepEqual(located.orphaned, [r]);
});

test("a figure verdict is orphaned when its figure changes", () => {
  const r = review(TEXT, "figure", "300");
  const located = locateReviews(analyze(TEXT.replace("about 300", "about 350")), FILE, [r]);
  assert.equal(located.orphaned.length, 1);
});

test("a repeated sentence: the neighbours decide which one holds the verdict", () => {
  const repeated = [
    "Alpha line here.",
    "Officials said 12 ships sank.",
    "Beta line here.",
    "Gamma line here.",
    "Officials said 12 ships sank.",
    "Delta line here.",
  ].join("\n");
  const second = repeated.lastIndexOf("Officials");
  const anchor = anchorAt(analyze(repeated), FILE, "claim", second)!;
  const r: Review = { ...anchor, verdict: "disputed", reviewer: "Bo", date: "2026-01-01T00:00:00Z" };
  const analysis = analyze(repeated);
  const located = locateReviews(analysis, FILE, [r]);
  assert.equal(located.anchored[0]?.start, second);
  assert.equal(reviewAt(analysis, located, "claim", repeated.indexOf("Officials")), undefined);
});

test("verdicts of other files are not located here", () => {
  const r = { ...review(TEXT, "claim", "Officials"), file: "other.txt" };
  const located = locateReviews(analyze(TEXT), FILE, [r]);
  assert.equal(located.anchored.length + located.orphaned.length, 0);
});

test("merging two versions keeps every verdict; for one key the later wins", () => {
  const a = review(TEXT, "claim", "Officials");
  const b = review(TEXT, "claim", "Fishermen");
  const aLater: Review = { ...a, verdict: "disputed", note: "older toll", date: "2026-02-01T00:00:00.000Z" };
  const merged = mergeReviews([a], [b, aLater]);
  assert.equal(merged.length, 2);
  assert.equal(merged.find((r) => r.sentence === a.sentence)?.verdict, "disputed");
  assert.deepEqual(
    mergeReviews([aLater], [a]).map((r) => r.verdict),
    ["disputed"],
  );
});

test("set, replace and clear a verdict", () => {
  const a = review(TEXT, "claim", "Officials");
  const ignored: Review = { ...a, verdict: "ignored", date: "2026-03-01T00:00:00Z" };
  const set = withReview([a], ignored);
  assert.deepEqual(
    set.map((r) => r.verdict),
    ["ignored"],
  );
  assert.deepEqual(withoutReview(set, a), []);
});

test("the file is sorted, pretty-printed, stable, and reads back the same", () => {
  const a = review(TEXT, "claim", "Officials");
  const b: Review = { ...review(TEXT, "figure", "40", "disputed"), note: "two sources say 30" };
  const text = serializeReviews([b, a]);
  assert.equal(text, serializeReviews([a, b]));
  assert.ok(text.endsWith("\n"));
  assert.match(text, /\n {2}"reviews": \[\n {4}\{\n {6}"file": "notes\/harbour.txt",\n {6}"kind": "claim"/);
  const parsed = parseReviews(text);
  assert.ok("reviews" in parsed);
  assert.deepEqual(parsed.reviews, [a, b]);
});

test("a broken file is an error, an invalid entry a problem; the valid ones are kept", () => {
  assert.ok("error" in parseReviews("{ not json"));
  const a = review(TEXT, "claim", "Officials");
  const parsed = parseReviews(JSON.stringify({ version: 1, reviews: [a, { file: "x.txt", verdict: "maybe" }] }));
  assert.ok("reviews" in parsed);
  assert.equal(parsed.reviews.length, 1);
  assert.equal(parsed.problems.length, 1);
  assert.deepEqual(parseReviews(""), { reviews: [], problems: [] });
});
