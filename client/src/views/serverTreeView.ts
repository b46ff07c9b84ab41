// What both Provenance trees share: their data comes from the language server, and they refresh
// when the server says the corpus changed.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

export abstract class ServerTreeView<Node> implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(protected readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return this.childrenOf(node);
    return this.client.isRunning() ? this.roots() : [];
  }

  abstract getTreeItem(node: Node): vscode.TreeItem;
  /** The top-level items, asked of the server (only called while it runs). */
  protected abstract roots(): Promise<Node[]>;
  protected abstract childrenOf(node: Node): Node[];
}
