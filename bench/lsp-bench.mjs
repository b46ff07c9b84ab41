// The language-server phases of the bench: each starts a server build on a workspace written
// beforehand (shared by the builds), measures, and records its rows in the report under the
// build's column. Waits are on protocol events with bounded timeouts, never fixed sleeps.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { makeGenerator, rng } from "./corpus.mjs";
import { LspClient } from "./lsp-client.mjs";
import { fmt } from "./report.mjs";
import { numberSpans, varyNumber } from "./story.mjs";

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

const INIT_CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

export async function startServer(serverPath, dir, indexTimeoutMs) {
  const folders = [{ uri: pathToFileURL(dir).href, name: "bench" }];
  const settings = { provenance: {} };
  const client = new LspClient(serverPath, { cwd: dir, settings, folders });
  const progress = watchIndexing(client, indexTimeoutMs);
  progress.catch(() => {}); // awaited by the caller; never an unhandled rejection if start-up fails
  try {
    const init = await client.request(
      "initialize",
      {
        processId: process.pid,
        rootUri: folders[0].uri,
        workspaceFolders: folders,
        capabilities: INIT_CAPABILITIES,
        initializationOptions: {},
      },
      60_000,
    );
    const initializedAt = client.notify("initialized", {});
    return { client, capabilities: init.result?.capabilities ?? {}, initializedAt, indexed: progress };
  } catch (err) {
    await client.close();
    throw err;
  }
}

/**
 * Resolves with the notification that ends indexing: the server's `provenance/indexed` (sent after
 * the indexed files are flushed into the corpus). A server without it is timed by the `$/progress`
 * end of a progress whose title mentions indexing, accepted when no `provenance/indexed` follows
 * within 5 s.
 */
function watchIndexing(client, timeoutMs) {
  const indexTokens = new Set();
  const state = { progressEnd: undefined };
  client
    .waitFor(
      "$/progress",
      (p) => {
        if (p?.value?.kind === "begin" && /index/i.test(p.value.title ?? "")) indexTokens.add(p.token);
        return false;
      },
      timeoutMs,
    )
    .catch(() => {});
  const indexed = client.waitFor("provenance/indexed", () => true, timeoutMs);
  const viaProgress = client
    .waitFor("$/progress", (p) => p?.value?.kind === "end" && indexTokens.has(p.token), timeoutMs)
    .then((end) => {
      state.progressEnd = end;
      let timer;
      const grace = new Promise((resolve) => {
        timer = setTimeout(() => resolve(end), 5000);
      });
      return Promise.race([indexed.finally(() => clearTimeout(timer)), grace]);
    });
  viaProgress.catch(() => {});
  return Promise.race([indexed, viaProgress]).then((note) => ({ ...note, progressEnd: state.progressEnd }));
}

/** LSP position (UTF-16) of an offset. */
function posAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** One open document, edited one change at a time; each edit waits for the diagnostics of its version. */
class OpenDocument {
  constructor(client, capabilities, file, editTimeoutMs) {
    this.client = client;
    this.text = readFileSync(file, "utf8");
    this.uri = pathToFileURL(file).href;
    const s = capabilities.textDocumentSync;
    this.incremental = (typeof s === "number" ? s : (s?.change ?? 1)) === 2;
    this.version = 1;
    this.timeoutMs = editTimeoutMs;
    this.lastSent = 0;
    this.diagnostics = NaN;
  }

  async open() {
    const first = this.client.waitFor("textDocument/publishDiagnostics", (p) => p.uri === this.uri, this.timeoutMs);
    this.client.notify("textDocument/didOpen", {
      textDocument: { uri: this.uri, languageId: "plaintext", version: 1, text: this.text },
    });
    await first;
  }

  /** Replaces [at, at + removeLen) by `insert`; resolves the didChange → publishDiagnostics latency in ms. */
  async replace(at, removeLen, insert) {
    const start = posAt(this.text, at);
    const end = posAt(this.text, at + removeLen);
    this.text = this.text.slice(0, at) + insert + this.text.slice(at + removeLen);
    const v = ++this.version;
    const got = this.client.waitFor(
      "textDocument/publishDiagnostics",
      (p) => p.uri === this.uri && (p.version === undefined || p.version === null || p.version >= v),
      this.timeoutMs,
    );
    const contentChanges = this.incremental ? [{ range: { start, end }, text: insert }] : [{ text: this.text }];
    const sent = this.client.notify("textDocument/didChange", {
      textDocument: { uri: this.uri, version: v },
      contentChanges,
    });
    this.lastSent = sent;
    const note = await got;
    this.diagnostics = note.params.diagnostics.length;
    return note.t - sent;
  }
}

/** Edits that replace a stretch in the middle of the file with a generated paragraph of the same length. */
function paragraphEdits(doc, seed = 99) {
  const editor = makeGenerator(seed);
  let i = 0;
  return () => {
    const insert = ` ${editor.paragraph()} `;
    const at = Math.floor(doc.text.length / 2) + ((i++ * 97) % Math.max(1, Math.floor(doc.text.length / 4)));
    return doc.replace(at, Math.min(insert.length, doc.text.length - at), insert);
  };
}

