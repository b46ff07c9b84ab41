// The "Contradictions" tree (Provenance view container): contradictions → members; a member
// opens its location.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ContradictionsRequest, type ContradictionItem, type ContradictionMemberItem } from "../../../server/src/protocol";
import { shortLocation } from "../locations";
import { OPEN_LOCATION } from "../ids";

type Node = { contradiction: ContradictionItem } | { member: ContradictionMemberItem };

export class ContradictionsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      if (!this.client.isRunning()) return [];
      const { contradictions } = await this.client.sendRequest(ContradictionsRequest, {});
      return contradictions.map((contradiction) => ({ contradiction }));
    }
    if ("contradiction" in node) {
      return [...node.contradiction.members].sort((a, b) => a.side.localeCompare(b.side)).map((member) => ({ member }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ("contradiction" in node) {
      const c = node.contradiction;
      const item = new vscode.TreeItem(c.summary, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = c.revision ? "revised figure" : c.kind === "figure" ? "figure" : "stance";
      item.tooltip = new vscode.MarkdownString(`**${c.kind === "figure" ? "Figure conflict" : "Stance conflict"}**\n\n${c.summary}`);
      item.iconPath = new vscode.ThemeIcon(c.kind === "figure" ? "symbol-number" : "comment-discussion");
      item.contextValue = "contradiction";
      return item;
    }
    const m = node.member;
    const item = new vscode.TreeItem(`${m.side.toUpperCase()} · ${m.source ?? "unattributed"}: ${m.text.replace(/\s+/g, " ")}`);
    item.description = `${shortLocation(m.uri, m.range)}${m.date ? ` · ${m.date}` : ""}`;
    item.tooltip = m.text;
    item.resourceUri = vscode.Uri.parse(m.uri);
    item.iconPath = new vscode.ThemeIcon(m.side === "a" ? "circle-filled" : "circle-outline");
    item.command = { command: OPEN_LOCATION, title: "Open", arguments: [m.uri, m.range] };
    return item;
  }
}
