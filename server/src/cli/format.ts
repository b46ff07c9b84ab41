// Human-readable and JSON reports of the CLI.
import { subjectLabel, type Analysis, type Contradiction, type Corpus, type Review } from "../engine";
import { verdictJson, verdictLabel, type ReviewLookup } from "./reviews";

/** `{review: …}` when a verdict exists (the scorer's shape is unchanged otherwise). */
function reviewField(review: Review | undefined): { review?: ReturnType<typeof verdictJson> } {
  return review ? { review: verdictJson(review) } : {};
}

/** 1-based line and column of an offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return { line, col: offset - last };
}

const oneLine = (s: string, max = 110) => {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
};

export function formatAnalysis(corpus: Corpus, files: string[], reviews?: ReviewLookup): string {
  const lines: string[] = [];
  for (const file of files) {
    const a = corpus.analysis(file)!;
    const rows: Array<[number, string]> = [];
    for (const c of a.claims) {
      const code = c.kinds.includes("denial") ? "claim.denial" : c.kinds.includes("anonymous") ? "claim.anonymous" : c.kinds.includes("hedged") ? "claim.hedged" : "claim.attributed";
      const cues = c.cues.map((x) => `"${x.text}"`).join(", ");
      const src = c.source ? `source: ${c.source.text} (${c.source.kind})` : "no named source";
      const verdict = verdictLabel(reviews?.verdictFor(file, a, "claim", c.start));
      rows.push([c.start, `${code} [${c.kinds.join(", ")}] ${c.stance}; ${cues}; ${src} — ${oneLine(c.text, 80)}${verdict}`]);
    }
    a.figures.forEach((f, i) => {
      const group = corpus.figureGroupOf(file, i);
      const others = group ? group.members.filter((m) => m.file !== file).length : 0;
      rows.push([f.start, `figure ${f.text}${f.unit ? " " + f.unit : ""} = ${f.value}${f.valueMax !== undefined ? "–" + f.valueMax : ""} (${f.qualifier}); subject: ${group?.label ?? (subjectLabel(f.subject) || "unknown")}${others ? `; also in ${others} other mention(s)` : ""}${verdictLabel(reviews?.verdictFor(file, a, "figure", f.start))}`]);
    });
    rows.sort((x, y) => x[0] - y[0]);
    lines.push(`${file}: ${a.claims.length} claims, ${a.figures.length} figures, ${new Set(a.actors.map((x) => x.canonical)).size} actors`);
    for (const [offset, msg] of rows) {
      const { line, col } = lineCol(a.text, offset);
      lines.push(`${file}:${line}:${col}: ${msg}`);
    }
    for (const orphan of reviews?.orphanedIn(file, a) ?? []) {
      lines.push(`${file}: orphaned verdict (sentence no longer in the text)${verdictLabel(orphan)} — ${oneLine(orphan.sentence, 80)}`);
    }
  }
  return lines.join("\n");
}

export function toScorerJson(corpus: Corpus, files: string[], reviews?: ReviewLookup): unknown {
  return {
    files: files.map((file) => {
      const a = corpus.analysis(file) as Analysis;
      return {
        file,
        actors: a.actors.map(({ start, end, text, kind, canonical }) => ({ start, end, text, kind, canonical })),
        figures: a.figures.map((f, i) => ({
          start: f.start,
          end: f.end,
          text: f.text,
          value: f.value,
          qualifier: f.qualifier,
          unit: f.unit,
          subject: corpus.figureGroupOf(file, i)?.subject ?? f.subject,
          ...reviewField(reviews?.verdictFor(file, a, "figure", f.start)),
        })),
        claims: a.claims.map((c) => ({
          start: c.start,
          end: c.end,
          text: c.text,
          kinds: c.kinds,
          source: c.source ? { start: c.source.start, end: c.source.end, text: c.source.text } : null,
          cues: c.cues.map((x) => x.text),
          ...reviewField(reviews?.verdictFor(file, a, "claim", c.start)),
        })),
      };
    }),
    contradictions: corpus.contradictions().map(({ kind, summary, members }) => ({
      kind,
      summary,
      members: members.map(({ file, start, end, text, side, source, date }) => ({ file, start, end, text, side, source, date })),
    })),
  };
}

export function formatContradictions(corpus: Corpus): string {
  const list = corpus.contradictions();
  if (list.length === 0) return `No contradictions found in ${corpus.files().length} file(s).`;
  const out: string[] = [];
  const figure = list.filter((c) => c.kind === "figure");
  const stance = list.filter((c) => c.kind === "stance");
  if (figure.length) out.push(`Figures that disagree (${figure.length})`, ...figure.flatMap((c, i) => describe(corpus, c, i + 1)));
  if (stance.length) out.push(`${figure.length ? "\n" : ""}Statements asserted and denied (${stance.length})`, ...stance.flatMap((c, i) => describe(corpus, c, i + 1)));
  return out.join("\n");
}

function describe(corpus: Corpus, c: Contradiction, n: number): string[] {
  const rows = [``, `${n}. ${c.summary}${c.revision ? " [revision]" : ""}`];
  for (const side of ["a", "b"] as const) {
    const label = c.kind === "stance" ? (side === "a" ? "denies" : "asserts") : `side ${side.toUpperCase()}`;
    for (const m of c.members.filter((x) => x.side === side)) {
      const text = corpus.analysis(m.file)?.text ?? "";
      const { line } = lineCol(text, m.start);
      rows.push(`   ${label.padEnd(8)} ${m.file}:${line}  ${oneLine(m.text, 70)}${m.source ? `  — ${m.source}` : ""}${m.date ? `, ${m.date}` : ""}`);
    }
  }
  return rows;
}

export function formatFigureTable(corpus: Corpus): string {
  const groups = corpus.figureGroups().filter((g) => g.members.length > 1 || new Set(g.members.map((m) => m.file)).size > 1);
  if (groups.length === 0) return "No figure is given for the same subject more than once.";
  const out: string[] = [];
  for (const g of groups) {
    const rows = g.members.map((m) => {
      const text = corpus.analysis(m.file)?.text ?? "";
      return [m.text + (m.unit ? " " + m.unit : ""), m.source ?? "(the text itself)", m.date ?? "", `${m.file}:${lineCol(text, m.start).line}`];
    });
    const header = ["value", "source", "date", "file"];
    const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
    const line = (cells: string[]) => "  " + cells.map((c, i) => (i === cells.length - 1 ? c : oneLine(c, widths[i]!).padEnd(widths[i]!))).join("  ");
    out.push(`\n${g.label}`, line(header), ...rows.map(line));
  }
  return out.join("\n").trimStart();
}
