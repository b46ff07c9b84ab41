// One full garbage collection when the reports start. The corpus is let go then (settled.ts) and
// the live heap falls by about half, but V8 sets the heap size that starts its next major
// collection from the live size it last measured — with the corpus — times a growing factor of up
// to four: the garbage of ten thousand reports then grows the heap to twice what it held at the
// end of the analysis before anything collects it (analyze --json on 10,000 files: peak RSS 867
// MB with this collection skipped; see the commit for the measurements). A smaller growing factor
// from then on keeps the limit near the live size, which only falls while reports are written.
// Both are V8 flags set at run time (the idiom jest uses to collect between tests); on a runtime
// that refuses them the reports are the same and only the peak differs.
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Below this much used heap a collection would not lower the peak worth its time. */
const WORTH_COLLECTING = 128 * 1024 * 1024;
/** The heap may grow by this many percent of the live size between major collections. */
const GROWING_PERCENT = 30;

export function collectBeforeReports(): void {
  if (getHeapStatistics().used_heap_size < WORTH_COLLECTING) return;
  try {
    setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    if (typeof gc === "function") gc();
  } catch {
    // Nothing to do: only the peak memory differs.
  }
}
