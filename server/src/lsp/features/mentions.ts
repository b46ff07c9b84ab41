// The full list behind every "and N more": provenance/mentions answers it, hovers link their
// capped rows to the client command that peeks it, and a conflict diagnostic whose related
// information was capped gets the code action "Show all N mentions" running the same command.
import {
  CodeActionKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Location,
} from "vscode-languageserver";
import type { Claim } from "../../engine";
import {
  MentionsRequest,
  SHOW_MENTIONS_COMMAND,
  type MentionsList,
  type MentionsParams,
  type MentionsResult,
} from "../../protocol";
import { LIMITS } from "../bounds";
import { DIAGNOSTIC_SOURCE } from "../convert";
import { actorEntry, conflictsOf, figureGroupOf, relationsOfClaim } from "../lookup";
import { workspaceReady } from "../ready";
import { guarded } from "../safe";
import type { Services } from "../services";
import { indexOf } from "../spanIndex";
import { canonicalUri } from "../uris";
import { escapeMarkdown } from "../wording";
import { toLocations } from "./references";

export function registerMentions(services: Services): void {
  services.connection.onRequest(
    MentionsRequest,
    guarded(
      services.log,
      "provenance/mentions",
      { locations: [] } as MentionsResult,
      async (params: MentionsParams, token: CancellationToken) => {
        await workspaceReady(services, params.uri, token);
        return { locations: mentionList(services, params).slice(0, LIMITS.locationsPerList) };
      },
    ),
  );
}

type Spans = ReadonlyArray<{ file: string; start: number; end: number }>;

/** The locations of one list about the figure, actor or claim at a position ([] when there is none). */
export function mentionList(services: Services, params: MentionsParams): Location[] {
  const uri = canonicalUri(params.uri);
  const { sources } = services;
  const analysis = sources.analysis(uri);
  const map = sources.lineMap(uri);
  if (!analysis || !map || !params.position) return [];
  const offset = map.offsetAt(params.position);
  const index = indexOf(analysis);
  let spans: Spans = [];
  if (params.target === "figure") {
    const hit = index.figures.at(offset)[0];
    if (!hit) return [];
    const figure = analysis.figures[hit.index]!;
    if (params.list === "conflicts")
      spans = conflictsOf(sources.freshView(), uri, figure, "figure").flatMap((c) => c.opposing);
    else if (params.list === "mentions")
      spans = figureGroupOf(sources, uri, hit.index)?.members ?? [{ file: uri, ...figure }];
  } else if (params.target === "actor") {
    const actor = index.actors.at(offset)[0];
    if (!actor) return [];
    const entry = actorEntry(sources, actor.canonical);
    if (params.list === "claims") spans = entry?.claims ?? [];
    else if (params.list === "mentions")
      spans =
        entry?.mentions ??
        analysis.actors.filter((a) => a.canonical === actor.canonical).map((a) => ({ file: uri, ...a }));
  } else if (params.target === "claim") {
    const claim = smallest(index.claims.at(offset));
    if (!claim) return [];
    if (params.list === "conflicts")
      spans = conflictsOf(sources.freshView(), uri, claim, "stance").flatMap((c) => c.opposing);
    else if (params.list === "related") spans = relationsOfClaim(sources, uri, claim);
  }
  return toLocations(sources, spans);
}

function smallest(claims: readonly Claim[]): Claim | undefined {
  let best: Claim | undefined;
  for (const c of claims) if (!best || c.end - c.start < best.end - best.start) best = c;
  return best;
}

// ---- Hovers ----

/**
 * A hover row that opens the whole list: a command link where the client renders Markdown (the
 * client trusts this one command), the plain label elsewhere. The label is escaped like any text.
 */
export function moreLink(services: Services, label: string, params: MentionsParams): string {
  if (!services.client.markdownHover) return label;
  // VS Code reads `command:<id>?<encoded JSON array of arguments>`; parentheses are encoded so that
  // the link destination stays one.
  const args = encodeURIComponent(JSON.stringify([params]))
    .replace(/\(/g, "%28")
    .replace(/\)/g, "%29");
  return `[${escapeMarkdown(label)}](command:${SHOW_MENTIONS_COMMAND}?${args})`;
}

// ---- Code actions ----

const CONFLICT_TARGET: Record<string, MentionsParams["target"] | undefined> = {
  "figure.conflict": "figure",
  "stance.conflict": "claim",
};

/** "Show all N mentions" for each conflict diagnostic of the request whose related information lists fewer. */
export function showAllActions(services: Services, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`)))
    return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const target = diagnostic.source === DIAGNOSTIC_SOURCE ? CONFLICT_TARGET[String(diagnostic.code)] : undefined;
    if (!target) continue;
    const list: MentionsList = "conflicts";
    const args: MentionsParams = { uri: params.textDocument.uri, position: diagnostic.range.start, target, list };
    const count = mentionList(services, args).length;
    if (count <= (diagnostic.relatedInformation?.length ?? 0)) continue;
    const title = `Show all ${count} mentions`;
    actions.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title, command: SHOW_MENTIONS_COMMAND, arguments: [args] },
    });
  }
  return actions;
}
