// The engine is a pure library: no vscode, no LSP, no node: imports (ARCHITECTURE.md, invariant 1).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ENGINE = join(__dirname, "..", "..", "server", "src", "engine");
const FORBIDDEN = [
  /from\s+["']vscode/,
  /from\s+["']vscode-languageserver/,
  /from\s+["']node:/,
  /require\(["']node:/,
  /from\s+["'](fs|path|child_process|os|net|http)["']/,
  /\bprocess\./,
];

test("engine imports no vscode, LSP or node modules", () => {
  const files = readdirSync(ENGINE).filter((f) => f.endsWith(".ts"));
  assert.ok(files.length > 5);
  for (const f of files) {
    const src = readFileSync(join(ENGINE, f), "utf8");
    for (const re of FORBIDDEN) assert.ok(!re.test(src), `${f} matches ${re}`);
  }
});
