// Open documents: the editor's text replaces the disk's text in the corpus while a document is
// open; closing it goes back to the file on disk (or drops an untitled document).
import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { Emitter } from "./events";
import { describeError, showWarning, type Logger } from "./safe";
import { isServed, isSourceLanguage } from "./served";
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
  /** Analyses started and not finished yet, by canonical URI. */
  private readonly pending = new Map<string, Promise<void>>();

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
  }

  listen(): void {
    this.documents.onDidOpen(({ document }) => {
      if (isSourceLanguage(document.languageId)) this.byUri.set(canonicalUri(document.uri), document);
    });
    this.documents.onDidChangeContent(({ document }) => void this.track(document, this.analyze(document)));
    this.documents.onDidClose(({ document }) => void this.close(document));
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

  /** Resolves when the latest analysis started for a document is done (at once if none is pending). */
  settled(uri: string): Promise<void> {
    return this.pending.get(canonicalUri(uri)) ?? Promise.resolve();
  }

  private track(document: TextDocument, analysis: Promise<void>): void {
    const uri = canonicalUri(document.uri);
    const done = analysis.finally(() => {
      if (this.pending.get(uri) === done) this.pending.delete(uri);
    });
    this.pending.set(uri, done);
  }

  private async analyze(document: TextDocument): Promise<void> {
    const uri = canonicalUri(document.uri);
    try {
      if (!(await this.serve(document))) return;
      const settings = await this.settings.get(uri);
      const current = this.byUri.get(uri);
      if (!current) return; // closed meanwhile
      if (await this.workspace().isExcluded(uri)) {
        this.sources.remove(uri);
      } else {
        const text = current.getText();
        const problem = textProblem(text, settings.maxFileSize);
        if (problem) this.skipOpen(uri, problem);
        else {
          this.warnedOpen.delete(uri);
          this.sources.set(uri, text, current.version);
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
