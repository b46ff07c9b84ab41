// provenance/contradictions pages and provenance/contradictionMembers, over stdio, on a workspace
// written for this test: 22 files giving 22 different counts of Chad's soldiers in Niger
// (every pair of readings conflicts: 231 contradictions) and sixteen files on arrests in Lagos,
// eight saying 40 and eight saying 300 (one contradiction of 8 against 8 mentions).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { TestClient, uriOf } from "./lspClient";

const CHAD = 22;
const PAIRS = (CHAD * (CHAD - 1)) / 2;
const LAGOS = 8;

async function walk(client: TestClient, params: Record<string, unknown>): Promise<{ items: any[]; pages: any[] }> {
  const pages: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.request("provenance/contradictions", { ...params, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 1000);
  return { items: pages.flatMap((p) => p.contradictions), pages };
}

const rejectsWith = (promise: Promise<unknown>, code: number, what: string) =>
  assert.rejects(promise, (e: any) => e.code === code, `${what}: expected error ${code}`);

describe("provenance/contradictions pages (stdio)", { timeout: 120_000 }, () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "provenance-pages-"));
    for (let i = 1; i <= CHAD; i++)
      writeFileSync(join(dir, `chad-${i}.txt`), `Officials said Chad has sent ${i * 1000 + i} soldiers to Niger.\n`);
    for (let i = 1; i <= LAGOS; i++) {
      writeFileSync(join(dir, `lagos-low-${i}.txt`), "Police said 40 people were arrested in Lagos.\n");
      writeFileSync(join(dir, `lagos-high-${i}.txt`), "Witnesses said 300 people were arrested in Lagos.\n");
    }
    client = new TestClient({ folders: [dir] });
    await client.initialize();
    await client.indexed();
  });

  after(async () => {
    await client?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test("pages concatenate to the whole list: no duplicates, total right, the same order at any page size", async () => {
    const small = await walk(client, { pageSize: 7 });
    const large = await walk(client, { pageSize: 200 });
    const ids = small.items.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, "no item twice");
    assert.equal(ids.length, PAIRS + 1);
    for (const page of [...small.pages, ...large.pages]) assert.equal(page.total, PAIRS + 1);
    assert.ok(small.pages.slice(0, -1).every((p) => p.contradictions.length === 7));
    assert.equal(small.pages.at(-1).nextCursor, undefined, "the last page has no cursor");
    assert.deepEqual(
      large.items.map((c) => c.id),
      ids,
      "stable order",
    );
    assert.deepEqual(
      (await walk(client, { pageSize: 50 })).items.map((c) => c.id),
      ids,
      "asked again: the same order",
    );
  });

  test("one contradiction per conflicting pair of readings: each Chad pair once", async () => {
    const { items } = await walk(client, { pageSize: 200 });
    const pairs = items
      .filter((c) => c.kind === "figure" && c.memberCount === 2)
      .map((c) =>
        c.members
          .map((m: any) => m.text)
          .sort()
          .join(" vs "),
      );
    assert.equal(pairs.length, PAIRS);
    assert.equal(new Set(pairs).size, PAIRS);
  });

  test("no pageSize: a bounded default page; a larger pageSize is lowered to the maximum", async () => {
    const first = await client.request("provenance/contradictions", {});
    assert.equal(first.contradictions.length, 100);
    assert.equal(first.total, PAIRS + 1);
    assert.ok(first.nextCursor);
    const none = await client.request("provenance/contradictions", null);
    assert.equal(none.contradictions.length, 100);
    const huge = await client.request("provenance/contradictions", { pageSize: 100_000 });
    assert.equal(huge.contradictions.length, 200);
    assert.ok(huge.nextCursor);
    assert.ok(Buffer.byteLength(JSON.stringify(huge)) < 1_000_000);
  });

  test("a pageSize that is not a positive integer, or a cursor the server never gave, answers -32602", async () => {
    for (const pageSize of [0, -3, 1.5, "10", true]) {
      await rejectsWith(
        client.request("provenance/contradictions", { pageSize }),
        -32602,
        `pageSize ${JSON.stringify(pageSize)}`,
      );
    }
    for (const cursor of ["not-a-cursor", "", 42, Buffer.from('{"d":"x"}').toString("base64url")]) {
      await rejectsWith(
        client.request("provenance/contradictions", { cursor }),
        -32602,
        `cursor ${JSON.stringify(cursor)}`,
      );
    }
  });

  test("{uri}: only contradictions touching the file, paged the same way", async () => {
    const uri = uriOf(join(dir, "chad-3.txt"));
    const { items, pages } = await walk(client, { uri, pageSize: 5 });
    assert.equal(items.length, CHAD - 1, "chad-3 conflicts with each other reading");
    assert.equal(pages[0].total, CHAD - 1);
    for (const c of items) assert.ok(c.members.some((m: any) => m.uri === uri));
    assert.equal(new Set(items.map((c) => c.id)).size, items.length);
  });

  test("an item shows a few members per side and counts them all; contradictionMembers pages through every one", async () => {
    const { items } = await walk(client, { pageSize: 200 });
    const lagos = items.find((c) => c.memberCount === 2 * LAGOS);
    assert.ok(lagos, "the Lagos contradiction");
    assert.deepEqual(lagos.sideCounts, { a: LAGOS, b: LAGOS });
    assert.equal(lagos.members.length, 6, "three per side");
    assert.deepEqual(
      lagos.members.map((m: any) => m.side),
      ["a", "a", "a", "b", "b", "b"],
    );

    const members: any[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await client.request("provenance/contradictionMembers", {
        id: lagos.id,
        pageSize: 5,
        ...(cursor ? { cursor } : {}),
      });
      assert.equal(page.total, 2 * LAGOS);
      assert.ok(page.members.length <= 5);
      members.push(...page.members);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    assert.equal(pages, Math.ceil((2 * LAGOS) / 5));
    assert.equal(members.length, 2 * LAGOS);
    assert.equal(new Set(members.map((m) => m.uri)).size, 2 * LAGOS, "every file once");
    assert.deepEqual(
      members.map((m) => m.side),
      [...Array(LAGOS).fill("a"), ...Array(LAGOS).fill("b")],
      "side a first",
    );
    const sides = new Map([
      ["a", new Set<string>()],
      ["b", new Set<string>()],
    ]);
    for (const m of members) sides.get(m.side)!.add(m.text);
    assert.equal(sides.get("a")!.size + sides.get("b")!.size, 2, "each side one reading");

    const all = await client.request("provenance/contradictionMembers", { id: lagos.id });
    assert.equal(all.members.length, 2 * LAGOS);
    assert.equal(all.nextCursor, undefined);
  });

  test("contradictionMembers: an unknown id answers ContentModified, bad params -32602", async () => {
    await rejectsWith(
      client.request("provenance/contradictionMembers", { id: "f-no-such-thing" }),
      -32801,
      "unknown id",
    );
    await rejectsWith(client.request("provenance/contradictionMembers", {}), -32602, "no id");
    const { contradictions } = await client.request("provenance/contradictions", { pageSize: 1 });
    await rejectsWith(
      client.request("provenance/contradictionMembers", { id: contradictions[0].id, pageSize: 0 }),
      -32602,
      "pageSize 0",
    );
    await rejectsWith(
      client.request("provenance/contradictionMembers", { id: contradictions[0].id, cursor: "zz" }),
      -32602,
      "bad cursor",
    );
  });

  test("a cursor from an older corpus version continues after the items already seen, and says the list changed", async () => {
    const first = await client.request("provenance/contradictions", { pageSize: 40 });
    const seen = new Set(first.contradictions.map((c: any) => c.id));
    const unchanged = await client.request("provenance/contradictions", { pageSize: 40, cursor: first.nextCursor });
    assert.equal(unchanged.changed, undefined, "same version: not flagged");

    const added = join(dir, "chad-new.txt");
    writeFileSync(added, "Officials said Chad has sent 99,999 soldiers to Niger.\n");
    const changed = client.waitFor("provenance/corpusChanged", () => true, 20_000);
    client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(added), type: 1 }] });
    await changed;

    const next = await client.request("provenance/contradictions", { pageSize: 40, cursor: first.nextCursor });
    assert.equal(next.changed, true);
    const total = ((CHAD + 1) * CHAD) / 2 + 1;
    assert.equal(next.total, total, "the total of the current list");
    assert.ok(next.contradictions.length > 0);
    for (const c of next.contradictions) assert.ok(!seen.has(c.id), `${c.summary} was on the first page`);
    // It starts right after the first page's last item, as the current list orders them.
    const now = (await walk(client, { pageSize: 200 })).items.map((c) => c.id);
    const lastSeen = first.contradictions.at(-1).id;
    const expectedStart = now.includes(lastSeen) ? now.indexOf(lastSeen) + 1 : undefined;
    if (expectedStart !== undefined) assert.equal(next.contradictions[0].id, now[expectedStart]);
    assert.ok(now.length === total);
  });
});

