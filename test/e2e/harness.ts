// Shared plumbing for the editor tests: locating the tools, the skip-or-fail rule, isolated temp
// environments, process-group cleanup, free ports, and polling with a bounded timeout.
// Not a test file itself (test/run.mjs only picks `*.test.ts`).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import type { BrowserContext } from "playwright-core";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import assert from "node:assert/strict";

export const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** The extension under test; overridable for trying the harness against another build. */
export const extensionRoot = resolve(process.env.PROVENANCE_EXTENSION_ROOT ?? repoRoot);
export const isCI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";

export const codeServerBin =
  process.env.CODE_SERVER_BIN ?? join(repoRoot, ".e2e", "code-server", "node_modules", ".bin", "code-server");
export const chromiumBin = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";
export const nvimBin = process.env.NVIM_BIN ?? "nvim";

export const screenshotsDir = join(repoRoot, "test-output", "screenshots");
export const docsScreenshotsDir = join(repoRoot, "docs", "screenshots");

/** Is `cmd` runnable (absolute path that exists, or found on PATH)? */
export function which(cmd: string): string | null {
  if (cmd.includes("/")) return existsSync(cmd) ? cmd : null;
  const r = spawnSync("sh", ["-c", `command -v "${cmd}"`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * The skip-or-fail rule: a missing tool skips the suite locally (with a message saying how to
 * install it) and fails it when CI is set. Returns the `skip` option for describe(); under CI it
 * also registers a failing test that names what is missing.
 */
export function skipUnlessTools(
  suite: string,
  tools: { name: string; path: string | null; hint: string }[],
): string | false {
  const missing = tools.filter((t) => !t.path);
  if (missing.length === 0) return false;
  const msg = `missing ${missing.map((t) => `${t.name} (${t.hint})`).join(", ")}; run: bash scripts/install-editor-test-deps.sh`;
  if (isCI) {
    test(`${suite}: prerequisites`, () => {
      throw new Error(`CI is set, so a missing tool is a failure: ${msg}`);
    });
  } else {
    console.log(`# SKIP ${suite}: ${msg}`);
  }
  return msg;
}

export function requireBuilt(files: string[]): void {
  const missing = files.filter((f) => !existsSync(join(extensionRoot, f)));
  if (missing.length) throw new Error(`not built: ${missing.join(", ")} (run \`npm run build\` first)`);
}

export interface Sandbox {
  base: string;
  home: string;
  tmp: string;
  env: NodeJS.ProcessEnv;
  /** A fresh copy of examples/ to open as the workspace. */
  workspace: string;
  cleanup(): void;
}

/** A temp folder holding HOME, XDG_* and TMPDIR, so nothing is written into the real home or /tmp. */
export function makeSandbox(prefix: string): Sandbox {
  const base = mkdtempSync(join(tmpdir(), `provenance-${prefix}-`));
  const dirs = {
    home: join(base, "home"),
    config: join(base, "xdg-config"),
    data: join(base, "xdg-data"),
    cache: join(base, "xdg-cache"),
    state: join(base, "xdg-state"),
    runtime: join(base, "xdg-runtime"),
    tmp: join(base, "tmp"),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true, mode: 0o700 });
  const workspace = join(base, "workspace", "examples");
  try {
    cpSync(join(repoRoot, "examples"), workspace, { recursive: true });
  } catch (e) {
    rmSync(base, { recursive: true, force: true });
    throw e;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_STATE_HOME: dirs.state,
    XDG_RUNTIME_DIR: dirs.runtime,
    TMPDIR: dirs.tmp,
    TMP: dirs.tmp,
    TEMP: dirs.tmp,
    // code-server: no extension gallery (its default is open-vsx.org; this machine stays on loopback).
    EXTENSIONS_GALLERY: "{}",
  };
  // Variables that would make code-server or a spawned VS Code part behave differently.
  for (const k of [
    "VSCODE_IPC_HOOK_CLI",
    "VSCODE_PID",
    "VSCODE_CWD",
    "ELECTRON_RUN_AS_NODE",
    "PASSWORD",
    "HASHED_PASSWORD",
    "PORT",
  ])
    delete env[k];
  return {
    base,
    home: dirs.home,
    tmp: dirs.tmp,
    env,
    workspace,
    cleanup: () => {
      if (process.env.E2E_KEEP_TMP) console.log(`# kept ${base}`);
      else rmSync(base, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** Polls `fn` until it returns a truthy value; rejects after `timeoutMs` with `what` in the message. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T> | T,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? ` (last error: ${String(lastErr)})` : ""}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resolves with the exit code when the child exits, or null after `ms`. */
export function exited(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? -1);
  return new Promise((res) => {
    const timer = setTimeout(() => res(null), ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      res(code ?? -1);
    });
  });
}

/** Kills a child started with `detached: true` together with its whole process group. */
export async function killGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid) return;
  const pid = child.pid;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* already gone */
    }
  };
  signal("SIGTERM");
  if ((await exited(child, 5000)) === null) signal("SIGKILL");
  // The group may outlive its leader (extension host, language server): make sure it is gone.
  await waitFor(
    `process group ${pid} to end`,
    () => {
      try {
        process.kill(-pid, 0);
        signal("SIGKILL");
        return false;
      } catch {
        return true;
      }
    },
    5000,
  ).catch(() => {});
}

export function spawnDetached(
  cmd: string,
  args: string[],
  opts: { env: NodeJS.ProcessEnv; cwd: string; log: number },
): ChildProcess {
  return spawn(cmd, args, { env: opts.env, cwd: opts.cwd, detached: true, stdio: ["ignore", opts.log, opts.log] });
}

