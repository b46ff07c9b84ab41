// Reading a figure's qualifier as an interval of the values it allows, and comparing intervals.
import type { Qualifier } from "./types";

/** Relative tolerance of "about", "around", "some", "nearly": ±10 %. */
export const APPROX_TOLERANCE = 0.1;

export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

export function intervalOf(f: { value: number; valueMax?: number; qualifier: Qualifier }): Interval {
  const v = f.value;
  const max = f.valueMax ?? v;
  switch (f.qualifier) {
    case "over":
      return { lo: v, hi: Infinity, loOpen: true, hiOpen: true };
    case "atleast":
      return { lo: v, hi: Infinity, loOpen: false, hiOpen: true };
    case "under":
      return { lo: 0, hi: v, loOpen: false, hiOpen: true };
    case "upto":
      return { lo: 0, hi: max, loOpen: false, hiOpen: false };
    case "approx":
      return { lo: v * (1 - APPROX_TOLERANCE), hi: max * (1 + APPROX_TOLERANCE), loOpen: false, hiOpen: false };
    case "vague":
      // "thousands" says at least a thousand and never caps; "several hundred" stays below a thousand.
      return f.valueMax !== undefined
        ? { lo: v, hi: f.valueMax, loOpen: false, hiOpen: false }
        : { lo: v, hi: Infinity, loOpen: false, hiOpen: true };
    case "exact":
    default:
      return { lo: v, hi: max, loOpen: false, hiOpen: false };
  }
}

export function compatible(a: Interval, b: Interval): boolean {
  if (a.hi < b.lo || b.hi < a.lo) return false;
  if (a.hi === b.lo && (a.hiOpen || b.loOpen)) return false;
  if (b.hi === a.lo && (b.hiOpen || a.loOpen)) return false;
  return true;
}
