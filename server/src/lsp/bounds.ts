// Every message the server sends is bounded, whatever the document: a cap on diagnostics per
// file (the last one says how many were left out), on the length of any one message text, on
// related locations, on outline entries and on hover text. A 2 MB file of findings must not
// become a 100 MB message on every keystroke.
import { DiagnosticSeverity, type Diagnostic, type DocumentSymbol, SymbolKind } from "vscode-languageserver";
import { DIAGNOSTIC_SOURCE } from "./convert";

export const LIMITS = {
  diagnosticsPerFile: 1000,
  messageChars: 1000,
  relatedPerDiagnostic: 50,
  symbolsPerGroup: 2000,
  hoverChars: 20_000,
  /** Locations in one provenance/mentions answer (the full list behind an "and N more"). */
  locationsPerList: 10_000,
} as const;

/** Cuts a text to `max` UTF-16 units, never between the halves of a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** At most `diagnosticsPerFile` diagnostics, each message and its related list bounded; a last note counts the rest. */
export function boundDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const limit = LIMITS.diagnosticsPerFile;
  const kept = diagnostics.slice(0, diagnostics.length > limit ? limit - 1 : limit).map(boundDiagnostic);
  if (diagnostics.length > kept.length) {
    const rest = diagnostics.length - kept.length;
    const last = kept[kept.length - 1];
    const at = last ? last.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    kept.push({
      range: { start: at.end, end: at.end },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      message: `${rest} more Provenance findings in this file are not shown (at most ${limit - 1} per file are listed).`,
    });
  }
  return kept;
}

function boundDiagnostic(diagnostic: Diagnostic): Diagnostic {
  const related = diagnostic.relatedInformation;
  const message = String(diagnostic.message);
  const tooLong = message.length > LIMITS.messageChars;
  const tooMany =
    related !== undefined &&
    (related.length > LIMITS.relatedPerDiagnostic || related.some((r) => r.message.length > LIMITS.messageChars));
  if (!tooLong && !tooMany) return diagnostic;
  return {
    ...diagnostic,
    message: cut(message, LIMITS.messageChars),
    relatedInformation: related
      ?.slice(0, LIMITS.relatedPerDiagnostic)
      .map((r) => ({ ...r, message: cut(String(r.message), LIMITS.messageChars) })),
  };
}

/** At most `symbolsPerGroup` children per outline group (a last child counts the rest); names and details cut. */
export function boundSymbols(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.map((symbol) => {
    const children = symbol.children?.map(boundSymbol);
    if (!children || children.length <= LIMITS.symbolsPerGroup) return { ...boundSymbol(symbol), children };
    const kept = children.slice(0, LIMITS.symbolsPerGroup - 1);
    const last = kept[kept.length - 1]!;
    kept.push({
      name: `… ${children.length - kept.length} more`,
      detail: "not listed in the outline",
      kind: SymbolKind.Null,
      range: last.range,
      selectionRange: last.selectionRange,
    });
    return { ...boundSymbol(symbol), children: kept };
  });
}

function boundSymbol(symbol: DocumentSymbol): DocumentSymbol {
  return {
    ...symbol,
    name: cut(symbol.name, 200),
    detail: symbol.detail === undefined ? undefined : cut(symbol.detail, 200),
  };
}
