import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tokenize, TokenKind, type Token } from "../../server/src/engine/tokens";

// Words of plain ASCII letters take a fast path (scanned once, packed for the spelling table); every
// other word takes the general one. Both must give the same tokens: these texts sit on the edges.
const EDGES: Array<[string, string]> = [
  ["short and long words", "a an the troops soldier soldiers deployed deployment"],
  ["seven and eight letters", "Ukraine Ukrainian abcdefg abcdefgh ABCDEFG"],
  [
    "eight to twelve letters, alike but for one character",
    "abcdefgh abcdefgz abcdefghi abcdefghz abcdefghij abcdefghiz abcdefghijk abcdefghijz ABCDEFGHIJK abcdefghijkl internationally",
  ],
  [
    "numbers and punctuation of up to twelve characters",
    "1,234,567 12,345,678 1,234,567.8 123456789012 ...... !!!!!!!!!!!",
  ],
  ["contractions and possessives", "don't they're we'll Russia's n't can't it’s Iran’s"],
  ["dotted abbreviations", "U.S. U.N. D.P.R.K. a.m. p.m. I. A. Mr. St."],
  ["letters before non-ASCII", "café naïve Zürich Kyiv’s abcé fooß Ⅻ"],
  ["letters before digits and marks", "troops2 2troops abc_def x-ray 11th B-52"],
  ["at the very end", "end"],
  ["one letter", "a"],
];

/** Every token's strings read its own characters; a word's lower case is its text's. */
function assertTokensMatchText(text: string, tokens: Token[]): void {
  for (const t of tokens) {
    assert.equal(t.text, text.slice(t.start, t.end), `text of ${JSON.stringify(t)}`);
    if (t.kind === TokenKind.Word) assert.equal(t.lower, t.text.toLowerCase(), `lower of ${t.text}`);
    else assert.equal(t.lower, t.text);
  }
}

for (const [name, text] of EDGES) {
  test(`tokens read their own characters: ${name}`, () => {
    assertTokensMatchText(text, tokenize(text));
  });
}

test("tokens read their own characters among many words alike (the spelling table's keys)", () => {
  // Words of up to twelve letters from a small alphabet: many share their first and last characters.
  let seed = 11;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
  const words = Array.from({ length: 30000 }, () =>
    Array.from({ length: 1 + (next() % 12) }, () => "abAB"[next() % 4]).join(""),
  );
  const text = words.join(" ");
  assertTokensMatchText(text, tokenize(text));
});

test("tokens read their own characters in every example", () => {
  const dir = join(__dirname, "..", "..", "examples");
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".txt"))) {
    const text = readFileSync(join(dir, f), "utf8");
    assertTokensMatchText(text, tokenize(text));
  }
});

test("the words of the edges split as expected", () => {
  const words = (s: string) => tokenize(s).map((t) => t.text);
  assert.deepEqual(words("U.S. troops"), ["U.S.", "troops"]);
  assert.deepEqual(words("don't Russia's"), ["don't", "Russia", "'s"]);
  assert.deepEqual(words("abcdefg abcdefgh"), ["abcdefg", "abcdefgh"]);
  assert.deepEqual(words("café Kyiv’s"), ["café", "Kyiv", "’s"]);
  assert.deepEqual(words("a."), ["a", "."]);
});

test("a range of the text gives tokens starting inside it that read their own characters", () => {
  const text = "The U.S. said troops don't stay; Kyiv’s café abcdefgh.";
  for (let from = 0; from < text.length; from += 3)
    for (let to = from; to <= text.length; to += 5) {
      const tokens = tokenize(text, from, to);
      assertTokensMatchText(text, tokens);
      for (const t of tokens) assert.ok(t.start >= from && t.start < to, `range ${from}-${to}: ${t.text}`);
    }
});

test("short spellings stay right while their table grows (thousands of distinct words, met twice)", () => {
  // Base-26 words of 1-5 letters in both cases: far more than the table's first size, so it grows several times.
  const words: string[] = [];
  for (let n = 1; n <= 12_000; n++) {
    let w = "";
    for (let k = n * 7919; k > 0; k = Math.floor(k / 26)) w += String.fromCharCode(97 + (k % 26));
    words.push(n % 3 === 0 ? w.toUpperCase() : w);
  }
  const text = words.join(" ");
  const first = tokenize(text);
  assertTokensMatchText(text, first);
  const again = tokenize(text);
  assertTokensMatchText(text, again);
  assert.deepEqual(
    again.map((t) => t.text),
    words,
  );
});
