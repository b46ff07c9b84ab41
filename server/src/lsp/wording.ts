// How engine values read in messages, hovers and outlines. Pure functions, no LSP types.
import type { Paragraph } from "mdast";
import { toMarkdown, type Unsafe } from "mdast-util-to-markdown";
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

// Markdown escaping is mdast-util-to-markdown's (the CommonMark serializer of the unified
// collective): text serialized as a text node escapes what CommonMark would read as markup there —
// emphasis, backticks, `[`, `<` before a tag or an autolink, `&` before an entity, a leading `#`,
// `>`, `-`, `+`, `1.`, `=`. Its escapes are minimal for a whole document, but our text is a
// fragment that lands inside a line the hover writes (a link label, a table cell, before `**`), so
// four characters are made always unsafe through its documented `unsafe` option: `\` (a trailing
// backslash would escape the hover's next character), `|` (table cells), `]` (link labels) and `~`
// (GitHub strikethrough, outside CommonMark).
const FRAGMENT_UNSAFE: Unsafe[] = ["\\", "|", "]", "~"].map((character) => ({ character, inConstruct: "phrasing" }));

/** Escapes Markdown in text taken from a document, so that it reads as the text, never as markup. */
export function escapeMarkdown(text: string): string {
  const paragraph: Paragraph = { type: "paragraph", children: [{ type: "text", value: text }] };
  return toMarkdown(paragraph, { unsafe: FRAGMENT_UNSAFE }).replace(/\n$/, "");
}

/** A figure as written, with its unit when the written text leaves it out (`as many as 1,000 drones`). */
export function figureAsWritten(figure: { text: string; unit: string | null }): string {
  const text = oneLine(figure.text, 60);
  if (!figure.unit || text.toLowerCase().includes(figure.unit.toLowerCase())) return text;
  return figure.unit === "%" ? `${text}%` : `${text} ${figure.unit}`;
}
