// provenance.peekLocations (internal; run by the figure code lenses): peeks the locations the
// server sends as plain LSP JSON.
import * as vscode from "vscode";
import type { WireLocation, WirePosition } from "../../../server/src/protocol";
import { peekLocations, toLocation, toPosition } from "../locations";

export function createPeekLocations(): (
  uri: string,
  position: WirePosition,
  locations: WireLocation[],
) => Promise<void> {
  return async (uri, position, locations) => {
    if (typeof uri !== "string" || !position || !Array.isArray(locations)) return;
    await peekLocations(vscode.Uri.parse(uri), toPosition(position), locations.map(toLocation));
  };
}
