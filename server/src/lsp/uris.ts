// URI helpers: one canonical spelling per file (VS Code's), so open documents and files read
// from disk share corpus entries.
import { URI } from "vscode-uri";

export function canonicalUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

export function uriOfPath(fsPath: string): string {
  return URI.file(fsPath).toString();
}

/** The file-system path of a `file:` URI, or undefined for other schemes. */
export function pathOfUri(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === "file" ? parsed.fsPath : undefined;
}

/** Last path segment, for display (`kyiv-bulletin.txt`). */
export function fileName(uri: string): string {
  const path = URI.parse(uri).path;
  const slash = path.lastIndexOf("/");
  return decodeURIComponent(slash >= 0 ? path.slice(slash + 1) : path) || uri;
}

/** Whether `uri` is `folderUri` itself or inside it. */
export function isUnder(uri: string, folderUri: string): boolean {
  const folder = folderUri.endsWith("/") ? folderUri : `${folderUri}/`;
  return uri === folderUri || uri.startsWith(folder);
}
