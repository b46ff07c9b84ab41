// Public surface of the engine: strings in, plain objects out. No vscode, no LSP, no node: imports.
export * from "./types";
export { analyze } from "./analyze";
export { createCorpus, extractDocument, type Corpus, type DocumentExtract } from "./corpus";
export {
  CLAIM_CODES_BY_PRIORITY,
  CONFLICT_CODES,
  RULES,
  RULE_BY_CODE,
  SEVERITY_ORDER,
  type RuleCode,
  type RuleInfo,
  type Severity,
} from "./rules";
export {
  conflictsAt,
  corpusRelations,
  findingsOf,
  RELATED_LIMIT,
  type FileRelations,
  type Finding,
  type FindingData,
  type FindingSettings,
  type FindingSeverity,
  type RelatedMention,
} from "./findings";
export { warmUpTexts, warmUpVariants } from "./warmup";
export { detached } from "./intern";
export { contradictionSummary } from "./figureConflicts";
export { cyrb53, cyrb53Parts } from "./hash";
export { frameLabel } from "./frames";
export { figureSource } from "./figureSource";
export { documentDate } from "./dates";
export * from "./reviews";
