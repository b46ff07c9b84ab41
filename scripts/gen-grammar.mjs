#!/usr/bin/env node
// Generates syntaxes/source-text.tmLanguage.json (the TextMate grammar of the `source-text`
// language) from the claim cue lexicon server/src/engine/data/cues.json, so the editor's
// highlighting and the engine share one list of reporting verbs, hedges and denials.
//
//   node scripts/gen-grammar.mjs           writes the grammar
//   node scripts/gen-grammar.mjs --check   exits 1 when the committed grammar is stale
//
// The figure, date and quotation patterns are written here by hand (the engine's figure
// finder is code, not data); only the cue word lists come from cues.json.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const CUES_PATH = `${root}server/src/engine/data/cues.json`;
export const GRAMMAR_PATH = `${root}syntaxes/source-text.tmLanguage.json`;

const SUFFIX = "source-text";

// Phrases that report a source cannot (or will not) confirm something: used only when cues.json
// has no `nonConfirmation` list.
const CANNOT_CONFIRM = [
  "could not confirm",
  "could not be confirmed",
  "could not independently confirm",
  "could not be independently confirmed",
  "could not verify",
  "could not be verified",
  "could not independently verify",
  "could not be independently verified",
  "cannot confirm",
  "cannot be confirmed",
  "cannot independently confirm",
  "cannot verify",
  "cannot be verified",
  "can't confirm",
  "can’t confirm",
  "couldn't confirm",
  "couldn’t confirm",
  "unable to confirm",
  "unable to verify",
  "unable to independently verify",
  "not independently verified",
  "not been independently verified",
  "not been verified",
  "declined to confirm",
  "declined to comment",
  "would not confirm",
  "did not confirm",
  "has not confirmed",
  "have not confirmed",
  "no evidence",
];

// Multi-word attribution cues that are not reporting verbs.
const ATTRIBUTION_PHRASES = ["according to", "quoted as saying", "in a statement", "in an interview"];

// Used only when cues.json has no `anonymityPhrases` list.
const ANONYMITY_PHRASES = [
  "on condition of anonymity",
  "speaking anonymously",
  "who declined to be named",
  "who asked not to be named",
];

// Words after which a `denialPredicates` word (`false`, `baseless`) calls a statement untrue.
const DENIAL_PREDICATE_LEAD = [
  "as",
  "is",
  "are",
  "was",
  "were",
  "called",
  "calling",
  "calls",
  "call",
  "branded",
  "labelled",
  "labeled",
  "deemed",
];
const DENIAL_PREDICATE_ADVERBS = [
  "completely",
  "totally",
  "entirely",
  "utterly",
  "absolutely",
  "simply",
  "pure",
  "a",
  "an",
  "blatant",
  "outright",
];

// Auxiliaries before a `passiveHedges` phrase (`is said to`, `were believed to`).
const PASSIVE_AUX = ["is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't"];
const PASSIVE_ADVERBS = ["widely", "also", "now", "still", "not", "generally", "initially", "previously", "long"];

// Words that, right before a reporting-verb form, make it a noun or adjective ("the report",
// "member states", "a claim"): such forms are not highlighted.
const NOUN_CONTEXT = [
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "its",
  "his",
  "her",
  "their",
  "our",
  "member",
  "of",
  "in",
];

// Reporting-verb forms that are more often nouns in news text (`state media`, `member states`,
// `news reporting`, `a warning`): highlighted only before `that`, `of` or `about`.
const NOUNISH = [
  "state",
  "states",
  "note",
  "notes",
  "detail",
  "details",
  "stress",
  "highlight",
  "highlights",
  "warning",
  "reporting",
  "writing",
  "saying",
  "call",
  "calls",
  "post",
  "posts",
  "question",
  "questions",
  "echo",
  "echoes",
  "voice",
  "voices",
  "reply",
  "replies",
  "vow",
  "vows",
  "pledge",
  "pledges",
  "tweet",
  "tweets",
  "express",
  "report",
  "reports",
  "cite",
  "identify",
  "respond",
];

