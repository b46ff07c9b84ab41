// Per-resource settings, pulled with workspace/configuration (scopeUri) and cached until the
// client reports a configuration change. Clients without the pull model get the settings sent
// with workspace/didChangeConfiguration, or the initializationOptions. The nearest project config
// file (provenance.config.json, shared with the CLI) is merged under them: a setting the user
// left at its default yields to the file.
import type { Connection } from "vscode-languageserver";
import { SETTINGS_SECTION, type ProvenanceSettings } from "../protocol";
import { normalizeSettings } from "../shared/settings";

import { applyConfig, ConfigFinder, isConfigError, type ProjectConfig } from "../shared/config";
import { pathOfUri } from "./uris";

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ProvenanceSettings>>();
  /** Editor settings merged with a config file, reused while neither changes (callers cache by identity). */
  private readonly merged = new WeakMap<ProvenanceSettings, WeakMap<ProjectConfig, ProvenanceSettings>>();
  private readonly reported = new Set<string>();
  /** Config lookups are reused for a moment: the server forgets them when told of a change (invalidate). */
  private readonly finder = new ConfigFinder(CONFIG_REUSE_MS);
  private pushed: ProvenanceSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initializationOptions: unknown,
  ) {
    this.pushed = normalizeSettings(initializationOptions);
  }

  /** Settings for a resource (a document or a workspace folder URI). */
  async get(scopeUri: string): Promise<ProvenanceSettings> {
    return this.withProjectConfig(scopeUri, await this.editorSettings(scopeUri));
  }

  private editorSettings(scopeUri: string): Promise<ProvenanceSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let pending = this.cache.get(scopeUri);
    if (!pending) {
      pending = this.pull(scopeUri);
      this.cache.set(scopeUri, pending);
    }
    return pending;
  }

  private withProjectConfig(scopeUri: string, editor: ProvenanceSettings): ProvenanceSettings {
    const path = pathOfUri(scopeUri);
    const config = path === undefined ? undefined : this.finder.find(path);
    if (!config) return editor;
    if (isConfigError(config)) {
      const message = `Provenance: ${config.path}: ${config.error}; the file is ignored`;
      if (!this.reported.has(message)) this.connection.console.warn(message);
      this.reported.add(message);
      return editor;
    }
    let byConfig = this.merged.get(editor);
    if (!byConfig) this.merged.set(editor, (byConfig = new WeakMap()));
    let settings = byConfig.get(config);
    if (!settings) byConfig.set(config, (settings = applyConfig(config, editor)));
    return settings;
  }

  /** Drops the cache; `pushedSettings` is the `settings` of didChangeConfiguration, if any. */
  invalidate(pushedSettings?: unknown): void {
    this.cache.clear();
    this.finder.forget();
    const section = isRecord(pushedSettings) ? pushedSettings[SETTINGS_SECTION] : undefined;
    if (section !== undefined) this.pushed = normalizeSettings(section);
  }

  private async pull(scopeUri: string): Promise<ProvenanceSettings> {
    try {
      const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION });
      return normalizeSettings(value ?? this.pushed);
    } catch (error) {
      this.connection.console.warn(`Provenance: could not read settings for ${scopeUri}: ${String(error)}`);
      this.cache.delete(scopeUri);
      return this.pushed;
    }
  }
}

/**
 * How long a config lookup is reused without an event: each stats both file names in every folder
 * up to the root, twice per edit. Changes the server is told of (watched config files, a
 * configuration change, reindex) are seen at once; others within this time.
 */
const CONFIG_REUSE_MS = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
