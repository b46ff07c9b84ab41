// Tokenizes sample lines with the committed TextMate grammar (vscode-textmate + the oniguruma
// wasm from node_modules, read from disk) and checks the scopes of named substrings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const vsctm: typeof import("vscode-textmate") = require("vscode-textmate");
const oniguruma: typeof import("vscode-oniguruma") = require("vscode-oniguruma");

const root = fileURLToPath(new URL("../../", import.meta.url));
const GRAMMAR = `${root}syntaxes/source-text.tmLanguage.json`;

// Scope selectors, matched as a theme matches them: `constant.numeric.figure` matches
// `constant.numeric.figure.vague.source-text`.
const S = {
  figure: "constant.numeric.figure",
  qualifier: "keyword.other.qualifier",
  quote: "string.quoted.double",
  attribution: "keyword.other.attribution",
  hedge: "keyword.control.hedge",
  denial: "invalid.deprecated.denial",
  anonymous: "variable.other.anonymous-source",
  date: "meta.date",
} as const;
type Kind = keyof typeof S;

let grammarPromise: Promise<import("vscode-textmate").IGrammar> | undefined;
function grammar() {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === "text.source-text" ? vsctm.parseRawGrammar(readFileSync(GRAMMAR, "utf8"), GRAMMAR) : null,
    });
    const g = await registry.loadGrammar("text.source-text");
    assert.ok(g, "grammar text.source-text loads");
    return g;
  })();
  return grammarPromise;
}

/** Scopes of every UTF-16 unit of every line (lines tokenized in order, carrying state). */
async function scopesPerChar(lines: string[]): Promise<string[][][]> {
  const g = await grammar();
  let state = vsctm.INITIAL;
  return lines.map((line) => {
    const r = g.tokenizeLine(line, state);
    state = r.ruleStack;
    const perChar: string[][] = new Array(line.length);
    for (const t of r.tokens)
      for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) perChar[i] = t.scopes;
    return perChar;
  });
}

const has = (scopes: string[] | undefined, selector: string) =>
  !!scopes?.some((s) =>
    s.split(" ").some((x) => x.endsWith(".source-text") && (x === selector || x.startsWith(`${selector}.`))),
  );

/**
 * `[substring, kind]`: the substring (first occurrence, or the `nth` with `[substring, kind, nth]`)
 * carries the kind's scope on every character, and exactly: the characters just outside it do not.
 * `[substring, "!kind"]`: no character of the substring carries the scope.
 */
type Expect = [string, Kind | `!${Kind}`, number?];
interface Case {
  lines: string[];
  expect: Array<Expect & { line?: number }> | Expect[];
  /** Line index (into `lines`) each expectation refers to; default 0. */
  on?: number[];
}

