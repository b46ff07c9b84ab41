// The figures table (client/src/figuresMarkdown.ts): subjects × sources × values as Markdown,
// conflicting subjects first, links to lines, table cells escaped.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderFiguresMarkdown } from "../../client/src/figuresMarkdown";
import type { FigureMemberItem, FiguresResult } from "../../server/src/protocol";

const range = (line: number) => ({ start: { line, character: 3 }, end: { line, character: 14 } });
const member = (uri: string, line: number, text: string, source: string | null, conflicting: boolean): FigureMemberItem => ({
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
  assert.match(md, /\| Ukrainian military intelligence \| ⚠ about 2,000 \| drones \| 3 March 2026 \| \[kyiv\.txt:5\]\(file:\/\/\/w\/kyiv\.txt#L5\) \|/);
  assert.match(md, /\[washington desk\.txt:3\]\(file:\/\/\/w\/washington%20desk\.txt#L3\)/);
  assert.match(md, /U\.S\. officials \\\| Pentagon/, "a | inside a cell is escaped");
  assert.match(md, /\| unattributed \| about 800 \|/);
  assert.match(md, /Generated 2026-03-20 10:00 UTC — 2 subjects/);
});

test("an empty corpus says so", () => {
  assert.match(renderFiguresMarkdown({ groups: [] }), /No figures with a subject/);
});
