// Word lists as one map of bits: a word's membership in every list is one look-up, not one per set.

/** Each word of each list with the bits of every list it is in. */
export function wordBits(lists: Iterable<readonly [Iterable<string>, number]>): Map<string, number> {
  const bits = new Map<string, number>();
  for (const [words, bit] of lists) for (const w of words) bits.set(w, (bits.get(w) ?? 0) | bit);
  return bits;
}
