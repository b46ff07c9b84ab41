// A document's extract as it travels from an indexing worker to the server's thread.
import { deserialize, serialize } from "node:v8";
import type { DocumentExtract } from "../engine";

/**
 * An extract as a worker sends it: serialized (node:v8), its bytes carried one per character of a
 * string. The server makes its objects only when it records it, so they die young there; and the
 * bytes live on the JavaScript heap, not in buffers whose memory (allocated on one thread, freed on
 * another when collected) stayed resident: 30 MB more at 10,000 files.
 */
export type PackedExtract = string;

export function packExtract(extract: DocumentExtract): PackedExtract {
  return serialize(extract).toString("latin1");
}

/** The extract a worker packed. */
export function unpackExtract(packed: PackedExtract): DocumentExtract {
  const length = Buffer.byteLength(packed, "latin1");
  if (scratch.length < length) scratch = Buffer.allocUnsafeSlow(Math.max(length, 2 * scratch.length));
  scratch.write(packed, 0, "latin1");
  return deserialize(scratch.subarray(0, length)) as DocumentExtract;
}

/** Where packed extracts are unpacked, one after another (grown as needed, never shrunk). */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);
