// The one registry of diagnostic codes. The LSP layer maps them to diagnostics, the settings
// (`provenance.severity.<code>`) are generated from it, and the CLI prints the same codes.

export type Severity = "error" | "warning" | "information" | "hint" | "off";

export interface RuleInfo {
  /** Stable code shown with every diagnostic (`claim.hedged`). Never rename. */
  code: RuleCode;
  title: string;
  description: string;
  defaultSeverity: Severity;
}

export type RuleCode =
  | "claim.attributed"
  | "claim.hedged"
  | "claim.anonymous"
  | "claim.denial"
  | "figure"
  | "figure.conflict";

export const RULES: readonly RuleInfo[] = [
  {
    code: "claim.hedged",
    title: "Hedged claim",
    description: "A statement the text hedges (reportedly, may have, allegedly, unconfirmed).",
    defaultSeverity: "warning",
  },
  {
    code: "claim.anonymous",
    title: "Anonymous source",
    description: "A statement whose source is unnamed (officials, sources, analysts, intelligence).",
    defaultSeverity: "warning",
  },
  {
    code: "claim.attributed",
    title: "Attributed claim",
    description: "A statement the text attributes to a named source (said, claimed, according to).",
    defaultSeverity: "information",
  },
  {
    code: "claim.denial",
    title: "Denial or non-confirmation",
    description: "A source denies, rejects or cannot confirm a statement.",
    defaultSeverity: "information",
  },
  {
    code: "figure",
    title: "Figure",
    description: "A number stating a fact, with its qualifier, unit and subject.",
    defaultSeverity: "information",
  },
  {
    code: "figure.conflict",
    title: "Conflicting figure",
    description: "Another source gives an incompatible value for the same subject.",
    defaultSeverity: "warning",
  },
];

export const RULE_BY_CODE: ReadonlyMap<RuleCode, RuleInfo> = new Map(RULES.map((r) => [r.code, r]));
