import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";

const ODD: Array<[string, unknown]> = [
  ["empty", ""],
  ["white space", " \n\t\r\n "],
  ["not a string", undefined as unknown],
  ["NUL bytes", "abc\u0000def 1,000 troops"],
  ["lone surrogates", "\ud800 officials said \udc00 3 ships."],
  ["emoji", "👍 Officials said 😀 2,000 drones 🚀 were sent."],
  ["only punctuation", '...!!!???,,,"""“”'],
  ["unbalanced quotes", 'He said "this never ends. And more. 5 ships were seen.'],
  ["very long line", "Officials said 1,000 troops arrived. ".repeat(20000)],
  ["digits soup", "1,2,3,4,5,6,7,8,9 10.11.12 -3 +4 ~5 %% 1e9"],
];

for (const [name, input] of ODD) {
  test(`never throws: ${name}`, () => {
    const a = analyze(input as string);
    assert.ok(Array.isArray(a.claims) && Array.isArray(a.figures) && Array.isArray(a.actors));
    for (const span of [...a.actors, ...a.figures, ...a.claims])
      assert.equal(a.text.slice(span.start, span.end), span.text);
  });
}

test("a BOM is not part of the text", () => {
  const a = analyze("\ufeffOfficials said 300 troops left.");
  assert.equal(a.text.charCodeAt(0), "O".charCodeAt(0));
  assert.equal(a.figures[0]!.text, "300");
  assert.equal(a.text.slice(a.figures[0]!.start, a.figures[0]!.end), "300");
});

test("CRLF line ends give the same results as LF", () => {
  const lf = "Officials said 300 troops left.\nThe ship reportedly sank.";
  const a = analyze(lf);
  const b = analyze(lf.replace(/\n/g, "\r\n"));
  assert.deepEqual(
    b.claims.map((c) => c.text),
    a.claims.map((c) => c.text),
  );
  assert.deepEqual(
    b.figures.map((f) => f.text),
    a.figures.map((f) => f.text),
  );
});

test("figures in one endless sentence stay linear", () => {
  const a = analyze("two thousand three hundred ".repeat(20000));
  assert.equal(a.figures.length, 39999);
});
