// The reviews file of each workspace folder (`.provenance/reviews.json`): the server's only other
// place that touches the disk besides workspace.ts. Every write takes a lock file (created
// exclusively, so one writer at a time across editors), re-reads the file, applies one change to
// what is there now, writes a temporary file and renames it over the old one: two editors writing
// at once both keep their verdicts. The file is re-read when
// the client reports a change (another editor, a git pull). A file that cannot be read is never
// overwritten.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, open, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import {
  locateReviews,
  parseReviews,
  serializeReviews,
  type Analysis,
  type Review,
  type ReviewLocations,
} from "../engine";
import { Emitter } from "./events";
import { describeError, type Logger } from "./safe";
import { canonicalUri, isUnder, pathOfUri, uriOfPath } from "./uris";

export const REVIEWS_PATH = ".provenance/reviews.json";

interface FolderReviews {
  reviews: Review[];
  /** The file's last text read or written (to notice real changes). */
  text: string;
}

export class ReviewStore {
  private readonly folders = new Map<string, FolderReviews>();
  private readonly gitNames = new Map<string, Promise<string>>();
  private readonly warned = new Set<string>();
  private locatedCache = new WeakMap<Analysis, { reviews: Review[]; value: ReviewLocations }>();
  /** Verdicts changed (read from disk or written here). */
  readonly onDidChange: Emitter<void>;

  constructor(
    private readonly folderUris: () => string[],
    private readonly log: Logger,
    private readonly warn: (message: string) => void,
  ) {
    this.onDidChange = new Emitter((error) => log.error(`Provenance: ${describeError(error)}`));
  }

  /** The reviews file URI of a folder. */
  fileUriOf(folderUri: string): string {
    return uriOfPath(join(pathOfUri(folderUri) ?? "", ...REVIEWS_PATH.split("/")));
  }

  /** Whether a URI is the reviews file of a workspace folder. */
  isReviewsFile(uri: string): boolean {
    const canonical = canonicalUri(uri);
    return this.folderUris().some((f) => this.fileUriOf(f) === canonical);
  }

  /**
   * Reads the reviews files at start, synchronously: the first diagnostics of a reopened window
   * already carry the verdicts (the files are small).
   */
  loadAllNow(): void {
    for (const folder of this.folderUris()) {
      const path = this.pathOf(folder);
      let text = "";
      try {
        text = readFileSync(path, "utf8");
      } catch {
        continue; // none yet (or unreadable: the asynchronous reload reports it)
      }
      const parsed = parseReviews(text);
      if (!("error" in parsed)) this.folders.set(folder, { reviews: parsed.reviews, text });
    }
  }

  /** Reads the reviews file of every folder (at start, when folders or the file change). */
  async reloadAll(): Promise<void> {
    let changed = false;
    for (const folder of this.folderUris()) changed = (await this.reload(folder)) || changed;
    for (const folder of [...this.folders.keys()]) {
      if (!this.folderUris().includes(folder)) changed = this.folders.delete(folder) || changed;
    }
    if (changed) this.changed();
  }

  /** The workspace folder holding a document and its path there (`/` separators). */
  placeOf(uri: string): { folder: string; file: string } | undefined {
    const path = pathOfUri(uri);
    let best: string | undefined;
    for (const folder of this.folderUris()) {
      if (isUnder(uri, folder) && (!best || folder.length > best.length)) best = folder;
    }
    const folderPath = best ? pathOfUri(best) : undefined;
    if (!best || !path || !folderPath) return undefined;
    return { folder: best, file: relative(folderPath, path).split(sep).join("/") };
  }

  /** Every verdict of a folder, as last read or written. */
  reviewsOf(folder: string): Review[] {
    return this.folders.get(folder)?.reviews ?? [];
  }

  private anyVerdicts(): boolean {
    for (const folder of this.folders.values()) if (folder.reviews.length > 0) return true;
    return false;
  }

  /** Whether any verdict is about the document (cheap: its analysis is not needed to tell). */
  hasVerdicts(uri: string): boolean {
    // Asked for every member of every contradiction listed: with no verdict anywhere, no path is worked out.
    if (!this.anyVerdicts()) return false;
    const place = this.placeOf(uri);
    if (!place) return false;
    const reviews = this.reviewsOf(place.folder);
    let files = filesOfReviews.get(reviews);
    if (!files) filesOfReviews.set(reviews, (files = new Set(reviews.map((r) => r.file))));
    return files.has(place.file);
  }

