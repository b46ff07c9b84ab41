// Workspace indexing: on start, on provenance/reindex, when folders or the include / exclude /
// size settings change (in the editor or in a project config file); following the disk through
// didChangeWatchedFiles (registered dynamically when the client can).
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  WatchKind,
  type Disposable,
  type FileSystemWatcher,
} from "vscode-languageserver";
import { ReindexRequest, SETTINGS_SECTION } from "../../protocol";
import { CONFIG_FILE_NAMES } from "../../shared/config";
import { describeError, guarded } from "../safe";
import type { Services } from "../services";
import { indexingFingerprint } from "../workspace";

export function registerIndexing(services: Services): void {
  const { connection, workspace, settings, log, client } = services;
  let watchers: Disposable | undefined;
  let watchedFingerprint = "";

  connection.onInitialized(async () => {
    try {
      if (client.configurationRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
      if (client.watchedFilesRegistration) watchers = await registerWatchers(services);
      if (client.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          workspace.removeFolders(event.removed);
          workspace.addFolders(event.added);
          void workspace.indexAll();
          void services.reviews.reloadAll();
        });
      }
    } catch (error) {
      log.error(`Provenance: registration failed: ${describeError(error)}`);
    }
    void workspace.indexAll();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    // A project config file (provenance.config.json) changed: settings are stale.
    if (changes.some((c) => isConfigFileUri(c.uri))) await settingsChanged();
    if (changes.some((c) => services.reviews.isReviewsFile(c.uri))) void services.reviews.reloadAll();
    await workspace.applyFileChanges(changes.filter((c) => !isConfigFileUri(c.uri)));
  });

  connection.onRequest(
    ReindexRequest,
    guarded(log, "provenance/reindex", { files: 0, skipped: 0 }, async () => {
      settings.invalidate();
      const result = await workspace.indexAll();
      return { files: result.files, skipped: result.skipped };
    }),
  );

  connection.onDidChangeConfiguration((change) => settingsChanged(change.settings));

  async function settingsChanged(pushedSettings?: unknown): Promise<void> {
    settings.invalidate(pushedSettings);
    services.onSettingsChanged.fire();
    await services.open.reanalyzeAll();
    if (watchers && (await watchedGlobs(services)) !== watchedFingerprint) {
      // The include globs changed: watch the new ones.
      watchers.dispose();
      watchers = await registerWatchers(services).catch((error) => {
        log.error(`Provenance: could not register file watchers: ${describeError(error)}`);
        return undefined;
      });
    }
    if ((await indexingSettings(services)) !== workspace.indexedWith) void workspace.indexAll();
  }

  /** Registers the watchers for the current include globs. */
  async function registerWatchers(services: Services): Promise<Disposable> {
    watchedFingerprint = await watchedGlobs(services);
    return registerWatcherGlobs(services);
  }
}

function isConfigFileUri(uri: string): boolean {
  return CONFIG_FILE_NAMES.some((name) => uri.endsWith(`/${name}`));
}

async function watchedGlobs(services: Services): Promise<string> {
  const all = await Promise.all(services.workspace.folderUris().map((f) => services.settings.get(f)));
  return JSON.stringify(all.map((s) => s.include));
}

/** A fingerprint of the settings that decide which files are indexed (as Workspace.indexedWith). */
async function indexingSettings(services: Services): Promise<string> {
  const folders = services.workspace.folderUris();
  const all = await Promise.all(folders.map((f) => services.settings.get(f)));
  return indexingFingerprint(all);
}

async function registerWatcherGlobs(services: Services): Promise<Disposable> {
  const watchers: FileSystemWatcher[] = [];
  const folders = services.workspace.folderUris();
  for (const folder of folders) {
    for (const glob of (await services.settings.get(folder)).include) {
      watchers.push({ globPattern: services.client.relativePatterns ? { baseUri: folder, pattern: glob } : glob });
    }
  }
  if (folders.length === 0) watchers.push({ globPattern: "**/*.txt" });
  watchers.push({ globPattern: `**/{${CONFIG_FILE_NAMES.join(",")}}` });
  watchers.push({ globPattern: "**/.provenance/reviews.json" });
  // Created, renamed or deleted folders: their files come without a per-file event.
  watchers.push({ globPattern: "**/*", kind: WatchKind.Create | WatchKind.Delete });
  return services.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
}
