// The status bar item: claims in the active source text, contradictions in the workspace, and
// indexing progress. Clicking it lists the contradictions.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { DocumentStatsRequest, SOURCE_LANGUAGES, type IndexingStatusParams } from "../../server/src/protocol";

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("provenance.status", vscode.StatusBarAlignment.Right, 100);
  private indexing: IndexingStatusParams | undefined;
  private timer: NodeJS.Timeout | undefined;
  private request = 0;

  constructor(
    private readonly client: LanguageClient,
    command: string,
  ) {
    this.item.name = "Provenance";
    this.item.command = command;
  }

  setIndexing(status: IndexingStatusParams): void {
    this.indexing = status.indexing ? status : undefined;
    this.scheduleUpdate(0);
  }

  /** Recomputes soon (coalescing bursts of changes). */
  scheduleUpdate(delay = 150): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const id = ++this.request;
    const editor = vscode.window.activeTextEditor;
    const isSource = editor !== undefined && SOURCE_LANGUAGES.includes(editor.document.languageId);
    if (this.indexing) {
      const { done, total } = this.indexing;
      this.item.text = `$(sync~spin) Provenance: indexing${total > 0 ? ` ${done}/${total}` : "…"}`;
      this.item.tooltip = "Provenance is indexing the source texts of the workspace";
      this.item.show();
      return;
    }
    if (!isSource || !this.client.isRunning()) {
      this.item.hide();
      return;
    }
    try {
      const stats = await this.client.sendRequest(DocumentStatsRequest, { uri: editor.document.uri.toString() });
      if (id !== this.request) return; // a newer update is under way
      if (!stats.analysed) {
        this.item.text = "$(circle-slash) Provenance";
        this.item.tooltip = stats.skippedReason
          ? `Not analysed: ${stats.skippedReason}`
          : "This document is not analysed";
      } else {
        this.item.text = `$(quote) ${stats.claims} claim${stats.claims === 1 ? "" : "s"}  $(warning) ${stats.workspaceContradictions}`;
        const tooltip = new vscode.MarkdownString(
          [
            `**Provenance**`,
            "",
            `- This file: ${stats.claims} claims, ${stats.figures} figures, ${stats.actors} actors, ${stats.contradictions} contradictions`,
            `- Workspace: ${stats.workspaceContradictions} contradictions`,
            "",
            "Click to list the contradictions.",
          ].join("\n"),
        );
        this.item.tooltip = tooltip;
      }
      this.item.show();
    } catch {
      this.item.hide();
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
  }
}
