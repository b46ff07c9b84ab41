// Findings as a SARIF 2.1.0 log (what code-scanning dashboards read), built with
// node-sarif-builder: one run, one rule per code of the registry, one result per finding.
import { isAbsolute, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from "node-sarif-builder";
import type { Location } from "sarif";
import { RULES, type Analysis, type Finding, type FindingSeverity } from "../engine";
import { lineColumn, type FileReport } from "./format";

const LEVEL: Record<FindingSeverity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  information: "note",
  hint: "note",
};

/**
 * A SARIF log built one file at a time: each result keeps only its positions and words, not the
 * file's analysis. `analysisOf` gives the analysis of a file a related mention points into.
 */
export class SarifLog {
  private readonly run: SarifRunBuilder;

  constructor(
    version: string,
    private readonly analysisOf: (file: string) => Analysis | undefined,
  ) {
    this.run = new SarifRunBuilder().initSimple({ toolDriverName: "provenance", toolDriverVersion: version });
    for (const rule of RULES) {
      const builder = new SarifRuleBuilder().initSimple({
        ruleId: rule.code,
        shortDescriptionText: rule.title,
        fullDescriptionText: rule.description,
      });
      builder.rule.defaultConfiguration = {
        level: rule.defaultSeverity === "off" ? "none" : LEVEL[rule.defaultSeverity],
      };
      this.run.addRule(builder);
    }
  }

  add({ file, analysis, findings }: FileReport): void {
    const uri = artifactUri(file);
    for (const finding of findings) {
      const start = lineColumn(analysis, finding.span.start);
      const end = lineColumn(analysis, finding.span.end);
      const result = new SarifResultBuilder().initSimple({
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
      result.result.properties = { severity: finding.severity, ...(finding.stance ? { stance: finding.stance } : {}) };
      const related = relatedLocations(finding, this.analysisOf);
      if (related.length > 0) result.result.relatedLocations = related;
      this.run.addResult(result);
    }
  }

  text(): string {
    const log = new SarifBuilder();
    log.addRun(this.run);
    return log.buildSarifJsonString({ indent: true });
  }
}

/** The mentions a finding points at (the other side of a conflict), where their file was analysed. */
function relatedLocations(finding: Finding, analysisOf: (file: string) => Analysis | undefined): Location[] {
  const out: Location[] = [];
  for (const mention of finding.related ?? []) {
    const analysis = analysisOf(mention.file);
    if (!analysis) continue;
    const start = lineColumn(analysis, mention.start);
    const end = lineColumn(analysis, mention.end);
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
