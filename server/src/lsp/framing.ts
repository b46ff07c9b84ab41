// Reading LSP frames from a stream without ever going mute. vscode-jsonrpc's stream reader
// stops for good at a frame whose Content-Length is missing or not a number: the header is
// consumed, its body is then read as the next header, and every later frame fails the same
// way. This reader reports the bad frame and resynchronises on the next "Content-Length:"
// header, so the messages after it are answered.
//
// It also answers requests whose params are null or not an object where the method needs them
// with -32602 (invalid params) instead of letting a handler fail with -32603.
import {
  AbstractMessageReader,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
} from "vscode-languageserver/node";

const HEADER_END = Buffer.from("\r\n\r\n", "ascii");
const LENGTH_HEADER = /content-length:[ \t]*(\S*)[ \t]*$/i;
/** A header block longer than this is not a header: resynchronise. */
const MAX_HEADER_BYTES = 16 * 1024;
/** A frame announcing more than this is refused (the client's files are limited far below). */
const MAX_FRAME_BYTES = 1024 * 1024 * 1024;

export class ResyncingReader extends AbstractMessageReader implements MessageReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Length of the body being read, or -1 while reading a header. */
  private need = -1;
  private callback: DataCallback | undefined;

  constructor(
    private readonly stream: NodeJS.ReadableStream,
    /** Answers a request itself (null params); returns true when it did. */
    private readonly intercept: (message: Message) => boolean = () => false,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer) => this.onData(chunk);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.stream.on("data", onData);
    this.stream.on("error", onError);
    this.stream.on("close", onClose);
    this.stream.on("end", onClose);
    return {
      dispose: () => {
        this.stream.off("data", onData);
        this.stream.off("error", onError);
        this.stream.off("close", onClose);
        this.stream.off("end", onClose);
      },
    };
  }

  private onData(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // While a body is incomplete, only count bytes (joining on every chunk is quadratic).
    if (this.need >= 0 && this.pendingBytes < this.need) return;
    let buffer = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    for (;;) {
      if (this.need < 0) {
        const end = buffer.indexOf(HEADER_END);
        if (end < 0) {
          if (buffer.length > MAX_HEADER_BYTES) buffer = this.resync(buffer, 1, "a header without an end");
          break;
        }
        const length = this.contentLength(buffer.subarray(0, end).toString("ascii"));
        if (length === undefined) {
          buffer = this.resync(buffer, end + HEADER_END.length, "a frame without a valid Content-Length");
          continue;
        }
        this.need = length;
        buffer = buffer.subarray(end + HEADER_END.length);
      }
      if (buffer.length < this.need) break;
      const body = buffer.subarray(0, this.need);
      buffer = buffer.subarray(this.need);
      this.need = -1;
      this.deliver(body);
    }
    this.pending = buffer.length > 0 ? [buffer] : [];
    this.pendingBytes = buffer.length;
  }

  /** The Content-Length of a header block (its last such line), or undefined when missing or absurd. */
  private contentLength(header: string): number | undefined {
    const lines = header.split("\r\n");
    for (let i = lines.length - 1; i >= 0; i--) {
      const match = LENGTH_HEADER.exec(lines[i]!);
      if (!match) continue;
      if (!/^\d+$/.test(match[1]!)) return undefined;
      const length = Number(match[1]);
      return length <= MAX_FRAME_BYTES ? length : undefined;
    }
    return undefined;
  }

  /** Drops bytes up to the next "Content-Length:" at or after `from` (all of them when there is none). */
  private resync(buffer: Buffer, from: number, why: string): Buffer {
    this.fireError(new Error(`Provenance: skipped ${why}; reading on from the next header`));
    const text = buffer.toString("latin1");
    const next = text.slice(from).search(/content-length:/i);
    return next < 0 ? buffer.subarray(buffer.length) : buffer.subarray(from + next);
  }

  private deliver(body: Buffer): void {
    let message: Message;
    try {
      message = JSON.parse(body.toString("utf8")) as Message;
    } catch (error) {
      this.fireError(new Error(`Provenance: a frame whose body is not JSON was skipped (${(error as Error).message})`));
      return;
    }
    if (message === null || typeof message !== "object") {
      this.fireError(new Error("Provenance: a frame whose body is not a JSON-RPC message was skipped"));
      return;
    }
    if (this.intercept(message)) return;
    this.callback?.(message);
  }
}

/** Answers a request whose params are missing or not an object, where the method needs them, with -32602. */
export function invalidParamsAnswer(message: Message): object | undefined {
  const request = message as { id?: unknown; method?: unknown; params?: unknown };
  if (
    request.id === undefined ||
    request.id === null ||
    typeof request.method !== "string" ||
    !needsParams(request.method)
  )
    return undefined;
  const params = request.params;
  if (params !== null && typeof params === "object" && !Array.isArray(params)) return undefined;
  return {
    jsonrpc: "2.0",
    id: request.id,
    error: {
      code: -32602,
      message: `${request.method} needs its params (an object), got ${params === undefined ? "none" : JSON.stringify(params)?.slice(0, 40)}`,
    },
  };
}

/** Methods whose params must be an object (the standard document features and the status request). */
export function needsParams(method: string): boolean {
  return method.startsWith("textDocument/") || method === "provenance/documentStats" || method === "initialize";
}
