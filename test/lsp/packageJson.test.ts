// package.json contributions agree with the code: severity settings with the rule registry
// (RULES), every default setting with DEFAULT_SETTINGS, the semantic token legend with the
// declared token types, the commands other tests rely on, the views and the language.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { RULES } from "../../server/src/engine/rules";
import { LEGEND } from "../../server/src/lsp/features/semanticTokens";
import { SEVERITY_VALUES } from "../../server/src/protocol";
import { DEFAULT_SETTINGS, normalizeSettings } from "../../server/src/shared/settings";
import { repoRoot } from "./lspClient";

const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
const properties: Record<string, any> = pkg.contributes?.configuration?.properties ?? {};

describe("package.json settings", () => {
  test("provenance.severity lists exactly the RULES codes, with their default severities", () => {
    const severity = properties["provenance.severity"];
    assert.ok(severity, "no provenance.severity setting");
    assert.equal(severity.scope, "resource");
    assert.deepEqual(Object.keys(severity.properties).sort(), RULES.map((r) => r.code).sort());
    for (const rule of RULES) {
      const prop = severity.properties[rule.code];
      assert.equal(prop.default, rule.defaultSeverity, `default of ${rule.code}`);
      assert.deepEqual(prop.enum, [...SEVERITY_VALUES], `values of ${rule.code}`);
      assert.equal(severity.default[rule.code], rule.defaultSeverity, `object default of ${rule.code}`);
      assert.ok(prop.description?.length > 10, `description of ${rule.code}`);
    }
  });

  test("scripts/gen-settings.mjs --check agrees", () => {
    const r = spawnSync(process.execPath, [join(repoRoot, "scripts", "gen-settings.mjs"), "--check"], {
      encoding: "utf8",
      cwd: repoRoot,
    });
    assert.equal(r.status, 0, r.stderr + r.stdout);
  });

  test("every setting of DEFAULT_SETTINGS is contributed with the same default, scope resource and a description", () => {
    const expected: Record<string, unknown> = {
      "provenance.include": DEFAULT_SETTINGS.include,
      "provenance.exclude": DEFAULT_SETTINGS.exclude,
      "provenance.maxFileSize": DEFAULT_SETTINGS.maxFileSize,
      "provenance.codeLens.enable": DEFAULT_SETTINGS.codeLens.enable,
      "provenance.severity": DEFAULT_SETTINGS.severity,
    };
    for (const [key, value] of Object.entries(expected)) {
      const prop = properties[key];
      assert.ok(prop, `${key} is not contributed`);
      assert.deepEqual(prop.default, value, `default of ${key}`);
      assert.equal(prop.scope, "resource", `scope of ${key}`);
      assert.ok(prop.description || prop.markdownDescription, `description of ${key}`);
    }
  });

  test("normalizeSettings: defaults, valid overrides, invalid values ignored", () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    const s = normalizeSettings({
      include: ["notes/**/*.txt"],
      maxFileSize: -3,
      severity: { "claim.hedged": "off", figure: "loud", "no.such": "error" },
      codeLens: { enable: false },
    });
    assert.deepEqual(s.include, ["notes/**/*.txt"]);
    assert.equal(s.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(s.severity["claim.hedged"], "off");
    assert.equal(s.severity.figure, "hint");
    assert.equal((s.severity as Record<string, string>)["no.such"], undefined);
    assert.equal(s.codeLens.enable, false);
  });
});

describe("package.json contributions", () => {
  test("the palette commands, with the ids and titles other tests rely on", () => {
    const commands = new Map<string, any>(pkg.contributes.commands.map((c: any) => [c.command, c]));
    const wanted: Record<string, string> = {
      "provenance.showMentions": "Show Mentions Across Files",
      "provenance.listContradictions": "List Contradictions",
      "provenance.showFiguresTable": "Show Figures Table",
      "provenance.reindex": "Re-index Workspace",
      "provenance.showOrphanedReviews": "Show Orphaned Reviews",
    };
    for (const [id, title] of Object.entries(wanted)) {
      assert.equal(commands.get(id)?.title, title, id);
      assert.equal(commands.get(id)?.category, "Provenance", id);
    }
    const hidden = pkg.contributes.menus.commandPalette
      .filter((m: any) => m.when === "false")
      .map((m: any) => m.command);
    assert.deepEqual(hidden.sort(), ["provenance.openLocation", "provenance.peekLocations", "provenance.review"]);
  });

  test("activation on plaintext and source-text", () => {
    assert.deepEqual(pkg.activationEvents, ["onLanguage:plaintext", "onLanguage:source-text"]);
    assert.equal(pkg.main, "./dist/extension.js");
    assert.equal(pkg.engines.vscode, "^1.100.0");
  });

  test("the source-text language and its grammar", () => {
    const lang = pkg.contributes.languages.find((l: any) => l.id === "source-text");
    assert.ok(lang.aliases.includes("Source Text"));
    assert.deepEqual(lang.filenamePatterns, ["*.src.txt"]);
    const grammar = pkg.contributes.grammars.find((g: any) => g.language === "source-text");
    assert.equal(grammar.scopeName, "text.source-text");
    assert.equal(grammar.path, "./syntaxes/source-text.tmLanguage.json");
  });

  test("the Provenance view container with the Contradictions, Figures and Reviews views", () => {
    assert.ok(pkg.contributes.viewsContainers.activitybar.some((c: any) => c.id === "provenance"));
    const views = pkg.contributes.views.provenance.map((v: any) => [v.id, v.name]);
    assert.deepEqual(views, [
      ["provenance.contradictions", "Contradictions"],
      ["provenance.figures", "Figures"],
      ["provenance.reviews", "Reviews"],
    ]);
  });

  test("the semantic token legend is declared, with default colours for plaintext and source-text", () => {
    const declaredTypes = new Set(pkg.contributes.semanticTokenTypes.map((t: any) => t.id));
    for (const type of LEGEND.tokenTypes) assert.ok(declaredTypes.has(type), `token type ${type} not declared`);
    const declaredModifiers = new Set(pkg.contributes.semanticTokenModifiers.map((t: any) => t.id));
    for (const modifier of LEGEND.tokenModifiers)
      assert.ok(declaredModifiers.has(modifier), `modifier ${modifier} not declared`);
    for (const language of ["plaintext", "source-text"]) {
      const scopes = pkg.contributes.semanticTokenScopes.find((s: any) => s.language === language)?.scopes ?? {};
      for (const type of LEGEND.tokenTypes)
        assert.ok(scopes[type]?.length > 0, `${language}: no default colour for ${type}`);
    }
  });
});
