// Runs the in-editor mocha suite (test/vscode/suite, `vscode` API) inside code-server's remote
// extension host: the workbench takes extensionDevelopmentPath / extensionTestsPath from the URL
// payload (see test/vscode/README.md). Complements codeserver.test.ts (UI) with API-level checks.
//
// Needs: bash scripts/install-editor-test-deps.sh && npm run build
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { chromiumBin, codeServerBin, makeSandbox, requireBuilt, skipUnlessTools, which, type Sandbox } from "./harness";
import { buildSuite, runCodeServer } from "../vscode/run";

const SUITE = "in-editor suite in code-server";
const skip = skipUnlessTools(SUITE, [
  { name: "code-server", path: which(codeServerBin), hint: `expected at ${codeServerBin}` },
  { name: "chromium", path: which(chromiumBin), hint: "apt-get install chromium" },
]);

describe(SUITE, { skip, timeout: 300_000 }, () => {
  let box: Sandbox | undefined;
  after(() => box?.cleanup());

  test("the mocha suite passes in the extension host", { timeout: 240_000 }, async () => {
    requireBuilt(["dist/extension.js", "dist/server.js"]);
    const suite = await buildSuite();
    box = makeSandbox("vscode-cs");
    const { code, summary, log } = await runCodeServer(box, suite, { quiet: true });
    const report = log.filter((l) => /✔|\d+\)|passing|failing|pending|Error/.test(l)).join("\n");
    assert.ok(summary, `the suite wrote no results (exit ${code}):\n${log.slice(-40).join("\n")}`);
    assert.deepEqual(summary.failed, [], `in-editor failures:\n${report}`);
    assert.equal(summary.failures, 0);
    assert.ok(summary.passes >= 6, `only ${summary.passes} in-editor tests passed:\n${report}`);
    assert.equal(code, 0, `the extension host reported exit code ${code}`);
    console.log(`# in-editor: ${summary.passes} passed, ${summary.pending} skipped`);
  });
});
