// How engine values read in messages: labels, numbers, quoted cues. Pure functions shared by the
// findings (engine), the language server's hovers and outline, and the CLI.
import { memoize } from "./intern";
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
  return value === 0 ? numberFormat.format(value) : formatNonZero(value); // 0 and -0 are one Map key
}

/** Intl formatting costs microseconds a call, and every edit words every figure of the file again. */
const formatNonZero = memoize(
  (value: number) => (Number.isFinite(value) ? numberFormat.format(value) : String(value)),
  10_000,
);

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
  // Most texts (a cue, a name, a sentence) are on one line already: no regular expression run for them.
  const flat = isOneLine(text) ? text : text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Whether `\s+` → " " and trimming leave `text` as it is: no white space but single inner spaces. */
function isOneLine(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (c === 0x20) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 0x20) return false;
    } else if (c < 0x20 || isWideSpace(c)) return false;
  }
  return true;
}

/** The white space `\s` matches above U+007E (with U+0085 taken as a space too, which only costs a replace). */
function isWideSpace(c: number): boolean {
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
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
