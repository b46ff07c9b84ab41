// Interning of the short strings and small arrays that repeat across documents ("Russia",
// "said", ["attributed", "hedged"]): a corpus of thousands of files keeps one copy of each.
// Bounded, so odd input cannot grow it without limit.

const MAX = 200_000;
const strings = new Map<string, string>();
const arrays = new Map<string, readonly string[]>();

export function internString(s: string, maxLength = 40): string {
  if (s.length > maxLength) return s;
  const known = strings.get(s);
  if (known !== undefined) return known;
  if (strings.size >= MAX) return s;
  const own = detached(s);
  strings.set(own, own);
  return own;
}

/**
 * A copy of `s` that does not keep alive the text it was sliced from: V8 keeps a slice of 13 or
 * more characters as a view of its parent, so one kept mention would keep its whole document.
 * Shorter strings are copies already.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/**
 * An own copy of a long string (a claim's text), one byte per character when every character
 * allows it: a slice of a document with a single curly quote anywhere is stored two bytes per
 * character, as its document is, and so would be a copy made by `detached`.
 */
export function compactCopy(s: string): string {
  if (s.length < 13 || WIDE.test(s)) return detached(s);
  // JSON.parse gives back the same characters in a new string, one byte per character when every
  // character allows it (a third of the CPU of copying the character codes out and back).
  return JSON.parse(JSON.stringify(s)) as string;
}

/** A character a one-byte string cannot hold. */
const WIDE = /[\u0100-\uffff]/;

/** What a corpus record keeps of a string: the shared copy of a short one, an own copy of a long one. */
export function keptString(s: string): string {
  return s.length > 40 ? detached(s) : internString(s);
}

export function internArray<T extends string>(xs: T[]): T[] {
  const key = xs.join("\u0000");
  const known = arrays.get(key);
  if (known) return known as T[];
  if (arrays.size < MAX) arrays.set(key, xs);
  return xs;
}

/**
 * A function of one string (or number) remembered for up to `max` distinct inputs, each kept under
 * `keep(input)` (a detached copy where the inputs are slices of documents).
 */
export function memoize<T, K extends string | number = string>(
  fn: (s: K) => T,
  max = 50_000,
  keep: (s: K) => K = (s) => s,
): (s: K) => T {
  const cache = new Map<K, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size < max) cache.set(keep(s), v);
    }
    return v;
  };
}
