// The extension's page and first use, checked without an editor: the icon, the user README the
// VSIX carries (its images packaged so they load offline), the walkthrough, and the commands.
// test/e2e/codeserver.test.ts then opens the installed extension's page and checks the images load.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { inlineImages, relativeImages } from "../../scripts/vsix-readme.mjs";
import { repoRoot } from "./lspClient";

const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
const userReadme = readFileSync(join(repoRoot, "README.vsix.md"), "utf8");

/** Files `vsce ls` would put in the VSIX (paths relative to the extension root). */
function packagedFiles(): Set<string> {
  const vsce = join(repoRoot, "node_modules", "@vscode", "vsce", "vsce");
  const ls = spawnSync(process.execPath, [vsce, "ls", "--no-dependencies", "--readme-path", "README.vsix.md"], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, VSCE_TELEMETRY: "off" },
  });
  assert.equal(ls.status, 0, ls.stderr);
  return new Set(
    ls.stdout
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  assert.equal(bytes.subarray(1, 4).toString("ascii"), "PNG", `${path} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("extension page", () => {
  const packaged = packagedFiles();

  test("the icon is a 128×128 PNG inside the VSIX", () => {
    assert.equal(pkg.icon, "images/icon.png");
    assert.deepEqual(pngSize(join(repoRoot, pkg.icon)), { width: 128, height: 128 });
    assert.ok(packaged.has(pkg.icon), `${pkg.icon} is not packaged`);
  });

  test("the user README's screenshots exist and are inlined into the packaged README (offline page)", () => {
    const images = relativeImages(userReadme);
    assert.ok(images.length >= 3, `only ${images.length} images in README.vsix.md`);
    for (const image of images) assert.ok(existsSync(join(repoRoot, image)), `${image} does not exist`);
    const packagedReadme: string = inlineImages(userReadme, repoRoot);
    assert.deepEqual(relativeImages(packagedReadme), [], "relative images are left in the packaged README");
    const inlined = [...packagedReadme.matchAll(/!\[[^\]]*\]\(data:image\/png;base64,([A-Za-z0-9+/=]+)\)/g)].map(
      (m) => m[1]!,
    );
    assert.equal(inlined.length, images.length);
    assert.deepEqual(Buffer.from(inlined[0]!, "base64"), readFileSync(join(repoRoot, images[0]!)));
  });

  test("the user README is for users: commands, settings and the review workflow, no developer set-up", () => {
    for (const command of pkg.contributes.commands.filter(
      (c: { command: string }) => !["provenance.peekLocations", "provenance.openLocation"].includes(c.command),
    )) {
      assert.ok(userReadme.includes(command.title), `README.vsix.md does not mention the command "${command.title}"`);
    }
    for (const setting of Object.keys(pkg.contributes.configuration.properties)) {
      assert.ok(userReadme.includes(`\`${setting}\``), `README.vsix.md does not mention ${setting}`);
    }
    assert.match(userReadme, /\.provenance\/reviews\.json/);
    assert.doesNotMatch(userReadme, /npm (ci|test|run)|node test\//, "developer instructions in the user README");
  });

  test("Show Output and Restart Server are contributed and registered", () => {
    const extension = readFileSync(join(repoRoot, "client", "src", "extension.ts"), "utf8");
    const ids = readFileSync(join(repoRoot, "client", "src", "ids.ts"), "utf8");
    for (const [id, title] of [
      ["provenance.showOutput", "Show Output"],
      ["provenance.restartServer", "Restart Server"],
    ]) {
      const contributed = pkg.contributes.commands.find((c: { command: string }) => c.command === id);
      assert.equal(contributed?.title, title);
      assert.equal(contributed?.category, "Provenance");
      const constant = new RegExp(`export const (\\w+) = "${id.replace(".", "\\.")}"`).exec(ids)?.[1];
      assert.ok(
        constant && new RegExp(`command\\(\\s*${constant}\\b`).test(extension),
        `${id} is not registered in extension.ts`,
      );
    }
  });

  test("the walkthrough's steps name contributed commands and packaged media", () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.ok(walkthrough.steps.length >= 3);
    const commands = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      for (const [, id] of String(step.description).matchAll(/\(command:(provenance\.[\w.]+)/g)) {
        assert.ok(commands.has(id), `step ${step.id} runs ${id}, which is not contributed`);
      }
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media && packaged.has(media), `step ${step.id}: media ${media} is not packaged`);
    }
  });
});