// After indexing (and after each flush) the server works the listing out while idle, in steps that
// let messages through; an edit stops it and the change after the edit starts it again.
describe("provenance/contradictions while the server primes the listing (stdio)", { timeout: 120_000 }, () => {
  const { folder, started } = chadWorkspace("provenance-priming-");

  test("an edit right after indexing gets its diagnostics, and the list then is the one a new server makes", async () => {
    const client = await started();
    const path = join(folder(), "chad-1.txt");
    const uri = client.open(path);
    const edited = "Officials said Chad has sent 77,777 soldiers to Niger.\n";
    const version = client.change(uri, edited);
    const asked = client.request("provenance/contradictions", { pageSize: 200 });
    await client.waitFor("textDocument/publishDiagnostics", (p) => p.uri === uri && p.version === version, 20_000);
    const during = await asked;
    assert.equal(during.total, PAIRS, "as many pairs as before: one reading replaced another");
    const listed = (await walk(client, { pageSize: 200 })).items;
    assert.ok(
      listed.some((c) => /77,777/.test(c.summary)),
      "the edited reading is in the list",
    );

    writeFileSync(path, edited);
    const fresh = await started();
    const afresh = (await walk(fresh, { pageSize: 200 })).items;
    assert.deepEqual(
      listed.map((c) => c.id),
      afresh.map((c) => c.id),
      "the same ids in the same order",
    );
  });
});

