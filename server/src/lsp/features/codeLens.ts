// Code lenses over figures whose subject is also given in other files:
// "also in 3 files: 1,500 · 12,000 · 3,000", running the client command that peeks them.
import type { CancellationToken, CodeLens, CodeLensParams, Location } from "vscode-languageserver";
import { CodeLensRefreshRequest } from "vscode-languageserver";
import { PEEK_LOCATIONS_COMMAND } from "../../protocol";
import type { FigureGroup } from "../../engine";
import { conflictsOf, figureGroupOf, membersElsewhere } from "../lookup";
import { workspaceReady } from "../ready";
import { guarded } from "../safe";
import type { Services } from "../services";
import { whenCurrent } from "../ready";
import type { SourceIndex } from "../sources";
import { canonicalUri } from "../uris";
import { oneLine } from "../wording";
import { toLocations } from "./references";

export function registerCodeLens(services: Services): { codeLensProvider: { resolveProvider: false } } {
  const { connection, log } = services;
  connection.onCodeLens(
    guarded(log, "code lens", [] as CodeLens[], async (params: CodeLensParams, token: CancellationToken) => {
      await whenCurrent(services, params.textDocument.uri, token);
      return codeLenses(services, params);
    }),
  );
  const refresh = () => {
    if (services.client.codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };
  services.sources.onDidChange(refresh);
  services.onSettingsChanged.on(refresh);
  return { codeLensProvider: { resolveProvider: false } };
}

async function codeLenses(services: Services, params: CodeLensParams): Promise<CodeLens[]> {
  const uri = canonicalUri(params.textDocument.uri);
  const settings = await services.settings.get(uri);
  if (!settings.codeLens.enable) return [];
  await workspaceReady(services, uri);
  const { sources } = services;
  const analysis = sources.analysis(uri);
  const map = sources.lineMap(uri);
  if (!analysis || !map) return [];
  const lenses: CodeLens[] = [];
  const view = sources.settledView(); // lenses follow edits at once; conflicts catch up
  const summaries = new Map<FigureGroup, { title: string; locations: Location[] }>();
  analysis.figures.forEach((figure, index) => {
    const group = figureGroupOf(sources, uri, index);
    if (!group) return;
    let summary = summaries.get(group);
    if (!summary) summaries.set(group, (summary = summarize(sources, group, uri)));
    if (!summary.title) return;
    const conflicting = conflictsOf(view, uri, figure, "figure").some((c) => c.opposing.some((m) => m.file !== uri))
      ? "⚠ "
      : "";
    const range = map.rangeOf(figure);
    lenses.push({
      range,
      command: {
        title: `${conflicting}${summary.title}`,
        command: PEEK_LOCATIONS_COMMAND,
        arguments: [params.textDocument.uri, range.start, summary.locations],
      },
    });
  });
  return lenses;
}

/** At most this many locations ride along with one lens (the figures table lists them all). */
const LENS_LOCATION_LIMIT = 100;

/** A group's lens title seen from `uri` (empty when no other file gives a value) and where. */
function summarize(sources: SourceIndex, group: FigureGroup, uri: string): { title: string; locations: Location[] } {
  const others = membersElsewhere(group, uri);
  if (others.length === 0) return { title: "", locations: [] };
  const files = new Set(others.map((m) => m.file)).size;
  const values = [...new Set(others.map((m) => oneLine(m.text, 30)))];
  const shown = values.slice(0, 5).join(" · ") + (values.length > 5 ? " · …" : "");
  return {
    title: `also in ${files} file${files === 1 ? "" : "s"}: ${shown}`,
    locations: toLocations(sources, others.slice(0, LENS_LOCATION_LIMIT)),
  };
}
