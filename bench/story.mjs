// "Every file tells one story": the seed clippings (../shared/corpus/seeds, read at run time,
// never copied into the repository) repeated with their numbers varied, so hundreds of files give
// values for the same subjects — the figure groups an archive following one story has.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { rng } from "./corpus.mjs";

/** The seed texts, sorted by name, or [] when the directory is absent. */
export function readSeeds(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

/** Numbers written with digits (1,500 · 30 · 2.5), as [start, end) offsets. */
export function numberSpans(text) {
  const spans = [];
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    let end = m.index + m[0].length;
    while (text[end - 1] === ",") end--; // "1,500," ends before the comma
    spans.push([m.index, end]);
  }
  return spans;
}

const YEAR = /^(19|20)\d\d$/;

/** The same number with different digits and the same shape (length, commas, decimal point). Years are kept. */
export function varyNumber(number, random) {
  if (YEAR.test(number)) return number;
  let first = true;
  return number.replace(/\d/g, () => {
    const d = first ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10);
    first = false;
    return String(d);
  });
}

/** `count` texts: seed i % seeds.length with every number varied (deterministic). */
export function storyArchive(seeds, count, seed = 178) {
  const random = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const text = seeds[i % seeds.length];
    let varied = "";
    let at = 0;
    for (const [s, e] of numberSpans(text)) {
      varied += text.slice(at, s) + varyNumber(text.slice(s, e), random);
      at = e;
    }
    out.push(varied + text.slice(at));
  }
  return out;
}
