#!/usr/bin/env node
// Provenance benchmarks: every figure of issue 9's table, with its baseline from the same run
// (write-good on the same text for throughput; the --baseline build for the rest) and its goal.
// Run with `npm run bench` (builds dist/ first) or `node bench/run.mjs`. Not a timed test: it
// prints medians and percentiles, PASS / MISS against the goals, and TIMEOUT / ERROR — loudly,
// at once and again under the table — for a step that did not finish. See bench/README.md.
//
//   --quick            small sizes and few runs (a smoke run; figures not comparable)
//   --no-server        skip the language-server and CLI benchmarks
//   --no-engine        skip the engine throughput benchmarks
//   --no-cli           skip the CLI benchmark
//   --strict           exit 1 when a figure misses its goal or a step times out / fails
//   --json <file>      also write the rows and the configuration as JSON
//   --server <js>      the language server to measure (default dist/server.js; the CLI beside it)
//   --baseline <dir>   another build's dist/ (or its checkout), measured in the same run
//   --files <n>        size of the big workspace (default 10000; the goals assume 10000)
//   --timeout <s>      every wait's bound (indexing, requests, edits, the CLI) in seconds
import { build } from "esbuild";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { runCliAnalyze } from "./cli-bench.mjs";
import { generateArchive, makeGenerator } from "./corpus.mjs";
import { benchEdit13k, benchStory, benchWorkspace, median, WORKSPACE_ROWS } from "./lsp-bench.mjs";
import { fmt, Report, step } from "./report.mjs";
import { readSeeds, storyArchive } from "./story.mjs";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const QUICK = argv.includes("--quick");
const NO_SERVER = argv.includes("--no-server");
const NO_ENGINE = argv.includes("--no-engine");
const NO_CLI = argv.includes("--no-cli");
const STRICT = argv.includes("--strict");
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : null);
const JSON_OUT = option("--json");
const SEEDS_DIR = join(root, "..", "shared", "corpus", "seeds"); // read at run time, never copied

const CFG = QUICK
  ? {
      corpusMB: 1,
      rounds: 1,
      enginePassesPerRound: 3,
      seedRepeats: 20,
      edits: 20,
      storyEdits: 15,
      storySizes: [1, 20, 200],
      wsFiles: 1000,
      wsEdits: 10,
      pageSize: 200,
      pauseBursts: 3,
      burstEdits: 4,
      indexTimeoutMs: 60_000,
      contraTimeoutMs: 30_000,
      editTimeoutMs: 30_000,
      phaseBudgetMs: 20_000,
      cliTimeoutMs: 60_000,
    }
  : {
      corpusMB: 5,
      rounds: 3,
      enginePassesPerRound: 3,
      seedRepeats: 178,
      edits: 60,
      storyEdits: 40,
      storySizes: [1, 200, 2000],
      wsFiles: 10_000,
      wsEdits: 30,
      pageSize: 200,
      pauseBursts: 7,
      burstEdits: 5,
      indexTimeoutMs: 240_000,
      contraTimeoutMs: 120_000,
      editTimeoutMs: 30_000,
      phaseBudgetMs: 60_000,
      cliTimeoutMs: 180_000,
    };
if (option("--files")) CFG.wsFiles = Math.max(1, Number(option("--files")) | 0);
if (option("--timeout")) {
  const ms = Math.max(1, Number(option("--timeout"))) * 1000;
  Object.assign(CFG, { indexTimeoutMs: ms, contraTimeoutMs: ms, editTimeoutMs: ms, cliTimeoutMs: ms });
}

/** The builds measured: the current one and, with --baseline, another build's dist/. */
function builds() {
  const server = resolve(option("--server") ?? join(root, "dist/server.js"));
  const list = [{ label: "current", server, cli: join(dirname(server), "cli.js") }];
  const base = option("--baseline");
  if (base) {
    const dist = existsSync(join(base, "server.js")) ? resolve(base) : resolve(base, "dist");
    list.push({ label: "baseline", server: join(dist, "server.js"), cli: join(dist, "cli.js") });
  }
  return list;
}
const BUILDS = builds();

const log = (...a) => console.log(...a);
const report = new Report(log);
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

const bytesOf = (texts) => texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
const n = (x) => x.toLocaleString("en-US");

