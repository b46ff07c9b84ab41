// The figures table as a self-contained HTML page for a webview: subjects × sources × values,
// conflicting subjects first. No remote resources; a strict Content-Security-Policy allows only
// the inline style and the one script carrying `nonce`. Links post {type: "open"} messages;
// the "Open as Markdown" button posts {type: "markdown"}. Pure: no vscode import.
import escapeHtml from "escape-html"; // text and attribute values: & < > " '
import type { FigureGroupItem, FigureMemberItem, FiguresResult } from "../../server/src/protocol";

export interface HtmlOptions {
  nonce: string;
  /** The webview's `cspSource` (allowed for styles). */
  cspSource: string;
  now?: Date;
}

export function renderFiguresHtml(result: FiguresResult, options: HtmlOptions): string {
  const groups = sortGroups(result.groups);
  const now = options.now ?? new Date();
  const csp = [
    "default-src 'none'",
    `style-src ${options.cspSource} 'nonce-${options.nonce}'`,
    `script-src 'nonce-${options.nonce}'`,
  ].join("; ");
  const body =
    groups.length === 0
      ? `<p class="empty">No figures with a subject in the indexed source texts yet.</p>`
      : `${summaryTable(groups)}\n${groups.map(groupSection).join("\n")}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Figures across sources</title>
<style nonce="${options.nonce}">${STYLE}</style>
</head>
<body>
<header>
<h1>Figures across sources</h1>
<button id="markdown" type="button" title="Open this table as a Markdown document">Open as Markdown</button>
</header>
<p class="meta">Generated ${escapeHtml(now.toISOString().slice(0, 16).replace("T", " "))} UTC — ${groups.length} subject${groups.length === 1 ? "" : "s"}. ⚠ marks values that conflict.</p>
${body}
<script nonce="${options.nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

export function sortGroups(groups: readonly FigureGroupItem[]): FigureGroupItem[] {
  return [...groups].sort((a, b) => Number(b.conflicting) - Number(a.conflicting) || a.label.localeCompare(b.label));
}

function summaryTable(groups: FigureGroupItem[]): string {
  const rows = groups.map((g, i) => {
    const sources = new Set(g.members.map((m) => m.source ?? "unattributed")).size;
    const values = [...new Set(g.members.map((m) => m.text.replace(/\s+/g, " ")))];
    return `<tr><td>${g.conflicting ? "⚠ " : ""}<a href="#subject-${i}">${escapeHtml(g.label)}</a></td><td class="num">${sources}</td><td>${values.map((v) => escapeHtml(v)).join(" · ")}</td></tr>`;
  });
  return `<table class="summary"><thead><tr><th>Subject</th><th>Sources</th><th>Values</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function groupSection(group: FigureGroupItem, index: number): string {
  const rows = group.members.map(memberRow).join("");
  const note = group.conflicting ? `<p class="note">The sources disagree.</p>` : "";
  return `<section id="subject-${index}"><h2>${group.conflicting ? "⚠ " : ""}${escapeHtml(group.label)}</h2>${note}
<table><thead><tr><th>Source</th><th>Value</th><th>Unit</th><th>Date</th><th>Where</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function memberRow(m: FigureMemberItem): string {
  const line = m.range.start.line + 1;
  const where = `<a href="#" data-uri="${escapeHtml(m.uri)}" data-range="${escapeHtml(JSON.stringify(m.range))}" title="${escapeHtml(m.uri)}#L${line}">${escapeHtml(fileName(m.uri))}:${line}</a>`;
  return `<tr${m.conflicting ? ' class="conflict"' : ""}><td>${escapeHtml(m.source ?? "unattributed")}</td><td>${m.conflicting ? "⚠ " : ""}${escapeHtml(m.text)}</td><td>${escapeHtml(m.unit ?? "")}</td><td>${escapeHtml(m.date ?? "")}</td><td>${where}</td></tr>`;
}

function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, "");
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
  } catch {
    return path.slice(path.lastIndexOf("/") + 1);
  }
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
header { display: flex; align-items: center; justify-content: space-between; gap: 1em; }
h1 { font-size: 1.5em; font-weight: 600; }
h2 { font-size: 1.2em; font-weight: 600; margin-top: 1.8em; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .3em; }
h2 code { font-size: .75em; color: var(--vscode-descriptionForeground); margin-left: .5em; }
.meta, .note, .empty { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; margin: .6em 0; min-width: 60%; }
th, td { text-align: left; padding: .35em .8em; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
th { font-weight: 600; }
td.num { text-align: right; }
tr.conflict td { background: var(--vscode-inputValidation-warningBackground, transparent); }
a { color: var(--vscode-textLink-foreground); text-decoration: none; cursor: pointer; }
a:hover { text-decoration: underline; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .4em .9em; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-uri]");
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: "open", uri: link.dataset.uri, range: JSON.parse(link.dataset.range) });
});
document.getElementById("markdown").addEventListener("click", () => vscode.postMessage({ type: "markdown" }));
`;
