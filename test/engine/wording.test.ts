// oneLine skips its regular expression for text already on one line: the answer must be the one
// collapsing white space (`\s+`) and trimming give, for every code unit and for mixed texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { formatNumber, oneLine } from "../../server/src/engine/wording";

const collapsed = (text: string, max = 80) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

test("oneLine: every code unit between two letters, and at each end", () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    for (const text of [`a${ch}b`, `${ch}ab`, `ab${ch}`, `a ${ch}b`]) {
      if (oneLine(text) !== collapsed(text)) assert.equal(oneLine(text), collapsed(text), `U+${c.toString(16)}`);
    }
  }
});

test("oneLine: texts with runs of white space, shortened or not", () => {
  const texts = [
    "",
    " ",
    "reportedly",
    "officials said",
    "officials  said",
    " officials said",
    "officials said ",
    "line one\nline two",
    "tab\tseparated",
    "no-break\u00a0space",
    "ideographic\u3000space",
    "a\u2028b",
    "\ufeffbom first",
    "The Ministry of Defence said on Tuesday that 45 people were killed in the strike near the port",
    "The Ministry of Defence said on Tuesday that 45 people were killed in   the strike near the port",
  ];
  for (const text of texts)
    for (const max of [5, 12, 80]) assert.equal(oneLine(text, max), collapsed(text, max), JSON.stringify([text, max]));
});

test("formatNumber: kept values are worded as Intl words them, asked once or again", () => {
  const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  const values = [0, -0, 1, 2000, 2000, 1234567.891, -45.5, 0.125, 1e21, 12_000, 2000];
  for (const value of [...values, ...values]) assert.equal(formatNumber(value), intl.format(value), String(value));
  for (const value of [NaN, Infinity, -Infinity]) assert.equal(formatNumber(value), String(value));
});
