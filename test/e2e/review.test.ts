// End-to-end review workflow in a real VS Code workbench (code-server, driven by Chromium): mark the
// hedged claim "The plant reportedly employs about 800 workers." (kyiv-bulletin) as verified through
// the quick-fix menu (Ctrl+.), see its warning leave the Problems panel, find the verdict in
// .provenance/reviews.json and in the Reviews view, reload the window and see the verdict kept.
// Each step saves a screenshot into test-output/screenshots/ (and docs/screenshots/review-*.png).
//
// Needs: bash scripts/install-editor-test-deps.sh && npm run build
// Run:   node test/run.mjs e2e/review
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Locator, Page } from "playwright-core";
import {
  chromiumBin,
  codeServerBin,
  docsScreenshotsDir,
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
  WORKBENCH_SETTINGS,
  type CodeServer,
  type Sandbox,
} from "./harness";

const SUITE = "code-server e2e: review verdicts";
const skip = skipUnlessTools(SUITE, [
  { name: "code-server", path: which(codeServerBin), hint: `expected at ${codeServerBin}` },
  { name: "chromium", path: which(chromiumBin), hint: "apt-get install chromium" },
]);
const updateDocs = extensionRoot === repoRoot && !process.env.E2E_NO_DOCS;

const STEP_MS = 120_000;
const KYIV = "kyiv-bulletin-2026-03-03.txt";
const SENTENCE = "The plant reportedly employs about 800 workers.";
const REVIEWER = "E2E Reviewer";

