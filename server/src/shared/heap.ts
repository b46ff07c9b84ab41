// V8 starts a major garbage collection when the heap reaches the live size it last measured
// times a growing factor of up to four. Provenance allocates in bursts (a workspace's
// contradictions, a page of them as JSON, ten thousand reports): between two collections the
// heap then grows far past what is live, and the process's peak memory with it. A smaller factor
// keeps the heap near the live size (measurements in the commits that set it: the server's
// 10,000-file peak after two walks of the contradictions 991 -> 830 MB; the CLI's below).
// These are V8 flags set at run time (the idiom jest uses to collect between tests); a runtime
// that refuses them only differs in peak memory.
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** The heap may grow by this many percent of the live size between major collections. */
const GROWING_PERCENT = 30;
/** Below this much used heap a collection would not lower the peak worth its time. */
const WORTH_COLLECTING = 128 * 1024 * 1024;

export function keepHeapNearLive(): void {
  setFlag(`--heap-growing-percent=${GROWING_PERCENT}`);
}

/** Sets a V8 flag at run time; a runtime that refuses it only manages its memory otherwise. */
function setFlag(flag: string): void {
  try {
    setFlagsFromString(flag);
  } catch {
    // Nothing to do: only the collections' cost and the peak memory differ.
  }
}

/**
 * V8 allocates straight in the old generation from the allocation sites whose objects mostly
 * outlived a young collection ("pretenuring"). The server's answers are built and sent within a
 * turn, but a large one (a page of contradictions, a file's diagnostics) can outlive one young
 * collection: its sites are then pretenured, and from then on every answer's garbage fills the
 * old generation, whose collections mark the whole heap. At 10,000 files a walk of the
 * contradictions then ran two or three major collections of ~0.5 s of main-thread marking each,
 * on the pages they fell on (measurements in the commit that set this).
 */
export function keepAnswersYoung(): void {
  setFlag("--no-allocation-site-pretenuring");
}

/**
 * One full collection, for the CLI when its reports start. The corpus is let go then (settled.ts)
 * and the live heap falls by about half, but the limit of the next collection was set from the
 * live size with the corpus: the garbage of ten thousand reports would grow the heap to twice
 * what it held at the end of the analysis (analyze --json on 10,000 files: peak RSS 867 MB with
 * this collection skipped).
 */
export function collectBeforeReports(): void {
  if (getHeapStatistics().used_heap_size < WORTH_COLLECTING) return;
  keepHeapNearLive();
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    if (typeof gc === "function") gc();
  } catch {
    // Nothing to do: only the peak memory differs.
  }
}

/**
 * Runs `work` with V8's pretenuring on, for what builds long-lived structures in bulk (the
 * corpus's cross-file steps: contradictions, groups, judgements), then turns it off again for
 * the answers (keepAnswersYoung). With it off, a typing pause's new contradictions were copied
 * through the young generation: three alternating pairs of 7 pauses at 10,000 files gave
 * medians of 99.8 / 125.5 / 120.3 ms with this against 113.6 / 136.2 / 136.8 ms without, and
 * the slowest page of a repeat walk stayed at 23 ms.
 */
export function withPretenuring<T>(work: () => T): T {
  setFlag("--allocation-site-pretenuring");
  try {
    return work();
  } finally {
    keepAnswersYoung();
  }
}

/** The young generation (both semi-spaces) stops growing at this size. */
const YOUNG_GENERATION_CAP = 8 * 1024 * 1024;
let youngCapped = false;

/**
 * V8 doubles the young generation (two semi-spaces, up to 16 MB each) while much of what it holds
 * survives a collection, and keeps it committed. Indexing grows it to the maximum: 34 MB of the
 * server's resident memory, where the long-lived records do not stay. Its maximum cannot be set
 * once the heap exists, but its growth factor can: set to 1 once it has reached
 * YOUNG_GENERATION_CAP. Called often while the heap grows (indexing asks between its turns); a
 * doubling may come before the check sees the cap (10,000 files: 17 MB committed, not 34).
 */
export function capYoungGeneration(): void {
  if (youngCapped) return;
  const young = getHeapSpaceStatistics().find((space) => space.space_name === "new_space");
  if (!young || young.space_size < YOUNG_GENERATION_CAP) return;
  youngCapped = true;
  setFlag("--semi-space-growth-factor=1");
}
