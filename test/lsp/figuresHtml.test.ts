// The figures webview page (client/src/figuresHtml.ts): strict CSP, no remote resources, every
// value with its source and a link carrying its location, text escaped.
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderFiguresHtml } from "../../client/src/figuresHtml";
import type { FiguresResult } from "../../server/src/protocol";

const range = { start: { line: 2, character: 74 }, end: { line: 2, character: 90 } };
const RESULT: FiguresResult = {
  groups: [
    {
      subject: "iran-drones-in-russia",
      label: "Iran drones in Russia",
      conflicting: true,
      members: [
        {
          uri: "file:///w/washington.txt",
          range,
          text: "as many as 1,000",
          value: 1000,
          qualifier: "upto",
          unit: "drones",
          source: "U.S. officials",
          date: "10 March 2026",
          conflicting: true,
        },
        {
          uri: "file:///w/x.txt",
          range,
          text: "<script>alert(1)</script>",
          value: 1,
          qualifier: "exact",
          unit: null,
          source: 'a "quoted" <b>source</b>',
          date: null,
          conflicting: false,
        },
      ],
    },
  ],
};

const html = renderFiguresHtml(RESULT, {
  nonce: "abc123",
  cspSource: "vscode-webview://x",
  now: new Date("2026-03-20T10:00:00Z"),
});

test("a strict Content-Security-Policy: nothing but the nonce'd style and script", () => {
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-abc123'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
  assert.equal((html.match(/<script/g) ?? []).length, 1, "only the page's own script");
  assert.match(html, /<script nonce="abc123">/);
  assert.doesNotMatch(html, /\b(src|href)="https?:/, "no remote resources");
});

test("values, sources, dates and a link with the location", () => {
  assert.match(html, /U\.S\. officials/);
  assert.match(html, /⚠ as many as 1,000/);
  assert.match(html, /10 March 2026/);
  assert.match(html, /data-uri="file:\/\/\/w\/washington\.txt"/);
  const data = /data-range="([^"]+)"/.exec(html)?.[1]?.replace(/&quot;/g, '"');
  assert.deepEqual(JSON.parse(data ?? "null"), range);
  assert.match(html, />washington\.txt:3</);
});

test("document text is escaped", () => {
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(html, /<b>source<\/b>/);
});

test("hostile text stays text, in elements and in attribute values", () => {
  const hostile = `"><img src=x onerror=alert(1)> ' & <script>`;
  const page = renderFiguresHtml(
    {
      groups: [
        {
          subject: "s",
          label: hostile,
          conflicting: false,
          members: [
            {
              uri: `file:///w/${hostile}.txt`,
              range,
              text: hostile,
              value: 1,
              qualifier: "exact",
              unit: hostile,
              source: hostile,
              date: hostile,
              conflicting: false,
            },
          ],
        },
      ],
    },
    { nonce: "n", cspSource: "c" },
  );
  assert.doesNotMatch(page, /<img/, "no element from the text");
  assert.equal((page.match(/<script/g) ?? []).length, 1, "only the page's own script");
  for (const attribute of page.matchAll(/(?:data-uri|title)="([^"]*)"/g))
    assert.doesNotMatch(attribute[1]!, /[<>']/, "quotes and brackets are entities inside attributes");
  assert.match(page, /&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt; &#39; &amp; &lt;script&gt;/);
});
