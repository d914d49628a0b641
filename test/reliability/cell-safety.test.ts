import fc from "fast-check";
import { asLiteralText, needsQuotePrefix, readBackAsExcelWould } from "../../src/excel/cell-safety";

/**
 * asLiteralText: what the Excel layer writes through Range.values. Text Excel would turn into a
 * formula, number, date, boolean or error value gets Excel's quote prefix; other text is untouched.
 */
describe("asLiteralText", () => {
  test.each([
    ['=HYPERLINK("http://x","y")'],
    ["+cmd|' /C calc'!A0"],
    ["-2+3"],
    ["@SUM(A1:A9)"],
    [" =1+1"],
    ["\t=1+1"],
    ["＝1+1"],
    ["00123"],
    ["6110"],
    ["1 234,50"],
    ["12%"],
    ["1e5"],
    [".5"],
    ["(500)"],
    ["2024-01"],
    ["2024-01-15"],
    ["1/2"],
    ["12:30"],
    ["15 mars 2024"],
    ["1 1/2"],
    ["TRUE"],
    ["falskt"],
    ["#N/A"],
    ["'already quoted"],
  ])("%j is written with a quote prefix and reads back unchanged", (text) => {
    const written = asLiteralText(text);
    expect(written).toBe(`'${text}`);
    expect(readBackAsExcelWould(written)).toBe(text);
  });

  test.each([["A1"], ["EB00001"], ["Hemtjänst Norr"], ["B-1a2b3c4d5e6f"], ["HT_NORR"], ["Åsa-Öberg 😀"], ["Ytterfall: ÄO ordinärt boende"], ["kr/timme"]])(
    "%j is plain text and written as it is",
    (text) => expect(asLiteralText(text)).toBe(text),
  );

  test("numbers and booleans pass; empty, null, NaN and ±Infinity become an empty cell; dates become literal ISO text", () => {
    expect(asLiteralText(1234.5)).toBe(1234.5);
    expect(asLiteralText(-0.25)).toBe(-0.25);
    expect(asLiteralText(true)).toBe(true);
    for (const empty of [null, undefined, "", Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, new Date(Number.NaN)]) {
      expect(asLiteralText(empty)).toBe("");
    }
    expect(asLiteralText(new Date(Date.UTC(2024, 0, 15)))).toBe("'2024-01-15");
  });

  test("in a Text (\"@\") cell, text is written as it is: the format keeps it literal, and an apostrophe would show", () => {
    for (const text of ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "00123", "'quoted", "Hemtjänst"]) {
      expect(asLiteralText(text, "@")).toBe(text);
      expect(readBackAsExcelWould(asLiteralText(text, "@"), "@")).toBe(text);
    }
    expect(asLiteralText(new Date(Date.UTC(2024, 0, 15)), "@")).toBe("2024-01-15");
    expect(asLiteralText("=1+1", "#,##0")).toBe("'=1+1");
  });

  test("property: any text reads back unchanged, and nothing written bare starts like a formula", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom("=", "+", "-", "@", "'", " =", "0", "#")).chain((s) => fc.tuple(fc.constant(s), fc.string())), ([head, tail]) => {
        const text = head + tail;
        const written = asLiteralText(text);
        expect(readBackAsExcelWould(written)).toBe(text);
        if (typeof written === "string" && !written.startsWith("'")) {
          expect(written).not.toMatch(/^\s*[=+\-@]/);
          expect(needsQuotePrefix(written)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
