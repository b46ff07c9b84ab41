// Document symbols (the outline): Actors (one per party, with its mention count), Figures,
// Claims.
import {
  SymbolKind,
  type CancellationToken,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type Range,
} from "vscode-languageserver";
import { frameLabel, type ActorKind, type ActorMention, type Analysis, type Claim } from "../../engine";
import { boundSymbols } from "../bounds";
import { comparePositions, coveringRange } from "../convert";
import type { Lines } from "../lineTable";
import { guarded } from "../safe";
import type { Services } from "../services";
import { whenCurrent } from "../ready";
import { canonicalUri } from "../uris";
import { ACTOR_KIND_LABEL, CLAIM_KIND_LABEL, formatFigure, oneLine, SOURCE_KIND_LABEL, STANCE_LABEL } from "../wording";

const ACTOR_SYMBOL: Record<ActorKind, SymbolKind> = {
  person: SymbolKind.Constructor,
  country: SymbolKind.Namespace,
  organization: SymbolKind.Class,
};

export function registerSymbols(services: Services): { documentSymbolProvider: { label: string } } {
  services.connection.onDocumentSymbol(
    guarded(
      services.log,
      "document symbols",
      [] as DocumentSymbol[],
      async (params: DocumentSymbolParams, token: CancellationToken) => {
        await whenCurrent(services, params.textDocument.uri, token);
        const uri = canonicalUri(params.textDocument.uri);
        const analysis = services.sources.analysis(uri);
        const map = services.sources.lineMap(uri);
        return analysis && map ? boundSymbols(outline(analysis, map)) : [];
      },
    ),
  );
  return { documentSymbolProvider: { label: "Provenance" } };
}

export function outline(analysis: Analysis, map: Lines): DocumentSymbol[] {
  const groups: DocumentSymbol[] = [];
  const add = (name: string, kind: SymbolKind, children: DocumentSymbol[]) => {
    if (children.length > 0) groups.push(container(name, kind, children));
  };
  add("Actors", SymbolKind.Package, actorSymbols(analysis.actors, map));
  add(
    "Figures",
    SymbolKind.Package,
    analysis.figures.map((f) => {
      const range = map.rangeOf(f);
      return symbol(formatFigure(f), frameLabel(f.frame), SymbolKind.Number, range, range);
    }),
  );
  add(
    "Claims",
    SymbolKind.Package,
    analysis.claims.map((c) => claimSymbol(c, map)),
  );
  return groups;
}

function actorSymbols(actors: readonly ActorMention[], map: Lines): DocumentSymbol[] {
  const byCanonical = new Map<string, ActorMention[]>();
  for (const actor of actors) {
    const list = byCanonical.get(actor.canonical);
    if (list) list.push(actor);
    else byCanonical.set(actor.canonical, [actor]);
  }
  return [...byCanonical.values()].map((mentions) => {
    const first = mentions[0]!;
    const range = map.rangeOf(first);
    const detail = `${ACTOR_KIND_LABEL[first.kind]} · ${mentions.length} mention${mentions.length === 1 ? "" : "s"}`;
    return symbol(first.name, detail, ACTOR_SYMBOL[first.kind], range, range);
  });
}

function claimSymbol(claim: Claim, map: Lines): DocumentSymbol {
  const kinds = [...new Set(claim.kinds)].map((k) => CLAIM_KIND_LABEL[k]).join(", ") || "Claim";
  const source = claim.source
    ? `${oneLine(claim.source.text, 40)} (${SOURCE_KIND_LABEL[claim.source.kind]})`
    : "no source";
  const range = map.rangeOf(claim);
  const cue = claim.cues[0];
  const selection = cue ? map.rangeOf(cue) : range;
  return symbol(
    `${kinds}: ${oneLine(claim.text, 60)}`,
    `${source} · ${STANCE_LABEL[claim.stance]}`,
    SymbolKind.Event,
    range,
    selection,
  );
}

/** A symbol; a selection outside the range (a cue in the next sentence) falls back to the range, as LSP requires. */
function symbol(name: string, detail: string, kind: SymbolKind, range: Range, selectionRange: Range): DocumentSymbol {
  const selection = contains(range, selectionRange) ? selectionRange : range;
  return { name: name || "(unnamed)", detail, kind, range, selectionRange: selection };
}

function contains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function container(name: string, kind: SymbolKind, children: DocumentSymbol[]): DocumentSymbol {
  const range = coveringRange(children.map((c) => c.range));
  return { name, detail: `${children.length}`, kind, range, selectionRange: children[0]!.range, children };
}
