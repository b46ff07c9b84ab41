// Runs the in-editor mocha suite (test/vscode/suite) inside a VS Code extension host.
//
//   node --import tsx test/vscode/run.ts                 @vscode/test-electron: downloads VS Code
//                                                        (or uses VSCODE_EXECUTABLE_PATH) — desktop
//   node --import tsx test/vscode/run.ts --code-server   the same suite inside code-server's remote
//                                                        extension host, started from Chromium
//
// `npm run test:vscode` is the first; `npm run test:vscode -- --code-server` the second.
// Both open a fresh copy of examples/ with isolated user-data and extensions folders, and exit
// non-zero when a test fails or when the editor cannot be started (with the reason).
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";
import { pathToFileURL } from "node:url";
import {
  chromiumBin,
  codeServerBin,
  extensionRoot,
  launchBrowser,
  makeSandbox,
  prepareCodeServer,
  repoRoot,
  requireBuilt,
  startCodeServer,
  waitFor,
  which,
  type Sandbox,
} from "../e2e/harness";

export interface SuiteSummary {
  passes: number;
  failures: number;
  pending: number;
  tests: number;
  failed: string[];
}

const SUITE_OUT = join(repoRoot, "out", "vscode-suite");

/** Bundles the suite into out/vscode-suite/index.js (mocha and vscode stay external). */
export async function buildSuite(): Promise<string> {
  const esbuild = await import("esbuild");
  rmSync(SUITE_OUT, { recursive: true, force: true });
  mkdirSync(SUITE_OUT, { recursive: true });
  const outfile = join(SUITE_OUT, "index.js");
  await esbuild.build({
    entryPoints: [join(repoRoot, "test", "vscode", "suite", "index.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: "inline",
    external: ["vscode", "mocha"],
    logLevel: "warning",
  });
  return outfile;
}

function readSummary(file: string): SuiteSummary | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as SuiteSummary) : null;
}

/** Desktop VS Code through @vscode/test-electron. */
async function runElectron(box: Sandbox, suite: string): Promise<number> {
  const { runTests } = await import("@vscode/test-electron");
  const results = join(box.base, "results.json");
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? "1.100.3",
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
      extensionDevelopmentPath: extensionRoot,
      extensionTestsPath: suite,
      extensionTestsEnv: { PROVENANCE_VSCODE_RESULTS: results },
      launchArgs: [
        box.workspace,
        "--disable-extensions",
        "--disable-workspace-trust",
        "--skip-welcome",
        "--skip-release-notes",
        "--disable-gpu",
        `--user-data-dir=${join(box.base, "user-data")}`,
        `--extensions-dir=${join(box.base, "extensions")}`,
      ],
    });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (
      /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|Failed to get|download/i.test(msg) &&
      !vscodeExecutablePath
    ) {
      console.error(
        [
          "",
          "test:vscode: VS Code could not be downloaded, so the in-editor suite did not run.",
          `  cause: ${msg.split("\n")[0]}`,
          "  @vscode/test-electron downloads VS Code from Microsoft's update service; this machine reaches only",
          "  the npm registry and Debian's apt, and neither ships VS Code or a usable Electron.",
          "  Do one of:",
          "    VSCODE_EXECUTABLE_PATH=/path/to/code npm run test:vscode     (a local VS Code, 1.100 or newer)",
          "    npm run test:vscode -- --code-server                          (the same suite inside code-server)",
          "",
        ].join("\n"),
      );
      return 2;
    }
    console.error(`test:vscode: ${msg}`);
    return 1;
  }
  const s = readSummary(results);
  console.log(`test:vscode: ${s ? `${s.passes} passed, ${s.failures} failed` : "no results file"}`);
  return s && s.failures === 0 && s.passes > 0 ? 0 : 1;
}

/**
 * code-server: the workbench reads `extensionDevelopmentPath` / `extensionTestsPath` from the URL's
 * `payload` parameter (as VS Code's own web integration tests do); the remote extension host loads
 * the extension from the development path, runs the suite, and the workbench reports the exit
 * code through `window.codeAutomationExit` and the log through `window.codeAutomationLog`.
 */
export async function runCodeServer(
  box: Sandbox,
  suite: string,
  opts: { timeoutMs?: number; quiet?: boolean } = {},
): Promise<{ code: number; summary: SuiteSummary | null; log: string[] }> {
  const missing = [
    [codeServerBin, "code-server"],
    [chromiumBin, "chromium"],
  ].filter(([p]) => !which(p!));
  if (missing.length) {
    throw new Error(`missing ${missing.map(([, n]) => n).join(", ")}; run: bash scripts/install-editor-test-deps.sh`);
  }
  const results = join(box.base, "results.json");
  const dirs = prepareCodeServer(box);
  // The remote extension host inherits code-server's environment.
  const server = await startCodeServer(box, dirs, { PROVENANCE_VSCODE_RESULTS: results });
  const log: string[] = [];
  const context = await launchBrowser(box);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let exitCode: number | null = null;
    await page.exposeFunction("codeAutomationLog", (type: string, args: unknown[]) => {
      const line = `[workbench ${type}] ${format(...(Array.isArray(args) ? args : [args]))}`;
      log.push(line);
      if (!opts.quiet) console.log(line);
    });
    await page.exposeFunction("codeAutomationExit", (code: number) => {
      exitCode = code;
    });
    const remote = (p: string) => `vscode-remote://${server.host}${pathToFileURL(p).pathname}`;
    const payload = JSON.stringify([
      ["extensionDevelopmentPath", remote(extensionRoot)],
      ["extensionTestsPath", remote(suite)],
      ["skipWelcome", "true"],
    ]);
    await page.goto(
      `${server.url}/?folder=${encodeURIComponent(box.workspace)}&payload=${encodeURIComponent(payload)}`,
    );
    await waitFor(
      "the in-editor suite to finish (window.codeAutomationExit)",
      () => exitCode !== null,
      opts.timeoutMs ?? 180_000,
      200,
    );
    const summary = readSummary(results);
    return { code: exitCode ?? 1, summary, log };
  } finally {
    await context.close().catch(() => {});
    await server.stop();
  }
}

async function main(): Promise<number> {
  const codeServer = process.argv.includes("--code-server");
  requireBuilt(["dist/extension.js", "dist/server.js"]);
  const suite = await buildSuite();
  const box = makeSandbox(codeServer ? "vscode-cs" : "vscode-electron");
  try {
    if (!codeServer) return await runElectron(box, suite);
    const { code, summary } = await runCodeServer(box, suite);
    console.log(
      `test:vscode (code-server): exit ${code}; ${summary ? `${summary.passes} passed, ${summary.failures} failed, ${summary.pending} skipped` : "no results file"}`,
    );
    for (const f of summary?.failed ?? []) console.log(`  failed: ${f}`);
    return code === 0 && summary !== null && summary.failures === 0 && summary.passes > 0 ? 0 : 1;
  } finally {
    box.cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`test:vscode: ${(e as Error)?.stack ?? e}`);
      process.exit(1);
    },
  );
}
