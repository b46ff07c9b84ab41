// engine/findings.ts on sentences written for this test: one finding per claim sentence with its
// most telling code, severities from the settings, `off` passing to the next kind, conflicts as
// warnings with capped related mentions, and messages without internal ids.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  corpusRelations,
  createCorpus,
  findingsOf,
  RELATED_LIMIT,
  RULES,
  type RuleCode,
  type Severity,
} from "../../server/src/engine";

const DEFAULTS = Object.fromEntries(RULES.map((r) => [r.code, r.defaultSeverity])) as Record<RuleCode, Severity>;

function findings(files: Record<string, string>, file: string, severity: Partial<Record<RuleCode, Severity>> = {}) {
  const corpus = createCorpus();
  for (const [name, text] of Object.entries(files)) corpus.set(name, text);
  const analysis = corpus.analysis(file)!;
  const list = findingsOf(file, analysis, corpusRelations(corpus)(file), { severity: { ...DEFAULTS, ...severity } });
  return list.map((f) => ({ ...f, covered: analysis.text.slice(f.span.start, f.span.end) }));
}

interface Case {
  text: string;
  /** The claim findings, in text order: code and the text the finding covers. */
  claims: Array<[RuleCode, string]>;
}

const CASES: Case[] = [
  { text: "The minister said the bridge was repaired.", claims: [["claim.attributed", "said"]] },
  { text: "The bridge was reportedly repaired.", claims: [["claim.hedged", "reportedly"]] },
  { text: "The minister said the bridge was reportedly repaired.", claims: [["claim.hedged", "reportedly"]] },
  { text: "Officials said the bridge had been repaired.", claims: [["claim.anonymous", "Officials"]] },
  { text: "The ministry denied that the bridge had collapsed.", claims: [["claim.denial", "denied"]] },
];

describe("one finding per claim sentence", () => {
  for (const c of CASES) {
    test(c.text, () => {
      const claims = findings({ "a.txt": c.text }, "a.txt").filter((f) => f.data.element === "claim");
      assert.deepEqual(
        claims.map((f) => [f.code, f.covered]),
        c.claims,
      );
    });
  }

  test("the message names every kind of the sentence", () => {
    const [f] = findings({ "a.txt": "Officials said the bridge was reportedly repaired." }, "a.txt").filter(
      (x) => x.data.element === "claim",
    );
    assert.equal(f!.code, "claim.anonymous");
    assert.match(f!.message, /hedged: "reportedly"/);
    assert.match(f!.message, /attributed: "said"/);
  });

  test("a code set to off passes the sentence to its next kind; all off gives nothing", () => {
    const text = "Officials said the bridge was reportedly repaired.";
    assert.deepEqual(
      findings({ "a.txt": text }, "a.txt", { "claim.anonymous": "off" })
        .filter((f) => f.data.element === "claim")
        .map((f) => f.code),
      ["claim.hedged"],
    );
    const off = { "claim.anonymous": "off", "claim.hedged": "off", "claim.attributed": "off" } as const;
    assert.deepEqual(
      findings({ "a.txt": text }, "a.txt", off).filter((f) => f.data.element === "claim"),
      [],
    );
  });

  test("default severities: denial, unnamed source, hedge information; attribution and figure hint", () => {
    const list = findings({ "a.txt": "The minister said 40 houses burned. The army denied firing on them." }, "a.txt");
    assert.deepEqual(
      list.map((f) => [f.code, f.severity]),
      [
        ["claim.attributed", "hint"],
        ["figure", "hint"],
        ["claim.denial", "information"],
      ],
    );
  });
});

describe("conflicts across files", () => {
  const files = {
    "north.txt": "Rebels seized the town of Aldmoor, the army said. The army said about 300 soldiers died in Sudan.",
    "south.txt":
      "The rebels denied that they seized the town of Aldmoor. Rebels said more than 2,000 soldiers died in Sudan.",
  };

  test("a figure that disagrees with another file is a warning pointing at it", () => {
    const conflict = findings(files, "north.txt").find((f) => f.code === "figure.conflict");
    assert.ok(conflict, JSON.stringify(findings(files, "north.txt").map((f) => [f.code, f.message])));
    assert.equal(conflict.severity, "warning");
    assert.deepEqual(
      conflict.related?.map((r) => r.file),
      ["south.txt"],
    );
    assert.match(conflict.message, /more than 2,000/);
  });

  test("a denial another file contradicts is one stance.conflict warning that still names the denial", () => {
    const pair = {
      "claim.txt": "The ministry said Iran has delivered missiles to Sudan.",
      "denial.txt": "Tehran denied sending missiles to Sudan.",
    };
    const [denial] = findings(pair, "denial.txt");
    assert.deepEqual([denial!.code, denial!.severity, denial!.covered], ["stance.conflict", "warning", "denied"]);
    assert.match(denial!.message, /denial/);
    assert.deepEqual(
      denial!.related?.map((r) => r.file),
      ["claim.txt"],
    );
    const [plain] = findings(pair, "denial.txt", { "stance.conflict": "off" });
    assert.equal(plain!.code, "claim.denial", "with stance.conflict off the sentence is a denial again");
    assert.deepEqual(
      plain!.related?.map((r) => r.file),
      ["claim.txt"],
      "and still points at the other side",
    );
  });

  test("related mentions are capped; the message counts the rest", () => {
    const many: Record<string, string> = { "base.txt": "The army said about 300 soldiers died in Sudan." };
    for (let i = 0; i < RELATED_LIMIT + 3; i++)
      many[`other-${i}.txt`] = `Rebels said more than ${2000 + i * 10} soldiers died in Sudan.`;
    const conflict = findings(many, "base.txt").find((f) => f.code === "figure.conflict");
    assert.ok(conflict);
    assert.equal(conflict.related!.length, RELATED_LIMIT);
    assert.match(conflict.related![RELATED_LIMIT - 1]!.message, /and 3 more mentions/);
    assert.match(conflict.message, /and \d+ more/);
  });

  test("no internal subject ids in messages", () => {
    const list = findings({ "a.txt": "It was the first visit in 30 years. The city has 12 bridges." }, "a.txt");
    assert.ok(list.length >= 2);
    for (const f of list) assert.doesNotMatch(f.message, /@[a-z0-9]+/, f.message);
  });
});
