// Review verdicts over the real protocol (stdio), on a copy of examples/: code actions on a claim,
// a figure and a contradiction, the verdict in .provenance/reviews.json, in diagnostics, hovers and
// provenance/contradictions; the verdict following its sentence after an edit above it; an orphan
// when the sentence is deleted; two servers writing the same file at once.
// kyiv-bulletin line 5 (0-based 4): "... about 2,000 Shahed drones ..." (figure.conflict), "The plant
// reportedly employs about 800 workers." (hedged); line 6: "Tehran has repeatedly denied ..." (denial).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { copyExamples, hoverText, positionOf, TestClient, uriOf } from "./lspClient";

const KYIV = "kyiv-bulletin-2026-03-03.txt";
const WASHINGTON = "washington-desk-2026-03-10.txt";
const HEDGED_SENTENCE = "The plant reportedly employs about 800 workers.";
const REVIEWER = "Rita Reviewer";
const HINT = 4;
const WARNING = 2;

interface Reviews {
  version: number;
  reviews: Array<Record<string, string>>;
}

describe("review verdicts over stdio", { timeout: 120_000 }, () => {
  let ws: ReturnType<typeof copyExamples>;
  let client: TestClient;
  let kyivUri: string;
  let kyivText: string;
  const reviewsFile = () => join(ws.dir, ".provenance", "reviews.json");
  const readReviews = (): Reviews => JSON.parse(readFileSync(reviewsFile(), "utf8"));

  before(async () => {
    ws = copyExamples();
    client = new TestClient({ folders: [ws.dir], settings: { reviewer: REVIEWER } });
    await client.initialize();
    await client.indexed();
    kyivText = readFileSync(join(ws.dir, KYIV), "utf8");
    kyivUri = client.open(join(ws.dir, KYIV));
  });

  after(async () => {
    await client?.shutdown();
    ws?.cleanup();
  });

  const actionsFor = (uri: string, diagnostic: any) =>
    client.request<any[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
  const actionsAt = (uri: string, position: { line: number; character: number }) =>
    client.request<any[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    });
  const run = async (action: any, note?: string) => {
    assert.equal(action.command.command, "provenance.review");
    const result = await client.request<any>("provenance/setReview", {
      ...action.command.arguments[0],
      ...(note ? { note } : {}),
    });
    assert.equal(result.ok, true, result.message);
    return result;
  };
  const byTitle = (actions: any[], title: string) => {
    const found = actions.find((a) => a.title === title);
    assert.ok(found, `no "${title}" in ${JSON.stringify(actions.map((a) => a.title))}`);
    return found;
  };
  const hedgedOf = (diagnostics: any[]) =>
    diagnostics.find((d) => d.code === "claim.hedged" && /reportedly/.test(d.message));

  test("a claim's diagnostic offers Mark as verified, Mark as disputed, Ignore (and no Clear before a verdict)", async () => {
    const diagnostics = await client.waitForDiagnostics(kyivUri, (d) => hedgedOf(d) !== undefined);
    const actions = await actionsFor(kyivUri, hedgedOf(diagnostics));
    const titles = actions.map((a) => a.title);
    for (const title of ["Mark as verified", "Mark as disputed…", "Ignore this finding"])
      assert.ok(titles.includes(title), JSON.stringify(titles));
    assert.ok(!titles.includes("Clear review"));
    assert.ok(actions.every((a) => a.kind === "quickfix"));
  });

  test("Mark as verified: the reviews file holds the verdict and the diagnostic becomes a hint naming the reviewer", async () => {
    const hedged = hedgedOf(client.diagnostics.get(kyivUri)!);
    await run(byTitle(await actionsFor(kyivUri, hedged), "Mark as verified"));
    const after = await client.waitForDiagnostics(kyivUri, (d) => hedgedOf(d)?.severity === HINT);
    assert.match(hedgedOf(after).message, new RegExp(`Verified by ${REVIEWER}`));
    const file = readReviews();
    assert.equal(file.version, 1);
    const entry = file.reviews.find((r) => r.sentence === HEDGED_SENTENCE);
    assert.ok(entry, readFileSync(reviewsFile(), "utf8"));
    assert.equal(entry.file, KYIV);
    assert.equal(entry.kind, "claim");
    assert.equal(entry.verdict, "verified");
    assert.equal(entry.reviewer, REVIEWER);
    assert.deepEqual(Object.keys(entry).slice(0, 3), ["file", "kind", "sentence"]);
    assert.match(readFileSync(reviewsFile(), "utf8"), /^\{\n {2}"version": 1,\n {2}"reviews": \[\n/);
  });

  test("the hover shows the verdict, and the code actions now offer Clear review", async () => {
    const position = positionOf(kyivText, "reportedly", 2);
    const hover = hoverText(await client.request("textDocument/hover", { textDocument: { uri: kyivUri }, position }));
    assert.match(hover, new RegExp(`\\*\\*Review:\\*\\* ✓ verified by ${REVIEWER}`));
    const titles = (await actionsAt(kyivUri, position)).map((a) => a.title);
    assert.ok(titles.includes("Clear review"), JSON.stringify(titles));
    assert.ok(!titles.includes("Mark as verified"), JSON.stringify(titles));
  });

  test("editing text above the reviewed sentence: the verdict follows it", async () => {
    kyivText = `Editor's note: this bulletin was updated.\n\n${kyivText}`;
    const version = client.change(kyivUri, kyivText);
    const moved = await client.waitFor(
      "textDocument/publishDiagnostics",
      (p) => p.uri === kyivUri && p.version === version,
    );
    const hedged = hedgedOf(moved.diagnostics);
    assert.equal(hedged.range.start.line, positionOf(kyivText, "reportedly").line);
    assert.equal(hedged.severity, HINT);
    assert.match(hedged.message, /Verified by/);
  });

  test("Mark as disputed on a conflicting figure keeps the warning, with the note, in diagnostics and contradictions", async () => {
    const isConflict = (d: any) =>
      d.code === "figure.conflict" && d.range.start.line === positionOf(kyivText, "about 2,000").line;
    const conflict = (await client.waitForDiagnostics(kyivUri, (d) => d.some(isConflict))).find(isConflict);
    await run(byTitle(await actionsFor(kyivUri, conflict), "Mark as disputed…"), "Budanov later gave 2,400");
    const after = (
      await client.waitForDiagnostics(kyivUri, (d) => d.some((x) => isConflict(x) && /disputed/.test(x.message)))
    ).find(isConflict);
    assert.equal(after.severity, WARNING);
    assert.match(after.message, new RegExp(`✗ disputed by ${REVIEWER}: Budanov later gave 2,400`));
    const { contradictions } = await client.request<any>("provenance/contradictions", {});
    const member = contradictions
      .flatMap((c: any) => c.members)
      .find((m: any) => m.uri === kyivUri && /2,000/.test(m.text));
    assert.equal(member?.review?.verdict, "disputed");
    assert.equal(member.review.note, "Budanov later gave 2,400");
    const entry = readReviews().reviews.find((r) => r.kind === "figure");
    assert.equal(entry?.target, "about 2,000");
  });

  test("Ignore this finding hides the diagnostic; Clear review brings it back", async () => {
    const isDenial = (d: any) =>
      (d.code === "claim.denial" || d.code === "stance.conflict") && /denied/.test(d.message);
    const denial = (await client.waitForDiagnostics(kyivUri, (d) => d.some(isDenial))).find(isDenial);
    await run(byTitle(await actionsFor(kyivUri, denial), "Ignore this finding"));
    await client.waitForDiagnostics(kyivUri, (d) => !d.some(isDenial));
    await run(byTitle(await actionsAt(kyivUri, denial.range.start), "Clear review"));
    await client.waitForDiagnostics(kyivUri, (d) => d.some(isDenial));
    assert.ok(!readReviews().reviews.some((r) => /denied/.test(r.sentence)));
  });

  test("deleting the reviewed sentence: the verdict is reported orphaned and stays in the file", async () => {
    kyivText = kyivText.replace(` ${HEDGED_SENTENCE}`, "");
    const version = client.change(kyivUri, kyivText);
    await client.waitFor("textDocument/publishDiagnostics", (p) => p.uri === kyivUri && p.version === version);
    const { reviews } = await client.request<any>("provenance/reviews", {});
    const orphan = reviews.find((r: any) => r.sentence === HEDGED_SENTENCE);
    assert.ok(orphan, JSON.stringify(reviews));
    assert.equal(orphan.orphaned, true);
    assert.equal(orphan.range, undefined);
    assert.equal(orphan.verdict, "verified");
    assert.equal(reviews[0].orphaned, true, "orphans come first");
    assert.ok(
      reviews.some((r: any) => !r.orphaned && r.target === "figure"),
      "the figure verdict is still located",
    );
    assert.ok(readReviews().reviews.some((r) => r.sentence === HEDGED_SENTENCE));
  });

  test("two servers writing the same reviews file at once lose nothing; the other editor re-reads it on change", async () => {
    const other = new TestClient({ folders: [ws.dir], settings: { reviewer: "Oskar Other" } });
    try {
      await other.initialize();
      await other.indexed();
      const washingtonUri = other.open(join(ws.dir, WASHINGTON));
      client.open(join(ws.dir, WASHINGTON));
      const otherDiagnostics = await other.waitForDiagnostics(
        washingtonUri,
        (d) => d.filter((x) => String(x.code).startsWith("claim.")).length >= 2,
      );
      // One claim per line: distinct sentences, so distinct verdicts.
      const claims = otherDiagnostics
        .filter((x) => String(x.code).startsWith("claim."))
        .filter((x, i, all) => all.findIndex((y) => y.range.start.line === x.range.start.line) === i);
      assert.ok(claims.length >= 2);
      const kyivDiagnostics = client.diagnostics.get(kyivUri)!;
      const mine = kyivDiagnostics.find(
        (d) => String(d.code).startsWith("claim.") && !/Verified|disputed/.test(d.message),
      );
      assert.ok(mine);
      const theirs = await Promise.all(
        claims.map((d) =>
          other.request<any[]>("textDocument/codeAction", {
            textDocument: { uri: washingtonUri },
            range: d.range,
            context: { diagnostics: [d] },
          }),
        ),
      );
      const myAction = byTitle(await actionsFor(kyivUri, mine), "Mark as verified");
      // All at once: one request from this editor, several from the other.
      const results = await Promise.all([
        client.request<any>("provenance/setReview", myAction.command.arguments[0]),
        ...theirs.map((actions) =>
          other.request<any>("provenance/setReview", byTitle(actions, "Mark as verified").command.arguments[0]),
        ),
      ]);
      assert.ok(
        results.every((r) => r.ok),
        JSON.stringify(results),
      );
      const file = readReviews();
      assert.ok(
        file.reviews.some(
          (r) =>
            r.reviewer === REVIEWER && r.file === KYIV && r.verdict === "verified" && r.sentence !== HEDGED_SENTENCE,
        ),
      );
      assert.equal(file.reviews.filter((r) => r.reviewer === "Oskar Other").length, claims.length);
      assert.ok(
        file.reviews.some((r) => r.sentence === HEDGED_SENTENCE),
        "the earlier verdict survives",
      );
      // This editor's watcher reports the change: the other editor's verdicts show here too.
      client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(reviewsFile()), type: 2 }] });
      const washingtonUriHere = uriOf(join(ws.dir, WASHINGTON));
      const seen = await client.waitForDiagnostics(washingtonUriHere, (d) =>
        d.some((x) => /Verified by Oskar Other/.test(x.message)),
      );
      assert.ok(seen.some((x) => x.severity === HINT));
    } finally {
      await other.shutdown();
    }
  });
});

