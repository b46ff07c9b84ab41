// sources.ts: after the quiet time the corpus's cross-file work is done a step at a time, each
// after the messages already read, and the change event comes once it is all done. An edit that
// comes between two steps is analysed there (it waits for one step, not for all of them), the rest
// is put off while it is on its way, and what the event's listeners then see equals a corpus built
// from scratch on the final texts.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createCorpus } from "../../server/src/engine";
import { SourceIndex, type CorpusChange } from "../../server/src/lsp/sources";
import { examplesDir } from "./lspClient";

const quiet = { error() {}, warn() {}, info() {}, log() {} };

function examples(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of readdirSync(examplesDir).sort())
    texts.set(`file:///ex/${name}`, readFileSync(join(examplesDir, name), "utf8"));
  return texts;
}

/** The next change event, and whether the contradictions an edited file's publication reads were current then. */
function nextChange(sources: SourceIndex): Promise<{ change: CorpusChange; current: boolean }> {
  return new Promise((resolve) =>
    sources.onDidChange((change) => resolve({ change, current: sources.settledView().fresh })),
  );
}

test("the change event comes after the cross-file work, done in steps; an edit between two steps is taken in", async () => {
  const texts = examples();
  const sources = new SourceIndex(quiet, () => undefined, undefined, 1);
  let editing = false;
  sources.deferWhile(() => editing);
  const [first, second] = [...texts.keys()];
  const edited = texts.get(first!)!.replace(/\d[\d,]*/, "9,999");
  assert.notEqual(edited, texts.get(first!));

  const corpus = sources.corpus;
  const step = corpus.contradictionStep.bind(corpus);
  let steps = 0;
  let stepsWhileEditing = 0;
  corpus.contradictionStep = () => {
    if (editing) stepsWhileEditing++;
    steps++;
    if (steps === 2) {
      // An edit read between two steps: it is analysed now, the steps wait while it is on its way.
      editing = true;
      sources.set(first!, edited);
      setImmediate(() => (editing = false));
    }
    return step();
  };
  const changed = nextChange(sources);
  for (const [uri, text] of texts) sources.set(uri, text);
  const { change } = await changed;

  assert.ok(steps > 2, `the work was spread over steps (${steps})`);
  assert.equal(stepsWhileEditing, 0, "no step runs while an edit is on its way");
  assert.equal(step(), false, "the listeners find the work done");
  assert.ok(change.files.includes(first!) && change.files.includes(second!));
  const scratch = createCorpus();
  for (const [uri, text] of texts) scratch.set(uri, uri === first ? edited : text);
  assert.deepEqual(sources.contradictions(), scratch.contradictions());
  assert.ok(scratch.contradictions().length > 0, "the examples have contradictions to compare");
});

test("at the change event after an edit, an edited file's publication reads the contradictions just worked out", async () => {
  const texts = examples();
  const sources = new SourceIndex(quiet, () => undefined, undefined, 1);
  const indexed = nextChange(sources);
  for (const [uri, text] of texts) sources.set(uri, text);
  sources.freshView();
  await indexed;
  const [first] = [...texts.keys()];
  const edited = nextChange(sources);
  sources.set(first!, texts.get(first!)!.replace(/\d[\d,]*/, "9,999"));
  assert.equal(sources.settledView().fresh, false, "right after the edit: the contradictions computed before it");
  const { current } = await edited;
  assert.ok(current, "at the event: those of the corpus with the edit");
});
