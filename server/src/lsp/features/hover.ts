// Hovers (Markdown): the provenance of a claim, every value given for a figure's subject across
// files, and what the corpus knows about an actor.
import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from "vscode-languageserver";
import {
  documentDate,
  figureSource,
  frameLabel,
  type ActorMention,
  type Analysis,
  type Claim,
  type Figure,
} from "../../engine";
import { cut, LIMITS } from "../bounds";
import { displayLine, lineLink } from "../convert";
import type { Lines } from "../lineTable";
import { actorEntry, elementAt, otherValuesOf, relationsOfClaim } from "../lookup";
import { workspaceReady } from "../ready";
import { guarded } from "../safe";
import { indexOf } from "../spanIndex";
import type { Services } from "../services";
import type { SourceIndex } from "../sources";
import { canonicalUri, fileName } from "../uris";
import type { MentionsList } from "../../protocol";
import { moreLink } from "./mentions";
import { reviewHoverSection } from "./reviews";
import {
  ACTOR_KIND_LABEL,
  CLAIM_KIND_LABEL,
  escapeMarkdown,
  figureAsWritten,
  formatFigure,
  formatNumber,
  oneLine,
  QUALIFIER_LABEL,
  quote,
  SOURCE_KIND_LABEL,
  STANCE_LABEL,
} from "../wording";

/** At most this many rows in any list of a hover (files, claims, values, relations). */
export const HOVER_LIST_LIMIT = 20;

/** The row that stands for the rest of a capped list: opens the whole `list` (features/mentions.ts). */
type More = (label: string, list: MentionsList) => string;

export function registerHover(services: Services): { hoverProvider: true } {
  services.connection.onHover(
    guarded(services.log, "hover", null, async (params: HoverParams, token: CancellationToken) => {
      await workspaceReady(services, params.textDocument.uri, token); // the cross-file part needs every file
      return hoverAt(services, params);
    }),
  );
  return { hoverProvider: true };
}

export function hoverAt(services: Services, params: HoverParams): Hover | null {
  const uri = canonicalUri(params.textDocument.uri);
  const { sources } = services;
  const analysis = sources.analysis(uri);
  const map = sources.lineMap(uri);
  if (!analysis || !map) return null;
  const element = elementAt(analysis, map.offsetAt(params.position));
  if (!element) return null;
  let markdown: string;
  const span: { start: number; end: number } =
    element.kind === "figure" ? element.figure : element.kind === "actor" ? element.actor : element.claim;
  const position = map.positionAt(span.start);
  const more: More = (label, list) =>
    moreLink(services, label, { uri: params.textDocument.uri, position, target: element.kind, list });
  switch (element.kind) {
    case "figure":
      markdown =
        figureHover(sources, uri, analysis, element.figure, element.index, more) +
        enclosingClaim(analysis, element.figure);
      break;
    case "actor":
      markdown = actorHover(sources, uri, element.actor, more) + enclosingClaim(analysis, element.actor);
      break;
    case "claim":
      markdown = claimHover(sources, uri, analysis, element.claim, more);
      break;
  }
  if (element.kind !== "actor") markdown += reviewHoverSection(services, uri, element.kind, span.start);
  const kind = services.client.markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText;
  return { contents: { kind, value: cut(markdown, LIMITS.hoverChars) }, range: map.rangeOf(span) };
}

/** One line on the claim a figure or an actor sits in (its full provenance is one hover away). */
function enclosingClaim(analysis: Analysis, span: { start: number; end: number }): string {
  const claim = indexOf(analysis).claims.containing(span)[0];
  if (!claim) return "";
  const kinds = [...new Set(claim.kinds)].map((k) => CLAIM_KIND_LABEL[k]).join(" · ") || "Claim";
  return `\n\n---\n\n_In a claim:_ ${kinds} — ${who(claim)}, ${STANCE_LABEL[claim.stance]}${stanceCue(claim)}`;
}

/** `[kyiv-bulletin.txt:5](file:///…#L5)` */
function mentionLink(sources: SourceIndex, file: string, span: { start: number; end: number }): string {
  const map: Lines | undefined = sources.lineMap(file);
  if (!map) return escapeMarkdown(fileName(file));
  const range = map.rangeOf(span);
  const target = lineLink(file, range).replace(/\(/g, "%28").replace(/\)/g, "%29");
  return `[${escapeMarkdown(fileName(file))}:${displayLine(range)}](${target})`;
}

