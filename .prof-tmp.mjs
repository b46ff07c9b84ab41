import { build } from "esbuild";
import { readFileSync, readdirSync } from "node:fs";
const which = process.argv[2];
const dir = which === "base" ? "/tmp/h8a/base" : "/work/h8-actors";
await build({ entryPoints: [dir + "/server/src/engine/index.ts"], bundle: true, format: "esm", platform: "node", outfile: `/tmp/h8a/eng-${which}.mjs`, logLevel: "error" });
const eng = await import(`/tmp/h8a/eng-${which}.mjs`);
const texts = [...readdirSync("/work/devsplit/train/corpus").map((f) => readFileSync("/work/devsplit/train/corpus/" + f, "utf8")), ...readdirSync("examples").map((f) => readFileSync("examples/" + f, "utf8"))];
const big = texts.join("\n\n");
for (let i = 0; i < 600; i++) eng.analyze(big + " ".repeat(i));