// ---------- the table: every figure of issue 9, declared up front ----------
function defineRows() {
  const wg = { baselineLabel: "write-good" };
  // The issue's "now" figures are shown only beside figures measured at the issue's sizes.
  const at = (sizeMatches, ref) => (sizeMatches ? ref : "");
  const big = CFG.wsFiles === 10_000;
  report.define("engineMBs", `engine, bench corpus (${CFG.corpusMB} MB generated)`, {
    unit: "MB/s",
    cmp: ">=",
    goal: 20,
    ref: at(CFG.corpusMB === 5, "6.2 MB/s"),
    ...wg,
  });
  report.define("engineRatio", "engine / write-good, bench corpus", {
    unit: "×",
    cmp: ">=",
    goal: 25,
    digits: 2,
    ref: at(CFG.corpusMB === 5, "9.2×"),
  });
  report.define("seedsMBs", `engine, seeds × ${CFG.seedRepeats}`, {
    unit: "MB/s",
    cmp: ">=",
    goal: 30,
    ref: at(CFG.seedRepeats === 178, "11.9 MB/s"),
    ...wg,
  });
  report.define("edit13kP50", "edit → diagnostics, 13 KB file, p50", { unit: "ms", ref: "17.6 ms" });
  report.define("edit13kP95", "edit → diagnostics, 13 KB file, p95", {
    unit: "ms",
    cmp: "<=",
    goal: 15,
    ref: "39.8 ms",
  });
  report.define("pauseRecompute", `recompute after a typing pause, ${n(CFG.wsFiles)} files`, {
    unit: "ms",
    cmp: "<=",
    goal: 50,
    ref: at(big, "965 ms"),
  });
  report.define("pauseAfterNotice", "of which after provenance/corpusChanged", { unit: "ms" });
  const storyRefs = CFG.storySizes.join() === "1,200,2000" ? ["18 ms", "38 ms", "1,797 ms"] : [];
  CFG.storySizes.forEach((size, i) =>
    report.define(`story${size}`, `edit → diagnostics, one story, ${n(size)} file${size > 1 ? "s" : ""}, p95`, {
      unit: "ms",
      cmp: "<=",
      goal: 20,
      ref: storyRefs[i] ?? "",
    }),
  );
  report.define("indexSeconds", `workspace of ${n(CFG.wsFiles)} files indexed`, {
    unit: "s",
    cmp: "<=",
    goal: 5,
    digits: 2,
    ref: at(big, "12–14 s"),
  });
  report.define("rssAfterIndex", "server memory after indexing (RSS)", {
    unit: "MB",
    cmp: "<=",
    goal: 300,
    digits: 0,
    ref: at(big, "540 MB"),
  });
  report.define("rssPeak", "server memory peak (VmHWM)", {
    unit: "MB",
    cmp: "<=",
    goal: 400,
    digits: 0,
    ref: at(big, "1,580 MB"),
  });
  report.define("contraFirst", "provenance/contradictions, first page, first request", {
    unit: "ms",
    cmp: "<=",
    goal: 200,
    ref: at(big, "5.4 s"),
  });
  report.define("contraRepeat", "provenance/contradictions, slowest page, repeat", {
    unit: "ms",
    cmp: "<=",
    goal: 200,
    ref: at(big, "2.4 s"),
  });
  report.define("contraPageBytes", "provenance/contradictions, largest page (JSON)", {
    unit: "bytes",
    cmp: "<=",
    goal: 1e6,
  });
  report.define("contraTotalBytes", "provenance/contradictions, all pages (JSON)", {
    unit: "bytes",
    ref: at(big, "118.5 MB"),
  });
  report.define("contraCount", "provenance/contradictions, contradictions", { unit: "count" });
  report.define("contraMembers", "provenance/contradictions, members", { unit: "count", ref: at(big, "420,719") });
  report.define("wsEditP95", `edit → diagnostics, 13 KB file among ${n(CFG.wsFiles)}, p95`, { unit: "ms" });
  report.define("cliSeconds", `CLI analyze --json, ${n(CFG.wsFiles)} files, wall`, {
    unit: "s",
    cmp: "<=",
    goal: 8,
    digits: 2,
    ref: at(big, "20.5 s"),
  });
  report.define("cliPeak", `CLI analyze --json, ${n(CFG.wsFiles)} files, peak RSS`, {
    unit: "MiB",
    cmp: "<=",
    goal: 500,
    digits: 0,
    ref: at(big, "2,580 MiB"),
  });
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

function readDirTexts(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

/** The bench corpus: examples, seeds, then generated 13 KB clippings up to CFG.corpusMB. */
function benchCorpus(seeds) {
  const examples = readDirTexts(join(root, "examples"));
  const files = [...examples, ...seeds];
  const g = makeGenerator(2026);
  while (bytesOf(files) < CFG.corpusMB * 1_000_000) files.push(g.clipping(13_000));
  return { files, label: `${files.length} files (${examples.length} examples, ${seeds.length} seeds, rest generated)` };
}

/**
 * Median MB/s of `analyze` over `texts` and of write-good over their paragraphs (as a prose linter's
 * user runs it), and the median of their ratio round by round: each round times the engine, then
 * write-good, so a machine whose speed drifts during the run (a shared VM) moves both sides of a
 * round's ratio alike.
 */
function throughput(analyze, texts, label) {
  const MB = bytesOf(texts) / 1e6;
  let found = 0;
  for (const t of texts) {
    const a = analyze(t); // warm-up, and what the engine finds: a throughput of an engine finding nothing means nothing
    found += a.actors.length + a.figures.length + a.claims.length;
  }
  const writeGood = require("write-good");
  const paragraphs = texts.flatMap((t) => t.split(/\n/).filter((l) => l.trim()));
  for (const p of paragraphs.slice(0, 200)) writeGood(p);
  const timed = (pass) => {
    const t0 = performance.now();
    pass();
    return MB / ((performance.now() - t0) / 1000);
  };
  const engineRuns = [];
  const wgRuns = [];
  const ratios = [];
  for (let r = 0; r < CFG.rounds; r++) {
    const round = [];
    for (let k = 0; k < CFG.enginePassesPerRound; k++) round.push(timed(() => texts.forEach((t) => analyze(t))));
    const wg = timed(() => paragraphs.forEach((p) => writeGood(p)));
    engineRuns.push(...round);
    wgRuns.push(wg);
    ratios.push(median(round) / wg);
  }
  log(
    `${label}: ${fmt(MB, 2)} MB; engine finds ${n(found)} actors + figures + claims; engine MB/s ${engineRuns.map((x) => fmt(x)).join(", ")}; write-good MB/s ${wgRuns.map((x) => fmt(x, 2)).join(", ")}; engine / write-good by round ${ratios.map((x) => fmt(x, 2)).join(", ")}`,
  );
  if (!found) throw new Error(`the engine found nothing in ${label}: its throughput is meaningless (stub engine?)`);
  return { engine: median(engineRuns), writeGood: median(wgRuns), ratio: median(ratios) };
}

async function benchEngine(seeds) {
  const { analyze } = await loadEngine();
  const corpus = benchCorpus(seeds);
  await step(report, ["engineMBs", "engineRatio"], "current", async () => {
    const t = throughput(analyze, corpus.files, `bench corpus, ${corpus.label}`);
    report.set("engineMBs", "current", t.engine);
    report.set("engineMBs", "baseline", t.writeGood);
    report.set("engineRatio", "current", t.ratio);
  });
  if (!seeds.length) {
    report.fail(["seedsMBs"], "current", "SKIP", `${SEEDS_DIR} is absent`);
    return;
  }
  await step(report, ["seedsMBs"], "current", async () => {
    const texts = Array.from({ length: CFG.seedRepeats }, () => seeds).flat();
    const t = throughput(analyze, texts, `seeds × ${CFG.seedRepeats}`);
    report.set("seedsMBs", "current", t.engine);
    report.set("seedsMBs", "baseline", t.writeGood);
  });
}

// ---------- workspaces, written once and shared by the builds ----------
function writeFiles(dir, texts, name = (i) => `c${String(i).padStart(5, "0")}.txt`, perDir = 100) {
  texts.forEach((t, i) => {
    const sub = join(dir, `d${String(Math.floor(i / perDir)).padStart(3, "0")}`);
    if (i % perDir === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, name(i)), t);
  });
  return join(dir, "d000", name(0));
}

function editWorkspace() {
  const dir = join(tmp, "edit-ws");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "clipping.txt");
  writeFileSync(file, makeGenerator(13).clipping(13_000));
  return { dir, file };
}

