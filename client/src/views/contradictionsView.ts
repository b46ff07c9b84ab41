// The "Contradictions" tree (Provenance view container): contradictions → members; a member
// opens its location.
import * as vscode from "vscode";
import { ContradictionsRequest, type ContradictionItem, type ContradictionMemberItem } from "../../../server/src/protocol";
import { shortLocation } from "../locations";
import { OPEN_LOCATION } from "../ids";
import { memberVerdict, reviewCounts } from "../commands/listContradictions";
import { ServerTreeView } from "./serverTreeView";

type Node = { contradiction: ContradictionItem } | { member: ContradictionMemberItem };

export class ContradictionsView extends ServerTreeView<Node> {
  protected async roots(): Promise<Node[]> {
    const { contradictions } = await this.client.sendRequest(ContradictionsRequest, {});
    return contradictions.map((contradiction) => ({ contradiction }));
  }

  protected childrenOf(node: Node): Node[] {
    if (!("contradiction" in node)) return [];
    return [...node.contradiction.members].sort((a, b) => a.side.localeCompare(b.side)).map((member) => ({ member }));
  }

  override getTreeItem(node: Node): vscode.TreeItem {
    if ("contradiction" in node) {
      const c = node.contradiction;
      const item = new vscode.TreeItem(c.summary, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = (c.revision ? "revised figure" : c.kind === "figure" ? "figure" : "stance") + reviewCounts(c);
      item.tooltip = new vscode.MarkdownString(`**${c.kind === "figure" ? "Figure conflict" : "Stance conflict"}**\n\n${c.summary}`);
      item.iconPath = new vscode.ThemeIcon(c.kind === "figure" ? "symbol-number" : "comment-discussion");
      item.contextValue = "contradiction";
      return item;
    }
    const m = node.member;
    const item = new vscode.TreeItem(`${m.side.toUpperCase()} · ${m.source ?? "unattributed"}: ${m.text.replace(/\s+/g, " ")}`);
    item.description = `${shortLocation(m.uri, m.range)}${m.date ? ` · ${m.date}` : ""}${memberVerdict(m)}`;
    item.tooltip = m.text;
    item.resourceUri = vscode.Uri.parse(m.uri);
    item.iconPath = new vscode.ThemeIcon(m.side === "a" ? "circle-filled" : "circle-outline");
    item.command = { command: OPEN_LOCATION, title: "Open", arguments: [m.uri, m.range] };
    return item;
  }
}
