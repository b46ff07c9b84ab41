// Starts the Provenance language server (dist/server.js) over IPC for plain-text and
// source-text documents, on disk or untitled, and for the files provenance.include names in each
// workspace folder whatever their language (the server decides again, lsp/served.ts).
import * as vscode from "vscode";
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { SETTINGS_SECTION, SHOW_MENTIONS_COMMAND, SOURCE_LANGUAGES } from "../../server/src/protocol";

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...SOURCE_LANGUAGES.flatMap((language) => [
        { scheme: "file", language },
        { scheme: "untitled", language },
      ]),
      ...includedFiles(),
    ],
    diagnosticCollectionName: "provenance",
    initializationOptions: plainSettings(),
    progressOnInitialization: false,
    // The server's Markdown (hovers) may run one command, the one that opens the whole list behind
    // an "… and N more" row; every text from a document is escaped by the server, no HTML.
    markdown: { isTrusted: { enabledCommands: [SHOW_MENTIONS_COMMAND] }, supportHtml: false },
  };
  return new LanguageClient("provenance", "Provenance", serverOptions, clientOptions);
}

/** The include globs of each workspace folder (read at start; *Restart Server* rereads them). */
function includedFiles(): Array<{ scheme: string; pattern: { baseUri: string; pattern: string } }> {
  return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
    const include = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder).get<unknown>("include");
    const globs = Array.isArray(include) ? include.filter((g): g is string => typeof g === "string") : [];
    return globs.map((pattern) => ({ scheme: "file", pattern: { baseUri: folder.uri.toString(), pattern } }));
  });
}

/** The settings section as plain JSON (the server pulls per-resource settings later). */
function plainSettings(): unknown {
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION)));
}
