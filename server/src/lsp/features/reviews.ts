// Review verdicts in the editor: code actions on a claim or a figure (Mark as verified, Mark as
// disputed, Ignore this finding, Clear review), provenance/setReview and provenance/reviews,
// and how a verdict changes a diagnostic, a hover line and a contradiction member.
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
} from "vscode-languageserver";
import { join } from "node:path";
import {
  anchorAt,
  describeReview,
  reviewedReport,
  locateReviews,
  reviewAt,
  withoutReview,
  withReview,
  type Analysis,
  type LocatedReview,
  type Review,
  type ReviewTargetKind,
} from "../../engine";
import {
  REVIEW_COMMAND,
  ReviewsChangedNotification,
  ReviewsRequest,
  SetReviewRequest,
  type ReviewItem,
  type ReviewsParams,
  type ReviewsResult,
  type ReviewVerdictItem,
  type SetReviewParams,
  type SetReviewResult,
} from "../../protocol";
import { DIAGNOSTIC_SOURCE } from "../convert";
import { elementAt } from "../lookup";
import { whenCurrent, workspaceReady } from "../ready";
import { describeError, guarded } from "../safe";
import type { Services } from "../services";
import { canonicalUri, pathOfUri, uriOfPath } from "../uris";
import { escapeMarkdown, oneLine } from "../wording";
import { showAllActions } from "./mentions";

export function registerReviews(services: Services): { codeActionProvider: { codeActionKinds: string[] } } {
  const { connection, log, reviews } = services;
  connection.onCodeAction(
    guarded(log, "code actions", [] as CodeAction[], async (params: CodeActionParams) => {
      await whenCurrent(services, params.textDocument.uri);
      return [...reviewActions(services, params), ...showAllActions(services, params)];
    }),
  );
  connection.onRequest(
    SetReviewRequest,
    guarded(
      log,
      "provenance/setReview",
      { ok: false, message: "the verdict could not be recorded (see the Provenance output)" },
      (params: SetReviewParams) => setReview(services, params),
    ),
  );
  connection.onRequest(
    ReviewsRequest,
    guarded(
      log,
      "provenance/reviews",
      { reviews: [] } as ReviewsResult,
      async (params: ReviewsParams | null | undefined) => {
        await workspaceReady(services, params?.uri ?? undefined);
        return listReviews(services, params?.uri ? canonicalUri(params.uri) : undefined);
      },
    ),
  );
  reviews.onDidChange.on(() => {
    const count = reviews.all().reduce((n, f) => n + f.reviews.length, 0);
    void connection.sendNotification(ReviewsChangedNotification, { count });
  });
  reviews.loadAllNow();
  void reviews.reloadAll().catch((error) => log.error(`Provenance: reading verdicts failed: ${describeError(error)}`));
  return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };
}

/** Which kind of finding a diagnostic code is about. */
function targetOfCode(code: Diagnostic["code"]): ReviewTargetKind | undefined {
  if (typeof code !== "string") return undefined;
  if (code.startsWith("claim.") || code === "stance.conflict") return "claim";
  if (code === "figure" || code.startsWith("figure.")) return "figure";
  return undefined;
}

/** The verdict on the claim or figure at an offset of a document, if any. */
export function verdictAt(
  services: Services,
  uri: string,
  kind: ReviewTargetKind,
  offset: number,
): LocatedReview | undefined {
  // Asked for every contradiction member: a closed file's analysis is made again only when it has verdicts.
  if (!services.reviews.hasVerdicts(uri)) return undefined;
  const analysis = services.sources.analysis(uri);
  if (!analysis) return undefined;
  return reviewAt(analysis, services.reviews.locate(uri, analysis), kind, offset);
}

// ---- Diagnostics ----

/**
 * Applies the verdicts to a document's diagnostics: verified findings become hints saying who
 * verified them (no longer in the Problems panel), disputed ones keep their severity and say so,
 * ignored ones are left out.
 */
export function applyReviews(services: Services, uri: string, diagnostics: Diagnostic[]): Diagnostic[] {
  // Most documents have no verdict: told without working out the document's place (every edit publishes).
  if (!services.reviews.hasVerdicts(uri)) return diagnostics;
  const analysis = services.sources.analysis(uri);
  const map = services.sources.lineMap(uri);
  if (!analysis || !map) return diagnostics;
  const located = services.reviews.locate(uri, analysis);
  if (located.anchored.length === 0) return diagnostics;
  const out: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const kind = targetOfCode(diagnostic.code);
    const found = kind ? reviewAt(analysis, located, kind, map.offsetAt(diagnostic.range.start)) : undefined;
    if (!found) {
      out.push(diagnostic);
      continue;
    }
    const report = reviewedReport(found.review, String(diagnostic.message));
    if (!report.hidden)
      out.push({
        ...diagnostic,
        message: report.message,
        ...(report.toHint ? { severity: DiagnosticSeverity.Hint } : {}),
      });
  }
  return out;
}