const CASES: Record<string, Case> = {
  "qualified figures": {
    lines: ["Officials said more than 10,000 troops and up to 12,000 reservists were sent, nearly 3.1% of the force."],
    expect: [
      ["more than 10,000", "figure"],
      ["more than", "qualifier"],
      ["up to 12,000", "figure"],
      ["nearly 3.1%", "figure"],
      ["troops", "!figure"],
    ],
  },
  "bare numbers, percentages, money and magnitudes": {
    lines: [
      "The plant made 6,000 drones, 4.5 percent of output, worth $1.2 billion and one million dollars; 2.5m people fled.",
    ],
    expect: [
      ["6,000", "figure"],
      ["4.5 percent", "figure"],
      ["$1.2 billion", "figure"],
      ["one million", "figure"],
      ["2.5m", "figure"],
    ],
  },
  ranges: {
    lines: ["Between 11,000 and 12,000 soldiers, or 11,000 to 12,000 by other counts, and 40-50 drones a night."],
    expect: [
      ["Between 11,000 and 12,000", "figure"],
      ["11,000 to 12,000", "figure"],
      ["soldiers", "!figure"],
      ["40-50", "figure"],
    ],
  },
  "vague and spelled-out counts": {
    lines: ["Tens of thousands of people fled and three new hangars were built."],
    expect: [
      ["Tens of thousands", "figure"],
      ["three", "figure"],
      ["hangars", "!figure"],
    ],
  },
  "years and dates are not figures": {
    lines: [
      "On 25 June 2024 the ministry, which has reported since 2022 and from 2019 to 2021, published its figures in 2024.",
    ],
    expect: [
      ["25 June 2024", "!figure"],
      ["25 June 2024", "date"],
      ["2022", "!figure"],
      ["from 2019 to 2021", "!figure"],
      ["2024", "!figure", 1],
    ],
  },
  "a year with a thousands separator or unit is a figure": {
    lines: ["About 2,024 people, or 2024 percent more."],
    expect: [
      ["About 2,024", "figure"],
      ["2024 percent", "figure"],
    ],
  },
  "straight and curly quotes": {
    lines: ['He said "we sent 500 men" and she said “nothing happened” later.'],
    expect: [
      ['"we sent 500 men"', "quote"],
      ["500", "figure"],
      ["“nothing happened”", "quote"],
      ["later", "!quote"],
      ["said", "attribution"],
    ],
  },
  "a quotation spans lines": {
    lines: ["The minister said “we will not", "accept 300 more refugees,” adding nothing.", "Then he left."],
    expect: [
      ["“we will not", "quote"],
      ["accept 300 more refugees,”", "quote"],
      ["300", "figure"],
      ["adding", "!quote"],
      ["adding", "attribution"],
      ["Then", "!quote"],
    ],
    on: [0, 1, 1, 1, 1, 2],
  },
  "an unclosed quotation stops at a blank line": {
    lines: ['He said "we will fight on', "", "Officials denied it."],
    expect: [
      ['"we will fight on', "quote"],
      ["Officials", "!quote"],
      ["denied", "denial"],
    ],
    on: [0, 2, 2],
  },
  "attribution cues": {
    lines: ["According to the UN, the minister told reporters and Kyiv claims the army estimated losses."],
    expect: [
      ["According to", "attribution"],
      ["told", "attribution"],
      ["claims", "attribution"],
      ["estimated", "attribution"],
    ],
  },
  "hedge cues": {
    lines: ["Reportedly, the drones may have been moved and could allegedly be used, it seems."],
    expect: [
      ["Reportedly", "hedge"],
      ["may", "hedge"],
      ["could", "hedge"],
      ["allegedly", "hedge"],
      ["seems", "hedge"],
    ],
  },
  "denial cues": {
    lines: ["Tehran denied the report; Moscow refuted it, and Rutte said he could not confirm the figures."],
    expect: [
      ["denied", "denial"],
      ["refuted", "denial"],
      ["could not confirm", "denial"],
      ["could", "!hedge"],
    ],
  },
  "anonymous sources": {
    lines: [
      "A senior Pentagon official, speaking on condition of anonymity, said so; sources familiar with the plan agreed.",
    ],
    expect: [
      ["senior Pentagon official", "anonymous"],
      ["sources", "anonymous"],
      ["speaking on condition of anonymity", "anonymous"],
      ["said", "attribution"],
    ],
  },
  "passive hedges and denial predicates": {
    lines: [
      "The troops are said to number 3,000, he said to reporters; Moscow dismissed the report as propaganda and called it false, but a false flag is another matter.",
    ],
    expect: [
      ["are said to", "hedge"],
      ["said", "attribution", 1],
      ["said", "!hedge", 1],
      ["propaganda", "denial"],
      ["false", "denial"],
      ["false", "!denial", 1],
    ],
  },
  "titles, names and months are not cues": {
    lines: [
      "Secretary of State Antony Blinken met the State Department team in May, as did Theresa May and member states; state media said two states agreed.",
    ],
    expect: [
      ["state media", "!attribution"],
      ["two states", "!attribution"],
      ["said", "attribution"],
      ["State", "!attribution"],
      ["State", "!attribution", 1],
      ["May", "!hedge"],
      ["May", "!hedge", 1],
      ["states", "!attribution"],
      ["met", "!attribution"],
    ],
  },
  "noun-like forms are cues before that": {
    lines: ["Officials state that the army, warning of losses, did not state it."],
    expect: [
      ["state", "attribution"],
      ["warning", "attribution"],
      ["state", "!attribution", 1],
    ],
  },
  "nouns after determiners are not cues": {
    lines: ["The report and their claims were dismissed."],
    expect: [
      ["report", "!attribution"],
      ["claims", "!attribution"],
      ["dismissed", "denial"],
    ],
  },
  "no figures inside words or identifiers": {
    lines: [
      "The Su-35 jets and F16s flew from base A4 on the 3rd day. Call +44-7700-900123 or 7027739813 (updated 23-10-2024).",
    ],
    expect: [
      ["+44-7700-900123", "!figure"],
      ["7027739813", "!figure"],
      ["23-10-2024", "!figure"],
      ["23-10-2024", "date"],
      ["35", "!figure"],
      ["16", "!figure"],
      ["4", "!figure"],
      ["3rd", "!figure"],
    ],
  },
};

