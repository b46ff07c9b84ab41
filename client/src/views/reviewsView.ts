// The "Reviews" tree (Provenance view container): every verdict of the workspace, orphaned ones
// (their sentence is gone from the text) first; a located verdict opens its claim or figure.
import * as vscode from "vscode";
import { ReviewsRequest, type ReviewItem } from "../../../server/src/protocol";
import { OPEN_LOCATION } from "../ids";
import { shortLocation } from "../locations";
import { ServerTreeView } from "./serverTreeView";

export const VERDICT_ICON: Record<ReviewItem["verdict"], string> = {
  verified: "pass",
  disputed: "error",
  ignored: "circle-slash",
};

export class ReviewsView extends ServerTreeView<ReviewItem> {
  protected async roots(): Promise<ReviewItem[]> {
    return (await this.client.sendRequest(ReviewsRequest, {})).reviews;
  }

  protected childrenOf(): ReviewItem[] {
    return [];
  }

  override getTreeItem(review: ReviewItem): vscode.TreeItem {
    const what = review.target === "figure" ? `figure ${review.figure} in ` : "";
    const item = new vscode.TreeItem(
      `${review.orphaned ? "orphaned · " : ""}${review.verdict}${review.reviewer ? ` by ${review.reviewer}` : ""}`,
    );
    item.description = `${where(review)} · ${what}${review.sentence}`;
    item.tooltip = new vscode.MarkdownString().appendText(
      `${review.sentence}\n\n${describe(review)}${review.note ? `\n\n${review.note}` : ""}`,
    );
    item.iconPath = new vscode.ThemeIcon(review.orphaned ? "warning" : VERDICT_ICON[review.verdict]);
    item.contextValue = review.orphaned ? "orphanedReview" : "review";
    if (review.range) item.command = { command: OPEN_LOCATION, title: "Open", arguments: [review.uri, review.range] };
    return item;
  }
}

/** `harbour.txt:3`, or `harbour.txt (sentence gone)` for an orphan. */
function where(review: ReviewItem): string {
  const path = vscode.Uri.parse(review.uri).path;
  return review.range
    ? shortLocation(review.uri, review.range)
    : `${path.slice(path.lastIndexOf("/") + 1)} (sentence gone)`;
}

/** `verified by Ana · harbour.txt:3`, `orphaned · disputed by Bo · harbour.txt (sentence gone)` */
export function describe(review: ReviewItem): string {
  const by = review.reviewer ? ` by ${review.reviewer}` : "";
  return `${review.orphaned ? "orphaned · " : ""}${review.verdict}${by} · ${where(review)}`;
}
