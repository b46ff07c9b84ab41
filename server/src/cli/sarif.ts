// Findings as a SARIF 2.1.0 log (what code-scanning dashboards read), built with
// node-sarif-builder: one run, one rule per code of the registry, one result per finding.
import { isAbsolute, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from "node-sarif-builder";
import { RULES, type FindingSeverity } from "../engine";
import { lineColumn, type FileReport } from "./format";

const LEVEL: Record<FindingSeverity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  information: "note",
  hint: "note",
};

export function toSarif(reports: readonly FileReport[], version: string): string {
  const run = new SarifRunBuilder().initSimple({ toolDriverName: "provenance", toolDriverVersion: version });
  for (const rule of RULES) {
    const builder = new SarifRuleBuilder().initSimple({ ruleId: rule.code, shortDescriptionText: rule.title, fullDescriptionText: rule.description });
    builder.rule.defaultConfiguration = { level: rule.defaultSeverity === "off" ? "none" : LEVEL[rule.defaultSeverity] };
    run.addRule(builder);
  }
  for (const { file, analysis, findings } of reports) {
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
      run.addResult(result);
    }
  }
  const log = new SarifBuilder();
  log.addRun(run);
  return log.buildSarifJsonString({ indent: true });
}

/** A path as a URI reference: relative paths stay relative (forward slashes, escaped). */
function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(sep).map(encodeURIComponent).join("/");
}