/** Edits that retype one number of the file (the next one each time) with other digits of the same shape. */
function numberEdits(doc, seed = 7) {
  const random = rng(seed);
  let i = 0;
  return () => {
    const spans = numberSpans(doc.text).filter(([s, e]) => !/^(19|20)\d\d$/.test(doc.text.slice(s, e)));
    if (!spans.length) throw new Error("no number to edit in the story file");
    const [s, e] = spans[i++ % spans.length];
    return doc.replace(s, e - s, varyNumber(doc.text.slice(s, e), random));
  };
}

async function editLoop(next, count, budgetMs = Infinity) {
  const latencies = [];
  const begun = performance.now();
  for (let i = 0; i < count && performance.now() - begun < budgetMs; i++) latencies.push(await next());
  return latencies;
}

/** The server run to completion: started, `body` run, closed (killed if it does not answer shutdown). */
async function withServer(build, dir, cfg, body) {
  const server = await startServer(build.server, dir, cfg.indexTimeoutMs);
  try {
    return await body(server);
  } finally {
    await server.client.close();
  }
}

/** Edit → diagnostics on a 13 KB clipping alone in its workspace. */
export async function benchEdit13k(build, dir, file, cfg, report, log) {
  await withServer(build, dir, cfg, async ({ client, capabilities, indexed }) => {
    await indexed.catch(() => {}); // a one-file workspace: whatever the server announces, or nothing
    const doc = new OpenDocument(client, capabilities, file, cfg.editTimeoutMs);
    await doc.open();
    const lat = await editLoop(paragraphEdits(doc), cfg.edits);
    log(
      `[${build.label}] ${lat.length} edits of a ${fmt(doc.text.length / 1000, 1)} KB file (${doc.incremental ? "incremental" : "full"} sync): p50 ${fmt(median(lat))} ms, p95 ${fmt(percentile(lat, 95))} ms, ${doc.diagnostics} diagnostics after the last`,
    );
    report.set("edit13kP50", build.label, median(lat));
    report.set("edit13kP95", build.label, percentile(lat, 95));
  });
}

/** Edit → diagnostics where every file tells one story: the edited file's numbers are retyped. */
export async function benchStory(build, dir, file, files, id, cfg, report, log) {
  await withServer(build, dir, cfg, async ({ client, capabilities, indexed, initializedAt }) => {
    const done = await indexed;
    log(`[${build.label}] one story, ${files} files indexed in ${fmt((done.t - initializedAt) / 1000, 2)} s`);
    const doc = new OpenDocument(client, capabilities, file, cfg.editTimeoutMs);
    await doc.open();
    const lat = await editLoop(numberEdits(doc), cfg.storyEdits, cfg.phaseBudgetMs);
    log(
      `[${build.label}] one story, ${files} files: ${lat.length} number edits, p50 ${fmt(median(lat))} ms, p95 ${fmt(percentile(lat, 95))} ms, ${doc.diagnostics} diagnostics after the last`,
    );
    report.set(id, build.label, percentile(lat, 95));
  });
}

/** Ids of the rows benchWorkspace records, in the order it records them. */
export const WORKSPACE_ROWS = [
  "indexSeconds",
  "rssAfterIndex",
  "contraFirst",
  "contraRepeat",
  "contraPageBytes",
  "contraTotalBytes",
  "contraCount",
  "contraMembers",
  "pauseRecompute",
  "pauseAfterNotice",
  "wsEditP95",
  "rssPeak",
];

/**
 * The big workspace: indexing, memory, contradictions (paged when the server pages), recompute
 * after a typing pause, edits of a 13 KB file in it. A phase that fails ends the build's
 * workspace phases (the server may still be busy); the rows not measured say why.
 */
export async function benchWorkspace(build, ws, cfg, report, log) {
  const col = build.label;
  const server = await startServer(build.server, ws.dir, cfg.indexTimeoutMs);
  const { client, capabilities, initializedAt } = server;
  try {
    const done = await server.indexed;
    const seconds = (done.t - initializedAt) / 1000;
    log(
      `[${col}] indexed ${ws.files} files / ${fmt(ws.bytes / 1e6, 1)} MB in ${fmt(seconds, 2)} s: ${JSON.stringify(done.params ?? null)}`,
    );
    report.set("indexSeconds", col, seconds);
    report.set("rssAfterIndex", col, client.rssMB());

    await benchContradictions(client, col, cfg, report, log);
    await benchPause(client, capabilities, ws.editFile, col, cfg, report, log);

    const doc = new OpenDocument(client, capabilities, ws.otherFile, cfg.editTimeoutMs);
    await doc.open();
    const lat = await editLoop(paragraphEdits(doc, 5), cfg.wsEdits, cfg.phaseBudgetMs);
    log(
      `[${col}] ${lat.length} edits of a 13 KB file in the workspace: p50 ${fmt(median(lat))} ms, p95 ${fmt(percentile(lat, 95))} ms`,
    );
    report.set("wsEditP95", col, percentile(lat, 95));
  } finally {
    const peak = client.peakRssMB();
    await client.close();
    report.set("rssPeak", col, peak);
  }
}

