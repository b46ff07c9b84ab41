// The "Figures" tree (Provenance view container): subjects → every value given, with source
// and file; a value opens its location.
import * as vscode from "vscode";
import { FiguresRequest, type FigureGroupItem, type FigureMemberItem } from "../../../server/src/protocol";
import { shortLocation } from "../locations";
import { OPEN_LOCATION } from "../ids";
import { ServerTreeView } from "./serverTreeView";

type Node = { group: FigureGroupItem } | { member: FigureMemberItem };

export class FiguresView extends ServerTreeView<Node> {
  protected async roots(): Promise<Node[]> {
    const { groups } = await this.client.sendRequest(FiguresRequest, {});
    return [...groups]
      .sort((a, b) => Number(b.conflicting) - Number(a.conflicting) || a.label.localeCompare(b.label))
      .map((group) => ({ group }));
  }

  protected childrenOf(node: Node): Node[] {
    return "group" in node ? node.group.members.map((member) => ({ member })) : [];
  }

  override getTreeItem(node: Node): vscode.TreeItem {
    if ("group" in node) {
      const g = node.group;
      const files = new Set(g.members.map((m) => m.uri)).size;
      const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${g.members.length} value${g.members.length === 1 ? "" : "s"} · ${files} file${files === 1 ? "" : "s"}${g.conflicting ? " · conflicting" : ""}`;
      item.iconPath = new vscode.ThemeIcon(g.conflicting ? "warning" : "symbol-number");
      item.tooltip = g.label;
      return item;
    }
    const m = node.member;
    const item = new vscode.TreeItem(
      `${m.conflicting ? "⚠ " : ""}${m.text.replace(/\s+/g, " ")}${m.unit && !m.text.includes(m.unit) ? ` ${m.unit}` : ""}`,
    );
    item.description = `${m.source ?? "unattributed"} · ${shortLocation(m.uri, m.range)}${m.date ? ` · ${m.date}` : ""}`;
    item.resourceUri = vscode.Uri.parse(m.uri);
    item.iconPath = new vscode.ThemeIcon("symbol-number");
    item.command = { command: OPEN_LOCATION, title: "Open", arguments: [m.uri, m.range] };
    return item;
  }
}
