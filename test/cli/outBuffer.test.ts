// The CLI's stdout buffer encodes each line straight into byte chunks: what reaches the stream must
// be the UTF-8 of the lines as the plain writer gave them (each ending with one newline), in order,
// whatever the lines hold and however they fall across chunks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { OutBuffer } from "../../server/src/cli/outBuffer";

/** What the writer before the byte chunks sent: each text, a newline after it unless it has one. */
function plain(lines: readonly string[]): string {
  return lines.map((s) => (s.endsWith("\n") ? s : s + "\n")).join("");
}

function written(lines: readonly string[], size: number): { text: string; chunks: Array<string | Buffer> } {
  const chunks: Array<string | Buffer> = [];
  const out = new OutBuffer((chunk) => chunks.push(chunk), size);
  for (const line of lines) out.writeLine(line);
  out.flush();
  const text = Buffer.concat(chunks.map((c) => (typeof c === "string" ? Buffer.from(c, "utf8") : c))).toString("utf8");
  return { text, chunks };
}

const LINES = [
  `{"files":[`,
  "",
  "ends with its own newline\n",
  "two newlines at the end\n\n",
  "accents é, a dash —, CJK 北京, an emoji 🇺🇦 and a pair 𝄞",
  "\n",
  "x".repeat(700),
  "—".repeat(300),
  "]}",
];

test("lines reach the stream as the plain writer sent them, at every chunk size", () => {
  for (const size of [0, 1, 16, 64, 500, 64 * 1024]) {
    const { text } = written(LINES, size);
    assert.equal(text, plain(LINES), `chunk size ${size}`);
  }
});

test("chunks are at least the chunk size but the last, and a terminal (size 0) gets each line at once", () => {
  const many = Array.from({ length: 400 }, (_, i) => `{"n":${i},"text":"${"é".repeat(i % 37)}"}`);
  const { text, chunks } = written(many, 1024);
  assert.equal(text, plain(many));
  assert.ok(chunks.length > 5, `${chunks.length} chunks`);
  for (const chunk of chunks.slice(0, -1)) assert.ok(Buffer.byteLength(chunk) >= 1024, "a full chunk");
  const terminal = written(["a", "b\n", ""], 0);
  assert.deepEqual(terminal.chunks, ["a\n", "b\n", "\n"]);
});

test("a chunk handed to the stream is not changed by later writes", () => {
  const kept: Buffer[] = [];
  const out = new OutBuffer((chunk) => kept.push(Buffer.from(chunk)), 8);
  const seen: Array<string | Buffer> = [];
  const watched = new OutBuffer((chunk) => seen.push(chunk), 8);
  for (const line of ["first line", "second", "third line here"]) {
    out.writeLine(line);
    watched.writeLine(line);
  }
  out.flush();
  watched.flush();
  assert.deepEqual(
    seen.map((c) => c.toString()),
    kept.map((c) => c.toString()),
  );
});
