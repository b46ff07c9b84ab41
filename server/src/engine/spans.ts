// Range queries over spans sorted by start: the engine's lookups stay O(log n) on large texts.

export interface Ranged {
  start: number;
  end: number;
}

/**
 * The index the last search found, in whichever array. Passes ask about nearby offsets one after
 * another (a phrase read word by word), so the next answer is usually the same index or a neighbour:
 * it is checked first, and only a miss pays for the binary search. Holding no array, it keeps nothing alive.
 */
let finger = 0;

/** Index of the first span whose start is >= offset. */
export function lowerBound(sorted: readonly Ranged[], offset: number): number {
  const n = sorted.length;
  const f = finger;
  if (f <= n) {
    // f is the answer when the span before it starts before offset and span f (if any) does not.
    const beforeOk = f === 0 || sorted[f - 1]!.start < offset;
    if (beforeOk) {
      if (f === n || sorted[f]!.start >= offset) return f;
      if (f + 1 === n || sorted[f + 1]!.start >= offset) return (finger = f + 1);
    } else if (f === 1 || (f > 1 && sorted[f - 2]!.start < offset)) return (finger = f - 1);
  }
  return (finger = binarySearch(sorted, offset));
}

function binarySearch(sorted: readonly Ranged[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first number of `sorted` (ascending) that is not below `value`. */
export function firstAtLeast(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans lying entirely inside [start, end). */
export function within<T extends Ranged>(sorted: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(sorted, start); i < sorted.length && sorted[i]!.start < end; i++)
    if (sorted[i]!.end <= end) out.push(sorted[i]!);
  return out;
}

/** The first span lying inside [start, end) that satisfies the predicate, without collecting the others. */
export function firstWithin<T extends Ranged>(
  sorted: readonly T[],
  start: number,
  end: number,
  ok: (s: T) => boolean = () => true,
): T | undefined {
  for (let i = lowerBound(sorted, start); i < sorted.length && sorted[i]!.start < end; i++)
    if (sorted[i]!.end <= end && ok(sorted[i]!)) return sorted[i];
  return undefined;
}

/** The span covering offset, if any (spans do not overlap). */
export function covering<T extends Ranged>(sorted: readonly T[], offset: number): T | undefined {
  const i = lowerBound(sorted, offset + 1) - 1;
  const s = sorted[i];
  return s && s.start <= offset && offset < s.end ? s : undefined;
}

/** The last span ending at or before offset that satisfies the predicate, searching back at most `limit` spans. */
export function lastBefore<T extends Ranged>(
  sorted: readonly T[],
  offset: number,
  ok: (s: T) => boolean,
  limit = 400,
): T | undefined {
  for (let i = lowerBound(sorted, offset) - 1, n = 0; i >= 0 && n < limit; i--, n++)
    if (sorted[i]!.end <= offset && ok(sorted[i]!)) return sorted[i];
  return undefined;
}
