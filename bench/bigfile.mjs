#!/usr/bin/env node
// The large-file benchmark of issue 11: one 1.9 MB document of a short repeated sentence
// ("Russia said 5 troops were killed. " × 58,596), open in the editor. Prints the time to its
// first diagnostics, to a hover, to an outline and to the diagnostics after an edit, and the size
// of the diagnostics message. `node bench/bigfile.mjs [--server dist/server.js] [--repeat N] [--no-outline] [--no-actor-hover]`
// (an older server could take many minutes on those two).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { LspClient } from "./lsp-client.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : null);
const SERVER = option("--server") ?? join(root, "dist/server.js");
const REPEAT = Number(option("--repeat") ?? 58_596);
const SENTENCE = "Russia said 5 troops were killed. ";

const dir = mkdtempSync(join(tmpdir(), "provenance-bigfile-"));
const path = join(dir, "big.txt");
const text = SENTENCE.repeat(REPEAT);
writeFileSync(path, text);
const uri = pathToFileURL(path).href;
const folders = [{ uri: pathToFileURL(dir).href, name: "big" }];
const client = new LspClient(SERVER, { cwd: dir, folders, settings: { provenance: { maxFileSize: 4 * 1024 * 1024 } } });
const TIMEOUT = 600_000;
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** CPU seconds the server has used so far (user + system; Linux only), to read past a loaded machine. */
function cpu() {
  try {
    const fields = readFileSync(`/proc/${client.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
let lastCpu = 0;
const cpuSince = () => {
  const now = cpu();
  const spent = now - lastCpu;
  lastCpu = now;
  return `, server CPU ${spent.toFixed(2)} s`;
};
try {
  await client.request("initialize", {
    processId: process.pid,
    rootUri: folders[0].uri,
    workspaceFolders: folders,
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    },
  });
  client.notify("initialized", {});
  await client.waitFor("provenance/indexed", () => true, TIMEOUT);
  cpuSince();
  const first = client.waitFor("textDocument/publishDiagnostics", (p) => p.uri === uri && p.version === 1, TIMEOUT);
  const opened = client.notify("textDocument/didOpen", {
    textDocument: { uri, languageId: "plaintext", version: 1, text },
  });
  const diag = await first;
  console.log(`file: ${(text.length / 1e6).toFixed(2)} MB, ${REPEAT} sentences`);
  console.log(
    `first diagnostics: ${seconds(diag.t - opened)} (${diag.params.diagnostics.length} diagnostics, ${(JSON.stringify(diag.params).length / 1e6).toFixed(2)} MB message${cpuSince()})`,
  );
  const line = 0;
  const character = Math.floor(text.length / 2 / SENTENCE.length) * SENTENCE.length + SENTENCE.indexOf("5");
  const hover = await client.request(
    "textDocument/hover",
    { textDocument: { uri }, position: { line, character } },
    TIMEOUT,
  );
  console.log(`hover on a figure: ${seconds(hover.t - hover.sent)}${cpuSince()}`);
  if (!argv.includes("--no-actor-hover")) {
    const onActor = character - SENTENCE.indexOf("5");
    const actorHover = await client.request(
      "textDocument/hover",
      { textDocument: { uri }, position: { line, character: onActor + 2 } },
      TIMEOUT,
    );
    console.log(`hover on an actor: ${seconds(actorHover.t - actorHover.sent)}${cpuSince()}`);
  }
  if (!argv.includes("--no-outline")) {
    const symbols = await client.request("textDocument/documentSymbol", { textDocument: { uri } }, TIMEOUT);
    console.log(
      `outline: ${seconds(symbols.t - symbols.sent)} (${(JSON.stringify(symbols.result).length / 1e6).toFixed(2)} MB${cpuSince()})`,
    );
  }
  const tokens = await client.request("textDocument/semanticTokens/full", { textDocument: { uri } }, TIMEOUT);
  console.log(`semantic tokens: ${seconds(tokens.t - tokens.sent)}${cpuSince()}`);
  const edited = client.waitFor("textDocument/publishDiagnostics", (p) => p.uri === uri && p.version === 2, TIMEOUT);
  const sent = client.notify("textDocument/didChange", {
    textDocument: { uri, version: 2 },
    contentChanges: [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: "Ukraine said 7 soldiers died. ",
      },
    ],
  });
  const after = await edited;
  console.log(`edit to diagnostics: ${seconds(after.t - sent)}${cpuSince()}`);
  console.log(`peak server memory: ${client.peakRssMB().toFixed(0)} MB`);
} finally {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
}
