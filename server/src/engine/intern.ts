// Interning of the short strings and small arrays that repeat across documents ("Russia",
// "said", ["attributed", "hedged"]): a corpus of thousands of files keeps one copy of each.
// Bounded, so odd input cannot grow it without limit.

const MAX = 200_000;
const strings = new Map<string, string>();
const arrays = new Map<string, readonly string[]>();

export function internString(s: string): string {
  if (s.length > 40) return s;
  const known = strings.get(s);
  if (known !== undefined) return known;
  if (strings.size < MAX) strings.set(s, s);
  return s;
}

export function internArray<T extends string>(xs: T[]): T[] {
  const key = xs.join("\u0000");
  const known = arrays.get(key);
  if (known) return known as T[];
  if (arrays.size < MAX) arrays.set(key, xs);
  return xs;
}
