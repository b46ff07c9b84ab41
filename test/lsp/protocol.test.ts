// protocol.ts holds types and constants only, and ARCHITECTURE.md's "Custom LSP messages" table
// lists exactly the custom messages protocol.ts declares and the server registers or sends.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import * as esbuild from "esbuild";
import * as protocol from "../../server/src/protocol";
import { repoRoot } from "./lspClient";

type Kind = "request" | "notification" | "client command";

/** Custom messages as protocol.ts declares them: exported name → method and kind. */
function declared(): Map<string, { method: string; kind: Kind }> {
  const out = new Map<string, { method: string; kind: Kind }>();
  for (const [name, value] of Object.entries(protocol)) {
    if (/Request$/.test(name) && typeof (value as { method?: unknown }).method === "string") {
      out.set(name, { method: (value as { method: string }).method, kind: "request" });
    } else if (/Notification$/.test(name) && typeof (value as { method?: unknown }).method === "string") {
      out.set(name, { method: (value as { method: string }).method, kind: "notification" });
    } else if (/_COMMAND$/.test(name) && typeof value === "string") {
      out.set(name, { method: value, kind: "client command" });
    }
  }
  return out;
}

/** Rows of the table in ARCHITECTURE.md's "Custom LSP messages" section: method → kind. */
function documented(): Map<string, string> {
  const doc = readFileSync(join(repoRoot, "ARCHITECTURE.md"), "utf8");
  const start = doc.indexOf("## Custom LSP messages");
  assert.ok(start >= 0, 'ARCHITECTURE.md has no "## Custom LSP messages" section');
  const end = doc.indexOf("\n## ", start + 1);
  const rows = new Map<string, string>();
  for (const line of doc.slice(start, end < 0 ? undefined : end).split("\n")) {
    const row = /^\| `([^`]+)` \| ([^|]+?) \|/.exec(line);
    if (row) rows.set(row[1]!, row[2]!.trim());
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

const serverCode = sourceFiles(join(repoRoot, "server", "src", "lsp"))
  .map((f) => readFileSync(f, "utf8"))
  .join("\n");

describe("custom LSP messages", () => {
  test("ARCHITECTURE.md lists exactly the messages protocol.ts declares, with their kind", () => {
    const fromProtocol = new Map([...declared().values()].map((m) => [m.method, m.kind as string]));
    assert.ok(fromProtocol.size >= 8, `protocol.ts declares only ${fromProtocol.size} custom messages?`);
    assert.deepEqual(
      [...documented().entries()].sort(),
      [...fromProtocol.entries()].sort(),
      "ARCHITECTURE.md's table differs from protocol.ts: update the table (or the protocol)",
    );
  });

  test("the server registers every request, sends every notification and names every client command", () => {
    for (const [name, { kind }] of declared()) {
      const use =
        kind === "request"
          ? new RegExp(`onRequest\\(\\s*${name}\\b`)
          : kind === "notification"
            ? new RegExp(`sendNotification\\(\\s*${name}\\b`)
            : new RegExp(`command:\\s*${name}\\b`);
      assert.match(
        serverCode,
        use,
        `${name} (${kind}) is declared in protocol.ts but the server never ${kind === "request" ? "registers" : kind === "notification" ? "sends" : "names"} it`,
      );
    }
  });

  test("no custom message is registered or sent by a name written outside protocol.ts", () => {
    const literal = /(?:onRequest|onNotification|sendRequest|sendNotification)\(\s*["'`]([^"'`]+)["'`]/g;
    const clientCode = sourceFiles(join(repoRoot, "client", "src"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const names = [...`${serverCode}\n${clientCode}`.matchAll(literal)].map((m) => m[1]);
    assert.deepEqual(names, [], "declare custom messages in protocol.ts and list them in ARCHITECTURE.md");
  });
});

describe("protocol.ts: types and constants only", () => {
  test("it imports from the engine only types (erased from the bundles)", () => {
    const source = readFileSync(join(repoRoot, "server", "src", "protocol.ts"), "utf8");
    const imports = [...source.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gm)];
    for (const [statement, , typeOnly, from] of imports) {
      if (from !== "vscode-jsonrpc")
        assert.ok(typeOnly, `protocol.ts: a value import reaches beyond types: ${statement}`);
    }
  });

  test("the client bundle carries no engine or server code", async () => {
    const result = await esbuild.build({
      entryPoints: [join(repoRoot, "client", "src", "extension.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      external: ["vscode"],
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const fromServer = Object.keys(result.metafile.inputs)
      .map((f) => relative(repoRoot, join(repoRoot, f)))
      .filter((f) => f.startsWith("server/"));
    assert.deepEqual(fromServer, ["server/src/protocol.ts"]);
  });
});
