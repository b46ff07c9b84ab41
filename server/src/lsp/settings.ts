// Per-resource settings, pulled with workspace/configuration (scopeUri) and cached until the
// client reports a configuration change. Clients without the pull model get the settings sent
// with workspace/didChangeConfiguration, or the initializationOptions.
import type { Connection } from "vscode-languageserver";
import { SETTINGS_SECTION, type ProvenanceSettings } from "../protocol";
import { normalizeSettings } from "../shared/settings";

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ProvenanceSettings>>();
  private pushed: ProvenanceSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initializationOptions: unknown,
  ) {
    this.pushed = normalizeSettings(initializationOptions);
  }

  /** Settings for a resource (a document or a workspace folder URI). */
  get(scopeUri: string): Promise<ProvenanceSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let pending = this.cache.get(scopeUri);
    if (!pending) {
      pending = this.pull(scopeUri);
      this.cache.set(scopeUri, pending);
    }
    return pending;
  }

  /** Drops the cache; `pushedSettings` is the `settings` of didChangeConfiguration, if any. */
  invalidate(pushedSettings?: unknown): void {
    this.cache.clear();
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
