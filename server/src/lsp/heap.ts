// V8 starts a major garbage collection when the heap reaches the live size it last measured
// times a growing factor of up to four. The server's big allocations come in bursts (computing a
// workspace's contradictions, each page of them as JSON, which is large enough to be allocated
// straight into the old generation): between two collections the heap then grows far past what
// is live, and the process's peak memory with it. A smaller factor keeps the heap near the live
// size (3,000 files: peak after two walks of the contradictions 326/315 -> 312/305 MB, no slower;
// see the commit for 10,000 files). Set at run time: a runtime that refuses the flag only differs
// in peak memory.
import { setFlagsFromString } from "node:v8";

/** The heap may grow by this many percent of the live size between major collections. */
const GROWING_PERCENT = 30;

export function keepHeapNearLive(): void {
  try {
    setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
  } catch {
    // Nothing to do: only the peak memory differs.
  }
}
