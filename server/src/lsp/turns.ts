// Work put after the messages already read: the connection handles one message per turn of the
// event loop, so two turns let a change read meanwhile be handled first.

/** Runs `run` two turns of the event loop from now; returns its cancel. */
export function afterWaitingMessages(run: () => void): () => void {
  let immediate = setImmediate(() => {
    immediate = setImmediate(run);
  });
  return () => clearImmediate(immediate);
}
