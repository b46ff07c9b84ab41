#!/usr/bin/env node
// Provenance benchmarks. Run with `npm run bench` (builds dist/ first) or `node bench/run.mjs`.
// Not a timed test: it prints medians, ratios against a baseline measured in the same run, and
// PASS/MISS against the targets. See bench/README.md.
//
//   --quick        smaller sizes and fewer runs (a smoke run, figures not comparable)
//   --no-server    skip the language-server benchmarks
//   --no-engine    skip the engine throughput benchmark
//   --strict       exit 1 when a target is missed
//   --json <file>  also write the results as JSON
//   --server <js>  the language server to measure (default dist/server.js)
//   --files <n>    workspace size for the indexing benchmark (default 10000; targets assume 10000)
import { build } from "esbuild";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { generateArchive, makeGenerator } from "./corpus.mjs";
import { LspClient } from "./lsp-client.mjs";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const QUICK = argv.includes("--quick");
const NO_SERVER = argv.includes("--no-server");
const NO_ENGINE = argv.includes("--no-engine");
const STRICT = argv.includes("--strict");
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : null);
const JSON_OUT = option("--json");
const SERVER = option("--server") ?? join(root, "dist/server.js");

const CFG = QUICK
  ? { corpusMB: 1, engineRuns: 3, wgRuns: 1, edits: 20, wsEdits: 10, wsFiles: 1000, wsFileBytes: 5000, contraRuns: 3, contraTimeoutMs: 30_000, indexTimeoutMs: 60_000, phaseBudgetMs: 30_000 }
  : { corpusMB: 5, engineRuns: 7, wgRuns: 3, edits: 60, wsEdits: 30, wsFiles: 10_000, wsFileBytes: 5000, contraRuns: 7, contraTimeoutMs: 60_000, indexTimeoutMs: 120_000, phaseBudgetMs: 60_000 };

if (option("--files")) CFG.wsFiles = Math.max(1, Number(option("--files")) | 0);

const TARGETS = {
  engineMBs: 20, // MB/s, at least
  engineVsWriteGood: 10, // ratio, at least
  editP95: 20, // ms, at most
  indexSeconds: 10, // s, at most
  peakRssMB: 500, // MB, at most
  contradictionsMs: 500, // ms, at most
};

const tmp = mkdtempSync(join(tmpdir(), "provenance-bench-"));
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  rmSync(tmp, { recursive: true, force: true });
}
process.on("exit", cleanup);
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });
}

// ---------- helpers ----------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const bytesOf = (texts) => texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const log = (...a) => console.log(...a);

const rows = []; // {name, value, unit, target, ok}
function row(name, value, unit, target, cmp, note) {
  let ok = target === undefined || !Number.isFinite(value) ? null : cmp === ">=" ? value >= target : value <= target;
  if (note && target !== undefined) ok = false; // a timeout misses its target
  rows.push({ name, value, unit, target: target === undefined ? "" : `${cmp} ${target}`, ok, note });
}

