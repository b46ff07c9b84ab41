// `provenance analyze --json <workspace>`: wall time and peak RSS of the CLI process. Peak RSS
// from GNU time's "Maximum resident set size" when /usr/bin/time is present, else from the
// process's VmHWM in /proc, read while it runs. Its output is counted, not kept.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const GNU_TIME = "/usr/bin/time";

/** Resolves {seconds, peakMiB, outBytes, code}; rejects when the CLI fails or runs past `timeoutMs`. */
export function runCliAnalyze(cliPath, dir, timeoutMs) {
  const useTime = existsSync(GNU_TIME);
  const argv = [cliPath, "analyze", "--json", dir];
  const child = useTime ? spawn(GNU_TIME, ["-v", process.execPath, ...argv]) : spawn(process.execPath, argv);
  let outBytes = 0;
  let stderr = "";
  let polledKiB = 0;
  child.stdout.on("data", (c) => (outBytes += c.length));
  child.stderr.on("data", (c) => (stderr = (stderr + c.toString("utf8")).slice(-20_000)));
  const poll = useTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s*(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (m) polledKiB = Math.max(polledKiB, Number(m[1]));
        } catch {
          // the process has ended
        }
      }, 20);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`analyze --json did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr);
      const kib = m ? Number(m[1]) : polledKiB;
      // The CLI exits 1 when it finds something to flag (like a linter); 2 and above are failures.
      const own = stderr.split("\n").filter((l) => l.trim() && !/^(\t|Command )/.test(l)); // without GNU time's report
      if (code === null || code > 1)
        reject(new Error(`analyze --json exited with ${code}: ${own.slice(0, 3).join(" ")}`));
      else resolve({ seconds, peakMiB: kib / 1024, outBytes, code, rssSource: m ? "GNU time" : "/proc VmHWM polled" });
    });
  });
}
