// Data-driven tests of the one offset ↔ position seam (server/src/lsp/convert.ts): LF, CRLF,
// lone CR, surrogate pairs, a BOM the engine removed, clamping; and rule → diagnostic.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DiagnosticSeverity } from "vscode-languageserver";
import { RULES } from "../../server/src/engine/rules";
import { coveringRange, LineMap, lineLink, toDiagnostic } from "../../server/src/lsp/convert";
import { LineTable } from "../../server/src/lsp/lineTable";

const BOM = "\ufeff";
const PILE = "\u{1F4A9}"; // two UTF-16 units

interface OffsetCase {
  name: string;
  text: string;
  /** Engine offset (into the text without BOM) → [line, character] as the client counts. */
  cases: Array<[offset: number, line: number, character: number]>;
}

const OFFSET_CASES: OffsetCase[] = [
  {
    name: "empty text",
    text: "",
    cases: [
      [0, 0, 0],
      [5, 0, 0],
    ],
  },
  {
    name: "LF",
    text: "ab\ncd\n",
    cases: [
      [0, 0, 0],
      [2, 0, 2],
      [3, 1, 0],
      [5, 1, 2],
      [6, 2, 0],
    ],
  },
  {
    name: "CRLF",
    text: "ab\r\ncd\r\nef",
    cases: [
      [0, 0, 0],
      [2, 0, 2],
      [3, 0, 2],
      [4, 1, 0],
      [6, 1, 2],
      [7, 1, 2],
      [8, 2, 0],
      [10, 2, 2],
    ],
  },
  {
    name: "lone CR",
    text: "ab\rcd",
    cases: [
      [2, 0, 2],
      [3, 1, 0],
      [5, 1, 2],
    ],
  },
  {
    name: "mixed terminators",
    text: "a\nb\r\nc\rd",
    cases: [
      [2, 1, 0],
      [5, 2, 0],
      [7, 3, 0],
      [8, 3, 1],
    ],
  },
  {
    name: "blank CRLF lines",
    text: "\r\n\r\nx",
    cases: [
      [0, 0, 0],
      [2, 1, 0],
      [4, 2, 0],
      [5, 2, 1],
    ],
  },
  {
    name: "surrogate pair",
    text: `${PILE}x\n${PILE}y`,
    cases: [
      [0, 0, 0],
      [2, 0, 2],
      [3, 0, 3],
      [4, 1, 0],
      [6, 1, 2],
      [7, 1, 3],
    ],
  },
  {
    name: "BOM shifts line 0 by one",
    text: `${BOM}ab\ncd`,
    cases: [
      [0, 0, 1],
      [2, 0, 3],
      [3, 1, 0],
      [5, 1, 2],
    ],
  },
  {
    name: "BOM + CRLF",
    text: `${BOM}a\r\nb`,
    cases: [
      [0, 0, 1],
      [1, 0, 2],
      [2, 0, 2],
      [3, 1, 0],
      [4, 1, 1],
    ],
  },
  {
    name: "offset past the end is clamped",
    text: "abc",
    cases: [
      [99, 0, 3],
      [-4, 0, 0],
    ],
  },
];

describe("LineMap.positionAt (engine offset → LSP position)", () => {
  for (const c of OFFSET_CASES) {
    test(c.name, () => {
      const map = new LineMap(c.text);
      for (const [offset, line, character] of c.cases) {
        assert.deepEqual(map.positionAt(offset), { line, character }, `offset ${offset} of ${JSON.stringify(c.text)}`);
      }
    });
  }
});

describe("LineMap.offsetAt (LSP position → engine offset)", () => {
  const cases: Array<{ name: string; text: string; cases: Array<[line: number, character: number, offset: number]> }> =
    [
      {
        name: "LF",
        text: "ab\ncd",
        cases: [
          [0, 0, 0],
          [0, 2, 2],
          [1, 0, 3],
          [1, 2, 5],
        ],
      },
      {
        name: "CRLF: a character past the line end stops before \\r",
        text: "ab\r\ncd",
        cases: [
          [0, 2, 2],
          [0, 9, 2],
          [1, 0, 4],
          [1, 1, 5],
        ],
      },
      { name: "line past the end → end of text", text: "ab\ncd", cases: [[7, 0, 5]] },
      { name: "negative line → 0", text: "ab", cases: [[-1, 3, 0]] },
      {
        name: "BOM: positions count it, engine offsets do not",
        text: `${BOM}ab\ncd`,
        cases: [
          [0, 0, 0],
          [0, 1, 0],
          [0, 2, 1],
          [0, 3, 2],
          [1, 1, 4],
        ],
      },
      {
        name: "surrogate pair",
        text: `${PILE}ab`,
        cases: [
          [0, 2, 2],
          [0, 3, 3],
        ],
      },
    ];
  for (const c of cases) {
    test(c.name, () => {
      const map = new LineMap(c.text);
      for (const [line, character, offset] of c.cases) {
        assert.equal(map.offsetAt({ line, character }), offset, `${line}:${character} of ${JSON.stringify(c.text)}`);
      }
    });
  }

  test("round trip for every offset outside line terminators and pairs", () => {
    const text = `${BOM}Kyiv said\r\n${PILE} about 2,000\rdrones\n\nend`;
    const map = new LineMap(text);
    const engineText = text.slice(1);
    for (let offset = 0; offset <= engineText.length; offset++) {
      const prev = engineText.charCodeAt(offset - 1);
      const cur = engineText.charCodeAt(offset);
      if (prev === 13 && cur === 10) continue; // between \r and \n
      if (prev >= 0xd800 && prev <= 0xdbff) continue; // inside a surrogate pair
      assert.equal(map.offsetAt(map.positionAt(offset)), offset, `offset ${offset}`);
    }
  });
});

