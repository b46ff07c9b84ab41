// The "Contradictions" tree (Provenance view container): the first page of contradictions and a
// "Load more… (N of TOTAL)" node; each contradiction → its members (the first few of each side,
// and "Show all M members" when there are more); a member opens its location.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { ContradictionItem, ContradictionMemberItem } from "../../../server/src/protocol";
import { shortLocation } from "../locations";
import { LOAD_MORE_CONTRADICTIONS, OPEN_LOCATION, SHOW_ALL_MEMBERS } from "../ids";
import { memberVerdict, reviewCounts } from "../commands/listContradictions";
import { allMembers, ContradictionPages, hiddenMembers, loadMoreLabel } from "../contradictionPages";
import { ServerTreeView } from "./serverTreeView";

type Node =
  | { contradiction: ContradictionItem }
  | { member: ContradictionMemberItem }
  | { loadMore: true }
  | { showAll: ContradictionItem };

export class ContradictionsView extends ServerTreeView<Node> {
  private readonly pages: ContradictionPages;
  /** Full member lists fetched with "Show all", by contradiction id (until the next refresh). */
  private readonly fullMembers = new Map<string, ContradictionMemberItem[]>();

  constructor(client: LanguageClient) {
    super(client);
    this.pages = new ContradictionPages(client);
  }

  /** The server's contradictions changed: start again from the first page. */
  override refresh(): void {
    this.pages.reset();
    this.fullMembers.clear();
    super.refresh();
  }

  /** Appends the next page (the "Load more" node's command). */
  async loadMore(): Promise<void> {
    await this.pages.more();
    super.refresh();
  }

  /** Fetches every member of a contradiction (the "Show all" node's command). */
  async showAllMembers(contradiction: ContradictionItem): Promise<void> {
    this.fullMembers.set(contradiction.id, await allMembers(this.client, contradiction.id));
    super.refresh();
  }

  protected async roots(): Promise<Node[]> {
    if (!this.pages.loaded) await this.pages.first();
    const nodes: Node[] = this.pages.items.map((contradiction) => ({ contradiction }));
    if (this.pages.hasMore) nodes.push({ loadMore: true });
    return nodes;
  }

  protected childrenOf(node: Node): Node[] {
    if (!("contradiction" in node)) return [];
    const c = node.contradiction;
    const full = this.fullMembers.get(c.id);
    const members: Node[] = (full ?? c.members).map((member) => ({ member }));
    if (!full && hiddenMembers(c) > 0) members.push({ showAll: c });
    return members;
  }

  override getTreeItem(node: Node): vscode.TreeItem {
    if ("loadMore" in node) return this.loadMoreItem();
    if ("showAll" in node) return showAllItem(node.showAll);
    if ("contradiction" in node) return contradictionItem(node.contradiction);
    return memberItem(node.member);
  }

  private loadMoreItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(loadMoreLabel(this.pages));
    item.id = "provenance.contradictions.loadMore";
    item.iconPath = new vscode.ThemeIcon("more");
    item.command = { command: LOAD_MORE_CONTRADICTIONS, title: "Load more contradictions" };
    if (this.pages.changed)
      item.tooltip = "The contradictions changed while pages were loaded: refresh to see the list as it is now.";
    return item;
  }
}

function contradictionItem(c: ContradictionItem): vscode.TreeItem {
  const item = new vscode.TreeItem(c.summary, vscode.TreeItemCollapsibleState.Collapsed);
  // A stable id keeps the node expanded when the tree is redrawn (more pages, all members).
  item.id = `provenance.contradiction.${c.id}`;
  const mentions = `${c.memberCount} mention${c.memberCount === 1 ? "" : "s"}`;
  item.description = `${c.revision ? "revised figure" : c.kind === "figure" ? "figure" : "stance"} · ${mentions}${reviewCounts(c)}`;
  item.tooltip = new vscode.MarkdownString(
    `**${c.kind === "figure" ? "Figure conflict" : "Stance conflict"}**\n\n`,
  ).appendText(c.summary);
  item.iconPath = new vscode.ThemeIcon(c.kind === "figure" ? "symbol-number" : "comment-discussion");
  item.contextValue = "contradiction";
  return item;
}

function showAllItem(c: ContradictionItem): vscode.TreeItem {
  const item = new vscode.TreeItem(`Show all ${c.memberCount} mentions (${hiddenMembers(c)} more)`);
  item.id = `provenance.contradiction.${c.id}.all`;
  item.iconPath = new vscode.ThemeIcon("list-flat");
  item.command = { command: SHOW_ALL_MEMBERS, title: "Show all mentions", arguments: [c] };
  return item;
}

function memberItem(m: ContradictionMemberItem): vscode.TreeItem {
  const item = new vscode.TreeItem(
    `${m.side.toUpperCase()} · ${m.source ?? "unattributed"}: ${m.text.replace(/\s+/g, " ")}`,
  );
  item.description = `${shortLocation(m.uri, m.range)}${m.date ? ` · ${m.date}` : ""}${memberVerdict(m)}`;
  item.tooltip = m.text;
  item.resourceUri = vscode.Uri.parse(m.uri);
  item.iconPath = new vscode.ThemeIcon(m.side === "a" ? "circle-filled" : "circle-outline");
  item.command = { command: OPEN_LOCATION, title: "Open", arguments: [m.uri, m.range] };
  return item;
}
