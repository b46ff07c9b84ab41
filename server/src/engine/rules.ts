// The one registry of finding codes and their default severities. `findings.ts` is the only
// place that assigns them; the language server and the CLI present its findings, and the
// settings (`provenance.severity.<code>`) are generated from this list.
//
// The defaults are chosen so that a reader keeps them on: disagreements between sources are
// warnings; claims that rest on a denial, an unnamed source or a hedge are information; claims a
// named source makes, and plain figures, are hints (shown in the editor, not in the Problems list).

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
  | "figure.conflict"
  | "stance.conflict";

export const RULES: readonly RuleInfo[] = [
  {
    code: "claim.hedged",
    title: "Hedged claim",
    description: "A statement the text hedges (reportedly, may have, allegedly, unconfirmed).",
    defaultSeverity: "information",
  },
  {
    code: "claim.anonymous",
    title: "Anonymous source",
    description: "A statement whose source is unnamed (officials, sources, analysts, intelligence).",
    defaultSeverity: "information",
  },
  {
    code: "claim.attributed",
    title: "Attributed claim",
    description: "A statement the text attributes to a named source (said, claimed, according to).",
    defaultSeverity: "hint",
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
    defaultSeverity: "hint",
  },
  {
    code: "figure.conflict",
    title: "Conflicting figure",
    description: "Another source gives an incompatible value for the same subject.",
    defaultSeverity: "warning",
  },
  {
    code: "stance.conflict",
    title: "Contradicted statement",
    description: "One source asserts what another denies (the claim's other kinds are named in the message).",
    defaultSeverity: "warning",
  },
];

/**
 * A claim sentence gets one finding: a stance conflict if it takes part in one, else its most
 * telling kind, in this order. A code set to `off` passes to the next.
 */
export const CLAIM_CODES_BY_PRIORITY: readonly RuleCode[] = [
  "stance.conflict",
  "claim.denial",
  "claim.anonymous",
  "claim.hedged",
  "claim.attributed",
];

/** Codes that mean two sources disagree (`--fail-on contradiction`). */
export const CONFLICT_CODES: readonly RuleCode[] = ["figure.conflict", "stance.conflict"];

/** Severities from the most to the least severe (`off` is not one). */
export const SEVERITY_ORDER: readonly Exclude<Severity, "off">[] = ["error", "warning", "information", "hint"];

export const RULE_BY_CODE: ReadonlyMap<RuleCode, RuleInfo> = new Map(RULES.map((r) => [r.code, r]));