describe("LineMap.rangeOf", () => {
  test("a range never splits a surrogate pair: start snaps back, end snaps forward", () => {
    const map = new LineMap(`a${PILE}b`);
    assert.deepEqual(map.rangeOf({ start: 2, end: 2 }), {
      start: { line: 0, character: 1 },
      end: { line: 0, character: 3 },
    });
  });

  test("a span over CRLF lines", () => {
    const map = new LineMap("one\r\ntwo\r\nthree");
    assert.deepEqual(map.rangeOf({ start: 1, end: 12 }), {
      start: { line: 0, character: 1 },
      end: { line: 2, character: 2 },
    });
  });

  test("linePieces splits multi-line spans, without terminators", () => {
    const map = new LineMap("one\r\ntwo\nthree");
    assert.deepEqual(map.linePieces({ start: 1, end: 11 }), [
      [0, 1, 2],
      [1, 0, 3],
      [2, 0, 2],
    ]);
  });

  test("linePieces with a BOM", () => {
    const map = new LineMap(`${BOM}Iran\nRussia`);
    assert.deepEqual(map.linePieces({ start: 0, end: 4 }), [[0, 1, 4]]);
  });

  test("coveringRange", () => {
    const a = { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } };
    const b = { start: { line: 0, character: 7 }, end: { line: 1, character: 1 } };
    assert.deepEqual(coveringRange([a, b]), { start: b.start, end: a.end });
  });
});

describe("toDiagnostic (rule code + severity → Diagnostic)", () => {
  const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 12 } };
  const cases: Array<
    [severity: "error" | "warning" | "information" | "hint" | "off", expected: DiagnosticSeverity | undefined]
  > = [
    ["error", DiagnosticSeverity.Error],
    ["warning", DiagnosticSeverity.Warning],
    ["information", DiagnosticSeverity.Information],
    ["hint", DiagnosticSeverity.Hint],
    ["off", undefined],
  ];
  for (const [severity, expected] of cases) {
    test(`severity ${severity}`, () => {
      const d = toDiagnostic({ code: "claim.hedged", severity, range, message: "Hedged claim" });
      if (expected === undefined) return assert.equal(d, undefined);
      assert.equal(d?.severity, expected);
      assert.equal(d?.code, "claim.hedged");
      assert.equal(d?.source, "provenance");
      assert.deepEqual(d?.range, range);
      assert.equal(d?.relatedInformation, undefined);
    });
  }

  test("every registered rule maps with its default severity", () => {
    for (const rule of RULES) {
      const d = toDiagnostic({ code: rule.code, severity: rule.defaultSeverity, range, message: rule.title });
      assert.ok(d, rule.code);
      assert.equal(d.code, rule.code);
    }
  });

  test("related mentions become relatedInformation locations", () => {
    const d = toDiagnostic({
      code: "figure.conflict",
      severity: "warning",
      range,
      message: "Conflicting figure",
      related: [{ uri: "file:///w/a.txt", range, message: "U.S. officials: as many as 1,000" }],
    });
    assert.deepEqual(d?.relatedInformation, [
      { location: { uri: "file:///w/a.txt", range }, message: "U.S. officials: as many as 1,000" },
    ]);
  });

  test("lineLink is 1-based", () => {
    assert.equal(lineLink("file:///w/a.txt", range), "file:///w/a.txt#L2");
  });
});

describe("LineTable (a closed file's line map without its text) answers as LineMap", () => {
  const texts = [...OFFSET_CASES.map((c) => c.text), `a${PILE}b\r\n${PILE}\n\n`, `x\n\r${PILE}${PILE}\r\n`];
  for (const text of texts) {
    test(JSON.stringify(text), () => {
      const map = new LineMap(text);
      const table = new LineTable(text);
      assert.equal(table.lineCount, map.lineCount);
      assert.equal(table.bomShift, map.bomShift);
      for (let offset = -1; offset <= text.length + 1; offset++) {
        for (const bias of ["start", "end"] as const)
          assert.deepEqual(table.positionAt(offset, bias), map.positionAt(offset, bias), `offset ${offset} ${bias}`);
        for (let end = offset; end <= text.length + 1; end++) {
          assert.deepEqual(table.rangeOf({ start: offset, end }), map.rangeOf({ start: offset, end }));
          assert.deepEqual(table.linePieces({ start: offset, end }), map.linePieces({ start: offset, end }));
        }
      }
      for (let line = -1; line <= map.lineCount + 1; line++) {
        assert.deepEqual(table.lineRange(line), map.lineRange(line));
        for (let character = -1; character <= 6; character++)
          assert.equal(table.offsetAt({ line, character }), map.offsetAt({ line, character }), `${line}:${character}`);
      }
    });
  }
});
