// provenance — the command-line entry point. Parses arguments, reads files, prints reports.
import { createCorpus, type Corpus } from "../engine";
import { collectPaths, readText, type InputProblem } from "./files";
import { loadReviews } from "./reviews";
import { formatAnalysis, formatContradictions, formatFigureTable, toScorerJson } from "./format";

const USAGE = `usage: provenance <command> <files or folders…> [options]

commands:
  analyze <paths…>         flagged claims and figures per file (file:line:col)
  contradictions <paths…>  figures that disagree and statements one source denies
  figures <paths…>         table of subjects × sources × values

options:
  --json          machine-readable output (analyze: the scorer's input shape)
  --glob <glob>   which files to take from folders (default: *.txt)
  -h, --help      this help
  -v, --version   the version`;

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function run(argv: string[], io: CliIO): number {
  const args = [...argv];
  if (args.includes("-h") || args.includes("--help")) {
    io.out(USAGE);
    return 0;
  }
  if (args.includes("-v") || args.includes("--version")) {
    io.out("provenance 0.1.0");
    return 0;
  }
  const json = takeFlag(args, "--json");
  const glob = takeOption(args, "--glob") ?? "*.txt";
  if (glob === null) return usageError(io, "--glob needs a pattern");
  const unknown = args.find((a) => a.startsWith("-"));
  if (unknown) return usageError(io, `unknown option ${unknown}`);
  const [command, ...paths] = args;
  if (!command || !["analyze", "contradictions", "figures"].includes(command)) return usageError(io, command ? `unknown command "${command}"` : "no command given");
  if (paths.length === 0) return usageError(io, `${command} needs at least one file or folder`);

  const { corpus, problems, files } = load(paths, glob);
  for (const p of problems) io.err(`provenance: ${p.path}: ${p.message}`);
  if (files.length === 0 && problems.length === 0) io.err(`provenance: no files matching ${glob} in ${paths.join(", ")}`);
  const reviews = loadReviews();
  if (command === "analyze") io.out(json ? JSON.stringify(toScorerJson(corpus, files, reviews)) : formatAnalysis(corpus, files, reviews));
  else if (command === "contradictions") io.out(json ? JSON.stringify({ contradictions: corpus.contradictions() }, null, 2) : formatContradictions(corpus));
  else io.out(json ? JSON.stringify({ groups: corpus.figureGroups() }, null, 2) : formatFigureTable(corpus));
  for (const problem of reviews.problems) io.err(`provenance: verdicts not read: ${problem}`);
  return problems.some((p) => p.fatal) ? 1 : 0;
}

function load(paths: string[], glob: string): { corpus: Corpus; problems: InputProblem[]; files: string[] } {
  const corpus = createCorpus();
  const collected = collectPaths(paths, glob);
  const problems = [...collected.problems];
  const files: string[] = [];
  for (const path of collected.paths) {
    const read = readText(path);
    if ("message" in read) {
      problems.push(read);
      continue;
    }
    corpus.set(path, read.text);
    files.push(path);
  }
  return { corpus, problems, files };
}

function takeFlag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

function takeOption(args: string[], name: string): string | null | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value === undefined || value.startsWith("-") ? null : value;
}

function usageError(io: CliIO, message: string): number {
  io.err(`provenance: ${message}\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  let code = 2;
  try {
    code = run(process.argv.slice(2), { out: (s) => process.stdout.write(s.endsWith("\n") ? s : s + "\n"), err: (s) => process.stderr.write(s + "\n") });
  } catch (e) {
    process.stderr.write(`provenance: internal error: ${(e as Error).message}\n`);
    code = 1;
  }
  process.exitCode = code;
}
