// The one module shared by the language server and the VS Code client: the settings' type, and
// the custom requests, notifications and commands between them. Types and constants only: no
// vscode, no node: and no engine imports (type-only imports are erased), so the client bundle
// carries no engine code. Defaults and validation live in shared/settings.ts; which documents
// the server analyses in lsp/served.ts. ARCHITECTURE.md lists every custom message.
import { NotificationType, RequestType, RequestType0 } from "vscode-jsonrpc";
import type { RuleCode, Severity } from "./engine/rules";

export type { RuleCode, Severity } from "./engine/rules";

// ---- Settings (`provenance.*`, scope: resource) ----

export interface ProvenanceSettings {
  /** Off: the folder's files are neither indexed nor diagnosed (a code project's `.txt` files). */
  enable: boolean;
  /** Globs (relative to a workspace folder) of the files to index. */
  include: string[];
  /** Globs (relative to a workspace folder) of files and folders never indexed. */
  exclude: string[];
  /** Files larger than this many bytes are skipped. */
  maxFileSize: number;
  /** Severity per diagnostic code; `off` hides the code. */
  severity: Record<RuleCode, Severity>;
  codeLens: { enable: boolean };
  /** Name recorded with review verdicts; empty: `git config user.name`. */
  reviewer: string;
}

export const SETTINGS_SECTION = "provenance";

export const SEVERITY_VALUES: readonly Severity[] = ["error", "warning", "information", "hint", "off"];

// ---- Shapes shared by the custom requests (LSP ranges: 0-based lines, UTF-16 characters) ----

export interface WirePosition {
  line: number;
  character: number;
}

export interface WireRange {
  start: WirePosition;
  end: WirePosition;
}

export interface WireLocation {
  uri: string;
  range: WireRange;
}

// ---- provenance/contradictions (paged) ----

/** Items per page when the client names no pageSize (a bounded page, never the whole list). */
export const CONTRADICTIONS_DEFAULT_PAGE_SIZE = 100;
/** The largest page the server answers; a larger pageSize is lowered to it. */
export const CONTRADICTIONS_MAX_PAGE_SIZE = 200;
/** Members of each side an item carries; `memberCount` says how many there are in all. */
export const CONTRADICTION_MEMBERS_PER_SIDE = 3;
/** Members per page of provenance/contradictionMembers: default and largest. */
export const CONTRADICTION_MEMBERS_DEFAULT_PAGE_SIZE = 200;
export const CONTRADICTION_MEMBERS_MAX_PAGE_SIZE = 1000;
/** No page (of either request) is larger than this many bytes of JSON: it ends early instead. */
export const CONTRADICTIONS_PAGE_BYTES = 1_000_000;

export interface ContradictionsParams {
  /** Only contradictions with a member in this document. */
  uri?: string;
  /** Items per page (a positive integer; default CONTRADICTIONS_DEFAULT_PAGE_SIZE, at most CONTRADICTIONS_MAX_PAGE_SIZE). */
  pageSize?: number;
  /** The previous page's `nextCursor` (opaque); absent: the first page. */
  cursor?: string;
}

export interface ContradictionMemberItem {
  uri: string;
  range: WireRange;
  text: string;
  side: "a" | "b";
  source: string | null;
  date: string | null;
  /** The reviewer's verdict on this mention (its figure or its claim), if any. */
  review?: ReviewVerdictItem;
}

export interface ContradictionItem {
  /** Names this contradiction for provenance/contradictionMembers (derived from its content). */
  id: string;
  kind: "figure" | "stance";
  summary: string;
  subject?: string;
  revision?: boolean;
  /** The first CONTRADICTION_MEMBERS_PER_SIDE members of side "a", then of side "b". */
  members: ContradictionMemberItem[];
  /** All members (both sides); more than `members.length` when some are not shown. */
  memberCount: number;
  /** Members on each side. */
  sideCounts: { a: number; b: number };
}

