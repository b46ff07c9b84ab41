// How engine values read in messages, hovers and outlines. Pure functions, no LSP types.
import type { ActorKind, ClaimKind, Qualifier, SourceKind, Stance } from "../engine";

export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  person: "named person",
  government: "government",
  organization: "organization",
  outlet: "news outlet",
  anonymous: "anonymous source",
  unknown: "unidentified source",
};

export const STANCE_LABEL: Record<Stance, string> = {
  asserts: "asserts",
  claims: "claims",
  alleges: "alleges",
  warns: "warns",
  denies: "denies",
  confirms: "confirms",
  "cannot-confirm": "cannot confirm",
  hedges: "hedges",
};

export const CLAIM_KIND_LABEL: Record<ClaimKind, string> = {
  attributed: "Attributed claim",
  hedged: "Hedged claim",
  denial: "Denial",
  anonymous: "Anonymous source",
};

export const ACTOR_KIND_LABEL: Record<ActorKind, string> = {
  person: "person",
  country: "country",
  organization: "organization",
};

const QUALIFIER_WORD: Record<Qualifier, string> = {
  exact: "",
  approx: "about",
  over: "over",
  under: "under",
  upto: "up to",
  atleast: "at least",
  vague: "",
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

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return Number.isFinite(value) ? numberFormat.format(value) : String(value);
}

/** `about 2,000`, `11,000–12,000`, `up to 6,000`. */
export function formatValue(figure: { value: number; valueMax?: number; qualifier: Qualifier }): string {
  const amount =
    figure.valueMax !== undefined && figure.valueMax !== figure.value
      ? `${formatNumber(figure.value)}–${formatNumber(figure.valueMax)}`
      : formatNumber(figure.value);
  const word = QUALIFIER_WORD[figure.qualifier] ?? "";
  return word ? `${word} ${amount}` : amount;
}

/** `about 2,000 drones`. */
export function formatFigure(figure: { value: number; valueMax?: number; qualifier: Qualifier; unit: string | null }): string {
  const value = formatValue(figure);
  if (!figure.unit) return value;
  return figure.unit === "%" ? `${value}%` : `${value} ${figure.unit}`;
}

/** A slug as words (`north-korean-troops` → `north korean troops`). */
export function humanizeSlug(slug: string): string {
  return slug.replace(/[-_]+/g, " ").trim();
}

/** Text on one line, at most `max` characters. */
export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Escapes Markdown punctuation in text taken from a document. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]|<>~])/g, "\\$1").replace(/^([#+\-=]|\d+\.)/, "\\$1");
}

/** Quoted cue text: `"reportedly"`. */
export function quote(text: string): string {
  return `"${oneLine(text, 60)}"`;
}

/** A figure as written, with its unit when the written text leaves it out (`as many as 1,000 drones`). */
export function figureAsWritten(figure: { text: string; unit: string | null }): string {
  const text = oneLine(figure.text, 60);
  if (!figure.unit || text.toLowerCase().includes(figure.unit.toLowerCase())) return text;
  return figure.unit === "%" ? `${text}%` : `${text} ${figure.unit}`;
}
