// The only place the server touches the file system: finding the source texts of the workspace
// folders (provenance.include / provenance.exclude), reading them (through the input module the
// CLI shares: regular files only, size limit, UTF-8 or UTF-16 by BOM), indexing them with
// progress, and following changes on disk (didChangeWatchedFiles).
import { stat } from "node:fs/promises";
import { relative, sep } from "node:path";
import picomatch from "picomatch";
import { FileChangeType, type Connection, type FileEvent, type WorkspaceFolder } from "vscode-languageserver";
import {
  IndexedNotification,
  IndexingStatusNotification,
  type IndexedParams,
  type ProvenanceSettings,
} from "../protocol";
import { describeError, showWarning, type Logger } from "./safe";
import type { SettingsStore } from "./settings";
import type { SourceIndex } from "./sources";
import type { UserTextWarmUp } from "./warmUp";
import { canonicalUri, isUnder, pathOfUri, uriOfPath } from "./uris";
import {
  formatBytes,
  inOrder,
  MESSAGES,
  READS_IN_FLIGHT,
  staysInside,
  walkAsync,
  type InputProblem,
} from "../shared/inputs";
import { capYoungGeneration } from "../shared/heap";
import { IndexWorkers, workerCount, type WorkerRead } from "./indexWorkers";
import { unpackExtract } from "./extractWire";
import { readSourceFile, readSourceFileSync, type ReadOutcome } from "./sourceRead";
import { LineTable } from "./lineTable";

export { formatBytes } from "../shared/inputs";
export { readSourceFile, type ReadOutcome } from "./sourceRead";

// ---- Reading and checking one file ----

/** One file read for the corpus: its text or why not, "open" (the editor's buffer wins), "vanished". */
interface FileRead {
  uri: string;
  path: string;
  /** Which read of the file this was (a newer one wins). */
  ticket: number;
  outcome: ReadOutcome | "open" | "vanished" | Analysed;
}

/** A text read and analysed by an indexing worker: its line table and its document's extract. */
type Analysed = Extract<WorkerRead, { extract: unknown }>;

/**
 * The text of an indexed file as it is on disk now, read again (blocking) because the server does
 * not keep the texts of closed files; undefined when it cannot be read as text.
 */
export function readIndexedTextSync(uri: string): string | undefined {
  const path = pathOfUri(uri);
  if (!path) return undefined;
  const read = readSourceFileSync(path, MAX_REREAD_BYTES);
  return typeof read === "object" && "text" in read ? read.text : undefined;
}

/** A file read again is at most this large (an indexed file is under provenance.maxFileSize). */
const MAX_REREAD_BYTES = 256 * 1024 * 1024;

/** Why an editor's text is not analysed (too large, NUL bytes), or undefined when it is fine. */
export function textProblem(text: string, maxFileSize: number): string | undefined {
  // UTF-8 takes at least one byte per UTF-16 unit: only count bytes when the length is close.
  if (text.length > maxFileSize || (text.length * 3 > maxFileSize && Buffer.byteLength(text, "utf8") > maxFileSize)) {
    return tooLargeReason(Buffer.byteLength(text, "utf8"), maxFileSize);
  }
  if (text.includes("\0")) return "binary content (NUL bytes), not text";
  return undefined;
}

function tooLargeReason(size: number, limit: number): string {
  return `${formatBytes(size)} is over the provenance.maxFileSize limit of ${formatBytes(limit)}`;
}

// ---- Which files belong to the workspace ----

export interface FileFilter {
  includes(relativePath: string): boolean;
  excludes(relativePath: string): boolean;
  excludesFolder(relativePath: string): boolean;
}

const filters = new WeakMap<object, FileFilter>();

