// Builds the generated country and place tables, then bundles the CLI, the language server and the
// extension into dist/. `node esbuild.mjs --watch` rebuilds on change; `--production` minifies
// (what scripts/package-vsix.mjs packages).
import * as esbuild from "esbuild";
import { chmodSync, existsSync } from "node:fs";
import { buildCountryTable } from "./scripts/build-countries.mjs";
import { buildPlaceTable } from "./scripts/build-places.mjs";

const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");
buildCountryTable();
buildPlaceTable();

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  minify: production,
  logLevel: "warning",
};

const entries = [
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["server/src/lsp/server.ts"], outfile: "dist/server.js" },
  // Loaded by the server (lsp/indexWorkers.ts) from beside it, to index large workspaces on more cores.
  { entryPoints: ["server/src/lsp/indexWorker.ts"], outfile: "dist/indexWorker.js" },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] },
];

if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  // The CLI is the package's `bin`: it must be executable.
  if (existsSync("dist/cli.js")) chmodSync("dist/cli.js", 0o755);
}
