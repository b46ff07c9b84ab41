// Semantic tokens: actors by kind, figures (conflicting ones marked), claim cues by kind.
// The custom token types are declared (with default colours) in package.json
// (`semanticTokenTypes`, `semanticTokenScopes`).
import {
  SemanticTokensBuilder,
  type CancellationToken,
  type SemanticTokens,
  type SemanticTokensLegend,
  type SemanticTokensParams,
  type SemanticTokensRangeParams,
} from "vscode-languageserver";
import type { ActorKind, Analysis, ClaimKind } from "../../engine";
import type { Lines } from "../lineTable";
import { isConflictingFigure } from "../lookup";
import { guarded } from "../safe";
import { indexOf } from "../spanIndex";
import type { Services } from "../services";
import { whenCurrent } from "../ready";
import type { SourceIndex } from "../sources";
import { canonicalUri } from "../uris";

export const TOKEN_TYPES = [
  "person",
  "country",
  "organization",
  "figure",
  "attribution",
  "hedge",
  "denial",
  "anonymousSource",
] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export const TOKEN_MODIFIERS = ["conflicting", "claimSource"] as const;
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const ACTOR_TOKEN: Record<ActorKind, TokenType> = {
  person: "person",
  country: "country",
  organization: "organization",
};
const CUE_TOKEN: Record<ClaimKind, TokenType> = {
  attributed: "attribution",
  hedged: "hedge",
  denial: "denial",
  anonymous: "anonymousSource",
};

export interface Token {
  start: number;
  end: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

export function registerSemanticTokens(services: Services): {
  semanticTokensProvider: { legend: SemanticTokensLegend; full: true; range: true };
} {
  const { connection, log, sources } = services;
  const empty: SemanticTokens = { data: [] };
  connection.languages.semanticTokens.on(
    guarded(log, "semantic tokens", empty, async (params: SemanticTokensParams, token: CancellationToken) => {
      await whenCurrent(services, params.textDocument.uri, token);
      return encode(sources, canonicalUri(params.textDocument.uri));
    }),
  );
  connection.languages.semanticTokens.onRange(
    guarded(log, "semantic tokens", empty, async (params: SemanticTokensRangeParams, token: CancellationToken) => {
      await whenCurrent(services, params.textDocument.uri, token);
      return encode(sources, canonicalUri(params.textDocument.uri), params.range);
    }),
  );
  // Conflicts (a token modifier) change with other files.
  sources.onDidChange(() => {
    if (services.client.semanticTokensRefresh) connection.languages.semanticTokens.refresh().catch(() => undefined);
  });
  return { semanticTokensProvider: { legend: LEGEND, full: true, range: true } };
}

/** Tokens of one analysis, sorted, without overlaps (the earlier, then longer, token wins). */
export function collectTokens(analysis: Analysis, isConflicting: (figureIndex: number) => boolean): Token[] {
  const tokens: Token[] = [];
  const { sources } = indexOf(analysis);
  analysis.figures.forEach((f, i) =>
    tokens.push({ start: f.start, end: f.end, type: "figure", modifiers: isConflicting(i) ? ["conflicting"] : [] }),
  );
  for (const claim of analysis.claims) {
    for (const cue of claim.cues)
      tokens.push({ start: cue.start, end: cue.end, type: CUE_TOKEN[cue.kind], modifiers: [] });
    if (claim.source?.kind === "anonymous" && !claim.cues.some((c) => c.kind === "anonymous")) {
      tokens.push({ start: claim.source.start, end: claim.source.end, type: "anonymousSource", modifiers: [] });
    }
  }
  for (const actor of analysis.actors) {
    const isSource = sources.containing(actor).length > 0;
    tokens.push({
      start: actor.start,
      end: actor.end,
      type: ACTOR_TOKEN[actor.kind],
      modifiers: isSource ? ["claimSource"] : [],
    });
  }
  tokens.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Token[] = [];
  let lastEnd = -1;
  for (const token of tokens) {
    if (token.end <= token.start || token.start < lastEnd) continue;
    out.push(token);
    lastEnd = token.end;
  }
  return out;
}

function encode(
  sources: SourceIndex,
  uri: string,
  range?: { start: { line: number }; end: { line: number } },
): SemanticTokens {
  const analysis = sources.analysis(uri);
  const map: Lines | undefined = sources.lineMap(uri);
  if (!analysis || !map) return { data: [] };
  const view = sources.settledView(); // tokens follow edits at once; the conflict modifier catches up
  const tokens = collectTokens(analysis, (i) => isConflictingFigure(view, uri, analysis.figures[i]!));
  const builder = new SemanticTokensBuilder();
  for (const token of tokens) {
    const type = TOKEN_TYPES.indexOf(token.type);
    const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    // Tokens never span lines in the encoding: a multi-line span becomes one token per line.
    for (const [line, character, length] of map.linePieces(token)) {
      if (range && (line < range.start.line || line > range.end.line)) continue;
      builder.push(line, character, length, type, modifiers);
    }
  }
  return builder.build();
}