  /** Every folder's verdicts. */
  all(): Array<{ folder: string; reviews: Review[] }> {
    return this.folderUris().map((folder) => ({ folder, reviews: this.reviewsOf(folder) }));
  }

  /** The verdicts of a document located in its current analysis (cached per analysis). */
  locate(uri: string, analysis: Analysis): ReviewLocations {
    const place = this.placeOf(uri);
    if (!place) return { anchored: [], orphaned: [] };
    const reviews = this.reviewsOf(place.folder);
    const cached = this.locatedCache.get(analysis);
    if (cached && cached.reviews === reviews) return cached.value;
    const value = locateReviews(analysis, place.file, reviews);
    this.locatedCache.set(analysis, { reviews, value });
    return value;
  }

  /**
   * Applies `change` to the folder's verdicts as they are on disk now, writes them atomically
   * and checks the file holds them (retrying on top of a concurrent writer's version).
   */
  async update(folder: string, change: (current: Review[]) => Review[]): Promise<Review[]> {
    const path = this.pathOf(folder);
    const next = await withLock(path, async () => {
      const current = await this.readFromDisk(path);
      if ("error" in current)
        throw new Error(`${path} cannot be read (${current.error}); fix or remove it: nothing was written`);
      const reviews = change(current.reviews);
      const text = serializeReviews(reviews);
      await writeAtomically(path, text);
      return { reviews, text };
    });
    this.folders.set(folder, next);
    this.changed();
    return next.reviews;
  }

  /** The reviewer's name: the setting, else `git config user.name` in the folder, else the OS user. */
  async reviewerName(folder: string, setting: string): Promise<string> {
    if (setting) return setting;
    let pending = this.gitNames.get(folder);
    if (!pending) {
      pending = gitUserName(pathOfUri(folder) ?? ".").then((name) => name || safeUserName());
      this.gitNames.set(folder, pending);
    }
    return pending;
  }

  private async reload(folder: string): Promise<boolean> {
    const path = this.pathOf(folder);
    const read = await this.readFromDisk(path);
    if ("error" in read) {
      if (!this.warned.has(path + read.error)) {
        this.warned.add(path + read.error);
        this.warn(
          `Provenance: ${path} cannot be read (${read.error}); the verdicts read before are kept and the file is not overwritten.`,
        );
      }
      return false;
    }
    for (const problem of read.problems) this.log.warn(`Provenance: ${path}: ${problem} (left as it is)`);
    const held = this.folders.get(folder);
    if (held && held.text === read.text) return false;
    this.folders.set(folder, { reviews: read.reviews, text: read.text });
    return true;
  }

  private async readFromDisk(
    path: string,
  ): Promise<{ reviews: Review[]; problems: string[]; text: string } | { error: string }> {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { reviews: [], problems: [], text: "" };
      return { error: (error as Error).message };
    }
    const parsed = parseReviews(text);
    return "error" in parsed ? parsed : { ...parsed, text };
  }

  private pathOf(folder: string): string {
    return join(pathOfUri(folder) ?? ".", ...REVIEWS_PATH.split("/"));
  }

  private changed(): void {
    this.locatedCache = new WeakMap();
    this.onDidChange.fire();
  }
}

const LOCK_STALE_MS = 10_000;
const LOCK_ATTEMPTS = 400;

/**
 * Runs `task` holding `<path>.lock` (created with O_EXCL: one holder at a time, across
 * processes). A lock older than 10 s is left over from a crash and is taken over.
 */
async function withLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  const lock = `${path}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      await (await open(lock, "wx")).close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) await unlink(lock).catch(() => undefined);
      else if (attempt >= LOCK_ATTEMPTS) throw new Error(`${lock} is held by another editor; try again`);
      else await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20)); // back off, then retry
    }
  }
  try {
    return await task();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

/** Writes a sibling temporary file, then renames it over `path` (readers never see half a file). */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  try {
    await writeFile(temporary, text, "utf8");
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

function gitUserName(cwd: string): Promise<string> {
  return new Promise((resolve) => {
    execFile("git", ["config", "user.name"], { cwd, timeout: 3000 }, (error, stdout) =>
      resolve(error ? "" : String(stdout).trim()),
    );
  });
}

function safeUserName(): string {
  try {
    return userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}

/** The files each list of verdicts is about. */
const filesOfReviews = new WeakMap<Review[], Set<string>>();
