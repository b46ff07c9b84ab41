// The command the review code actions run: asks for a note when disputing, then has the server
// record the verdict in .provenance/reviews.json. The document's text is never touched.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { SetReviewRequest, type SetReviewParams } from "../../../server/src/protocol";

export function createReview(client: LanguageClient): (params: SetReviewParams) => Promise<void> {
  return async (params) => {
    let note: string | undefined;
    if (params.verdict === "disputed") {
      note = await vscode.window.showInputBox({
        title: "Mark as disputed",
        prompt: "Why is it disputed? (optional; kept in .provenance/reviews.json)",
        placeHolder: "e.g. the ministry's own figure is lower",
        ignoreFocusOut: true,
      });
      if (note === undefined) return; // Escape: nothing recorded
    }
    const result = await client.sendRequest(SetReviewRequest, note ? { ...params, note } : params);
    if (!result.ok) throw new Error(`the verdict was not recorded: ${result.message ?? "unknown reason"}`);
  };
}
