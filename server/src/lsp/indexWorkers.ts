// Worker threads for indexing a large workspace: a worker (indexWorker.ts) reads a file, analyses it
// and answers with its line table and its document's extract (extractWire.ts), which the corpus
// records on the server's thread. The server's thread still reads and analyses a share itself (when
// every worker has enough queued), which also keeps its own compiled code warm for the edits that
// follow. Anything that goes wrong here (no worker script, a worker that fails to start or dies)
// gives `undefined`, and the caller analyses the text itself: workers only ever make indexing
// faster, never change what it finds.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { PackedExtract } from "./extractWire";
import type { LineTableParts } from "./lineTable";
import type { ReadOutcome } from "./sourceRead";

export interface WorkerJob {
  id: number;
  path: string;
  maxFileSize: number;
}

/**
 * A file as a worker read it: skipped or vanished, or analysed: its line table and its document's
 * extract, packed (extractWire.ts).
 */
export type WorkerRead =
  Exclude<ReadOutcome, { text: string }> | "vanished" | { lines: LineTableParts; extract: PackedExtract };

/** `read` is undefined when the worker failed on the file. */
export interface WorkerAnswer {
  id: number;
  read: WorkerRead | undefined;
}

/** Texts queued per worker before the server's thread takes the next one itself. */
const QUEUED_PER_WORKER = 16;

/**
 * A workspace with fewer files to index is indexed on the server's thread alone: a worker starts
 * cold (about half a second before it keeps pace), so 200 files took 1.5 s with one against 1.0 s
 * without, and 2,000 files of 8 KB took the same time either way.
 */
export const MIN_FILES_FOR_WORKERS = 3000;

interface Lane {
  worker: Worker;
  waiting: Map<number, (read: WorkerRead | undefined) => void>;
}

export class IndexWorkers {
  private readonly lanes: Lane[] = [];
  private nextId = 0;
  /** Files a worker read and analysed. */
  analysed = 0;
  /** How many workers were started. */
  readonly started: number;

  private constructor(
    script: string,
    count: number,
    private readonly onProblem: (message: string) => void,
  ) {
    for (let i = 0; i < count; i++) this.startLane(script);
    this.started = this.lanes.length;
  }

  /**
   * `count` workers for one indexing run (see workerCount), or undefined when there is no worker
   * script beside the server (a server run from its sources) or none started. `script`: the
   * worker's entry (tests give others).
   */
  static start(
    onProblem: (message: string) => void,
    count: number,
    script = join(__dirname, "indexWorker.js"),
  ): IndexWorkers | undefined {
    if (count < 1 || !existsSync(script)) return undefined;
    const workers = new IndexWorkers(script, count, onProblem);
    return workers.lanes.length > 0 ? workers : undefined;
  }

  /** How many texts the workers hold queued at most. */
  get capacity(): number {
    return this.lanes.length * QUEUED_PER_WORKER;
  }

  /**
   * The file at `path` as a worker read (and analysed) it; undefined when the server's thread should
   * read it itself (every worker has enough queued) or the worker failed.
   */
  read(path: string, maxFileSize: number): Promise<WorkerRead | undefined> | undefined {
    let lane: Lane | undefined;
    for (const l of this.lanes) if (!lane || l.waiting.size < lane.waiting.size) lane = l;
    if (!lane || lane.waiting.size >= QUEUED_PER_WORKER) return undefined;
    const job: WorkerJob = { id: this.nextId++, path, maxFileSize };
    const target = lane;
    return new Promise((resolve) => {
      target.waiting.set(job.id, resolve);
      target.worker.postMessage(job);
    });
  }

  /** Stops the workers; what they still had queued is answered undefined. */
  async close(): Promise<void> {
    const lanes = this.lanes.splice(0);
    for (const lane of lanes) settleAll(lane);
    await Promise.all(lanes.map((lane) => lane.worker.terminate().catch(() => undefined)));
  }

  private startLane(script: string): void {
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch (error) {
      this.onProblem(`an indexing worker could not start (${(error as Error).message})`);
      return;
    }
    const lane: Lane = { worker, waiting: new Map() };
    worker.on("message", (answer: WorkerAnswer) => {
      const resolve = lane.waiting.get(answer.id);
      lane.waiting.delete(answer.id);
      if (answer.read && typeof answer.read === "object" && "extract" in answer.read) this.analysed++;
      resolve?.(answer.read);
    });
    const drop = (why: string) => {
      const at = this.lanes.indexOf(lane);
      if (at < 0) return;
      this.lanes.splice(at, 1);
      settleAll(lane);
      this.onProblem(`an indexing worker stopped (${why}); its files are analysed on the server's thread`);
    };
    worker.on("error", (error) => drop(error.message));
    worker.on("exit", (code) => drop(`exit code ${code}`));
    worker.unref();
    this.lanes.push(lane);
  }
}

function settleAll(lane: Lane): void {
  for (const resolve of lane.waiting.values()) resolve(undefined);
  lane.waiting.clear();
}

/**
 * How many workers index `files` files: none under MIN_FILES_FOR_WORKERS, else one per core beyond
 * the server's own, at most three. On two cores one worker indexed 10,000 files about 15 % faster
 * (medians of alternating runs) and left the server holding 15-25 MB more when indexing ended (its
 * thread's memory, the heap grown by the extracts), under the 300 MB the server is meant to hold
 * there. PROVENANCE_INDEX_WORKERS=<n> sets the count whatever the number of files (tests, benchmarks).
 */
export function workerCount(files: number): number {
  const fromEnv = Number(process.env.PROVENANCE_INDEX_WORKERS);
  if (process.env.PROVENANCE_INDEX_WORKERS && Number.isInteger(fromEnv) && fromEnv >= 0) return Math.min(fromEnv, 8);
  return files < MIN_FILES_FOR_WORKERS ? 0 : Math.max(0, Math.min(3, availableParallelism() - 1));
}