export interface ContradictionsResult {
  contradictions: ContradictionItem[];
  /** Contradictions in the whole (filtered) list, all pages together. */
  total: number;
  /** Absent on the last page. */
  nextCursor?: string;
  /**
   * The contradictions changed since `cursor` was issued: this page continues, in the current list,
   * after the last item the cursor's page held (earlier pages may be out of date).
   */
  changed?: boolean;
}

/** Contradictions in a stable order (kind, subject, first member of each side), a page at a time. */
export const ContradictionsRequest = new RequestType<
  ContradictionsParams | null | undefined,
  ContradictionsResult,
  void
>("provenance/contradictions");

export interface ContradictionMembersParams {
  /** A ContradictionItem's `id`. */
  id: string;
  /** Members per page (default CONTRADICTION_MEMBERS_DEFAULT_PAGE_SIZE, at most CONTRADICTION_MEMBERS_MAX_PAGE_SIZE). */
  pageSize?: number;
  /** The previous page's `nextCursor` (opaque). */
  cursor?: string;
}

export interface ContradictionMembersResult {
  /** Side "a" first, then side "b". */
  members: ContradictionMemberItem[];
  total: number;
  nextCursor?: string;
}

/**
 * Every member of one contradiction, paged. An id no longer in the workspace (its sources
 * changed) answers the error ContentModified (-32801): list the contradictions again.
 */
export const ContradictionMembersRequest = new RequestType<
  ContradictionMembersParams,
  ContradictionMembersResult,
  void
>("provenance/contradictionMembers");

// ---- provenance/figures (the figures table and the Figures view) ----

export interface FiguresParams {
  /** Only groups with a member in this document. */
  uri?: string;
}

export interface FigureMemberItem {
  uri: string;
  range: WireRange;
  text: string;
  value: number;
  valueMax?: number;
  qualifier: string;
  unit: string | null;
  source: string | null;
  date: string | null;
  /** This member is part of a figure contradiction. */
  conflicting: boolean;
}

export interface FigureGroupItem {
  subject: string;
  label: string;
  members: FigureMemberItem[];
  /** Members disagree (a figure contradiction exists for the group). */
  conflicting: boolean;
}

export interface FiguresResult {
  groups: FigureGroupItem[];
}

export const FiguresRequest = new RequestType<FiguresParams | null | undefined, FiguresResult, void>(
  "provenance/figures",
);

// ---- provenance/documentStats (status bar) ----

export interface DocumentStatsParams {
  uri: string;
}

export interface DocumentStats {
  /** False when the document is not analysed (not a source text, skipped, too large). */
  analysed: boolean;
  claims: number;
  figures: number;
  actors: number;
  /** Contradictions with a member in this document. */
  contradictions: number;
  /** Contradictions in the whole workspace. */
  workspaceContradictions: number;
  /** Why the document is not analysed, if it is not. */
  skippedReason?: string;
}

export const DocumentStatsRequest = new RequestType<DocumentStatsParams, DocumentStats, void>(
  "provenance/documentStats",
);

// ---- provenance/reindex ----

export interface ReindexResult {
  files: number;
  skipped: number;
}

export const ReindexRequest = new RequestType0<ReindexResult, void>("provenance/reindex");

// ---- provenance/mentions (the full list behind an "and N more") ----

/**
 * Which list: `mentions` every mention of the figure's subject or of the actor (as references);
 * `related` the mentions elsewhere that corroborate or contradict the claim; `conflicts` the
 * mentions that contradict the figure or the claim; `claims` the claims the actor is the source of.
 */
export type MentionsList = "mentions" | "related" | "conflicts" | "claims";

export interface MentionsParams {
  uri: string;
  /** A position inside the figure, actor or claim. */
  position: WirePosition;
  target: "figure" | "actor" | "claim";
  list: MentionsList;
}

export interface MentionsResult {
  locations: WireLocation[];
}

export const MentionsRequest = new RequestType<MentionsParams, MentionsResult, void>("provenance/mentions");

