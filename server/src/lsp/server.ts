// The Provenance language server: wiring only. `node dist/server.js --stdio` (or --node-ipc).
import {
  createConnection,
  ProposedFeatures,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type ServerCapabilities,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { registerCodeLens } from "./features/codeLens";
import { registerContradictions } from "./features/contradictions";
import { registerDiagnostics, warmUpDiagnostics } from "./features/diagnostics";
import { registerFigures } from "./features/figures";
import { registerHover } from "./features/hover";
import { registerIndexing } from "./features/indexing";
import { registerMentions } from "./features/mentions";
import { registerReferences } from "./features/references";
import { registerReviews } from "./features/reviews";
import { registerSemanticTokens } from "./features/semanticTokens";
import { registerStatus } from "./features/status";
import { registerSymbols } from "./features/symbols";
import { invalidParamsAnswer, ResyncingReader } from "./framing";
import { keepAnswersYoung, keepHeapNearLive } from "../shared/heap";
import { describeError } from "./safe";
import { createServices } from "./services";

keepHeapNearLive();
keepAnswersYoung();

const connection = process.argv.includes("--stdio") ? stdioConnection() : createConnection(ProposedFeatures.all);

/**
 * Over stdio the server reads frames itself (framing.ts: a bad frame is skipped, not fatal, and
 * requests without params answer -32602), so it does what vscode-languageserver does for
 * `--stdio`: console output goes to stderr, and the end of input ends the process.
 */
function stdioConnection(): Connection {
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new ResyncingReader(process.stdin, (message) => {
    const answer = invalidParamsAnswer(message);
    if (answer) void writer.write(answer as never);
    return answer !== undefined;
  });
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    console[level] = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(" ")}\n`);
  }
  let shutdownReceived = false;
  const end = () => process.exit(shutdownReceived ? 0 : 1);
  process.stdin.on("end", end);
  process.stdin.on("close", end);
  const made = createConnection(ProposedFeatures.all, reader, writer);
  made.onShutdown(() => {
    shutdownReceived = true;
  });
  return made;
}
const documents = new TextDocuments(TextDocument);

connection.onInitialize((params) => {
  // Compile an edit's hot paths now rather than on the user's first edits.
  warmUpDiagnostics();
  const services = createServices(connection, documents, params);
  registerDiagnostics(services);
  registerIndexing(services);
  registerContradictions(services);
  registerFigures(services);
  registerMentions(services);
  registerStatus(services);
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    ...registerHover(services),
    ...registerReferences(services),
    ...registerCodeLens(services),
    ...registerSemanticTokens(services),
    ...registerSymbols(services),
    ...registerReviews(services),
  };
  return { capabilities, serverInfo: { name: "provenance", version: "0.1.0" } };
});

process.on("uncaughtException", (error) => connection.console.error(`Provenance: uncaught ${describeError(error)}`));
process.on("unhandledRejection", (error) => connection.console.error(`Provenance: unhandled ${describeError(error)}`));

documents.listen(connection);
connection.listen();