// ---- Hovers, contradictions ----

/** A hover section on the verdict for the claim or figure at an offset ("" when none). */
export function reviewHoverSection(services: Services, uri: string, kind: ReviewTargetKind, offset: number): string {
  const found = verdictAt(services, uri, kind, offset);
  if (!found) return "";
  const mark = found.review.verdict === "verified" ? "✓" : found.review.verdict === "disputed" ? "✗" : "–";
  const date = found.review.date ? ` (${escapeMarkdown(found.review.date.slice(0, 10))})` : "";
  return `\n\n---\n\n**Review:** ${mark} ${escapeMarkdown(oneLine(describeReview(found.review), 300))}${date}`;
}

/** The verdict on a contradiction member (its figure, or its claim for a stance conflict). */
export function memberVerdict(
  services: Services,
  kind: "figure" | "stance",
  member: { file: string; start: number },
): ReviewVerdictItem | undefined {
  const found = verdictAt(services, member.file, kind === "figure" ? "figure" : "claim", member.start);
  return found ? toVerdictItem(found.review) : undefined;
}

function toVerdictItem(review: Review): ReviewVerdictItem {
  const item: ReviewVerdictItem = { verdict: review.verdict, reviewer: review.reviewer, date: review.date };
  if (review.note) item.note = review.note;
  return item;
}

// ---- Code actions ----

const ACTIONS: Array<{ verdict: SetReviewParams["verdict"]; title: string }> = [
  { verdict: "verified", title: "Mark as verified" },
  { verdict: "disputed", title: "Mark as disputed…" },
  { verdict: "ignored", title: "Ignore this finding" },
  { verdict: "clear", title: "Clear review" },
];

interface Target {
  kind: ReviewTargetKind;
  offset: number;
  label: string;
  diagnostics: Diagnostic[];
}

