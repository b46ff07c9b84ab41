// Figure contradictions across files: one per conflicting pair of readings (value, maximum and
// qualifier), a source's revision listed once. Short sentences written for these tests; each case
// is a set of files, the figure contradictions expected, and each one's sides as member texts.

export interface ConflictCase {
  name: string;
  /** One text per file (a.txt, b.txt, …). */
  docs: string[];
  /** Every figure contradiction: side "a" texts vs side "b" texts (order of texts within a side is free). */
  expect: Array<{ a: string[]; b: string[]; revision?: boolean }>;
}

export const CONFLICT_CASES: ConflictCase[] = [
  {
    name: "three readings pairwise in conflict give three contradictions",
    docs: [
      "Officials said Chad has sent 1,000 soldiers to Niger.",
      "Analysts said Chad has sent 3,000 troops to Niger.",
      "Diplomats said Chad has sent 6,000 soldiers to Niger.",
    ],
    expect: [
      { a: ["1,000"], b: ["3,000"] },
      { a: ["1,000"], b: ["6,000"] },
      { a: ["3,000"], b: ["6,000"] },
    ],
  },
  {
    name: "two compatible readings and one outlier give two contradictions, the outlier on side a",
    docs: [
      "Officials said Chad has sent about 2,000 soldiers to Niger.",
      "Analysts said Chad has sent 2,100 troops to Niger.",
      "Diplomats said Chad has sent 5,000 soldiers to Niger.",
    ],
    expect: [
      { a: ["5,000"], b: ["about 2,000"] },
      { a: ["5,000"], b: ["2,100"] },
    ],
  },
  {
    name: "mentions of one reading share a side",
    docs: [
      "Officials said Chad has sent 1,000 soldiers to Niger.",
      "Reporters said Chad has sent 1,000 troops to Niger.",
      "Analysts said Chad has sent more than 3,000 troops to Niger.",
    ],
    expect: [{ a: ["1,000", "1,000"], b: ["more than 3,000"] }],
  },
  {
    name: "a source revising its figure is one contradiction, not also the plain pair",
    docs: [
      "On 2 May 2025, the Red Cross said Chad has sent about 1,000 soldiers to Niger.",
      "On 9 May 2025, the Red Cross said Chad has sent around 4,000 soldiers to Niger.",
    ],
    expect: [{ a: ["about 1,000"], b: ["around 4,000"], revision: true }],
  },
  {
    name: "a revision beside a third source: the revision once, each other pair once",
    docs: [
      "On 2 May 2025, the Red Cross said Chad has sent about 1,000 soldiers to Niger.",
      "On 9 May 2025, the Red Cross said Chad has sent around 4,000 soldiers to Niger.",
      "Analysts said Chad has sent 8,000 troops to Niger.",
    ],
    expect: [
      { a: ["about 1,000"], b: ["around 4,000"], revision: true },
      { a: ["about 1,000"], b: ["8,000"] },
      { a: ["around 4,000"], b: ["8,000"] },
    ],
  },
  {
    name: "compatible readings give none",
    docs: [
      "Officials said Chad has sent about 2,000 soldiers to Niger.",
      "Analysts said Chad has sent more than 1,900 troops to Niger.",
      "Diplomats said Chad has sent 2,050 soldiers to Niger.",
    ],
    expect: [],
  },
];
