// provenance/contradictions: every contradiction in the workspace (or those touching one
// document), with members as LSP locations.
import type { Contradiction } from "../../engine";
import {
  ContradictionsRequest,
  type ContradictionItem,
  type ContradictionMemberItem,
  type ContradictionsParams,
  type ContradictionsResult,
} from "../../protocol";
import { workspaceReady } from "../ready";
import { guarded } from "../safe";
import type { Services } from "../services";
import type { SourceIndex } from "../sources";
import { memberVerdict } from "./reviews";
import { canonicalUri } from "../uris";

export function registerContradictions(services: Services): void {
  const empty: ContradictionsResult = { contradictions: [] };
  services.connection.onRequest(
    ContradictionsRequest,
    guarded(services.log, "provenance/contradictions", empty, async (params: ContradictionsParams | null | undefined) => {
      await workspaceReady(services, params?.uri);
      const result = listContradictions(services.sources, params?.uri ? canonicalUri(params.uri) : undefined);
      return withMemberVerdicts(services, result);
    }),
  );
}

export function listContradictions(sources: SourceIndex, uri?: string): ContradictionsResult {
  const selected = uri ? sources.contradictionsTouching(uri) : sources.contradictions();
  return { contradictions: selected.map((c) => toItem(sources, c)) };
}

function toItem(sources: SourceIndex, contradiction: Contradiction): ContradictionItem {
  const members: ContradictionMemberItem[] = [];
  for (const m of contradiction.members) {
    const map = sources.lineMap(m.file);
    if (!map) continue;
    members.push({ uri: m.file, range: map.rangeOf(m), text: clip(m.text, MAX_TEXT), side: m.side, source: m.source, date: m.date });
  }
  const item: ContradictionItem = { kind: contradiction.kind, summary: clip(contradiction.summary, MAX_SUMMARY), members };
  if (contradiction.subject !== undefined) item.subject = contradiction.subject;
  if (contradiction.revision !== undefined) item.revision = contradiction.revision;
  return item;
}

/** Each member with the verdict on its figure (or its claim), when it has one. */
function withMemberVerdicts(services: Services, result: ContradictionsResult): ContradictionsResult {
  for (const item of result.contradictions) {
    for (const member of item.members) {
      const offset = services.sources.lineMap(member.uri)?.offsetAt(member.range.start);
      const review = offset === undefined ? undefined : memberVerdict(services, item.kind, { file: member.uri, start: offset });
      if (review) member.review = review;
    }
  }
  return result;
}

/** Long sentences are clipped: the range locates the whole mention; thousands of items stay light. */
const MAX_TEXT = 200;
const MAX_SUMMARY = 400;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
