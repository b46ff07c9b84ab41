// An indexing worker thread: reads the files the server names, analyses their texts and answers
// each with its line table and its document's extract (what the corpus records of it), so that
// indexing a large workspace uses more than one core. No state is kept between files.
import { parentPort } from "node:worker_threads";
import { extractDocument } from "../engine";
import { lineTableParts } from "./lineTable";
import { readSourceFileSync, withoutBom } from "./sourceRead";
import { packExtract } from "./extractWire";
import type { WorkerAnswer, WorkerJob } from "./indexWorkers";

parentPort?.on("message", ({ id, path, maxFileSize }: WorkerJob) => {
  parentPort!.postMessage(answerTo(id, path, maxFileSize));
});

function answerTo(id: number, path: string, maxFileSize: number): WorkerAnswer {
  try {
    const outcome = readSourceFileSync(path, maxFileSize);
    if (outcome === "vanished" || "skipped" in outcome) return { id, read: outcome };
    const extract = packExtract(extractDocument(outcome.text, true));
    return { id, read: { lines: lineTableParts(withoutBom(outcome.text)), extract } };
  } catch {
    // The server's thread reads and analyses the file again, and reports the failure as its own.
    return { id, read: undefined };
  }
}
