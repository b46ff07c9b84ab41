// The CLI keeps each file's text as bytes until its report is written (keptText.ts): the text it
// gives back must equal the one kept, whatever the characters (Latin-1, curly quotes, pairs of
// surrogates, a lone surrogate that UTF-8 cannot hold) and when it is a slice of a longer text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { KeptText } from "../../server/src/cli/keptText";

const cases: Array<[string, string]> = [
  ["empty", ""],
  ["ASCII", "The ministry said 1,300 troops crossed.\r\nWitnesses disagreed."],
  ["Latin-1 letters and a no-break space", "Café in Zürich:\u00a0150 people, ½ of them"],
  ["curly quotes and dashes", "\u201cWe deny it,\u201d the spokesman said \u2014 twice."],
  ["a pair of surrogates (emoji)", "Reported \ud83d\udcf0 on 3 May."],
  ["a lone high surrogate", "broken \ud800 text"],
  ["a lone low surrogate at the start", "\udc00 broken"],
  ["a lone high surrogate at the end", "broken at the end \ud83d"],
  ["a BOM and a NUL", "\ufeffstart\u0000end"],
];

for (const [name, text] of cases) {
  test(`kept text equals the text: ${name}`, () => {
    assert.equal(new KeptText(text).text(), text);
  });
}

test("a slice of a longer two-byte text comes back equal", () => {
  const parent = "\u2018" + "Figures vary widely across the region. ".repeat(50);
  const slice = parent.slice(1, 200);
  assert.equal(new KeptText(slice).text(), slice);
});
