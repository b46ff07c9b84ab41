// The full list behind every "and N more", over stdio: a capped hover row is a command link to
// provenance.showMentions whose arguments, sent as provenance/mentions, give the whole list; a
// conflict diagnostic whose related information was capped offers "Show all N mentions" running
// the same command; an uncapped one does not. Texts written for this test: one army figure and
// OTHERS rebel figures for the same deaths, each in its own file.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import MarkdownIt from "markdown-it";
import { RELATED_LIMIT } from "../../server/src/engine";
import { HOVER_LIST_LIMIT } from "../../server/src/lsp/features/hover";
import { hoverText, positionOf, tempFolder, TestClient } from "./lspClient";

const OTHERS = HOVER_LIST_LIMIT + 5;
const BASE = "The army said about 300 soldiers died in Sudan.";
const other = (i: number) => `Rebels said more than ${2000 + i * 10} soldiers died in Sudan.`;

/** The arguments of the `command:provenance.showMentions?…` link whose label matches, decoded. */
function commandLink(markdown: string, label: RegExp): { label: string; args: any[] } {
  const links = [...markdown.matchAll(/\[([^\]]*)\]\(command:provenance\.showMentions\?([^)\s]+)\)/g)];
  const link = links.find((m) => label.test(m[1]!));
  assert.ok(link, `no showMentions link labelled ${label} in:\n${markdown}`);
  return { label: link[1]!, args: JSON.parse(decodeURIComponent(link[2]!)) };
}

describe("and N more: the whole list, from hovers and code actions", { timeout: 120_000 }, () => {
  let dir: string;
  let cleanup: (() => void) | undefined;
  let client: TestClient;
  let baseUri: string;

  before(async () => {
    const files: Record<string, string> = { "base.txt": BASE };
    for (let i = 0; i < OTHERS; i++) files[`other-${String(i).padStart(2, "0")}.txt`] = other(i);
    ({ dir, cleanup } = tempFolder(files));
    client = new TestClient({ folders: [dir] });
    await client.initialize();
    await client.indexed();
    baseUri = client.open(join(dir, "base.txt"));
  });

  after(async () => {
    await client?.shutdown();
    cleanup?.();
  });

  const conflictOf = async (uri: string) => {
    const diagnostics = await client.waitForDiagnostics(uri, (list) => list.some((d) => d.code === "figure.conflict"));
    return diagnostics.find((d) => d.code === "figure.conflict");
  };
  const actionsFor = (uri: string, diagnostic: any) =>
    client.request<any[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });

  test("a capped conflict diagnostic offers Show all N mentions, and the command's list is all of them", async () => {
    const conflict = await conflictOf(baseUri);
    assert.equal(conflict.relatedInformation.length, RELATED_LIMIT, "related information is capped");
    const actions = await actionsFor(baseUri, conflict);
    const showAll = actions.find((a) => /^Show all \d+ mentions$/.test(a.title));
    assert.ok(showAll, `actions: ${actions.map((a) => a.title).join(", ")}`);
    assert.equal(showAll.title, `Show all ${OTHERS} mentions`);
    assert.equal(showAll.kind, "quickfix");
    assert.deepEqual(showAll.diagnostics, [conflict]);
    assert.equal(showAll.command.command, "provenance.showMentions");
    const [params] = showAll.command.arguments;
    assert.deepEqual(params, { uri: baseUri, position: conflict.range.start, target: "figure", list: "conflicts" });
    const { locations } = await client.request<any>("provenance/mentions", params);
    assert.equal(locations.length, OTHERS);
    const files = new Set(locations.map((l: any) => l.uri.split("/").pop()));
    assert.equal(files.size, OTHERS, "one mention in each other file");
    assert.ok(
      [...files].every((f) => /^other-\d\d\.txt$/.test(f as string)),
      [...files].join(", "),
    );
  });

  test("an uncapped conflict diagnostic has no Show all action", async () => {
    const uri = client.open(join(dir, "other-00.txt"));
    const conflict = await conflictOf(uri);
    assert.equal(conflict.relatedInformation.length, 1);
    const actions = await actionsFor(uri, conflict);
    assert.deepEqual(
      actions.filter((a) => /^Show all/.test(a.title)),
      [],
    );
  });

  test("a figure hover's capped values row links the command; its list is every value of the subject", async () => {
    const text = hoverText(
      await client.request("textDocument/hover", {
        textDocument: { uri: baseUri },
        position: positionOf(BASE, "300", 1),
      }),
    );
    const link = commandLink(text, /and \d+ more values/);
    assert.equal(link.label, `… and ${OTHERS - HOVER_LIST_LIMIT} more values`);
    assert.equal(link.args.length, 1);
    const [params] = link.args;
    assert.deepEqual(params, {
      uri: baseUri,
      position: { line: 0, character: BASE.indexOf("about 300") },
      target: "figure",
      list: "mentions",
    });
    const { locations } = await client.request<any>("provenance/mentions", params);
    assert.equal(locations.length, OTHERS + 1, "every mention of the subject, this one included");
  });

  test("a claim hover's capped Elsewhere row links the command; its list is every related mention", async () => {
    const text = hoverText(
      await client.request("textDocument/hover", {
        textDocument: { uri: baseUri },
        position: positionOf(BASE, "said", 1),
      }),
    );
    const link = commandLink(text, /and \d+ more$/);
    const [params] = link.args;
    assert.equal(params.target, "claim");
    assert.equal(params.list, "related");
    const { locations } = await client.request<any>("provenance/mentions", params);
    const shown = (text.match(/^- [✗✓] /gm) ?? []).length;
    assert.equal(shown, HOVER_LIST_LIMIT);
    assert.equal(
      locations.length,
      shown + Number(/and (\d+) more/.exec(link.label)![1]),
      "the rows shown plus the rest",
    );
  });

  test("rendered, a hover links only to files and to that one command", async () => {
    const md = new MarkdownIt();
    for (const needle of ["300", "said", "army"]) {
      const text = hoverText(
        await client.request("textDocument/hover", {
          textDocument: { uri: baseUri },
          position: positionOf(BASE, needle, 1),
        }),
      );
      const hrefs = [...md.render(text).matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
      for (const href of hrefs) assert.match(href, /^(file:\/\/|command:provenance\.showMentions\?)/, href);
    }
  });

  test("provenance/mentions answers [] for a position on nothing and for a list that does not apply", async () => {
    const nothing = await client.request<any>("provenance/mentions", {
      uri: baseUri,
      position: { line: 5, character: 0 },
      target: "figure",
      list: "mentions",
    });
    assert.deepEqual(nothing.locations, []);
    const wrongList = await client.request<any>("provenance/mentions", {
      uri: baseUri,
      position: { line: 0, character: BASE.indexOf("300") },
      target: "figure",
      list: "claims",
    });
    assert.deepEqual(wrongList.locations, []);
  });
});
