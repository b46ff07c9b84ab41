// Builds the generated data tables, then bundles the CLI, the language server and the extension into dist/.
import * as esbuild from "esbuild";
import { buildCountryTable } from "./scripts/build-countries.mjs";

const watch = process.argv.includes("--watch");
buildCountryTable();

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
};

const entries = [
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["server/src/lsp/server.ts"], outfile: "dist/server.js" },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] },
].filter((e) => existsEntry(e.entryPoints[0]));

import { existsSync } from "node:fs";
function existsEntry(p) {
  return existsSync(p);
}

if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
