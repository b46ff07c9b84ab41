// Open documents: the editor's text replaces the disk's text in the corpus while a document is
// open; closing it goes back to the file on disk (or drops an untitled document).
//
// Edits are coalesced: the first change after a pause (no analysis waiting, the previous change
// longer ago than the last analysis took) is analysed at once; a change that follows closely
// schedules one analysis of the document's newest text after a pause as long as the last analysis
// of it took (at most MAX_PAUSE_MS, and never postponed more than MAX_WAIT_MS), so a burst of
// edits to a large file costs a few analyses, not one each.
import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { Emitter } from "./events";
import { describeError, showWarning, type Logger } from "./safe";
import { isServed, isSourceLanguage } from "./served";
import type { ProvenanceSettings } from "../protocol";
import type { SettingsStore } from "./settings";
import type { SourceIndex } from "./sources";
import { canonicalUri, pathOfUri } from "./uris";
import { textProblem, type Workspace } from "./workspace";

export class OpenDocuments {
  /** Open source documents by canonical URI. */
  private readonly byUri = new Map<string, TextDocument>();
  /** A document was (re)analysed, or found not analysable: its diagnostics are stale. */
  readonly onDidAnalyze: Emitter<TextDocument>;
  readonly onDidClose: Emitter<TextDocument>;
  private readonly warnedOpen = new Set<string>();
  private readonly scheduled = new Map<string, { cancel: () => void; since: number; document: TextDocument }>();
  private readonly running = new Map<string, Promise<void>>();
  /** Closed documents going back to their disk text. */
  private readonly closing = new Set<Promise<void>>();
  /** The version each open document was last analysed at. */
  private readonly analyzedVersion = new Map<string, number>();
  /** How long the last analysis of each open document took (ms). */
  private readonly cost = new Map<string, number>();
  /** When each open document last changed (Date.now()). */
  private readonly changedAt = new Map<string, number>();
  /** The settings each open document was last analysed with. */
  private readonly analyzedSettings = new Map<string, ProvenanceSettings>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly sources: SourceIndex,
    private readonly settings: SettingsStore,
    private readonly workspace: () => Workspace,
    private readonly connection: Connection,
    private readonly log: Logger,
  ) {
    const onError = (error: unknown) => log.error(`Provenance: ${describeError(error)}`);
    this.onDidAnalyze = new Emitter(onError);
    this.onDidClose = new Emitter(onError);
    sources.deferWhile(() => this.editing());
  }

  listen(): void {
    this.documents.onDidOpen(({ document }) => {
      if (isSourceLanguage(document.languageId)) this.byUri.set(canonicalUri(document.uri), document);
    });
    this.documents.onDidChangeContent(({ document }) => this.schedule(document));
    this.documents.onDidClose(({ document }) => {
      const run = this.close(document).finally(() => this.closing.delete(run));
      this.closing.add(run);
    });
  }

  /** The open source document for a URI (any spelling). */
  get(uri: string): TextDocument | undefined {
    return this.byUri.get(canonicalUri(uri));
  }

  isOpen(uri: string): boolean {
    return this.byUri.has(uri);
  }

  textOf(uri: string): string | undefined {
    return this.byUri.get(uri)?.getText();
  }

  all(): TextDocument[] {
    return [...this.byUri.values()];
  }

  /** Re-analyses every open document (after a settings change: include may now name others). */
  reanalyzeAll(): Promise<void> {
    return Promise.all(this.documents.all().map((doc) => this.analyze(doc))).then(() => undefined);
  }

  /**
   * Resolves once the analysis of `uri` matches its newest text: a request about the document
   * runs a waiting analysis now rather than answering from an older text.
   */
  settled(uri: string): Promise<void> {
    const key = canonicalUri(uri);
    const scheduled = this.scheduled.get(key);
    if (scheduled) {
      scheduled.cancel();
      this.scheduled.delete(key);
      const current = this.documents.get(scheduled.document.uri);
      if (current) return this.analyzeSerially(key, current);
    }
    return Promise.all([this.running.get(key), ...this.closing]).then(() => undefined);
  }

  /**
   * The settings the document's last analysis read: what its diagnostics, published as the
   * analysis ends, are made with (without reading the settings again on the edit path).
   */
  settingsAnalyzedWith(uri: string): ProvenanceSettings | undefined {
    return this.analyzedSettings.get(uri);
  }

  /** Whether an edit of an open document waits for its analysis or is being analysed. */
  editing(): boolean {
    return this.scheduled.size > 0 || this.running.size > 0;
  }

  /** Whether an edit of `uri` waits for its analysis or is being analysed (a publication follows it). */
  isAnalyzing(uri: string): boolean {
    const key = canonicalUri(uri);
    return this.scheduled.has(key) || this.running.has(key);
  }

  /** Whether an analysis of `uri` is waiting for a pause in the edits. */
  isPending(uri: string): boolean {
    return this.scheduled.has(canonicalUri(uri));
  }

  private schedule(document: TextDocument): void {
    const uri = canonicalUri(document.uri);
    const now = Date.now();
    const previous = this.scheduled.get(uri);
    if (previous) previous.cancel();
    const cost = this.cost.get(uri) ?? 0;
    const lastChange = this.changedAt.get(uri);
    this.changedAt.set(uri, now);
    const since = previous?.since ?? now;
    const afterPause = !previous && (lastChange === undefined || now - lastChange >= cost);
    const pause = afterPause ? 0 : Math.max(0, Math.min(MAX_PAUSE_MS, cost, MAX_WAIT_MS - (now - since)));
    const cancel = later(pause, () => {
      this.scheduled.delete(uri);
      const current = this.documents.get(document.uri);
      if (current) void this.analyzeSerially(uri, current);
    });
    this.scheduled.set(uri, { cancel, since, document });
  }

  /** One analysis of a document at a time; a request meanwhile runs once more after it, on the newest text. */
  private analyzeSerially(uri: string, document: TextDocument): Promise<void> {
    const running = this.running.get(uri);
    if (running) {
      // Once the run ends, one more on the newest text, unless that run saw it already.
      return running.then(() =>
        this.documents.get(document.uri) === document &&
        !this.scheduled.has(uri) &&
        this.analyzedVersion.get(uri) !== document.version
          ? this.analyzeSerially(uri, document)
          : undefined,
      );
    }
    const run = this.analyze(document).finally(() => {
      if (this.running.get(uri) === run) this.running.delete(uri);
    });
    this.running.set(uri, run);
    return run;
  }

  private async analyze(document: TextDocument): Promise<void> {
    const uri = canonicalUri(document.uri);
    try {
      if (!(await this.serve(document))) return;
      const settings = await this.settings.get(uri);
      const excluded = !settings.enable || (await this.workspace().isExcluded(uri));
      const current = this.byUri.get(uri);
      if (!current) return; // closed meanwhile
      this.analyzedVersion.set(uri, current.version);
      this.analyzedSettings.set(uri, settings);
      if (excluded) {
        this.sources.remove(uri);
      } else {
        const text = current.getText();
        const problem = textProblem(text, settings.maxFileSize);
        if (problem) this.skipOpen(uri, problem);
        else {
          this.warnedOpen.delete(uri);
          const started = Date.now();
          this.sources.set(uri, text, current.version);
          this.cost.set(uri, Date.now() - started);
        }
      }
      this.onDidAnalyze.fire(current);
    } catch (error) {
      this.log.error(`Provenance: could not analyse ${document.uri}: ${describeError(error)}`);
    }
  }

  /** Starts serving a document from its buffer when it is served (served.ts); false if not. */
  private async serve(document: TextDocument): Promise<boolean> {
    const uri = canonicalUri(document.uri);
    if (await isServed(document, this.workspace())) {
      if (this.documents.get(document.uri) === document) this.byUri.set(uri, document);
      return true;
    }
    if (this.byUri.get(uri) === document) {
      // No longer included (settings changed): forget the buffer's analysis and its diagnostics.
      this.byUri.delete(uri);
      this.analyzedSettings.delete(uri);
      this.sources.remove(uri);
      this.onDidClose.fire(document);
    }
    return false;
  }

  private skipOpen(uri: string, reason: string): void {
    const label = pathOfUri(uri) ?? uri;
    this.workspace().reportSkip(uri, label, reason);
    if (!this.warnedOpen.has(uri)) {
      this.warnedOpen.add(uri);
      showWarning(this.connection, `Provenance does not analyse ${label}: ${reason}.`);
    }
  }

  private async close(document: TextDocument): Promise<void> {
    const uri = canonicalUri(document.uri);
    if (this.byUri.get(uri) !== document) return;
    this.byUri.delete(uri);
    this.warnedOpen.delete(uri);
    this.scheduled.get(uri)?.cancel();
    this.scheduled.delete(uri);
    this.cost.delete(uri);
    this.changedAt.delete(uri);
    this.analyzedVersion.delete(uri);
    this.analyzedSettings.delete(uri);
    this.onDidClose.fire(document);
    try {
      // Back to the text on disk (the editor may have held unsaved changes), or gone.
      if (await this.workspace().isIncluded(uri)) await this.workspace().reload(uri);
      else this.sources.remove(uri);
    } catch (error) {
      this.log.error(`Provenance: could not restore ${uri} from disk: ${describeError(error)}`);
    }
  }
}

/** The longest pause an analysis waits for the edits to stop, and the longest it is put off. */
const MAX_PAUSE_MS = 300;
const MAX_WAIT_MS = 1000;

/**
 * Runs `run` after `ms` ms; returns its cancel. With no pause it runs after the messages already
 * read: the connection handles one message per turn of the event loop, so two turns let a change
 * queued behind this one cancel it (a burst of changes is one analysis, of the newest text).
 */
function later(ms: number, run: () => void): () => void {
  if (ms > 0) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  }
  let immediate = setImmediate(() => {
    immediate = setImmediate(run);
  });
  return () => clearImmediate(immediate);
}