describe(SUITE, { skip, timeout: 10 * 60_000 }, () => {
  let box: Sandbox;
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let shotNo = 0;
  const reviewsFile = () => join(box.workspace, ".provenance", "reviews.json");

  async function shot(name: string): Promise<void> {
    mkdirSync(screenshotsDir, { recursive: true });
    const file = join(screenshotsDir, `review-${String(++shotNo).padStart(2, "0")}-${name}.png`);
    await page.waitForTimeout(250); // let the last paint settle (screenshot only; never a wait for state)
    await page.screenshot({ path: file });
    if (updateDocs) {
      mkdirSync(docsScreenshotsDir, { recursive: true });
      copyFileSync(file, join(docsScreenshotsDir, `review-${name}.png`));
    }
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
    await row.waitFor({ state: "visible", timeout: 15_000 });
    // Enter runs the focused row; a click can be caught by a hover the pointer left open.
    if ((await row.getAttribute("class"))?.includes("focused")) await page.keyboard.press("Enter");
    else await row.click();
  }

  async function openKyiv(): Promise<void> {
    const row = page.locator(".explorer-folders-view .monaco-list-row").filter({ hasText: KYIV }).first();
    await row.waitFor({ state: "visible", timeout: 60_000 });
    await row.dblclick();
    await page
      .locator(".editor-instance .monaco-editor .view-lines")
      .filter({ hasText: "reportedly" })
      .first()
      .waitFor({ state: "visible", timeout: 30_000 });
  }

  function token(text: string): Locator {
    return page.locator(".editor-instance .monaco-editor .view-line span span").filter({ hasText: text }).first();
  }

  const problemRows = () => page.locator(".markers-panel .monaco-list-row");
  /** Problems rows once the diagnostics of the file are in (the denial is always there). */
  async function problemsOfKyiv(): Promise<string[]> {
    await problemRows()
      .filter({ hasText: /denied/ })
      .first()
      .waitFor({ state: "visible", timeout: 60_000 });
    // Warnings come first and the panel shows a few rows: maximized, every row of the file is drawn.
    await runCommand("View: Toggle Maximized Panel");
    try {
      await problemRows()
        .filter({ hasText: /denied/ })
        .first()
        .waitFor({ state: "visible", timeout: 15_000 });
      return await problemRows().allInnerTexts();
    } finally {
      await runCommand("View: Toggle Maximized Panel");
    }
  }

  before(async () => {
    requireBuilt(["dist/extension.js", "dist/server.js"]);
    box = makeSandbox("e2e-review");
    const dirs = prepareCodeServer(box);
    writeFileSync(
      join(dirs.userData, "User", "settings.json"),
      JSON.stringify({ ...WORKBENCH_SETTINGS, "provenance.reviewer": REVIEWER }, null, 2),
    );
    packAndInstall(box, dirs);
    server = await startCodeServer(box, dirs);
    context = await launchBrowser(box);
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(box.workspace)}`, { waitUntil: "domcontentloaded" });
    await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 60_000 });
  });

  after(async () => {
    try {
      await context?.close().catch(() => {});
    } finally {
      await server?.stop();
      box?.cleanup();
    }
  });

  test("(1) the hedged claim is a problem before any review", { timeout: STEP_MS }, async () => {
    await openKyiv();
    await runCommand("Problems: Focus on Problems View");
    const texts = await problemsOfKyiv();
    assert.ok(
      texts.some((t) => /reportedly/.test(t)),
      `no "reportedly" problem: ${JSON.stringify(texts)}`,
    );
    assert.ok(!existsSync(reviewsFile()), "no reviews file before any verdict");
    await shot("before");
  });

  test("(2) Ctrl+. on the claim offers the review actions; Mark as verified", { timeout: STEP_MS }, async () => {
    // The cursor onto "reportedly" (line 5, column 257) by Go to Line: clicking could land on a
    // line that moves when a code lens appears above it.
    const line = readFileSync(join(box.workspace, KYIV), "utf8").split("\n")[4]!;
    const column = line.indexOf("reportedly") + 3;
    await page
      .locator(".editor-instance .monaco-editor .view-lines")
      .first()
      .click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+g");
    const input = page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ state: "visible", timeout: 15_000 });
    await input.fill(`:5:${column + 1}`); // quick open, go-to-line mode
    await page.keyboard.press("Enter");
    await page
      .locator(".statusbar")
      .filter({ hasText: `Ln 5, Col ${column + 1}` })
      .first()
      .waitFor({ state: "visible", timeout: 15_000 });
    await page.keyboard.press("Control+.");
    const rows = page.locator(".action-widget .monaco-list-row");
    const verify = rows.filter({ hasText: "Mark as verified" }).first();
    await verify.waitFor({ state: "visible", timeout: 30_000 }).catch(async () => {
      throw new Error(
        `no "Mark as verified" in the quick-fix menu; rows: ${JSON.stringify(await rows.allInnerTexts())}`,
      );
    });
    const titles = await rows.allInnerTexts();
    for (const title of ["Mark as disputed", "Ignore this finding"])
      assert.ok(
        titles.some((t) => t.includes(title)),
        JSON.stringify(titles),
      );
    await shot("code-action");
    // The menu takes the keyboard: move to the action and accept it.
    const focused = page.locator(".action-widget .monaco-list-row.focused");
    for (
      let i = 0;
      i < titles.length && !(await focused.innerText().catch(() => "")).includes("Mark as verified");
      i++
    ) {
      await page.keyboard.press("ArrowDown");
    }
    assert.match(await focused.innerText(), /Mark as verified/);
    await page.keyboard.press("Enter");
  });

  test(
    "(3) the warning leaves the Problems panel and the reviews file holds the verdict",
    { timeout: STEP_MS },
    async () => {
      await waitFor(
        'the "reportedly" problem to leave the Problems panel',
        async () => {
          const texts = await problemsOfKyiv();
          return !texts.some((t) => /reportedly/.test(t));
        },
        30_000,
      );
      const file = await waitFor(
        "the reviews file",
        () => (existsSync(reviewsFile()) ? JSON.parse(readFileSync(reviewsFile(), "utf8")) : undefined),
        10_000,
      );
      const entry = file.reviews.find((r: any) => r.sentence === SENTENCE);
      assert.ok(entry, JSON.stringify(file));
      assert.equal(entry.verdict, "verified");
      assert.equal(entry.file, KYIV);
      assert.equal(entry.reviewer, REVIEWER);
      // The text itself is untouched.
      assert.ok(readFileSync(join(box.workspace, KYIV), "utf8").includes(SENTENCE));
      await shot("verified");
    },
  );

  test("(4) the hover and the Reviews view show who verified it", { timeout: STEP_MS }, async () => {
    const cue = token("reportedly");
    const b = await cue.boundingBox();
    assert.ok(b);
    await page.mouse.move(b.x + b.width / 2, b.y - 30, { steps: 3 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    const hover = page
      .locator(".monaco-hover:visible")
      .filter({ hasText: `verified by ${REVIEWER}` })
      .first();
    await hover.waitFor({ state: "visible", timeout: 20_000 });
    await shot("hover");
    await page.mouse.move(5, 5);
    await page.keyboard.press("Escape");
    await runCommand("Provenance: Focus on Reviews View");
    const row = page.locator(".part.sidebar .monaco-list-row").filter({ hasText: "reportedly employs" }).first();
    await row.waitFor({ state: "visible", timeout: 30_000 });
    assert.match(await row.innerText(), new RegExp(`verified by ${REVIEWER}`));
    await shot("reviews-view");
  });

  test("(5) after a window reload the verdict is still applied", { timeout: STEP_MS }, async () => {
    const reloaded = page.waitForEvent("domcontentloaded", { timeout: 60_000 });
    await runCommand("Developer: Reload Window");
    await reloaded;
    await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 60_000 });
    // The side bar reopens on the last view (Reviews): open the file through Quick Open.
    await page.keyboard.press("Control+p");
    const input = page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ state: "visible", timeout: 30_000 });
    await input.fill(KYIV);
    await page
      .locator(".quick-input-widget .quick-input-list .monaco-list-row")
      .filter({ hasText: KYIV })
      .first()
      .waitFor({ state: "visible", timeout: 15_000 });
    await page.keyboard.press("Enter");
    await page
      .locator(".editor-instance .monaco-editor .view-lines")
      .filter({ hasText: "reportedly" })
      .first()
      .waitFor({ state: "visible", timeout: 30_000 });
    await runCommand("Problems: Focus on Problems View");
    let texts: string[] = [];
    await waitFor(
      "the diagnostics of the reopened file, without the verified claim",
      async () => {
        texts = await problemsOfKyiv();
        return !texts.some((t) => /reportedly/.test(t));
      },
      20_000,
    ).catch(() => assert.fail(`the verified claim is a problem again after reload: ${JSON.stringify(texts)}`));
    await runCommand("Provenance: Focus on Reviews View");
    await page
      .locator(".part.sidebar .monaco-list-row")
      .filter({ hasText: "reportedly employs" })
      .first()
      .waitFor({ state: "visible", timeout: 30_000 });
    await shot("after-reload");
  });
});
