// The settings' defaults and their validation, shared by the language server and the CLI.
// Not in protocol.ts: the defaults come from the rule registry (engine code), and the client
// bundle must carry types and constants only.
import { RULES, type RuleCode, type Severity } from "../engine/rules";
import { SEVERITY_VALUES, type ProvenanceSettings } from "../protocol";

export const DEFAULT_SEVERITIES: Readonly<Record<RuleCode, Severity>> = Object.fromEntries(
  RULES.map((rule) => [rule.code, rule.defaultSeverity]),
) as Record<RuleCode, Severity>;

export const DEFAULT_SETTINGS: Readonly<ProvenanceSettings> = {
  include: ["**/*.txt"],
  // Plain-text files that are not prose: package lists, licences, build and crawler files.
  exclude: [
    "**/node_modules/**",
    "**/.git/**",
    "**/requirements*.txt",
    "**/constraints*.txt",
    "**/LICENSE*",
    "**/COPYING*",
    "**/NOTICE*",
    "**/CMakeLists.txt",
    "**/robots.txt",
  ],
  maxFileSize: 2 * 1024 * 1024,
  severity: { ...DEFAULT_SEVERITIES },
  codeLens: { enable: true },
  reviewer: "",
  enable: true,
};

/** Settings as sent by any client (partial, possibly mistyped) → complete, valid settings. */
export function normalizeSettings(raw: unknown): ProvenanceSettings {
  const input = isRecord(raw) ? raw : {};
  const severity = { ...DEFAULT_SEVERITIES };
  const rawSeverity = isRecord(input.severity) ? input.severity : {};
  for (const rule of RULES) {
    const value = rawSeverity[rule.code];
    if (typeof value === "string" && (SEVERITY_VALUES as readonly string[]).includes(value)) {
      severity[rule.code] = value as Severity;
    }
  }
  const codeLens = isRecord(input.codeLens) ? input.codeLens : {};
  return {
    include: stringList(input.include) ?? [...DEFAULT_SETTINGS.include],
    exclude: stringList(input.exclude) ?? [...DEFAULT_SETTINGS.exclude],
    maxFileSize:
      typeof input.maxFileSize === "number" && Number.isFinite(input.maxFileSize) && input.maxFileSize > 0
        ? input.maxFileSize
        : DEFAULT_SETTINGS.maxFileSize,
    severity,
    codeLens: { enable: typeof codeLens.enable === "boolean" ? codeLens.enable : DEFAULT_SETTINGS.codeLens.enable },
    reviewer: typeof input.reviewer === "string" ? input.reviewer.trim() : DEFAULT_SETTINGS.reviewer,
    enable: typeof input.enable === "boolean" ? input.enable : DEFAULT_SETTINGS.enable,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? [...value] : undefined;
}