// Right after indexing the first page is selected without sorting the whole list; the sorted list
// is built when the next page is asked for, from the parts the first page was shown from.
describe("provenance/contradictions: the first page right after indexing (stdio)", { timeout: 120_000 }, () => {
  const { folder, started } = chadWorkspace("provenance-first-page-");

  test("its cursor continues the list, and after a change continues after the items seen, flagged", async () => {
    const client = await started();
    const first = await client.request("provenance/contradictions", { pageSize: 40 });
    assert.equal(first.total, PAIRS);
    const rest = await client.request("provenance/contradictions", { pageSize: 500, cursor: first.nextCursor });
    assert.equal(rest.changed, undefined, "same version: not flagged");
    const whole = (await walk(client, { pageSize: 200 })).items.map((c) => c.id);
    assert.deepEqual(
      [...first.contradictions, ...rest.contradictions].map((c) => c.id),
      whole,
      "page 1 + the rest = the list",
    );

    const fresh = await started();
    const page = await fresh.request("provenance/contradictions", { pageSize: 40 });
    assert.deepEqual(page.contradictions, first.contradictions, "another server's first page: the same items");
    const added = join(folder(), "chad-new.txt");
    writeFileSync(added, "Officials said Chad has sent 99,999 soldiers to Niger.\n");
    // The change that takes the new file in (not a late one of indexing).
    const changed = fresh.waitFor("provenance/corpusChanged", (p) => p.files === CHAD + 1, 20_000);
    fresh.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(added), type: 1 }] });
    await changed;
    const next = await fresh.request("provenance/contradictions", { pageSize: 40, cursor: page.nextCursor });
    assert.equal(next.changed, true);
    assert.equal(next.total, ((CHAD + 1) * CHAD) / 2);
    const now = (await walk(fresh, { pageSize: 200 })).items.map((c) => c.id);
    const lastSeen = page.contradictions.at(-1).id;
    assert.ok(now.includes(lastSeen), "the last item seen is still listed (a new reading adds pairs)");
    assert.equal(next.contradictions[0].id, now[now.indexOf(lastSeen) + 1], "it starts right after the last item seen");
  });
});

/** A folder of CHAD files, each giving another count of the same soldiers, and servers started on it. */
function chadWorkspace(prefix: string): { folder: () => string; started: () => Promise<TestClient> } {
  let dir: string;
  const clients: TestClient[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    for (let i = 1; i <= CHAD; i++)
      writeFileSync(join(dir, `chad-${i}.txt`), `Officials said Chad has sent ${i * 1000 + i} soldiers to Niger.\n`);
  });
  after(async () => {
    for (const client of clients) await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    folder: () => dir,
    started: async () => {
      const client = new TestClient({ folders: [dir] });
      clients.push(client);
      await client.initialize();
      await client.indexed();
      return client;
    },
  };
}
