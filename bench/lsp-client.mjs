// A minimal LSP client over stdio for the benchmarks: JSON-RPC with Content-Length framing,
// requests with timeouts, waiting on notifications by predicate, answers to the usual
// server-to-client requests. Timestamps are taken when a message is parsed (performance.now()).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export class LspClient {
  /**
   * @param {string} serverPath path of dist/server.js
   * @param {{cwd?: string, settings?: unknown, folders?: Array<{uri: string, name: string}>}} opts
   */
  constructor(serverPath, opts = {}) {
    this.settings = opts.settings ?? {};
    this.folders = opts.folders ?? [];
    // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
    this.proc = spawn(process.execPath, [...nodeArgs, serverPath, "--stdio"], {
      cwd: opts.cwd,
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.pid = this.proc.pid;
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = new Set();
    this.stderr = "";
    this.exited = false;
    this.buf = Buffer.alloc(0);
    this.chunks = [];
    this.have = 0;
    this.need = 0;
    /** Every notification received: {method, params, t}. Kept short: only what `keep` says. */
    this.log = [];
    this.keep = () => false;
    this.proc.stdout.on("data", (chunk) => this.onData(chunk));
    this.proc.stderr.on("data", (chunk) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-8000);
    });
    this.exitPromise = new Promise((resolve) => {
      this.proc.on("exit", (code, signal) => {
        this.exited = true;
        const err = new Error(`server exited (code ${code}, signal ${signal})\n${this.stderr}`);
        for (const p of this.pending.values()) {
          clearTimeout(p.timer);
          p.reject(err);
        }
        this.pending.clear();
        for (const w of this.waiters) {
          clearTimeout(w.timer);
          w.reject(err);
        }
        this.waiters.clear();
        resolve({ code, signal });
      });
    });
  }

  onData(chunk) {
    const t = performance.now();
    // Large messages arrive in many chunks: collect them and join once the body is complete
    // (joining on every chunk is quadratic in the message size).
    if (this.need > 0) {
      this.chunks.push(chunk);
      this.have += chunk.length;
      if (this.have < this.need) return;
      chunk = Buffer.concat(this.chunks);
      this.chunks = [];
      this.have = 0;
      this.need = 0;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buf.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString("ascii");
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad LSP header: ${header}`);
      const len = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buf.length < start + len) {
        // Wait for the rest of this body without re-joining on each chunk.
        this.chunks = [this.buf];
        this.have = this.buf.length;
        this.need = start + len;
        this.buf = Buffer.alloc(0);
        return;
      }
      const body = this.buf.subarray(start, start + len).toString("utf8");
      this.buf = this.buf.subarray(start + len);
      this.onMessage(JSON.parse(body), t, len);
    }
  }

  onMessage(msg, t, bytes) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) p.reject(Object.assign(new Error(`${p.method}: ${msg.error.message}`), { rpc: msg.error }));
      else p.resolve({ result: msg.result, t, bytes });
      return;
    }
    if (msg.id !== undefined) {
      this.answer(msg);
      return;
    }
    const note = { method: msg.method, params: msg.params, t };
    if (this.keep(note)) this.log.push(note);
    for (const w of [...this.waiters]) {
      if (w.method === msg.method && w.pred(msg.params)) {
        this.waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(note);
      }
    }
  }

  answer(msg) {
    let result = null;
    switch (msg.method) {
      case "workspace/configuration":
        result = (msg.params?.items ?? []).map((it) =>
          it.section ? (this.settings[it.section] ?? null) : this.settings,
        );
        break;
      case "workspace/workspaceFolders":
        result = this.folders;
        break;
      default:
        result = null; // window/workDoneProgress/create, client/registerCapability, ...
    }
    this.write({ jsonrpc: "2.0", id: msg.id, result });
  }

  write(msg) {
    const body = Buffer.from(JSON.stringify(msg), "utf8");
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  /** Sends a request; resolves {result, t, sent, bytes} (t: when the response was parsed; bytes: its JSON body). */
  request(method, params, timeoutMs = 30_000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(new Error(`server has exited\n${this.stderr}`));
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no response within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      const sent = performance.now();
      this.pending.set(id, { method, timer, resolve: (r) => resolve({ ...r, sent }), reject });
      this.write({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method, params) {
    const sent = performance.now();
    this.write({ jsonrpc: "2.0", method, params });
    return sent;
  }

  /** Resolves with the first notification `method` whose params satisfy `pred` (registered now). */
  waitFor(method, pred = () => true, timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(new Error(`server has exited\n${this.stderr}`));
      const w = { method, pred, resolve, reject };
      w.timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new Error(`no ${method} within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.waiters.add(w);
    });
  }

  /** Peak resident set size (VmHWM) of the server process in MB, or NaN off Linux. */
  peakRssMB() {
    return this.statusMB("VmHWM");
  }

  /** Resident set size now (VmRSS) of the server process in MB, or NaN off Linux. */
  rssMB() {
    return this.statusMB("VmRSS");
  }

  statusMB(field) {
    try {
      const m = new RegExp(`${field}:\\s*(\\d+)\\s*kB`).exec(readFileSync(`/proc/${this.pid}/status`, "utf8"));
      return m ? Number(m[1]) / 1024 : NaN;
    } catch {
      return NaN;
    }
  }

  /** shutdown + exit, then waits (bounded) for the process to end; kills it otherwise. */
  async close(timeoutMs = 5000) {
    if (this.exited) return;
    try {
      await this.request("shutdown", null, timeoutMs);
      this.notify("exit", null);
    } catch {
      // fall through to kill
    }
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    const r = await Promise.race([this.exitPromise, timedOut]);
    clearTimeout(timer);
    if (r === "timeout" && !this.exited) {
      this.proc.kill("SIGKILL");
      await this.exitPromise;
    }
  }
}
