// Compiles the `world-countries` package (ODbL 1.0, © Mohammed Le Doze; see README "Data") into
// the compact table the engine loads: one row per country with its canonical slug, names,
// demonyms (singular and plural), capitals and abbreviations. Run by esbuild.mjs before bundling.
import { createRequire } from "node:module";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const OUTPUT = join(here, "..", "server", "src", "engine", "data", "countries.generated.json");

const slug = (s) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const isLatin = (s) => /^\p{Script=Latin}[\p{Script=Latin}\p{M} .'\-()]*$/u.test(s);

// Plural of an English demonym: "Korean" -> "Koreans", "Pakistani" -> "Pakistanis";
// "Chinese", "British", "French", "Swiss" have no -s plural.
function pluralDemonym(d) {
  if (/(ese|ish|ch|ss|sh|s|x|z)$/i.test(d)) return null;
  return d + "s";
}

export function buildCountryTable() {
  // Independent states first, so a demonym shared with a territory ("French") names the state.
  const countries = [...require("world-countries")].sort(
    (a, b) =>
      Number(b.independent !== false) - Number(a.independent !== false) || Number(b.unMember) - Number(a.unMember),
  );
  const rows = [];
  for (const c of countries) {
    const common = c.name.common;
    const names = new Set([common, c.name.official]);
    const abbreviations = new Set();
    for (const alt of c.altSpellings ?? []) {
      if (!isLatin(alt)) continue;
      if (/^[A-Z]{3,5}$/.test(alt))
        abbreviations.add(alt); // DPRK, USA, UAE; two-letter ISO codes are too ambiguous
      else if (/^[A-Z]{2}$/.test(alt)) continue;
      else if (!alt.includes(",") && !/\(/.test(alt)) names.add(alt);
    }
    const demonyms = new Set();
    const eng = c.demonyms?.eng;
    for (const d of [eng?.m, eng?.f]) {
      if (!d || !isLatin(d)) continue;
      demonyms.add(d);
      const p = pluralDemonym(d);
      if (p) demonyms.add(p);
    }
    const capitals = (c.capital ?? []).map((x) => x.replace(/,.*$/, "").trim()).filter(isLatin);
    rows.push({
      id: slug(common),
      name: common,
      names: [...names].filter((n) => isLatin(n) && n.length > 2),
      demonyms: [...demonyms],
      capitals,
      abbreviations: [...abbreviations],
      independent: c.independent !== false,
    });
  }
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, JSON.stringify(rows));
  return rows.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  console.log(`countries: ${buildCountryTable()} rows -> ${OUTPUT}`);
