// Counts for the client's status bar (provenance/documentStats) and the notification that the
// corpus changed (views, counts and tables are stale).
import {
  CorpusChangedNotification,
  DocumentStatsRequest,
  type DocumentStats,
  type DocumentStatsParams,
} from "../../protocol";
import { guarded } from "../safe";
import type { Services } from "../services";
import { whenCurrent } from "../ready";
import type { CancellationToken } from "vscode-languageserver";
import { canonicalUri } from "../uris";

export function registerStatus(services: Services): void {
  const { connection, sources, log } = services;
  const none: DocumentStats = {
    analysed: false,
    claims: 0,
    figures: 0,
    actors: 0,
    contradictions: 0,
    workspaceContradictions: 0,
  };
  connection.onRequest(
    DocumentStatsRequest,
    guarded(log, "provenance/documentStats", none, async (params: DocumentStatsParams, token: CancellationToken) => {
      await whenCurrent(services, params.uri, token);
      return documentStats(services, params.uri);
    }),
  );
  sources.onDidChange((change) => {
    // No counts here: contradictions can be costly on a large corpus and clients may not need them.
    void connection.sendNotification(CorpusChangedNotification, {
      generation: change.generation,
      files: sources.files().length,
    });
  });
}

export function documentStats(services: Services, rawUri: string): DocumentStats {
  const uri = canonicalUri(rawUri);
  const { sources } = services;
  const analysis = sources.analysis(uri);
  const skippedReason = sources.skipReason(uri);
  return {
    analysed: analysis !== undefined,
    claims: analysis?.claims.length ?? 0,
    figures: analysis?.figures.length ?? 0,
    actors: new Set(analysis?.actors.map((a) => a.canonical) ?? []).size,
    contradictions: sources.contradictionsTouching(uri).length,
    workspaceContradictions: sources.contradictions().length,
    ...(skippedReason ? { skippedReason } : {}),
  };
}
