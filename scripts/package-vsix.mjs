#!/usr/bin/env node
// Builds the extension (minified) and packages it into a .vsix with @vscode/vsce (no network).
//
//   node scripts/package-vsix.mjs [--out <file.vsix>] [--no-build] [--cwd <extension root>]
//
// The VSIX carries the user's README (README.vsix.md: what the extension does, screenshots,
// settings, commands) with its images inlined (scripts/vsix-readme.mjs says why); the
// repository's README.md stays the developer's. Every image a walkthrough shows must be inside
// the VSIX: the script fails when one is missing.
// Default output: <name>-<version>.vsix in the extension root (gitignored), as vsce names it. Prints the .vsix path as its last line.
// Flags passed to vsce and why:
//   --no-dependencies           everything is bundled into dist/ by esbuild; no node_modules in the VSIX
//   --allow-missing-repository  package.json has no "repository" (vsce would otherwise prompt)
//   --skip-license              only when there is no LICENSE file (vsce would otherwise prompt)
//   --readme-path dist/vsix-readme.md  the user README with images inlined (written here, from
//                               README.vsix.md), packaged as extension/readme.md
//   --no-rewrite-relative-links README links to docs/screenshots/*.png stay relative, so they load
//                               from the installed extension (no repository URL to rewrite them
//                               against; vsce would otherwise refuse to package)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inlineImages, USER_README } from "./vsix-readme.mjs";

const argv = process.argv.slice(2);
const opt = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(opt("--cwd") ?? join(here, ".."));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const out = resolve(opt("--out") ?? join(root, `${pkg.name}-${pkg.version}.vsix`));

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    console.error(`package-vsix: \`${cmd} ${args.join(" ")}\` exited with ${r.status}`);
    process.exit(r.status ?? 1);
  }
}

if (!argv.includes("--no-build")) run(process.execPath, [join(root, "esbuild.mjs"), "--production"]);

const main = pkg.main ? join(root, pkg.main) : null;
if (main && !existsSync(main)) {
  console.error(`package-vsix: ${pkg.main} (package.json "main") does not exist; did the build produce it?`);
  process.exit(1);
}

// vsce from the project's devDependencies (found relative to the extension root, then to this repo).
const candidates = [root, join(here, "..")].map((d) => join(d, "node_modules", "@vscode", "vsce", "vsce"));
const vsce = candidates.find((p) => existsSync(p));
if (!vsce) {
  console.error("package-vsix: @vscode/vsce is not installed (npm ci installs it as a devDependency)");
  process.exit(1);
}

const hasLicense = readdirSync(root).some((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
const hasUserReadme = existsSync(join(root, USER_README));
const flags = [
  "package",
  "--no-dependencies",
  "--allow-missing-repository",
  "--no-rewrite-relative-links",
  "--out",
  out,
];
if (hasUserReadme) {
  const packagedReadme = "dist/vsix-readme.md";
  mkdirSync(join(root, "dist"), { recursive: true });
  writeFileSync(join(root, packagedReadme), inlineImages(readFileSync(join(root, USER_README), "utf8"), root));
  flags.push("--readme-path", packagedReadme);
}
if (!hasLicense) flags.push("--skip-license");
if (Array.isArray(pkg.activationEvents) && pkg.activationEvents.includes("*")) flags.push("--allow-star-activation");

// Every file package.json points at must be in the VSIX (.vscodeignore is an allow-list).
function referencedFiles(p) {
  const refs = new Set();
  const add = (v) => {
    if (typeof v === "string" && !v.startsWith("$(") && /[./]/.test(v)) refs.add(v.replace(/^\.\//, ""));
    else if (v && typeof v === "object") for (const k of ["light", "dark"]) add(v[k]);
  };
  add(p.main);
  add(p.browser);
  add(p.icon);
  const c = p.contributes ?? {};
  for (const g of c.grammars ?? []) add(g.path);
  for (const l of c.languages ?? []) {
    add(l.configuration);
    add(l.icon);
  }
  for (const cmd of c.commands ?? []) add(cmd.icon);
  for (const list of Object.values(c.viewsContainers ?? {})) for (const v of list) add(v.icon);
  for (const list of Object.values(c.views ?? {})) for (const v of list) add(v.icon);
  for (const s of c.snippets ?? []) add(s.path);
  for (const w of c.walkthroughs ?? []) {
    for (const step of w.steps ?? []) {
      const media = step.media ?? {};
      for (const k of ["image", "markdown", "svg"]) add(media[k]);
    }
  }
  for (const j of c.jsonValidation ?? []) add(j.url);
  return [...refs];
}
const ls = spawnSync(process.execPath, [vsce, "ls", "--no-dependencies"], { cwd: root, encoding: "utf8" });
if (ls.status === 0) {
  const listed = new Set(
    ls.stdout
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  );
  const missing = referencedFiles(pkg).filter((f) => !listed.has(f));
  if (missing.length) {
    console.error(`package-vsix: package.json refers to files the VSIX would not contain: ${missing.join(", ")}`);
    console.error("  (exist on disk? add them to .vscodeignore's allow-list)");
    process.exit(1);
  }
}

mkdirSync(dirname(out), { recursive: true });
run(process.execPath, [vsce, ...flags], { env: { ...process.env, VSCE_TELEMETRY: "off" } });
if (!existsSync(out)) {
  console.error(`package-vsix: vsce reported success but ${out} is missing`);
  process.exit(1);
}
console.log(`package-vsix: ${(statSync(out).size / 1024).toFixed(1)} KB`);
console.log(out);
