// The figures table (client/src/figuresMarkdown.ts): subjects × sources × values as Markdown,
// conflicting subjects first, links to lines, table cells escaped.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderFiguresMarkdown } from "../../client/src/figuresMarkdown";
import type { FigureMemberItem, FiguresResult } from "../../server/src/protocol";

const range = (line: number) => ({ start: { line, character: 3 }, end: { line, character: 14 } });
const member = (
  uri: string,
  line: number,
  text: string,
  source: string | null,
  conflicting: boolean,
): FigureMemberItem => ({
  uri,
  range: range(line),
  text,
  value: Number(text.replace(/\D/g, "")),
  qualifier: "approx",
  unit: "drones",
  source,
  date: "3 March 2026",
  conflicting,
});

const RESULT: FiguresResult = {
  groups: [
    {
      subject: "workers",
      label: "Alabuga workers",
      conflicting: false,
      members: [member("file:///w/kyiv.txt", 4, "about 800", null, false)],
    },
    {
      subject: "iran-drones-in-russia",
      label: "Iran drones in Russia",
      conflicting: true,
      members: [
        member("file:///w/kyiv.txt", 4, "about 2,000", "Ukrainian military intelligence", true),
        member("file:///w/washington%20desk.txt", 2, "as many as 1,000", "U.S. officials | Pentagon", true),
      ],
    },
  ],
};

test("conflicting subjects come first, with every source, value, date and a line link", () => {
  const md = renderFiguresMarkdown(RESULT, new Date("2026-03-20T10:00:00Z"));
  assert.ok(md.indexOf("## ⚠ Iran drones in Russia") < md.indexOf("## Alabuga workers"));
  assert.match(
    md,
    /\| Ukrainian military intelligence \| ⚠ about 2,000 \| drones \| 3 March 2026 \| \[kyiv\.txt:5\]\(file:\/\/\/w\/kyiv\.txt#L5\) \|/,
  );
  assert.match(md, /\[washington desk\.txt:3\]\(file:\/\/\/w\/washington%20desk\.txt#L3\)/);
  assert.match(md, /U\.S\. officials \\\| Pentagon/, "a | inside a cell is escaped");
  assert.match(md, /\| unattributed \| about 800 \|/);
  assert.match(md, /Generated 2026-03-20 10:00 UTC — 2 subjects/);
});

test("an empty corpus says so", () => {
  assert.match(renderFiguresMarkdown({ groups: [] }), /No figures with a subject/);
});

test("hostile text in any cell reads as text: no link, markup, HTML or extra column", () => {
  const hostile = "[click](javascript:alert(1)) | \\ *bold* _it_ `code` <script>x</script>";
  const result: FiguresResult = {
    groups: [
      {
        subject: "s",
        label: `# heading ${hostile}`,
        conflicting: false,
        members: [
          { ...member("file:///w/a.txt", 0, hostile, `> quoted ${hostile}`, false), unit: "- item", date: "1. first" },
        ],
      },
    ],
  };
  const md = renderFiguresMarkdown(result, new Date(0));
  assert.doesNotMatch(md, /(?<!\\)\[click\]\(/, "no link from the text");
  assert.doesNotMatch(md, /(?<!\\)<script>/, "no HTML from the text");
  assert.doesNotMatch(md, /(?<![\\\w])[*`](?=bold|code)/, "no emphasis or code from the text");
  assert.match(
    md,
    /\\\[click]\\\(javascript:alert\(1\)\) \\\| \\\\? \\\*bold\\\* \\_it\\_ \\`code\\` \\<script>x\\<\/script>/,
  );
  const rows = md.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| -"));
  const columns = (line: string) => line.replace(/\\\\/g, "").split(/(?<!\\)\|/).length - 2;
  assert.deepEqual(rows.map(columns), [3, 3, 5, 5], "a | in the text never adds a column");
  assert.match(md, /^## # heading /m, "a # inside a heading is text (only a leading one opens it)");
});
