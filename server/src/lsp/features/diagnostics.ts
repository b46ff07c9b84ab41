// Diagnostics for open source documents: one per claim kind (hedged, anonymous, attributed,
// denial) on its cue, one per figure, or a figure.conflict pointing at the conflicting mentions
// in other files. Republished for every open document whose diagnostics change when the
// corpus changes (another file edited, created, deleted).
import type { Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Analysis, Claim, ClaimKind, Contradiction, Figure, RuleCode } from "../../engine";
import type { ProvenanceSettings } from "../../protocol";
import { boundDiagnostics } from "../bounds";
import { toDiagnostic, type LineMap, type RelatedMention } from "../convert";
import { conflictsOf, figureGroupOf, filesElsewhere } from "../lookup";
import { describeError } from "../safe";
import { indexOf } from "../spanIndex";
import type { Services } from "../services";
import type { ContradictionView, SourceIndex } from "../sources";
import { canonicalUri, fileName } from "../uris";
import {
  CLAIM_KIND_LABEL,
  formatFigure,
  formatValue,
  humanizeSlug,
  oneLine,
  quote,
  SOURCE_KIND_LABEL,
  STANCE_LABEL,
} from "../wording";

export function registerDiagnostics(services: Services): void {
  const { connection, open, sources, log } = services;
  /** Last published diagnostics per document URI (as sent), to publish only what changed. */
  const published = new Map<string, string>();

  const publish = async (document: TextDocument, options: { force?: boolean; settled?: boolean } = {}) => {
    try {
      const uri = canonicalUri(document.uri);
      const settings = await services.settings.get(uri);
      const current = open.get(uri);
      if (!current) return; // closed while waiting for settings
      const view = options.settled ? sources.settledView() : sources.freshView();
      const diagnostics = boundDiagnostics(computeDiagnostics(sources, uri, settings, view));
      const key = JSON.stringify(diagnostics);
      if (!options.force && published.get(current.uri) === key) return;
      published.set(current.uri, key);
      await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    } catch (error) {
      log.error(`Provenance: diagnostics for ${document.uri} failed: ${describeError(error)}`);
    }
  };

  // The edited document is published at once (even when unchanged, so a client waiting for its
  // version hears back), with the conflicts last computed: recomputing the corpus's contradictions
  // can take long on a large workspace. The debounced corpus change that follows recomputes them
  // and republishes every open document whose diagnostics changed.
  open.onDidAnalyze.on((document) => void publish(document, { force: true, settled: true }));
  open.onDidClose.on((document) => {
    published.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  sources.onDidChange(() => {
    for (const document of open.all()) void publish(document);
  });
  services.onSettingsChanged.on(() => {
    for (const document of open.all()) void publish(document);
  });
}

/** Every diagnostic of one analysed file, given its settings. */
export function computeDiagnostics(
  sources: SourceIndex,
  uri: string,
  settings: ProvenanceSettings,
  view: ContradictionView = sources.freshView(),
): Diagnostic[] {
  const analysis = sources.analysis(uri);
  const map = sources.lineMap(uri);
  if (!analysis || !map) return [];
  const out: Diagnostic[] = [];
  const push = (d: Diagnostic | undefined) => d && out.push(d);
  analysis.claims.forEach((claim) => {
    const related = stanceRelated(sources, view, uri, claim);
    for (const kind of diagnosedKinds(claim, settings)) {
      const code = `claim.${kind}` as RuleCode;
      push(
        toDiagnostic({
          code,
          severity: settings.severity[code],
          range: map.rangeOf(claimKindSpan(claim, kind)),
          message: claimMessage(claim, kind, related.length),
          related,
        }),
      );
    }
  });
  analysis.figures.forEach((figure, index) => {
    const conflicts = conflictsOf(view, uri, figure, "figure");
    const conflictSeverity = settings.severity["figure.conflict"];
    if (conflicts.length > 0 && conflictSeverity !== "off") {
      const opposing = uniqueMentions(conflicts.flatMap((c) => c.opposing));
      push(
        toDiagnostic({
          code: "figure.conflict",
          severity: conflictSeverity,
          range: map.rangeOf(figure),
          message: conflictMessage(figure, conflicts.map((c) => c.contradiction), opposing),
          related: relatedMentions(sources, opposing),
        }),
      );
      return;
    }
    push(
      toDiagnostic({
        code: "figure",
        severity: settings.severity.figure,
        range: map.rangeOf(figure),
        message: figureMessage(sources, uri, analysis, figure, index),
      }),
    );
  });
  return out;
}

/**
 * The claim kinds that get a diagnostic: every kind, except `attributed` when the claim is also
 * a denial or anonymous and that code is shown (its diagnostic already names the source: one
 * sentence, one message). Codes set to `off` are left out.
 */
export function diagnosedKinds(claim: Claim, settings: ProvenanceSettings): ClaimKind[] {
  const shown = (kind: ClaimKind) => settings.severity[`claim.${kind}`] !== "off";
  const kinds = unique(claim.kinds).filter(shown);
  if (kinds.includes("denial") || kinds.includes("anonymous")) return kinds.filter((k) => k !== "attributed");
  return kinds;
}

/** One entry per mention (a mention can sit in several contradictions). */
function uniqueMentions<T extends { file: string; start: number; end: number }>(members: readonly T[]): T[] {
  const seen = new Set<string>();
  return members.filter((m) => {
    const key = `${m.file}#${m.start}:${m.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Where a claim kind's diagnostic sits: its cue, the anonymous source, else the claim. */
function claimKindSpan(claim: Claim, kind: ClaimKind): { start: number; end: number } {
  const cue = claim.cues.find((c) => c.kind === kind);
  if (cue) return cue;
  if (kind === "anonymous" && claim.source && claim.source.kind === "anonymous") return claim.source;
  return claim;
}

function sourceDescription(claim: Claim): string | undefined {
  const source = claim.source;
  if (!source || source.kind === "anonymous" || source.kind === "unknown") return undefined;
  return `${oneLine(source.text, 60)} (${SOURCE_KIND_LABEL[source.kind]})`;
}

function cueText(claim: Claim, kind: ClaimKind): string {
  const cues = claim.cues.filter((c) => c.kind === kind).map((c) => quote(c.text));
  return cues.length > 0 ? cues.join(", ") : quote(claim.source?.text ?? claim.text);
}

export function claimMessage(claim: Claim, kind: ClaimKind, contradictions = 0): string {
  const source = sourceDescription(claim);
  const cues = cueText(claim, kind);
  const against = contradictions > 0 ? ` (contradicted elsewhere: ${contradictions} mention${contradictions === 1 ? "" : "s"})` : "";
  switch (kind) {
    case "hedged":
      return `${CLAIM_KIND_LABEL.hedged}: ${cues} — ${source ? `source: ${source}, but hedged` : "no named source"}${against}`;
    case "anonymous": {
      const who = claim.source && claim.source.kind === "anonymous" ? quote(claim.source.text) : cues;
      return `${CLAIM_KIND_LABEL.anonymous}: ${who} — the claim rests on an unnamed source${against}`;
    }
    case "attributed":
      return `${CLAIM_KIND_LABEL.attributed}: ${cues} — ${source ? `source: ${source}` : "source not identified"}, ${STANCE_LABEL[claim.stance]}${against}`;
    case "denial": {
      const label = claim.stance === "cannot-confirm" ? "Not confirmed" : "Denial";
      return `${label}: ${cues} — ${source ?? "an unidentified source"} ${STANCE_LABEL[claim.stance]} the statement${against}`;
    }
  }
}

function figureMessage(sources: SourceIndex, uri: string, analysis: Analysis, figure: Figure, index: number): string {
  const group = figureGroupOf(sources, uri, index);
  const subject = group?.label ?? (humanizeSlug(figure.subject) || "unknown subject");
  const giver = indexOf(analysis).claims.firstOverlapping(figure)?.source;
  const by = giver ? `; given by ${oneLine(giver.text, 50)}` : "; stated by the text itself";
  const elsewhere = group ? filesElsewhere(group, uri) : 0;
  const also = elsewhere > 0 ? `; also given in ${elsewhere} other file${elsewhere === 1 ? "" : "s"}` : "";
  return `Figure: ${formatFigure(figure)} — subject: ${subject}${by}${also}`;
}

function conflictMessage(
  figure: Figure,
  contradictions: Contradiction[],
  opposing: Array<{ file: string; text: string; source: string | null }>,
): string {
  const revision = contradictions.every((c) => c.revision);
  const values = unique(opposing.map((m) => `${oneLine(m.text, 40)} (${m.source ? `${oneLine(m.source, 40)}, ` : ""}${fileName(m.file)})`));
  const shown = values.slice(0, 3).join("; ") + (values.length > 3 ? `; ${values.length - 3} more` : "");
  const label = revision ? "Revised figure" : "Conflicting figure";
  return `${label}: ${formatValue(figure)} here, but ${shown}`;
}

function relatedMentions(
  sources: SourceIndex,
  members: Array<{ file: string; start: number; end: number; text: string; source: string | null; date: string | null }>,
): RelatedMention[] {
  const out: RelatedMention[] = [];
  for (const member of members) {
    const map: LineMap | undefined = sources.lineMap(member.file);
    if (!map) continue;
    const range = map.rangeOf(member);
    const who = member.source ? `${oneLine(member.source, 50)}: ` : "";
    const when = member.date ? ` (${member.date})` : "";
    // Clients show the location (file, line) next to the message: the message says who and what.
    out.push({ uri: member.file, range, message: `${who}${oneLine(member.text, 80)}${when}` });
  }
  return out;
}

/** The opposing mentions of stance contradictions a claim takes part in. */
function stanceRelated(sources: SourceIndex, view: ContradictionView, uri: string, claim: Claim): RelatedMention[] {
  return relatedMentions(sources, uniqueMentions(conflictsOf(view, uri, claim, "stance").flatMap((c) => c.opposing)));
}
