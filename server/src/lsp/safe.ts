// Error isolation: a failure in one handler or on one document is logged and never stops the
// server or the other documents.
import { MessageType, ShowMessageNotification, type Connection } from "vscode-languageserver";

export type Logger = Pick<Connection["console"], "error" | "warn" | "info" | "log">;

/** Wraps a request handler: an exception is logged and answered with `fallback`. */
export function guarded<P extends unknown[], R>(
  log: Logger,
  name: string,
  fallback: R,
  handler: (...args: P) => R | Promise<R>,
): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await handler(...args);
    } catch (error) {
      log.error(`Provenance: ${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** A warning toast (window/showMessage notification: nothing to answer, never blocks). */
export function showWarning(connection: Connection, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}