// ---------- the engine, bundled on the fly ----------
async function loadEngine() {
  const countries = join(root, "server/src/engine/data/countries.generated.json");
  if (!existsSync(countries)) {
    const { buildCountryTable } = await import(pathToFileURL(join(root, "scripts/build-countries.mjs")).href);
    buildCountryTable();
  }
  const outfile = join(tmp, "engine.mjs");
  await build({
    entryPoints: [join(root, "server/src/engine/index.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    logLevel: "warning",
  });
  return import(pathToFileURL(outfile).href);
}

// ---------- the corpus ----------
function readDirTexts(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

function buildCorpus() {
  const examples = readDirTexts(join(root, "examples"));
  const seeds = readDirTexts(join(root, "..", "shared", "corpus", "seeds")); // read at run time only
  const files = [...examples, ...seeds];
  const want = CFG.corpusMB * 1_000_000;
  const g = makeGenerator(2026);
  while (bytesOf(files) < want) files.push(g.clipping(13_000));
  return { files, examples: examples.length, seeds: seeds.length, bytes: bytesOf(files) };
}

// ---------- (a) engine throughput vs write-good ----------
async function benchEngine(engine, corpus) {
  const { analyze } = engine;
  const MB = corpus.bytes / 1e6;
  log(`corpus: ${corpus.files.length} files, ${fmt(MB, 2)} MB (${corpus.examples} examples, ${corpus.seeds} seeds, rest generated)`);

  // Warm-up, and a count of what the engine finds (a throughput of an engine that finds nothing means nothing).
  let actors = 0, figures = 0, claims = 0, sentences = 0;
  for (const t of corpus.files) {
    const a = analyze(t);
    actors += a.actors.length;
    figures += a.figures.length;
    claims += a.claims.length;
    sentences += a.sentences.length;
  }
  log(`engine finds: ${sentences} sentences, ${actors} actor mentions, ${figures} figures, ${claims} claims`);

  const engineRuns = [];
  for (let r = 0; r < CFG.engineRuns; r++) {
    const t0 = performance.now();
    let sink = 0;
    for (const t of corpus.files) sink += analyze(t).figures.length;
    const s = (performance.now() - t0) / 1000;
    if (sink !== figures) throw new Error("engine is not deterministic across runs");
    engineRuns.push(MB / s);
  }

  // write-good as a user would run it: paragraph by paragraph (one line of a clipping is a paragraph).
  const writeGood = require("write-good");
  const paragraphs = corpus.files.flatMap((t) => t.split(/\n/).filter((l) => l.trim()));
  for (const p of paragraphs.slice(0, 200)) writeGood(p); // warm-up
  const wgRuns = [];
  let suggestions = 0;
  for (let r = 0; r < CFG.wgRuns; r++) {
    const t0 = performance.now();
    let n = 0;
    for (const p of paragraphs) n += writeGood(p).length;
    const s = (performance.now() - t0) / 1000;
    suggestions = n;
    wgRuns.push(MB / s);
  }
  log(`write-good finds: ${suggestions} suggestions in ${paragraphs.length} paragraphs`);

  const eng = median(engineRuns);
  const wg = median(wgRuns);
  log(`engine MB/s per run: ${engineRuns.map((x) => fmt(x)).join(", ")}`);
  log(`write-good MB/s per run: ${wgRuns.map((x) => fmt(x, 2)).join(", ")}`);
  const found = actors + figures + claims > 0;
  if (!found) log("WARNING: the engine found nothing in the corpus; its throughput is not meaningful (stub engine?)");
  row("engine throughput (median)", eng, "MB/s", found ? TARGETS.engineMBs : undefined, ">=");
  row("write-good throughput (median, baseline)", wg, "MB/s");
  row("engine / write-good", eng / wg, "x", found ? TARGETS.engineVsWriteGood : undefined, ">=");
  return { engineRuns, wgRuns, engineMBs: eng, writeGoodMBs: wg, ratio: eng / wg, found: { sentences, actors, figures, claims } };
}

// ---------- (b) the language server ----------
const INIT_CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

async function startServer(dir, settings) {
  const folders = [{ uri: pathToFileURL(dir).href, name: "bench" }];
  const client = new LspClient(SERVER, { cwd: dir, settings, folders });
  client.keep = (n) => n.method === "textDocument/publishDiagnostics" && n.params?.diagnostics?.length >= 0 && client.log.length < 100_000;
  const progress = watchIndexing(client);
  progress.catch(() => {}); // awaited by the caller; never an unhandled rejection if start-up fails
  const init = await client.request(
    "initialize",
    {
      processId: process.pid,
      rootUri: folders[0].uri,
      workspaceFolders: folders,
      capabilities: INIT_CAPABILITIES,
      initializationOptions: settings.provenance ?? {},
    },
    60_000,
  );
  const initializedAt = client.notify("initialized", {});
  return { client, capabilities: init.result?.capabilities ?? {}, initializedAt, indexed: progress };
}

/**
 * Resolves with the notification that ends indexing: the server's `provenance/indexed` (sent after
 * the indexed files are flushed into the corpus, see server/src/lsp/workspace.ts). A server without
 * it is timed by the `$/progress` end of a progress whose begin title mentions indexing, accepted
 * when no `provenance/indexed` follows within 5 s. `progressEnd` is recorded either way.
 */
function watchIndexing(client, timeoutMs = CFG.indexTimeoutMs) {
  const indexTokens = new Set();
  const state = { progressEnd: undefined };
  client
    .waitFor("$/progress", (p) => {
      if (p?.value?.kind === "begin" && /index/i.test(p.value.title ?? "")) indexTokens.add(p.token);
      return false;
    }, timeoutMs)
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

function syncKind(capabilities) {
  const s = capabilities.textDocumentSync;
  return typeof s === "number" ? s : (s?.change ?? 1);
}

/** (i) didChange → publishDiagnostics latency on a 13 KB file. */
async function benchEdits(settings) {
  const dir = join(tmp, "edit-ws");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "clipping.txt");
  writeFileSync(file, makeGenerator(13).clipping(13_000));
  const { client, capabilities, indexed } = await startServer(dir, settings);
  try {
    await indexed.catch(() => {}); // a one-file workspace: whatever the server announces, or nothing
    return await measureEdits(client, capabilities, file, CFG.edits);
  } finally {
    await client.close();
  }
}

/**
 * Opens `file` and makes `count` edits one at a time; each: time from sending didChange to the
 * publishDiagnostics of that version (the server sends the version; any, when it does not).
 */
async function measureEdits(client, capabilities, file, count, budgetMs = Infinity) {
  let text = readFileSync(file, "utf8");
  const uri = pathToFileURL(file).href;
  const kind = syncKind(capabilities);
  let version = 1;
  const first = client.waitFor("textDocument/publishDiagnostics", (p) => p.uri === uri, 60_000);
  client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "plaintext", version, text } });
  await first;
  const latencies = [];
  const editor = makeGenerator(99);
  const begun = performance.now();
  for (let i = 0; i < count && performance.now() - begun < budgetMs; i++) {
    // A realistic edit: replace a stretch in the middle with a generated paragraph (figures, cues, quotes).
    const insert = ` ${editor.paragraph()} `;
    const at = Math.floor(text.length / 2) + ((i * 97) % Math.max(1, Math.floor(text.length / 4)));
    // Remove as much as is inserted, so the file stays at its size.
    const removeLen = Math.min(insert.length, text.length - at);
    const start = posAt(text, at);
    const end = posAt(text, at + removeLen);
    text = text.slice(0, at) + insert + text.slice(at + removeLen);
    const v = ++version;
    const got = client.waitFor(
      "textDocument/publishDiagnostics",
      (p) => p.uri === uri && (p.version === undefined || p.version === null || p.version >= v),
      30_000,
    );
    const contentChanges = kind === 2 ? [{ range: { start, end }, text: insert }] : [{ text }];
    const sent = client.notify("textDocument/didChange", { textDocument: { uri, version: v }, contentChanges });
    const note = await got;
    latencies.push(note.t - sent);
  }
  const lastDiagnostics = await lastDiagnosticsCount(client, uri);
  return { latencies, syncKind: kind, size: Buffer.byteLength(text), diagnostics: lastDiagnostics };
}

