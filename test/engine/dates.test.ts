// A claim's date is its own or the document's dateline, never a date met further down.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, documentDate } from "../../server/src/engine";

const FILLER = "The council met again to discuss the harbour budget and the new ferry timetable. ".repeat(10);

const cases: Array<{ name: string; text: string; dateline: string | undefined }> = [
  {
    name: "a dateline under the headline",
    text: "Ferry strike ends\n\n4 May 2025\n\nUnion leaders said the strike was over.",
    dateline: "4 May 2025",
  },
  {
    name: "a place-and-date dateline",
    text: "OSLO, 12 February 2025 - Officials said the port had reopened.",
    dateline: "12 February 2025",
  },
  {
    name: "a past date deep in the story is not the dateline",
    text: `Officials said the port had reopened.\n${FILLER}\nThe last closure was in August 2019.`,
    dateline: undefined,
  },
  {
    name: "a day and month without a year is no dateline",
    text: "Monday 3 March\n\nOfficials said the port had reopened.",
    dateline: undefined,
  },
];

for (const c of cases) {
  test(`dateline: ${c.name}`, () => {
    assert.equal(documentDate(analyze(c.text)), c.dateline);
  });
}

test("a claim's own date is the date in its sentence, not one elsewhere", () => {
  const text = `Port reopens\n\n4 May 2025\n\nThe mayor said on 2 May 2025 that the port had reopened.\n${FILLER}\nOfficials said the last closure was in August 2019.`;
  const a = analyze(text);
  const mayor = a.claims.find((c) => c.text.includes("mayor"));
  assert.equal(mayor?.date?.text, "2 May 2025");
  const officials = a.claims.find((c) => c.text.includes("last closure"));
  assert.equal(officials?.date?.text, "August 2019");
  const undated = analyze(`Officials said the port had reopened.\n${FILLER}\nThe last closure was in August 2019.`);
  assert.equal(undated.claims.find((c) => c.text.includes("reopened"))?.date, undefined);
});