function nthIndex(line: string, sub: string, nth: number): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = line.indexOf(sub, i + 1);
    if (i < 0) return -1;
  }
  return i;
}

for (const [name, c] of Object.entries(CASES)) {
  test(`grammar: ${name}`, async () => {
    const perLine = await scopesPerChar(c.lines);
    c.expect.forEach(([sub, want, nth = 0], k) => {
      const li = c.on?.[k] ?? 0;
      const line = c.lines[li];
      const chars = perLine[li];
      const at = nthIndex(line, sub, nth);
      assert.ok(at >= 0, `"${sub}" (#${nth}) occurs in line ${li}: ${line}`);
      const end = at + sub.length;
      const negative = want.startsWith("!");
      const scope = S[(negative ? want.slice(1) : want) as Kind];
      const describe = () =>
        chars
          .slice(at, end)
          .map((s, i) => `${line[at + i]}:${(s ?? []).slice(1).join(",")}`)
          .join(" | ");
      if (negative) {
        for (let i = at; i < end; i++)
          assert.ok(!has(chars[i], scope), `"${sub}" must not be ${scope}; got ${describe()}`);
      } else {
        for (let i = at; i < end; i++) assert.ok(has(chars[i], scope), `"${sub}" must be ${scope}; got ${describe()}`);
        // Exact extent, for token-like scopes (a quotation continues across lines, so only its ends are checked in line).
        if (at > 0) assert.ok(!has(chars[at - 1], scope), `"${sub}" ${scope} starts earlier: ${line}`);
        if (end < line.length && scope !== S.quote)
          assert.ok(!has(chars[end], scope), `"${sub}" ${scope} runs on: ${line}`);
      }
    });
  });
}

test("grammar: the committed grammar equals the one generated from cues.json", async () => {
  const gen = await import(pathToFileURL(`${root}scripts/gen-grammar.mjs`).href);
  assert.equal(
    readFileSync(GRAMMAR, "utf8"),
    gen.renderGrammar(),
    "run node scripts/gen-grammar.mjs and commit the result",
  );
});

test("grammar: every cue of cues.json is highlighted (reporting verbs, hedges, non-confirmation, passive hedges, anonymity, denial predicates)", async () => {
  const cues = JSON.parse(readFileSync(`${root}server/src/engine/data/cues.json`, "utf8"));
  const samples: Array<[string, Kind]> = [];
  for (const v of cues.reportingVerbs) {
    const kind: Kind = v.stance === "denies" ? "denial" : v.stance === "hedges" ? "hedge" : "attribution";
    for (const f of v.forms) samples.push([f, kind]);
  }
  for (const h of cues.hedges) samples.push([h, "hedge"]);
  // Lists the lexicon may have; each phrase is checked when present.
  for (const p of cues.nonConfirmation ?? []) samples.push([p, "denial"]);
  for (const p of cues.anonymityPhrases ?? []) samples.push([p, "anonymous"]);
  // "that" after the verb: some forms (`state`, `warning`) are cues only before `that`/`of`/`about`.
  const lines = samples.map(([w]) => `Kyiv ${w} that something.`);
  // Passive hedges count after an auxiliary (`is said to`), denial predicates after `as`, `is`, `called`.
  for (const p of cues.passiveHedges ?? []) {
    samples.push([`is ${p}`, "hedge"]);
    lines.push(`Kyiv is ${p} something.`);
  }
  for (const p of cues.denialPredicates ?? []) {
    samples.push([p, "denial"]);
    lines.push(`Kyiv as ${p} something.`);
  }
  const perLine = await scopesPerChar(lines);
  const missing = samples.filter(([w, kind], i) => {
    const chars = perLine[i];
    const at = lines[i].indexOf(w, 5);
    for (let k = at; k < at + w.length; k++) if (!has(chars[k], S[kind])) return true;
    return false;
  });
  assert.deepEqual(missing, [], "cue words without their scope");
});
