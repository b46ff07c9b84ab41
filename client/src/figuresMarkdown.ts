// The figures table as Markdown: one section per subject, one row per mention (source, value,
// date, link to the line). Pure: no vscode import, so tests can render it.
import type { FigureGroupItem, FiguresResult } from "../../server/src/protocol";

export function renderFiguresMarkdown(result: FiguresResult, now = new Date()): string {
  const groups = [...result.groups].sort((a, b) => Number(b.conflicting) - Number(a.conflicting) || a.label.localeCompare(b.label));
  const lines = ["# Figures across sources", "", `_Generated ${now.toISOString().slice(0, 16).replace("T", " ")} UTC — ${groups.length} subject${groups.length === 1 ? "" : "s"}._`, ""];
  if (groups.length === 0) {
    lines.push("No figures with a subject in the indexed source texts yet.");
    return lines.join("\n") + "\n";
  }
  lines.push("| Subject | Sources | Values |", "|---|---|---|");
  for (const group of groups) {
    const sources = new Set(group.members.map((m) => m.source ?? "unattributed"));
    const values = [...new Set(group.members.map((m) => cell(m.text)))];
    lines.push(`| ${group.conflicting ? "⚠ " : ""}[${cell(group.label)}](#${anchor(group)}) | ${sources.size} | ${values.join(" · ")} |`);
  }
  for (const group of groups) {
    lines.push("", `## ${group.conflicting ? "⚠ " : ""}${cell(group.label)}`, "", `<a id="${anchor(group)}"></a>`, "");
    if (group.conflicting) lines.push("_The sources disagree (⚠ marks the conflicting values)._", "");
    lines.push("| Source | Value | Unit | Date | Where |", "|---|---|---|---|---|");
    for (const m of group.members) {
      const where = `[${cell(fileName(m.uri))}:${m.range.start.line + 1}](${m.uri.replace(/\(/g, "%28").replace(/\)/g, "%29")}#L${m.range.start.line + 1})`;
      lines.push(`| ${cell(m.source ?? "unattributed")} | ${m.conflicting ? "⚠ " : ""}${cell(m.text)} | ${cell(m.unit ?? "")} | ${cell(m.date ?? "")} | ${where} |`);
    }
  }
  return lines.join("\n") + "\n";
}

function anchor(group: FigureGroupItem): string {
  return `subject-${group.subject.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
}

function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, "");
  return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/([\\|*_`[\]<>])/g, "\\$1").trim();
}
