// Public surface of the engine: strings in, plain objects out. No vscode, no LSP, no node: imports.
export * from "./types";
export { analyze } from "./analyze";
export { createCorpus, labelOf as subjectLabel, type Corpus } from "./corpus";
export { RULES, RULE_BY_CODE, type RuleCode, type RuleInfo, type Severity } from "./rules";
export { warmUp } from "./warmup";
export { documentDate } from "./dates";
export * from "./reviews";
