// Deterministic generator of news-like clippings for the benchmarks: invented people, countries,
// organisations, figures with qualifiers and units, attributed/hedged/anonymous claims, denials,
// quotations and dates. Same seed, same text, on every machine.
import { createRequire } from "node:module";

/** mulberry32: a small seeded PRNG, returns floats in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = [
  ["Russia", "Russian"],
  ["Ukraine", "Ukrainian"],
  ["Iran", "Iranian"],
  ["North Korea", "North Korean"],
  ["China", "Chinese"],
  ["Syria", "Syrian"],
  ["Turkey", "Turkish"],
  ["Poland", "Polish"],
  ["France", "French"],
  ["Germany", "German"],
  ["Britain", "British"],
  ["the United States", "U.S."],
  ["Sudan", "Sudanese"],
  ["Ethiopia", "Ethiopian"],
  ["Israel", "Israeli"],
  ["Venezuela", "Venezuelan"],
  ["Myanmar", "Burmese"],
];
const CITIES = [
  "Kyiv",
  "Moscow",
  "Tehran",
  "Geneva",
  "Brussels",
  "Warsaw",
  "Ankara",
  "Khartoum",
  "Damascus",
  "Vienna",
  "Kursk",
  "Odesa",
  "Aleppo",
  "Gaza",
];
const FIRST = [
  "Anna",
  "Omar",
  "Lena",
  "Pavel",
  "Mariam",
  "Jonas",
  "Ines",
  "Tariq",
  "Olena",
  "Marcus",
  "Yuki",
  "Dmytro",
  "Sofia",
  "Kwame",
  "Hana",
  "Viktor",
];
const LAST = [
  "Kovalenko",
  "Haddad",
  "Fischer",
  "Petrov",
  "Rahimi",
  "Lindqvist",
  "Moreau",
  "Aziz",
  "Shevchenko",
  "Bell",
  "Tanaka",
  "Hryhorenko",
  "Rossi",
  "Mensah",
  "Novak",
  "Orlov",
];
const TITLES = [
  "Defence Minister",
  "Foreign Minister",
  "President",
  "spokesperson",
  "army chief",
  "Prime Minister",
  "intelligence chief",
  "envoy",
  "Secretary of State",
  "governor",
];
const ORGS = [
  "the United Nations",
  "the International Committee of the Red Cross",
  "NATO",
  "the World Bank",
  "Amnesty International",
  "the Institute for Strategic Studies",
  "the International Atomic Energy Agency",
  "the World Food Programme",
  "Human Rights Watch",
  "the European Commission",
];
const OUTLETS = ["Reuters", "the Associated Press", "state media", "local media", "the BBC", "Le Monde", "Al Jazeera"];
const THINGS = [
  ["troops", "been sent to"],
  ["drones", "been delivered to"],
  ["refugees", "fled to"],
  ["civilians", "been killed in"],
  ["barrels of oil a day", "been exported to"],
  ["tonnes of grain", "been shipped to"],
  ["missiles", "been fired at"],
  ["tanks", "been lost in"],
  ["households", "been left without power in"],
  ["soldiers", "been captured in"],
];
const QUALS = [
  "more than",
  "about",
  "around",
  "up to",
  "at least",
  "nearly",
  "some",
  "as many as",
  "fewer than",
  "roughly",
  "an estimated",
  "over",
  "",
];
const REPORT = [
  "said",
  "told reporters",
  "claimed",
  "estimated",
  "announced",
  "warned",
  "insisted",
  "stated",
  "added",
  "confirmed",
];
const HEDGE = [
  "have reportedly",
  "have allegedly",
  "have apparently",
  "may have",
  "could have",
  "are believed to have",
  "appear to have",
];
const DENY = ["denied", "rejected", "dismissed", "refuted"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const FILLER = [
  "The talks are due to resume next week in {city}.",
  "The ministry published a map of the affected districts on its website.",
  "Residents described long queues for bread and fuel.",
  "The convoy left the border crossing shortly before dawn.",
  "Negotiators met behind closed doors for most of the afternoon.",
  "The agency said it would update its assessment at the end of the month.",
  "Schools in the region remained closed for a third consecutive week.",
];

export function makeGenerator(seed = 1) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const fmt = (n) => n.toLocaleString("en-US");
  const person = () => `${pick(TITLES)} ${pick(FIRST)} ${pick(LAST)}`;
  const date = () => `${int(1, 28)} ${pick(MONTHS)} ${int(2019, 2026)}`;
  const number = () => {
    const k = r();
    if (k < 0.55) return fmt(int(2, 400) * (r() < 0.5 ? 10 : 100));
    if (k < 0.7) return `${int(1, 9)}.${int(1, 9)} million`;
    if (k < 0.8) return `${int(2, 80)}`;
    if (k < 0.9) return `between ${fmt(int(1, 9) * 1000)} and ${fmt(int(10, 19) * 1000)}`;
    return pick(["one million", "two thousand", "hundreds of", "tens of thousands of", "a dozen"]);
  };
  const cap = (t) => t.replace(/^./, (c) => c.toUpperCase());
  const figure = () => {
    const [thing, clause] = pick(THINGS);
    const q = pick(QUALS);
    const n = number();
    const amount = n.startsWith("between") || n.endsWith(" of") || n.startsWith("a ") ? n : q ? `${q} ${n}` : n;
    return { text: `${amount} ${thing}`, thing, clause, place: pick(r() < 0.5 ? COUNTRIES.map((c) => c[0]) : CITIES) };
  };

  const sentenceMakers = [
    () => {
      const f = figure();
      return `${cap(pick([person(), pick(ORGS), pick(COUNTRIES)[1] + " officials"]))} ${pick(REPORT)} on ${pick(DAYS)} that ${f.text} had ${f.clause} ${f.place}.`;
    },
    () => {
      const f = figure();
      return `“${cap(f.text)} have ${f.clause} ${f.place} since ${pick(MONTHS)},” ${person()} told reporters in ${pick(CITIES)}.`;
    },
    () => {
      const f = figure();
      return `${cap(f.text)} ${pick(HEDGE)} ${f.clause} ${f.place}, according to ${pick(ORGS)}.`;
    },
    () => {
      const [thing, clause] = pick(THINGS);
      return `${cap(person())} ${pick(DENY)} that any ${thing} had ${clause} ${pick(COUNTRIES)[0]}, calling the report "${pick(["propaganda", "a fabrication", "baseless", "a provocation"])}".`;
    },
    () =>
      `Unnamed officials said the figure could be as high as ${fmt(int(5, 90) * 1000)}, but the claim could not be independently verified.`,
    () =>
      `Prices rose ${int(1, 19)}.${int(0, 9)}% in ${pick(MONTHS)}, the highest since ${int(1990, 2020)}, ${pick(OUTLETS)} reported.`,
    () => {
      const f = figure();
      return `A senior ${pick(COUNTRIES)[1]} official, speaking on condition of anonymity, said ${f.text} had ${f.clause} ${f.place} on ${date()}.`;
    },
    () =>
      `Analysts suggest the true number is probably higher, with ${pick(QUALS.filter(Boolean))} ${fmt(int(1, 60) * 500)} ${pick(THINGS)[0]} unaccounted for.`,
    () => pick(FILLER).replace("{city}", pick(CITIES)),
    () =>
      `${cap(pick(OUTLETS))} quoted ${person()} as saying the operation would last "${pick(["weeks, not months", "as long as necessary", "until the spring"])}".`,
  ];

  const paragraph = () => {
    const n = int(2, 5);
    const out = [];
    for (let i = 0; i < n; i++) out.push(pick(sentenceMakers)());
    return out.join(" ");
  };

  /** One clipping of about `bytes` characters: headline, dateline, paragraphs. */
  const clipping = (bytes) => {
    const [country] = pick(COUNTRIES);
    const parts = [
      `${country}: ${pick(["what we know", "new figures", "officials at odds", "the numbers", "a timeline"])}`,
      "",
      date(),
      "",
    ];
    let size = parts.join("\n").length;
    while (size < bytes) {
      const p = paragraph();
      parts.push(p, "");
      size += p.length + 2;
    }
    return parts.join("\n");
  };

  return { paragraph, clipping, rand: r };
}

