// The bench's table: every figure of issue 9 as a row, defined up front so a figure that could
// not be measured still shows (SKIP / TIMEOUT / ERROR) instead of silently missing.
// Columns: the build under test ("current"), its baseline (write-good on the same text for
// throughput, the --baseline build for the rest), their ratio, the goal and the result.

export const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
const thousands = (x) => Math.round(x).toLocaleString("en-US");

export class Report {
  constructor(log = console.log) {
    this.log = log;
    /** id → {id, name, unit, cmp, goal, ref, digits, current, baseline} where a cell is {value} or {status, message}. */
    this.rows = new Map();
    this.notes = [];
  }

  /** Declares a row. `goal` with `cmp` ("<=" | ">="); `ref` is the "now" figure, shown for reference. */
  define(id, name, { unit, cmp, goal, ref = "", digits = 1, baselineLabel } = {}) {
    this.rows.set(id, {
      id,
      name,
      unit,
      cmp,
      goal,
      ref,
      digits,
      baselineLabel,
      current: undefined,
      baseline: undefined,
    });
  }

  set(id, column, value) {
    const row = this.rows.get(id);
    if (!row) throw new Error(`bench: no row ${id}`);
    row[column] = { value };
  }

  /** Marks the rows of `ids` not yet measured in `column` as failed (TIMEOUT / ERROR) or skipped, and says so at once. */
  fail(ids, column, status, message) {
    const names = [];
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row[column] !== undefined) continue;
      row[column] = { status, message };
      names.push(row.name);
    }
    if (!names.length) return;
    const loud = status === "SKIP" ? "SKIP" : `!!! ${status}`;
    this.log(`${loud} [${column}] ${names.join("; ")}: ${message}`);
  }

  note(text) {
    this.notes.push(text);
  }

  cell(row, cell) {
    if (cell === undefined) return "—";
    if (cell.status) return cell.status;
    const v = cell.value;
    if (row.unit === "count") return thousands(v);
    if (row.unit === "bytes") return `${fmt(v / 1e6, 2)} MB`;
    return `${fmt(v, row.digits)} ${row.unit}`;
  }

  result(row) {
    const c = row.current;
    if (c === undefined) return "SKIP";
    if (c.status) return c.status;
    if (row.goal === undefined) return "";
    const ok = row.cmp === ">=" ? c.value >= row.goal : c.value <= row.goal;
    return ok ? "PASS" : "MISS";
  }

  ratio(row) {
    const c = row.current?.value;
    const b = row.baseline?.value;
    return Number.isFinite(c) && Number.isFinite(b) && b !== 0 ? `${fmt(c / b, 2)}×` : "";
  }

  goalText(row) {
    if (row.goal === undefined) return "";
    const v =
      row.unit === "bytes"
        ? `${fmt(row.goal / 1e6, 0)} MB`
        : `${row.goal} ${row.unit === "count" ? "" : row.unit}`.trim();
    return `${row.cmp === ">=" ? "≥" : "≤"} ${v}`;
  }

  lines() {
    const table = [["metric", "current", "baseline", "cur/base", "goal", "result", "issue 'now'"]];
    for (const row of this.rows.values()) {
      const base = this.cell(row, row.baseline);
      table.push([
        row.name,
        this.cell(row, row.current),
        row.baselineLabel && base !== "—" ? `${base} (${row.baselineLabel})` : base,
        this.ratio(row),
        this.goalText(row),
        this.result(row),
        row.ref,
      ]);
    }
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
    return table.map((r) =>
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join("  ")
        .trimEnd(),
    );
  }

  /** Prints the table and returns the failures (MISS, TIMEOUT, ERROR in the current column). */
  print() {
    this.log("\n== results ==");
    for (const line of this.lines()) this.log(line);
    for (const n of this.notes) this.log(`note: ${n}`);
    const failed = [...this.rows.values()].filter((r) => ["MISS", "TIMEOUT", "ERROR"].includes(this.result(r)));
    // Each step that failed, once, with the figures it left unmeasured.
    const problems = new Map();
    for (const r of this.rows.values()) {
      for (const col of ["current", "baseline"]) {
        const c = r[col];
        if (!c?.status || c.status === "SKIP") continue;
        const key = `${c.status} [${col}] ${c.message}`;
        problems.set(key, [...(problems.get(key) ?? []), r.name]);
      }
    }
    if (problems.size) this.log("");
    for (const [key, names] of problems) this.log(`!!! ${key} — not measured: ${names.join("; ")}`);
    const count = (s) => failed.filter((r) => this.result(r) === s).length;
    this.log(
      `\n${this.rows.size} figures: ${[...this.rows.values()].filter((r) => this.result(r) === "PASS").length} PASS, ${count("MISS")} MISS, ${count("TIMEOUT")} TIMEOUT, ${count("ERROR")} ERROR, ${[...this.rows.values()].filter((r) => this.result(r) === "SKIP").length} SKIP`,
    );
    return failed;
  }

  toJSON() {
    return [...this.rows.values()].map((r) => ({ ...r, result: this.result(r) }));
  }
}

/** Runs a bench step; a failure marks its unmeasured rows TIMEOUT (a wait ran out) or ERROR, loudly, and returns undefined. */
export async function step(report, ids, column, fn) {
  try {
    return await fn();
  } catch (err) {
    const message = String(err?.message ?? err).split("\n")[0];
    const status = /within \d+ ms|timed out|timeout/i.test(message) ? "TIMEOUT" : "ERROR";
    report.fail(ids, column, status, message);
    return undefined;
  }
}
