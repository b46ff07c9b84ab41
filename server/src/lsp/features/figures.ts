// provenance/figures: every figure group (subject × source × value) for the figures table and
// the Figures view.
import type { FigureGroup } from "../../engine";
import { FiguresRequest, type FigureGroupItem, type FiguresParams, type FiguresResult } from "../../protocol";
import { mentionKey } from "../lookup";
import { describeError, guarded } from "../safe";
import type { Services } from "../services";
import type { SourceIndex } from "../sources";
import { canonicalUri } from "../uris";

export function registerFigures(services: Services): void {
  const empty: FiguresResult = { groups: [] };
  services.connection.onRequest(
    FiguresRequest,
    guarded(services.log, "provenance/figures", empty, (params: FiguresParams | null | undefined) =>
      listFigures(services.sources, params?.uri ? canonicalUri(params.uri) : undefined, services.log.error),
    ),
  );
}

export function listFigures(
  sources: SourceIndex,
  uri?: string,
  logError: (m: string) => void = () => undefined,
): FiguresResult {
  let groups: FigureGroup[] = [];
  try {
    groups = sources.corpus.figureGroups();
  } catch (error) {
    logError(`Provenance: figure groups failed: ${describeError(error)}`);
  }
  const conflicting = new Set<string>();
  for (const c of sources.contradictions()) {
    if (c.kind === "figure") for (const m of c.members) conflicting.add(mentionKey(m));
  }
  const selected = uri ? groups.filter((g) => g.members.some((m) => m.file === uri)) : groups;
  return {
    groups: selected.map((group): FigureGroupItem => {
      const members = group.members.flatMap((m) => {
        const map = sources.lineMap(m.file);
        if (!map) return [];
        const inConflict = conflicting.has(mentionKey(m));
        return [
          {
            uri: m.file,
            range: map.rangeOf(m),
            text: m.text,
            value: m.value,
            ...(m.valueMax !== undefined ? { valueMax: m.valueMax } : {}),
            qualifier: m.qualifier,
            unit: m.unit,
            source: m.source,
            date: m.date,
            conflicting: inConflict,
          },
        ];
      });
      return { subject: group.subject, label: group.label, members, conflicting: members.some((m) => m.conflicting) };
    }),
  };
}
