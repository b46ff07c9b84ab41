// Generates the `provenance.severity` setting in package.json from the one registry of
// diagnostic codes (server/src/engine/rules.ts): one property per rule code, its default
// severity, its description. `--check` only reports whether package.json agrees (exit 1 if not).
//
//   node scripts/gen-settings.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = fileURLToPath(new URL("..", import.meta.url));
const packagePath = `${root}package.json`;
const { RULES } = await tsImport("../server/src/engine/rules.ts", import.meta.url);
const { SEVERITY_VALUES } = await tsImport("../server/src/protocol.ts", import.meta.url);

/** The `provenance.severity` configuration property, generated from RULES. */
export function severitySetting() {
  return {
    type: "object",
    scope: "resource",
    markdownDescription:
      "Severity of each Provenance diagnostic code in the Problems panel and the editor; `off` hides the code. " +
      "Codes: " + RULES.map((r) => `\`${r.code}\``).join(", ") + ".",
    properties: Object.fromEntries(
      RULES.map((rule) => [
        rule.code,
        {
          type: "string",
          enum: [...SEVERITY_VALUES],
          default: rule.defaultSeverity,
          description: `${rule.title}: ${rule.description}`,
        },
      ]),
    ),
    additionalProperties: false,
    default: Object.fromEntries(RULES.map((rule) => [rule.code, rule.defaultSeverity])),
  };
}

const check = process.argv.includes("--check");
const text = readFileSync(packagePath, "utf8");
const pkg = JSON.parse(text);
const configuration = pkg.contributes?.configuration;
if (!configuration?.properties) {
  console.error("package.json has no contributes.configuration.properties");
  process.exit(1);
}
const wanted = severitySetting();
const current = configuration.properties["provenance.severity"];
if (JSON.stringify(current) === JSON.stringify(wanted)) {
  console.log("provenance.severity in package.json agrees with RULES");
} else if (check) {
  console.error("provenance.severity in package.json disagrees with RULES: run `node scripts/gen-settings.mjs`");
  process.exit(1);
} else {
  configuration.properties["provenance.severity"] = wanted;
  writeFileSync(packagePath, JSON.stringify(pkg, null, 2) + "\n");
  console.log("provenance.severity in package.json regenerated from RULES");
}