/** Follows the pages of provenance/contradictions (a server that does not page answers everything in one). */
async function walkContradictions(client, cfg, params = {}) {
  const pages = [];
  let cursor;
  let result;
  const begun = performance.now();
  do {
    const res = await client.request(
      "provenance/contradictions",
      { ...params, pageSize: cfg.pageSize, ...(cursor === undefined ? {} : { cursor }) },
      cfg.contraTimeoutMs,
    );
    result = res.result ?? {};
    const list = Array.isArray(result) ? result : (result.contradictions ?? result.items ?? []);
    const members = list.reduce((n, c) => n + (c.memberCount ?? c.members?.length ?? 0), 0);
    pages.push({ ms: res.t - res.sent, bytes: res.bytes, items: list.length, members });
    const next = result.nextCursor ?? result.cursor ?? result.next;
    cursor = next === undefined || next === null || next === cursor ? undefined : next;
  } while (cursor !== undefined && performance.now() - begun < cfg.phaseBudgetMs);
  const paged = ["nextCursor", "cursor", "next", "total", "totals"].some((k) => k in result);
  const total = typeof result.total === "number" ? result.total : result.totals?.contradictions;
  return { pages, paged, complete: cursor === undefined, total };
}

async function benchContradictions(client, col, cfg, report, log) {
  const sum = (pages, k) => pages.reduce((n, p) => n + p[k], 0);
  const first = await walkContradictions(client, cfg);
  const repeat = await walkContradictions(client, cfg);
  const p = first.pages;
  const shape = first.paged
    ? `${p.length} page(s)${first.complete ? "" : " (walk stopped at the phase budget)"}`
    : "one unpaged answer";
  log(
    `[${col}] contradictions, first walk: ${shape}, ${sum(p, "items")} items, ${sum(p, "members")} members, ${fmt(sum(p, "bytes") / 1e6, 2)} MB; page times (ms) ${p
      .slice(0, 8)
      .map((x) => fmt(x.ms))
      .join(
        ", ",
      )}${p.length > 8 ? ", …" : ""}; repeat walk: slowest page ${fmt(Math.max(...repeat.pages.map((x) => x.ms)))} ms`,
  );
  if (!first.paged)
    report.note(
      `[${col}] provenance/contradictions does not page: "first"/"repeat" and "largest page" are the whole answer.`,
    );
  report.set("contraFirst", col, p[0].ms);
  report.set("contraRepeat", col, Math.max(...repeat.pages.map((x) => x.ms)));
  report.set("contraPageBytes", col, Math.max(...p.map((x) => x.bytes)));
  report.set("contraTotalBytes", col, sum(p, "bytes"));
  report.set("contraCount", col, first.total ?? sum(p, "items"));
  report.set("contraMembers", col, sum(p, "members"));
}

/**
 * Recompute after a typing pause. A burst of edits to the open 13 KB file (each waits for its own
 * diagnostics); the server then announces the changed corpus (`provenance/corpusChanged`, after
 * its debounce and whatever it recomputes before announcing); upon it the client asks
 * `provenance/contradictions` for that file. The figure is the burst's last didChange → that
 * answer: until the settled cross-file findings of the file can be shown. The part after the
 * announcement is reported too.
 */
async function benchPause(client, capabilities, file, col, cfg, report, log) {
  const doc = new OpenDocument(client, capabilities, file, cfg.editTimeoutMs);
  await doc.open();
  const edit = paragraphEdits(doc, 11);
  const recompute = [];
  const pauses = [];
  const totals = [];
  const begun = performance.now();
  for (let b = 0; b < cfg.pauseBursts && performance.now() - begun < cfg.phaseBudgetMs; b++) {
    for (let i = 0; i < cfg.burstEdits - 1; i++) await edit();
    const announced = client.waitFor("provenance/corpusChanged", () => true, cfg.editTimeoutMs);
    await edit();
    const changed = await announced;
    const res = await client.request(
      "provenance/contradictions",
      { uri: doc.uri, pageSize: cfg.pageSize },
      cfg.contraTimeoutMs,
    );
    recompute.push(res.t - changed.t);
    pauses.push(changed.t - doc.lastSent);
    totals.push(res.t - doc.lastSent);
  }
  log(
    `[${col}] typing pause: ${recompute.length} bursts of ${cfg.burstEdits} edits; last edit → corpusChanged (debounce + work done before announcing) ${pauses.map((x) => fmt(x)).join(", ")} ms; corpusChanged → contradictions of the file ${recompute.map((x) => fmt(x)).join(", ")} ms`,
  );
  report.set("pauseRecompute", col, median(totals));
  report.set("pauseAfterNotice", col, median(recompute));
}
