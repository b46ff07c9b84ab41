// Everything a feature needs, built once per session from the initialize request.
import type { ClientCapabilities, Connection, InitializeParams, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { OpenDocuments } from "./documents";
import { Emitter } from "./events";
import { ReviewStore } from "./reviewStore";
import { describeError, showWarning, type Logger } from "./safe";
import { SettingsStore } from "./settings";
import { SourceIndex, type DiskTexts } from "./sources";
import { canonicalUri } from "./uris";
import { UserTextWarmUp } from "./warmUp";
import { readIndexedTextSync, Workspace } from "./workspace";

export interface ClientSupport {
  configurationPull: boolean;
  watchedFilesRegistration: boolean;
  relativePatterns: boolean;
  configurationRegistration: boolean;
  workspaceFolders: boolean;
  semanticTokensRefresh: boolean;
  codeLensRefresh: boolean;
  relatedInformation: boolean;
  markdownHover: boolean;
}

export interface Services {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  open: OpenDocuments;
  sources: SourceIndex;
  settings: SettingsStore;
  workspace: Workspace;
  /** Review verdicts (.provenance/reviews.json of each folder). */
  reviews: ReviewStore;
  client: ClientSupport;
  log: Logger;
  /** Settings changed: everything derived from them is stale. */
  onSettingsChanged: Emitter<void>;
}

export function createServices(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  params: InitializeParams,
): Services {
  const log: Logger = connection.console;
  const client = clientSupport(params.capabilities);
  const settings = new SettingsStore(connection, client.configurationPull, params.initializationOptions);
  // The documents, the sources and the workspace refer to each other: the closures below read
  // these two once all three exist (nothing calls them during construction).
  // eslint-disable-next-line prefer-const
  let open: OpenDocuments | undefined;
  // eslint-disable-next-line prefer-const
  let workspace: Workspace | undefined;
  const disk: DiskTexts = { read: readIndexedTextSync, stale: (uri) => void workspace?.reload(uri) };
  const sources = new SourceIndex(log, (uri) => open?.textOf(uri), disk);
  open = new OpenDocuments(documents, sources, settings, () => workspace!, connection, log);
  const warmUp = new UserTextWarmUp(
    () => open!.editing(),
    () => open!.all().flatMap((document) => (sources.has(canonicalUri(document.uri)) ? [document.getText()] : [])),
    log,
  );
  workspace = new Workspace({ connection, sources, settings, log, isOpen: (uri) => open!.isOpen(uri), warmUp });
  workspace.setFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: "root" }] : []));
  open.listen();
  const reviews = new ReviewStore(
    () => workspace!.folderUris(),
    log,
    (message) => showWarning(connection, message),
  );
  const onSettingsChanged = new Emitter<void>((error) => log.error(`Provenance: ${describeError(error)}`));
  return { connection, documents, open, sources, settings, workspace, reviews, client, log, onSettingsChanged };
}

function clientSupport(caps: ClientCapabilities): ClientSupport {
  return {
    configurationPull: caps.workspace?.configuration === true,
    watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relativePatterns: caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
    configurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: caps.workspace?.workspaceFolders === true,
    semanticTokensRefresh: caps.workspace?.semanticTokens?.refreshSupport === true,
    codeLensRefresh: caps.workspace?.codeLens?.refreshSupport === true,
    relatedInformation: caps.textDocument?.publishDiagnostics?.relatedInformation === true,
    markdownHover: caps.textDocument?.hover?.contentFormat?.includes("markdown") ?? true,
  };
}
