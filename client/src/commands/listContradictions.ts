// "Provenance: List Contradictions": a quick pick of every contradiction (label = summary);
// choosing one lists its members (side A/B, source), previewed as you move, opened when picked.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ContradictionsRequest, type ContradictionItem, type ContradictionMemberItem } from "../../../server/src/protocol";
import { openLocation, shortLocation } from "../locations";

interface ContradictionPick extends vscode.QuickPickItem {
  contradiction: ContradictionItem;
}

interface MemberPick extends vscode.QuickPickItem {
  member: ContradictionMemberItem;
}

export function createListContradictions(client: LanguageClient): () => Promise<void> {
  return async () => {
    const { contradictions } = await client.sendRequest(ContradictionsRequest, {});
    if (contradictions.length === 0) {
      void vscode.window.showInformationMessage("Provenance: no contradictions between the indexed source texts.");
      return;
    }
    const picked = await vscode.window.showQuickPick(contradictions.map(toContradictionPick), {
      title: `Contradictions (${contradictions.length})`,
      placeHolder: "Pick a contradiction to see who says what",
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (picked) await pickMember(picked.contradiction);
  };
}

function kindLabel(c: ContradictionItem): string {
  if (c.revision) return "revised figure";
  return c.kind === "figure" ? "figure conflict" : "stance conflict";
}

function toContradictionPick(contradiction: ContradictionItem): ContradictionPick {
  const files = new Set(contradiction.members.map((m) => m.uri)).size;
  return {
    label: contradiction.summary,
    detail: `${kindLabel(contradiction)} · ${contradiction.members.length} mentions in ${files} file${files === 1 ? "" : "s"}${reviewCounts(contradiction)}`,
    iconPath: new vscode.ThemeIcon(contradiction.kind === "figure" ? "symbol-number" : "comment-discussion"),
    contradiction,
  };
}

/** ` · 1 verified, 1 disputed` (the reviewers' verdicts on the members), or "". */
export function reviewCounts(contradiction: ContradictionItem): string {
  const counts = new Map<string, number>();
  for (const m of contradiction.members) if (m.review) counts.set(m.review.verdict, (counts.get(m.review.verdict) ?? 0) + 1);
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
function pickMember(contradiction: ContradictionItem): Promise<void> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<MemberPick>();
    const members = [...contradiction.members].sort((a, b) => a.side.localeCompare(b.side));
    const items: Array<MemberPick | vscode.QuickPickItem> = [];
    for (const side of ["a", "b"] as const) {
      const onSide = members.filter((m) => m.side === side);
      if (onSide.length === 0) continue;
      items.push({ label: `Side ${side.toUpperCase()}`, kind: vscode.QuickPickItemKind.Separator });
      items.push(...onSide.map(toMemberPick));
    }
    quickPick.items = items as MemberPick[];
    quickPick.title = contradiction.summary;
    quickPick.placeholder = "Pick a mention to open it";
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.onDidChangeActive((active) => {
      const member = active[0]?.member;
      if (member) void openLocation(member.uri, member.range, { preview: true, preserveFocus: true }).catch(() => undefined);
    });
    quickPick.onDidAccept(() => {
      const member = quickPick.selectedItems[0]?.member;
      quickPick.hide();
      if (member) void openLocation(member.uri, member.range, { preview: false });
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve();
    });
    quickPick.show();
  });
}