/** `size` files, each a seed with its numbers varied; the edited file (the first) is the longest seed's. */
function storyWorkspace(seeds, size) {
  const dir = join(tmp, `story-${size}`);
  const longest = seeds.reduce((best, s, i) => (s.length > seeds[best].length ? i : best), 0);
  const rotated = [...seeds.slice(longest), ...seeds.slice(0, longest)];
  const texts = storyArchive(rotated, size);
  return { dir, file: writeFiles(dir, texts), bytes: bytesOf(texts) };
}

/** The story archive (bench/corpus.mjs) of CFG.wsFiles clippings and two 13 KB clippings to edit. */
function bigWorkspace() {
  const dir = join(tmp, "ws");
  const t0 = performance.now();
  const texts = generateArchive(CFG.wsFiles, 5000, 4242);
  let bytes = bytesOf(texts);
  writeFiles(dir, texts);
  texts.length = 0;
  const editFile = join(dir, "edited-13kb.txt");
  const otherFile = join(dir, "typed-13kb.txt");
  writeFileSync(editFile, makeGenerator(13).clipping(13_000));
  writeFileSync(otherFile, makeGenerator(14).clipping(13_000));
  bytes += bytesOf([readFileSync(editFile, "utf8"), readFileSync(otherFile, "utf8")]);
  const files = CFG.wsFiles + 2;
  log(
    `big workspace: ${n(files)} files, ${fmt(bytes / 1e6, 1)} MB written in ${fmt((performance.now() - t0) / 1000, 1)} s (story archive, ~10 clippings per story, + two 13 KB clippings to edit)`,
  );
  return { dir, files, bytes, editFile, otherFile };
}

