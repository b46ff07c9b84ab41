// "Provenance: Show Mentions Across Files": the figure or actor under the cursor → a peek of
// every mention of the same subject or party in the workspace.
import * as vscode from "vscode";
import { ReferencesRequest, type LanguageClient } from "vscode-languageclient/node";
import { SOURCE_LANGUAGES } from "../../../server/src/protocol";
import { peekLocations } from "../locations";

export const SHOW_MENTIONS = "provenance.showMentions";

export function createShowMentions(client: LanguageClient): () => Promise<void> {
  return async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !SOURCE_LANGUAGES.includes(editor.document.languageId)) {
      void vscode.window.showInformationMessage("Provenance: open a source text (.txt) and put the cursor on a figure or a name.");
      return;
    }
    const position = editor.selection.active;
    const params = {
      ...client.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, position),
      context: { includeDeclaration: true },
    };
    const result = await client.sendRequest(ReferencesRequest.type, params);
    const locations = (await client.protocol2CodeConverter.asReferences(result ?? [])) ?? [];
    if (locations.length === 0) {
      void vscode.window.showInformationMessage("Provenance: no figure or actor under the cursor.");
      return;
    }
    await peekLocations(editor.document.uri, position, locations);
  };
}
