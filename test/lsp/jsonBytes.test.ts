// jsonByteLength weighs a contradictions page without making its JSON: it must equal the UTF-8
// length of JSON.stringify for every value a page holds, escapes and surrogates included.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { jsonByteLength } from "../../server/src/lsp/jsonBytes";

const truth = (value: unknown): number => {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : Buffer.byteLength(json, "utf8");
};

const CASES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1.5e-7,
  123456789012345680000,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  'quote " and backslash \\',
  "tab\t newline\n return\r backspace\b formfeed\f nul\u0000 unit\u001f del\u007f",
  "é ü ß — “curly” € 中文",
  "pile \u{1F4A9} of two units",
  "lone high \ud83d then text",
  "lone low \udca9 first",
  "high at the end \ud83d",
  "\u2028 and \u2029",
  [],
  {},
  [undefined, null, () => 1, 2],
  { a: undefined, b: 1, c: () => 1, d: Symbol("x") },
  { 'key "quoted"': "v", é: ["x", { y: [] }] },
  {
    id: "figure:abc-2",
    kind: "figure",
    summary: "Deaths in Haiti: 230,000 (government, 3 March 2010) vs 46,000 (USAID)",
    members: [{ uri: "file:///c%3A/a%20b.txt", range: { start: { line: 0, character: 3 } }, side: "a", source: null }],
    memberCount: 7,
  },
];

/** A seeded generator of nested values with every kind of character a text can hold. */
function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 5 : 8));
  if (pick === 0) return null;
  if (pick === 1) return next() < 0.5;
  if (pick === 2) return Math.round((next() - 0.5) * 1e6) / (next() < 0.5 ? 1 : 7);
  if (pick <= 4) {
    let s = "";
    const n = Math.floor(next() * 12);
    for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(next() ** 3 * 0x10000));
    return s;
  }
  if (pick === 5) return undefined;
  const n = Math.floor(next() * 5);
  if (pick === 6) return Array.from({ length: n }, () => randomValue(next, depth + 1));
  const record: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) record[String(randomValue(next, 9))] = randomValue(next, depth + 1);
  return record;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("jsonByteLength", () => {
  test("equals the UTF-8 length of JSON.stringify on the cases a page can hold", () => {
    for (const value of CASES) assert.equal(jsonByteLength(value), truth(value), JSON.stringify(value));
  });

  test("equals it on 5,000 random nested values (lone surrogates, controls, undefined keys)", () => {
    const next = mulberry32(9);
    for (let i = 0; i < 5000; i++) {
      const value = randomValue(next, 0);
      assert.equal(jsonByteLength(value), truth(value), JSON.stringify(value));
    }
  });
});
