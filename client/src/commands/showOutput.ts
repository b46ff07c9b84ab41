// "Provenance: Show Output": the language server's log (skipped files, failures, traces).
import type { LanguageClient } from "vscode-languageclient/node";

export function createShowOutput(client: LanguageClient): () => void {
  return () => client.outputChannel.show(true);
}
