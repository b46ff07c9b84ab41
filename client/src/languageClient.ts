// Starts the Provenance language server (dist/server.js) over IPC for plain-text and
// source-text documents, on disk or untitled.
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { SETTINGS_SECTION, SOURCE_LANGUAGES } from "../../server/src/protocol";

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SOURCE_LANGUAGES.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    diagnosticCollectionName: "provenance",
    initializationOptions: plainSettings(),
    progressOnInitialization: false,
  };
  return new LanguageClient("provenance", "Provenance", serverOptions, clientOptions);
}

/** The settings section as plain JSON (the server pulls per-resource settings later). */
function plainSettings(): unknown {
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SETTINGS_SECTION)));
}
