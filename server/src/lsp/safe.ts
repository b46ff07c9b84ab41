// Error isolation: a failure in one handler or on one document is logged and never stops the
// server or the other documents.
import {
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type CancellationToken,
  type Connection,
} from "vscode-languageserver";

export type Logger = Pick<Connection["console"], "error" | "warn" | "info" | "log">;

/**
 * Wraps a request handler: an exception is logged and answered with `fallback`; a request the
 * client cancelled before it ran (or while it waited) answers RequestCancelled without the work.
 */
export function guarded<P extends unknown[], R>(
  log: Logger,
  name: string,
  fallback: R,
  handler: (...args: P) => R | Promise<R>,
): (...args: P) => Promise<R> {
  return async (...args: P) => {
    const token = args.find(isCancellationToken);
    try {
      if (token?.isCancellationRequested) throw cancelled();
      return await handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log.error(`Provenance: ${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, "the request was cancelled");
}

/** Throws RequestCancelled when the client cancelled the request (after a wait). */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelled();
}

function isCancellationToken(value: unknown): value is CancellationToken {
  return (
    typeof value === "object" &&
    value !== null &&
    "isCancellationRequested" in value &&
    "onCancellationRequested" in value
  );
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** A warning toast (window/showMessage notification: nothing to answer, never blocks). */
export function showWarning(connection: Connection, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}