// ---- Claims ----

function claimHover(sources: SourceIndex, uri: string, analysis: Analysis, claim: Claim, more: More): string {
  const kinds = [...new Set(claim.kinds)];
  const title = kinds.map((k) => CLAIM_KIND_LABEL[k]).join(" · ") || "Claim";
  const lines = [
    `**${title}** ${kinds.map((k) => `\`claim.${k}\``).join(" ")}`,
    "",
    `> ${escapeMarkdown(oneLine(claim.text, 240))}`,
    "",
    `- **Who:** ${who(claim)}`,
    `- **How:** ${STANCE_LABEL[claim.stance]}${stanceCue(claim)}`,
    `- **Cues:** ${claim.cues.map((c) => `${escapeMarkdown(quote(c.text))} (${c.kind})`).join(" · ") || "none"}`,
    `- **When:** ${when(analysis, claim)}`,
  ];
  const relations = relationsOfClaim(sources, uri, claim);
  if (relations.length === 0) {
    lines.push("", "_No other file corroborates or contradicts this claim._");
  } else {
    lines.push("", "**Elsewhere**", "");
    const ordered = [...relations].sort((a, b) =>
      a.relation === b.relation ? 0 : a.relation === "contradicts" ? -1 : 1,
    );
    for (const r of ordered.slice(0, HOVER_LIST_LIMIT)) {
      const mark = r.relation === "contradicts" ? "✗ contradicts" : "✓ corroborates";
      const source = r.source ? `${escapeMarkdown(oneLine(r.source, 50))}: ` : "";
      const date = r.date ? ` (${escapeMarkdown(r.date)})` : "";
      lines.push(`- ${mark} — ${mentionLink(sources, r.file, r)} ${source}${escapeMarkdown(quote(r.text))}${date}`);
    }
  }
  if (relations.length > HOVER_LIST_LIMIT)
    lines.push(`- ${more(`… and ${relations.length - HOVER_LIST_LIMIT} more`, "related")}`);
  return lines.join("\n");
}

function who(claim: Claim): string {
  const source = claim.source;
  if (!source) return "no source given";
  const kind = SOURCE_KIND_LABEL[source.kind];
  return `${escapeMarkdown(oneLine(source.text, 80))} — ${kind}`;
}

function stanceCue(claim: Claim): string {
  const cue = claim.cues.find((c) => c.stance === claim.stance) ?? claim.cues.find((c) => c.stance);
  return cue ? ` (${escapeMarkdown(quote(cue.text))})` : "";
}

function when(analysis: Analysis, claim: Claim): string {
  if (claim.date) return escapeMarkdown(claim.date.text);
  const dateline = documentDate(analysis);
  return dateline ? `not stated; the text is dated ${escapeMarkdown(dateline)}` : "not stated";
}

// ---- Figures ----

function figureHover(
  sources: SourceIndex,
  uri: string,
  analysis: Analysis,
  figure: Figure,
  index: number,
  more: More,
): string {
  const { group, others } = otherValuesOf(sources, sources.freshView(), uri, index);
  const giver = figureSource(analysis, figure);
  const value =
    figure.valueMax !== undefined && figure.valueMax !== figure.value
      ? `${formatNumber(figure.value)}–${formatNumber(figure.valueMax)}`
      : formatNumber(figure.value);
  const lines = [
    `**Figure** \`${figureAsWritten(figure)}\`${sameFigure(figureAsWritten(figure), formatFigure(figure)) ? "" : ` — ${escapeMarkdown(formatFigure(figure))}`}`,
    "",
    `- **Value:** ${value}`,
    `- **Qualifier:** ${QUALIFIER_LABEL[figure.qualifier]}`,
    `- **Unit:** ${figure.unit ? escapeMarkdown(figure.unit) : "none"}`,
    `- **Subject:** ${escapeMarkdown(group?.label ?? (frameLabel(figure.frame) || "unknown"))}`,
    `- **Given by:** ${giver ? `${escapeMarkdown(oneLine(giver.text, 60))} (${SOURCE_KIND_LABEL[giver.kind]})` : "the text itself"}`,
  ];
  if (others.length === 0) {
    lines.push("", "_No other value for this subject in the workspace._");
    return lines.join("\n");
  }
  lines.push(
    "",
    `**Other values for this subject** (${others.length})`,
    "",
    "| Value | Source | Date | Where |",
    "|---|---|---|---|",
  );
  for (const m of others.slice(0, HOVER_LIST_LIMIT)) {
    const mark = m.conflicting ? "⚠ " : "";
    lines.push(
      `| ${mark}${escapeMarkdown(figureAsWritten(m))} | ${escapeMarkdown(m.source ?? "—")} | ${escapeMarkdown(m.date ?? "—")} | ${mentionLink(sources, m.file, m)} |`,
    );
  }
  if (others.length > HOVER_LIST_LIMIT)
    lines.push(
      "",
      `${more(`… and ${others.length - HOVER_LIST_LIMIT} more values`, "mentions")} (see the figures table)`,
    );
  if (others.some((m) => m.conflicting)) lines.push("", "⚠ conflicts with this figure");
  return lines.join("\n");
}

