// "Provenance: Show Figures Table": subjects × sources × values in a webview (no remote
// resources, strict CSP) that follows the corpus; a value's location opens in the editor, and
// "Open as Markdown" gives the same table as an (unsaved) Markdown document.
import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { FiguresRequest, type FiguresResult, type WireRange } from "../../../server/src/protocol";
import { renderFiguresHtml } from "../figuresHtml";
import { renderFiguresMarkdown } from "../figuresMarkdown";
import { openLocation } from "../locations";

export class FiguresPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private latest: FiguresResult = { groups: [] };

  constructor(private readonly client: LanguageClient) {}

  async show(): Promise<void> {
    if (this.panel) this.panel.reveal(undefined, false);
    else this.panel = this.createPanel();
    await this.refresh();
  }

  /** Re-renders an open panel (the corpus changed). */
  async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    this.latest = await this.client.sendRequest(FiguresRequest, {});
    if (this.panel !== panel) return; // closed meanwhile
    panel.webview.html = renderFiguresHtml(this.latest, {
      nonce: randomBytes(16).toString("base64"),
      cspSource: panel.webview.cspSource,
    });
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      "provenance.figures",
      "Figures across sources",
      vscode.ViewColumn.Beside,
      {
        enableScripts: true,
        localResourceRoots: [],
        enableFindWidget: true,
      },
    );
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message));
    return panel;
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isRecord(message)) return;
    if (message.type === "open" && typeof message.uri === "string" && isRange(message.range)) {
      await openLocation(message.uri, message.range, { preview: false, viewColumn: vscode.ViewColumn.One });
    } else if (message.type === "markdown") {
      const document = await vscode.workspace.openTextDocument({
        language: "markdown",
        content: renderFiguresMarkdown(this.latest),
      });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isRange(value: unknown): value is WireRange {
  const isPosition = (p: unknown) => isRecord(p) && Number.isInteger(p.line) && Number.isInteger(p.character);
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}

export function createShowFiguresTable(panel: FiguresPanel): () => Promise<void> {
  return () => panel.show();
}
