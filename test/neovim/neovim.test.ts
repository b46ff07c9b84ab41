// The language server through a second, independent LSP client: Debian's Neovim 0.7.2, headless,
// configured as the README tells a user: an init.lua with `filetype on` and the README's Lua
// snippet, taken from README.md now (only its placeholder path is replaced by this checkout).
// test/neovim/client.lua opens an example (filetype `text`), collects diagnostics, a hover,
// references and the contradictions request, edits a figure in the buffer and hovers it again,
// and writes all that as JSON; this file asserts on that JSON.
//
// Needs: apt-get install neovim (scripts/install-editor-test-deps.sh) && npm run build
// Run:   node test/run.mjs neovim
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  extensionRoot,
  exited,
  killGroup,
  makeSandbox,
  nvimBin,
  README_PLACEHOLDER,
  readmeSnippet,
  repoRoot,
  requireBuilt,
  skipUnlessTools,
  which,
  type Sandbox,
} from "../e2e/harness";

const SUITE = "neovim LSP client";
const skip = skipUnlessTools(SUITE, [{ name: "nvim", path: which(nvimBin), hint: "apt-get install neovim" }]);

const FILE = "kyiv-bulletin-2026-03-03.txt";
const CODES = /^(claim\.(attributed|hedged|anonymous|denial)|figure|figure\.conflict|stance\.conflict)$/;

interface Seen {
  filetype?: string;
  client_name?: string;
  diagnostics_after_edit?: { lnum: number; col: number; code?: string | number; message: string }[];
  hover_after_edit?: string | null;
  steps: string[];
  errors: string[];
  notifications: string[];
  capabilities?: { hover: boolean; references: boolean };
  diagnostics?: { lnum: number; col: number; source?: string; code?: string | number; message: string }[];
  hover?: string | null;
  indexed?: boolean;
  references?: { uri: string; line: number }[];
  contradictions?: string;
  stopped_cleanly?: boolean;
  server_exit?: { code: number; signal: number };
}

describe(SUITE, { skip, timeout: 180_000 }, () => {
  let box: Sandbox;
  let seen: Seen;
  let stderr = "";

  before(async () => {
    requireBuilt(["dist/server.js"]);
    box = makeSandbox("nvim");
    const out = join(box.base, "result.json");
    const lua = join(repoRoot, "test", "neovim", "client.lua");
    const init = join(box.base, "init.lua");
    writeFileSync(
      init,
      `vim.cmd("filetype on")\n${readmeSnippet("lua").split(README_PLACEHOLDER).join(extensionRoot)}`,
    );
    const nvim = spawn(nvimBin, ["--headless", "-u", init, "-i", "NONE", "-n", "-c", `luafile ${lua}`], {
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
    nvim.stdout!.on("data", () => {});
    nvim.stderr!.on("data", (d) => (stderr += d));
    // client.lua bounds each of its waits; this bounds the whole run.
    const code = await exited(nvim, 150_000);
    if (code === null) {
      await killGroup(nvim);
      assert.fail(`nvim did not finish within 150 s; stderr: ${stderr}`);
    }
    await killGroup(nvim); // the language server, should it have outlived nvim
    assert.ok(existsSync(out), `nvim wrote no result (exit ${code}); stderr: ${stderr}`);
    seen = JSON.parse(readFileSync(out, "utf8")) as Seen;
    assert.deepEqual(
      seen.errors,
      [],
      `errors in the Neovim client: ${seen.errors.join("\n")}\nsteps: ${seen.steps.join(" → ")}`,
    );
    assert.equal(code, 0, `nvim exited with ${code}; stderr: ${stderr}`);
  });

  after(() => box?.cleanup());

  test("the README snippet attaches the server to a .txt buffer of filetype text", () => {
    assert.equal(seen.filetype, "text", "filetype on should make a .txt buffer `text`");
    assert.equal(seen.client_name, "provenance");
  });

  test("diagnostics with provenance codes arrive for the open file", () => {
    const diags = seen.diagnostics ?? [];
    assert.ok(diags.length > 0, `no diagnostics; steps: ${seen.steps.join(" → ")}`);
    for (const d of diags) {
      assert.equal(d.source, "provenance", `diagnostic without source "provenance": ${JSON.stringify(d)}`);
      assert.match(String(d.code), CODES, `unexpected diagnostic code: ${JSON.stringify(d)}`);
    }
    const codes = new Set(diags.map((d) => String(d.code)));
    assert.ok(codes.has("claim.hedged"), `no claim.hedged ("reportedly"): ${[...codes].join(", ")}`);
    // Tehran's denial is contradicted in other files: one stance.conflict on its line.
    const denialLines = diags.filter((d) => d.code === "stance.conflict").map((d) => d.lnum + 1);
    assert.ok(
      denialLines.includes(6),
      `no stance.conflict on line 6 ("Tehran has repeatedly denied"): lines ${denialLines.join(", ")}`,
    );
  });

  test("hover on the denial claim gives its provenance", () => {
    assert.ok(seen.capabilities?.hover, "the server does not announce hoverProvider");
    assert.ok(seen.hover, "no hover over “Tehran has repeatedly denied …”");
    assert.match(seen.hover, /Tehran/, `hover does not name the source: ${seen.hover}`);
    assert.match(seen.hover, /den(y|ies|ied|ial)/i, `hover does not give the stance: ${seen.hover}`);
  });

  test("references on a figure reach other files", () => {
    assert.ok(seen.capabilities?.references, "the server does not announce referencesProvider");
    const files = new Set((seen.references ?? []).map((r) => basename(fileURLToPath(r.uri))));
    assert.ok(files.has(FILE), `references do not include the figure itself: ${[...files].join(", ")}`);
    const others = [...files].filter((f) => f !== FILE);
    assert.ok(
      others.length >= 1,
      `no mention of "about 2,000" drones in another file (indexed: ${seen.indexed}): ${[...files].join(", ")}`,
    );
  });

  test("provenance/contradictions names the drone figure conflict", () => {
    const json = seen.contradictions ?? "";
    assert.ok(json && json !== "null", "provenance/contradictions returned nothing");
    assert.match(json, /2,?000/, `no "about 2,000" drones in the contradictions: ${json.slice(0, 500)}`);
    assert.match(json, /den(y|ies|ied|ial)/i, `no denial-vs-assertion conflict: ${json.slice(0, 500)}`);
  });

  test("after an unsaved edit, diagnostics and the hover show the buffer's number, not the disk's", () => {
    const after = seen.diagnostics_after_edit ?? [];
    assert.ok(
      after.some((d) => d.message.includes("2,500")),
      `no diagnostic names the edited 2,500: ${JSON.stringify(after).slice(0, 800)}`,
    );
    assert.ok(seen.hover_after_edit, "no hover over the edited figure");
    assert.match(seen.hover_after_edit, /2,500/, `the hover does not show the edited number: ${seen.hover_after_edit}`);
  });

  test("the server exits on shutdown", () => {
    assert.ok(seen.stopped_cleanly, `server did not exit after shutdown/exit: ${JSON.stringify(seen.server_exit)}`);
  });
});
