// provenance/figures: every figure group (subject × source × value) for the figures table and
// the Figures view.
import type { FigureGroup } from "../../engine";
import { FiguresRequest, type FigureGroupItem, type FiguresParams, type FiguresResult } from "../../protocol";
import { isSameMention } from "../lookup";
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

export function listFigures(sources: SourceIndex, uri?: string, logError: (m: string) => void = () => undefined): FiguresResult {
  let groups: FigureGroup[] = [];
  try {
    groups = sources.corpus.figureGroups();
  } catch (error) {
    logError(`Provenance: figure groups failed: ${describeError(error)}`);
  }
  const conflicting = sources.contradictions().filter((c) => c.kind === "figure");
  const selected = uri ? groups.filter((g) => g.members.some((m) => m.file === uri)) : groups;
  return {
    groups: selected.map((group): FigureGroupItem => {
      const members = group.members.flatMap((m) => {
        const map = sources.lineMap(m.file);
        if (!map) return [];
        const inConflict = conflicting.some((c) => c.members.some((cm) => isSameMention(cm, m.file, m)));
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