/** The include / exclude matcher of some settings (compiled once per settings object). */
export function createFileFilter(
  settings: Pick<ProvenanceSettings, "include" | "exclude"> & { enable?: boolean },
): FileFilter {
  const cached = filters.get(settings);
  if (cached) return cached;
  if (settings.enable === false) {
    filters.set(settings, DISABLED_FILTER);
    return DISABLED_FILTER;
  }
  const options = { dot: true, nocase: process.platform === "win32" };
  const include = settings.include.length > 0 ? picomatch(settings.include, options) : () => false;
  const exclude = settings.exclude.length > 0 ? picomatch(settings.exclude, options) : () => false;
  const filter: FileFilter = {
    includes: (rel) => include(rel) && !exclude(rel),
    excludes: (rel) => exclude(rel),
    excludesFolder: (rel) => exclude(rel) || exclude(`${rel}/`) || exclude(`${rel}/.provenance-probe`),
  };
  filters.set(settings, filter);
  return filter;
}

/** provenance.enable off: nothing in the folder is indexed or served. */
const DISABLED_FILTER: FileFilter = { includes: () => false, excludes: () => true, excludesFolder: () => true };

/** What decides which files are indexed and how: enable, include, exclude, maxFileSize per folder. */
export function indexingFingerprint(settings: readonly ProvenanceSettings[]): string {
  return JSON.stringify(settings.map((s) => [s.enable, s.include, s.exclude, s.maxFileSize]));
}

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/**
 * Every included file under `root`, and what could not be read on the way (unreadable folders,
 * broken links, links leading out of the folder: those are not followed). Each real folder is
 * walked once, so link loops end.
 */
export async function discoverFiles(
  root: string,
  filter: FileFilter,
  cancelled: () => boolean,
): Promise<{ files: string[]; problems: InputProblem[] }> {
  const { files, problems } = await walkAsync([root], {
    includes: (rel) => filter.includes(rel),
    excludesFolder: (rel) => filter.excludesFolder(rel),
    cancelled,
  });
  return { files: files.map((f) => f.path).sort(), problems };
}

// ---- Indexing and following the disk ----

interface Folder {
  uri: string;
  path: string;
  name: string;
}

export interface WorkspaceOptions {
  connection: Connection;
  sources: SourceIndex;
  settings: SettingsStore;
  log: Logger;
  /** Whether a document is open in the editor (its text then comes from the editor, not the disk). */
  isOpen(uri: string): boolean;
  /** Offered the texts the first indexing analyses; run before that indexing is announced (warmUp.ts). */
  warmUp?: UserTextWarmUp;
}

export class Workspace {
  private folders: Folder[] = [];
  private run = 0;
  private indexing: Promise<IndexedParams> | undefined;
  private readonly shownSkips = new Set<string>();
  /** The latest read started for each file: an older read finishing later must not win. */
  private readonly latestRead = new Map<string, number>();
  private reads = 0;
  /** Reloads in progress (watcher events, closed documents). */
  private readonly inflight = new Set<Promise<void>>();
  /** Files read on a watcher event while an indexing run lists folders: the run must not forget them. */
  private readonly reloadedDuringRun = new Set<string>();
  /** Fingerprint of the settings the last indexing run used (see indexingFingerprint). */
  indexedWith = "";
  private markIndexed: () => void = () => undefined;
  /** Settles when the first indexing run completes. */
  private readonly firstIndex = new Promise<void>((resolve) => (this.markIndexed = resolve));

  constructor(private readonly options: WorkspaceOptions) {}

