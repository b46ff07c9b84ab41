// Opening and peeking locations sent by the server (plain LSP JSON → vscode types).
import * as vscode from "vscode";
import type { WireLocation, WirePosition, WireRange } from "../../server/src/protocol";

export function toRange(range: WireRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toPosition(position: WirePosition): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toLocation(location: WireLocation): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(location.uri), toRange(location.range));
}

/** Opens a document with the range selected. */
export async function openLocation(
  uri: string,
  range: WireRange,
  options: { preview?: boolean; preserveFocus?: boolean; viewColumn?: vscode.ViewColumn } = {},
): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  await vscode.window.showTextDocument(document, {
    selection: toRange(range),
    preview: options.preview ?? true,
    preserveFocus: options.preserveFocus ?? false,
    ...(options.viewColumn !== undefined ? { viewColumn: options.viewColumn } : {}),
  });
}

/** Shows locations in a peek view anchored at `uri`/`position`. */
export async function peekLocations(
  uri: vscode.Uri,
  position: vscode.Position,
  locations: vscode.Location[],
): Promise<void> {
  await vscode.commands.executeCommand("editor.action.peekLocations", uri, position, locations, "peek");
}

/** `kyiv-bulletin.txt:5` */
export function shortLocation(uri: string, range: WireRange): string {
  const path = vscode.Uri.parse(uri).path;
  return `${path.slice(path.lastIndexOf("/") + 1)}:${range.start.line + 1}`;
}
