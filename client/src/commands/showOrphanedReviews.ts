// "Provenance: Show Orphaned Reviews": verdicts whose sentence is no longer in its text (edited
// or deleted). They stay in .provenance/reviews.json until someone removes them there.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ReviewsRequest, type ReviewItem } from "../../../server/src/protocol";
import { describe } from "../views/reviewsView";

export function createShowOrphanedReviews(client: LanguageClient): () => Promise<void> {
  return async () => {
    const orphaned = (await client.sendRequest(ReviewsRequest, {})).reviews.filter((r) => r.orphaned);
    if (orphaned.length === 0) {
      void vscode.window.showInformationMessage("Provenance: every verdict still finds its sentence.");
      return;
    }
    const picked = await vscode.window.showQuickPick(
      orphaned.map((review) => ({
        label: review.sentence,
        description: describe(review),
        detail: review.note,
        review,
      })),
      { title: `Orphaned verdicts (${orphaned.length}): their sentence is gone`, matchOnDescription: true },
    );
    if (picked) await openOrphan(picked.review);
  };
}

/** Opens the document the verdict was about (the sentence is gone, so at its top). */
async function openOrphan(review: ReviewItem): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(review.uri)).then(
    (d) => d,
    () => undefined,
  );
  if (document) await vscode.window.showTextDocument(document);
  else void vscode.window.showInformationMessage(`Provenance: ${review.uri} no longer exists.`);
}
