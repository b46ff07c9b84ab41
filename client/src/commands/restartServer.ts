// "Provenance: Restart Server": stops and starts the language server, which then re-indexes the
// workspace (after an update of the extension, or when it seems stuck).
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

export function createRestartServer(client: LanguageClient, afterRestart: () => void): () => Promise<void> {
  return async () => {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: "Provenance: restarting the language server" },
      () => client.restart(),
    );
    afterRestart();
    void vscode.window.showInformationMessage("Provenance: the language server restarted.");
  };
}
