// A test LSP client: spawns `node dist/server.js --stdio`, speaks JSON-RPC through
// vscode-jsonrpc, answers the server's requests (configuration, registration, progress) and
// lets tests wait for notifications by predicate (never by sleeping).
// Not a test file itself (test/run.mjs only picks `*.test.ts`).
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node";

export const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const serverPath = join(repoRoot, "dist", "server.js");
export const examplesDir = join(repoRoot, "examples");

export interface Notification {
  method: string;
  params: any;
}

interface Waiter {
  method: string;
  predicate: (params: any) => boolean;
  resolve: (params: any) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface ClientOptions {
  /** Workspace folder paths. */
  folders: string[];
  /** The `provenance` settings section the client answers with. */
  settings?: Record<string, unknown>;
  /** Declare dynamic registration of file watchers (default true). */
  watchers?: boolean;
  /** Environment variables for the server, besides this process's. */
  env?: Record<string, string>;
}

export class TestClient {
  readonly proc: ChildProcess;
  readonly rpc: MessageConnection;
  readonly notifications: Notification[] = [];
  readonly registrations: Array<{ id: string; method: string; registerOptions?: any }> = [];
  readonly unregistered: unknown[] = [];
  /** Latest diagnostics per URI. */
  readonly diagnostics = new Map<string, any[]>();
  settings: Record<string, unknown>;
  stderr = "";
  private readonly waiters = new Set<Waiter>();
  private versions = new Map<string, number>();

  constructor(private readonly options: ClientOptions) {
    if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`npm run build\` first`);
    this.settings = options.settings ?? {};
    this.proc = spawn(process.execPath, [serverPath, "--stdio"], {
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    });
    this.proc.stderr!.on("data", (d) => (this.stderr = (this.stderr + String(d)).slice(-8000)));
    this.rpc = createMessageConnection(
      new StreamMessageReader(this.proc.stdout!),
      new StreamMessageWriter(this.proc.stdin!),
    );
    this.rpc.onNotification((method, params) => this.onNotification(method, params));
    // vscode-jsonrpc routes $/progress apart from other notifications.
    this.rpc.onUnhandledProgress((params) => this.onNotification("$/progress", params));
    this.rpc.onRequest("workspace/configuration", (params: any) =>
      (params.items ?? []).map((item: any) =>
        item.section === "provenance" ? this.settings : { provenance: this.settings },
      ),
    );
    this.rpc.onRequest("client/registerCapability", (params: any) => {
      this.registrations.push(...(params.registrations ?? []));
      return null;
    });
    this.rpc.onRequest("client/unregisterCapability", (params: any) => {
      const gone = new Set((params.unregisterations ?? []).map((u: any) => u.id));
      this.unregistered.push(...gone);
      return null;
    });
    this.rpc.onRequest("window/workDoneProgress/create", () => null);
    this.rpc.onRequest("workspace/semanticTokens/refresh", () => null);
    this.rpc.onRequest("workspace/codeLens/refresh", () => null);
    this.rpc.onRequest("window/showMessageRequest", () => null);
    this.rpc.onRequest("workspace/workspaceFolders", () => this.folders());
    this.rpc.listen();
  }

  folders() {
    return this.options.folders.map((path) => ({ uri: pathToFileURL(path).href, name: path.split("/").pop()! }));
  }