export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

// ---------------------------------------------------------------------------------------------
// code-server and Chromium

/** User settings that keep the workbench quiet and the screenshots readable. */
export const WORKBENCH_SETTINGS = {
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "editor.hover.delay": 150,
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "chat.commandCenter.enabled": false,
  "window.commandCenter": false,
  "git.enabled": false,
  "editor.minimap.enabled": false,
  "editor.wordWrap": "on",
};

export interface CodeServer {
  url: string;
  host: string;
  child: ChildProcess;
  log: string;
  userData: string;
  extensions: string;
  config: string;
  stop(): Promise<void>;
}

/** Folders and settings for a code-server run inside `box`; call before installing extensions. */
export function prepareCodeServer(box: Sandbox): Pick<CodeServer, "userData" | "extensions" | "config" | "log"> {
  const userData = join(box.base, "user-data");
  const extensions = join(box.base, "extensions");
  mkdirSync(join(userData, "User"), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userData, "User", "settings.json"), JSON.stringify(WORKBENCH_SETTINGS, null, 2));
  const config = join(box.base, "code-server.yaml");
  writeFileSync(config, "auth: none\ncert: false\n");
  return { userData, extensions, config, log: join(box.base, "code-server.log") };
}

/**
 * Packages the built extension as a VSIX (dist/ already built) and installs it into the run's
 * extensions folder; returns what the install printed.
 */
export function packAndInstall(
  box: Sandbox,
  dirs: Pick<CodeServer, "userData" | "extensions" | "config">,
): { stdout: string; stderr: string } {
  const vsix = join(box.base, "provenance.vsix");
  const pack = spawnSync(
    process.execPath,
    [join(repoRoot, "scripts", "package-vsix.mjs"), "--no-build", "--cwd", extensionRoot, "--out", vsix],
    { encoding: "utf8", env: box.env, timeout: 120_000 },
  );
  assert.equal(pack.status, 0, `packaging failed:\n${pack.stdout}\n${pack.stderr}`);
  const inst = spawnSync(
    codeServerBin,
    [
      "--config",
      dirs.config,
      "--user-data-dir",
      dirs.userData,
      "--extensions-dir",
      dirs.extensions,
      "--install-extension",
      vsix,
      "--force",
    ],
    { encoding: "utf8", env: box.env, timeout: 120_000 },
  );
  assert.equal(inst.status, 0, `code-server --install-extension failed:\n${inst.stdout}\n${inst.stderr}`);
  return { stdout: inst.stdout, stderr: inst.stderr };
}

/** Starts code-server on 127.0.0.1:<free port> in its own process group and waits for /healthz. */
export async function startCodeServer(
  box: Sandbox,
  dirs: Pick<CodeServer, "userData" | "extensions" | "config" | "log">,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<CodeServer> {
  const port = await freePort();
  const fd = openSync(dirs.log, "a");
  const child = spawnDetached(
    codeServerBin,
    [
      "--config",
      dirs.config,
      "--user-data-dir",
      dirs.userData,
      "--extensions-dir",
      dirs.extensions,
      "--auth",
      "none",
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--ignore-last-opened",
      box.workspace,
    ],
    { env: { ...box.env, ...extraEnv }, cwd: box.base, log: fd },
  );
  closeSync(fd);
  const host = `127.0.0.1:${port}`;
  const url = `http://${host}`;
  const cs: CodeServer = { ...dirs, url, host, child, stop: () => killGroup(child) };
  try {
    await waitFor(
      "code-server /healthz",
      async () => {
        if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${tail(dirs.log)}`);
        const r = await fetch(`${url}/healthz`).catch(() => null);
        return r?.ok ?? false;
      },
      60_000,
      200,
    );
  } catch (e) {
    await cs.stop();
    throw e;
  }
  return cs;
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  // Loopback only: any other host name fails at once, without a DNS query.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];

/** Requests the browser tried to send off the machine (aborted); tests may assert it stays empty. */
export const blockedRequests: string[] = [];

/** Debian's Chromium through playwright-core, in a fresh profile inside the sandbox. */
export async function launchBrowser(box: Sandbox): Promise<BrowserContext> {
  const { chromium } = await import("playwright-core");
  const context = await chromium.launchPersistentContext(join(box.base, "chromium-profile"), {
    executablePath: chromiumBin,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: CHROMIUM_ARGS,
    env: box.env as Record<string, string>,
    timeout: 60_000,
  });
  await context.route(
    (url) => !["127.0.0.1", "localhost"].includes(url.hostname) && /^(https?|wss?):$/.test(url.protocol),
    (route) => {
      blockedRequests.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  return context;
}

// ---------------------------------------------------------------------------------------------
// Editor set-ups as the README gives them

/** The placeholder path of the README's editor snippets (a test replaces it with this checkout). */
export const README_PLACEHOLDER = "/path/to/provenance";

/** The first ```<language> block of README.md's "Any LSP editor" section, as a user would copy it. */
export function readmeSnippet(
  language: "lua" | "elisp",
  readme = readFileSync(join(repoRoot, "README.md"), "utf8"),
): string {
  const start = readme.indexOf("### Any LSP editor");
  const end = readme.indexOf("\n## ", start);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const block = new RegExp("```" + language + "\\n([\\s\\S]*?)```").exec(section);
  if (start < 0 || !block) throw new Error(`README.md has no \`\`\`${language} block in its "Any LSP editor" section`);
  if (!block[1]!.includes(README_PLACEHOLDER))
    throw new Error(`the README's ${language} snippet no longer names ${README_PLACEHOLDER}`);
  return block[1]!;
}