  /**
   * Resolves when the first indexing of the workspace is complete, or after `maxMs`: requests
   * that look across files wait for it rather than answer as if the workspace were empty.
   */
  whenIndexed(maxMs = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const bounded = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)));
    return Promise.race([this.firstIndex, bounded]).finally(() => clearTimeout(timer));
  }

  setFolders(folders: readonly WorkspaceFolder[]): void {
    this.folders = [];
    this.addFolders(folders);
  }

  addFolders(folders: readonly WorkspaceFolder[]): void {
    for (const folder of folders) {
      const uri = canonicalUri(folder.uri);
      const path = pathOfUri(uri);
      if (path && !this.folders.some((f) => f.uri === uri)) this.folders.push({ uri, path, name: folder.name });
    }
  }

  /** Forgets folders and the files indexed from them (open documents stay). */
  removeFolders(folders: readonly WorkspaceFolder[]): void {
    const gone = new Set(folders.map((f) => canonicalUri(f.uri)));
    this.folders = this.folders.filter((f) => !gone.has(f.uri));
    for (const file of this.options.sources.files()) {
      if (!this.options.isOpen(file) && [...gone].some((g) => isUnder(file, g)) && !this.folderOf(file)) {
        this.options.sources.remove(file);
      }
    }
  }

  folderUris(): string[] {
    return this.folders.map((f) => f.uri);
  }

  /**
   * Indexes every folder; a second call cancels the run in progress and starts over. Resolves
   * with the result of the run that completes (a cancelled run waits for the one replacing it).
   */
  indexAll(): Promise<IndexedParams> {
    const runId = ++this.run;
    const promise: Promise<IndexedParams> = this.indexRun(runId).then((result) => {
      if (this.run === runId) {
        this.indexing = undefined;
        return result;
      }
      return this.indexing ?? result;
    });
    this.indexing = promise;
    return promise;
  }

  private async indexRun(runId: number): Promise<IndexedParams> {
    const { connection, sources, log } = this.options;
    const cancelled = () => runId !== this.run;
    const started = Date.now();
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin("Provenance: indexing source texts", 0, "looking for files", false);
    connection.sendNotification(IndexingStatusNotification, { indexing: true, done: 0, total: 0 });
    sources.hold();
    this.reloadedDuringRun.clear();
    let indexed = 0;
    let skipped = 0;
    let workers: IndexWorkers | undefined;
    try {
      const planned: Array<{ path: string; settings: ProvenanceSettings }> = [];
      const seen = new Set<string>();
      const used = await Promise.all(this.folders.map((folder) => this.options.settings.get(folder.uri)));
      this.indexedWith = indexingFingerprint(used);
      for (const folder of this.folders) {
        const settings = await this.options.settings.get(folder.uri);
        const { files: paths, problems } = await discoverFiles(folder.path, createFileFilter(settings), cancelled);
        for (const problem of problems) this.reportProblem(problem);
        for (const path of paths) {
          if (seen.has(path)) continue;
          seen.add(path);
          planned.push({ path, settings });
        }
      }
      if (cancelled()) return { files: 0, skipped: 0, milliseconds: Date.now() - started };
      this.forgetFilesNotIn(new Set([...seen].map(uriOfPath)));
      const total = planned.length;
      let lastReport = 0;
      let lastYield = Date.now();
      let done = 0;
      const workerThreads = sources.recordsClosedFiles ? workerCount(total) : 0;
      if (workerThreads > 0)
        workers = IndexWorkers.start((message) => log.warn(`Provenance: ${message}`), workerThreads);
      // Several files are read (and analysed by workers) while earlier ones are added, in order.
      for await (const read of inOrder(
        planned,
        workers ? READS_IN_FLIGHT + workers.capacity : READS_IN_FLIGHT,
        ({ path, settings }) => this.readFile(path, settings, workers),
      )) {
        if (cancelled()) break;
        const outcome = this.applyRead(read);
        if (outcome === "indexed") indexed++;
        else if (outcome === "skipped") skipped++;
        done++;
        const now = Date.now();
        if (now - lastReport > 100 || done === total) {
          lastReport = now;
          progress?.report(Math.round((done / total) * 100), `${done}/${total} files`);
          connection.sendNotification(IndexingStatusNotification, { indexing: true, done, total });
        }
        if (now - lastYield > 15) {
          lastYield = now;
          capYoungGeneration();
          await new Promise((resolve) => setImmediate(resolve)); // let requests and edits through
        }
      }
      if (!cancelled()) await this.options.warmUp?.run(cancelled);
      return { files: indexed, skipped, milliseconds: Date.now() - started };
    } catch (error) {
      log.error(`Provenance: indexing failed: ${describeError(error)}`);
      return { files: indexed, skipped, milliseconds: Date.now() - started };
    } finally {
      await workers?.close();
      progress?.done();
      if (!cancelled()) {
        this.markIndexed();
        const result = { files: indexed, skipped, milliseconds: Date.now() - started };
        connection.sendNotification(IndexingStatusNotification, {
          indexing: false,
          done: indexed + skipped,
          total: indexed + skipped,
        });
        const byWorkers = workers
          ? `, ${workers.analysed} of them read and analysed by ${workers.started} worker thread${workers.started === 1 ? "" : "s"}`
          : "";
        log.info(`Provenance: indexed ${indexed} files (${skipped} skipped) in ${result.milliseconds} ms${byWorkers}`);
        this.announceSkips();
        connection.sendNotification(IndexedNotification, result);
      }
      // Everything derived across files (conflicts of open documents, lenses, views) follows,
      // debounced: the announcement above does not wait for it.
      sources.release();
    }
  }

  /** Files indexed earlier that are no longer part of the workspace (settings changed). */
  private forgetFilesNotIn(current: Set<string>): void {
    for (const file of this.options.sources.files()) {
      if (
        !current.has(file) &&
        !this.options.isOpen(file) &&
        !this.reloadedDuringRun.has(file) &&
        file.startsWith("file:")
      ) {
        this.options.sources.remove(file);
      }
    }
  }

  /** Reads one file into the corpus unless it is open in the editor. */
  private async loadFile(path: string, settings: ProvenanceSettings): Promise<"indexed" | "skipped" | "ignored"> {
    return this.applyRead(await this.readFile(path, settings));
  }

  /** Reads a file from disk (nothing when it is open), analysed by a worker when one takes it; never rejects. */
  private async readFile(path: string, settings: ProvenanceSettings, workers?: IndexWorkers): Promise<FileRead> {
    const uri = uriOfPath(path);
    if (this.options.isOpen(uri)) return { uri, path, ticket: 0, outcome: "open" };
    const ticket = ++this.reads;
    this.latestRead.set(uri, ticket);
    try {
      // Read and analysed by a worker when one takes it; read here when none does, or it failed.
      const read = await workers?.read(path, settings.maxFileSize);
      if (read) return { uri, path, ticket, outcome: read };
      return { uri, path, ticket, outcome: await readSourceFile(path, settings.maxFileSize) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { uri, path, ticket, outcome: "vanished" };
      return { uri, path, ticket, outcome: { skipped: `could not be read (${(error as Error).message})` } };
    }
  }

  /** Puts what was read into the corpus, unless a newer read of the file exists or it was opened meanwhile. */
  private applyRead({ uri, path, ticket, outcome }: FileRead): "indexed" | "skipped" | "ignored" {
    if (outcome === "open") return "indexed";
    if (this.latestRead.get(uri) !== ticket) return "ignored"; // a newer read of this file is under way or done
    this.latestRead.delete(uri);
    if (outcome === "vanished") {
      if (!this.options.isOpen(uri)) this.options.sources.remove(uri);
      return "ignored";
    }
    // Opened while the file was read: the editor's text wins over the disk's.
    if (this.options.isOpen(uri)) return "indexed";
    if ("skipped" in outcome) {
      this.reportSkip(uri, path, outcome.skipped);
      return "skipped";
    }
    if ("extract" in outcome) {
      const lines = new LineTable(outcome.lines);
      return this.options.sources.setExtract(uri, lines, unpackExtract(outcome.extract)) ? "indexed" : "skipped";
    }
    if (!this.options.sources.set(uri, outcome.text)) return "skipped";
    this.options.warmUp?.offer(outcome.text);
    return "indexed";
  }

  private reportProblem(problem: InputProblem): void {
    this.reportSkip(uriOfPath(problem.path), problem.path, problem.message);
  }

  /** Logs a skipped file, once per file and reason. */
  reportSkip(uri: string, label: string, reason: string): boolean {
    const first = this.options.sources.skip(uri, reason);
    if (first) this.options.log.warn(`Provenance: skipped ${label}: ${reason}`);
    return first;
  }

  /** One notification after indexing for the skipped files not announced before. */
  private announceSkips(): void {
    const { sources, connection } = this.options;
    const fresh = sources.skippedFiles().filter((file) => !this.shownSkips.has(file));
    if (fresh.length === 0) return;
    for (const file of fresh) this.shownSkips.add(file);
    const names = fresh.slice(0, 3).map((f) => `${pathOfUri(f) ?? f} (${sources.skipReason(f)})`);
    const more = fresh.length > 3 ? ` and ${fresh.length - 3} more (see the Provenance output)` : "";
    showWarning(
      connection,
      `Provenance skipped ${fresh.length} file${fresh.length === 1 ? "" : "s"}: ${names.join("; ")}${more}.`,
    );
  }

  /** Applies created / changed / deleted files (renames arrive as delete + create). */
  async applyFileChanges(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      const uri = canonicalUri(change.uri);
      try {
        if (change.type === FileChangeType.Deleted) this.forgetDeleted(uri);
        else await this.reload(uri);
      } catch (error) {
        this.options.log.error(`Provenance: could not update ${uri}: ${describeError(error)}`);
      }
    }
  }

  private forgetDeleted(uri: string): void {
    const { sources, isOpen } = this.options;
    this.shownSkips.delete(uri);
    if (!isOpen(uri)) sources.remove(uri);
    // A deleted folder: everything under it goes.
    for (const file of sources.files()) if (isUnder(file, uri) && file !== uri && !isOpen(file)) sources.remove(file);
    for (const file of sources.skippedFiles()) if (isUnder(file, uri)) sources.remove(file);
  }

  /** Resolves when the reloads under way (watcher events, closed documents) are done. */
  async settled(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }

  /** Re-reads a file (or a created folder) from disk when it belongs to the workspace. */
  reload(uri: string): Promise<void> {
    const run = this.reloadNow(uri).finally(() => this.inflight.delete(run));
    this.inflight.add(run);
    return run;
  }

  private async reloadNow(uri: string): Promise<void> {
    if (this.options.isOpen(uri)) return;
    this.reloadedDuringRun.add(uri);
    const path = pathOfUri(uri);
    const folder = this.folderOf(uri);
    if (!path || !folder) return;
    let isDirectory = false;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch {
      this.forgetDeleted(uri);
      return;
    }
    const settings = await this.options.settings.get(folder.uri);
    const filter = createFileFilter(settings);
    if (isDirectory) {
      const rel = toPosix(relative(folder.path, path));
      if (rel && filter.excludesFolder(rel)) return;
      const found = await discoverFiles(
        path,
        {
          ...filter,
          includes: (r) => filter.includes(joinRel(rel, r)),
          excludesFolder: (r) => filter.excludesFolder(joinRel(rel, r)),
        },
        () => false,
      );
      for (const problem of found.problems) this.reportProblem(problem);
      for (const file of found.files) {
        this.reloadedDuringRun.add(uriOfPath(file));
        await this.loadFile(file, settings);
      }
      return;
    }
    if (!filter.includes(toPosix(relative(folder.path, path)))) {
      this.options.sources.remove(uri);
      return;
    }
    if (!(await staysInside(path, [folder.path]))) {
      this.reportSkip(uri, path, MESSAGES.linkOutside);
      return;
    }
    await this.loadFile(path, settings);
  }

  /** Whether a file: URI is an included file of a workspace folder. */
  async isIncluded(uri: string): Promise<boolean> {
    const found = await this.filterOf(uri);
    return found !== undefined && found.filter.includes(found.relativePath);
  }

  /** Whether a file: URI lies inside a workspace folder and matches an exclude glob. */
  async isExcluded(uri: string): Promise<boolean> {
    const found = await this.filterOf(uri);
    return found !== undefined && found.filter.excludes(found.relativePath);
  }

  /** The include/exclude filter of the folder holding a file: URI, and the file's path in it. */
  private async filterOf(
    uri: string,
  ): Promise<{ filter: ReturnType<typeof createFileFilter>; relativePath: string } | undefined> {
    const path = pathOfUri(uri);
    const folder = this.folderOf(uri);
    if (!path || !folder) return undefined;
    const settings = await this.options.settings.get(folder.uri);
    return { filter: createFileFilter(settings), relativePath: toPosix(relative(folder.path, path)) };
  }

  private folderOf(uri: string): Folder | undefined {
    // The innermost folder wins when folders nest.
    let best: Folder | undefined;
    for (const folder of this.folders) {
      if (isUnder(uri, folder.uri) && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  }
}

function joinRel(base: string, rel: string): string {
  return base ? `${base}/${rel}` : rel;
}
