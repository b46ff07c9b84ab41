// Shared plumbing for the editor tests: locating the tools, the skip-or-fail rule, isolated temp
// environments, process-group cleanup, free ports, and polling with a bounded timeout.
// Not a test file itself (test/run.mjs only picks `*.test.ts`).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

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
export function skipUnlessTools(suite: string, tools: { name: string; path: string | null; hint: string }[]): string | false {
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
  cpSync(join(repoRoot, "examples"), workspace, { recursive: true });
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
  };
  // Variables that would make code-server or a spawned VS Code part behave differently.
  for (const k of ["VSCODE_IPC_HOOK_CLI", "VSCODE_PID", "VSCODE_CWD", "ELECTRON_RUN_AS_NODE", "PASSWORD", "HASHED_PASSWORD", "PORT"])
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
export async function waitFor<T>(what: string, fn: () => Promise<T> | T, timeoutMs: number, intervalMs = 100): Promise<T> {
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
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? ` (last error: ${String(lastErr)})` : ""}`);
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

export function spawnDetached(cmd: string, args: string[], opts: { env: NodeJS.ProcessEnv; cwd: string; log: number }): ChildProcess {
  return spawn(cmd, args, { env: opts.env, cwd: opts.cwd, detached: true, stdio: ["ignore", opts.log, opts.log] });
}

export function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
