// Entry point for VS Code's extension test runner: `run()` is called inside the extension host
// (--extensionTestsPath points at the bundle of this file, out/vscode-suite/index.js).
// mocha stays external (resolved from the repository's node_modules).
import * as fs from "node:fs";
import Mocha from "mocha";

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 60_000, reporter: "spec" });
  // Define describe/it on the global object, then load the suites (bundled; required lazily).
  mocha.suite.emit("pre-require", globalThis, "provenance.vscode", mocha);
  require("./provenance.vscode");
  const resultsFile = process.env.PROVENANCE_VSCODE_RESULTS;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const summary = {
        passes: runner.stats?.passes ?? 0,
        failures,
        pending: runner.stats?.pending ?? 0,
        tests: runner.stats?.tests ?? 0,
        failed: failedTitles,
      };
      console.log(`[provenance.vscode] ${summary.passes} passed, ${failures} failed, ${summary.pending} skipped`);
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(summary, null, 2));
      if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed: ${failedTitles.join("; ")}`));
      else if (summary.passes === 0) reject(new Error("no in-editor test passed"));
      else resolve();
    });
    const failedTitles: string[] = [];
    runner.on("fail", (test, err) =>
      failedTitles.push(`${test.fullTitle()}: ${(err as Error)?.message ?? String(err)}`),
    );
  });
}
