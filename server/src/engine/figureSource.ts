// Who gives a figure: the source of the claim its sentence is, unless a semicolon sets the figure in
// a clause of its own ("The ministry lowered its toll to 471; the army said the figures were inflated").
import type { Analysis, Claim, ClaimSource, Figure } from "./types";
import { covering } from "./spans";

export function claimGivingFigure(analysis: Analysis, figure: Pick<Figure, "start" | "end">): Claim | undefined {
  const claim = covering(analysis.claims, figure.start); // claims are sentences: sorted, disjoint
  if (!claim) return undefined;
  const anchor =
    claim.source && claim.source.start >= claim.start && claim.source.end <= claim.end ? claim.source : claim.cues[0];
  if (!anchor) return claim;
  const [from, to] = anchor.end <= figure.start ? [anchor.end, figure.start] : [figure.end, anchor.start];
  return from < to && analysis.text.slice(from, to).includes(";") ? undefined : claim;
}

export function figureSource(analysis: Analysis, figure: Pick<Figure, "start" | "end">): ClaimSource | null {
  return claimGivingFigure(analysis, figure)?.source ?? null;
}
