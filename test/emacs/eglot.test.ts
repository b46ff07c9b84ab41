// The language server through a third LSP client: Debian's Emacs 28.2 with eglot 1.9 (elpa-eglot),
// in batch, configured as the README tells a user: an init.el holding `(package-initialize)` and
// the README's eglot snippet, taken from README.md now (only its placeholder path is replaced by
// this checkout). test/emacs/client.el opens an example in text-mode, collects the diagnostics and
// a hover, edits a figure in the buffer and hovers it again, and writes all that as JSON.
//
// Needs: apt-get install emacs-nox elpa-eglot (scripts/install-editor-test-deps.sh) && npm run build
// Run:   node test/run.mjs emacs
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  extensionRoot,
  exited,
  killGroup,
  makeSandbox,
  README_PLACEHOLDER,
  readmeSnippet,
  repoRoot,
  requireBuilt,
  skipUnlessTools,
  which,
  type Sandbox,
} from "../e2e/harness";

const SUITE = "emacs eglot LSP client";
const emacsBin = process.env.EMACS_BIN ?? "emacs";
const eglotInstalled = existsSync("/usr/share/emacs/site-lisp/elpa/eglot-1.9") || !!process.env.EMACS_BIN;
const skip = skipUnlessTools(SUITE, [
  { name: "emacs", path: which(emacsBin), hint: "apt-get install emacs-nox" },
  { name: "eglot", path: eglotInstalled ? "elpa-eglot" : null, hint: "apt-get install elpa-eglot" },
]);

const FILE = "kyiv-bulletin-2026-03-03.txt";

interface Seen {
  errors: string[];
  major_mode?: string;
  managed?: boolean;
  server_name?: string;
  diagnostics?: string[];
  hover?: string;
  diagnostics_after_edit?: string[];
  hover_after_edit?: string;
  stopped_cleanly?: boolean;
}

describe(SUITE, { skip, timeout: 180_000 }, () => {
  let box: Sandbox;
  let seen: Seen;
  let stderr = "";

  before(async () => {
    requireBuilt(["dist/server.js"]);
    box = makeSandbox("emacs");
    const out = join(box.base, "result.json");
    const init = join(box.base, "init.el");
    writeFileSync(
      init,
      `(package-initialize)\n${readmeSnippet("elisp").split(README_PLACEHOLDER).join(extensionRoot)}`,
    );
    const emacs = spawn(emacsBin, ["--batch", "-l", init, "-l", join(repoRoot, "test", "emacs", "client.el")], {
      cwd: box.workspace,
      env: {
        ...box.env,
        // The snippet runs `node`: this Node first on PATH.
        PATH: `${dirname(process.execPath)}:${box.env.PATH ?? ""}`,
        PROV_FILE: join(box.workspace, FILE),
        PROV_OUT: out,
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    emacs.stdout!.on("data", () => {});
    emacs.stderr!.on("data", (d) => (stderr = (stderr + String(d)).slice(-6000)));
    // client.el bounds each of its waits; this bounds the whole run.
    const code = await exited(emacs, 150_000);
    await killGroup(emacs); // the language server, should it have outlived Emacs
    assert.notEqual(code, null, `emacs did not finish within 150 s; stderr: ${stderr}`);
    assert.ok(existsSync(out), `emacs wrote no result (exit ${code}); stderr: ${stderr}`);
    seen = JSON.parse(readFileSync(out, "utf8")) as Seen;
    assert.deepEqual(seen.errors, [], `errors in the Emacs client: ${seen.errors.join("\n")}\nstderr: ${stderr}`);
    assert.equal(code, 0, `emacs exited with ${code}; stderr: ${stderr}`);
  });

  after(() => box?.cleanup());

  test("the README snippet has eglot manage a .txt buffer in text-mode", () => {
    assert.equal(seen.major_mode, "text-mode");
    assert.equal(seen.managed, true);
    assert.equal(seen.server_name, "provenance");
  });

  test("diagnostics with provenance codes arrive for the open file", () => {
    const diags = seen.diagnostics ?? [];
    assert.ok(
      diags.some((d) => /claim\.denial/.test(d)),
      `no claim.denial: ${diags.join("\n")}`,
    );
    assert.ok(
      diags.some((d) => /claim\.hedged/.test(d)),
      `no claim.hedged: ${diags.join("\n")}`,
    );
  });

  test("hover on the denial claim gives its provenance", () => {
    assert.match(seen.hover ?? "", /Tehran/);
    assert.match(seen.hover ?? "", /den(y|ies|ied|ial)/i);
  });

  test("after an unsaved edit, diagnostics and the hover show the buffer's number, not the disk's", () => {
    const after = seen.diagnostics_after_edit ?? [];
    assert.ok(
      after.some((d) => d.includes("2,500")),
      `no diagnostic names the edited 2,500: ${after.join("\n")}`,
    );
    assert.match(
      seen.hover_after_edit ?? "",
      /2,500/,
      `the hover does not show the edited number: ${seen.hover_after_edit}`,
    );
  });

  test("the server exits on shutdown", () => {
    assert.equal(seen.stopped_cleanly, true);
  });
});
