// Activation only: start the language client, then wire commands, views and the status bar.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import {
  ContradictionsRequest,
  CorpusChangedNotification,
  FiguresRequest,
  IndexingStatusNotification,
  PEEK_LOCATIONS_COMMAND,
  REVIEW_COMMAND,
  ReviewsChangedNotification,
  SHOW_MENTIONS_COMMAND,
  type ContradictionItem,
  type ContradictionsResult,
  type FiguresResult,
} from "../../server/src/protocol";
import { createListContradictions } from "./commands/listContradictions";
import { createOpenLocation } from "./commands/openLocation";
import { createPeekLocations } from "./commands/peekLocations";
import { createReindex } from "./commands/reindex";
import { createRestartServer } from "./commands/restartServer";
import { createShowFiguresTable, FiguresPanel } from "./commands/showFiguresTable";
import { createShowMentions } from "./commands/showMentions";
import { createShowOutput } from "./commands/showOutput";
import { createReview } from "./commands/review";
import { createShowOrphanedReviews } from "./commands/showOrphanedReviews";
import { createLanguageClient } from "./languageClient";
import { StatusBar } from "./statusBar";
import { ContradictionsView } from "./views/contradictionsView";
import { FiguresView } from "./views/figuresView";
import { ReviewsView } from "./views/reviewsView";
import {
  CONTRADICTIONS_VIEW,
  FIGURES_VIEW,
  LOAD_MORE_CONTRADICTIONS,
  OPEN_LOCATION,
  RESTART_SERVER,
  REVIEWS_VIEW,
  SHOW_ALL_MEMBERS,
  SHOW_OUTPUT,
} from "./ids";

let client: LanguageClient | undefined;

/** What the extension exports (for other extensions and the in-editor tests). */
export interface ProvenanceApi {
  /** The first page of provenance/contradictions (up to 100; `total` and `nextCursor` say what is left). */
  contradictions(uri?: string): Promise<ContradictionsResult>;
  figures(uri?: string): Promise<FiguresResult>;
}

export async function activate(context: vscode.ExtensionContext): Promise<ProvenanceApi> {
  client = createLanguageClient(context);
  const running = client;
  const contradictions = new ContradictionsView(client);
  const figures = new FiguresView(client);
  const reviews = new ReviewsView(client);
  const figuresPanel = new FiguresPanel(client);
  const status = new StatusBar(client, "provenance.listContradictions");
  const command = (id: string, handler: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, withErrorMessage(handler)));

  command(SHOW_MENTIONS_COMMAND, createShowMentions(client));
  command("provenance.listContradictions", createListContradictions(client));
  command("provenance.showFiguresTable", createShowFiguresTable(figuresPanel));
  command("provenance.reindex", createReindex(client));
  command(PEEK_LOCATIONS_COMMAND, createPeekLocations());
  command(OPEN_LOCATION, createOpenLocation());
  command(LOAD_MORE_CONTRADICTIONS, () => contradictions.loadMore());
  command(SHOW_ALL_MEMBERS, (item: ContradictionItem) => contradictions.showAllMembers(item));
  command(SHOW_OUTPUT, createShowOutput(client));
  command(
    RESTART_SERVER,
    createRestartServer(client, () => {
      contradictions.refresh();
      figures.refresh();
      status.scheduleUpdate(0);
    }),
  );
  command(REVIEW_COMMAND, createReview(client));
  command("provenance.showOrphanedReviews", createShowOrphanedReviews(client));

  context.subscriptions.push(
    figuresPanel,
    status,
    vscode.window.createTreeView(CONTRADICTIONS_VIEW, { treeDataProvider: contradictions, showCollapseAll: true }),
    vscode.window.createTreeView(FIGURES_VIEW, { treeDataProvider: figures, showCollapseAll: true }),
    vscode.window.createTreeView(REVIEWS_VIEW, { treeDataProvider: reviews }),
    client.onNotification(ReviewsChangedNotification, () => {
      reviews.refresh();
      contradictions.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => status.scheduleUpdate(0)),
    client.onNotification(CorpusChangedNotification, () => {
      contradictions.refresh();
      figures.refresh();
      reviews.refresh();
      void figuresPanel.refresh().catch(() => undefined);
      status.scheduleUpdate();
    }),
    client.onNotification(IndexingStatusNotification, (params) => status.setIndexing(params)),
  );

  await client.start();
  contradictions.refresh();
  figures.refresh();
  reviews.refresh();
  status.scheduleUpdate(0);
  return {
    contradictions: (uri) => running.sendRequest(ContradictionsRequest, uri ? { uri } : {}),
    figures: (uri) => running.sendRequest(FiguresRequest, uri ? { uri } : {}),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Commands report failures as an error message instead of failing silently. */
function withErrorMessage(handler: (...args: never[]) => unknown): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    try {
      // VS Code hands over the caller's arguments untyped.
      await handler(...(args as never[]));
    } catch (error) {
      void vscode.window.showErrorMessage(`Provenance: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
