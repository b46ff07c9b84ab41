// Findings as a SARIF 2.1.0 log (what code-scanning dashboards read): one run, one rule per code of
// the registry, one result per finding. Rules and results are made with node-sarif-builder, but the
// log is written as it grows — the builder makes the whole log one string, and on ten thousand files
// that string is longer than V8 allows. The bytes are the builder's: JSON.stringify(log, null, 2),
// results' ruleIndex and artifact index filled in, artifacts listed in the order results name them.
import { isAbsolute, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from "node-sarif-builder";
import { EXTENSIONS_LANGUAGES } from "node-sarif-builder/dist/lib/languages";
import type { Location } from "sarif";
import { RULES, type Finding, type FindingSeverity } from "../engine";
import { lineColumn, type FileReport, type PositionOf } from "./format";

const LEVEL: Record<FindingSeverity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  information: "note",
  hint: "note",
};

/**
 * A SARIF log written one file at a time: each result keeps only its positions and words, not the
 * file's analysis. `positionOf` places a related mention in its file.
 */
export class SarifLog {
  private readonly ruleIndex = new Map<string, number>();
  private readonly artifactIndex = new Map<string, number>();
  /** The log up to its results, written with the first result (`"results": []` when none). */
  private readonly head: string;
  /** The latest result, written when the next comes (with the comma between) or at the end. */
  private held: string | undefined;

  constructor(
    version: string,
    private readonly positionOf: PositionOf,
    /** Writes a piece of the log and a newline after it. */
    private readonly out: (line: string) => void,
  ) {
    const run = new SarifRunBuilder().initSimple({ toolDriverName: "provenance", toolDriverVersion: version });
    for (const rule of RULES) {
      const builder = new SarifRuleBuilder().initSimple({
        ruleId: rule.code,
        shortDescriptionText: rule.title,
        fullDescriptionText: rule.description,
      });
      builder.rule.defaultConfiguration = {
        level: rule.defaultSeverity === "off" ? "none" : LEVEL[rule.defaultSeverity],
      };
      this.ruleIndex.set(rule.code, this.ruleIndex.size);
      run.addRule(builder);
    }
    const { $schema, version: sarifVersion } = new SarifBuilder().log;
    this.head =
      `{\n  "$schema": ${JSON.stringify($schema)},\n  "version": ${JSON.stringify(sarifVersion)},\n  "runs": [\n    {\n` +
      `      "tool": ${nested(run.run.tool, 3)},\n      "results": [`;
  }

  add({ file, analysis, findings }: FileReport): void {
    const uri = artifactUri(file);
    for (const finding of findings) {
      const start = lineColumn(analysis, finding.span.start);
      const end = lineColumn(analysis, finding.span.end);
      const { result } = new SarifResultBuilder().initSimple({
        level: LEVEL[finding.severity],
        messageText: finding.message,
        ruleId: finding.code,
        fileUri: uri,
        startLine: start.line,
        startColumn: start.column,
        endLine: end.line,
        endColumn: end.column,
      });
      // The editor's severity, which SARIF's three levels cannot tell apart (information, hint).
      result.properties = { severity: finding.severity, ...(finding.stance ? { stance: finding.stance } : {}) };
      const related = relatedLocations(finding, this.positionOf);
      if (related.length > 0) result.relatedLocations = related;
      const ruleIndex = this.ruleIndex.get(finding.code);
      if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
      for (const location of result.locations ?? []) {
        const artifact = location.physicalLocation?.artifactLocation;
        if (artifact?.uri) artifact.index = this.artifactOf(artifact.uri);
      }
      if (this.held === undefined) this.out(this.head);
      else this.out(`${this.held},`);
      this.held = `        ${nested(result, 4)}`;
    }
  }

  /** Ends the log: the results, then every artifact a result named. */
  end(): void {
    const artifacts = [...this.artifactIndex.keys()].map((uri) => ({
      sourceLanguage: languageOf(uri),
      location: { uri },
    }));
    const results = this.held === undefined ? `${this.head}],` : `${this.held}\n      ],`;
    this.out(`${results}\n      "artifacts": ${nested(artifacts, 3)}\n    }\n  ]\n}`);
  }

  private artifactOf(uri: string): number {
    let index = this.artifactIndex.get(uri);
    if (index === undefined) this.artifactIndex.set(uri, (index = this.artifactIndex.size));
    return index;
  }
}

/** The source language node-sarif-builder names for a URI's extension. */
function languageOf(uri: string): string {
  const dot = uri.lastIndexOf(".");
  const extension = dot === -1 ? "" : uri.slice(dot + 1);
  return Object.hasOwn(EXTENSIONS_LANGUAGES, extension) ? EXTENSIONS_LANGUAGES[extension]! : "unknown";
}

/** A value as JSON.stringify(…, null, 2) writes it `depth` levels down in an enclosing value. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

/** The mentions a finding points at (the other side of a conflict), where their file was analysed. */
function relatedLocations(finding: Finding, positionOf: PositionOf): Location[] {
  const out: Location[] = [];
  for (const mention of finding.related ?? []) {
    const start = positionOf(mention.file, mention.start);
    const end = positionOf(mention.file, mention.end);
    if (!start || !end) continue;
    out.push({
      id: out.length,
      message: { text: mention.message },
      physicalLocation: {
        artifactLocation: { uri: artifactUri(mention.file) },
        region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
      },
    });
  }
  return out;
}

/** A path as a URI reference: relative paths stay relative (forward slashes, escaped). */
function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(sep).map(encodeURIComponent).join("/");
}
