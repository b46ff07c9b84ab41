// textDocument/references on a figure (every mention of the same subject) or an actor (every
// mention of the same party), across the whole workspace, open or not.
import type { Location, ReferenceParams } from "vscode-languageserver";
import { comparePositions, toLocation } from "../convert";
import { actorEntry, elementAt, figureGroupOf } from "../lookup";
import { workspaceReady } from "../ready";
import { guarded } from "../safe";
import type { Services } from "../services";
import type { CancellationToken } from "vscode-languageserver";
import type { SourceIndex } from "../sources";
import { canonicalUri } from "../uris";

export function registerReferences(services: Services): { referencesProvider: true } {
  services.connection.onReferences(
    guarded(services.log, "references", [] as Location[], async (params: ReferenceParams, token: CancellationToken) => {
      const uri = canonicalUri(params.textDocument.uri);
      await workspaceReady(services, uri, token); // every file, not only those indexed so far
      return mentionsAt(services.sources, uri, params.position);
    }),
  );
  return { referencesProvider: true };
}

/** Every mention of the figure subject or actor at a position (itself included), or []. */
export function mentionsAt(
  sources: SourceIndex,
  uri: string,
  position: { line: number; character: number },
): Location[] {
  const analysis = sources.analysis(uri);
  const map = sources.lineMap(uri);
  if (!analysis || !map) return [];
  const element = elementAt(analysis, map.offsetAt(position));
  if (!element || element.kind === "claim") return [];
  let spans: Array<{ file: string; start: number; end: number }>;
  if (element.kind === "figure") {
    const group = figureGroupOf(sources, uri, element.index);
    spans = group ? group.members : [{ file: uri, ...element.figure }];
  } else {
    const entry = actorEntry(sources, element.actor.canonical);
    spans = entry
      ? entry.mentions
      : analysis.actors.filter((a) => a.canonical === element.actor.canonical).map((a) => ({ file: uri, ...a }));
  }
  return toLocations(sources, spans);
}

export function toLocations(
  sources: SourceIndex,
  spans: ReadonlyArray<{ file: string; start: number; end: number }>,
): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const span of spans) {
    const key = `${span.file}#${span.start}:${span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const map = sources.lineMap(span.file);
    if (map) out.push(toLocation(span.file, map.rangeOf(span)));
  }
  return out.sort((a, b) =>
    a.uri === b.uri ? comparePositions(a.range.start, b.range.start) : a.uri < b.uri ? -1 : 1,
  );
}