describe("verdicts already on disk when the server starts", { timeout: 60_000 }, () => {
  test("apply to the first diagnostics of the file (a window reload keeps them)", async () => {
    const ws = copyExamples();
    const first = new TestClient({ folders: [ws.dir], settings: { reviewer: REVIEWER } });
    try {
      await first.initialize();
      await first.indexed();
      const uri = first.open(join(ws.dir, KYIV));
      const hedged = (
        await first.waitForDiagnostics(uri, (d) =>
          d.some((x) => x.code === "claim.hedged" && /reportedly/.test(x.message)),
        )
      ).find((x) => x.code === "claim.hedged" && /reportedly/.test(x.message));
      const actions = await first.request<any[]>("textDocument/codeAction", {
        textDocument: { uri },
        range: hedged.range,
        context: { diagnostics: [hedged] },
      });
      const result = await first.request<any>(
        "provenance/setReview",
        actions.find((a) => a.title === "Mark as verified").command.arguments[0],
      );
      assert.equal(result.ok, true);
    } finally {
      await first.shutdown();
    }
    const second = new TestClient({ folders: [ws.dir] });
    try {
      await second.initialize();
      const uri = second.open(join(ws.dir, KYIV));
      const diagnostics = await second.waitForDiagnostics(uri, (d) =>
        d.some((x) => x.code === "claim.hedged" && /reportedly/.test(x.message) && x.severity === HINT),
      );
      assert.ok(diagnostics.length > 0);
    } finally {
      await second.shutdown();
      ws.cleanup();
    }
  });
});
