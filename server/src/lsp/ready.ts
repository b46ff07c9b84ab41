// Requests wait until what they answer from is current: the document's newest text analysed, disk
// reloads under way finished, and, when they look across files, the first workspace index complete
// (bounded): never an answer from an older text or as if the workspace were empty. A cancellation
// that arrived meanwhile then stops the request.
import type { CancellationToken } from "vscode-languageserver";
import { throwIfCancelled } from "./safe";
import type { Services } from "./services";

/** The document's waiting analysis has run and disk reloads are done; then honours cancellation. */
export async function whenCurrent(services: Services, uri: string, token?: CancellationToken): Promise<void> {
  await services.open.settled(uri);
  await services.workspace.settled();
  throwIfCancelled(token);
}

/** As whenCurrent (when a document is named), and the first index is complete (or 10 s have passed). */
export async function workspaceReady(services: Services, uri?: string, token?: CancellationToken): Promise<void> {
  await Promise.all([services.workspace.whenIndexed(), uri ? whenCurrent(services, uri) : undefined]);
  throwIfCancelled(token);
}
