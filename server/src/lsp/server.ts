// The Provenance language server: wiring only. `node dist/server.js --stdio` (or --node-ipc).
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type ServerCapabilities } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { registerCodeLens } from "./features/codeLens";
import { registerContradictions } from "./features/contradictions";
import { registerDiagnostics } from "./features/diagnostics";
import { registerFigures } from "./features/figures";
import { registerHover } from "./features/hover";
import { registerIndexing } from "./features/indexing";
import { registerReferences } from "./features/references";
import { registerReviews } from "./features/reviews";
import { registerSemanticTokens } from "./features/semanticTokens";
import { registerStatus } from "./features/status";
import { registerSymbols } from "./features/symbols";
import { describeError } from "./safe";
import { createServices } from "./services";
import { warmUp } from "../engine";

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize((params) => {
  // Compile the engine's hot paths now rather than on the user's first edit (about 0.1 s).
  warmUp();
  const services = createServices(connection, documents, params);
  registerDiagnostics(services);
  registerIndexing(services);
  registerContradictions(services);
  registerFigures(services);
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
