// "Provenance: Show Figures Table": subjects × sources × values as a generated, read-only
// Markdown document (provenance-figures:Figures.md) opened in the Markdown preview; it is
// regenerated whenever the corpus changes.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { FiguresRequest } from "../../../server/src/protocol";
import { renderFiguresMarkdown } from "../figuresMarkdown";

export const FIGURES_SCHEME = "provenance-figures";
export const FIGURES_URI = vscode.Uri.from({ scheme: FIGURES_SCHEME, path: "/Figures.md" });

export class FiguresDocumentProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(): Promise<string> {
    try {
      return renderFiguresMarkdown(await this.client.sendRequest(FiguresRequest, {}));
    } catch (error) {
      return `# Figures across sources\n\nThe language server could not list the figures: ${String(error)}\n`;
    }
  }

  /** The corpus changed: an open preview re-renders. */
  refresh(): void {
    this.changed.fire(FIGURES_URI);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function createShowFiguresTable(provider: FiguresDocumentProvider): () => Promise<void> {
  return async () => {
    provider.refresh();
    await vscode.commands.executeCommand("markdown.showPreview", FIGURES_URI);
  };
}
