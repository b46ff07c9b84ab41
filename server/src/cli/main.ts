// provenance — the command-line entry point: parses arguments, reads inputs and the config file,
// asks the engine for findings and prints them. Exit status: 0 no finding at or above --fail-on,
// 1 findings at or above it, 2 usage or configuration error (also: nothing to analyse),
// 3 an input could not be read.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import picomatch from "picomatch";
import picocolors from "picocolors";
import {
  CONFLICT_CODES,
  corpusRelations,
  createCorpus,
  findingsOf,
  type Analysis,
  type ContradictionMember,
  type Finding,
  type Review,
} from "../engine";
import { DEFAULT_SETTINGS } from "../shared/settings";
import { applyConfig, ConfigFinder, isConfigError, type ConfigError, type ProjectConfig } from "../shared/config";
import { collectPaths, decodeText, readTexts, type InputProblem } from "./files";
import { collectBeforeReports } from "../shared/heap";
import { KeptClaims } from "./keptClaims";
import { KeptText } from "./keptText";
import { loadReviews, withVerdicts, type ReviewLookup } from "./reviews";
import {
  contradictionsReport,
  figureTable,
  formatFileFindings,
  indentedJsonList,
  contradictionJson,
  JsonLines,
  KeptActors,
  keptAnalysis,
  lineMap,
  NO_COLORS,
  positionIn,
  scorerContradictionJson,
  scorerFileJson,
  Tally,
  type Colors,
  type FileReport,
  type LineOf,
  type PositionOf,
} from "./format";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { OutBuffer } from "./outBuffer";
import { SarifLog } from "./sarif";
import { settledResults, type CorpusResults } from "./settled";

const VERSION = "0.1.0";

export const EXIT = { ok: 0, findings: 1, usage: 2, unreadable: 3 } as const;

const COMMANDS = ["analyze", "contradictions", "figures"] as const;
type Command = (typeof COMMANDS)[number];

const FORMATS = ["text", "json", "sarif"] as const;
type Format = (typeof FORMATS)[number];

const FAIL_ON = ["never", "contradiction", "warning", "information"] as const;
type FailOn = (typeof FAIL_ON)[number];

// `contradictions` is the check a CI job gates on; `analyze` is a report (scripts that read its
// JSON expect success), so it fails only when asked (`--fail-on warning`).
const DEFAULT_FAIL_ON: Record<Command, FailOn> = {
  analyze: "never",
  contradictions: "contradiction",
  figures: "never",
};

const USAGE = `usage: provenance <command> <files, folders or -…> [options]

commands:
  analyze <paths…>         findings per file (file:line:col: severity message [code])
  contradictions <paths…>  figures that disagree and statements one source denies
  figures <paths…>         table of subjects × sources × values

options:
  -f, --format <fmt>   text (default), json (the scorer's shape, with findings), sarif (analyze, contradictions)
  --json               same as --format json
  --fail-on <level>    never | contradiction | warning | information: exit 1 when a finding at or
                       above it exists (default: contradictions contradiction, analyze and
                       figures never)
  --glob <glob>        which files to take from folders (default: *.txt)
  -q, --quiet          only warnings and errors, no summary line
  --no-color           no colour (colour is used on a terminal unless NO_COLOR is set)
  -h, --help           this help
  -v, --version        the version

  -  reads one text from standard input.
  A provenance.config.json or .provenancerc.json at or above an input sets include/exclude,
  severities and disabled codes.

exit status: 0 ok, 1 findings at or above --fail-on, 2 usage or configuration error
(or nothing to analyse), 3 an input could not be read`;

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether `out` is a terminal that shows colour (decided by the caller from isTTY and NO_COLOR). */
  color?: boolean;
  /** Reads standard input (for `-`). */
  stdin?: () => Uint8Array;
  /**
   * While the reader of `out` has not caught up (a pipe to a slower reader), a promise of when it
   * has; else undefined. The reports wait on it between files and between list items, so what is
   * written waits in the pipe, not in memory.
   */
  drain?: () => Promise<void> | undefined;
}

interface Options {
  command: Command;
  paths: string[];
  format: Format;
  failOn: FailOn;
  glob: string;
  quiet: boolean;
  color: boolean;
}

