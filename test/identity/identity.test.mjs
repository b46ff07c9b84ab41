// Analysis output is identical to the recorded digests: a speed change may not change what the
// engine finds (issue 9). After a change meant to change findings: `npm run digests`, and commit
// the digests with it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { computeDigests, DIGESTS_FILE } from "./digests.mjs";

test("analyze --json output matches the recorded digests, file by file", () => {
  const recorded = JSON.parse(readFileSync(DIGESTS_FILE, "utf8"));
  const now = computeDigests();
  const changed = [];
  for (const [set, files] of Object.entries(now)) {
    if (!recorded[set]) {
      changed.push(`${set}: no recorded digests`);
      continue;
    }
    for (const [file, d] of Object.entries(files)) if (recorded[set][file] !== d) changed.push(`${set}: ${file}`);
    for (const file of Object.keys(recorded[set])) if (!(file in files)) changed.push(`${set}: ${file} (gone)`);
  }
  assert.deepEqual(changed, [], "analyses changed (run `npm run digests` only if the change is meant)");
});
