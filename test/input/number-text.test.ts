import fc from "fast-check";
import { numberFromText, sniffDecimalMark } from "../../src/input/number-text";

describe("numbers in text exports", () => {
  test.each([
    ["1 234,50", ",", 1234.5],
    ["1\u00a0234\u00a0567,89", ",", 1234567.89],
    ["1\u202f234,5", ",", 1234.5],
    ["1.234,50", ",", 1234.5],
    ["1.234", ",", 1234],
    ["1,234", ",", 1.234],
    ["1,234.50", ".", 1234.5],
    ["1,234", ".", 1234],
    ["-12,5", ",", -12.5],
    ["\u221212,5", ",", -12.5],
    ["12,50-", ",", -12.5],
    ["(12,50)", ",", -12.5],
    ["+7", ",", 7],
    ["0,05", ",", 0.05],
    [",5", ",", 0.5],
    ["100 kr", ",", 100],
    ["1,5", null, 1.5],
    ["42", null, 42],
  ] as const)("%j with decimal mark %j reads %d", (text, mark, expected) => {
    expect(numberFromText(text, mark)).toBe(expected);
  });

  test.each([
    ["abc", ","],
    ["12.50", ","], // a dot decimal in a decimal-comma file is not this file's form
    ["1.23.4", ","],
    ["12,3,4", ","],
    ["1.234", null], // ambiguous without a known mark: left to the engine, which warns
    ["1234567890123456,78", ","], // more digits than a double keeps exactly
    ["", ","],
    ["-", ","],
  ] as const)("%j with mark %j is not read here", (text, mark) => {
    expect(numberFromText(text, mark)).toBeNull();
  });

  test("the decimal mark is what most numbers of the column say", () => {
    expect(sniffDecimalMark(["1 234", "12,5", "1.234"])).toBe(",");
    expect(sniffDecimalMark(["1,234.56", "3.5", "7"])).toBe(".");
    expect(sniffDecimalMark(["1.234.567"])).toBe(",");
    expect(sniffDecimalMark(["1.234", "17", 5])).toBeNull();
  });

  test("property: öre amounts written the Swedish way read back exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom(" ", "\u00a0", "."), (ore, group) => {
        const abs = Math.abs(ore);
        const kronor = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
        const text = `${ore < 0 ? "-" : ""}${kronor},${String(abs % 100).padStart(2, "0")}`;
        const value = numberFromText(text, ",");
        expect(value).not.toBeNull();
        expect(Math.round(value! * 100)).toBe(ore);
        expect(String(value)).toBe(String(ore / 100));
      }),
    );
  });
});
