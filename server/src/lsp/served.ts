// Which open documents the server analyses, from the editor's buffer: any document whose
// language id is a source language (whatever its path), and any file the workspace's
// provenance.include globs name (whatever its language id, so an editor that calls `.txt`
// files something else is still served). Excluded files are decided later (documents.ts).
import { SOURCE_LANGUAGES } from "../protocol";
import { canonicalUri } from "./uris";

export function isSourceLanguage(languageId: string): boolean {
  return SOURCE_LANGUAGES.includes(languageId);
}

export async function isServed(
  document: { uri: string; languageId: string },
  workspace: { isIncluded(uri: string): Promise<boolean> },
): Promise<boolean> {
  return isSourceLanguage(document.languageId) || (await workspace.isIncluded(canonicalUri(document.uri)));
}