/**
 * Runs a command. Inputs are read several at a time and analysed as they arrive; after the
 * cross-file step each file's report is written as soon as it is made, and only what later
 * reports need is kept meanwhile (not every Analysis, nor the whole output).
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseOptions(argv, io);
  if (typeof parsed === "number") return parsed;
  const inputs = await loadInputs(parsed, io);
  if (typeof inputs === "number") return inputs;
  const failed = await writeReports(parsed, inputs, io);
  if (inputs.unreadable) return EXIT.unreadable;
  return failed ? EXIT.findings : EXIT.ok;
}

// ---- Arguments ----

function parseOptions(argv: string[], io: CliIO): Options | number {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f" },
        json: { type: "boolean" },
        "fail-on": { type: "string" },
        glob: { type: "string" },
        quiet: { type: "boolean", short: "q" },
        "no-color": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    }));
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (values.version) {
    io.out(`provenance ${VERSION}`);
    return EXIT.ok;
  }
  const [command, ...paths] = positionals;
  if (!command) return usageError(io, "no command given");
  if (!isOneOf(COMMANDS, command)) return usageError(io, `unknown command "${command}"`);
  if (paths.length === 0) return usageError(io, `${command} needs at least one file, folder or -`);
  const format = values.json ? "json" : ((values.format as string | undefined) ?? "text");
  if (!isOneOf(FORMATS, format)) return usageError(io, `--format must be one of ${FORMATS.join(", ")}`);
  if (values.json && values.format && values.format !== "json") return usageError(io, "--json and --format disagree");
  if (format === "sarif" && command === "figures")
    return usageError(io, "figures has no sarif format (it reports no findings)");
  const failOn = (values["fail-on"] as string | undefined) ?? DEFAULT_FAIL_ON[command];
  if (!isOneOf(FAIL_ON, failOn)) return usageError(io, `--fail-on must be one of ${FAIL_ON.join(", ")}`);
  const glob = (values.glob as string | undefined) ?? "*.txt";
  if (glob.trim() === "") return usageError(io, "--glob needs a pattern");
  if (paths.filter((p) => p === "-").length > 1) return usageError(io, "- (standard input) can be given once");
  return {
    command,
    paths,
    format,
    failOn,
    glob,
    quiet: values.quiet === true,
    color: io.color === true && values["no-color"] !== true && format === "text",
  };
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function usageError(io: CliIO, message: string): number {
  io.err(`provenance: ${message}\nRun "provenance --help" for usage.`);
  return EXIT.usage;
}

// ---- Inputs ----

interface Inputs {
  /** The corpus's results, settled once every input is analysed (the corpus itself is let go). */
  corpus: CorpusResults;
  /** Every analysed input in order, as kept until its report is written. */
  files: Array<KeptFile | undefined>;
  reviews: ReviewLookup;
  /** An input could not be read at all (missing, permission denied). */
  unreadable: boolean;
}

interface KeptFile {
  file: string;
  /** What later reports read of the file's analysis (format.ts keptAnalysis), its text and claims apart. */
  analysis: Analysis;
  text: KeptText;
  /** The analysis's claims, kept compact until the report is written (see reportAnalysis). */
  claims: KeptClaims;
  config: ProjectConfig | undefined;
  orphaned: Review[];
  /** The actor mentions, when the report lists them (analyze --json). */
  actors?: KeptActors;
}

async function loadInputs(options: Options, io: CliIO): Promise<Inputs | number> {
  const finder = new ConfigFinder();
  const problems: InputProblem[] = [];
  const fileArgs = options.paths.filter((p) => p !== "-");
  const collected = collectPaths(fileArgs, options.glob);
  problems.push(...collected.problems);
  const explicit = new Set(fileArgs);

  const configs = new Map<string, ProjectConfig | ConfigError | undefined>();
  const configOf = (folder: string): ProjectConfig | undefined | number => {
    const absolute = resolve(folder);
    if (!configs.has(absolute)) configs.set(absolute, finder.find(absolute));
    const found = configs.get(absolute);
    if (!isConfigError(found)) return found;
    io.err(`provenance: ${found.path}: ${found.error}`);
    return EXIT.usage;
  };

  let excluded = 0;
  const selected: Array<{ path: string; config: ProjectConfig | undefined }> = [];
  for (const path of collected.paths) {
    const config = configOf(dirname(path));
    if (typeof config === "number") return config;
    if (!explicit.has(path) && !selectedBy(config, path)) excluded++;
    else selected.push({ path, config });
  }
  const stdinConfig = options.paths.includes("-") ? configOf(process.cwd()) : undefined;
  if (typeof stdinConfig === "number") return stdinConfig;

  // The corpus keeps only its compact records (no actor index: no report reads it; no state for
  // changes: none come) until its results are settled, below; what the reports read of each file
  // is kept per file.
  const corpus = createCorpus({ keepAnalysis: () => false, actorIndex: false, incremental: false });
  const reviews = loadReviews();
  const files: KeptFile[] = [];
  const keepActors = options.command === "analyze" && options.format === "json";
  const add = (path: string, text: string, config: ProjectConfig | undefined) => {
    const analysis = corpus.set(path, text);
    // Verdicts are located now, while the whole analysis is at hand.
    const orphaned = reviews.orphanedIn(path, analysis);
    const kept = keptAnalysis(analysis, { sentences: reviews.hasVerdicts(path, analysis) });
    files.push({
      file: path,
      config,
      orphaned,
      analysis: { ...kept, text: "", claims: [] },
      text: new KeptText(analysis.text),
      claims: new KeptClaims(analysis.claims, analysis.text),
      ...(keepActors ? { actors: new KeptActors(analysis.actors) } : {}),
    });
  };
  let index = 0;
  for (const read of readTexts(selected.map((s) => s.path))) {
    const { config } = selected[index++]!;
    if ("message" in read) problems.push(read);
    else add(read.path, read.text, config);
  }
  if (options.paths.includes("-")) {
    const read = readStdin(io);
    if ("message" in read) problems.push(read);
    else add("<stdin>", read.text, stdinConfig);
  }

  for (const p of problems) io.err(`provenance: ${p.path}: ${p.message}`);
  for (const problem of reviews.problems) io.err(`provenance: verdicts not read: ${problem}`);
  const unreadable = problems.some((p) => p.fatal);
  if (files.length === 0 && problems.length === 0) {
    const why = excluded > 0 ? ` (${excluded} excluded by the config file or the default excludes)` : "";
    io.err(`provenance: no files matching ${options.glob} in ${fileArgs.join(", ")}${why}`);
    return EXIT.usage;
  }
  const figureCounts = new Map(files.map((kept) => [kept.file, kept.analysis.figures.length]));
  return { corpus: settledResults(corpus, figureCounts), files, reviews, unreadable };
}