  async initialize(): Promise<any> {
    const folders = this.folders();
    const result = await this.rpc.sendRequest("initialize", {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      initializationOptions: this.settings,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: this.options.watchers ?? true, relativePatternSupport: true },
          semanticTokens: { refreshSupport: true },
          codeLens: { refreshSupport: true },
        },
        window: { workDoneProgress: true, showMessage: {} },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          hover: { contentFormat: ["markdown", "plaintext"] },
          references: {},
          codeLens: {},
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          semanticTokens: {
            requests: { full: true, range: true },
            tokenTypes: [],
            tokenModifiers: [],
            formats: ["relative"],
          },
        },
      },
    });
    void this.rpc.sendNotification("initialized", {});
    return result;
  }

  /** Resolves when the workspace indexing finished (the server's provenance/indexed). */
  indexed(timeoutMs = 30_000): Promise<any> {
    return this.waitFor("provenance/indexed", () => true, timeoutMs, true);
  }

  private onNotification(method: string, params: any): void {
    this.notifications.push({ method, params });
    if (method === "textDocument/publishDiagnostics") this.diagnostics.set(params.uri, params.diagnostics);
    for (const w of [...this.waiters]) {
      if (w.method === method && safe(() => w.predicate(params))) {
        this.waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(params);
      }
    }
  }

  /**
   * Resolves with the params of the first notification `method` satisfying `predicate`. With
   * `past`, a notification already received counts.
   */
  waitFor(
    method: string,
    predicate: (params: any) => boolean = () => true,
    timeoutMs = 20_000,
    past = false,
  ): Promise<any> {
    if (past) {
      const seen = this.notifications.find((n) => n.method === method && safe(() => predicate(n.params)));
      if (seen) return Promise.resolve(seen.params);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const got = this.notifications.filter((n) => n.method === method).slice(-3);
          reject(
            new Error(
              `no ${method} matching within ${timeoutMs} ms; last: ${JSON.stringify(got).slice(0, 1500)}\nstderr: ${this.stderr}`,
            ),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /**
   * Waits until the diagnostics of `uri` (the latest published, or a later publication)
   * satisfy `predicate`.
   */
  waitForDiagnostics(uri: string, predicate: (diagnostics: any[]) => boolean, timeoutMs = 20_000): Promise<any[]> {
    const current = this.diagnostics.get(uri);
    if (current && safe(() => predicate(current))) return Promise.resolve(current);
    return this.waitFor(
      "textDocument/publishDiagnostics",
      (p) => p.uri === uri && predicate(p.diagnostics),
      timeoutMs,
    ).then((p) => p.diagnostics);
  }

  open(path: string, languageId = "plaintext", text = readFileSync(path, "utf8")): string {
    const uri = pathToFileURL(path).href;
    this.versions.set(uri, 1);
    void this.rpc.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.rpc.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  changeRange(uri: string, range: any, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.rpc.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  close(uri: string): void {
    void this.rpc.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  request<R = any>(method: string, params?: unknown): Promise<R> {
    return this.rpc.sendRequest(method, params);
  }

  notify(method: string, params?: unknown): void {
    void this.rpc.sendNotification(method, params);
  }

  /** Messages the server showed or logged (window/showMessage, window/logMessage). */
  messages(): string[] {
    return this.notifications
      .filter((n) => n.method === "window/showMessage" || n.method === "window/logMessage")
      .map((n) => String(n.params.message));
  }

  async shutdown(): Promise<void> {
    const exited = new Promise((resolve) => this.proc.once("exit", resolve));
    try {
      await withTimeout(this.rpc.sendRequest("shutdown"), 5_000);
      void this.rpc.sendNotification("exit");
      await withTimeout(exited, 5_000);
    } catch {
      this.proc.kill("SIGKILL");
    } finally {
      for (const w of this.waiters) clearTimeout(w.timer);
      this.rpc.dispose();
    }
  }
}

function safe(fn: () => boolean): boolean {
  try {
    return fn();
  } catch {
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** A fresh copy of examples/ in a temp folder (tests may add, edit and delete files there). */
export function copyExamples(): { dir: string; cleanup(): void } {
  const base = mkdtempSync(join(tmpdir(), "provenance-lsp-"));
  const dir = join(base, "examples");
  cpSync(examplesDir, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** A temp folder holding `files` (relative paths, subfolders made as needed). */
export function tempFolder(files: Record<string, string>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "provenance-lsp-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** LSP position of the first occurrence of `needle` (+ `delta` characters) in a text. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, index + delta);
  const line = before.split("\n").length - 1;
  return { line, character: index + delta - (before.lastIndexOf("\n") + 1) };
}

/** Markdown / plain text of a hover. */
export function hoverText(hover: any): string {
  const c = hover?.contents;
  if (!c) return "";
  if (typeof c === "string") return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === "string" ? x : x.value)).join("\n");
  return c.value ?? "";
}
