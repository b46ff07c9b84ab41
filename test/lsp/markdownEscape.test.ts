// escapeMarkdown (server/src/lsp/wording.ts): document text put into every place a hover puts it
// (a quote, a list item, bold, a link label, a table cell, a line start) renders, with markdown-it
// (VS Code's Markdown renderer) and HTML allowed, as exactly that text: no element of its own, and
// the hover's own structure (the link, the table's columns) unchanged.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import MarkdownIt from "markdown-it";
import { escapeMarkdown } from "../../server/src/lsp/wording";

const md = new MarkdownIt({ html: true });

const HOSTILE = [
  "a | b",
  "back\\slash",
  "ends with a backslash\\",
  "\\*not bold\\*",
  "[click](javascript:alert(1))",
  "![image](https://example.com/x.png)",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<https://example.com>",
  "*bold* **strong** _it_ __u__",
  "`code` ``more``",
  "# heading",
  "> quote",
  "- item",
  "+ item",
  "1. first",
  "2) second",
  "===",
  "~~struck~~ ~one~",
  "&amp; &copy; &#60;",
  "[a]: https://example.com",
  "a]b[c",
  "    indented code",
  "ordinary text, 1,200 drones (3.1%)",
];

/** Where hover.ts puts document text: a template with a slot. */
const CONTEXTS: Record<string, (slot: string) => string> = {
  "line start": (s) => s,
  quote: (s) => `> ${s}`,
  "list item": (s) => `- **Who:** ${s} — person`,
  bold: (s) => `**${s}** — person`,
  "link label": (s) => `[${s}:5](file:///w/a.txt#L5)`,
  "table cell": (s) => `| Value | Source |\n|---|---|\n| ${s} | ${s} |`,
  "before a colon": (s) => `- ✓ corroborates — ${s}: “x”`,
};

const tags = (html: string) => [...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[0]);
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("escapeMarkdown: document text reads as text wherever a hover puts it", () => {
  for (const [context, template] of Object.entries(CONTEXTS)) {
    test(context, () => {
      const plain = md.render(template("PLACEHOLDER"));
      for (const hostile of HOSTILE) {
        const html = md.render(template(escapeMarkdown(hostile)));
        assert.deepEqual(tags(html), tags(plain), `${JSON.stringify(hostile)} changed the structure: ${html}`);
        assert.ok(
          textOf(html).includes(hostile.trim().replace(/\s+/g, " ")),
          `${JSON.stringify(hostile)} does not read as itself: ${html}`,
        );
      }
    });
  }

  test("ordinary text is left as it is", () => {
    assert.equal(
      escapeMarkdown("Ukrainian military intelligence, 3 March 2026"),
      "Ukrainian military intelligence, 3 March 2026",
    );
  });
});