/** The number of diagnostics in the most recent publish for `uri` (kept by the client's log). */
async function lastDiagnosticsCount(client, uri) {
  const last = client.log.filter((n) => n.method === "textDocument/publishDiagnostics" && n.params.uri === uri).at(-1);
  return last ? last.params.diagnostics.length : NaN;
}

/**
 * (ii) + (iii) a generated archive: indexing time, peak RSS, contradictions latency, and edits of a
 * 13 KB file inside the indexed workspace. Rows are recorded as each phase ends, so a phase that
 * times out (MISS, "timeout") leaves the earlier figures in the table; phases after a timeout are
 * skipped (the server is still busy).
 */
async function benchWorkspace(settings, out) {
  const dir = join(tmp, "ws");
  const perDir = 100;
  const t0 = performance.now();
  const texts = generateArchive(CFG.wsFiles, CFG.wsFileBytes, 4242);
  let bytes = 0;
  texts.forEach((t, i) => {
    const sub = join(dir, `d${String(Math.floor(i / perDir)).padStart(3, "0")}`);
    if (i % perDir === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `c${String(i).padStart(5, "0")}.txt`), t);
    bytes += Buffer.byteLength(t);
  });
  texts.length = 0;
  // One 13 KB clipping among them, edited after indexing.
  const editFile = join(dir, "edited-13kb.txt");
  const editText = makeGenerator(13).clipping(13_000);
  writeFileSync(editFile, editText);
  bytes += Buffer.byteLength(editText);
  const files = CFG.wsFiles + 1;
  Object.assign(out, { files, bytes });
  log(`workspace: ${files} files, ${fmt(bytes / 1e6, 1)} MB in ${fmt((performance.now() - t0) / 1000, 1)} s (story archive, ~10 clippings per story)`);

  const { client, capabilities, initializedAt, indexed } = await startServer(dir, settings);
  const indexLabel = `index ${files} files / ${fmt(bytes / 1e6, 0)} MB (initialized → done)`;
  try {
    let done;
    try {
      done = await indexed;
    } catch (err) {
      out.error = String(err?.message ?? err).split("\n")[0];
      log(`indexing did not complete: ${out.error}`);
      row(indexLabel, NaN, "s", TARGETS.indexSeconds, "<=", "timeout");
      return;
    }
    out.indexSeconds = (done.t - initializedAt) / 1000;
    out.rssAfterIndex = client.peakRssMB();
    if (done.progressEnd) log(`$/progress end after ${fmt((done.progressEnd.t - initializedAt) / 1000, 2)} s`);
    log(`provenance/indexed after ${fmt(out.indexSeconds, 2)} s: ${JSON.stringify(done.params ?? null)}; peak RSS so far ${fmt(out.rssAfterIndex, 0)} MB`);
    row(indexLabel, out.indexSeconds, "s", TARGETS.indexSeconds, "<=");

    // The first request computes; later ones may be served from a per-generation cache.
    out.contradictions = [];
    const contraStart = performance.now();
    for (let r = 0; r < CFG.contraRuns && performance.now() - contraStart < CFG.phaseBudgetMs; r++) {
      try {
        const res = await client.request("provenance/contradictions", {}, CFG.contraTimeoutMs);
        out.contradictions.push(res.t - res.sent);
        const list = Array.isArray(res.result) ? res.result : res.result?.contradictions;
        out.count = Array.isArray(list) ? list.length : NaN;
        out.members = Array.isArray(list) ? list.reduce((n, c) => n + (c.members?.length ?? 0), 0) : NaN;
      } catch (err) {
        out.error = String(err?.message ?? err).split("\n")[0];
        log(out.error);
        break;
      }
    }
    const c = out.contradictions;
    if (c.length) log(`contradictions: ${out.count} returned (${out.members} members); latencies (ms): ${c.map((x) => fmt(x)).join(", ")}`);
    row("provenance/contradictions (first request)", c.length ? c[0] : NaN, "ms", undefined, "<=", c.length ? undefined : "timeout");
    row(`provenance/contradictions (median of ${c.length})`, c.length ? median(c) : NaN, "ms", TARGETS.contradictionsMs, "<=", c.length ? undefined : "timeout");
    if (out.error) return;

    try {
      out.edits = await measureEdits(client, capabilities, editFile, CFG.wsEdits, CFG.phaseBudgetMs);
      log(`${out.edits.latencies.length} edits of a ${fmt(out.edits.size / 1000, 1)} KB file in the indexed workspace; ${out.edits.diagnostics} diagnostics after the last`);
      row("edit in workspace: didChange → diagnostics p50", median(out.edits.latencies), "ms");
      row("edit in workspace: didChange → diagnostics p95", percentile(out.edits.latencies, 95), "ms", TARGETS.editP95, "<=");
    } catch (err) {
      out.error = String(err?.message ?? err).split("\n")[0];
      log(`edits in the workspace: ${out.error}`);
      row("edit in workspace: didChange → diagnostics p95", NaN, "ms", TARGETS.editP95, "<=", "timeout");
    }
  } finally {
    out.peakRssMB = client.peakRssMB();
    row("server peak RSS (VmHWM)", out.peakRssMB, "MB", TARGETS.peakRssMB, "<=");
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- main ----------
const results = { quick: QUICK, config: CFG, node: process.version };
try {
  log(`Provenance bench${QUICK ? " (--quick)" : ""} — node ${process.version}`);
  log("");
  if (NO_ENGINE) log("(engine throughput skipped: --no-engine)");
  else {
    log("== engine throughput ==");
    const engine = await loadEngine();
    results.engine = await benchEngine(engine, buildCorpus());
  }

  if (NO_SERVER) log("\n(language server skipped: --no-server)");
  else if (!existsSync(SERVER)) log(`\n(language server skipped: ${SERVER} not built)`);
  else {
    const settings = { provenance: {} };
    log("\n== language server: edit → diagnostics ==");
    const e = await benchEdits(settings);
    results.edits = e;
    log(`${e.latencies.length} edits of a ${fmt(e.size / 1000, 1)} KB file (sync kind ${e.syncKind === 2 ? "incremental" : "full"}), alone in its workspace; ${e.diagnostics} diagnostics after the last`);
    row("didChange → publishDiagnostics p50", median(e.latencies), "ms");
    row("didChange → publishDiagnostics p95", percentile(e.latencies, 95), "ms", TARGETS.editP95, "<=");

    log("\n== language server: workspace ==");
    results.workspace = {};
    await benchWorkspace(settings, results.workspace);
  }
} catch (err) {
  console.error(`\nbench failed: ${err?.stack ?? err}`);
  process.exitCode = 2;
}

// ---------- report ----------
if (rows.length) {
  const w0 = Math.max(...rows.map((r) => r.name.length));
  log("\n== results ==");
  log(`${"metric".padEnd(w0)}  ${"measured".padStart(12)}  ${"target".padEnd(10)}  result`);
  for (const r of rows) {
    const val = r.note ?? `${fmt(r.value, r.unit === "x" || r.unit === "s" ? 2 : 1)} ${r.unit}`;
    log(`${r.name.padEnd(w0)}  ${val.padStart(12)}  ${r.target.padEnd(10)}  ${r.ok === null ? "" : r.ok ? "PASS" : "MISS"}`);
  }
}
results.rows = rows;
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
if (STRICT && rows.some((r) => r.ok === false)) process.exitCode = process.exitCode || 1;
cleanup();
