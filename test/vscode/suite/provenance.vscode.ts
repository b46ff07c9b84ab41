// In-editor tests: run inside a VS Code extension host (by @vscode/test-electron, or inside
// code-server by test/vscode/run.mjs --code-server) against the workspace folder holding a copy
// of examples/. Uses only the public `vscode` API. Mocha BDD globals (describe/it).
// Named *.vscode.ts so that test/run.mjs (which runs *.test.ts under node:test) never picks it up.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";

const EXTENSION_ID = "provenance-dev.provenance";
const KYIV = "kyiv-bulletin-2026-03-03.txt";
const OTHER_FILES = ["washington-desk-2026-03-10.txt", "london-review-2026-03-18.txt", "field-notes.txt"];
const COMMANDS = [
  "provenance.showMentions",
  "provenance.listContradictions",
  "provenance.showFiguresTable",
  "provenance.reindex",
];
const CODES = /^(claim\.(attributed|hedged|anonymous|denial)|figure|figure\.conflict|stance\.conflict)$/;

/** Polls `fn` (every 100 ms) until it returns a truthy value; fails after `ms`. */
async function until<T>(what: string, fn: () => T | Promise<T>, ms = 30_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "no workspace folder is open (the runner opens a copy of examples/)");
  return vscode.Uri.joinPath(folder.uri, name);
}

function positionOf(doc: vscode.TextDocument, needle: string, offsetInNeedle = 1): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not found in ${doc.uri.path}`);
  return doc.positionAt(at + offsetInNeedle);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === "object" && d.code !== null ? String(d.code.value) : String(d.code);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : c.value))
    .join("\n");
}

describe("Provenance in VS Code", function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this extension host`);
    doc = await vscode.workspace.openTextDocument(workspaceFile(KYIV));
    await vscode.window.showTextDocument(doc);
    await ext.activate();
  });

  it("registers its commands", async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of COMMANDS) assert.ok(all.has(c), `command ${c} is not registered`);
  });

  it("activates on a .txt clipping (plaintext or source-text)", () => {
    assert.ok(["plaintext", "source-text"].includes(doc.languageId), `languageId ${doc.languageId}`);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, "the extension is not active");
  });

  it("publishes claim diagnostics with provenance codes", async () => {
    const diags = await until("Provenance diagnostics on the Kyiv bulletin", () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === "provenance");
      // The cross-file conflict arrives once the workspace is indexed: wait for both.
      const conflictOnDenial = d.some((x) => codeOf(x) === "stance.conflict" && x.range.start.line === 5);
      return d.some((x) => codeOf(x) === "claim.hedged") && conflictOnDenial ? d : null;
    });
    for (const d of diags) assert.match(codeOf(d), CODES, `unexpected code ${codeOf(d)}`);
    const hedged = diags.filter((d) => codeOf(d) === "claim.hedged").map((d) => doc.getText(d.range));
    assert.ok(
      hedged.some((t) => /reportedly/.test(t)) ||
        diags.some((d) => codeOf(d) === "claim.hedged" && /reportedly/.test(d.message)),
      `no hedged claim on "reportedly": ${JSON.stringify(hedged)}`,
    );
    // Tehran's denial is contradicted in other files: one stance.conflict on its line.
    const denial = diags.find((d) => codeOf(d) === "stance.conflict" && d.range.start.line === 5);
    assert.ok(denial, "no stance.conflict on line 6 (Tehran has repeatedly denied …)");
  });

  it("hover on a claim shows its provenance", async () => {
    const pos = positionOf(doc, "denied", 2);
    const hovers = await until(
      "a hover naming Tehran",
      async () => {
        const h = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, pos);
        return /Tehran/.test(hoverText(h ?? [])) ? h : null;
      },
      15_000,
    );
    const text = hoverText(hovers);
    assert.match(text, /den(y|ies|ied|ial)/i, `hover gives no stance: ${text}`);
  });

  it("references on a figure reach other files (Show Mentions Across Files)", async () => {
    const pos = positionOf(doc, "2,000", 2);
    const locations = await until("references in another file (workspace indexed)", async () => {
      const locs = await vscode.commands.executeCommand<vscode.Location[]>(
        "vscode.executeReferenceProvider",
        doc.uri,
        pos,
      );
      return (locs ?? []).some((l) => OTHER_FILES.some((f) => l.uri.path.endsWith(`/${f}`))) ? locs : null;
    });
    assert.ok(
      locations.some((l) => l.uri.path.endsWith(`/${KYIV}`)),
      "the figure itself is not among its mentions",
    );
  });

  it("Show Mentions Across Files runs on a figure without error", async () => {
    const editor = await vscode.window.showTextDocument(doc);
    const pos = positionOf(doc, "2,000", 2);
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand("provenance.showMentions");
    await vscode.commands.executeCommand("closeReferenceSearch");
  });

  it('hovers trust the one command their "and N more" rows link; it peeks the list its arguments name', async () => {
    const pos = positionOf(doc, "2,000", 2);
    const hovers = await until(
      "a figure hover",
      async () => {
        const h = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, pos);
        return /2,000/.test(hoverText(h ?? [])) ? h : null;
      },
      15_000,
    );
    const markdown = hovers
      .flatMap((h) => h.contents)
      .filter((c): c is vscode.MarkdownString => typeof c === "object" && "value" in c && /2,000/.test(c.value));
    assert.ok(markdown.length > 0, "no Markdown hover");
    for (const m of markdown) {
      assert.deepEqual(m.isTrusted, { enabledCommands: ["provenance.showMentions"] });
      assert.ok(!m.supportHtml, "no HTML in hovers");
    }
    // What a "… and N more" link runs (examples/ has too few files for a capped list).
    const args = {
      uri: doc.uri.toString(),
      position: { line: pos.line, character: pos.character },
      target: "figure",
      list: "mentions",
    };
    await vscode.commands.executeCommand("provenance.showMentions", args);
    await vscode.commands.executeCommand("closeReferenceSearch");
  });

  it("the contradictions behind List Contradictions include the drone figures and a denial", async function () {
    // The command shows a quick pick (not readable through the API); its data comes from the
    // server's `provenance/contradictions` request. Use it through the extension's exported API
    // when there is one, else check the command completes after the quick pick is dismissed.
    const api = vscode.extensions.getExtension(EXTENSION_ID)?.exports as
      | {
          client?: { sendRequest(method: string, params: unknown): Promise<unknown> };
          contradictions?: () => Promise<unknown>;
        }
      | undefined;
    let data: unknown;
    if (typeof api?.contradictions === "function") data = await api.contradictions();
    else if (typeof api?.client?.sendRequest === "function")
      data = await api.client.sendRequest("provenance/contradictions", {});
    if (data === undefined) {
      const run = vscode.commands.executeCommand("provenance.listContradictions");
      await until("the contradictions quick pick", async () => {
        await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
        return Promise.race([run.then(() => true), new Promise((r) => setTimeout(() => r(false), 200))]);
      });
      this.skip(); // the command ran; its items are checked by the code-server e2e test
    }
    const json = JSON.stringify(data);
    assert.match(json, /2,?000/, "no drone figure conflict with about 2,000");
    assert.match(json, /den(y|ies|ied|ial)/i, "no denial-vs-assertion conflict");
  });
});
