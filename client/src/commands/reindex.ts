// "Provenance: Re-index Workspace".
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ReindexRequest } from "../../../server/src/protocol";

export function createReindex(client: LanguageClient): () => Promise<void> {
  return async () => {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: "Provenance: re-indexing" },
      () => client.sendRequest(ReindexRequest),
    );
    const skipped = result.skipped > 0 ? ` (${result.skipped} skipped, see the Provenance output)` : "";
    void vscode.window.showInformationMessage(
      `Provenance: indexed ${result.files} source text${result.files === 1 ? "" : "s"}${skipped}.`,
    );
  };
}
