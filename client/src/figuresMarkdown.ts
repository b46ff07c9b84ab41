// The figures table as Markdown: one section per subject, one row per mention (source, value,
// date, link to the line). Built as a Markdown syntax tree (mdast) and written by
// mdast-util-to-markdown with the GFM table extension, which escapes document text for where it
// lands (a `|` in a cell, `*`, `[`, `<`, a leading `#` …). Pure: no vscode import, so tests can render it.
import type { Html, Link, PhrasingContent, Root, RootContent, Table, TableRow } from "mdast";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import { toMarkdown } from "mdast-util-to-markdown";
import type { FigureGroupItem, FiguresResult } from "../../server/src/protocol";

export function renderFiguresMarkdown(result: FiguresResult, now = new Date()): string {
  const groups = [...result.groups].sort(
    (a, b) => Number(b.conflicting) - Number(a.conflicting) || a.label.localeCompare(b.label),
  );
  const generated = `Generated ${now.toISOString().slice(0, 16).replace("T", " ")} UTC — ${groups.length} subject${groups.length === 1 ? "" : "s"}.`;
  const children: RootContent[] = [
    heading(1, [text("Figures across sources")]),
    paragraph([{ type: "emphasis", children: [text(generated)] }]),
  ];
  if (groups.length === 0) {
    children.push(paragraph([text("No figures with a subject in the indexed source texts yet.")]));
  } else {
    children.push(summaryTable(groups));
    for (const group of groups) children.push(...groupSection(group));
  }
  const root: Root = { type: "root", children };
  return toMarkdown(root, { extensions: [gfmTableToMarkdown({ tablePipeAlign: false })], emphasis: "_" });
}

function summaryTable(groups: FigureGroupItem[]): Table {
  const rows = groups.map((group) => {
    const sources = new Set(group.members.map((m) => m.source ?? "unattributed"));
    const values = [...new Set(group.members.map((m) => oneLine(m.text)))];
    const subject: Link = { type: "link", url: `#${anchor(group)}`, children: [text(oneLine(group.label))] };
    return row([
      [...(group.conflicting ? [text("⚠ ")] : []), subject],
      [text(String(sources.size))],
      [text(values.join(" · "))],
    ]);
  });
  return table(["Subject", "Sources", "Values"], rows);
}

function groupSection(group: FigureGroupItem): RootContent[] {
  const target: Html = { type: "html", value: `<a id="${anchor(group)}"></a>` };
  const section: RootContent[] = [
    heading(2, [text(`${group.conflicting ? "⚠ " : ""}${oneLine(group.label)}`)]),
    target,
  ];
  if (group.conflicting)
    section.push(
      paragraph([{ type: "emphasis", children: [text("The sources disagree (⚠ marks the conflicting values).")] }]),
    );
  const rows = group.members.map((m) => {
    const line = m.range.start.line + 1;
    const where: Link = { type: "link", url: `${m.uri}#L${line}`, children: [text(`${fileName(m.uri)}:${line}`)] };
    const cells = [m.source ?? "unattributed", `${m.conflicting ? "⚠ " : ""}${m.text}`, m.unit ?? "", m.date ?? ""];
    return row([...cells.map((c) => [text(oneLine(c))]), [where]]);
  });
  section.push(table(["Source", "Value", "Unit", "Date", "Where"], rows));
  return section;
}

function table(header: string[], rows: TableRow[]): Table {
  return { type: "table", children: [row(header.map((h) => [text(h)])), ...rows] };
}

function row(cells: PhrasingContent[][]): TableRow {
  return { type: "tableRow", children: cells.map((children) => ({ type: "tableCell", children })) };
}

function heading(depth: 1 | 2, children: PhrasingContent[]): RootContent {
  return { type: "heading", depth, children };
}

function paragraph(children: PhrasingContent[]): RootContent {
  return { type: "paragraph", children };
}

function text(value: string): PhrasingContent {
  return { type: "text", value };
}

/** A table cell holds one line. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function anchor(group: FigureGroupItem): string {
  return `subject-${group.subject.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
}

function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, "");
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
  } catch {
    return path.slice(path.lastIndexOf("/") + 1);
  }
}
