// Warm-up on the user's own texts, once per server start, before the first indexing is announced.
// V8 compiles for the shapes of text it has run: the built-in sample (engine/warmup.ts, run at
// initialize) leaves paths a user's files take unoptimised, and the first few dozen edits of a
// file then cost several times the steady state. A workspace is its user's best sample, so when
// its first indexing analysed little text (a small workspace), an edit's path is run over pieces of
// the indexed texts (as edits change them) within a bounded budget. A large workspace gets nothing
// extra: indexing it has run the engine long enough. The warm-up belongs to indexing, before
// `provenance/indexed`, because what the announcement promises is a server ready for the
// workspace's edits; an edit that arrives meanwhile waits for at most one piece's analysis.
import { detached, warmUpVariants } from "../engine";
import { editPathWarmUp } from "./features/diagnostics";
import type { Logger } from "./safe";
import { afterWaitingMessages } from "./turns";

/** Text analysed (indexing, then warm-up) after which an edit's path runs compiled code. */
const WARM_CHARS = 384 * 1024;
/**
 * Each sampled text is analysed about this many times at most: a small text's edits cost little
 * even before V8 compiles (their cost grows with the text), and some 30 analyses of a text make
 * its next edits run at about their steady cost.
 */
const PASSES = 30;
/** Less text than this is no sample: its edits cost little even cold, and the built-in sample covers as much. */
const MIN_SAMPLE_CHARS = 4 * 1024;
/** The warm-up's own time on the server's thread (its pieces' analyses, not the waits between), at most. */
const BUDGET_MS = 500;
/** Text kept as samples: at most this much in all, and of each file. */
const SAMPLE_CHARS = 48 * 1024;
const FILE_SAMPLE_CHARS = 16 * 1024;
/** A piece analysed in one slice, between messages, at most about this long. */
const PIECE_CHARS = 16 * 1024;
/** Pieces analysed at most (a bound when the pieces are tiny). */
const MAX_PIECES = 200;
/** How long to wait before looking again while an edit of an open document is being analysed. */
const EDIT_WAIT_MS = 5;

export class UserTextWarmUp {
  private samples: string[] = [];
  private sampledChars = 0;
  private indexedChars = 0;
  private started = false;

  /**
   * @param editing whether an edit of an open document waits for its analysis (the warm-up waits)
   * @param openTexts the served open documents' texts, samples when indexing found none
   */
  constructor(
    private readonly editing: () => boolean,
    private readonly openTexts: () => string[],
    private readonly log: Logger,
  ) {}

  /** A text the first indexing analysed (an included file): counted, and kept while samples are wanted. */
  offer(text: string): void {
    if (this.started) return;
    this.indexedChars += text.length;
    if (this.sampledChars >= SAMPLE_CHARS || this.indexedChars >= WARM_CHARS) return;
    const sample = sampleOf(text, Math.min(FILE_SAMPLE_CHARS, SAMPLE_CHARS - this.sampledChars));
    if (sample.trim().length === 0) return;
    this.samples.push(sample);
    this.sampledChars += sample.length;
  }

  /** Runs the warm-up once (later calls do nothing); resolves when it is done or `cancelled`. */
  async run(cancelled: () => boolean): Promise<void> {
    if (this.started) return;
    this.started = true;
    const samples =
      this.samples.length > 0 ? this.samples : this.openTexts().map((t) => sampleOf(t, FILE_SAMPLE_CHARS));
    this.samples = [];
    const sampled = samples.reduce((sum, text) => sum + text.length, 0);
    const needed = Math.min(WARM_CHARS - this.indexedChars, PASSES * sampled);
    if (needed <= 0 || sampled < MIN_SAMPLE_CHARS) return;
    const path = editPathWarmUp();
    let spentMs = 0;
    let analysed = 0;
    let pieces = 0;
    for (const text of warmUpVariants(samples, MAX_PIECES, PIECE_CHARS)) {
      await this.nextSlice();
      if (cancelled() || spentMs >= BUDGET_MS || analysed >= needed) break;
      const start = performance.now();
      path.run(text);
      spentMs += performance.now() - start;
      analysed += text.length;
      pieces++;
    }
    path.end();
    this.log.info(
      `Provenance: warmed up on ${samples.length} texts (${sampled} characters): ${pieces} pieces, ${analysed} characters analysed in ${Math.round(spentMs)} ms`,
    );
  }

  /** After the messages already read, and once no edit waits for its analysis. */
  private async nextSlice(): Promise<void> {
    await new Promise<void>((resolve) => afterWaitingMessages(resolve));
    while (this.editing()) await new Promise((resolve) => setTimeout(resolve, EDIT_WAIT_MS));
  }
}

/** The start of `text`, cut at a paragraph end when it is longer than `max`; an own copy. */
function sampleOf(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = text.lastIndexOf("\n\n", max);
  return detached(text.slice(0, end > 0 ? end : max));
}
