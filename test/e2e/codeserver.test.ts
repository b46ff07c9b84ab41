// End-to-end test in a real VS Code workbench: code-server 4.100.3 (VS Code 1.100.3) on 127.0.0.1,
// driven by Debian's Chromium through playwright-core. The extension is packaged into a VSIX,
// installed with `code-server --install-extension` into a fresh extensions folder, and exercised
// on a copy of examples/ the way a person would: Problems panel, hover, List Contradictions,
// Show Mentions Across Files. Each step saves a screenshot into test-output/screenshots/; the
// ones from a passing step are copied into docs/screenshots/ for the README.
//
// Needs: bash scripts/install-editor-test-deps.sh && npm run build
// Run:   node test/run.mjs e2e        (E2E_KEEP_TMP=1 keeps the temp folder and logs)
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Locator, Page } from "playwright-core";
import {
  chromiumBin,
  codeServerBin,
  docsScreenshotsDir,
  exited,
  extensionRoot,
  launchBrowser,
  makeSandbox,
  packAndInstall,
  prepareCodeServer,
  repoRoot,
  requireBuilt,
  screenshotsDir,
  skipUnlessTools,
  startCodeServer,
  waitFor,
  which,
  type CodeServer,
  type Sandbox,
} from "./harness";

const SUITE = "code-server e2e";
const skip = skipUnlessTools(SUITE, [
  { name: "code-server", path: which(codeServerBin), hint: `expected at ${codeServerBin}` },
  { name: "chromium", path: which(chromiumBin), hint: "apt-get install chromium" },
]);

// Copy screenshots into docs/ only when testing this repository's own extension.
const updateDocs = extensionRoot === repoRoot && !process.env.E2E_NO_DOCS;

const STEP_MS = 90_000;
const KYIV = "kyiv-bulletin-2026-03-03.txt";
const OTHER_FILES = ["washington-desk-2026-03-10.txt", "london-review-2026-03-18.txt", "field-notes.txt"];
const DENIAL = "Tehran has repeatedly denied sending drones to Russia for use in Ukraine.";

