// "Provenance: List Contradictions": a quick pick of the first page of contradictions (label =
// summary) and a "Load more" item; choosing one lists its members (side A/B, source), previewed
// as you move, opened when picked; "Show all" fetches the members an item does not carry.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { ContradictionItem, ContradictionMemberItem } from "../../../server/src/protocol";
import { allMembers, ContradictionPages, hiddenMembers, loadMoreLabel } from "../contradictionPages";
import { openLocation, shortLocation } from "../locations";

interface ContradictionPick extends vscode.QuickPickItem {
  contradiction?: ContradictionItem;
  /** The "Load more" item. */
  loadMore?: true;
}

interface MemberPick extends vscode.QuickPickItem {
  member?: ContradictionMemberItem;
  /** The "Show all" item. */
  showAll?: true;
}

export function createListContradictions(client: LanguageClient): () => Promise<void> {
  return async () => {
    const pages = new ContradictionPages(client);
    await pages.first();
    if (pages.items.length === 0) {
      void vscode.window.showInformationMessage("Provenance: no contradictions between the indexed source texts.");
      return;
    }
    const picked = await pickContradiction(pages);
    if (picked) await pickMember(client, picked);
  };
}

/** First step: the contradictions loaded so far; "Load more" appends the next page and stays open. */
function pickContradiction(pages: ContradictionPages): Promise<ContradictionItem | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<ContradictionPick>();
    let chosen: ContradictionItem | undefined;
    const show = (activeFrom?: number) => {
      const items: ContradictionPick[] = pages.items.map(toContradictionPick);
      if (pages.hasMore) items.push({ label: `$(more) ${loadMoreLabel(pages)}`, alwaysShow: true, loadMore: true });
      quickPick.items = items;
      if (activeFrom !== undefined && items[activeFrom]) quickPick.activeItems = [items[activeFrom]!];
      quickPick.title = `Contradictions (${pages.items.length === pages.total ? pages.total : `${pages.items.length} of ${pages.total}`})${pages.changed ? " — changed while loading" : ""}`;
    };
    show();
    quickPick.placeholder = "Pick a contradiction to see who says what";
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.onDidAccept(async () => {
      const item = quickPick.selectedItems[0];
      if (item?.loadMore) {
        const from = pages.items.length;
        quickPick.busy = true;
        try {
          await pages.more();
        } catch (error) {
          void vscode.window.showErrorMessage(`Provenance: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          quickPick.busy = false;
        }
        show(from);
        return;
      }
      chosen = item?.contradiction;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(chosen);
    });
    quickPick.show();
  });
}

function kindLabel(c: ContradictionItem): string {
  if (c.revision) return "revised figure";
  return c.kind === "figure" ? "figure conflict" : "stance conflict";
}

function toContradictionPick(contradiction: ContradictionItem): ContradictionPick {
  const { a, b } = contradiction.sideCounts;
  return {
    label: contradiction.summary,
    detail: `${kindLabel(contradiction)} · ${contradiction.memberCount} mentions (${a} vs ${b})${reviewCounts(contradiction)}`,
    iconPath: new vscode.ThemeIcon(contradiction.kind === "figure" ? "symbol-number" : "comment-discussion"),
    contradiction,
  };
}

/** ` · 1 verified, 1 disputed` (the reviewers' verdicts on the members), or "". */
export function reviewCounts(contradiction: ContradictionItem): string {
  const counts = new Map<string, number>();
  for (const m of contradiction.members)
    if (m.review) counts.set(m.review.verdict, (counts.get(m.review.verdict) ?? 0) + 1);
  return counts.size === 0 ? "" : ` · ${[...counts].map(([verdict, n]) => `${n} ${verdict}`).join(", ")}`;
}

/** ` · ✓ verified by Ana` for a reviewed member, or "". */
export function memberVerdict(member: ContradictionMemberItem): string {
  const r = member.review;
  if (!r) return "";
  const mark = r.verdict === "verified" ? "✓" : r.verdict === "disputed" ? "✗" : "–";
  return ` · ${mark} ${r.verdict}${r.reviewer ? ` by ${r.reviewer}` : ""}${r.note ? `: ${r.note}` : ""}`;
}

function toMemberPick(member: ContradictionMemberItem): MemberPick {
  return {
    label: `${member.side.toUpperCase()} · ${member.source ?? "unattributed"}`,
    description: `${shortLocation(member.uri, member.range)}${member.date ? ` · ${member.date}` : ""}${memberVerdict(member)}`,
    detail: member.text.replace(/\s+/g, " "),
    member,
  };
}

/** Second step: the members, side A first; moving through them previews the location. */
function pickMember(client: LanguageClient, contradiction: ContradictionItem): Promise<void> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<MemberPick>();
    const show = (members: readonly ContradictionMemberItem[], complete: boolean) => {
      const items: MemberPick[] = [];
      for (const side of ["a", "b"] as const) {
        const onSide = members.filter((m) => m.side === side);
        if (onSide.length === 0) continue;
        items.push({
          label: `Side ${side.toUpperCase()} (${contradiction.sideCounts[side]})`,
          kind: vscode.QuickPickItemKind.Separator,
        });
        items.push(...onSide.map(toMemberPick));
      }
      if (!complete)
        items.push({
          label: `$(list-flat) Show all ${contradiction.memberCount} mentions (${hiddenMembers(contradiction)} more)`,
          alwaysShow: true,
          showAll: true,
        });
      quickPick.items = items;
    };
    show(contradiction.members, hiddenMembers(contradiction) <= 0);
    quickPick.title = contradiction.summary;
    quickPick.placeholder = "Pick a mention to open it";
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.onDidChangeActive((active) => {
      const member = active[0]?.member;
      if (member)
        void openLocation(member.uri, member.range, { preview: true, preserveFocus: true }).catch(() => undefined);
    });
    quickPick.onDidAccept(async () => {
      const selected = quickPick.selectedItems[0];
      if (selected?.showAll) {
        quickPick.busy = true;
        try {
          show(await allMembers(client, contradiction.id), true);
        } catch (error) {
          void vscode.window.showErrorMessage(`Provenance: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          quickPick.busy = false;
        }
        return;
      }
      quickPick.hide();
      if (selected?.member) void openLocation(selected.member.uri, selected.member.range, { preview: false });
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve();
    });
    quickPick.show();
  });
}