const matchers = new WeakMap<ProjectConfig, (relativePath: string) => boolean>();
const defaultExcludes = picomatch(DEFAULT_SETTINGS.exclude, { dot: true });

/**
 * Whether a file found in a folder is analysed: the config file's include and exclude globs
 * (relative to its folder), else the default excludes (package lists, licences, build files).
 */
function selectedBy(config: ProjectConfig | undefined, path: string): boolean {
  if (!config || (!config.include && !config.exclude)) return !defaultExcludes(path.split("\\").join("/"));
  let matcher = matchers.get(config);
  if (!matcher) {
    const options = { dot: true };
    const include = config.include ? picomatch(config.include, options) : () => true;
    const excludes = config.exclude ?? DEFAULT_SETTINGS.exclude;
    const exclude = excludes.length > 0 ? picomatch(excludes, options) : () => false;
    matcher = (rel) => include(rel) && !exclude(rel);
    matchers.set(config, matcher);
  }
  return matcher(relative(dirname(config.path), resolve(path)).split("\\").join("/"));
}

function readStdin(io: CliIO): { path: string; text: string } | InputProblem {
  try {
    return decodeText("<stdin>", io.stdin ? io.stdin() : readFileSync(0));
  } catch (error) {
    return { path: "<stdin>", message: `cannot be read (${(error as Error).message})`, fatal: true };
  }
}

// ---- Output ----

/** Where one command in one format writes: each file's report as it is made, then the rest. */
interface Output {
  file(report: FileReport): void;
  end(): void | Promise<void>;
  /** Whether the reports written need other files' line maps until the end (related locations, tables). */
  readsOtherFiles: boolean;
}

/** Writes every report; whether a finding reaches --fail-on. */
async function writeReports(options: Options, inputs: Inputs, io: CliIO): Promise<boolean> {
  const { corpus, files, reviews } = inputs;
  collectBeforeReports();
  const relationsOf = corpusRelations(corpus);
  const settings = new Map<ProjectConfig | undefined, ReturnType<typeof applyConfig>>();
  const settingsOf = (config: ProjectConfig | undefined) => {
    let merged = settings.get(config);
    if (!merged) settings.set(config, (merged = applyConfig(config)));
    return merged;
  };
  const byFile = new Map<string, KeptFile>();
  for (const kept of files) if (kept) byFile.set(kept.file, kept);
  // Reports that point into other files (related locations, tables) keep the line map of each file
  // they point into, made from its kept text once: not its analysis.
  const lineMaps = new Map<string, TextDocument>();
  const positionOf: PositionOf = (file, offset) => {
    let document = lineMaps.get(file);
    if (!document) {
      const kept = byFile.get(file);
      if (!kept) return undefined;
      lineMaps.set(file, (document = lineMap(kept.text.text())));
    }
    return positionIn(document, offset);
  };
  const output = outputFor(options, corpus, io, positionOf, files.length);
  let failed = false;
  for (let i = 0; i < files.length; i++) {
    const kept = files[i]!;
    const { file, config, orphaned, actors } = kept;
    const analysis = reportAnalysis(kept);
    const all = withVerdicts(
      file,
      analysis,
      findingsOf(file, analysis, relationsOf(file), settingsOf(config)),
      reviews,
    );
    failed ||= all.some((f) => fails(f, options.failOn));
    const findings = options.quiet ? all.filter(isWarningOrWorse) : all;
    output.file({
      file,
      analysis,
      findings,
      orphaned,
      verdictAt: (kind, offset) => reviews.verdictFor(file, analysis, kind, offset),
      ...(actors ? { actors } : {}),
    });
    // Written: nothing later reads this file's analysis.
    if (!output.readsOtherFiles) {
      files[i] = undefined;
      byFile.delete(file);
    }
    await io.drain?.();
  }
  await output.end();
  return failed;
}