function reviewActions(services: Services, params: CodeActionParams): CodeAction[] {
  const uri = canonicalUri(params.textDocument.uri);
  const analysis = services.sources.analysis(uri);
  const map = services.sources.lineMap(uri);
  if (!analysis || !map || !services.reviews.placeOf(uri)) return [];
  const only = params.context.only;
  if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k === CodeActionKind.QuickFix)) return [];
  const targets = targetsAt(analysis, params, map.offsetAt(params.range.start), (p) => map.offsetAt(p));
  const actions: CodeAction[] = [];
  for (const target of targets) {
    const current = reviewAt(analysis, services.reviews.locate(uri, analysis), target.kind, target.offset)?.review
      .verdict;
    const suffix = targets.length > 1 ? ` (${target.label})` : "";
    for (const { verdict, title } of ACTIONS) {
      if (verdict === current || (verdict === "clear" && !current)) continue;
      const args: SetReviewParams = {
        uri: params.textDocument.uri,
        target: target.kind,
        position: map.positionAt(target.offset),
        verdict,
      };
      actions.push({
        title: `${title}${suffix}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: target.diagnostics,
        command: { title, command: REVIEW_COMMAND, arguments: [args] },
      });
    }
  }
  return actions;
}

/** The claim and figure a code action request is about: its Provenance diagnostics, else what is under the cursor. */
function targetsAt(
  analysis: Analysis,
  params: CodeActionParams,
  cursor: number,
  offsetAt: (p: { line: number; character: number }) => number,
): Target[] {
  const targets: Target[] = [];
  const add = (kind: ReviewTargetKind, offset: number, diagnostic?: Diagnostic) => {
    const key = keyOf(analysis, kind, offset);
    if (key === undefined) return;
    const held = targets.find((t) => t.kind === kind && keyOf(analysis, t.kind, t.offset) === key);
    if (held) {
      if (diagnostic) held.diagnostics.push(diagnostic);
      return;
    }
    targets.push({ kind, offset, label: labelOf(analysis, kind, offset), diagnostics: diagnostic ? [diagnostic] : [] });
  };
  for (const diagnostic of params.context.diagnostics) {
    const kind = diagnostic.source === DIAGNOSTIC_SOURCE ? targetOfCode(diagnostic.code) : undefined;
    if (kind) add(kind, offsetAt(diagnostic.range.start), diagnostic);
  }
  if (targets.length > 0) return targets;
  // No finding of ours in the request (hidden by a verdict, or switched off): what is under the cursor.
  const element = elementAt(analysis, cursor);
  if (element?.kind === "figure") add("figure", element.figure.start);
  const claim = analysis.claims.find((c) => c.start <= cursor && cursor <= c.end);
  if (claim && element?.kind !== "figure") add("claim", claim.start);
  return targets;
}

/** Which claim (its sentence) or figure an offset stands for, or undefined. */
function keyOf(analysis: Analysis, kind: ReviewTargetKind, offset: number): string | undefined {
  const anchor = anchorAt(analysis, "", kind, offset);
  if (!anchor) return undefined;
  return kind === "figure"
    ? `${analysis.figures.findIndex((f) => f.start <= offset && offset <= f.end)}`
    : `${anchor.sentence}|${anchor.before}`;
}

function labelOf(analysis: Analysis, kind: ReviewTargetKind, offset: number): string {
  if (kind === "claim") return "claim";
  const figure = analysis.figures.find((f) => f.start <= offset && offset <= f.end);
  return figure ? `figure "${oneLine(figure.text, 30)}"` : "figure";
}

// ---- Requests ----

async function setReview(services: Services, params: SetReviewParams): Promise<SetReviewResult> {
  const uri = canonicalUri(params.uri);
  const { sources, reviews } = services;
  const analysis = sources.analysis(uri);
  const map = sources.lineMap(uri);
  if (!analysis || !map) return { ok: false, message: "this document is not analysed" };
  const place = reviews.placeOf(uri);
  if (!place)
    return { ok: false, message: "verdicts are kept in a workspace folder: open the folder that holds this file" };
  const offset = map.offsetAt(params.position);
  const anchor = anchorAt(analysis, place.file, params.target, offset);
  if (!anchor) return { ok: false, message: `there is no ${params.target} here` };
  const settings = await services.settings.get(uri);
  const review: Review | undefined =
    params.verdict === "clear"
      ? undefined
      : {
          ...anchor,
          verdict: params.verdict,
          reviewer: await reviews.reviewerName(place.folder, settings.reviewer),
          date: new Date().toISOString(),
          ...(params.note?.trim() ? { note: params.note.trim() } : {}),
        };
  try {
    await reviews.update(place.folder, (current) => {
      const previous = reviewAt(analysis, locateReviews(analysis, place.file, current), params.target, offset)?.review;
      if (!review) return withoutReview(current, previous ?? anchor);
      return withReview(current, review, previous);
    });
  } catch (error) {
    services.log.error(`Provenance: recording a verdict failed: ${describeError(error)}`);
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return review ? { ok: true, review: toVerdictItem(review) } : { ok: true };
}

/** Every verdict (or those of one document), located in the current texts; orphans first. */
export function listReviews(services: Services, onlyUri?: string): ReviewsResult {
  const items: ReviewItem[] = [];
  for (const { folder, reviews } of services.reviews.all()) {
    const folderPath = pathOfUri(folder);
    if (!folderPath) continue;
    const files = [...new Set(reviews.map((r) => r.file))];
    for (const file of files) {
      const uri = uriOfPath(join(folderPath, ...file.split("/")));
      if (onlyUri && uri !== onlyUri) continue;
      const analysis = services.sources.analysis(uri);
      const map = services.sources.lineMap(uri);
      const located = analysis
        ? services.reviews.locate(uri, analysis)
        : { anchored: [], orphaned: reviews.filter((r) => r.file === file) };
      for (const l of located.anchored)
        items.push({ ...itemOf(uri, l.review, false), ...(map ? { range: map.rangeOf(l) } : {}) });
      for (const r of located.orphaned) items.push(itemOf(uri, r, true));
    }
  }
  items.sort(
    (a, b) =>
      Number(b.orphaned) - Number(a.orphaned) ||
      (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
      (a.range?.start.line ?? 0) - (b.range?.start.line ?? 0),
  );
  return { reviews: items };
}

function itemOf(uri: string, review: Review, orphaned: boolean): ReviewItem {
  return {
    uri,
    target: review.kind,
    sentence: review.sentence,
    figure: review.target,
    orphaned,
    ...toVerdictItem(review),
  };
}
