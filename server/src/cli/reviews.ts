// Review verdicts for the CLI: the `.provenance/reviews.json` of the nearest folder above each
// analysed file (as an editor keeps it in its workspace folder), and a lookup of the verdict on a
// claim or a figure of a file.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import {
  locateReviews,
  parseReviews,
  reviewAt,
  reviewedReport,
  type Analysis,
  type Finding,
  type Review,
  type ReviewLocations,
  type ReviewTargetKind,
} from "../engine";

const REVIEWS_PATH = join(".provenance", "reviews.json");

export interface ReviewLookup {
  /** The verdict on the claim (its sentence) or the figure at `offset` of `file`, if any. */
  verdictFor(file: string, analysis: Analysis, kind: ReviewTargetKind, offset: number): Review | undefined;
  /** Verdicts of `file` whose sentence is no longer in it. */
  orphanedIn(file: string, analysis: Analysis): Review[];
  /** Whether a verdict is anchored in `file` (else `verdictFor` reads nothing of the analysis). */
  hasVerdicts(file: string, analysis: Analysis): boolean;
  /** Reviews files that could not be read, with why. */
  problems: string[];
}

export function loadReviews(): ReviewLookup {
  const byRoot = new Map<string, Review[]>();
  const rootOf = new Map<string, string | null>();
  const located = new Map<string, ReviewLocations>();
  const problems: string[] = [];

  const findRoot = (dir: string): string | null => {
    const held = rootOf.get(dir);
    if (held !== undefined) return held;
    const parent = dirname(dir);
    const root = existsSync(join(dir, REVIEWS_PATH)) ? dir : parent === dir ? null : findRoot(parent);
    rootOf.set(dir, root);
    return root;
  };
  const reviewsAt = (root: string): Review[] => {
    let reviews = byRoot.get(root);
    if (!reviews) {
      const path = join(root, REVIEWS_PATH);
      const parsed = parseReviews(readFileSync(path, "utf8"));
      if ("error" in parsed) problems.push(`${path}: ${parsed.error}`);
      reviews = "error" in parsed ? [] : parsed.reviews;
      byRoot.set(root, reviews);
    }
    return reviews;
  };
  // By the path as given, then by absolute path: asked once per finding, a path is resolved once.
  const locatedAs = new Map<string, ReviewLocations>();
  const locate = (file: string, analysis: Analysis): ReviewLocations => {
    const given = locatedAs.get(file);
    if (given) return given;
    const absolute = resolve(file);
    let found = located.get(absolute);
    if (!found) {
      const root = findRoot(dirname(absolute));
      found = root
        ? locateReviews(analysis, relative(root, absolute).split(sep).join("/"), reviewsAt(root))
        : { anchored: [], orphaned: [] };
      located.set(absolute, found);
    }
    locatedAs.set(file, found);
    return found;
  };
  return {
    verdictFor: (file, analysis, kind, offset) => {
      const located = locate(file, analysis);
      return located.anchored.length > 0 ? reviewAt(analysis, located, kind, offset)?.review : undefined;
    },
    orphanedIn: (file, analysis) => locate(file, analysis).orphaned,
    hasVerdicts: (file, analysis) => locate(file, analysis).anchored.length > 0,
    problems,
  };
}

/** ` [verified by Ana]`, ` [disputed by Bo: older figure]`, or "". */
export function verdictLabel(review: Review | undefined): string {
  if (!review) return "";
  const by = review.reviewer ? ` by ${review.reviewer}` : "";
  return ` [${review.verdict}${by}${review.note ? `: ${review.note.replace(/\s+/g, " ")}` : ""}]`;
}

/** The JSON form of a verdict. */
export function verdictJson(review: Review): { verdict: string; reviewer: string; date: string; note?: string } {
  return {
    verdict: review.verdict,
    reviewer: review.reviewer,
    date: review.date,
    ...(review.note ? { note: review.note } : {}),
  };
}

/** A finding with the verdict on its claim or figure, if any. */
export type ReviewedFinding = Finding & { review?: Review };

/**
 * The findings of one file as the editor shows them once verdicts are read: verified → a hint
 * saying so, disputed → kept with the note, ignored → left out (the server's applyReviews).
 */
export function withVerdicts(
  file: string,
  analysis: Analysis,
  findings: readonly Finding[],
  reviews: ReviewLookup,
): ReviewedFinding[] {
  const out: ReviewedFinding[] = [];
  for (const finding of findings) {
    const review = reviews.verdictFor(file, analysis, finding.data.element, finding.span.start);
    if (!review) {
      out.push(finding);
      continue;
    }
    const report = reviewedReport(review, finding.message);
    if (!report.hidden)
      out.push({
        ...finding,
        message: report.message,
        review,
        ...(report.toHint ? { severity: "hint" as const } : {}),
      });
  }
  return out;
}
