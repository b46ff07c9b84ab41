// provenance — the command-line entry point: parses arguments, reads inputs and the config file,
// asks the engine for findings and prints them. Exit status: 0 no finding at or above --fail-on,
// 1 findings at or above it, 2 usage or configuration error (also: nothing to analyse),
// 3 an input could not be read.
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import picomatch from "picomatch";
import picocolors from "picocolors";
import { CONFLICT_CODES, corpusRelations, createCorpus, findingsOf, type Corpus, type Finding } from "../engine";
import { DEFAULT_SETTINGS } from "../shared/settings";
import { applyConfig, ConfigFinder, isConfigError, type ConfigError, type ProjectConfig } from "../shared/config";
import { collectPaths, decodeText, readText, type InputProblem } from "./files";
import { loadReviews, withVerdicts } from "./reviews";
import { formatContradictions, formatFigureTable, formatFindings, NO_COLORS, scorerJsonText, summarize, type Colors, type FileReport } from "./format";
import { toSarif } from "./sarif";

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
const DEFAULT_FAIL_ON: Record<Command, FailOn> = { analyze: "never", contradictions: "contradiction", figures: "never" };

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

export function run(argv: string[], io: CliIO): number {
  const parsed = parseOptions(argv, io);
  if (typeof parsed === "number") return parsed;
  const inputs = loadInputs(parsed, io);
  if (typeof inputs === "number") return inputs;
  const { corpus, reports, unreadable } = inputs;
  print(parsed, corpus, reports, io);
  if (unreadable) return EXIT.unreadable;
  return reports.some((r) => r.findings.some((f) => fails(f, parsed.failOn))) ? EXIT.findings : EXIT.ok;
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
  if (format === "sarif" && command === "figures") return usageError(io, "figures has no sarif format (it reports no findings)");
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
  corpus: Corpus;
  reports: FileReport[];
  /** An input could not be read at all (missing, permission denied). */
  unreadable: boolean;
}

interface Input {
  path: string;
  text: string;
  config: ProjectConfig | undefined;
}

function loadInputs(options: Options, io: CliIO): Inputs | number {
  const finder = new ConfigFinder();
  const problems: InputProblem[] = [];
  const inputs: Input[] = [];
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
  for (const path of collected.paths) {
    const config = configOf(dirname(path));
    if (typeof config === "number") return config;
    if (!explicit.has(path) && !selectedBy(config, path)) {
      excluded++;
      continue;
    }
    const read = readText(path);
    if ("message" in read) problems.push(read);
    else inputs.push({ path, text: read.text, config });
  }
  if (options.paths.includes("-")) {
    const config = configOf(process.cwd());
    if (typeof config === "number") return config;
    const read = readStdin(io);
    if ("message" in read) problems.push(read);
    else inputs.push({ path: "<stdin>", text: read.text, config });
  }

  for (const p of problems) io.err(`provenance: ${p.path}: ${p.message}`);
  const unreadable = problems.some((p) => p.fatal);
  if (inputs.length === 0 && problems.length === 0) {
    const why = excluded > 0 ? ` (${excluded} excluded by the config file or the default excludes)` : "";
    io.err(`provenance: no files matching ${options.glob} in ${fileArgs.join(", ")}${why}`);
    return EXIT.usage;
  }

  const corpus = createCorpus();
  for (const input of inputs) corpus.set(input.path, input.text);
  const relationsOf = corpusRelations(corpus);
  const reviews = loadReviews();
  const reports = inputs.map(({ path, config }): FileReport => {
    const analysis = corpus.analysis(path)!;
    const findings = findingsOf(path, analysis, relationsOf(path), applyConfig(config));
    return {
      file: path,
      analysis,
      findings: withVerdicts(path, analysis, findings, reviews),
      verdictAt: (kind, offset) => reviews.verdictFor(path, analysis, kind, offset),
      orphaned: reviews.orphanedIn(path, analysis),
    };
  });
  for (const problem of reviews.problems) io.err(`provenance: verdicts not read: ${problem}`);
  return { corpus, reports, unreadable };
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

function print(options: Options, corpus: Corpus, all: FileReport[], io: CliIO): void {
  const reports = options.quiet ? all.map((r) => ({ ...r, findings: r.findings.filter(isWarningOrWorse) })) : all;
  const colors: Colors = options.color ? picocolors.createColors(true) : NO_COLORS;
  if (options.command === "analyze") {
    if (options.format === "json") io.out(scorerJsonText(corpus, reports));
    else if (options.format === "sarif") io.out(toSarif(reports, VERSION));
    else {
      const text = formatFindings(reports, colors);
      if (text) io.out(text);
      if (!options.quiet && reports.length > 0) io.out(summarize(reports));
    }
  } else if (options.command === "contradictions") {
    if (options.format === "json") io.out(JSON.stringify({ contradictions: corpus.contradictions() }, null, 2));
    else if (options.format === "sarif") io.out(toSarif(reports.map((r) => ({ ...r, findings: r.findings.filter(isConflict) })), VERSION));
    else io.out(formatContradictions(corpus));
  } else {
    io.out(options.format === "json" ? JSON.stringify({ groups: corpus.figureGroups() }, null, 2) : formatFigureTable(corpus));
  }
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
  let code: number = EXIT.usage;
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  try {
    code = run(process.argv.slice(2), {
      out: (s) => process.stdout.write(s.endsWith("\n") ? s : s + "\n"),
      err: (s) => process.stderr.write(s + "\n"),
      color: process.stdout.isTTY === true && !noColor,
    });
  } catch (e) {
    process.stderr.write(`provenance: internal error: ${(e as Error).message}\n`);
    code = EXIT.usage;
  }
  process.exitCode = code;
}
