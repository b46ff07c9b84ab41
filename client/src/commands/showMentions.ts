// "Provenance: Show Mentions Across Files": the figure or actor under the cursor → a peek of
// every mention of the same subject or party in the workspace. With one MentionsParams (a hover's
// "… and N more" link, the code action "Show all N mentions"): a peek of that whole list.
import * as vscode from "vscode";
import { ReferencesRequest, type LanguageClient } from "vscode-languageclient/node";
import { MentionsRequest, SOURCE_LANGUAGES, type MentionsParams } from "../../../server/src/protocol";
import { peekLocations, toLocation, toPosition } from "../locations";

export function createShowMentions(client: LanguageClient): (params?: unknown) => Promise<void> {
  return async (params) => {
    // The palette passes nothing, the editor's context menu the document's URI: the cursor decides.
    if (!isMentionsParams(params)) return showMentionsAtCursor(client);
    const { locations } = await client.sendRequest(MentionsRequest, params);
    if (locations.length === 0) {
      void vscode.window.showInformationMessage(
        "Provenance: nothing to show here any more (the text changed); hover again.",
      );
      return;
    }
    await peekLocations(vscode.Uri.parse(params.uri), toPosition(params.position), locations.map(toLocation));
  };
}

async function showMentionsAtCursor(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !SOURCE_LANGUAGES.includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage(
      "Provenance: open a source text (.txt) and put the cursor on a figure or a name.",
    );
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
}

const TARGETS: ReadonlyArray<MentionsParams["target"]> = ["figure", "actor", "claim"];
const LISTS: ReadonlyArray<MentionsParams["list"]> = ["mentions", "related", "conflicts", "claims"];

function isMentionsParams(value: unknown): value is MentionsParams {
  if (typeof value !== "object" || value === null) return false;
  const p = value as Record<string, unknown>;
  const position = p.position as Record<string, unknown> | undefined;
  return (
    typeof p.uri === "string" &&
    typeof position === "object" &&
    position !== null &&
    Number.isInteger(position.line) &&
    Number.isInteger(position.character) &&
    TARGETS.includes(p.target as MentionsParams["target"]) &&
    LISTS.includes(p.list as MentionsParams["list"])
  );
}
