// How engine values read in messages, hovers and outlines. Pure functions, no LSP types.
import type { ActorKind, Qualifier } from "../engine";
import { oneLine } from "../engine/wording";

export {
  CLAIM_KIND_LABEL,
  formatFigure,
  formatNumber,
  formatValue,
  oneLine,
  quote,
  SOURCE_KIND_LABEL,
  STANCE_LABEL,
} from "../engine/wording";

export const ACTOR_KIND_LABEL: Record<ActorKind, string> = {
  person: "person",
  country: "country",
  organization: "organization",
};

export const QUALIFIER_LABEL: Record<Qualifier, string> = {
  exact: "exact",
  approx: "approximate",
  over: "more than",
  under: "less than",
  upto: "up to (upper bound)",
  atleast: "at least (lower bound)",
  vague: "vague magnitude",
};

/** A slug as words (`north-korean-troops` → `north korean troops`). */
export function humanizeSlug(slug: string): string {
  return slug.replace(/[-_]+/g, " ").trim();
}

/** Escapes Markdown punctuation in text taken from a document. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]|<>~])/g, "\\$1").replace(/^([#+\-=]|\d+\.)/, "\\$1");
}

/** A figure as written, with its unit when the written text leaves it out (`as many as 1,000 drones`). */
export function figureAsWritten(figure: { text: string; unit: string | null }): string {
  const text = oneLine(figure.text, 60);
  if (!figure.unit || text.toLowerCase().includes(figure.unit.toLowerCase())) return text;
  return figure.unit === "%" ? `${text}%` : `${text} ${figure.unit}`;
}