/** A kept file's analysis as its report reads it, text, claims and all. */
function reportAnalysis(kept: KeptFile): Analysis {
  const text = kept.text.text();
  return { ...kept.analysis, text, claims: kept.claims.claims(text) };
}

function outputFor(options: Options, corpus: CorpusResults, io: CliIO, positionOf: PositionOf, count: number): Output {
  const colors: Colors = options.color ? picocolors.createColors(true) : NO_COLORS;
  const lineOf: LineOf = (file, offset) => positionOf(file, offset)?.line ?? 1;
  const writeAll = async (chunks: Iterable<string>) => {
    for (const chunk of chunks) {
      io.out(chunk);
      await io.drain?.();
    }
  };
  const afterFiles = (end: () => Promise<void>): Output => ({ file: () => undefined, end, readsOtherFiles: true });
  if (options.format === "sarif") {
    const log = new SarifLog(VERSION, positionOf, io.out);
    const conflictsOnly = options.command === "contradictions";
    return {
      file: (report) => log.add(conflictsOnly ? { ...report, findings: report.findings.filter(isConflict) } : report),
      end: () => log.end(),
      readsOtherFiles: true,
    };
  }
  if (options.command === "contradictions") {
    return afterFiles(() =>
      writeAll(
        options.format === "json"
          ? indentedJsonList("contradictions", corpus.contradictions(), contradictionJson)
          : contradictionsReport(corpus, lineOf),
      ),
    );
  }
  if (options.command === "figures") {
    return afterFiles(() =>
      writeAll(
        options.format === "json" ? indentedJsonList("groups", corpus.figureGroups()) : figureTable(corpus, lineOf),
      ),
    );
  }
  if (options.format === "json") {
    const json = new JsonLines(io.out);
    json.open(`{"files":[`);
    return {
      file: (report) => json.item(scorerFileJson(corpus, report)),
      end: async () => {
        json.close("]");
        json.open(`,"contradictions":[`);
        const memberTexts = new Map<ContradictionMember, string>();
        for (const contradiction of corpus.contradictions()) {
          json.item(scorerContradictionJson(contradiction, memberTexts));
          await io.drain?.();
        }
        json.close("]}");
        json.end();
      },
      readsOtherFiles: false,
    };
  }
  const tally = new Tally();
  return {
    file: (report) => {
      const text = formatFileFindings(report, colors);
      if (text) io.out(text);
      tally.add(report.findings);
    },
    end: () => {
      if (!options.quiet && count > 0) io.out(tally.summary());
    },
    readsOtherFiles: false,
  };
}

function isWarningOrWorse(f: Finding): boolean {
  return f.severity === "error" || f.severity === "warning";
}

function isConflict(f: Finding): boolean {
  return CONFLICT_CODES.includes(f.code);
}

/** Whether a finding reaches the --fail-on level. */
function fails(f: Finding, failOn: FailOn): boolean {
  switch (failOn) {
    case "never":
      return false;
    case "contradiction":
      return isConflict(f);
    case "warning":
      return isWarningOrWorse(f);
    case "information":
      return f.severity !== "hint";
  }
}

if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other CLI tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  // A pipe is written asynchronously: what its reader has not taken waits in memory, until `drain`.
  let full = false;
  const stdout = new OutBuffer(
    (chunk) => {
      if (!process.stdout.write(chunk)) full = true;
    },
    process.stdout.isTTY ? 0 : 64 * 1024,
  );
  const drained = () =>
    new Promise<void>((resolve) =>
      process.stdout.once("drain", () => {
        full = false;
        resolve();
      }),
    );
  run(process.argv.slice(2), {
    out: (s) => stdout.writeLine(s),
    drain: () => (full ? drained() : undefined),
    err: (s) => process.stderr.write(s + "\n"),
    color: process.stdout.isTTY === true && !noColor,
  }).then(
    (code) => {
      stdout.flush();
      process.exitCode = code;
    },
    (e: unknown) => {
      stdout.flush();
      process.stderr.write(`provenance: internal error: ${(e as Error).message}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
