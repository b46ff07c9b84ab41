// The project config file shared by the CLI and the editor (`provenance.config.json` or
// `.provenancerc.json`): include/exclude globs, severities, disabled codes. Found by walking up
// from an input's folder; the nearest file wins. Its JSON schema is generated from the rule
// registry (`schemas/provenance.config.schema.json`, by scripts/gen-settings.mjs).
//
// Precedence: built-in defaults < config file < editor settings the user changed (a setting
// left at its default yields to the config file). The CLI has no editor settings.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { RULES, type RuleCode, type Severity } from "../engine/rules";
import { SEVERITY_VALUES, type ProvenanceSettings } from "../protocol";
import { DEFAULT_SETTINGS } from "./settings";

export const CONFIG_FILE_NAMES: readonly string[] = ["provenance.config.json", ".provenancerc.json"];

export interface ProjectConfig {
  /** The config file's path. */
  path: string;
  /** Globs relative to the config file's folder. */
  include?: string[];
  exclude?: string[];
  severity?: Partial<Record<RuleCode, Severity>>;
  disable?: RuleCode[];
}

export interface ConfigError {
  path: string;
  error: string;
}

const KNOWN_KEYS = new Set(["$schema", "include", "exclude", "severity", "disable"]);
const CODES = new Set<string>(RULES.map((r) => r.code));

/** Parses a config file's text; a mistake gives one message naming the key. */
export function parseConfig(path: string, text: string): ProjectConfig | ConfigError {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (error) {
    return { path, error: `not valid JSON (${(error as Error).message})` };
  }
  if (!isRecord(raw)) return { path, error: "must be a JSON object" };
  const unknown = Object.keys(raw).find((k) => !KNOWN_KEYS.has(k));
  if (unknown) return { path, error: `unknown key "${unknown}" (known: include, exclude, severity, disable)` };
  const config: ProjectConfig = { path };
  for (const key of ["include", "exclude"] as const) {
    if (raw[key] === undefined) continue;
    if (!isStringList(raw[key])) return { path, error: `"${key}" must be a list of glob strings` };
    config[key] = [...(raw[key] as string[])];
  }
  if (raw.severity !== undefined) {
    if (!isRecord(raw.severity)) return { path, error: `"severity" must be an object of code: severity` };
    const severity: Partial<Record<RuleCode, Severity>> = {};
    for (const [code, value] of Object.entries(raw.severity)) {
      if (!CODES.has(code)) return { path, error: `unknown code "${code}" in "severity"` };
      if (typeof value !== "string" || !(SEVERITY_VALUES as readonly string[]).includes(value)) {
        return { path, error: `"severity.${code}" must be one of ${SEVERITY_VALUES.join(", ")}` };
      }
      severity[code as RuleCode] = value as Severity;
    }
    config.severity = severity;
  }
  if (raw.disable !== undefined) {
    if (!isStringList(raw.disable)) return { path, error: `"disable" must be a list of codes` };
    const bad = (raw.disable as string[]).find((c) => !CODES.has(c));
    if (bad) return { path, error: `unknown code "${bad}" in "disable"` };
    config.disable = [...(raw.disable as RuleCode[])];
  }
  return config;
}

export function isConfigError(value: ProjectConfig | ConfigError | undefined): value is ConfigError {
  return value !== undefined && "error" in value;
}

/**
 * Settings with a config file applied. `editor`: settings from an editor; those a user changed
 * (different from the built-in default) win over the config file.
 */
export function applyConfig(
  config: ProjectConfig | undefined,
  editor: ProvenanceSettings = DEFAULT_SETTINGS,
): ProvenanceSettings {
  if (!config) return cloneSettings(editor);
  const merged = cloneSettings(editor);
  const changed = <T>(value: T, fallback: T) => JSON.stringify(value) !== JSON.stringify(fallback);
  if (config.include && !changed(editor.include, DEFAULT_SETTINGS.include)) merged.include = [...config.include];
  if (config.exclude && !changed(editor.exclude, DEFAULT_SETTINGS.exclude)) merged.exclude = [...config.exclude];
  for (const rule of RULES) {
    if (editor.severity[rule.code] !== DEFAULT_SETTINGS.severity[rule.code]) continue;
    const fromFile = config.disable?.includes(rule.code) ? "off" : config.severity?.[rule.code];
    if (fromFile) merged.severity[rule.code] = fromFile;
  }
  return merged;
}

function cloneSettings(s: ProvenanceSettings): ProvenanceSettings {
  return {
    ...s,
    include: [...s.include],
    exclude: [...s.exclude],
    severity: { ...s.severity },
    codeLens: { ...s.codeLens },
  };
}

/**
 * Finds and reads the nearest config file at or above `folder`. Reads are cached per file and
 * revalidated by modification time and size, so an edited config file is seen at the next lookup.
 *
 * `reuseMs`: how long a folder's answer is given again without looking at the disk (0: never).
 * The editor asks on every edit, and each lookup stats both names in every folder up to the root;
 * it calls `forget` when told a config file changed, so the reuse delays only what it is not told
 * (a client without file watchers, a config file above the workspace).
 */
export class ConfigFinder {
  private readonly files = new Map<string, { stamp: string; value: ProjectConfig | ConfigError }>();
  private readonly answers = new Map<string, { at: number; value: ProjectConfig | ConfigError | undefined }>();

  constructor(
    private readonly reuseMs = 0,
    private readonly now: () => number = Date.now,
  ) {}

  find(folder: string): ProjectConfig | ConfigError | undefined {
    if (this.reuseMs <= 0) return this.lookUp(folder);
    const at = this.now();
    const known = this.answers.get(folder);
    if (known && at - known.at < this.reuseMs && at >= known.at) return known.value;
    const value = this.lookUp(folder);
    if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
    this.answers.set(folder, { at, value });
    return value;
  }

  /** Looks at the disk at the next lookup of every folder (a config file was created, changed or deleted). */
  forget(): void {
    this.answers.clear();
  }

  private lookUp(folder: string): ProjectConfig | ConfigError | undefined {
    for (let dir = folder; ; dir = dirname(dir)) {
      for (const name of CONFIG_FILE_NAMES) {
        const found = this.read(join(dir, name));
        if (found) return found;
      }
      if (dirname(dir) === dir) return undefined;
    }
  }

  private read(path: string): ProjectConfig | ConfigError | undefined {
    let stamp: string;
    try {
      // Asked on every settings read, for each folder up to the root: a missing file is the usual
      // answer, and an exception per missing file costs more than the rest of the read.
      const info = statSync(path, { throwIfNoEntry: false });
      if (!info) {
        this.files.delete(path);
        return undefined;
      }
      if (!info.isFile()) return undefined;
      stamp = `${info.mtimeMs}:${info.size}`;
    } catch {
      this.files.delete(path);
      return undefined;
    }
    const cached = this.files.get(path);
    if (cached && cached.stamp === stamp) return cached.value;
    let value: ProjectConfig | ConfigError;
    try {
      value = parseConfig(path, readFileSync(path, "utf8"));
    } catch (error) {
      value = { path, error: `cannot be read (${(error as Error).message})` };
    }
    this.files.set(path, { stamp, value });
    return value;
  }
}

/** Folders whose answers are kept (documents and workspace folders ask; a bound, not a working limit). */
const MAX_ANSWERS = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}