/** `count` clippings of about `bytes` each (deterministic for a given seed). */
export function generateClippings(count, bytes, seed = 1) {
  const g = makeGenerator(seed);
  const out = [];
  for (let i = 0; i < count; i++) out.push(g.clipping(bytes));
  return out;
}

// ---------- Story-based clippings (the workspace benchmark) ----------
// A newsroom archive: many clippings per story, each story about one subject (whose `thing`,
// where), sources giving a few different values for it. Figure groups stay story-sized, as in a
// real archive, instead of every file agreeing or disagreeing with every other.

const STORY_THINGS = [
  ["troops", "been sent to"],
  ["drones", "been delivered to"],
  ["missiles", "been fired at"],
  ["tanks", "been shipped to"],
  ["fighters", "been deployed to"],
  ["advisers", "been sent to"],
  ["artillery shells", "been supplied to"],
  ["warships", "been sent to"],
];

function countryTable() {
  const require = createRequire(import.meta.url);
  return require("world-countries")
    .filter(
      (c) =>
        c.unMember && c.demonyms?.eng?.m && /^[A-Za-z ]+$/.test(c.name.common) && /^[A-Za-z ]+$/.test(c.demonyms.eng.m),
    )
    .map((c) => [c.name.common, c.demonyms.eng.m]);
}