// Number words (cardinals and magnitudes) used in spelled-out figures.
const UNITS = [
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const MAGNITUDES = ["hundred", "thousand", "million", "billion", "trillion"];

// Words that qualify a figure (`more than 10,000`, `up to 12,000`). Longest first.
const QUALIFIERS = [
  "more than",
  "less than",
  "fewer than",
  "greater than",
  "higher than",
  "lower than",
  "no more than",
  "no fewer than",
  "no less than",
  "not more than",
  "not less than",
  "up to",
  "at least",
  "at most",
  "as many as",
  "as much as",
  "as few as",
  "as little as",
  "in excess of",
  "upwards of",
  "close to",
  "nearly",
  "almost",
  "about",
  "around",
  "roughly",
  "approximately",
  "approx.",
  "some",
  "an estimated",
  "estimated",
  "over",
  "under",
  "below",
  "above",
  "just over",
  "just under",
  "well over",
  "well under",
  "well above",
  "well below",
  "only",
  "just",
];
// Qualifiers that also introduce periods (`from 2022 to 2024`): a year after them stays a date.
const RANGE_QUALIFIERS = ["between", "from"];

const MONTHS =
  "Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?";

/** Escapes a literal for an Oniguruma pattern. */
function esc(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Spaces in a phrase match any run of horizontal white space. */
function phrase(s) {
  return esc(s).replace(/ /g, "[ \\t]+");
}

/** Longest alternatives first (Oniguruma alternation is ordered), duplicates removed, sorted for stable output. */
function alternation(items) {
  const uniq = [...new Set(items)];
  uniq.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return uniq.map(phrase).join("|");
}

/** `said` and `Said` (a capital only at sentence start, where a reader would still see a cue). */
function capitalised(items) {
  return items.flatMap((w) => [w, w[0].toUpperCase() + w.slice(1)]);
}

export function buildGrammar(cues) {
  const verbs = cues.reportingVerbs ?? [];
  const verbForms = (pred) => verbs.filter(pred).flatMap((v) => v.forms);
  const denialVerbs = verbForms((v) => v.stance === "denies");
  const hedgeVerbs = verbForms((v) => v.stance === "hedges");
  const list = (key, fallback) => (Array.isArray(cues[key]) && cues[key].length ? cues[key] : fallback);
  const cannotConfirm = [
    ...list("nonConfirmation", CANNOT_CONFIRM),
    ...verbForms((v) => v.stance === "cannot-confirm"),
  ];
  const anonymityPhrases = list("anonymityPhrases", ANONYMITY_PHRASES);
  const passiveHedges = list("passiveHedges", []);
  const denialPredicates = list("denialPredicates", []);
  const attributionVerbs = verbForms(
    (v) => v.stance !== "denies" && v.stance !== "hedges" && v.stance !== "cannot-confirm",
  );
  const plainVerbs = attributionVerbs.filter((f) => !NOUNISH.includes(f));
  const nounishVerbs = attributionVerbs.filter((f) => NOUNISH.includes(f));
  // `may` is also a month and a surname (`Theresa May`): only the lower-case form is a hedge.
  const hedgeWords = [...(cues.hedges ?? []), ...hedgeVerbs];
  const hedgeAlternatives = hedgeWords.flatMap((w) => (w === "may" ? [w] : capitalised([w])));
  const anonymous = cues.anonymousSources ?? [];

  const notNoun = NOUN_CONTEXT.flatMap((w) => capitalised([w]))
    .map((w) => `(?<!\\b${esc(w)} )`)
    .join("");
  const wordStart = "(?<![\\p{L}\\p{N}_'’-])";
  const wordEnd = "(?![\\p{L}\\p{N}_-]|['’]\\p{L})";

  // ---- figures ----
  const cardinal = `(?:${alternation([...TENS.flatMap((t) => UNITS.slice(0, 9).map((u) => `${t}-${u}`)), ...TENS, ...UNITS])})`;
  const magnitude = `(?:${alternation(MAGNITUDES)})s?`;
  // More than six digits without separators is an identifier or a phone number, not a figure.
  const digits = "(?:\\d{1,3}(?:,\\d{3})+|\\d{1,6}(?!\\d))(?:\\.\\d+)?";
  const currency = "(?:(?:US|A|C|HK|NZ)?[$€£¥₹₽₴]|(?:USD|EUR|GBP|RUB|UAH)[ \\t]?)";
  const suffix = "(?:bn|mn|m|k|tn)";
  const percent = "(?:[ \\t]?%|[ \\t]+(?:percent|per[ \\t]+cent|percentage[ \\t]+points?))";
  // One quantity: `10,000`, `$4.5 billion`, `3.1%`, `2.5m`, `one million`, `half a million`, `a dozen`.
  const numeric = `${currency}?${digits}(?:${suffix}${wordEnd}|(?:[ \\t]+${magnitude}${wordEnd})?)${percent}?`;
  const spelled = `(?:(?:${cardinal}|a|half[ \\t]+a)(?:[ \\t]+(?:and[ \\t]+a[ \\t]+half[ \\t]+)?${magnitude})+${percent}?|${cardinal}${percent})`;
  const quantity = `(?:${numeric}|${spelled})`;
  const rangeJoin = "(?:[ \\t]*[-–—][ \\t]*|[ \\t]+(?:to|and|or)[ \\t]+)";
  const qualifier = `(?:${alternation(capitalised(QUALIFIERS))})`;
  const rangeQualifier = `(?:${alternation(capitalised(RANGE_QUALIFIERS))})`;
  // A bare year (1500-2099) without qualifier, decimals, thousands separator or unit is a date, not a figure.
  const notYear =
    "(?!(?:1[5-9]|20)\\d\\d(?!\\d|[.,]\\d|[ \\t]*%|[ \\t]+(?:percent|per[ \\t]+cent|hundred|thousand|million|billion)\\b))";
  const vague = `(?:${alternation(capitalised(["dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens of thousands", "hundreds of thousands", "tens of millions", "hundreds of millions"]))})`;

  const figureRepo = {
    patterns: [
      {
        comment: "A qualified figure or range: `more than 10,000`, `up to 12,000`, `between 10 and 20`, `about 3.1%`.",
        match: `${wordStart}(${qualifier})[ \\t]+(${quantity}(?:${rangeJoin}${quantity})?)${wordEnd}`,
        name: `constant.numeric.figure.${SUFFIX}`,
        captures: {
          1: { name: `keyword.other.qualifier.${SUFFIX}` },
        },
      },
      {
        comment: "A range: `between 10 and 20`, `from 1,000 to 1,500` (not `from 2022 to 2024`).",
        match: `${wordStart}(${rangeQualifier})[ \\t]+(${notYear}${quantity}(?:${rangeJoin}${notYear}${quantity})?)${wordEnd}`,
        name: `constant.numeric.figure.${SUFFIX}`,
        captures: {
          1: { name: `keyword.other.qualifier.${SUFFIX}` },
        },
      },
      {
        comment: "A vague magnitude: `dozens of`, `tens of thousands of`.",
        match: `${wordStart}${vague}(?=[ \\t]+of\\b)`,
        name: `constant.numeric.figure.vague.${SUFFIX}`,
      },
      {
        comment:
          "A bare figure or range: `10,000`, `3.1%`, `$4.5 billion`, `11,000 to 12,000`, `one million`. Not a bare year.",
        match: `(?<![\\p{L}\\p{N}_.,:/+#-])${notYear}${numeric}(?:${rangeJoin}${notYear}${numeric})?${wordEnd}|${wordStart}${spelled}(?:${rangeJoin}${spelled})?${wordEnd}`,
        name: `constant.numeric.figure.${SUFFIX}`,
      },
      {
        comment: "A spelled-out count before a plural noun: `three hangars`, `twenty-five soldiers`.",
        match: `${wordStart}(?i:${cardinal})(?=[ \\t]+(?:[a-z-]+[ \\t]+)?(?!(?:was|has|this|its|is|as|us|does|his|was)\\b)[a-z]{2,}s\\b)(?<!\\b[Oo]ne)`,
        name: `constant.numeric.figure.${SUFFIX}`,
      },
    ],
  };

  const dateRepo = {
    comment: "Dates and times are matched first so that their numbers are not figures.",
    patterns: [
      {
        match: `\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?)?\\b`,
        name: `meta.date.${SUFFIX}`,
      },
      {
        match: `\\b\\d{1,2}(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?(?:${MONTHS})(?![\\p{L}])(?:,?[ \\t]+\\d{4}\\b)?`,
        name: `meta.date.${SUFFIX}`,
      },
      {
        match: `\\b(?:${MONTHS})(?![\\p{L}])[ \\t]+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?[ \\t]+\\d{4}\\b)?`,
        name: `meta.date.${SUFFIX}`,
      },
      {
        match: `\\b(?:${MONTHS})(?![\\p{L}])[ \\t]+\\d{4}\\b`,
        name: `meta.date.${SUFFIX}`,
      },
      {
        match: `\\b\\d{1,2}[:.]\\d{2}(?:[ \\t]*(?:[ap]\\.?m\\.?|GMT|UTC|BST|CET|EET|MSK|ET|EST|EDT))\\b|\\b\\d{1,2}:\\d{2}\\b`,
        name: `meta.time.${SUFFIX}`,
      },
      {
        match: `\\b\\d{1,2}([-./])\\d{1,2}\\1\\d{2,4}\\b`,
        name: `meta.date.${SUFFIX}`,
      },
    ],
  };

  const denialRepo = {
    patterns: [
      {
        comment: "A source that cannot or will not confirm.",
        match: `${wordStart}(?:${alternation(capitalised(cannotConfirm))})${wordEnd}`,
        name: `keyword.other.denial.cannot-confirm.${SUFFIX} invalid.deprecated.denial.${SUFFIX}`,
      },
      ...(denialPredicates.length
        ? [
            {
              comment:
                "A statement called untrue: `dismissed the report as propaganda`, `the claims are false` (denialPredicates of cues.json).",
              match: `${wordStart}(?:${alternation(capitalised(DENIAL_PREDICATE_LEAD))})[ \\t]+(?:(?:it|them|this|that|these|those|the[ \\t]+\\w+)[ \\t]+)?(?:(?:${alternation(DENIAL_PREDICATE_ADVERBS)})[ \\t]+)?(${alternation(denialPredicates)})${wordEnd}`,
              captures: { 1: { name: `keyword.other.denial.predicate.${SUFFIX} invalid.deprecated.denial.${SUFFIX}` } },
            },
          ]
        : []),
      {
        comment: "Reporting verbs of the `denies` stance in cues.json.",
        match: `${wordStart}${notNoun}(?:${alternation(denialVerbs)})${wordEnd}`,
        name: `keyword.other.denial.${SUFFIX} invalid.deprecated.denial.${SUFFIX}`,
      },
    ],
  };

  const attributionRepo = {
    patterns: [
      {
        comment: "Multi-word attribution cues.",
        match: `${wordStart}(?:${alternation(capitalised(ATTRIBUTION_PHRASES))})${wordEnd}`,
        name: `keyword.other.attribution.${SUFFIX}`,
      },
      {
        comment:
          "Reporting verbs of cues.json (lower case only, so `Secretary of State` and `State Department` are not cues; not after a determiner, so `the report` is not one).",
        match: `${wordStart}${notNoun}(?:${alternation(plainVerbs)})${wordEnd}`,
        name: `keyword.other.attribution.${SUFFIX}`,
      },
      {
        comment: "Reporting-verb forms that are usually nouns (`state media`): only before `that`, `of`, `about`.",
        match: `${wordStart}${notNoun}(?:${alternation(nounishVerbs)})(?=[ \\t]+(?:that|of|about)\\b)`,
        name: `keyword.other.attribution.${SUFFIX}`,
      },
    ],
  };

  const hedgeRepo = {
    patterns: [
      ...(passiveHedges.length
        ? [
            {
              comment:
                "Passive hedges of cues.json after an auxiliary: `is said to`, `were believed to`, `was accused of`.",
              match: `${wordStart}(?:${alternation(capitalised(PASSIVE_AUX))})[ \\t]+(?:(?:${alternation(PASSIVE_ADVERBS)})[ \\t]+)?(?:${alternation(passiveHedges)})${wordEnd}`,
              name: `markup.italic.hedge.${SUFFIX} keyword.control.hedge.passive.${SUFFIX}`,
            },
          ]
        : []),
      {
        comment:
          "Hedges of cues.json and reporting verbs of the `hedges` stance. Only lower-case `may` (not the month or `Theresa May`).",
        match: `${wordStart}(?:${alternation(hedgeAlternatives)})${wordEnd}`,
        name: `markup.italic.hedge.${SUFFIX} keyword.control.hedge.${SUFFIX}`,
      },
    ],
  };

  const anonymousRepo = {
    patterns: [
      {
        comment: "Anonymity phrases of cues.json: `on condition of anonymity`, `who declined to be named`.",
        match: `${wordStart}(?:speaking[ \\t]+)?(?:${alternation(anonymityPhrases)})${wordEnd}`,
        name: `variable.other.anonymous-source.${SUFFIX}`,
      },
      {
        comment:
          "An unnamed source: `anonymous officials`, `sources familiar with`, `officials said`, `according to diplomats`.",
        match: `${wordStart}(?:(?:unnamed|anonymous|unidentified|senior|several|some)[ \\t]+(?:[A-Z][\\p{L}.]*[ \\t]+)?(?:${alternation(anonymous)})|(?:${alternation(anonymous)})(?=[ \\t]+(?:familiar[ \\t]+with|close[ \\t]+to|who[ \\t]+(?:spoke|asked|requested|declined)\\b)))${wordEnd}`,
        name: `variable.other.anonymous-source.${SUFFIX}`,
      },
    ],
  };

  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    information_for_contributors: [
      "GENERATED by scripts/gen-grammar.mjs from server/src/engine/data/cues.json. Do not edit by hand:",
      "edit the generator or the lexicon, run `node scripts/gen-grammar.mjs`, commit both.",
    ],
    name: "Source text",
    scopeName: `text.${SUFFIX}`,
    fileTypes: ["src.txt"],
    patterns: [
      { include: "#quote" },
      { include: "#date" },
      { include: "#denial" },
      { include: "#figure" },
      { include: "#anonymous" },
      { include: "#hedge" },
      { include: "#attribution" },
    ],
    repository: {
      quote: {
        comment:
          "Quotations, straight or curly. A quotation may span lines; an unclosed one stops at a blank line (a paragraph break), as journalists reopen quotes per paragraph.",
        patterns: [
          {
            begin: "“",
            end: "”|^(?=[ \\t]*$)",
            beginCaptures: { 0: { name: `punctuation.definition.string.begin.${SUFFIX}` } },
            endCaptures: { 0: { name: `punctuation.definition.string.end.${SUFFIX}` } },
            name: `string.quoted.double.${SUFFIX}`,
            patterns: [{ include: "#date" }, { include: "#figure" }],
          },
          {
            begin: '"',
            end: '"|^(?=[ \\t]*$)',
            beginCaptures: { 0: { name: `punctuation.definition.string.begin.${SUFFIX}` } },
            endCaptures: { 0: { name: `punctuation.definition.string.end.${SUFFIX}` } },
            name: `string.quoted.double.${SUFFIX}`,
            patterns: [{ include: "#date" }, { include: "#figure" }],
          },
        ],
      },
      date: dateRepo,
      figure: figureRepo,
      denial: denialRepo,
      attribution: attributionRepo,
      anonymous: anonymousRepo,
      hedge: hedgeRepo,
    },
  };
}

/** The grammar file's exact text for the current lexicon. */
export function renderGrammar(cuesText = readFileSync(CUES_PATH, "utf8")) {
  return JSON.stringify(buildGrammar(JSON.parse(cuesText)), null, 2) + "\n";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderGrammar();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(GRAMMAR_PATH, "utf8");
    } catch {}
    if (current !== text) {
      console.error(`${GRAMMAR_PATH} is stale: run node scripts/gen-grammar.mjs`);
      process.exit(1);
    }
    console.log("grammar up to date");
  } else {
    writeFileSync(GRAMMAR_PATH, text);
    console.log(`wrote ${GRAMMAR_PATH}`);
  }
}
