// A file's analysed text kept as bytes between its analysis and its report: off the JS heap (the
// garbage collector does not trace it) and, for a text with one curly quote or dash (stored two
// bytes a character by V8), about half the size. Exact for every text: Latin-1 when every
// character fits a byte, UTF-8 when the text is well formed, else UTF-16 (a lone surrogate).

type Encoding = "latin1" | "utf8" | "utf16le";

export class KeptText {
  private readonly bytes: Buffer;
  private readonly encoding: Encoding;

  constructor(text: string) {
    this.encoding = encodingFor(text);
    this.bytes = Buffer.from(text, this.encoding);
  }

  /** The text again, equal to the one kept. */
  text(): string {
    return this.bytes.toString(this.encoding);
  }
}

function encodingFor(text: string): Encoding {
  if (!WIDE.test(text)) return "latin1";
  return LONE_SURROGATE.test(text) ? "utf16le" : "utf8";
}

/** A character Latin-1 cannot hold. */
const WIDE = /[\u0100-\uffff]/;
/** Half of a surrogate pair without the other half (UTF-8 cannot hold it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
