// Generates the `provenance.severity` setting in package.json from the one registry of
// diagnostic codes (server/src/engine/rules.ts): one property per rule code, its default
// severity, its description; and the JSON schema of the project config file
// (schemas/provenance.config.schema.json, offered to VS Code through `jsonValidation`).
// `--check` only reports whether both agree (exit 1 if not).
//
//   node scripts/gen-settings.mjs [--check]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = fileURLToPath(new URL("..", import.meta.url));
const packagePath = `${root}package.json`;
const schemaDir = `${root}schemas`;
const schemaPath = `${schemaDir}/provenance.config.schema.json`;
const CONFIG_FILES = ["provenance.config.json", ".provenancerc.json"];
const { RULES } = await tsImport("../server/src/engine/rules.ts", import.meta.url);
const { SEVERITY_VALUES } = await tsImport("../server/src/protocol.ts", import.meta.url);

/** The `provenance.severity` configuration property, generated from RULES. */
export function severitySetting() {
  return {
    type: "object",
    scope: "resource",
    markdownDescription:
      "Severity of each Provenance diagnostic code in the Problems panel and the editor; `off` hides the code. " +
      "Codes: " +
      RULES.map((r) => `\`${r.code}\``).join(", ") +
      ".",
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

/** The JSON schema of provenance.config.json / .provenancerc.json (see server/src/shared/config.ts). */
export function configSchema() {
  const codes = RULES.map((r) => r.code);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Provenance project configuration",
    description:
      "Shared by the provenance CLI and the editor. The nearest file at or above an input applies; " +
      "editor settings the user changed win over it.",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      include: {
        type: "array",
        items: { type: "string" },
        description: "Globs (relative to this file's folder) of the texts to analyse. Default: every *.txt.",
      },
      exclude: {
        type: "array",
        items: { type: "string" },
        description: "Globs (relative to this file's folder) of files and folders to leave out.",
      },
      severity: {
        type: "object",
        description: "Severity per finding code; `off` hides the code.",
        additionalProperties: false,
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
      },
      disable: {
        type: "array",
        description: "Codes never reported (the same as severity `off`).",
        items: { type: "string", enum: codes },
        uniqueItems: true,
      },
    },
  };
}

const wantedValidation = { fileMatch: CONFIG_FILES, url: "./schemas/provenance.config.schema.json" };

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
const schemaText = JSON.stringify(configSchema(), null, 2) + "\n";
const schemaAgrees = existsSync(schemaPath) && readFileSync(schemaPath, "utf8") === schemaText;
const validationAgrees = JSON.stringify(pkg.contributes.jsonValidation) === JSON.stringify([wantedValidation]);
if (JSON.stringify(current) === JSON.stringify(wanted) && schemaAgrees && validationAgrees) {
  console.log("provenance.severity, jsonValidation and the config schema agree with RULES");
} else if (check) {
  console.error(
    "package.json or schemas/provenance.config.schema.json disagrees with RULES: run `node scripts/gen-settings.mjs`",
  );
  process.exit(1);
} else {
  configuration.properties["provenance.severity"] = wanted;
  pkg.contributes.jsonValidation = [wantedValidation];
  writeFileSync(packagePath, JSON.stringify(pkg, null, 2) + "\n");
  mkdirSync(schemaDir, { recursive: true });
  writeFileSync(schemaPath, schemaText);
  console.log("provenance.severity, jsonValidation and schemas/provenance.config.schema.json regenerated from RULES");
}