// ---------- the server and CLI phases, each for every build in turn ----------
async function benchServers(seeds) {
  const live = [];
  for (const b of BUILDS) {
    if (existsSync(b.server)) live.push(b);
    else report.fail(serverRows(), b.label, "SKIP", `${b.server} not built`);
  }
  if (!live.length) return;

  log("\n== edit → diagnostics, 13 KB file alone ==");
  const edit = editWorkspace();
  for (const b of live)
    await step(report, ["edit13kP50", "edit13kP95"], b.label, () =>
      benchEdit13k(b, edit.dir, edit.file, CFG, report, log),
    );

  log("\n== edit → diagnostics, every file tells one story ==");
  for (const size of CFG.storySizes) {
    const id = `story${size}`;
    if (!seeds.length) {
      for (const b of live) report.fail([id], b.label, "SKIP", `${SEEDS_DIR} is absent`);
      continue;
    }
    const ws = storyWorkspace(seeds, size);
    log(`one story: ${n(size)} files, ${fmt(ws.bytes / 1e6, 1)} MB`);
    for (const b of live)
      await step(report, [id], b.label, () => benchStory(b, ws.dir, ws.file, size, id, CFG, report, log));
    rmSync(ws.dir, { recursive: true, force: true });
  }

  log(`\n== workspace of ${n(CFG.wsFiles)} files ==`);
  const ws = bigWorkspace();
  for (const b of live) await step(report, WORKSPACE_ROWS, b.label, () => benchWorkspace(b, ws, CFG, report, log));

  if (NO_CLI) report.fail(["cliSeconds", "cliPeak"], "current", "SKIP", "--no-cli");
  else {
    log(`\n== CLI analyze --json on the ${n(CFG.wsFiles)}-file workspace ==`);
    for (const b of live) {
      await step(report, ["cliSeconds", "cliPeak"], b.label, async () => {
        const r = await runCliAnalyze(b.cli, ws.dir, CFG.cliTimeoutMs);
        log(
          `[${b.label}] ${fmt(r.seconds, 2)} s, peak ${fmt(r.peakMiB, 0)} MiB (${r.rssSource}), ${fmt(r.outBytes / 1e6, 1)} MB of JSON, exit ${r.code}`,
        );
        report.set("cliSeconds", b.label, r.seconds);
        report.set("cliPeak", b.label, r.peakMiB);
      });
    }
  }
  rmSync(ws.dir, { recursive: true, force: true });
}

function serverRows() {
  return [
    "edit13kP50",
    "edit13kP95",
    ...CFG.storySizes.map((s) => `story${s}`),
    ...WORKSPACE_ROWS,
    "cliSeconds",
    "cliPeak",
  ];
}

// ---------- main ----------
defineRows();
log(
  `Provenance bench${QUICK ? " (--quick)" : ""} — node ${process.version}; builds: ${BUILDS.map((b) => `${b.label} = ${b.server}`).join(", ")}`,
);
const seeds = readSeeds(SEEDS_DIR);
if (!seeds.length) log(`(${SEEDS_DIR} is absent: the seed figures are skipped)`);
try {
  if (NO_ENGINE) report.fail(["engineMBs", "engineRatio", "seedsMBs"], "current", "SKIP", "--no-engine");
  else {
    log("\n== engine throughput ==");
    await benchEngine(seeds);
  }
  if (NO_SERVER) report.fail(serverRows(), "current", "SKIP", "--no-server");
  else await benchServers(seeds);
} catch (err) {
  console.error(`\n!!! bench failed: ${err?.stack ?? err}`);
  process.exitCode = 2;
}

const failed = report.print();
if (JSON_OUT)
  writeFileSync(
    JSON_OUT,
    JSON.stringify(
      { quick: QUICK, config: CFG, node: process.version, builds: BUILDS, rows: report.toJSON() },
      null,
      2,
    ),
  );
if (STRICT && failed.length) process.exitCode = process.exitCode || 1;
cleanup();
