// Code lenses over figures whose subject is also given in other files:
// "also in 3 files: 1,500 · 12,000 · 3,000", running the client command that peeks them.
import type { CodeLens, CodeLensParams } from "vscode-languageserver";
import { CodeLensRefreshRequest } from "vscode-languageserver";
import { PEEK_LOCATIONS_COMMAND } from "../../protocol";
import { otherValuesOf } from "../lookup";
import { workspaceReady } from "../ready";
import { guarded } from "../safe";
import type { Services } from "../services";
import { canonicalUri } from "../uris";
import { oneLine } from "../wording";
import { toLocations } from "./references";

export function registerCodeLens(services: Services): { codeLensProvider: { resolveProvider: false } } {
  const { connection, log } = services;
  connection.onCodeLens(guarded(log, "code lens", [] as CodeLens[], (params: CodeLensParams) => codeLenses(services, params)));
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
  analysis.figures.forEach((figure, index) => {
    const others = otherValuesOf(sources, view, uri, index).others.filter((m) => m.file !== uri);
    if (others.length === 0) return;
    const files = new Set(others.map((m) => m.file)).size;
    const values = [...new Set(others.map((m) => oneLine(m.text, 30)))];
    const shown = values.slice(0, 5).join(" · ") + (values.length > 5 ? " · …" : "");
    const conflicting = others.some((m) => m.conflicting) ? "⚠ " : "";
    const range = map.rangeOf(figure);
    lenses.push({
      range,
      command: {
        title: `${conflicting}also in ${files} file${files === 1 ? "" : "s"}: ${shown}`,
        command: PEEK_LOCATIONS_COMMAND,
        arguments: [params.textDocument.uri, range.start, toLocations(sources, others)],
      },
    });
  });
  return lenses;
}