export function makeStoryGenerator(seed = 1) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const fmt = (n) => n.toLocaleString("en-US");
  const cap = (t) => t.replace(/^./, (c) => c.toUpperCase());
  const countries = countryTable();
  const person = () => `${pick(TITLES)} ${pick(FIRST)} ${pick(LAST)}`;
  const date = () => `${int(1, 28)} ${pick(MONTHS)} ${int(2019, 2026)}`;
  const stories = new Map();

  /** Story `k`: who sends what where, and the value sources cluster around. */
  const story = (k) => {
    let s = stories.get(k);
    if (!s) {
      const sr = rng(seed * 7919 + k);
      const at = (xs) => xs[Math.floor(sr() * xs.length)];
      const owner = at(countries);
      let place = at(countries);
      if (place === owner) place = countries[(countries.indexOf(owner) + 1) % countries.length];
      const [thing, clause] = at(STORY_THINGS);
      const base = (1 + Math.floor(sr() * 90)) * 100;
      s = { owner, place, thing, clause, values: [base, base, Math.round(base * 1.25), Math.round(base * 0.8)] };
      stories.set(k, s);
    }
    return s;
  };

  const clipping = (bytes, k) => {
    const s = story(k);
    const value = () => fmt(pick(s.values));
    const q = () => pick(QUALS);
    const amount = () => {
      const qq = q();
      return qq ? `${qq} ${value()}` : value();
    };
    const what = () => `${amount()} ${s.owner[1]} ${s.thing}`;
    const makers = [
      () =>
        `${cap(pick([person(), pick(ORGS), `${s.place[1]} officials`]))} ${pick(REPORT)} on ${pick(DAYS)} that ${what()} had ${s.clause} ${s.place[0]}.`,
      () =>
        `“${cap(what())} have ${s.clause} ${s.place[0]} since ${pick(MONTHS)},” ${person()} told reporters in ${pick(CITIES)}.`,
      () => `${cap(what())} ${pick(HEDGE)} ${s.clause} ${s.place[0]}, according to ${pick(ORGS)}.`,
      () =>
        `${cap(person())} ${pick(DENY)} that any ${s.owner[1]} ${s.thing} had ${s.clause} ${s.place[0]}, calling the report "${pick(["propaganda", "a fabrication", "baseless"])}".`,
      () =>
        `A senior ${s.place[1]} official, speaking on condition of anonymity, said ${what()} had ${s.clause} ${s.place[0]} on ${date()}.`,
    ];
    // Sentences without figures: most of a news text.
    const background = [
      () => "Analysts suggest the true number is probably higher, but the claim could not be independently verified.",
      () => pick(FILLER).replace("{city}", pick(CITIES)),
      () =>
        `${cap(pick(OUTLETS))} quoted ${person()} as saying the operation would last "${pick(["weeks, not months", "as long as necessary", "until the spring"])}".`,
      () =>
        `${cap(person())} met ${person()} in ${pick(CITIES)} on ${pick(DAYS)} to discuss the situation in ${s.place[0]}.`,
      () => `The government of ${s.owner[0]} has not commented on the reports.`,
      () => `Relations between ${s.owner[0]} and ${s.place[0]} have deteriorated since ${pick(MONTHS)}.`,
      () => `${cap(pick(ORGS))} called for restraint and urged both sides to return to talks.`,
      () => `Witnesses in ${pick(CITIES)} described convoys moving at night along the main road.`,
    ];
    const sentence = () => (r() < 0.15 ? pick(makers)() : pick(background)());
    const parts = [
      `${s.owner[1]} ${s.thing} in ${s.place[0]}: ${pick(["what we know", "new figures", "officials at odds"])}`,
      "",
      date(),
      "",
    ];
    let size = parts.join("\n").length;
    while (size < bytes) {
      const n = int(2, 5);
      const sentences = [];
      for (let i = 0; i < n; i++) sentences.push(sentence());
      const p = sentences.join(" ");
      parts.push(p, "");
      size += p.length + 2;
    }
    return parts.join("\n");
  };
  return { clipping, story };
}

/** `count` story clippings of about `bytes` each, `perStory` clippings per story on average. */
export function generateArchive(count, bytes, seed = 1, perStory = 10) {
  const g = makeStoryGenerator(seed);
  const stories = Math.max(1, Math.round(count / perStory));
  const r = rng(seed + 1);
  const out = [];
  for (let i = 0; i < count; i++) out.push(g.clipping(bytes, Math.floor(r() * stories)));
  return out;
}
