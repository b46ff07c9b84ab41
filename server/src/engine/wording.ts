// How engine values read in messages: labels, numbers, quoted cues. Pure functions shared by the
// findings (engine), the language server's hovers and outline, and the CLI.
import type { ClaimKind, Qualifier, SourceKind, Stance } from "./types";

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

const QUALIFIER_WORD: Record<Qualifier, string> = {
  exact: "",
  approx: "about",
  over: "over",
  under: "under",
  upto: "up to",
  atleast: "at least",
  vague: "",
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
export function formatFigure(figure: {
  value: number;
  valueMax?: number;
  qualifier: Qualifier;
  unit: string | null;
}): string {
  const value = formatValue(figure);
  if (!figure.unit) return value;
  return figure.unit === "%" ? `${value}%` : `${value} ${figure.unit}`;
}

/** Text on one line, at most `max` characters. */
export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Quoted cue text: `"reportedly"`. */
export function quote(text: string): string {
  return `"${oneLine(text, 60)}"`;
}

/** The last segment of a path or URI, decoded (`kyiv-bulletin.txt`). */
export function baseName(file: string): string {
  const last = file.slice(file.replace(/[\\/]+$/, "").search(/[^\\/]*$/)).replace(/[\\/]+$/, "");
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(file) ? decodeURIComponent(last) : last;
  } catch {
    return last;
  }
}
