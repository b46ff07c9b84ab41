// Requests about a document wait until it is analysed and, when they look across files, until
// the first workspace index is complete (bounded): never an answer as if the workspace were empty.
import type { Services } from "./services";

/** The document's pending analysis is done. */
export function documentReady(services: Services, uri: string): Promise<void> {
  return services.open.settled(uri);
}

/** The document is analysed and the first index is complete (or 10 s have passed). */
export async function workspaceReady(services: Services, uri?: string): Promise<void> {
  await Promise.all([services.workspace.whenIndexed(), uri ? services.open.settled(uri) : undefined]);
}
