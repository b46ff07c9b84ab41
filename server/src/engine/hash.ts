/** cyrb53: a fast 53-bit string hash, in base 36 (text keys and content ids; not cryptographic). */
export function cyrb53(text: string): string {
  return cyrb53Parts([text]);
}

/**
 * cyrb53 of the parts written one after the other, without joining them: a string made by
 * concatenation is a rope, and reading a rope char by char is several times slower than reading
 * its flat parts (a listing of 100,000 contradiction ids hashes one each).
 */
export function cyrb53Parts(parts: readonly string[]): string {
  // Seeds and multipliers as the int32 values Math.imul and ^ read them (0xdeadbeef | 0 is
  // -559038737): the same hash, and the loop stays on small integers (about twice as fast).
  let h1 = 0xdeadbeef | 0;
  let h2 = 0x41c6ce57;
  for (const text of parts)
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761 | 0);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return base36(4294967296 * (2097151 & h2) + (h1 >>> 0));
}

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A non-negative integer below 2^53 in base 36, as `n.toString(36)` writes it: V8's radix
 * conversion of a double costs microseconds, a listing of 100,000 contradiction ids pays it each.
 * The arithmetic is exact (every step stays an integer below 2^53).
 */
function base36(n: number): string {
  let text = "";
  do {
    const digit = n % 36;
    text = DIGITS[digit]! + text;
    n = (n - digit) / 36;
  } while (n > 0);
  return text;
}
