// Standard output for the CLI's reports, written in chunks of bytes.

/**
 * Joins small writes into chunks of about `size` bytes (0: writes each at once, for a terminal): a
 * JSON report is written one record per line, 130,000 lines on 10,000 files, and each write to
 * stdout costs far more than joining the lines. Each text is encoded straight into the chunk's
 * bytes (once, ending it with a newline when it has none), not joined into a string first.
 */
export class OutBuffer {
  /** Room for a chunk and the longest text that may end it (a UTF-16 unit is at most 3 bytes). */
  private readonly bytes: Buffer;
  private used = 0;

  constructor(
    private readonly sink: (chunk: string | Buffer) => void,
    private readonly size: number,
  ) {
    this.bytes = Buffer.allocUnsafe(size * 4);
  }

  /** Writes `s` and a newline after it unless it ends with one. */
  writeLine(s: string): void {
    const most = 3 * s.length + 1;
    if (this.used + most > this.bytes.length) this.flush();
    if (most > this.bytes.length) {
      this.sink(s.endsWith("\n") ? s : s + "\n");
      return;
    }
    const start = this.used;
    this.used += this.bytes.write(s, start, "utf8");
    if (this.used === start || this.bytes[this.used - 1] !== NEWLINE) this.bytes[this.used++] = NEWLINE;
    if (this.used >= this.size) this.flush();
  }

  flush(): void {
    if (this.used === 0) return;
    // A copy: the stream may hold the chunk after write() returns, and the bytes are reused.
    const chunk = Buffer.from(this.bytes.subarray(0, this.used));
    this.used = 0;
    this.sink(chunk);
  }
}

const NEWLINE = 0x0a;
