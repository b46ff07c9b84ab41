// Diagnostics for open source documents: the engine's findings (engine/findings.ts decides codes,
// severities, spans and messages), presented as LSP diagnostics. Republished for every open
// document whose diagnostics change when the corpus changes (another file edited, created, deleted).
import type { Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { findingsOf, warmUpTexts, type FileRelations, type Finding } from "../../engine";
import type { ProvenanceSettings } from "../../protocol";
import { normalizeSettings } from "../../shared/settings";
import { boundDiagnostics } from "../bounds";
import { findingToDiagnostic } from "../convert";
import { conflictsOf, figureGroupOf } from "../lookup";
import { describeError } from "../safe";
import { afterWaitingMessages } from "../turns";
import type { Services } from "../services";
import { SourceIndex, type ContradictionView } from "../sources";
import { canonicalUri } from "../uris";
import { applyReviews } from "./reviews";

export function registerDiagnostics(services: Services): void {
  const { connection, open, sources, log } = services;
  /** Last published diagnostics per document URI, to publish only what changed. */
  const published = new Map<string, Diagnostic[]>();

  const publish = async (document: TextDocument, options: { force?: boolean; settled?: boolean } = {}) => {
    try {
      const uri = canonicalUri(document.uri);
      // Right after an analysis, the settings it read (no second read, no turn waited on the edit path).
      const analyzedWith = options.settled ? open.settingsAnalyzedWith(uri) : undefined;
      const settings = analyzedWith ?? (await services.settings.get(uri));
      const current = open.get(uri);
      if (!current) return; // closed while waiting for settings
      const view = options.settled ? sources.settledView() : sources.freshView();
      const diagnostics = boundDiagnostics(
        applyReviews(services, uri, computeDiagnostics(sources, uri, settings, view)),
      );
      const previous = published.get(current.uri);
      if (!options.force && previous && sameJson(previous, diagnostics)) return;
      published.set(current.uri, diagnostics);
      await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    } catch (error) {
      log.error(`Provenance: diagnostics for ${document.uri} failed: ${describeError(error)}`);
    }
  };

  // The edited document is published at once (even when unchanged, so a client waiting for its
  // version hears back), with the conflicts last computed: recomputing the corpus's contradictions
  // can take long on a large workspace. The debounced corpus change that follows recomputes them
  // and republishes every open document whose diagnostics changed.
  open.onDidAnalyze.on((document) => void publish(document, { force: true, settled: true }));
  open.onDidClose.on((document) => {
    published.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  // Each open document in its own turn, after the messages already read: an edit read meanwhile
  // is analysed and published first, and a document whose edit awaits its analysis is left to
  // that analysis's publication (the change event it brings republishes it if need be).
  sources.onDidChange(() => {
    for (const document of open.all())
      afterWaitingMessages(() => {
        if (!open.isAnalyzing(document.uri)) void publish(document);
      });
  });
  services.onSettingsChanged.on(() => {
    for (const document of open.all()) void publish(document);
  });
  services.reviews.onDidChange.on(() => {
    for (const document of open.all()) void publish(document);
  });
}

/** Every diagnostic of one analysed file, given its settings. */
export function computeDiagnostics(
  sources: SourceIndex,
  uri: string,
  settings: ProvenanceSettings,
  view: ContradictionView = sources.freshView(),
): Diagnostic[] {
  const map = sources.lineMap(uri);
  if (!map) return [];
  const lineMapOf = (file: string) => sources.lineMap(file);
  return computeFindings(sources, uri, settings, view).flatMap(
    (finding) => findingToDiagnostic(finding, map, lineMapOf) ?? [],
  );
}

/** The engine's findings for one analysed file, with the contradictions of `view`. */
export function computeFindings(
  sources: SourceIndex,
  uri: string,
  settings: ProvenanceSettings,
  view: ContradictionView = sources.freshView(),
): Finding[] {
  const analysis = sources.analysis(uri);
  return analysis ? findingsOf(uri, analysis, relationsOf(sources, view, uri), settings) : [];
}

function relationsOf(sources: SourceIndex, view: ContradictionView, uri: string): FileRelations {
  return {
    conflicts: (span, kind) => conflictsOf(view, uri, span, kind),
    // With the last computed contradictions, the groups as last formed: nothing regrouped on the edit path.
    figureGroup: (index) => figureGroupOf(sources, uri, index, !view.fresh),
  };
}

/**
 * Whether two JSON values (plain objects, arrays, strings, numbers, booleans, null) say the same:
 * keys whose value is undefined count as absent, as in their JSON. Walked, not stringified: most
 * of a republication's diagnostics share their objects with the last one (related locations,
 * ranges), and a difference stops the walk.
 */
export function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameJson(x[i], y[i])) return false;
    return true;
  }
  const p = x as Record<string, unknown>;
  const q = y as Record<string, unknown>;
  let keys = 0;
  for (const key in p) {
    if (p[key] === undefined) continue;
    keys++;
    if (!sameJson(p[key], q[key])) return false;
  }
  for (const key in q) if (q[key] !== undefined) keys--;
  return keys === 0;
}

/**
 * Runs an edit's path (analysis into a corpus, findings, diagnostics and their JSON) over the
 * engine's warm-up text and its edits, in a corpus of its own, so that the first edits of the
 * user's documents run compiled code (0.1–0.2 s at start-up).
 */
export function warmUpDiagnostics(rounds = 20): void {
  const path = editPathWarmUp();
  for (const text of warmUpTexts(rounds)) path.run(text);
  path.end();
}

/**
 * An edit's path, one text at a time, as an open document of a corpus of its own (nothing of
 * it reaches the server's corpus or the client).
 */
export function editPathWarmUp(): { run(text: string): void; end(): void } {
  const quiet = () => {};
  const sources = new SourceIndex({ error: quiet, warn: quiet, info: quiet, log: quiet }, () => undefined);
  const settings = normalizeSettings(undefined);
  const uri = "untitled:provenance-warm-up";
  let version = 0;
  return {
    run(text) {
      sources.set(uri, text, ++version);
      JSON.stringify(boundDiagnostics(computeDiagnostics(sources, uri, settings, sources.settledView())));
      // Then the edit's record, as the cross-file work makes it after the publication.
      sources.corpus.contradictionStep();
    },
    end: () => sources.flush(),
  };
}
