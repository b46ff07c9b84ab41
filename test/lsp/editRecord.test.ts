// An edited document is published before its cross-file record is made (engine/corpus.ts,
// deferRecords): a request that reads across files right after the publication must see the new
// text, not the version recorded before the edit. Real protocol over stdio; needs `npm run build`.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { positionOf, tempFolder, TestClient, uriOf } from "./lspClient";

const A = "Officials said Chad has sent about 2,000 soldiers to Niger.";
const B = "Analysts said Chad has sent about 2,100 troops to Niger.";
/** A's edit: a sentence before the figure moves it and Chad, and adds a figure of its own. */
const EDITED = `Police said 40 people were arrested in Lagos. Witnesses said Chad closed the road. ${A}`;

describe("requests right after an edit's publication see the edit", { timeout: 60_000 }, () => {
  let dir: string;
  let cleanup: (() => void) | undefined;
  let client: TestClient;
  let aUri: string;
  let bUri: string;

  before(async () => {
    ({ dir, cleanup } = tempFolder({ "a.txt": A, "b.txt": B }));
    client = new TestClient({ folders: [dir] });
    await client.initialize();
    await client.indexed();
    aUri = client.open(join(dir, "a.txt"));
    bUri = uriOf(join(dir, "b.txt"));
    await client.waitForDiagnostics(aUri, (d) => d.length > 0);
  });

  after(async () => {
    await client?.shutdown();
    cleanup?.();
  });

  /** Sends the edit, waits for its publication, then asks for references at `needle` of b.txt at once. */
  async function referencesAfterEdit(text: string, needle: string): Promise<any[]> {
    // Registered in the same turn as the change is sent: the publication cannot come before.
    const version = client.change(aUri, text);
    await client.waitFor("textDocument/publishDiagnostics", (p) => p.uri === aUri && p.version === version);
    return client.request("textDocument/references", {
      textDocument: { uri: bUri },
      position: positionOf(B, needle, 1),
      context: { includeDeclaration: true },
    });
  }

  const inA = (refs: any[]) => refs.filter((r) => r.uri === aUri).map((r) => r.range.start);

  test("the figure group of another file holds the edited figure at its new place", async () => {
    const before = await client.request("textDocument/references", {
      textDocument: { uri: bUri },
      position: positionOf(B, "2,100", 1),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(inA(before), [positionOf(A, "about 2,000")], "linked before the edit");
    const refs = await referencesAfterEdit(EDITED, "2,100");
    assert.deepEqual(inA(refs), [positionOf(EDITED, "about 2,000")]);
  });

  test("the actor index holds the edited file's mentions at their new places", async () => {
    const text = `${EDITED} Chad said the border was calm.`;
    const refs = await referencesAfterEdit(text, "Chad");
    const starts = inA(refs);
    assert.ok(starts.length >= 2, JSON.stringify(refs));
    for (const start of starts) assert.equal(text.slice(start.character, start.character + 4), "Chad");
    assert.deepEqual(starts.at(-1), positionOf(text, "Chad said the border"), "the mention the edit added");
  });
});