/**
 * Client command with one MentionsParams: peeks the whole list. Hovers link it from their
 * "… and N more" rows (the client trusts this command alone in Provenance Markdown); capped
 * conflict diagnostics offer it as the code action "Show all N mentions". Without arguments
 * (the command palette): every mention of the figure or actor under the cursor.
 */
export const SHOW_MENTIONS_COMMAND = "provenance.showMentions";

// ---- Review verdicts (.provenance/reviews.json) ----

export type { ReviewTargetKind as ReviewTarget, Verdict as ReviewVerdict } from "./engine/reviews";
import type { ReviewTargetKind as ReviewTarget, Verdict as ReviewVerdict } from "./engine/reviews";

export interface ReviewVerdictItem {
  verdict: ReviewVerdict;
  reviewer: string;
  date: string;
  note?: string;
}

export interface SetReviewParams {
  uri: string;
  target: ReviewTarget;
  /** A position inside the claim's sentence or the figure. */
  position: WirePosition;
  /** A verdict, or "clear" to remove the verdict. */
  verdict: ReviewVerdict | "clear";
  note?: string;
}

export interface SetReviewResult {
  ok: boolean;
  /** Why nothing was recorded, when `ok` is false. */
  message?: string;
  review?: ReviewVerdictItem;
}

/** Records (or clears) a verdict in the reviews file of the document's workspace folder. */
export const SetReviewRequest = new RequestType<SetReviewParams, SetReviewResult, void>("provenance/setReview");

export interface ReviewItem extends ReviewVerdictItem {
  /** The reviewed document. */
  uri: string;
  target: ReviewTarget;
  /** The sentence as recorded. */
  sentence: string;
  /** The figure as recorded ("" for a claim). */
  figure: string;
  /** Where the claim or figure is now; absent when orphaned. */
  range?: WireRange;
  /** The sentence (or figure) is no longer in the text. */
  orphaned: boolean;
}

export interface ReviewsParams {
  /** Only verdicts of this document. */
  uri?: string;
}

export interface ReviewsResult {
  reviews: ReviewItem[];
}

export const ReviewsRequest = new RequestType<ReviewsParams | null | undefined, ReviewsResult, void>(
  "provenance/reviews",
);

/** Verdicts changed (this editor or another wrote the reviews file): views are stale. */
export const ReviewsChangedNotification = new NotificationType<{ count: number }>("provenance/reviewsChanged");

/** Client command the review code actions run, with one SetReviewParams (asks for a note when disputing). */
export const REVIEW_COMMAND = "provenance.review";

// ---- Notifications, server → client ----

export interface CorpusChangedParams {
  /** Increases with every change of the corpus. */
  generation: number;
  /** Files in the corpus. (Counts of contradictions: ask provenance/documentStats.) */
  files: number;
}

/** The corpus changed (a file was indexed, edited, removed): views and counts are stale. */
export const CorpusChangedNotification = new NotificationType<CorpusChangedParams>("provenance/corpusChanged");

export interface IndexingStatusParams {
  indexing: boolean;
  done: number;
  total: number;
}

/** Indexing progress (also reported as window/workDoneProgress). */
export const IndexingStatusNotification = new NotificationType<IndexingStatusParams>("provenance/indexingStatus");

export interface IndexedParams {
  files: number;
  skipped: number;
  milliseconds: number;
}

/** Sent once each time a workspace (re-)indexing completes. */
export const IndexedNotification = new NotificationType<IndexedParams>("provenance/indexed");

// ---- Client commands the server refers to (code lens) ----

/** Client command: (uri: string, position: WirePosition, locations: WireLocation[]) → peek them. */
export const PEEK_LOCATIONS_COMMAND = "provenance.peekLocations";

/**
 * Language ids the server analyses whatever the file's path: VS Code's `plaintext`, the `text`
 * filetype Neovim (and Vim, Helix) gives `.txt` files, and this project's `source-text`.
 */
export const SOURCE_LANGUAGES: readonly string[] = ["plaintext", "text", "source-text"];