describe(SUITE, { skip, timeout: 10 * 60_000 }, () => {
  let box: Sandbox;
  let server: CodeServer | undefined;
  let serverLog = "";
  let context: BrowserContext | undefined;
  let page: Page;
  let shotNo = 0;

  /**
   * Saves a screenshot of the workbench, or of the smallest rectangle holding the visible parts
   * named by `within` (the extension page shows these at its text width: a crop stays legible).
   */
  async function shot(name: string, within: string[] = []): Promise<string> {
    mkdirSync(screenshotsDir, { recursive: true });
    const file = join(screenshotsDir, `${String(++shotNo).padStart(2, "0")}-${name}.png`);
    await page.waitForTimeout(250); // let the last paint settle (screenshot only; never a wait for state)
    const boxes = [];
    for (const selector of within) {
      const box = await page
        .locator(selector)
        .first()
        .boundingBox()
        .catch(() => null);
      if (box && box.width > 0 && box.height > 0) boxes.push(box);
    }
    if (boxes.length === 0) {
      await page.screenshot({ path: file });
      return file;
    }
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    const width = Math.max(...boxes.map((b) => b.x + b.width)) - x;
    const height = Math.max(...boxes.map((b) => b.y + b.height)) - y;
    await page.screenshot({ path: file, clip: { x, y, width, height } });
    return file;
  }
  function publish(file: string, name: string): void {
    if (!updateDocs) return;
    mkdirSync(docsScreenshotsDir, { recursive: true });
    copyFileSync(file, join(docsScreenshotsDir, `${name}.png`));
  }

  async function runCommand(title: string): Promise<void> {
    const input = page.locator(".quick-input-widget .quick-input-box input");
    await page.keyboard.press("F1");
    await input.waitFor({ state: "visible", timeout: 15_000 });
    await input.fill(`>${title}`);
    const row = page
      .locator(".quick-input-widget .quick-input-list .monaco-list-row")
      .filter({ hasText: title })
      .first();
    await row.waitFor({ state: "visible", timeout: 15_000 }).catch(async () => {
      const rows = await page.locator(".quick-input-widget .quick-input-list .monaco-list-row").allInnerTexts();
      throw new Error(`command "${title}" is not in the command palette (rows: ${JSON.stringify(rows.slice(0, 8))})`);
    });
    // Enter runs the focused row; a click can be caught by a hover the pointer left open.
    if ((await row.getAttribute("class"))?.includes("focused")) await page.keyboard.press("Enter");
    else await row.click();
  }

  async function openFile(name: string): Promise<void> {
    const row = page.locator(".explorer-folders-view .monaco-list-row").filter({ hasText: name }).first();
    await row.waitFor({ state: "visible", timeout: 30_000 });
    await row.dblclick();
    await page
      .locator(".editor-instance .monaco-editor .view-lines")
      .filter({ hasText: "Tehran has repeatedly denied" })
      .first()
      .waitFor({ state: "visible", timeout: 30_000 });
  }

  /** The innermost span of a rendered editor line holding `text` (tokens split lines into spans). */
  function token(text: string): Locator {
    return page.locator(".editor-instance .monaco-editor .view-line span span").filter({ hasText: text }).first();
  }

  /** Moves the real mouse onto the middle of `loc`, in two moves with steps (hover needs a mousemove). */
  async function hoverOn(loc: Locator): Promise<void> {
    const box = await loc.boundingBox();
    assert.ok(box, "token to hover is not on screen");
    await page.mouse.move(box.x + box.width / 2, box.y - 30, { steps: 3 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  }

  before(async () => {
    requireBuilt(["dist/extension.js", "dist/server.js"]);
    box = makeSandbox("e2e");
    const dirs = prepareCodeServer(box);
    serverLog = dirs.log;

    // 1–2. Package the VSIX (dist/ is already built) and install it into a fresh extensions folder.
    const inst = packAndInstall(box, dirs);
    assert.match(
      inst.stdout + inst.stderr,
      /successfully installed/i,
      `install output:\n${inst.stdout}\n${inst.stderr}`,
    );

    // 3. code-server in its own process group, then Chromium in a fresh profile.
    server = await startCodeServer(box, dirs);
    context = await launchBrowser(box);
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(box.workspace)}`, { waitUntil: "domcontentloaded" });
    await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 60_000 });
    await page
      .locator(".explorer-folders-view .monaco-list-row")
      .filter({ hasText: KYIV })
      .first()
      .waitFor({ state: "visible", timeout: 60_000 });
  });

  after(async () => {
    try {
      if (page && !page.isClosed()) await shot("final").catch(() => {});
      await context?.close().catch(() => {});
    } finally {
      await server?.stop();
      if (server) assert.notEqual(await exited(server.child, 1000), null, "code-server did not stop");
      if (serverLog) {
        mkdirSync(join(repoRoot, "test-output"), { recursive: true });
        try {
          copyFileSync(serverLog, join(repoRoot, "test-output", "code-server.log"));
        } catch {
          /* no log */
        }
      }
      box?.cleanup();
    }
  });

  test("(a) the Problems panel lists claim diagnostics", { timeout: STEP_MS }, async () => {
    await openFile(KYIV);
    await runCommand("Problems: Focus on Problems View");
    const rows = page.locator(".markers-panel .monaco-list-row");
    const claimRow = rows
      .filter({ hasText: /claim\.(hedged|attributed|anonymous|denial)|stance\.conflict|figure\.conflict/ })
      .first();
    await claimRow.waitFor({ state: "visible", timeout: 60_000 }).catch(async () => {
      throw new Error(`no claim diagnostic in the Problems panel; rows: ${JSON.stringify(await rows.allInnerTexts())}`);
    });
    const texts = await rows.allInnerTexts();
    assert.ok(
      texts.some((t) => /provenance/i.test(t)),
      `no row shows source "provenance": ${JSON.stringify(texts)}`,
    );
    publish(await shot("problems", [".part.editor", ".part.panel"]), "problems");
    // The hedged "reportedly" claim: filter the panel (by code) so its row shows whatever the list length.
    const filter = page.locator(".markers-panel-action-filter input, .viewpane-filter input").first();
    await filter.waitFor({ state: "visible", timeout: 10_000 });
    await filter.fill("claim.hedged");
    await waitFor(
      'the Problems filter to keep only claim.hedged rows (the "reportedly" claim)',
      async () => {
        const now = await rows.allInnerTexts();
        return (
          now.some((t) => t.includes("claim.hedged")) &&
          !now.some((t) => /claim\.(attributed|anonymous|denial)/.test(t))
        );
      },
      15_000,
    ).catch(async (e) => {
      throw new Error(`${e.message}; rows: ${JSON.stringify(await rows.allInnerTexts())}`);
    });
    await shot("problems-hedged");
    await filter.fill("");
    await claimRow.waitFor({ state: "visible" });
  });

  test("(b) hovering a claim shows its provenance", { timeout: STEP_MS }, async () => {
    await page
      .locator(".editor-instance .monaco-editor .view-lines")
      .first()
      .click({ position: { x: 5, y: 5 } });
    // The hover provider's part (not the diagnostic's): markdown hover rows.
    const hover = page.locator(".monaco-hover:visible .markdown-hover").filter({ hasText: "Tehran" });
    // Words inside the claim sentence; those without a diagnostic first, so the provider's hover
    // is not pushed down by the Problem's own hover.
    let lastText = "";
    for (const word of ["sending", "repeatedly", "Tehran", "denied"]) {
      const tok = token(word);
      if (!(await tok.isVisible().catch(() => false))) continue;
      await hoverOn(tok);
      const ok = await hover
        .first()
        .waitFor({ state: "visible", timeout: 8_000 })
        .then(
          () => true,
          () => false,
        );
      if (ok) break;
      lastText = (
        await page
          .locator(".monaco-hover")
          .allInnerTexts()
          .catch(() => [])
      ).join(" | ");
      await page.mouse.move(5, 5);
    }
    await hover
      .first()
      .waitFor({ state: "visible", timeout: 5_000 })
      .catch(() => {
        throw new Error(
          `no provider hover naming the source "Tehran" over the claim "${DENIAL}"; last hover text: ${JSON.stringify(lastText)}`,
        );
      });
    const text = (await hover.allInnerTexts()).join("\n");
    assert.match(text, /Tehran/);
    assert.match(text, /den(y|ies|ied|ial)/i, `hover does not give the stance (denies): ${text}`);
    publish(await shot("hover-provenance", [".part.editor"]), "hover-provenance");
    await page.mouse.move(5, 5);
    await page.keyboard.press("Escape");
  });

  test(
    '(c) "Provenance: List Contradictions" shows the figure and stance conflicts',
    { timeout: STEP_MS },
    async () => {
      await runCommand("Provenance: List Contradictions");
      const rows = page.locator(".quick-input-widget .quick-input-list .monaco-list-row");
      const figureRow = rows
        .filter({ hasText: /2,000|2000/ })
        .filter({ hasText: /1,000|1000|2,400|2400|3,000|3000/ })
        .first();
      await figureRow.waitFor({ state: "visible", timeout: 60_000 }).catch(async () => {
        throw new Error(
          `no drone figure conflict (about 2,000 vs …) in the quick pick; rows: ${JSON.stringify(await rows.allInnerTexts())}`,
        );
      });
      const texts = await rows.allInnerTexts();
      const figure = texts.find((t) => /2,000|2000/.test(t))!;
      assert.match(figure, /drone/i, `the figure conflict is not about drones: ${figure}`);
      const figuresNamed = ["2,000", "1,000", "2,400", "3,000"].filter((f) =>
        texts
          .join("\n")
          .replace(/(\d)(\d{3})\b/g, "$1,$2")
          .includes(f),
      );
      assert.ok(
        figuresNamed.length >= 3,
        `expected at least 3 of the 4 drone figures, got ${figuresNamed.join(", ")}: ${JSON.stringify(texts)}`,
      );
      assert.ok(
        texts.some((t) => /den(y|ies|ied|ial)/i.test(t)),
        `no stance conflict (denial vs assertion) in the quick pick: ${JSON.stringify(texts)}`,
      );
      publish(await shot("list-contradictions", [".part.editor", ".quick-input-widget"]), "list-contradictions");
      await page.keyboard.press("Escape");
      await page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout: 10_000 });
    },
  );

  test('(d) "Provenance: Show Mentions Across Files" on a figure shows other files', { timeout: STEP_MS }, async () => {
    const fig = token("2,000");
    await fig.waitFor({ state: "visible", timeout: 15_000 });
    const b = await fig.boundingBox();
    assert.ok(b, '"2,000" is not on screen');
    // Click inside the figure so the cursor sits on it.
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await runCommand("Provenance: Show Mentions Across Files");
    const peek = page.locator(".peekview-widget").first();
    await peek.waitFor({ state: "visible", timeout: 60_000 });
    const files = peek.locator(".ref-tree .monaco-list-row");
    const other = files
      .filter({ hasText: new RegExp(OTHER_FILES.map((f) => f.replace(/[.]/g, "\\.")).join("|")) })
      .first();
    await other.waitFor({ state: "visible", timeout: 30_000 }).catch(async () => {
      throw new Error(`the peek view names no other file; rows: ${JSON.stringify(await files.allInnerTexts())}`);
    });
    const texts = (await files.allInnerTexts()).join("\n");
    const named = OTHER_FILES.filter((f) => texts.includes(f));
    assert.ok(named.length >= 1, `no mention in another file: ${texts}`);
    publish(await shot("show-mentions"), "show-mentions");
  });

  test("(e) the Contradictions view in the Provenance side bar lists the conflicts", { timeout: STEP_MS }, async () => {
    await page.keyboard.press("Escape");
    await runCommand("Provenance: Focus on Contradictions View");
    const rows = page.locator(".part.sidebar .monaco-list-row");
    const figure = rows.filter({ hasText: /2,000/ }).first();
    await figure.waitFor({ state: "visible", timeout: 60_000 }).catch(async () => {
      throw new Error(
        `no drone figure conflict in the Contradictions view; rows: ${JSON.stringify(await rows.allInnerTexts())}`,
      );
    });
    const texts = await rows.allInnerTexts();
    assert.ok(
      texts.some((t) => /den(y|ies|ied|ial)/i.test(t)),
      `no stance conflict in the view: ${JSON.stringify(texts)}`,
    );
    publish(await shot("contradictions-view"), "contradictions-view");
  });

  test('(f) "Provenance: Show Figures Table" renders the figures across sources', { timeout: STEP_MS }, async () => {
    await runCommand("Provenance: Show Figures Table");
    // The Markdown preview is a webview: an iframe holding the active frame with the rendered page.
    const body = page.frameLocator("iframe.webview.ready").frameLocator("#active-frame").locator("body");
    await body.locator("table").first().waitFor({ state: "visible", timeout: 60_000 });
    const text = await body.innerText();
    for (const figure of ["2,000", "2,400", "3,000"])
      assert.ok(text.includes(figure), `the figures table lacks ${figure}: ${text.slice(0, 800)}`);
    assert.match(text, /drone/i);
    publish(await shot("figures-table", [".part.editor"]), "figures-table");
  });

  test('(g) "Provenance: Show Output" shows the language server\'s log', { timeout: STEP_MS }, async () => {
    await runCommand("Provenance: Show Output");
    const panel = page.locator(".part.panel");
    await panel
      .filter({ hasText: /indexed\s+\d+\s+files/ })
      .first()
      .waitFor({ state: "visible", timeout: 30_000 })
      .catch(async () => {
        await shot("show-output-failed");
        throw new Error(
          `the output panel does not show the server's log: ${(await panel.innerText().catch(() => "")).slice(0, 800)}`,
        );
      });
    await shot("show-output");
  });

  test('(h) "Provenance: Restart Server" restarts it and the diagnostics come back', { timeout: STEP_MS }, async () => {
    await runCommand("Provenance: Restart Server");
    const toast = page
      .locator(".notifications-toasts .notification-toast")
      .filter({ hasText: /language server restarted/ });
    await toast.first().waitFor({ state: "visible", timeout: 60_000 });
    await runCommand("Problems: Focus on Problems View");
    const claimRow = page
      .locator(".markers-panel .monaco-list-row")
      .filter({ hasText: /claim\.(hedged|attributed|anonymous|denial)|stance\.conflict|figure\.conflict/ })
      .first();
    await claimRow.waitFor({ state: "visible", timeout: 60_000 });
    await shot("restart-server");
  });

  test(
    "(i) the installed extension's page shows the user README with its images and the icon loaded",
    { timeout: STEP_MS },
    async () => {
      await runCommand("View: Close All Editors");
      await runCommand("View: Hide Panel");
      await runCommand("Notifications: Clear All Notifications");
      await runCommand("Extensions: Show Enabled Extensions");
      const row = page.locator(".extensions-viewlet .monaco-list-row").filter({ hasText: "Provenance" }).first();
      await row.waitFor({ state: "visible", timeout: 30_000 });
      await row.click();
      const editor = page.locator(".extension-editor");
      await editor.waitFor({ state: "visible", timeout: 30_000 });
      // The README is a webview: an iframe holding the active frame with the rendered page.
      const body = page.frameLocator("iframe.webview.ready").frameLocator("#active-frame").locator("body");
      await body.locator("h1").filter({ hasText: "Provenance" }).first().waitFor({ state: "visible", timeout: 30_000 });
      const text = await body.innerText();
      assert.match(text, /Who says so/, "the page does not show the user README");
      assert.doesNotMatch(text, /npm (ci|test)/, "the page shows the developer README");
      const images = (await waitFor(
        "every image of the extension page to load",
        async () => {
          // Runs in the page: `document` is the webview's (the test's tsconfig has no DOM types).
          const found: Array<{ src: string; complete: boolean; width: number }> = await body.evaluate(() => {
            type Image = { getAttribute(name: string): string | null; complete: boolean; naturalWidth: number };
            const images = (globalThis as unknown as { document: { images: ArrayLike<Image> } }).document.images;
            return Array.from(images).map((img) => ({
              src: img.getAttribute("src") ?? "",
              complete: img.complete,
              width: img.naturalWidth,
            }));
          });
          return found.length > 0 && found.every((img) => img.complete) ? found : undefined;
        },
        30_000,
      ))!;
      const broken = images.filter((img) => img.width === 0);
      assert.deepEqual(broken, [], `images that did not load: ${JSON.stringify(broken)}`);
      assert.ok(images.length >= 4, `only ${images.length} images on the page: ${JSON.stringify(images)}`);
      const icon = editor.locator(".header .icon-container img, .header img.icon").first();
      await icon.waitFor({ state: "visible", timeout: 10_000 });
      assert.ok(
        (await icon.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)) > 0,
        "the extension icon did not load",
      );
      await body.locator("img").first().scrollIntoViewIfNeeded();
      publish(await shot("extension-page"), "extension-page");
    },
  );

  test("(j) the first-use walkthrough opens on its first step with its screenshot", { timeout: STEP_MS }, async () => {
    await runCommand("Welcome: Open Walkthrough...");
    const row = page
      .locator(".quick-input-widget .quick-input-list .monaco-list-row")
      .filter({ hasText: "Check your sources with Provenance" });
    await row.first().waitFor({ state: "visible", timeout: 30_000 });
    await row.first().click();
    const walkthrough = page.locator(".gettingStartedContainer");
    await walkthrough.filter({ hasText: "Open a source text" }).first().waitFor({ state: "visible", timeout: 30_000 });
    const text = await walkthrough.first().innerText();
    for (const step of ["Hover a claim or a figure", "List the contradictions", "Compare figures across sources"]) {
      assert.ok(text.includes(step), `the walkthrough lacks the step "${step}": ${text.slice(0, 600)}`);
    }
    const image = walkthrough.locator("img").first();
    await image.waitFor({ state: "visible", timeout: 15_000 });
    const width = await waitFor(
      "the walkthrough's screenshot to load",
      () => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      15_000,
    );
    assert.ok(width > 0, "the walkthrough's screenshot did not load");
    publish(await shot("walkthrough"), "walkthrough");
  });
});