/** Whether two renderings of a figure read the same (case and spacing aside). */
function sameFigure(a: string, b: string): boolean {
  const norm = (t: string) => t.toLowerCase().replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}

// ---- Actors ----

function actorHover(sources: SourceIndex, uri: string, actor: ActorMention, more: More): string {
  const entry = actorEntry(sources, actor.canonical);
  const lines = [`**${escapeMarkdown(actor.name)}** — ${ACTOR_KIND_LABEL[actor.kind]}`, ""];
  if (!entry) {
    const here = sources.analysis(uri)?.actors.filter((a) => a.canonical === actor.canonical) ?? [];
    const spellings = [...new Set(here.map((a) => a.text))];
    const shownSpellings = spellings.slice(0, HOVER_LIST_LIMIT).map((s) => escapeMarkdown(oneLine(s, 80)));
    lines.push(
      `- **Spellings:** ${shownSpellings.join(", ")}${spellings.length > HOVER_LIST_LIMIT ? `, ${more(`… and ${spellings.length - HOVER_LIST_LIMIT} more`, "mentions")}` : ""}`,
    );
    lines.push(`- **Mentions:** ${escapeMarkdown(fileName(uri))} (${here.length})`);
    return lines.join("\n");
  }
  const spellings = entry.spellings.slice(0, HOVER_LIST_LIMIT).map((s) => escapeMarkdown(oneLine(s, 80)));
  const moreSpellings =
    entry.spellings.length > HOVER_LIST_LIMIT
      ? `, ${more(`… and ${entry.spellings.length - HOVER_LIST_LIMIT} more`, "mentions")}`
      : "";
  lines.push(
    `- **Spellings seen:** ${spellings.join(", ") + moreSpellings || escapeMarkdown(oneLine(actor.text, 80))}`,
  );
  const perFile = new Map<string, Array<{ start: number; end: number }>>();
  for (const m of entry.mentions) {
    const list = perFile.get(m.file);
    if (list) list.push(m);
    else perFile.set(m.file, [m]);
  }
  lines.push(`- **Mentions:** ${entry.mentions.length} in ${perFile.size} file${perFile.size === 1 ? "" : "s"}`);
  const files = [...perFile].slice(0, HOVER_LIST_LIMIT);
  for (const [file, mentions] of files)
    lines.push(`  - ${mentionLink(sources, file, mentions[0]!)} × ${mentions.length}`);
  if (perFile.size > files.length)
    lines.push(`  - ${more(`… and ${perFile.size - files.length} more files`, "mentions")}`);
  if (entry.claims.length === 0) {
    lines.push("- **Source of claims:** none");
  } else {
    lines.push(`- **Source of ${entry.claims.length} claim${entry.claims.length === 1 ? "" : "s"}:**`);
    for (const c of entry.claims.slice(0, HOVER_LIST_LIMIT))
      lines.push(`  - ${mentionLink(sources, c.file, c)} ${escapeMarkdown(quote(oneLine(c.text, 160)))}`);
    if (entry.claims.length > HOVER_LIST_LIMIT)
      lines.push(`  - ${more(`… and ${entry.claims.length - HOVER_LIST_LIMIT} more`, "claims")}`);
  }
  return lines.join("\n");
}
