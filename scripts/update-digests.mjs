// Records the analysis digests the identity test compares with (test/identity/digests.json).
// Run after a change that is meant to change what the engine finds; never after a speed change.
import { writeFileSync } from "node:fs";
import { computeDigests, DIGESTS_FILE } from "../test/identity/digests.mjs";

const digests = computeDigests();
writeFileSync(DIGESTS_FILE, JSON.stringify(digests, null, 1) + "\n");
const counts = Object.entries(digests).map(([k, v]) => `${k} ${Object.keys(v).length - 1}`);
console.log(`wrote ${DIGESTS_FILE}: ${counts.join(", ")} files`);
