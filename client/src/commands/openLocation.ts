// provenance.openLocation (internal; run by the tree items): opens a document at a range.
import type { WireRange } from "../../../server/src/protocol";
import { openLocation } from "../locations";

export function createOpenLocation(): (uri: string, range: WireRange) => Promise<void> {
  return (uri, range) => openLocation(uri, range, { preview: true });
}
